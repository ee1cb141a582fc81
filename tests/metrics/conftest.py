"""Shared fixtures for the metrics tests: every store they use runs on both engines.

The engine fixtures come from tests/store_engines.py: a test that asks for `tiny_store`,
`module_stores` or `new_store` runs once on a real DuckDB file and once on a real PostgreSQL
database. The session's shared demo database (tests/conftest.py) stays a DuckDB file.
"""

from __future__ import annotations

import pytest

from tests.metrics.fixture import build_tiny_company
from tests.store_engines import AnyStore, StoreMaker, engine, module_stores, new_store

__all__ = ["engine", "module_stores", "new_store"]  # fixtures, found by pytest by name


@pytest.fixture(scope="module")
def tiny_store(module_stores: StoreMaker) -> AnyStore:
    """The tiny, hand-checkable company (tests/metrics/fixture.py), read-only by the tests."""
    store = module_stores("tiny")
    build_tiny_company(store)
    return store
