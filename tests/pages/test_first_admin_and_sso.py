"""The sign-in page's other ways in (AppTest, sign-in ON): on a company's own data with no
admin, the one-time "create the first admin" form (in the browser, or cli.py user add --role
admin); with [auth] in the secrets, "Sign in with <provider>". The OIDC round trip itself
(st.login, the provider, st.user) cannot run here: it needs a real identity provider."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

import cli
from components.text import t
from data import auth, auth_first_admin
from data.company_kind import COMPANY_KIND
from data.config import DB_ENV_VAR
from data.messages import english
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # real argon2id, cheap


def _copy(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(auth, "_hasher", lambda: CHEAP)
    path = tmp_path / "company.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    store = Store(path)
    with store.transaction() as cur:  # no users at all (the demo seeds its own accounts)
        cur.execute("DELETE FROM users")
    return store


@pytest.fixture
def own_company(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A company's own data (what an import leaves: not the demo), with no users at all."""
    store = _copy(demo_db_path, tmp_path, monkeypatch)
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO company_settings (name, value) VALUES (?, 'own') ON CONFLICT (name)"
            " DO UPDATE SET value = excluded.value",
            [COMPANY_KIND],
        )
    return store


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    return at.run()


def _first_admin(at: AppTest, login: str, password: str, repeat: str) -> AppTest:
    at.text_input(key="first_admin_login").input(login)
    at.text_input(key="first_admin_password").input(password)
    at.text_input(key="first_admin_repeat").input(repeat)
    next(b for b in at.button if b.label == t("first_admin.submit")).click()
    return at.run()


def _menu(at: AppTest) -> set[str]:
    pages = at._registered_pages.values()  # AppTest has no public list
    return {Path(str(p["script_path"])).relative_to(ROOT).as_posix() for p in pages}


def _has_sign_in_form(at: AppTest) -> bool:
    return any(w.key == "signin_login" for w in at.text_input)


def _has_first_admin_form(at: AppTest) -> bool:
    return any(w.key == "first_admin_login" for w in at.text_input)


def test_own_data_without_an_admin_asks_for_the_first_admin(own_company: Store) -> None:
    at = _app()
    assert not at.exception, [e.value for e in at.exception]
    assert _has_first_admin_form(at) and not _has_sign_in_form(at)
    assert t("first_admin.rules", low=10) in [c.value for c in at.caption]  # rules in words
    at = _first_admin(at, "Root@Example.com", "first password", "first passwors")
    assert [e.value for e in at.error] == [english("auth.passwords_differ")]
    assert not auth_first_admin.has_admin(own_company)
    at = _first_admin(at, "Root@Example.com", "first password", "first password")
    assert not at.exception and not at.error
    assert "pages/data.py" in _menu(at)  # signed in as the new admin: the import is theirs
    [admin] = auth.list_users(own_company)
    assert (admin.login, admin.role) == ("root@example.com", "admin")
    # Once an admin exists the form never shows again: a new browser gets the sign-in form.
    fresh = _app()
    assert _has_sign_in_form(fresh) and not _has_first_admin_form(fresh)


def test_a_form_left_open_after_another_browser_made_the_admin_is_refused(
    own_company: Store,
) -> None:
    late = _app()  # opened while there was no admin
    assert _has_first_admin_form(late)
    auth_first_admin.add_first_admin(
        own_company, login="first", password="first password"
    )  # the other one
    late = _first_admin(late, "second", "second password", "second password")
    # The submit's rerun finds an admin: the form is gone, the sign-in form is there, and no
    # second admin was made. (Two submits at the very same moment are settled in the insert's
    # transaction: tests/data/test_first_admin.py races two.)
    assert not late.exception and not _has_first_admin_form(late) and _has_sign_in_form(late)
    assert [u.login for u in auth.list_users(own_company)] == ["first"]
    assert _menu(late) == {"pages/sign_in.py"}


def test_the_cli_makes_the_first_admin_too(
    own_company: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _has_first_admin_form(_app())
    monkeypatch.setattr("sys.stdin", io.StringIO("cli password 1\n"))
    path = str(own_company.path)
    code = cli.main(["user", "add", "ops@example.com", "--role", "admin", "--password-stdin",
                     "--db", path])  # fmt: skip
    assert code == 0, capsys.readouterr()
    at = _app()
    assert _has_sign_in_form(at) and not _has_first_admin_form(at)


def test_the_demo_never_asks_for_a_first_admin(
    demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy(demo_db_path, tmp_path, monkeypatch)  # the demo itself, even with no users
    at = _app()
    assert _has_sign_in_form(at) and not _has_first_admin_form(at)


def test_no_secrets_no_single_sign_on_button(own_company: Store) -> None:
    auth_first_admin.add_first_admin(own_company, login="root", password="first password")
    at = _app()
    assert not [b for b in at.button if b.key and b.key.startswith("sso_")]
    assert t("signin.sso_or") not in [c.value for c in at.caption]


def test_an_auth_section_offers_sign_in_with_its_providers(own_company: Store) -> None:
    auth_first_admin.add_first_admin(own_company, login="root", password="first password")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "not-a-real-secret",
        "google": {"client_id": "x", "client_secret": "y", "server_metadata_url": "https://x"},
        "microsoft": {"client_id": "x", "client_secret": "y", "server_metadata_url": "https://x"},
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    labels = [b.label for b in at.button if b.key and b.key.startswith("sso_")]
    assert labels == ["Sign in with Google", "Sign in with Microsoft"]
    assert t("signin.sso_or") in [c.value for c in at.caption]
    assert _has_sign_in_form(at)  # the password path stays
