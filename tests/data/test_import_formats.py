"""Readers, encodings, dates, numbers, header matching and presets, on small files made here."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from data.importing.encoding import detect_encoding
from data.importing.fields import TABLES
from data.importing.mapping import Mapping, auto_map, check_mapping
from data.importing.parsing import blank_sql, cents_sql, date_sql, detect_date_format
from data.importing.presets import get_preset, save_preset, saved_presets, shipped_presets
from data.importing.readers import ReadOptions
from data.importing.runner import ImportRequest, run_import
from data.store import Store

TODAY = date(2026, 11, 20)


def _column(values: list[str | None]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (c VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?)", [(v,) for v in values])
    return con


@pytest.mark.parametrize(
    ("values", "fmt", "first"),
    [
        (["2024-03-05", "2024-12-31 23:59:59", "2024-01-02T08:00"], "Y-m-d", date(2024, 3, 5)),
        (["3/5/2024", "12/31/2024 4:05 PM"], "m/d/Y", date(2024, 3, 5)),
        (["05/03/2024", "31/12/2024"], "d/m/Y", date(2024, 3, 5)),
        (["05-03-2024", "31-12-2024"], "d-m-Y", date(2024, 3, 5)),
        (["2024年3月5日", "2024年12月31日 14时30分"], "Y年m月d日", date(2024, 3, 5)),
        (["45356", "45657.75"], "excel serial", date(2024, 3, 5)),
    ],
)
def test_date_formats_are_detected_per_column(values: list[str], fmt: str, first: date) -> None:
    con = _column([*values, "", None])
    found = detect_date_format(con, "t", "c")
    assert (found.format, found.ambiguous) == (fmt, ())
    assert con.execute(f"SELECT {date_sql('c', fmt)} FROM t").fetchall()[0][0] == first


def test_a_column_both_m_d_and_d_m_is_reported_ambiguous() -> None:
    found = detect_date_format(_column(["03/04/2024", "05/06/2024"]), "t", "c")
    assert set(found.ambiguous) == {"m/d/Y", "d/m/Y"}


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1,234.56", 123456), ("¥1,234.5", 123450), ("$ 99", 9900), ("€0.005", 1),
        ("£-2.50", -250), ("(1,000.00)", -100000), ("１２３．４", 12340), ("12.5%", 13),
        ("", None), ("  ", None), ("n/a", None), ("￥８８", 8800),
        ("99999999999", 9999999999900), ("-0.005", -1), ("1e40", None),
        # Thousands separators only between groups of three: 1,2,3 was read as 123.00.
        ("1,2,3", None), ("12,34", None), (",123", None), ("123,", None), ("1,2345", None),
        ("1234,567", None), ("1,234,567.89", 123456789), ("１，２３４", 123400),
        ("1 2 3", None), ("1 234 567", 123456700), ("1234 567", None), ("¥ 1 234", 123400),
    ],
)  # fmt: skip
def test_numbers_as_exports_write_them(text: str, cents: int | None) -> None:
    con = _column([text])
    assert con.execute(f"SELECT {cents_sql('c')} FROM t").fetchall()[0][0] == cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [("1.234,56", 123456), ("12,5", 1250), ("1.234.567,8", 123456780), ("1.2.3", None),
     ("1.23,4", None), ("12.34", None), ("1 234,5", 123450)],
)  # fmt: skip
def test_decimal_comma_numbers_group_their_thousands_by_three(text: str, cents: int | None) -> None:
    # With a decimal comma the point separates thousands: 1.2.3 was read as 123 (now no number).
    con = _column([text])
    assert con.execute(f"SELECT {cents_sql('c', True)} FROM t").fetchall()[0][0] == cents


def test_blank_sql_is_trim_then_null_when_empty() -> None:
    # The fast path keeps ASCII values that need no trim; everything else is trimmed as before.
    values = ["a", " a", "a ", "a\u00a0", "\u00a0a", "a\u3000", "\u3000张伟", "张伟",
              "张伟\u2003", "a\t", "\ta", "", "   ", None, "a b", "é", "aé", "~", "a\u202f",
              "a\u200b"]  # fmt: skip
    con = _column(values)
    differ = con.execute(
        f"SELECT c FROM t WHERE {blank_sql('c')} IS DISTINCT FROM nullif(trim(c), '')"
    ).fetchall()
    assert differ == []
    assert (
        con.execute(f"SELECT count({blank_sql('c')}) FROM t").fetchall()[0][0] == 17
    )  # all but "", "   ", None


def test_numbers_too_big_to_store_are_problems_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "Order,Date,Customer,Product,Rep,Qty,Amount\n"
        "B1,2024-03-05,Acme,W,Ann,1,99999999999999999999999\n"
        "B2,2024-03-05,Acme,W,Ann,1e15,5\nB3,2024-03-05,Acme,W,Ann,1,12345678901.25\n",
        "utf-8",
    )
    store = Store(tmp_path / "t.duckdb")
    columns = {"order_id": "Order", "order_date": "Date", "customer": "Customer",
               "product": "Product", "rep": "Rep", "quantity": "Qty",
               "amount": "Amount"}  # fmt: skip
    request = ImportRequest(path, Mapping("orders", columns=columns), on_error="quarantine")
    report = run_import(store, request, today=TODAY)
    assert report.rejected_rows["row"].tolist() == [2, 3]
    assert set(report.problems["code"]) == {"not_a_number"}
    assert store.rows("SELECT order_id, net_amount_cents FROM orders") == [("B3", 1234567890125)]


def test_encodings_are_told_apart(tmp_path: Path) -> None:
    samples = {
        "utf8.csv": ("客户,金额\n张伟,1\n".encode(), "utf-8"),
        "bom.csv": ("\ufeffname\nJosé\n".encode(), "utf-8"),
        "gbk.csv": ("客户名称,销售额\n北京华联,100\n上海联华,200\n".encode("gbk"), "gb18030"),
        "cp1252.csv": ("name\nCafé “Noir”\n".encode("cp1252"), "cp1252"),
    }
    for name, (raw, expected) in samples.items():
        (tmp_path / name).write_bytes(raw)
        assert detect_encoding(tmp_path / name).encoding == expected, name


def test_chinese_and_english_headers_map_to_fields() -> None:
    headers = ["订单编号", "下单日期", "客户名称", "业务员", "产品名称", "数量", "金额", "备注"]
    assert auto_map(headers, "orders") == {
        "order_id": "订单编号", "order_date": "下单日期", "customer": "客户名称", "rep": "业务员",
        "product": "产品名称", "quantity": "数量", "amount": "金额",
    }  # fmt: skip
    english = ["Opportunity_ID", "Sales Agent", "Account", "Deal Stage", "Engage Date",
               "Close Date", "Close Value"]  # fmt: skip
    assert auto_map(english, "deals") == {
        "deal_id": "Opportunity_ID", "rep": "Sales Agent", "customer": "Account",
        "stage": "Deal Stage", "created_date": "Engage Date", "closed_date": "Close Date",
        "amount": "Close Value",
    }  # fmt: skip


def test_every_shipped_preset_maps_known_fields_with_its_own_headers() -> None:
    presets = shipped_presets()
    assert {"maven-crm", "superstore", "salesforce", "zoho-crm", "fxiaoke"} <= set(presets)
    for preset in presets.values():
        for item in preset.files:
            assert item.mapping.table in TABLES
            check_mapping(item.mapping, list(item.mapping.columns.values()))


def test_a_saved_preset_round_trips(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    mapping = Mapping(
        "orders",
        columns={"order_id": "单号", "order_date": "日期", "amount": "金额", "customer": "客户",
                 "product": "品名"},
        defaults={"rep": "门店"},
        date_formats={"order_date": "d/m/Y"},
        values={"status": {"已退": "returned"}},
        options={"default_team": "门店一组"},
    )  # fmt: skip
    save_preset(store, "my-pos", mapping, "pos.csv")
    loaded = saved_presets(store)["my-pos"]
    assert loaded.for_table("orders") == mapping
    assert get_preset("my-pos", store).files[0].file == "pos.csv"


def test_xlsx_sheet_is_picked_and_excel_dates_read(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["这一页不是数据"])
    sheet = book.create_sheet("商机")
    sheet.append(["商机编号", "负责人", "客户名称", "商机阶段", "商机金额", "创建时间", "结单日期"])
    sheet.append(["F-1", "王芳", "杭州云栖科技", "赢单", 88000.5, datetime(2024, 3, 5, 9, 30),
                  datetime(2024, 4, 1)])  # fmt: skip
    sheet.append(["F-2", "王芳", "杭州云栖科技", "方案/报价", None, datetime(2024, 3, 9), None])
    path = tmp_path / "商机.xlsx"
    book.save(path)
    store = Store(tmp_path / "t.duckdb")
    mapping = get_preset("fxiaoke").for_table("deals")
    report = run_import(
        store, ImportRequest(path, mapping, read=ReadOptions(sheet="商机")), today=TODAY
    )
    assert report.staged is not None and report.staged.sheets == ["说明", "商机"]
    assert store.rows("SELECT deal_id, stage, created_date, closed_date, amount_cents FROM deals "
                      "ORDER BY 1") == [
        ("F-1", "won", date(2024, 3, 5), date(2024, 4, 1), 8800050),
        ("F-2", "negotiation", date(2024, 3, 9), None, None),
    ]  # fmt: skip


def test_parquet_is_read(tmp_path: Path) -> None:
    path = tmp_path / "orders.parquet"
    duckdb.connect().execute(
        "COPY (SELECT 'P' || i AS order_id, DATE '2024-01-01' + CAST(i AS INTEGER) AS order_date,"
        " 'Acme' AS customer, 'Widget' AS product, 'Ann' AS rep, 19.99 AS amount"
        " FROM range(3) t(i)) "
        f"TO '{path}' (FORMAT parquet)"
    )
    store = Store(tmp_path / "t.duckdb")
    mapping = Mapping("orders", columns=auto_map(
        ["order_id", "order_date", "customer", "product", "rep", "amount"], "orders"))  # fmt: skip
    run_import(store, ImportRequest(path, mapping), today=TODAY)
    assert store.rows("SELECT count(*), sum(net_amount_cents), max(order_date) FROM orders") == [
        (3, 5997, date(2024, 1, 3))
    ]


def test_tsv_with_quoted_embedded_newlines(tmp_path: Path) -> None:
    path = tmp_path / "customers.tsv"
    path.write_text('客户名称\t行业\t城市\n"星光\n百货"\t零售\t上海\n大华\t"餐饮"\t北京\n', "utf-8")
    store = Store(tmp_path / "t.duckdb")
    mapping = Mapping("customers", columns=auto_map(["客户名称", "行业", "城市"], "customers"))
    report = run_import(store, ImportRequest(path, mapping), today=TODAY)
    assert report.staged is not None and report.staged.delimiter == "\t"
    assert sorted(store.rows("SELECT name, industry, city FROM customers")) == [
        ("大华", "餐饮", "北京"), ("星光\n百货", "零售", "上海")]  # fmt: skip


def test_unknown_stage_values_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "deal id,owner,stage,created date\nD1,Ann,初步接触,2024-01-02\nD2,Ann,跟进,2024-01-03\n"
        "D3,Ann,Pending Review,2024-01-04\nD4,Ann,成交,2024-01-05\n",
        "utf-8",
    )
    store = Store(tmp_path / "t.duckdb")
    mapping = Mapping(
        "deals", columns=auto_map(path.read_text().splitlines()[0].split(","), "deals")
    )
    report = run_import(store, ImportRequest(path, mapping, on_error="quarantine"), today=TODAY)
    assert report.unmapped_values == {"stage": ["Pending Review"]}
    # 成交 (won) without a close date is an error too: a won deal needs one.
    assert store.rows("SELECT deal_id, stage FROM deals ORDER BY 1") == [
        ("D1", "contact"), ("D2", "follow_up")]  # fmt: skip
    assert report.rejected_rows["row"].tolist() == [4, 5]
