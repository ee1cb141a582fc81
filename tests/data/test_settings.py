"""Company settings: the currency belongs to the company's data, not to the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import settings
from data.errors import HuddleDataError
from data.messages import ZH
from data.store import Store
from tests.cheap_hashes import cheap_password_hashes as cheap_password_hashes


def test_the_currency_is_saved_in_the_database_and_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "company.duckdb"
    store = Store(path)
    assert settings.stored_currency(store) is None  # a new company has not set one
    assert settings.set_currency(store, " eur ") == "EUR"  # written as the code, upper case
    store.close()
    reopened = Store(path)
    assert settings.stored_currency(reopened) == "EUR"
    assert settings.company_currency(reopened) == "EUR"
    reopened.close()


def test_an_unknown_currency_is_refused_with_a_sentence_and_nothing_changes(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "company.duckdb")
    settings.set_currency(store, "CNY")
    with pytest.raises(HuddleDataError) as refused:
        settings.set_currency(store, "GBP")
    assert str(refused.value) == (
        "GBP is not a currency Huddle can show: use one of CNY, USD, EUR. Nothing was changed."
    )
    assert refused.value.key == "settings.currency_unknown"
    assert "不是 Huddle 能显示的货币" in ZH[refused.value.key]
    assert settings.stored_currency(store) == "CNY"


def test_huddle_currency_is_only_the_default_of_a_company_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "company.duckdb")
    monkeypatch.delenv(settings.CURRENCY_ENV_VAR, raising=False)
    assert settings.company_currency(store) == "USD"
    monkeypatch.setenv(settings.CURRENCY_ENV_VAR, "eur")
    assert settings.company_currency(store) == "EUR"
    settings.set_currency(store, "CNY")
    assert settings.company_currency(store) == "CNY"  # the company's own setting wins


@pytest.mark.parametrize(("locale", "currency"), [("zh_CN", "CNY"), ("en", "USD")])
def test_the_demo_company_sets_its_currency(tmp_path: Path, locale: str, currency: str) -> None:
    from data.demo import generate_demo

    store = Store(tmp_path / "demo.duckdb")
    settings.set_currency(store, "EUR")  # whatever was there before the demo replaced it
    generate_demo(store, orders=500, seed=7, locale=locale)
    assert settings.stored_currency(store) == currency
