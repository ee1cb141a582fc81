"""The store: one DuckDB connection per process, a cursor per query, writes serialized.

Streamlit shares one Store across every session, so reads never reuse a cursor and writes
take a lock and run in one transaction, so nothing is ever half-written.

The file is watched: every read and write first checks that the path still names the file
that was opened (its device and inode). A file replaced (or removed) under the running app is
noticed: reads reopen the path, and a write is refused with a sentence (nothing was saved)
instead of landing in the old, unlinked file where it would be acknowledged and lost. DuckDB's
own errors about the file (not a database, a WAL that belongs to another file, a database
invalidated by a fatal error) become DatabaseFileError, whose message says what to do.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from data import table_versions
from data.config import IN_MEMORY, resolve_db_path
from data.errors import DatabaseLockedError, HuddleDataError
from data.migrate import migrate
from data.rollups import upgrade_rollups

Params = Sequence[Any] | dict[str, Any] | None
# data_version() adds this per reopening, so a cache keyed on it never mixes two files.
_GENERATION_STEP = 10**12
_writes = 0  # transactions ended in this process, by any store (see writes_in_this_process)
_writes_lock = threading.Lock()


def count_write() -> None:
    """A store's transaction ended (committed or rolled back): called by both engines."""
    global _writes
    with _writes_lock:
        _writes += 1


def writes_in_this_process() -> int:
    """How many transactions any store of this process has ended: a data version read
    earlier (components.cache keeps one for a moment) is stale once this has moved."""
    return _writes


class DatabaseFileError(HuddleDataError):
    """The database file cannot be used as it is: not a database, a WAL of another file, a
    file replaced or removed while open, or a fatal error. The message says what to do."""


class WriteConflict(HuddleDataError):
    """Another connection changed the same rows at the same moment; nothing was saved."""


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text


def _is_invalidated(error: Exception) -> bool:
    return "database has been invalidated" in str(error)


def _detail(error: Exception) -> str:
    """DuckDB's message, first line, for the end of a sentence of ours."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def file_error(path: Path, error: duckdb.Error, *, opening: bool = True) -> HuddleDataError:
    """DuckDB's complaint about the file at `path` as a message in words; one that is not
    about the file itself is said as an error of the database (`opening` False: while in use)."""
    text = str(error)
    if _is_lock_error(error):
        return DatabaseLockedError(path, text)
    if "not a valid DuckDB database file" in text:
        return DatabaseFileError.of("db.not_database", path=str(path))
    if "WAL" in text and ("does not match" in text or "replaying" in text):
        return DatabaseFileError.of("db.wal_mismatch", path=str(path), wal=f"{path}.wal")
    if _is_invalidated(error):
        return DatabaseFileError.of("db.invalidated", path=str(path), detail=_detail(error))
    key = "db.cannot_open" if opening else "db.error"
    return DatabaseFileError.of(key, path=str(path), detail=_detail(error))


def _identity(path: Path) -> tuple[int, int] | None:
    """The file the path names now (device, inode), or None when there is none."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


class Store:
    """A DuckDB file with Huddle's schema, safe to share between threads."""

    engine = "duckdb"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = resolve_db_path(path)
        self.read_only = read_only
        self._write_lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._generation = 0
        self._file: tuple[int, int] | None = None
        self._con = self._open()

    @property
    def _in_memory(self) -> bool:
        return str(self.path) == IN_MEMORY

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.read_only and not self._in_memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as error:
            raise file_error(self.path, error) from None
        try:
            if not self._in_memory and not self._file_backed(con):
                # DuckDB opens a .csv/.tsv "database" as views in memory: whatever Huddle
                # wrote there would be acknowledged and lost when the program ends.
                raise DatabaseFileError.of("db.not_database", path=str(self.path))
            if not self.read_only:
                migrate(con)
                upgrade_rollups(con)
        except BaseException:
            con.close()
            raise
        self._file = None if self._in_memory else _identity(self.path)
        return con

    @staticmethod
    def _file_backed(con: duckdb.DuckDBPyConnection) -> bool:
        row = con.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()
        return bool(row and row[0])

    def _reopen(self, broken: duckdb.DuckDBPyConnection) -> None:
        # After a fatal error DuckDB refuses every further call on that connection; after the
        # file was replaced, the connection still reads the old one. Closing it checkpoints
        # into the old file and removes the WAL, which would not match the new file.
        with self._open_lock:
            if self._con is broken:
                with suppress(duckdb.Error):
                    broken.close()
                self._generation += 1
                self._con = self._open()

    def _replaced(self) -> bool:
        """True when the path no longer names the file this Store opened."""
        return not self._in_memory and _identity(self.path) != self._file

    def _current(self) -> duckdb.DuckDBPyConnection:
        """The connection for a read: reopened first if the file was replaced."""
        con = self._con
        if self._replaced():
            if _identity(self.path) is None:
                raise DatabaseFileError.of("db.gone", path=str(self.path))
            self._reopen(con)
        return self._con

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        return self._con.cursor()

    def _read(self, sql: str, params: Params, fetch: str) -> Any:
        con = self._current()
        try:
            result = con.cursor().execute(sql, params)
            return result.df() if fetch == "df" else result.fetchall()
        except duckdb.Error as error:
            if not _is_invalidated(error):
                raise
            self._reopen(con)
        try:
            result = self._cursor().execute(sql, params)
            return result.df() if fetch == "df" else result.fetchall()
        except duckdb.Error as error:
            if _is_invalidated(error):
                raise file_error(self.path, error) from None
            raise

    def query(self, sql: str, params: Params = None) -> pd.DataFrame:
        """Run a read query on a fresh cursor and return its (small, aggregated) result."""
        return self._read(sql, params, "df")

    def rows(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        """Run a read query and return plain tuples."""
        return self._read(sql, params, "rows")

    def scalar(self, sql: str, params: Params = None) -> Any:
        """Run a query that returns one value."""
        result = self.rows(sql, params)
        return result[0][0] if result else None

    def _refuse_if_replaced(self) -> None:
        """Refuse a write to a file that is no longer at the path; reopen for what follows."""
        if not self._replaced():
            return
        gone = _identity(self.path) is None
        if not gone:
            with suppress(HuddleDataError):  # the new file may be unusable: said on next read
                self._reopen(self._con)
        raise DatabaseFileError.of("db.gone" if gone else "db.replaced", path=str(self.path))

    @contextmanager
    def transaction(
        self, touches: Iterable[str] | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """Serialize a write: all of it commits, or none of it does; bumps the data version,
        and the versions of the tables it `touches` (None: it may change any table; see
        data.table_versions).

        Refused (DatabaseFileError, nothing written) when the file was replaced or removed
        since it was opened, checked before the write starts and again just before it commits.
        A commit that collides with another connection's write raises WriteConflict."""
        with self._write_lock:
            self._refuse_if_replaced()
            cur = self._cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                table_versions.bump(cur, touches)
                if self._replaced():  # swapped while writing: the old file must not get it
                    raise DatabaseFileError.of("db.replaced", path=str(self.path))
                cur.execute("COMMIT")
            except BaseException as error:
                with suppress(duckdb.Error):  # an invalidated database cannot roll back
                    cur.execute("ROLLBACK")
                if isinstance(error, duckdb.TransactionException):
                    raise WriteConflict.of("db.write_conflict", detail=_detail(error)) from error
                if isinstance(error, duckdb.Error) and _is_invalidated(error):
                    raise file_error(self.path, error) from error
                raise
            finally:
                cur.close()
                count_write()

    @property
    def generation(self) -> int:
        """How many times this store has reopened its file (replaced, or invalidated)."""
        return self._generation

    def data_version(self) -> int:
        """A number that changes whenever data is written (or the file is reopened): the key
        for every cache."""
        version = int(self.scalar("SELECT version FROM data_version WHERE id = 1") or 0)
        return self._generation * _GENERATION_STEP + version

    def versions(self) -> table_versions.Versions:
        """The data version and every table's version, in one read (each plus this store's
        reopenings, as data_version)."""
        rows = self.rows(table_versions.READ_SQL)
        return table_versions.Versions.from_rows(rows, self._generation * _GENERATION_STEP)

    @contextmanager
    def snapshot(self) -> Iterator[Callable[[str, int], Iterator[list[tuple[Any, ...]]]]]:
        """Reads that all see one moment (one transaction, rolled back after): yields
        batches(sql, size), which streams a query's rows `size` at a time (fetchmany), so a
        table of a million rows is never in memory at once."""
        cur = self._current().cursor()

        def batches(sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
            result = cur.execute(sql)
            while chunk := result.fetchmany(size):
                yield chunk

        cur.execute("BEGIN TRANSACTION")
        try:
            yield batches
        finally:
            with suppress(duckdb.Error):
                cur.execute("ROLLBACK")
            cur.close()

    def is_empty(self) -> bool:
        """True when the file has no order, deal or activity yet."""
        return not self.scalar(
            "SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM deals)"
            " + (SELECT count(*) FROM activities)"
        )

    def close(self) -> None:
        """Close the connection; the Store cannot be used afterwards."""
        self._con.close()
