"""Pacing: is a KPI where it should be by now to make its target?

Expected-by-now grows linearly through the period. On track at or above it; off track when
10% or more below it; caution in between.
"""

from __future__ import annotations

from typing import Literal

PaceStatus = Literal["on_track", "caution", "off_track", "no_target"]
OFF_TRACK_SHORTFALL = 0.10


def pace_status(actual: float | None, expected: float | None) -> PaceStatus:
    """Classify `actual` against the value `expected` by now."""
    if expected is None or expected <= 0:
        return "no_target"
    value = actual or 0.0
    if value >= expected:
        return "on_track"
    if value <= expected * (1 - OFF_TRACK_SHORTFALL):
        return "off_track"
    return "caution"


def expected_by_now(target: float | None, elapsed: float) -> float | None:
    """The share of `target` that should be reached after `elapsed` (0..1) of the period."""
    if target is None:
        return None
    return target * elapsed


def assess(
    actual: float | None, target_to_date: float | None, target_full: float | None
) -> tuple[float | None, PaceStatus]:
    """(attainment of the whole period's target, pace status against the target to date).

    Targets are spread evenly over their days, so the target to date is exactly the value
    expected by now.
    """
    attainment = None
    if target_full:
        attainment = (actual or 0.0) / target_full
    return attainment, pace_status(actual, target_to_date)
