"""Calendar arithmetic for periods and the like-for-like comparisons between them.

The rule users ask for: a period to date is compared with the same number of days of the
period before (1–24 November against 1–24 October), never with a whole month.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from metrics.model import Grain

PeriodUnit = Literal["week", "month", "quarter", "year"]
Comparison = Literal["previous", "last_year"]
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clipped to the end of a shorter month (31 Jan + 1 = 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def unit_start(day: date, unit: PeriodUnit) -> date:
    """The first day of the week (Monday), month, quarter or year containing `day`."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def unit_end(day: date, unit: PeriodUnit) -> date:
    """The last day of the week, month, quarter or year containing `day`."""
    start = unit_start(day, unit)
    if unit == "week":
        return start + timedelta(days=6)
    return add_months(start, _MONTHS[unit]) - timedelta(days=1)


def period_to_date(as_of: date, unit: PeriodUnit) -> tuple[date, date]:
    """Week, month, quarter or year to date, ending on `as_of`."""
    return unit_start(as_of, unit), as_of


def _aligned_unit(start: date, end: date) -> PeriodUnit | None:
    """The smallest calendar unit a period starts on and stays within."""
    for unit in ("week", "month", "quarter", "year"):
        if unit_start(start, unit) == start and end <= unit_end(start, unit):
            return unit  # type: ignore[return-value]
    return None


def _shift_unit(day: date, unit: PeriodUnit, steps: int) -> date:
    if unit == "week":
        return day + timedelta(days=7 * steps)
    return add_months(day, _MONTHS[unit] * steps)


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The like-for-like period before [start, end].

    A calendar period, whole or to date, maps to the same dates of the calendar period before,
    clipped to its end: 1–24 November to 1–24 October, 1–31 March to 1–28 February, quarter
    to date 1 April–10 May to 1 January–10 February. Any other range maps to the same number
    of days just before it.
    """
    unit = _aligned_unit(start, end)
    if unit is None:
        length = (end - start).days + 1
        return start - timedelta(days=length), start - timedelta(days=1)
    prev_start = _shift_unit(start, unit, -1)
    prev_unit_end = unit_end(prev_start, unit)
    if end == unit_end(start, unit):
        return prev_start, prev_unit_end
    return prev_start, min(_shift_unit(end, unit, -1), prev_unit_end)


def same_period_last_year(start: date, end: date) -> tuple[date, date]:
    """The same dates a year earlier (29 February maps to 28 February)."""
    prev_start = add_months(start, -12)
    prev_end = add_months(end, -12)
    if end == unit_end(end, "month"):
        prev_end = unit_end(prev_end, "month")  # a whole month stays whole
    return prev_start, prev_end


def compare_period(start: date, end: date, comparison: Comparison) -> tuple[date, date]:
    """The period to compare [start, end] with."""
    if comparison == "previous":
        return previous_period(start, end)
    return same_period_last_year(start, end)


def previous_start(start: date, end: date) -> date:
    """Where the period before begins, for retention ("bought then, and again now")."""
    unit = _aligned_unit(start, end)
    if unit is None:
        return start - timedelta(days=(end - start).days + 1)
    return _shift_unit(start, unit, -1)


def elapsed_fraction(start: date, end: date, as_of: date) -> float:
    """How much of [start, end] has passed by the end of `as_of` (0 to 1)."""
    total = (end - start).days + 1
    done = (min(max(as_of, start - timedelta(days=1)), end) - start).days + 1
    return max(0.0, min(1.0, done / total))


PRESETS: tuple[str, ...] = ("mtd", "qtd", "ytd", "last_30", "last_90", "last_12m")


def preset_range(preset: str, as_of: date) -> tuple[date, date]:
    """The dates a named period preset covers, ending on `as_of`."""
    if preset == "mtd":
        return period_to_date(as_of, "month")
    if preset == "qtd":
        return period_to_date(as_of, "quarter")
    if preset == "ytd":
        return period_to_date(as_of, "year")
    if preset == "last_30":
        return as_of - timedelta(days=29), as_of
    if preset == "last_90":
        return as_of - timedelta(days=89), as_of
    if preset == "last_12m":
        return add_months(as_of, -12) + timedelta(days=1), as_of
    raise ValueError(f"Unknown period '{preset}'. Known: {', '.join(PRESETS)}")


def natural_grain(start: date, end: date) -> Grain:
    """A trend grain that gives a readable number of points for the period's length."""
    days = (end - start).days + 1
    if days <= 45:
        return "day"
    if days <= 190:
        return "week"
    if days <= 1100:
        return "month"
    return "quarter"


def full_period_end(preset: str, start: date, end: date) -> date:
    """Where a to-date period will end (the month, quarter or year end); else `end` itself."""
    units = {"mtd": "month", "qtd": "quarter", "ytd": "year"}
    if preset in units:
        return unit_end(start, units[preset])  # type: ignore[arg-type]
    return end
