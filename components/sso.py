"""Single sign-on with the company's identity provider: Streamlit's own st.login (OIDC).

Configured in .streamlit/secrets.toml under [auth] (see .streamlit/secrets.toml.example):
either one unnamed provider (client_id directly in [auth]) or named ones ([auth.google],
[auth.microsoft], ...). With no [auth] section, or no secrets file at all, the sign-in page is
the password form only. The person is then matched to a Huddle user by e-mail address
(data/auth_sso.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from components import auth_session, cache
from components.text import error_text, t
from data import auth
from data.auth_sso import sso_user
from data.errors import HuddleDataError

# Set when this browser session's sign-in ended (signed out, expired): the provider's cookie
# may still say who the person is, but they must click "Sign in with ..." again.
SSO_PAUSED_KEY = "sso_paused"


def auth_section() -> Mapping[str, Any] | None:
    """The [auth] section of the secrets, or None: no secrets file (st.secrets raises
    StreamlitSecretNotFoundError, a FileNotFoundError, then), an unreadable one, or no
    [auth] in it."""
    try:
        if "auth" not in st.secrets:
            return None
        section = st.secrets["auth"]
    except FileNotFoundError:
        return None
    return section if isinstance(section, Mapping) else None


def providers(section: Mapping[str, Any] | None) -> list[str | None]:
    """The providers st.login can use: None for the unnamed one (client_id directly in
    [auth]), then each named [auth.<name>] that has a client_id, by name."""
    if not section:
        return []
    found: list[str | None] = [None] if "client_id" in section else []
    found += sorted(
        str(name)
        for name, value in section.items()
        if isinstance(value, Mapping) and "client_id" in value
    )
    return found


def provider_label(provider: str | None) -> str:
    """How a provider is named on its button: "Google" for [auth.google]."""
    return t("signin.sso_default") if provider is None else provider.replace("-", " ").title()


def _match_and_sign_in() -> None:
    """Sign in as the Huddle user of the provider's e-mail address; else say why."""
    email = st.user.get("email")
    verified = st.user.get("email_verified")
    try:
        user = sso_user(
            auth.list_users(cache.get_store()),
            None if email is None else str(email),
            verified=None if verified is None else bool(verified),
        )
    except HuddleDataError as refused:
        st.error(error_text(refused), icon=":material/person_off:")
        return
    auth_session.sign_in(user)
    st.rerun()


def sso_buttons() -> bool:
    """The "Sign in with <provider>" buttons when [auth] is configured; back from the
    provider, the match. True when single sign-on is offered (the page then introduces the
    password form as the other way)."""
    offered = providers(auth_section())
    if not offered:
        return False
    state = st.session_state
    logged_in = bool(st.user.get("is_logged_in", False))  # absent outside a real server
    if logged_in and not state.get(SSO_PAUSED_KEY):
        _match_and_sign_in()  # back from the provider: stops with a rerun when matched
    for provider in offered:
        label = t("signin.sso_button", provider=provider_label(provider))
        if st.button(label, key=f"sso_{provider or 'default'}", icon=":material/key:"):
            state.pop(SSO_PAUSED_KEY, None)
            if logged_in:
                _match_and_sign_in()
            else:
                st.login(provider)  # leaves for the provider; it sends the browser back here
    st.caption(t("signin.sso_rule"))
    return True
