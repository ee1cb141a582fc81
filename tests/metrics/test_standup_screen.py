"""The stand-up screen's data, gathered side by side, equals the pieces asked one by one."""

from __future__ import annotations

from datetime import date, timedelta

from data.store import Store
from metrics import service, standup, standup_help, team_board
from metrics.filters import Filters
from metrics.standup_screen import contact_parts, standup_data


def test_gathered_data_matches_each_query_alone(tiny_store: Store) -> None:
    as_of = date(2024, 11, 15)
    scope = Filters(start=as_of, end=as_of)
    data = standup_data(tiny_store, scope, as_of)
    # N-06 on 14 Nov is the last sale on or before 15 Nov; the one before is N-05 on 12 Nov.
    assert data.day == date(2024, 11, 14)
    assert data.since == date(2024, 11, 13)
    assert data.board.equals(team_board.rep_board(tiny_store, scope, data.day))
    assert data.lists["wins"].equals(standup.wins(tiny_store, scope, data.since, data.day))
    so_far = service.values(
        tiny_store, ("revenue",), scope.with_dates(date(2024, 11, 1), data.day), with_targets=True
    )
    assert data.month_so_far == so_far
    assert list(data.days["bucket"]) == [data.day - timedelta(days=7 - i) for i in range(8)]


def test_a_scope_that_never_sold_has_no_day(tiny_store: Store) -> None:
    data = standup_data(tiny_store, Filters(start=date(2024, 8, 1), end=date(2024, 8, 31)),
                        date(2024, 8, 31))  # fmt: skip
    assert data.day is None and data.board.empty


def test_the_contact_parts_match_each_query_alone(tiny_store: Store) -> None:
    as_of = date(2024, 11, 15)
    scope = Filters(start=as_of, end=as_of)
    data = standup_data(tiny_store, scope, as_of)
    assert data.day is not None
    contacts = contact_parts(tiny_store, scope, data)
    at_risk = standup.customers_at_risk(tiny_store, scope, data.day)
    assert contacts.customers_at_risk.equals(at_risk)
    activity = standup_help.last_activity(tiny_store, scope, data.day)
    overdue = data.lists["overdue_complaints"]
    help_frame = standup_help.needs_help(data.board, activity, overdue, data.day)
    assert contacts.help.equals(help_frame) and not help_frame.empty


def test_a_scope_that_never_sold_has_no_contact_parts(tiny_store: Store) -> None:
    scope = Filters(start=date(2024, 8, 1), end=date(2024, 8, 31))
    contacts = contact_parts(tiny_store, scope, standup_data(tiny_store, scope, date(2024, 8, 31)))
    assert contacts.help.empty and contacts.customers_at_risk.empty
