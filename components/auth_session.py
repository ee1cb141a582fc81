"""Who is signed in to this browser session, and for how long.

Rules, in words (the sign-in page and the README say the same):
- A session ends 12 hours after signing in, or after 2 hours without a click, whichever comes
  first; then the person signs in again.
- The session keeps only the user_id and two times. The user is re-read every rerun through a
  cached request keyed on the data version, so an account disabled (or deleted) by an admin is
  signed out at its next click.
- `HUDDLE_AUTH=off` (for one person on their own machine, and for tests that run pages without
  signing in) makes every session this machine's admin, with no sign-in. Sign-in is on unless
  the variable says off.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import streamlit as st

from components import cache
from data import auth
from data.audit import utc_now
from data.auth import User
from metrics.requests_auth import UserById

AUTH_ENV = "HUDDLE_AUTH"
_OFF = ("off", "0", "false", "no")
SESSION_MAX = timedelta(hours=12)  # from sign-in, whatever happens in between
SESSION_IDLE = timedelta(hours=2)  # without a click
USER_KEY = "auth_user_id"
SIGNED_IN_KEY = "auth_signed_in_at"
SEEN_KEY = "auth_last_seen"
ENDED_KEY = "auth_session_ended"  # why the last session ended: shown once on the sign-in page
# The one user of a machine with sign-in off: an admin who is not a row of the users table,
# so writes it makes are recorded with no user (see actor_id).
LOCAL_ADMIN = User(
    user_id=0, login="local", display_name="local", role="admin", rep_id=None, team_id=None,
    disabled=False, failed_attempts=0, locked_until=None, password_changed_at=None,
    created_at=datetime(2000, 1, 1), has_password=False,
)  # fmt: skip


def auth_on() -> bool:
    """True unless HUDDLE_AUTH is off (also 0, false or no)."""
    return os.environ.get(AUTH_ENV, "on").strip().lower() not in _OFF


def session_expired(signed_in_at: datetime, last_seen: datetime, now: datetime) -> bool:
    """True when 12 hours have passed since sign-in or 2 hours since the last click (each
    limit reached exactly counts as passed)."""
    return now - signed_in_at >= SESSION_MAX or now - last_seen >= SESSION_IDLE


def sign_in(user: User, now: datetime | None = None) -> None:
    """Start this session as `user` (whose password data.auth.verify_password accepted)."""
    at = now or utc_now()
    state = st.session_state
    state[USER_KEY] = user.user_id
    state[SIGNED_IN_KEY] = at
    state[SEEN_KEY] = at
    state.pop(ENDED_KEY, None)


def sign_out(reason: str = "signed_out") -> None:
    """End this session's sign-in; `reason` (signed_out or expired) is said on the sign-in
    page. Nothing is written: an ordinary sign-in wrote nothing either."""
    state = st.session_state
    for key in (USER_KEY, SIGNED_IN_KEY, SEEN_KEY):
        state.pop(key, None)
    state[ENDED_KEY] = reason


def current_user(now: datetime | None = None) -> User | None:
    """The signed-in user, or None: not signed in, session ended, or account disabled."""
    if not auth_on():
        return LOCAL_ADMIN
    state = st.session_state
    user_id = state.get(USER_KEY)
    if user_id is None:
        return None
    at = now or utc_now()
    if session_expired(state[SIGNED_IN_KEY], state.get(SEEN_KEY, state[SIGNED_IN_KEY]), at):
        sign_out("expired")
        return None
    user = cache.fetch(UserById(user_id=int(user_id)))
    if user is None or user.disabled:
        sign_out("signed_out")
        return None
    state[SEEN_KEY] = at
    return user


def actor_id(user: User | None) -> int | None:
    """The user_id an audit row records for `user`: None for no one and for this machine's
    user with sign-in off (not a row of users)."""
    if user is None or user is LOCAL_ADMIN or user.user_id == LOCAL_ADMIN.user_id:
        return None
    return user.user_id


def verify(login: str, password: str) -> User:
    """Check a sign-in against the database (data.auth.verify_password: counts wrong
    passwords, locks, audits); raises its typed refusals."""
    return auth.verify_password(cache.get_store(), login, password, utc_now())
