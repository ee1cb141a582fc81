"""The write side of weekly summaries (周总结) and of the lead's team recap of a week.

Rules, in words (the README says the same):
- A week runs Monday to Sunday. Each person writes their own week: wins, problems, help
  needed and next week's plan (items, each with a date). The week's numbers are not written:
  they are the declared KPIs, read live (metrics/weekly_summaries.py).
- A summary is a chain of versions: every save adds one, nothing is updated or deleted. Drafts
  may be saved any number of times; it is submitted once, after which it stays submitted:
  an edit after submitting adds a submitted version (the earlier ones are kept), and a draft
  can no longer replace it. A save identical to the latest version records nothing.
- Every save carries a submission id (UNIQUE): the same id twice lands once, so a double click
  saves once. Each save is one transaction with its audit row (weekly.draft / weekly.submit).
- A summary is due by the end of the Monday after its week; one first submitted later is late.
- A lead's recap of their team's week is published as a version too (weekly.recap_publish).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from data import audit
from data.engine import constraint_violations, is_duplicate_key
from data.errors import HuddleDataError
from data.store import Store, WriteConflict

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"weekly_summaries", "weekly_recaps", "audit_log"})

Status = Literal["draft", "submitted"]
TEXTS = ("wins", "problems", "help_needed")
MAX_TEXT = 2000  # characters in one free-text field: about a page
MAX_ITEM = 300
MAX_ITEMS = 20
MAX_RECAP = 8000
# Tries of a save whose commit collided with another connection's write (nothing written).
_ATTEMPTS = 25


class WeeklyInvalid(HuddleDataError):
    """A save was refused; nothing was written. The key (data/routine_messages.py) says why."""


def week_of(day: date) -> tuple[date, date]:
    """The week (Monday, Sunday) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def due_day(week_start: date) -> date:
    """The last day a summary of the week starting `week_start` is on time: the Monday after."""
    return week_start + timedelta(days=7)


def is_late(week_start: date, submitted_at: datetime | None) -> bool:
    """True when the summary was first submitted after its due day (UTC dates)."""
    return submitted_at is not None and submitted_at.date() > due_day(week_start)


class PlanItem(BaseModel):
    """One item of next week's plan: what, by when."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=MAX_ITEM)
    due_date: date


class WeeklyInput(BaseModel):
    """What a save of a weekly summary accepts."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    rep_id: int
    week_start: date
    wins: str = Field(default="", max_length=MAX_TEXT)
    problems: str = Field(default="", max_length=MAX_TEXT)
    help_needed: str = Field(default="", max_length=MAX_TEXT)
    plan: tuple[PlanItem, ...] = Field(default=(), max_length=MAX_ITEMS)

    def plan_json(self) -> str:
        items = [{"text": i.text, "due_date": i.due_date.isoformat()} for i in self.plan]
        return json.dumps(items, ensure_ascii=False)  # Chinese stays readable in SQL


@dataclass(frozen=True)
class SavedSummary:
    """Where a save landed; created is False when the submission had landed already or the
    content and status were those of the latest version (nothing new recorded)."""

    rep_id: int
    week_start: date
    version: int
    status: str
    created: bool


def check_summary(raw: dict[str, Any]) -> WeeklyInput:
    """`raw` as a WeeklyInput, or WeeklyInvalid saying (in the user's language) what is wrong."""
    try:
        summary = WeeklyInput.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = [str(p) for p in first["loc"]]
        if where[0] == "plan" and first["type"] == "too_long":
            raise WeeklyInvalid.of("routine.too_many", max=MAX_ITEMS) from None
        if where[0] == "plan":
            raise WeeklyInvalid.of("routine.plan_item") from None
        if first["type"] == "string_too_long":
            limit = (first.get("ctx") or {}).get("max_length", MAX_TEXT)
            raise WeeklyInvalid.of("routine.too_long", max=limit) from None
        raise WeeklyInvalid.of("routine.plan_item") from None
    if summary.week_start.weekday() != 0:
        raise WeeklyInvalid.of("routine.week_shape", start=summary.week_start)
    return summary


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _content(wins: str, problems: str, help_needed: str, plan: str, status: str) -> str:
    return json.dumps([wins, problems, help_needed, json.loads(plan), status], sort_keys=True)


def _insert(cur: duckdb.DuckDBPyConnection, sql: str, values: dict[str, Any]) -> None:
    """Insert a row another connection may have taken since this transaction began: a
    collision to retry (WriteConflict, nothing written), never a crash."""
    try:
        cur.execute(sql, values)
    except constraint_violations() as error:
        if not is_duplicate_key(error):
            raise
        raise WriteConflict.of("db.write_conflict", detail=str(error).splitlines()[0]) from error


def save_summary_on(
    cur: duckdb.DuckDBPyConnection,
    summary: WeeklyInput,
    *,
    status: Status,
    submission_id: str,
    user_id: int | None,
    today: date,
    now: datetime | None = None,
    audited: bool = True,
) -> SavedSummary:
    """`save_summary` on a cursor inside an open transaction (the demo writes many at once,
    with `now` fixed and no audit rows: they are history, not anyone's action)."""
    landed = cur.execute(
        "SELECT rep_id, week_start, version, status FROM weekly_summaries"
        " WHERE submission_id = $sid",
        {"sid": submission_id},
    ).fetchone()
    if landed:
        return SavedSummary(int(landed[0]), landed[1], int(landed[2]), landed[3], created=False)
    known = cur.execute("SELECT count(*) FROM reps WHERE rep_id = $r", {"r": summary.rep_id})
    if not known.fetchone()[0]:  # type: ignore[index]
        raise WeeklyInvalid.of("routine.unknown_rep", rep_id=summary.rep_id)
    if summary.week_start > today:
        raise WeeklyInvalid.of("routine.future_week", start=summary.week_start)
    key = {"rep": summary.rep_id, "week": summary.week_start}
    latest = cur.execute(
        "SELECT version, status, wins, problems, help_needed, CAST(plan AS VARCHAR),"
        " submitted_at FROM weekly_summaries WHERE rep_id = $rep AND week_start = $week"
        " ORDER BY version DESC LIMIT 1",
        key,
    ).fetchone()
    plan = summary.plan_json()
    submitted_before = latest is not None and latest[1] == "submitted"
    if submitted_before and status == "draft":
        raise WeeklyInvalid.of("routine.already_submitted")
    texts = (summary.wins, summary.problems, summary.help_needed)
    if latest is not None and _content(*latest[2:6], latest[1]) == _content(*texts, plan, status):
        return SavedSummary(summary.rep_id, summary.week_start, int(latest[0]), latest[1], False)
    at = now or _now()
    version = 1 if latest is None else int(latest[0]) + 1
    first_submit = status == "submitted" and not submitted_before
    submitted_at = at if first_submit else (latest[6] if latest is not None else None)
    _insert(
        cur,
        "INSERT INTO weekly_summaries (rep_id, week_start, version, status, wins, problems,"
        " help_needed, plan, submission_id, saved_by, saved_at, submitted_at)"
        " VALUES ($rep, $week, $version, $status, $wins, $problems, $help, $plan, $sid, $by,"
        " $at, $submitted)",
        {
            **key,
            "version": version,
            "status": status,
            "wins": summary.wins,
            "problems": summary.problems,
            "help": summary.help_needed,
            "plan": plan,
            "sid": submission_id,
            "by": user_id,
            "at": at,
            "submitted": submitted_at,
        },
    )
    if audited:
        audit.record(
            cur,
            user_id,
            "weekly.submit" if status == "submitted" else "weekly.draft",
            "weekly_summary",
            f"{summary.rep_id}:{summary.week_start.isoformat()}",
            {
                "rep_id": summary.rep_id,
                "week_start": summary.week_start.isoformat(),
                "version": version,
                "first_submit": first_submit,
            },
            at=at,
        )
    return SavedSummary(summary.rep_id, summary.week_start, version, status, created=True)


def save_summary(
    store: Store,
    summary: WeeklyInput,
    *,
    status: Status,
    submission_id: str,
    user_id: int | None,
    today: date | None = None,
    now: datetime | None = None,
) -> SavedSummary:
    """Save `summary` as its next version, in one transaction with its audit row (by
    `user_id`, None when no one is signed in). A submission id that has landed returns where
    it landed and writes nothing; a commit that collides with another write is retried."""
    for attempt in range(_ATTEMPTS):
        try:
            with store.transaction(touches=TOUCHES) as cur:
                return save_summary_on(
                    cur,
                    summary,
                    status=status,
                    submission_id=submission_id,
                    user_id=user_id,
                    today=today or date.today(),
                    now=now,
                )
        except WriteConflict:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


@dataclass(frozen=True)
class PublishedRecap:
    """Where a recap's publication landed (created False: the same submission again, or the
    same text and numbers as the latest version)."""

    team_id: int
    week_start: date
    version: int
    created: bool


def publish_recap(
    store: Store,
    team_id: int,
    week_start: date,
    body: str,
    numbers: dict[str, str],
    *,
    submission_id: str,
    user_id: int | None,
    now: datetime | None = None,
) -> PublishedRecap:
    """Publish the lead's recap of `team_id`'s week as its next version, with its audit row.
    `numbers` are exact decimal texts (the sums the recap shows), kept as published."""
    text = body.strip()
    if not text:
        raise WeeklyInvalid.of("routine.recap_required")
    if len(text) > MAX_RECAP:
        raise WeeklyInvalid.of("routine.too_long", max=MAX_RECAP)
    if week_start.weekday() != 0:
        raise WeeklyInvalid.of("routine.week_shape", start=week_start)
    for attempt in range(_ATTEMPTS):
        try:
            with store.transaction(touches=TOUCHES) as cur:
                return _publish_on(
                    cur, team_id, week_start, text, numbers, submission_id, user_id, now
                )
        except WriteConflict:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _publish_on(
    cur: duckdb.DuckDBPyConnection,
    team_id: int,
    week_start: date,
    text: str,
    numbers: dict[str, str],
    submission_id: str,
    user_id: int | None,
    now: datetime | None,
) -> PublishedRecap:
    landed = cur.execute(
        "SELECT version FROM weekly_recaps WHERE submission_id = $sid", {"sid": submission_id}
    ).fetchone()
    if landed:
        return PublishedRecap(team_id, week_start, int(landed[0]), created=False)
    team = cur.execute("SELECT count(*) FROM teams WHERE team_id = $t", {"t": team_id})
    if not team.fetchone()[0]:  # type: ignore[index]
        raise WeeklyInvalid.of("routine.unknown_team", team_id=team_id)
    key = {"team": team_id, "week": week_start}
    latest = cur.execute(
        "SELECT version, body, CAST(numbers AS VARCHAR) FROM weekly_recaps"
        " WHERE team_id = $team AND week_start = $week ORDER BY version DESC LIMIT 1",
        key,
    ).fetchone()
    numbers_json = json.dumps(numbers, sort_keys=True)
    if latest is not None and latest[1] == text and json.loads(latest[2]) == numbers:
        return PublishedRecap(team_id, week_start, int(latest[0]), created=False)
    version = 1 if latest is None else int(latest[0]) + 1
    at = now or _now()
    _insert(
        cur,
        "INSERT INTO weekly_recaps (team_id, week_start, version, body, numbers, submission_id,"
        " published_by, published_at) VALUES ($team, $week, $version, $body, $numbers, $sid,"
        " $by, $at)",
        {
            **key,
            "version": version,
            "body": text,
            "numbers": numbers_json,
            "sid": submission_id,
            "by": user_id,
            "at": at,
        },
    )
    audit.record(
        cur,
        user_id,
        "weekly.recap_publish",
        "weekly_recap",
        f"{team_id}:{week_start.isoformat()}",
        {"team_id": team_id, "week_start": week_start.isoformat(), "version": version},
        at=at,
    )
    return PublishedRecap(team_id, week_start, version, created=True)
