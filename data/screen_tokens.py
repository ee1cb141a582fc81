"""Wall-screen links: a read-only token for one team's stand-up, with no person signed in.

The plain token is returned once, when it is made; only its SHA-256 is stored, so a copy of
the database does not give anyone a working link. A token shows amounts only when it was made
with show_amounts. Revoking keeps the row (as a record) and refuses the token from then on.
Every write adds its audit row in the same transaction.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from data import audit
from data.errors import HuddleDataError
from data.store import Store

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"screen_tokens", "audit_log"})

TOKEN_BYTES = 32  # 256 random bits: guessing one is hopeless, so a fast hash is enough


class ScreenTokenError(HuddleDataError):
    """A token that does not work (revoked or unknown), or a link that cannot be made."""


@dataclass(frozen=True)
class ScreenToken:
    """What a valid token allows: one team's stand-up, with or without amounts."""

    token_id: int
    team_id: int
    show_amounts: bool
    created_by: int | None
    created_at: datetime
    revoked_at: datetime | None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    store: Store,
    team_id: int,
    *,
    show_amounts: bool = False,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> tuple[int, str]:
    """Make a link token for `team_id`; returns (token_id, the plain token, shown only now)."""
    at = now or audit.utc_now()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with store.transaction(touches=TOUCHES) as cur:
        known = cur.execute("SELECT count(*) FROM teams WHERE team_id = ?", [team_id]).fetchall()
        if not known[0][0]:
            raise ScreenTokenError.of("auth.token_team_unknown", team_id=team_id)
        token_id = int(
            cur.execute("SELECT coalesce(max(token_id), 0) + 1 FROM screen_tokens").fetchall()[0][0]
        )
        cur.execute(
            "INSERT INTO screen_tokens (token_id, token_hash, team_id, show_amounts, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [token_id, _digest(token), team_id, show_amounts, actor_id, at],
        )
        details = {"after": {"team_id": team_id, "show_amounts": show_amounts}}
        audit.record(cur, actor_id, "screen_token.create", "screen_token", token_id, details, at=at)
    return token_id, token


def _token(row: tuple[object, ...]) -> ScreenToken:
    return ScreenToken(int(row[0]), int(row[1]), bool(row[2]), row[3], row[4], row[5])  # type: ignore[arg-type]


_COLUMNS = "token_id, team_id, show_amounts, created_by, created_at, revoked_at"


def verify_token(store: Store, token: str) -> ScreenToken:
    """What the token allows; ScreenTokenError when it was revoked or never existed."""
    rows = store.rows(
        f"SELECT {_COLUMNS} FROM screen_tokens WHERE token_hash = ? AND revoked_at IS NULL",
        [_digest(token)],
    )
    if not rows:
        raise ScreenTokenError.of("auth.token_invalid")
    return _token(rows[0])


def list_tokens(store: Store) -> list[ScreenToken]:
    """Every token made, revoked ones included, newest first."""
    rows = store.rows(f"SELECT {_COLUMNS} FROM screen_tokens ORDER BY token_id DESC")
    return [_token(r) for r in rows]


def revoke_token(
    store: Store, token_id: int, *, actor_id: int | None = None, now: datetime | None = None
) -> None:
    """Refuse the token from now on (revoking one already revoked changes nothing)."""
    at = now or audit.utc_now()
    with store.transaction(touches=TOUCHES) as cur:
        rows = cur.execute(
            "SELECT revoked_at FROM screen_tokens WHERE token_id = ?", [token_id]
        ).fetchall()
        if not rows:
            raise ScreenTokenError.of("auth.token_unknown", token_id=token_id)
        if rows[0][0] is not None:
            return
        cur.execute("UPDATE screen_tokens SET revoked_at = ? WHERE token_id = ?", [at, token_id])
        audit.record(cur, actor_id, "screen_token.revoke", "screen_token", token_id, at=at)
