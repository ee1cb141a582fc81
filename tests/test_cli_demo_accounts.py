"""`cli.py demo` gives the demo its public sign-in accounts; `--if-missing` adds them to a demo
built before sign-in existed (else no one could sign in to it), never to a company's own data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import cli
from data import auth
from data.company_kind import COMPANY_KIND
from data.store import Store


@pytest.fixture
def old_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company as a Huddle from before sign-in left it: no accounts."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # real argon2id, cheap
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("DELETE FROM screen_tokens")
        cur.execute("DELETE FROM users")
    store.close()
    return path


def _logins(path: Path) -> list[str]:
    store = Store(path)
    try:
        return [u.login for u in auth.list_users(store)]
    finally:
        store.close()


def test_if_missing_gives_an_old_demo_its_accounts_once(old_demo: Path) -> None:
    assert _logins(old_demo) == []
    assert cli.main(["demo", "--if-missing", "--db", str(old_demo)]) == 0
    first = _logins(old_demo)
    assert {"admin", "manager"} <= set(first) and any(x.startswith("lead-") for x in first)
    assert cli.main(["demo", "--if-missing", "--db", str(old_demo)]) == 0
    assert _logins(old_demo) == first  # not again: the accounts are there


def test_if_missing_never_adds_them_to_a_companys_own_data(old_demo: Path) -> None:
    store = Store(old_demo)
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO company_settings (name, value) VALUES (?, 'own') ON CONFLICT (name)"
            " DO UPDATE SET value = excluded.value",
            [COMPANY_KIND],
        )
    store.close()
    assert cli.main(["demo", "--if-missing", "--db", str(old_demo)]) == 0
    assert _logins(old_demo) == []
