"""Every page in the sidebar loads cleanly and draws its charts at two sizes.

Pages are discovered from the sidebar navigation, so a page added to app.py is covered
without touching this file. With screenshots asked for (`make screenshots`), each page at
each size lands in tests/screenshots/ (git-ignored) as <page-slug>-<width>x<height>.png.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import (
    DESKTOP,
    LAPTOP,
    SCREENSHOTS,
    TRACE_SELECTOR,
    AppPage,
    full_page_screenshot,
    slugify,
    wait_for_app,
    wait_for_charts,
)

pytestmark = pytest.mark.browser

# A loose bound: this is a check that no page hangs, not a benchmark (bench_pages.py
# measures speed). The figures are printed. Machines differ: on 4 Dec 2026 the same CI run
# took 18 min on one and 39 min on another, whose Segments settled in 30.9 s.
MAX_SETTLE_S = 60.0
ERROR_ALERT = '[data-testid="stAlertContainer"]:has([data-testid="stAlertContentError"])'
EXCEPTION = '[data-testid="stException"]'


@dataclass(frozen=True)
class NavPage:
    title: str
    url: str

    @property
    def slug(self) -> str:
        return slugify(self.title)


def sidebar_pages(app: AppPage) -> list[NavPage]:
    """Every page linked from the sidebar navigation, in order."""
    app.open()
    nav = app.page.locator('[data-testid="stSidebarNav"]')
    nav.wait_for()
    more = nav.locator('[data-testid="stSidebarNavViewButton"]')
    # Long navigations are folded behind "View more"; unfold so every page is listed.
    if more.count() and "more" in more.inner_text().lower():
        more.click()
    links = nav.locator('a[data-testid="stSidebarNavLink"]')
    pages = [
        NavPage(
            # The link's text starts with its icon's ligature name; the label is the title.
            title=link.locator('[data-testid="stMarkdownContainer"]').inner_text().strip(),
            url=link.get_attribute("href") or "",
        )
        for link in links.all()
    ]
    assert pages, "The sidebar navigation lists no pages"
    return pages


def chart_problems(page: Page) -> list[str]:
    """Plotly charts that have not drawn: no main svg, or no trace (line, bar, treemap,
    heatmap) in it."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((e, i) => {
            const title = e.querySelector('.gtitle')?.textContent || `chart ${i + 1}`;
            if (!e.querySelector('.main-svg')) return [`${title}: no svg drawn`];
            if (!e.querySelector(TRACE_SELECTOR))
                return [`${title}: no trace drawn`];
            return [];
        })""".replace("TRACE_SELECTOR", repr(TRACE_SELECTOR))
    )


def tab_chart_problems(page: Page) -> list[str]:
    """Open every tab, as a person would, and check the chart in it is shown and drawn."""
    problems: list[str] = []
    for tabs in page.locator('[data-testid="stTabs"]').all():
        for tab in tabs.get_by_role("tab").all():
            name = tab.inner_text().strip()
            tab.click()
            wait_for_app(page)
            panel = tabs.get_by_role("tabpanel").filter(visible=True)
            charts = panel.locator(".js-plotly-plot")
            if not charts.count():
                continue
            try:
                wait_for_charts(page)
            except PlaywrightTimeoutError:
                problems.append(f"tab {name!r}: its chart did not draw")
                continue
            width = charts.first.evaluate("e => e.getBoundingClientRect().width")
            if width < 200:
                problems.append(f"tab {name!r}: its chart is only {width:.0f} px wide")
        first = tabs.get_by_role("tab").first
        first.click()
        wait_for_app(page)
    return problems


def load_page(app: AppPage, nav_page: NavPage) -> tuple[float, list[str]]:
    """Open one page from the sidebar, as a person moves between pages; seconds until
    settled and charts drawn, and what is wrong with it."""
    page = app.page
    started = time.perf_counter()
    link = page.locator(f'[data-testid="stSidebarNav"] a[href="{nav_page.url}"]')
    if link.count() != 1:
        return 0.0, [f"the sidebar has {link.count()} links to {nav_page.url}, not one"]
    link.click()
    # The address keeps the filters' query string: the path names the page.
    page.wait_for_function("url => location.pathname === new URL(url).pathname", arg=nav_page.url)
    wait_for_app(page)
    problems: list[str] = []
    try:
        wait_for_charts(page)
    except PlaywrightTimeoutError:
        problems.append("the charts on screen did not all draw in time")
    seconds = time.perf_counter() - started

    current = page.locator('[data-testid="stSidebarNav"] a[aria-current="page"]')
    if not current.count() or current.get_attribute("href") != nav_page.url:
        problems.append(f"the sidebar does not mark {nav_page.title!r} as the current page")
    for dialog in page.get_by_role("dialog").all():
        problems.append(f"a dialog is open over the page: {dialog.inner_text()[:300]!r}")
    for exception in page.locator(EXCEPTION).all():
        problems.append(f"exception shown: {exception.inner_text()[:300]!r}")
    for alert in page.locator(ERROR_ALERT).all():
        problems.append(f"error shown: {alert.inner_text()[:300]!r}")
    if seconds > MAX_SETTLE_S:
        problems.append(f"it took {seconds:.1f} s to settle (bound {MAX_SETTLE_S:.0f} s)")
    return seconds, problems


def look_at_size(app: AppPage, nav_page: NavPage, viewport: dict[str, int]) -> list[str]:
    """The open page at one window size: its charts drawn (those in tabs too, each tab
    opened), and a full-page screenshot when asked for.

    The window is resized rather than the page loaded again: the server sends the same page
    whatever the width (nothing in the app reads it), and the layout and the charts follow
    the window, so this is what a person at that size sees, without a second load (the walk
    took 234 s against about 375 s for a load per size, 4 Dec 2026).
    """
    page = app.page
    problems: list[str] = []
    if page.viewport_size != viewport:
        page.set_viewport_size(viewport)
        wait_for_app(page)
        try:
            wait_for_charts(page)
        except PlaywrightTimeoutError:
            problems.append("the charts on screen did not all redraw at this size in time")
    try:  # the charts in tabs that are not open yet
        wait_for_charts(page, include_hidden=True)
    except PlaywrightTimeoutError:
        problems += chart_problems(page)
    shot = SCREENSHOTS / f"{nav_page.slug}-{viewport['width']}x{viewport['height']}.png"
    full_page_screenshot(page, shot)
    problems += tab_chart_problems(page)
    return problems


def test_every_page_loads_cleanly_at_two_sizes(
    new_app_page: Callable[..., AppPage],
) -> None:
    """Each page opened once from the sidebar of one session (the app's first visit to each,
    nothing of it cached yet), then looked at at 1920x1080 and at 1366x768.

    Moving through the sidebar, as a person does, runs the page without loading the app's
    JavaScript again: a fresh browser page per app page spent 1-3 s more in Chromium's
    script engine alone, each time (Performance.getMetrics, 4 Dec 2026). Every other size
    order alternates so each page costs one resize, not two.
    """
    app = new_app_page(DESKTOP)
    pages = sidebar_pages(app)
    report: dict[str, list[str]] = {}
    sizes = (DESKTOP, LAPTOP)
    for nav_page in pages:
        seconds, problems = load_page(app, nav_page)
        print(f"\n[settle] {nav_page.slug}: {seconds:.2f} s")
        for viewport in sizes:
            size = f"{viewport['width']}x{viewport['height']}"
            problems += [f"at {size}: {p}" for p in look_at_size(app, nav_page, viewport)]
        sizes = sizes[::-1]  # start the next page at the size this one ends at
        problems += app.errors
        app.console_errors.clear()
        app.page_errors.clear()
        if problems:
            report[nav_page.title] = problems
    assert not report, "\n".join(
        f"{title}:\n  " + "\n  ".join(problems) for title, problems in report.items()
    )
