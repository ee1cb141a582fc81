"""Exports: no cell of any file Huddle writes can run as a spreadsheet formula (OWASP's CSV
injection advice: a text cell starting with = + - @, tab or CR gets a leading ').

The app's downloads are enumerated from the code: every download button lives in
components/tables.py and every spreadsheet is written by data/exports.py; a new download that
goes round them fails `test_every_download_goes_through_the_one_function`.
"""

from __future__ import annotations

import ast
import csv
import io
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from components.tables import csv_bytes, xlsx_bytes
from data.exports import safe_cell, safe_frame
from data.store import Store
from tests.cli_run import run_cli

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['=HYPERLINK("http://evil.example","Click")', "+1", "-2+3", "@SUM(1)", "\tx", "\rx"]
# Each hostile name with the single quote that makes a spreadsheet read it as text.
NEUTRAL = ["'" + name for name in HOSTILE]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer": HOSTILE,
            "revenue": [-12.5, -1.0, 0.0, 3.25, -7.0, 8.0],  # numbers: a minus is no formula
            "orders": [-2, -1, 0, 1, 2, 3],
            "note": ["plain", None, "a=b", "x-y", "'quoted", "中文"],
        }
    )


def test_text_that_starts_a_formula_gets_a_quote_and_nothing_else_changes() -> None:
    assert [safe_cell(name) for name in HOSTILE] == NEUTRAL
    # Not text, so not touched: a negative number stays a number.
    assert safe_cell(-2) == -2 and safe_cell(-2.5) == -2.5 and safe_cell(Decimal("-1")) == -1
    assert safe_cell(None) is None
    # Text that only contains the characters later on is not a formula.
    assert safe_cell("a=b") == "a=b" and safe_cell("Ann-Marie") == "Ann-Marie"
    frame = safe_frame(pd.DataFrame({"=name": ["-x"], "amount": [-3]}))
    assert list(frame.columns) == ["'=name", "amount"]  # a heading is a cell too
    assert frame["amount"].tolist() == [-3] and frame["'=name"].tolist() == ["'-x"]


def test_a_csv_download_holds_no_formula_and_keeps_numbers() -> None:
    rows = list(csv.reader(io.StringIO(csv_bytes(_frame()).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["customer", "revenue", "orders", "note"]
    assert [row[0] for row in rows[1:]] == NEUTRAL
    assert [row[1] for row in rows[1:]] == ["-12.5", "-1.0", "0.0", "3.25", "-7.0", "8.0"]
    assert [row[2] for row in rows[1:]] == ["-2", "-1", "0", "1", "2", "3"]
    assert [row[3] for row in rows[1:]] == ["plain", "", "a=b", "x-y", "'quoted", "中文"]


def test_a_carriage_return_inside_a_name_cannot_start_a_row_of_its_own() -> None:
    # Excel ends a row at a bare CR; unquoted, "a<CR>=1+1" put =1+1 at the start of a row.
    text = csv_bytes(pd.DataFrame({"name": ["a\r=1+1"]})).decode("utf-8-sig")
    assert text == 'name\r\n"a\r=1+1"\r\n'


def test_an_xlsx_download_stores_text_as_strings_never_formulas() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(_frame(), "Sheet"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    # Before the fix, pandas' openpyxl writer stored =HYPERLINK(...) as a live formula ("f").
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    # XML reads a CR back as LF (line-end normalisation), so "'\rx" comes back as "'\nx".
    expected = [name.replace("\r", "\n") for name in NEUTRAL]
    assert [sheet.cell(row=r, column=1).value for r in range(2, 8)] == expected
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 8))
    assert [sheet.cell(row=r, column=2).value for r in range(2, 8)] == [-12.5, -1, 0, 3.25, -7, 8]
    assert all(sheet.cell(row=r, column=3).data_type == "n" for r in range(2, 8))


def test_an_xlsx_download_survives_characters_xml_cannot_hold() -> None:
    # openpyxl refuses control characters; a name holding one made the download fail.
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(pd.DataFrame({"n": ["a\x01b"]})))).active
    assert sheet["A2"].value == "ab"


def test_the_reviews_export_of_hostile_names_is_neutral(demo_db_path: Path, tmp_path: Path) -> None:
    """The Reviews page's CSV and Excel export, built from a demo copy whose people are
    renamed to formulas (the real frame the page offers, not a made-up one)."""
    from components.reviews_view import export_frame
    from components.reviews_view import xlsx_bytes as reviews_xlsx
    from metrics import reviews as review_metrics
    from metrics.filters import Filters

    copy = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db_path, copy)
    store = Store(copy)
    try:
        ids = [row[0] for row in store.rows("SELECT rep_id FROM reps ORDER BY rep_id")]
        with store.transaction() as cur:
            for rep_id, name in zip(ids, HOSTILE, strict=False):
                cur.execute("UPDATE reps SET name = ? WHERE rep_id = ?", [name, rep_id])
        period = store.rows("SELECT min(period_start), max(period_end) FROM reviews")[0]
        reviews = review_metrics.period_reviews(store, Filters(start=period[0], end=period[1]))
    finally:
        store.close()
    frame = export_frame(reviews)
    people = frame.iloc[:, 0]
    assert set(people) & set(HOSTILE), "the renamed people are in the export"
    text = csv_bytes(frame).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert not [c for c in cells if c.startswith("-") and not _is_number(c)]
    sheet = openpyxl.load_workbook(io.BytesIO(reviews_xlsx(frame))).active
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert {c.value for c in sheet["A"]} & set(NEUTRAL)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_the_cli_problem_and_rejected_row_files_are_neutral(tmp_path: Path) -> None:
    # Row 2 holds four hostile values; row 3 a tab and a CR start; both rows are set aside
    # (unknown stage, bad date), so every hostile value is in the problems or rejected file.
    bad = tmp_path / "deals.csv"
    bad.write_text(
        "opportunity_id,sales_agent,deal_stage,engage_date\n"
        '"=HYPERLINK(""http://evil.example"")",+1,-2+3,@SUM(1)\n'
        'X2,"\tx","\rx",2024-01-01\n',
        "utf-8",
    )
    db = tmp_path / "t.duckdb"
    done = run_cli("import", "deals", str(bad), "--db", str(db), "--on-error", "quarantine",
                   "--rejects-dir", str(tmp_path), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    rejected = _cells(tmp_path / "deals.rejected.csv")
    problems = _cells(tmp_path / "deals.problems.csv")
    assert {'\'=HYPERLINK("http://evil.example")', "'+1", "'-2+3", "'@SUM(1)"} <= set(rejected)
    # The reader may keep the quoted CR or turn it into LF: a CR start is quoted, an LF start
    # is no formula (OWASP's list is = + - @ tab CR); the loop below checks every cell.
    assert "'\tx" in rejected and ({"'\rx", "\nx"} & set(rejected))
    for cell in rejected + problems:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def _cells(path: Path) -> list[str]:
    text = path.read_text("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _first_team(cur: object) -> int:
    return int(cur.execute("SELECT min(team_id) FROM teams").fetchone()[0])  # type: ignore[attr-defined]


def test_the_cli_kpi_csv_is_neutral(demo_db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db_path, copy)
    store = Store(copy)
    with store.transaction() as cur:
        cur.execute("UPDATE teams SET name = '=1+1' WHERE team_id = ?", [_first_team(cur)])
    store.close()
    done = run_cli("kpi", "revenue", "--by", "team", "--period", "ytd", "--format", "csv",
                   "--db", str(copy), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "'=1+1" in done.stdout and "\n=1+1" not in done.stdout


# Where the code may write a spreadsheet or offer a download: only these (file, function).
WRITERS = {"to_csv", "to_excel", "ExcelWriter", "writer", "DictWriter", "Workbook"}
ALLOWED_WRITERS = {
    ("data/exports.py", "csv_bytes"),
    ("data/exports.py", "write_csv"),
    ("data/exports.py", "xlsx_bytes"),
    # Staging an uploaded XLSX as CSV for DuckDB to read: an internal file, never a download.
    ("data/importing/readers.py", "_xlsx_to_csv"),
}
# The one place a download button is drawn (it ignores the click's rerun), and the functions
# that hand it a file.
BUTTON_DRAWN = {("components/tables.py", "_download_button")}
ALLOWED_DOWNLOADS = {
    ("components/tables.py", "download_csv"),  # csv_bytes -> data.exports
    ("components/tables.py", "download_xlsx_as"),  # xlsx_bytes -> data.exports
    ("components/tables.py", "download_text"),  # a Markdown document, not cells
    ("components/tables.py", "download_file"),  # a database backup, not cells
}


class _CallFinder(ast.NodeVisitor):
    """Calls to one of `names`, each with its top-level enclosing function."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.function = "<module>"
        self.found: list[tuple[str, int]] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer = self.function
        self.function = node.name if outer == "<module>" else outer
        self.generic_visit(node)
        self.function = outer

    def visit_Call(self, node: ast.Call) -> None:
        if getattr(node.func, "attr", getattr(node.func, "id", "")) in self.names:
            self.found.append((self.function, node.lineno))
        self.generic_visit(node)


def _calls(names: set[str]) -> list[tuple[str, str, int]]:
    """(file, enclosing function, line) of every call to one of `names` in the app's code."""
    files = [ROOT / "app.py", ROOT / "cli.py"]
    for folder in ("components", "pages", "data", "metrics"):
        files += sorted((ROOT / folder).rglob("*.py"))
    found = []
    for path in files:
        finder = _CallFinder(names)
        finder.visit(ast.parse(path.read_text("utf-8")))
        found += [(str(path.relative_to(ROOT)), fn, line) for fn, line in finder.found]
    return found


def test_every_download_goes_through_the_one_function() -> None:
    assert {(f, fn) for f, fn, _ in _calls({"download_button"})} == BUTTON_DRAWN
    downloads = _calls({"_download_button"})
    assert {(f, fn) for f, fn, _ in downloads} == ALLOWED_DOWNLOADS
    strays = [c for c in _calls(WRITERS) if (c[0], c[1]) not in ALLOWED_WRITERS]
    assert not strays, f"a file written without data/exports.py: {strays}"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_hostile_start_is_neutralised_in_both_formats(hostile: str) -> None:
    frame = pd.DataFrame({"name": [hostile], "amount": [-5]})
    assert csv_bytes(frame).decode("utf-8-sig").splitlines()[0] == "name,amount"
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame, "S"))).active
    assert sheet["A2"].value == ("'" + hostile).replace("\r", "\n")  # XML reads CR as LF
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -5 and sheet["B2"].data_type == "n"
