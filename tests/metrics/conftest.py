"""Shared fixtures for the metrics tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data.pg_store import PostgresStore
from data.store import Store
from tests.metrics.fixture import build_tiny_company


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A real DuckDB file holding the tiny, hand-checkable company (read-only by the tests)."""
    store = Store(tmp_path_factory.mktemp("tiny") / "tiny.duckdb")
    build_tiny_company(store)
    yield store
    store.close()


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def tiny_store_both(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store | PostgresStore]:
    """The tiny company once in a real DuckDB file and once in a real PostgreSQL database (the
    test server, tests/postgres_server.py). A module that overrides tiny_store with this runs
    every test on both engines, so its hand-worked numbers must hold on both to the cent."""
    store: Store | PostgresStore
    if request.param == "postgres":
        store = PostgresStore(request.getfixturevalue("postgres_server").new_database("tiny"))
    else:
        store = Store(tmp_path_factory.mktemp("tiny") / "tiny.duckdb")
    build_tiny_company(store)
    yield store
    store.close()
