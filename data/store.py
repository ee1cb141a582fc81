"""The store: one DuckDB connection per process, a cursor per query, writes serialized.

Streamlit shares one Store across every session, so reads never reuse a cursor and writes
take a lock and run in one transaction, so nothing is ever half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from data.config import resolve_db_path
from data.errors import DatabaseLockedError
from data.migrate import migrate

Params = Sequence[Any] | dict[str, Any] | None


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text


def _is_invalidated(error: Exception) -> bool:
    return "database has been invalidated" in str(error)


class Store:
    """A DuckDB file with Huddle's schema, safe to share between threads."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = resolve_db_path(path)
        self.read_only = read_only
        self._write_lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._con = self._open()

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.IOException as error:
            if _is_lock_error(error):
                raise DatabaseLockedError(self.path, str(error)) from None
            raise
        if not self.read_only:
            migrate(con)
        return con

    def _reopen(self, broken: duckdb.DuckDBPyConnection) -> None:
        # After a fatal error DuckDB refuses every further call on that connection.
        with self._open_lock:
            if self._con is broken:
                with suppress(duckdb.Error):
                    broken.close()
                self._con = self._open()

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        return self._con.cursor()

    def query(self, sql: str, params: Params = None) -> pd.DataFrame:
        """Run a read query on a fresh cursor and return its (small, aggregated) result."""
        con = self._con
        try:
            return con.cursor().execute(sql, params).df()
        except duckdb.Error as error:
            if not _is_invalidated(error):
                raise
            self._reopen(con)
            return self._cursor().execute(sql, params).df()

    def rows(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        """Run a read query and return plain tuples."""
        con = self._con
        try:
            return con.cursor().execute(sql, params).fetchall()
        except duckdb.Error as error:
            if not _is_invalidated(error):
                raise
            self._reopen(con)
            return self._cursor().execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Params = None) -> Any:
        """Run a query that returns one value."""
        result = self.rows(sql, params)
        return result[0][0] if result else None

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Serialize a write: all of it commits, or none of it does; bumps the data version."""
        with self._write_lock:
            cur = self._cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                cur.execute("UPDATE data_version SET version = version + 1 WHERE id = 1")
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def data_version(self) -> int:
        """A number that changes whenever data is written: the key for every cache."""
        return int(self.scalar("SELECT version FROM data_version WHERE id = 1") or 0)

    def is_empty(self) -> bool:
        """True when the file has no order, deal or activity yet."""
        return not self.scalar(
            "SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM deals)"
            " + (SELECT count(*) FROM activities)"
        )

    def close(self) -> None:
        """Close the connection; the Store cannot be used afterwards."""
        self._con.close()
