"""`python cli.py import`: one command per dataset, clear refusals, presets that round-trip."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from data.store import Store
from tests.cli_run import run_cli
from tests.conftest import DATASETS

ROOT = Path(__file__).resolve().parent.parent
MAVEN = DATASETS / "maven-crm"
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS` run from `cwd`, in this process (tests/cli_run.py)."""
    return run_cli(*args, cwd=cwd)


def test_maven_in_one_command_then_kpis_from_it(tmp_path: Path) -> None:
    db = str(tmp_path / "maven.duckdb")
    done = _cli("import", "--preset", "maven-crm", str(MAVEN), "--db", db, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "sales_pipeline.csv → deals: 8,800 rows read" in done.stdout
    assert "orders added: 4,238" in done.stdout
    kpi = _cli("kpi", "won_value", "--by", "team", "--from", "2016-01-01", "--to", "2017-12-31",
               "--format", "json", "--db", db)  # fmt: skip
    assert kpi.returncode == 0, kpi.stderr
    offices = {row["team"] for row in json.loads(kpi.stdout)}
    assert offices == {"Central", "East", "West"}


def test_a_rejected_import_exits_non_zero_with_a_summary(tmp_path: Path) -> None:
    bad = tmp_path / "deals.csv"
    bad.write_text("opportunity_id,sales_agent,deal_stage,engage_date\nX1,Ann,Maybe,2024-01-01\n")
    db = tmp_path / "t.duckdb"
    done = _cli("import", "deals", str(bad), "--db", str(db), cwd=tmp_path)
    assert done.returncode == 2
    assert "was not imported: 1 of 1 rows have errors" in done.stderr
    assert "not a stage Huddle knows" in done.stderr
    assert (tmp_path / "deals.problems.csv").read_text("utf-8-sig").startswith("row,column")
    assert Store(db).scalar("SELECT count(*) FROM deals") == 0


def test_the_demo_company_is_not_mixed_with_an_import(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    refused = _cli("import", "orders", str(SUPERSTORE), "--preset", "superstore", "--db", str(db))
    assert refused.returncode == 2
    assert "holds the demo company" in refused.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    done = _cli("import", "orders", str(SUPERSTORE), "--preset", "superstore", "--replace",
                "--db", str(db))  # fmt: skip
    assert done.returncode == 0, done.stderr
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM orders") == 9994
    assert store.scalar("SELECT count(*) FROM deals") == 0  # the demo's deals went with it


def test_headers_are_matched_without_a_preset_and_saved_as_one(tmp_path: Path) -> None:
    data = tmp_path / "sales.tsv"
    data.write_text(
        "Order ID\tOrder Date\tCustomer\tProduct\tSales Agent\tAmount\n"
        "S1\t2024-05-01\tAcme\tWidget\tAnn Lee\t$1,200.00\n",
        "utf-8",
    )
    db = str(tmp_path / "t.duckdb")
    done = _cli("import", "orders", str(data), "--save-preset", "my-shop", "--db", db)
    assert done.returncode == 0, done.stderr
    listed = _cli("presets", "--db", db)
    assert "my-shop" in listed.stdout and "saved" in listed.stdout
    again = tmp_path / "more.tsv"
    again.write_text(data.read_text().replace("S1", "S2"), "utf-8")
    reused = _cli("import", "orders", str(again), "--preset", "my-shop", "--db", db)
    assert reused.returncode == 0, reused.stderr
    assert Store(db).scalar("SELECT sum(net_amount_cents) FROM orders") == 240000


def test_merge_folds_a_duplicate_and_reimport_lands_on_it(tmp_path: Path) -> None:
    db = str(tmp_path / "maven.duckdb")
    assert (
        _cli("import", "--preset", "maven-crm", str(MAVEN), "--db", db, cwd=tmp_path).returncode
        == 0
    )
    dupes = _cli("duplicates", "--db", db)
    assert "products: 'GTX Pro' (id 2) / 'GTXPro' (id 8)" in dupes.stdout
    assert _cli("merge", "products", "GTXPro", "GTX Pro", "--db", db).returncode == 0
    again = _cli("import", "deals", str(MAVEN / "sales_pipeline.csv"), "--preset", "maven-crm",
                 "--db", db, cwd=tmp_path)  # fmt: skip
    assert "added 0, updated 0, unchanged 8,800" in again.stdout
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM products") == 7
    assert store.scalar("SELECT count(*) FROM deals WHERE product_id = 2") == 1480  # both spellings


def test_problem_files_go_next_to_the_database_not_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli import main  # in-process, so the test can choose the working folder

    elsewhere = tmp_path / "started-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    bad = tmp_path / "input" / "deals.csv"
    bad.parent.mkdir()
    # one good row and one with an unknown stage: rejected whole, then quarantined
    bad.write_text(
        "opportunity_id,sales_agent,deal_stage,engage_date\n"
        "X1,Ann,Maybe,2024-01-01\nX2,Ann,Prospecting,2024-01-02\n"
    )
    db = tmp_path / "db" / "team.duckdb"
    assert main(["import", "deals", str(bad), "--db", str(db)]) == 2
    assert (db.parent / "deals.problems.csv").read_text("utf-8-sig").startswith("row,column")
    (db.parent / "deals.problems.csv").unlink()
    assert main(["import", "deals", str(bad), "--db", str(db), "--on-error", "quarantine"]) == 0
    assert (db.parent / "deals.problems.csv").exists()
    assert (db.parent / "deals.rejected.csv").exists()
    assert list(elsewhere.iterdir()) == []
    assert str(db.parent / "deals.rejected.csv") in capsys.readouterr().out
    # --rejects-dir still wins, and is made if missing
    chosen = tmp_path / "rejects" / "deals"
    assert main(["import", "deals", str(bad), "--db", str(db), "--on-error", "quarantine",
                 "--rejects-dir", str(chosen)]) == 0  # fmt: skip
    assert sorted(p.name for p in chosen.iterdir()) == ["deals.problems.csv", "deals.rejected.csv"]
    assert list(elsewhere.iterdir()) == []
