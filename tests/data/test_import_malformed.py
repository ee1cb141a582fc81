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
    text = GOOD + "A2,2024-03-06,Beta,Widget,Ann,-3,5\nA3,2099-01-01,Gamma,Widget,Ann,1,7\n"
    store = Store(tmp_path / "t.duckdb")
    request = ImportRequest(_write(tmp_path / "f.csv", text), ORDERS, on_error="quarantine")
    report = run_import(store, request, today=TODAY)
    assert store.scalar("SELECT list(order_id ORDER BY order_id) FROM orders") == ["A1", "A3"]
    assert report.rejected_rows["row"].tolist() == [3]
    assert report.rejected_rows["Qty"].tolist() == ["-3"]
    assert report.warnings == 1  # the order dated 2099 is flagged, not refused
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
