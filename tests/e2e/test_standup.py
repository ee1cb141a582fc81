"""The stand-up screen as it is shared at 9:00: one bookmarked URL, no clicks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from components.text import t
from tests.e2e.conftest import SCREENSHOTS, AppPage, full_page_screenshot

pytestmark = pytest.mark.browser

TEAM = "Showroom"  # a top-level team of the demo company (data/demo.py)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_presentation_mode_fills_one_screen_with_no_menu(
    new_app_page: Callable[..., AppPage], width: int, height: int
) -> None:
    # 1366x768 shows the 1920x1080 layout scaled to fit (components/theme.py), as a projector would.
    app_page = new_app_page({"width": width, "height": height})
    seconds = app_page.open(f"?team={TEAM}&present=true")
    page = app_page.page
    print(f"\nstand-up in presentation mode settled in {seconds:.1f} s")

    expect(page.get_by_role("heading", level=2)).to_contain_text(f"Stand-up · {TEAM}")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.locator('[data-testid="stSidebarNav"]')).to_be_hidden()
    for heading in ("standup.help_heading", "standup.wins_heading", "standup.problems_heading"):
        expect(page.get_by_text(t(heading), exact=False).first).to_be_visible()
    # Fits a 1920x1080 screen: the app's scrolling area is no taller than the window.
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m.scrollHeight - m.clientHeight; }"
    )
    assert overflow <= 0, f"the stand-up needs {overflow}px of scrolling at {width}x{height}"
    full_page_screenshot(page, SCREENSHOTS / f"stand-up-presentation-{width}x{height}.png")
    app_page.assert_no_errors()


def test_hidden_amounts_show_ranks_and_attainment_only(app_page: AppPage) -> None:
    app_page.open(f"?team={TEAM}&hide_amounts=true")
    board = app_page.page.locator(".huddle-board").first
    expect(board.locator("thead th", has_text=t("standup.col.attainment"))).to_have_count(1)
    headers = [h.strip() for h in board.locator("thead th").all_text_contents()]
    assert t("standup.col.attainment") in headers, headers
    assert t("standup.col.mtd") not in headers and t("standup.col.day") not in headers, headers
    app_page.assert_no_errors()


PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_people_table_shows_name_attainment_and_pace(
    new_app_page: Callable[..., AppPage],
) -> None:
    app_page = new_app_page(PHONE)
    app_page.open(f"?team={TEAM}")
    page = app_page.page
    board = page.locator(".huddle-board").first
    expect(board).to_be_visible()
    for key in ("standup.col.rep", "standup.col.attainment", "standup.col.pace"):
        box = board.locator("thead th", has_text=t(key)).first.bounding_box()
        assert box is not None, key
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (key, box)
    first_row = board.locator("tbody tr").first.locator("th, td")
    for index in range(4):  # #, name, attainment and pace of the first person
        box = first_row.nth(index).bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"], (index, box)
    # The page never scrolls sideways: the table scrolls inside its own box instead.
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth,"
        " document.querySelector('[data-testid=\"stMain\"]').scrollWidth, window.innerWidth]"
    )
    assert max(widths[:2]) <= widths[2], f"horizontal scroll at 390 px: {widths}"
    full_page_screenshot(page, SCREENSHOTS / "stand-up-phone-390x844.png")
    app_page.assert_no_errors()


def _font_px(page: Page, selector: str) -> float:
    return float(
        page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    )


def test_presentation_type_is_at_least_half_as_large_again(
    new_app_page: Callable[..., AppPage],
) -> None:
    # Normal: card values 2.25rem (36 px), the table 1rem (16 px). Presentation: card values
    # 3.4rem (54.4 px, 1.51x) and the table 1.5rem (24 px, 1.5x): read across a room.
    sizes = {}
    for present in ("false", "true"):
        app_page = new_app_page({"width": 1920, "height": 1080})
        app_page.open(f"?team={TEAM}&present={present}")
        page = app_page.page
        expect(page.locator(".huddle-board tbody th").first).to_be_visible()
        sizes[present] = (
            _font_px(page, '[data-testid="stMetricValue"] p'),
            _font_px(page, ".huddle-board tbody th"),
        )
    for normal, large in zip(sizes["false"], sizes["true"], strict=True):
        assert large >= 1.5 * normal, sizes
