"""The read side of performance reviews: a person's history, every version of a review and
what changed in each, action items, who is due a review (coverage), score distributions for
calibration, a period's reviews for export, and the KPI snapshot a review is written against.

A review's current state is its latest version. Reviews are in scope by the person they are
about: their team today (filters.team_id and the groups below it), their top-level team's
channel, filters.rep_id, and with hide_leavers not left by filters.end. Period filters pick
reviews whose period starts within [start, end]. Every value the user chose is a $parameter.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pandas as pd

from data.reviews import SCORE_DIMENSIONS, TEXT_FIELDS, WEEKLY_SUMMARY_ROLES
from data.store import Store
from metrics import service, team_structure
from metrics.filters import Filters
from metrics.list_queries import query_frame, where
from metrics.periods import unit_end, unit_start

# The KPIs frozen into a review: what a lead judges a month of selling by.
SNAPSHOT_KPIS = ("revenue", "win_rate", "csat", "activities", "new_customers", "won_deals")
# Calibration: a reviewer is flagged when at least this share of the scores they give are 5...
LENIENT_SHARE = 0.8
# ...or (when they give more than one score) all their scores are the same, over at least
# this many reviews, so one or two reviews are never flagged.
CALIBRATION_MIN_REVIEWS = 3

# Every review's latest version, with the person it is about and their team today, aliased s
# so metrics.compiler.scope_conditions applies.
_LATEST = """(
    SELECT v.review_id, v.version, v.rep_id, rl.label AS rep, v.kind, v.status, v.period_start,
           v.period_end, v.reviewer, v.scores, v.notes, v.kpi_snapshot, v.created_at,
           coalesce(v.edited_by, v.reviewer) AS edited_by, f.first_created, f.versions,
           r.team_id, g.name AS grp, t.name AS team, t.channel, r.leave_date AS rep_leave_date
    FROM reviews v
    JOIN (SELECT review_id, max(version) AS versions, min(created_at) AS first_created
          FROM reviews GROUP BY review_id) f
      ON f.review_id = v.review_id AND f.versions = v.version
    JOIN reps r ON r.rep_id = v.rep_id
    JOIN rep_labels rl ON rl.rep_id = v.rep_id  -- namesakes read "Wang Wei (#8)"
    JOIN teams g ON g.team_id = r.team_id
    JOIN team_roots tr ON tr.team_id = r.team_id
    JOIN teams t ON t.team_id = tr.root_id
) s"""

REVIEW_COLUMNS = [
    "review_id", "version", "rep_id", "rep", "team", "group", "kind", "status", "period_start",
    "period_end", "reviewer", "edited_by", "first_created", "created_at",
    *(f"score_{d}" for d in SCORE_DIMENSIONS), "average_score", "scores", "notes", "kpi_snapshot",
]  # fmt: skip
CHANGE_COLUMNS = ["version", "status", "edited_by", "created_at", "change_note", "field", "before",
                  "after"]  # fmt: skip
ITEM_COLUMNS = [
    "review_id", "rep_id", "rep", "group", "reviewer", "period_start", "period_end", "item_id",
    "text",
    "due_date", "done", "done_by", "done_at", "overdue",
]  # fmt: skip
COVERAGE_COLUMNS = [
    "rep_id", "rep", "role", "team", "group", "leader", "monthly", "weekly", "open_items",
    "overdue_items",
]  # fmt: skip
LEAD_COLUMNS = [
    "leader", "team", "people", "monthly_done", "monthly_missing", "weekly_missing",
    "overdue_items", "behind",
]  # fmt: skip


def _json(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return json.loads(value) if isinstance(value, str) else value


def _reviews(
    store: Store, filters: Filters | None, *conditions: str, **values: Any
) -> pd.DataFrame:
    """Latest versions in scope matching `conditions`, JSON parsed and scores as columns."""
    scope = filters or Filters(start=date(1900, 1, 1), end=date(2999, 12, 31))
    sql = f"""
    SELECT s.review_id, s.version, s.rep_id, s.rep, s.team, s.grp AS "group", s.kind, s.status,
           s.period_start, s.period_end, s.reviewer, s.edited_by, s.first_created, s.created_at,
           s.scores, s.notes, s.kpi_snapshot
    FROM {_LATEST}
    WHERE {where(scope, *conditions)}
    ORDER BY s.period_start, s.kind, s.first_created
    """
    columns = [c for c in REVIEW_COLUMNS if not c.startswith("score_") and c != "average_score"]
    frame = query_frame(store, scope, sql, columns, ("period_start", "period_end"), **values)
    for column in ("scores", "notes", "kpi_snapshot"):
        frame[column] = pd.Series(
            [_json(v) for v in frame[column]], index=frame.index, dtype=object
        )
    for dim in SCORE_DIMENSIONS:
        frame[f"score_{dim}"] = [(s or {}).get(dim) for s in frame["scores"]]
        frame[f"score_{dim}"] = frame[f"score_{dim}"].astype("Float64")
    score_columns = [f"score_{d}" for d in SCORE_DIMENSIONS]
    frame["average_score"] = frame[score_columns].mean(axis=1).astype("Float64")
    for column in ("first_created", "created_at"):
        frame[column] = pd.to_datetime(frame[column])
    return frame[REVIEW_COLUMNS].reset_index(drop=True)


def history(store: Store, rep_id: int) -> pd.DataFrame:
    """Every review of one person (drafts included), oldest period first, as REVIEW_COLUMNS;
    average_score is the mean of the scores given (blank when none)."""
    return _reviews(store, None, "s.rep_id = $person", person=rep_id)


def period_reviews(store: Store, filters: Filters) -> pd.DataFrame:
    """Reviews in scope whose period starts within [start, end], as REVIEW_COLUMNS."""
    return _reviews(store, filters, "s.period_start BETWEEN $start AND $end")


def review(store: Store, review_id: str) -> dict[str, Any] | None:
    """The latest version of one review as a dict of REVIEW_COLUMNS; None when unknown."""
    frame = _reviews(store, None, "s.review_id = $rid", rid=review_id)
    return None if frame.empty else frame.iloc[0].to_dict()


def _flat(row: tuple[Any, ...]) -> dict[str, str]:
    """A version's fields as the user reads them changed: 'scores.results', 'goals', …"""
    kind, start, end, status, reviewer, scores, notes = row
    flat = {"kind": kind, "period": f"{start} – {end}", "status": status, "reviewer": reviewer}
    scores, notes = _json(scores) or {}, _json(notes) or {}
    for dim in SCORE_DIMENSIONS:
        value = scores.get(dim)
        flat[f"scores.{dim}"] = "" if value is None else str(value)
    for name in TEXT_FIELDS:
        flat[name] = notes.get(name) or ""
    flat["goals"] = "\n".join(f"{g['text']} ({g['due_date']})" for g in notes.get("goals", []))
    return flat


def changes(store: Store, review_id: str) -> pd.DataFrame:
    """Every version of a review and what it changed, as CHANGE_COLUMNS: one row per changed
    field (version 1 lists the fields it was created with); a version that changed nothing but
    its snapshot has one row with field blank."""
    rows = store.rows(
        """
        SELECT version, status, coalesce(edited_by, reviewer), created_at, change_note,
               kind, period_start, period_end, status, reviewer, scores, notes
        FROM reviews WHERE review_id = $rid ORDER BY version
        """,
        {"rid": review_id},
    )
    out: list[dict[str, Any]] = []
    before: dict[str, str] = {}
    for row in rows:
        head = dict(zip(CHANGE_COLUMNS[:5], row[:5], strict=True))
        head["change_note"] = head["change_note"] or ""
        now = _flat(row[5:])
        changed = [k for k, v in now.items() if before.get(k, "") != v]
        for name in changed or [""]:
            out.append(
                {**head, "field": name, "before": before.get(name, ""), "after": now.get(name, "")}
            )
        before = now
    return pd.DataFrame(out, columns=CHANGE_COLUMNS)


def versions(store: Store, review_id: str) -> pd.DataFrame:
    """Each version of a review: version, status, edited_by, created_at, change_note and the
    fields it changed (comma-separated), oldest first."""
    frame = changes(store, review_id)
    if frame.empty:
        return pd.DataFrame(columns=[*CHANGE_COLUMNS[:5], "fields"])
    grouped = frame.groupby("version", sort=True)
    head = grouped[CHANGE_COLUMNS[1:5]].first().reset_index()
    head["fields"] = grouped["field"].agg(lambda f: ", ".join(x for x in f if x)).to_numpy()
    return head


def action_items(
    store: Store, filters: Filters | None, as_of: date, *, rep_id: int | None = None
) -> pd.DataFrame:
    """The action items (goals) of submitted reviews in scope, as ITEM_COLUMNS, by due date.

    An item is taken from its review's latest version; done is its latest tick (false when
    never ticked); overdue when not done and due before as_of.
    """
    conditions = ["s.status = 'submitted'"]
    values: dict[str, Any] = {}
    if rep_id is not None:
        conditions.append("s.rep_id = $person")
        values["person"] = rep_id
    frame = _reviews(store, filters, *conditions, **values)
    events = store.rows(
        """
        SELECT item_id, done, changed_by, changed_at FROM review_action_events
        QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY changed_at DESC, event_id) = 1
        """
    )
    latest = {e[0]: e[1:] for e in events}
    out = []
    for row in frame.itertuples(index=False):
        for goal in (row.notes or {}).get("goals", []):
            done, by, at = latest.get(goal["item_id"], (False, None, None))
            due = date.fromisoformat(goal["due_date"])
            out.append(
                {
                    "review_id": row.review_id,
                    "rep_id": row.rep_id,
                    "rep": row.rep,
                    "group": row.group,
                    "reviewer": row.reviewer,
                    "period_start": row.period_start,
                    "period_end": row.period_end,
                    "item_id": goal["item_id"],
                    "text": goal["text"],
                    "due_date": due,
                    "done": bool(done),
                    "done_by": by,
                    "done_at": at,
                    "overdue": (not done) and due < as_of,
                }
            )
    result = pd.DataFrame(out, columns=ITEM_COLUMNS)
    return result.sort_values(["due_date", "rep"], kind="stable").reset_index(drop=True)


def last_review_items(store: Store, rep_id: int, as_of: date) -> pd.DataFrame:
    """The action items of the person's most recent submitted review (by period), as
    ITEM_COLUMNS."""
    items = action_items(store, None, as_of, rep_id=rep_id)
    if items.empty:
        return items
    last = items.sort_values("period_start").iloc[-1]["review_id"]
    return items[items["review_id"] == last].reset_index(drop=True)


def due_periods(as_of: date) -> dict[str, tuple[date, date]]:
    """The periods a review is due for on `as_of`: last calendar month and last full week."""
    month_end = unit_start(as_of, "month") - timedelta(days=1)
    week_end = unit_start(as_of, "week") - timedelta(days=1)
    return {
        "monthly_evaluation": (unit_start(month_end, "month"), month_end),
        "weekly_summary": (unit_start(week_end, "week"), unit_end(week_end, "week")),
    }


def coverage(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Who is due a review on `as_of`, as COVERAGE_COLUMNS, one row per person in scope on
    staff at the end of last month who has a leader.

    monthly / weekly: 'submitted', 'draft' or 'missing' for last calendar month's evaluation
    and last full week's summary (see due_periods); weekly is 'not_due' for people outside
    WEEKLY_SUMMARY_ROLES who have none; open_items / overdue_items: their action
    items not done / not done and due before as_of. Missing first, then by team, group, person.
    """
    due = due_periods(as_of)
    month_start, month_end = due["monthly_evaluation"]
    people = team_structure.people(store, filters.with_dates(month_end, month_end))
    people = people[people["leader"].notna()]
    if people.empty:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    window = filters.model_copy(update={"start": min(month_start, due["weekly_summary"][0]),
                                        "end": as_of, "rep_id": None})  # fmt: skip
    reviews = period_reviews(store, window)
    items = action_items(store, filters.model_copy(update={"rep_id": None}), as_of)
    out = people[["rep_id", "rep", "role", "team", "group", "leader"]].copy()
    for kind, column in (("monthly_evaluation", "monthly"), ("weekly_summary", "weekly")):
        start, end = due[kind]
        hits = reviews[
            (reviews["kind"] == kind)
            & (reviews["period_start"] == start)
            & (reviews["period_end"] == end)
        ]
        best = hits.sort_values("status", ascending=False).drop_duplicates("rep_id")  # submitted
        status = dict(zip(best["rep_id"], best["status"], strict=True))
        out[column] = [status.get(r, "missing") for r in out["rep_id"]]
    # Only sellers write weekly summaries; for the others there is nothing due.
    not_weekly = ~out["role"].isin(WEEKLY_SUMMARY_ROLES) & (out["weekly"] == "missing")
    out.loc[not_weekly, "weekly"] = "not_due"
    open_items = items[~items["done"]]
    out["open_items"] = [int((open_items["rep_id"] == r).sum()) for r in out["rep_id"]]
    overdue = items[items["overdue"]]
    out["overdue_items"] = [int((overdue["rep_id"] == r).sum()) for r in out["rep_id"]]
    out["_missing"] = out["monthly"] != "submitted"
    out = out.sort_values(["_missing", "team", "group", "rep"], ascending=[False, True, True, True])
    return out[COVERAGE_COLUMNS].reset_index(drop=True)


def reviewable(store: Store, filters: Filters, kind: str, end: date) -> pd.DataFrame:
    """People in scope who owe a review of `kind` for a period ending `end`: those on staff on
    `end` (or on filters.end, if earlier) who have a leader, sellers only for weekly summaries.
    The people list's columns and order. Empty when nobody in scope has a leader, so "no one
    still due" can be told apart from "no one due at all"."""
    day = min(end, filters.end)
    people = team_structure.people(store, filters.with_dates(day, day))
    people = people[people["leader"].notna()]
    if kind == "weekly_summary":
        people = people[people["role"].isin(WEEKLY_SUMMARY_ROLES)]
    return people


def still_due(store: Store, filters: Filters, kind: str, start: date, end: date) -> pd.DataFrame:
    """People in scope still without a submitted review of `kind` for exactly [start, end]:
    those on staff on `end` (or on filters.end, if earlier) who have a leader, sellers only
    for weekly summaries. Columns rep_id, rep, leader, status ('draft' or 'missing'), in the
    people list's order (team, group, role, name)."""
    people = reviewable(store, filters, kind, end)
    reviews = period_reviews(store, filters.with_dates(start, start))
    hits = reviews[(reviews["kind"] == kind) & (reviews["period_end"] == end)]
    best = hits.sort_values("status", ascending=False).drop_duplicates("rep_id")
    status = dict(zip(best["rep_id"], best["status"], strict=True))
    out = people[["rep_id", "rep", "leader"]].copy()
    out["status"] = [status.get(r, "missing") for r in out["rep_id"]]
    return out[out["status"] != "submitted"].reset_index(drop=True)


def coverage_by_lead(coverage_frame: pd.DataFrame) -> pd.DataFrame:
    """Coverage summed per leader, as LEAD_COLUMNS: people, monthly evaluations submitted and
    missing (a draft counts as missing), weekly summaries missing, overdue action items, and
    behind = the share of their people without a submitted monthly evaluation. Most behind
    first."""
    if coverage_frame.empty:
        return pd.DataFrame(columns=LEAD_COLUMNS)
    frame = coverage_frame.assign(
        done=coverage_frame["monthly"] == "submitted",
        weekly_gap=coverage_frame["weekly"].isin(["missing", "draft"]),
    )
    grouped = frame.groupby(["leader", "team"], as_index=False).agg(
        people=("rep_id", "count"),
        monthly_done=("done", "sum"),
        weekly_missing=("weekly_gap", "sum"),
        overdue_items=("overdue_items", "sum"),
    )
    grouped["monthly_missing"] = grouped["people"] - grouped["monthly_done"]
    grouped["behind"] = grouped["monthly_missing"] / grouped["people"]
    grouped = grouped.sort_values(["behind", "leader"], ascending=[False, True])
    return (
        grouped[LEAD_COLUMNS]
        .astype({c: int for c in LEAD_COLUMNS if c not in ("leader", "team", "behind")})
        .reset_index(drop=True)
    )


def score_distribution(store: Store, filters: Filters) -> pd.DataFrame:
    """Scores given in submitted reviews whose period starts within [start, end]: one row per
    group, reviewer, dimension and score with the count (columns group, reviewer, dimension,
    score, count)."""
    frame = period_reviews(store, filters)
    frame = frame[frame["status"] == "submitted"]
    columns = ["group", "reviewer", "dimension", "score", "count"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    long = frame.melt(
        id_vars=["group", "reviewer"],
        value_vars=[f"score_{d}" for d in SCORE_DIMENSIONS],
        var_name="dimension",
        value_name="score",
    ).dropna(subset=["score"])
    long["dimension"] = long["dimension"].str.removeprefix("score_")
    long["score"] = long["score"].astype(int)
    counted = long.groupby(columns[:4], as_index=False).size().rename(columns={"size": "count"})
    return counted[columns].reset_index(drop=True)


def reviewer_calibration(store: Store, filters: Filters) -> pd.DataFrame:
    """Per reviewer over submitted reviews in [start, end]: reviews, average score, share of
    scores that are 5, spread (standard deviation of all their scores) and flag: 'lenient'
    when the share of 5s is at least LENIENT_SHARE, 'flat' when every score is the same (both
    need CALIBRATION_MIN_REVIEWS reviews), else blank. Most lenient first."""
    frame = period_reviews(store, filters)
    frame = frame[frame["status"] == "submitted"]
    columns = ["reviewer", "reviews", "average", "share_of_5", "spread", "flag"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    scores = frame.melt(
        id_vars=["reviewer", "review_id"],
        value_vars=[f"score_{d}" for d in SCORE_DIMENSIONS],
        value_name="score",
    ).dropna(subset=["score"])
    scores["score"] = scores["score"].astype(float)
    out = scores.groupby("reviewer", as_index=False).agg(
        reviews=("review_id", "nunique"),
        average=("score", "mean"),
        share_of_5=("score", lambda s: float((s == 5).mean())),
        spread=("score", lambda s: float(s.std(ddof=0))),
    )
    enough = out["reviews"] >= CALIBRATION_MIN_REVIEWS
    out["flag"] = ""
    out.loc[enough & (out["spread"] == 0), "flag"] = "flat"
    out.loc[enough & (out["share_of_5"] >= LENIENT_SHARE), "flag"] = "lenient"
    out = out.sort_values(["share_of_5", "reviewer"], ascending=[False, True])
    return out[columns].reset_index(drop=True)


def kpi_snapshot(store: Store, rep_id: int, start: date, end: date) -> dict[str, Any]:
    """The person's SNAPSHOT_KPIS over [start, end] with targets and attainment where a KPI has
    them, as frozen into a review: {"period_start", "period_end", "kpis": {column: value}}.
    Values come from metrics.service, so they are the same numbers as on every other page."""
    values = service.values(
        store, SNAPSHOT_KPIS, Filters(start=start, end=end, rep_id=rep_id), with_targets=True
    )
    return {"period_start": start.isoformat(), "period_end": end.isoformat(), "kpis": values}


def kpi_months(store: Store, rep_id: int, end: date, months: int = 12) -> pd.DataFrame:
    """The person's SNAPSHOT_KPIS month by month over the `months` months to `end`, with targets
    (for the KPI trend under their history)."""
    first = unit_start(end, "month")
    for _ in range(months - 1):
        first = unit_start(first - timedelta(days=1), "month")
    return service.trend(
        store,
        SNAPSHOT_KPIS,
        Filters(start=first, end=end, rep_id=rep_id),
        "month",
        with_targets=True,
    )
