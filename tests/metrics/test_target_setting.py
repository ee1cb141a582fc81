"""Target setting by hand: the history, the split of a total and what it implies.

The team and the worked values are in target_fixture.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data.store import Store
from metrics import service
from metrics.filters import Filters
from metrics.incentive_plan import CommissionRule
from metrics.target_allocation import (
    allocate,
    implications,
    outlook,
    projected_commission,
    ramp,
    totals_by_group,
    weights,
)
from metrics.target_history import (
    History,
    load_history,
    next_periods,
    profile,
    reach_probability,
    scope_total,
    season_index,
)
from tests.metrics.target_fixture import (
    AS_OF,
    JULY,
    JUNE,
    PERIOD,
    SEASON,
    build_moved_rep,
    build_target_team,
)
from tests.store_engines import StoreMaker


@pytest.fixture(scope="module")
def history(module_stores: StoreMaker) -> Iterator[History]:
    store = module_stores("targets")
    build_target_team(store)
    scope = Filters(start=date(2025, 3, 1), end=AS_OF)
    yield load_history(store, scope, "revenue", *PERIOD)
    store.close()


@pytest.fixture(scope="module")
def people(history: History) -> pd.DataFrame:
    return profile(history)


def test_next_periods_are_whole_calendar_units() -> None:
    periods = next_periods(date(2026, 11, 20))
    assert periods["next_month"] == (date(2026, 12, 1), date(2026, 12, 31))
    assert periods["next_quarter"] == (date(2027, 1, 1), date(2027, 3, 31))


def test_only_sellers_working_in_the_period_carry_targets(history: History) -> None:
    people = history.people.set_index("name")
    assert list(people.index[people["eligible"]]) == ["Ada", "Bo", "Cy"]
    assert bool(people.at["Dot", "left"]) and not people.at["Dot", "eligible"]
    assert not people.at["Eli", "eligible"]  # customer service sells nothing


def test_run_rate_is_per_day_worked(people: pd.DataFrame) -> None:
    rates = people.set_index("name")["run_rate"]
    assert rates["Ada"] == pytest.approx(3000)
    assert rates["Bo"] == pytest.approx(1500)
    assert rates["Cy"] == pytest.approx(1000)  # 59000 over the 59 days since hire


def test_season_and_baselines(history: History) -> None:
    assert season_index(history) == pytest.approx(SEASON)
    assert scope_total(history, "last_year") == 303000  # Dot's April 2024 sale counts
    assert scope_total(history, "last_period") == 166000


def test_projection_is_run_rate_times_days_times_season(people: pd.DataFrame) -> None:
    by_name = people.set_index("name")
    assert by_name.at["Ada", "projection"] == pytest.approx(3000 * 30 * SEASON)
    assert by_name.at["Cy", "projection"] == pytest.approx(1000 * 30 * SEASON)
    low, high = by_name.at["Ada", "projection_low"], by_name.at["Ada", "projection_high"]
    assert low < by_name.at["Ada", "projection"] < high


def test_current_target_pipeline_and_best_period(people: pd.DataFrame) -> None:
    by_name = people.set_index("name")
    assert by_name.at["Ada", "current_target"] == pytest.approx(200000)
    assert pd.isna(by_name.at["Bo", "current_target"])
    assert by_name.at["Ada", "open_pipeline"] == pytest.approx(50000)
    assert by_name.at["Ada", "best_period"] == pytest.approx(182000)  # April 2024, 30 days
    assert by_name.at["Ada", "last_year"] == 182000


def test_history_split_rounds_to_the_exact_total(people: pd.DataFrame) -> None:
    split = allocate(330001, weights(people, "history", 30)).values
    # 330001 x 3/5.5, x 1.5/5.5, x 1/5.5 = 180000.55, 90000.27, 60000.18: the spare cent
    # goes to the largest remainder.
    assert split.to_dict() == {1: 180001, 2: 90000, 3: 60000}


def test_equal_split_breaks_ties_by_rep_id(people: pd.DataFrame) -> None:
    split = allocate(330001, weights(people, "equal", 30)).values
    assert split.to_dict() == {1: 110001, 2: 110000, 3: 110000}


def test_capacity_ramps_up_a_new_hire(people: pd.DataFrame) -> None:
    # Cy has 73 days of tenure at mid-April: 73 / 30.44 / 6 of a full share.
    assert ramp(0) == 0.25 and ramp(3) == 0.5 and ramp(12) == 1
    w = weights(people, "capacity", 30)
    assert w[3] / w[1] == pytest.approx(73 / 30.44 / 6)


def test_last_year_share_uses_the_median_for_newcomers(people: pd.DataFrame) -> None:
    w = weights(people, "last_year", 30)
    assert w[1] / w[2] == pytest.approx(2)  # 182000 against 91000
    median_daily = (182000 / 30 + 91000 / 30) / 2
    assert w[3] == pytest.approx(median_daily * ramp(73 / 30.44) * 30)


def test_a_cap_moves_the_excess_to_the_others(people: pd.DataFrame) -> None:
    split = allocate(330000, weights(people, "history", 30), caps={1: 150000}).values
    assert split.to_dict() == {1: 150000, 2: 108000, 3: 72000}


def test_a_floor_is_honoured(people: pd.DataFrame) -> None:
    split = allocate(330000, weights(people, "history", 30), floors={3: 80000}).values
    # 250000 left for Ada and Bo at 3:1.5: 166666.67 and 83333.33.
    assert split.to_dict() == {1: 166667, 2: 83333, 3: 80000}


def test_an_edited_row_is_kept_and_the_rest_rebalance(people: pd.DataFrame) -> None:
    split = allocate(330000, weights(people, "history", 30), fixed={2: 100000})
    assert split.values.to_dict() == {1: 172500, 2: 100000, 3: 57500}
    assert split.total == 330000 and not split.problems


@pytest.mark.parametrize(
    ("kwargs", "code", "amount"),
    [
        ({"fixed": {1: 200000, 2: 200000}}, "edits_exceed_total", 70000),
        ({"floors": {1: 200000, 2: 100000, 3: 100000}}, "floors_exceed_total", 70000),
        ({"caps": {1: 100000, 2: 100000, 3: 100000}}, "caps_below_total", 30000),
    ],
)
def test_what_cannot_be_honoured_is_said(
    people: pd.DataFrame, kwargs: dict, code: str, amount: int
) -> None:
    result = allocate(330000, weights(people, "history", 30), **kwargs)
    assert [(p.code, p.amount) for p in result.problems] == [(code, amount)]


def test_reach_probability_is_a_normal_tail() -> None:
    assert reach_probability(100, 0.2, 100) == pytest.approx(0.5)
    assert reach_probability(100, 0.2, 120) == pytest.approx(0.158655, abs=1e-6)
    assert reach_probability(100, 0.2, 0) == 1.0


def test_implications_and_outlook(people: pd.DataFrame) -> None:
    targets = pd.Series({1: 182000, 2: 1, 3: 10**9})
    implied = implications(people, targets)
    assert implied.at[1, "stretch"] == pytest.approx(1.0)  # exactly Ada's best April
    assert implied.at[1, "projected_attainment"] == pytest.approx(3000 * 30 * SEASON / 182000)
    summary = outlook(implied)
    assert summary.target == 182000 + 1 + 10**9
    # One definition of who is expected at target: each person's chance, added up (no second
    # count of those projected at or above target beside it).
    assert summary.expected_reaching == pytest.approx(implied["reach_chance"].sum())
    assert not hasattr(summary, "likely_reaching")
    assert summary.projection_low < summary.projection < summary.projection_high


def test_projected_commission_pays_each_month_on_its_share() -> None:
    rule = CommissionRule(
        mode="whole",
        tiers=[{"from_pct": 0, "rate_pct": 2}, {"from_pct": 100, "rate_pct": 4}],
        eligible_roles=["sales_rep"],
    )
    implied = pd.DataFrame(
        {"projection": [120000.0, 50000.0, 99999.0], "target": [100000, 100000, 100000]},
        index=[1, 2, 3],
    )
    roles = pd.Series({1: "sales_rep", 2: "sales_rep", 3: "customer_service"})
    # One month: person 1 beats target, 4% of 1,200.00 = 48.00; person 2 is at 50%, 2% of
    # 500.00 = 10.00; person 3's role earns none.
    assert projected_commission(implied, roles, rule, 1) == 4800 + 1000
    # Over three months each month pays on a third: person 2 sells 166.67 a month (16,667
    # cents, half-up), 2% of which is 333.34 cents, paid as 333: three months make 9.99.
    assert projected_commission(implied, roles, rule, 3) == 4800 + 999


def test_no_baseline_before_the_data_starts(new_store: StoreMaker) -> None:
    store = new_store("early")
    build_target_team(store)
    # December 2024: last year's December is before the first sale (January 2024).
    scope = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
    early = load_history(store, scope, "revenue", date(2024, 12, 1), date(2024, 12, 31))
    assert scope_total(early, "last_year") is None
    assert scope_total(early, "last_period") == 90000 + 45000 + 30000  # November 2024
    store.close()


# --- Exact splits (largest remainder on exact fractions) --------------------------------------


def test_equal_remainders_go_to_the_lower_rep_id_not_to_float_noise() -> None:
    # 813 cents over weights 2, 2, 5 (of 9): exact shares 180 6/9, 180 6/9, 451 6/9. Floors
    # 180 + 180 + 451 = 811 leave 2 cents; the three remainders are all exactly 2/3, so the
    # tie goes to the lower rep_ids, 1 and 2. (Float remainders made person 3's look larger
    # and gave 181, 180, 452.)
    split = allocate(813, pd.Series({1: 2.0, 2: 2.0, 3: 5.0})).values
    assert split.to_dict() == {1: 181, 2: 181, 3: 451}


def test_every_split_adds_up_and_each_share_is_its_floor_or_ceiling() -> None:
    """The invariant over many totals and weights (hypothesis is not installed: a loop)."""
    from fractions import Fraction

    cases = 0
    for total in (0, 1, 2, 7, 100, 813, 99_999, 1_000_001, 123_456_789):
        for weights_ in ([1.0], [2, 2, 5], [1, 1, 1], [0.1, 0.2, 0.3], [3, 1.5, 1], [1e-9, 1, 1e9],
                         [7, 7, 7, 7, 7, 7, 7], [0.7, 0.2, 0.1, 0.05]):  # fmt: skip
            weight = pd.Series({rep: float(w) for rep, w in enumerate(weights_, start=1)})
            split = allocate(total, weight).values
            assert int(split.sum()) == total
            whole = sum(Fraction(w) for w in weight)
            for rep, w in weight.items():
                exact = Fraction(total) * Fraction(w) / whole
                assert split[rep] - exact < 1 and exact - split[rep] < 1, (total, weights_)
            cases += 1
    assert cases == 72


# --- Targets spread over days: exact, half away from zero --------------------------------------


def _store_with_targets(new_store: StoreMaker, rows: list[tuple]) -> Store:
    store = new_store("days")
    with store.transaction() as cur:
        cur.executemany("INSERT INTO targets VALUES (?, ?, 'company', NULL, ?, ?, NULL)", rows)
    return store


NOVEMBER_CENT = [("2025-11-01", "2025-11-30", "revenue", 1)]
DECEMBER_CENT = [("2025-12-01", "2025-12-31", "revenue", 1)]


@pytest.mark.parametrize(
    ("rows", "start", "end", "expected"),
    [
        # 1 cent over the 30 days of November, asked for 1-15 Nov: 15/30 = 0.5 cent, which
        # rounds half away from zero to 1 cent (a DOUBLE sum came to 0.4999... and gave 0).
        (NOVEMBER_CENT, date(2025, 11, 1), date(2025, 11, 15), 0.01),
        # The other half of November: 15/30 = 0.5 cent, 1 cent too (DOUBLE gave 0 here as well).
        (NOVEMBER_CENT, date(2025, 11, 16), date(2025, 11, 30), 0.01),
        # 14/30 = 0.467 cent: 0; 16/30 = 0.533 cent: 1.
        (NOVEMBER_CENT, date(2025, 11, 1), date(2025, 11, 14), 0.0),
        (NOVEMBER_CENT, date(2025, 11, 1), date(2025, 11, 16), 0.01),
        # 7 cents over the 28 days of February 2025, asked for 2 days: 7 x 2/28 = 0.5: 1 cent.
        ([("2025-02-01", "2025-02-28", "revenue", 7)], date(2025, 2, 10), date(2025, 2, 11), 0.01),
        # 1 cent over December's 31 days, asked for 16-31 Dec (16 days): 0.516: 1 cent; and
        # 1-15 Dec: 0.484: 0.
        (DECEMBER_CENT, date(2025, 12, 16), date(2025, 12, 31), 0.01),
        (DECEMBER_CENT, date(2025, 12, 1), date(2025, 12, 15), 0.0),
        # 100.01 (10001 cents) over November, asked for 1-15 Nov: 5000.5 cents: 50.01.
        (
            [("2025-11-01", "2025-11-30", "revenue", 10001)],
            date(2025, 11, 1), date(2025, 11, 15), 50.01,
        ),
        # Two targets adding up across a month end: 1 cent over November and 1 cent over
        # December, asked for 16 Nov - 15 Dec: 15/30 + 15/31 = 0.9839 cent: 1 cent.
        (
            [("2025-11-01", "2025-11-30", "revenue", 1), *DECEMBER_CENT],
            date(2025, 11, 16), date(2025, 12, 15), 0.01,
        ),
    ],
)  # fmt: skip
def test_a_target_spread_over_days_rounds_exactly_half_away_from_zero(
    new_store: StoreMaker,
    rows: list[tuple],
    start: date,
    end: date,
    expected: float,
) -> None:
    store = _store_with_targets(new_store, rows)
    values = service.values(store, ("revenue",), Filters(start=start, end=end), with_targets=True)
    assert float(values["revenue_target"]) == expected
    store.close()


# --- A person who moves team: each period's target stays with that period's team -------------


@pytest.fixture(scope="module")
def moved(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("moved")
    build_moved_rep(store)
    yield store
    store.close()


def _by_rep(store: Store, team_id: int | None, start: date, end: date) -> dict[int, tuple]:
    frame = service.breakdown(
        store, ("revenue",), Filters(start=start, end=end, team_id=team_id), "rep_id",
        with_targets=True,
    )  # fmt: skip
    return {
        int(r["rep_id"]): (r["revenue"], r["revenue_target"], r["revenue_attainment"])
        for r in frame.to_dict("records")
        if int(r["rep_id"]) == 7
    }


def test_a_moved_persons_target_stays_with_the_team_of_its_month(moved: Store) -> None:
    # Worked in target_fixture.py: Alpha's June and Beta's July each show Mo's target and
    # attainment (before, both were filed under Beta, Mo's team today: Alpha's June showed
    # 600.00 with no target, and Beta's June a target with no sales).
    assert _by_rep(moved, 1, *JUNE) == {7: (600.0, 500.0, 1.2)}
    assert _by_rep(moved, 2, *JULY) == {7: (900.0, 1000.0, 0.9)}
    assert _by_rep(moved, 2, *JUNE) == {}
    assert _by_rep(moved, 1, *JULY) == {}
    # The company view is as it was: both months, both targets.
    assert _by_rep(moved, None, JUNE[0], JULY[1]) == {7: (1500.0, 1500.0, 1.0)}


def test_a_moved_persons_commission_is_paid_in_each_teams_view(moved: Store) -> None:
    """metrics/incentives.py reads targets through the same source: nothing to change there."""
    from metrics.incentive_plan import parse_plan
    from metrics.incentives import rep_commissions
    from tests.metrics.incentive_fixture import OLD_PLAN

    plan = parse_plan(OLD_PLAN)  # whole amount at the tier reached: 2% / 3% from 80% / 4% from 100%

    def paid(team_id: int, period: tuple[date, date]) -> list[tuple]:
        frame = rep_commissions(
            moved, Filters(start=period[0], end=period[1], team_id=team_id), plan
        )
        frame = frame[frame["rep_id"] == 7]
        pairs = zip(frame["target_cents"], frame["commission_cents"], strict=True)
        return [(int(target), int(cents)) for target, cents in pairs]

    assert paid(1, JUNE) == [(50000, 2400)]  # 120%: 4% of 600.00
    assert paid(2, JULY) == [(100000, 2700)]  # 90%: 3% of 900.00


# --- Official now, like for like; which scenario is official -----------------------------------


def test_official_now_says_which_days_it_covers(history: History) -> None:
    # Ada's official April target covers all 30 days of April; Bo and Cy have none.
    days = history.people.set_index("name")["official_days"]
    assert (days["Ada"], days["Bo"], days["Cy"]) == (30, 0, 0)


def test_a_quarter_with_one_official_month_is_covered_for_that_month_only(
    new_store: StoreMaker,
) -> None:
    from metrics.target_scenarios import official_days

    store = new_store("quarter")
    build_target_team(store)
    # Ada's official target is April's alone: of April-June (91 days) it covers 30.
    days = official_days(store, "revenue", date(2025, 4, 1), date(2025, 6, 30), (1, 2))
    assert days.to_dict() == {1: 30}
    store.close()


def test_a_published_scenario_is_the_official_one_and_replaces_nothing(
    new_store: StoreMaker,
) -> None:
    from data.models import Target
    from data.targets import publish_scenario, save_scenario
    from metrics.target_scenarios import ScenarioStatus, official_scenarios, scenario_status

    store = new_store("status")
    build_target_team(store)  # Ada (1) has an official April target of 2,000.00
    rows = [
        Target(period_start=PERIOD[0], period_end=PERIOD[1], scope="rep", scope_id=rep,
               metric="revenue", value=value)
        for rep, value in ((1, 250000), (2, 100000))
    ]  # fmt: skip
    save_scenario(store, "Stretch", "revenue", *PERIOD, rows)
    # Before publishing: it would replace Ada's official target; it is not official.
    assert scenario_status(store, "Stretch", "revenue", *PERIOD) == ScenarioStatus(1, False)
    publish_scenario(store, "Stretch", "revenue", *PERIOD, replaced_scenario="Old")
    # After: it is the official one, and it overlaps nothing but itself.
    assert scenario_status(store, "Stretch", "revenue", *PERIOD) == ScenarioStatus(0, True)
    assert official_scenarios(store, "revenue", *PERIOD) == ["Stretch"]
    # The kept old target (Ada 2,000.00) would replace Ada's again; it is not official.
    assert scenario_status(store, "Old", "revenue", *PERIOD) == ScenarioStatus(1, False)
    store.close()


def test_a_group_with_no_official_target_shows_none_not_zero() -> None:
    # North: Ada has an official 2,000.00 over all 30 days, Bo none. South: nobody has one.
    profile = pd.DataFrame(
        {
            "name": ["Ada", "Bo", "Cy"],
            "group": ["North", "North", "South"],
            "current_target": [200000.0, float("nan"), float("nan")],
        },
        index=[1, 2, 3],
    )
    implied = pd.DataFrame(
        {"target": [150000, 90000, 60000], "projection": [140000.0, 80000.0, 70000.0]},
        index=[1, 2, 3],
    )
    same_days = pd.Series([150000.0, float("nan"), float("nan")], index=[1, 2, 3])
    groups = totals_by_group(profile, implied, same_days).set_index("group")
    north, south = groups.loc["North"], groups.loc["South"]
    assert (north["people"], north["target"], north["current_target"]) == (2, 240000, 200000)
    assert north["target_same_days"] == 150000 and north["projection"] == 220000
    assert (south["people"], south["target"], south["projection"]) == (1, 60000, 70000)
    assert pd.isna(south["current_target"]) and pd.isna(south["target_same_days"])


def test_days_employed_each_month_count_from_hire_to_leaving(history: History) -> None:
    # Cy was hired on 1 Feb 2025 and Dot left on 31 Jan 2025, both days counted; Ada and Eli
    # worked every day; the history runs 27 months back from March 2025 (from January 2023).
    days = history.monthly.set_index(["rep_id", "month"])["employed_days"]
    assert (days[3, date(2025, 1, 1)], days[3, date(2025, 2, 1)], days[3, date(2025, 3, 1)]) == (
        0,
        28,
        31,
    )
    assert (days[4, date(2025, 1, 1)], days[4, date(2025, 2, 1)]) == (31, 0)
    assert days[1, date(2024, 2, 1)] == 29  # a leap year
    assert days[5, date(2023, 1, 1)] == 31
    assert len(days) == 5 * 27


def test_the_best_run_of_months_as_long_as_a_quarter(module_stores: StoreMaker) -> None:
    # Setting April to June 2025 (91 days): a run of three months. Ada's best is February to
    # April 2024, 90000 + 90000 + 182000 = 362000 over 29 + 31 + 30 = 90 days (March to May:
    # 92 days, April to June: 91); Cy's runs with days worked give 28000 / 28 and 59000 / 59,
    # 1000 a day. best_period is that rate over the quarter's 91 days.
    store = module_stores("quarter")
    build_target_team(store)
    quarter = load_history(
        store, Filters(start=date(2025, 3, 1), end=AS_OF), "revenue",
        date(2025, 4, 1), date(2025, 6, 30),
    )  # fmt: skip
    by_name = profile(quarter).set_index("name")
    assert by_name.at["Ada", "best_rate"] == pytest.approx(362000 / 90)
    assert by_name.at["Cy", "best_rate"] == pytest.approx(1000)
    assert by_name.at["Ada", "best_period"] == pytest.approx(362000 / 90 * 91)
