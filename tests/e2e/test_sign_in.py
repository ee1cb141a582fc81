"""Sign-in in a real browser (HUDDLE_AUTH on): sign in as a lead, open a page, sign out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from components.text import t
from tests.e2e.conftest import DESKTOP, SETTLE_TIMEOUT_MS, AppPage, new_context, settle_after


@pytest.fixture
def signed_page(chromium: Browser, signed_app_url: str) -> Iterator[AppPage]:
    """A fresh page on the sign-in-on server (its own context: no shared cookies)."""
    context = new_context(chromium, viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(SETTLE_TIMEOUT_MS)
    app_page = AppPage(page=page, base_url=signed_app_url)
    page.on("console", app_page._on_console)
    page.on("pageerror", lambda error: app_page.page_errors.append(f"page error: {error}"))
    yield app_page
    context.close()


def test_sign_in_open_a_page_and_sign_out(signed_page: AppPage) -> None:
    app = signed_page
    page = app.page
    app.open()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(t("page.sign_in"))
    nav = page.locator('[data-testid="stSidebarNav"]')
    expect(nav).to_have_count(0)  # one page only: no menu before sign-in
    expect(page.get_by_text(t("signin.demo_header"))).to_be_visible()  # the demo's accounts

    page.get_by_label(t("signin.login")).fill("lead-1")
    page.get_by_label(t("signin.password"), exact=True).fill("huddle-demo-lead")
    settle_after(page, page.get_by_role("button", name=t("signin.submit")).click)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("(lead)")).to_be_visible()
    expect(nav.get_by_role("link", name=t("page.team"))).to_be_visible()
    expect(nav.get_by_role("link", name=t("page.data"))).to_have_count(0)  # admins only

    settle_after(page, nav.get_by_role("link", name=t("page.team")).click)
    expect(heading).to_have_text(t("page.team"))

    settle_after(page, sidebar.get_by_role("button", name=t("account.sign_out")).click)
    expect(heading).to_have_text(t("page.sign_in"))
    expect(page.get_by_text(t("signin.signed_out"))).to_be_visible()
    expect(nav).to_have_count(0)
    app.assert_no_errors()
