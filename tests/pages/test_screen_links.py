"""Making, listing and revoking wall-screen links on the Account page (AppTest, sign-in ON):
an admin for any team, a lead for their own team and its groups, nobody else; the link shown
once, to copy; revoking refuses it from then on."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from components.auth_session import SEEN_KEY, SIGNED_IN_KEY, USER_KEY
from components.screen_links_view import link_teams
from components.text import t
from data import auth, screen_tokens
from data.audit import utc_now
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # real argon2id, cheap


@pytest.fixture
def signed_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(auth, "_hasher", lambda: CHEAP)
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    return Store(path)


def _account(store: Store, login: str) -> AppTest:
    """The Account page, signed in as `login` (one of the demo's accounts)."""
    user = auth.get_user(store, login)
    assert user is not None
    at = AppTest.from_file(str(ROOT / "pages/account.py"), default_timeout=60)
    now = utc_now()
    at.session_state[USER_KEY] = user.user_id
    at.session_state[SIGNED_IN_KEY] = now
    at.session_state[SEEN_KEY] = now
    at.query_params["lang"] = "en"
    return at.run()


def _token_of(at: AppTest) -> str | None:
    """The token of the link shown (st.code), if one is shown."""
    for code in at.code:
        query = parse_qs(urlsplit(code.value).query)
        if "screen" in query:
            return query["screen"][0]
    return None


def test_link_teams_by_role() -> None:
    # North (1) with its group North-A (3); South (2).
    teams = pd.DataFrame(
        {"team_id": [1, 2, 3], "name": ["North", "South", "North-A"], "parent_id": [None, None, 1]}
    )
    base = auth.User(
        user_id=1, login="x", display_name="x", role="admin", rep_id=None, team_id=None,
        disabled=False, failed_attempts=0, locked_until=None, password_changed_at=None,
        created_at=utc_now(), has_password=True,
    )  # fmt: skip
    assert link_teams(base, teams) == {1: "North", 2: "South", 3: "North-A"}
    lead = replace(base, role="lead", rep_id=5, team_id=1)
    assert link_teams(lead, teams) == {1: "North", 3: "North-A"}
    for role in ("manager", "rep", "viewer"):
        assert link_teams(replace(base, role=role), teams) == {}


def test_an_admin_makes_a_link_sees_it_once_and_revokes_it(signed_demo: Store) -> None:
    at = _account(signed_demo, "admin")
    assert not at.exception, [e.value for e in at.exception]
    assert t("screen.header") in [s.value for s in at.subheader]
    chosen = at.selectbox(key="screen_link_team").options[1]  # any team: the second offered
    at.selectbox(key="screen_link_team").select_index(1)
    next(b for b in at.button if b.label == t("screen.create")).click()
    at.run()
    assert [s.value for s in at.success] == [t("screen.created")]
    token = _token_of(at)
    assert token is not None
    link = screen_tokens.verify_token(signed_demo, token)
    assert link.show_amounts is False
    admin = auth.get_user(signed_demo, "admin")
    assert admin is not None and link.created_by == admin.user_id
    names = dict(signed_demo.rows("SELECT name, team_id FROM teams"))
    assert link.team_id == names[chosen]  # the team chosen (by its name on the page)
    at.run()  # the next click: the link is not shown again
    assert _token_of(at) is None and not at.success
    revoke = next(b for b in at.button if b.key == f"screen_link_revoke_{link.token_id}")
    revoke.click()
    at.run()
    with pytest.raises(screen_tokens.ScreenTokenError):
        screen_tokens.verify_token(signed_demo, token)
    assert any("revoked" in m.value for m in at.markdown)
    actions = signed_demo.rows(
        "SELECT action FROM audit_log WHERE action LIKE 'screen_token.%' ORDER BY audit_id"
    )
    assert actions == [("screen_token.create",), ("screen_token.revoke",)]


def test_a_lead_makes_links_for_their_own_team_only(signed_demo: Store) -> None:
    lead = auth.get_user(signed_demo, "lead-1")
    assert lead is not None and lead.team_id is not None
    at = _account(signed_demo, "lead-1")
    names = dict(signed_demo.rows("SELECT name, team_id FROM teams"))
    offered = {names[str(o)] for o in at.selectbox(key="screen_link_team").options}
    under = {int(i) for (i,) in signed_demo.rows(
        "SELECT team_id FROM team_closure WHERE ancestor_id = ?", [lead.team_id])}  # fmt: skip
    assert offered == under and lead.team_id in offered
    at.toggle(key="screen_link_amounts").set_value(True)
    next(b for b in at.button if b.label == t("screen.create")).click()
    at.run()
    token = _token_of(at)
    assert token is not None
    link = screen_tokens.verify_token(signed_demo, token)
    assert (link.team_id, link.show_amounts) == (lead.team_id, True)


@pytest.mark.parametrize("login", ["manager", "rep-9"])
def test_other_roles_see_no_wall_screen_links(signed_demo: Store, login: str) -> None:
    at = _account(signed_demo, login)
    assert not at.exception
    assert t("screen.header") not in [s.value for s in at.subheader]
    assert not [b for b in at.button if b.label == t("screen.create")]
