"""The Data page in AppTest: a preset's several files uploaded at once (Maven CRM's four),
matched by name, imported together in one transaction; a refused file leaves nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import cli
from data.config import DB_ENV_VAR
from data.store import Store
from tests.conftest import DATASETS

ROOT = Path(__file__).resolve().parents[2]
MAVEN = DATASETS / "maven-crm"
NAMES = ("sales_pipeline.csv", "ACCOUNTS.csv", "products.csv", "sales_teams.csv")  # any order


def _page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.switch_page("pages/data.py")
    return at.run()


def _frame_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _maven_chosen(at: AppTest) -> AppTest:
    # sales_teams.csv holds teams, but Maven's preset is offered under any table: the files
    # table then says where each file goes.
    at.selectbox(key="data.table").select("teams").run()
    return at.selectbox(key="data.preset.teams").select("maven-crm").run()


def _upload(at: AppTest, files: dict[str, bytes]) -> AppTest:
    uploader = at.file_uploader(key="data.multi.upload.maven-crm")
    assert uploader.accept_multiple_files
    uploader.set_value([(name, content, "text/csv") for name, content in files.items()])
    return at.run()


def test_maven_four_files_at_once(isolated_database: Path) -> None:
    at = _maven_chosen(_page())
    assert not at.exception, [e.value for e in at.exception]
    assert at.button(key="data.multi.commit").disabled  # nothing uploaded yet
    files = {n: (MAVEN / n.lower()).read_bytes() for n in NAMES[:3]}
    at = _upload(at, files | {"notes.txt": b"x"})
    shown = _frame_with(at, "Goes to")
    assert shown.values.tolist() == [
        ["1", "sales_teams.csv", "People (sales reps, managers)", "Missing"],
        ["2", "accounts.csv", "Customers", "Received"],
        ["3", "products.csv", "Products", "Received"],
        ["4", "sales_pipeline.csv", "Deals (pipeline, opportunities)", "Received"],
        ["", "notes.txt", "", "Not part of this preset (left out)"],
    ]
    assert any("Still missing" in w.value for w in at.warning)
    assert at.button(key="data.multi.commit").disabled
    at = _upload(at, files | {"sales_teams.csv": (MAVEN / "sales_teams.csv").read_bytes()})
    assert not at.button(key="data.multi.commit").disabled
    at.button(key="data.multi.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert any("Imported 4 files in one go" in s.value for s in at.success)
    counts = _frame_with(at, "Added")
    # Import order: people (35 agents; their 6 managers are created as people too, counted
    # under the file's extra rows, not its own), accounts, products, then the 8,800 deals.
    assert counts[["File", "Added"]].values.tolist() == [
        ["sales_teams.csv", 35], ["ACCOUNTS.csv", 85], ["products.csv", 7],
        ["sales_pipeline.csv", 8800]]  # fmt: skip
    store = Store(isolated_database)
    assert store.scalar("SELECT count(*) FROM import_log") == 4
    # A second click (a double click's, arriving on the run that imported) finds the same
    # submission done: nothing is imported again, and from then on the button is disabled.
    at.button(key="data.multi.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert store.scalar("SELECT count(*) FROM import_log") == 4
    assert at.button(key="data.multi.commit").disabled
    assert any("Imported 4 files in one go" in s.value for s in at.success)


def test_a_refused_file_leaves_nothing_and_says_which(isolated_database: Path) -> None:
    files = {n: (MAVEN / n.lower()).read_bytes() for n in NAMES}
    pipeline = files["sales_pipeline.csv"].decode().splitlines(keepends=True)
    pipeline[1] = pipeline[1].replace(",Won,", ",Maybe,", 1)  # line 2: a stage no one knows
    assert ",Maybe," in pipeline[1]
    files["sales_pipeline.csv"] = "".join(pipeline).encode()
    at = _upload(_maven_chosen(_page()), files)
    at.button(key="data.multi.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = " ".join(e.value for e in at.error)
    assert "Nothing was imported, from any of the 4 files" in errors
    assert "sales" in errors and "pipeline.csv was not imported" in errors
    assert "row 2, deal_stage" in errors
    store = Store(isolated_database)
    assert store.scalar("SELECT count(*) FROM reps") == 0
    assert store.scalar("SELECT count(*) FROM import_log") == 0
    assert not at.success


def test_clearing_the_demo_then_a_second_click_imports_once(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv(DB_ENV_VAR, str(copy))
    files = {n: (MAVEN / n.lower()).read_bytes() for n in NAMES}
    at = _upload(_maven_chosen(_page()), files)
    assert at.button(key="data.multi.commit").disabled  # the demo must be cleared first
    assert any("tick “Clear the demo company" in c.value for c in at.caption)
    at.checkbox(key="data.replace").check().run()
    assert not at.button(key="data.multi.commit").disabled
    at.button(key="data.multi.commit").click().run()
    assert any("Imported 4 files in one go" in s.value for s in at.success)
    store = Store(copy)
    logged = store.scalar("SELECT count(*) FROM import_log")
    assert store.scalar("SELECT count(*) FROM deals") == 8800  # the demo's deals went
    # The demo is gone, so its "clear" box is too: the second click is still the same
    # submission and imports nothing again.
    at.button(key="data.multi.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert store.scalar("SELECT count(*) FROM import_log") == logged


def test_another_company_s_files_wait_for_add_or_replace(isolated_database: Path) -> None:
    # Superstore first; Maven's four files share no person, customer or product with it, so
    # the import is refused (nothing written) until the lead says add or replace.
    superstore = DATASETS / "superstore" / "Sample - Superstore.csv"
    args = ["import", "orders", str(superstore), "--preset", "superstore"]
    assert cli.main([*args, "--db", str(isolated_database)]) == 0
    store = Store(isolated_database)
    orders = store.scalar("SELECT count(*) FROM orders")
    at = _upload(_maven_chosen(_page()), {n: (MAVEN / n.lower()).read_bytes() for n in NAMES})
    at.button(key="data.multi.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("are already in" in e.value for e in at.error), [e.value for e in at.error]
    assert store.scalar("SELECT count(*) FROM deals") == 0
    assert at.button(key="data.multi.commit").disabled  # until add or replace is picked
    choice = next(r for r in at.radio if r.key and r.key.startswith("data.company.mismatch."))
    choice.set_value("add").run()
    at.button(key="data.multi.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Imported 4 files in one go" in s.value for s in at.success)
    assert store.scalar("SELECT count(*) FROM deals") == 8800
    assert store.scalar("SELECT count(*) FROM orders") > orders  # both companies' sales
