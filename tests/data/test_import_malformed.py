"""Malformed files each get a clear message and leave the database byte-for-byte as it was;
encodings, dates and numbers as real exports write them; reject versus quarantine."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from data.importing.errors import ImportFileError, ImportRejected, MappingError
from data.importing.mapping import Mapping, auto_map
from data.importing.readers import ReadOptions, read_headers
from data.importing.runner import ImportRequest, run_import
from data.store import Store

TODAY = date(2026, 11, 20)
ORDERS = Mapping(
    "orders",
    columns={
        "order_id": "Order",
        "order_date": "Date",
        "customer": "Customer",
        "product": "Product",
        "rep": "Rep",
        "quantity": "Qty",
        "amount": "Amount",
    },
)
GOOD = "Order,Date,Customer,Product,Rep,Qty,Amount\nA1,2024-03-05,Acme,Widget,Ann,2,10.00\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding one imported order, closed so its bytes can be compared."""
    path = tmp_path / "team.duckdb"
    store = Store(path)
    run_import(store, ImportRequest(_write(tmp_path / "good.csv", GOOD), ORDERS), today=TODAY)
    store.close()
    return path


def _import(db: Path, file: Path, mapping: Mapping = ORDERS, **kwargs: object) -> None:
    store = Store(db)
    try:
        run_import(store, ImportRequest(file, mapping, **kwargs), today=TODAY)  # type: ignore[arg-type]
    finally:
        store.close()


CASES = {
    "empty": (b"", ImportFileError, "is empty"),
    "header_only": (b"Order,Date,Customer,Product,Rep,Qty,Amount\n", ImportFileError, "no rows"),
    "binary": (bytes(range(256)) * 40, ImportFileError, "binary data"),
    "truncated_quote": (
        (GOOD + 'A2,2024-03-06,"Beta Co,Widget,Ann,1,5\n').encode(),
        ImportFileError,
        "never closes",
    ),
    "truncated_row": ((GOOD + "A2,2024-03-06,Beta\n").encode(), ImportFileError, "cut short"),
    "missing_column": (b"Order,Date,Customer,Product,Rep,Qty\nA1,2024-03-05,Acme,W,Ann,2\n",
                       MappingError, "no column 'Amount'"),
    "duplicate_keys": (
        b"Order,Date,Customer,Product,Rep,Qty,Amount,Line\nA1,2024-03-05,Acme,W,Ann,1,1,1\n"
        b"A1,2024-03-05,Acme,W,Ann,1,1,1\n",
        ImportRejected,
        "rows have errors",
    ),
    "negative_quantity": ((GOOD + "A2,2024-03-06,Beta,Widget,Ann,-3,5\n").encode(),
                          ImportRejected, "rows have errors"),
    "not_a_date": ((GOOD + "A2,someday,Beta,Widget,Ann,1,5\n").encode(), ImportRejected,
                   "rows have errors"),
    "not_a_number": ((GOOD + "A2,2024-03-06,Beta,Widget,Ann,1,lots\n").encode(),
                     ImportRejected, "rows have errors"),
    # Whole but past a 32-bit integer: refused on its row, not a crash of the write.
    "quantity_too_large": ((GOOD + "A2,2024-03-06,Beta,Widget,Ann,3000000000,5\n").encode(),
                           ImportRejected, "rows have errors"),
    "ambiguous_dates": (
        b"Order,Date,Customer,Product,Rep,Qty,Amount\nA1,03/04/2024,Acme,W,Ann,1,1\n"
        b"A2,05/06/2024,Acme,W,Ann,1,1\n",
        ImportRejected,
        "could be read",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_file_is_refused_and_the_database_is_untouched(
    db: Path, tmp_path: Path, case: str
) -> None:
    content, error, words = CASES[case]
    bad = tmp_path / f"{case}.csv"
    bad.write_bytes(content)
    mapping = ORDERS
    if case == "duplicate_keys":
        mapping = Mapping("orders", columns=ORDERS.columns | {"line_no": "Line"})
    before = _sha(db)
    with pytest.raises(error, match=words):
        _import(db, bad, mapping)
    assert _sha(db) == before


def test_a_file_over_the_size_limit_is_refused(db: Path, tmp_path: Path) -> None:
    big = _write(tmp_path / "big.csv", GOOD + "A2,2024-03-06,Beta,Widget,Ann,1,5\n" * 2000)
    before = _sha(db)
    with pytest.raises(ImportFileError, match="over the import limit"):
        _import(db, big, read=ReadOptions(max_mb=0.01))
    assert _sha(db) == before


def test_rejected_rows_are_named_by_row_column_value_and_reason(tmp_path: Path) -> None:
    text = GOOD + "A2,2024-03-06,Beta,Widget,Ann,-3,5\nA3,2024-13-45,Gamma,Widget,Ann,1,x\n"
    store = Store(tmp_path / "t.duckdb")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, ImportRequest(_write(tmp_path / "f.csv", text), ORDERS), today=TODAY)
    problems = caught.value.report.problems  # type: ignore[attr-defined]
    got = {(r.row, r.column, r.value, r.code) for r in problems.itertuples()}
    assert got == {
        (3, "Qty", "-3", "negative_quantity"),
        (4, "Date", "2024-13-45", "not_a_date"),
        (4, "Amount", "x", "not_a_number"),
    }
    assert store.scalar("SELECT count(*) FROM orders") == 0


def test_quarantine_imports_the_valid_rows_and_sets_the_rest_aside(tmp_path: Path) -> None:
    # 2027-01-01 is in the future but within a year of TODAY: a warning, not an error.
    text = GOOD + "A2,2024-03-06,Beta,Widget,Ann,-3,5\nA3,2027-01-01,Gamma,Widget,Ann,1,7\n"
    store = Store(tmp_path / "t.duckdb")
    request = ImportRequest(_write(tmp_path / "f.csv", text), ORDERS, on_error="quarantine")
    report = run_import(store, request, today=TODAY)
    assert store.scalar("SELECT list(order_id ORDER BY order_id) FROM orders") == ["A1", "A3"]
    assert report.rejected_rows["row"].tolist() == [3]
    assert report.rejected_rows["Qty"].tolist() == ["-3"]
    assert report.warnings == 1  # the order dated 2027 is flagged, not refused
    log = store.rows("SELECT rows_added, rows_rejected, warnings FROM import_log")
    assert log == [(2, 1, 1)]
    # The file is hashed while DuckDB reads it; the log holds the whole file's hash and size.
    path = tmp_path / "f.csv"
    logged = store.rows("SELECT file_sha256, file_bytes FROM import_log")
    assert logged == [(_sha(path), path.stat().st_size)]
    assert report.file_sha256 == _sha(path)


def test_gbk_file_with_chinese_names_is_detected_and_read(tmp_path: Path) -> None:
    text = (
        "订单号,下单日期,客户名称,产品名称,业务员,数量,销售额\n"
        'C1,2024年3月5日,北京华联商贸有限公司,保温杯,张伟,２,"￥1,280.50"\n'
    )
    path = _write(tmp_path / "gbk.csv", text, "gbk")
    store = Store(tmp_path / "t.duckdb")
    # No mapping given: the Chinese headers are matched to fields by their synonyms.
    mapping = Mapping("orders", columns=auto_map(read_headers(path), "orders"))
    assert mapping.columns == {
        "order_id": "订单号", "order_date": "下单日期", "customer": "客户名称",
        "product": "产品名称", "rep": "业务员", "quantity": "数量", "amount": "销售额",
    }  # fmt: skip
    report = run_import(store, ImportRequest(path, mapping), today=TODAY)
    assert report.staged is not None and report.staged.encoding is not None
    assert report.staged.encoding.encoding == "gb18030"
    assert store.rows("SELECT name FROM customers") == [("北京华联商贸有限公司",)]
    assert store.rows("SELECT order_date, net_amount_cents FROM orders") == [
        (date(2024, 3, 5), 128050)
    ]


def test_gbk_file_with_a_bad_row_is_refused_with_the_chinese_value(
    db: Path, tmp_path: Path
) -> None:
    text = "Order,Date,Customer,Product,Rep,Qty,Amount\nC1,2024-03-05,张伟商行,杯,李娜,-1,5\n"
    path = _write(tmp_path / "gbk.csv", text, "gbk")
    before = _sha(db)
    with pytest.raises(ImportRejected, match="negative quantity"):
        _import(db, path)
    assert _sha(db) == before


def test_latin1_file_with_accented_names_is_read(tmp_path: Path) -> None:
    text = (
        "Order,Date,Customer,Product,Rep,Qty,Amount\n"
        "L1,05/03/2024,Café Müller,Crème,José Núñez,1,£7\n"
        'L2,25/12/2024,Señora Ibáñez,Crème,José Núñez,1,"(1,5)"\n'
    )
    path = _write(tmp_path / "latin.csv", text, "latin-1")
    store = Store(tmp_path / "t.duckdb")
    report = run_import(store, ImportRequest(path, ORDERS), today=TODAY)
    assert report.date_formats == {"order_date": "d/m/Y"}
    assert sorted(r[0] for r in store.rows("SELECT name FROM customers")) == [
        "Café Müller", "Señora Ibáñez"]  # fmt: skip
    assert store.rows("SELECT name FROM reps") == [("José Núñez",)]
    # (1,5) is minus one and a half with a decimal comma
    assert sorted(store.rows("SELECT net_amount_cents FROM orders")) == [(-150,), (700,)]


def test_a_crash_while_writing_leaves_the_database_as_it_was(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from data.importing import commit

    def crash(_writer: object) -> None:
        raise RuntimeError("power cut")  # after the order lines were written

    monkeypatch.setattr(commit, "_fix_hire_dates", crash)
    more = _write(
        tmp_path / "more.csv", GOOD.replace("A1", "B1") + "B2,2024-03-07,New Co,W,Bo,1,3\n"
    )
    before = _sha(db)
    with pytest.raises(RuntimeError, match="power cut"):
        _import(db, more)
    assert _sha(db) == before
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM orders") == 1
    assert store.scalar("SELECT count(*) FROM import_log") == 1


# ---------------------------------------------------------------- issue 19: hostile files


def _orders_in(db: Path) -> list[tuple[object, ...]]:
    store = Store(db)
    try:
        return store.rows("SELECT order_id, order_date, net_amount_cents FROM orders ORDER BY 1")
    finally:
        store.close()


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_cr_only_crlf_and_lf_files_read_the_same(tmp_path: Path, end: str) -> None:
    # Before: a CR-only file (old Mac exports) crashed reading its header with csv.Error.
    text = GOOD.replace("\n", end) + f"A2,2024-03-06,Beta,Widget,Ann,1,5{end}"
    db = tmp_path / "t.duckdb"
    _import(db, _write(tmp_path / "lines.csv", text))
    assert _orders_in(db) == [("A1", date(2024, 3, 5), 1000), ("A2", date(2024, 3, 6), 500)]


def test_a_file_mixing_lf_and_crlf_is_read(tmp_path: Path) -> None:
    # Before: DuckDB's "CSV Parser state machine reached an invalid state" as the message.
    text = "Order,Date,Customer,Product,Rep,Qty,Amount\r\nA1,2024-03-05,Acme,W,Ann,2,10\n"
    text += "A2,2024-03-06,Beta,W,Ann,1,5\r\n"
    db = tmp_path / "t.duckdb"
    _import(db, _write(tmp_path / "mixed.csv", text))
    assert _orders_in(db) == [("A1", date(2024, 3, 5), 1000), ("A2", date(2024, 3, 6), 500)]


def _xlsx(path: Path, rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path.read_bytes()


def _zip_edit(data: bytes, suffix: str, new: bytes | None) -> bytes:
    """The zip with the member ending in `suffix` replaced by `new` (None: left out)."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename.endswith(suffix):
                if new is None:
                    continue
                body = new
            target.writestr(info.filename, body)
    return out.getvalue()


ROWS = [["Order", "Date", "Customer", "Product", "Rep", "Qty", "Amount"],
        ["A1", "2024-03-05", "Acme", "Widget", "Ann", 2, 10]]  # fmt: skip


@pytest.mark.parametrize(
    ("member", "new", "key"),
    [
        ("worksheets/sheet1.xml", b"<garbage", "import.bad_xlsx"),  # was xml ParseError
        ("styles.xml", b"\x00junk", "import.bad_xlsx"),  # was xml ParseError
        ("worksheets/sheet1.xml", None, "import.xlsx_no_sheets"),  # was IndexError
    ],
)
def test_a_damaged_xlsx_is_refused_in_words(
    db: Path, tmp_path: Path, member: str, new: bytes | None, key: str
) -> None:
    good = _xlsx(tmp_path / "good.xlsx", ROWS)
    bad = tmp_path / "damaged.xlsx"
    bad.write_bytes(_zip_edit(good, member, new))
    before = _sha(db)
    with pytest.raises(ImportFileError) as caught:
        _import(db, bad)
    assert caught.value.key == key and caught.value.values["name"] == "damaged.xlsx"
    assert _sha(db) == before


def test_a_forged_million_row_dimension_is_not_believed(tmp_path: Path) -> None:
    # The sheet says A1:XFD1048576; openpyxl padded every row to 16,384 cells and yielded a
    # million rows (over 120 s). The rows actually there are read: one order.
    good = _xlsx(tmp_path / "good.xlsx", ROWS)
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(good)).read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:G2" />' in xml
    forged = xml.replace(b'<dimension ref="A1:G2" />', b'<dimension ref="A1:XFD1048576" />')
    path = tmp_path / "forged.xlsx"
    path.write_bytes(_zip_edit(good, "worksheets/sheet1.xml", forged))
    db = tmp_path / "t.duckdb"
    _import(db, path)
    assert _orders_in(db) == [("A1", date(2024, 3, 5), 1000)]


def test_a_sheet_past_the_column_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    import io
    import zipfile

    from data.importing.readers import XLSX_MAX_COLUMNS

    good = _xlsx(tmp_path / "good.xlsx", ROWS)
    xml = zipfile.ZipFile(io.BytesIO(good)).read("xl/worksheets/sheet1.xml")
    far = b'<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = tmp_path / "wide.xlsx"
    path.write_bytes(_zip_edit(good, "worksheets/sheet1.xml", xml.replace(b"</sheetData>", far)))
    with pytest.raises(ImportFileError) as caught:
        _import(tmp_path / "t.duckdb", path)
    # XFD is column 16,384 (26 * 26 * 24 + 26 * 6 + 4, Excel's last); the limit is 1,000.
    assert caught.value.key == "import.xlsx_too_many_columns"
    assert caught.value.values == {"name": "wide.xlsx", "sheet": "Sheet", "row": 3,
                                   "columns": 16384, "max_columns": XLSX_MAX_COLUMNS}  # fmt: skip
    assert "has 16,384 columns; Huddle reads at most 1,000" in str(caught.value)


def test_a_multi_character_delimiter_is_refused_in_words(tmp_path: Path) -> None:
    # Before: TypeError from the csv module, on the Data page and in the CLI.
    path = _write(tmp_path / "f.csv", GOOD)
    options = ReadOptions(delimiter=",,")
    for read in (lambda: read_headers(path, options),
                 lambda: _import(tmp_path / "t.duckdb", path, read=options)):  # fmt: skip
        with pytest.raises(ImportFileError) as caught:
            read()
        assert caught.value.key == "import.bad_delimiter"
        assert caught.value.values == {"delimiter": ",,"}


@pytest.mark.parametrize(
    ("day", "refused"),
    [("0000-03-05", True), ("9999-12-31", True), ("1899-12-31", True), ("2027-11-21", True),
     ("1900-01-01", False), ("2027-11-20", False)],
)  # fmt: skip
def test_dates_before_1900_or_over_a_year_ahead_are_errors_on_their_row(
    tmp_path: Path, day: str, refused: bool
) -> None:
    # TODAY is 2026-11-20, so the last date accepted is 2027-11-20. Before: year 0 was stored
    # as 1 BC (every page then crashed) and 9999-12-31 only warned.
    path = _write(tmp_path / "f.csv", GOOD + f"A2,{day},Beta,Widget,Ann,1,5\n")
    store = Store(tmp_path / "t.duckdb")
    report = run_import(store, ImportRequest(path, ORDERS), dry_run=True, today=TODAY)
    errors = report.problems[report.problems["severity"] == "error"]
    if refused:
        assert [(r.row, r.column, r.value, r.code) for r in errors.itertuples()] == [
            (3, "Date", day, "date_out_of_range")
        ]
        assert errors["detail"].tolist() == ["1900-01-01 – 2027-11-20"]
    else:
        assert errors.empty


def test_teams_that_are_each_others_parent_are_refused_naming_them(tmp_path: Path) -> None:
    from components.text import error_text, use_language

    teams = Mapping("teams", columns={"team": "Team", "parent_team": "Parent"})
    store = Store(tmp_path / "t.duckdb")
    path = _write(tmp_path / "teams.csv", "Team,Parent\nNorth,South\nSouth,North\nEast,\n")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, ImportRequest(path, teams), today=TODAY)
    assert caught.value.key == "import.refused.blocking"
    assert "The parent teams form a circle: North → South → North." in str(caught.value)
    assert "Fix the column 'Parent' for North, South." in str(caught.value)
    with use_language("zh"):
        assert "上级团队形成了一个环：North → South → North。" in error_text(caught.value)
    assert store.scalar("SELECT count(*) FROM teams") == 0
    # A circle through a team already stored: B inside A is stored; A inside B is refused.
    _write(path, "Team,Parent\nA,\nB,A\n")
    run_import(store, ImportRequest(path, teams), today=TODAY)
    _write(path, "Team,Parent\nA,B\n")
    with pytest.raises(ImportRejected, match="A → B → A"):
        run_import(store, ImportRequest(path, teams), today=TODAY)
    stored = store.rows(
        "SELECT t.name, p.name FROM teams t LEFT JOIN teams p ON p.team_id = t.parent_id ORDER BY 1"
    )
    assert stored == [("A", None), ("B", "A")]
