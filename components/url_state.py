"""Widgets whose choice is kept in the URL as a code (?period=qtd, ?seg_by=industry), never as
the label the reader sees, so a link opens the same view in English and in Chinese.

Streamlit's own binding (bind="query-params") writes the option's *label* (format_func's
text) into the URL: a link copied in Chinese held ?period=本月至今 and matched nothing in
English. So the option widgets here keep the URL themselves: `coded` draws the widget with
the URL's code as its first value, then writes the chosen code back (and takes it out of the
URL when it is the default, as Streamlit's binding does). Toggles, numbers and dates hold no
words and keep bind="query-params".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

_DRAWN = "url_state.drawn"  # the coded keys drawn in this run (cleared by `tidy_url`)
_KNOWN = "url_state.known"  # every coded key this session has drawn
_OPTIONS = "url_state.options"  # each coded key's codes (what a test may put in a URL)
_INDEXED = {"selectbox", "radio"}  # widgets whose first value is an `index`
_MULTI = {"multiselect"}


def _from_url(key: str, options: Sequence[Any]) -> list[Any]:
    """The options the URL's `key` names, by code (str(option)), in the URL's order."""
    by_code = {str(option): option for option in options}
    return [by_code[code] for code in st.query_params.get_all(key) if code in by_code]


def _write(key: str, codes: list[str]) -> None:
    if not codes:
        st.query_params.pop(key, None)
    elif st.query_params.get_all(key) != codes:  # an unchanged URL sends no message
        st.query_params[key] = codes if len(codes) > 1 else codes[0]


def coded(
    widget: Callable[..., Any], label: str, options: Sequence[Any], *, key: str, **kwargs: Any
) -> Any:
    """Draw `widget` (st.selectbox, st.radio, st.pills, st.segmented_control, st.multiselect,
    or the same method of a column or the sidebar) with `options` that are codes, and keep
    the chosen code(s) in the URL under `key`. `kwargs` are the widget's own (format_func,
    index or default, help…); `index`/`default` is the value when the URL names none."""
    kind = getattr(widget, "__name__", "")
    options = list(options)
    named = _from_url(key, options)
    if kind in _INDEXED:
        default_value = options[kwargs["index"]] if kwargs.get("index") is not None else None
        if "index" not in kwargs and options:
            default_value = options[0]
        if named:
            kwargs["index"] = options.index(named[-1])
        defaults = [] if default_value is None else [default_value]
    elif kind in _MULTI:
        defaults = list(kwargs.get("default") or [])
        if named:
            kwargs["default"] = named
    else:  # pills and segmented controls, one choice
        defaults = [] if kwargs.get("default") is None else [kwargs["default"]]
        if named:
            kwargs["default"] = named[-1]
    value = widget(label, options, key=key, **kwargs)
    chosen = list(value) if kind in _MULTI else ([] if value is None else [value])
    _write(key, [] if chosen == defaults else [str(c) for c in chosen])
    state = st.session_state
    state.setdefault(_DRAWN, set()).add(key)
    state.setdefault(_KNOWN, set()).add(key)
    state.setdefault(_OPTIONS, {})[key] = [str(option) for option in options]
    return value


def tidy_url() -> None:
    """After the page has drawn: take out of the URL the codes of widgets this page did not
    draw (another page's breakdown), so a link carries only what its page shows. Call last
    in app.py."""
    state = st.session_state
    drawn = state.get(_DRAWN, set())
    for key in state.get(_KNOWN, set()) - drawn:
        st.query_params.pop(key, None)
    state[_DRAWN] = set()
