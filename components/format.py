"""Number, money, percent and date formatting, in one place.

Rounding rule for display: half away from zero (Decimal ROUND_HALF_UP), so 2.5 shows as 3
and -2.5 as -3, matching how DuckDB rounds money to the cent.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from metrics.model import Unit

CURRENCY_SYMBOL = os.environ.get("HUDDLE_CURRENCY_SYMBOL", "$")
MISSING = "—"
# Lower-case k, as on the charts' axes (plotly's SI format), so a screen reads one way.
_COMPACT = ((1e9, "B"), (1e6, "M"), (1e3, "k"))


def _round(value: float, places: int) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def _grouped(value: float, places: int) -> str:
    return f"{_round(value, places):,.{places}f}"


def _compact(value: float) -> str:
    for size, suffix in _COMPACT:
        if abs(value) >= size:
            scaled = value / size
            places = 2 if abs(scaled) < 10 else 1 if abs(scaled) < 100 else 0
            return f"{_round(scaled, places):.{places}f}{suffix}"
    return _grouped(value, 0)


def format_value(value: float | None, unit: Unit, *, compact: bool = False) -> str:
    """A KPI value as the user reads it: $1.24M, 1,234, 42.3%, 12.5 days, 4.21."""
    if value is None or value != value:  # None or NaN
        return MISSING
    if unit == "money":
        sign = "-" if value < 0 else ""
        amount = abs(value)
        if compact:
            return f"{sign}{CURRENCY_SYMBOL}{_compact(amount)}"
        places = 2 if amount < 1000 and amount != int(amount) else 0
        return f"{sign}{CURRENCY_SYMBOL}{_grouped(amount, places)}"
    if unit == "count":
        return _compact(value) if compact else _grouped(value, 0)
    if unit == "percent":
        return f"{_round(value * 100, 1)}%"
    if unit == "days":
        return f"{_round(value, 1)} days"
    return f"{_round(value, 2)}"


def format_delta(value: float | None, unit: Unit) -> str | None:
    """A change with its sign: +$12.3K, -4, +2.1 pts (percent changes are in points)."""
    if value is None or value != value:
        return None
    sign = "+" if value >= 0 else "-"
    if unit == "percent":
        return f"{sign}{_round(abs(value) * 100, 1)} pts"
    return sign + format_value(abs(value), unit, compact=True)


def format_percent(value: float | None) -> str:
    """A fraction as a percentage: 0.874 -> 87.4%."""
    return format_value(value, "percent")


def format_date(day: date) -> str:
    """A date as the user reads it: 5 Mar 2026."""
    return f"{day.day} {day:%b %Y}"


def money_column_format() -> str:
    """The st.column_config number format for money in the configured currency."""
    return {"$": "dollar", "€": "euro", "¥": "yen"}.get(CURRENCY_SYMBOL, "localized")


def plotly_tick_format(unit: Unit) -> tuple[str, str]:
    """(tickformat, tickprefix) for a chart axis in this unit."""
    if unit == "money":
        return "~s", CURRENCY_SYMBOL
    if unit == "percent":
        return ".0%", ""
    if unit in ("days", "score"):
        return ".1f", ""
    return ",~f", ""  # counts: 7,120 and, for a fractional target, 0.5 (never "500m")


def plotly_hover_format(unit: Unit) -> str:
    """A hovertemplate for a y value in this unit, rounded as on the tiles."""
    if unit == "money":
        return f"{CURRENCY_SYMBOL}%{{y:,.0f}}"
    if unit == "percent":
        return "%{y:.1%}"
    if unit in ("days", "score"):
        return "%{y:.1f}"
    return "%{y:,.1~f}"
