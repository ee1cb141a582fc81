"""The demo marks itself; an import that replaces it clears the mark; imported data without a
mark is the company's own (data.company_kind)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from data.company_kind import COMPANY_KIND, is_demo
from data.importing.presets import get_preset
from data.importing.runner import ImportRequest, run_import
from data.store import Store
from tests.conftest import DATASETS

SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"
TODAY = date(2026, 11, 20)


def _mark(store: Store) -> str | None:
    return store.scalar("SELECT value FROM company_settings WHERE name = ?", [COMPANY_KIND])


def test_the_demo_writes_its_mark(demo_db_path: Path) -> None:
    store = Store(demo_db_path)
    try:
        assert _mark(store) == "demo"
        assert is_demo(store)
    finally:
        store.close()


def test_an_import_that_replaces_the_demo_clears_the_mark(
    demo_db_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "replaced.duckdb"
    shutil.copy(demo_db_path, copy)
    store = Store(copy)
    mapping = get_preset("superstore").for_table("orders")
    run_import(store, ImportRequest(SUPERSTORE, mapping, replace_existing=True), today=TODAY)
    assert _mark(store) is None, "the mark went with the demo, in the import's transaction"
    # The demo's reviews (written only by generate_demo) went with it too.
    assert store.scalar("SELECT count(*) FROM reviews") == 0
    assert not is_demo(store)
    store.close()


def test_imported_data_is_own_data_and_an_empty_database_is_no_demo(tmp_path: Path) -> None:
    store = Store(tmp_path / "own.duckdb")
    assert not is_demo(store), "an empty database holds nobody's demo"
    mapping = get_preset("superstore").for_table("orders")
    run_import(store, ImportRequest(SUPERSTORE, mapping), today=TODAY)
    assert _mark(store) is None and not is_demo(store)
    assert store.scalar("SELECT count(*) FROM reviews") == 0, "imported data has no reviews"
    store.close()


def test_a_demo_written_before_the_mark_is_still_the_demo(
    demo_db_path: Path, tmp_path: Path
) -> None:
    # An older Huddle wrote the demo without the mark: rows, none of them imported.
    copy = tmp_path / "old_demo.duckdb"
    shutil.copy(demo_db_path, copy)
    store = Store(copy)
    with store.transaction() as con:
        con.execute("DELETE FROM company_settings WHERE name = ?", [COMPANY_KIND])
    assert is_demo(store)
    store.close()
