"""Fixtures of the page tests: the two real exports (tests/datasets), each imported once per
test session through `python cli.py import` into its own DuckDB file (see real_exports.py),
and the Chinese demo company, also built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.config import DB_ENV_VAR
from data.store import Store
from metrics.incentive_plan import PLAN_ENV_VAR
from tests.conftest import DEMO_END
from tests.pages.real_exports import import_maven, import_superstore


@pytest.fixture(scope="session")
def zh_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo company with Chinese names, cities and products, built once per run (the
    Chinese pages of test_language and test_training_page read it; copy it before writing)."""
    from data.demo import generate_demo

    path = tmp_path_factory.mktemp("demo_zh") / "demo.duckdb"
    store = Store(path)
    generate_demo(store, orders=20_000, seed=7, end_date=DEMO_END, locale="zh_CN")
    store.close()
    return path


@pytest.fixture(scope="session")
def maven_export_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Maven CRM's four files, imported once per run (read it; copy it before writing)."""
    return import_maven(tmp_path_factory.mktemp("maven-export") / "maven.duckdb")


@pytest.fixture(scope="session")
def superstore_export_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Superstore's order lines, imported once per run (read it; copy it before writing)."""
    return import_superstore(tmp_path_factory.mktemp("superstore-export") / "superstore.duckdb")


@pytest.fixture
def maven_export(maven_export_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Huddle at the imported Maven CRM data, with no incentive plan named."""
    monkeypatch.setenv(DB_ENV_VAR, str(maven_export_path))
    monkeypatch.delenv(PLAN_ENV_VAR, raising=False)
    return maven_export_path


@pytest.fixture
def superstore_export(superstore_export_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Huddle at the imported Superstore data, with no incentive plan named."""
    monkeypatch.setenv(DB_ENV_VAR, str(superstore_export_path))
    monkeypatch.delenv(PLAN_ENV_VAR, raising=False)
    return superstore_export_path
