"""A preset's several files imported in one go (runner.run_imports): in the preset's import
order, in one transaction, so a refused file leaves every table as it was and says which file
and row; the CLI's `--preset NAME DIR` goes through the same function."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cli import main
from data.importing.errors import ImportRejected
from data.importing.presets import get_preset
from data.importing.runner import ImportRequest, run_imports
from data.store import Store
from tests.conftest import DATASETS

MAVEN = DATASETS / "maven-crm"
TODAY = date(2026, 11, 20)


def _counts(store: Store) -> dict[str, int]:
    """Rows of every table in the database (the import log and keys included)."""
    names = [r[0] for r in store.rows("SELECT table_name FROM duckdb_tables() ORDER BY 1")]
    return {name: int(store.scalar(f'SELECT count(*) FROM "{name}"')) for name in names}


def _maven_requests(folder: Path) -> list[ImportRequest]:
    preset = get_preset("maven-crm")
    return [
        ImportRequest(folder / f.file, f.mapping, preset="maven-crm") for f in preset.import_order
    ]


def _bad_pipeline(folder: Path) -> Path:
    """Maven's files with one deal in a stage Huddle does not know, on the file's line 2."""
    shutil.copytree(MAVEN, folder)
    pipeline = folder / "sales_pipeline.csv"
    lines = pipeline.read_text("utf-8").splitlines(keepends=True)
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("deal_stage")] = "Maybe"
    lines[1] = ",".join(cells)
    pipeline.write_text("".join(lines), "utf-8")
    return folder


def test_a_refused_later_file_writes_nothing_and_names_the_file_and_row(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    # Something is there already (an earlier import of the accounts), so "nothing written"
    # is checked against a database with rows, not only an empty one.
    accounts = get_preset("maven-crm").for_table("customers")
    run_imports(store, [ImportRequest(MAVEN / "accounts.csv", accounts)], today=TODAY)
    before = _counts(store)
    assert before["customers"] == 85 and before["import_log"] == 1
    folder = _bad_pipeline(tmp_path / "maven")
    with pytest.raises(ImportRejected) as refused:
        run_imports(store, _maven_requests(folder), today=TODAY)
    # The three files before the pipeline were fine and written inside the transaction; the
    # pipeline's refusal rolls them back too: every table has the rows it had.
    assert _counts(store) == before
    message = str(refused.value)
    assert message.startswith("sales_pipeline.csv was not imported: 1 of 8,800 rows have errors")
    assert "row 2, deal_stage" in message  # line 2 of the file: the header is line 1


def test_a_dry_run_stops_at_the_refused_file(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    folder = _bad_pipeline(tmp_path / "maven")
    reports = run_imports(store, _maven_requests(folder), today=TODAY, dry_run=True)
    assert [r.file_name for r in reports] == [
        "sales_teams.csv", "accounts.csv", "products.csv", "sales_pipeline.csv"]  # fmt: skip
    assert [r.refused is not None for r in reports] == [False, False, False, True]
    assert all(r.import_id is None and not r.committed for r in reports)
    assert _counts(store)["import_log"] == 0


def test_progress_runs_once_across_the_files(tmp_path: Path) -> None:
    seen: list[float] = []
    run_imports(
        Store(tmp_path / "t.duckdb"), _maven_requests(MAVEN), today=TODAY,
        progress=lambda f, _m: seen.append(f),
    )  # fmt: skip
    # Four files, each reporting 0.05, 0.3, 0.6, 0.95 of its quarter, then 1.0 once committed:
    # file 2 (index 1) starts at (1 + 0.05) / 4 = 0.2625.
    assert seen[4] == pytest.approx(0.2625)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 4 * 4 + 1


def test_maven_in_one_go_equals_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = Store(tmp_path / "ours.duckdb")
    reports = run_imports(ours, _maven_requests(MAVEN))
    assert [r.written.added for r in reports if r.written] == [35, 85, 7, 8800]
    monkeypatch.chdir(tmp_path)
    cli_db = tmp_path / "cli.duckdb"
    assert main(["import", "--preset", "maven-crm", str(MAVEN), "--db", str(cli_db)]) == 0
    counts = _counts(ours)
    assert counts == _counts(Store(cli_db))
    # 35 agents and 6 managers, 85 accounts, 8 products (GTXPro is its own), 8,800 deals and
    # 4,238 won deals as order lines; one log row per file.
    assert (counts["reps"], counts["customers"], counts["products"]) == (41, 85, 8)
    assert (counts["deals"], counts["orders"], counts["import_log"]) == (8800, 4238, 4)


def test_the_cli_writes_nothing_when_a_later_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before, each file was its own transaction: people, accounts and products were in the
    # database when the pipeline was refused.
    folder = _bad_pipeline(tmp_path / "maven")
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "cli.duckdb"
    assert main(["import", "--preset", "maven-crm", str(folder), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "sales_pipeline.csv was not imported" in err and "row 2, deal_stage" in err
    assert "Nothing was imported from any of the files." in err
    counts = _counts(Store(db))
    assert counts["reps"] == counts["customers"] == counts["import_log"] == 0


SF_OPPORTUNITIES = (
    "Opportunity ID,Opportunity Owner,Account Name,Stage,Amount,Created Date,Close Date\n"
    "006A,Ann Lee,Acme,Closed Won,100,2024-01-02,2024-02-01\n"
)
SF_ACCOUNTS = (
    "Account Name,Account ID,Account Owner,Industry,Billing State/Province,Billing City\n"
    "Acme,001A,Ann Lee,Technology,CA,San Francisco\n"
)


def test_salesforce_accounts_go_before_the_opportunities(tmp_path: Path) -> None:
    # The preset lists opportunities.csv first. Imported in that order, the opportunity
    # creates Acme by name and the accounts file (matched by Account ID 001A) adds a second
    # Acme. The import order puts the accounts (customers) before the deals: one Acme.
    preset = get_preset("salesforce")
    assert [f.file for f in preset.files] == ["opportunities.csv", "accounts.csv"]
    assert [f.file for f in preset.import_order] == ["accounts.csv", "opportunities.csv"]
    folder = tmp_path / "sf"
    folder.mkdir()
    (folder / "opportunities.csv").write_text(SF_OPPORTUNITIES, "utf-8")
    (folder / "accounts.csv").write_text(SF_ACCOUNTS, "utf-8")
    db = tmp_path / "sf.duckdb"
    assert main(["import", "--preset", "salesforce", str(folder), "--db", str(db),
                 "--rejects-dir", str(tmp_path)]) == 0  # fmt: skip
    store = Store(db)
    assert store.rows("SELECT name, industry FROM customers") == [("Acme", "Technology")]
    deal_customer = store.scalar("SELECT c.name FROM deals d JOIN customers c USING (customer_id)")
    assert deal_customer == "Acme"
