"""The write side of the suggestion box (意见箱).

Rules, in words (the README says the same):
- Anyone on the team except a viewer posts a suggestion: a kind (process, product, customer
  service), a title and a text, into a team's box (the team that reads and answers it).
- Anonymous means no author is stored at all: no person and no user in the suggestion's row,
  and its audit row names no user (user_id None) and no person in its details.
- A lead (or a manager or admin) answers; the status goes new -> under consideration ->
  adopted or declined. Adopting or declining needs a reason, shown to everyone. Answers and
  status changes are append-only events: the latest is the suggestion's state.
- Each post or answer is one transaction with its audit row; its submission id makes a
  double click land once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from data import audit
from data.errors import HuddleDataError
from data.store import Store

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"suggestions", "suggestion_events", "audit_log"})

KINDS = ("process", "product", "customer_service")
STATUSES = ("new", "considering", "adopted", "declined")
NEEDS_REASON = ("adopted", "declined")
MAX_TITLE = 120
MAX_TEXT = 2000


class SuggestionInvalid(HuddleDataError):
    """A post or answer was refused; nothing was written."""


@dataclass(frozen=True)
class Posted:
    """Where a post or an answer landed; created False: the submission had landed already
    (or an answer changed nothing)."""

    suggestion_id: str
    created: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def post_suggestion(
    store: Store,
    *,
    kind: str,
    title: str,
    body: str,
    team_id: int | None,
    anonymous: bool,
    author_rep_id: int | None,
    user_id: int | None,
    submission_id: str,
    now: datetime | None = None,
) -> Posted:
    """Post a suggestion (its id is the submission id), with its audit row. When `anonymous`,
    the author (person and user) is dropped here, before anything is written."""
    with store.transaction(touches=TOUCHES) as cur:
        return post_suggestion_on(
            cur,
            kind=kind,
            title=title,
            body=body,
            team_id=team_id,
            anonymous=anonymous,
            author_rep_id=author_rep_id,
            user_id=user_id,
            submission_id=submission_id,
            now=now,
        )


def post_suggestion_on(
    cur: duckdb.DuckDBPyConnection,
    *,
    kind: str,
    title: str,
    body: str,
    team_id: int | None,
    anonymous: bool,
    author_rep_id: int | None,
    user_id: int | None,
    submission_id: str,
    now: datetime | None = None,
    audited: bool = True,
) -> Posted:
    """`post_suggestion` inside an open transaction (the demo writes many, without audit)."""
    if cur.execute(
        "SELECT 1 FROM suggestions WHERE suggestion_id = $id", {"id": submission_id}
    ).fetchone():
        return Posted(submission_id, created=False)
    title, body = title.strip(), body.strip()
    if kind not in KINDS:
        raise SuggestionInvalid.of("routine.unknown_kind", kind=kind)
    if not title or not body:
        raise SuggestionInvalid.of("routine.suggestion_required")
    if len(title) > MAX_TITLE or len(body) > MAX_TEXT:
        limit = MAX_TITLE if len(title) > MAX_TITLE else MAX_TEXT
        raise SuggestionInvalid.of("routine.too_long", max=limit)
    if (
        team_id is not None
        and not cur.execute(
            "SELECT count(*) FROM teams WHERE team_id = $t", {"t": team_id}
        ).fetchone()[0]
    ):  # type: ignore[index]
        raise SuggestionInvalid.of("routine.unknown_team", team_id=team_id)
    if anonymous:  # no author stored at all, and no one named by the audit row
        author_rep_id, user_id = None, None
    elif (
        author_rep_id is not None
        and not cur.execute(
            "SELECT count(*) FROM reps WHERE rep_id = $r", {"r": author_rep_id}
        ).fetchone()[0]
    ):  # type: ignore[index]
        raise SuggestionInvalid.of("routine.unknown_rep", rep_id=author_rep_id)
    at = now or _now()
    cur.execute(
        "INSERT INTO suggestions (suggestion_id, team_id, kind, title, body, anonymous,"
        " author_rep_id, author_user_id, posted_at)"
        " VALUES ($id, $team, $kind, $title, $body, $anon, $rep, $user, $at)",
        {
            "id": submission_id,
            "team": team_id,
            "kind": kind,
            "title": title,
            "body": body,
            "anon": anonymous,
            "rep": author_rep_id,
            "user": user_id,
            "at": at,
        },
    )
    if audited:
        details: dict[str, object] = {"kind": kind, "team_id": team_id, "anonymous": anonymous}
        if not anonymous:
            details["author_rep_id"] = author_rep_id
        audit.record(cur, user_id, "suggestion.post", "suggestion", submission_id, details, at=at)
    return Posted(submission_id, created=True)


def answer_suggestion(
    store: Store,
    suggestion_id: str,
    *,
    status: str,
    answer: str,
    user_id: int | None,
    submission_id: str,
    now: datetime | None = None,
) -> Posted:
    """Record an answer and/or a status change as the suggestion's next event, with its audit
    row: suggestion.status when the status changes, else suggestion.answer."""
    with store.transaction(touches=TOUCHES) as cur:
        return answer_suggestion_on(
            cur,
            suggestion_id,
            status=status,
            answer=answer,
            user_id=user_id,
            submission_id=submission_id,
            now=now,
        )


def answer_suggestion_on(
    cur: duckdb.DuckDBPyConnection,
    suggestion_id: str,
    *,
    status: str,
    answer: str,
    user_id: int | None,
    submission_id: str,
    now: datetime | None = None,
    audited: bool = True,
) -> Posted:
    """`answer_suggestion` inside an open transaction."""
    if cur.execute(
        "SELECT 1 FROM suggestion_events WHERE event_id = $id", {"id": submission_id}
    ).fetchone():
        return Posted(suggestion_id, created=False)
    answer = answer.strip()
    if status not in STATUSES:
        raise SuggestionInvalid.of("routine.unknown_status", status=status)
    if len(answer) > MAX_TEXT:
        raise SuggestionInvalid.of("routine.too_long", max=MAX_TEXT)
    if not cur.execute(
        "SELECT 1 FROM suggestions WHERE suggestion_id = $id", {"id": suggestion_id}
    ).fetchone():
        raise SuggestionInvalid.of("routine.no_suggestion", suggestion_id=suggestion_id)
    if status in NEEDS_REASON and not answer:
        raise SuggestionInvalid.of("routine.reason_required")
    latest = cur.execute(
        "SELECT status, answer FROM suggestion_events WHERE suggestion_id = $id"
        " ORDER BY answered_at DESC, event_id DESC LIMIT 1",
        {"id": suggestion_id},
    ).fetchone()
    before_status, before_answer = latest if latest else ("new", "")
    if (before_status, before_answer) == (status, answer):
        return Posted(suggestion_id, created=False)
    at = now or _now()
    cur.execute(
        "INSERT INTO suggestion_events (event_id, suggestion_id, status, answer, answered_by,"
        " answered_at) VALUES ($eid, $id, $status, $answer, $by, $at)",
        {
            "eid": submission_id,
            "id": suggestion_id,
            "status": status,
            "answer": answer,
            "by": user_id,
            "at": at,
        },
    )
    if audited:
        changed = status != before_status
        audit.record(
            cur,
            user_id,
            "suggestion.status" if changed else "suggestion.answer",
            "suggestion",
            suggestion_id,
            {"before": before_status, "after": status} if changed else {"status": status},
            at=at,
        )
    return Posted(suggestion_id, created=True)
