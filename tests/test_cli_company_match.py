"""`python cli.py import` keeps one company per database: a file that looks like another
company's is refused (exit code 2, nothing written) unless --add-to-company or
--replace-company says what to do; the two cannot be given together."""

from __future__ import annotations

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
TABLES = ("reps", "customers", "products", "orders", "deals", "import_log")


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS` run from `cwd`, in this process (tests/cli_run.py)."""
    return run_cli(*args, cwd=cwd)


def _counts(db: Path) -> dict[str, int]:
    store = Store(db)
    counts = {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}
    store.close()
    return counts


@pytest.fixture(scope="module")
def maven_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("maven")
    db = folder / "maven.duckdb"
    done = _cli("import", "--preset", "maven-crm", str(MAVEN), "--db", str(db), cwd=folder)
    assert done.returncode == 0, done.stderr
    return db


def _copy(maven_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "company.duckdb"
    shutil.copy(maven_db, db)
    return db


def _superstore(db: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return _cli("import", "--preset", "superstore", str(SUPERSTORE), *flags, "--db", str(db),
                cwd=db.parent)  # fmt: skip


def test_superstore_on_maven_is_refused_with_the_choices(maven_db: Path, tmp_path: Path) -> None:
    db = _copy(maven_db, tmp_path)
    before = _counts(db)
    done = _superstore(db)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "huddle: Sample - Superstore.csv was not imported: it looks like another company's "
        "data. Only 0 of 1 people; 0 of 793 customers; 0 of 1,862 products in this file are "
        "already in Maven Analytics CRM Sales Opportunities. Choose: add it to Maven Analytics "
        "CRM Sales Opportunities anyway (--add-to-company), replace the data of Maven Analytics "
        "CRM Sales Opportunities with it and start fresh (--replace-company), or import it into "
        "another database file (--db)."
    )
    assert _counts(db) == before


def test_add_to_company_imports_beside_maven(maven_db: Path, tmp_path: Path) -> None:
    db = _copy(maven_db, tmp_path)
    before = _counts(db)
    done = _superstore(db, "--add-to-company")
    assert done.returncode == 0, done.stderr
    after = _counts(db)
    # 793 customers and 1,862 products, all new; Maven's 8,800 deals stay.
    assert after["customers"] == before["customers"] + 793
    assert after["products"] == before["products"] + 1862
    assert after["deals"] == 8800


def test_replace_company_leaves_only_superstore(maven_db: Path, tmp_path: Path) -> None:
    db = _copy(maven_db, tmp_path)
    done = _superstore(db, "--replace-company")
    assert done.returncode == 0, done.stderr
    after = _counts(db)
    assert (after["deals"], after["customers"], after["products"], after["orders"]) == (
        0, 793, 1862, 9994
    )  # fmt: skip
    shown = _cli("settings", "company_name", "--db", str(db))
    assert shown.stdout.strip() == "company_name: Tableau Sample - Superstore"


def test_the_two_choices_cannot_be_given_together(tmp_path: Path) -> None:
    done = _superstore(tmp_path / "x.duckdb", "--add-to-company", "--replace-company")
    assert done.returncode == 2
    assert "not allowed with argument" in done.stderr
