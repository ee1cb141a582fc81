"""A placeholder person (an import's made-up "Unassigned", recorded in placeholder_reps) is
never ranked, given an award, targeted, reviewed or counted as a person, while its sales
still count in every total. Worked on the tiny company with Eve (rep 202) marked as one.

November 2024 revenue by rep (tests/metrics/incentive_fixture.py): Ann 170.00, Ben 105.50,
Cai 105.50, Dee 100.00, Eve 360.00; company total 841.00. October: Ann 240.00, Ben 50.00,
Eve 80.50.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from data.store import Store
from metrics import (
    incentive_awards,
    incentives,
    lookups,
    reviews,
    service,
    team_board,
    team_structure,
)
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from metrics.incentive_plan import parse_plan
from metrics.target_history import load_history, target_base
from tests.metrics.incentive_fixture import build_incentive_company, plan_text
from tests.store_engines import StoreMaker

NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
EVE = 202


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Iterator[Store]:
    db = module_stores("placeholder")
    build_incentive_company(db)
    with db.transaction() as cur:
        cur.execute("INSERT INTO placeholder_reps VALUES (?)", [EVE])
    yield db
    db.close()


def test_the_placeholder_is_not_ranked_and_the_others_close_up(store: Store) -> None:
    board = incentives.leaderboard(store, NOV, parse_plan(plan_text()), "revenue", NOV.end)
    # Without Eve (360.00): Ann 170.00 first, Ben and Cai tie at 105.50 (2nd), Dee 100.00 4th.
    assert EVE not in set(board["rep_id"])
    assert list(board["rep"]) == ["Ann", "Ben", "Cai", "Dee"]
    assert list(board["rank"]) == [1, 2, 2, 4]
    # October without Eve: Ann 240.00 1st, Ben 50.00 2nd (Eve's 80.50 would have made Ben
    # 3rd), so Ben's change is 2 - 2 = 0, not +1.
    changes = dict(zip(board["rep"], board["rank_change"], strict=True))
    assert (changes["Ann"], changes["Ben"]) == (0, 0)


def test_the_wall_screen_board_ranks_the_people_only(store: Store) -> None:
    # November 2024 as of the 30th: everyone but Eve, ranked 1..n with no gap for her.
    board = team_board.rep_board(store, NOV, NOV.end)
    assert EVE not in set(board["rep_id"])
    assert list(board["rank"]) == list(range(1, len(board) + 1))
    assert set(board["rep"]) <= {"Ann", "Ben", "Cai", "Dee"} and len(board) > 0


def test_the_placeholder_wins_no_award_and_stands_in_no_contest(store: Store) -> None:
    results = {r.award.id: r for r in incentive_awards.awards(store, NOV, parse_plan(plan_text()))}
    # Selling roles, Ben left on 20 Nov, Eve a placeholder: Cai (105.50) alone contends.
    champion = results["champion"]
    assert (champion.winner, champion.winner_value, champion.contenders) == ("Cai", 105.5, 1)
    # Everyone but Eve: Ann 170.00 over Cai 105.50 (Ben left).
    assert (results["champion_all"].winner, results["champion_all"].runner_up) == ("Ann", "Cai")
    early = {
        c.contest.name: c
        for c in incentives.contests(store, NOV, parse_plan(plan_text()), date(2024, 11, 10))
    }["Early November"]
    # By 10 Nov: Ann 170.00, Ben 105.50 (Eve's 240.00 is not a person's).
    assert list(early.standings["name"]) == ["Ann", "Ben"]


def test_the_placeholder_is_no_person_on_the_team_page_or_in_reviews(store: Store) -> None:
    people = team_structure.people(store, NOV)
    assert EVE not in set(people["rep_id"]) and len(people) == 4  # Ann, Ben, Cai, Dee
    assert EVE not in set(team_structure.workload(store, NOV)["rep_id"])
    due = reviews.still_due(store, NOV, "monthly_evaluation", NOV.start, NOV.end)
    assert EVE not in set(due["rep_id"])


def test_the_placeholder_gets_no_share_of_a_target(store: Store) -> None:
    history = load_history(store, NOV, "revenue", date(2024, 12, 1), date(2024, 12, 31))
    eligible = history.people.set_index("rep_id")["eligible"]
    assert not eligible[EVE]
    assert eligible[103]  # Cai, a group leader who sells, still carries one


def test_a_scope_holding_only_the_placeholder_has_nobody_to_target(store: Store) -> None:
    # South Hub (team 21) holds Eve alone. Her monthly history must not come back as people
    # through the empty profile (the Targets page crashed on such a row's blank columns).
    south_hub = NOV.model_copy(update={"team_id": 21})
    base = target_base(store, south_hub, "revenue", date(2024, 12, 1), date(2024, 12, 31))
    assert base.people.empty


def test_the_placeholder_s_sales_still_count_in_the_totals(store: Store) -> None:
    # 170.00 + 105.50 + 105.50 + 100.00 + 360.00 = 841.00, Eve's 360.00 included.
    frame = service.run(store, MetricRequest(kpis=("revenue",), filters=NOV))
    assert round(float(frame["revenue"].iloc[0]) * 100) == 84100
    assert lookups.placeholder_names(store) == ["Eve"]
