"""The demo's review history, written many rows at a time.

A real save (data/reviews.py: save_review_on, set_action_item_done_on) checks the database
before each row: has this submission landed, is the person known, does another review hold
the period, does the action item exist. That is eight to ten statements a review, about 14 ms
in DuckDB, and the demo writes hundreds of reviews (thousands at 2,000 people).

The demo's history starts from empty review tables, for people it has just written, with
unique ids it makes itself, so only the last of those checks can fail; `DemoReviewRows` keeps
that one (against the rows it has collected) and builds every row with the same functions a
real save uses (`review_row`, `action_event_row`), then writes each table in one insert.
`OneAtATime` sends the same calls through the real saves: tests/data/test_demo_review_rows.py
checks both write identical tables.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from data.reviews import (
    REVIEW_COLUMNS,
    ReviewInput,
    ReviewNotFound,
    Status,
    action_event_row,
    review_row,
    save_review_on,
    set_action_item_done_on,
)


class OneAtATime:
    """Each review and tick through the real save, on `cur` (every check made)."""

    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self._cur = cur

    def save(self, review: ReviewInput, **kwargs: Any) -> None:
        save_review_on(self._cur, review, **kwargs)

    def tick(
        self, review_id: str, item_id: str, *, changed_by: str, event_id: str, now: datetime
    ) -> None:
        set_action_item_done_on(
            self._cur, review_id, item_id, done=True, changed_by=changed_by, event_id=event_id,
            now=now,
        )  # fmt: skip

    def finish(self) -> None:
        pass


class DemoReviewRows:
    """The rows the real saves would write, collected, then written in one insert per table
    by `finish` (on the cursor of the demo's open transaction)."""

    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self._cur = cur
        self._reviews: list[dict[str, Any]] = []
        self._identities: list[dict[str, Any]] = []
        self._events: list[dict[str, Any]] = []
        self._latest: dict[str, dict[str, Any]] = {}

    def save(
        self,
        review: ReviewInput,
        *,
        status: Status,
        submission_id: str,
        edited_by: str,
        now: datetime,
        new_review_id: str | None = None,
        review_id: str | None = None,
        base_version: int | None = None,
        change_note: str | None = None,
    ) -> None:
        snapshot = review.kpi_snapshot
        if review_id is None:
            if new_review_id is None or new_review_id in self._latest:
                raise ValueError(f"The demo needs a new, unique review id, not {new_review_id!r}")
            review_id, version = new_review_id, 1
            self._identities.append(
                {
                    "rep_id": review.rep_id,
                    "kind": review.kind,
                    "period_start": review.period_start,
                    "period_end": review.period_end,
                    "review_id": review_id,
                }
            )
        else:  # an edit of a review collected here, as save_review_on would version it
            latest = self._latest[review_id]
            same_identity = (latest["kind"], latest["period_start"], latest["period_end"]) == (
                review.kind,
                review.period_start,
                review.period_end,
            )
            if not same_identity or base_version not in (None, latest["version"]):
                raise ValueError(f"The demo edits review {review_id} in place, on its latest")
            version = latest["version"] + 1
            if latest["status"] == "submitted" and latest["kpi_snapshot"] is not None:
                snapshot = json.loads(latest["kpi_snapshot"])  # frozen at the first submission
        row = review_row(
            review,
            review_id=review_id,
            version=version,
            status=status,
            submission_id=submission_id,
            editor=edited_by.strip(),
            snapshot=snapshot,
            at=now,
            change_note=change_note,
        )
        self._reviews.append(row)
        self._latest[review_id] = row

    def tick(
        self, review_id: str, item_id: str, *, changed_by: str, event_id: str, now: datetime
    ) -> None:
        latest = self._latest.get(review_id)
        goals = json.loads(latest["notes"]).get("goals", []) if latest else []
        if not any(goal["item_id"] == item_id for goal in goals):
            raise ReviewNotFound.of("review.no_action_item", review_id=review_id, item_id=item_id)
        self._events.append(action_event_row(review_id, item_id, True, changed_by, event_id, now))

    def finish(self) -> None:
        _insert_rows(self._cur, "review_identities", self._identities)
        _insert_rows(self._cur, "reviews", self._reviews, REVIEW_COLUMNS)
        _insert_rows(self._cur, "review_action_events", self._events)


def _insert_rows(
    cur: duckdb.DuckDBPyConnection,
    table: str,
    rows: list[dict[str, Any]],
    columns: tuple[str, ...] | None = None,
) -> None:
    if not rows:
        return
    names = columns or tuple(rows[0])
    # Typed by the table, not guessed by pandas: a column of None stays NULL of its own type.
    frame = pd.DataFrame.from_records(rows, columns=list(names)).astype(object)
    listed = ", ".join(names)
    cur.register("demo_review_rows", frame)
    try:
        cur.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM demo_review_rows")
    finally:
        cur.unregister("demo_review_rows")
