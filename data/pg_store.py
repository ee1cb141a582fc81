"""The store on a PostgreSQL server: the same interface as data.store.Store, for many app
processes (and leads) sharing one database.

Every statement is written once, in DuckDB's dialect, and rewritten for PostgreSQL by
data.sql_dialect. Reads run on pooled connections in autocommit. Writes run in one
transaction that first locks the single row of data_version: writers queue one behind
another, as they do on a DuckDB file, so a submission id checked inside a write is checked
against every earlier commit of every process, and a double submit lands once across
processes too. Results come back as DuckDB gives them: whole numbers as int, decimals as
Decimal, JSON as its text, and a DataFrame's dates, numerics and nullable integers with
DuckDB's pandas types.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import pandas as pd
import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Loader
from psycopg.types.string import TextLoader
from psycopg_pool import ConnectionPool

from data import table_versions
from data.errors import HuddleDataError
from data.migrate import migrate
from data.sql_dialect import to_postgres

Params = Sequence[Any] | dict[str, Any] | None
POOL_ENV_VAR = "HUDDLE_PG_POOL_SIZE"
WORK_MEM_ENV_VAR = "HUDDLE_PG_WORK_MEM"
DEFAULT_WORK_MEM = "64MB"
_SIZE = re.compile(r"[1-9][0-9]{0,6}(kB|MB|GB)")
COMPAT_SQL = Path(__file__).resolve().parent / "pg_compat.sql"
# After the migrations: team_closure read from a materialised view (the file says why).
TEAM_CLOSURE_SQL = COMPAT_SQL.with_name("pg_team_closure.sql")
INDEXES_SQL = COMPAT_SQL.with_name("pg_indexes.sql")
_MIGRATION_LOCK = 7_031_997  # pg_advisory_lock key: one process migrates at a time
_NUMERIC, _DATE, _TIMESTAMP, _TIMESTAMPTZ = 1700, 1082, 1114, 1184
_INTEGERS, _FLOATS, _BOOL = (20, 21, 23), (700, 701), 16
_STREAMS = itertools.count()  # names of server-side cursors, unique in this process


CONNECT_TIMEOUT_S = 10


class ServerError(HuddleDataError):
    """The PostgreSQL server cannot be reached or refused a statement; the message says which."""


class _WholeOrDecimal(Loader):
    """numeric as DuckDB hands it back: a sum of whole numbers is an int, a decimal a Decimal."""

    def load(self, data: bytes | bytearray | memoryview) -> int | Decimal:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else Decimal(text)


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _plain(value: Any) -> Any:
    """A parameter psycopg can send: numpy and pandas scalars become Python ones."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _params(params: Params, names: tuple[str | None, ...]) -> Any:
    if not names:
        return None
    if isinstance(params, dict):
        return {key: _plain(value) for key, value in params.items()}
    return [_plain(value) for value in params or ()]


def _frame(rows: list[tuple[Any, ...]], description: Sequence[Any] | None) -> pd.DataFrame:
    """Rows as the DataFrame DuckDB's .df() would give for the same result."""
    columns = [column.name for column in description or ()]
    frame = pd.DataFrame.from_records(rows, columns=columns, coerce_float=False)
    for position, column in enumerate(description or ()):
        series = frame.iloc[:, position]
        oid = column.type_code
        if oid in (_DATE, _TIMESTAMP):
            frame.isetitem(position, pd.to_datetime(series).astype("datetime64[us]"))
        elif oid == _TIMESTAMPTZ:
            frame.isetitem(position, pd.to_datetime(series, utc=True))
        elif oid == _NUMERIC or oid in _FLOATS:
            frame.isetitem(position, pd.to_numeric(series, errors="coerce").astype("float64"))
        elif oid in _INTEGERS:
            nullable = series.isna().any() or series.empty
            frame.isetitem(position, series.astype("Int64" if nullable else "int64"))
        elif oid == _BOOL and not series.isna().any():
            frame.isetitem(position, series.astype(bool))
    return frame


def _typed_lists(text: str, params: Any) -> str:
    """A list parameter gets its array type in the SQL: psycopg sends a list of strings as an
    array of unknown type, which unnest() cannot resolve."""
    if not isinstance(params, dict):
        return text
    for name, value in params.items():
        if value is None:
            # A NULL parameter has no type PostgreSQL can infer in `$x IS NULL OR col = $x`
            # ("could not determine data type of parameter"): the literal NULL has one.
            text = text.replace(f"%({name})s", "NULL")
        if isinstance(value, list | tuple) and value:
            kind = "text[]" if all(isinstance(v, str) for v in value) else None
            if kind is None and all(isinstance(v, int) for v in value):
                kind = "bigint[]"
            if kind:
                text = text.replace(f"%({name})s", f"CAST(%({name})s AS {kind})")
    return text


class PgCursor:
    """A psycopg cursor that takes DuckDB's SQL and answers like a DuckDB cursor."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Params = None) -> Self:
        text, names = to_postgres(sql, True)
        if not names:
            text, _ = to_postgres(sql, False)
        values = _params(params, names)
        self._cursor.execute(_typed_lists(text, values), values)  # type: ignore[arg-type]
        return self

    def executemany(self, sql: str, rows: Sequence[Params]) -> Self:
        text, names = to_postgres(sql, True)
        self._cursor.executemany(text, [_params(row, names) for row in rows])  # type: ignore[arg-type]
        return self

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cursor.fetchall() if self._cursor.description else []

    def df(self) -> pd.DataFrame:
        return _frame(self.fetchall(), self._cursor.description)

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make `frame` readable as table `name` for this transaction, as DuckDB's register
        does (a temporary table, filled with COPY)."""
        columns = ", ".join(f'"{c}" TEXT' for c in frame.columns)
        self._cursor.execute(f'CREATE TEMP TABLE "{name}" ({columns}) ON COMMIT DROP')
        with self._cursor.copy(f'COPY "{name}" FROM STDIN') as copy:
            for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
                copy.write_row([None if v is None else str(v) for v in row])

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Append `rows` to `table` with COPY, in this cursor's transaction: the fast way in
        for a whole table (data.company_copy streams a company with it)."""
        names = ", ".join(f'"{c}"' for c in columns)
        with self._cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([_plain(value) for value in row])

    def close(self) -> None:
        self._cursor.close()


def _configure(conn: psycopg.Connection[Any]) -> None:
    # JSON comes back as its text and numeric as int-or-Decimal, as DuckDB returns them.
    conn.adapters.register_loader("json", TextLoader)
    conn.adapters.register_loader("jsonb", TextLoader)
    conn.adapters.register_loader("numeric", _WholeOrDecimal)
    # No JIT: the compiled KPI query is one large statement over small results, and the
    # planner's cost guess (the recursive team_closure view, tables not yet analysed) passes
    # jit_above_cost, so PostgreSQL spent 11 s compiling machine code for a query that runs in
    # 30 ms on the tiny company (EXPLAIN ANALYZE: JIT Optimization + Emission 11.1 s).
    conn.execute("SET jit = off")
    # Memory per sort or hash before it spills to disk. PostgreSQL's default (4MB) made the
    # Segments page's lifecycle-by-month statement (a median per customer and month end) take
    # 337 s at 1,000,000 order lines; 64MB: 5.1 s. Each connection of the pool may use it per
    # sort, so a small server can lower it (HUDDLE_PG_WORK_MEM, e.g. 16MB).
    conn.execute(f"SET work_mem = '{_work_mem()}'")


def _work_mem() -> str:
    """$HUDDLE_PG_WORK_MEM when it is a size PostgreSQL reads (e.g. 64MB), else 64MB."""
    chosen = os.environ.get(WORK_MEM_ENV_VAR, DEFAULT_WORK_MEM).strip()
    return chosen if _SIZE.fullmatch(chosen) else DEFAULT_WORK_MEM


class PostgresStore:
    """Huddle's schema in a PostgreSQL database, safe to share between threads and processes."""

    engine = "postgres"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.path = redacted(url)  # what messages name, as they name a DuckDB file's path
        self.read_only = read_only
        size = int(os.environ.get(POOL_ENV_VAR, "8"))
        # One plain connection first: a server that is down or refuses the login says why at
        # once, instead of the pool retrying in the background until its timeout.
        try:
            psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S).close()
        except psycopg.Error as error:
            raise ServerError.of(
                "db.server_unreachable", url=self.path, detail=_detail(error)
            ) from None
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max(size, 1),
            kwargs={"autocommit": True},
            configure=_configure,
            open=False,
            name="huddle",
        )
        try:
            self._pool.open(wait=True, timeout=10)
        except Exception as error:  # psycopg's refusal, or the pool's own timeout
            self._pool.close()
            detail = _detail(error)
            raise ServerError.of("db.server_unreachable", url=self.path, detail=detail) from None
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        with self._pool.connection() as conn:
            cur = PgCursor(conn.cursor())
            # Two app processes starting together must not both apply the same migration.
            cur.execute(f"SELECT pg_advisory_lock({_MIGRATION_LOCK})")
            try:
                # Raw PostgreSQL, not DuckDB's dialect: it defines what the rewrite relies on.
                conn.execute(COMPAT_SQL.read_text("utf-8"))
                migrate(cur)  # type: ignore[arg-type]
                conn.execute(TEAM_CLOSURE_SQL.read_text("utf-8"))
                conn.execute(INDEXES_SQL.read_text("utf-8"))
            finally:
                cur.execute(f"SELECT pg_advisory_unlock({_MIGRATION_LOCK})")

    def _run(self, sql: str, params: Params, fetch: str) -> Any:
        try:
            with self._pool.connection() as conn:
                cur = PgCursor(conn.cursor()).execute(sql, params)
                return cur.df() if fetch == "df" else cur.fetchall()
        except psycopg.OperationalError as error:
            raise ServerError.of("db.server_error", url=self.path, detail=_detail(error)) from None

    def query(self, sql: str, params: Params = None) -> pd.DataFrame:
        """Run a read query and return its (small, aggregated) result."""
        return self._run(sql, params, "df")

    def rows(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        """Run a read query and return plain tuples."""
        return self._run(sql, params, "rows")

    def scalar(self, sql: str, params: Params = None) -> Any:
        """Run a query that returns one value."""
        result = self.rows(sql, params)
        return result[0][0] if result else None

    @contextmanager
    def transaction(self, touches: Iterable[str] | None = None) -> Iterator[PgCursor]:
        """One write: all of it commits, or none of it does; bumps the data version and the
        versions of the tables it `touches` (None: any; see data.table_versions).

        The data_version row is locked first, so writes from every process queue one behind
        another (as on a DuckDB file) and each sees every earlier commit."""
        from data.store import WriteConflict, count_write

        if self.read_only:
            raise ServerError.of("db.server_read_only", url=self.path)
        try:
            with self._pool.connection() as conn, conn.transaction():
                cur = PgCursor(conn.cursor())
                cur.execute("SELECT version FROM data_version WHERE id = 1 FOR UPDATE")
                yield cur
                table_versions.bump(cur, touches)
        except (pg_errors.SerializationFailure, pg_errors.DeadlockDetected) as error:
            raise WriteConflict.of("db.write_conflict", detail=_detail(error)) from error
        except psycopg.OperationalError as error:
            raise ServerError.of("db.server_error", url=self.path, detail=_detail(error)) from None
        finally:
            count_write()

    def analyze(self, tables: Iterable[str]) -> None:
        """Refresh the planner's statistics of `tables` after a bulk load (data.company_copy):
        until autovacuum gets to them PostgreSQL plans as if they were nearly empty, and a
        customer-history KPI takes seconds instead of milliseconds."""
        with self._pool.connection() as conn:
            for table in tables:
                conn.execute(f'ANALYZE "{table}"')  # type: ignore[arg-type]

    generation = 0  # a server connection is never reopened onto another database

    def data_version(self) -> int:
        """A number that changes whenever data is written: the key for every cache."""
        return int(self.scalar("SELECT version FROM data_version WHERE id = 1") or 0)

    def versions(self) -> table_versions.Versions:
        """The data version and every table's version, in one read."""
        return table_versions.Versions.from_rows(self.rows(table_versions.READ_SQL))

    @contextmanager
    def snapshot(self) -> Iterator[Callable[[str, int], Iterator[list[tuple[Any, ...]]]]]:
        """Reads that all see one moment (a REPEATABLE READ, read-only transaction): yields
        batches(sql, size), which streams a query's rows `size` at a time from a server-side
        cursor, so a table of a million rows is never in memory at once."""

        def batches(sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
            with conn.cursor(name=f"huddle_stream_{next(_STREAMS)}") as cur:
                cur.execute(sql)  # type: ignore[arg-type]  # PostgreSQL's own text, no params
                while chunk := cur.fetchmany(size):
                    yield chunk

        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield batches

    def is_empty(self) -> bool:
        """True when the database has no order, deal or activity yet."""
        return not self.scalar(
            "SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM deals)"
            " + (SELECT count(*) FROM activities)"
        )

    def close(self) -> None:
        """Close every pooled connection; the store cannot be used afterwards."""
        self._pool.close()


def _detail(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
