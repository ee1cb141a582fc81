"""The write side of performance reviews: what a save accepts, and saving it as a new version.

A review is a chain of rows in `reviews`, one per version; a save never updates or deletes a
row, it adds the next version. Every save carries a submission id (UNIQUE in the table): the
same id twice lands once, so a double click or a retried request cannot record a review twice.
Writes run in Store.transaction(), which serializes them, so versions never collide.

One review per person, kind and period: a new review whose identity is taken is refused with
ReviewExists (naming who saved the one that exists), checked inside the write transaction and
enforced by the primary key of `review_identities` (migration 0009), so it holds across
sessions, Store objects and processes; a save that collides with another at commit is retried.

Validation returns problems per field, each a code with values (`FieldProblem`), so the form
can show a translated message under the field that is wrong.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from data import audit
from data.engine import constraint_violations, is_duplicate_key
from data.errors import HuddleDataError
from data.messages import EN, Message, MessageList, english
from data.store import Store, WriteConflict

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"reviews", "review_identities", "review_action_events", "audit_log"})

Kind = Literal["weekly_summary", "monthly_evaluation", "quarterly_review", "one_to_one"]
Status = Literal["draft", "submitted"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
SCORE_DIMENSIONS = ("results", "customer_satisfaction", "teamwork", "attitude", "skills")
TEXT_FIELDS = ("strengths", "areas_to_improve", "training_plan", "career_notes")
# Fields a submitted review must have; a draft may leave them empty.
REQUIRED_ON_SUBMIT = (*(f"scores.{d}" for d in SCORE_DIMENSIONS), "strengths", "areas_to_improve")
SCORE_MIN, SCORE_MAX = 1, 5
# People who write a weekly summary with their lead; everyone with a lead gets a monthly one.
WEEKLY_SUMMARY_ROLES = ("sales_rep", "account_manager")
MAX_TEXT = 2000  # characters in one free-text field: about a page
MAX_NAME = 120
MAX_ITEM = 300
MAX_ITEMS = 20
MAX_NOTE = 300
# Tries of a save whose commit collided with another connection's write (then nothing was
# written). Each failed try means another write committed, and the retry reads it, so the
# tries needed are bounded by the writes in flight at once on other connections.
_ATTEMPTS = 25


class _Input(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ActionItem(_Input):
    """One goal for the next period: what to do and by when. item_id stays the same across
    versions, so ticking it done follows it through edits."""

    item_id: str = Field(default_factory=lambda: uuid.uuid4().hex, min_length=1, max_length=64)
    text: str = Field(min_length=1, max_length=MAX_ITEM)
    due_date: date


class Scores(_Input):
    """The five scores, 1 (well below expectations) to 5 (well above); blank while a draft."""

    results: int | None = Field(default=None, ge=SCORE_MIN, le=SCORE_MAX)
    customer_satisfaction: int | None = Field(default=None, ge=SCORE_MIN, le=SCORE_MAX)
    teamwork: int | None = Field(default=None, ge=SCORE_MIN, le=SCORE_MAX)
    attitude: int | None = Field(default=None, ge=SCORE_MIN, le=SCORE_MAX)
    skills: int | None = Field(default=None, ge=SCORE_MIN, le=SCORE_MAX)


class ReviewInput(_Input):
    """What a save of a review accepts. The KPI snapshot is computed by the metrics layer and
    passed in; once a review has been submitted its snapshot is kept (see `save_review`)."""

    rep_id: int
    kind: Kind
    period_start: date
    period_end: date
    reviewer: str = Field(min_length=1, max_length=MAX_NAME)
    scores: Scores = Field(default_factory=Scores)
    strengths: str = Field(default="", max_length=MAX_TEXT)
    areas_to_improve: str = Field(default="", max_length=MAX_TEXT)
    goals: tuple[ActionItem, ...] = Field(default=(), max_length=MAX_ITEMS)
    training_plan: str = Field(default="", max_length=MAX_TEXT)
    career_notes: str = Field(default="", max_length=MAX_TEXT)
    kpi_snapshot: dict[str, Any] | None = None

    def notes(self) -> dict[str, Any]:
        """The free text and action items as stored in the `notes` JSON column."""
        return {
            "strengths": self.strengths,
            "areas_to_improve": self.areas_to_improve,
            "goals": [
                {"item_id": g.item_id, "text": g.text, "due_date": g.due_date.isoformat()}
                for g in self.goals
            ],
            "training_plan": self.training_plan,
            "career_notes": self.career_notes,
        }


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field: a code the form translates, with values for its message."""

    field: str
    code: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The problem in English, for logs and the command line."""
        return str(self.as_message())

    def as_message(self) -> Message:
        """The problem as a message of data.messages (review.problem.<code>)."""
        key = f"review.problem.{self.code}"
        values = dict(self.values)
        if "kind" in values:  # a kind of review is named in words of the message's language
            values["kind"] = Message(f"review.kind.{values['kind']}")
        if key not in EN:
            key = "review.problem.invalid"
        return Message(key, field=self.field, **values)


class ReviewInvalid(HuddleDataError):
    """A save was refused; nothing was written. `problems` maps each field to its problem."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems: dict[str, FieldProblem] = {}
        for problem in problems:  # the first problem per field is the one to fix first
            self.problems.setdefault(problem.field, problem)
        listed = MessageList(p.as_message() for p in self.problems.values())
        key = "validation.nothing_saved"
        super().__init__(english(key, problems=listed), key=key, problems=listed)


class ReviewConflict(HuddleDataError):
    """Someone saved the review since the form was opened; saving would hide their change."""

    def __init__(self, review_id: str, latest: int, edited_by: str, at: datetime) -> None:
        values = {
            "review_id": review_id,
            "editor": edited_by,
            "at": f"{at:%Y-%m-%d %H:%M}",
            "version": latest,
        }
        super().__init__(english("review.conflict", **values), key="review.conflict", **values)
        self.latest_version = latest
        self.edited_by = edited_by
        self.at = at


class ReviewExists(HuddleDataError):
    """A new review (or a move to another period) would give the person a second review of
    the same kind and period; the one that exists is named, so the form can open it."""

    def __init__(
        self, review: ReviewInput, review_id: str, latest: int, status: str, by: str, at: datetime
    ) -> None:
        values = {
            "review_id": review_id,
            "kind": Message(f"review.kind.{review.kind}"),
            "start": review.period_start,
            "end": review.period_end,
            "editor": by,
            "at": f"{at:%Y-%m-%d %H:%M}",
            "version": latest,
        }
        super().__init__(english("review.exists", **values), key="review.exists", **values)
        self.review_id = review_id
        self.latest_version = latest
        self.status = status
        self.edited_by = by
        self.at = at


class ReviewNotFound(HuddleDataError):
    """The review (or the action item) asked for does not exist."""


@dataclass(frozen=True)
class SavedReview:
    """Where a save landed. created is False when the submission had landed already or the
    content was the same as the latest version (nothing new to record)."""

    review_id: str
    version: int
    status: str
    created: bool


# pydantic's error types, as the form's problem codes.
_CODES = {
    "missing": "required",
    "string_too_short": "required",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "greater_than_equal": "score_range",
    "less_than_equal": "score_range",
}


def new_submission_id() -> str:
    """A fresh id for one save from a form."""
    return uuid.uuid4().hex


def _problem(error: Mapping[str, Any]) -> FieldProblem:
    name = ".".join(str(part) for part in error["loc"])
    code = _CODES.get(error["type"], "invalid")
    if code == "invalid" and error.get("input", "") is None:
        code = "required"  # a blank cell or field arrives as None, not as a missing key
    ctx = error.get("ctx") or {}
    values: dict[str, Any] = {}
    if code in ("too_long", "too_many"):
        values = {"max": ctx.get("max_length")}
    elif code == "score_range":
        values = {"low": SCORE_MIN, "high": SCORE_MAX}
    return FieldProblem(name, code, values)


def _period_problems(review: ReviewInput, today: date) -> list[FieldProblem]:
    start, end = review.period_start, review.period_end
    if end < start:
        return [FieldProblem("period_end", "period_order")]
    if start > today:
        return [FieldProblem("period_start", "future", {"start": start, "today": today})]
    if not period_fits_kind(review.kind, start, end):
        return [
            FieldProblem(
                "period_start", "period_shape", {"start": start, "end": end, "kind": review.kind}
            )
        ]
    return []


def period_fits_kind(kind: str, start: date, end: date) -> bool:
    """A weekly summary covers Monday to Sunday, a monthly evaluation a calendar month, a
    quarterly review a calendar quarter, a one-to-one the day it took place."""
    if kind == "weekly_summary":
        return start.weekday() == 0 and end == start + timedelta(days=6)
    if kind == "one_to_one":
        return start == end
    months = 1 if kind == "monthly_evaluation" else 3
    if start.day != 1 or (kind == "quarterly_review" and (start.month - 1) % 3):
        return False
    index = start.year * 12 + start.month - 1 + months
    return end == date(index // 12, index % 12 + 1, 1) - timedelta(days=1)


def check_review(raw: Mapping[str, Any], *, status: Status, today: date) -> ReviewInput:
    """The review in `raw` as a ReviewInput, or ReviewInvalid naming every field that is wrong.

    A draft needs the person, kind, period and reviewer; a submitted review also needs every
    score and the strengths and areas to improve. The period must have started by `today`.
    """
    problems: list[FieldProblem] = []
    review = None
    try:
        review = ReviewInput.model_validate(dict(raw))
    except ValidationError as error:
        problems += [_problem(e) for e in error.errors()]
    if status == "submitted":  # told together with the other problems, so one pass fixes all
        scores = raw.get("scores") or {}
        problems += [
            FieldProblem(f"scores.{d}", "required_on_submit")
            for d in SCORE_DIMENSIONS
            if scores.get(d) is None
        ]
        problems += [
            FieldProblem(name, "required_on_submit")
            for name in ("strengths", "areas_to_improve")
            if not str(raw.get(name) or "").strip()
        ]
    if review is not None:
        problems += _period_problems(review, today)
    if problems or review is None:
        raise ReviewInvalid(problems)
    return review


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _content(*parts: Any) -> str:
    """A review version's content (rep, kind, period, status, reviewer, scores, notes), for
    telling whether a save changes anything; JSON text is parsed so key order cannot matter."""
    *plain, scores, notes = parts
    loaded = [str(p) for p in plain] + [json.loads(scores), json.loads(notes)]
    return json.dumps(loaded, sort_keys=True)


def _scores_json(review: ReviewInput) -> str:
    return json.dumps(review.scores.model_dump())


def _notes_json(review: ReviewInput) -> str:
    return json.dumps(review.notes(), ensure_ascii=False)  # Chinese stays readable in SQL


def _identity(review: ReviewInput) -> dict[str, Any]:
    return {
        "rep": review.rep_id,
        "kind": review.kind,
        "start": review.period_start,
        "end": review.period_end,
    }


def _holder(cur: duckdb.DuckDBPyConnection, review: ReviewInput) -> str | None:
    """The review that holds the person, kind and period of `review`, if one still exists."""
    row = cur.execute(
        """
        SELECT i.review_id FROM review_identities i
        WHERE i.rep_id = $rep AND i.kind = $kind AND i.period_start = $start
          AND i.period_end = $end
          AND EXISTS (SELECT 1 FROM reviews r WHERE r.review_id = i.review_id)
        """,
        _identity(review),
    ).fetchone()
    return None if row is None else str(row[0])


def _refuse_taken(cur: duckdb.DuckDBPyConnection, review: ReviewInput, holder: str) -> None:
    latest = cur.execute(
        "SELECT version, status, coalesce(edited_by, reviewer), created_at FROM reviews"
        " WHERE review_id = $id ORDER BY version DESC LIMIT 1",
        {"id": holder},
    ).fetchone()
    assert latest is not None  # _holder only names a review that exists
    raise ReviewExists(review, holder, int(latest[0]), latest[1], latest[2], latest[3])


def _insert(cur: duckdb.DuckDBPyConnection, sql: str, values: dict[str, Any]) -> None:
    """Insert a row whose key another connection may have committed since this transaction
    began (invisible to it, so no check above saw it): that is a collision to retry
    (WriteConflict, nothing written), never a crash."""
    try:
        cur.execute(sql, values)
    except constraint_violations() as error:
        if not is_duplicate_key(error):
            raise
        raise WriteConflict.of("db.write_conflict", detail=str(error).splitlines()[0]) from error


def _claim(cur: duckdb.DuckDBPyConnection, review: ReviewInput, review_id: str) -> None:
    """Record that `review_id` holds its identity (the row of a deleted review is taken
    over). The primary key refuses a second holder even from another connection: DuckDB
    fails that commit, and save_review retries it, when the check above then sees the first."""
    cur.execute("DELETE FROM review_identities WHERE review_id = $id", {"id": review_id})
    _insert(
        cur,
        """
        INSERT INTO review_identities (rep_id, kind, period_start, period_end, review_id)
        VALUES ($rep, $kind, $start, $end, $id)
        ON CONFLICT (rep_id, kind, period_start, period_end)
        DO UPDATE SET review_id = excluded.review_id
        """,
        {**_identity(review), "id": review_id},
    )


def save_review_on(
    cur: duckdb.DuckDBPyConnection,
    review: ReviewInput,
    *,
    status: Status,
    submission_id: str,
    edited_by: str,
    review_id: str | None = None,
    base_version: int | None = None,
    change_note: str | None = None,
    now: datetime | None = None,
    new_review_id: str | None = None,
) -> SavedReview:
    """`save_review` on a cursor inside an open transaction (the demo writes many at once);
    now and new_review_id fix the time and the id of a new review (for a reproducible demo)."""
    landed = cur.execute(
        "SELECT review_id, version, status FROM reviews WHERE submission_id = $sid",
        {"sid": submission_id},
    ).fetchone()
    if landed:
        return SavedReview(landed[0], int(landed[1]), landed[2], created=False)
    editor = (edited_by or "").strip()
    problems = []
    if not editor:
        problems.append(FieldProblem("edited_by", "required"))
    elif len(editor) > MAX_NAME:
        problems.append(FieldProblem("edited_by", "too_long", {"max": MAX_NAME}))
    if change_note and len(change_note) > MAX_NOTE:
        problems.append(FieldProblem("change_note", "too_long", {"max": MAX_NOTE}))
    known = cur.execute("SELECT count(*) FROM reps WHERE rep_id = $r", {"r": review.rep_id})
    if not known.fetchone()[0]:  # type: ignore[index]
        problems.append(FieldProblem("rep_id", "unknown_rep", {"rep_id": review.rep_id}))
    scores, notes = _scores_json(review), _notes_json(review)
    snapshot = review.kpi_snapshot
    version = 1
    if review_id is None:
        holder = _holder(cur, review)
        if holder is not None:
            _refuse_taken(cur, review, holder)
        review_id = new_review_id or uuid.uuid4().hex
        moved = True
    else:
        latest = cur.execute(
            """
            SELECT version, status, rep_id, kind, period_start, period_end, reviewer, scores,
                   notes, kpi_snapshot, coalesce(edited_by, reviewer), created_at
            FROM reviews WHERE review_id = $id ORDER BY version DESC LIMIT 1
            """,
            {"id": review_id},
        ).fetchone()
        if latest is None:
            raise ReviewNotFound.of("review.not_found", review_id=review_id)
        if base_version is not None and latest[0] != base_version:
            raise ReviewConflict(review_id, int(latest[0]), latest[10], latest[11])
        if latest[2] != review.rep_id:
            problems.append(FieldProblem("rep_id", "rep_fixed"))
        if latest[1] == "submitted" and status == "draft":
            problems.append(FieldProblem("status", "already_submitted"))
        unchanged = _content(
            latest[2], latest[3], latest[4], latest[5], latest[1], latest[6], latest[7], latest[8]
        ) == _content(
            review.rep_id, review.kind, review.period_start, review.period_end, status,
            review.reviewer, scores, notes,
        )  # fmt: skip
        if unchanged and not problems:
            return SavedReview(review_id, int(latest[0]), latest[1], created=False)
        if latest[1] == "submitted" and latest[9] is not None:
            snapshot = json.loads(latest[9])  # frozen at the first submission
        version = int(latest[0]) + 1
        # An edit keeps its identity; one that moves the review to another kind or period
        # must find that one free, as a new review would.
        moved = (latest[3], latest[4], latest[5]) != (
            review.kind,
            review.period_start,
            review.period_end,
        )
        if moved and not problems:
            holder = _holder(cur, review)
            if holder is not None and holder != review_id:
                _refuse_taken(cur, review, holder)
    if problems:
        raise ReviewInvalid(problems)
    if moved:
        _claim(cur, review, review_id)
    row = review_row(
        review,
        review_id=review_id,
        version=version,
        status=status,
        submission_id=submission_id,
        editor=editor,
        snapshot=snapshot,
        at=now or _now(),
        change_note=change_note,
    )
    columns = ", ".join(REVIEW_COLUMNS)
    values = ", ".join(f"${c}" for c in REVIEW_COLUMNS)
    _insert(cur, f"INSERT INTO reviews ({columns}) VALUES ({values})", row)
    return SavedReview(review_id, version, status, created=True)


# A version's row in `reviews`, in this order (save_review_on writes one, the demo's history
# many at once: data/demo_review_rows.py).
REVIEW_COLUMNS = (
    "review_id", "version", "submission_id", "rep_id", "period_start", "period_end", "kind",
    "status", "reviewer", "scores", "notes", "kpi_snapshot", "created_at", "edited_by",
    "change_note",
)  # fmt: skip


def review_row(
    review: ReviewInput,
    *,
    review_id: str,
    version: int,
    status: Status,
    submission_id: str,
    editor: str,
    snapshot: Mapping[str, Any] | None,
    at: datetime,
    change_note: str | None,
) -> dict[str, Any]:
    """The row of `reviews` that records this version of `review` (REVIEW_COLUMNS)."""
    return {
        "review_id": review_id,
        "version": version,
        "submission_id": submission_id,
        "rep_id": review.rep_id,
        "period_start": review.period_start,
        "period_end": review.period_end,
        "kind": review.kind,
        "status": status,
        "reviewer": review.reviewer,
        "scores": _scores_json(review),
        "notes": _notes_json(review),
        "kpi_snapshot": None
        if snapshot is None
        else json.dumps(snapshot, default=str, ensure_ascii=False),
        "created_at": at,
        "edited_by": editor,
        "change_note": (change_note or "").strip() or None,
    }


def save_review(
    store: Store,
    review: ReviewInput,
    *,
    status: Status,
    submission_id: str,
    edited_by: str,
    review_id: str | None = None,
    base_version: int | None = None,
    change_note: str | None = None,
    actor: int | None = None,
) -> SavedReview:
    """Save `review` as the next version of `review_id` (a new review when None), in one
    transaction, with its audit row (review.draft or review.submit, by `actor`) when a version
    was added.

    The same submission_id lands once: a repeat returns where the first landed. With
    base_version, the save is refused (ReviewConflict) if someone saved a later version since.
    A submitted review cannot go back to draft; its KPI snapshot stays the one frozen when it
    was first submitted. A save identical to the latest version adds nothing.

    A new review of a person, kind and period that already has one is refused with
    ReviewExists, even when the other was saved at the same moment by another session or
    process: a commit that collides with another write is retried, and the retry sees it.
    """
    for attempt in range(_ATTEMPTS):
        try:
            with store.transaction(touches=TOUCHES) as cur:
                saved = save_review_on(
                    cur,
                    review,
                    status=status,
                    submission_id=submission_id,
                    edited_by=edited_by,
                    review_id=review_id,
                    base_version=base_version,
                    change_note=change_note,
                )
                if saved.created:  # a repeat or an unchanged save wrote nothing to audit
                    _audit_save(cur, saved, review, actor)
                return saved
        except WriteConflict:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


def _audit_save(
    cur: duckdb.DuckDBPyConnection, saved: SavedReview, review: ReviewInput, actor: int | None
) -> None:
    # Which review and version; never its text or scores (those are in the review's own rows).
    details = {
        "version": saved.version,
        "rep_id": review.rep_id,
        "kind": review.kind,
        "period_start": review.period_start,
        "period_end": review.period_end,
    }
    action = "review.submit" if saved.status == "submitted" else "review.draft"
    audit.record(cur, actor, action, "review", saved.review_id, details)


def save_draft(store: Store, review: ReviewInput, **kwargs: Any) -> SavedReview:
    """Save `review` as a draft (see `save_review`)."""
    return save_review(store, review, status="draft", **kwargs)


def submit_review(store: Store, review: ReviewInput, **kwargs: Any) -> SavedReview:
    """Submit `review`, or an edit of a submitted one (see `save_review`)."""
    return save_review(store, review, status="submitted", **kwargs)


def set_action_item_done_on(
    cur: duckdb.DuckDBPyConnection,
    review_id: str,
    item_id: str,
    *,
    done: bool,
    changed_by: str,
    event_id: str,
    now: datetime | None = None,
) -> bool:
    """`set_action_item_done` on a cursor inside an open transaction."""
    if cur.execute(
        "SELECT count(*) FROM review_action_events WHERE event_id = $e", {"e": event_id}
    ).fetchone()[0]:  # type: ignore[index]
        return False
    if not (changed_by or "").strip():
        raise ReviewInvalid([FieldProblem("changed_by", "required")])
    row = cur.execute(
        "SELECT notes FROM reviews WHERE review_id = $id ORDER BY version DESC LIMIT 1",
        {"id": review_id},
    ).fetchone()
    goals = json.loads(row[0]).get("goals", []) if row and row[0] else []
    if not any(g["item_id"] == item_id for g in goals):
        raise ReviewNotFound.of("review.no_action_item", review_id=review_id, item_id=item_id)
    row = action_event_row(review_id, item_id, done, changed_by, event_id, now or _now())
    columns = ", ".join(row)
    values = ", ".join(f"${c}" for c in row)
    cur.execute(f"INSERT INTO review_action_events ({columns}) VALUES ({values})", row)
    return True


def action_event_row(
    review_id: str, item_id: str, done: bool, changed_by: str, event_id: str, at: datetime
) -> dict[str, Any]:
    """The row of `review_action_events` that records one tick or untick."""
    return {
        "event_id": event_id,
        "review_id": review_id,
        "item_id": item_id,
        "done": done,
        "changed_by": changed_by.strip()[:MAX_NAME],
        "changed_at": at,
    }


def set_action_item_done(
    store: Store,
    review_id: str,
    item_id: str,
    *,
    done: bool,
    changed_by: str,
    event_id: str,
    actor: int | None = None,
) -> bool:
    """Record that an action item of the review's latest version is done (or reopened); the
    event is appended, never updated, with its audit row (review.action_item, by `actor`).
    False when event_id had been recorded already (and nothing is written)."""
    with store.transaction(touches=TOUCHES) as cur:
        added = set_action_item_done_on(
            cur, review_id, item_id, done=done, changed_by=changed_by, event_id=event_id
        )
        if added:
            details = {"item_id": item_id, "done": done}
            audit.record(cur, actor, "review.action_item", "review", review_id, details)
        return added
