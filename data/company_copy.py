"""Moving a company between stores: a DuckDB file to a PostgreSQL server, back, or file to file.

copy_company(source, target) streams every table of Huddle's schema from one store into the
other, `CHUNK_ROWS` rows at a time (a million order lines are never in memory at once): out of
DuckDB with fetchmany, out of PostgreSQL from a server-side cursor; into PostgreSQL with COPY,
into DuckDB as a registered DataFrame chunk. Both stores are migrated already (open_store does
it) and must be at the same schema version.

The rules:
- The source is read as one moment (one snapshot), so a write landing meanwhile is either
  wholly in the copy or wholly out of it.
- Everything lands in ONE target transaction: a copy that fails half-way leaves the target as
  it was. The target must hold no company (refused, naming a table and its rows) unless
  `replace` says to empty it first, in the same transaction.
- Bookkeeping (schema_version, data_version, table_versions) is the target's own, and rollups
  are derived, so they are not copied: the rollups are rebuilt from the copied rows in the
  same transaction.
  Sequences (audit_log_ids) are set past the highest id copied, so the next row gets a new id.
  On PostgreSQL the copied tables are ANALYZEd after the commit: without statistics its
  planner treats them as empty and a customer-history KPI takes seconds, not milliseconds.
- The report gives each table's rows in the source (in the snapshot) and in the target (read
  back after the commit); metrics.company_totals checks the numbers themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from data.config import IN_MEMORY, is_server_url, resolve_location
from data.errors import HuddleDataError
from data.rollups import ROLLUP_TABLES, refresh_rollups

Progress = Callable[[float, str], None]
CHUNK_ROWS = 50_000
# The target's own bookkeeping, and rollups (derived from the rows, rebuilt after the copy).
NOT_COPIED = frozenset({"schema_version", "data_version", "table_versions"}) | ROLLUP_TABLES
_CHUNK_NAME = "huddle_copy_chunk"
_NEXTVAL = re.compile(r"nextval\('([A-Za-z_][A-Za-z0-9_]*)'")
_COLUMNS_SQL = (
    "SELECT c.table_name, c.column_name, c.column_default FROM information_schema.columns c"
    " JOIN information_schema.tables t"
    " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
    " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
    " ORDER BY c.table_name, c.ordinal_position"
)


class CopyConflict(HuddleDataError):
    """The target was written to after the version the copy was told to expect (staging's
    write-back): nothing was copied, nothing was lost."""


@dataclass(frozen=True)
class TableCount:
    """One table's rows in the source (at the copied moment) and in the target afterwards."""

    table: str
    source_rows: int
    target_rows: int


@dataclass(frozen=True)
class CopyReport:
    """What a copy did: each table's rows on both sides, and the source's data version at the
    moment copied."""

    source: str
    target: str
    tables: tuple[TableCount, ...]
    source_version: int

    @property
    def differences(self) -> list[TableCount]:
        """Tables whose row counts differ between source and target (none after a good copy)."""
        return [t for t in self.tables if t.source_rows != t.target_rows]


def location_name(store: Any) -> str:
    """How messages name a store: its file's path, or its server URL without the password."""
    return str(store.path)


def _identity(location: str | Path) -> tuple[str, ...]:
    where = resolve_location(location)
    if is_server_url(where):
        parts = urlsplit(str(where))
        return ("postgres", parts.hostname or "", str(parts.port or 5432), parts.path.strip("/"))
    return ("duckdb", str(Path(where).resolve()))


def same_location(first: str | Path, second: str | Path) -> bool:
    """True when two locations (DuckDB paths or postgresql:// URLs) name the same database: the
    same file, or the same database on the same server whoever signs in. Two in-memory
    databases are never the same."""
    if IN_MEMORY in (str(first), str(second)):
        return False
    return _identity(first) == _identity(second)


def _store_location(store: Any) -> str | Path:
    return store.url if store.engine == "postgres" else store.path


def schema_version(store: Any) -> int:
    """The highest migration applied to `store`."""
    return int(store.scalar("SELECT coalesce(max(version), 0) FROM schema_version") or 0)


def _schema(store: Any) -> tuple[dict[str, list[str]], dict[str, tuple[str, str]]]:
    """Each copied table's columns in order, and each sequence's (table, column) it fills."""
    tables: dict[str, list[str]] = {}
    sequences: dict[str, tuple[str, str]] = {}
    for table, column, default in store.rows(_COLUMNS_SQL):
        if table in NOT_COPIED:
            continue
        tables.setdefault(table, []).append(column)
        found = _NEXTVAL.search(str(default or ""))
        if found:
            sequences[found.group(1)] = (table, column)
    return tables, sequences


def _value(cur: Any, sql: str) -> Any:
    """The first value of a one-row query on a transaction's cursor, read to the end (DuckDB
    refuses more work on a cursor whose result was not read to its end)."""
    rows = cur.execute(sql).fetchall()
    return rows[0][0] if rows else None


def _count(cur: Any, table: str) -> int:
    return int(_value(cur, f'SELECT count(*) FROM "{table}"') or 0)


def _insert_duckdb(cur: Any, table: str, columns: list[str], chunk: list[tuple[Any, ...]]) -> None:
    # dtype=object keeps every value as the source gave it: a nullable BIGINT column would
    # otherwise become float64 and lose the low digits of a large id.
    frame = pd.DataFrame(chunk, columns=columns, dtype=object)
    names = ", ".join(f'"{c}"' for c in columns)
    cur.register(_CHUNK_NAME, frame)
    cur.execute(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM {_CHUNK_NAME}')
    # Not in a finally: after a refused row DuckDB refuses this too, hiding the real error.
    cur.unregister(_CHUNK_NAME)


def _advance_sequences(cur: Any, engine: str, sequences: dict[str, tuple[str, str]]) -> None:
    """Each sequence past the highest id copied into the column it fills."""
    for sequence, (table, column) in sequences.items():
        highest = int(_value(cur, f'SELECT max("{column}") FROM "{table}"') or 0)
        if highest <= 0:
            continue
        if engine == "postgres":
            _value(cur, f"SELECT setval('{sequence}', {highest})")
            continue
        # DuckDB has no setval: draw the values up to the highest once (ids are small counts).
        drawn = int(_value(cur, f"SELECT nextval('{sequence}')") or highest)
        if drawn < highest:
            _value(cur, f"SELECT max(nextval('{sequence}')) FROM range({highest - drawn})")


def copy_company(
    source: Any,
    target: Any,
    progress: Progress | None = None,
    *,
    replace: bool = False,
    expect_version: int | None = None,
) -> CopyReport:
    """Copy every table of Huddle's schema from `source` into `target` (each a Store or a
    PostgresStore, any direction) in one target transaction; see the module docstring.

    Refused with a HuddleDataError (nothing copied) when both are the same database, when their
    schema versions differ, or when the target holds a company and `replace` is off.
    `expect_version`: refuse with CopyConflict unless the target's data version is still that
    one when its transaction starts (staging's write-back: a save made meanwhile is not lost)."""
    tell: Progress = progress or (lambda _f, _m: None)
    source_name, target_name = location_name(source), location_name(target)
    if source is target or same_location(_store_location(source), _store_location(target)):
        raise HuddleDataError.of("db.copy_same", target=target_name)
    have, want = schema_version(source), schema_version(target)
    if have != want:
        raise HuddleDataError.of(
            "db.copy_schema_differs",
            source=source_name,
            target=target_name,
            source_version=have,
            target_version=want,
        )
    tables, sequences = _schema(target)
    with source.snapshot() as batches:
        version = _one(batches, "SELECT version FROM data_version WHERE id = 1")
        counts = {t: _one(batches, f'SELECT count(*) FROM "{t}"') for t in tables}
        total = max(sum(counts.values()), 1)
        with target.transaction() as cur:
            now = _value(cur, "SELECT version FROM data_version WHERE id = 1")
            if expect_version is not None and now != expect_version:
                raise CopyConflict.of("db.staged_conflict", target=target_name)
            for table in tables:
                if replace:
                    cur.execute(f'DELETE FROM "{table}"')
                elif rows := _count(cur, table):
                    raise HuddleDataError.of(
                        "db.copy_target_not_empty", target=target_name, rows=rows, table=table
                    )
            done = 0
            tell(0.0, "copying")
            for table, columns in tables.items():
                names = ", ".join(f'"{c}"' for c in columns)
                for chunk in batches(f'SELECT {names} FROM "{table}"', CHUNK_ROWS):
                    if target.engine == "postgres":
                        cur.copy_rows(table, columns, chunk)
                    else:
                        _insert_duckdb(cur, table, columns, chunk)
                    done += len(chunk)
                    tell(min(done / total, 0.99), table)
            _advance_sequences(cur, target.engine, sequences)
            refresh_rollups(cur)  # the rollups commit with the rows they summarise
    if target.engine == "postgres":  # statistics for the planner, or KPIs plan badly
        target.analyze([*tables, "customer_firsts"])
    counted = tuple(TableCount(t, counts[t], _count_store(target, t)) for t in tables)
    tell(1.0, "done")
    return CopyReport(source_name, target_name, counted, version)


def _one(batches: Callable[[str, int], Iterator[list[tuple[Any, ...]]]], sql: str) -> int:
    """The one whole number a query gives (read to its end, so its cursor is closed)."""
    rows = [row for chunk in batches(sql, 2) for row in chunk]
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _count_store(store: Any, table: str) -> int:
    return int(store.scalar(f'SELECT count(*) FROM "{table}"') or 0)
