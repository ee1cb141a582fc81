"""Every Streamlit cache in the app, in one module: the store, and one cached `fetch`.

The store is one per process (st.cache_resource). Every number a page shows is asked for
as a frozen metrics.requests.Request and answered by `fetch`, cached on the request's type
and field values (its exact JSON, never a sampled hash) and the data version, so a write
anywhere (an import, a saved target) invalidates exactly what it should.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data import tempfiles
from data.engine import open_store
from data.store import Store
from metrics.requests import CompanyCurrency, Request


@st.cache_resource(show_spinner=False)
def get_store(path: str | None = None) -> Store:
    """The process-wide store: the configured DuckDB file, or the PostgreSQL server that
    $HUDDLE_DATABASE_URL names (both answer the same calls). Opening it is the app's start:
    temporary files left by Huddle processes that were killed are swept then."""
    tempfiles.sweep_stale()
    return open_store(path)  # type: ignore[return-value]  # PostgresStore answers as Store does


def data_version() -> int:
    """The store's data version: part of every cache key below."""
    return get_store().data_version()


# The request itself is passed as `_request` (a leading underscore: Streamlit does not hash
# it); the key is its exact string, so equal requests share an entry and nothing is sampled.
@st.cache_data(show_spinner=False, max_entries=2048)
def _fetch(key: str, version: int, _request: Request) -> Any:
    del key, version  # only the cache key: a new version means the data changed
    return _request.run(get_store())


def fetch(request: Request) -> Any:
    """The request's answer, cached until the data changes. A DataFrame comes back as a
    copy, so a caller changing it never changes what the next caller gets (st.cache_data
    hands out an unpickled copy of everything else)."""
    result = _fetch(request.cache_key(), data_version(), request)
    if isinstance(result, pd.DataFrame | pd.Series):
        return result.copy()
    return result


def company_currency() -> str:
    """The company's currency (cached): a one-liner over fetch, for the Data page."""
    return fetch(CompanyCurrency())
