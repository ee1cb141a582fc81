"""Moving a company between engines (data/company_copy.py, `cli.py copy`): a DuckDB file to a
real PostgreSQL server and back, checked by every table's rows, every value, and the KPI
totals to the cent; refusals and failures leave the target as it was."""

from __future__ import annotations

from pathlib import Path

import duckdb
import psycopg
import pytest

import cli
from data import audit
from data.company_copy import NOT_COPIED, CopyConflict, copy_company, same_location
from data.engine import constraint_violations
from data.errors import HuddleDataError
from data.migrate import available_migrations, migrate
from data.pg_store import PostgresStore
from data.store import Store
from metrics.company_totals import company_totals
from tests.conftest import DEMO_END
from tests.metrics.fixture import build_tiny_company

# The tiny company's totals over all history, worked out from tests/metrics/fixture.py:
# revenue = Sep 225.50 + Oct 370.50 + Nov 841.00 = 1,437.00 -> 143,700 cents;
# cost of the completed lines = 125.00 + 210.00 + 480.00 = 815.00, so gross margin 622.00;
# returns = N-06's returned Vase line, 80.50; completed orders 3 + 4 + 8 = 15; all six
# customers bought (and each is new once); won deals D-1, D-2, D-5, D-8 = 500 + 200 + 150 +
# 300 = 1,150.00; deals created 8; activities 6.
TINY_TOTALS = {
    "revenue": 143_700, "gross_margin": 62_200, "returns_value": 8_050, "orders": 15,
    "active_customers": 6, "new_customers": 6, "won_deals": 4, "won_value": 115_000,
    "new_deals": 8, "activities": 6,
}  # fmt: skip


def _tables() -> set[str]:
    """Every table the migrations create (a fresh file's), less what is not copied."""
    store = Store(":memory:")
    try:
        names = {r[0] for r in store.rows("SELECT table_name FROM duckdb_tables()")}
    finally:
        store.close()
    return names - NOT_COPIED


def _counts(store: Store | PostgresStore, tables: set[str]) -> dict[str, int]:
    return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in sorted(tables)}


def _tiny(path: Path) -> Store:
    store = Store(path)
    build_tiny_company(store)
    return store


def test_totals_of_the_tiny_company_are_the_hand_worked_ones(tmp_path: Path) -> None:
    store = _tiny(tmp_path / "tiny.duckdb")
    assert company_totals(store) == TINY_TOTALS
    store.close()


def test_demo_to_postgres_and_back_keeps_every_row_value_and_total(
    demo_db_path: Path, postgres_url: str, tmp_path: Path
) -> None:
    tables = _tables()
    source = Store(demo_db_path, read_only=True)
    server = PostgresStore(postgres_url)
    back_path = tmp_path / "back.duckdb"
    back = Store(back_path)
    seen: list[float] = []
    there = copy_company(source, server, lambda fraction, _m: seen.append(fraction))
    again = copy_company(server, back)

    # Every table of the schema is copied, each with as many rows on all three.
    assert {t.table for t in there.tables} == tables
    assert there.differences == [] and again.differences == []
    counts = _counts(source, tables)
    assert counts["orders"] > 0 and counts["audit_log"] > 0 and counts["reviews"] > 0
    assert _counts(server, tables) == counts == _counts(back, tables)
    # The same compiled KPI SQL on both engines gives the same totals, to the cent.
    totals = company_totals(source, DEMO_END)
    assert totals["revenue"] > 0
    assert company_totals(server, DEMO_END) == totals == company_totals(back, DEMO_END)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    # The sequence continues past the copied ids: the next audit row is max + 1 on both.
    highest = int(source.scalar("SELECT max(audit_id) FROM audit_log"))
    for store in (server, back):
        with store.transaction() as cur:
            new_id = audit.record(cur, None, "import.replace", "company", None, None)
        assert new_id == highest + 1
    for store in (source, server, back):
        store.close()

    # Value for value, the file that went through PostgreSQL is the file it came from (JSON,
    # lists, doubles, dates and timestamps included), less the one audit row added above.
    con = duckdb.connect()
    con.execute(f"ATTACH '{demo_db_path}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{back_path}' AS b (READ_ONLY)")
    for table in sorted(tables):
        extra = f"SELECT count(*) FROM (FROM b.{table} EXCEPT ALL FROM a.{table})"
        missing = f"SELECT count(*) FROM (FROM a.{table} EXCEPT ALL FROM b.{table})"
        assert con.execute(missing).fetchall()[0][0] == 0, table
        assert con.execute(extra).fetchall()[0][0] == (1 if table == "audit_log" else 0), table
    con.close()


def test_a_target_holding_a_company_is_refused_and_left_as_it_was(
    tmp_path: Path, postgres_url: str
) -> None:
    source = _tiny(tmp_path / "tiny.duckdb")
    server = PostgresStore(postgres_url)
    copy_company(source, server)
    tables = _tables()
    counts, version = _counts(server, tables), server.data_version()
    with pytest.raises(HuddleDataError) as refused:
        copy_company(source, server)
    assert refused.value.key == "db.copy_target_not_empty"
    assert "Nothing was copied" in str(refused.value)
    assert _counts(server, tables) == counts and server.data_version() == version
    # --replace empties it first, in the same transaction: the same company once, not twice.
    copy_company(source, server, replace=True)
    assert _counts(server, tables) == counts
    source.close()
    server.close()


def test_the_same_database_and_different_schema_versions_are_refused(tmp_path: Path) -> None:
    store = _tiny(tmp_path / "tiny.duckdb")
    with pytest.raises(HuddleDataError) as same:
        copy_company(store, store)
    assert same.value.key == "db.copy_same"
    assert same_location("postgresql://a:x@db:5432/huddle", "postgresql://b@db/huddle")
    assert not same_location("postgresql://db/huddle", "postgresql://db/other")
    # A file one migration behind (opened read-only, so not brought up to date) has other tables.
    older = tmp_path / "older.duckdb"
    con = duckdb.connect(str(older))
    migrate(con, available_migrations()[:-1])
    con.close()
    behind = Store(older, read_only=True)
    with pytest.raises(HuddleDataError) as differs:
        copy_company(behind, store)
    assert differs.value.key == "db.copy_schema_differs"
    newest = available_migrations()[-1].version
    assert differs.value.values["target_version"] == newest
    assert differs.value.values["source_version"] < newest
    behind.close()
    store.close()


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_a_copy_that_fails_midway_leaves_the_target_empty(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    source = _tiny(tmp_path / "tiny.duckdb")
    target: Store | PostgresStore
    if engine == "postgres":
        target = PostgresStore(request.getfixturevalue("postgres_url"))
        # The server refuses the orders' 20th row (N-09 line 2, the last of 20 lines): teams,
        # reps, customers and most orders are in by then.
        target.rows("ALTER TABLE orders ADD CONSTRAINT refuse CHECK (order_id <> 'N-09')")
    else:
        target = Store(tmp_path / "target.duckdb")
        # Two order lines share a status, so the second refuses: the 1st row goes in first.
        target.rows("CREATE UNIQUE INDEX refuse ON orders (status)")
    tables = _tables()
    version = target.data_version()
    with pytest.raises(constraint_violations()):
        copy_company(source, target)
    assert set(_counts(target, tables).values()) == {0}
    assert target.data_version() == version
    source.close()
    target.close()


def test_a_write_back_expecting_another_version_is_refused(tmp_path: Path) -> None:
    source = _tiny(tmp_path / "tiny.duckdb")
    target = Store(tmp_path / "target.duckdb")
    version = target.data_version()
    with pytest.raises(CopyConflict) as moved:
        copy_company(source, target, replace=True, expect_version=version - 1)
    assert moved.value.key == "db.staged_conflict"
    assert target.is_empty() and target.data_version() == version
    source.close()
    target.close()


def test_cli_copy_prints_both_sides_and_refuses_a_second_copy(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tiny.duckdb"
    _tiny(path).close()
    assert cli.main(["copy", "--from", str(path), "--to", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "every table's rows and every KPI total are the same on both sides" in out
    # orders: 20 lines on both sides; revenue 143,700 cents on both (see TINY_TOTALS).
    assert any(line.split() == ["orders", "20", "20"] for line in out.splitlines())
    assert any(line.split() == ["revenue", "143,700", "143,700"] for line in out.splitlines())
    assert cli.main(["copy", "--from", str(path), "--to", postgres_url]) == 2
    err = capsys.readouterr().err
    assert "already holds a company" in err and "Nothing was copied" in err
    # And back into a new file.
    back = tmp_path / "back.duckdb"
    assert cli.main(["copy", "--from", postgres_url, "--to", str(back)]) == 0
    store = Store(back, read_only=True)
    assert company_totals(store) == TINY_TOTALS
    store.close()
    assert cli.main(["copy", "--from", str(path), "--to", str(path)]) == 2
    assert "same database" in capsys.readouterr().err


def test_cli_copy_exits_non_zero_when_the_target_does_not_match(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server that silently drops rows (a trigger skipping order N-09) gives a copy that
    commits but differs: the command says so and exits 1. By hand: N-09 has 2 of the 20 lines
    (line 1 completed, a Bowl at 25.00 costing 15.00; line 2 cancelled), so the target has 18
    lines, 14 orders, revenue 1,437.00 - 25.00 = 1,412.00 and gross margin 622.00 - 10.00."""
    path = tmp_path / "tiny.duckdb"
    _tiny(path).close()
    PostgresStore(postgres_url).close()  # migrated, so the trigger has its table
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION skip_n09() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF NEW.order_id = 'N-09' THEN RETURN NULL; END IF; RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER skip_n09 BEFORE INSERT ON orders FOR EACH ROW"
            " EXECUTE FUNCTION skip_n09()"
        )
    assert cli.main(["copy", "--from", str(path), "--to", postgres_url]) == 1
    captured = capsys.readouterr()
    lines = [line.split() for line in captured.out.splitlines()]
    assert ["orders", "20", "18", "<-", "differs"] in lines
    assert ["orders", "15", "14", "<-", "differs"] in lines  # the KPI
    assert ["revenue", "143,700", "141,200", "<-", "differs"] in lines
    assert ["gross_margin", "62,200", "61,200", "<-", "differs"] in lines
    assert "differs from" in captured.err and "Do not use the copy" in captured.err
