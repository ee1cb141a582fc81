"""The first admin of a company's own data, made from the sign-in page (or the CLI).

Rule, in words (the sign-in page and the README say the same): on a company's own data (not
the demo) with no admin at all, the sign-in page offers a one-time "create the first admin"
form instead of the sign-in form. Once any admin exists (a disabled one counts) it never shows
again, and a form still open elsewhere is refused: the check is made in the same transaction
as the insert, so two browsers racing cannot both create one.
"""

from __future__ import annotations

from datetime import datetime

from data.auth import AuthInvalid, User, check_password_rules, insert_user, list_users
from data.store import Store


def has_admin(store: Store) -> bool:
    """Whether any admin exists (a disabled one counts: an admin can be enabled again by the
    CLI, and the first-admin form must not reopen because one was disabled)."""
    return bool(store.scalar("SELECT count(*) FROM users WHERE role = 'admin'"))


def add_first_admin(
    store: Store, *, login: str, password: str, now: datetime | None = None
) -> User:
    """Create the first admin of a company's own data: refused (AuthInvalid auth.admin_exists)
    once any admin exists. The check is made inside the same transaction as the insert, under
    the store's write lock, so two browsers racing cannot both create one."""
    check_password_rules(password)  # before the write lock is taken
    with store.transaction() as cur:
        admins = cur.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchall()[0][0]
        if admins:
            raise AuthInvalid.of("auth.admin_exists")
        user_id = insert_user(cur, login=login, role="admin", password=password, now=now)
    return next(u for u in list_users(store) if u.user_id == user_id)
