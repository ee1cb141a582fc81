"""Team structure on the tiny company (see fixture.py) and on "Town", a one-team company built
here for the gaps and workload boundaries. Every expected value is worked out by hand below.

Tiny company at 30 Nov 2024: North (leader Ann) > North Hub (leader Cai; Ben left 20 Nov);
South (leader Dee) > South Hub (leader Eve). Nobody is customer_service.

Town (retail, leader Lea) > Town Annex (no leader) and Town Old (leader Old, who left
2024-06-01 and still owns one customer). Ada, Bo, Cy, Di, Ed, Fay are sales reps in Town
owning 3, 2, 2, 1, 0, 4 customers; Fay joined 2024-02-10; Cs (customer_service) sits in Town
Annex, joined 2024-03-05. No orders, deals or activities.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from data.store import Store
from metrics import team_structure as ts
from metrics.filters import Filters
from metrics.team_board import rep_board
from tests.store_engines import StoreMaker

NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
H1 = Filters(start=date(2024, 1, 15), end=date(2024, 6, 30))

TOWN_TEAMS = [
    (1, "Town", None, "retail", 1),
    (11, "Town Annex", 1, "retail", None),
    (12, "Town Old", 1, "retail", 9),
]
TOWN_REPS = [
    (1, "Lea", 1, "sales_manager", "2020-01-01", None),
    (2, "Ada", 1, "sales_rep", "2020-01-01", None),
    (3, "Bo", 1, "sales_rep", "2020-01-01", None),
    (4, "Cy", 1, "sales_rep", "2020-01-01", None),
    (5, "Di", 1, "sales_rep", "2020-01-01", None),
    (6, "Ed", 1, "sales_rep", "2020-01-01", None),
    (7, "Fay", 1, "sales_rep", "2024-02-10", None),
    (8, "Cs", 11, "customer_service", "2024-03-05", None),
    (9, "Old", 12, "group_leader", "2020-01-01", "2024-06-01"),
]
# owner rep_id -> number of customers owned
TOWN_OWNED = {2: 3, 3: 2, 4: 2, 5: 1, 7: 4, 9: 1}


@pytest.fixture(scope="module")
def town(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("town")
    with store.transaction() as cur:
        for row in TOWN_TEAMS:
            cur.execute("INSERT INTO teams VALUES (?, ?, ?, ?, ?)", row)
        for row in TOWN_REPS:
            cur.execute("INSERT INTO reps VALUES (?, ?, ?, ?, ?, ?)", row)
        customer_id = 0
        for owner, count in TOWN_OWNED.items():
            for _ in range(count):
                customer_id += 1
                cur.execute(
                    "INSERT INTO customers (customer_id, name, owner_rep_id) VALUES (?, ?, ?)",
                    (customer_id, f"C{customer_id}", owner),
                )
    yield store
    store.close()


def _records(frame, columns):  # type: ignore[no-untyped-def]
    return [tuple(row) for row in frame[columns].itertuples(index=False)]


# --- people ---------------------------------------------------------------------------------


def test_people_everyone_active_in_november(tiny_store: Store) -> None:
    frame = ts.people(tiny_store, NOV)
    assert list(frame.columns) == ts.PEOPLE_COLUMNS
    # Sorted by team, group (North < North Hub), role rank (manager, group_leader, rest), rep.
    # Leaders: Ann leads North (no parent -> None); Cai leads North Hub so his leader is Ann.
    # Tenure to min(leave, 30 Nov): Ann Jan 2020 -> 58, Cai May 2022 -> 30, Ben Mar 2021 to
    # 20 Nov 2024 -> 44, Dee Aug 2019 -> 63, Eve Feb 2023 -> 21.
    # Revenue in Nov: Ann 120+50 = 170, Cai 80.50+25 = 105.50, Ben 80.50+25 = 105.50,
    # Dee 100, Eve 240+120 (the returned line does not count) = 360.
    assert _records(
        frame, ["rep", "team", "group", "leader", "active", "tenure_months", "revenue"]
    ) == [
        ("Ann", "North", "North", None, True, 58, 170.0),
        ("Cai", "North", "North Hub", "Ann", True, 30, 105.5),
        ("Ben", "North", "North Hub", "Cai", False, 44, 105.5),
        ("Dee", "South", "South", None, True, 63, 100.0),
        ("Eve", "South", "South Hub", "Dee", True, 21, 360.0),
    ]
    ben = frame[frame["rep"] == "Ben"].iloc[0]
    assert ben["hire_date"] == date(2021, 3, 1)
    assert ben["leave_date"] == date(2024, 11, 20)


def test_people_hide_leavers_drops_ben(tiny_store: Store) -> None:
    frame = ts.people(tiny_store, NOV.model_copy(update={"hide_leavers": True}))
    assert list(frame["rep"]) == ["Ann", "Cai", "Dee", "Eve"]


def test_people_leaver_before_the_period_is_not_listed(tiny_store: Store) -> None:
    # Ben left 20 Nov, so he was never active in December.
    dec = Filters(start=date(2024, 12, 1), end=date(2024, 12, 31))
    assert "Ben" not in list(ts.people(tiny_store, dec)["rep"])


def test_people_team_filter_includes_its_groups(tiny_store: Store) -> None:
    north = ts.people(tiny_store, NOV.model_copy(update={"team_id": 1}))
    assert list(north["rep"]) == ["Ann", "Cai", "Ben"]
    hub = ts.people(tiny_store, NOV.model_copy(update={"team_id": 11}))
    assert list(hub["rep"]) == ["Cai", "Ben"]
    wholesale = ts.people(tiny_store, NOV.model_copy(update={"channel": "wholesale"}))
    assert list(wholesale["rep"]) == ["Dee", "Eve"]


# --- headcount and span ---------------------------------------------------------------------


def test_headcount_by_role_at_end(tiny_store: Store) -> None:
    frame = ts.headcount_by_role(tiny_store, NOV)
    # Ben left 20 Nov so is not counted on 30 Nov.
    assert _records(frame, ts.HEADCOUNT_COLUMNS) == [
        ("North", "group_leader", 1),
        ("North", "sales_manager", 1),
        ("South", "sales_manager", 1),
        ("South", "sales_rep", 1),
    ]


def test_span_of_control(tiny_store: Store) -> None:
    # Ann: nobody else in North + Cai (leader of North Hub) = 1. Dee: Eve (leader of South
    # Hub) = 1. Cai: Ben has left = 0. Eve: alone in South Hub = 0.
    assert _records(ts.span_of_control(tiny_store, NOV), ts.SPAN_COLUMNS) == [
        ("Ann", "sales_manager", "North", 1),
        ("Dee", "sales_manager", "South", 1),
        ("Cai", "group_leader", "North Hub", 0),
        ("Eve", "sales_rep", "South Hub", 0),
    ]
    # On 15 Nov Ben is still there, so Cai has one report.
    mid = NOV.with_dates(date(2024, 11, 1), date(2024, 11, 15))
    spans = ts.span_of_control(tiny_store, mid.model_copy(update={"team_id": 11}))
    assert _records(spans, ts.SPAN_COLUMNS) == [("Cai", "group_leader", "North Hub", 1)]


# --- joiners and leavers --------------------------------------------------------------------


def test_joiners_and_leavers_by_month(town: Store) -> None:
    frame = ts.joiners_and_leavers(town, H1, "month")
    # Headcount at each month end (30 Jun for the last): Lea, Ada-Ed and Old = 7 in Jan;
    # + Fay (10 Feb) = 8; + Cs (5 Mar) = 9 until May; Old leaves 1 Jun -> 8.
    assert _records(frame, ts.FLOW_COLUMNS) == [
        (date(2024, 1, 1), 0, 0, 7),
        (date(2024, 2, 1), 1, 0, 8),
        (date(2024, 3, 1), 1, 0, 9),
        (date(2024, 4, 1), 0, 0, 9),
        (date(2024, 5, 1), 0, 0, 9),
        (date(2024, 6, 1), 0, 1, 8),
    ]


def test_joiners_and_leavers_tiny_and_bad_grain(tiny_store: Store) -> None:
    frame = ts.joiners_and_leavers(tiny_store, NOV.with_dates(date(2024, 10, 1), NOV.end), "month")
    assert _records(frame, ts.FLOW_COLUMNS) == [
        (date(2024, 10, 1), 0, 0, 5),
        (date(2024, 11, 1), 0, 1, 4),
    ]
    with pytest.raises(ValueError, match="grain"):
        ts.joiners_and_leavers(tiny_store, NOV, "fortnight")


# --- coverage gaps --------------------------------------------------------------------------


def test_coverage_gaps_tiny(tiny_store: Store) -> None:
    # Ben left and still owns Birch; nobody is customer_service in either team; every group
    # has an active leader.
    assert _records(ts.coverage_gaps(tiny_store, NOV), ts.GAP_COLUMNS) == [
        ("leaver_owns_customers", "North", "Ben", "1"),
        ("no_customer_service", "North", None, ""),
        ("no_customer_service", "South", None, ""),
    ]


def test_coverage_gaps_town(town: Store) -> None:
    # Town Annex has no leader; Town Old's leader Old left 1 Jun and owns one customer; Cs
    # covers customer service in Town Annex. Lea's span: Ada-Fay = 6 (no active group
    # leaders below), under the default maximum of 8.
    assert _records(ts.coverage_gaps(town, H1), ts.GAP_COLUMNS) == [
        ("leaver_owns_customers", "Town", "Old", "1"),
        ("no_leader", "Town", None, "Town Annex"),
        ("no_leader", "Town", "Old", "Town Old"),
    ]
    assert "wide_span" not in set(ts.coverage_gaps(town, H1, max_direct_reports=6)["kind"])
    wide = ts.coverage_gaps(town, H1, max_direct_reports=5)
    assert _records(wide[wide["kind"] == "wide_span"], ts.GAP_COLUMNS) == [
        ("wide_span", "Town", "Lea", "6")
    ]


# --- workload -------------------------------------------------------------------------------


def test_workload_tiny(tiny_store: Store) -> None:
    frame = ts.workload(tiny_store, NOV)
    assert list(frame.columns) == ts.WORKLOAD_COLUMNS
    # Sellers active on 30 Nov: Cai (North) and Eve (South); managers and Ben are out.
    # Cai: Elm; D-4 open; 1 activity / (30/7) = 0.23 -> 0.2; 105.50. Eve: Delta; D-6 open (D-3
    # closed 15 Nov); 1 activity -> 0.2; 360. Each is alone in their team, so each measure is
    # its own median and load = 1.0.
    assert _records(
        frame,
        ["rep", "team", "customers", "open_deals", "activities_per_week", "revenue", "load"],
    ) == [
        ("Cai", "North", 1, 1, 0.2, 105.5, 1.0),
        ("Eve", "South", 1, 1, 0.2, 360.0, 1.0),
    ]
    assert list(frame["flag"]) == ["", ""]


def test_workload_flags_at_their_boundaries(town: Store) -> None:
    # Only customers has a median above 0: median(3, 2, 2, 1, 0, 4) = 2. Loads: Fay 4/2 = 2.0
    # overloaded; Ada 3/2 = 1.5 (not above 1.5); Bo, Cy 1.0; Di 0.5 (not below 0.5); Ed 0
    # has room.
    frame = ts.workload(town, H1)
    assert _records(frame, ["rep", "customers", "load", "flag"]) == [
        ("Fay", 4, 2.0, "overloaded"),
        ("Ada", 3, 1.5, ""),
        ("Bo", 2, 1.0, ""),
        ("Cy", 2, 1.0, ""),
        ("Di", 1, 0.5, ""),
        ("Ed", 0, 0.0, "has_room"),
    ]


# --- person ---------------------------------------------------------------------------------


def test_person_card(tiny_store: Store) -> None:
    card = ts.person(tiny_store, 103, NOV)
    # Cai: group leader of North Hub, so his leader is Ann; owns Elm; D-4 (400.00) is open.
    assert {k: v for k, v in card.items() if k != "kpis"} == {
        "name": "Cai",
        "role": "group_leader",
        "team": "North",
        "group": "North Hub",
        "leader": "Ann",
        "hire_date": date(2022, 5, 9),
        "leave_date": None,
        "tenure_months": 30,
        "customers": 1,
        "open_deals": 1,
        "open_pipeline": 400.0,
    }
    # Nov: N-05 80.50 + N-09's completed line 25.00 = 105.50 over a 100.00 target; 2 orders.
    assert card["kpis"]["revenue"] == 105.5
    assert card["kpis"]["revenue_target"] == 100.0
    assert card["kpis"]["orders"] == 2.0
    with pytest.raises(KeyError):
        ts.person(tiny_store, 999, NOV)


# --- empty scope ----------------------------------------------------------------------------


def test_empty_scope_gives_empty_frames(tiny_store: Store) -> None:
    nowhere = NOV.model_copy(update={"team_id": 99})
    cases = [
        (ts.people, ts.PEOPLE_COLUMNS),
        (ts.headcount_by_role, ts.HEADCOUNT_COLUMNS),
        (ts.span_of_control, ts.SPAN_COLUMNS),
        (ts.coverage_gaps, ts.GAP_COLUMNS),
        (ts.workload, ts.WORKLOAD_COLUMNS),
    ]
    for function, columns in cases:
        frame = function(tiny_store, nowhere)
        assert frame.empty, function.__name__
        assert list(frame.columns) == columns, function.__name__
    flow = ts.joiners_and_leavers(tiny_store, nowhere, "month")
    assert _records(flow, ts.FLOW_COLUMNS) == [(date(2024, 11, 1), 0, 0, 0)]


# --- two people with one name -------------------------------------------------------------

# One team; rep 7 and rep 8 are both called Wang Wei, rep 9 is Li Na (all sales reps). January
# 2025 completed orders: rep 7 10.00 (5 Jan), rep 8 25.00 (6 Jan), rep 9 4.00 (7 Jan). Rep 7
# owns customer 1, rep 8 customers 2 and 3. No targets, deals or activities.
JANUARY = Filters(start=date(2025, 1, 1), end=date(2025, 1, 31))


@pytest.fixture(scope="module")
def namesakes(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("namesakes")
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Team', NULL, 'retail', NULL)")
        cur.execute(
            "INSERT INTO reps VALUES (7, 'Wang Wei', 1, 'sales_rep', '2020-01-01', NULL),"
            " (8, 'Wang Wei', 1, 'sales_rep', '2021-01-01', NULL),"
            " (9, 'Li Na', 1, 'sales_rep', '2021-01-01', NULL)"
        )
        cur.execute("INSERT INTO products VALUES (1, 'Tea', 'Tea', 100)")
        for customer_id, owner in ((1, 7), (2, 8), (3, 8)):
            cur.execute(
                "INSERT INTO customers (customer_id, name, owner_rep_id) VALUES (?, ?, ?)",
                (customer_id, f"C{customer_id}", owner),
            )
        cur.execute(
            "INSERT INTO orders VALUES ('A', 1, '2025-01-05', 1, 7, 1, 1, 1, 1000, 0,"
            " 'completed'), ('B', 1, '2025-01-06', 2, 8, 1, 1, 1, 2500, 0, 'completed'),"
            " ('C', 1, '2025-01-07', 3, 9, 1, 1, 1, 400, 0, 'completed')"
        )
    yield store
    store.close()


def test_namesakes_keep_their_own_revenue_in_people(namesakes: Store) -> None:
    # Revenue is joined on rep_id: 10.00 for #7 and 25.00 for #8 (before, a lookup by the name
    # "Wang Wei" found neither and both showed 0). Names carry "(#id)" where two share one.
    frame = ts.people(namesakes, JANUARY)
    by_id = {r: (rep, revenue) for r, rep, revenue in _records(frame, ["rep_id", "rep", "revenue"])}
    assert by_id == {
        7: ("Wang Wei (#7)", 10.0),
        8: ("Wang Wei (#8)", 25.0),
        9: ("Li Na", 4.0),
    }


def test_namesakes_keep_their_own_workload(namesakes: Store) -> None:
    # Customers: #7 1, #8 2, Li Na 0 -> median 1. Revenue 10, 25, 4 -> median 10. Open deals
    # and activities have median 0 and are left out. Loads: #8 (2/1 + 25/10) / 2 = 2.25
    # overloaded; #7 (1 + 1) / 2 = 1.0; Li Na (0 + 0.4) / 2 = 0.2 has room.
    frame = ts.workload(namesakes, JANUARY)
    assert _records(frame, ["rep_id", "rep", "customers", "revenue", "load", "flag"]) == [
        (8, "Wang Wei (#8)", 2, 25.0, 2.25, "overloaded"),
        (7, "Wang Wei (#7)", 1, 10.0, 1.0, ""),
        (9, "Li Na", 0, 4.0, 0.2, "has_room"),
    ]


def test_namesakes_keep_their_own_row_on_the_board(namesakes: Store) -> None:
    # 1-7 January, no targets: everyone with a result, ordered by month to date (no pace).
    board = rep_board(namesakes, Filters(start=date(2025, 1, 7), end=date(2025, 1, 7)),
                      date(2025, 1, 7))  # fmt: skip
    assert _records(board, ["rep_id", "rep", "month_to_date", "day"]) == [
        (8, "Wang Wei (#8)", 25.0, 0.0),
        (7, "Wang Wei (#7)", 10.0, 0.0),
        (9, "Li Na", 4.0, 4.0),
    ]
    assert [sum(days) for days in board["daily"]] == [25.0, 10.0, 4.0]
