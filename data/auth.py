"""Users and sign-in with a password: who may sign in, in which role, and the lockout rule.

Rules, in words (the README and the sign-in page say the same):
- A password has at least 10 characters (and at most 256). It is stored only as an argon2
  hash; a hash made with older settings is replaced at the next right sign-in.
- Five wrong passwords in a row lock the account for 15 minutes: the fifth wrong one locks it,
  the fourth does not. While locked, even the right password is refused, with the time the
  lock ends. A right password (or an admin's reset) starts the count again from zero.
- A disabled account is refused whatever the password.
- A lead or a rep is a person in reps, named by rep_id; a lead also names the team they lead.

Every write runs in the store's transaction and adds its audit row (data/audit.py) in that
same transaction. Times are UTC without a time zone; the sign-in takes `now` explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from data import audit
from data.errors import HuddleDataError
from data.store import Store

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"users", "audit_log"})

ROLES: tuple[str, ...] = ("admin", "manager", "lead", "rep", "viewer")
PERSON_ROLES = ("lead", "rep")  # roles that are a person in reps
MIN_PASSWORD = 10
MAX_PASSWORD = 256  # hashing a megabyte-long "password" would be a way to stall the app
LOCK_AFTER = 5  # wrong passwords in a row
LOCK_FOR = timedelta(minutes=15)
LOGIN_LENGTH = (2, 254)  # 254: the longest e-mail address
MAX_DISPLAY_NAME = 80
# An e-mail address or a name: letters (any script), digits and . _ - + @, no spaces.
_LOGIN = re.compile(r"^[\w.+@-]+$")
_COLUMNS = (
    "user_id, login, display_name, role, rep_id, team_id, disabled, failed_attempts,"
    " locked_until, password_changed_at, created_at, password_hash IS NOT NULL"
)


class AuthInvalid(HuddleDataError):
    """A user or password that breaks a rule; nothing was saved. The message says which."""


class UserNotFound(HuddleDataError):
    """No user has that sign-in name."""


class SignInRefused(HuddleDataError):
    """Sign-in refused; the subclass says why and the message says what to do."""


class WrongPassword(SignInRefused):
    """Unknown sign-in name or wrong password (the message does not say which)."""


class AccountLocked(SignInRefused):
    """Too many wrong passwords in a row; `until` is when the lock ends (UTC)."""

    @property
    def until(self) -> datetime:
        return self.values["until_at"]  # type: ignore[return-value]


class AccountDisabled(SignInRefused):
    """An admin disabled the account."""


@dataclass(frozen=True)
class User:
    """A user as the app sees one: never the password hash."""

    user_id: int
    login: str
    display_name: str
    role: str
    rep_id: int | None
    team_id: int | None
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    password_changed_at: datetime | None
    created_at: datetime
    has_password: bool


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's recommended settings


@cache
def _dummy_hash() -> str:
    # An unknown sign-in name is checked against this, so it takes as long as a known one.
    return _hasher().hash("not a password of anyone")


def normalize_login(login: str) -> str:
    """The sign-in name as stored: trimmed and lower-cased; refused (AuthInvalid) if unusable."""
    value = login.strip().lower()
    low, high = LOGIN_LENGTH
    if not (low <= len(value) <= high and _LOGIN.match(value)):
        raise AuthInvalid.of("auth.login_invalid", login=login, low=low, high=high)
    return value


def check_password_rules(password: str) -> None:
    """Refuse (AuthInvalid) a password shorter than 10 or longer than 256 characters."""
    if len(password) < MIN_PASSWORD:
        raise AuthInvalid.of("auth.password_short", low=MIN_PASSWORD, length=len(password))
    if len(password) > MAX_PASSWORD:
        raise AuthInvalid.of("auth.password_long", high=MAX_PASSWORD)


def hash_password(password: str) -> str:
    """The argon2 hash of a password that follows the rules."""
    check_password_rules(password)
    return _hasher().hash(password)


def _matches(stored: str | None, password: str) -> bool:
    if stored is None:  # a single-sign-on user has no password to match
        _matches(_dummy_hash(), password)
        return False
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _user(row: tuple[Any, ...]) -> User:
    return User(
        int(row[0]), row[1], row[2], row[3],
        None if row[4] is None else int(row[4]), None if row[5] is None else int(row[5]),
        bool(row[6]), int(row[7]), row[8], row[9], row[10], bool(row[11]),
    )  # fmt: skip


def _find(con: duckdb.DuckDBPyConnection, login: str) -> User | None:
    rows = con.execute(f"SELECT {_COLUMNS} FROM users WHERE login = ?", [login]).fetchall()
    return _user(rows[0]) if rows else None


def _existing(con: duckdb.DuckDBPyConnection, login: str) -> User:
    key = login.strip().lower()
    found = _find(con, key)
    if found is None:
        raise UserNotFound.of("auth.no_user", login=key)
    return found


def get_user(store: Store, login: str) -> User | None:
    """The user with this sign-in name (any case), or None."""
    rows = store.rows(f"SELECT {_COLUMNS} FROM users WHERE login = ?", [login.strip().lower()])
    return _user(rows[0]) if rows else None


def list_users(store: Store) -> list[User]:
    """Every user, by sign-in name."""
    return [_user(r) for r in store.rows(f"SELECT {_COLUMNS} FROM users ORDER BY login")]


def _check_person(
    con: duckdb.DuckDBPyConnection, role: str, rep_id: int | None, team_id: int | None
) -> None:
    if role not in ROLES:
        raise AuthInvalid.of("auth.role_unknown", role=role)
    if role in PERSON_ROLES and rep_id is None:
        raise AuthInvalid.of("auth.rep_needed", role=role)
    if role == "lead" and team_id is None:
        raise AuthInvalid.of("auth.team_needed")
    if role != "lead" and team_id is not None:
        raise AuthInvalid.of("auth.team_only_lead", role=role)
    if rep_id is not None and not _one(con, "SELECT count(*) FROM reps WHERE rep_id = ?", rep_id):
        raise AuthInvalid.of("auth.rep_unknown", rep_id=rep_id)
    if team_id is not None and not _one(
        con, "SELECT count(*) FROM teams WHERE team_id = ?", team_id
    ):
        raise AuthInvalid.of("auth.team_unknown", team_id=team_id)


def _one(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> Any:
    """The single value `sql` returns inside the transaction `con`."""
    return con.execute(sql, list(params)).fetchall()[0][0]


def insert_user(
    con: duckdb.DuckDBPyConnection,
    *,
    login: str,
    role: str,
    password: str | None,
    display_name: str | None = None,
    rep_id: int | None = None,
    team_id: int | None = None,
    actor_id: int | None = None,
    now: datetime | None = None,
    password_hash: str | None = None,
) -> int:
    """Add a user inside the caller's transaction `con` (checks and audit row included);
    returns the new user_id. `password` None makes a single-sign-on-only user.
    `password_hash` is hash_password(password) when the caller has it already (the demo's
    accounts of one role share one published password: one hash instead of one per account)."""
    at = now or audit.utc_now()
    key = normalize_login(login)
    _check_person(con, role, rep_id, team_id)
    if display_name is None and rep_id is not None:
        display_name = _one(con, "SELECT name FROM reps WHERE rep_id = ?", rep_id)
    name = (display_name if display_name is not None else key).strip()
    if not 1 <= len(name) <= MAX_DISPLAY_NAME:
        raise AuthInvalid.of("auth.display_name_invalid", high=MAX_DISPLAY_NAME)
    if _find(con, key) is not None:
        raise AuthInvalid.of("auth.login_taken", login=key)
    # Last: hashing is the slow step.
    hashed = None if password is None else (password_hash or hash_password(password))
    # Never an id the audit log already names: a removed account's rows keep their meaning.
    user_id = int(
        con.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM (SELECT max(user_id) AS id FROM users"
            " UNION ALL SELECT max(user_id) FROM audit_log)"
        ).fetchall()[0][0]
    )
    con.execute(
        "INSERT INTO users (user_id, login, display_name, password_hash, role, rep_id, team_id,"
        " password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [user_id, key, name, hashed, role, rep_id, team_id, at if hashed else None, at],
    )
    after = {"login": key, "display_name": name, "role": role, "rep_id": rep_id,
             "team_id": team_id, "has_password": hashed is not None}  # fmt: skip
    audit.record(con, actor_id, "user.add", "user", user_id, {"after": after}, at=at)
    return user_id


def add_user(
    store: Store,
    *,
    login: str,
    role: str,
    password: str | None,
    display_name: str | None = None,
    rep_id: int | None = None,
    team_id: int | None = None,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> User:
    """Add a user in its own transaction (see insert_user); refused with AuthInvalid, and then
    nothing is saved."""
    if password is not None:
        check_password_rules(password)  # before the write lock is taken
    with store.transaction(touches=TOUCHES) as cur:
        user_id = insert_user(
            cur, login=login, role=role, password=password, display_name=display_name,
            rep_id=rep_id, team_id=team_id, actor_id=actor_id, now=now,
        )  # fmt: skip
    return next(u for u in list_users(store) if u.user_id == user_id)


def verify_password(store: Store, login: str, password: str, now: datetime) -> User:
    """Sign in: the user when the password is right, else WrongPassword, AccountLocked or
    AccountDisabled. A wrong password is counted (the fifth in a row locks the account for
    15 minutes) even though the sign-in is refused: the count commits, then the refusal.

    Only a count, a lock, or the reset of one is written (with its audit row): a write bumps
    the data version every cache is keyed on, so an ordinary sign-in writes nothing."""
    user = get_user(store, login)
    if user is None:
        _matches(_dummy_hash(), password)  # as slow as a known name: names stay secret
        raise WrongPassword.of("auth.wrong_password", limit=LOCK_AFTER, minutes=15)
    if user.locked_until is not None and now < user.locked_until:
        raise _locked(user.locked_until)
    stored = store.scalar("SELECT password_hash FROM users WHERE user_id = ?", [user.user_id])
    if not _matches(stored, password):
        if stored is not None:  # a single-sign-on user has no password to guess: no count
            _count_wrong(store, user.user_id, now)
        raise WrongPassword.of("auth.wrong_password", limit=LOCK_AFTER, minutes=15)
    if user.disabled:
        raise AccountDisabled.of("auth.disabled")
    rehash = _hasher().check_needs_rehash(stored)  # settings changed since it was hashed
    if rehash or user.failed_attempts or user.locked_until is not None:
        with store.transaction(touches=TOUCHES) as cur:
            if rehash:
                cur.execute(
                    "UPDATE users SET password_hash = ? WHERE user_id = ?",
                    [_hasher().hash(password), user.user_id],
                )
            cur.execute(
                "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?",
                [user.user_id],
            )
            before = {"failed_attempts": user.failed_attempts, "locked_until": user.locked_until}
            details = {"before": before, "rehashed": rehash}
            audit.record(cur, user.user_id, "user.sign_in", "user", user.user_id, details, at=now)
        user = get_user(store, login)
        assert user is not None
    return user


def _count_wrong(store: Store, user_id: int, now: datetime) -> None:
    """Count a wrong password; the fifth in a row locks the account (raises AccountLocked)."""
    with store.transaction(touches=TOUCHES) as cur:
        # Read again inside the transaction, so two wrong passwords at once both count.
        attempts = (
            cur.execute(
                "SELECT failed_attempts FROM users WHERE user_id = ?", [user_id]
            ).fetchall()[0][0]
            + 1
        )
        # The fifth wrong one locks; the count restarts, so after the lock it takes five again.
        until = now + LOCK_FOR if attempts >= LOCK_AFTER else None
        cur.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE user_id = ?",
            [0 if until else attempts, until, user_id],
        )
        details = {"failed_attempts": attempts, "locked_until": until}
        action = "user.locked" if until else "user.sign_in_failed"
        audit.record(cur, None, action, "user", user_id, details, at=now)
    if until is not None:
        raise _locked(until)


def _locked(until: datetime) -> AccountLocked:
    shown = until.strftime("%Y-%m-%d %H:%M")
    return AccountLocked.of("auth.locked", limit=LOCK_AFTER, until=shown, until_at=until)


def change_password(
    store: Store, login: str, old_password: str, new_password: str, now: datetime | None = None
) -> None:
    """A user changes their own password: the current one must be right (AuthInvalid if not)."""
    at = now or audit.utc_now()
    check_password_rules(new_password)
    with store.transaction(touches=TOUCHES) as cur:
        user = _existing(cur, login)
        stored = cur.execute(
            "SELECT password_hash FROM users WHERE user_id = ?", [user.user_id]
        ).fetchall()[0][0]
        if not _matches(stored, old_password):
            raise AuthInvalid.of("auth.old_password_wrong")
        _set_password(cur, user, new_password, at)
        audit.record(cur, user.user_id, "user.password_changed", "user", user.user_id, at=at)


def _set_password(cur: duckdb.DuckDBPyConnection, user: User, password: str, at: datetime) -> None:
    cur.execute(
        "UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0,"
        " locked_until = NULL WHERE user_id = ?",
        [hash_password(password), at, user.user_id],
    )


def reset_password(
    store: Store,
    login: str,
    new_password: str,
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> None:
    """An admin sets a new password for a user; it also lifts a lock and clears the count."""
    at = now or audit.utc_now()
    check_password_rules(new_password)
    with store.transaction(touches=TOUCHES) as cur:
        user = _existing(cur, login)
        _set_password(cur, user, new_password, at)
        audit.record(cur, actor_id, "user.password_reset", "user", user.user_id, at=at)


def set_disabled(
    store: Store,
    login: str,
    disabled: bool,
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> None:
    """Disable or enable a user. The last enabled admin cannot be disabled (AuthInvalid)."""
    at = now or audit.utc_now()
    with store.transaction(touches=TOUCHES) as cur:
        user = _existing(cur, login)
        if disabled and user.role == "admin" and not user.disabled:
            others = cur.execute(
                "SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled AND user_id <> ?",
                [user.user_id],
            ).fetchall()[0][0]
            if not others:
                raise AuthInvalid.of("auth.last_admin", login=user.login)
        cur.execute("UPDATE users SET disabled = ? WHERE user_id = ?", [disabled, user.user_id])
        details = {"before": {"disabled": user.disabled}, "after": {"disabled": disabled}}
        action = "user.disabled" if disabled else "user.enabled"
        audit.record(cur, actor_id, action, "user", user.user_id, details, at=at)


def disable_user(store: Store, login: str, **kwargs: Any) -> None:
    """Refuse every sign-in of this user until enabled again."""
    set_disabled(store, login, True, **kwargs)


def enable_user(store: Store, login: str, **kwargs: Any) -> None:
    """Let a disabled user sign in again."""
    set_disabled(store, login, False, **kwargs)


def seed_demo_users(con: duckdb.DuckDBPyConnection) -> None:
    """The demo company's accounts; see data/auth_demo.py (kept there, by purpose)."""
    from data.auth_demo import seed_demo_users as seed

    seed(con)
