"""Who needs help at the stand-up, and whose the things to fix are.

The stand-up's board leads with the people who need help, each with the reasons (issue 20):

- behind pace: their revenue month to date is below their target to date (pace "caution" or
  "off track", metrics.pacing.pace_status, exact decimals);
- quiet: no call, visit, message or meeting logged for QUIET_DAYS days or more before the day
  shown (days from their last activity on or before that day; never logged counts too). Only
  when the scope has activities at all: a company that imported none is not "quiet";
- complaints: at least one complaint of theirs open more than SLA_DAYS days on the day shown
  (metrics.standup.overdue_complaints' rule).

Order: most reasons first; then the lower pace ratio (no target last); then more complaints;
then longer quiet; then rep_id. Everyone else: on track people are folded behind a count, the
rest (no target, nothing to raise) are shown after the people who need help.
People are rep_ids throughout; names are labels for display only.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from data.store import Store
from metrics.filters import Filters
from metrics.list_queries import query_frame, source, where
from metrics.standup import SLA_DAYS

# Quiet: no logged activity for this many days or more before the day shown.
QUIET_DAYS = 3
BEHIND = ("caution", "off_track")
HELP_COLUMNS = [
    "rep_id", "rep", "pace", "pace_ratio", "attainment", "behind", "quiet_days", "quiet",
    "complaints", "reasons",
]  # fmt: skip
LAST_ACTIVITY_COLUMNS = ["rep_id", "last_activity"]


def rep_labels(store: Store) -> dict[int, str]:
    """Each person's label by rep_id (the name, with "(#id)" when two share it), for showing
    the owners of the things to fix."""
    return {int(r): str(label) for r, label in store.rows("SELECT rep_id, label FROM rep_labels")}


def last_activity(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Each person's latest activity day in scope on or before `as_of`: rep_id, last_activity."""
    condition = where(filters, "s.day <= $as_of")
    select = "s.rep_id, max(s.day) AS last_activity"
    sql = f"""
    SELECT {select}
    FROM {source("activities", select, condition)}
    WHERE {condition}
    GROUP BY s.rep_id
    ORDER BY s.rep_id
    """
    return query_frame(
        store, filters, sql, LAST_ACTIVITY_COLUMNS, ("last_activity",), as_of=as_of, end=as_of
    )


def needs_help(
    board: pd.DataFrame, activity: pd.DataFrame, overdue: pd.DataFrame, day: date
) -> pd.DataFrame:
    """The board's people with their reasons, in the order above: HELP_COLUMNS, with reasons
    the count of the three (0: nothing to raise).

    `board` is metrics.team_board.rep_board for `day`; `activity` is last_activity for `day`;
    `overdue` is metrics.standup.overdue_complaints for `day` (one row a complaint, rep_id)."""
    if board.empty:
        return pd.DataFrame(columns=HELP_COLUMNS)
    people = board[["rep_id", "rep", "pace", "pace_ratio", "attainment"]].copy()
    people["rep_id"] = people["rep_id"].astype("int64")
    people["behind"] = people["pace"].isin(BEHIND)
    last = {int(r): d for r, d in zip(activity["rep_id"], activity["last_activity"], strict=True)}
    tracked = bool(last)  # a scope with no activity at all says nothing about being quiet
    quiet_days = [
        None if rep_id not in last else (day - last[rep_id]).days for rep_id in people["rep_id"]
    ]
    people["quiet_days"] = pd.Series(quiet_days, index=people.index, dtype=object)
    people["quiet"] = [
        tracked and (days is None or days >= QUIET_DAYS) for days in people["quiet_days"]
    ]
    owners = overdue["rep_id"].dropna().astype("int64").value_counts()
    people["complaints"] = people["rep_id"].map(owners).fillna(0).astype("int64")
    people["reasons"] = (
        people["behind"].astype(int) + people["quiet"].astype(int) + (people["complaints"] > 0)
    ).astype("int64")
    # Sort keys: never logged counts as the longest quiet; no target paces last.
    people["_ratio"] = people["pace_ratio"].fillna(float("inf"))
    people["_quiet"] = [10**6 if d is None else d for d in people["quiet_days"]]
    people = people.sort_values(
        ["reasons", "_ratio", "complaints", "_quiet", "rep_id"],
        ascending=[False, True, False, False, True],
        kind="stable",
    )
    return people[HELP_COLUMNS].reset_index(drop=True)


def split_board(help_frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(need help, the rest, on track): the rows of `needs_help` in its order."""
    needing = help_frame[help_frame["reasons"] > 0]
    fine = help_frame[help_frame["reasons"] == 0]
    on_track = fine[fine["pace"] == "on_track"]
    rest = fine[fine["pace"] != "on_track"]
    return (
        needing.reset_index(drop=True),
        rest.reset_index(drop=True),
        on_track.reset_index(drop=True),
    )


def owners(frame: pd.DataFrame, rep_column: str = "rep_id") -> pd.DataFrame:
    """How many rows of `frame` each owner has, most first (ties: rep_id): rep_id, count.
    Rows without an owner are counted under rep_id None, last."""
    counts = frame[rep_column].astype("Int64").value_counts(dropna=False)
    missing = int(counts[counts.index.isna()].sum())
    known = counts[counts.index.notna()]
    ids = known.index.to_numpy(dtype="int64")
    order = np.lexsort((ids, -known.to_numpy(dtype="int64")))  # most first, then rep_id
    rep_ids: list[int | None] = [int(v) for v in ids[order]]
    sizes = known.to_numpy(dtype="int64")[order].tolist()
    if missing:
        rep_ids.append(None)
        sizes.append(missing)
    return pd.DataFrame(
        {"rep_id": pd.Series(rep_ids, dtype=object), "count": np.array(sizes, dtype="int64")}
    )


__all__ = [
    "QUIET_DAYS", "SLA_DAYS", "last_activity", "needs_help", "owners", "rep_labels", "split_board",
]  # fmt: skip
