"""Who needs help at the stand-up, and the owners of the things to fix, worked out by hand on
the extended tiny company of tests/metrics/test_standup.py (its docstring lists the rows)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.store import Store
from metrics import standup, standup_help
from metrics.requests import StandupContactParts
from metrics.standup_screen import standup_data
from tests.metrics.test_standup import ALL, NORTH, d, ext_store  # noqa: F401 (fixture)


def test_last_activity_per_person(ext_store: Store) -> None:  # noqa: F811
    # On 9 Dec: Ann 101 called Fir on 2 Dec; Ben 102's last is 8 Nov; Cai 103 messaged Elm on
    # 3 Dec; Dee 201 called Cedar on 4 Dec; Eve 202 visited Fir on 9 Dec.
    frame = standup_help.last_activity(ext_store, ALL, d("2024-12-09"))
    assert frame.values.tolist() == [
        [101, d("2024-12-02")], [102, d("2024-11-08")], [103, d("2024-12-03")],
        [201, d("2024-12-04")], [202, d("2024-12-09")],
    ]  # fmt: skip
    # On 8 Dec Eve's visit has not happened: her last is the meeting of 19 Nov.
    assert standup_help.last_activity(ext_store, ALL, d("2024-12-08")).values.tolist()[-1] == [
        202,
        d("2024-11-19"),
    ]


def test_who_needs_help_leads_in_order_with_reasons(ext_store: Store) -> None:  # noqa: F811
    # The stand-up of 10 Dec shows Mon 9 Dec (the last working day). December targets are
    # 10.00 a day for Ann, Cai and Dee and 20.00 for Eve, so 9 days in they expect 90.00 and
    # 180.00. Month to date: Ann 80.50, Cai 120.00, Dee 25.00, Eve 320.50.
    #   Ann 80.50 <= 90% of 90.00 = 81.00: off track (behind); quiet 9 - 2 = 7 days >= 3
    #   Cai 120.00 >= 90.00: on track; quiet 9 - 3 = 6 days; complaint #4 open 14 days
    #   Dee 25.00: off track; quiet 9 - 4 = 5 days; complaint #101 open 7 days
    #   Eve 320.50 >= 180.00: on track; visited on the day (0 days); no complaint
    # Reasons: Dee 3, Ann 2, Cai 2, Eve 0. Ann before Cai: pace ratio 80.5/90 < 120/90.
    data = standup_data(ext_store, ALL, d("2024-12-10"))
    assert data.day == d("2024-12-09")
    assert standup_help.QUIET_DAYS == 3
    shown = StandupContactParts(filters=ALL, as_of=d("2024-12-10")).run(ext_store)
    frame = shown.help  # what the page shows
    shown = ["rep_id", "behind", "quiet_days", "quiet", "complaints", "reasons"]
    assert frame[shown].values.tolist() == [
        [201, True, 5, True, 1, 3],
        [101, True, 7, True, 0, 2],
        [103, False, 6, True, 1, 2],
        [202, False, 0, False, 0, 0],
    ]  # fmt: skip
    needing, rest, on_track = standup_help.split_board(frame)
    assert needing["rep_id"].tolist() == [201, 101, 103]
    assert rest.empty
    assert on_track["rep_id"].tolist() == [202]


def test_the_quiet_boundary_is_three_days() -> None:
    # Last activity on 6 Dec: on 8 Dec that is 2 days (not quiet), on 9 Dec 3 days (quiet).
    board = pd.DataFrame(
        {"rep_id": [1], "rep": ["A"], "pace": ["on_track"], "pace_ratio": [1.2],
         "attainment": [0.5]}
    )  # fmt: skip
    activity = pd.DataFrame({"rep_id": [1], "last_activity": [date(2024, 12, 6)]})
    none = pd.DataFrame({"rep_id": pd.Series([], dtype=object)})
    assert standup_help.needs_help(board, activity, none, date(2024, 12, 8))["quiet"].tolist() == [
        False
    ]
    assert standup_help.needs_help(board, activity, none, date(2024, 12, 9))["quiet"].tolist() == [
        True
    ]
    # A scope with no activity at all says nothing about being quiet.
    empty = pd.DataFrame({"rep_id": [], "last_activity": []})
    assert standup_help.needs_help(board, empty, none, date(2024, 12, 9))["reasons"].tolist() == [0]


def test_ties_go_to_lower_pace_then_more_complaints_then_rep_id() -> None:
    # Three people with one reason each (behind): 0.5 and 0.5 tie on pace; 11 has two overdue
    # complaints... then it has two reasons and leads. Without complaints 10 and 12 tie on
    # pace and reasons, so rep_id decides: 10 before 12; 13 (no target) has no reason.
    board = pd.DataFrame(
        {
            "rep_id": [12, 10, 11, 13],
            "rep": ["L", "J", "K", "M"],
            "pace": ["caution", "caution", "off_track", "no_target"],
            "pace_ratio": [0.95, 0.95, 0.5, None],
            "attainment": [0.4, 0.4, 0.2, None],
        }
    )
    activity = pd.DataFrame({"rep_id": [], "last_activity": []})  # not tracked
    overdue = pd.DataFrame({"rep_id": [11, 11]})
    frame = standup_help.needs_help(board, activity, overdue, date(2024, 12, 9))
    assert frame[["rep_id", "reasons"]].values.tolist() == [[11, 2], [10, 1], [12, 1], [13, 0]]
    _needing, rest, on_track = standup_help.split_board(frame)
    assert rest["rep_id"].tolist() == [13] and on_track.empty


def test_owners_of_things_to_fix(ext_store: Store) -> None:  # noqa: F811
    # Overdue complaints on 10 Dec: #4 Cai (103), #101 Dee (201): one each, rep_id order.
    overdue = standup.overdue_complaints(ext_store, ALL, d("2024-12-10"))
    assert standup_help.owners(overdue).values.tolist() == [[103, 1], [201, 1]]
    # Customers at risk on 20 Jan 2025: Acme and Fir owned by Ann (101), Birch by Ben (102),
    # Gum by no one in the data, so Eve (202), who sold to it last (metrics/customer_owner).
    at_risk = standup.customers_at_risk(ext_store, ALL, d("2025-01-20"))
    found = standup_help.owners(at_risk, "owner_rep_id")
    assert [tuple(row) for row in found.itertuples(index=False)] == [
        (101, 2), (102, 1), (202, 1),
    ]  # fmt: skip
    # North's overdue complaints on 10 Dec: Cai's only.
    north = standup.overdue_complaints(ext_store, NORTH, d("2024-12-10"))
    assert standup_help.owners(north).values.tolist() == [[103, 1]]


def test_owners_count_most_first_ties_by_rep_id_and_nobody_last() -> None:
    frame = pd.DataFrame({"rep_id": [7, 5, None, 7, 5, 9, 5, 8]})
    found = standup_help.owners(frame)
    assert [tuple(row) for row in found.itertuples(index=False)] == [
        (5, 3), (7, 2), (8, 1), (9, 1), (None, 1),
    ]  # fmt: skip
    assert found["count"].dtype == "int64"
    assert standup_help.owners(frame.iloc[:0]).empty
