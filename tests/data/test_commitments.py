"""Stand-up commitments on a real DuckDB file: a submission lands once, every write has its
audit row, done and not done again are events, and the reads show the latest state."""

from __future__ import annotations

from datetime import date

import pytest

from data import audit
from data.commitments import (
    CommitmentInvalid,
    CommitmentNotFound,
    NewCommitment,
    add_commitment,
    new_submission_id,
    set_done,
)
from data.store import Store
from metrics import commitments
from metrics.filters import Filters
from metrics.scope import Scope
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

# The tiny company (tests/metrics/fixture.py): Ann 101 (North, team 1), Ben 102 and Cai 103
# (North Hub, team 11 under North), Dee 201 (South, team 2), Eve 202 (South Hub, 21).
MON, TUE, THU = date(2024, 12, 2), date(2024, 12, 3), date(2024, 12, 5)
ALL = Filters(start=date(2024, 12, 1), end=date(2024, 12, 31))
NORTH = ALL.model_copy(update={"team_id": 1})


@pytest.fixture
def store(new_store: StoreMaker) -> Store:
    store = new_store("commitments")
    build_tiny_company(store)
    return store


def _add(store: Store, rep_id: int, what: str, day: date = MON, **kwargs: object) -> str:
    item = NewCommitment(standup_day=day, rep_id=rep_id, what=what, due_date=THU, **kwargs)  # type: ignore[arg-type]
    return add_commitment(store, item, submission_id=new_submission_id(), actor=7).commitment_id


def _audit(store: Store) -> list[tuple[object, ...]]:
    return store.rows(
        "SELECT user_id, action, object_type, object_id FROM audit_log ORDER BY audit_id"
    )


def test_the_same_submission_lands_once_with_one_audit_row(store: Store) -> None:
    item = NewCommitment(standup_day=MON, rep_id=103, what=" Call Elm back ", due_date=THU)
    sid = new_submission_id()
    first = add_commitment(store, item, submission_id=sid, actor=7)
    again = add_commitment(store, item, submission_id=sid, actor=7)  # the double click
    assert first.created and not again.created
    assert again.commitment_id == first.commitment_id
    assert store.rows("SELECT rep_id, what, due_date FROM commitments") == [
        (103, "Call Elm back", THU)  # text stored trimmed
    ]
    assert _audit(store) == [(7, "commitment.add", "commitment", first.commitment_id)]
    details = store.scalar("SELECT CAST(details AS VARCHAR) FROM audit_log")
    assert "Call Elm" not in details  # who and by when; the text stays in its own row


def test_done_and_undone_are_events_each_with_its_audit_row(store: Store) -> None:
    cid = _add(store, 101, "Send the quote")
    tick = new_submission_id()
    assert set_done(store, cid, done=True, event_id=tick, actor=7) is True
    assert set_done(store, cid, done=True, event_id=tick, actor=7) is False  # double click
    # Ticking done again under a new id changes nothing: it is done already.
    assert set_done(store, cid, done=True, event_id=new_submission_id(), actor=7) is False
    assert commitments.on_day(store, ALL, MON)["done"].tolist() == [True]
    assert set_done(store, cid, done=False, event_id=new_submission_id(), actor=None) is True
    assert commitments.on_day(store, ALL, MON)["done"].tolist() == [False]
    assert [row[1] for row in _audit(store)] == [
        "commitment.add", "commitment.done", "commitment.undone",
    ]  # fmt: skip
    assert store.rows("SELECT seq, done FROM commitment_events ORDER BY seq") == [
        (1, True),
        (2, False),
    ]


def test_a_failed_write_leaves_neither_row_nor_audit(store: Store) -> None:
    cases = [
        (NewCommitment(standup_day=MON, rep_id=101, what="  ", due_date=THU), "what_required"),
        (NewCommitment(standup_day=MON, rep_id=999, what="x", due_date=THU), "unknown_rep"),
        (NewCommitment(standup_day=TUE, rep_id=101, what="x", due_date=MON), "due_before_day"),
        (
            NewCommitment(standup_day=MON, rep_id=101, what="x", due_date=THU, customer_id=77),
            "unknown_customer",
        ),
    ]
    for item, key in cases:
        with pytest.raises(CommitmentInvalid) as raised:
            add_commitment(store, item, submission_id=new_submission_id())
        assert raised.value.key == f"commitment.{key}"
    with pytest.raises(CommitmentNotFound):
        set_done(store, "nope", done=True, event_id=new_submission_id())
    assert store.scalar("SELECT count(*) FROM commitments") == 0
    assert store.scalar("SELECT count(*) FROM audit_log") == 0


def test_every_action_is_a_known_audit_action() -> None:
    for action in ("commitment.add", "commitment.done", "commitment.undone"):
        assert action in audit.ACTIONS
    assert "commitment" in audit.OBJECT_TYPES


def test_reads_follow_the_team_and_find_the_previous_stand_up_day(store: Store) -> None:
    _add(store, 103, "Visit Elm", day=MON, customer_id=5)  # Cai, North Hub (under North)
    _add(store, 201, "Chase the invoice", day=MON)  # Dee, South
    _add(store, 101, "Plan the week", day=TUE)  # Ann, North
    today = commitments.on_day(store, NORTH, TUE)
    assert today[["rep_id", "rep", "what"]].values.tolist() == [[101, "Ann", "Plan the week"]]
    # Thursday's stand-up: Wednesday had none, so the previous stand-up day is Tuesday...
    assert commitments.previous_day(store, NORTH, THU) == TUE
    # ...and Tuesday's previous one, for North, is Monday, with Cai's commitment only.
    assert commitments.previous_day(store, NORTH, TUE) == MON
    monday = commitments.on_day(store, NORTH, MON)
    assert monday[["rep", "customer", "done"]].values.tolist() == [["Cai", "Elm", False]]
    assert commitments.on_day(store, ALL, MON)["rep_id"].tolist() == [103, 201]
    # A lead of South sees none of North's, whatever the filters say.
    south = ALL.model_copy(update={"scope": Scope(kind="team", team_id=2)})
    assert commitments.on_day(store, south, MON)["rep_id"].tolist() == [201]


def test_a_persons_commitments_in_a_review_period(store: Store) -> None:
    _add(store, 101, "Recorded in December", day=MON)  # due 5 Dec
    _add(store, 201, "Someone else's", day=MON)
    december = commitments.of_person(store, 101, date(2024, 12, 1), date(2024, 12, 31))
    assert december["what"].tolist() == ["Recorded in December"]
    # November's period holds neither its recording day nor its due day.
    assert commitments.of_person(store, 101, date(2024, 11, 1), date(2024, 11, 30)).empty
    # Out of a rep's own scope: nothing.
    other = Scope(kind="rep", rep_id=201)
    assert commitments.of_person(store, 101, MON, THU, other).empty


# --- a customer or deal typed into the form (a company too big to list them) ---------------


def test_a_typed_customer_is_found_by_name_or_number_among_the_scopes(store: Store) -> None:
    # North (team 1) owns Acme (1, Ann), Birch (2, Ben), Elm (5, Cai) and Fir (6, Ann).
    def found(filters: Filters, words: str) -> list[tuple[int, str]]:
        frame = commitments.typed_customer(store, filters, words)
        return list(zip(frame["customer_id"], frame["customer"], strict=True))

    assert found(NORTH, "  aCmE ") == [(1, "Acme")], "whole name, any case, blanks ignored"
    assert found(NORTH, "#5") == [(5, "Elm")] and found(NORTH, "5") == [(5, "Elm")]
    assert found(NORTH, "Acm") == [], "a part of a name is not a name"
    assert found(NORTH, "Cedar") == [], "Dee's customer, in South"
    assert found(ALL, "Cedar") == [(3, "Cedar")]
    # Two customers of one name: both, so the form can ask for the number.
    with store.transaction() as cur:
        cur.execute("UPDATE customers SET name = 'Acme' WHERE customer_id = 6")
    assert found(NORTH, "acme") == [(1, "Acme"), (6, "Acme")]


def test_a_typed_deal_is_an_open_deal_of_the_scopes_people(store: Store) -> None:
    def found(filters: Filters, words: str, day: date = ALL.end) -> list[str]:
        return list(commitments.typed_deal(store, filters, day, words)["deal_id"])

    assert found(NORTH, " d-4 ") == ["D-4"], "Cai's open deal, any case"
    assert found(NORTH, "D-1") == [], "won: not open"
    assert found(NORTH, "D-6") == [] and found(ALL, "D-6") == ["D-6"], "Eve's, in South"
    assert found(NORTH, "D-4", day=date(2024, 11, 9)) == [], "not created yet on the day"


def test_choices_stop_at_the_limit_asked_for(store: Store) -> None:
    # Six customers and two open deals. At the limit the form lists none (it takes typed
    # words), so what comes back is any `limit` of them; under it, every one, in order.
    _, every_customer, every_deal = commitments.choices(store, ALL, ALL.end)
    assert list(every_customer["customer"]) == ["Acme", "Birch", "Cedar", "Delta", "Elm", "Fir"]
    assert list(every_deal["deal_id"]) == ["D-4", "D-6"]
    _, customers, deals = commitments.choices(store, ALL, ALL.end, limit=2)
    assert len(customers) == 2 and set(customers["customer"]) <= set(every_customer["customer"])
    assert list(deals["deal_id"]) == ["D-4", "D-6"], "two open deals: at the limit"
    _, customers, deals = commitments.choices(store, ALL, ALL.end, limit=7)
    assert customers.equals(every_customer) and deals.equals(every_deal), "under it: in order"
