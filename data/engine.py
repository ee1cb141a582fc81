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
from data.store import Store

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
        from data.pg_store import PostgresStore

        return PostgresStore(str(where), read_only=read_only)
    return Store(Path(where), read_only=read_only)
