"""Wall-screen links on the Account page: an admin (any team) or a lead (their team and its
groups) makes a link for one team's stand-up, lists the links and revokes them.

The link (with its token) is shown once, right after it is made, to copy: only its SHA-256 is
stored (data/screen_tokens.py), so it cannot be shown again; a lost link is revoked and made
anew.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id
from components.format import format_datetime, md
from components.standup_controls import SCREEN_KEY
from components.text import error_text, t
from data.auth import User
from data.errors import HuddleDataError
from data.screen_tokens import ScreenToken, create_token, list_tokens, revoke_token
from metrics.lookups import teams_under
from metrics.requests import Teams

ACCOUNT_PATH = "/account"  # the Account page's url_path (app.py); the link opens the home page


def link_teams(user: User, teams: pd.DataFrame) -> dict[int, str]:
    """The teams `user` may make wall-screen links for, id -> name: every team for an admin,
    a lead's team and its groups for a lead, none for anyone else."""
    names = {int(i): str(n) for i, n in zip(teams["team_id"], teams["name"], strict=True)}
    if user.role == "admin":
        return names
    if user.role == "lead" and user.team_id is not None:
        under = teams_under(teams, user.team_id)
        return {i: n for i, n in names.items() if i in under}
    return {}


def link_url(token: str) -> str:
    """The wall-screen URL: this app's home page with ?screen=<token> (a relative link when
    the browser's address is not known)."""
    url = st.context.url or ""
    parts = urlsplit(url)
    if not parts.scheme:
        return f"?{SCREEN_KEY}={token}"
    path = parts.path.removesuffix("/").removesuffix(ACCOUNT_PATH)
    return f"{parts.scheme}://{parts.netloc}{path}/?{SCREEN_KEY}={token}"


def _new_link_form(user: User, teams: dict[int, str]) -> None:
    with st.form("screen_link_new"):
        team_id = st.selectbox(
            t("screen.team"), list(teams), format_func=teams.__getitem__, key="screen_link_team"
        )
        show = st.toggle(
            t("screen.show_amounts"), key="screen_link_amounts", help=t("screen.amounts_help")
        )
        made = st.form_submit_button(t("screen.create"), icon=":material/add_link:")
    if not made or team_id is None:
        return
    try:
        _, token = create_token(
            cache.get_store(), int(team_id), show_amounts=bool(show), actor_id=actor_id(user)
        )
    except HuddleDataError as error:
        st.error(error_text(error))
        return
    # Shown this once (this run only): the next click draws the page without it.
    st.success(t("screen.created"), icon=":material/link:")
    st.code(link_url(token), language=None)


def _links_list(user: User, teams: dict[int, str]) -> None:
    links: list[ScreenToken] = [x for x in list_tokens(cache.get_store()) if x.team_id in teams]
    if not links:
        st.caption(t("screen.none"))
        return
    for link in links:
        state = (
            t("screen.revoked_on", at=format_datetime(link.revoked_at))
            if link.revoked_at is not None
            else t("screen.active")
        )
        amounts = t("screen.with_amounts") if link.show_amounts else t("screen.no_amounts")
        line = t(
            "screen.line", id=link.token_id, team=md(teams[link.team_id]), amounts=amounts,
            made=format_datetime(link.created_at), state=state,
        )  # fmt: skip
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(line)
        if link.revoked_at is None and right.button(
            t("screen.revoke"), key=f"screen_link_revoke_{link.token_id}"
        ):
            revoke_token(cache.get_store(), link.token_id, actor_id=actor_id(user))
            st.rerun()


def screen_links_section(user: User | None) -> None:
    """The Account page's wall-screen section: for admins and leads only."""
    if user is None:
        return
    teams = link_teams(user, cache.fetch(Teams()))
    if not teams:
        return
    st.subheader(t("screen.header"))
    st.caption(t("screen.rules"))
    _new_link_form(user, teams)
    _links_list(user, teams)
