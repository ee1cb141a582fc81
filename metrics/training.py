"""The read side of training plans and role duties.

Rules, in words (the README says the same):
- Completion rate of a group or team = items done ÷ (all items − dropped items), over every
  training item of the people in it today (people who have left by the as-of day are left
  out of every list and rate), whatever its due date: a dropped item counts
  neither way; an item planned or in progress counts against the rate until it is done. Shown
  as a percentage rounded half up to one decimal, with the two counts beside it; blank when no
  item counts (nothing planned, or everything dropped).
- Overdue: an item whose due date is before the as-of day and that is not done (planned or in
  progress; a dropped item is never overdue). An item due on the as-of day is not overdue yet.
- Certification warning: a done certification whose expiry day is within CERT_WARNING_DAYS
  days after the as-of day (0 to 30 days left) "expires soon"; one whose expiry day is before
  the as-of day "has expired".

Training items are read by the person they belong to: their team today (filters.team_id and the
groups below it), their top-level team's channel, filters.rep_id, hide_leavers, and the user's
scope. The period's dates do not pick items: a plan is read as it stands.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from data.store import Store
from metrics.filters import Filters
from metrics.list_queries import query_frame, where

CERT_WARNING_DAYS = 30

_ITEMS = """(
    SELECT i.item_id, i.rep_id, rl.label AS rep, r.role, i.kind, i.title, i.due_date, i.status,
           i.completed_on, i.result, i.expires_on, i.review_id, i.updated_at, r.team_id,
           g.name AS grp, tr.root_id, t.name AS team, t.channel, r.leave_date AS rep_leave_date
    FROM training_items i
    JOIN reps r ON r.rep_id = i.rep_id
    JOIN rep_labels rl ON rl.rep_id = i.rep_id
    JOIN teams g ON g.team_id = r.team_id
    JOIN team_roots tr ON tr.team_id = r.team_id
    JOIN teams t ON t.team_id = tr.root_id
) s"""

ITEM_COLUMNS = [
    "item_id", "rep_id", "rep", "role", "team_id", "group", "root_id", "team", "kind", "title",
    "due_date", "status", "completed_on", "result", "expires_on", "review_id", "updated_at",
    "overdue", "cert_state", "days_left",
]  # fmt: skip
RATE_COLUMNS = ["level", "unit_id", "name", "people", "items", "done", "dropped", "counted",
                "rate"]  # fmt: skip


def _frame(store: Store, filters: Filters, as_of: date, *conds: str, **values: Any) -> pd.DataFrame:
    sql = f"""
    SELECT s.item_id, s.rep_id, s.rep, s.role, s.team_id, s.grp AS "group", s.root_id, s.team,
           s.kind, s.title, s.due_date, s.status, s.completed_on, s.result, s.expires_on,
           s.review_id, s.updated_at
    FROM {_ITEMS}
    WHERE {where(filters, *conds)}
    ORDER BY s.team, s.grp, s.rep, s.due_date, s.title, s.item_id
    """
    columns = ITEM_COLUMNS[:17]
    frame = query_frame(
        store, filters, sql, columns, ("due_date", "completed_on", "expires_on"), **values
    )
    # A bool column even when there are no rows: an empty list would make an object column,
    # and frame[that] would pick columns instead of rows (a company with no training yet).
    frame["overdue"] = pd.Series(
        [
            is_overdue(status, due, as_of)
            for status, due in zip(frame["status"], frame["due_date"], strict=True)
        ],
        index=frame.index,
        dtype=bool,
    )
    states = [
        cert_state(kind, status, exp, as_of)
        for kind, status, exp in zip(
            frame["kind"], frame["status"], frame["expires_on"], strict=True
        )
    ]
    frame["cert_state"] = pd.Series([s[0] for s in states], index=frame.index, dtype=object)
    frame["days_left"] = pd.Series([s[1] for s in states], index=frame.index, dtype=object)
    for column in ("rep_id", "team_id", "root_id"):
        frame[column] = frame[column].astype("int64")
    return frame[ITEM_COLUMNS]


def is_overdue(status: str, due: date, as_of: date) -> bool:
    """Not done (planned or in progress) and due before `as_of`."""
    return status in ("planned", "in_progress") and due < as_of


def cert_state(
    kind: str, status: str, expires: date | None, as_of: date
) -> tuple[str | None, int | None]:
    """("expired" | "expiring" | None, days left) of a done certification on `as_of`."""
    if kind != "certification" or status != "done" or expires is None:
        return None, None
    left = (expires - as_of).days
    if left < 0:
        return "expired", left
    if expires <= as_of + timedelta(days=CERT_WARNING_DAYS):
        return "expiring", left
    return None, left


def items(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Training items of the people in scope who are still on staff on `as_of` (a leaver's
    plan would otherwise stay overdue for ever), as ITEM_COLUMNS (overdue and certification
    state as of `as_of`)."""
    staff = "(s.rep_leave_date IS NULL OR s.rep_leave_date > $on_staff)"
    return _frame(store, filters, as_of, staff, on_staff=as_of)


def rep_items(store: Store, rep_id: int, as_of: date) -> pd.DataFrame:
    """One person's training items, whatever the filters, as ITEM_COLUMNS."""
    everything = Filters(start=date(1900, 1, 1), end=date(2999, 12, 31))
    return _frame(store, everything, as_of, "s.rep_id = $person", person=rep_id)


def rate(done: int, counted: int) -> Decimal | None:
    """done ÷ counted as a percentage, rounded half up to one decimal; None when counted is 0."""
    if counted <= 0:
        return None
    return (Decimal(100 * done) / Decimal(counted)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def completion(frame: pd.DataFrame) -> pd.DataFrame:
    """Completion per group and per top-level team of the items in `frame` (from `items`), as
    RATE_COLUMNS: level "team" rows first, each followed by its groups, both in the order they
    first appear in `frame`; counts are integers. One grouping per level, not a pass over the
    rows per unit (0.9 s for 434 units of 2,843 items)."""
    if frame.empty:
        return pd.DataFrame([], columns=RATE_COLUMNS)
    marked = frame.assign(
        _done=frame["status"] == "done",
        _dropped=frame["status"] == "dropped",
        _order=range(len(frame)),
    )

    def _units(keys: list[str], name: str) -> pd.DataFrame:
        return marked.groupby(keys, sort=False).agg(
            name=(name, "first"),
            people=("rep_id", "nunique"),
            items=("status", "size"),
            done=("_done", "sum"),
            dropped=("_dropped", "sum"),
            first=("_order", "min"),
        )

    teams = _units(["root_id"], "team").reset_index()
    teams = teams.assign(level="team", unit_id=teams["root_id"], team_first=teams["first"])
    groups = _units(["root_id", "team_id"], "group").reset_index()
    # people sitting at team level have no group row
    groups = groups[groups["team_id"] != groups["root_id"]]
    groups = groups.assign(level="group", unit_id=groups["team_id"])
    groups = groups.merge(teams[["root_id", "team_first"]], on="root_id")
    rows = pd.concat([teams, groups], ignore_index=True)
    rows = rows.assign(_group=rows["level"] == "group").sort_values(
        ["team_first", "_group", "first"], kind="stable"
    )
    counts = ["unit_id", "people", "items", "done", "dropped"]
    rows[counts] = rows[counts].astype("int64")
    rows["counted"] = rows["items"] - rows["dropped"]
    rows["name"] = rows["name"].astype(str)
    pairs = zip(rows["done"], rows["counted"], strict=True)
    rows["rate"] = [rate(int(done), int(counted)) for done, counted in pairs]
    return rows[RATE_COLUMNS].reset_index(drop=True)


def overdue(frame: pd.DataFrame) -> pd.DataFrame:
    """The overdue items of `frame`, earliest due first."""
    late = frame[frame["overdue"]]
    return late.sort_values(["due_date", "rep", "item_id"]).reset_index(drop=True)


def certificates_due(frame: pd.DataFrame) -> pd.DataFrame:
    """Done certifications of `frame` that have expired or expire within the warning window,
    soonest first."""
    due = frame[frame["cert_state"].notna()]
    return due.sort_values(["expires_on", "rep", "item_id"]).reset_index(drop=True)


DUTY_COLUMNS = ["role", "version", "duties_en", "duties_zh", "kpis", "edited_by", "created_at"]


def duties(store: Store) -> pd.DataFrame:
    """Each role's latest duties, as DUTY_COLUMNS (kpis a list of KPI codes), by role."""
    return _duties(store, latest=True)


def duty_versions(store: Store, role: str) -> pd.DataFrame:
    """Every version of one role's duties, newest first, as DUTY_COLUMNS."""
    return _duties(store, latest=False, role=role)


def _duties(store: Store, *, latest: bool, role: str | None = None) -> pd.DataFrame:
    conditions = []
    params: dict[str, Any] = {}
    if latest:
        conditions.append(
            "d.version = (SELECT max(version) FROM role_duties x WHERE x.role = d.role)"
        )
    if role is not None:
        conditions.append("d.role = $role")
        params["role"] = role
    sql = (
        "SELECT d.role, d.version, d.duties_en, d.duties_zh, d.kpis, d.edited_by, d.created_at"
        " FROM role_duties d"
        + (f" WHERE {' AND '.join(conditions)}" if conditions else "")
        + " ORDER BY d.role, d.version DESC"
    )
    frame = store.query(sql, params)
    frame["kpis"] = pd.Series(
        [list(k) if k is not None else [] for k in frame["kpis"]], index=frame.index, dtype=object
    )
    return frame[DUTY_COLUMNS].reset_index(drop=True)
