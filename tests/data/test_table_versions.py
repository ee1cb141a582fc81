"""data.table_versions: a write that names its tables moves only theirs; one that names none
moves ANY; and every write that names its tables names each table it really changes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from data import commitments, customer_notes, follow_ups
from data.migrate import Migration, available_migrations, migrate
from data.store import Store
from data.table_versions import ANY, Versions
from tests.conftest import DEMO_END
from tests.store_engines import StoreMaker
from tests.table_reads import assert_each_write_names_what_it_changes


def test_a_write_that_names_its_tables_moves_only_theirs(new_store: StoreMaker) -> None:
    store = new_store("versions")
    start = store.versions()
    with store.transaction(touches={"activities", "audit_log"}):
        pass
    named = store.versions()
    assert named.data == start.data + 1
    assert named.tables["activities"] == start.tables.get("activities", 0) + 1
    assert named.tables["audit_log"] == start.tables.get("audit_log", 0) + 1
    assert named.tables[ANY] == start.tables[ANY]
    with store.transaction():  # names none: may have changed anything
        pass
    unnamed = store.versions()
    assert unnamed.data == named.data + 1 and unnamed.tables[ANY] == named.tables[ANY] + 1
    assert unnamed.tables["activities"] == named.tables["activities"]
    assert store.data_version() == unnamed.data


def test_a_failed_write_moves_no_version(new_store: StoreMaker) -> None:
    store = new_store("versions_failed")
    start = store.versions()
    with pytest.raises(RuntimeError), store.transaction(touches={"activities"}):
        raise RuntimeError("the write failed half-way")
    assert store.versions() == start


def test_a_key_moves_only_with_the_tables_it_reads_or_any() -> None:
    start = Versions(data=7, tables={ANY: 2, "orders": 1, "activities": 4})
    logged = Versions(data=8, tables={ANY: 2, "orders": 1, "activities": 5})
    imported = Versions(data=9, tables={ANY: 3, "orders": 1, "activities": 5})
    orders = frozenset({"orders", "customers"})
    assert start.key(orders) == logged.key(orders) != imported.key(orders)
    assert start.key(frozenset({"activities"})) != logged.key(frozenset({"activities"}))
    assert start.key(None) != logged.key(None)  # names nothing: any write


def test_a_new_migration_moves_any(tmp_path: Path) -> None:
    store = Store(tmp_path / "migrated.duckdb")
    before = store.versions()
    extra = Migration(999, "extra", "CREATE TABLE extra_for_test (x INTEGER)")
    con = store._con.cursor()
    assert migrate(con, [*available_migrations(), extra]) == [999]
    after = store.versions()
    assert after.data == before.data + 1 and after.tables[ANY] == before.tables[ANY] + 1
    store.close()


# --- each write that names its tables, on a copy of the demo ----------------------------------


@pytest.fixture
def demo_copy(demo_db_path: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    yield store
    store.close()


def _customer_and_rep(store: Store) -> tuple[int, int]:
    row = store.rows(
        "SELECT customer_id, owner_rep_id FROM customers WHERE owner_rep_id IS NOT NULL"
        " ORDER BY customer_id LIMIT 1"
    )[0]
    return int(row[0]), int(row[1])


def _other_rep(store: Store, rep: int) -> int:
    return int(
        store.scalar("SELECT min(rep_id) FROM reps WHERE rep_id <> ? AND leave_date IS NULL", [rep])
    )


def _follow_up_writes(store: Store) -> list[Callable[[], object]]:
    customer, rep = _customer_and_rep(store)
    sid = follow_ups.new_submission_id
    day = DEMO_END
    return [
        lambda: follow_ups.log_contact(
            store, submission_id=sid(), customer_id=customer, rep_id=rep, day=day,
            kind="call", outcome="reached", note="asked for the spring list",
            next_date=day + timedelta(days=7),
        ),
        lambda: follow_ups.snooze(
            store, submission_id=sid(), customer_id=customer, day=day,
            until=day + timedelta(days=3), reason="on holiday",
        ),
        lambda: follow_ups.mark_done(store, submission_id=sid(), customer_id=customer, day=day),
        lambda: follow_ups.reassign(
            store, submission_id=sid(), customer_id=customer, day=day,
            to_rep_id=_other_rep(store, rep), from_rep_id=rep, allowed=None,
        ),
        lambda: follow_ups.undo_last(store, submission_id=sid(), day=day),
    ]  # fmt: skip


def _commitment_writes(store: Store) -> list[Callable[[], object]]:
    customer, rep = _customer_and_rep(store)
    item = commitments.NewCommitment(
        standup_day=DEMO_END, rep_id=rep, what="Call back about the order",
        due_date=DEMO_END + timedelta(days=2), customer_id=customer,
    )  # fmt: skip
    saved: list[commitments.Saved] = []
    return [
        lambda: saved.append(
            commitments.add_commitment(store, item, submission_id=commitments.new_submission_id())
        ),
        lambda: commitments.set_done(
            store, saved[0].commitment_id, done=True, event_id=commitments.new_submission_id()
        ),
    ]


def _note_writes(store: Store) -> list[Callable[[], object]]:
    customer, _ = _customer_and_rep(store)
    sid = customer_notes.new_submission_id
    saved: list[customer_notes.SavedNote] = []
    return [
        lambda: saved.append(
            customer_notes.add_note(
                store, customer, "note", "Prefers mornings", submission_id=sid()
            )
        ),
        lambda: customer_notes.edit_note(
            store, customer, saved[0].note_id, "Prefers early mornings", submission_id=sid()
        ),
        lambda: customer_notes.add_tag(store, customer, "VIP", submission_id=sid()),
        lambda: customer_notes.remove_tag(store, customer, "VIP", submission_id=sid()),
    ]


@pytest.mark.parametrize(
    ("writes", "touches"),
    [
        (_follow_up_writes, follow_ups.TOUCHES),
        (_commitment_writes, commitments.TOUCHES),
        (_note_writes, customer_notes.TOUCHES),
    ],
    ids=["follow-ups", "commitments", "notes"],
)
def test_each_write_changes_only_the_tables_it_names(
    demo_copy: Store,
    writes: Callable[[Store], list[Callable[[], object]]],
    touches: frozenset[str],
) -> None:
    assert_each_write_names_what_it_changes(demo_copy, touches, writes(demo_copy))


def test_a_write_naming_its_tables_keeps_the_rollups_known_current(demo_copy: Store) -> None:
    """The rollup check is keyed on the versions of the rows it reads (orders, customers):
    a logged call does not send the next read to the fingerprint."""
    from data import rollups

    with demo_copy.transaction() as con:
        rollups.refresh_rollups(con)
    with demo_copy.transaction(touches={"activities"}):
        pass  # any write: the rollups no longer match the data version
    assert rollups.rollups_current(demo_copy)  # checked once, by the fingerprint
    # Order rows changed behind every version's back: only a new check could notice.
    demo_copy._con.execute("UPDATE orders SET net_amount_cents = net_amount_cents + 1")
    _follow_up_writes(demo_copy)[0]()  # a logged call: orders and customers untouched
    assert rollups.rollups_current(demo_copy), "not checked again: their versions did not move"
    with demo_copy.transaction(touches={"orders"}):
        pass
    assert not rollups.rollups_current(demo_copy), "checked again, and the change found"
