"""A small CSV uploaded on the Data page in a real browser: its rows are read and shown.

Nothing is imported (the other browser tests share the demo company); the page's check is a
rolled-back run of the real import, so the figures it shows are what Import would write.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.text import t
from tests.conftest import DATASETS
from tests.e2e.conftest import AppPage, settle_after, wait_for_app

pytestmark = pytest.mark.browser
MAVEN = DATASETS / "maven-crm"

CSV = """Order ID,Order Date,Customer,Sales Agent,Product,Quantity,Sales
SO-1,2026-11-02,Harbour Café,Mia Chen,Teapot,2,"1,200.00"
SO-2,2026-11-03,Pine Hotel,Mia Chen,Cups,10,350.50
SO-3,2026-11-04,Harbour Café,Leo Park,Teapot,1,600.00
"""


def test_upload_a_small_csv_and_see_its_rows(app_page: AppPage, tmp_path: Path) -> None:
    app_page.open("data")
    page = app_page.page
    holds = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text(t("data.table"), exact=True)
    )
    holds.click()
    settle_after(page, page.get_by_role("option", name=t("data.table.orders")).click)
    upload = tmp_path / "shop-orders.csv"
    upload.write_text(CSV, encoding="utf-8")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(upload)
    wait_for_app(page)
    expect(
        page.get_by_text(t("data.detected", rows=3, columns=7, how="").rstrip(".;"))
    ).to_be_visible(timeout=30_000)
    rows = page.locator('[data-testid="stMetric"]').filter(
        has=page.get_by_text(t("data.report.rows"), exact=True)
    )
    assert rows.locator('[data-testid="stMetricValue"]').inner_text() == "3"
    settle_after(page, page.get_by_text(t("data.preview"), exact=True).click)
    preview = page.locator('[data-testid="stExpander"]').filter(has_text=t("data.preview"))
    expect(preview.locator('[role="columnheader"]', has_text="Sales Agent")).to_have_count(1)
    expect(page.get_by_text(t("data.tick_to_import"))).to_be_visible()
    app_page.assert_no_errors()


def test_a_presets_files_uploaded_at_once_are_matched_in_order(app_page: AppPage) -> None:
    # Maven CRM's four files chosen in one go (any order, any case): the table lists them in
    # import order with where each goes, all received. The demo company is not cleared here,
    # so Import stays disabled and nothing is written.
    app_page.open("data")
    page = app_page.page
    preset = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text(t("data.preset"), exact=True)
    )
    preset.click()
    option = page.get_by_role("option", name="maven-crm: Maven Analytics CRM Sales Opportunities")
    settle_after(page, option.click)
    files = [MAVEN / n for n in ("sales_pipeline.csv", "products.csv", "accounts.csv",
                                 "sales_teams.csv")]  # fmt: skip
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(files)
    wait_for_app(page)
    table = page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator('[role="columnheader"]', has_text=t("data.multi.col.table"))
    )
    expect(table).to_have_count(1, timeout=30_000)
    received = t("data.multi.status.received")
    expect(table.locator('[role="gridcell"]', has_text=received)).to_have_count(4)
    people = table.locator('[role="gridcell"]', has_text=t("data.table.reps"))
    expect(people).to_have_count(1)  # sales_teams.csv goes to People, not Teams
    expect(page.get_by_text(t("data.tick_to_import"))).to_be_visible()
    button = page.get_by_role("button", name=t("data.commit"), exact=True)
    expect(button).to_be_disabled()
    app_page.assert_no_errors()
