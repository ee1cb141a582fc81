"""Stock counts (库存, issue 23) import like every other table: headers matched in English and
Chinese, the plain stock export's preset, a bad row named by row and column in a sentence in
both languages, nothing written when a row is bad, the same file again changes nothing, and the
stock KPIs read what the file holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from components.text import error_text, use_language
from data.importing.errors import ImportRejected
from data.importing.mapping import Mapping, auto_map
from data.importing.presets import get_preset
from data.importing.readers import read_headers
from data.importing.runner import ImportReport, ImportRequest, run_import
from data.store import Store
from metrics import service
from metrics.filters import Filters
from tests.cli_run import run_cli

TODAY = date(2026, 11, 20)
MARCH = Filters(start=date(2026, 3, 1), end=date(2026, 3, 31))

# A store system's export in English, with a unit cost instead of a value.
STOCK_EN = (
    "Date,Store,SKU,Product,On Hand,Unit Cost,Received\n"
    "2026-03-02,Downtown,SK-1,Tea set,5,70.00,\n"
    "2026-03-02,Downtown,SK-2,Bowl,3,12.345,\n"
    "2026-03-16,Downtown,SK-1,Tea set,0,70.00,0\n"
    "2026-03-02,Airport,SK-1,Tea set,2,70.00,2\n"
)
# A 库存报表 with Chinese headings, with the whole stock's value (库存金额).
STOCK_ZH = (
    "盘点日期,门店,货号,商品名称,现存量,库存金额,入库数量\n"
    "2026-03-02,南京路店,A001,紫砂壶,4,¥320.00,\n"
    "2026-03-09,南京路店,A001,紫砂壶,1,80,0\n"
    "2026-03-09,南京路店,A002,茶杯,12,144.50,12\n"
)
# The plain stock export (preset stock-export), with a negative count on its third row.
STOCK_BAD = (
    "日期,门店,货号,商品名称,现存量,库存金额,入库数量\n"
    "2026-03-02,南京路店,A001,紫砂壶,4,320,\n"
    "2026-03-02,南京路店,A002,茶杯,-2,0,\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _matched(path: Path) -> Mapping:
    """The mapping the Data page and the CLI start from: headers matched by synonym."""
    return Mapping("stock", columns=auto_map(read_headers(path), "stock"))


def _import(store: Store, path: Path, mapping: Mapping | None = None) -> ImportReport:
    return run_import(store, ImportRequest(path, mapping or _matched(path)), today=TODAY)


def _stock_rows(store: Store) -> list[tuple]:
    return store.rows(
        "SELECT s.count_date::VARCHAR, t.name, p.name, s.quantity, s.value_cents, s.received"
        " FROM stock s JOIN teams t USING (team_id) JOIN products p USING (product_id)"
        " ORDER BY 1, 2, 3"
    )


def test_english_headers_import_with_a_unit_cost(tmp_path: Path) -> None:
    path = _write(tmp_path / "stock.csv", STOCK_EN)
    assert _matched(path).columns == {
        "count_date": "Date", "team": "Store", "product_key": "SKU", "product": "Product",
        "quantity": "On Hand", "unit_cost": "Unit Cost", "received": "Received",
    }  # fmt: skip
    store = Store(tmp_path / "t.duckdb")
    report = _import(store, path)
    assert report.written is not None and report.written.added == 4
    # value = quantity x unit cost, the unit cost read to the cent as every amount is (12.345
    # -> 1234.5 cents, half away from zero -> 1235): 5 x 7000 = 35000; 3 x 1235 = 3705;
    # 0 x 7000 = 0; 2 x 7000 = 14000.
    assert _stock_rows(store) == [
        ("2026-03-02", "Airport", "Tea set", 2, 14000, 2),
        ("2026-03-02", "Downtown", "Bowl", 3, 3705, None),
        ("2026-03-02", "Downtown", "Tea set", 5, 35000, None),
        ("2026-03-16", "Downtown", "Tea set", 0, 0, 0),
    ]
    # Stock at cost on 31 Mar: Airport's Tea set 140.00, Downtown's Bowl 37.05, its Tea set 0.
    assert service.values(store, ("stock_value",), MARCH) == {"stock_value": 177.05}
    # The same file again finds the same stores, products and counts: nothing changes.
    again = _import(store, path)
    assert again.written is not None
    assert (again.written.added, again.written.updated, again.written.unchanged) == (0, 0, 4)
    assert store.scalar("SELECT count(*) FROM products") == 2
    store.close()


def test_chinese_headers_import_with_the_stock_value(tmp_path: Path) -> None:
    path = _write(tmp_path / "库存.csv", STOCK_ZH)
    assert _matched(path).columns == {
        "count_date": "盘点日期", "team": "门店", "product_key": "货号", "product": "商品名称",
        "quantity": "现存量", "value": "库存金额", "received": "入库数量",
    }  # fmt: skip
    store = Store(tmp_path / "t.duckdb")
    _import(store, path)
    assert _stock_rows(store) == [
        ("2026-03-02", "南京路店", "紫砂壶", 4, 32000, None),
        ("2026-03-09", "南京路店", "紫砂壶", 1, 8000, 0),
        ("2026-03-09", "南京路店", "茶杯", 12, 14450, 12),
    ]
    # 31 Mar: 紫砂壶 80.00 + 茶杯 144.50 = 224.50. Average over March's 31 days: 1 Mar 0,
    # 2-8 Mar 32000 (7 days), 9-31 Mar 8000 + 14450 = 22450 (23 days):
    # (224000 + 516350) / 31 = 740350 / 31 = 23882.3 cents -> 238.82
    assert service.values(store, ("stock_value", "average_stock_value"), MARCH) == {
        "stock_value": 224.50,
        "average_stock_value": 238.82,
    }
    store.close()


def test_the_plain_stock_export_preset_names_a_bad_row_in_a_sentence(tmp_path: Path) -> None:
    path = _write(tmp_path / "库存.csv", STOCK_BAD)
    mapping = get_preset("stock-export", None).for_table("stock")
    db = tmp_path / "t.duckdb"
    store = Store(db)
    with pytest.raises(ImportRejected) as caught:
        _import(store, path, mapping)
    assert store.scalar("SELECT count(*) FROM stock") == 0  # nothing written
    store.close()
    problems = caught.value.report.problems  # type: ignore[attr-defined]
    assert {(r.row, r.column, r.value, r.code) for r in problems.itertuples()} == {
        (3, "现存量", "-2", "negative_stock")
    }
    english = str(caught.value)
    assert "row 3, 现存量: stock on hand, its cost and receipts cannot be negative ('-2')" in (
        english
    )
    with use_language("zh"):
        chinese = error_text(caught.value)
    assert "第 3 行，现存量：库存数量、库存金额和入库数量都不能为负数（“-2”）" in chinese


def test_a_file_without_a_cost_is_refused_by_its_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path / "stock.csv", "Date,Store,SKU,On Hand\n2026-03-02,Downtown,SK-1,5\n")
    store = Store(tmp_path / "t.duckdb")
    with pytest.raises(Exception, match="value/unit_cost"):
        _import(store, path)
    store.close()


def test_the_cli_imports_stock(tmp_path: Path) -> None:
    path = _write(tmp_path / "stock.csv", STOCK_EN)
    db = tmp_path / "cli.duckdb"
    done = run_cli("import", "stock", str(path), "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "stock.csv → stock: " in done.stdout
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM stock") == 4
    store.close()
