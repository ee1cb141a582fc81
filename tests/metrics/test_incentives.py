"""Commission per person, leaderboards, awards, standings and contests on the tiny company.

The arithmetic of commission itself is tested by hand in test_incentive_math.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from data.store import Store
from metrics import incentive_awards, incentives
from metrics.filters import Filters
from metrics.incentive_plan import IncentivePlan, parse_plan
from tests.metrics.incentive_fixture import (
    build_incentive_company,
    build_namesake_company,
    build_spring_company,
    plan_text,
    record_return,
    spring_plan_text,
)
from tests.store_engines import StoreMaker

# --- From the data: the tiny company with October targets --------------------------------


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Iterator[Store]:
    db = module_stores("incentives")
    build_incentive_company(db)
    yield db
    db.close()


def _plan(**options: bool) -> IncentivePlan:
    return parse_plan(plan_text(**options))


def _by_rep(frame, column: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return dict(zip(frame["rep"], frame[column], strict=True))


OCT = Filters(start=date(2024, 10, 1), end=date(2024, 10, 31))
NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))


def test_each_month_is_paid_under_the_plan_in_force_then(store: Store) -> None:
    paid = incentives.rep_commissions(store, OCT.with_dates(OCT.start, NOV.end), _plan())
    october = paid[paid["period_start"] == OCT.start]
    november = paid[paid["period_start"] == NOV.start]
    assert set(october["plan"]) == {"Old"} and set(november["plan"]) == {"New"}
    # Old plan, whole amount at the tier reached: Ben 50.00 at 50% -> 2% = 1.00; Eve 80.50 at
    # 80.5% -> 3% = 2.415 -> 2.42 (half up). Ann (120%) is a sales manager: not on the plan.
    assert _by_rep(october, "commission_cents") == {"Ann": 0, "Ben": 100, "Eve": 242}
    # New plan, marginal: Ben and Cai 105.50/100: 80*2% + 20*4% + 5.50*6% = 2.73; Eve 360/300:
    # 240*2% + 60*4% + 60*6% = 10.80. Ann and Dee are sales managers, whom the plan does not pay.
    assert _by_rep(november, "commission_cents") == {
        "Ann": 0, "Ben": 273, "Cai": 273, "Dee": 0, "Eve": 1080,
    }  # fmt: skip
    assert _by_rep(november, "eligible")["Dee"] is False


def test_a_plan_change_leaves_earlier_periods_as_they_were(store: Store) -> None:
    both = OCT.with_dates(OCT.start, NOV.end)
    before = incentives.rep_commissions(store, both, _plan(with_new=False))
    after = incentives.rep_commissions(store, both, _plan())
    october = [frame[frame["period_start"] == OCT.start] for frame in (before, after)]
    assert _by_rep(october[0], "commission_cents") == _by_rep(october[1], "commission_cents")
    nov_before = before[before["period_start"] == NOV.start]
    assert _by_rep(nov_before, "commission_cents")["Eve"] == 1440  # old plan: 4% of 360.00


def test_clawback_takes_returned_lines_out_of_the_amount(store: Store) -> None:
    with_clawback = incentives.rep_commissions(store, NOV, _plan(clawback=True))
    eve = with_clawback.set_index("rep").loc["Eve"]
    # Eve's returned 80.50 would have been paid at 6%: 4.83 clawed back.
    assert (eve["measured_cents"], eve["returns_cents"]) == (36000, 8050)
    assert eve["commission_cents"] == 1080
    assert eve["clawback_cents"] == 483
    without = incentives.rep_commissions(store, NOV, _plan(clawback=False)).set_index("rep")
    # Returns count: 440.50 / 300 -> 4.80 + 2.40 + 140.50 * 6% (8.43) = 15.63.
    assert without.loc["Eve", "measured_cents"] == 44050
    assert without.loc["Eve", "commission_cents"] == 1563
    assert without.loc["Eve", "clawback_cents"] == 0


def test_a_month_to_date_is_paid_against_the_whole_month_target(store: Store) -> None:
    mtd = NOV.with_dates(NOV.start, date(2024, 11, 10))
    paid = incentives.rep_commissions(store, mtd, _plan()).set_index("rep")
    # Eve by 10 Nov: 240.00 of 300.00 (80%): 240 * 2% = 4.80; nothing of 80% and above yet.
    assert paid.loc["Eve", "commission_cents"] == 480
    assert paid.loc["Eve", "target_cents"] == 30000


def test_the_revenue_leaderboard_ranks_and_shows_the_change_since_october(store: Store) -> None:
    board = incentives.leaderboard(store, NOV, _plan(), "revenue", NOV.end)
    assert list(board["rep"]) == ["Eve", "Ann", "Ben", "Cai", "Dee"]
    assert list(board["rank"]) == [1, 2, 3, 3, 5]  # Ben and Cai tie at 105.50
    # October: Ann 240.00 (1st), Eve 80.50 (2nd), Ben 50.00 (3rd); Cai and Dee sold nothing.
    changes = _by_rep(board, "rank_change")
    assert (changes["Eve"], changes["Ann"], changes["Ben"]) == (1, -1, 0)
    assert board["previous_rank"].isna().tolist() == [False, False, False, True, True]
    row = board.set_index("rep").loc["Eve"]
    assert (row["value"], row["target"], row["attainment"]) == (360.0, 300.0, 1.2)
    assert row["commission_cents"] == 1080
    assert (row["team"], row["group"]) == ("South", "South Hub")
    assert _by_rep(board, "left")["Ben"] is True


def test_hiding_leavers_drops_them_from_the_board(store: Store) -> None:
    hidden = NOV.model_copy(update={"hide_leavers": True})
    board = incentives.leaderboard(store, hidden, _plan(), "revenue", NOV.end)
    assert "Ben" not in set(board["rep"])
    assert list(board["rank"]) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("choice", "first", "value"),
    [
        ("revenue_attainment", "Eve", 1.2),
        ("growth", "Eve", (360 - 80.5) / 80.5),
        ("csat", "Ann", 5.0),  # Ann and Eve 5, Ben 3: tied first, listed by name
        ("won_deals", "Ann", 1.0),
    ],
)
def test_other_kpis_rank_too(store: Store, choice: str, first: str, value: float) -> None:
    board = incentives.leaderboard(store, NOV, _plan(), choice, NOV.end)
    assert board.iloc[0]["rep"] == first
    assert board.iloc[0]["value"] == pytest.approx(value)


def test_awards_on_the_tiny_company(store: Store) -> None:
    results = {r.award.id: r for r in incentive_awards.awards(store, NOV, _plan())}
    # Selling roles only: Cai and Eve (Ben left on 20 Nov; Ann and Dee are managers).
    champion = results["champion"]
    assert (champion.winner, champion.winner_value) == ("Eve", 360.0)
    assert (champion.runner_up, champion.runner_up_value, champion.contenders) == ("Cai", 105.5, 2)
    everyone = results["champion_all"]
    assert (everyone.winner, everyone.runner_up) == ("Eve", "Ann")
    # CSAT with at least one response: Ann 5 and Eve 5 (Ben left); Cai has none. The plan
    # sets no tie rule, so the default "shared": both win, nobody is second.
    service = results["service"]
    assert (service.winner, service.shared_with, service.tie) == ("Ann", ("Eve",), "shared")
    assert service.runner_up is None
    # Growth on October: Eve 80.50 -> 360.00; Cai sold nothing in October.
    improved = results["improved"]
    assert improved.winner == "Eve" and improved.winner_value == pytest.approx(279.5 / 80.5)
    assert improved.runner_up is None
    assert results["improved_from_100"].winner is None  # 80.50 is not above 100
    # Hired within 24 months of 30 Nov 2024: only Eve (13 Feb 2023).
    assert (results["rookie"].winner, results["rookie"].contenders) == ("Eve", 1)
    # Share of members at target: North 0/1 (Ann 85%), North Hub 1/1 (Cai; Ben left),
    # South 1/1 (Dee), South Hub 1/1 (Eve): a three-way tie at 100%, shared (a group award's
    # tie always is), listed by name; North (0%) is second.
    together = results["together"]
    assert (together.winner, together.winner_value) == ("North Hub", 1.0)
    assert (together.shared_with, together.tie) == (("South", "South Hub"), "shared")
    assert (together.runner_up, together.runner_up_value) == ("North", 0.0)
    assert together.contenders == 4


def test_no_awards_before_the_first_plan(store: Store) -> None:
    early = Filters(start=date(2023, 6, 1), end=date(2023, 6, 30))
    assert incentive_awards.awards(store, early, _plan()) == []


def test_group_standings_by_attainment(store: Store) -> None:
    groups = incentives.group_standings(store, NOV, "revenue", "group")
    # North Hub: Ben 105.50 + Cai 105.50 against its own target of 250.00.
    rows = groups.set_index("name")
    assert rows.loc["North Hub", "value"] == 211.0
    assert rows.loc["North Hub", "attainment"] == pytest.approx(211 / 250)
    teams = incentives.group_standings(store, NOV, "revenue", "team")
    assert list(teams["name"]) == ["South", "North"]  # 460/400 = 115% before 381/600
    assert list(teams["members"]) == [2, 3] and list(teams["at_target"]) == [2, 2]


def test_group_standings_without_any_target_rank_by_the_value(new_store: StoreMaker) -> None:
    # An imported export has revenue but no targets: groups still get ranks, by revenue.
    db = new_store("no_targets")
    build_incentive_company(db)
    with db.transaction() as con:
        con.execute("DELETE FROM targets")
    teams = incentives.group_standings(db, NOV, "revenue", "team")
    # November: South 460.00 before North 381.00 (as in the test above), ranked 1 and 2.
    assert list(teams["name"]) == ["South", "North"]
    assert list(teams["rank"]) == [1, 2]
    db.close()


def test_contests_progress_and_days_left(store: Store) -> None:
    found = incentives.contests(store, NOV, _plan(), date(2024, 11, 10))
    by_name = {c.contest.name: c for c in found}
    assert [c.status for c in found] == ["running", "running", "upcoming"]
    early = by_name["Early November"]
    # By 10 Nov: Eve 240.00, Ann 170.00, Ben 105.50; progress against the leader.
    assert list(early.standings["name"]) == ["Eve", "Ann", "Ben"]
    assert list(early.standings["progress"]) == pytest.approx([1.0, 170 / 240, 105.5 / 240])
    assert (early.days_left, early.through) == (5, date(2024, 11, 10))
    goal = by_name["Group goal"].standings.set_index("name")
    assert goal.loc["South Hub", "progress"] == pytest.approx(240 / 500)
    assert by_name["Next year"].standings.empty and by_name["Next year"].days_left == 82
    done = incentives.contests(store, NOV, _plan(), date(2024, 11, 30))
    assert {c.contest.name: c.status for c in done}["Early November"] == "finished"


QUARTER_PLAN = """
[[plans]]
effective_from = 2024-10-01
name = "Quarterly"

[plans.commission]
period = "quarter"
mode = "marginal"
tiers = [
    { from_pct = 0, rate_pct = 2 },
    { from_pct = 80, rate_pct = 4 },
    { from_pct = 100, rate_pct = 6 },
]
"""


def test_a_quarterly_plan_pays_the_quarter_so_far_against_the_quarter_target(
    store: Store,
) -> None:
    paid = incentives.rep_commissions(store, NOV, parse_plan(QUARTER_PLAN)).set_index("rep")
    eve = paid.loc["Eve"]
    assert (eve["period_start"], eve["period_end"]) == (date(2024, 10, 1), date(2024, 12, 31))
    # Eve, 1 Oct - 30 Nov: 80.50 + 360.00 = 440.50 against 100 + 300 (+ 0 for December):
    # 320 * 2% + 80 * 4% + 40.50 * 6% = 6.40 + 3.20 + 2.43 = 12.03.
    assert (eve["measured_cents"], eve["target_cents"]) == (44050, 40000)
    assert eve["commission_cents"] == 1203


def test_a_gross_margin_plan_pays_on_margin_against_its_share_of_the_target(
    store: Store,
) -> None:
    margin = QUARTER_PLAN.replace('period = "quarter"', 'period = "month"\nkpi = "gross_margin"')
    margin = margin.replace('mode = "marginal"', 'mode = "marginal"\nmargin_target_pct = 50')
    paid = incentives.rep_commissions(store, NOV, parse_plan(margin)).set_index("rep")
    eve = paid.loc["Eve"]
    # Eve's November margin: (240 - 140) + (120 - 70) = 150.00 (the returned line is out),
    # against 50% of 300.00 = 150.00: 120 * 2% + 30 * 4% = 3.60.
    assert (eve["measured_cents"], eve["target_cents"]) == (15000, 15000)
    assert eve["commission_cents"] == 360


def test_leavers_count_in_team_totals_until_hidden(store: Store) -> None:
    teams = incentives.group_standings(store, NOV, "revenue", "team").set_index("name")
    assert teams.loc["North", "value"] == 381.0  # Ann 170.00 + Ben 105.50 + Cai 105.50
    hidden = NOV.model_copy(update={"hide_leavers": True})
    teams = incentives.group_standings(store, hidden, "revenue", "team").set_index("name")
    assert teams.loc["North", "value"] == 275.5  # Ben left on 20 Nov
    assert teams.loc["North", "members"] == 2


# --- Two people with the same name ----------------------------------------------------------


@pytest.fixture(scope="module")
def namesakes(module_stores: StoreMaker) -> Iterator[Store]:
    db = module_stores("namesakes")
    build_namesake_company(db)
    yield db
    db.close()


def test_two_people_called_eve_each_keep_their_own_board_row(namesakes: Store) -> None:
    board = incentives.leaderboard(namesakes, NOV, _plan(), "revenue", NOV.end)
    eves = board[board["rep"] == "Eve"].set_index("rep_id")
    assert list(eves.index) == [202, 104]
    # Eve 202: 360.00 / 300.00, 1st, 10.80 commission (as without her namesake). Eve 104:
    # 120.00 / 100.00, 3rd after Ann's 170.00; marginal 80 * 2% + 20 * 4% + 20 * 6% = 3.60.
    assert (eves.loc[202, "value"], eves.loc[202, "target"], eves.loc[202, "rank"]) == (
        360.0, 300.0, 1,
    )  # fmt: skip
    assert (eves.loc[104, "value"], eves.loc[104, "target"], eves.loc[104, "rank"]) == (
        120.0, 100.0, 3,
    )  # fmt: skip
    assert (eves.loc[202, "commission_cents"], eves.loc[104, "commission_cents"]) == (1080, 360)
    assert (eves.loc[202, "group"], eves.loc[104, "group"]) == ("South Hub", "North Hub")
    assert len(board) == 6 and board["rep_id"].is_unique


def test_two_people_called_eve_are_paid_separately(namesakes: Store) -> None:
    paid = incentives.rep_commissions(namesakes, NOV, _plan())
    eves = paid[paid["rep"] == "Eve"].set_index("rep_id")
    assert eves["measured_cents"].to_dict() == {104: 12000, 202: 36000}
    assert eves["target_cents"].to_dict() == {104: 10000, 202: 30000}
    assert eves["commission_cents"].to_dict() == {104: 360, 202: 1080}
    assert eves["clawback_cents"].to_dict() == {104: 0, 202: 483}  # only 202 had a return


def test_awards_name_which_eve_won(namesakes: Store) -> None:
    results = {r.award.id: r for r in incentive_awards.awards(namesakes, NOV, _plan())}
    champion = results["champion"]
    assert (champion.winner, champion.winner_id, champion.winner_value) == ("Eve", 202, 360.0)
    assert (champion.runner_up, champion.runner_up_id, champion.runner_up_value) == (
        "Eve", 104, 120.0,
    )  # fmt: skip
    assert champion.contenders == 3  # Cai and both Eves (Ben left)
    # CSAT: Ann 5 and Eve 202 5 tie and share it (listed by name: Ann first); Eve 104's 4 is
    # her own, not averaged into a single "Eve" of 4.5: she is second.
    service = results["service"]
    assert (service.winner_id, service.shared_with_ids) == (101, (202,))
    assert (service.runner_up_id, service.runner_up_value) == (104, 4.0)
    assert service.contenders == 3
    rookie = results["rookie"]  # both Eves were hired within 24 months
    assert (rookie.winner_id, rookie.runner_up_id, rookie.contenders) == (202, 104, 2)


def test_each_eve_counts_in_her_own_group(namesakes: Store) -> None:
    groups = incentives.group_standings(namesakes, NOV, "revenue", "group").set_index("name")
    # North Hub: Ben 105.50 + Cai 105.50 + Eve 104 120.00; three people with a target, all at
    # or above it. South Hub: Eve 202 alone.
    assert groups.loc["North Hub", "value"] == 331.0
    assert (groups.loc["North Hub", "members"], groups.loc["North Hub", "at_target"]) == (3, 3)
    assert (groups.loc["South Hub", "members"], groups.loc["South Hub", "at_target"]) == (1, 1)


def test_a_contest_between_people_lists_both_eves(namesakes: Store) -> None:
    found = incentives.contests(namesakes, NOV, _plan(), date(2024, 11, 30))
    early = next(c for c in found if c.contest.name == "Early November").standings
    # 1-15 Nov: Eve 202 360.00, Ann 170.00, Eve 104 120.00, Ben 105.50, Cai 80.50.
    assert list(early["rep_id"]) == [202, 101, 104, 102, 103]
    assert list(early["name"]) == ["Eve", "Ann", "Eve", "Ben", "Cai"]
    assert list(early["value"]) == [360.0, 170.0, 120.0, 105.5, 80.5]


# --- Issue 15: most improved at its edge, ties, one award per person, clawback --------------

APR = Filters(start=date(2025, 4, 1), end=date(2025, 4, 30))
MAY = Filters(start=date(2025, 5, 1), end=date(2025, 5, 31))
JUN = Filters(start=date(2025, 6, 1), end=date(2025, 6, 30))
JUL = Filters(start=date(2025, 7, 1), end=date(2025, 7, 31))
MAR = Filters(start=date(2025, 3, 1), end=date(2025, 3, 31))


@pytest.fixture(scope="module")
def spring(module_stores: StoreMaker) -> Iterator[Store]:
    db = module_stores("spring")
    build_spring_company(db)
    yield db
    db.close()


def _awards(store: Store, filters: Filters, **options: object) -> dict[str, object]:
    plan = parse_plan(spring_plan_text(**options))  # type: ignore[arg-type]
    return {r.award.id: r for r in incentive_awards.awards(store, filters, plan)}


def test_most_improved_takes_exactly_the_minimum_before(spring: Store) -> None:
    """min_previous = 5000 means at least 5,000.00 the month before. April: Cai 5,000.00
    exactly, Eve 4,999.99 (one cent short). May: Cai 6,000.00 (+20%), Eve 9,999.98 (+100%).
    Eve grew more but is out; Cai qualifies at exactly 5,000.00 and wins with 1,000.00 /
    5,000.00 = 1/5. The old rule (strictly above) left nobody."""
    improved = _awards(spring, MAY)["improved"]
    assert (improved.winner_id, improved.winner_value) == (103, 0.2)  # type: ignore[attr-defined]
    assert improved.contenders == 1  # type: ignore[attr-defined]


def test_a_tie_for_first_is_shared_and_the_prize_split_to_the_cent(spring: Store) -> None:
    """July: Cai and Eve both sold 1,000.00. Shared: both win; the prize of 100.01 (10,001
    cents) is split equally, rounded down to the cent: 10,001 // 2 = 5,000 cents each."""
    champion = _awards(spring, JUL, ties="shared")["champion"]
    assert (champion.winner_id, champion.shared_with_ids) == (103, (202,))  # type: ignore[attr-defined]
    assert champion.tie == "shared" and champion.prize_share_cents == 5000  # type: ignore[attr-defined]
    assert champion.runner_up is None  # type: ignore[attr-defined]


def test_a_tie_broken_by_attainment_goes_to_the_higher_attainment(spring: Store) -> None:
    """July, tie broken by attainment: Cai 1,000.00 / 2,000.00 = 50%, Eve 1,000.00 / 800.00
    = 125%. Eve wins alone, the whole prize; Cai is runner-up at the same 1,000.00."""
    champion = _awards(spring, JUL, ties="attainment")["champion"]
    assert (champion.winner_id, champion.shared_with_ids, champion.tie) == (202, (), "attainment")  # type: ignore[attr-defined]
    assert (champion.runner_up_id, champion.runner_up_value) == (103, 1000.0)  # type: ignore[attr-defined]
    assert champion.prize_share_cents is None  # type: ignore[attr-defined]


def test_one_award_per_person_passes_a_winner_over(spring: Store) -> None:
    """June: Eve 1,200.00, Cai 1,000.00, Fay 900.00. Eve is champion. The rookie award
    (hired under 36 months before 30 Jun 2025: Eve, Fay; not Cai, hired May 2022) would go
    to Eve again; with one award per person she is passed over and Fay wins it."""
    once = _awards(spring, JUN, one_award=True)
    assert once["champion"].winner_id == 202  # type: ignore[attr-defined]
    rookie = once["rookie"]
    assert (rookie.winner_id, rookie.passed_over) == (301, (202,))  # type: ignore[attr-defined]
    twice = _awards(spring, JUN, one_award=False)
    assert twice["rookie"].winner_id == 202 and twice["rookie"].passed_over == ()  # type: ignore[attr-defined]


def _fay(store: Store, filters: Filters, clawback: str) -> dict[str, object]:
    plan = parse_plan(spring_plan_text(clawback=clawback))
    paid = incentives.rep_commissions(store, filters, plan).set_index("rep_id")
    return paid.loc[301].to_dict()


def test_a_return_is_clawed_back_in_the_month_it_happened(new_store: StoreMaker) -> None:
    """Fay sold 1,500.00 in March (target 1,000.00); 500.00 of it (S-01 line 2) comes back
    on 10 May. May: she sold 1,000.00 against 1,000.00.

    March, marginal 2/4/6%: 800 * 2% + 200 * 4% + 500 * 6% = 16.00 + 8.00 + 30.00 = 54.00.
    May before the return: 800 * 2% + 200 * 4% = 24.00.
    After the return is recorded, by return period: March still 1,500.00 -> 54.00; May
    1,000.00 - 500.00 = 500.00 (50%) -> 500 * 2% = 10.00, so 14.00 is clawed back in May.
    By order period (the old rule) March would drop to 1,000.00 -> 24.00."""
    store = new_store("returns")
    build_spring_company(store)
    assert _fay(store, MAR, "return_period")["commission_cents"] == 5400
    assert _fay(store, MAY, "return_period")["commission_cents"] == 2400
    record_return(store, "S-01", 2, "2025-05-10")
    march = _fay(store, MAR, "return_period")
    assert (march["measured_cents"], march["commission_cents"]) == (150000, 5400)
    assert march["returns_cents"] == 0
    may = _fay(store, MAY, "return_period")
    assert (may["measured_cents"], may["commission_cents"]) == (50000, 1000)
    assert (may["returns_cents"], may["clawback_cents"]) == (50000, 1400)
    assert may["undated_returns"] == 0
    old = _fay(store, MAR, "order_period")
    assert (old["measured_cents"], old["commission_cents"], old["clawback_cents"]) == (
        100000, 2400, 3000,
    )  # fmt: skip
    store.close()


def test_a_return_without_a_date_counts_on_its_order_date(new_store: StoreMaker) -> None:
    """The same return with no return date known: it falls back to 5 March, its order
    date, so March is 1,000.00 -> 24.00 (30.00 clawed back: 54.00 - 24.00), it is counted
    as one undated return, and May keeps its 24.00."""
    store = new_store("undated")
    build_spring_company(store)
    record_return(store, "S-01", 2, None)
    march = _fay(store, MAR, "return_period")
    assert (march["measured_cents"], march["commission_cents"]) == (100000, 2400)
    assert (march["clawback_cents"], march["undated_returns"]) == (3000, 1)
    assert _fay(store, MAY, "return_period")["commission_cents"] == 2400
    store.close()


def test_returned_lines_by_the_day_sold_and_the_day_back(new_store: StoreMaker) -> None:
    """May 2025, by hand. S-01/2 (Fay, sold 5 Mar, 500.00) comes back on 10 May; S-06 (Fay,
    sold 14 May, 1,000.00) comes back with no date known; S-04 (Cai, sold 12 May, 6,000.00)
    comes back on 2 Jun; S-02 (Cai, sold 10 Apr, 5,000.00) comes back on 30 Apr; S-05 (Eve,
    sold 13 May, 9,999.98) comes back on 20 May.
    Sold in May: Cai 6,000.00 (S-04), Fay 1,000.00 (S-06), Eve 9,999.98 (S-05).
    Back in May: Fay 500.00 (S-01/2, dated) + 1,000.00 (S-06, undated: its order day) =
    1,500.00, one undated; Eve 9,999.98 once. S-04 is back in June and S-02 in April:
    neither is May's."""
    store = new_store("returned_lines")
    build_spring_company(store)
    record_return(store, "S-01", 2, "2025-05-10")
    record_return(store, "S-06", 1, None)
    record_return(store, "S-04", 1, "2025-06-02")
    record_return(store, "S-02", 1, "2025-04-30")
    record_return(store, "S-05", 1, "2025-05-20")
    frame = incentives.returned_lines(store, MAY, "month", MAY.start, MAY.end)
    got = {
        (side, rep): (int(net), int(undated))
        for side, rep, net, undated in frame[["side", "rep_id", "net_cents", "undated"]].itertuples(
            index=False
        )
    }
    assert got == {
        ("sold", 103): (600000, 0),
        ("sold", 301): (100000, 1),
        ("sold", 202): (999998, 0),
        ("back", 301): (150000, 1),
        ("back", 202): (999998, 0),
    }
    assert set(frame["bucket"]) == {MAY.start}
    store.close()
