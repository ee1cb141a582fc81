"""Stores on both engines for the tests: a test that asks for `new_store` or `module_stores`
(or a fixture built on them) runs once on a real DuckDB file and once on a real PostgreSQL
database (the test server, tests/postgres_server.py), so its hand-worked numbers must hold on
both to the cent.

`engine` is a module-scoped parameter (duckdb, postgres). Read-only tests share one store per
module (`module_stores`); a test that writes gets its own (`new_store`). A conftest.py makes
them available with `from tests.store_engines import engine, module_stores, new_store`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from data.pg_store import PostgresStore
from data.store import Store

ENGINES = ("duckdb", "postgres")
AnyStore = Store | PostgresStore
# maker("name"): a new, empty, migrated store on the current engine.
StoreMaker = Callable[[str], AnyStore]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine every store of this module's current run is opened on."""
    return request.param


def _stores(engine: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[StoreMaker]:
    """A maker of new stores on `engine`; closes them (and drops each PostgreSQL database)
    when the fixture using it ends."""
    opened: list[AnyStore] = []

    def make(name: str) -> AnyStore:
        store: AnyStore
        if engine == "postgres":
            server = request.getfixturevalue("postgres_server")
            store = PostgresStore(server.new_database(name.lower()[:20] or "t"))
        else:
            store = Store(folder / f"{name}_{len(opened)}.duckdb")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
        if isinstance(store, PostgresStore):
            request.getfixturevalue("postgres_server").drop_database(store.url)


@pytest.fixture(scope="module")
def module_stores(
    engine: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StoreMaker]:
    """New stores that live for the module: for a module's read-only small company."""
    yield from _stores(engine, request, tmp_path_factory.mktemp("stores"))


@pytest.fixture
def new_store(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreMaker]:
    """New stores for one test: for a test that writes."""
    yield from _stores(engine, request, tmp_path)
