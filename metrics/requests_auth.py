"""Cached reads of sign-in: the signed-in user, re-read every rerun, the demo's accounts, and
the audit log.

All are answered through components.cache.fetch, keyed on the data version: disabling a user
(or changing their role) is a write, so the next click re-reads the user and a disabled user is
out at once, while an ordinary rerun costs no query.
"""

from __future__ import annotations

import re

import pandas as pd

from data import audit, auth, company_kind
from data.auth import User
from data.auth_demo import demo_password
from data.store import Store
from metrics.requests import Request

# The demo's own accounts (data/auth_demo.py): admin, manager, lead-<team_id>, rep-<rep_id>.
_DEMO_LOGIN = re.compile(r"^(admin|manager|lead-\d+|rep-\d+)$")


class UserById(Request):
    """The user with this user_id, or None when there is none (any more)."""

    user_id: int

    def run(self, store: Store) -> User | None:
        return next((u for u in auth.list_users(store) if u.user_id == self.user_id), None)


class DemoSignIns(Request):
    """The demo company's published accounts as (login, password, role, display name), by
    sign-in name; empty on a company's own data, which never shows them."""

    def run(self, store: Store) -> list[tuple[str, str, str, str]]:
        if not company_kind.is_demo(store):
            return []
        return [
            (user.login, demo_password(user.role), user.role, user.display_name)
            for user in auth.list_users(store)
            if _DEMO_LOGIN.match(user.login) and not user.disabled
        ]


class AuditLog(Request):
    """The newest `limit` audit rows with who acted by login (data.audit.latest); a write adds
    a row and bumps the data version, so the next read sees it."""

    limit: int = 200
    actions: tuple[str, ...] = ()  # only these actions; all when empty
    user_id: int | None = None  # only this user's rows; 0 for no one signed in

    def run(self, store: Store) -> pd.DataFrame:
        return audit.latest(store, self.limit, actions=self.actions, user_id=self.user_id)


class AuditActors(Request):
    """Everyone who appears in the audit log, for its filter."""

    def run(self, store: Store) -> pd.DataFrame:
        return audit.actors(store)
