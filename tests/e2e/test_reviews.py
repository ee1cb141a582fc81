"""A monthly evaluation written in a real browser, then found in the person's history."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.text import t
from data.reviews import SCORE_DIMENSIONS
from tests.e2e.conftest import AppPage, settle_after

pytestmark = pytest.mark.browser


def test_write_a_monthly_evaluation_and_find_it_in_the_history(app_page: AppPage) -> None:
    app_page.open("reviews")
    page = app_page.page
    person = (
        page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]')
        .first.locator("input")
        .input_value()
    )
    form = page.locator('[data-testid="stForm"]')
    for score, dimension in zip(("4", "3", "5", "4", "2"), SCORE_DIMENSIONS, strict=True):
        group = form.get_by_role("radiogroup", name=t(f"reviews.dim.{dimension}"), exact=True)
        group.get_by_role("radio", name=score, exact=True).click()
    strengths = "Calls every new lead back the same day."
    form.get_by_label(t("reviews.field.strengths")).fill(strengths)
    form.get_by_label(t("reviews.field.areas_to_improve")).fill("Win more new customers.")
    submit = form.get_by_role("button", name=t("reviews.form.submit"), exact=True)
    settle_after(page, submit.click)
    # Said twice: a toast, and a success message above the form that outlasts it.
    confirmed = t("reviews.form.submitted", version=1)
    expect(page.get_by_text(confirmed).first).to_be_visible()
    success = page.locator('[data-testid="stMain"] [data-testid="stAlertContentSuccess"]')
    expect(success.filter(has_text=confirmed)).to_be_visible()

    history = page.locator('[data-testid="stMain"]').get_by_role(
        "radio", name=t("reviews.section.history"), exact=True
    )
    settle_after(page, history.click)
    expect(page.get_by_text(t("reviews.history.heading", person=person))).to_be_visible()
    settle_after(page, lambda: None)
    expect(page.get_by_text(strengths).first).to_be_visible()
    app_page.assert_no_errors()
