"""The import's errors carry a catalogue key and plain values, so the interface can show them in
Chinese: a Chinese rendering is Chinese throughout, apart from the file's own names and values."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from components.text import error_text, use_language
from data.errors import HuddleDataError
from data.importing import messages
from data.importing.errors import ForeignDataError, ImportFileError, ImportRejected, MappingError
from data.importing.mapping import Mapping, check_mapping
from data.importing.presets import get_preset
from data.importing.readers import ReadOptions
from data.importing.runner import ImportRequest, run_import
from data.store import Store

TODAY = date(2026, 11, 20)
HEADER = "Order,Date,Customer,Product,Rep,Qty,Amount\n"
GOOD = HEADER + "A1,2024-03-05,Acme,Widget,Ann,2,10.00\n"
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
# Names, not words: the same in both languages (as in tests/components/test_text.py).
NAMES = {"Huddle", "CSV", "TSV", "XLSX", "Parquet", "Excel", "MB"}


def _foreign_words(text: str, values: dict[str, object]) -> set[str]:
    """ASCII words in `text` that are neither a value nor a name."""
    for value in sorted((str(v) for v in values.values()), key=len, reverse=True):
        text = text.replace(value, " ")
    return set(re.findall(r"[A-Za-z]{2,}", text)) - NAMES


def _in_chinese(error: HuddleDataError) -> str:
    with use_language("zh"):
        return error_text(error)


def _import(tmp_path: Path, name: str, content: bytes, **kwargs: object) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    store = Store(tmp_path / "t.duckdb")
    try:
        run_import(store, ImportRequest(path, ORDERS, **kwargs), today=TODAY)  # type: ignore[arg-type]
    finally:
        store.close()


MALFORMED = {
    "empty.csv": (b"", ImportFileError, "import.empty_file"),
    "header_only.csv": (HEADER.encode(), ImportFileError, "import.no_rows"),
    "binary.csv": (bytes(range(256)) * 40, ImportFileError, "import.binary"),
    "quote.csv": (
        (GOOD + 'A2,2024-03-06,"Beta Co,Widget,Ann,1,5\n').encode(),
        ImportFileError,
        "import.truncated",
    ),
    "short_row.csv": ((GOOD + "A2,2024-03-06,Beta\n").encode(), ImportFileError,
                      "import.column_count"),
    "fake.xlsx": (b"Order,Date\nA1,2024-03-05\n", ImportFileError, "import.not_really"),
    "no_amount.csv": (b"Order,Date,Customer,Product,Rep,Qty\nA1,2024-03-05,Acme,W,Ann,2\n",
                      MappingError, "import.missing_column"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_file_is_refused_with_a_key_and_in_chinese(tmp_path: Path, name: str) -> None:
    content, kind, key = MALFORMED[name]
    with pytest.raises(kind) as caught:
        _import(tmp_path, name, content)
    error = caught.value
    assert error.key == key
    assert str(error) == messages.EN[key].format(**error.values)  # the English as raised
    chinese = _in_chinese(error)
    assert chinese == messages.ZH[key].format(**error.values)
    assert re.search(r"[\u4e00-\u9fff]", chinese)
    assert not _foreign_words(chinese, error.values), chinese


def test_values_are_plain_data_not_english_phrases(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        _import(tmp_path, "short_row.csv", (GOOD + "A2,2024-03-06,Beta\n").encode())
    assert caught.value.values == {"name": "short_row.csv", "row": 3, "found": 3, "expected": 7}
    with pytest.raises(ImportFileError) as caught:
        _import(tmp_path, "big.csv", (GOOD * 200).encode(), read=ReadOptions(max_mb=0.001))
    values = caught.value.values
    assert values["name"] == "big.csv" and values["setting"] == "HUDDLE_IMPORT_MAX_MB"
    assert isinstance(values["size_mb"], float) and isinstance(values["limit_mb"], float)
    assert not _foreign_words(_in_chinese(caught.value), values)


def test_a_list_of_names_is_one_value_joined_with_commas() -> None:
    mapping = Mapping("orders", columns={"order_id": "Order", "order_date": "Date"})
    with pytest.raises(MappingError) as caught:
        check_mapping(mapping, ["Order", "Date"])
    assert caught.value.key == "import.required_missing"
    # Alternatives are written a/b, not "a or b": the same in both languages.
    assert (
        caught.value.values["fields"]
        == "amount, customer/customer_key, product/product_key, rep/rep_key"
    )
    assert "customer/customer_key" in _in_chinese(caught.value)


def test_a_rejected_import_is_keyed_and_shown_in_chinese(tmp_path: Path) -> None:
    bad = GOOD + "A2,2024-03-06,Beta,Widget,Ann,-3,5\n"
    with pytest.raises(ImportRejected) as caught:
        _import(tmp_path, "订单.csv", bad.encode())
    error = caught.value
    assert error.key == "import.refused.rows"
    assert (error.values["file"], error.values["rejected"], error.values["rows"]) == (
        "订单.csv",
        1,
        2,
    )
    assert "row 3, Qty: negative quantity" in str(error)  # the CLI still lists the problems
    chinese = _in_chinese(error)
    assert "订单.csv" in chinese and "未导入" in chinese and "negative" not in chinese


def test_a_dry_run_keeps_the_refusal_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(HEADER + "A1,03/04/2024,Acme,W,Ann,1,1\nA2,05/06/2024,Acme,W,Ann,1,1\n")
    store = Store(tmp_path / "t.duckdb")
    report = run_import(store, ImportRequest(path, ORDERS), dry_run=True, today=TODAY)
    assert report.refusal is not None and report.refusal.key == "import.refused.blocking"
    assert report.refused == str(report.refusal) and "could be read" in report.refused
    assert not report.committed and store.scalar("SELECT count(*) FROM orders") == 0
    chinese = _in_chinese(report.refusal)
    assert "dates.csv" in chinese and "could be read" not in chinese


def test_the_demo_company_refusal_is_keyed(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    with store.transaction() as con:  # a team no import wrote, as the demo company's are
        con.execute("INSERT INTO teams (team_id, name, channel) VALUES (1, 'Demo', 'retail')")
    path = tmp_path / "good.csv"
    path.write_text(GOOD)
    with pytest.raises(ForeignDataError) as caught:
        run_import(store, ImportRequest(path, ORDERS), today=TODAY)
    assert caught.value.key == "import.refused.foreign_data"
    assert caught.value.values == {"path": str(store.path)}
    assert "演示公司" in _in_chinese(caught.value)


def test_presets_and_encodings_name_what_is_wrong_in_both_languages() -> None:
    from data.importing.encoding import normalize_encoding

    with pytest.raises(MappingError) as caught:
        check_mapping(Mapping("sales"), ["Order"])  # a mapping file naming no such table
    assert caught.value.key == "import.unknown_table"
    assert "“sales”" in _in_chinese(caught.value)

    with pytest.raises(MappingError) as caught:
        get_preset("no-such-preset")
    assert caught.value.key == "import.no_preset"
    assert "“no-such-preset”" in _in_chinese(caught.value)
    with pytest.raises(ImportFileError) as caught:
        normalize_encoding("ebcdic")
    assert caught.value.key == "import.unknown_encoding"
    assert "“ebcdic”" in _in_chinese(caught.value)
