"""Which engine holds the data: a DuckDB file (the default) or a PostgreSQL server.

open_store() is the one way code outside the data layer opens Huddle's data; both stores answer
the same calls (query, rows, scalar, transaction, data_version). The error tuples let a caller
catch "the database refused" without caring which engine said it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from data.config import is_server_url, resolve_location
from data.errors import HuddleDataError
from data.store import Store, file_error

if TYPE_CHECKING:
    from data.pg_store import PostgresStore

# Any error the database itself raised (not one of Huddle's own sentences), and a row that
# broke a UNIQUE, PRIMARY KEY, FOREIGN KEY or CHECK constraint. psycopg needs the system's
# libpq: without it Huddle still runs on DuckDB files.
DatabaseError: tuple[type[Exception], ...] = (duckdb.Error,)
ConstraintViolation: tuple[type[Exception], ...] = (duckdb.ConstraintException,)
try:
    import psycopg
except ImportError:  # pragma: no cover - every machine that runs the tests has libpq
    pass
else:
    DatabaseError += (psycopg.Error,)
    ConstraintViolation += (psycopg.errors.IntegrityError,)


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
    raise TypeError(f"not a database error: {error!r}")  # a bug: only DatabaseError comes here


def is_duplicate_key(error: Exception) -> bool:
    """True when `error` is a PRIMARY KEY or UNIQUE refusal (both engines say "duplicate key"),
    as opposed to a foreign key or CHECK refusal."""
    return "duplicate key" in str(error).lower()
