"""The stand-up lists, worked out by hand on the tiny company and a December extension of it.

The tiny company (tests/metrics/fixture.py) covers September to November 2024. The extended
company below is the tiny one plus these rows, in a store of its own (2024 calendar: Mon 2 Dec,
Fri 6 Dec, Sat 7 Dec, Sun 8 Dec, Mon 9 Dec):

    Gum (7, no owner): three 25.00 orders by Eve on 1, 11 and 21 March 2024
    X-01 Mon 2 Dec  Birch, Cai (North Hub)  120.00
    X-02 Fri 6 Dec  Delta, Eve (South Hub)  240.00 + 80.50 = 320.50 (two completed lines)
    X-03 Fri 6 Dec  Cedar, Dee (South)       25.00
    X-04 Sat 7 Dec  Elm,   Cai               120.00 CANCELLED (the only line that Saturday)
    X-05 Mon 9 Dec  Fir,   Ann (North)        80.50

plus two December complaints, five December activities and December rep revenue targets (see
the lists below). Expected values are worked out in the comments, never by calling the code.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pandas as pd
import pytest

from data.rollups import ROLLUPS_ENV_VAR, refresh_rollups
from data.store import Store
from metrics import standup
from metrics.customer_owner import latest_orders_rolled
from metrics.filters import Filters
from metrics.segments import days_rolled
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

EXTRA_CUSTOMERS = [
    (7, "Gum", None, "C", "Cafes", "West", "Chengdu", "small", "wholesale", "2024-03-01"),
]
EXTRA_ORDERS = [
    ("G-01", 1, "2024-03-01", 7, 202, 21, 2, 1, 2500, 1500, "completed"),
    ("G-02", 1, "2024-03-11", 7, 202, 21, 2, 1, 2500, 1500, "completed"),
    ("G-03", 1, "2024-03-21", 7, 202, 21, 2, 1, 2500, 1500, "completed"),
    ("X-01", 1, "2024-12-02", 2, 103, 11, 1, 1, 12000, 7000, "completed"),
    ("X-02", 1, "2024-12-06", 4, 202, 21, 1, 2, 24000, 14000, "completed"),
    ("X-02", 2, "2024-12-06", 4, 202, 21, 3, 1, 8050, 4000, "completed"),
    ("X-03", 1, "2024-12-06", 3, 201, 2, 2, 1, 2500, 1500, "completed"),
    ("X-04", 1, "2024-12-07", 5, 103, 11, 1, 1, 12000, 7000, "cancelled"),
    ("X-05", 1, "2024-12-09", 6, 101, 1, 3, 1, 8050, 4000, "completed"),
]
# feedback_id, date, customer, rep, team, csat, nps, kind, text, resolved
EXTRA_FEEDBACK = [
    (101, "2024-12-02", 3, 201, 2, None, None, "complaint", "Missing invoice", None),
    (102, "2024-12-05", 6, 101, 1, None, None, "complaint", "Wrong address", "2024-12-06"),
]
# activity_id, date, customer, rep, team, kind, outcome, next_follow_up_date
EXTRA_ACTIVITIES = [
    (101, "2024-12-02", 6, 101, 1, "call", "wants samples", "2024-12-05"),  # Fir, Ann
    (102, "2024-12-09", 6, 202, 21, "visit", "samples delivered", None),  # Fir, Eve (South)
    (103, "2024-12-02", 5, 103, 11, "call", "busy", "2024-12-04"),  # Elm, Cai
    (104, "2024-12-03", 5, 103, 11, "message", "call next week", "2024-12-12"),  # rescheduled
    (105, "2024-12-04", 3, 201, 2, "call", "asked for quote", "2024-12-06"),  # Cedar, Dee
]
# December rep revenue targets (31 days): Ann, Cai, Dee 310.00 (10.00 a day), Eve 620.00.
EXTRA_TARGETS = [
    ("2024-12-01", "2024-12-31", "rep", 101, "revenue", 31000, None),
    ("2024-12-01", "2024-12-31", "rep", 103, "revenue", 31000, None),
    ("2024-12-01", "2024-12-31", "rep", 201, "revenue", 31000, None),
    ("2024-12-01", "2024-12-31", "rep", 202, "revenue", 62000, None),
]
EXTRA_TABLES = {
    "customers": EXTRA_CUSTOMERS,
    "orders": EXTRA_ORDERS,
    "feedback": EXTRA_FEEDBACK,
    "activities": EXTRA_ACTIVITIES,
    "targets": EXTRA_TARGETS,
}
TINY_ORDER_LINES = 20
EXTENDED_ORDER_LINES = TINY_ORDER_LINES + len(EXTRA_ORDERS)  # 29


def build_extended_company(store: Store) -> None:
    """The tiny company plus the December rows above, in an empty store."""
    build_tiny_company(store)
    with store.transaction() as cur:
        for table, rows in EXTRA_TABLES.items():
            marks = ", ".join("?" * len(rows[0]))
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)


@pytest.fixture(scope="module")
def ext_store(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("standup")
    build_extended_company(store)
    yield store
    store.close()


def scope(**kwargs: object) -> Filters:
    """A scope whose own dates are far away: every function must use its as-of day instead
    (hide_leavers included)."""
    return Filters(start=date(2024, 1, 1), end=date(2025, 12, 31), **kwargs)  # type: ignore[arg-type]


ALL = scope()
NORTH = scope(team_id=1)  # North and its group North Hub: Ann, Ben, Cai
NORTH_HUB = scope(team_id=11)  # Ben and Cai
SOUTH = scope(team_id=2)  # South and South Hub: Dee, Eve


def records(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]


def d(text: str) -> date:
    return date.fromisoformat(text)


# --- working days -------------------------------------------------------------------------


def test_sunday_rolls_back_to_friday_past_a_saturday_with_only_cancelled_lines(
    ext_store: Store,
) -> None:
    # Sat 7 Dec has only the cancelled X-04; Fri 6 Dec has.
    assert standup.last_working_day(ext_store, ALL, d("2024-12-08")) == d("2024-12-06")
    assert standup.last_working_day(ext_store, ALL, d("2024-12-07")) == d("2024-12-06")
    assert standup.last_working_day(ext_store, ALL, d("2024-12-09")) == d("2024-12-09")  # same day
    # Before Fri 6 Dec: Mon 2 Dec (X-01); before that: Tue 26 Nov (N-09's completed line).
    assert standup.previous_working_day(ext_store, ALL, d("2024-12-06")) == d("2024-12-02")
    assert standup.previous_working_day(ext_store, ALL, d("2024-12-02")) == d("2024-11-26")


def test_working_days_follow_the_scope(ext_store: Store) -> None:
    # North's last sale before Sun 8 Dec is Cai's X-01 on 2 Dec: Cai sits in North Hub, a group.
    assert standup.last_working_day(ext_store, NORTH, d("2024-12-08")) == d("2024-12-02")
    assert standup.last_working_day(ext_store, SOUTH, d("2024-12-08")) == d("2024-12-06")
    retail = scope(channel="retail")  # = North
    assert standup.last_working_day(ext_store, retail, d("2024-12-08")) == d("2024-12-02")
    # North before 2 Dec: Cai's N-09 on 26 Nov.
    assert standup.previous_working_day(ext_store, NORTH, d("2024-12-02")) == d("2024-11-26")


def test_working_days_look_back_31_days_only(ext_store: Store) -> None:
    ann = scope(rep_id=101)  # Ann sold on 10 Sep, 3 Oct, 15 Oct, 4 Nov and 9 Dec
    # 5 Dec - 31 days = 4 Nov, which still counts; from 6 Dec the window starts on 5 Nov.
    assert standup.last_working_day(ext_store, ann, d("2024-12-05")) == d("2024-11-04")
    assert standup.last_working_day(ext_store, ann, d("2024-12-06")) is None
    # Before 9 Dec: the window 8 Nov..8 Dec has no Ann sale.
    assert standup.previous_working_day(ext_store, ann, d("2024-12-09")) is None
    # August 2024 and July have no rows at all.
    assert standup.last_working_day(ext_store, ALL, d("2024-08-15")) is None


def test_working_days_hide_leavers_as_of_the_day_asked(tiny_store: Store) -> None:
    # Ben (102) sold last on 5 Nov and left on 20 Nov.
    ben, ben_hidden = scope(rep_id=102), scope(rep_id=102, hide_leavers=True)
    assert standup.last_working_day(tiny_store, ben, d("2024-11-25")) == d("2024-11-05")
    assert standup.last_working_day(tiny_store, ben_hidden, d("2024-11-25")) is None
    assert (
        standup.last_working_day(tiny_store, ben_hidden, d("2024-11-20")) is None
    )  # left that day
    # On 19 Nov he had not left yet, although the scope's own end (2025) is after he left.
    assert standup.last_working_day(tiny_store, ben_hidden, d("2024-11-19")) == d("2024-11-05")


# --- wins ---------------------------------------------------------------------------------

# November order totals in the tiny company (completed lines only): N-01 170.00 (two lines),
# N-02 80.50, N-03 25.00, N-04 240.00, N-05 80.50, N-06 120.00 (its returned line excluded),
# N-07 100.00, N-09 25.00 (its cancelled line excluded); N-08 was wholly cancelled.
# Deals won in November: D-1 Acme/Ann 500.00 on 6 Nov, D-2 Birch/Ben 200.00 on 13 Nov.
#
# Default bar for until = 30 Nov: the 90 days before it are 1 Sep..29 Nov, i.e. all 15 orders:
#   25, 25, 25, 50, 80.5, 80.5, 80.5, 80.5, 100, 120, 120, 120, 120, 170, 240
# 90th percentile: position 0.9 * 14 = 12.6 -> 120 + 0.6 * (170 - 120) = 150.00.
NOVEMBER_WINS = [
    ("deal", d("2024-11-06"), "Ann", "North", "Acme", 500.0),
    ("order", d("2024-11-07"), "Eve", "South", "Delta", 240.0),
    ("deal", d("2024-11-13"), "Ben", "North", "Birch", 200.0),  # Ben sits in North Hub
    ("order", d("2024-11-04"), "Ann", "North", "Acme", 170.0),
]


def test_wins_default_bar_is_the_90th_percentile_of_recent_orders(tiny_store: Store) -> None:
    frame = standup.wins(tiny_store, ALL, d("2024-11-01"), d("2024-11-30"))
    assert list(frame.columns) == ["kind", "day", "rep", "team", "customer", "amount"]
    assert records(frame) == NOVEMBER_WINS
    explicit = standup.wins(tiny_store, ALL, d("2024-11-01"), d("2024-11-30"), big_order_min=150)
    assert records(explicit) == NOVEMBER_WINS


def test_wins_big_order_min_is_inclusive_and_limit_applies(tiny_store: Store) -> None:
    nov = (d("2024-11-01"), d("2024-11-30"))
    at_170 = standup.wins(tiny_store, ALL, *nov, big_order_min=170.0)
    assert ("order", d("2024-11-04"), "Ann", "North", "Acme", 170.0) in records(at_170)
    above = standup.wins(tiny_store, ALL, *nov, big_order_min=170.01)
    assert [r[-1] for r in records(above)] == [500.0, 240.0, 200.0]
    assert records(standup.wins(tiny_store, ALL, *nov, limit=2)) == NOVEMBER_WINS[:2]


def test_wins_ties_go_to_the_earlier_day(tiny_store: Store) -> None:
    # October: no deal won (D-7 was lost); O-01 (3 Oct) and O-03 (15 Oct) are both 120.00.
    frame = standup.wins(tiny_store, ALL, d("2024-10-01"), d("2024-10-31"), big_order_min=120)
    assert records(frame) == [
        ("order", d("2024-10-03"), "Ann", "North", "Acme", 120.0),
        ("order", d("2024-10-15"), "Ann", "North", "Fir", 120.0),
    ]


def test_wins_bar_follows_the_scope(tiny_store: Store) -> None:
    # South's orders 1 Sep..29 Nov: 80.5, 80.5, 100, 120, 120, 240 (S-02, O-04, N-07, S-03,
    # N-06, N-04). Position 0.9 * 5 = 4.5 -> 120 + 0.5 * (240 - 120) = 180.00: only N-04.
    # No South deal was won in November (D-3 was lost).
    frame = standup.wins(tiny_store, SOUTH, d("2024-11-01"), d("2024-11-30"))
    assert records(frame) == [("order", d("2024-11-07"), "Eve", "South", "Delta", 240.0)]


def test_wins_hide_leavers(tiny_store: Store) -> None:
    # Without Ben (left 20 Nov, before until) D-2 goes, and his three orders leave the bar's
    # sample: 25, 25, 80.5, 80.5, 80.5, 100, 120, 120, 120, 120, 170, 240; position 0.9 * 11 =
    # 9.9 -> 120 + 0.9 * 50 = 165.00, so N-01 (170) and N-04 (240) are still big.
    frame = standup.wins(tiny_store, scope(hide_leavers=True), d("2024-11-01"), d("2024-11-30"))
    assert records(frame) == [NOVEMBER_WINS[0], NOVEMBER_WINS[1], NOVEMBER_WINS[3]]


def test_wins_sum_an_orders_lines(ext_store: Store) -> None:
    # Bar for until = 6 Dec: the 90 days 7 Sep..5 Dec hold the tiny company's 15 orders and
    # X-01 (120.00): 25 x3, 50, 80.5 x4, 100, 120 x5, 170, 240; position 0.9 * 15 = 13.5 ->
    # 120 + 0.5 * 50 = 145.00. In 2..6 Dec: X-02 320.50 is big, X-01 120 and X-03 25 are not.
    # D-5 (Cedar, Dee, 150.00) was won on 5 Dec.
    frame = standup.wins(ext_store, ALL, d("2024-12-02"), d("2024-12-06"))
    assert records(frame) == [
        ("order", d("2024-12-06"), "Eve", "South", "Delta", 320.5),
        ("deal", d("2024-12-05"), "Dee", "South", "Cedar", 150.0),
    ]


def test_an_order_made_from_a_won_deal_is_listed_once_as_the_deal(new_store: StoreMaker) -> None:
    # A CRM export without orders is imported with an order line per won deal, its id the
    # deal's after "deal:": D-1 (Acme, Ann, won 6 Nov, 500.00) becomes order deal:D-1. It is
    # listed as the deal only. An order whose id merely starts so, naming no deal (deal:X,
    # 300.00), is an order like any other.
    store = new_store("won_deal_orders")
    build_tiny_company(store)
    with store.transaction() as cur:
        for order_id, cents in (("deal:D-1", 50000), ("deal:X", 30000)):
            cur.execute(
                "INSERT INTO orders VALUES (?, 1, '2024-11-06', 1, 101, 1, 1, 1, ?, 0,"
                " 'completed')",
                (order_id, cents),
            )
    frame = standup.wins(store, ALL, d("2024-11-01"), d("2024-11-30"), big_order_min=150)
    assert records(frame) == [
        NOVEMBER_WINS[0],
        ("order", d("2024-11-06"), "Ann", "North", "Acme", 300.0),
        *NOVEMBER_WINS[1:],
    ]
    store.close()


# --- complaints -----------------------------------------------------------------------------

# Tiny complaints: #2 Birch/Ben 9 Nov resolved 12 Nov; #3 Delta/Eve 16 Nov resolved 24 Nov;
# #4 Elm/Cai 25 Nov unresolved; #6 Cedar/Dee 20 Oct resolved 21 Oct.


def test_new_complaints_newest_first_resolved_as_of_until(tiny_store: Store) -> None:
    frame = standup.new_complaints(tiny_store, ALL, d("2024-11-01"), d("2024-11-30"))
    assert list(frame.columns) == ["day", "customer", "rep", "text", "resolved", "rep_id"]
    assert records(frame) == [
        (d("2024-11-25"), "Elm", "Cai", "Wrong colour", False, 103),
        (d("2024-11-16"), "Delta", "Eve", "Chipped bowl", True, 202),
        (d("2024-11-09"), "Birch", "Ben", "Late delivery", True, 102),
    ]
    # Until 20 Nov: #3 is resolved only on 24 Nov, so not yet; the praise of 5 Nov is no complaint.
    frame = standup.new_complaints(tiny_store, ALL, d("2024-11-01"), d("2024-11-20"))
    assert records(frame) == [
        (d("2024-11-16"), "Delta", "Eve", "Chipped bowl", False, 202),
        (d("2024-11-09"), "Birch", "Ben", "Late delivery", True, 102),
    ]


def test_new_complaints_scope(tiny_store: Store, ext_store: Store) -> None:
    nov = (d("2024-11-01"), d("2024-11-30"))
    assert [r[1] for r in records(standup.new_complaints(tiny_store, NORTH_HUB, *nov))] == [
        "Elm",
        "Birch",
    ]
    hidden = scope(team_id=11, hide_leavers=True)  # Ben had left by 30 Nov
    assert [r[1] for r in records(standup.new_complaints(tiny_store, hidden, *nov))] == ["Elm"]
    assert [r[1] for r in records(standup.new_complaints(tiny_store, SOUTH, *nov))] == ["Delta"]
    # December: #102 (5 Dec) was resolved on 6 Dec, #101 (2 Dec) never.
    frame = standup.new_complaints(ext_store, ALL, d("2024-12-02"), d("2024-12-06"))
    assert records(frame) == [
        (d("2024-12-05"), "Fir", "Ann", "Wrong address", True, 101),
        (d("2024-12-02"), "Cedar", "Dee", "Missing invoice", False, 201),
    ]


def test_overdue_complaints_sla_boundary(tiny_store: Store) -> None:
    # #4 (25 Nov, unresolved): 3 days open on 28 Nov is within the SLA, 4 days on 29 Nov is not.
    assert standup.SLA_DAYS == 3
    assert standup.overdue_complaints(tiny_store, ALL, d("2024-11-28")).empty
    frame = standup.overdue_complaints(tiny_store, ALL, d("2024-11-29"))
    assert list(frame.columns) == ["day", "customer", "rep", "text", "days_open", "rep_id"]
    assert records(frame) == [(d("2024-11-25"), "Elm", "Cai", "Wrong colour", 4, 103)]
    assert standup.overdue_complaints(tiny_store, SOUTH, d("2024-11-29")).empty


def test_complaint_resolved_after_as_of_counts_as_open(tiny_store: Store) -> None:
    # #3 (16 Nov) was resolved on 24 Nov: on 20 Nov it was 4 days open; on 24 Nov it is closed.
    frame = standup.overdue_complaints(tiny_store, ALL, d("2024-11-20"))
    assert records(frame) == [(d("2024-11-16"), "Delta", "Eve", "Chipped bowl", 4, 202)]
    assert standup.overdue_complaints(tiny_store, ALL, d("2024-11-24")).empty


def test_overdue_complaints_oldest_first_and_sla_parameter(ext_store: Store) -> None:
    # On 10 Dec: #4 (25 Nov) 15 days, #101 (2 Dec) 8 days; #102 was resolved on 6 Dec.
    frame = standup.overdue_complaints(ext_store, ALL, d("2024-12-10"))
    assert records(frame) == [
        (d("2024-11-25"), "Elm", "Cai", "Wrong colour", 15, 103),
        (d("2024-12-02"), "Cedar", "Dee", "Missing invoice", 8, 201),
    ]
    assert len(standup.overdue_complaints(ext_store, ALL, d("2024-12-10"), sla_days=7)) == 2
    later = standup.overdue_complaints(ext_store, ALL, d("2024-12-10"), sla_days=8)
    assert list(later["customer"]) == ["Elm"]
    assert list(standup.overdue_complaints(ext_store, NORTH, d("2024-12-10"))["customer"]) == [
        "Elm"
    ]


# --- customers at risk ------------------------------------------------------------------------

# Acme's buying days: 10 Sep, 3 Oct, 4 Nov (Ann, North), 18 Nov (Dee, South). Gaps 23, 32, 14:
# median 23, so at risk once more than 1.5 * 23 = 34.5 days have passed since 18 Nov, i.e. from
# 23 Dec (35 days). Revenue: 25 + 120 + 170 + 100 = 415.00. Every other tiny customer has only
# two buying days.


def test_customer_at_risk_boundary(tiny_store: Store) -> None:
    assert standup.AT_RISK_GAP_FACTOR == 1.5
    empty = standup.customers_at_risk(tiny_store, ALL, d("2024-12-22"))  # 34 days: not yet
    assert empty.empty
    assert list(empty.columns) == [
        "customer", "owner", "last_order", "usual_gap_days", "days_since", "revenue_12m",
        "owner_rep_id",
    ]  # fmt: skip
    frame = standup.customers_at_risk(tiny_store, ALL, d("2024-12-23"))
    assert records(frame) == [("Acme", "Ann", d("2024-11-18"), 23.0, 35, 415.0, 101)]


def test_customers_at_risk_follow_the_scope(tiny_store: Store) -> None:
    # In North, Acme bought on 10 Sep, 3 Oct and 4 Nov: gaps 23 and 32, median 27.5, so at risk
    # after 41.25 days: 42 on 16 Dec, 41 on 15 Dec. North revenue 25 + 120 + 170 = 315.00.
    assert standup.customers_at_risk(tiny_store, NORTH, d("2024-12-15")).empty
    frame = standup.customers_at_risk(tiny_store, NORTH, d("2024-12-16"))
    assert records(frame) == [("Acme", "Ann", d("2024-11-04"), 27.5, 42, 315.0, 101)]
    # In South Acme bought on one day only.
    assert standup.customers_at_risk(tiny_store, SOUTH, d("2024-12-31")).empty


# On 20 Jan 2025 in the extended company (window 21 Jan 2024..20 Jan 2025):
#   Acme  as above: 63 days since 18 Nov > 34.5                           415.00  owner Ann
#   Fir   15 Oct, 14 Nov, 9 Dec: gaps 30, 25 -> 27.5; 42 > 41.25          120 + 120 + 80.5 = 320.50
#   Birch 8 Oct, 5 Nov, 2 Dec: gaps 28, 27 -> 27.5; 49 > 41.25            50 + 80.5 + 25 + 120
#                                                                          = 275.50  owner Ben
#   Gum   1, 11, 21 Mar: gaps 10, 10 -> 10; 305 days > 15                 75.00  no owner
#         in the data, so the rep of its latest sale (21 Mar): Eve (metrics/customer_owner)
#   Delta 15 Sep, 7 Nov, 6 Dec: gaps 53, 29 -> 41; 45 <= 61.5             not at risk
#   Cedar 20 Sep, 22 Oct, 6 Dec: gaps 32, 45 -> 38.5; 45 <= 57.75         not at risk
#   Elm   12 Nov, 26 Nov (7 Dec was cancelled): two days only
AT_RISK_JAN_20 = [
    ("Acme", "Ann", d("2024-11-18"), 23.0, 63, 415.0, 101),
    ("Fir", "Ann", d("2024-12-09"), 27.5, 42, 320.5, 101),
    ("Birch", "Ben", d("2024-12-02"), 27.5, 49, 275.5, 102),
    ("Gum", "Eve", d("2024-03-21"), 10.0, 305, 75.0, 202),
]


def test_customers_at_risk_ranked_by_revenue(ext_store: Store) -> None:
    frame = standup.customers_at_risk(ext_store, ALL, d("2025-01-20"))
    assert records(frame) == AT_RISK_JAN_20
    assert (
        records(standup.customers_at_risk(ext_store, ALL, d("2025-01-20"), limit=2))
        == (AT_RISK_JAN_20[:2])
    )
    # Without Ben (left 20 Nov 2024) Birch has one buying day in scope (2 Dec, Cai's X-01).
    hidden = standup.customers_at_risk(ext_store, scope(hide_leavers=True), d("2025-01-20"))
    assert records(hidden) == [AT_RISK_JAN_20[0], AT_RISK_JAN_20[1], AT_RISK_JAN_20[3]]


def test_customers_at_risk_name_the_same_owners_from_the_rollup(new_store: StoreMaker) -> None:
    # Gum's owner is the rep of its latest sale (Eve). With the rollup built, 20 Jan 2025 is
    # after every order, so the owners' latest sales are read from it: the same list.
    store = new_store("standup_rolled")
    build_extended_company(store)
    with store.transaction() as con:
        refresh_rollups(con)
    assert latest_orders_rolled(store, d("2025-01-20"))
    # The whole company's buying days and gaps come from the rollup too, a team's from the rows.
    assert days_rolled(store, ALL) and not days_rolled(store, scope(hide_leavers=True))
    assert records(standup.customers_at_risk(store, ALL, d("2025-01-20"))) == AT_RISK_JAN_20
    # The window's first day, as test_customers_at_risk_look_at_365_days: from 2 Mar 2024, Gum's
    # 11 Mar is a first day (its gap to 1 Mar is not counted), leaving one gap.
    assert "Gum" in list(standup.customers_at_risk(store, ALL, d("2025-02-28"))["customer"])
    assert "Gum" not in list(standup.customers_at_risk(store, ALL, d("2025-03-01"))["customer"])
    store.close()


def test_customers_at_risk_from_the_buying_days_rollup_count_gaps_in_the_window(
    new_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hop (customer 90, Ann's) buys on 1 Jan, 5 Jan, 25 Jan and 5 Mar 2024: gaps 4, 20, 40.
    # On 31 Dec 2024 the window starts on 2 Jan 2024, the day after Hop's first: 5 Jan is its
    # first day there, and its gap to 1 Jan is not counted. Gaps 20 and 40: usual gap 30
    # (with the 4 it would be 20); 301 days since 5 Mar > 45, at risk; 10.00 + 10.00 + 40.00
    # = 60.00 in the window.
    store = new_store("standup_days")
    build_extended_company(store)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO customers VALUES (90, 'Hop', 101, 'A', 'Cafes', 'East', 'Ningbo',"
            " 'small', 'retail', '2024-01-01')"
        )
        for n, (day, cents) in enumerate(
            (("2024-01-01", 1000), ("2024-01-05", 1000), ("2024-01-25", 1000), ("2024-03-05", 4000))
        ):
            con.execute(
                "INSERT INTO orders VALUES (?, 1, ?, 90, 101, 1, 1, 1, ?, 500, 'completed')",
                (f"H-{n}", day, cents),
            )
        refresh_rollups(con)
    assert days_rolled(store, ALL)
    hop = standup.customers_at_risk(store, ALL, d("2024-12-31"), limit=50)
    hop = hop[hop["customer"] == "Hop"].iloc[0]
    assert (hop["usual_gap_days"], hop["days_since"], hop["revenue_12m"]) == (30.0, 301, 60.0)
    # On 3 Jan 2025 the window starts on 5 Jan 2024 itself: the gap from 5 to 25 Jan counts.
    hop = standup.customers_at_risk(store, ALL, d("2025-01-03"), limit=50)
    hop = hop[hop["customer"] == "Hop"].iloc[0]
    assert (hop["usual_gap_days"], hop["days_since"], hop["revenue_12m"]) == (30.0, 304, 60.0)
    # Each week of 2025 (the window cutting through 2024's buying days), the whole list from
    # the rollup equals the rows'.
    days = [d("2025-01-01") + timedelta(days=7 * n) for n in range(53)]
    rolled = [standup.customers_at_risk(store, ALL, day, limit=50) for day in days]
    monkeypatch.setenv(ROLLUPS_ENV_VAR, "off")
    assert not days_rolled(store, ALL)
    for day, frame in zip(days, rolled, strict=True):
        assert frame.equals(standup.customers_at_risk(store, ALL, day, limit=50)), day
    store.close()


def test_customers_at_risk_look_at_365_days(ext_store: Store) -> None:
    # 28 Feb 2025 - 364 days = 1 Mar 2024 (2024 is a leap year): Gum's three days are in the
    # window. On 1 Mar 2025 the window starts on 2 Mar 2024 and Gum has two days left.
    assert "Gum" in list(standup.customers_at_risk(ext_store, ALL, d("2025-02-28"))["customer"])
    assert "Gum" not in list(standup.customers_at_risk(ext_store, ALL, d("2025-03-01"))["customer"])


# --- reps behind pace ---------------------------------------------------------------------------

# Tiny November rep targets (30 days): Ann 200, Ben 100, Cai 100, Dee 100, Eve 300; no rep
# targets in October.
# 15 Nov (target to date = half): Ann 170/100, Ben 105.5/50, Cai 80.5/50, Dee 0/50, Eve 360/150.
#  8 Nov (8/30 of it):            Ann 170/53.3, Ben 105.5/26.7, Cai 0/26.7, Dee 0/26.7, Eve 240/80.
# Behind at both: Dee only (Cai only a week earlier).
# 29 Nov: Ann 170/193.3 is behind, but on 22 Nov Ann was at 170/146.7: nobody twice.


def test_reps_behind_pace_two_weeks_running(tiny_store: Store) -> None:
    frame = standup.reps_behind_pace(tiny_store, ALL, d("2024-11-15"))
    assert list(frame.columns) == ["rep", "attainment_now", "attainment_week_ago"]
    assert records(frame) == [("Dee", 0.0, 0.0)]
    empty = standup.reps_behind_pace(tiny_store, ALL, d("2024-11-29"))
    assert empty.empty
    assert list(empty.columns) == ["rep", "attainment_now", "attainment_week_ago"]


def test_reps_behind_pace_sorted_worst_first(ext_store: Store) -> None:
    # 1..9 Dec, target to date 90 (Eve 180): Ann 80.50, Cai 120, Dee 25, Eve 320.50.
    # 1..2 Dec, target to date 20 (Eve 40): only Cai sold (120).
    # Behind both times: Dee 25/90 then 0, Ann 80.5/90 then 0 (Eve only a week earlier).
    frame = standup.reps_behind_pace(ext_store, ALL, d("2024-12-09"))
    assert list(frame["rep"]) == ["Dee", "Ann"]
    assert list(frame["attainment_now"]) == pytest.approx([25 / 90, 80.5 / 90])
    assert list(frame["attainment_week_ago"]) == [0.0, 0.0]
    assert list(standup.reps_behind_pace(ext_store, NORTH, d("2024-12-09"))["rep"]) == ["Ann"]


def test_reps_behind_pace_measures_a_week_ago_in_its_own_month(ext_store: Store) -> None:
    # 5 Dec: 1..5 Dec, Ann 0/50, Cai 120/50, Dee 0/50, Eve 0/100.
    # 28 Nov: 1..28 Nov (28/30 of November's targets): Ann 170/186.67, Cai 105.5/93.33,
    # Dee 100/93.33, Eve 360/280. Only Ann is behind both times.
    frame = standup.reps_behind_pace(ext_store, ALL, d("2024-12-05"))
    assert list(frame["rep"]) == ["Ann"]
    assert frame["attainment_now"].iloc[0] == 0.0
    assert frame["attainment_week_ago"].iloc[0] == pytest.approx(170 / (200 * 28 / 30))


# --- empty results and parameters ---------------------------------------------------------------

DAY = d("2024-12-06")
# Each list's days, and the columns the screen reads, whatever the data.
LIST_CALLS: dict[str, tuple[tuple[date, ...], list[str]]] = {
    "wins": ((d("2024-09-07"), DAY), ["kind", "day", "rep", "team", "customer", "amount"]),
    "new_complaints": (
        (d("2024-09-01"), DAY),
        ["day", "customer", "rep", "text", "resolved", "rep_id"],
    ),
    "overdue_complaints": ((DAY,), ["day", "customer", "rep", "text", "days_open", "rep_id"]),
    "customers_at_risk": (
        (DAY,),
        [
            "customer",
            "owner",
            "last_order",
            "usual_gap_days",
            "days_since",
            "revenue_12m",
            "owner_rep_id",
        ],
    ),
    "reps_behind_pace": ((DAY,), ["rep", "attainment_now", "attainment_week_ago"]),
}


@pytest.mark.parametrize("name", list(LIST_CALLS))
def test_lists_have_their_columns_when_empty(ext_store: Store, name: str) -> None:
    days, columns = LIST_CALLS[name]
    frame = standup.LISTS[name](ext_store, scope(channel="showroom"), *days)  # no such team
    assert frame.empty
    assert list(frame.columns) == columns


def test_a_hostile_channel_is_only_ever_a_parameter(ext_store: Store) -> None:
    hostile = scope(channel="x'; DROP TABLE orders; --")
    assert standup.last_working_day(ext_store, hostile, DAY) is None
    assert standup.previous_working_day(ext_store, hostile, DAY) is None
    for name, (days, _columns) in LIST_CALLS.items():
        assert standup.LISTS[name](ext_store, hostile, *days).empty, name
    assert ext_store.scalar("SELECT count(*) FROM orders") == EXTENDED_ORDER_LINES
