"""The write side of training plans: add a person's training item, change it, mark it done.

A training item is a course, a skill to learn or a certification planned for one person
(rep_id), with a due date and a status: planned, in progress, done or dropped. A done item has
the day it was completed and may have a result; a certification may have the day it expires.

Every write is one transaction with its audit row (training.add, training.update,
training.complete). Every form submission carries a submission id: an add's id is UNIQUE in
training_items and a change's is the key of training_changes, so the same id twice lands once
(a double click, a retried request). A change never loses the old state: training_changes
keeps the item before and after each change.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from data import audit
from data.errors import HuddleDataError
from data.store import Store

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"training_items", "training_changes", "audit_log"})

Kind = Literal["course", "skill", "certification"]
Status = Literal["planned", "in_progress", "done", "dropped"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
OPEN_STATUSES = ("planned", "in_progress")  # not finished: can be overdue
MAX_TITLE = 200
MAX_RESULT = 300


class TrainingInvalid(HuddleDataError):
    """A training write was refused; nothing was written. `problems` maps each field to a
    code (required, too_long, unknown_rep, not_found, done_needs_date, expiry_kind,
    invalid)."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        listed = ", ".join(f"{k}: {v}" for k, v in problems.items())
        super().__init__(f"Nothing was saved: {listed}")


class _Input(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class TrainingItem(_Input):
    """What adding a training item accepts."""

    rep_id: int
    kind: Kind = "course"
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    due_date: date
    status: Status = "planned"
    completed_on: date | None = None
    result: str = Field(default="", max_length=MAX_RESULT)
    expires_on: date | None = None
    review_id: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TrainingItem:
        # A done item says when it was done; only a certification expires.
        if (self.status == "done") != (self.completed_on is not None):
            raise ValueError("done_needs_date")
        if self.expires_on is not None and self.kind != "certification":
            raise ValueError("expiry_kind")
        return self


class TrainingChange(_Input):
    """What a change to an item accepts: the fields to set (None: leave as it is)."""

    status: Status | None = None
    due_date: date | None = None
    completed_on: date | None = None
    result: str | None = Field(default=None, max_length=MAX_RESULT)
    expires_on: date | None = None


def new_submission_id() -> str:
    """A fresh id for one submission of a form."""
    return uuid.uuid4().hex


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _problems(error: ValidationError) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in error.errors():
        name = ".".join(str(p) for p in e["loc"]) or "item"
        message = str(e.get("msg", ""))
        if "done_needs_date" in message:
            out.setdefault("completed_on", "done_needs_date")
        elif "expiry_kind" in message:
            out.setdefault("expires_on", "expiry_kind")
        elif e["type"] in ("missing", "string_too_short") or e.get("input", "") is None:
            out.setdefault(name, "required")
        elif e["type"] == "string_too_long":
            out.setdefault(name, "too_long")
        else:
            out.setdefault(name, "invalid")
    return out


def check_item(raw: dict[str, Any]) -> TrainingItem:
    """`raw` as a TrainingItem, or TrainingInvalid naming each field that is wrong."""
    try:
        return TrainingItem.model_validate(raw)
    except ValidationError as error:
        raise TrainingInvalid(_problems(error)) from error


_COLUMNS = (
    "item_id, rep_id, kind, title, due_date, status, completed_on, result, expires_on, review_id"
)


def _state(cur: duckdb.DuckDBPyConnection, item_id: str) -> dict[str, Any] | None:
    row = cur.execute(
        f"SELECT {_COLUMNS} FROM training_items WHERE item_id = $id", {"id": item_id}
    ).fetchone()
    if row is None:
        return None
    names = [c.strip() for c in _COLUMNS.split(",")]
    return dict(zip(names, row, strict=True))


def add_item_on(
    cur: duckdb.DuckDBPyConnection,
    item: TrainingItem,
    *,
    submission_id: str,
    actor: int | None = None,
    now: datetime | None = None,
    item_id: str | None = None,
    audited: bool = True,
) -> tuple[str, bool]:
    """`add_item` on a cursor inside an open transaction (the demo adds many at once, without
    audit rows: they are the demo's history, not anyone's change)."""
    landed = cur.execute(
        "SELECT item_id FROM training_items WHERE submission_id = $s", {"s": submission_id}
    ).fetchone()
    if landed:
        return str(landed[0]), False
    known = cur.execute("SELECT count(*) FROM reps WHERE rep_id = $r", {"r": item.rep_id})
    if not known.fetchone()[0]:  # type: ignore[index]
        raise TrainingInvalid({"rep_id": "unknown_rep"})
    new_id = item_id or uuid.uuid4().hex
    at = now or _now()
    cur.execute(
        "INSERT INTO training_items (item_id, submission_id, rep_id, kind, title, due_date,"
        " status, completed_on, result, expires_on, review_id, created_at, updated_at)"
        " VALUES ($id, $s, $rep, $kind, $title, $due, $status, $done, $result, $exp, $review,"
        " $at, $at)",
        {
            "id": new_id,
            "s": submission_id,
            "rep": item.rep_id,
            "kind": item.kind,
            "title": item.title,
            "due": item.due_date,
            "status": item.status,
            "done": item.completed_on,
            "result": item.result or None,
            "exp": item.expires_on,
            "review": item.review_id,
            "at": at,
        },
    )
    if audited:
        details = {
            "rep_id": item.rep_id,
            "kind": item.kind,
            "due_date": item.due_date,
            "status": item.status,
            "review_id": item.review_id,
        }
        audit.record(cur, actor, "training.add", "training", new_id, details)
    return new_id, True


def add_item(
    store: Store, item: TrainingItem, *, submission_id: str, actor: int | None = None
) -> tuple[str, bool]:
    """Add `item` in one transaction with its audit row (training.add); returns its id and
    whether it was added now (False: this submission had landed already)."""
    with store.transaction(touches=TOUCHES) as cur:
        return add_item_on(cur, item, submission_id=submission_id, actor=actor)


def add_items(
    store: Store, items: list[TrainingItem], *, submission_id: str, actor: int | None = None
) -> list[str]:
    """Add several items of one form submission (a review's training plan) in one
    transaction, one audit row each; item n's own id is `<submission_id>-<n>`, so a repeat of
    the submission adds none of them twice. Returns the ids of the items added now."""
    added = []
    with store.transaction(touches=TOUCHES) as cur:
        for n, item in enumerate(items):
            item_id, created = add_item_on(
                cur, item, submission_id=f"{submission_id}-{n}", actor=actor
            )
            if created:
                added.append(item_id)
    return added


def change_item_on(
    cur: duckdb.DuckDBPyConnection,
    item_id: str,
    change: TrainingChange,
    *,
    submission_id: str,
    actor: int | None = None,
    now: datetime | None = None,
    audited: bool = True,
) -> bool:
    """`change_item` on a cursor inside an open transaction."""
    if cur.execute(
        "SELECT count(*) FROM training_changes WHERE submission_id = $s", {"s": submission_id}
    ).fetchone()[0]:  # type: ignore[index]
        return False
    before = _state(cur, item_id)
    if before is None:
        raise TrainingInvalid({"item_id": "not_found"})
    after = dict(before)
    for name, value in change.model_dump(exclude_none=True).items():
        after[name] = value
    if change.status is not None and change.status != "done":
        after["completed_on"] = None  # reopened or dropped: no longer done on a day
    if after["status"] == "done" and after["completed_on"] is None:
        raise TrainingInvalid({"completed_on": "done_needs_date"})
    if after["expires_on"] is not None and after["kind"] != "certification":
        raise TrainingInvalid({"expires_on": "expiry_kind"})
    if after == before:
        return False  # nothing to change, nothing to record
    at = now or _now()
    cur.execute(
        "UPDATE training_items SET due_date = $due, status = $status, completed_on = $done,"
        " result = $result, expires_on = $exp, updated_at = $at WHERE item_id = $id",
        {
            "id": item_id,
            "due": after["due_date"],
            "status": after["status"],
            "done": after["completed_on"],
            "result": after["result"] or None,
            "exp": after["expires_on"],
            "at": at,
        },
    )
    changed = {k: v for k, v in after.items() if before[k] != v}
    old = {k: before[k] for k in changed}
    cur.execute(
        "INSERT INTO training_changes (submission_id, item_id, changed_at, user_id, before,"
        " after) VALUES ($s, $id, $at, $user, $before, $after)",
        {
            "s": submission_id,
            "id": item_id,
            "at": at,
            "user": actor,
            "before": json.dumps(old, default=str, ensure_ascii=False),
            "after": json.dumps(changed, default=str, ensure_ascii=False),
        },
    )
    if audited:
        action = "training.complete" if changed.get("status") == "done" else "training.update"
        details = {"rep_id": before["rep_id"], "before": old, "after": changed}
        audit.record(cur, actor, action, "training", item_id, details)
    return True


def change_item(
    store: Store,
    item_id: str,
    change: TrainingChange,
    *,
    submission_id: str,
    actor: int | None = None,
) -> bool:
    """Change an item in one transaction with its audit row (training.complete when it
    becomes done, else training.update) and its row in training_changes (before and after).
    Returns False when nothing was written: the submission had landed, or nothing changed."""
    with store.transaction(touches=TOUCHES) as cur:
        return change_item_on(cur, item_id, change, submission_id=submission_id, actor=actor)


def complete_item(
    store: Store,
    item_id: str,
    *,
    on: date,
    submission_id: str,
    result: str | None = None,
    actor: int | None = None,
) -> bool:
    """Mark an item done on the day `on` (with its result, if given); see `change_item`."""
    change = TrainingChange(status="done", completed_on=on, result=result)
    return change_item(store, item_id, change, submission_id=submission_id, actor=actor)
