"""Writes of the follow-up list: one transaction each with its audit row, a submission id
lands once, undo reverses exactly the last action, and concurrent writers lose nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from data import follow_ups as writes
from data.follow_ups import FollowUpInvalid
from data.store import Store
from tests.metrics.follow_up_fixture import (
    ALDER,
    ANN,
    AS_OF,
    BO,
    CEDAR,
    CY,
    DI,
    DOGWOOD,
    build_follow_up_company,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "follow.duckdb"
    store = Store(file)
    build_follow_up_company(store)
    store.close()
    return file


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    store = Store(path)
    yield store
    store.close()


def _count(store: Store, sql: str) -> int:
    return int(store.scalar(sql) or 0)


def _log(store: Store, sid: str, customer_id: int = ALDER, user_id: int | None = None) -> None:
    writes.log_contact(
        store, submission_id=sid, customer_id=customer_id, rep_id=ANN, day=AS_OF, kind="call",
        outcome="reached", note="Talked about the autumn range", next_date=date(2025, 7, 14),
        user_id=user_id,
    )  # fmt: skip


def test_a_logged_call_is_an_activity_an_action_and_an_audit_row(store: Store) -> None:
    activities = _count(store, "SELECT count(*) FROM activities")
    _log(store, "s1")
    row = store.rows(
        "SELECT activity_date, customer_id, rep_id, team_id, kind, outcome, next_follow_up_date"
        " FROM activities ORDER BY activity_id DESC LIMIT 1"
    )[0]
    assert row == (
        AS_OF, ALDER, ANN, 1, "call", "Talked about the autumn range", date(2025, 7, 14),
    )  # fmt: skip
    assert _count(store, "SELECT count(*) FROM activities") == activities + 1
    audit = store.rows("SELECT action, object_type, object_id FROM audit_log")
    assert audit == [("follow_up.log", "follow_up", str(ALDER))]


def test_the_same_submission_lands_once(store: Store) -> None:
    _log(store, "same")
    _log(store, "same")
    writes.mark_done(store, submission_id="done-1", customer_id=CEDAR, day=AS_OF)
    again = writes.mark_done(store, submission_id="done-1", customer_id=CEDAR, day=AS_OF)
    assert not again.created
    assert _count(store, "SELECT count(*) FROM follow_up_actions") == 2
    assert (
        _count(store, "SELECT count(*) FROM activities WHERE activity_date = DATE '2025-06-30'")
        == 1
    )
    assert _count(store, "SELECT count(*) FROM audit_log") == 2


def test_a_refused_action_writes_nothing(store: Store) -> None:
    before = _count(store, "SELECT count(*) FROM activities")
    with pytest.raises(FollowUpInvalid):  # the next contact must come after the contact
        writes.log_contact(
            store, submission_id="x", customer_id=ALDER, rep_id=ANN, day=AS_OF, kind="call",
            outcome="reached", next_date=AS_OF,
        )  # fmt: skip
    with pytest.raises(FollowUpInvalid):  # Di left on 1 Jan 2025
        writes.reassign(
            store, submission_id="y", customer_id=ALDER, day=AS_OF, to_rep_id=DI,
            from_rep_id=ANN, allowed=None,
        )  # fmt: skip
    with pytest.raises(FollowUpInvalid):  # a lead of South (Cy's) may not hand it to Bo
        writes.reassign(
            store, submission_id="z", customer_id=ALDER, day=AS_OF, to_rep_id=BO,
            from_rep_id=ANN, allowed={CY},
        )  # fmt: skip
    with pytest.raises(FollowUpInvalid):  # a snooze needs a reason
        writes.snooze(
            store, submission_id="w", customer_id=ALDER, day=AS_OF, until=date(2025, 7, 1),
            reason="  ",
        )  # fmt: skip
    assert _count(store, "SELECT count(*) FROM activities") == before
    assert _count(store, "SELECT count(*) FROM follow_up_actions") == 0
    assert _count(store, "SELECT count(*) FROM audit_log") == 0


def test_undo_reverses_exactly_the_users_last_action(store: Store) -> None:
    activities = _count(store, "SELECT count(*) FROM activities")
    writes.reassign(
        store, submission_id="r", customer_id=DOGWOOD, day=AS_OF, to_rep_id=ANN,
        from_rep_id=BO, allowed=None, user_id=7,
    )  # fmt: skip
    _log(store, "mine", user_id=7)
    _log(store, "theirs", customer_id=CEDAR, user_id=8)  # someone else's, later
    undone = writes.undo_last(store, submission_id="u1", day=AS_OF, user_id=7)
    # user 7's last action was the call on Alder: its activity is gone; user 8's call stays
    assert undone.customer_id == ALDER
    assert _count(store, "SELECT count(*) FROM activities") == activities + 1
    assert store.scalar("SELECT customer_id FROM activities ORDER BY activity_id DESC") == CEDAR
    audit = store.rows("SELECT action, object_id FROM audit_log ORDER BY audit_id DESC LIMIT 1")
    assert audit == [("follow_up.undo", str(ALDER))]
    # the same undo submitted again lands once; the next undo takes the reassignment back
    writes.undo_last(store, submission_id="u1", day=AS_OF, user_id=7)
    assert writes.last_action(store, 7) is not None
    assert writes.last_action(store, 7).kind == "reassign"  # type: ignore[union-attr]
    writes.undo_last(store, submission_id="u2", day=AS_OF, user_id=7)
    assert writes.last_action(store, 7) is None
    with pytest.raises(FollowUpInvalid):
        writes.undo_last(store, submission_id="u3", day=AS_OF, user_id=7)


def _log_many(stores: list[Store], per_thread: int, threads: int) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def work(index: int) -> None:
        start.wait()
        try:
            for n in range(per_thread):
                store = stores[(index + n) % len(stores)]
                _log(store, f"t{index}-{n}")
                _log(store, f"t{index}-{n}")  # a double click: lands once
        except BaseException as error:
            errors.append(error)

    pool = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return errors


def _check_landed_once(store: Store, expected: int) -> None:
    assert _count(store, "SELECT count(*) FROM follow_up_actions") == expected
    assert _count(store, "SELECT count(DISTINCT submission_id) FROM follow_up_actions") == expected
    assert _count(store, "SELECT count(*) FROM audit_log") == expected
    # every logged call is one activity with its own id
    logged = "SELECT count(*) FROM activities WHERE activity_date = DATE '2025-06-30'"
    assert _count(store, logged) == expected
    assert _count(store, "SELECT count(*) - count(DISTINCT activity_id) FROM activities") == 0


def test_many_threads_logging_through_one_store_lose_and_double_nothing(store: Store) -> None:
    assert _log_many([store], per_thread=5, threads=8) == []
    _check_landed_once(store, 40)


def test_two_store_objects_on_one_file_lose_and_double_nothing(path: Path) -> None:
    # DuckDB shares one database between connections to the same file in a process, so two
    # Stores work side by side; their writes are not serialized by one lock, and colliding
    # ids are refused at commit and retried.
    first, second = Store(path), Store(path)
    try:
        assert _log_many([first, second], per_thread=5, threads=8) == []
        _check_landed_once(first, 40)
        _check_landed_once(second, 40)
    finally:
        first.close()
        second.close()


def test_replacing_the_company_forgets_its_follow_ups(store: Store) -> None:
    # The replaced company's customer ids would otherwise name the new company's customers.
    from data.importing.runner import clear_company

    writes.mark_done(store, submission_id="d", customer_id=ALDER, day=AS_OF)
    with store.transaction() as cur:
        clear_company(cur)
    assert _count(store, "SELECT count(*) FROM follow_up_actions") == 0
