"""Commission arithmetic: tiers, the commission for an amount, the next step, the ladder.

Pure arithmetic on integer cents with no database access, so the Incentives page and the
what-if targets page price amounts with exactly the same rules. Amounts stay exact fractions
until the end; a commission is then rounded half up to the cent, once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache

from metrics.incentive_plan import CommissionRule, PlanVersion


def _rule(plan_or_rule: PlanVersion | CommissionRule) -> CommissionRule:
    return plan_or_rule.commission if isinstance(plan_or_rule, PlanVersion) else plan_or_rule


def _half_up(value: Fraction) -> int:
    """A non-negative amount of (fractional) cents, rounded half up to the cent."""
    return math.floor(value + Fraction(1, 2))


@cache  # a plan has a handful of rates and bounds, each priced for every person and period
def _pct(value: Decimal) -> Fraction:
    return Fraction(value) / 100


@dataclass(frozen=True)
class Commission:
    """One rep's commission for one period, and how it came about."""

    measured_cents: int
    target_cents: int | None
    attainment: float | None  # measured / target
    tier: int | None  # index of the tier the attainment reached; None without a target
    rate_pct: Decimal  # that tier's rate; 0 below the threshold or without a target
    earned_cents: int  # before the cap
    paid_cents: int  # after the threshold and the cap
    below_threshold: bool
    capped: bool


def tier_for(rule: CommissionRule, attainment_pct: Fraction) -> int:
    """The index of the tier an attainment (in %) falls in: the last one starting at or
    below it."""
    return _tier_at(_ladder(rule), attainment_pct.numerator, attainment_pct.denominator * 100)


@dataclass(frozen=True)
class _Ladder:
    """A rule's tiers as whole numbers, worked out once per rule: commission() then prices an
    amount with integer arithmetic alone (Fractions took 120 µs a call, and the Incentives and
    Targets pages price thousands of people and periods), exactly as the fractions would.

    Each tier's start is bound_nums[i] / bound_den of the target; its rate pays
    rate_nums[i] / rate_den of an amount; the threshold is threshold_num / threshold_den of
    the target."""

    bound_nums: tuple[int, ...]
    bound_den: int
    rate_nums: tuple[int, ...]
    rate_den: int
    threshold_num: int
    threshold_den: int
    cap_cents: int | None


def _ratio(pct: Decimal) -> tuple[int, int]:
    """A percentage as a whole-number ratio of the amount it applies to (5.5 -> 11 / 200)."""
    exact = _pct(pct)
    return exact.numerator, exact.denominator


# Per rule object (a plan's rules live as long as the loaded plan): the rule itself is kept
# beside its ladder, so an id is never taken for another rule's.
_LADDERS: dict[int, tuple[CommissionRule, _Ladder]] = {}


def _ladder(rule: CommissionRule) -> _Ladder:
    kept = _LADDERS.get(id(rule))
    if kept is not None and kept[0] is rule:
        return kept[1]
    bounds = [_ratio(t.from_pct) for t in rule.tiers]
    rates = [_ratio(t.rate_pct) for t in rule.tiers]
    bound_den = math.lcm(*(d for _, d in bounds))
    rate_den = math.lcm(*(d for _, d in rates))
    threshold = _ratio(rule.threshold_pct)
    made = _Ladder(
        bound_nums=tuple(n * (bound_den // d) for n, d in bounds),
        bound_den=bound_den,
        rate_nums=tuple(n * (rate_den // d) for n, d in rates),
        rate_den=rate_den,
        threshold_num=threshold[0],
        threshold_den=threshold[1],
        cap_cents=rule.cap_cents,
    )
    if len(_LADDERS) > 256:  # plans reloaded many times over: forget the old rules
        _LADDERS.clear()
    _LADDERS[id(rule)] = (rule, made)
    return made


def _tier_at(steps: _Ladder, amount: int, target: int) -> int:
    """The index of the last tier starting at or below `amount` / `target` of the target
    (`target` > 0): the one rule of tier_for and commission."""
    index = 0
    for position, start in enumerate(steps.bound_nums):
        if start * target <= amount * steps.bound_den:
            index = position
    return index


def commission(
    plan_or_rule: PlanVersion | CommissionRule, measured_cents: int, target_cents: int | None
) -> Commission:
    """One rep's commission for a period: `measured_cents` of the plan's KPI against a
    target of `target_cents` in the same KPI.

    Tier bounds are target attainment. Mode "whole": the rate of the tier reached pays on
    the whole amount. Mode "marginal": each tier's rate pays on the part of the amount inside
    that tier (from_pct × target up to the next tier's from_pct × target). Below threshold_pct
    nothing is paid; at or above it everything is paid as the tiers say. The result is
    rounded half up to the cent, then capped. Without a target (None or 0), or with nothing
    measured, nothing is paid.
    """
    rule = _rule(plan_or_rule)
    if not target_cents or target_cents <= 0:
        return Commission(measured_cents, target_cents, None, None, Decimal(0), 0, 0, False, False)
    steps = _ladder(rule)
    measured, target = measured_cents, target_cents
    tier = _tier_at(steps, measured, target)
    attainment = measured / target
    below = measured * steps.threshold_den < steps.threshold_num * target
    if below or measured <= 0:
        rate = Decimal(0) if below else rule.tiers[tier].rate_pct
        return Commission(measured, target, attainment, tier, rate, 0, 0, below, False)
    if rule.mode == "whole":
        # measured × rate = measured × rate_num / rate_den
        numerator, denominator = measured * steps.rate_nums[tier], steps.rate_den
    else:
        # In units of 1 / bound_den of a cent: each tier's share of the amount, times its rate.
        whole = measured * steps.bound_den
        bounds = [start * target for start in steps.bound_nums]
        numerator = 0
        for position, lower in enumerate(bounds):
            upper = bounds[position + 1] if position + 1 < len(bounds) else whole
            inside = min(whole, upper) - lower
            if inside > 0:
                numerator += inside * steps.rate_nums[position]
        denominator = steps.bound_den * steps.rate_den
    earned = (2 * numerator + denominator) // (2 * denominator)  # half up to the cent
    cap = steps.cap_cents
    paid = earned if cap is None else min(earned, cap)
    return Commission(
        measured_cents=measured,
        target_cents=target,
        attainment=attainment,
        tier=tier,
        rate_pct=rule.tiers[tier].rate_pct,
        earned_cents=earned,
        paid_cents=paid,
        below_threshold=False,
        capped=cap is not None and earned > cap,
    )


def commission_cents(
    plan_or_rule: PlanVersion | CommissionRule, measured_cents: int, target_cents: int | None
) -> int:
    """The commission, in cents, one rep earns for a period with `measured_cents` of the
    plan's KPI against a target of `target_cents` (same KPI; for a gross-margin plan use
    margin_target_cents). Rounded half up to the cent, then capped; see `commission`."""
    return commission(plan_or_rule, measured_cents, target_cents).paid_cents


def margin_target_cents(rule: CommissionRule, revenue_target_cents: int | None) -> int | None:
    """The target a commission KPI is measured against: the revenue target itself, or for a
    gross-margin plan margin_target_pct of it (half up to the cent)."""
    if revenue_target_cents is None:
        return None
    if rule.kpi == "revenue" or rule.margin_target_pct is None:
        return revenue_target_cents
    return _half_up(revenue_target_cents * _pct(rule.margin_target_pct))


@dataclass(frozen=True)
class NextStep:
    """What the next step up the ladder takes and pays: the number reps ask for."""

    at_pct: Decimal  # the attainment where the step starts
    needed_cents: int  # how much more of the KPI reaches it
    from_rate_pct: Decimal  # the rate now (0 below the threshold)
    to_rate_pct: Decimal  # the rate from the step on
    extra_commission_cents: int  # commission at the step minus commission now
    starts_paying: bool  # the step is the threshold: below it nothing is paid


def next_step(
    plan_or_rule: PlanVersion | CommissionRule, measured_cents: int, target_cents: int | None
) -> NextStep | None:
    """The next tier (or the threshold) above where the rep stands: the smallest amount more
    that reaches it and how much more commission that amount brings (capped as paid). None
    without a target, on the top tier, or when the cap already binds.

    Only a step that pays counts: one at or above the threshold whose tier's rate is above
    nothing. Below the threshold (a negative amount after returns too) the next step is
    therefore the first point that pays, never a tier start under the threshold that would
    still pay 0."""
    rule = _rule(plan_or_rule)
    now = commission(rule, measured_cents, target_cents)
    if not target_cents or target_cents <= 0 or now.capped:
        return None
    attainment_pct = Fraction(measured_cents * 100, target_cents)
    threshold = Fraction(rule.threshold_pct)
    starts = {Fraction(t.from_pct) for t in rule.tiers} | {threshold}
    steps = sorted(
        at for at in starts if at >= threshold and rule.tiers[tier_for(rule, at)].rate_pct > 0
    )
    for at in steps:
        if at <= attainment_pct:
            continue
        reach = math.ceil(at * target_cents / 100)  # the first whole cent at or above the step
        then = commission(rule, reach, target_cents)
        return NextStep(
            at_pct=Decimal(at.numerator) / Decimal(at.denominator),
            needed_cents=reach - measured_cents,
            from_rate_pct=now.rate_pct,
            to_rate_pct=then.rate_pct,
            extra_commission_cents=then.paid_cents - now.paid_cents,
            starts_paying=now.below_threshold,
        )
    return None


@dataclass(frozen=True)
class LadderStep:
    """One rung of the ladder in money for a given target."""

    from_pct: Decimal
    to_pct: Decimal | None
    rate_pct: Decimal
    from_cents: int
    to_cents: int | None


def ladder(plan_or_rule: PlanVersion | CommissionRule, target_cents: int) -> list[LadderStep]:
    """The tiers as amounts of the KPI for `target_cents` (bounds rounded half up)."""
    rule = _rule(plan_or_rule)
    out = []
    for position, tier in enumerate(rule.tiers):
        upper = rule.tiers[position + 1].from_pct if position + 1 < len(rule.tiers) else None
        out.append(
            LadderStep(
                from_pct=tier.from_pct,
                to_pct=upper,
                rate_pct=tier.rate_pct,
                from_cents=_half_up(target_cents * _pct(tier.from_pct)),
                to_cents=None if upper is None else _half_up(target_cents * _pct(upper)),
            )
        )
    return out


def payout_curve(
    plan_or_rule: PlanVersion | CommissionRule, target_cents: int, upto_cents: int, points: int = 60
) -> list[tuple[int, int]]:
    """(amount, commission) pairs from 0 to `upto_cents`, with a point either side of every
    tier bound and the threshold, so the jumps of a "whole" plan draw as steps."""
    rule = _rule(plan_or_rule)
    amounts = {round(upto_cents * i / points) for i in range(points + 1)}
    bounds = [t.from_pct for t in rule.tiers] + [rule.threshold_pct]
    for pct in bounds:
        at = math.ceil(Fraction(pct) * target_cents / 100)
        if 0 < at <= upto_cents:
            amounts |= {at - 1, at}
    return [(a, commission_cents(rule, a, target_cents)) for a in sorted(amounts)]
