"""Splitting a total target between people, and what the split implies.

Pure arithmetic on a person profile (metrics.target_history.profile): no database. Values are
whole base units (cents for money, units for counts). Rounding rule: each share is rounded
down to a whole unit, then the units left over go one each to the largest remainders (ties to
the lower rep_id), so the shares always add up to the total exactly, to the cent.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
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


def _bounded_shares(
    amount: float, weight: pd.Series, floors: pd.Series, caps: pd.Series
) -> pd.Series:
    """Shares of `amount` in proportion to `weight`, each within [floor, cap] (water-filling:
    people pushed past a bound are held at it and the rest re-split among the others)."""
    shares = pd.Series(0.0, index=weight.index)
    free = pd.Series(True, index=weight.index)
    for _ in range(len(weight) + 1):
        held = shares[~free].sum()
        left = amount - held
        w = weight[free]
        total = w.sum()
        split = w / total * left if total > 0 else pd.Series(left / max(len(w), 1), index=w.index)
        below = split < floors[free]
        above = split > caps[free]
        if not below.any() and not above.any():
            shares[free] = split
            return shares
        # Fix the larger violation first, which keeps the iteration from oscillating.
        low_gap = (floors[free] - split)[below].sum()
        high_gap = (split - caps[free])[above].sum()
        if low_gap >= high_gap:
            fixed = below[below].index
            shares[fixed] = floors[fixed]
        else:
            fixed = above[above].index
            shares[fixed] = caps[fixed]
        free[fixed] = False
        if not free.any():
            return shares
    return shares


def _round_to_total(shares: pd.Series, total: int, caps: pd.Series) -> pd.Series:
    """Whole units adding up to `total`: floors, then the largest remainders get one more
    (never past a cap)."""
    whole = shares.apply(math.floor).astype("int64")
    left = total - int(whole.sum())
    remainder = (shares - whole).sort_index()
    room = whole < caps
    order = remainder[room].sort_values(ascending=False, kind="stable").index
    if left > 0:
        whole[order[:left]] += 1
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
    floor = pd.Series(floors or {}, dtype="float64").reindex(index).fillna(0.0)
    cap = pd.Series(caps or {}, dtype="float64").reindex(index).fillna(math.inf)
    cap = cap.where(cap >= floor, floor)
    problems: list[Problem] = []
    values = pd.Series(0, index=index, dtype="int64")
    for rep_id, value in fixed.items():
        values[rep_id] = value
    others = index.difference(list(fixed))
    left = total - sum(fixed.values())
    if left < 0:
        problems.append(Problem("edits_exceed_total", -left))
        left = 0
    if len(others) == 0:
        return Allocation(values, tuple(problems))
    floor, cap, w = floor[others], cap[others], weight[others].clip(lower=0)
    if floor.sum() > left:
        problems.append(Problem("floors_exceed_total", int(floor.sum() - left)))
        values[others] = floor.astype("int64")
        return Allocation(values, tuple(problems))
    if cap.sum() < left:
        problems.append(Problem("caps_below_total", int(left - cap.sum())))
        values[others] = cap.astype("int64")
        return Allocation(values, tuple(problems))
    shares = _bounded_shares(float(left), w, floor, cap)
    values[others] = _round_to_total(shares, left, cap)
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


@dataclass(frozen=True)
class Outlook:
    """The allocation in one line: totals, the projection's range, who is likely to make it."""

    target: int
    projection: float
    projection_low: float
    projection_high: float
    expected_reaching: float
    likely_reaching: int
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
        likely_reaching=int((implied["reach_chance"] >= 0.5).sum()),
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
