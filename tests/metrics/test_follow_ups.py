"""The follow-up list worked by hand on tests/metrics/follow_up_fixture.py (the table there
says each customer's revenue, score, tier and contacts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data import follow_ups as writes
from data.rollups import refresh_rollups
from data.store import Store
from metrics import follow_ups, segments
from metrics.customer_owner import latest_orders_rolled
from metrics.filters import Filters
from metrics.requests_follow_ups import FollowUpList, FollowUpOwners
from metrics.scope import Scope
from tests.metrics.follow_up_fixture import (
    ALDER,
    ANN,
    AS_OF,
    BEECH,
    BO,
    CEDAR,
    CY,
    DI,
    DOGWOOD,
    ELM,
    build_follow_up_company,
)  # fmt: skip
from tests.store_engines import StoreMaker

JUNE = Filters(start=date(2025, 6, 1), end=AS_OF)


@pytest.fixture
def store(new_store: StoreMaker) -> Iterator[Store]:
    """A fresh copy for each test: several tests write follow-up actions."""
    store = new_store("follow")
    build_follow_up_company(store)
    yield store
    store.close()


def _ids(frame: pd.DataFrame) -> list[int]:
    return [int(c) for c in frame["customer_id"]]


def test_due_dates_tiers_and_reasons_by_hand(store: Store) -> None:
    everyone = follow_ups.everyone(store, AS_OF).set_index("customer_id")
    # Alder: key (score 5), last contact its 1 Jun order; 1 Jun + 14 = 15 Jun; 30 Jun is 15 later.
    # Cedar: growth (score 3), last contact 1 Mar; 1 Mar + 30 = 31 Mar; to 30 Jun: 30 + 31 + 30.
    # Dogwood: standard, order 20 Jun (+60 = 19 Aug) but a complaint on 25 Jun, open, after the
    #   last contact: due the day after it, 26 Jun; 4 days overdue.
    # Elm: standard, the visit on 10 May set 10 Jun: due 10 Jun, 20 days overdue.
    # Beech: the call yesterday (29 Jun) set today (30 Jun), but nobody is due within 2 days of
    #   a contact: due 1 Jul, not yet.
    expected = {
        ALDER: ("key", date(2025, 6, 15), 15, "rhythm", 29),
        BEECH: ("growth", date(2025, 7, 1), -1, "planned", 1),
        CEDAR: ("growth", date(2025, 3, 31), 91, "rhythm", 121),
        DOGWOOD: ("standard", date(2025, 6, 26), 4, "complaint", 10),
        ELM: ("standard", date(2025, 6, 10), 20, "planned", 51),
    }
    assert set(everyone.index) == set(expected)  # Fig last bought before the year
    for customer_id, (tier, due, overdue, reason, since) in expected.items():
        row = everyone.loc[customer_id]
        assert (row["tier"], row["due"], row["overdue_days"], row["reason"]) == (
            tier, due, overdue, reason,
        ), customer_id  # fmt: skip
        assert row["days_since_contact"] == since
    assert everyone.loc[DOGWOOD, "open_complaints"] == 1
    assert everyone.loc[DOGWOOD, "open_complaint"] == "Late delivery"
    # Cedar has no owner in the data: the rep of its latest sale (Cy, 1 Mar) owns it.
    assert everyone.loc[CEDAR, "owner_rep_id"] == CY


def test_tiers_follow_the_monetary_score() -> None:
    assert [follow_ups.tier_of(m) for m in (5, 4, 3, 2, 1)] == [
        "key", "growth", "growth", "standard", "standard",
    ]  # fmt: skip
    assert follow_ups.RHYTHM_DAYS == {"key": 14, "growth": 30, "standard": 60}


def test_due_date_rule_edges() -> None:
    last = date(2025, 6, 29)
    # a plan for the day after the contact still waits two days after the contact
    assert follow_ups.due_date(last, 14, planned=date(2025, 6, 30)) == (date(2025, 7, 1), "planned")
    # a snooze wins over a plan and a complaint
    assert follow_ups.due_date(
        last, 14, planned=date(2025, 7, 3), complaint_since=last, snoozed_until=date(2025, 7, 9)
    ) == (date(2025, 7, 9), "snoozed")
    # a complaint only brings a date forward (the day after it), never pushes one later
    later = date(2025, 7, 5)
    assert follow_ups.due_date(last, 14, planned=date(2025, 7, 2), complaint_since=later) == (
        date(2025, 7, 2), "planned",
    )  # fmt: skip
    # a complaint on the contact day: the day after is 30 Jun, but the 2-day floor says 1 Jul
    assert follow_ups.due_date(last, 14, complaint_since=last) == (date(2025, 7, 1), "complaint")


def test_due_dates_of_many_rows_are_each_rows_own() -> None:
    """The rule worked on a whole list at once gives each customer what it gives them alone
    (a missing plan, complaint or snooze on one row never leaks into another)."""
    last = date(2025, 6, 29)
    cases = [
        dict(last_contact=last, rhythm_days=14, planned=date(2025, 6, 30)),
        dict(last_contact=last, rhythm_days=14, planned=date(2025, 7, 3), complaint_since=last,
             snoozed_until=date(2025, 7, 9)),
        dict(last_contact=last, rhythm_days=30),
        dict(last_contact=date(2025, 5, 1), rhythm_days=60, complaint_since=date(2025, 5, 20)),
        dict(last_contact=last, rhythm_days=14, complaint_since=last),
    ]  # fmt: skip
    frame = pd.DataFrame(
        [{"planned": None, "complaint_since": None, "snoozed_until": None, **c} for c in cases]
    )
    due, reason = follow_ups.due_dates(frame)
    together = [(pd.Timestamp(d).date(), str(r)) for d, r in zip(due, reason, strict=True)]
    given = ("planned", "complaint_since", "snoozed_until")
    alone = [
        follow_ups.due_date(
            c["last_contact"], c["rhythm_days"], **{k: v for k, v in c.items() if k in given}
        )
        for c in cases
    ]
    assert together == alone
    assert together == [
        (date(2025, 7, 1), "planned"), (date(2025, 7, 9), "snoozed"),
        (date(2025, 7, 29), "rhythm"), (date(2025, 5, 21), "complaint"),
        (date(2025, 7, 1), "complaint"),
    ]  # fmt: skip


def test_best_first_is_overdue_first_then_value(store: Store) -> None:
    due = follow_ups.due_list(store, AS_OF)
    # All four are overdue; by revenue: Alder 5000, Cedar 3000, Dogwood 2000, Elm 1000 (Cedar
    # is the longest overdue, 91 days, but value comes first).
    assert _ids(due) == [ALDER, CEDAR, DOGWOOD, ELM]
    # On 26 Jun (before Bo's call on Beech) Dogwood is due that very day (the day after its
    # complaint): overdue 0, so it goes after every overdue one, Elm's smaller value included.
    # Overdue: Alder 15 Jun -> 11, Beech 31 May -> 26, Cedar 31 Mar -> 87, Elm 10 Jun -> 16.
    june_26 = follow_ups.due_list(store, date(2025, 6, 26))
    assert _ids(june_26) == [ALDER, BEECH, CEDAR, ELM, DOGWOOD]
    assert list(june_26["overdue_days"]) == [11, 26, 87, 16, 0]


def test_contacted_yesterday_is_not_due_on_the_stand_up(store: Store) -> None:
    # The old stand-up list (standup.follow_ups_due) listed Beech: its plan (30 Jun) had come
    # and nothing had happened since; but Bo called them yesterday.
    shown = FollowUpList.for_filters(JUNE, AS_OF).run(store)  # what the stand-up fetches
    assert BEECH not in _ids(shown)
    assert BEECH in _ids(follow_ups.due_list(store, date(2025, 7, 1)))


def test_each_person_gets_their_own_list_and_a_lead_their_teams(store: Store) -> None:
    assert _ids(follow_ups.due_list(store, AS_OF, rep_id=ANN)) == [ALDER]
    assert _ids(follow_ups.due_list(store, AS_OF, rep_id=BO)) == [DOGWOOD, ELM]
    south = Scope(kind="team", team_id=2)  # Cy's team
    assert _ids(follow_ups.due_list(store, AS_OF, scope=south)) == [CEDAR]
    assert _ids(follow_ups.due_list(store, AS_OF, team_id=1)) == [ALDER, DOGWOOD, ELM]
    own = Scope(kind="rep", rep_id=BO)
    assert _ids(follow_ups.due_list(store, AS_OF, scope=own)) == [DOGWOOD, ELM]


@pytest.mark.parametrize("rep_id", [ANN, BO, CY])
def test_the_stand_up_and_segments_list_is_each_persons_own(store: Store, rep_id: int) -> None:
    shown = FollowUpList.for_filters(JUNE, AS_OF).run(store)  # what both pages fetch
    mine = follow_ups.due_list(store, AS_OF, rep_id=rep_id)
    theirs = shown[shown["owner_rep_id"] == rep_id].reset_index(drop=True)
    pd.testing.assert_frame_equal(theirs, mine)
    assert not mine.empty


def test_a_teams_list_on_segments_ranks_tiers_by_the_whole_company(store: Store) -> None:
    # Segments shows the Follow-ups page's list for the people its filters name: North's
    # list still ranks tiers company-wide, not by North's own scores.
    for scope in (JUNE, JUNE.model_copy(update={"team_id": 1})):
        shown = FollowUpList.for_filters(scope, AS_OF).run(store)
        pd.testing.assert_frame_equal(
            shown, follow_ups.due_list(store, AS_OF, team_id=scope.team_id)
        )
    north = JUNE.model_copy(update={"team_id": 1})
    north_ranked = follow_ups.everyone(store, AS_OF, segments.rfm_scores(store, north, AS_OF))
    by_north = follow_ups.due_list(store, AS_OF, team_id=1, listed=north_ranked)
    assert not shown.equals(by_north)  # North's own scores would give other tiers


def _sid() -> str:
    return writes.new_submission_id()


def test_snooze_done_reassign_and_log_move_the_list(store: Store) -> None:
    writes.snooze(
        store, submission_id=_sid(), customer_id=ALDER, day=AS_OF, until=date(2025, 7, 5),
        reason="On holiday",
    )  # fmt: skip
    writes.mark_done(store, submission_id=_sid(), customer_id=ELM, day=AS_OF)
    writes.reassign(
        store, submission_id=_sid(), customer_id=DOGWOOD, day=AS_OF, to_rep_id=ANN,
        from_rep_id=BO, allowed=None,
    )  # fmt: skip
    writes.log_contact(
        store, submission_id=_sid(), customer_id=CEDAR, rep_id=CY, day=AS_OF, kind="call",
        outcome="reached", note="Spring order", next_date=date(2025, 7, 10),
    )  # fmt: skip
    # Alder snoozed to 5 Jul, Elm done today (+60), Cedar called today: only Dogwood is left,
    # now Ann's.
    due = follow_ups.due_list(store, AS_OF)
    assert _ids(due) == [DOGWOOD]
    assert int(due.iloc[0]["owner_rep_id"]) == ANN
    assert follow_ups.due_list(store, AS_OF, rep_id=BO).empty
    everyone = follow_ups.everyone(store, AS_OF).set_index("customer_id")
    assert everyone.loc[ELM, "due"] == date(2025, 8, 29)  # 30 Jun + 60
    assert everyone.loc[CEDAR, "due"] == date(2025, 7, 10)  # the date the call set
    assert everyone.loc[ALDER, "due"] == date(2025, 7, 5)
    # On 5 Jul the snooze has ended: Alder is due that day, for that reason.
    alder = follow_ups.everyone(store, date(2025, 7, 5)).set_index("customer_id").loc[ALDER]
    assert (alder["overdue_days"], alder["reason"]) == (0, "snoozed")
    # Undo reverses the latest action only (the call): Cedar is due again, the rest stays.
    writes.undo_last(store, submission_id=_sid(), day=AS_OF)
    assert _ids(follow_ups.due_list(store, AS_OF)) == [CEDAR, DOGWOOD]


@pytest.mark.parametrize("rolled", [False, True], ids=["rows", "rollup"])
def test_the_latest_plan_is_the_latest_activitys_and_none_from_before_the_year_counts(
    store: Store, rolled: bool
) -> None:
    with store.transaction() as cur:
        for row in [
            # Alder, before the RFM year: a call that set 20 Jul 2025 and a won deal. Its 1 Jun
            # order is the later contact, so neither counts: due 15 Jun as before.
            (7, "2024-04-01", ALDER, ANN, 1, "call", "Catalogue", "2025-07-20"),
            # Beech, on the day of its call (id 1, which set 30 Jun): two more calls, ids past
            # 2^32. The latest activity is the highest id of the latest day: 9 Jul.
            (2**40 + 1, "2025-06-29", BEECH, BO, 1, "call", "Called back", "2025-07-09"),
            (2**40, "2025-06-29", BEECH, BO, 1, "call", "Left a message", "2025-07-08"),
        ]:
            cur.execute(f"INSERT INTO activities VALUES ({', '.join('?' * len(row))})", row)
        cur.execute(
            "INSERT INTO deals (deal_id, customer_id, rep_id, team_id, stage, created_date,"
            " closed_date, amount_cents) VALUES ('D1', ?, ?, 1, 'won', '2024-03-01',"
            " '2024-04-02', 100)",
            [ALDER, BO],
        )
        refresh_rollups(cur)
    everyone = follow_ups.everyone(store, AS_OF, rollups=rolled).set_index("customer_id")
    alder, beech = everyone.loc[ALDER], everyone.loc[BEECH]
    assert (alder["due"], alder["reason"], alder["days_since_contact"]) == (
        date(2025, 6, 15), "rhythm", 29,
    )  # fmt: skip
    assert (beech["due"], beech["reason"]) == (date(2025, 7, 9), "planned")


def test_a_company_with_no_sales_has_an_empty_list(new_store: StoreMaker) -> None:
    empty = new_store("empty")
    try:
        due = follow_ups.due_list(empty, AS_OF)
    finally:
        empty.close()
    assert due.empty and list(due.columns) == follow_ups.COLUMNS


# Cedar's extra lines for the rollup: a second completed order on its last buying day (1 Mar)
# with a returned line, and two cancelled orders on 2 Apr by Di and Bo.
CEDAR_MORE = [
    ("O8", 1, "2025-03-01", CEDAR, ANN, 1, 1, 1, 5000, 0, "completed"),
    ("O8", 2, "2025-03-01", CEDAR, ANN, 1, 1, 1, 7000, 0, "returned"),
    ("O9", 1, "2025-04-02", CEDAR, DI, 1, 1, 1, 3000, 0, "cancelled"),
    ("O10", 1, "2025-04-02", CEDAR, BO, 1, 1, 1, 3000, 0, "cancelled"),
]


def _rolled_up(store: Store) -> Store:
    with store.transaction() as cur:
        for row in CEDAR_MORE:
            cur.execute(f"INSERT INTO orders VALUES ({', '.join('?' * len(row))})", row)
        refresh_rollups(cur)
    return store


def _by_customer(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("customer_id").reset_index(drop=True)


def test_the_rollup_holds_each_customers_latest_orders_by_hand(store: Store) -> None:
    _rolled_up(store)
    rows = store.rows(
        "SELECT first_day, last_day, last_order_id, last_order_cents, last_touch_day,"
        " latest_sale_rep FROM customer_firsts WHERE customer_id = ?",
        [CEDAR],
    )
    # O4 and O8 on 1 Mar: the higher id, O8, whose returned line does not count (50.00);
    # 2 Apr's orders were cancelled but are contacts and sales: Bo (2) before Di (4).
    assert rows == [(date(2025, 1, 10), date(2025, 3, 1), "O8", 5000, date(2025, 4, 2), BO)]


def test_the_follow_up_list_is_the_same_from_the_rollup_and_the_rows(store: Store) -> None:
    _rolled_up(store)
    assert latest_orders_rolled(store, AS_OF)  # current, and 30 Jun is after every order
    rows = follow_ups.everyone(store, AS_OF, rollups=False)
    rolled = follow_ups.everyone(store, AS_OF, rollups=True)
    pd.testing.assert_frame_equal(_by_customer(rolled), _by_customer(rows))
    cedar = rows[rows["customer_id"] == CEDAR].iloc[0]
    assert cedar["owner_rep_id"] == BO and cedar["last_order_amount"] == 50.0
    assert pd.Timestamp(cedar["last_contact"]).date() == date(2025, 4, 2)
    assert pd.Timestamp(cedar["last_order"]).date() == date(2025, 3, 1)


def test_a_day_before_the_last_order_reads_the_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dogwood bought on 20 Jun: on 19 Jun the rollup would show that later order.
    _rolled_up(store)
    assert not latest_orders_rolled(store, date(2025, 6, 19))
    monkeypatch.setenv("HUDDLE_ROLLUPS", "off")
    assert not latest_orders_rolled(store, AS_OF)


def test_due_by_owner_counts_each_owners_due_and_overdue() -> None:
    # Bo (7) has three due, two of them overdue; Cy (3) and Al (5) one each: Bo first, then Al
    # before Cy by name although Cy comes first in the list. The customer without an owner is
    # left out.
    due = pd.DataFrame(
        {
            "owner_rep_id": pd.array([7, 3, 7, None, 5, 7], dtype="Int64"),
            "owner": ["Bo", "Cy", "Bo", None, "Al", "Bo"],
            "overdue_days": [0, 4, 2, 9, 0, 1],
        }
    )
    frame = follow_ups.due_by_owner(due)
    assert list(frame.columns) == follow_ups.DUE_BY_OWNER_COLUMNS
    assert [tuple(r) for r in frame.itertuples(index=False)] == [
        (7, "Bo", 3, 2),
        (5, "Al", 1, 0),
        (3, "Cy", 1, 1),
    ]
    assert follow_ups.due_by_owner(due.iloc[:0]).empty


def test_the_stand_ups_counts_per_owner_are_its_lists(store: Store) -> None:
    # Team 1's list is Alder (Ann's), Dogwood and Elm (Bo's): Bo first with two, then Ann.
    listed = FollowUpList(as_of=AS_OF, team_id=1)
    owners = FollowUpOwners(listed=listed).run(store)
    assert [(r.owner_rep_id, r.owner, r.due) for r in owners.itertuples()] == [
        (BO, "Bo", 2),
        (ANN, "Ann", 1),
    ]
