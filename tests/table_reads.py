"""What a request really reads, and what a write really changes: the evidence behind
data.table_versions' promises (a request that names its tables names every one it reads; a
write that names its tables names every one it changes).

`ReadingStore` wraps a real store and keeps the SQL of every read it runs; `tables_read`
names the tables in that SQL (a view stands for the tables it reads, followed to the end).
A word that only looks like a table's name (a column, a CTE) counts too: the check can only
say a request reads more than it does, never less. `table_hashes` sums each table's rows, so
comparing two of them names every table a write changed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from typing import Any

from data.pg_store import PostgresStore
from data.rollups import ROLLUP_TABLES
from data.store import Store
from data.table_versions import ANY

# Bookkeeping and rollups: written only by writes that name no tables (an import rebuilds the
# rollups), so every cache key carries their version already (table_versions.ANY).
KEYED_BY_ANY = frozenset({"data_version", "table_versions", "schema_version"}) | ROLLUP_TABLES


class ReadingStore:
    """A real store that keeps the SQL of each read (from any thread). Only the read calls
    are offered: a request that reaches for anything else fails here, so nothing is read
    unseen."""

    _OFFERED = frozenset({"path", "generation", "read_only", "data_version", "versions"})

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self.sql: list[str] = []

    def _keep(self, sql: str) -> None:
        with self._lock:
            self.sql.append(sql)

    def query(self, sql: str, params: Any = None) -> Any:
        self._keep(sql)
        return self._store.query(sql, params)

    def rows(self, sql: str, params: Any = None) -> Any:
        self._keep(sql)
        return self._store.rows(sql, params)

    def scalar(self, sql: str, params: Any = None) -> Any:
        self._keep(sql)
        return self._store.scalar(sql, params)

    def __getattr__(self, name: str) -> Any:
        if name not in self._OFFERED:
            raise AttributeError(f"ReadingStore offers no {name!r} (add it if it reads no table)")
        return getattr(self._store, name)


def _relations(store: Store) -> dict[str, str | None]:
    """Every table (None) and view (its SQL) in the database, by lower-case name."""
    found: dict[str, str | None] = {
        name.lower(): None
        for (name,) in store.rows(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    }
    for name, sql in store.rows("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal"):
        found[name.lower()] = sql
    return found


def tables_read(store: Store, statements: Iterable[str]) -> frozenset[str]:
    """The tables `statements` read, views followed to their tables."""
    relations = _relations(store)
    words = re.compile(r"\b(" + "|".join(map(re.escape, relations)) + r")\b", re.IGNORECASE)
    seen: set[str] = set()
    tables: set[str] = set()
    todo = list(statements)
    while todo:
        for match in words.finditer(todo.pop()):
            name = match.group(1).lower()
            if name in seen:
                continue
            seen.add(name)
            view_sql = relations[name]
            if view_sql is None:
                tables.add(name)
            else:
                todo.append(view_sql)
    return frozenset(tables)


def table_hashes(store: Store | PostgresStore) -> dict[str, str]:
    """Each table's row count and the sum of its rows' hashes: equal before and after a write
    unless the write changed that table."""
    names = [
        name
        for (name,) in store.rows(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    ]
    # A row's hash: DuckDB hashes a row; PostgreSQL hashes its text form.
    row_hash = "hashtext(t::text)::bigint" if store.engine == "postgres" else "hash(t)"
    summed = f"SELECT count(*) || ':' || coalesce(sum({row_hash}), 0) FROM \"{{}}\" t"
    return {name: str(store.scalar(summed.format(name))) for name in names}


# Bookkeeping every write moves.
_VERSIONS = frozenset({"data_version", "table_versions"})


def assert_each_write_names_what_it_changes(
    store: Store | PostgresStore,
    touches: frozenset[str],
    writes: Iterable[Callable[[], object]],
) -> None:
    """Run each write in turn: each must change something (or the check proves nothing),
    change no table outside `touches`, and move exactly the versions of `touches`."""
    tables = set(table_hashes(store))
    assert touches <= tables, f"no such tables: {sorted(touches - tables)}"
    for number, write in enumerate(writes, start=1):
        before = table_hashes(store), store.versions()
        write()
        after = table_hashes(store), store.versions()
        changed = {t for t in after[0] if after[0][t] != before[0].get(t)} - _VERSIONS
        assert changed, f"write {number} changed nothing: the check would prove nothing"
        assert changed <= touches, (
            f"write {number} changed {sorted(changed - touches)} without naming them"
        )
        moved = {t for t, v in after[1].tables.items() if v != before[1].tables.get(t, 0)}
        assert moved == set(touches), f"write {number}: exactly the named tables' versions move"
        assert after[1].tables[ANY] == before[1].tables[ANY]
