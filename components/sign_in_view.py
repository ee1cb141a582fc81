"""The sign-in page: the form, the refusal in words, and the demo company's public accounts.

A refusal is the data layer's typed error said in the session's language: a wrong name or
password (with the lock rule), a lock with the time it ends, a disabled account.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import auth_session, cache
from components.access import role_label
from components.sso import SSO_PAUSED_KEY, sso_buttons
from components.text import error_text, t
from data import auth_first_admin, company_kind
from data.auth import MIN_PASSWORD, AuthInvalid, SignInRefused
from data.errors import HuddleDataError
from metrics.requests_auth import DemoSignIns

HOME = "pages/standup.py"


def ended_notice() -> None:
    """Why the last session ended (signed out, or expired), said once."""
    reason = st.session_state.pop(auth_session.ENDED_KEY, None)
    if reason == "expired":
        st.warning(t("signin.expired"), icon=":material/schedule:")
    elif reason == "signed_out":
        st.info(t("signin.signed_out"), icon=":material/logout:")


def sign_in_form() -> None:
    """Sign-in name and password; on success the session starts and the app reruns with the
    user's menu (the sign-in page, still the page asked for, then moves to the home page)."""
    with st.form("sign_in", enter_to_submit=True):
        login = st.text_input(t("signin.login"), key="signin_login", autocomplete="username")
        password = st.text_input(
            t("signin.password"),
            type="password",
            key="signin_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(t("signin.submit"), type="primary")
    st.caption(t("signin.rules"))
    if not submitted:
        return
    try:
        user = auth_session.verify(login, password)
    except SignInRefused as refused:
        st.error(error_text(refused), icon=":material/lock:")
        return
    except HuddleDataError as error:  # e.g. an unusable sign-in name: said, not a traceback
        st.error(error_text(error), icon=":material/lock:")
        return
    auth_session.sign_in(user)
    st.rerun()


def demo_accounts() -> None:
    """On the demo company only: its accounts and their public passwords, one per role."""
    accounts = cache.fetch(DemoSignIns())
    if not accounts:
        return
    st.subheader(t("signin.demo_header"))
    st.caption(t("signin.demo_intro"))
    table = pd.DataFrame(
        [(login, password, role_label(role), name) for login, password, role, name in accounts],
        columns=[
            t("signin.demo_login"),
            t("signin.demo_password"),
            t("signin.demo_role"),
            t("signin.demo_who"),
        ],
    )
    st.dataframe(table, hide_index=True, key="signin_demo_accounts")


def first_admin_needed() -> bool:
    """True on a company's own data (not the demo) with no admin at all: then the sign-in page
    offers the one-time "create the first admin" form instead of the sign-in form."""
    store = cache.get_store()
    return not company_kind.is_demo(store) and not auth_first_admin.has_admin(store)


def first_admin_form() -> None:
    """The first admin: sign-in name and password twice; refused (and said) once any admin
    exists, the check made in the insert's own transaction (data.auth.add_first_admin)."""
    st.subheader(t("first_admin.header"))
    st.info(t("first_admin.intro"), icon=":material/admin_panel_settings:")
    with st.form("first_admin"):
        login = st.text_input(t("first_admin.login"), key="first_admin_login")
        password = st.text_input(
            t("first_admin.password"), type="password", key="first_admin_password",
            autocomplete="new-password",
        )  # fmt: skip
        repeat = st.text_input(
            t("first_admin.repeat"), type="password", key="first_admin_repeat",
            autocomplete="new-password",
        )  # fmt: skip
        submitted = st.form_submit_button(t("first_admin.submit"), type="primary")
    st.caption(t("first_admin.rules", low=MIN_PASSWORD))
    if not submitted:
        return
    try:
        if password != repeat:
            raise AuthInvalid.of("auth.passwords_differ")
        user = auth_first_admin.add_first_admin(cache.get_store(), login=login, password=password)
    except HuddleDataError as error:
        st.error(error_text(error), icon=":material/block:")
        return
    auth_session.sign_in(user)
    st.rerun()


def sign_in_page() -> None:
    """The whole sign-in page; a signed-in user is sent on to the home page."""
    if auth_session.current_user() is not None:
        st.switch_page(HOME)
    st.title(t("page.sign_in"))
    if st.session_state.get(auth_session.ENDED_KEY):
        st.session_state[SSO_PAUSED_KEY] = True  # signed out or expired: click to sign in again
    ended_notice()
    if first_admin_needed():
        first_admin_form()
        return
    if sso_buttons():
        st.caption(t("signin.sso_or"))
    sign_in_form()
    demo_accounts()
