"""The read side of the suggestion box: the suggestions a user may read, with each one's
latest status and answer, and the adopted suggestions credited per person.

Who reads which box (metrics.scope): admin, manager and viewer every box; a lead the boxes of
their team and the groups below it; a rep the box of their own team and of the teams above it.
A suggestion put in no team's box (team_id NULL) is read by everyone. An anonymous
suggestion names no author anywhere (none is stored).
"""

from __future__ import annotations

import pandas as pd

from data.store import Store
from metrics.scope import Scope, teams_in

COLUMNS = [
    "suggestion_id", "team_id", "team", "kind", "title", "body", "anonymous", "author_rep_id",
    "author", "posted_at", "status", "answer", "answered_at",
]  # fmt: skip


def boxes(store: Store, scope: Scope) -> list[int] | None:
    """The teams whose boxes `scope` reads; None: every box."""
    if scope.kind == "all":
        return None
    if scope.kind == "team":
        return sorted(teams_in(store, scope) or set())
    rows = store.rows(
        "SELECT c.ancestor_id FROM reps r JOIN team_closure c ON c.team_id = r.team_id"
        " WHERE r.rep_id = $rep",
        {"rep": scope.rep_id},
    )
    return sorted({int(r[0]) for r in rows})


def suggestions(store: Store, scope: Scope) -> pd.DataFrame:
    """The suggestions `scope` reads, newest first, each with its latest status and answer
    (status new and no answer until someone answers)."""
    readable = boxes(store, scope)
    frame = store.query(
        """
        WITH latest AS (
            SELECT suggestion_id, arg_max(status, answered_at) AS status,
                   arg_max(answer, answered_at) AS answer, max(answered_at) AS answered_at
            FROM suggestion_events GROUP BY suggestion_id
        )
        SELECT s.suggestion_id, s.team_id, t.name AS team, s.kind, s.title, s.body, s.anonymous,
               s.author_rep_id, rl.label AS author, s.posted_at,
               coalesce(l.status, 'new') AS status, coalesce(l.answer, '') AS answer,
               l.answered_at
        FROM suggestions s
        LEFT JOIN latest l ON l.suggestion_id = s.suggestion_id
        LEFT JOIN teams t ON t.team_id = s.team_id
        LEFT JOIN rep_labels rl ON rl.rep_id = s.author_rep_id
        WHERE $all OR s.team_id IS NULL OR list_contains($boxes, s.team_id)
        ORDER BY s.posted_at DESC, s.suggestion_id
        """,
        {"all": readable is None, "boxes": readable or []},
    )
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    return frame[COLUMNS]


def adopted_counts(store: Store) -> pd.DataFrame:
    """Adopted suggestions per person (rep_id, rep: their label, adopted), most first:
    credited to their author; anonymous ones are credited to no one. For the incentive plan
    to use later."""
    return store.query(
        """
        WITH latest AS (
            SELECT suggestion_id, arg_max(status, answered_at) AS status
            FROM suggestion_events GROUP BY suggestion_id
        )
        SELECT s.author_rep_id AS rep_id, rl.label AS rep, count(*) AS adopted
        FROM suggestions s JOIN latest l ON l.suggestion_id = s.suggestion_id
        LEFT JOIN rep_labels rl ON rl.rep_id = s.author_rep_id
        WHERE l.status = 'adopted' AND s.author_rep_id IS NOT NULL AND NOT s.anonymous
        GROUP BY s.author_rep_id, rl.label
        ORDER BY adopted DESC, rep_id
        """
    )
