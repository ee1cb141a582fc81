"""The demo company's accounts (data/auth_demo.py): each one signs in with its published
password, leads are their team's leader by rep_id, and a rebuild gives the same accounts."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from data import auth
from data.auth_demo import demo_accounts
from data.store import Store

NOW = datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def demo_copy(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    # Real argon2id at its lowest cost: the default takes a second a hash on a busy machine.
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    return Store(path)


def test_every_demo_account_signs_in(demo_copy: Store) -> None:
    store = demo_copy
    added = "SELECT count(*) FROM audit_log WHERE action = 'user.add'"
    before = store.scalar(added)  # the demo build seeds them too
    with store.transaction() as cur:
        auth.seed_demo_users(cur)
    top = store.rows(
        "SELECT team_id, leader_rep_id FROM teams WHERE parent_id IS NULL ORDER BY team_id"
    )
    users = {u.login: u for u in auth.list_users(store)}
    roles = sorted(u.role for u in users.values())
    assert roles == sorted(["admin", "manager", "rep", "rep"] + ["lead"] * len(top))
    for team_id, leader in top:  # a lead is the person leading the team, by rep_id
        lead = users[f"lead-{team_id}"]
        assert (lead.rep_id, lead.team_id) == (leader, team_id)
    for user in users.values():
        signed_in = auth.verify_password(store, user.login, f"huddle-demo-{user.role}", NOW)
        assert signed_in.user_id == user.user_id
    # One argon2 hash per published password (admin, manager, lead, rep), shared by its role's
    # accounts: hashing is the slow step, and the 10M-line demo has 128 accounts.
    assert store.scalar("SELECT count(DISTINCT password_hash) FROM users") == 4
    reps = [u.rep_id for u in users.values() if u.role == "rep"]
    kinds = store.rows(
        f"SELECT DISTINCT role FROM reps WHERE rep_id IN ({', '.join(map(str, reps))})"
    )
    assert kinds == [("sales_rep",)]
    assert store.scalar(added) - before == len(users)


def test_seeding_again_gives_the_same_accounts(demo_copy: Store) -> None:
    store = demo_copy
    with store.transaction() as cur:
        auth.seed_demo_users(cur)
    first = [(u.user_id, u.login, u.role, u.rep_id, u.team_id) for u in auth.list_users(store)]
    with store.transaction() as cur:
        auth.seed_demo_users(cur)
        assert [a.login for a in demo_accounts(cur)] == [
            f[1] for f in sorted(first, key=lambda f: f[0])
        ]
    again = [(u.user_id, u.login, u.role, u.rep_id, u.team_id) for u in auth.list_users(store)]
    assert again == first
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'users.replaced_by_demo'")
