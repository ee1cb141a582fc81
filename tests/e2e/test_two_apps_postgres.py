"""Two app processes on one PostgreSQL database (issue 24), driven by a real browser each.

Two `streamlit run` servers share the database a third party (the CLI) also writes to: a
follow-up logged through each app at the same moment lands exactly once each, and an import
run from the command line while both serve is shown by both after their next rerun (every
cache is keyed on the data version read from the database, not on anything in the process).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

import cli
from components.text import t
from data.engine import open_store
from tests.conftest import DATASETS
from tests.e2e.conftest import (
    DEMO_END,
    DESKTOP,
    SETTLE_TIMEOUT_MS,
    new_context,
    serve_app,
    wait_for_app,
)

pytestmark = pytest.mark.browser

SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"
NOTES = ("Called from the first app.", "Called from the second app.")


def _cli(*args: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert cli.main(list(args)) == 0, err.getvalue()


@pytest.fixture
def shared_url(postgres_url: str) -> str:
    """A small demo company on the test server, built through the CLI (staged on DuckDB)."""
    _cli("demo", "--orders", "3000", "--end-date", DEMO_END, "--db", postgres_url)
    return postgres_url


@contextlib.contextmanager
def _page(chromium: Browser, base: str) -> Iterator[Page]:
    context = new_context(chromium, viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(SETTLE_TIMEOUT_MS)
    # The home page first: a fresh server's first session on another page shows Streamlit's
    # "Page not found" notice (streamlit/streamlit#9992).
    page.goto(base)
    wait_for_app(page)
    try:
        yield page
    finally:
        context.close()


def _open(page: Page, base: str, path: str) -> None:
    page.goto(f"{base}/{path}")
    wait_for_app(page)


def _as_of(page: Page) -> str:
    """The as-of day the filters show (it defaults to the data's last day)."""
    return page.locator('[data-testid="stDateInput"] input').first.input_value()


def test_two_apps_write_once_each_and_both_see_a_cli_import(
    chromium: Browser,
    shared_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with (
        serve_app(shared_url, tmp_path_factory, auth="off") as first,
        serve_app(shared_url, tmp_path_factory, auth="off") as second,
        _page(chromium, first) as one,
        _page(chromium, second) as two,
    ):
        submits = []
        for page, base, note in ((one, first, NOTES[0]), (two, second, NOTES[1])):
            _open(page, base, "follow-ups")
            form = page.locator('[data-testid="stMain"] [data-testid="stForm"]')
            form.get_by_label(t("follow_ups.note")).fill(note)
            submits.append(form.get_by_role("button", name=t("follow_ups.submit"), exact=True))
        for submit in submits:  # both clicks before either app is waited for
            submit.click()
        for page in (one, two):
            wait_for_app(page)
            success = page.locator('[data-testid="stAlertContentSuccess"]')
            expect(success.filter(has_text="Logged:")).to_be_visible()

        store = open_store(shared_url)
        try:
            logged = store.rows(
                "SELECT note, count(*) FROM follow_up_actions WHERE kind = 'log'"
                " GROUP BY note ORDER BY note"
            )
            assert logged == [(NOTES[0], 1), (NOTES[1], 1)]
            contacts = store.scalar(
                "SELECT count(*) FROM activities WHERE activity_id IN"
                " (SELECT activity_id FROM follow_up_actions WHERE kind = 'log')"
            )
            assert contacts == 2  # each logged call is one contact, counted everywhere

            for page, base in ((one, first), (two, second)):
                _open(page, base, "trends")
                assert "2026" in _as_of(page), _as_of(page)  # the demo ends on 2026-11-20
            # The command line imports a company of its own while both apps serve.
            _cli("import", "orders", str(SUPERSTORE), "--preset", "superstore", "--replace",
                 "--db", shared_url)  # fmt: skip
            assert store.scalar("SELECT count(*) FROM orders") == 9994
        finally:
            store.close()
        for page in (one, two):
            page.reload()  # the next rerun: each app reads the new data version
            wait_for_app(page)
            assert "2017" in _as_of(page), _as_of(page)  # Superstore ends on 2017-12-30
