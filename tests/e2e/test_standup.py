"""The stand-up screen as it is shared at 9:00: one bookmarked URL, no clicks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from components.text import t
from tests.e2e.conftest import SCREENSHOTS, AppPage, full_page_screenshot

pytestmark = pytest.mark.browser

TEAM = "Showroom"  # a top-level team of the demo company (data/demo.py)


def test_presentation_mode_fills_one_screen_with_no_menu(
    new_app_page: Callable[..., AppPage],
) -> None:
    app_page = new_app_page({"width": 1920, "height": 1080})
    seconds = app_page.open(f"?team={TEAM}&present=true")
    page = app_page.page
    print(f"\nstand-up in presentation mode settled in {seconds:.1f} s")

    expect(page.get_by_role("heading", level=2)).to_contain_text(f"Stand-up · {TEAM}")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.locator('[data-testid="stSidebarNav"]')).to_be_hidden()
    for heading in ("standup.team_heading", "standup.wins_heading", "standup.problems_heading"):
        expect(page.get_by_text(t(heading), exact=False).first).to_be_visible()
    # Fits a 1920x1080 screen: the app's scrolling area is no taller than the window.
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m.scrollHeight - m.clientHeight; }"
    )
    assert overflow <= 0, f"the stand-up needs {overflow}px of scrolling at 1920x1080"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(page, SCREENSHOTS / "stand-up-presentation-1920x1080.png")
    app_page.assert_no_errors()


def test_hidden_amounts_show_ranks_and_attainment_only(app_page: AppPage) -> None:
    app_page.open(f"?team={TEAM}&hide_amounts=true")
    board = app_page.page.locator('[data-testid="stDataFrame"]').first
    # The grid fills its header row a moment after the script settles: wait for it.
    expect(board.locator("th", has_text=t("standup.col.attainment"))).to_have_count(1)
    headers = [h.strip() for h in board.locator("th").all_text_contents()]
    assert t("standup.col.attainment") in headers, headers
    assert t("standup.col.mtd") not in headers and t("standup.col.day") not in headers, headers
    app_page.assert_no_errors()
