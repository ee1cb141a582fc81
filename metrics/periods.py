"""Calendar arithmetic for periods and the like-for-like comparisons between them.

The rule users ask for: a period to date is compared with the same number of days of the
period before (1–24 November against 1–24 October), never with a whole month. The period's
own kind (month, quarter, year, week, rolling) decides what "the period before" is, never the
weekday it happens to start on.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from metrics.model import Grain

PeriodUnit = Literal["week", "month", "quarter", "year"]
# What kind of period the user chose: a calendar unit (whole or to date) or a rolling range
# (last 30 days, last 12 months), which is compared with the same number of days before it.
PeriodKind = Literal["week", "month", "quarter", "year", "rolling"]
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


def _fits(start: date, end: date, unit: PeriodUnit) -> bool:
    """True when [start, end] starts on the first day of `unit` and stays within it."""
    return unit_start(start, unit) == start and end <= unit_end(start, unit)


def period_unit(start: date, end: date, kind: PeriodKind | None = None) -> PeriodUnit | None:
    """The calendar unit [start, end] is compared by; None for a rolling comparison.

    The period's own kind decides, never the weekday it starts on: month to date from Monday
    1 September is a month (compared with 1–5 August), not a week. A calendar kind the dates
    do not fit (a quarter's kind kept on a month's dates), like no kind at all, is read from
    the dates: a month, else a quarter, else a year (a week only when told).
    """
    if kind == "rolling":
        return None
    if kind is not None and _fits(start, end, kind):
        return kind
    for unit in ("month", "quarter", "year"):
        if _fits(start, end, unit):  # type: ignore[arg-type]
            return unit  # type: ignore[return-value]
    return None


def _shift_unit(day: date, unit: PeriodUnit, steps: int) -> date:
    if unit == "week":
        return day + timedelta(days=7 * steps)
    return add_months(day, _MONTHS[unit] * steps)


def previous_period(start: date, end: date, kind: PeriodKind | None = None) -> tuple[date, date]:
    """The like-for-like period before [start, end], of the kind `kind` (see period_unit).

    A calendar period, whole or to date, maps to the same dates of the calendar period before,
    clipped to its end: 1–24 November to 1–24 October, 1–31 March to 1–28 February, quarter
    to date 1 April–10 May to 1 January–10 February, quarter to date 1–5 January to 1–5
    October. A rolling range (or any range that is no calendar period) maps to the same number
    of days just before it.
    """
    unit = period_unit(start, end, kind)
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


def compare_period(
    start: date, end: date, comparison: Comparison, kind: PeriodKind | None = None
) -> tuple[date, date]:
    """The period to compare [start, end] (of the kind `kind`) with."""
    if comparison == "previous":
        return previous_period(start, end, kind)
    return same_period_last_year(start, end)


def previous_start(start: date, end: date, kind: PeriodKind | None = None) -> date:
    """Where the period before begins, for retention ("bought then, and again now"): the
    start of the whole calendar period before, or for a rolling range the same number of
    days back. Month to date from 1 September 2025 looks back to 1 August."""
    unit = period_unit(start, end, kind)
    if unit is None:
        return start - timedelta(days=(end - start).days + 1)
    return _shift_unit(start, unit, -1)


def elapsed_fraction(start: date, end: date, as_of: date) -> float:
    """How much of [start, end] has passed by the end of `as_of` (0 to 1)."""
    total = (end - start).days + 1
    done = (min(max(as_of, start - timedelta(days=1)), end) - start).days + 1
    return max(0.0, min(1.0, done / total))


PRESETS: tuple[str, ...] = ("mtd", "qtd", "ytd", "last_30", "last_90", "last_12m")
_PRESET_KINDS: dict[str, PeriodKind] = {
    "mtd": "month",
    "qtd": "quarter",
    "ytd": "year",
    "last_30": "rolling",
    "last_90": "rolling",
    "last_12m": "rolling",
}


def preset_kind(preset: str) -> PeriodKind | None:
    """The kind of period a preset is ("qtd": quarter); None for a custom range, whose kind
    is read from its dates."""
    return _PRESET_KINDS.get(preset)


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


def bucket_before(start: date, grain: Grain) -> date:
    """The first day of the bucket before the one `start` falls in."""
    if grain == "day":
        return start - timedelta(days=1)
    if grain == "week":
        return unit_start(start, "week") - timedelta(days=7)
    first = unit_start(start, grain)  # type: ignore[arg-type]
    return unit_start(first - timedelta(days=1), grain)  # type: ignore[arg-type]
