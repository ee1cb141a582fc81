"""The stock page (issue 23) and the stand-up's stock section in AppTest, in English and Chinese:
the store team's lead reads which categories turn slowly, what the slow stock costs, and which
best sellers ran out this week; a team with no stock counted is told so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.text import t, use_language
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _page(language: str = "en", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(params)
    if language != "en":
        at.session_state["lang"] = language
    at.switch_page("pages/stock.py")
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.title, *at.subheader, *at.caption, *at.markdown, *at.info)]
    return "\n".join(str(p) for p in parts)


def _frame(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table with every one of `columns`."""
    return next(d.value for d in at.dataframe if set(columns) <= set(d.value.columns))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_lead_reads_slow_categories_their_cost_and_this_weeks_stockouts(
    demo_db: Path, language: str
) -> None:
    at = _page(language, team="Retail Stores")
    assert not at.exception, [e.value for e in at.exception]
    with use_language(language):
        title = t("page.stock")
        turnover = t("kpi.inventory_turnover.label")
        category = t("dim.product_category")
        slow_value = t("kpi.slow_stock_value.label")
        headings = [t("stock.by_category"), t("stock.stockouts_week"), t("stock.slow_movers")]
        product = t("col.product")
        days_out = t("col.days_out")
        on_hand = t("col.on_hand")
        value = t("kpi.stock_value.label")
        rule = t("kpi.inventory_turnover.definition")
    assert at.title[0].value == title
    assert turnover in [m.label for m in at.metric]
    assert rule in _texts(at)  # the rule in words beside the number
    for heading in headings:
        assert heading in [s.value for s in at.subheader]
    # Which categories turn slowly: slowest first, with what their slow stock costs.
    categories = _frame(at, category)
    assert len(categories) > 1
    turns = categories[turnover].dropna().tolist()
    assert turns == sorted(turns)
    assert slow_value in categories.columns
    # Which best sellers ran out this week: the demo has one out in this week's count.
    out = _frame(at, days_out)
    assert len(out) >= 1 and (out[days_out] >= 1).all()
    # The slow movers with their value, most valuable first (the demo's stores bought in
    # some slow sellers in bulk ten weeks ago).
    slow = _frame(at, on_hand, product, value)
    values = slow[value].tolist()
    assert len(values) >= 1 and values == sorted(values, reverse=True)


@pytest.fixture
def demo_without_stock(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company with no stock counted."""
    path = tmp_path / "no-stock.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("DELETE FROM stock")
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_company_with_no_stock_is_told_how_to_import_it(
    demo_without_stock: Path, language: str
) -> None:
    at = _page(language)
    assert not at.exception, [e.value for e in at.exception]
    with use_language(language):
        assert [i.value for i in at.info] == [t("stock.not_counted")]
    assert not at.metric


def _standup(language: str, team: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"team": team})
    if language != "en":
        at.session_state["lang"] = language
    return at.run()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_stand_up_shows_a_store_teams_stock_and_no_one_elses(
    demo_db: Path, language: str
) -> None:
    with use_language(language):
        heading = f"#### {t('stock.standup.heading')}"
    at = _standup(language, "Retail Stores")
    assert not at.exception, [e.value for e in at.exception]
    markdown = [m.value for m in at.markdown]
    assert heading in markdown
    # The demo's best seller counted at 0 in this week's count is out on the stand-up's day.
    section = "\n".join(markdown[markdown.index(heading) :])
    assert "**" in section
    at = _standup(language, "Showroom")
    assert not at.exception, [e.value for e in at.exception]
    assert heading not in [m.value for m in at.markdown]
