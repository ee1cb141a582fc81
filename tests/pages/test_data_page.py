"""The Data page in AppTest: upload, preview, mapping, report, commit, history, demo guard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.format import md
from data.config import DB_ENV_VAR
from data.store import Store
from metrics.requests import DataHealth, LikelyDuplicates
from tests.components.fetch_recorder import record_fetches
from tests.conftest import DATASETS

ROOT = Path(__file__).resolve().parents[2]
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"


def _page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/data.py")
    return at.run()


def _frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page with `column` (AppTest does not expose dataframe keys)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="data.upload").set_value((name, content, "text/csv"))
    return at.run()


def test_empty_database_shows_the_upload_and_no_history() -> None:
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Data"
    assert any("Nothing imported yet" in i.value for i in at.info)


def test_superstore_preset_preview_check_and_commit(isolated_database: Path) -> None:
    at = _page()
    at.selectbox(key="data.table").select("orders").run()
    at.selectbox(key="data.preset.orders").select("superstore").run()
    at = _upload(at, "Sample - Superstore.csv", SUPERSTORE.read_bytes())
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    captions = " ".join(c.value for c in at.caption)
    assert "Read 9,994 rows" in captions and "cp1252" in captions
    assert {m.label: m.value for m in at.metric}["Rows"] == "9,994"
    assert Store(isolated_database, read_only=False).scalar("SELECT count(*) FROM orders") == 0
    at.button(key="data.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # The file name is Markdown-escaped on the page (components.format.md).
    imported = f"Imported {md('Sample - Superstore.csv')}: 9,994 added"
    assert any(imported in s.value for s in at.success)
    history = _frame_with(at, "Added")
    assert history["Added"].tolist() == [9994]


def test_bad_rows_are_reported_and_reject_blocks_the_file() -> None:
    text = (
        "Order ID,Order Date,Customer,Product,Sales Agent,Quantity,Amount\n"
        "A1,2024-03-05,Acme,Widget,Ann,2,10\nA2,2024-03-06,Beta,Widget,Ann,-1,5\n"
    )
    at = _page()
    at.selectbox(key="data.table").select("orders").run()
    at = _upload(at, "sales.csv", text.encode())
    assert {m.label: m.value for m in at.metric}["Rows with errors"] == "1"
    problems = _frame_with(at, "Reason")
    assert problems[["Row", "Column", "Value"]].values.tolist() == [[3, "Quantity", "-1"]]
    assert any("was not imported" in e.value for e in at.error)
    assert at.button(key="data.commit").disabled
    at.radio(key="data.on_error").set_value("quarantine").run()
    assert not at.button(key="data.commit").disabled
    at.button(key="data.commit").click().run()
    done = f"Imported {md('sales.csv')}: 1 added, 0 updated, 1 set aside."
    assert [s.value for s in at.success] == [done]


def test_the_demo_company_must_be_cleared_before_an_import(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv(DB_ENV_VAR, str(copy))
    at = _page()
    assert any("demo company" in i.value for i in at.info)
    at.selectbox(key="data.table").select("orders").run()
    at.selectbox(key="data.preset.orders").select("superstore").run()
    at = _upload(at, "Sample - Superstore.csv", SUPERSTORE.read_bytes())
    assert at.button(key="data.commit").disabled
    at.checkbox(key="data.replace").check().run()
    assert not at.button(key="data.commit").disabled


def test_dates_no_import_accepts_are_counted_not_a_crash(
    demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dates written some other way than an import (year 0, 9999-12-31) must not take the
    # page down: the health table counts them and dates the table by its plausible days.
    path = tmp_path / "odd_dates.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as con:
        con.execute(
            "UPDATE orders SET order_date = DATE '0001-01-01' - INTERVAL 1 YEAR"
            " WHERE order_id = (SELECT min(order_id) FROM orders)"
        )
        con.execute(
            "UPDATE orders SET order_date = DATE '9999-12-31'"
            " WHERE order_id = (SELECT max(order_id) FROM orders)"
        )
        odd = con.execute(
            "SELECT count(*) FROM orders WHERE order_date < DATE '1900-01-01'"
            " OR order_date > DATE '2100-01-01'"
        ).fetchone()[0]
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    health = _frame_with(at, "Dates outside 1900 – next year").set_index("Table")
    assert health.loc["Order lines", "Dates outside 1900 – next year"] == odd >= 2


def test_the_two_checks_over_every_row_are_worked_out_side_by_side(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The health table and the likely duplicates each read every row (0.8 and 0.3 s at ten
    # million order lines): the page asks for both at once, before either section draws.
    recorded = record_fetches(monkeypatch)
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    ours = recorded.batch_with((DataHealth, LikelyDuplicates))
    assert [[type(r).__name__ for r in batch] for batch in ours] == [
        ["DataHealth", "LikelyDuplicates"]
    ]
    health = _frame_with(at, "Dates outside 1900 – next year")  # drawn from those answers
    assert len(health) == 9 and health["Rows"].gt(0).any()
