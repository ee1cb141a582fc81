"""An import sets the company's currency from what its preset knows, and a replaced company's
currency never sticks to the new data."""

from __future__ import annotations

from pathlib import Path

from data import settings
from data.importing.presets import get_preset
from data.importing.runner import ImportRequest, run_import
from data.store import Store
from tests.conftest import DATASETS

PRODUCTS = DATASETS / "maven-crm" / "products.csv"


def _products_request(*, replace: bool, preset: str | None) -> ImportRequest:
    mapping = get_preset("maven-crm").for_table("products")
    return ImportRequest(PRODUCTS, mapping, replace_existing=replace, preset=preset)


def test_replacing_a_yuan_company_with_a_dollar_export_shows_dollars(tmp_path: Path) -> None:
    store = Store(tmp_path / "company.duckdb")
    settings.set_currency(store, "CNY")  # e.g. the Chinese demo company
    run_import(store, _products_request(replace=True, preset="maven-crm"))
    assert settings.stored_currency(store) == "USD"
    store.close()


def test_a_replacing_import_that_knows_no_currency_leaves_it_for_the_lead_to_set(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "company.duckdb")
    settings.set_currency(store, "CNY")
    run_import(store, _products_request(replace=True, preset=None))
    assert settings.stored_currency(store) is None  # the Data page then asks for it
    store.close()


def test_a_currency_the_lead_chose_stands_against_a_preset(tmp_path: Path) -> None:
    store = Store(tmp_path / "company.duckdb")
    run_import(store, _products_request(replace=False, preset=None))
    settings.set_currency(store, "EUR")
    run_import(store, _products_request(replace=False, preset="maven-crm"))
    assert settings.stored_currency(store) == "EUR"
    store.close()


def test_shipped_presets_name_only_currencies_huddle_can_show() -> None:
    from data.importing.presets import shipped_presets

    for preset in shipped_presets().values():
        if preset.currency is not None:
            assert settings.checked_currency(preset.currency) == preset.currency
