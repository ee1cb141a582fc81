"""Splitting a total target between people, and what the split implies.

Pure arithmetic on a person profile (metrics.target_history.profile): no database. Values are
whole base units (cents for money, units for counts). Rounding rule: each share is worked
out as an exact fraction and rounded down to a whole unit, then the units left over go one
each to the largest remainders, compared exactly (equal remainders: the lower rep_id first),
so the shares always add up to the total exactly, to the cent.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import pandas as pd

from data.targets import whole_units
from metrics.incentive_math import commission_cents
from metrics.incentive_plan import CommissionRule
from metrics.target_history import reach_probability

Method = Literal["history", "equal", "capacity", "last_year"]
METHODS: tuple[str, ...] = Method.__args__  # type: ignore[attr-defined]
RAMP_MONTHS = 6  # a new hire reaches full capacity after this many months
RAMP_FLOOR = 0.25  # and carries at least this share of a full target from day one


@dataclass(frozen=True)
class Problem:
    """Why an allocation could not do all it was asked: a code and the amount involved."""

    code: Literal["edits_exceed_total", "floors_exceed_total", "caps_below_total"]
    amount: int


@dataclass(frozen=True)
class Allocation:
    """Each person's share in whole base units, and what could not be honoured."""

    values: pd.Series
    problems: tuple[Problem, ...] = field(default=())

    @property
    def total(self) -> int:
        """The sum of the shares."""
        return int(self.values.sum())


def ramp(tenure_months: float) -> float:
    """A person's capacity: linear from RAMP_FLOOR to 1 over their first RAMP_MONTHS."""
    return min(1.0, max(RAMP_FLOOR, tenure_months / RAMP_MONTHS))


def weights(
    profile: pd.DataFrame, method: Method, period_days: int, history_months: int = 3
) -> pd.Series:
    """Each person's weight for a split, pro-rated by the days they work in the period.

    history: their daily rate over the last `history_months` complete months; equal: the same
    for all; capacity: their tenure ramp; last_year: their daily rate in the same months last
    year. People with no such record count as the median person scaled by their ramp (a new
    hire ramps up).
    """
    days = profile["employed_days"].astype("float64")
    capacity = profile["tenure_months"].map(ramp)
    if method == "equal":
        return days
    if method == "capacity":
        return capacity * days
    if method == "history":
        rate = profile[f"rate_{history_months}"]
    else:
        rate = profile["last_year"] / period_days
    rate = rate.where(rate > 0)
    median = rate.median()
    fallback = capacity * (0.0 if pd.isna(median) else float(median))
    return rate.fillna(fallback) * days


def _exact(value: float) -> Fraction:
    """A float weight as the exact fraction it holds (no rounding on the way in); a weight
    that is not a finite number counts as none."""
    return Fraction(value) if math.isfinite(value) else Fraction(0)


def _bounded_shares(
    amount: int,
    weight: dict[int, Fraction],
    floors: dict[int, Fraction],
    caps: dict[int, Fraction | None],
) -> dict[int, Fraction]:
    """Shares of `amount` in proportion to `weight`, each within [floor, cap] (water-filling:
    people pushed past a bound are held at it and the rest re-split among the others).
    Exact fractions throughout, so no comparison here depends on float rounding; a cap of
    None is no cap."""
    shares: dict[int, Fraction] = {}
    free = list(weight)
    for _ in range(len(weight) + 1):
        left = amount - sum(shares.values(), Fraction(0))
        total = sum((weight[k] for k in free), Fraction(0))
        if total > 0:
            split = {k: weight[k] / total * left for k in free}
        else:
            split = {k: left / max(len(free), 1) for k in free}
        below = [k for k in free if split[k] < floors[k]]
        above = [k for k in free if caps[k] is not None and split[k] > caps[k]]
        if not below and not above:
            shares.update(split)
            return shares
        # Fix the larger violation first, which keeps the iteration from oscillating.
        low_gap = sum((floors[k] - split[k] for k in below), Fraction(0))
        high_gap = sum((split[k] - caps[k] for k in above), Fraction(0))  # type: ignore[operator]
        if low_gap >= high_gap:
            shares.update({k: floors[k] for k in below})
            fixed = set(below)
        else:
            shares.update({k: caps[k] for k in above})  # type: ignore[misc]
            fixed = set(above)
        free = [k for k in free if k not in fixed]
        if not free:
            return shares
    return shares


def round_to_total(
    shares: dict[int, Fraction], total: int, caps: dict[int, Fraction | None]
) -> dict[int, int]:
    """Whole units adding up to `total` (largest remainder): each exact share rounded down,
    then the units left go one each to the largest remainders, compared as exact fractions;
    equal remainders go to the lower rep_id first. Never past a cap."""
    whole = {k: math.floor(v) for k, v in shares.items()}
    left = total - sum(whole.values())
    room = [k for k in shares if caps[k] is None or whole[k] < caps[k]]
    order = sorted(room, key=lambda k: (-(shares[k] - whole[k]), k))
    for k in order[: max(left, 0)]:
        whole[k] += 1
    return whole


def allocate(
    total: int,
    weight: pd.Series,
    *,
    floors: Mapping[int, int] | None = None,
    caps: Mapping[int, int] | None = None,
    fixed: Mapping[int, int] | None = None,
) -> Allocation:
    """Split `total` whole units between the people in `weight` (index: rep_id).

    `fixed` holds values a person set by hand: they are kept, and the rest of the total is
    split among the others, in proportion to weight, within each one's floor and cap. When
    that cannot be done, the Allocation says why (and the total is not met).
    """
    index = weight.index
    fixed = {k: v for k, v in (fixed or {}).items() if k in index}
    floors = floors or {}
    caps = caps or {}
    problems: list[Problem] = []
    values = pd.Series(0, index=index, dtype="int64")
    for rep_id, value in fixed.items():
        values[rep_id] = value
    others = [k for k in index if k not in fixed]
    left = total - sum(fixed.values())
    if left < 0:
        problems.append(Problem("edits_exceed_total", -left))
        left = 0
    if not others:
        return Allocation(values, tuple(problems))
    floor = {k: Fraction(int(floors.get(k, 0))) for k in others}
    cap: dict[int, Fraction | None] = {
        k: None if caps.get(k) is None else max(Fraction(int(caps[k])), floor[k]) for k in others
    }
    w = {k: max(_exact(float(weight[k])), Fraction(0)) for k in others}
    floor_sum = sum(floor.values(), Fraction(0))
    if floor_sum > left:
        problems.append(Problem("floors_exceed_total", int(floor_sum - left)))
        values[others] = [int(floor[k]) for k in others]
        return Allocation(values, tuple(problems))
    if all(c is not None for c in cap.values()):
        cap_sum = sum((c for c in cap.values() if c is not None), Fraction(0))
        if cap_sum < left:
            problems.append(Problem("caps_below_total", int(left - cap_sum)))
            values[others] = [int(c) for c in cap.values() if c is not None]
            return Allocation(values, tuple(problems))
    shares = _bounded_shares(left, w, floor, cap)
    rounded = round_to_total(shares, left, cap)
    values[others] = [rounded[k] for k in others]
    return Allocation(values, tuple(problems))


def implications(profile: pd.DataFrame, targets: pd.Series) -> pd.DataFrame:
    """Per person: target, projection with its range, projected attainment, the chance of
    reaching target, and the stretch against their own best period of the same length."""
    out = profile[["name", "group", "projection", "projection_low", "projection_high"]].copy()
    out["target"] = targets.reindex(out.index).fillna(0).astype("int64")
    out["projected_attainment"] = out["projection"] / out["target"].where(out["target"] > 0)
    out["reach_chance"] = [
        reach_probability(p, v, t)
        for p, v, t in zip(profile["projection"], profile["variation"], out["target"], strict=True)
    ]
    out["stretch"] = out["target"] / profile["best_period"].where(profile["best_period"] > 0)
    return out


def same_days_as_official(profile: pd.DataFrame, period_days: int, targets: pd.Series) -> pd.Series:
    """Each new target over the days of the period its official one covers (spread evenly
    over the period's days, as KPI Trends spreads it), rounded half up to the base unit; blank
    where there is no official target to compare with (profile's official_days is 0)."""
    days = profile["official_days"].reindex(targets.index).fillna(0).astype("int64")
    same = [
        whole_units(Decimal(int(v)) * int(d) / period_days) if d > 0 else None
        for v, d in zip(targets, days, strict=True)
    ]
    return pd.Series(same, index=targets.index, dtype="float64")


def totals_by_group(
    profile: pd.DataFrame, implied: pd.DataFrame, same_days: pd.Series
) -> pd.DataFrame:
    """The split summed by group (base units): people, the new target, what the group carries
    today (current_target), the new targets over the days of those official ones
    (target_same_days: like for like) and the projection; by group name. A group in which
    nobody has an official target has neither a current target nor a like-for-like one:
    blank, not zero."""

    def known(values: pd.Series) -> float:
        return values.sum(min_count=1)

    return (
        profile.assign(
            target=implied["target"], projection=implied["projection"], same_days=same_days
        )
        .groupby("group")
        .agg(
            people=("name", "count"),
            target=("target", "sum"),
            current_target=("current_target", known),
            target_same_days=("same_days", known),
            projection=("projection", "sum"),
        )
        .reset_index()
    )


@dataclass(frozen=True)
class Outlook:
    """The allocation in one line: totals, the projection's range, who is likely to make it."""

    target: int
    projection: float
    projection_low: float
    projection_high: float
    expected_reaching: float  # each person's chance of reaching target, added up
    people: int


def outlook(implied: pd.DataFrame) -> Outlook:
    """Sum up `implications`: the range adds the people's ranges as independent spreads."""
    projection = float(implied["projection"].sum())
    half_low = ((implied["projection"] - implied["projection_low"]) ** 2).sum() ** 0.5
    half_high = ((implied["projection_high"] - implied["projection"]) ** 2).sum() ** 0.5
    return Outlook(
        target=int(implied["target"].sum()),
        projection=projection,
        projection_low=max(projection - float(half_low), 0.0),
        projection_high=projection + float(half_high),
        expected_reaching=float(implied["reach_chance"].sum()),
        people=len(implied),
    )


def projected_commission(
    implied: pd.DataFrame, roles: pd.Series, rule: CommissionRule, period_months: int
) -> int:
    """What the split would cost in commission if everyone landed on their projection, in
    cents: each person whose role earns commission is paid per plan period (month or
    quarter) on an even share of their projection against the same share of their target,
    rounded half-up to the cent."""
    periods = period_months if rule.period == "month" else max(period_months // 3, 1)
    total = 0
    for rep_id, projection, target in zip(
        implied.index, implied["projection"], implied["target"], strict=True
    ):
        if roles.get(rep_id) not in rule.eligible_roles:
            continue
        share = whole_units(target / periods) or None
        total += periods * commission_cents(rule, whole_units(projection / periods), share)
    return total
