"""Number, money, percent and date formatting, in one place, in the session's language.

Rounding rule for display: half away from zero (Decimal ROUND_HALF_UP), so 2.5 shows as 3
and -2.5 as -3, matching how DuckDB rounds money to the cent.

English shortens large numbers as k, M and B (like the charts' axes); Chinese as 万 (10^4) and
亿 (10^8), as Chinese readers count. Money shows the company's currency symbol (a setting stored
with its data, data/settings.py), the same whatever language the page is read in: the amounts
are the company's own and are never converted.

Money's precision, one rule for both languages:
- cards, chart labels, deltas and the short lines that read a card out (the stand-up's month
  panel and wins) are compact: $8.31k, $1.24M (English), ¥8,311, ¥71.7万 (Chinese);
- everywhere else (tables, other sentences) money is in whole currency units, rounded half away from
  zero, except a per-unit average (a money KPI computed by dividing others: average order
  value, average deal size, revenue per rep), which keeps its cents, since they are a real
  share of a figure that is often under a hundred. CSV and XLSX downloads keep the cents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from components.text import current_language, t
from data.settings import default_currency
from metrics.catalogue import get_kpi
from metrics.model import Unit

CURRENCIES: dict[str, str] = {"CNY": "¥", "USD": "$", "EUR": "€"}
MISSING = "—"
# Lower-case k, as on the charts' axes (plotly's SI format), so a screen reads one way.
_COMPACT = {
    "en": ((1e9, "B"), (1e6, "M"), (1e3, "k")),
    "zh": ((1e8, "亿"), (1e4, "万")),
}
_ZH_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


# The currency of a block (see use_currency): the CLI's, or a long table's resolved once.
_currency_here: ContextVar[str | None] = ContextVar("huddle_currency", default=None)


# The company's currency once read in this script run (currency_once_per_run): a page shows
# dozens of amounts, and each asking the cache for it was an eighth of an Incentives rerun.
_run_currency: ContextVar[list[str] | None] = ContextVar("huddle_run_currency", default=None)


def currency() -> str:
    """The currency code money is shown in: the block's (use_currency), else the company's
    setting (in a session, read from the database, once a run), else HUDDLE_CURRENCY, else
    USD. Never the reader's language."""
    if (code := _currency_here.get()) is not None:
        return code
    if _in_session():
        # Imported here: the CLI imports this module and must not build Streamlit's caches.
        from components import cache

        kept = _run_currency.get()
        if kept is None:
            return cache.company_currency()
        if not kept:
            kept.append(cache.company_currency())
        return kept[0]
    return default_currency()


@contextmanager
def currency_once_per_run() -> Iterator[None]:
    """Read the company's currency at most once inside the block (app.py: a page's run), and
    only if an amount is shown. A save of the currency reruns the page, so the next run reads
    the new one."""
    token = _run_currency.set([])
    try:
        yield
    finally:
        _run_currency.reset(token)


@contextmanager
def use_currency(code: str) -> Iterator[None]:
    """Show money in `code` inside the block: the CLI passes the company's setting it read
    from its own store; a table of thousands of amounts passes currency() once, where each
    amount would otherwise ask the database for its version (2,000 people: 4 s)."""
    token = _currency_here.set(code)
    try:
        yield
    finally:
        _currency_here.reset(token)


def currency_symbol() -> str:
    """The symbol of `currency()`: ¥, $ or €."""
    return CURRENCIES[currency()]


def _in_session() -> bool:
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True) is not None


def _round(value: float, places: int) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def _grouped(value: float, places: int) -> str:
    return f"{_round(value, places):,.{places}f}"


def _compact(value: float) -> str:
    for size, suffix in _COMPACT[current_language()]:
        if abs(value) >= size:
            scaled = value / size
            places = 2 if abs(scaled) < 10 else 1 if abs(scaled) < 100 else 0
            return f"{_round(scaled, places):.{places}f}{suffix}"
    return _grouped(value, 0)


def shows_cents(kpi_id: str) -> bool:
    """True for a per-unit money average (a money KPI computed from others: average order
    value, average deal size, revenue per rep), whose full amount keeps its cents."""
    kpi = get_kpi(kpi_id)
    return kpi.unit == "money" and kpi.is_derived


def format_value(
    value: float | None, unit: Unit, *, compact: bool = False, cents: bool = False
) -> str:
    """A KPI value as the user reads it: $1.24M (compact), $2,025, 1,234, 42.3%, 12.5 days, 4.21
    (English); ¥124.3万 (compact), ¥2,025, 1,234, 42.3%, 12.5天 (Chinese). Full money is in
    whole units; `cents` keeps the cents of a per-unit average (see `shows_cents`)."""
    if value is None or value != value:  # None or NaN
        return MISSING
    if unit == "money":
        sign = "-" if value < 0 else ""
        amount = abs(value)
        if compact:
            return f"{sign}{currency_symbol()}{_compact(amount)}"
        return f"{sign}{currency_symbol()}{_grouped(amount, 2 if cents else 0)}"
    if unit == "count":
        return _compact(value) if compact else _grouped(value, 0)
    if unit == "percent":
        return f"{_round(value * 100, 1)}%"
    if unit == "days":
        return t("format.days", days=_round(value, 1))
    return f"{_round(value, 2)}"


def format_delta(value: float | None, unit: Unit) -> str | None:
    """A change with its sign: +$12.3K, -4, +2.1 pts (percent changes are in points)."""
    if value is None or value != value:
        return None
    sign = "+" if value >= 0 else "-"
    if unit == "percent":
        return sign + t("format.points", points=_round(abs(value) * 100, 1))
    return sign + format_value(abs(value), unit, compact=True)


def format_percent(value: float | None) -> str:
    """A fraction as a percentage: 0.874 -> 87.4%."""
    return format_value(value, "percent")


def format_date(day: date) -> str:
    """A date as the user reads it: 5 Mar 2026, or 2026年3月5日."""
    if current_language() == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%b %Y}"


def label_each(values: Iterable[Hashable], label: Callable[[Any], object]) -> list[object]:
    """`label` of each value, worked out once per distinct value: a list of 60,000 customers
    has a few hundred due dates and five tiers, and each label reads the reader's language."""
    values = list(values)
    labels = {value: label(value) for value in dict.fromkeys(values)}
    return [labels[value] for value in values]


def format_month(day: date, *, with_year: bool = True, short: bool = False) -> str:
    """The month of `day`: March 2026 / March / Mar 2026 (short), or 2026年3月 / 3月."""
    if current_language() == "zh":
        return f"{day.year}年{day.month}月" if with_year else f"{day.month}月"
    name = f"{day:%b}" if short else f"{day:%B}"
    return f"{name} {day.year}" if with_year else name


def format_weekday(day: date, *, short: bool = False) -> str:
    """The weekday of `day`: Tuesday (Tue), or 星期二 (周二)."""
    if current_language() == "zh":
        name = _ZH_WEEKDAYS[day.weekday()]
        return "周" + name[-1] if short else name
    return f"{day:%a}" if short else f"{day:%A}"


def format_datetime(moment: datetime) -> str:
    """A moment to the minute: 5 Mar 2026 14:05, or 2026年3月5日 14:05."""
    return f"{format_date(moment.date())} {moment:%H:%M}"


def money_column_format(kpi_id: str | None = None) -> str:
    """The st.column_config number format for money in the company's currency: whole units
    ("$%,.0f" shows 2025.15 as $2,025), with cents for a per-unit average KPI (`shows_cents`).
    The same in both languages: printf-style, so the browser's locale does not decide it
    (Streamlit's "dollar" showed cents and its "yen" none). JavaScript's toFixed rounds a
    half away from zero, as format_value does."""
    places = 2 if kpi_id is not None and shows_cents(kpi_id) else 0
    return f"{currency_symbol()}%,.{places}f"


def points_column_format() -> str:
    """The st.column_config number format for a change of a rate, in percentage points:
    +6.0 pts, or +6.0个百分点 (the value is already multiplied by 100)."""
    return t("format.points_column")


def plotly_tick_format(unit: Unit) -> tuple[str, str]:
    """(tickformat, tickprefix) for a chart axis in this unit (see charts.value_axis for the
    Chinese 万/亿 ticks, which plotly's formats cannot write)."""
    if unit == "money":
        # Chinese has no k: small amounts in full (large ones tick as 万/亿, charts.py).
        return ("~s" if current_language() == "en" else ",.0f"), currency_symbol()
    if unit == "percent":
        return ".0%", ""
    if unit in ("days", "score"):
        return ".1f", ""
    return ",~f", ""  # counts: 7,120 and, for a fractional target, 0.5 (never "500m")


def plotly_hover_format(unit: Unit) -> str:
    """A hovertemplate for a y value in this unit, rounded as on the tiles."""
    if unit == "money":
        return f"{currency_symbol()}%{{y:,.0f}}"
    if unit == "percent":
        return "%{y:.1%}"
    if unit in ("days", "score"):
        return "%{y:.1f}"
    return "%{y:,.1~f}"


def plotly_date_axis() -> dict[str, object]:
    """Date-axis settings that write dates in the session's language (plotly's own month names
    are English): 2026年3月, 3月5日."""
    if current_language() != "zh":
        return {}
    day = 86_400_000  # plotly measures dtick in milliseconds
    return {
        "tickformatstops": [
            {"dtickrange": [None, 28 * day], "value": "%-m月%-d日"},
            {"dtickrange": [28 * day, 365 * day], "value": "%Y年%-m月"},
            {"dtickrange": [365 * day, None], "value": "%Y年"},
        ],
        "hoverformat": "%Y年%-m月%-d日",
    }


# What Streamlit's Markdown reads as syntax: GitHub-flavoured Markdown (links, images, bare
# http:// and www. links, emphasis, code, headings, lists, tables, quotes, HTML, entities),
# LaTeX between $ signs, :color[...] directives and :material/...: icons, and its typographic
# arrows (-> <= ~=). A backslash before an ASCII punctuation character makes Markdown show the
# character itself, so every one of these gets one. (Whether Streamlit still turns an escaped
# :smile: into its emoji is not checked: an emoji is drawn locally and fetches nothing.)
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=@^])")


def md(value: object) -> str:
    """User text (a customer's, person's, team's or product's name, a note, a file name) made
    safe to put into Markdown: it shows literally, never as a link, an image, a heading or
    LaTeX. A line break stays a line break (Markdown's hard break, two spaces before it) and
    each line loses its leading spaces, so no line can start a code block of its own. Use it on
    every value from the data that goes into st.markdown, st.caption, st.info and the like
    (and widget labels, which read Markdown too); never on a whole catalogue string, whose
    own **bold** is meant."""
    lines = str(value).splitlines() or [""]
    return "  \n".join(_MARKDOWN_SYNTAX.sub(r"\\\1", line.lstrip()) for line in lines)
