"""Which engine holds the data: a DuckDB file (the default) or a PostgreSQL server.

open_store() is the one way code outside the data layer opens Huddle's data; both stores answer
the same calls (query, rows, scalar, transaction, data_version). database_errors() and
constraint_violations() let a caller catch "the database refused" without caring which engine
said it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from data.config import is_server_url, resolve_location
from data.errors import HuddleDataError
from data.store import Store, file_error

if TYPE_CHECKING:
    from data.pg_store import PostgresStore


# The errors the database itself raised (not one of Huddle's own sentences), and a row that
# broke a UNIQUE, PRIMARY KEY, FOREIGN KEY or CHECK constraint. They are functions, called as
# `except database_errors():`, because Python works out an except clause's tuple only when an
# error reaches it: a psycopg error can only come once psycopg is loaded (data/pg_store.py
# loads it), so a process on a DuckDB file never imports it (0.14 s of every fresh start).
def database_errors() -> tuple[type[Exception], ...]:
    """DuckDB's error root, and psycopg's when PostgreSQL's driver is loaded."""
    psycopg = sys.modules.get("psycopg")
    return (duckdb.Error,) if psycopg is None else (duckdb.Error, psycopg.Error)


def constraint_violations() -> tuple[type[Exception], ...]:
    """A broken constraint in DuckDB, and in PostgreSQL when its driver is loaded."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return (duckdb.ConstraintException,)
    return (duckdb.ConstraintException, psycopg.errors.IntegrityError)


def open_store(
    location: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Store | PostgresStore:
    """The store at `location` (a DuckDB path or a postgresql:// URL; by default the one the
    environment names), migrated to the current schema unless read-only."""
    where = resolve_location(location)
    if is_server_url(where):
        try:
            from data.pg_store import PostgresStore
        except ImportError as error:  # psycopg without the system's libpq
            raise HuddleDataError.of("db.no_postgres_client", detail=str(error)) from None
        return PostgresStore(str(where), read_only=read_only)
    return Store(Path(where), read_only=read_only)


def database_error(location: str | os.PathLike[str] | None, error: Exception) -> HuddleDataError:
    """The database's own complaint (DuckDB's or PostgreSQL's) as one of Huddle's sentences,
    naming the file or the server (without its password) it came from."""
    where = resolve_location(location)
    if is_server_url(where):
        import psycopg  # a PostgreSQL error came, so its driver is there

        from data.pg_store import ServerError, redacted

        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        url = redacted(str(where))
        if isinstance(error, psycopg.OperationalError):  # the connection, not the statement
            return ServerError.of("db.server_error", url=url, detail=detail)
        return ServerError.of("db.error", path=url, detail=detail)
    if isinstance(error, duckdb.Error):
        return file_error(Path(where), error, opening=False)
    raise TypeError(f"not a database error: {error!r}")  # a bug: only database_errors() come here


def is_duplicate_key(error: Exception) -> bool:
    """True when `error` is a PRIMARY KEY or UNIQUE refusal (both engines say "duplicate key"),
    as opposed to a foreign key or CHECK refusal."""
    return "duplicate key" in str(error).lower()
