"""Training in a real browser, in English and 中文: add an item to a person's plan, mark it
done, and see the completion rate of their group move each time; then read a role's duties
on the Team page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from components.text import CATALOGUES, t, use_language
from tests.e2e.conftest import AppPage, settle_after
from tests.e2e.test_flows import open_options

pytestmark = pytest.mark.browser

TITLES = {"en": "Tea ceremony basics", "zh": "茶艺基础入门"}
FIRST_DUTY = {"en": "Contact every new lead within one working day", "zh": "新线索一个工作日内联系"}


def _rate(line: Locator, lang: str) -> tuple[int, int]:
    """(done, counted) as the person's group rate line says them; (0, 0) when nothing counts."""
    brackets = re.findall(r"[(（]([^)）]*)[)）]", line.inner_text())
    numbers = [int(n) for n in re.findall(r"\d+", brackets[-1])] if brackets else []
    if len(numbers) < 2:
        return (0, 0)
    # English says "(done of counted)"; Chinese "（counted 项中完成 done 项）".
    return (numbers[0], numbers[1]) if lang == "en" else (numbers[1], numbers[0])


def _form(page: Page, button: str) -> Locator:
    return page.locator('[data-testid="stForm"]').filter(
        has=page.get_by_role("button", name=button, exact=True)
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_add_a_training_item_mark_it_done_and_see_the_rate_change(
    app_page: AppPage, lang: str
) -> None:
    app_page.open("training" if lang == "en" else "training?lang=zh")
    page = app_page.page
    title = TITLES[lang]
    with use_language(lang):
        prefix = CATALOGUES[lang]["training.person.rate"].split("{")[0]
        line = (
            page.locator('[data-testid="stMain"] [data-testid="stMarkdownContainer"]')
            .filter(has_text=prefix)
            .first
        )
        expect(line).to_be_visible()
        done, counted = _rate(line, lang)

        add = _form(page, t("training.add.submit"))
        add.get_by_label(t("training.field.title")).fill(title)
        settle_after(page, add.get_by_role("button", name=t("training.add.submit")).click)
        success = page.locator('[data-testid="stMain"] [data-testid="stAlertContentSuccess"]')
        expect(success.filter(has_text=title).first).to_be_visible()
        # One more item counted, none more done: the rate falls.
        assert _rate(line, lang) == (done, counted + 1)

        update = _form(page, t("training.update.submit"))
        open_options(page, update.locator('[data-testid="stSelectbox"]').first)
        settle_after(page, page.get_by_role("option").filter(has_text=title).first.click)
        settle_after(page, update.get_by_role("button", name=t("training.update.submit")).click)
        confirmed = t("training.update.done", title=title, status=t("training.status.done"))
        expect(success.filter(has_text=confirmed).first).to_be_visible()
        assert _rate(line, lang) == (done + 1, counted + 1)

        app_page.open("team" if lang == "en" else "team?lang=zh")
        role = page.locator('[data-testid="stExpander"]').filter(
            has=page.get_by_text(t("role.sales_rep"), exact=True)
        )
        settle_after(page, role.first.get_by_text(t("role.sales_rep"), exact=True).click)
        expect(role.first.get_by_text(FIRST_DUTY[lang])).to_be_visible()
    app_page.assert_no_errors()
