"""Commission arithmetic by hand: tiers, threshold, cap, rounding, the next step, the ladder.

Examples use a target of 100,000.00 (10,000,000 cents) and the tiers 0–80% at 2%, 80–100% at
4%, above 100% at 6% unless a test says otherwise.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from metrics import incentive_math
from metrics.incentive_math import commission, commission_cents, ladder, next_step
from metrics.incentive_plan import CommissionRule, Tier, parse_plan
from tests.metrics.incentive_fixture import plan_text

TARGET = 10_000_000  # 100,000.00


def _rule(mode: str = "marginal", **changes: object) -> CommissionRule:
    tiers = (
        Tier(from_pct=Decimal(0), rate_pct=Decimal(2)),
        Tier(from_pct=Decimal(80), rate_pct=Decimal(4)),
        Tier(from_pct=Decimal(100), rate_pct=Decimal(6)),
    )
    return CommissionRule(mode=mode, tiers=tiers, **changes)  # type: ignore[arg-type]


# --- Commission for one rep -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "measured", "expected"),
    [
        # 90%: whole 4% of 90,000 = 3,600; marginal 2% of 80,000 + 4% of 10,000 = 2,000.
        ("whole", 9_000_000, 360_000),
        ("marginal", 9_000_000, 200_000),
        # 120%: whole 6% of 120,000 = 7,200; marginal 1,600 + 800 + 6% of 20,000 = 3,600.
        ("whole", 12_000_000, 720_000),
        ("marginal", 12_000_000, 360_000),
        # Exactly 80% is in the 4% tier: whole 3,200; marginal 1,600 (nothing above 80% yet).
        ("whole", 8_000_000, 320_000),
        ("marginal", 8_000_000, 160_000),
        # 50%: 2% of 50,000 = 1,000 either way.
        ("whole", 5_000_000, 100_000),
        ("marginal", 5_000_000, 100_000),
    ],
)
def test_commission_in_each_tier_mode(mode: str, measured: int, expected: int) -> None:
    assert commission_cents(_rule(mode), measured, TARGET) == expected


def test_the_tier_reached_and_its_rate_are_reported() -> None:
    result = commission(_rule("whole"), 9_000_000, TARGET)
    assert (result.tier, result.rate_pct, result.attainment) == (1, Decimal(4), 0.9)


def test_rounding_is_half_up_to_the_cent() -> None:
    flat = CommissionRule(tiers=(Tier(from_pct=Decimal(0), rate_pct=Decimal(2)),))
    assert commission_cents(flat, 25, 100) == 1  # 0.5 cent -> 1
    assert commission_cents(flat, 75, 100) == 2  # 1.5 cents -> 2
    assert commission_cents(flat, 1_234_567, 100) == 24_691  # 24,691.34 -> 24,691


def test_fractional_bounds_and_rates_are_exact() -> None:
    # Tiers 0% at 2.5% and 33.3% at 3.75%, a target of 10.00 (1,000 cents). 3.33 is exactly
    # 33.3%: the second tier. 3.91 marginal: 2.5% of 3.33 = 8.325 cents, plus 3.75% of the
    # 0.58 above = 2.175 cents: 10.5 cents, half up to 11 (not 10, as rounding half to even or
    # down would give). Whole: 3.75% of 3.91 = 14.6625 cents -> 15.
    tiers = (
        Tier(from_pct=Decimal(0), rate_pct=Decimal("2.5")),
        Tier(from_pct=Decimal("33.3"), rate_pct=Decimal("3.75")),
    )
    marginal = CommissionRule(tiers=tiers, mode="marginal")
    assert (commission(marginal, 332, 1_000).tier, commission(marginal, 333, 1_000).tier) == (0, 1)
    assert commission_cents(marginal, 391, 1_000) == 11
    assert commission_cents(CommissionRule(tiers=tiers, mode="whole"), 391, 1_000) == 15


def test_nothing_is_paid_below_the_threshold_and_everything_at_it() -> None:
    rule = _rule("marginal", threshold_pct=Decimal(50))
    below = commission(rule, 4_999_999, TARGET)
    assert below.paid_cents == 0 and below.below_threshold and below.rate_pct == 0
    assert commission_cents(rule, 5_000_000, TARGET) == 100_000  # 2% of 50,000.00


def test_the_cap_limits_what_is_paid() -> None:
    rule = _rule("whole", cap=Decimal(3000))
    result = commission(rule, 12_000_000, TARGET)
    assert (result.earned_cents, result.paid_cents, result.capped) == (720_000, 300_000, True)
    assert commission(rule, 5_000_000, TARGET).capped is False


def test_no_target_or_no_sales_pays_nothing() -> None:
    assert commission_cents(_rule(), 5_000_000, None) == 0
    assert commission_cents(_rule(), 5_000_000, 0) == 0
    assert commission_cents(_rule(), 0, TARGET) == 0
    assert commission_cents(_rule(), -500, TARGET) == 0  # a negative margin earns nothing


def test_a_plan_version_or_its_rule_both_work() -> None:
    plan = parse_plan(plan_text())
    assert commission_cents(plan.plans[1], 9_000_000, TARGET) == 200_000
    assert commission_cents(plan.plans[0], 9_000_000, TARGET) == 270_000  # whole, 3%


def test_a_gross_margin_target_is_its_share_of_the_revenue_target() -> None:
    rule = _rule(kpi="gross_margin", margin_target_pct=Decimal("35.5"))
    assert incentive_math.margin_target_cents(rule, 10_001) == 3550  # 3,550.355 -> 3,550
    assert incentive_math.margin_target_cents(_rule(), 10_001) == 10_001


# --- The next step up the ladder ----------------------------------------------------------


def test_next_tier_marginal() -> None:
    step = next_step(_rule("marginal"), 9_000_000, TARGET)
    assert step is not None
    # 10,000.00 more reaches 100%; it is paid at 4% (400.00) and lifts the rate to 6%.
    assert (step.needed_cents, step.from_rate_pct, step.to_rate_pct) == (1_000_000, 4, 6)
    assert step.extra_commission_cents == 40_000
    assert step.at_pct == 100 and not step.starts_paying


def test_next_tier_whole_pays_the_new_rate_on_everything() -> None:
    step = next_step(_rule("whole"), 9_000_000, TARGET)
    assert step is not None
    # At 100,000.00 the whole amount pays 6% = 6,000.00, against 3,600.00 now.
    assert (step.needed_cents, step.extra_commission_cents) == (1_000_000, 240_000)


def test_below_the_threshold_the_next_step_is_the_threshold() -> None:
    step = next_step(_rule("marginal", threshold_pct=Decimal(50)), 4_000_000, TARGET)
    assert step is not None
    assert (step.at_pct, step.needed_cents) == (50, 1_000_000)
    assert (step.from_rate_pct, step.to_rate_pct) == (0, 2)
    assert step.extra_commission_cents == 100_000 and step.starts_paying


def test_a_negative_amount_names_the_first_tier_that_pays() -> None:
    """Issue 15 item 4: returns larger than sales leave -500.00. The 0% tier start lies under
    the 50% threshold and pays nothing, so the next step is the threshold: 50% of 100,000.00
    is 50,000.00; from -500.00 that is 50,500.00 more, paid at 2% (marginal: 2% of 50,000.00
    = 1,000.00), against 0.00 now. The old code named "0.01 more reaches the 0% threshold,
    paying 0.00"."""
    rule = _rule("marginal", threshold_pct=Decimal(50))
    step = next_step(rule, -50_000, TARGET)
    assert step is not None
    assert (step.at_pct, step.needed_cents) == (50, 5_050_000)
    assert (step.from_rate_pct, step.to_rate_pct) == (0, 2)
    assert step.extra_commission_cents == 100_000 and step.starts_paying


def test_a_zero_rate_tier_is_not_a_step_up() -> None:
    """A plan whose first tier pays 0% (0-60%) and 3% from 60%: at 10% the next step is 60%
    is named, never the 0% tier."""
    tiers = (
        Tier(from_pct=Decimal(0), rate_pct=Decimal(0)),
        Tier(from_pct=Decimal(60), rate_pct=Decimal(3)),
    )
    step = next_step(CommissionRule(mode="whole", tiers=tiers), -100, TARGET)
    assert step is not None
    # Whole mode: at 60,000.00 the whole amount pays 3% = 1,800.00; 60,000.01 more from -0.01.
    assert (step.at_pct, step.needed_cents, step.to_rate_pct) == (60, 6_000_100, 3)
    assert step.extra_commission_cents == 180_000


def test_the_amount_needed_is_rounded_up_to_a_whole_cent() -> None:
    step = next_step(_rule("marginal"), 100, 333)  # 80% of 3.33 is 2.664: 267 cents reach it
    assert step is not None and step.needed_cents == 167


def test_no_next_step_on_the_top_tier_without_a_target_or_when_capped() -> None:
    assert next_step(_rule(), 12_000_000, TARGET) is None
    assert next_step(_rule(), 5_000_000, None) is None
    assert next_step(_rule("whole", cap=Decimal(100)), 9_000_000, TARGET) is None


def test_the_extra_commission_stops_at_the_cap() -> None:
    step = next_step(_rule("whole", cap=Decimal(5000)), 9_000_000, TARGET)
    assert step is not None and step.extra_commission_cents == 500_000 - 360_000


def test_the_ladder_in_money() -> None:
    steps = ladder(_rule(), TARGET)
    assert [(s.from_cents, s.to_cents, s.rate_pct) for s in steps] == [
        (0, 8_000_000, 2), (8_000_000, 10_000_000, 4), (10_000_000, None, 6),
    ]  # fmt: skip


def test_the_payout_curve_has_both_sides_of_each_jump() -> None:
    curve = dict(incentive_math.payout_curve(_rule("whole"), TARGET, 12_000_000))
    assert curve[7_999_999] == 160_000  # 2% of 79,999.99 = 1,599.9998 -> 1,600.00
    assert curve[8_000_000] == 320_000


def test_the_two_names_other_modules_use_stay_importable_from_metrics_incentives() -> None:
    from metrics import incentives

    assert incentives.commission_cents is incentive_math.commission_cents
    assert incentives.margin_target_cents is incentive_math.margin_target_cents
