"""The Stock page in a real browser, in English and 中文 (issue 23): a store team's lead sees
how the stock turns, which categories turn slowly and what that costs, which best sellers ran
out this week, and the slow movers with their value."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.text import kpi_label, t, use_language
from tests.e2e.conftest import SCREENSHOTS, AppPage, full_page_screenshot

pytestmark = pytest.mark.browser

TEAM = "Retail Stores"  # the demo's store team: the only one with stock counts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_store_lead_reads_turnover_slow_categories_and_stock_outs(
    app_page: AppPage, lang: str
) -> None:
    app_page.open(f"stock?team={TEAM}" + ("&lang=zh" if lang == "zh" else ""))
    page = app_page.page
    main = page.locator('[data-testid="stMain"]')
    with use_language(lang):
        expect(page.get_by_role("heading", level=1)).to_have_text(t("page.stock"))
        for kpi_id in ("inventory_turnover", "days_of_inventory", "slow_stock_value"):
            tile = main.locator('[data-testid="stMetric"]').filter(has_text=kpi_label(kpi_id))
            expect(tile.first).to_be_visible()
        for heading in ("stock.by_category", "stock.stockouts_week", "stock.slow_movers"):
            expect(main.get_by_role("heading", name=t(heading))).to_be_visible()
        # The demo's stores carry slow sellers from a bulk delivery: the list is not empty,
        # and its line says what their stock costs (a money figure).
        expect(main.get_by_text(t("stock.slow_movers.none"))).to_have_count(0)
        assert not main.get_by_text(t("stock.not_counted")).count()
    full_page_screenshot(page, SCREENSHOTS / f"stock-{lang}-1920x1080.png")
    app_page.assert_no_errors()
