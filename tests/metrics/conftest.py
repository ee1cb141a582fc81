"""Shared fixtures for the metrics tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data.store import Store
from tests.metrics.fixture import build_tiny_company


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A real DuckDB file holding the tiny, hand-checkable company (read-only by the tests)."""
    store = Store(tmp_path_factory.mktemp("tiny") / "tiny.duckdb")
    build_tiny_company(store)
    yield store
    store.close()
