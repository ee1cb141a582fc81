"""Users and sign-in (data/auth.py): argon2 hashes, the lockout rule, disabled accounts, and an
audit row in the same transaction as every write. Real DuckDB files; `now` is passed in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from components import text
from data import auth
from data.store import Store
from tests.table_reads import assert_each_write_names_what_it_changes

NOW = datetime(2026, 11, 20, 9, 0)
GOOD = "correct horse"  # 13 characters
WRONG = "wrong horse!"


# Real argon2id at its lowest cost: the library's default (64 MiB, 3 passes) takes a second
# a hash on a busy test machine. One test below keeps the default settings.
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _company(tmp_path: Path) -> Store:
    """Two teams; Ann (rep 1) leads team 1, Bo (rep 2) sells in it."""
    store = Store(tmp_path / "auth.duckdb")
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'North', NULL, 'retail', 1)")
        cur.execute("INSERT INTO teams VALUES (2, 'South', NULL, 'retail', NULL)")
        cur.execute("INSERT INTO reps VALUES (1, 'Ann', 1, 'group_leader', '2020-01-01', NULL)")
        cur.execute("INSERT INTO reps VALUES (2, 'Bo', 1, 'sales_rep', '2021-01-01', NULL)")
    return store


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The company, hashing at the cheap settings."""
    monkeypatch.setattr(auth, "_hasher", lambda: CHEAP)
    store = _company(tmp_path)
    yield store
    store.close()


def _audit(store: Store) -> list[tuple[str, str | None, int | None]]:
    return [
        (r[0], r[1], r[2])
        for r in store.rows("SELECT action, object_id, user_id FROM audit_log ORDER BY audit_id")
    ]


def _rep(store: Store) -> auth.User:
    return auth.add_user(
        store, login="Bo@Example.com", role="rep", password=GOOD, rep_id=2, now=NOW
    )


def test_the_stored_hash_is_argon2_not_the_password_and_verifies(tmp_path: Path) -> None:
    store = _company(tmp_path)  # the settings the app uses
    user = _rep(store)
    assert user.login == "bo@example.com" and user.display_name == "Bo"  # the rep's own name
    stored = store.scalar("SELECT password_hash FROM users")
    assert stored != GOOD and GOOD not in stored and stored.startswith("$argon2id$")
    assert not PasswordHasher().check_needs_rehash(stored)  # the library's default settings
    assert auth.verify_password(store, "  BO@example.com ", GOOD, NOW).rep_id == 2
    # nothing about the password reaches the audit log
    assert GOOD not in "".join(r[0] for r in store.rows("SELECT details FROM audit_log"))


def test_a_password_needs_ten_characters_and_a_refusal_saves_nothing(store: Store) -> None:
    with pytest.raises(auth.AuthInvalid, match="at least 10 characters long \\(it has 9\\)"):
        auth.add_user(store, login="bo", role="rep", password="123456789", rep_id=2)
    assert store.scalar("SELECT count(*) FROM users") == 0
    assert _audit(store) == []
    auth.add_user(store, login="bo", role="rep", password="1234567890", rep_id=2)  # exactly 10


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"login": "has space", "role": "viewer"}, "auth.login_invalid"),
        ({"login": "x", "role": "viewer"}, "auth.login_invalid"),
        ({"login": "bo", "role": "boss"}, "auth.role_unknown"),
        ({"login": "bo", "role": "rep"}, "auth.rep_needed"),
        ({"login": "bo", "role": "rep", "rep_id": 99}, "auth.rep_unknown"),
        ({"login": "ann", "role": "lead", "rep_id": 1}, "auth.team_needed"),
        ({"login": "ann", "role": "lead", "rep_id": 1, "team_id": 9}, "auth.team_unknown"),
        ({"login": "bo", "role": "rep", "rep_id": 2, "team_id": 1}, "auth.team_only_lead"),
    ],
)
def test_a_user_that_breaks_a_rule_is_refused_with_its_key(
    store: Store, fields: dict[str, object], key: str
) -> None:
    with pytest.raises(auth.AuthInvalid) as caught:
        auth.add_user(store, password=GOOD, **fields)
    assert caught.value.key == key
    assert store.scalar("SELECT count(*) FROM users") == 0 and _audit(store) == []


def test_a_second_user_with_the_same_login_in_any_case_is_refused(store: Store) -> None:
    _rep(store)
    with pytest.raises(auth.AuthInvalid, match=r"already a user 'bo@example\.com'"):
        auth.add_user(store, login="BO@example.com", role="viewer", password=GOOD)
    assert _audit(store) == [("user.add", "1", None)]  # the refused add left no row


def test_the_fifth_wrong_password_locks_for_15_minutes_not_the_fourth(store: Store) -> None:
    _rep(store)
    for attempt in range(1, 5):
        with pytest.raises(auth.WrongPassword):
            auth.verify_password(store, "bo@example.com", WRONG, NOW)
        user = auth.get_user(store, "bo@example.com")
        assert user is not None and user.failed_attempts == attempt and user.locked_until is None
    # Fifth wrong one: locked until 09:00 + 15 min = 09:15, and the error says so.
    with pytest.raises(auth.AccountLocked, match="until 2026-11-20 09:15 \\(UTC\\)") as caught:
        auth.verify_password(store, "bo@example.com", WRONG, NOW)
    assert caught.value.until == datetime(2026, 11, 20, 9, 15)
    # One second before the end even the right password is refused ...
    with pytest.raises(auth.AccountLocked):
        auth.verify_password(store, "bo@example.com", GOOD, datetime(2026, 11, 20, 9, 14, 59))
    # ... and at 09:15 the lock is over.
    assert auth.verify_password(store, "bo@example.com", GOOD, datetime(2026, 11, 20, 9, 15))
    user = auth.get_user(store, "bo@example.com")
    assert user is not None and user.failed_attempts == 0 and user.locked_until is None


def test_after_a_lock_ends_it_takes_five_wrong_passwords_again(store: Store) -> None:
    _rep(store)
    for _ in range(4):
        with pytest.raises(auth.WrongPassword):
            auth.verify_password(store, "bo@example.com", WRONG, NOW)
    with pytest.raises(auth.AccountLocked):
        auth.verify_password(store, "bo@example.com", WRONG, NOW)
    later = NOW + timedelta(minutes=15)
    with pytest.raises(auth.WrongPassword):  # the first wrong one after the lock: not locked
        auth.verify_password(store, "bo@example.com", WRONG, later)


def test_a_right_password_starts_the_count_again(store: Store) -> None:
    _rep(store)
    # 4 wrong, 1 right, 4 wrong: never five in a row, so never locked.
    for _ in range(2):
        for _ in range(4):
            with pytest.raises(auth.WrongPassword):
                auth.verify_password(store, "bo@example.com", WRONG, NOW)
        auth.verify_password(store, "bo@example.com", GOOD, NOW)
    user = auth.get_user(store, "bo@example.com")
    assert user is not None and user.failed_attempts == 0 and user.locked_until is None


def test_an_unknown_login_is_the_same_refusal_and_writes_nothing(store: Store) -> None:
    _rep(store)
    version = store.data_version()
    with pytest.raises(auth.WrongPassword) as unknown:
        auth.verify_password(store, "nobody", GOOD, NOW)
    assert store.data_version() == version and len(_audit(store)) == 1
    with pytest.raises(auth.WrongPassword) as wrong:
        auth.verify_password(store, "bo@example.com", WRONG, NOW)
    assert str(unknown.value) == str(wrong.value)  # a guesser cannot tell names exist


def test_an_ordinary_sign_in_writes_nothing(store: Store) -> None:
    _rep(store)
    version = store.data_version()
    auth.verify_password(store, "bo@example.com", GOOD, NOW)
    assert store.data_version() == version  # the dashboard's caches stay warm


def test_a_disabled_user_is_refused_until_enabled(store: Store) -> None:
    _rep(store)
    auth.disable_user(store, "bo@example.com", actor_id=7, now=NOW)
    with pytest.raises(auth.AccountDisabled, match="disabled"):
        auth.verify_password(store, "bo@example.com", GOOD, NOW)
    auth.enable_user(store, "bo@example.com", actor_id=7, now=NOW)
    assert auth.verify_password(store, "bo@example.com", GOOD, NOW).login == "bo@example.com"
    assert _audit(store)[1:] == [("user.disabled", "1", 7), ("user.enabled", "1", 7)]


def test_the_last_admin_cannot_be_disabled(store: Store) -> None:
    auth.add_user(store, login="root", role="admin", password=GOOD)
    with pytest.raises(auth.AuthInvalid, match="only admin"):
        auth.disable_user(store, "root")
    auth.add_user(store, login="second", role="admin", password=GOOD)
    auth.disable_user(store, "root")
    assert [u.disabled for u in auth.list_users(store)] == [True, False]  # root, second


def test_change_password_needs_the_old_one(store: Store) -> None:
    _rep(store)
    with pytest.raises(auth.AuthInvalid, match="current password is not right"):
        auth.change_password(store, "bo@example.com", WRONG, "a new password")
    assert len(_audit(store)) == 1  # the refused change left no row
    auth.change_password(store, "bo@example.com", GOOD, "a new password", now=NOW)
    with pytest.raises(auth.WrongPassword):
        auth.verify_password(store, "bo@example.com", GOOD, NOW)
    assert auth.verify_password(store, "bo@example.com", "a new password", NOW)
    assert ("user.password_changed", "1", 1) in _audit(store)


def test_an_admin_reset_sets_the_password_and_lifts_a_lock(store: Store) -> None:
    _rep(store)
    for _ in range(5):
        with pytest.raises(auth.SignInRefused):
            auth.verify_password(store, "bo@example.com", WRONG, NOW)
    auth.reset_password(store, "bo@example.com", "reset by admin", actor_id=3, now=NOW)
    assert auth.verify_password(store, "bo@example.com", "reset by admin", NOW)
    with pytest.raises(auth.UserNotFound):
        auth.reset_password(store, "nobody", "reset by admin")


def test_an_old_hash_is_replaced_at_the_next_right_sign_in(store: Store) -> None:
    _rep(store)
    weak = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1).hash(GOOD)
    with store.transaction() as cur:
        cur.execute("UPDATE users SET password_hash = ?", [weak])
    auth.verify_password(store, "bo@example.com", GOOD, NOW)
    stored = store.scalar("SELECT password_hash FROM users")
    assert stored != weak and not auth._hasher().check_needs_rehash(stored)
    row = store.scalar("SELECT details FROM audit_log WHERE action = 'user.sign_in'")
    assert json.loads(row)["rehashed"] is True


def test_each_write_adds_its_audit_row_and_a_failed_write_none(store: Store) -> None:
    auth.add_user(store, login="ann", role="lead", password=GOOD, rep_id=1, team_id=1, now=NOW)
    with pytest.raises(auth.WrongPassword):
        auth.verify_password(store, "ann", WRONG, NOW)
    auth.verify_password(store, "ann", GOOD, NOW)  # resets the count of 1: a write
    auth.reset_password(store, "ann", "another one!", now=NOW)
    assert _audit(store) == [
        ("user.add", "1", None),
        ("user.sign_in_failed", "1", None),
        ("user.sign_in", "1", 1),
        ("user.password_reset", "1", None),
    ]
    # The audit row and the change share one transaction: one that fails keeps neither.
    with pytest.raises(RuntimeError), store.transaction() as cur:
        auth.insert_user(cur, login="bo", role="rep", password=GOOD, rep_id=2)
        assert cur.execute("SELECT count(*) FROM audit_log").fetchall()[0][0] == 5
        raise RuntimeError("a later step of the same write fails")
    assert len(_audit(store)) == 4 and auth.get_user(store, "bo") is None


def test_the_lock_is_said_in_chinese_with_its_end(store: Store) -> None:
    _rep(store)
    for _ in range(4):
        with pytest.raises(auth.WrongPassword):
            auth.verify_password(store, "bo@example.com", WRONG, NOW)
    with pytest.raises(auth.AccountLocked) as caught:
        auth.verify_password(store, "bo@example.com", WRONG, NOW)
    with text.use_language("zh"):
        shown = text.error_text(caught.value)
    assert "锁定" in shown and "2026-11-20 09:15" in shown


def _wrong_password(store: Store) -> None:
    with pytest.raises(auth.WrongPassword):
        auth.verify_password(store, "bo@example.com", WRONG, NOW)


def test_each_account_write_names_the_tables_it_changes(store: Store) -> None:
    """A wrong password, a lock or a new user does not clear the dashboard's cached numbers
    (data.table_versions)."""
    writes = [
        lambda: _rep(store),
        lambda: _wrong_password(store),
        lambda: auth.verify_password(store, "bo@example.com", GOOD, NOW),  # clears the count
        lambda: auth.change_password(store, "bo@example.com", GOOD, GOOD + "!", now=NOW),
        lambda: auth.reset_password(store, "bo@example.com", GOOD, now=NOW),
        lambda: auth.set_disabled(store, "bo@example.com", True, now=NOW),
    ]
    assert_each_write_names_what_it_changes(store, auth.TOUCHES, writes)
