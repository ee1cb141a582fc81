"""The Data page's company profile form and the choice an import offers when its file looks
like another company's (issue #17), in AppTest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from data import company_profile
from data.importing.presets import get_preset
from data.importing.runner import ImportRequest, run_import
from data.store import Store
from tests.conftest import DATASETS

ROOT = Path(__file__).resolve().parents[2]
MAVEN = DATASETS / "maven-crm"
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"


def _page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/data.py")
    return at.run()


def test_the_profile_form_saves_with_a_visible_confirmation(isolated_database: Path) -> None:
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    assert "No name yet" in " ".join(c.value for c in at.caption)
    at.text_input(key="data.company.name").set_value("  Acme Trading ")
    at.selectbox(key="data.company.month").select(4)
    at.text_input(key="data.company.zone").set_value(" Asia/Shanghai ")
    at.button(key="data.company.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Saved: Acme Trading; fiscal year starts in April; time zone Asia/Shanghai."
    ]
    store = Store(isolated_database)
    assert company_profile.stored_profile(store) == (
        company_profile.CompanyProfile("Acme Trading", 4, "Asia/Shanghai")
    )
    store.close()


def test_an_unknown_time_zone_is_refused_on_the_page(isolated_database: Path) -> None:
    at = _page()
    at.text_input(key="data.company.name").set_value("Acme")
    at.text_input(key="data.company.zone").set_value("Asia/Shangai")
    at.button(key="data.company.save").click().run()
    assert [e.value for e in at.error] == [
        "'Asia/Shangai' is not a time zone Huddle knows: use an IANA name such as "
        "Asia/Shanghai, Europe/Berlin or America/New_York. Nothing was changed."
    ]
    assert not at.success
    store = Store(isolated_database)
    assert company_profile.stored_profile(store) == company_profile.CompanyProfile()
    store.close()


def test_an_empty_name_is_refused_on_the_page(isolated_database: Path) -> None:
    at = _page()
    at.text_input(key="data.company.name").set_value("   ")
    at.button(key="data.company.save").click().run()
    assert [e.value for e in at.error] == [
        "The company's name is empty: give it a name of 1 to 80 characters. Nothing was changed."
    ]
    assert not at.success


def test_another_companys_file_asks_before_it_is_added(isolated_database: Path) -> None:
    store = Store(isolated_database)
    for item in get_preset("maven-crm").files:
        request = ImportRequest(MAVEN / item.file, item.mapping, preset="maven-crm")
        run_import(store, request, today=date(2026, 11, 20))
    customers = int(store.scalar("SELECT count(*) FROM customers"))
    store.close()
    at = _page()
    at.selectbox(key="data.table").select("orders").run()
    at.selectbox(key="data.preset.orders").select("superstore").run()
    at.file_uploader(key="data.upload").set_value(
        ("Sample - Superstore.csv", SUPERSTORE.read_bytes(), "text/csv")
    )
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("0 of 793 customers" in e.value for e in at.error)
    assert at.button(key="data.commit").disabled
    choice = at.radio(key="data.company.mismatch.Sample - Superstore.csv")
    assert choice.options == [
        "Nothing yet: let me decide",
        "Add to Maven Analytics CRM Sales Opportunities",
        "Replace the data of Maven Analytics CRM Sales Opportunities (start fresh)",
    ]
    choice.set_value("add").run()
    assert not at.button(key="data.commit").disabled
    at.button(key="data.commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = Store(isolated_database)
    assert int(store.scalar("SELECT count(*) FROM customers")) == customers + 793
    assert int(store.scalar("SELECT count(*) FROM deals")) == 8800
    store.close()
