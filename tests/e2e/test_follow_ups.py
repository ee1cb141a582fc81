"""A follow-up logged and undone in a real browser on the Follow-ups page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.text import t
from tests.e2e.conftest import SCREENSHOTS, AppPage, full_page_screenshot, settle_after

pytestmark = pytest.mark.browser


def test_log_a_call_then_undo_it(app_page: AppPage) -> None:
    app_page.open("follow-ups")
    page = app_page.page
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(t("follow_ups.work_heading"), exact=True)).to_be_visible()
    expect(main.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    full_page_screenshot(page, SCREENSHOTS / "follow-ups.png")  # when asked for
    form = main.locator('[data-testid="stForm"]')
    form.get_by_label(t("follow_ups.note")).fill("Asked about the spring order.")
    submit = form.get_by_role("button", name=t("follow_ups.submit"), exact=True)
    settle_after(page, submit.click)
    success = main.locator('[data-testid="stAlertContentSuccess"]')
    expect(success.filter(has_text="Logged:")).to_be_visible()
    undo = main.get_by_role("button", name=t("follow_ups.undo"), exact=True)
    settle_after(page, undo.click)
    expect(success.filter(has_text="Undone:")).to_be_visible()
    app_page.assert_no_errors()
