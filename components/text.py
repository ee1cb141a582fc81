"""Every user-facing string, looked up by key, in English (en) or Simplified Chinese (zh).

The catalogue is assembled from parts, one module per area (text_<area>.py), each with an EN and
a ZH dict holding the same keys. KPI and dimension names come from the metrics catalogue
(text_kpis), and the error messages of the data and metrics layers from data.messages and
metrics.messages, so every string a user reads has one place to be translated. The language is
the session's: see `current_language`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from data import messages as data_messages
from metrics import messages as metrics_messages

LANGUAGES: dict[str, str] = {"en": "English", "zh": "中文"}
LANGUAGE_KEY = "lang"  # the session-state key and the URL parameter
# One module per area (components/text_<area>.py), each with EN and ZH dicts.
PARTS = tuple(
    importlib.import_module(f"components.text_{area}")
    for area in (
        "audit", "auth", "columns", "common", "company", "customers", "explain", "files",
        "follow_ups",
        "imports", "incentives",
        "kpis", "reviews", "routines", "setup", "shell", "standup", "stock", "targets",
        "training",
        "values",
    )
)  # fmt: skip


def _assemble(language: str) -> dict[str, str]:
    catalogue: dict[str, str] = {}
    for part in (*PARTS, data_messages, metrics_messages):
        strings = getattr(part, language.upper())
        overlap = set(strings) & set(catalogue)
        assert not overlap, f"{part.__name__} repeats catalogue keys: {sorted(overlap)}"
        catalogue.update(strings)
    return catalogue


CATALOGUES: dict[str, dict[str, str]] = {code: _assemble(code) for code in LANGUAGES}
EN = CATALOGUES["en"]
# Outside a Streamlit session (tests, the CLI) the language is this context's; see use_language.
_language_here: ContextVar[str] = ContextVar("huddle_language", default="en")


# The session's language as read once at the start of the page's run (app.py runs each page
# inside language_once_per_run): a page looks it up for every string and date it shows, and
# each look in the session state took about 11 us against 0.7 us kept here (2,600 looks a
# rerun of the follow-up list at 2,000 people, before its picker was built once). Nothing
# changes the language during a run: the switch's new value is in the session state before
# the run starts.
_run_language: ContextVar[str | None] = ContextVar("huddle_run_language", default=None)


def current_language() -> str:
    """The language of this session (its sidebar switch), else of this context (tests, CLI)."""
    if get_script_run_ctx(suppress_warning=True) is not None:
        if (kept := _run_language.get()) is not None:
            return kept
        chosen = st.session_state.get(LANGUAGE_KEY)
        if chosen in CATALOGUES:
            return chosen
    return _language_here.get()


@contextmanager
def language_once_per_run() -> Iterator[None]:
    """Read the session's language once, for the whole block (app.py: a page's run)."""
    token = _run_language.set(current_language())
    try:
        yield
    finally:
        _run_language.reset(token)


@contextmanager
def use_language(language: str) -> Iterator[None]:
    """Render strings in `language` inside the block, outside a Streamlit session."""
    token = _language_here.set(language)
    try:
        yield
    finally:
        _language_here.reset(token)


def t(key: str, **values: object) -> str:
    """The string for `key` in the current language, with {placeholders} filled in."""
    text = CATALOGUES[current_language()].get(key) or EN[key]
    return text.format(**values) if values else text


def column_label(name: str) -> str:
    """A result column's heading: from the catalogue (col.<name>), a KPI's or a dimension's
    name when the column is one, else the name in words."""
    for key in (f"col.{name}", f"kpi.{name}.label", f"dim.{name}"):
        if key in EN:
            return t(key)
    return name.replace("_", " ").capitalize()


def t_count(key: str, count: int, **values: object) -> str:
    """`key`.one or `key`.other, by count (English plural rules; Chinese has one form)."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def kpi_label(kpi_id: str) -> str:
    """A KPI's name as the user reads it."""
    return t(f"kpi.{kpi_id}.label")


def kpi_definition(kpi_id: str) -> str:
    """A KPI's one-line definition."""
    return t(f"kpi.{kpi_id}.definition")


def dimension_label(dimension_id: str) -> str:
    """A dimension's name as the user reads it."""
    return t(f"dim.{dimension_id}")


# Dimensions whose values are codes ('retail', 'won'): shown through the catalogue's words.
VALUE_KEYS = {
    "channel": "channel",
    "role": "role",
    "deal_stage": "stage",
    "lifecycle_stage": "lifecycle",
    "rfm_segment": "segment",
}
NOT_SET = "(not set)"  # the metrics compiler's value for a blank dimension


def value_label(dimension: str, value: object) -> str:
    """One value of a breakdown dimension in words: 'retail' -> Retail stores / 门店."""
    if value == NOT_SET:
        return t("value.not_set")
    prefix = VALUE_KEYS.get(dimension)
    return code_label(prefix, value) if prefix else str(value)


def code_label(prefix: str, code: object) -> str:
    """A code the data holds in words, from the catalogue's `<prefix>.<code>` ('stage', 'won'
    -> Won / 赢单); a code the catalogue does not know, as it is."""
    key = f"{prefix}.{code}"
    return t(key) if key in EN else str(code)


def label_values(frame: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """`frame` with its `dimension` column's codes in words (other dimensions unchanged)."""
    if dimension not in frame:
        return frame
    if dimension not in VALUE_KEYS and not frame[dimension].eq(NOT_SET).any():
        return frame
    return frame.assign(**{dimension: frame[dimension].map(lambda v: value_label(dimension, v))})


def in_language(item: object, field: str) -> Any:
    """`item.<field>` in the current language: `<field>_zh` in Chinese when the item has it
    (as the incentive plan's names may), else `<field>` as written."""
    translated = getattr(item, f"{field}_{current_language()}", None)
    return translated or getattr(item, field)


def mid_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Customer tier" -> "customer tier" in English
    (an abbreviation such as "RFM segment" or "CSAT" is left as it is); Chinese has no case."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def join_names(names: Iterable[object], limit: int | None = None, *, total: int = 0) -> str:
    """Names as a list in words: "Ann, Bo" in English, "安、博" in Chinese; past `limit`
    names, the rest are counted ("Ann, Bo and 3 more"), never silently left off. `total`:
    how many names there are, when `names` holds only the first `limit` of them (a caller
    with 1,000 owners to count need not word them all to show three)."""
    listed = [str(name) for name in names]
    total = max(total, len(listed))
    if limit is None or total <= limit:
        return t("list.separator").join(listed)
    shown = t("list.separator").join(listed[:limit])
    return shown + t("list.and_more", count=total - limit)


def error_text(error: Exception) -> str:
    """An error's message in the current language: its catalogue entry when it has a `key`
    (and `values`), as errors raised with HuddleDataError.of do; else the message as raised."""
    key = getattr(error, "key", None)
    if isinstance(key, str) and key in EN:
        return t(key, **getattr(error, "values", {}))
    return str(error)
