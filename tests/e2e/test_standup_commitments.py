"""A stand-up that ends with commitments, in a real browser (issue 20): open the team's
stand-up, see who needs help first, record two commitments, log a call from a person's
follow-ups, and open the next day's stand-up with the commitments at the top."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from components.text import t
from tests.e2e.conftest import AppPage, settle_after

pytestmark = pytest.mark.browser

# Not the team tests/e2e/test_standup.py presents: these commitments would open its stand-up.
TEAM = "Wholesale Distribution"
# The demo ends on Friday 20 Nov 2026: a stand-up on Tuesday 17 Nov and the next on the 18th.
TUESDAY, WEDNESDAY = "2026-11-17", "2026-11-18"


def _main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def _record(page: Page, index: int, what: str) -> str:
    """Record a commitment for the `index`-th person offered; returns their name."""
    form = (
        _main(page)
        .locator('[data-testid="stForm"]')
        .filter(has=page.get_by_text(t("standup.commit_who"), exact=True))
    )
    who = form.locator('[data-testid="stSelectbox"]').first
    who.scroll_into_view_if_needed()  # the form opens at the foot of the screen
    who.click()
    options = page.get_by_role("option")
    try:
        options.nth(index).wait_for(timeout=5_000)
    except PlaywrightTimeoutError:
        # Under load the click can land while the opening expander still moves the form:
        # the box takes the focus but stays shut (3 runs in about 12, most with the cores busy).
        # A person clicks again; the keyboard opens it the same way.
        who.locator("input").press("ArrowDown")
    options.nth(index).click()
    name = who.locator("input").input_value() or who.inner_text().splitlines()[-1]
    form.get_by_label(t("standup.commit_what")).fill(what)
    settle_after(page, form.get_by_role("button", name=t("standup.commit_submit")).click)
    return name


def _due_count(app_page: AppPage, url: str) -> int:
    """The "N due today" of a person's follow-up list at `url` (an absolute address)."""
    app_page.open(url.split("/", 3)[3])
    prefix = t("follow_ups.summary").split("{count}")[1].split("{")[0]  # " due today, "
    line = _main(app_page.page).get_by_text(prefix.strip(), exact=False).first
    expect(line).to_be_visible()
    return int(re.findall(r"\d+", line.inner_text())[0])


def test_record_commitments_log_a_call_and_see_them_the_next_day(app_page: AppPage) -> None:
    page = app_page.page
    app_page.open(f"?team={TEAM}&as_of={TUESDAY}")
    main = _main(page)
    # The board leads with the people who need help, saying why, and the rule in words.
    expect(main.get_by_text(t("standup.help_heading")).first).to_be_visible()
    board = page.locator(".huddle-board").first
    expect(board.locator("thead th", has_text=t("standup.col.why"))).to_have_count(1)
    assert board.locator("tbody tr").count() >= 1
    expect(main.get_by_text(t("standup.help_rule", days=3, sla=3))).to_be_visible()

    # Two commitments, each confirmed.
    settle_after(page, main.get_by_text(t("standup.commit_form")).first.click)
    first = _record(page, 0, "Call the three quiet customers")
    expect(page.get_by_text(t("standup.commit_saved", rep=first)).first).to_be_visible()
    settle_after(page, main.get_by_text(t("standup.commit_form")).first.click)
    second = _record(page, 1, "Send Friday's quotes")
    expect(page.get_by_text(t("standup.commit_saved", rep=second)).first).to_be_visible()
    expect(main.get_by_text("Call the three quiet customers").first).to_be_visible()
    expect(main.get_by_text("Send Friday's quotes").first).to_be_visible()

    # From "To fix", one owner's overdue customers, then their follow-ups: log a call.
    at_risk = main.locator('[data-testid="stExpander"]').filter(has_text="overdue for an order")
    settle_after(page, at_risk.locator("summary").first.click)
    link = at_risk.get_by_role("link").filter(has_text=t("standup.follow_ups_link")).first
    follow_ups = re.compile(r"follow-ups\?.*rep=\d+")
    settle_after(page, link.click)
    try:
        expect(page).to_have_url(follow_ups, timeout=10_000)
    except AssertionError:  # a busy machine (CI under pytest-xdist) once dropped the click
        settle_after(page, link.click)
        expect(page).to_have_url(follow_ups, timeout=15_000)
    tuesday_list = page.url
    # How many of this person's follow-ups are due tomorrow, before the call is logged.
    due_tomorrow = _due_count(app_page, tuesday_list.replace(TUESDAY, WEDNESDAY))
    app_page.open(tuesday_list.split("/", 3)[3])
    log = page.locator('[data-testid="stForm"]').filter(
        has=page.get_by_text(t("follow_ups.outcome"), exact=True)
    )
    log.get_by_label(t("follow_ups.note")).fill("Called from the stand-up")
    log.get_by_text(t("follow_ups.set_next"), exact=True).click()
    settle_after(page, log.get_by_role("button", name=t("follow_ups.submit")).click)
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    expect(success.first).to_be_visible()
    # The call set the next contact two weeks on: tomorrow that customer is no longer due.
    assert _due_count(app_page, tuesday_list.replace(TUESDAY, WEDNESDAY)) == due_tomorrow - 1

    # The next day's stand-up opens with Tuesday's commitments, none done yet.
    app_page.open(f"?team={TEAM}&as_of={WEDNESDAY}")
    opening = t("standup.previous_fold", day="Tue 17 Nov 2026", done=0, total=2)
    expect(_main(page).get_by_text(opening)).to_be_visible()
    for what in ("Call the three quiet customers", "Send Friday's quotes"):
        expect(_main(page).get_by_text(what).first).to_be_visible()
    app_page.assert_no_errors()
