"""data/engine.py: the database's own errors from either engine, and no PostgreSQL driver
loaded by a process that only reads a DuckDB file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from data.engine import constraint_violations, database_errors

ROOT = Path(__file__).resolve().parents[2]


def test_database_errors_catch_duckdb_errors() -> None:
    with pytest.raises(database_errors()):
        duckdb.connect().execute("SELECT * FROM no_such_table")


def test_constraint_violations_catch_a_duplicate_key_in_duckdb() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(constraint_violations()):
        con.execute("INSERT INTO t VALUES (1)")


def test_postgresql_errors_are_caught_once_its_driver_is_loaded() -> None:
    psycopg = pytest.importorskip("psycopg")
    assert psycopg.Error in database_errors()
    assert psycopg.errors.IntegrityError in constraint_violations()
    # A real refusal: nothing listens on port 1.
    with pytest.raises(database_errors()):
        psycopg.connect("postgresql://huddle@127.0.0.1:1/none", connect_timeout=2)


def test_a_duckdb_process_never_loads_the_postgresql_driver(tmp_path: Path) -> None:
    """Loading psycopg costs about 0.14 s of every fresh start; on a DuckDB file it is not
    needed, so the app's layers and a query through them must not load it."""
    script = (
        "import sys\n"
        "import components.cache, components.access, metrics.service, data.engine\n"
        "from data.engine import open_store\n"
        f"store = open_store({str(tmp_path / 'h.duckdb')!r})\n"
        "assert store.scalar('SELECT 1') == 1\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'psycopg_pool')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout
