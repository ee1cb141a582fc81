"""Pacing: is a KPI where it should be by now to make its target?

Two declared rules (metrics.model.TargetRule, set on the KPI):
- amount targets (revenue): the value expected by now grows linearly through the period;
- level targets (stock turnover, a rate): the value expected is the target level itself,
  every day of the period, never a growing share.
Either way: on track at or above the expected value; off track when 10% or more below it (at
or below 90% of it); caution in between; higher is better. The bands are decided in exact
decimals to the cent, never in floating point: 2.97 against 3.30 expected is exactly 90% of
it, so off track; a turnover of 5.40 against a 6.00 level is exactly 10% below, so off track.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from metrics.model import TargetRule

PaceStatus = Literal["on_track", "caution", "off_track", "no_target"]
OFF_TRACK_SHORTFALL = Decimal("0.10")
_CENT = Decimal("0.01")


def exact(value: float | Decimal | None) -> Decimal | None:
    """The exact decimal a KPI value stands for, to the cent; None for no value.

    KPI values arrive as floats that stand for decimals: money in currency units with whole
    cents, counts and targets rounded to two places by the compiler. A float's shortest
    form (repr: 2.97, not 2.96999...) read as a decimal and rounded half away from zero to
    two places is that decimal, also for sums like 0.1 + 0.2."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value.quantize(_CENT, ROUND_HALF_UP)
    number = float(value)
    if math.isnan(number):
        return None
    return Decimal(repr(number)).quantize(_CENT, ROUND_HALF_UP)


def pace_status(actual: float | Decimal | None, expected: float | Decimal | None) -> PaceStatus:
    """Classify `actual` against the value `expected` by now, in exact decimals: on track at
    or above expected, off track at or below 90% of it, caution in between. No value yet
    counts as 0; no (or a zero) expected value means no target."""
    target = exact(expected)
    if target is None or target <= 0:
        return "no_target"
    value = exact(actual) or Decimal(0)
    if value >= target:
        return "on_track"
    if value <= target * (1 - OFF_TRACK_SHORTFALL):
        return "off_track"
    return "caution"


def off_track_edge(expected: float | Decimal | None) -> Decimal | None:
    """The value at or below which a KPI is off track against `expected`: 90% of it, exact
    to the cent (6.00 -> 5.40); None for no (or a zero) expected value."""
    target = exact(expected)
    if target is None or target <= 0:
        return None
    return target * (1 - OFF_TRACK_SHORTFALL)


def expected_by_now(
    target: float | None, elapsed: float, rule: TargetRule = "amount"
) -> float | None:
    """The value that should be reached after `elapsed` (0..1) of the period: that share of
    an amount target; a level target itself, whatever the share (a rate is judged against
    its level every day)."""
    if target is None:
        return None
    if rule == "level":
        return target
    return target * elapsed


def assess(
    actual: float | None,
    target_to_date: float | None,
    target_full: float | None,
    rule: TargetRule = "amount",
) -> tuple[float | None, PaceStatus]:
    """(attainment of the whole period's target, pace status against the target to date).

    `target_to_date` is the KPI's target for the days measured so far. An amount target is
    spread evenly over its days, so that is exactly the share expected by now (it grows). A
    level target's is the day-weighted average level of those days: the level itself, which
    does not grow, and against which the rate measured over the same days is judged (a
    quarter with November at 6.0 and December at 9.0, asked in November: 6.0; no target on
    the days so far: no pace). Attainment is actual / target either way.
    """
    # The rule is declared, not inferred: the target to date already is the expected value
    # under either rule (the compiler sums an amount's days and averages a level's).
    expected = expected_by_now(target_to_date, 1.0, rule)
    attainment = None
    if target_full:
        attainment = (actual or 0.0) / target_full
    return attainment, pace_status(actual, expected)


@dataclass(frozen=True)
class MonthPace:
    """Where a KPI stands in its month: the numbers a stand-up reads out."""

    actual: float
    target: float | None  # the whole month's target
    expected: float | None  # the target to date: where it should be by the end of as_of
    status: PaceStatus
    gap: float | None  # expected - actual: positive when behind
    gap_days: float | None  # the gap in days of selling at the target's daily rate
    needed_per_day: float | None  # what each remaining day must bring to make the month
    days_left: int


def month_pace(
    actual: float | None,
    target: float | None,
    expected: float | None,
    as_of: date,
) -> MonthPace:
    """Pace through the month of `as_of`. Targets are spread evenly over the month's days, so
    `expected` (the target to date) grows by target / days-in-month each day."""
    value = actual or 0.0
    days_in_month = calendar.monthrange(as_of.year, as_of.month)[1]
    days_left = days_in_month - as_of.day
    if not target:
        return MonthPace(value, None, None, "no_target", None, None, None, days_left)
    daily = target / days_in_month
    # The gap in exact cents (3.30 - 2.97 is 0.33, not 0.33000000000000007).
    gap = float((exact(expected) or Decimal(0)) - (exact(value) or Decimal(0)))
    needed = max(target - value, 0.0) / days_left if days_left else None
    return MonthPace(
        actual=value,
        target=target,
        expected=expected,
        status=pace_status(value, expected),
        gap=gap,
        gap_days=gap / daily,
        needed_per_day=needed,
        days_left=days_left,
    )
