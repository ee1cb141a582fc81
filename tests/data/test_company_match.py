"""One company per database (issue #17): a file that looks like another company's is refused
before anything is written, unless the lead says to add it or to replace the company's data.
Real exports: Maven's CRM (a B2B hardware seller) and Tableau's Superstore (a retailer)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from data import company_profile
from data.importing.company_match import Overlap
from data.importing.errors import CompanyMismatchError, ForeignDataError
from data.importing.mapping import Mapping
from data.importing.presets import get_preset
from data.importing.runner import COMPANY_TABLES, ImportRequest, run_import
from data.messages import Message
from data.store import Store
from tests.conftest import DATASETS

MAVEN = DATASETS / "maven-crm"
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"
TODAY = date(2026, 11, 20)
MAVEN_TITLE = "Maven Analytics CRM Sales Opportunities"
SUPERSTORE_TITLE = "Tableau Sample - Superstore"


def _maven(store: Store, order: list[str] | None = None) -> None:
    preset = get_preset("maven-crm")
    files = {f.file: f for f in preset.files}
    for name in order or [f.file for f in preset.files]:
        request = ImportRequest(MAVEN / name, files[name].mapping, preset="maven-crm")
        run_import(store, request, today=TODAY)


def _superstore(**choice: bool) -> ImportRequest:
    mapping = get_preset("superstore").for_table("orders")
    return ImportRequest(SUPERSTORE, mapping, preset="superstore", **choice)  # type: ignore[arg-type]


def _counts(store: Store) -> dict[str, int]:
    return {
        t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in (*COMPANY_TABLES, "import_log")
    }


def _superstore_distinct() -> tuple[int, int]:
    """Distinct customer and product ids in the Superstore file, counted by pandas (not by
    Huddle): 793 customers and 1,862 products, as the dataset's documentation says."""
    frame = pd.read_csv(SUPERSTORE, encoding="windows-1252", dtype=str)
    return frame["Customer ID"].nunique(), frame["Product ID"].nunique()


@pytest.fixture(scope="module")
def maven_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("maven") / "maven.duckdb"
    store = Store(path)
    _maven(store)
    store.close()
    return path


def _copy(maven_db: Path, tmp_path: Path) -> Store:
    target = tmp_path / "company.duckdb"
    shutil.copy(maven_db, target)
    return Store(target)


def test_the_rule_is_fewer_than_one_in_five_in_whole_numbers() -> None:
    # 1 of 5 is exactly 20%: enough (1 * 5 = 5, not < 5). 1 of 6 is 16.7%: too few (6 > 5).
    assert not Overlap("customers", 1, 5).small
    assert Overlap("customers", 1, 6).small
    assert Overlap("people", 0, 1).small
    assert not Overlap("products", 2, 10).small  # 2 * 5 = 10, not < 10


def test_superstore_on_maven_is_refused_and_writes_nothing(maven_db: Path, tmp_path: Path) -> None:
    store = _copy(maven_db, tmp_path)
    before = _counts(store)
    with pytest.raises(CompanyMismatchError) as caught:
        run_import(store, _superstore(), today=TODAY)
    customers, products = _superstore_distinct()
    assert (customers, products) == (793, 1862)
    # Superstore has no rep column: its one person is the preset's "Unassigned", whom Maven
    # lacks; its customers are people's names with ids (CG-12520), Maven's are companies.
    error = caught.value
    assert [(o.kind, o.matched, o.total) for o in error.overlaps] == [
        ("people", 0, 1),
        ("customers", 0, customers),
        ("products", 0, products),
    ]
    assert error.key == "import.refused.other_company"
    assert str(error) == (
        "Sample - Superstore.csv was not imported: it looks like another company's data. Only "
        "0 of 1 people; 0 of 793 customers; 0 of 1,862 products in this file are already in "
        f"{MAVEN_TITLE}. Choose: add it to {MAVEN_TITLE} anyway (--add-to-company), replace "
        f"the data of {MAVEN_TITLE} with it and start fresh (--replace-company), or import it into "
        "another database file (--db)."
    )
    assert _counts(store) == before
    # A dry run (the Data page's check) says the same instead of "No problems found".
    with pytest.raises(CompanyMismatchError):
        run_import(store, _superstore(), today=TODAY, dry_run=True)


def test_add_to_company_keeps_both(maven_db: Path, tmp_path: Path) -> None:
    store = _copy(maven_db, tmp_path)
    before = _counts(store)
    report = run_import(store, _superstore(add_to_company=True), today=TODAY)
    assert report.committed
    after = _counts(store)
    customers, products = _superstore_distinct()
    # Every Superstore customer and product is new (none matched), Maven's deals all stay.
    assert after["customers"] == before["customers"] + customers
    assert after["products"] == before["products"] + products
    assert after["deals"] == before["deals"] == 8800
    assert after["orders"] > before["orders"]
    # The company keeps its name: the file was added to it.
    assert company_profile.stored_profile(store).name == MAVEN_TITLE


def test_replace_company_leaves_only_superstore(maven_db: Path, tmp_path: Path) -> None:
    store = _copy(maven_db, tmp_path)
    run_import(store, _superstore(replace_existing=True), today=TODAY)
    customers, products = _superstore_distinct()
    after = _counts(store)
    assert after["deals"] == 0
    assert after["customers"] == customers and after["products"] == products
    assert store.rows("SELECT name FROM reps") == [("Unassigned",)]
    assert int(store.scalar("SELECT count(*) FROM orders")) == 9994  # the file's order lines
    # The replaced company's name went with it; the new data is named after its preset.
    assert company_profile.stored_profile(store).name == SUPERSTORE_TITLE


@pytest.mark.parametrize(
    "order",
    [
        ["sales_teams.csv", "products.csv", "accounts.csv", "sales_pipeline.csv"],
        ["sales_pipeline.csv", "accounts.csv", "products.csv", "sales_teams.csv"],
        ["accounts.csv", "sales_pipeline.csv", "sales_teams.csv", "products.csv"],
    ],
)
def test_one_companys_files_one_by_one_are_never_refused(order: list[str], tmp_path: Path) -> None:
    store = Store(tmp_path / "maven.duckdb")
    _maven(store, order)  # raises CompanyMismatchError if any file were refused
    assert int(store.scalar("SELECT count(*) FROM deals")) == 8800
    _maven(store)  # and importing them all again changes nothing and is not refused
    assert int(store.scalar("SELECT count(*) FROM deals")) == 8800


def test_the_demo_keeps_todays_behaviour(demo_db_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, db)
    store = Store(db)
    # As before: importing onto the demo without replacing it is refused as foreign data ...
    with pytest.raises(ForeignDataError):
        run_import(store, _superstore(), today=TODAY)
    # ... and replacing it is not stopped by the company check.
    report = run_import(store, _superstore(replace_existing=True), today=TODAY)
    assert report.committed
    assert int(store.scalar("SELECT count(*) FROM orders")) == 9994


def test_the_refusal_reads_in_chinese(maven_db: Path, tmp_path: Path) -> None:
    store = _copy(maven_db, tmp_path)
    with pytest.raises(CompanyMismatchError) as caught:
        run_import(store, _superstore(), today=TODAY)
    error = caught.value
    assert error.key is not None
    text = Message(error.key, **error.values).text("zh")
    assert "1 个人员中的 0 个；793 个客户中的 0 个；1,862 个产品中的 0 个" in text
    assert "--add-to-company" in text and "--replace-company" in text


def _accounts(tmp_path: Path, count: int, owner: str | None) -> ImportRequest:
    """A customers file of `count` accounts Maven has never heard of, each owned by `owner`
    (a column left out when None)."""
    path = tmp_path / f"accounts_{count}_{owner is not None}.csv"
    lines = ["account,owner" if owner else "account"]
    lines += [f"New Account {n},{owner}" if owner else f"New Account {n}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = {"customer": "account"} | ({"owner": "owner"} if owner else {})
    return ImportRequest(path, Mapping("customers", columns=columns))


def test_small_files_and_files_naming_the_companys_people_go_in(
    maven_db: Path, tmp_path: Path
) -> None:
    store = _copy(maven_db, tmp_path)
    before = int(store.scalar("SELECT count(*) FROM customers"))
    # 19 new accounts and nothing else: 0 of 19 match, but 19 < 20 is too few to tell.
    run_import(store, _accounts(tmp_path, 19, None), today=TODAY)
    # 25 new accounts, all owned by Anna Snelling of Maven's sales team: 0 of 25 customers
    # but 1 of 1 people match (1 * 5 >= 1), so one kind matches and the file goes in.
    run_import(store, _accounts(tmp_path, 25, "Anna Snelling"), today=TODAY)
    assert int(store.scalar("SELECT count(*) FROM customers")) == before + 25  # 19 + 6 new


def test_twenty_new_accounts_and_nothing_known_are_stopped(maven_db: Path, tmp_path: Path) -> None:
    store = _copy(maven_db, tmp_path)
    # 20 accounts, none known, no people named: 20 >= 20 entries, 0 * 5 < 20: stopped.
    with pytest.raises(CompanyMismatchError) as caught:
        run_import(store, _accounts(tmp_path, 20, None), today=TODAY)
    assert [(o.kind, o.matched, o.total) for o in caught.value.overlaps] == [("customers", 0, 20)]


def test_a_company_without_a_name_is_called_this_databases_company(
    maven_db: Path, tmp_path: Path
) -> None:
    store = _copy(maven_db, tmp_path)
    with store.transaction() as con:  # as a database imported before companies had names
        con.execute("DELETE FROM company_settings WHERE name = 'company_name'")
    with pytest.raises(CompanyMismatchError) as caught:
        run_import(store, _superstore(), today=TODAY)
    assert caught.value.key == "import.refused.other_company_unnamed"
    assert "are already in this database's company." in str(caught.value)
