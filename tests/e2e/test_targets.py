"""The what-if on the Targets page, used in a real browser: a slider and a typed target."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from components.text import t
from tests.e2e.conftest import AppPage, settle_after, wait_for_app

pytestmark = pytest.mark.browser


def tile_value(page: Page, label: str) -> Locator:
    """The value of the metric tile with this label."""
    metric = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(label))
    return metric.locator('[data-testid="stMetricValue"]').first


def tile(page: Page, label: str) -> str:
    return tile_value(page, label).inner_text()


def test_moving_the_growth_slider_changes_the_total_and_what_it_implies(
    app_page: AppPage,
) -> None:
    app_page.open("targets")
    page = app_page.page
    total, reaching = tile(page, t("targets.total")), tile(page, t("targets.reaching"))
    thumb = page.get_by_role("slider").first
    thumb.focus()
    for _ in range(15):  # +15 points of growth, as a person nudges it with the keyboard
        page.keyboard.press("ArrowRight")
    settle_after(page, lambda: page.keyboard.press("ArrowRight"))
    # On a busy machine the slider's value can reach the server after the page looked idle
    # for a moment: wait for the new figures (up to the settle timeout), never read too early.
    expect(tile_value(page, t("targets.total"))).not_to_have_text(total)
    harder = "a harder target, fewer reach it"
    expect(tile_value(page, t("targets.reaching")), harder).not_to_have_text(reaching)
    app_page.assert_no_errors()


def test_a_typed_target_is_kept_and_the_total_holds(app_page: AppPage) -> None:
    app_page.open("targets")
    page = app_page.page
    total = tile(page, t("targets.total"))
    grid = page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator('[role="columnheader"]', has_text=t("targets.col.by_hand"))
    )
    grid.scroll_into_view_if_needed()
    wait_for_app(page)
    reset = page.get_by_role("button", name=t("targets.reset_edits"))
    # Click the first person's name, step right to the Target column (Person, Group, Set by
    # hand, Target) and type over it, as a person does in a spreadsheet. On a busy machine
    # (the tests run on every core) the first click can land before the grid takes the
    # keyboard, and then nothing is typed: a person would click again, and so does the test.
    for _attempt in range(3):
        box = grid.bounding_box()
        assert box
        page.mouse.click(box["x"] + 40, box["y"] + 35 + 17)
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.type("12345", delay=80)
        settle_after(page, lambda: page.keyboard.press("Enter"))
        if reset.count():
            break
    expect(reset).to_be_visible()
    assert tile(page, t("targets.total")) == total, "the others rebalance"
    app_page.assert_no_errors()
