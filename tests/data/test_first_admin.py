"""The first admin of a company's own data (data.auth.add_first_admin): made once; refused
once any admin exists, the check inside the insert's transaction, so a race makes one."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from data import auth, auth_first_admin
from data.store import Store

NOW = datetime(2026, 11, 20, 9, 0)
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # real argon2id, cheap


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(auth, "_hasher", lambda: CHEAP)
    return Store(tmp_path / "first.duckdb")


def test_the_first_admin_is_made_once(store: Store) -> None:
    assert not auth_first_admin.has_admin(store)
    admin = auth_first_admin.add_first_admin(
        store, login="Root@Example.com", password="first password", now=NOW
    )
    assert (admin.login, admin.role, admin.has_password) == ("root@example.com", "admin", True)
    assert auth_first_admin.has_admin(store)
    assert auth.verify_password(store, "root@example.com", "first password", NOW).role == "admin"
    with pytest.raises(auth.AuthInvalid, match="already exists") as refused:
        auth_first_admin.add_first_admin(
            store, login="other@example.com", password="other password"
        )
    assert refused.value.key == "auth.admin_exists"
    assert [u.login for u in auth.list_users(store)] == ["root@example.com"]  # nothing saved
    actions = store.rows("SELECT action FROM audit_log ORDER BY 1")
    assert actions == [("user.add",)]  # the one write, on record


def test_a_disabled_admin_still_counts(store: Store) -> None:
    # A disabled admin can be enabled again (cli.py user enable): the form must not reopen.
    auth.add_user(store, login="boss", role="admin", password="boss password 1", now=NOW)
    auth.add_user(store, login="boss2", role="admin", password="boss password 2", now=NOW)
    auth.disable_user(store, "boss")  # (the last enabled admin cannot be disabled: boss2 stays)
    with pytest.raises(auth.AuthInvalid):
        auth_first_admin.add_first_admin(store, login="late@example.com", password="late password")


def test_a_manager_is_not_an_admin(store: Store) -> None:
    auth.add_user(store, login="mgr", role="manager", password="manager password", now=NOW)
    assert not auth_first_admin.has_admin(store)
    auth_first_admin.add_first_admin(store, login="root", password="first password", now=NOW)
    assert auth_first_admin.has_admin(store)


def test_the_password_rules_hold(store: Store) -> None:
    with pytest.raises(auth.AuthInvalid, match="too short"):
        auth_first_admin.add_first_admin(store, login="root", password="short")
    assert not auth_first_admin.has_admin(store)


def test_two_browsers_racing_make_one_admin(store: Store) -> None:
    # Both start together; whichever takes the write lock second finds the first one's admin.
    start = threading.Barrier(2)
    made: list[str] = []
    refused: list[str] = []

    def race(login: str) -> None:
        start.wait()
        try:
            made.append(
                auth_first_admin.add_first_admin(
                    store, login=login, password="racing password"
                ).login
            )
        except auth.AuthInvalid as error:
            refused.append(error.key)

    threads = [threading.Thread(target=race, args=(name,)) for name in ("ann", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and refused == ["auth.admin_exists"]
    assert [u.login for u in auth.list_users(store)] == made
