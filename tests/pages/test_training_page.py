"""AppTest runs of the Training page (English and Chinese), the role duties on the Team page
and the training items beside a review, on copies of the demo company (they write)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.text import CATALOGUES, EN, t, use_language
from data.config import DB_ENV_VAR
from data.store import Store
from metrics import training
from metrics.filters import Filters
from tests.conftest import DEMO_END
from tests.pages.test_language import ALLOWED
from tests.pages.test_role_matrix import Signed, _open
from tests.pages.test_role_matrix import signed as signed  # the signed-in fixture
from tests.pages.text_scan import english_words, screen_strings

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture
def demo_copy(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company (with its training history and duties) the app points at."""
    path = tmp_path / "training.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _app(page: str, **state: object) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.subheader]
    parts += [c.value for c in at.caption] + [s.value for s in at.success]
    parts += [i.value for i in at.info]
    return "\n".join(parts)


def _rate_of(path: Path, rep_id: int) -> tuple[int, int]:
    """(done, counted) of the group the person sits in, read straight from the metrics."""
    store = Store(path)
    try:
        frame = training.items(store, Filters(start=DEMO_END, end=DEMO_END), DEMO_END)
        group = int(frame.loc[frame["rep_id"] == rep_id, "team_id"].iloc[0])
        rates = training.completion(frame)
        row = rates[rates["unit_id"] == group].iloc[0]
        return int(row["done"]), int(row["counted"])
    finally:
        store.close()


def test_the_training_page_shows_rates_overdue_and_certificates(demo_copy: Path) -> None:
    at = _app("pages/training.py")
    text = _texts(at)
    for key in ("training.rates.heading", "training.overdue.heading", "training.certs.heading"):
        assert t(key) in text, key
    assert t("training.rates.rule") in text  # the rule in words beside the numbers
    assert len(at.dataframe) >= 3


def test_add_an_item_then_mark_it_done_moves_the_completion_rate(demo_copy: Path) -> None:
    at = _app("pages/training.py")
    rep_id = int(at.selectbox(key="training_person").value)
    before = _rate_of(demo_copy, rep_id)
    add = f"tr-add-{rep_id}"
    at.text_input(key=f"{add}-title").set_value("Tea ceremony basics")
    at.button(key=f"{add}-submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Tea ceremony basics" in s.value for s in at.success)
    # One more item, not done: the group's counted items grow by one, done stays.
    assert _rate_of(demo_copy, rep_id) == (before[0], before[1] + 1)
    at.button(key=f"{add}-submit").click().run()  # the same submission again: lands once
    assert _rate_of(demo_copy, rep_id) == (before[0], before[1] + 1)

    upd = f"tr-upd-{rep_id}"
    item = at.selectbox(key=f"{upd}-item")
    new_id = next(o for o in item.options if "Tea ceremony basics" in o)
    store = Store(demo_copy)
    item_id = store.scalar("SELECT item_id FROM training_items WHERE title = 'Tea ceremony basics'")
    actions = store.rows("SELECT action FROM audit_log WHERE object_id = $i", {"i": item_id})
    store.close()
    assert actions == [("training.add",)]
    del new_id
    at.selectbox(key=f"{upd}-item").set_value(item_id)
    at.selectbox(key=f"{upd}-status").set_value("done")
    at.button(key=f"{upd}-submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _rate_of(demo_copy, rep_id) == (before[0] + 1, before[1] + 1)
    assert any(t("training.status.done") in s.value for s in at.success)


def test_the_team_page_shows_role_duties_and_an_admin_edits_them(demo_copy: Path) -> None:
    at = _app("pages/team.py")
    text = _texts(at)
    assert t("duties.heading") in text
    assert "Contact every new lead within one working day" in text  # the sales rep's duties
    at.selectbox(key="duty-role").set_value("sales_rep").run()
    at.text_area(key="duty-sales_rep-en").set_value("Call every new lead the same day")
    at.button(key="duty-save-sales_rep").click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = t("duties.edit.saved", role=t("role.sales_rep"), version=2)
    assert any(saved in s.value for s in at.success)
    assert "Call every new lead the same day" in _texts(at)
    store = Store(demo_copy)
    try:
        assert store.rows(
            "SELECT version FROM role_duties WHERE role = 'sales_rep' ORDER BY 1"
        ) == [(1,), (2,)]
        assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'duty.edit'") == 1
    finally:
        store.close()


def test_a_company_without_duties_is_told_how_to_add_them(demo_copy: Path) -> None:
    store = Store(demo_copy)
    with store.transaction() as cur:
        cur.execute("DELETE FROM role_duties")
    store.close()
    at = _app("pages/team.py")
    assert t("duties.none") in _texts(at)


def test_the_review_form_adds_training_items_and_shows_the_duties(demo_copy: Path) -> None:
    at = _app("pages/reviews.py")
    rep_id = int(at.selectbox(key="person").value)
    name = f"tr-review-{rep_id}"
    at.text_input(key=f"{name}-title").set_value("Shadow a senior colleague")
    at.button(key=f"{name}-submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = Store(demo_copy)
    try:
        rows = store.rows(
            "SELECT rep_id, status FROM training_items WHERE title = 'Shadow a senior colleague'"
        )
    finally:
        store.close()
    assert rows == [(rep_id, "planned")]
    labels = [e.label for e in at.expander]
    assert t("training.review.heading") in labels
    assert any(label.startswith(t("duties.review.heading", role="")[:6]) for label in labels)


@pytest.mark.parametrize("page", ["pages/training.py", "pages/team.py"])
def test_chinese_pages_have_no_english_left(
    zh_demo_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(zh_demo_path))
    at = _app(page, lang="zh")
    with use_language("zh"):
        assert t("training.rates.heading") in _texts(at) or page.endswith("team.py")
        assert t("duties.heading") in _texts(at) or page.endswith("training.py")
    # KPI names another area has not translated yet fall back to English in the catalogue
    # (components.text.t); those are that area's to fix, not this page's.
    untranslated = {EN[k] for k in EN if k.startswith("kpi.") and k not in CATALOGUES["zh"]}
    left = sorted(
        {
            f"{where}: {text[:120]!r}"
            for where, text in screen_strings(at)
            if english_words(text, ALLOWED) and text not in untranslated
        }
    )
    assert not left, "English on a Chinese page:\n" + "\n".join(left)


def test_today_is_not_part_of_the_rule() -> None:
    # The page's overdue rule says the as-of day in words; nothing here reads the clock.
    assert training.is_overdue("planned", date(2026, 11, 19), DEMO_END)
    assert not training.is_overdue("planned", DEMO_END, DEMO_END)


# --- signed in: who plans, who ticks, who edits duties ------------------------------------

TEAM_1_GROUPS = (1, 5, 6, 7)  # Retail Stores and its groups (tests/pages/test_role_matrix.py)


def test_a_rep_reads_their_own_plan_and_may_only_tick_it(signed: Signed) -> None:
    rep = signed.users["rep-9"]
    at = _open(signed, "rep-9", "pages/training.py")
    person = at.selectbox(key="training_person")
    assert len(person.options) == 1 and int(person.value) == rep.rep_id
    assert not [b for b in at.button if str(b.key or "").startswith("tr-add-")]
    status = [s for s in at.selectbox if str(s.key or "").endswith("-status")]
    if status:  # they have open items: in progress or done, nothing else
        assert list(status[0].options) == [
            t("training.status.in_progress"),
            t("training.status.done"),
        ]


def test_a_lead_plans_for_their_team_only(signed: Signed) -> None:
    at = _open(signed, "lead-1", "pages/training.py")
    people = signed.people
    team_1 = set(people.loc[people["team_id"].isin(TEAM_1_GROUPS), "name"])
    assert set(at.selectbox(key="training_person").options) <= team_1
    rep_id = int(at.selectbox(key="training_person").value)
    assert at.button(key=f"tr-add-{rep_id}-submit")  # a lead adds items
    frame = at.dataframe[0].value  # the completion table: team 1 and its groups only
    units = {str(u).replace("\u3000└ ", "") for u in frame.iloc[:, 0]}
    assert units <= {"Retail Stores", "Downtown Store", "Riverside Store", "Airport Store"}


def test_only_admins_and_managers_edit_role_duties(signed: Signed) -> None:
    lead = _open(signed, "lead-1", "pages/team.py")
    assert t("duties.edit.who") in [c.value for c in lead.caption]
    assert not [s for s in lead.selectbox if s.key == "duty-role"]
    manager = _open(signed, "manager", "pages/team.py")
    assert [s for s in manager.selectbox if s.key == "duty-role"]
