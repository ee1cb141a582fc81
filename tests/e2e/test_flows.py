"""What a team lead does on a Monday morning, clicked through in a real browser.

Each test works the page as a person would (sidebar widgets, buttons, links), waits for
Streamlit to settle after every interaction, and checks that the browser logged no errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from components.text import column_label, dimension_label, kpi_definition, kpi_label, t
from tests.e2e.conftest import AppPage, settle_after, wait_for_app, wait_for_charts

pytestmark = pytest.mark.browser

# A top-level team of the demo company (data/demo.py); deterministic for a given seed.
TEAM = "Retail Stores"
SUB_TEAM_MARK = "↳ "


def metric_values(page: Page) -> list[str]:
    """The KPI cards' values, left to right, as shown."""
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def sidebar_selectbox(page: Page, label: str) -> Locator:
    return page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has=page.get_by_text(label, exact=True)
    )


def open_options(page: Page, box: Locator) -> list[str]:
    """Click a selectbox open; the texts of its options."""
    box.scroll_into_view_if_needed()  # the sidebar's filters sit below a long menu
    box.click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    return options.all_inner_texts()


def pick(page: Page, box: Locator, option: str) -> None:
    """Choose `option` in a selectbox the way a person does: open it, click the option."""
    texts = open_options(page, box)
    assert option in texts, f"{option!r} is not offered; the options are {texts}"
    settle_after(page, page.get_by_role("option", name=option, exact=True).click)


def selected(box: Locator) -> str:
    return box.locator("input").input_value()


def split_control(page: Page, label: str) -> Locator:
    """One option of the "Split by" segmented control."""
    return page.get_by_role("radiogroup", name=t("trends.split")).get_by_role(
        "radio", name=label, exact=True
    )


def nav_link(page: Page, title: str) -> Locator:
    """A page's link in the sidebar navigation."""
    return page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title)


def current_page(page: Page) -> str:
    """The title of the page the sidebar marks as the current one."""
    current = page.locator('[data-testid="stSidebarNav"] a[aria-current="page"]')
    return current.locator('[data-testid="stMarkdownContainer"]').inner_text().strip()


def open_trends(app: AppPage) -> Page:
    """Open Huddle and go to KPI Trends from the sidebar, whichever page is the home page."""
    app.open()
    page = app.page
    if current_page(page) != t("page.kpi_trends"):
        settle_after(page, nav_link(page, t("page.kpi_trends")).click)
    wait_for_charts(page)
    assert current_page(page) == t("page.kpi_trends")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("page.kpi_trends"))
    return page


def test_team_filter_changes_the_kpi_cards(app_page: AppPage) -> None:
    page = open_trends(app_page)
    before = metric_values(page)
    assert before, "no KPI cards on the trends page"
    team = sidebar_selectbox(page, t("filters.team"))
    assert selected(team) == t("filters.all_teams")

    pick(page, team, TEAM)

    assert selected(team) == TEAM
    after = metric_values(page)
    assert after[0] != before[0], f"the first card still shows {before[0]} for {TEAM}"
    assert parse_qs(urlsplit(page.url).query).get("team") == [TEAM], page.url
    app_page.assert_no_errors()


def test_a_copied_link_reproduces_the_team_view(
    app_page: AppPage, new_app_page: Callable[..., AppPage]
) -> None:
    page = open_trends(app_page)
    pick(page, sidebar_selectbox(page, t("filters.team")), TEAM)
    link = page.url
    assert "team=" in link, f"the team is not in the URL: {link}"
    values = metric_values(page)

    # A colleague opens the link: a new context, so no shared session or storage.
    other = new_app_page()
    other.page.goto(link, wait_until="domcontentloaded")
    wait_for_app(other.page)
    wait_for_charts(other.page)

    assert selected(sidebar_selectbox(other.page, t("filters.team"))) == TEAM
    assert metric_values(other.page) == values
    app_page.assert_no_errors()
    other.assert_no_errors()


def test_definitions_popover_explains_each_kpi(app_page: AppPage) -> None:
    page = open_trends(app_page)
    page.get_by_role("button", name=t("trends.definitions")).click()
    body = page.locator('[data-testid="stPopoverBody"]')
    expect(body).to_be_visible()
    expect(body).to_contain_text(f"{kpi_label('revenue')}: {kpi_definition('revenue')}")
    app_page.assert_no_errors()


def test_split_by_team_draws_one_panel_per_team(app_page: AppPage) -> None:
    page = open_trends(app_page)
    team_names = open_options(page, sidebar_selectbox(page, t("filters.team")))
    page.keyboard.press("Escape")
    top_level = {n for n in team_names if not n.startswith(SUB_TEAM_MARK)} - {
        t("filters.all_teams")
    }
    breakdown = page.get_by_role("heading", name=t("trends.breakdown", dimension="team"))
    expect(breakdown).to_be_visible()

    settle_after(page, split_control(page, dimension_label("team")).click)
    wait_for_charts(page)

    expect(split_control(page, dimension_label("team"))).to_be_checked()
    assert parse_qs(urlsplit(page.url).query).get("split") == ["team"]  # the code, not a label
    split_chart = page.locator(".js-plotly-plot").filter(
        has=page.locator(".gtitle", has_text=f"per {dimension_label('team').lower()}")
    )
    expect(split_chart).to_have_count(1)
    panels = split_chart.locator(".annotation-text").all_text_contents()
    assert len(panels) >= 2, f"expected a panel per team, got titles {panels}"
    assert set(panels) <= top_level, f"panel titles {panels} are not the teams {top_level}"
    assert split_chart.locator(".scatterlayer .trace").count() >= len(panels)
    # Split by team: the breakdown below is by team as well.
    expect(breakdown).to_be_visible()

    # Another split changes the breakdown table under the chart too.
    settle_after(page, split_control(page, dimension_label("channel")).click)
    wait_for_charts(page)
    expect(
        page.get_by_role("heading", name=t("trends.breakdown", dimension="channel"))
    ).to_be_visible()
    expect(breakdown).to_have_count(0)
    expect(
        page.locator(
            ".js-plotly-plot .gtitle", has_text=f"per {dimension_label('channel').lower()}"
        )
    ).to_have_count(1)
    app_page.assert_no_errors()


def test_sidebar_link_opens_the_kpi_glossary(app_page: AppPage) -> None:
    page = open_trends(app_page)
    settle_after(page, nav_link(page, t("page.definitions")).click)

    expect(page.get_by_role("heading", level=1)).to_have_text(t("page.definitions"))
    assert urlsplit(page.url).path == "/definitions", page.url
    glossary = page.locator('[data-testid="stTable"]')
    expect(glossary).to_be_visible()
    # A plain HTML table: every KPI is in the page text, findable with the browser's search.
    headers = [h.strip() for h in glossary.locator("thead th").all_text_contents()]
    for column in ("definitions.definition", "definitions.unit"):
        assert t(column) in headers, f"{t(column)!r} is not a glossary column: {headers}"
    expect(glossary.get_by_role("rowheader", name=kpi_label("revenue"), exact=True)).to_be_visible()
    expect(glossary.get_by_text(kpi_definition("revenue"))).to_be_visible()
    app_page.assert_no_errors()


def test_trends_page_has_its_own_url(app_page: AppPage) -> None:
    """/trends?team=... (a bookmarked or pasted address) opens KPI Trends for that team."""
    app_page.open(f"trends?team={quote_plus(TEAM)}")
    page = app_page.page
    dialogs = page.get_by_role("dialog")
    assert dialogs.count() == 0, dialogs.all_inner_texts()
    wait_for_charts(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(t("page.kpi_trends"))
    assert selected(sidebar_selectbox(page, t("filters.team"))) == TEAM
    app_page.assert_no_errors()


def test_clicking_a_segment_bar_lists_its_customers(app_page: AppPage) -> None:
    app_page.open("segments")
    page = app_page.page
    wait_for_charts(page)
    drill = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text(t("segments.drill_value", dimension="region"), exact=True)
    )
    assert selected(drill) == t("segments.drill_none")
    orders_column = page.locator(
        '[role="columnheader"]', has_text=re.compile(f"^{column_label('orders')}$")
    )
    expect(orders_column).to_have_count(0)  # only the customers' table has a plain "Orders"
    first_bar = page.locator(".js-plotly-plot").first.locator(".bars .point path").first
    settle_after(page, lambda: first_bar.click(force=True))
    assert selected(drill) != t("segments.drill_none"), "the clicked bar is picked"
    expect(orders_column).to_have_count(1)  # the customers' table, with their orders
    # "As a table" under the RFM chart: built when it is opened (a rerun), not before.
    tables = page.locator('[data-testid="stDataFrame"]')
    before = tables.count()
    as_table = page.locator('[data-testid="stExpander"] summary').filter(
        has=page.get_by_text(t("segments.as_table"), exact=True)
    )
    settle_after(page, as_table.first.click)
    expect(tables).to_have_count(before + 1)
    app_page.assert_no_errors()
