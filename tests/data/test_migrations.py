"""Migrations: a new file gets the whole schema; an older file is upgraded with its data kept."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from data.errors import DatabaseNewerError
from data.migrate import Migration, available_migrations, current_version, migrate
from data.store import Store


def test_new_database_gets_every_migration(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.duckdb")
    versions = [row[0] for row in store.rows("SELECT version FROM schema_version ORDER BY 1")]
    assert versions == [m.version for m in available_migrations()]
    tables = {row[0] for row in store.rows("SELECT table_name FROM information_schema.tables")}
    assert {"teams", "reps", "customers", "products", "orders", "deals", "activities"} <= tables
    assert {"feedback", "targets", "reviews", "team_closure", "team_roots"} <= tables


def test_upgrade_from_version_one_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    first = [m for m in available_migrations() if m.version == 1]
    assert migrate(con, first) == [1]
    con.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', NULL)")
    con.execute("INSERT INTO teams VALUES (2, 'Store A', 1, 'retail', NULL)")
    con.close()

    store = Store(path)  # opening runs the pending migrations
    assert store.scalar("SELECT max(version) FROM schema_version") == max(
        m.version for m in available_migrations()
    )
    assert store.rows("SELECT team_id, name FROM teams ORDER BY 1") == [
        (1, "Retail"),
        (2, "Store A"),
    ]
    # the view added by migration 2 sees the old rows
    assert store.rows("SELECT root_id FROM team_roots WHERE team_id = 2") == [(1,)]


def test_a_failing_migration_leaves_the_file_at_the_last_good_version(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "f.duckdb"))
    steps = [
        Migration(1, "ok", "CREATE TABLE a (x INTEGER);"),
        Migration(2, "broken", "CREATE TABLE b (x INTEGER); SELECT * FROM missing_table;"),
    ]
    with pytest.raises(duckdb.CatalogException):
        migrate(con, steps)
    assert current_version(con) == 1
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert "b" not in tables


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "n.duckdb"))
    migrate(con, [Migration(1, "a", "SELECT 1;"), Migration(2, "b", "SELECT 1;")])
    with pytest.raises(DatabaseNewerError, match="newer than this Huddle"):
        migrate(con, [Migration(1, "a", "SELECT 1;")])
