"""Every Streamlit cache in the app, in one module: the store, and one cached `fetch`.

The store is one per process (st.cache_resource). Every number a page shows is asked for
as a frozen metrics.requests.Request and answered by `fetch`, cached on the request's type
and field values (its exact JSON, never a sampled hash) and the versions of what it reads
(data.table_versions), so a write (an import, a saved target, a logged call) invalidates
exactly what it should.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import time
import weakref
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from data import tempfiles
from data.engine import open_store
from data.store import Store, writes_in_this_process
from data.table_versions import Versions
from metrics.requests import CompanyCurrency, Request


@st.cache_resource(show_spinner=False)
def get_store(path: str | None = None) -> Store:
    """The process-wide store: the configured DuckDB file, or the PostgreSQL server that
    $HUDDLE_DATABASE_URL names (both answer the same calls). Opening it is the app's start:
    temporary files left by Huddle processes that were killed are swept then."""
    tempfiles.sweep_stale()
    return open_store(path)  # type: ignore[return-value]  # PostgresStore answers as Store does


# A page asks for the versions once per fetch (thirty or more per run); each ask is a query.
# A read is kept for VERSION_KEPT seconds, and dropped at once when any store of this process
# ends a transaction or the file is reopened: every write this process makes shows on the
# next fetch. Only a write by another process (possible on PostgreSQL, not on a DuckDB file,
# which one process holds) can take up to VERSION_KEPT seconds to show.
VERSION_KEPT = 1.0
# (the store, writes in this process, its generation, when read, the versions). A weak
# reference to the store, not its id: a new store (a cleared cache, another file) never
# matches, and an old one is not kept open by this.
_kept: tuple[weakref.ref[Store], int, int, float, Versions] | None = None


def versions() -> Versions:
    """The store's data version and table versions (data.table_versions): the cache keys."""
    global _kept
    store = get_store()
    now = time.monotonic()
    writes, generation = writes_in_this_process(), store.generation
    kept = _kept
    if (
        kept is not None
        and kept[0]() is store
        and kept[1:3] == (writes, generation)
        and now - kept[3] < VERSION_KEPT
    ):
        return kept[4]
    read = store.versions()
    _kept = (weakref.ref(store), writes, generation, now, read)
    return read


def data_version() -> int:
    """A number that moves on every write: part of the key of whatever must see any write."""
    return versions().data


def version_key(requests: Iterable[Request]) -> str:
    """The versions part of the cache key of anything made from the answers to `requests`
    (and to what they are worked out from, Request.needs): the versions of every table they
    read, or the data version when one may read anything."""
    reads: set[str] = set()
    todo = list(requests)
    while todo:
        request = todo.pop()
        names = request.reads()
        if names is None:
            return versions().key(None)
        reads |= names
        todo.extend(request.needs())
    return versions().key(frozenset(reads))


# The request itself is passed as `_request` (a leading underscore: Streamlit does not hash
# it); the key is its exact string, so equal requests share an entry and nothing is sampled.
# `version` is the key part of the versions the request reads (Request.reads): every write
# for most, only a write to one of its tables for a request that names them.
# st.cache_resource, not st.cache_data: the answer is kept as the object it was worked out
# as. st.cache_data pickles each answer once and unpickles it on every hit: 0.54 s and 0.15 s
# for the company's follow-up list at 10M order lines (59,292 rows), against 0.02 s for the
# deep copy `fetch` hands out instead.
@st.cache_resource(show_spinner=False, max_entries=2048)
def _fetch(key: str, version: str, _request: Request) -> Any:
    del key, version  # only the cache key: a new version means the data changed
    # What it is worked out from, each from the cache on its own key (only on a miss here),
    # side by side when there are several (the follow-up facts beside the RFM scores).
    needed = tuple(fetch_all(_request.needs()))
    return _request.run_with(get_store(), needed)


def fetch(request: Request) -> Any:
    """The request's answer, cached until the data it reads changes. Every caller gets its
    own copy (handed_out), so a caller changing it never changes what the next caller gets
    (a DataFrame's cells are not copied one by one: a list in a cell is the cached one, to
    read only)."""
    return handed_out(_fetch(request.cache_key(), version_key((request,)), request))


# Types whose values cannot be changed in place: a copy of one is the value itself.
_UNCHANGEABLE = frozenset({str, int, float, bool, type(None), bytes, date, datetime, Decimal})


def handed_out(value: Any) -> Any:
    """A copy of a cached answer for one caller. A DataFrame or Series is copied shallowly:
    pandas copies on write (always, from pandas 3), so a column set or a cell changed in the
    copy leaves the cached one as it was, and nothing is copied unless it is changed (a deep
    copy of each answer took a quarter of a Segments rerun at 10M order lines). Dataclasses,
    tuples, lists and dicts are walked; a value that cannot change (a string, a number, a
    day) is handed out as it is (the stand-up's 2,000 names by rep_id took 5 ms a rerun to
    deep-copy one by one); anything else is deep-copied."""
    if type(value) in _UNCHANGEABLE:
        return value
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy(deep=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        copied = copy.copy(value)
        for field in dataclasses.fields(value):
            # object.__setattr__: a frozen dataclass's copy is filled in the same way
            object.__setattr__(copied, field.name, handed_out(getattr(value, field.name)))
        return copied
    if type(value) in (tuple, list):
        return type(value)(handed_out(item) for item in value)
    if type(value) is dict:
        return {key: handed_out(item) for key, item in value.items()}
    return copy.deepcopy(value)


def clear_answers() -> None:
    """Forget every cached answer (the benchmarks' cold runs; a write needs no clearing)."""
    _fetch.clear()


def fetch_all(requests: Sequence[Request]) -> list[Any]:
    """The answers to several requests, in their order. Those not cached yet are worked out
    side by side, each on a thread of its own that carries this script run's context (what
    Streamlit's multithreading guide shows), so a page's first run waits for its slowest part,
    not for the sum (DuckDB and PostgreSQL let go of the GIL while a query runs). Two requests
    that need the same part wait for one another: Streamlit works a key out once at a time."""
    if len(requests) < 2:
        return [fetch(request) for request in requests]
    context = get_script_run_ctx()

    def one(request: Request) -> Any:
        add_script_run_ctx(threading.current_thread(), context)
        return fetch(request)

    # New threads each call, so no thread keeps this session's context for another's work.
    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(one, requests))


def company_currency() -> str:
    """The company's currency (cached): a one-liner over fetch, for the Data page."""
    return fetch(CompanyCurrency())
