"""The read side of weekly summaries (周总结): a person's week and its numbers, the versions of
a summary, who in a team has submitted, the team's numbers summed for the lead's recap, and
the summaries of a month (beside the monthly evaluation).

The week's numbers are the declared KPIs (metrics/catalogue.py) asked of the compiler, never
restated SQL: revenue, orders, won deals, new customers and activities, each with its target
and pace where a target exists. Numbers are exact decimals (money to the cent): the team's
sums add the people's decimals, never floats.

Pace (metrics.pacing): the target is spread evenly over its days, so the target to date of a
week in progress is its days so far; on track at or above it, off track at or below 90% of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pandas as pd

from data.store import Store
from data.weekly_summaries import is_late
from metrics import service, team_structure
from metrics.catalogue import get_kpi
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from metrics.lookups import placeholder_reps
from metrics.pacing import PaceStatus, exact, pace_status

WEEK_KPIS = ("revenue", "orders", "won_deals", "new_customers", "activities")
SUMMARY_COLUMNS = [
    "rep_id", "week_start", "version", "status", "wins", "problems", "help_needed", "plan",
    "saved_by", "saved_at", "submitted_at", "late",
]  # fmt: skip
TEAM_COLUMNS = ["rep_id", "rep", "group", "status", "version", "submitted_at", "late",
                "wins", "problems", "help_needed", "plan"]  # fmt: skip


@dataclass(frozen=True)
class WeekNumber:
    """One KPI over a week: its value so far, and where a target exists the week's target,
    the target to date (the days so far), attainment of the week's target and pace."""

    kpi_id: str
    actual: Decimal
    target: Decimal | None
    expected: Decimal | None
    attainment: Decimal | None
    status: PaceStatus


def week_end(week_start: date) -> date:
    """The Sunday of the week starting on Monday `week_start`."""
    return week_start + timedelta(days=6)


def _numbers_row(row: pd.Series, full: pd.Series | None) -> dict[str, WeekNumber]:
    out: dict[str, WeekNumber] = {}
    for kpi_id in WEEK_KPIS:
        actual = exact(_plain(row.get(kpi_id))) or Decimal("0.00")
        expected = target = attainment = None
        if get_kpi(kpi_id).target_metric:
            expected = exact(_plain(row.get(f"{kpi_id}_target")))
            source = full if full is not None else row
            target = exact(_plain(source.get(f"{kpi_id}_target")))
            if not target:
                expected = target = None
            else:
                attainment = actual / target
        status = pace_status(actual, expected)
        out[kpi_id] = WeekNumber(kpi_id, actual, target, expected, attainment, status)
    return out


def _plain(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def week_numbers(
    store: Store, filters: Filters, rep_id: int, week_start: date, as_of: date
) -> dict[str, WeekNumber] | None:
    """The person's week numbers as of `as_of` (None when the week starts after it).
    `filters` carries the scope; its dates and people are replaced by the week and the person."""
    to_date = min(week_end(week_start), as_of)
    if to_date < week_start:
        return None
    base = filters.model_copy(update={"team_id": None, "channel": None, "rep_id": rep_id,
                                      "hide_leavers": False, "period_kind": None})  # fmt: skip
    now = service.run(
        store,
        MetricRequest(
            kpis=WEEK_KPIS, filters=base.with_dates(week_start, to_date), with_targets=True
        ),
    ).iloc[0]
    full = service.run(
        store,
        MetricRequest(
            kpis=WEEK_KPIS,
            filters=base.with_dates(week_start, week_end(week_start)),
            with_targets=True,
        ),
    ).iloc[0]
    return _numbers_row(now, full)


def team_numbers(
    store: Store, filters: Filters, week_start: date, as_of: date
) -> dict[int, dict[str, WeekNumber]]:
    """Every person's week numbers in the filters' scope, as {rep_id: numbers}."""
    to_date = min(week_end(week_start), as_of)
    if to_date < week_start:
        return {}
    now = service.run(
        store,
        MetricRequest(
            kpis=WEEK_KPIS,
            filters=filters.with_dates(week_start, to_date),
            dimension="rep_id",
            with_targets=True,
        ),
    )
    full = service.run(
        store,
        MetricRequest(
            kpis=WEEK_KPIS,
            filters=filters.with_dates(week_start, week_end(week_start)),
            dimension="rep_id",
            with_targets=True,
        ),
    ).set_index("rep_id")
    out: dict[int, dict[str, WeekNumber]] = {}
    for _, row in now.iterrows():
        if row["rep_id"] is None or pd.isna(row["rep_id"]):
            continue
        rep_id = int(row["rep_id"])
        out[rep_id] = _numbers_row(row, full.loc[rep_id] if rep_id in full.index else None)
    return out


def summed(numbers: list[dict[str, WeekNumber]]) -> dict[str, Decimal]:
    """Each week KPI summed over people, exactly (Decimal: money to the cent)."""
    return {
        kpi_id: sum((n[kpi_id].actual for n in numbers if kpi_id in n), Decimal("0.00"))
        for kpi_id in WEEK_KPIS
    }


def _summaries(store: Store, where: str, params: dict[str, Any]) -> pd.DataFrame:
    frame = store.query(
        f"""
        SELECT w.rep_id, w.week_start, w.version, w.status, w.wins, w.problems, w.help_needed,
               CAST(w.plan AS VARCHAR) AS plan, w.saved_by, w.saved_at, w.submitted_at
        FROM weekly_summaries w
        WHERE {where}
        ORDER BY w.week_start DESC, w.rep_id, w.version DESC
        """,
        params,
    )
    if frame.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    frame["week_start"] = pd.to_datetime(frame["week_start"]).dt.date
    frame["plan"] = [json.loads(p) for p in frame["plan"]]
    frame["submitted_at"] = (
        frame["submitted_at"].astype(object).where(frame["submitted_at"].notna(), None)
    )
    frame["late"] = [
        is_late(w, s) for w, s in zip(frame["week_start"], frame["submitted_at"], strict=True)
    ]
    return frame[SUMMARY_COLUMNS]


_LATEST = (
    "w.version = (SELECT max(x.version) FROM weekly_summaries x"
    " WHERE x.rep_id = w.rep_id AND x.week_start = w.week_start)"
)


def summary(store: Store, rep_id: int, week_start: date) -> dict[str, Any] | None:
    """The latest version of the person's summary of the week, or None."""
    frame = _summaries(
        store, f"w.rep_id = $rep AND w.week_start = $week AND {_LATEST}",
        {"rep": rep_id, "week": week_start},
    )  # fmt: skip
    return None if frame.empty else frame.iloc[0].to_dict()


def versions(store: Store, rep_id: int, week_start: date) -> pd.DataFrame:
    """Every version of the person's summary of the week, newest first (none is deleted)."""
    return _summaries(
        store, "w.rep_id = $rep AND w.week_start = $week", {"rep": rep_id, "week": week_start}
    )


def month_summaries(store: Store, rep_id: int, start: date, end: date) -> pd.DataFrame:
    """The latest version of each of the person's summaries whose week starts in [start, end]
    (the weeks of a month: those whose Monday falls in it), oldest first."""
    frame = _summaries(
        store,
        f"w.rep_id = $rep AND w.week_start BETWEEN $start AND $end AND {_LATEST}",
        {"rep": rep_id, "start": start, "end": end},
    )
    return frame.sort_values("week_start").reset_index(drop=True)


def team_week(store: Store, filters: Filters, week_start: date) -> pd.DataFrame:
    """Everyone in the filters' scope on staff during the week (placeholders left out), with
    their summary's latest state: status submitted, draft or missing; late when first
    submitted after the Monday after the week. Missing first, then drafts, then by name."""
    people = team_structure.people(store, filters.with_dates(week_start, week_end(week_start)))
    people = people[~people["rep_id"].isin(placeholder_reps(store))]
    latest = _summaries(store, f"w.week_start = $week AND {_LATEST}", {"week": week_start})
    by_rep = {int(r["rep_id"]): r for _, r in latest.iterrows()}
    rows = []
    for _, person in people.iterrows():
        rep_id = int(person["rep_id"])
        found = by_rep.get(rep_id)
        rows.append(
            {
                "rep_id": rep_id,
                "rep": person["rep"],
                "group": person["group"],
                "status": "missing" if found is None else found["status"],
                "version": None if found is None else int(found["version"]),
                "submitted_at": None if found is None else found["submitted_at"],
                "late": False if found is None else bool(found["late"]),
                "wins": "" if found is None else found["wins"],
                "problems": "" if found is None else found["problems"],
                "help_needed": "" if found is None else found["help_needed"],
                "plan": [] if found is None else found["plan"],
            }
        )
    if not rows:
        return pd.DataFrame(columns=TEAM_COLUMNS)
    frame = pd.DataFrame(rows, columns=TEAM_COLUMNS)
    order = {"missing": 0, "draft": 1, "submitted": 2}
    frame["_order"] = frame["status"].map(order)
    frame = frame.sort_values(["_order", "rep"], kind="stable")
    return frame[TEAM_COLUMNS].reset_index(drop=True)


def latest_recap(store: Store, team_id: int, week_start: date) -> dict[str, Any] | None:
    """The latest published recap of the team's week (version, body, numbers), or None."""
    rows = store.rows(
        "SELECT version, body, CAST(numbers AS VARCHAR), published_by, published_at"
        " FROM weekly_recaps WHERE team_id = $team AND week_start = $week"
        " ORDER BY version DESC LIMIT 1",
        {"team": team_id, "week": week_start},
    )
    if not rows:
        return None
    version, body, numbers, by, at = rows[0]
    return {
        "version": int(version),
        "body": body,
        "numbers": {k: Decimal(v) for k, v in json.loads(numbers).items()},
        "published_by": by,
        "published_at": at,
    }


def recaps_for_rep(store: Store, rep_id: int, week_start: date) -> list[dict[str, Any]]:
    """The latest published recap of the week of each team the person sits in (their group
    and the teams above it), nearest team first: what their leads published to them."""
    rows = store.rows(
        """
        SELECT c.ancestor_id, t.name FROM reps r
        JOIN team_closure c ON c.team_id = r.team_id
        JOIN teams t ON t.team_id = c.ancestor_id
        WHERE r.rep_id = $rep
        ORDER BY c.depth, c.ancestor_id
        """,
        {"rep": rep_id},
    )
    out = []
    for team_id, name in rows:
        recap = latest_recap(store, int(team_id), week_start)
        if recap is not None:
            out.append({**recap, "team_id": int(team_id), "team": name})
    return out
