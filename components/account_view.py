"""The signed-in user's own controls: who is signed in and sign out (sidebar), and the Account
page's change-password form."""

from __future__ import annotations

import streamlit as st

from components import auth_session, cache
from components.access import SIGN_IN, role_label
from components.text import error_text, t
from data import auth
from data.errors import HuddleDataError


def sidebar_account() -> None:
    """In the sidebar: the signed-in user's name and role, and a sign-out button. Nothing
    with sign-in off (HUDDLE_AUTH=off) or no one signed in."""
    if not auth_session.auth_on():
        return
    user = auth_session.current_user()
    if user is None:
        return
    with st.sidebar:
        st.caption(t("account.signed_in_as", name=user.display_name, role=role_label(user.role)))
        if st.button(t("account.sign_out"), key="sign_out", icon=":material/logout:"):
            auth_session.sign_out()
            if st.user.get("is_logged_in", False):  # signed in through single sign-on: end
                st.logout()  # the provider's session too, so the button does not sign back in
            # The sign-in page is in this run's menu (hidden), so the next run opens it rather
            # than a page the signed-out session may not see.
            st.switch_page(SIGN_IN)


def change_password_form() -> None:
    """Change your own password: the current one, and the new one twice; said when done."""
    if not auth_session.auth_on():
        st.info(t("account.auth_off"), icon=":material/lock_open:")
        return
    user = auth_session.current_user()
    if user is None:
        return
    st.subheader(t("account.change_header"))
    with st.form("change_password", clear_on_submit=True):
        old = st.text_input(
            t("account.current"), type="password", key="pw_current",
            autocomplete="current-password",
        )  # fmt: skip
        new = st.text_input(
            t("account.new"), type="password", key="pw_new", autocomplete="new-password"
        )
        again = st.text_input(
            t("account.repeat"), type="password", key="pw_repeat", autocomplete="new-password"
        )
        submitted = st.form_submit_button(t("account.change_submit"))
    st.caption(t("account.rule", low=auth.MIN_PASSWORD))
    if not submitted:
        return
    if new != again:
        st.error(t("auth.passwords_differ"), icon=":material/error:")
        return
    try:
        auth.change_password(cache.get_store(), user.login, old, new)
    except HuddleDataError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    st.success(t("account.changed"), icon=":material/check_circle:")
