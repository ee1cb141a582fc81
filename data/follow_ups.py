"""Working the follow-up list: log a contact, snooze, mark done, reassign, and undo.

Each action is one transaction (Store.transaction) holding the action's row in
`follow_up_actions` (migration 0014), whatever else it changes, and its audit row
(follow_up.<kind>, object type follow_up, object id the customer). Every action carries a
submission id (UNIQUE): the same id lands once, and a repeat returns where the first landed.

- log: a call, visit, message or meeting becomes a row of `activities` (so it is a contact on
  every page), with the note as its outcome text and the next contact date, if one was set.
- snooze: the customer is not due before `until`; a reason is required.
- done: the follow-up is finished without a contact to log; the rhythm restarts from that day.
- reassign: the follow-up (not the customer's account) goes to another person in the acting
  user's scope.
- undo: reverses the acting user's latest action that is not undone yet, exactly: a logged
  contact's activity row is deleted; the other actions simply stop counting (reads leave out
  every action an undo names). Nothing is updated in place.

Ids are max + 1 inside the transaction. Two Store objects on one file (or two processes)
may pick the same id; the primary key refuses the second at commit and it is retried.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb

from data import audit
from data.engine import constraint_violations
from data.errors import HuddleDataError
from data.store import Store, WriteConflict

ContactKind = Literal["call", "visit", "message", "meeting"]
CONTACT_KINDS: tuple[str, ...] = ContactKind.__args__  # type: ignore[attr-defined]
Outcome = Literal["reached", "no_answer", "left_message", "not_interested"]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]
MAX_NOTE = 500  # characters: a few sentences, what a call is worth writing down
# Tries of an action whose commit collided with another connection's write (nothing was
# written then). Each failed try means another write committed, so this bounds the writers.
_ATTEMPTS = 25
# Every table a follow-up write changes (data.table_versions): answers that read none of them
# (RFM, lifecycle, stock) stay cached after a logged call.
TOUCHES = frozenset({"activities", "follow_up_actions", "audit_log"})


class FollowUpInvalid(HuddleDataError):
    """An action was refused; nothing was written. The message says why."""


@dataclass(frozen=True)
class Landed:
    """Where an action landed: its id, its kind and customer; created is False when the
    submission had landed already (nothing new was written)."""

    action_id: int
    kind: str
    customer_id: int
    created: bool


def new_submission_id() -> str:
    """A fresh id for one form submission: the page makes one per form shown."""
    return uuid.uuid4().hex


def _landed(cur: duckdb.DuckDBPyConnection, submission_id: str) -> Landed | None:
    row = cur.execute(
        "SELECT action_id, kind, customer_id FROM follow_up_actions WHERE submission_id = ?",
        [submission_id],
    ).fetchone()
    return None if row is None else Landed(int(row[0]), str(row[1]), int(row[2]), False)


def _next_id(cur: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    return int(cur.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()[0])


def _check_customer(cur: duckdb.DuckDBPyConnection, customer_id: int) -> None:
    found = cur.execute("SELECT 1 FROM customers WHERE customer_id = ?", [customer_id]).fetchone()
    if found is None:
        raise FollowUpInvalid.of("follow_up.unknown_customer", customer_id=customer_id)


def _rep(cur: duckdb.DuckDBPyConnection, rep_id: int, day: date) -> tuple[str, int]:
    """The person's name and team today; refused when unknown or gone by `day`."""
    row = cur.execute(
        "SELECT name, team_id, leave_date FROM reps WHERE rep_id = ?", [rep_id]
    ).fetchone()
    if row is None:
        raise FollowUpInvalid.of("follow_up.unknown_rep", rep_id=rep_id)
    if row[2] is not None and row[2] <= day:
        raise FollowUpInvalid.of("follow_up.rep_left", rep=row[0])
    return str(row[0]), int(row[1])


def _check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise FollowUpInvalid.of("follow_up.too_long", max=MAX_NOTE, length=len(note))
    return note


def _check_choice(value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise FollowUpInvalid.of("follow_up.bad_choice", value=value)


def _insert_action(cur: duckdb.DuckDBPyConnection, values: dict[str, Any]) -> int:
    action_id = _next_id(cur, "follow_up_actions", "action_id")
    row = {
        "next_date": None, "rep_id": None, "activity_id": None, "outcome": None,
        "note": None, "undoes": None, **values,
    }  # fmt: skip
    cur.execute(
        "INSERT INTO follow_up_actions (action_id, submission_id, kind, customer_id, action_day,"
        " next_date, rep_id, activity_id, outcome, note, undoes, user_id, created_at)"
        " VALUES ($action_id, $submission_id, $kind, $customer_id, $action_day, $next_date,"
        " $rep_id, $activity_id, $outcome, $note, $undoes, $user_id, $created_at)",
        {**row, "action_id": action_id, "created_at": audit.utc_now()},
    )
    return action_id


def _write(store: Store, submission_id: str, work: Any) -> Landed:
    """Run `work(cur) -> Landed` in one transaction unless the submission landed already;
    a commit that collides with another connection's write is tried again."""
    for attempt in range(_ATTEMPTS):
        try:
            with store.transaction(touches=TOUCHES) as cur:
                landed = _landed(cur, submission_id)
                if landed is not None:
                    return landed
                return work(cur)
        except WriteConflict:
            if attempt == _ATTEMPTS - 1:
                raise
        except constraint_violations():
            # Another connection committed the same id (or this submission) after this
            # transaction began: the next try reads it.
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def log_contact(
    store: Store,
    *,
    submission_id: str,
    customer_id: int,
    rep_id: int,
    day: date,
    kind: str,
    outcome: str,
    note: str = "",
    next_date: date | None = None,
    user_id: int | None = None,
) -> Landed:
    """Log a contact by `rep_id` with the customer on `day`: an activities row (kind, the note
    as its outcome text, next_date as its next follow-up date) and the action's row. The next
    contact date, when given, must be after `day`."""
    _check_choice(kind, CONTACT_KINDS)
    _check_choice(outcome, OUTCOMES)
    note = _check_note(note)
    if next_date is not None and next_date <= day:
        raise FollowUpInvalid.of("follow_up.date_not_after", day=day.isoformat())

    def work(cur: duckdb.DuckDBPyConnection) -> Landed:
        _check_customer(cur, customer_id)
        _, team_id = _rep(cur, rep_id, day)
        activity_id = _next_id(cur, "activities", "activity_id")
        cur.execute(
            "INSERT INTO activities (activity_id, activity_date, customer_id, rep_id, team_id,"
            " kind, outcome, next_follow_up_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [activity_id, day, customer_id, rep_id, team_id, kind, note or None, next_date],
        )
        values = {
            "submission_id": submission_id, "kind": "log", "customer_id": customer_id,
            "action_day": day, "next_date": next_date, "rep_id": rep_id,
            "activity_id": activity_id, "outcome": outcome, "note": note or None,
            "user_id": user_id,
        }  # fmt: skip
        action_id = _insert_action(cur, values)
        details = {
            "activity_id": activity_id, "rep_id": rep_id, "day": day, "contact": kind,
            "outcome": outcome, "next_date": next_date,
        }  # fmt: skip
        audit.record(cur, user_id, "follow_up.log", "follow_up", customer_id, details)
        return Landed(action_id, "log", customer_id, True)

    return _write(store, submission_id, work)


def snooze(
    store: Store,
    *,
    submission_id: str,
    customer_id: int,
    day: date,
    until: date,
    reason: str,
    user_id: int | None = None,
) -> Landed:
    """The customer is not due before `until` (after `day`); `reason` is required."""
    reason = _check_note(reason)
    if not reason:
        raise FollowUpInvalid.of("follow_up.reason_needed")
    if until <= day:
        raise FollowUpInvalid.of("follow_up.date_not_after", day=day.isoformat())

    def work(cur: duckdb.DuckDBPyConnection) -> Landed:
        _check_customer(cur, customer_id)
        values = {
            "submission_id": submission_id, "kind": "snooze", "customer_id": customer_id,
            "action_day": day, "next_date": until, "note": reason, "user_id": user_id,
        }  # fmt: skip
        action_id = _insert_action(cur, values)
        details = {"day": day, "until": until, "reason": reason}
        audit.record(cur, user_id, "follow_up.snooze", "follow_up", customer_id, details)
        return Landed(action_id, "snooze", customer_id, True)

    return _write(store, submission_id, work)


def mark_done(
    store: Store,
    *,
    submission_id: str,
    customer_id: int,
    day: date,
    user_id: int | None = None,
) -> Landed:
    """The follow-up is finished on `day`: the rhythm restarts from that day."""

    def work(cur: duckdb.DuckDBPyConnection) -> Landed:
        _check_customer(cur, customer_id)
        values = {
            "submission_id": submission_id, "kind": "done", "customer_id": customer_id,
            "action_day": day, "user_id": user_id,
        }  # fmt: skip
        action_id = _insert_action(cur, values)
        audit.record(cur, user_id, "follow_up.done", "follow_up", customer_id, {"day": day})
        return Landed(action_id, "done", customer_id, True)

    return _write(store, submission_id, work)


def reassign(
    store: Store,
    *,
    submission_id: str,
    customer_id: int,
    day: date,
    to_rep_id: int,
    from_rep_id: int | None,
    allowed: set[int] | None,
    user_id: int | None = None,
) -> Landed:
    """Hand the customer's follow-ups to `to_rep_id` from `day` on. `allowed`: the people in
    the acting user's scope (metrics.scope.reps_in; None: everyone); someone else is refused.
    `from_rep_id` is who had it (for the audit row); handing it to them again is refused."""
    if allowed is not None and to_rep_id not in allowed:
        raise FollowUpInvalid.of("follow_up.out_of_scope")
    if to_rep_id == from_rep_id:
        raise FollowUpInvalid.of("follow_up.same_owner")

    def work(cur: duckdb.DuckDBPyConnection) -> Landed:
        _check_customer(cur, customer_id)
        _rep(cur, to_rep_id, day)
        values = {
            "submission_id": submission_id, "kind": "reassign", "customer_id": customer_id,
            "action_day": day, "rep_id": to_rep_id, "user_id": user_id,
        }  # fmt: skip
        action_id = _insert_action(cur, values)
        details = {"day": day, "before": from_rep_id, "after": to_rep_id}
        audit.record(cur, user_id, "follow_up.reassign", "follow_up", customer_id, details)
        return Landed(action_id, "reassign", customer_id, True)

    return _write(store, submission_id, work)


_LAST_OWN = """
    SELECT a.action_id, a.kind, a.customer_id, a.activity_id
    FROM follow_up_actions a
    WHERE a.kind <> 'undo' AND a.user_id IS NOT DISTINCT FROM ?
      AND NOT EXISTS (SELECT 1 FROM follow_up_actions u WHERE u.undoes = a.action_id)
    ORDER BY a.action_id DESC LIMIT 1"""


def last_action(store: Store, user_id: int | None) -> Landed | None:
    """The user's latest action not undone yet (what undo would reverse), or None."""
    rows = store.rows(_LAST_OWN, [user_id])
    return None if not rows else Landed(int(rows[0][0]), str(rows[0][1]), int(rows[0][2]), False)


def undo_last(store: Store, *, submission_id: str, day: date, user_id: int | None = None) -> Landed:
    """Reverse the user's latest action that is not undone yet (None: the actions made with no
    one signed in), exactly that one, in one transaction: a logged contact's activity row is
    deleted; every action stops counting once an undo names it. Refused when there is none."""

    def work(cur: duckdb.DuckDBPyConnection) -> Landed:
        row = cur.execute(_LAST_OWN, [user_id]).fetchone()
        if row is None:
            raise FollowUpInvalid.of("follow_up.nothing_to_undo")
        action_id, kind, customer_id, activity_id = int(row[0]), str(row[1]), int(row[2]), row[3]
        if kind == "log" and activity_id is not None:
            cur.execute("DELETE FROM activities WHERE activity_id = ?", [int(activity_id)])
        values = {
            "submission_id": submission_id, "kind": "undo", "customer_id": customer_id,
            "action_day": day, "undoes": action_id, "user_id": user_id,
        }  # fmt: skip
        undo_id = _insert_action(cur, values)
        details = {"undoes": action_id, "kind": kind, "activity_id": activity_id}
        audit.record(cur, user_id, "follow_up.undo", "follow_up", customer_id, details)
        return Landed(undo_id, "undo", customer_id, True)

    return _write(store, submission_id, work)
