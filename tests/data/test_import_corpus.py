"""The malformed-file corpus (tests/data/malformed_corpus.py), generated into tmp_path: no
file crashes an import; each refusal is a keyed HuddleDataError that names the file and, for
a row's problem, its row and column, in English and Chinese; and the database is unchanged
byte for byte after all the refusals.

Files that must be accepted run as dry runs, which read, check and write everything and
then roll back; files that must be refused run for real. So the database file is the same
at the end as at the start, and each case also compares a checksum of every table before
and after.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from components.text import error_text, use_language
from data.errors import HuddleDataError
from data.importing.errors import ImportFileError, ImportRejected, MappingError
from data.importing.readers import ReadOptions
from data.importing.runner import ImportReport, ImportRequest, run_import
from data.store import Store
from tests.data.malformed_corpus import GOOD, ORDERS, Case, corpus

TODAY = date(2026, 11, 20)
CJK = re.compile(r"[\u4e00-\u9fff]")
# Refusals about an option or a mapping name that option or the columns, not the file.
ABOUT_OPTIONS = {"import.bad_delimiter", "import.unknown_encoding", "import.missing_column"}


def _file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checksum_sql(store: Store) -> str:
    """One query: each table's row count and the sum of a hash of each whole row (a changed,
    added or removed row changes it; two different rows hash alike once in 2^64). Half the
    time of an md5 over every row sorted as text, which it ran 224 times."""
    listed = "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name"
    names = [r[0] for r in store.rows(listed)]
    parts = [
        f"(SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM \"{name}\" t)" for name in names
    ]
    return "SELECT [" + ", ".join(parts) + "]"


@dataclass
class Outcome:
    """What one case did: the refusal (an error) or the report of an accepted file."""

    error: HuddleDataError | None
    report: ImportReport | None


def _run(store: Store, case: Case, path: Path) -> Outcome:
    request = ImportRequest(path, case.mapping, read=ReadOptions(**case.options))
    dry = case.expect == "accept"
    try:
        report = run_import(store, request, dry_run=dry, today=TODAY)
    except HuddleDataError as error:
        return Outcome(error, None)
    return Outcome(report.refusal, report)


def _check_refusal(case: Case, error: HuddleDataError) -> None:
    """Keyed, in both languages, naming the file (or the option), and rows by row and column."""
    assert error.key, f"{case.name}: a refusal without a key: {error}"
    if error.key not in ABOUT_OPTIONS:
        assert case.name in str(error), f"{case.name}: the refusal does not name the file: {error}"
    with use_language("zh"):
        chinese = error_text(error)
    assert CJK.search(chinese) and "{" not in chinese, f"{case.name}: {chinese}"
    if isinstance(error, ImportRejected):
        report = error.report
        assert isinstance(report, ImportReport)
        errors = report.problems[report.problems["severity"] == "error"]
        assert report.blocking or not errors.empty, case.name
        for problem in errors.itertuples():
            assert problem.row >= 2 and problem.column, f"{case.name}: {problem}"
    else:
        assert isinstance(error, ImportFileError | MappingError), f"{case.name}: {error!r}"


def test_the_corpus_has_at_least_150_files_of_every_kind() -> None:
    cases = corpus()
    assert len(cases) >= 150
    assert sum(c.name.endswith(".xlsx") for c in cases) >= 30
    assert sum(c.expect == "refuse" for c in cases) >= 100


# openpyxl warns about a workbook without styles, and reads it with its defaults.
@pytest.mark.filterwarnings("ignore:Workbook contains no stylesheet")
def test_no_malformed_file_crashes_and_refusals_leave_the_database_untouched(
    tmp_path: Path,
) -> None:
    db = tmp_path / "corpus.duckdb"
    seed = tmp_path / "seed.csv"
    seed.write_text(GOOD, "utf-8")
    store = Store(db)
    run_import(store, ImportRequest(seed, ORDERS), today=TODAY)
    store.close()
    before_file = _file_sha(db)
    files = tmp_path / "files"
    files.mkdir()
    store = Store(db)
    wrong: list[str] = []
    try:
        checksum = _checksum_sql(store)
        before = store.rows(checksum)
        for case in corpus():
            path = files / case.name
            path.write_bytes(case.data)
            outcome = _run(store, case, path)  # any other exception fails the test here
            refused = outcome.error is not None
            if outcome.error is not None:
                _check_refusal(case, outcome.error)
            if refused != (case.expect == "refuse"):
                wrong.append(f"{case.name}: {outcome.error or 'accepted'}")
            after = store.rows(checksum)
            assert after == before, f"{case.name} changed the database"
    finally:
        store.close()
    assert not wrong, "\n".join(wrong)
    assert _file_sha(db) == before_file


@pytest.mark.parametrize("seconds", [0.0])
def test_a_slow_xlsx_sheet_is_stopped_with_a_sentence_naming_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seconds: float
) -> None:
    # A limit of 0 s: the first check (after 1,000 rows) is always past it, so nothing here
    # depends on how fast the machine is.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Order", "Date", "Customer", "Product", "Rep", "Qty", "Amount"])
    for number in range(1200):
        sheet.append([f"A{number}", "2024-03-05", "Acme", "W", "Ann", 1, 1])
    path = tmp_path / "slow.xlsx"
    book.save(path)
    monkeypatch.setenv("HUDDLE_XLSX_MAX_SECONDS", str(seconds))
    store = Store(tmp_path / "t.duckdb")
    with pytest.raises(ImportFileError) as caught:
        run_import(store, ImportRequest(path, ORDERS), today=TODAY)
    error = caught.value
    assert error.key == "import.xlsx_too_slow"
    assert error.values["row"] == 1000 and error.values["setting"] == "HUDDLE_XLSX_MAX_SECONDS"
    assert "longer than 0 seconds" in str(error) and "slow.xlsx" in str(error)
    with use_language("zh"):
        assert "超过了 0 秒" in error_text(error)
    assert store.scalar("SELECT count(*) FROM orders") == 0
