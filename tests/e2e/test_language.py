"""中文 and English in a real browser: the switch, the URL, and choices kept across a switch."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from components.text import LANGUAGES, t, use_language
from tests.e2e.conftest import AppPage, settle_after, wait_for_app
from tests.e2e.test_flows import open_trends, pick, sidebar_selectbox

pytestmark = pytest.mark.browser

PERIOD_QTD = re.compile(r"[?&]period=qtd(&|$)")


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _period_pill(page: Page, label: str) -> Locator:
    with_label = page.get_by_role("radiogroup", name=t("filters.period"))
    return with_label.get_by_role("radio", name=label, exact=True)


def _heading(page: Page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


def test_switching_to_chinese_keeps_the_period_and_writes_it_to_the_url(
    app_page: AppPage,
) -> None:
    page = open_trends(app_page)
    settle_after(page, _period_pill(page, t("period.qtd")).click)
    # The URL holds the period's code, not its label: the same link in either language.
    # Waited for: on a busy machine the click's rerun may start after the page looked settled.
    expect(page).to_have_url(PERIOD_QTD)
    symbol = page.locator('[data-testid="stMetricValue"]').first.inner_text()[0]

    pick(page, sidebar_selectbox(page, t("shell.language")), LANGUAGES["zh"])

    with use_language("zh"):
        expect(page.get_by_role("heading", level=1)).to_have_text(t("page.kpi_trends"))
        expect(page).to_have_url(PERIOD_QTD)
        expect(_period_pill(page, t("period.qtd"))).to_have_attribute("aria-checked", "true")
    expect(page).to_have_url(re.compile(r"[?&]lang=zh(&|$)"))
    # The currency is the company's: the same symbol after the switch.
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text().startswith(symbol)
    app_page.assert_no_errors()


def test_a_link_with_the_language_opens_in_it(
    app_page: AppPage, new_app_page: Callable[..., AppPage]
) -> None:
    app_page.open("trends?lang=zh")
    with use_language("zh"):
        assert _heading(app_page.page) == t("page.kpi_trends")
    # The same link in English, for a colleague whose browser asks for Chinese.
    other = new_app_page(locale="zh-CN")
    other.open("trends?lang=en")
    assert _heading(other.page) == t("page.kpi_trends")
    app_page.assert_no_errors()
    other.assert_no_errors()


def test_a_chinese_browser_opens_huddle_in_chinese(new_app_page: Callable[..., AppPage]) -> None:
    app = new_app_page(locale="zh-CN")
    app.open("trends")
    wait_for_app(app.page)
    with use_language("zh"):
        assert _heading(app.page) == t("page.kpi_trends")
    app.assert_no_errors()


def test_a_csv_downloaded_in_chinese_opens_in_excel(app_page: AppPage) -> None:
    """UTF-8 with a BOM, headings in Chinese: what Excel on a Chinese Windows machine reads."""
    app_page.open("definitions?lang=zh")
    page = app_page.page
    with use_language("zh"):
        button = page.get_by_role("button", name=t("table.download"))
        heading, kpi = t("definitions.kpi"), t("kpi.average_order_value.label")
    with page.expect_download() as download:
        button.click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(codecs.BOM_UTF8)
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[0] == heading
    assert any(line.startswith(kpi + ",") for line in lines)
    app_page.assert_no_errors()
