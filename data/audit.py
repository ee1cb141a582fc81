"""The audit log: one row per write, added inside that write's own transaction.

Called with the transaction's cursor, so the row commits with the change or not at all: a
write that fails leaves no audit row, and no change is ever saved without one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import duckdb
import pandas as pd

from data.store import Store


def utc_now() -> datetime:
    """Now in UTC, without a time zone, as every TIMESTAMP column holds it."""
    return datetime.now(UTC).replace(tzinfo=None)


# Every action an audit row can name, and every kind of object: the Data page shows each in
# words (components/text_audit.py), and a test keeps record()'s callers to these.
ACTIONS = (
    "user.add",
    "user.sign_in",
    "user.sign_in_failed",
    "user.locked",
    "user.password_changed",
    "user.password_reset",
    "user.disabled",
    "user.enabled",
    "users.replaced_by_demo",
    "settings.company_profile",
    "settings.currency",
    "review.draft",
    "review.submit",
    "review.action_item",
    "commitment.add",
    "commitment.done",
    "commitment.undone",
    "screen_token.create",
    "screen_token.revoke",
    "target.scenario_save",
    "target.scenario_delete",
    "target.publish",
    "data.merge",
    "data.restore_demo",
    "import.file",
    "import.replace",
    "import.preset_save",
    "follow_up.log",
    "follow_up.snooze",
    "follow_up.done",
    "follow_up.reassign",
    "follow_up.undo",
    "training.add",
    "training.update",
    "training.complete",
    "duty.edit",
    "weekly.draft",
    "weekly.submit",
    "weekly.recap_publish",
    "suggestion.post",
    "suggestion.answer",
    "suggestion.status",
    "customer.note_add",
    "customer.note_edit",
    "customer.tag_add",
    "customer.tag_remove",
)
OBJECT_TYPES = (
    "user",
    "setting",
    "review",
    "commitment",
    "screen_token",
    "target_scenario",
    "company",
    "import",
    "import_preset",
    "teams",
    "reps",
    "customers",
    "products",
    "follow_up",
    "training",
    "role_duty",
    "weekly_summary",
    "weekly_recap",
    "suggestion",
    "customer",
)


def _json(details: dict[str, Any]) -> str:
    # Names stay readable in the audit table, not escaped as \uXXXX.
    return json.dumps(details, sort_keys=True, default=str, ensure_ascii=False)


def record(
    con: duckdb.DuckDBPyConnection,
    user_id: int | None,
    action: str,
    object_type: str,
    object_id: str | int | None,
    details: dict[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> int:
    """Add an audit row inside the caller's transaction `con`; returns its audit_id.

    `user_id` is who acted (None when no one was signed in: the command line, a failed sign-in);
    `details` is JSON, with before and after where a value changed. Never put a password or
    a hash in it."""
    if action not in ACTIONS or object_type not in OBJECT_TYPES:
        raise ValueError("Unknown audit action or object: {action!r}, {object_type!r}")
    row = con.execute(
        "INSERT INTO audit_log (logged_at, user_id, action, object_type, object_id, details)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING audit_id",
        [
            at or utc_now(),
            user_id,
            action,
            object_type,
            None if object_id is None else str(object_id),
            None if details is None else _json(details),
        ],
    ).fetchall()
    audit_id = int(row[0][0])
    return audit_id


def latest(
    store: Store, limit: int = 200, *, actions: tuple[str, ...] = (), user_id: int | None = None
) -> pd.DataFrame:
    """The newest `limit` audit rows, newest first, each with the login of who acted (None
    when no one was signed in): logged_at, login, user_id, action, object_type, object_id,
    details. `actions` keeps only those actions (all when empty); `user_id` only that user's
    rows (0: the rows no signed-in user made)."""
    params: dict[str, object] = {"limit": limit}
    where = ["true"]
    if actions:  # no list at all when empty: PostgreSQL cannot type an empty array parameter
        where.append("list_contains($actions, a.action)")
        params["actions"] = list(actions)
    if user_id is not None:
        where.append("coalesce(a.user_id, 0) = $user_id")
        params["user_id"] = user_id
    return store.query(
        "SELECT a.logged_at, u.login, a.user_id, a.action, a.object_type, a.object_id,"
        " CAST(a.details AS VARCHAR) AS details"
        " FROM audit_log a LEFT JOIN users u ON u.user_id = a.user_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY a.audit_id DESC LIMIT $limit",
        params,
    )


def actors(store: Store) -> pd.DataFrame:
    """Who appears in the audit log: user_id (0 for no one signed in) and login, for a filter."""
    return store.query(
        "SELECT DISTINCT coalesce(a.user_id, 0) AS user_id, u.login FROM audit_log a"
        " LEFT JOIN users u ON u.user_id = a.user_id ORDER BY user_id"
    )
