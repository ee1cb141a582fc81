"""The demo company's accounts: an admin, a manager, a lead per top-level team and two reps.

For the demo only: the passwords are published (the sign-in page of the demo company lists
them), so a real company never gets these accounts. They are derived from the demo's own
tables, so the same demo build always gets the same accounts:
- admin / huddle-demo-admin, manager / huddle-demo-manager;
- lead-<team_id> / huddle-demo-lead for each top-level team, the person being the team's
  leader (teams.leader_rep_id), by team_id;
- rep-<rep_id> / huddle-demo-rep for the two sales reps with the lowest rep_id who have not
  left and lead no team.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from data import audit
from data.auth import hash_password, insert_user


@dataclass(frozen=True)
class DemoAccount:
    """One demo account as the demo's sign-in page lists it."""

    login: str
    password: str
    role: str
    rep_id: int | None = None
    team_id: int | None = None


def demo_password(role: str) -> str:
    """The published password of every demo account of `role`."""
    return f"huddle-demo-{role}"


def demo_accounts(con: duckdb.DuckDBPyConnection) -> list[DemoAccount]:
    """The accounts the demo company gets, from its teams and people (read only)."""
    accounts = [
        DemoAccount("admin", demo_password("admin"), "admin"),
        DemoAccount("manager", demo_password("manager"), "manager"),
    ]
    leads = con.execute(
        "SELECT team_id, leader_rep_id FROM teams"
        " WHERE parent_id IS NULL AND leader_rep_id IS NOT NULL ORDER BY team_id"
    ).fetchall()
    accounts += [
        DemoAccount(f"lead-{team_id}", demo_password("lead"), "lead", int(rep_id), int(team_id))
        for team_id, rep_id in leads
    ]
    reps = con.execute(
        "SELECT rep_id FROM reps WHERE role = 'sales_rep' AND leave_date IS NULL"
        " AND rep_id NOT IN (SELECT leader_rep_id FROM teams WHERE leader_rep_id IS NOT NULL)"
        " ORDER BY rep_id LIMIT 2"
    ).fetchall()
    accounts += [
        DemoAccount(f"rep-{rep_id}", demo_password("rep"), "rep", int(rep_id)) for (rep_id,) in reps
    ]
    return accounts


def seed_demo_users(con: duckdb.DuckDBPyConnection) -> None:
    """Replace every account with the demo's, inside the caller's transaction `con` (the demo
    build's, after its teams and people are written). The old accounts go, as the company they
    belonged to just did; wall-screen links go with them. Audit rows say so."""
    removed = con.execute("SELECT count(*) FROM users").fetchall()[0][0]
    con.execute("DELETE FROM screen_tokens")
    con.execute("DELETE FROM users")
    if removed:
        audit.record(con, None, "users.replaced_by_demo", "user", None, {"removed": removed})
    hashes: dict[str, str] = {}  # one per published password (argon2 takes ~0.15 s each)
    for account in demo_accounts(con):
        if account.password not in hashes:
            hashes[account.password] = hash_password(account.password)
        insert_user(
            con,
            login=account.login,
            role=account.role,
            password=account.password,
            password_hash=hashes[account.password],
            rep_id=account.rep_id,
            team_id=account.team_id,
        )
