"""AppTest runs of the weekly summary and suggestion box pages on a copy of the demo company,
in English and Chinese: write a week, save a draft, submit it, see it in the lead's list;
publish a recap; post an anonymous suggestion and answer one; the monthly evaluation shows
the month's weekly summaries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from components.auth_session import SEEN_KEY, SIGNED_IN_KEY, USER_KEY
from components.text import t, use_language
from data import auth
from data.audit import utc_now
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def routines_db(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company (the pages write), which the app points at."""
    path = tmp_path / "routines.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _open(page: str, lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.session_state["lang"] = lang
    at.switch_page(page).run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _rows(path: Path, sql: str) -> list[tuple]:
    store = Store(path)  # the app holds the file open for writing: the same configuration
    try:
        return store.rows(sql)
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_write_a_week_save_a_draft_submit_and_the_lead_sees_it(
    routines_db: Path, lang: str
) -> None:
    at = _open("pages/weekly.py", lang)
    with use_language(lang):
        assert [x.value for x in at.title] == [t("page.weekly")]
        assert t("weekly.author_chosen") in [c.value for c in at.caption]
        assert t("weekly.numbers_rule") in [c.value for c in at.caption]
        person = at.selectbox(key="wauthor")
        rep_id = int(person.value)
        at.text_area(key=f"wk-{rep_id}-{_week(at)}-wins").set_value("Won the café chain 新客户")
        _button(at, t("weekly.save_draft")).click().run()
        _ok(at)
        week = _week(at)
        latest = f"SELECT max(version) FROM weekly_summaries WHERE rep_id = {rep_id}"
        latest += f" AND week_start = DATE '{week}'"
        drafted = int(_rows(routines_db, latest)[0][0])
        assert [s.value for s in at.success] == [t("weekly.saved_draft", version=drafted)]
        _button(at, t("weekly.submit")).click().run()
        _ok(at)
        sent = int(_rows(routines_db, latest)[0][0])
        assert sent == drafted + 1
        assert [s.value for s in at.success] == [t("weekly.saved_submitted", version=sent)]
        assert t("weekly.saved_submitted", version=sent) in [x.value for x in at.toast]
        # The lead's list: this person now counts as submitted, and their wins are shown.
        at.segmented_control(key="wsec").set_value("team").run()
        _ok(at)
        statuses = at.dataframe[0].value
        name = _rows(routines_db, f"SELECT label FROM rep_labels WHERE rep_id = {rep_id}")[0][0]
        row = statuses[statuses[t("weekly.col.person")] == name]
        assert list(row[t("weekly.col.status")]) == [t("weekly.status.submitted")]
        assert any("Won the café chain 新客户" in m.value for m in at.markdown)


def _week(at: AppTest) -> str:
    return str(at.selectbox(key="week").value)


def test_a_double_click_on_submit_saves_one_version(routines_db: Path) -> None:
    at = _open("pages/weekly.py", "en")
    rep_id = int(at.selectbox(key="wauthor").value)
    week = _week(at)
    before = _rows(routines_db, "SELECT count(*) FROM weekly_summaries")[0][0]
    at.text_area(key=f"wk-{rep_id}-{week}-problems").set_value("Late deliveries")
    _button(at, t("weekly.submit")).click().run()
    _button(at, t("weekly.submit_edit")).click().run()  # the same content again
    _ok(at)
    assert next(s.value for s in at.success).startswith("Nothing changed")
    assert _rows(routines_db, "SELECT count(*) FROM weekly_summaries")[0][0] == before + 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_lead_publishes_the_team_recap(routines_db: Path, lang: str) -> None:
    team = _rows(routines_db, "SELECT name FROM teams WHERE parent_id IS NULL ORDER BY 1")[0][0]
    at = _open("pages/weekly.py", lang, wsec="team", team=team)
    with use_language(lang):
        recap = at.text_area[0].value
        # Built from the submitted summaries: a title, the numbers summed, problems, help.
        assert recap.startswith(t("weekly.recap.title", team=team, week="")[:3])
        for heading in ("weekly.recap.problems", "weekly.recap.help"):
            assert t(heading) in recap
        _button(at, t("weekly.recap.publish")).click().run()
        _ok(at)
        rows = _rows(routines_db, "SELECT version, CAST(numbers AS VARCHAR) FROM weekly_recaps")
        assert len(rows) == 1 and rows[0][0] == 1
        assert [s.value for s in at.success] == [t("weekly.recap.published", team=team, version=1)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_post_an_anonymous_suggestion_and_answer_one(routines_db: Path, lang: str) -> None:
    at = _open("pages/suggestions.py", lang)
    with use_language(lang):
        assert [x.value for x in at.title] == [t("page.suggestions")]
        at.text_input(key="sugg-title").set_value("Fewer meetings")
        at.text_area(key="sugg-body").set_value("Two a week are enough.")
        at.checkbox(key="sugg-anon").check()
        _button(at, t("suggestions.post")).click().run()
        _ok(at)
        assert [s.value for s in at.success] == [t("suggestions.posted_anonymous")]
        row = _rows(
            routines_db,
            "SELECT author_rep_id, author_user_id, anonymous FROM suggestions"
            " WHERE title = 'Fewer meetings'",
        )
        assert row == [(None, None, True)]
        # Adopt the newest suggestion with a reason: shown to everyone under it.
        status = next(s for s in at.selectbox if s.label == t("suggestions.answer_status"))
        status.set_value("adopted")
        answer = next(a for a in at.text_area if a.label == t("suggestions.answer_text"))
        answer.set_value("Adopted from next week")
        _button(at, t("suggestions.answer_save")).click().run()
        _ok(at)
        events = _rows(
            routines_db,
            "SELECT e.status, e.answer FROM suggestion_events e JOIN suggestions s"
            " USING (suggestion_id) WHERE s.title = 'Fewer meetings'",
        )
        assert events == [("adopted", "Adopted from next week")]
        assert any("Adopted from next week" in i.value for i in at.info)


def test_the_monthly_evaluation_lists_the_months_weekly_summaries(demo_db: Path) -> None:
    at = _open("pages/reviews.py", "en")
    titles = [e.label for e in at.expander]
    assert any(label.startswith("Weekly summaries of this month") for label in titles), titles


@pytest.fixture
def signed_db(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """A copy of the demo company with sign-in ON: its accounts (data/auth_demo.py) and a
    viewer, by login (argon2id at its lowest cost: the real hash, cheaply)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    path = tmp_path / "signed.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as cur:
        auth.seed_demo_users(cur)
    auth.add_user(store, login="viewer", role="viewer", password=None)
    users = {u.login: u for u in auth.list_users(store)}
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    return {"path": path, "users": users}


def _signed_in(signed: dict, login: str, page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    now = utc_now()
    at.session_state[USER_KEY] = signed["users"][login].user_id
    at.session_state[SIGNED_IN_KEY] = now
    at.session_state[SEEN_KEY] = now
    at.run()
    at.switch_page(page).run()
    _ok(at)
    return at


def test_a_signed_in_rep_writes_their_own_week_and_posts_anonymously(signed_db: dict) -> None:
    rep = signed_db["users"]["rep-9"]
    at = _signed_in(signed_db, "rep-9", "pages/weekly.py")
    # No person to choose: the author is the signed-in person; no Team section for a rep.
    assert "wauthor" not in [s.key for s in at.selectbox]
    assert not at.segmented_control
    assert t("weekly.author_self", person=rep.display_name) in [c.value for c in at.caption]
    week = _week(at)
    at.text_area(key=f"wk-{rep.rep_id}-{week}-wins").set_value("Two new cafés")
    # Submit (or, when the demo's rep-9 has submitted this week already, submit an edit).
    at.button(key=f"wk-{rep.rep_id}-{week}-submit").click().run()
    _ok(at)
    saved = _rows(
        signed_db["path"],
        "SELECT rep_id, saved_by, status FROM weekly_summaries WHERE wins = 'Two new cafés'",
    )
    assert saved == [(rep.rep_id, rep.user_id, "submitted")]

    at = _signed_in(signed_db, "rep-9", "pages/suggestions.py")
    at.text_input(key="sugg-title").set_value("Anonymous idea")
    at.text_area(key="sugg-body").set_value("Nobody should know it was me.")
    at.checkbox(key="sugg-anon").check()
    _button(at, t("suggestions.post")).click().run()
    _ok(at)
    posted = _rows(
        signed_db["path"],
        "SELECT s.author_rep_id, s.author_user_id, a.user_id, CAST(a.details AS VARCHAR)"
        " FROM suggestions s JOIN audit_log a ON a.object_id = s.suggestion_id"
        " WHERE s.title = 'Anonymous idea'",
    )
    assert len(posted) == 1
    author_rep, author_user, audit_user, details = posted[0]
    # Signed in, yet nothing names them: no person, no user, no audit user, no id in details.
    assert (author_rep, author_user, audit_user) == (None, None, None)
    assert set(json.loads(details)) == {"kind", "team_id", "anonymous"}


def test_a_viewer_reads_the_box_but_never_posts_or_answers(signed_db: dict) -> None:
    at = _signed_in(signed_db, "viewer", "pages/suggestions.py")
    assert t("suggestions.viewer") in [c.value for c in at.caption]
    labels = [b.label for b in at.button]
    assert t("suggestions.post") not in labels and t("suggestions.answer_save") not in labels
    assert at.markdown, "the suggestions are listed"
