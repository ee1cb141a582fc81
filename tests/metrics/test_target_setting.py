"""Target setting by hand: the history, the split of a total and what it implies.

The team and the worked values are in target_fixture.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data.store import Store
from metrics.filters import Filters
from metrics.incentive_plan import CommissionRule
from metrics.target_allocation import (
    allocate,
    implications,
    outlook,
    projected_commission,
    ramp,
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
from tests.metrics.target_fixture import AS_OF, PERIOD, SEASON, build_target_team


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    store = Store(tmp_path_factory.mktemp("targets") / "team.duckdb")
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
    assert summary.likely_reaching == 1  # Bo's target of one cent, not Cy's billion
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


def test_no_baseline_before_the_data_starts(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = Store(tmp_path_factory.mktemp("early") / "team.duckdb")
    build_target_team(store)
    # December 2024: last year's December is before the first sale (January 2024).
    scope = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
    early = load_history(store, scope, "revenue", date(2024, 12, 1), date(2024, 12, 31))
    assert scope_total(early, "last_year") is None
    assert scope_total(early, "last_period") == 90000 + 45000 + 30000  # November 2024
    store.close()
