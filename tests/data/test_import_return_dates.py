"""A returned line's own date (issue 15): read from an orders file under an English or a
Chinese heading, kept in order_returns, and replaced by the file the next time it is read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from data.importing.mapping import Mapping, auto_map
from data.importing.runner import ImportRequest, run_import
from data.store import Store

TODAY = date(2025, 6, 1)


def _import(store: Store, path: Path, text: str) -> None:
    path.write_text(text, "utf-8")
    headers = text.splitlines()[0].split(",")
    mapping = Mapping("orders", columns=auto_map(headers, "orders"))
    assert mapping.columns.get("return_date") == headers[-1]
    run_import(store, ImportRequest(path, mapping), today=TODAY)


def test_a_chinese_return_date_heading_is_read_and_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    # R1 line 1 kept; R1 line 2 returned on 10 May (ordered 5 March); R2 returned, no date.
    _import(
        store,
        tmp_path / "orders.csv",
        "订单编号,行号,下单日期,客户名称,业务员,产品名称,金额,订单状态,退货日期\n"
        "R1,1,2025-03-05,Acme,Ann,Widget,1000,completed,\n"
        "R1,2,2025-03-05,Acme,Ann,Widget,500,returned,2025-05-10\n"
        "R2,1,2025-03-06,Acme,Ann,Widget,200,returned,\n",
    )
    assert store.rows("SELECT order_id, line_no, return_date FROM order_returns") == [
        ("R1", 2, date(2025, 5, 10))
    ]


def test_the_file_read_again_has_the_say_over_its_lines(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    header = "Order ID,Line,Order Date,Customer,Rep,Product,Amount,Status,Return Date\n"
    _import(
        store, tmp_path / "a.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,returned,2025-05-10\n"
    )
    _import(
        store, tmp_path / "b.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,returned,2025-04-02\n"
    )
    assert store.rows("SELECT return_date FROM order_returns") == [(date(2025, 4, 2),)]
    _import(store, tmp_path / "c.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,completed,\n")
    assert store.rows("SELECT count(*) FROM order_returns") == [(0,)]
