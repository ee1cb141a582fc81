"""Links are language-independent: a URL holds codes (?period=qtd, ?seg_by=industry), never
the labels a reader sees, and money shows the company's currency in every language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import cache
from data import settings
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
OPTIONS = "url_state.options"  # components/url_state.py: each coded widget's codes
PAGES = [
    "pages/standup.py",
    "pages/kpi_trends.py",
    "pages/segments.py",
    "pages/incentives.py",
    "pages/targets.py",
    "pages/team.py",
    "pages/reviews.py",
    "pages/follow_ups.py",
]


def _open(page: str, language: str, params: dict[str, object] | None = None) -> AppTest:
    """`page` opened from a link holding `params`, read in `language`. The language goes
    through the session, as in test_language.py: AppTest's switched page loses the sidebar's
    switch (the browser test checks ?lang=)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params or {})
    at.session_state["lang"] = language
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["lang"] == language
    return at


def _url(at: AppTest) -> dict[str, object]:
    return {k: v for k, v in at.query_params.items() if k != "lang"}


def _other_choice(codes: list[str], current: object) -> str | list[str] | None:
    """A code other than the one shown (never 'custom', which asks for dates, nor '', the
    'all' choice): what a reader would pick before copying the link."""
    if isinstance(current, list):
        spare = [c for c in codes if c not in current]
        return [*map(str, current[:1]), spare[0]] if spare else None
    spare = [c for c in codes if c not in (str(current), "custom", "")]
    return spare[0] if spare else None


@pytest.mark.parametrize("page", PAGES)
def test_a_link_holds_codes_and_opens_the_same_view_in_either_language(
    demo_db: Path, page: str
) -> None:
    first = _open(page, "en")
    options: dict[str, list[str]] = first.session_state[OPTIONS]
    assert options, f"{page} draws no widget kept in the URL"
    link = {
        key: choice
        for key, codes in options.items()
        if (choice := _other_choice(codes, first.session_state[key])) is not None
    }
    english = _open(page, "en", link)
    chinese = _open(page, "zh", link)
    # The URL after each run: the same codes in both languages, exactly those of the link.
    assert _url(english) == _url(chinese)
    kept = _url(english)
    assert kept, f"{page}: the link's choices all left the URL"
    for key, value in kept.items():
        if key in link:
            assert value == link[key], (page, key)
    # And the widgets show the view the link names, in both languages.
    for key, value in link.items():
        if key in kept and key in english.session_state:  # drawn in the view the link opens
            expected = value if isinstance(value, list) else [value]
            for at in (english, chinese):
                shown = at.session_state[key]
                shown = list(shown) if isinstance(shown, list | tuple) else [shown]
                assert [str(v) for v in shown] == expected, (page, key)


def test_a_language_switch_keeps_every_choice_and_the_url(demo_db: Path) -> None:
    # On the home page, whose sidebar keeps the language switch in AppTest.
    link = {"period": "qtd", "channel": "retail"}
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"lang": "en", **link})
    at.run()
    before = _url(at)
    assert before == link
    at.selectbox(key="lang").select("zh").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "销售额" in [m.label for m in at.metric]  # the page is in Chinese now
    assert _url(at) == before
    for key, value in link.items():
        assert at.session_state[key] == value


def test_an_old_link_with_a_label_is_ignored_not_misread(demo_db: Path) -> None:
    # Links copied before codes held the label: ?period=本月至今 names no option now.
    at = _open("pages/kpi_trends.py", "zh", {"period": "本月至今"})
    assert at.session_state["period"] == "mtd"
    assert "period" not in at.query_params


@pytest.fixture
def yuan_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo company whose amounts are in yuan (a copy, so the shared file stays USD)."""
    path = tmp_path / "yuan.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    settings.set_currency(store, "CNY")
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _first_card(language: str) -> str:
    at = _open("pages/kpi_trends.py", language)
    return at.metric[0].value


def test_the_same_data_shows_the_same_currency_in_both_languages(demo_db: Path) -> None:
    # The English demo company is in dollars: $ on the English and on the Chinese page.
    assert _first_card("en").startswith("$")
    assert _first_card("zh").startswith("$")


def test_a_company_in_yuan_shows_yuan_in_english_too(yuan_demo: Path) -> None:
    english, chinese = _first_card("en"), _first_card("zh")
    assert english.startswith("¥") and chinese.startswith("¥")
    # The same month's revenue: English counts in k/M, Chinese in 万, the symbol is one.
    assert not english.endswith("万") and chinese.endswith("万")


def test_the_data_page_sets_the_currency(demo_db_path: Path, yuan_demo: Path) -> None:
    at = _open("pages/data.py", "en")
    at.selectbox(key="data.currency").select("EUR").run()
    at.button(key="data.currency.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = Store(yuan_demo)
    assert settings.stored_currency(store) == "EUR"
    store.close()
    assert _first_card("zh").startswith("€")


def test_a_page_reads_the_currency_once_a_run_and_a_saved_one_on_the_next(
    yuan_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    read = cache.company_currency

    def counted() -> str:
        reads.append(read())
        return reads[-1]

    monkeypatch.setattr(cache, "company_currency", counted)
    # Through app.py, which runs the page inside currency_once_per_run (AppTest's switch_page
    # runs a page's file on its own): the stand-up, its many amounts in yuan.
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    amounts = [m.value for m in at.metric]
    assert any("¥" in a for a in amounts) and not any("$" in a for a in amounts), amounts
    assert reads == ["CNY"], "once for the whole run"
    at.switch_page("pages/data.py").run()
    at.selectbox(key="data.currency").select("EUR").run()
    at.button(key="data.currency.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("pages/kpi_trends.py").run()
    assert at.metric[0].value.startswith("€")
