"""The setup checklist's facts: what a freshly imported company still lacks, and nothing for
the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.store import Store
from metrics.setup_checklist import (
    has_official_targets,
    kpi_items,
    not_imported_for,
    setup_done,
    setup_items,
)
from tests.data.test_import_datasets import _import_maven


@pytest.fixture(scope="module")
def maven(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _import_maven(tmp_path_factory.mktemp("maven") / "maven.duckdb")


def test_maven_lacks_targets_plan_activities_and_feedback(maven: Store) -> None:
    items = {item.id: item for item in setup_items(maven, plan_chosen=False)}
    assert list(items) == [
        "people", "customers", "products", "orders", "deals", "activities", "feedback",
        "targets", "plan",
    ]  # fmt: skip
    # The export's counts (tests/data/test_import_datasets.py): 35 agents and 6 managers,
    # 85 accounts, 8 products (GTXPro apart from GTX Pro), 8,800 deals; each won deal is one
    # order line (order id deal:<id>), so orders equal the won deals in the pipeline file.
    won = maven.scalar("SELECT count(*) FROM deals WHERE stage = 'won'")
    assert won > 0
    assert (items["people"].count, items["customers"].count) == (41, 85)
    assert (items["products"].count, items["deals"].count) == (8, 8800)
    assert items["orders"].count == won
    assert all(items[i].done for i in ("people", "customers", "products", "orders", "deals"))
    # Nothing in the export is a target, a plan, a logged call or a complaint.
    missing = [item.id for item in items.values() if not item.done]
    assert missing == ["activities", "feedback", "targets", "plan"]
    assert items["targets"].count == 0 and items["plan"].count == 0
    assert items["targets"].fix == "targets" and items["plan"].fix == "plan"
    assert "kpi_trends" in items["targets"].pages and "standup" in items["targets"].pages
    assert items["plan"].pages == ("incentives",)
    assert not setup_done(list(items.values()))
    assert not has_official_targets(list(items.values()))


def test_a_named_plan_and_official_targets_finish_the_required_items(
    tmp_path: Path,
) -> None:
    store = _import_maven(tmp_path / "maven.duckdb")
    # A what-if scenario is a draft: it does not count as targets.
    with store.transaction() as con:
        con.execute(
            "INSERT INTO targets VALUES ('2026-11-01', '2026-11-30', 'company', NULL,"
            " 'revenue', 100000, 'draft')"
        )
    assert not has_official_targets(setup_items(store, plan_chosen=True))
    with store.transaction() as con:
        con.execute(
            "INSERT INTO targets VALUES ('2026-11-01', '2026-11-30', 'company', NULL,"
            " 'revenue', 100000, NULL)"
        )
    items = setup_items(store, plan_chosen=True)
    by_id = {item.id: item for item in items}
    assert (by_id["targets"].count, by_id["plan"].count) == (1, 1)
    # Activities and feedback are still missing, but they are optional: the home page's
    # checklist goes away.
    assert [i.id for i in items if not i.done] == ["activities", "feedback"]
    assert setup_done(items) and has_official_targets(items)


def test_the_demo_has_no_checklist(demo_db_path: Path) -> None:
    store = Store(demo_db_path)
    try:
        items = setup_items(store, plan_chosen=False)
    finally:
        store.close()
    assert items == []
    assert setup_done(items) and has_official_targets(items)


def test_a_kpi_knows_which_import_it_stands_on(maven: Store) -> None:
    # Win rate = won deals / closed deals: both read deals. Activities reads activities;
    # revenue per rep reads orders only. Maven imported deals and orders (won deals) but no
    # activities, so only the activity KPI is "none imported"; the demo never is.
    assert kpi_items("win_rate") == ("deals",)
    assert kpi_items("revenue_per_rep") == ("orders",)
    items = setup_items(maven, plan_chosen=False)
    assert not_imported_for(items, "win_rate") == ()
    assert not_imported_for(items, "activities") == ("activities",)
    assert not_imported_for([], "activities") == ()  # the demo's empty checklist
