"""AppTest runs of the customer file page on a copy of the demo company, in English and
Chinese: open a customer by ?customer=<id>, add a note and see the confirmation and the note;
the same words sent again land once; search opens a customer; a rep is refused another rep's
customer in words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import components.filters
from components.format import md
from components.text import t, use_language
from data.config import DB_ENV_VAR
from data.store import Store
from metrics.scope import Scope

ROOT = Path(__file__).resolve().parents[2]
ADD = "customer_note_add"


@pytest.fixture
def file_db(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company (the page writes notes), which the app points at."""
    path = tmp_path / "customer.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _customer(path: Path) -> tuple[int, str, int]:
    """A customer with an owner who has sold to them: id, name, owner's rep_id."""
    store = Store(path)
    try:
        row = store.rows(
            "SELECT c.customer_id, c.name, c.owner_rep_id FROM customers c"
            " WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id"
            "               AND o.rep_id = c.owner_rep_id)"
            " ORDER BY c.customer_id LIMIT 1"
        )[0]
    finally:
        store.close()
    return int(row[0]), str(row[1]), int(row[2])


def _open(customer_id: int, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["customer"] = str(customer_id)
    at.session_state["lang"] = lang
    at.switch_page("pages/customer.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_open_a_customer_and_add_a_note(file_db: Path, lang: str) -> None:
    customer_id, name, _owner = _customer(file_db)
    at = _open(customer_id, lang)
    with use_language(lang):
        assert md(name) in [h.value for h in at.header]
        assert [m.label for m in at.metric] == [t("customer.revenue"), t("customer.orders")]
        assert any(t("customer.segment_now") in m.value for m in at.markdown)
        text = "Calls *after* 3pm, 周五不要打电话"
        at.text_area(key="customer_note_text").set_value(text)
        at.button(key=ADD).click().run()
        assert not at.exception, [e.value for e in at.exception]
        said = t("customer.note_added", kind=t("customer.kind.note").lower(), customer=md(name))
        assert [s.value for s in at.success] == [said]
        assert said in [x.value for x in at.toast]
        # The note shows through the Markdown escape: its * are shown, not italics.
        assert md(text) in [m.value for m in at.markdown]
        # The same words sent again (a double click) land once, and the page says so.
        at.text_area(key="customer_note_text").set_value(text)
        at.button(key=ADD).click().run()
        assert [i.value for i in at.info] == [t("customer.note_repeat")]
    store = Store(file_db)
    try:
        notes = store.rows("SELECT customer_id, text FROM customer_notes")
        audits = store.rows(
            "SELECT action, object_id FROM audit_log WHERE object_type = 'customer'"
        )
    finally:
        store.close()
    assert notes == [(customer_id, text)]
    assert audits == [("customer.note_add", str(customer_id))]


def test_search_opens_a_customer(file_db: Path) -> None:
    customer_id, name, _owner = _customer(file_db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.switch_page("pages/customer.py").run()
    assert not at.metric  # no customer named yet: the search only
    at.text_input(key="customer_search").set_value(name.upper()).run()
    at.button(key=f"customer_open_{customer_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["customer"] == str(customer_id)
    assert md(name) in [h.value for h in at.header]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_rep_is_refused_another_reps_customer(
    file_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    customer_id, _name, owner = _customer(file_db)
    store = Store(file_db)
    try:  # someone who neither owns the customer nor has sold to them
        other = store.rows(
            "SELECT rep_id FROM reps WHERE rep_id <> $o AND rep_id NOT IN"
            " (SELECT rep_id FROM orders WHERE customer_id = $c) ORDER BY rep_id LIMIT 1",
            {"o": owner, "c": customer_id},
        )[0][0]
    finally:
        store.close()
    monkeypatch.setattr(
        components.filters, "user_scope", lambda: Scope(kind="rep", rep_id=int(other))
    )
    refused = _open(customer_id, lang)
    with use_language(lang):
        reason = t("scope.own_only")
        assert [e.value for e in refused.error] == [t("customer.refused", reason=reason)]
    assert not refused.metric and not refused.dataframe  # nothing of the file was drawn
    # The owner opens it.
    monkeypatch.setattr(components.filters, "user_scope", lambda: Scope(kind="rep", rep_id=owner))
    assert _open(customer_id, lang).metric


def test_the_segments_drill_down_links_to_the_customer_file(file_db: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.query_params["period"] = "qtd"  # a filter in the URL: the link keeps it
    at.switch_page("pages/segments.py").run()
    assert not at.exception, [e.value for e in at.exception]
    customer_id = at.selectbox(key="seg_customer").value
    links = [link.proto for link in at.get("page_link") if link.proto.page == "customer"]
    assert [link.query_string for link in links] == [f"period=qtd&customer={customer_id}"]


def test_an_unknown_customer_is_said_in_words(file_db: Path) -> None:
    at = _open(99_999_999, "en")
    with use_language("en"):
        assert [w.value for w in at.warning] == [t("customer.unknown", customer_id=99_999_999)]
    assert not at.metric


def test_an_edit_is_a_new_version_and_the_old_one_stays_viewable(file_db: Path) -> None:
    customer_id, _name, _owner = _customer(file_db)
    at = _open(customer_id, "en")
    at.text_area(key="customer_note_text").set_value("Likes tea")
    at.button(key=ADD).click().run()
    store = Store(file_db)
    try:
        note_id = store.rows("SELECT note_id FROM customer_notes")[0][0]
    finally:
        store.close()
    at.text_area(key=f"customer_edit_{note_id}").set_value("Likes green tea")
    at.button(key=f"customer_edit_save_{note_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with use_language("en"):
        assert [s.value for s in at.success] == [t("customer.note_edited", version=2)]
        assert t("customer.versions", count=1) in [e.label for e in at.expander]
    shown = [m.value for m in at.markdown]
    assert "Likes green tea" in shown and "Likes tea" in shown  # the old one, in its expander
