"""Rollups (data.rollups) are rebuilt in the import's own transaction, and a stale or missing
rollup is never read: the compiler falls back to the rows."""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from data.importing.errors import ImportRejected
from data.importing.mapping import Mapping, auto_map
from data.importing.runner import ImportRequest, run_import
from data.lifecycle_stages import month_ends
from data.rollups import (
    ROLLUPS_ENV_VAR,
    ROWS_FINGERPRINT,
    STAGE_MONTHS,
    days_count_orders,
    days_rollup_current,
    month_end_stage_counts,
    refresh_rollups,
    rollups_current,
    rollups_enabled,
)
from data.store import Params, Store

TODAY = date(2025, 6, 1)
HEADER = "Order ID,Line,Order Date,Customer,Rep,Product,Amount,Status\n"


def _import(store: Store, path: Path, text: str) -> None:
    path.write_text(text, "utf-8")
    mapping = Mapping("orders", columns=auto_map(text.splitlines()[0].split(","), "orders"))
    run_import(store, ImportRequest(path, mapping), today=TODAY)


def _firsts(store: Store) -> list[tuple[str, date, date]]:
    return store.rows(
        "SELECT c.name, f.first_day, f.last_day FROM customer_firsts f"
        " JOIN customers c USING (customer_id) ORDER BY c.name"
    )


def _imported(tmp_path: Path) -> Store:
    """Acme bought on 5 March and 9 April (its 1 April line was cancelled); Birch on 6 March."""
    store = Store(tmp_path / "t.duckdb")
    _import(
        store,
        tmp_path / "a.csv",
        HEADER + "R1,1,2025-03-05,Acme,Ann,W,1000,completed\n"
        "R2,1,2025-03-06,Birch,Ann,W,500,completed\n"
        "R3,1,2025-04-01,Acme,Ann,W,700,cancelled\n"
        "R4,1,2025-04-09,Acme,Ann,W,300,completed\n",
    )
    return store


def test_an_import_builds_the_rollups_with_the_rows(tmp_path: Path) -> None:
    store = _imported(tmp_path)
    assert _firsts(store) == [
        ("Acme", date(2025, 3, 5), date(2025, 4, 9)),
        ("Birch", date(2025, 3, 6), date(2025, 3, 6)),
    ]
    assert rollups_current(store)


def _days(store: Store) -> list[tuple[Any, ...]]:
    return store.rows(
        "SELECT c.name, d.day, d.prev_day, d.orders, d.cents, d.split_orders"
        " FROM customer_days d JOIN customers c USING (customer_id) ORDER BY c.name, d.day"
    )


def test_an_import_rolls_up_each_buying_day(tmp_path: Path) -> None:
    # Acme's cancelled 1 April line is no buying day; each day has one order of one line.
    store = _imported(tmp_path)
    assert _days(store) == [
        ("Acme", date(2025, 3, 5), None, 1, 100000, 0),
        ("Acme", date(2025, 4, 9), date(2025, 3, 5), 1, 30000, 0),
        ("Birch", date(2025, 3, 6), None, 1, 50000, 0),
    ]
    assert days_count_orders(store)


def test_an_order_on_two_days_is_marked_split(tmp_path: Path) -> None:
    # R4 gains a completed line on 2 May, and Acme a second order (R5) on 9 April: 9 April
    # then has two orders (R4 at 300.00 and R5 at 20.00), one of them split; 2 May has R4's
    # 15.00. A sum of days would count R4 twice, so RFM may no longer read them
    # (days_count_orders), while lifecycle stages, which read only the days, still may.
    store = _imported(tmp_path)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO orders SELECT * REPLACE (2 AS line_no, DATE '2025-05-02' AS order_date,"
            " 1500 AS net_amount_cents) FROM orders WHERE order_id = 'R4'"
        )
        con.execute(
            "INSERT INTO orders SELECT * REPLACE ('R5' AS order_id, 2000 AS net_amount_cents)"
            " FROM orders WHERE order_id = 'R4' AND line_no = 1"
        )
        refresh_rollups(con)
    assert _days(store)[1:3] == [
        ("Acme", date(2025, 4, 9), date(2025, 3, 5), 2, 32000, 1),
        ("Acme", date(2025, 5, 2), date(2025, 4, 9), 1, 1500, 1),
    ]
    assert days_rollup_current(store)
    assert not days_count_orders(store)


def test_an_import_counts_lifecycle_stages_at_each_month_end_and_the_last_buying_day(
    tmp_path: Path,
) -> None:
    # The last buying day is 9 April 2025: the month ends of April 2025 and the 12 before.
    # Both customers first bought in March, so both are new at the end of March and of April
    # (26 and 56 days for Acme, under 90) and nobody is counted before; every stage is kept.
    store = _imported(tmp_path)
    ends = month_ends(date(2025, 4, 9), STAGE_MONTHS)
    assert ends[:3] == [date(2025, 4, 30), date(2025, 3, 31), date(2025, 2, 28)]
    assert ends[-1] == date(2024, 4, 30)
    counts = month_end_stage_counts(store, ends)
    assert len(counts) == 13 * 5
    assert {(day, stage): n for day, stage, n in counts if n} == {
        (date(2025, 4, 30), "new"): 2,
        (date(2025, 3, 31), "new"): 2,
    }
    # ...and at the last buying day itself, where the pages' as-of day starts: both new
    # (Acme's first day 5 March is 35 days before it), the four other stages kept as 0
    on_last_day = month_end_stage_counts(store, [date(2025, 4, 9)])
    assert len(on_last_day) == 5
    assert {stage: n for _, stage, n in on_last_day if n} == {"new": 2}
    # a day it does not hold (another day of the month, or past the last buying month) is not
    assert month_end_stage_counts(store, [date(2025, 4, 8), date(2025, 5, 31)]) == []


def test_stage_counts_of_another_rule_or_another_build_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _imported(tmp_path)
    april = [date(2025, 4, 30)]
    assert len(month_end_stage_counts(store, april)) == 5
    # An older Huddle rebuilds the other rollups and leaves these as they were: they were
    # counted for the rollups before, so they are not read.
    with store.transaction() as con:
        con.execute("CREATE TABLE kept AS SELECT * FROM lifecycle_month_ends")
        refresh_rollups(con)
        con.execute("DELETE FROM lifecycle_month_ends")
        con.execute("INSERT INTO lifecycle_month_ends SELECT * FROM kept")
    assert days_rollup_current(store)
    assert month_end_stage_counts(store, april) == []
    with store.transaction() as con:
        refresh_rollups(con)
    assert len(month_end_stage_counts(store, april)) == 5
    # counted under another rule (a later Huddle's 60 days for "new"): not read either
    monkeypatch.setattr("data.rollups.RULE", "new=60;churn=365;factor=1.5;gaps=2")
    assert month_end_stage_counts(store, april) == []


def test_a_failed_import_leaves_the_rollups_matching_the_rows(tmp_path: Path) -> None:
    store = _imported(tmp_path)
    version = store.data_version()
    # An earlier Acme purchase (1 Feb) would move its first day, but the file's second row
    # has no date: the import is refused and rolled back, rows and rollups alike.
    with pytest.raises(ImportRejected):
        _import(
            store,
            tmp_path / "b.csv",
            HEADER + "R5,1,2025-02-01,Acme,Ann,W,100,completed\nR6,1,,Birch,Ann,W,100,completed\n",
        )
    assert store.data_version() == version
    assert _firsts(store)[0] == ("Acme", date(2025, 3, 5), date(2025, 4, 9))
    assert store.scalar("SELECT min(order_date) FROM orders") == date(2025, 3, 5)
    assert rollups_current(store)


def test_a_later_write_elsewhere_keeps_the_rollups_once_checked_against_the_rows(
    tmp_path: Path,
) -> None:
    store = _imported(tmp_path)
    with store.transaction() as con:  # a write that touches no order (a setting, a target)
        con.execute("CREATE TABLE scratch AS SELECT 1 AS x")
    assert rollups_current(store)  # built for an older version, but equal to the rows


def _recorded(store: Store) -> str:
    return store.scalar("SELECT rows_fingerprint FROM rollup_state WHERE id = 1")


def test_a_write_elsewhere_is_settled_by_the_rows_fingerprint(tmp_path: Path) -> None:
    # The fingerprint sums up the rows the rollups read; a write that touches none keeps it,
    # so the rollups are not rebuilt to be compared. Shown by a rollup row changed by hand
    # (nothing in Huddle writes one outside refresh_rollups): the comparison would find it,
    # the fingerprint of the unchanged rows does not look at it.
    store = _imported(tmp_path)
    with store.transaction() as con:
        con.execute("UPDATE customer_firsts SET last_day = DATE '2030-01-01'")
        con.execute("CREATE TABLE scratch AS SELECT 1 AS x")
    assert _recorded(store) == store.scalar(ROWS_FINGERPRINT)
    assert rollups_current(store)


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE orders SET net_amount_cents = net_amount_cents + 1 WHERE order_id = 'R4'",
        "UPDATE orders SET status = 'completed' WHERE order_id = 'R3'",
        "UPDATE orders SET order_date = DATE '2025-03-07' WHERE order_id = 'R2'",
        "UPDATE orders SET customer_id = customer_id + 1 WHERE order_id = 'R4'",
        "UPDATE customers SET acquired_date = DATE '2024-01-01' WHERE name = 'Birch'",
        "DELETE FROM orders WHERE order_id = 'R2'",
    ],
)
def test_a_change_to_what_the_rollups_read_changes_the_fingerprint(
    tmp_path: Path, change: str
) -> None:
    store = _imported(tmp_path)
    with store.transaction() as con:
        con.execute(change)
    # the comparison then decides (the R3 change leaves every rollup row as it was)
    assert _recorded(store) != store.scalar(ROWS_FINGERPRINT)


def test_a_changed_amount_found_by_the_fingerprint_makes_the_rollups_stale(
    tmp_path: Path,
) -> None:
    store = _imported(tmp_path)
    with store.transaction() as con:  # Acme's last order, R4, now 301
        con.execute("UPDATE orders SET net_amount_cents = 30100 WHERE order_id = 'R4'")
    assert not rollups_current(store)


def test_rollups_an_older_huddle_built_are_compared_with_the_rows(tmp_path: Path) -> None:
    store = _imported(tmp_path)
    with store.transaction() as con:  # rollup_state as it was, without the fingerprint
        con.execute("ALTER TABLE rollup_state DROP COLUMN rows_fingerprint")
    assert rollups_current(store)
    with store.transaction() as con:
        con.execute("UPDATE customers SET acquired_date = DATE '2024-01-01' WHERE name = 'Birch'")
    assert not rollups_current(store)


@pytest.mark.parametrize(
    "older",
    [
        "ALTER TABLE customer_days DROP COLUMN split_orders",
        "DROP TABLE customer_days",
        "ALTER TABLE rollup_state DROP COLUMN rows_versions",
    ],
)
def test_rollups_of_an_older_shape_are_rebuilt_when_the_file_is_opened(
    tmp_path: Path, older: str
) -> None:
    store = _imported(tmp_path)
    days = _days(store)
    with store.transaction() as con:  # what an older Huddle left
        con.execute(older)
    store.close()
    version = _version(tmp_path)  # a reader cannot rebuild: it leaves the file as it is
    assert _version(tmp_path) == version
    reopened = Store(tmp_path / "t.duckdb")
    assert reopened.data_version() == version + 1  # rebuilt, in a write as an import's is
    assert days_rollup_current(reopened) and rollups_current(reopened)
    assert _days(reopened) == days
    assert reopened.scalar("SELECT rows_versions IS NOT NULL FROM rollup_state")


def _version(tmp_path: Path) -> int:
    with closing(Store(tmp_path / "t.duckdb", read_only=True)) as reader:
        return reader.data_version()


def test_a_file_with_current_rollups_or_none_is_opened_as_it_is(tmp_path: Path) -> None:
    _imported(tmp_path).close()
    version = _version(tmp_path)
    assert Store(tmp_path / "t.duckdb").data_version() == version
    Store(tmp_path / "empty.duckdb").close()
    empty = Store(tmp_path / "empty.duckdb")  # migrated when created: no rollups to rebuild
    assert empty.data_version() == Store(tmp_path / "empty.duckdb").data_version()
    assert not rollups_current(empty)


def test_orders_written_without_a_refresh_make_the_rollups_stale(tmp_path: Path) -> None:
    store = _imported(tmp_path)
    with store.transaction() as con:  # as the demo does until it refreshes them itself
        con.execute(
            "INSERT INTO orders SELECT 'R9', 1, DATE '2025-01-02', customer_id, rep_id,"
            " team_id, product_id, 1, 100, 0, 'completed' FROM orders WHERE order_id = 'R1'"
        )
    assert not rollups_current(store)
    with store.transaction() as con:
        refresh_rollups(con)
    assert rollups_current(store)
    assert _firsts(store)[0] == ("Acme", date(2025, 1, 2), date(2025, 4, 9))


def test_a_database_without_rollups_is_read_from_the_rows(tmp_path: Path) -> None:
    assert not rollups_current(Store(tmp_path / "empty.duckdb"))


def test_the_switch_forces_the_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ROLLUPS_ENV_VAR, "off")
    assert not rollups_enabled()
    monkeypatch.setenv(ROLLUPS_ENV_VAR, "on")
    assert rollups_enabled()


class _CountingStore(Store):
    """A store that keeps the SQL it runs, to show which checks ran."""

    ran: list[str]

    def scalar(self, sql: str, params: Params = None) -> Any:
        self.ran.append(sql)
        return super().scalar(sql, params)


def _reopened(path: Path) -> _CountingStore:
    store = _CountingStore(path)
    store.ran = []
    return store


def test_writes_that_name_other_tables_need_no_check_in_a_new_process(tmp_path: Path) -> None:
    # A logged call names its tables (activities, ...), none of them orders or customers: the
    # versions recorded with the rollups still hold, so a store opened afresh (a new app
    # process) takes the rollups as they are, without the fingerprint's pass over the rows.
    store = _imported(tmp_path)
    with store.transaction(touches=("activities", "audit_log")) as con:
        con.execute("CREATE TABLE scratch AS SELECT 1 AS x")
    store.close()
    fresh = _reopened(tmp_path / "t.duckdb")
    assert rollups_current(fresh)
    assert ROWS_FINGERPRINT not in fresh.ran
    fresh.close()


@pytest.mark.parametrize("touches", [None, ("orders",), ("customers", "activities")])
def test_a_write_that_may_change_the_rows_sends_a_new_process_to_the_fingerprint(
    tmp_path: Path, touches: tuple[str, ...] | None
) -> None:
    store = _imported(tmp_path)
    with store.transaction(touches=touches) as con:
        con.execute("CREATE TABLE scratch AS SELECT 1 AS x")
    store.close()
    fresh = _reopened(tmp_path / "t.duckdb")
    assert rollups_current(fresh)  # the rows did not change, as the fingerprint finds
    assert ROWS_FINGERPRINT in fresh.ran
    fresh.close()


def test_a_changed_order_after_a_named_write_is_still_found(tmp_path: Path) -> None:
    # A named write after the rebuild, then an order changed by a write that names no tables:
    # the recorded versions no longer hold, and the fingerprint finds the change.
    store = _imported(tmp_path)
    with store.transaction(touches=("activities",)) as con:
        con.execute("CREATE TABLE scratch AS SELECT 1 AS x")
    with store.transaction() as con:  # Acme's last order, R4, now 301
        con.execute("UPDATE orders SET net_amount_cents = 30100 WHERE order_id = 'R4'")
    store.close()
    assert not rollups_current(_reopened(tmp_path / "t.duckdb"))
