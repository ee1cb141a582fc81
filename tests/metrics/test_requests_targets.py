"""The Targets what-if as requests (metrics.requests_targets): the split with and without the
lead's edits, and its commission, worked out by hand on the team of target_fixture.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data.exports import csv_bytes
from data.store import Store
from metrics.filters import Filters
from metrics.incentive_plan import CommissionRule
from metrics.requests_plans import TargetHistory
from metrics.requests_targets import EXPORT_COLUMNS, SplitCommission, SplitExport, TargetSplit
from tests.metrics.target_fixture import AS_OF, PERIOD, build_target_team
from tests.store_engines import StoreMaker

HISTORY = TargetHistory(
    filters=Filters(start=date(2025, 3, 1), end=AS_OF),
    kpi_id="revenue",
    start=PERIOD[0],
    end=PERIOD[1],
)
# 2% of sales below target, 4% of all of them from 100% of target; sales reps only.
RULE = CommissionRule(
    mode="whole",
    tiers=[{"from_pct": 0, "rate_pct": 2}, {"from_pct": 100, "rate_pct": 4}],
    eligible_roles=["sales_rep"],
)


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("split_requests")
    build_target_team(store)
    yield store
    store.close()


def test_without_edits_the_split_is_its_own_unedited_split(store: Store) -> None:
    result = TargetSplit(history=HISTORY, total=330000, method="history", months=3).run(store)
    # Run rates 3000 : 1500 : 1000 a day: 330000 x 3/5.5, 1.5/5.5, 1/5.5.
    assert result.split.values.to_dict() == {1: 180000, 2: 90000, 3: 60000}
    assert result.unedited is result.split and not result.edited
    assert result.implied["target"].to_dict() == {1: 180000, 2: 90000, 3: 60000}


def test_a_fixed_target_is_kept_and_measured_against_the_split_without_it(store: Store) -> None:
    request = TargetSplit(
        history=HISTORY, total=330000, method="history", months=3, fixed=((2, 80000),)
    )
    result = request.run(store)
    # Bo keeps 80,000; the 250,000 left goes to Ada and Cy at 3 : 1.
    assert result.split.values.to_dict() == {1: 187500, 2: 80000, 3: 62500}
    assert result.unedited.values.to_dict() == {1: 180000, 2: 90000, 3: 60000}
    assert result.edited and not result.split.problems
    assert result.implied_unedited["target"].to_dict() == {1: 180000, 2: 90000, 3: 60000}


def test_a_split_that_cannot_be_honoured_says_why(store: Store) -> None:
    request = TargetSplit(
        history=HISTORY, total=330000, method="history", months=3, floors=((1, 400000),)
    )
    problems = request.run(store).split.problems
    assert [(p.code, p.amount) for p in problems] == [("floors_exceed_total", 70000)]


def test_the_commission_of_a_split_and_of_the_same_split_without_edits(store: Store) -> None:
    # Projections for April (cents, half-up): Ada 167,109, Bo 83,555, Cy 55,703.
    # Unedited (180,000 / 90,000 / 60,000) everyone is at 92.8%: 2% each, 3,342 + 1,671 +
    # 1,114 = 6,127. With Bo's target set to 80,000 he is at 104%: 4% of 83,555 = 3,342, and
    # Ada (187,500) and Cy (62,500) stay at 2%: 3,342 + 3,342 + 1,114 = 7,798.
    edited = TargetSplit(
        history=HISTORY, total=330000, method="history", months=3, fixed=((2, 80000),)
    )
    cost = SplitCommission(split=edited, rule=RULE, months=1).run(store)
    assert (cost.cents, cost.unedited_cents) == (7798, 6127)
    plain = TargetSplit(history=HISTORY, total=330000, method="history", months=3)
    cost = SplitCommission(split=plain, rule=RULE, months=1).run(store)
    assert (cost.cents, cost.unedited_cents) == (6127, None)


def test_equal_edits_make_equal_requests_and_any_change_another() -> None:
    one = TargetSplit(history=HISTORY, total=1000, method="equal", months=3, caps=((1, 5),))
    same = TargetSplit(history=HISTORY, total=1000, method="equal", months=3, caps=((1, 5),))
    assert one.cache_key() == same.cache_key()
    for other in (
        one.model_copy(update={"caps": ((1, 6),)}),
        one.model_copy(update={"floors": ((1, 5),)}),
        one.model_copy(update={"total": 1001}),
        one.model_copy(update={"months": 6}),
    ):
        assert other.cache_key() != one.cache_key()


def test_the_download_has_a_row_per_person_team_and_company_with_names(store: Store) -> None:
    split = TargetSplit(history=HISTORY, total=330000, method="history", months=3)
    frame = SplitExport(split=split).run(store)
    assert list(frame.columns) == list(EXPORT_COLUMNS)
    rows = [
        (
            scope,
            None if pd.isna(scope_id) else int(scope_id),
            None if pd.isna(name) else name,
            value,
        )
        for scope, scope_id, name, value in zip(
            frame["scope"], frame["scope_id"], frame["name"], frame["value"], strict=True
        )
    ]
    # Ada, Bo and Cy, their one team (everyone's sum), and the company (named by the page).
    assert rows == [
        ("rep", 1, "Ada", 180000),
        ("rep", 2, "Bo", 90000),
        ("rep", 3, "Cy", 60000),
        ("team", 1, "Team", 330000),
        ("company", None, None, 330000),
    ]
    assert set(frame["period_start"]) == {PERIOD[0]} and set(frame["metric"]) == {"revenue"}
    # In the file, a team's id is a whole number and the company's is blank.
    lines = csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert lines[4:] == [
        "2025-04-01,2025-04-30,revenue,team,1,Team,330000",
        "2025-04-01,2025-04-30,revenue,company,,,330000",
    ]


def test_like_for_like_targets_cover_the_official_targets_days(store: Store) -> None:
    # Ada's official April target covers all 30 days: her new target as it is. Bo and Cy
    # have none: blank.
    result = TargetSplit(history=HISTORY, total=330000, method="history", months=3).run(store)
    assert result.same_days.iloc[0] == 180000
    assert result.same_days.iloc[1:].isna().all()


def test_the_split_summed_by_group(store: Store) -> None:
    result = TargetSplit(history=HISTORY, total=330000, method="history", months=3).run(store)
    groups = result.groups.set_index("group")
    assert list(groups.index) == ["Team"]  # everyone is in the one team
    row = groups.loc["Team"]
    # Ada's official 2,000.00 is the team's current target; like for like, only her new
    # target counts (Bo and Cy have no official one); projections 167,109.09 + 83,554.55 +
    # 55,703.03.
    assert (row["people"], row["target"], row["current_target"]) == (3, 330000, 200000)
    assert row["target_same_days"] == 180000
    assert row["projection"] == pytest.approx(306366.67, abs=0.01)
