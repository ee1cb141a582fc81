"""Shared fixtures: every test gets a fresh temporary database and empty Streamlit caches."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import streamlit as st

from data.config import DATABASE_URL_ENV_VAR, DB_ENV_VAR
from data.store import Store
from tests.postgres_server import PostgresServer

ROOT = Path(__file__).resolve().parent.parent
# The project's own copy of the public exports in ../shared/datasets (Maven CRM, Superstore),
# so a clone on its own runs every test; tests/datasets/README.md says where they come from.
DATASETS = ROOT / "tests" / "datasets"
# The demo company in tests always ends on this day, so its numbers never drift.
DEMO_END = date(2026, 11, 20)
DEMO_ORDERS = 30_000


def pytest_addoption(parser: pytest.Parser) -> None:
    """`pytest --update-golden` rewrites the golden SQL files (tests/metrics/golden) instead
    of comparing with them; review the diff before committing it."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/metrics/golden/*.sql from the SQL the compiler generates now",
    )


@contextmanager
def held_by_another_process(path: Path) -> Iterator[int]:
    """Keep the DuckDB file at `path` open for writing in a second process; yields its PID."""
    Store(path).close()
    script = (
        f"import duckdb, sys\ncon = duckdb.connect({str(path)!r})\n"
        "print('ready', flush=True)\nsys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield holder.pid
    finally:
        holder.communicate("")


@pytest.fixture(autouse=True)
def isolated_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point Huddle at an empty temporary database file, with sign-in off, and clear every
    Streamlit cache."""
    path = tmp_path / "huddle.duckdb"
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    # A server named in the shell running the tests is not the tests' business.
    monkeypatch.delenv(DATABASE_URL_ENV_VAR, raising=False)
    # Pages run without signing in (this machine's admin); the sign-in tests turn it on.
    monkeypatch.setenv("HUDDLE_AUTH", "off")
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo company, built once per test run (read it; copy it before writing)."""
    from data.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    store = Store(path)
    generate_demo(store, orders=DEMO_ORDERS, seed=7, end_date=DEMO_END)
    store.close()
    return path


@pytest.fixture
def demo_db(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Huddle at the shared demo database."""
    monkeypatch.setenv(DB_ENV_VAR, str(demo_db_path))
    return demo_db_path


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server (tests/postgres_server.py) on 127.0.0.1, one per pytest
    process (each xdist worker starts its own), stopped and removed at the end. If it cannot
    start, the tests that use it fail with a message saying what to install."""
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, empty database on the test server; dropped after the test (an
    empty database takes about 7 MB and a run makes hundreds)."""
    url = postgres_server.new_database("t")
    yield url
    postgres_server.drop_database(url)
