"""The write side of stand-up commitments: who (rep_id) will do what by when (issue 20).

Each user action is one transaction with its audit row: recording a commitment
(commitment.add), ticking it done (commitment.done) or not done again (commitment.undone).
Every form submission carries a submission id; the same id twice lands once (UNIQUE in the
tables, and checked first), so a double click saves one commitment or one tick.
A commitment row is never updated: whether it is done is its latest event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from data import audit
from data.errors import HuddleDataError
from data.store import Store

MAX_WHAT = 300  # characters: one sentence of what will be done
# Every table a commitment write changes (data.table_versions).
TOUCHES = frozenset({"commitments", "commitment_events", "audit_log"})


class CommitmentInvalid(HuddleDataError):
    """What was entered cannot be saved (the message says which part and why)."""


class CommitmentNotFound(HuddleDataError):
    """The commitment asked for does not exist."""


@dataclass(frozen=True)
class NewCommitment:
    """What the stand-up form records."""

    standup_day: date
    rep_id: int
    what: str
    due_date: date
    team_id: int | None = None
    customer_id: int | None = None
    deal_id: str | None = None


@dataclass(frozen=True)
class Saved:
    """Where a save landed; created is False when its submission had landed already."""

    commitment_id: str
    created: bool


def new_submission_id() -> str:
    """A fresh id for one submission of a form."""
    return uuid.uuid4().hex


def _exists(cur: duckdb.DuckDBPyConnection, sql: str, value: object) -> bool:
    return bool(cur.execute(sql, [value]).fetchone()[0])  # type: ignore[index]


def _check(cur: duckdb.DuckDBPyConnection, item: NewCommitment) -> str:
    """The text to store, or CommitmentInvalid naming what is wrong."""
    what = (item.what or "").strip()
    if not what:
        raise CommitmentInvalid.of("commitment.what_required")
    if len(what) > MAX_WHAT:
        raise CommitmentInvalid.of("commitment.what_too_long", max=MAX_WHAT)
    if item.due_date < item.standup_day:
        raise CommitmentInvalid.of("commitment.due_before_day", day=item.standup_day.isoformat())
    if not _exists(cur, "SELECT count(*) FROM reps WHERE rep_id = ?", item.rep_id):
        raise CommitmentInvalid.of("commitment.unknown_rep", rep_id=item.rep_id)
    if item.customer_id is not None and not _exists(
        cur, "SELECT count(*) FROM customers WHERE customer_id = ?", item.customer_id
    ):
        raise CommitmentInvalid.of("commitment.unknown_customer", customer_id=item.customer_id)
    if item.deal_id is not None and not _exists(
        cur, "SELECT count(*) FROM deals WHERE deal_id = ?", item.deal_id
    ):
        raise CommitmentInvalid.of("commitment.unknown_deal", deal_id=item.deal_id)
    return what


def add_commitment(
    store: Store,
    item: NewCommitment,
    *,
    submission_id: str,
    actor: int | None = None,
    now: datetime | None = None,
) -> Saved:
    """Record `item` with its audit row (commitment.add, by `actor`: who was signed in, None
    when no one was). A repeat of `submission_id` writes nothing and returns the first save."""
    with store.transaction(touches=TOUCHES) as cur:
        landed = cur.execute(
            "SELECT commitment_id FROM commitments WHERE submission_id = ?", [submission_id]
        ).fetchone()
        if landed:
            return Saved(str(landed[0]), created=False)
        what = _check(cur, item)
        commitment_id = uuid.uuid4().hex
        cur.execute(
            "INSERT INTO commitments (commitment_id, submission_id, standup_day, team_id, rep_id,"
            " what, due_date, customer_id, deal_id, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                commitment_id, submission_id, item.standup_day, item.team_id, item.rep_id, what,
                item.due_date, item.customer_id, item.deal_id, actor, now or audit.utc_now(),
            ],
        )  # fmt: skip
        # Who and by when, never the text itself (it is in the commitment's own row).
        details = {
            "rep_id": item.rep_id,
            "standup_day": item.standup_day,
            "due_date": item.due_date,
            "customer_id": item.customer_id,
            "deal_id": item.deal_id,
        }
        audit.record(cur, actor, "commitment.add", "commitment", commitment_id, details)
        return Saved(commitment_id, created=True)


def set_done(
    store: Store,
    commitment_id: str,
    *,
    done: bool,
    event_id: str,
    actor: int | None = None,
    now: datetime | None = None,
) -> bool:
    """Tick a commitment done (or not done again), appended as an event with its audit row
    (commitment.done / commitment.undone). False when `event_id` had landed already, or the
    commitment is already in that state (nothing is written then)."""
    with store.transaction(touches=TOUCHES) as cur:
        if _exists(cur, "SELECT count(*) FROM commitment_events WHERE event_id = ?", event_id):
            return False
        if not _exists(
            cur, "SELECT count(*) FROM commitments WHERE commitment_id = ?", commitment_id
        ):
            raise CommitmentNotFound.of("commitment.not_found", commitment_id=commitment_id)
        latest = cur.execute(
            "SELECT seq, done FROM commitment_events WHERE commitment_id = ?"
            " ORDER BY seq DESC LIMIT 1",
            [commitment_id],
        ).fetchone()
        current = bool(latest[1]) if latest else False  # a new commitment is not done
        if current == done:
            return False
        seq = (int(latest[0]) if latest else 0) + 1
        cur.execute(
            "INSERT INTO commitment_events (event_id, commitment_id, seq, done, changed_by,"
            " changed_at) VALUES (?, ?, ?, ?, ?, ?)",
            [event_id, commitment_id, seq, done, actor, now or audit.utc_now()],
        )
        action = "commitment.done" if done else "commitment.undone"
        audit.record(cur, actor, action, "commitment", commitment_id, {"done": done, "seq": seq})
        return True
