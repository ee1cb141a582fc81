"""Sign-in with HUDDLE_AUTH on (AppTest): before sign-in only the sign-in page; refusals in
words (wrong password, the lock after five, disabled); each role's menu; a page opened
directly refuses a role it is not for; the demo's accounts on the demo only; EN and ZH."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from components.auth_session import ENDED_KEY, SEEN_KEY, SIGNED_IN_KEY, USER_KEY
from components.text import t, use_language
from data import auth
from data.audit import utc_now
from data.company_kind import COMPANY_KIND
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture
def signed_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A copy of the demo company with its accounts, sign-in ON, and argon2id at its lowest
    cost (the real hash; the default costs a second a hash on a busy machine)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as cur:
        auth.seed_demo_users(cur)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    return store


def _app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    return at.run()


def _sign_in(at: AppTest, login: str, password: str) -> AppTest:
    at.text_input(key="signin_login").input(login)
    at.text_input(key="signin_password").input(password)
    next(b for b in at.button if b.label == t("signin.submit")).click()
    return at.run()


def _menu(at: AppTest) -> set[str]:
    """The page files st.navigation registered this run (AppTest's own record of them)."""
    pages = at._registered_pages.values()  # AppTest has no public list
    return {Path(str(p["script_path"])).relative_to(ROOT).as_posix() for p in pages}


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_before_sign_in_only_the_sign_in_page(signed_demo: Store) -> None:
    at = _app()
    assert not at.exception
    assert [x.value for x in at.title] == ["Sign in"]
    assert _menu(at) == {"pages/sign_in.py"}
    with pytest.raises(ValueError, match=r"pages/data\.py"):
        at.switch_page("pages/data.py")  # not in an anonymous session's navigation at all
    assert t("signin.rules") in [c.value for c in at.caption]  # the session rule, in words


def test_wrong_password_is_said_with_the_lock_rule(signed_demo: Store) -> None:
    at = _sign_in(_app(), "lead-1", "not-the-password")
    assert _errors(at) == [t("auth.wrong_password", limit=5, minutes=15)]
    assert _menu(at) == {"pages/sign_in.py"}
    # An unknown name gets the very same sentence: names stay secret.
    at = _sign_in(at, "nobody", "not-the-password")
    assert _errors(at) == [t("auth.wrong_password", limit=5, minutes=15)]


def test_five_wrong_passwords_lock_the_account_with_its_end(signed_demo: Store) -> None:
    at = _app()
    before = utc_now()
    for _ in range(4):  # the fourth wrong one does not lock
        at = _sign_in(at, "manager", "wrong-password")
        assert _errors(at) == [t("auth.wrong_password", limit=5, minutes=15)]
    at = _sign_in(at, "manager", "wrong-password")  # the fifth locks, for 15 minutes
    after = utc_now()
    [said] = _errors(at)
    user = auth.get_user(signed_demo, "manager")
    assert user is not None and user.locked_until is not None
    assert before + timedelta(minutes=15) <= user.locked_until <= after + timedelta(minutes=15)
    until = user.locked_until.strftime("%Y-%m-%d %H:%M")
    assert said == t("auth.locked", limit=5, until=until)
    assert f"until {until} (UTC)" in said
    at = _sign_in(at, "manager", "huddle-demo-manager")  # even the right one, while locked
    assert _errors(at) == [said]
    assert _menu(at) == {"pages/sign_in.py"}


def test_a_lead_sees_the_lead_pages_and_not_data(signed_demo: Store) -> None:
    at = _sign_in(_app(), "lead-1", "huddle-demo-lead")
    assert not at.exception and not _errors(at)
    assert _menu(at) == {
        "pages/standup.py", "pages/kpi_trends.py", "pages/team.py", "pages/segments.py",
        "pages/incentives.py", "pages/targets.py", "pages/reviews.py", "pages/definitions.py",
        "pages/account.py", "pages/sign_in.py",  # the sign-in page stays, hidden
        "pages/explain.py", "pages/follow_ups.py", "pages/customer.py", "pages/weekly.py",
        "pages/suggestions.py", "pages/training.py", "pages/stock.py",
    }  # fmt: skip
    lead = auth.get_user(signed_demo, "lead-1")
    assert lead is not None
    who = t("account.signed_in_as", name=lead.display_name, role="lead")
    assert who in [c.value for c in at.sidebar.caption]
    at.switch_page("pages/team.py").run()
    assert [x.value for x in at.title] == [t("page.team")]
    # Asking for the Data page anyway (a URL typed by hand): the page itself refuses, in words.
    at.switch_page("pages/data.py").run()
    assert _errors(at) == [t("access.refused", role="lead")]
    assert t("page.data") not in [x.value for x in at.title] and not at.file_uploader


def test_the_admin_sees_every_page(signed_demo: Store) -> None:
    at = _sign_in(_app(), "admin", "huddle-demo-admin")
    assert _menu(at) == {p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py")}


def _as(role_login: str, store: Store, page: str) -> AppTest:
    """Run one page file directly (as a URL opened directly would), signed in as the user."""
    user = auth.get_user(store, role_login)
    assert user is not None
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    now = utc_now()
    at.session_state[USER_KEY] = user.user_id
    at.session_state[SIGNED_IN_KEY] = now
    at.session_state[SEEN_KEY] = now
    return at.run()


def test_a_rep_opening_the_data_page_directly_is_refused(signed_demo: Store) -> None:
    at = _as("rep-" + str(_rep_ids(signed_demo)[0]), signed_demo, "pages/data.py")
    assert _errors(at) == [t("access.refused", role="rep")]
    assert not at.title and not at.file_uploader  # nothing of the page is drawn


def test_an_anonymous_session_cannot_reach_the_data_page(signed_demo: Store) -> None:
    at = AppTest.from_file(str(ROOT / "pages/data.py"), default_timeout=60).run()
    assert [w.value for w in at.warning] == [t("access.sign_in_first")]
    assert not at.title and not at.file_uploader and not at.button


def _rep_ids(store: Store) -> list[int]:
    return [u.rep_id for u in auth.list_users(store) if u.role == "rep" and u.rep_id]


# AppTest (1.67) runs app.py only on a run that asks for the home page's hash; a later run
# on another page runs that page file alone, as a fresh server's first request does
# (streamlit/streamlit#9992). The page's own access.require is what answers then: these tests
# rely on it, as a person opening a URL directly does.


def _page_refused_for_no_one(at: AppTest) -> None:
    assert [w.value for w in at.warning] == [t("access.sign_in_first")]
    assert not at.subheader and not at.title and not at.metric  # nothing of the page drawn


def test_a_disabled_user_is_out_at_the_next_click(signed_demo: Store) -> None:
    at = _sign_in(_app(), "lead-1", "huddle-demo-lead")
    assert "pages/team.py" in _menu(at)
    auth.disable_user(signed_demo, "lead-1")
    at.run()  # the next click on the stand-up page
    _page_refused_for_no_one(at)
    assert USER_KEY not in at.session_state
    at = _sign_in(_app(), "lead-1", "huddle-demo-lead")
    assert _errors(at) == [t("auth.disabled")]


def test_an_expired_session_is_signed_out_and_told_why(signed_demo: Store) -> None:
    at = _sign_in(_app(), "lead-1", "huddle-demo-lead")
    at.session_state[SIGNED_IN_KEY] = utc_now() - timedelta(hours=12, seconds=1)
    at.run()
    _page_refused_for_no_one(at)
    assert at.session_state[ENDED_KEY] == "expired"
    # The sign-in page (the home page of a session no one is signed in to) says why.
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.session_state[ENDED_KEY] = "expired"
    fresh.run()
    assert [w.value for w in fresh.warning] == [t("signin.expired")]
    assert _menu(fresh) == {"pages/sign_in.py"}


def test_change_password_is_confirmed_and_the_new_one_signs_in(signed_demo: Store) -> None:
    at = _sign_in(_app(), "lead-1", "huddle-demo-lead")
    at.switch_page("pages/account.py").run()
    at.text_input(key="pw_current").input("huddle-demo-lead")
    at.text_input(key="pw_new").input("a-new-password-1")
    at.text_input(key="pw_repeat").input("a-new-password-1")
    next(b for b in at.button if b.label == t("account.change_submit")).click().run()
    assert [s.value for s in at.success] == [t("account.changed")]
    now = datetime(2026, 11, 20, 9, 0)
    assert auth.verify_password(signed_demo, "lead-1", "a-new-password-1", now).login == "lead-1"


def test_demo_accounts_are_listed_on_the_demo(signed_demo: Store) -> None:
    at = _app()
    [table] = at.dataframe
    shown = table.value
    logins = list(shown[t("signin.demo_login")])
    users = {u.login: u for u in auth.list_users(signed_demo)}
    assert sorted(logins) == sorted(users)
    passwords = dict(
        zip(shown[t("signin.demo_login")], shown[t("signin.demo_password")], strict=True)
    )
    assert passwords["admin"] == "huddle-demo-admin"
    assert passwords["lead-1"] == "huddle-demo-lead"


def test_no_demo_accounts_on_a_companys_own_data(signed_demo: Store) -> None:
    with signed_demo.transaction() as cur:  # what an import of the company's own data leaves
        cur.execute(
            "INSERT INTO company_settings (name, value) VALUES (?, 'own') ON CONFLICT (name)"
            " DO UPDATE SET value = excluded.value",
            [COMPANY_KIND],
        )
    at = _app()
    assert [x.value for x in at.title] == ["Sign in"]
    assert not at.dataframe
    assert t("signin.demo_header") not in [s.value for s in at.subheader]


def test_the_sign_in_page_in_chinese(signed_demo: Store) -> None:
    at = _app("zh")
    with use_language("zh"):
        assert [x.value for x in at.title] == [t("page.sign_in")] == ["登录"]
        assert at.text_input(key="signin_login").label == t("signin.login")
        assert t("signin.rules") in [c.value for c in at.caption]
        at = _sign_in(at, "lead-1", "wrong-password")
        assert _errors(at) == [t("auth.wrong_password", limit=5, minutes=15)]
        assert "连续输错 5 次" in _errors(at)[0]
        # The language switch is there before sign-in.
        assert at.sidebar.selectbox(key="lang").value == "zh"
