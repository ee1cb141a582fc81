"""Numbered SQL migrations, applied in order at start-up and recorded in schema_version."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from data.errors import DatabaseNewerError
from data.table_versions import bump

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema step: its number, a short name and the SQL it runs."""

    version: int
    name: str
    sql: str


def available_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Every migration file in `directory`, sorted by number."""
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"Migration file {path.name} must be named like 0001_short_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2), path.read_text("utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"Two migrations share a number in {directory}")
    return found


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for a new file)."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS data_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)"
    )
    con.execute("INSERT INTO data_version VALUES (1, 0) ON CONFLICT DO NOTHING")
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def _has_table_versions(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_name = 'table_versions' AND table_schema = current_schema()"
    ).fetchone()
    return bool(row and row[0])


def migrate(con: duckdb.DuckDBPyConnection, migrations: list[Migration] | None = None) -> list[int]:
    """Apply pending migrations, each in its own transaction; return the versions applied.

    A migration that fails is rolled back whole, so the file stays at the last good version.
    """
    steps = available_migrations() if migrations is None else migrations
    have = current_version(con)
    newest = max((m.version for m in steps), default=0)
    if have > newest:
        raise DatabaseNewerError.of("db.newer", have=have, newest=newest)
    applied = []
    for step in steps:
        if step.version <= have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(step.sql)
            con.execute(
                "INSERT INTO schema_version (version, name) VALUES (?, ?)",
                [step.version, step.name],
            )
            if _has_table_versions(con):  # a new schema can change any answer
                bump(con, None)
            else:
                con.execute("UPDATE data_version SET version = version + 1 WHERE id = 1")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(step.version)
    return applied
