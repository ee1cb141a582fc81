"""Training completion rates, overdue items and certification warnings, worked out by hand on
the tiny company (tests/metrics/fixture.py) with a handful of training items."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from data.store import Store
from data.training import TrainingItem, add_item
from metrics import training
from metrics.filters import Filters
from metrics.scope import Scope
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

AS_OF = date(2024, 12, 1)
D = date.fromisoformat

# (key, rep_id, kind, due, status, completed_on, expires_on)
# Ann (101) and Dee (201) sit at team level (North 1, South 2); Ben (102) and Cai (103) in
# North Hub (11); Eve (202) in South Hub (21).
ITEMS = [
    ("A1", 101, "course", "2024-11-01", "done", "2024-10-30", None),
    ("A2", 101, "skill", "2024-11-30", "planned", None, None),  # due the day before: overdue
    ("B1", 102, "course", "2024-10-01", "dropped", None, None),
    ("B2", 102, "course", "2024-12-01", "planned", None, None),  # due on the day: not yet
    ("C1", 103, "certification", "2024-06-01", "done", "2024-06-01", "2024-12-31"),  # 30 left
    ("C2", 103, "certification", "2024-06-01", "done", "2024-06-01", "2025-01-01"),  # 31 left
    ("C3", 103, "skill", "2024-11-15", "in_progress", None, None),  # overdue
    ("C4", 103, "course", "2025-02-01", "planned", None, None),
    ("C5", 103, "course", "2025-03-01", "planned", None, None),
    ("D1", 201, "course", "2024-09-01", "dropped", None, None),  # dropped: never overdue
    ("E1", 202, "course", "2024-10-01", "done", "2024-10-01", None),
    ("E2", 202, "certification", "2023-11-30", "done", "2023-11-30", "2024-11-30"),  # expired
]


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("training")
    build_tiny_company(store)
    for key, rep, kind, due, status, done, expires in ITEMS:
        item = TrainingItem(
            rep_id=rep,
            kind=kind,  # type: ignore[arg-type]
            title=key,
            due_date=D(due),
            status=status,  # type: ignore[arg-type]
            completed_on=D(done) if done else None,
            expires_on=D(expires) if expires else None,
        )
        add_item(store, item, submission_id=f"sub-{key}")
    yield store
    store.close()


def _all() -> Filters:
    return Filters(start=D("2024-11-01"), end=D("2024-11-30"))


def test_completion_rates_per_team_and_group_by_hand(store: Store) -> None:
    rates = training.completion(training.items(store, _all(), AS_OF))
    got = {
        (r.level, r.unit_id): (r.items, r.done, r.dropped, r.counted, r.rate)
        for r in rates.itertuples()
    }
    # Ben (102) left on 20 Nov, before the as-of day: his B1 and B2 are left out.
    # North (1): A1 A2 C1 C2 C3 C4 C5 = 7 items; done A1 C1 C2 = 3; dropped none;
    #   counted 7; 3 / 7 = 42.857...% -> 42.9.
    # North Hub (11): C1 C2 C3 C4 C5 = 5; done 2; 2 / 5 = 40.0%.
    # South (2): D1 E1 E2 = 3; done 2; dropped D1; counted 3 - 1 = 2; 2 / 2 = 100.0%.
    # South Hub (21): E1 E2 = 2; done 2; 100.0%. Ann and Dee sit at team level: no group row.
    assert got == {
        ("team", 1): (7, 3, 0, 7, Decimal("42.9")),
        ("group", 11): (5, 2, 0, 5, Decimal("40.0")),
        ("team", 2): (3, 2, 1, 2, Decimal("100.0")),
        ("group", 21): (2, 2, 0, 2, Decimal("100.0")),
    }
    assert list(rates["level"]) == ["team", "group", "team", "group"]


def test_rate_rounds_half_up_and_is_blank_when_nothing_counts() -> None:
    assert training.rate(1, 16) == Decimal("6.3")  # 6.25 exactly: half up, not to even (6.2)
    assert training.rate(1, 8) == Decimal("12.5")
    assert training.rate(2, 3) == Decimal("66.7")  # 66.66...
    assert training.rate(0, 0) is None  # everything dropped, or nothing planned


def test_overdue_items_by_hand(store: Store) -> None:
    late = training.overdue(training.items(store, _all(), AS_OF))
    # Not done and due before 1 Dec: C3 (15 Nov), A2 (30 Nov). D1 is dropped; C4 and C5 are
    # due next year; Ben's B2 (due on the day, so not overdue anyway) is a leaver's.
    assert list(late["title"]) == ["C3", "A2"]


def test_certificates_expiring_within_30_days_or_expired(store: Store) -> None:
    due = training.certificates_due(training.items(store, _all(), AS_OF))
    # E2 expired on 30 Nov (-1 day); C1 expires 31 Dec: 30 days left, inside the window; C2
    # expires 1 Jan: 31 days left, outside it.
    assert [(r.title, r.cert_state, r.days_left) for r in due.itertuples()] == [
        ("E2", "expired", -1),
        ("C1", "expiring", 30),
    ]


def test_a_leads_scope_reads_their_team_only(store: Store) -> None:
    hub = Filters(start=D("2024-11-01"), end=D("2024-11-30"), scope=Scope(kind="team", team_id=11))
    frame = training.items(store, hub, AS_OF)
    assert set(frame["rep_id"]) == {103}  # Ben (102) sits in North Hub too, but has left
    rates = training.completion(frame)
    # Only North Hub's people: the North row counts the same five items as North Hub.
    assert [(r.level, r.unit_id, r.counted, r.rate) for r in rates.itertuples()] == [
        ("team", 1, 5, Decimal("40.0")),
        ("group", 11, 5, Decimal("40.0")),
    ]


def test_a_leavers_plan_counts_until_they_leave(store: Store) -> None:
    # As of 19 Nov Ben (who left on 20 Nov) is still in: North Hub then has B1 (dropped) and
    # B2 too; 7 items, dropped 1, counted 6, done 2: 2 / 6 = 33.33...% -> 33.3. On 20 Nov
    # itself he has left (a leave date on or before the as-of day), as the filters count it.
    rates = training.completion(training.items(store, _all(), D("2024-11-19")))
    hub = rates[rates["unit_id"] == 11].iloc[0]
    assert (hub["items"], hub["dropped"], hub["counted"], hub["rate"]) == (
        7, 1, 6, Decimal("33.3"),
    )  # fmt: skip
    on_the_day = training.items(store, _all(), D("2024-11-20"))
    assert 102 not in set(on_the_day["rep_id"])


def test_rep_items_is_one_persons_plan(store: Store) -> None:
    frame = training.rep_items(store, 103, AS_OF)
    assert list(frame["title"]) == ["C1", "C2", "C3", "C4", "C5"]
