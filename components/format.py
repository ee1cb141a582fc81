"""Number, money, percent and date formatting, in one place, in the session's language.

Rounding rule for display: half away from zero (Decimal ROUND_HALF_UP), so 2.5 shows as 3
and -2.5 as -3, matching how DuckDB rounds money to the cent.

English shortens large numbers as k, M and B (like the charts' axes); Chinese as 万 (10^4) and
亿 (10^8), as Chinese readers count. Money shows the session's currency symbol (no conversion:
the amounts are the company's own).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import streamlit as st

from components.text import current_language, t
from metrics.model import Unit

CURRENCIES: dict[str, str] = {"CNY": "¥", "USD": "$", "EUR": "€"}
CURRENCY_KEY = "cur"  # the session-state key and the URL parameter
MISSING = "—"
# Lower-case k, as on the charts' axes (plotly's SI format), so a screen reads one way.
_COMPACT = {
    "en": ((1e9, "B"), (1e6, "M"), (1e3, "k")),
    "zh": ((1e8, "亿"), (1e4, "万")),
}
_ZH_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def currency() -> str:
    """The currency code money is shown in: the session's choice, else HUDDLE_CURRENCY, else
    the language's usual one (CNY for Chinese, USD for English)."""
    chosen = st.session_state.get(CURRENCY_KEY) if _in_session() else None
    if chosen in CURRENCIES:
        return chosen
    configured = os.environ.get("HUDDLE_CURRENCY", "").upper()
    if configured in CURRENCIES:
        return configured
    return "CNY" if current_language() == "zh" else "USD"


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


def format_value(value: float | None, unit: Unit, *, compact: bool = False) -> str:
    """A KPI value as the user reads it: $1.24M, 1,234, 42.3%, 12.5 days, 4.21 (English);
    ¥124.3万, 1,234, 42.3%, 12.5天 (Chinese)."""
    if value is None or value != value:  # None or NaN
        return MISSING
    if unit == "money":
        sign = "-" if value < 0 else ""
        amount = abs(value)
        if compact:
            return f"{sign}{currency_symbol()}{_compact(amount)}"
        places = 2 if amount < 1000 and amount != int(amount) else 0
        return f"{sign}{currency_symbol()}{_grouped(amount, places)}"
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


def money_column_format() -> str:
    """The st.column_config number format for money in the session's currency."""
    return {"USD": "dollar", "EUR": "euro", "CNY": "yen"}[currency()]


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
