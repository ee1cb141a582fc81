"""An order line's own region, city, store and channel (issue 17): read from an orders file
under English or Chinese headings into order_places, replaced by the file the next time it is
read; "customer region" / "customer city" headings (and mappings naming customer_region or
customer_city) still set the customer's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from data.importing.mapping import Mapping, auto_map
from data.importing.runner import ImportRequest, run_import
from data.store import Store

TODAY = date(2025, 6, 1)


def _import(store: Store, path: Path, text: str, mapping: Mapping | None = None) -> Mapping:
    path.write_text(text, "utf-8")
    headers = text.splitlines()[0].split(",")
    mapping = mapping or Mapping("orders", columns=auto_map(headers, "orders"))
    run_import(store, ImportRequest(path, mapping), today=TODAY)
    return mapping


def test_english_headings_are_the_line_s_place(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    mapping = _import(
        store,
        tmp_path / "orders.csv",
        "Order ID,Line,Order Date,Customer,Rep,Product,Amount,Region,City,Store,Channel\n"
        "A1,1,2025-03-05,Acme,Ann,Widget,1000,West,Denver,Shop 1,Wholesale\n"
        "A1,2,2025-03-05,Acme,Ann,Widget,500,East,Boston,,\n"
        "A2,1,2025-03-06,Acme,Ann,Widget,200,,,,\n",
    )
    assert {k: mapping.columns[k] for k in ("region", "city", "store", "channel")} == {
        "region": "Region", "city": "City", "store": "Store", "channel": "Channel",
    }  # fmt: skip
    assert "customer_region" not in mapping.columns
    # A2 says nothing of its place: no row, so it falls back to the customer's.
    assert store.rows("SELECT * FROM order_places ORDER BY 1, 2") == [
        ("A1", 1, "West", "Denver", "Shop 1", "wholesale"),  # the channel in its canonical word
        ("A1", 2, "East", "Boston", None, None),
    ]
    # The customer is left without a region: the file gave the lines', not the customer's.
    assert store.rows("SELECT region, city FROM customers") == [(None, None)]


def test_chinese_headings_are_the_line_s_place(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    mapping = _import(
        store,
        tmp_path / "orders.csv",
        "订单编号,行号,下单日期,客户名称,业务员,产品名称,金额,大区,城市,门店,销售渠道\n"
        "C1,1,2025-03-05,星光,王芳,茶具,1000,华东,杭州,西湖店,零售\n",
    )
    assert {k: mapping.columns[k] for k in ("region", "city", "store", "channel")} == {
        "region": "大区", "city": "城市", "store": "门店", "channel": "销售渠道",
    }  # fmt: skip
    assert store.rows("SELECT * FROM order_places") == [
        ("C1", 1, "华东", "杭州", "西湖店", "retail")
    ]
    for heading, field in (("区域", "region"), ("地区", "region"), ("店铺", "store"),
                           ("渠道", "channel")):  # fmt: skip
        assert auto_map([heading], "orders") == {field: heading}


def test_customer_headings_and_old_mappings_still_set_the_customer(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    mapping = _import(
        store,
        tmp_path / "a.csv",
        "Order ID,Order Date,Customer,Rep,Product,Amount,Customer Region,Customer City\n"
        "B1,2025-03-05,Birch,Ann,Widget,1000,North,Oslo\n",
    )
    assert mapping.columns["customer_region"] == "Customer Region"
    assert mapping.columns["customer_city"] == "Customer City"
    assert store.rows("SELECT region, city FROM customers") == [("North", "Oslo")]
    assert store.rows("SELECT count(*) FROM order_places") == [(0,)]
    # A saved mapping (as the Superstore preset had) naming customer_region for "Region".
    old = Mapping(
        "orders",
        columns={
            "order_id": "Order ID", "order_date": "Order Date", "customer": "Customer",
            "rep": "Rep", "product": "Product", "amount": "Amount",
            "customer_region": "Region", "customer_city": "City",
        },
    )  # fmt: skip
    _import(
        store,
        tmp_path / "b.csv",
        "Order ID,Order Date,Customer,Rep,Product,Amount,Region,City\n"
        "B2,2025-03-06,Birch,Ann,Widget,700,South,Rome\n",
        old,
    )
    assert store.rows("SELECT name, region, city FROM customers") == [("Birch", "South", "Rome")]
    assert store.rows("SELECT count(*) FROM order_places") == [(0,)]


def test_the_file_read_again_has_the_say_over_its_lines(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    header = "Order ID,Line,Order Date,Customer,Rep,Product,Amount,Region\n"
    _import(store, tmp_path / "a.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,West\n")
    _import(store, tmp_path / "b.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,South\n")
    assert store.rows("SELECT order_id, region FROM order_places") == [("R1", "South")]
    _import(store, tmp_path / "c.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,\n")
    assert store.rows("SELECT count(*) FROM order_places") == [(0,)]
    # A file without place columns leaves the lines' places as they are.
    _import(store, tmp_path / "d.csv", header + "R1,1,2025-03-05,Acme,Ann,W,500,East\n")
    plain = "Order ID,Line,Order Date,Customer,Rep,Product,Amount\n"
    _import(store, tmp_path / "e.csv", plain + "R1,1,2025-03-05,Acme,Ann,W,900\n")
    assert store.rows("SELECT order_id, region FROM order_places") == [("R1", "East")]
