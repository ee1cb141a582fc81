"""Where the DuckDB file lives."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV_VAR = "HUDDLE_DB"
# A PostgreSQL server instead of a DuckDB file: postgresql://user:password@host:port/database.
# HUDDLE_DB (a file, or a URL too) wins when both are set.
DATABASE_URL_ENV_VAR = "HUDDLE_DATABASE_URL"
SERVER_SCHEMES = ("postgresql://", "postgres://")
DATA_DIR = Path(__file__).resolve().parent
DEFAULT_DB_PATH = DATA_DIR / "huddle.duckdb"
IN_MEMORY = ":memory:"
# Every command's --db help says the same: a file or a server, and where the default comes from.
DB_HELP = (
    "a DuckDB file or a postgresql:// URL (default: $HUDDLE_DB, then $HUDDLE_DATABASE_URL,"
    " then data/huddle.duckdb)"
)
# Huddle's temporary files (import staging, uploads, DuckDB's spill files) live under one
# folder of its own: $HUDDLE_TMP_DIR, else <system temp>/huddle-<user id>.
TMP_ENV_VAR = "HUDDLE_TMP_DIR"
# The memory DuckDB may use during an import, in MB; past it DuckDB spills to disk. DuckDB
# goes about 100 MB past its own limit, and Python with its libraries holds about 170 MB: at
# 640 a 5M-line import peaked at 903-911 MB for the whole process (issue #16's goal: 1 GB),
# against 1,042 MB at 768, in the same time (benchmarks/bench_import.py, in turns).
IMPORT_MEMORY_ENV_VAR = "HUDDLE_IMPORT_MEMORY_MB"
DEFAULT_IMPORT_MEMORY_MB = 640


def is_server_url(location: object) -> bool:
    """True when `location` names a PostgreSQL server rather than a DuckDB file."""
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def resolve_location(explicit: str | os.PathLike[str] | None = None) -> str | Path:
    """Where Huddle's data lives: a PostgreSQL URL, or a DuckDB file path. An explicit value
    first, then $HUDDLE_DB, then $HUDDLE_DATABASE_URL, then data/huddle.duckdb."""
    for candidate in (explicit, os.environ.get(DB_ENV_VAR), os.environ.get(DATABASE_URL_ENV_VAR)):
        if candidate and is_server_url(str(candidate)):
            return str(candidate)
        if candidate:
            return resolve_db_path(candidate)
    return DEFAULT_DB_PATH


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database path: an explicit path first, then $HUDDLE_DB, then data/huddle.duckdb."""
    if explicit == IN_MEMORY:
        return Path(IN_MEMORY)  # DuckDB's name for a database with no file
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return DEFAULT_DB_PATH
