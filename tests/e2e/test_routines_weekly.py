"""The weekly summary and the suggestion box in a real browser, in English and 中文: write the
week, save a draft, submit it, and find it in the lead's list; post a suggestion, answer it,
adopt it with a reason."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from components.text import t, use_language
from tests.e2e.conftest import AppPage, settle_after
from tests.e2e.test_flows import pick

pytestmark = pytest.mark.browser

# People of the browser tests' demo company (20,000 order lines to 2026-11-20, seed 7) who
# have written nothing yet for the week of 16 Nov 2026 (data/demo_routines.py): one per
# language, so the two tests never write the same week.
WRITER = {"en": 3, "zh": 4}
LOCALES = {"en": "en-US", "zh": "zh-CN"}


def _main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def _card(page: Page, title: str) -> Locator:
    """The bordered block of one suggestion: the innermost block holding its title (the
    blocks around it hold it too, and come before it in the page)."""
    return _main(page).locator('[data-testid="stVerticalBlock"]').filter(has_text=title).last


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_write_the_week_save_a_draft_submit_and_see_it_in_the_leads_list(
    new_app_page: Callable[..., AppPage], lang: str
) -> None:
    app = new_app_page(locale=LOCALES[lang])
    app.open(f"weekly?lang={lang}&wauthor={WRITER[lang]}")
    page = app.page
    wins = f"Won the café chain ({lang}) · 拿下咖啡连锁"
    with use_language(lang):
        expect(page.get_by_role("heading", level=1)).to_have_text(t("page.weekly"))
        form = page.locator('[data-testid="stForm"]')
        form.get_by_label(t("weekly.field.wins")).fill(wins)
        form.get_by_label(t("weekly.field.help_needed")).fill("A joint visit")
        draft = form.get_by_role("button", name=t("weekly.save_draft"), exact=True)
        settle_after(page, draft.click)
        success = _main(page).locator('[data-testid="stAlertContentSuccess"]')
        expect(success.filter(has_text=t("weekly.saved_draft", version=1))).to_be_visible()
        submit = form.get_by_role("button", name=t("weekly.submit"), exact=True)
        settle_after(page, submit.click)
        expect(success.filter(has_text=t("weekly.saved_submitted", version=2))).to_be_visible()
        # Submitted: a draft can no longer replace it.
        expect(form.get_by_role("button", name=t("weekly.save_draft"), exact=True)).to_be_disabled()

        team = _main(page).get_by_role("radio", name=t("weekly.section.team"), exact=True)
        settle_after(page, team.click)
        expect(page.get_by_text(t("weekly.team.side_by_side"))).to_be_visible()
        expect(_main(page).get_by_text(wins).first).to_be_visible()
    app.assert_no_errors()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_post_a_suggestion_answer_it_and_adopt_it(
    new_app_page: Callable[..., AppPage], lang: str
) -> None:
    app = new_app_page(locale=LOCALES[lang])
    app.open(f"suggestions?lang={lang}")
    page = app.page
    title = f"Shorter stand-up ({lang}) 缩短早会"
    reason = f"Adopted from Monday ({lang})"
    with use_language(lang):
        expect(page.get_by_role("heading", level=1)).to_have_text(t("page.suggestions"))
        form = page.locator('[data-testid="stForm"]').first
        form.get_by_label(t("suggestions.title")).fill(title)
        form.get_by_label(t("suggestions.body")).fill("Ten minutes is enough.")
        settle_after(page, form.get_by_role("button", name=t("suggestions.post")).click)
        success = _main(page).locator('[data-testid="stAlertContentSuccess"]')
        expect(success.filter(has_text=t("suggestions.posted"))).to_be_visible()

        # The newest suggestion comes first, with the lead's answer form under it.
        card = _card(page, title)
        expect(card).to_be_visible()
        settle_after(page, card.locator('[data-testid="stExpander"] summary').click)
        box = card.locator('[data-testid="stSelectbox"]').filter(
            has=page.get_by_text(t("suggestions.answer_status"), exact=True)
        )
        pick(page, box, t("suggestions.status.adopted"))
        card.get_by_label(t("suggestions.answer_text")).fill(reason)
        save = card.get_by_role("button", name=t("suggestions.answer_save"))
        settle_after(page, save.click)
        card = _card(page, title)
        expect(card.get_by_text(reason).first).to_be_visible()
        expect(card.get_by_text(t("suggestions.status.adopted")).first).to_be_visible()
    app.assert_no_errors()
