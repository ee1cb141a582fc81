"""What a page draws from fetched answers, built once per answer and cached with it: a
chart's dict (components.charts.plot), the stand-up's board of people and "To fix" panel,
the follow-up lists' pickers and shown rows, Incentives' leaderboard. Not on every rerun: a
rerun that changes nothing the view shows draws it from the cache.

A view is `build(*answers, **display)`: the answers to its requests (components.cache.fetch)
and small display arguments. It is keyed on the builder's name, each request's cache key,
the versions of what they read (cache.version_key), the reader's language, the company's
currency and the display arguments, never on a hashed DataFrame (st.cache_data samples large
ones). So `build` must read nothing else: no session state, no Streamlit call (a flag such as
"presenting" is passed in).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import streamlit as st
from pydantic import BaseModel

from components import cache
from components.format import currency
from components.text import current_language
from metrics.requests import Request

# A display argument: small and exact (a kpi id, a grain, a chart kind, a flag, a day, or a
# pydantic model such as a commission rule, keyed by all of its fields).
Display = str | int | float | bool | date | None | tuple[Any, ...] | BaseModel
View = TypeVar("View")


def _display_key(value: object) -> str:
    """How a display argument json cannot write goes into the key: a model as its JSON (every
    field), anything else (a day) as text."""
    return value.model_dump_json() if isinstance(value, BaseModel) else str(value)


def built(
    build: Callable[..., View], requests: Request | tuple[Request, ...], **display: Display
) -> View:
    """`build(*answers, **display)` from the cache: a copy of its own for each caller
    (st.cache_data), so a caller changing it never changes the cached one. With no requests
    (`()`), the display arguments alone are the key."""
    return _cached(*_key(build, requests, display), False, build, _asked(requests), display)


def built_figure(
    build: Callable[..., Any], requests: Request | tuple[Request, ...], **display: Display
) -> dict[str, Any]:
    """The dict of the plotly figure `build` makes (its to_dict()), cached as `built` is."""
    return _cached(*_key(build, requests, display), True, build, _asked(requests), display)


def _asked(requests: Request | tuple[Request, ...]) -> tuple[Request, ...]:
    return requests if isinstance(requests, tuple) else (requests,)


def _key(
    build: Callable[..., Any], requests: Request | tuple[Request, ...], display: dict[str, Display]
) -> tuple[str, tuple[str, ...], str, str, str, str]:
    asked = _asked(requests)
    return (
        f"{build.__module__}.{build.__qualname__}",
        tuple(r.cache_key() for r in asked),
        cache.version_key(asked),
        current_language(),
        currency(),
        json.dumps(display, sort_keys=True, default=_display_key),
    )


# Only the leading arguments are hashed (all strings, ints and a flag); the builder, requests
# and display values are passed unhashed as `_...` and are exactly what the key says.
@st.cache_data(show_spinner=False, max_entries=512)
def _cached(
    builder: str,
    keys: tuple[str, ...],
    version: str,
    language: str,
    money: str,
    shown: str,
    as_dict: bool,
    _build: Callable[..., Any],
    _requests: tuple[Request, ...],
    _display: dict[str, Display],
) -> Any:
    del builder, keys, version, language, money, shown  # the key only
    view = _build(*(cache.fetch(r) for r in _requests), **_display)
    return view.to_dict() if as_dict else view


def clear_views() -> None:
    """Forget every built view (a benchmark's rebuilt rerun; a test that changes a rule)."""
    _cached.clear()
