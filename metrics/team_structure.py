"""Who is on the team and how the work is spread: the people list, headcount, spans of
control, joiners and leavers, coverage gaps and workload.

People are in scope when they sit in filters.team_id or a group below it (everyone when it
is None), their top-level team's channel is filters.channel (when set) and they are
filters.rep_id (when set). A person is active at day D when hire_date <= D and (leave_date is
blank or leave_date > D): the leave date is their first day away. Values the user chose are
always $parameters. Revenue comes from the KPI layer (service.breakdown by rep), so it is the
same figure as everywhere else in the app. Money is in currency units.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data.store import Store
from metrics import service
from metrics.compiler import user_scope_conditions
from metrics.filters import Filters
from metrics.list_queries import (
    query_frame as _frame,
)
from metrics.model import GRAINS

# Maximum direct reports before a leader's span counts as too wide to coach well.
MAX_DIRECT_REPORTS = 8
# Workload: a seller carrying more than this multiple of their team's median is overloaded...
OVERLOAD = 1.5
# ...and one carrying less than this multiple has room for more.
ROOM = 0.5
# The load is rounded to this many decimals before it is compared, so float noise in a mean
# of ratios cannot push an exact 1.5 over the line.
LOAD_DECIMALS = 6
# Roles shown first in the people list, in this order; the rest follow alphabetically.
ROLE_ORDER = ("sales_manager", "group_leader", "deputy_leader")
# Roles that carry customers, deals and a revenue number (the workload table).
SELLER_ROLES = ("sales_rep", "account_manager", "group_leader", "deputy_leader")
# Roles that cover customer service in a team.
CUSTOMER_SERVICE_ROLE = "customer_service"
# The KPIs on a person's card.
PERSON_KPIS = ("revenue", "orders", "won_deals", "win_rate", "activities", "new_customers")

PEOPLE_COLUMNS = [
    "rep_id", "rep", "role", "team", "group", "leader", "hire_date", "leave_date", "active",
    "tenure_months", "revenue",
]  # fmt: skip
HEADCOUNT_COLUMNS = ["team", "role", "headcount"]
SPAN_COLUMNS = ["leader", "role", "team", "direct_reports"]
FLOW_COLUMNS = ["bucket", "joiners", "leavers", "headcount"]
GAP_COLUMNS = ["kind", "team", "person", "detail"]
WORKLOAD_COLUMNS = [
    "rep_id", "rep", "team", "group", "customers", "open_deals", "activities_per_week",
    "revenue", "load", "flag",
]  # fmt: skip

# Every person with their top-level team (team), own team (grp), channel and leader: the
# leader of their group, or for the group's leader the leader of the parent team. People are
# named by their rep_labels label (the name, with "(#id)" added when two share it), so two
# people with one name stay two on every list, chart and picker.
_PEOPLE = """(
    SELECT r.rep_id, rl.label AS rep, r.role, r.team_id, r.hire_date, r.leave_date,
           t.team_id AS root_id, t.name AS team, g.name AS grp, t.channel,
           CASE WHEN g.leader_rep_id = r.rep_id THEN pll.label ELSE gll.label END AS leader
    FROM reps r
    JOIN rep_labels rl ON rl.rep_id = r.rep_id
    JOIN teams g ON g.team_id = r.team_id
    JOIN team_roots tr ON tr.team_id = r.team_id
    JOIN teams t ON t.team_id = tr.root_id
    LEFT JOIN rep_labels gll ON gll.rep_id = g.leader_rep_id
    LEFT JOIN teams pt ON pt.team_id = g.parent_id
    LEFT JOIN rep_labels pll ON pll.rep_id = pt.leader_rep_id
    -- A placeholder an import made up (Superstore's "Unassigned") is no person: its sales
    -- count in the totals, but it is not listed, counted, reviewed or given a workload.
    WHERE r.rep_id NOT IN (SELECT rep_id FROM placeholder_reps)
) p"""

# Every team and group with its top-level team's name and channel.
_TEAMS = """(
    SELECT g.team_id, g.name, g.parent_id, g.leader_rep_id, t.name AS team, t.channel
    FROM teams g
    JOIN team_roots tr ON tr.team_id = g.team_id
    JOIN teams t ON t.team_id = tr.root_id
) g"""


def _active(alias: str, day: str = "$end") -> str:
    """SQL: the person `alias` is active on `day`."""
    return f"({alias}.hire_date <= {day} AND ({alias}.leave_date IS NULL OR {alias}.leave_date > {day}))"  # noqa: E501


def _people_scope(filters: Filters, alias: str = "p", *, rep: bool = True) -> list[str]:
    """SQL conditions putting a person (alias `alias`, from _PEOPLE) in the filters' scope."""
    conditions = []
    if filters.team_id is not None:
        conditions.append(
            f"{alias}.team_id IN (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id)"
        )
    if filters.channel is not None:
        conditions.append(f"{alias}.channel = $channel")
    if rep and filters.rep_id is not None:
        conditions.append(f"{alias}.rep_id = $rep_id")
    return conditions + user_scope_conditions(filters.scope, alias, rep=rep)


def _team_scope(filters: Filters) -> list[str]:
    """SQL conditions putting a team or group (alias g, from _TEAMS) in the filters' scope."""
    return _people_scope(filters, "g", rep=False)


def _where(*conditions: str) -> str:
    return "\n      AND ".join(conditions) or "true"


def months_between(first: date, last: date) -> int:
    """Whole months from `first` to `last` (0 when `last` is before a month has passed)."""
    months = (last.year - first.year) * 12 + last.month - first.month
    if last.day < first.day:
        months -= 1
    return max(months, 0)


def _tenure(hire_date: date, leave_date: date | None, end: date) -> int:
    until = min(leave_date, end) if leave_date is not None else end
    return months_between(hire_date, until)


def _revenue_by_rep(store: Store, filters: Filters) -> dict[int, float]:
    """The revenue KPI per rep_id over the filters' period (by id: names can repeat)."""
    frame = service.breakdown(store, ("revenue",), filters, "rep_id")
    return {
        int(rep_id): float(value)
        for rep_id, value in zip(frame["rep_id"], frame["revenue"], strict=True)
        if not pd.isna(rep_id) and not pd.isna(value)
    }


def _role_rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def people(store: Store, filters: Filters) -> pd.DataFrame:
    """Everyone in scope who was active at any time in [start, end] (hired on or before end,
    not left by start). With hide_leavers, those whose leave_date is on or before end are left
    out.

    rep: the person's label (their name, with "(#id)" added when someone else shares it);
    team: top-level team name; group: the person's own team (the team itself for people in a
    top-level team); leader: the leader of their group, or for the group's own leader the
    leader of the parent team; active: active at end; tenure_months: whole months from
    hire_date to the earlier of leave_date and end; revenue: the revenue KPI over the period
    (0 when none), joined on rep_id. Sorted by team, group, role (sales_manager,
    group_leader, deputy_leader, then the rest alphabetically), rep.
    """
    conditions = [
        "p.hire_date <= $end",
        "(p.leave_date IS NULL OR p.leave_date > $start)",
        *_people_scope(filters),
    ]
    if filters.hide_leavers:
        conditions.append("(p.leave_date IS NULL OR p.leave_date > $end)")
    sql = f"""
    SELECT p.rep_id, p.rep, p.role, p.team, p.grp AS "group", p.leader, p.hire_date,
           p.leave_date, {_active("p")} AS active
    FROM {_PEOPLE}
    WHERE {_where(*conditions)}
    """
    base = ["rep_id", "rep", "role", "team", "group", "leader", "hire_date", "leave_date"]
    frame = _frame(store, filters, sql, [*base, "active"], ("hire_date", "leave_date"))
    if frame.empty:
        return pd.DataFrame(columns=PEOPLE_COLUMNS)
    frame["active"] = frame["active"].astype(bool)
    frame["tenure_months"] = [
        _tenure(hire, leave, filters.end)
        for hire, leave in zip(frame["hire_date"], frame["leave_date"], strict=True)
    ]
    revenue = _revenue_by_rep(store, filters)
    frame["revenue"] = [revenue.get(int(rep_id), 0.0) for rep_id in frame["rep_id"]]
    frame["_rank"] = [_role_rank(role) for role in frame["role"]]
    frame = frame.sort_values(["team", "group", "_rank", "role", "rep"], kind="stable")
    return frame[PEOPLE_COLUMNS].reset_index(drop=True)


def headcount_by_role(store: Store, filters: Filters) -> pd.DataFrame:
    """People in scope active at end, counted by top-level team and role; sorted by team, role."""
    sql = f"""
    SELECT p.team, p.role, count(*) AS headcount
    FROM {_PEOPLE}
    WHERE {_where(_active("p"), *_people_scope(filters))}
    GROUP BY p.team, p.role
    ORDER BY p.team, p.role
    """
    frame = _frame(store, filters, sql, HEADCOUNT_COLUMNS)
    frame["headcount"] = frame["headcount"].astype(int)
    return frame


def _spans(store: Store, filters: Filters) -> pd.DataFrame:
    """Each team or group in scope whose leader (in scope) is active at end: leader, role, the
    team or group led (team), its top-level team (root) and the number of direct reports."""
    sql = f"""
    WITH ppl AS (
        SELECT p.* FROM {_PEOPLE} WHERE {_active("p")}
    ), led AS (
        SELECT g.team_id, g.name, g.team AS root, g.leader_rep_id
        FROM {_TEAMS}
        JOIN ppl l ON l.rep_id = g.leader_rep_id
        WHERE {_where(*_team_scope(filters), *_people_scope(filters, "l"))}
    ), reports AS (
        SELECT d.team_id, p.rep_id FROM led d JOIN ppl p ON p.team_id = d.team_id
        UNION
        SELECT d.team_id, child.leader_rep_id
        FROM led d
        JOIN teams child ON child.parent_id = d.team_id
        JOIN ppl p ON p.rep_id = child.leader_rep_id
    )
    SELECT l.rep AS leader, l.role, d.name AS team, d.root,
           count(r.rep_id) FILTER (WHERE r.rep_id <> d.leader_rep_id) AS direct_reports
    FROM led d
    JOIN ppl l ON l.rep_id = d.leader_rep_id
    LEFT JOIN reports r ON r.team_id = d.team_id
    GROUP BY l.rep, l.role, d.name, d.root
    ORDER BY direct_reports DESC, leader, team
    """
    frame = _frame(store, filters, sql, [*SPAN_COLUMNS, "root"])
    frame["direct_reports"] = frame["direct_reports"].astype(int)
    return frame


def span_of_control(store: Store, filters: Filters) -> pd.DataFrame:
    """For each team or group in scope whose leader_rep_id is active at end (and in scope):
    leader, their role, team (the team or group they lead) and direct_reports = people active
    at end sitting in that team or group (not the leader) plus the active leaders of its direct
    child groups. Sorted by direct_reports descending, then leader."""
    return _spans(store, filters)[SPAN_COLUMNS]


def joiners_and_leavers(store: Store, filters: Filters, grain: str) -> pd.DataFrame:
    """Per date_trunc(grain) bucket over [start, end], every bucket present: joiners = people in
    scope hired in the bucket, leavers = people in scope whose leave_date falls in the bucket
    (both counted within [start, end] only), headcount = people in scope active on the
    bucket's last day (or on end, for the last bucket). hide_leavers does not apply: leaving
    is what this counts."""
    if grain not in GRAINS:
        raise ValueError(f"Unknown grain '{grain}'. Known: {', '.join(GRAINS)}")
    step = f"INTERVAL 1 {grain.upper()}"
    sql = f"""
    WITH buckets AS (
        SELECT CAST(b AS DATE) AS bucket,
               least(CAST(b + {step} - INTERVAL 1 DAY AS DATE), $end) AS last_day,
               greatest(CAST(b AS DATE), $start) AS first_day
        FROM generate_series(
            date_trunc('{grain}', $start::DATE), date_trunc('{grain}', $end::DATE), {step}
        ) AS s(b)
    ), ppl AS (
        SELECT p.* FROM {_PEOPLE} WHERE {_where(*_people_scope(filters))}
    )
    SELECT b.bucket,
           (SELECT count(*) FROM ppl p
            WHERE p.hire_date BETWEEN b.first_day AND b.last_day) AS joiners,
           (SELECT count(*) FROM ppl p
            WHERE p.leave_date BETWEEN b.first_day AND b.last_day) AS leavers,
           (SELECT count(*) FROM ppl p WHERE {_active("p", "b.last_day")}) AS headcount
    FROM buckets b
    ORDER BY b.bucket
    """
    frame = _frame(store, filters, sql, FLOW_COLUMNS, ("bucket",))
    for column in ("joiners", "leavers", "headcount"):
        frame[column] = frame[column].astype(int)
    return frame


def coverage_gaps(
    store: Store, filters: Filters, *, max_direct_reports: int = MAX_DIRECT_REPORTS
) -> pd.DataFrame:
    """Holes in the structure, as rows of kind, team (top-level team name), person, detail:

    - no_leader: a team or group in scope with no leader_rep_id, or whose leader is not active
      at end; person = that leader (None when there is none), detail = the team or group name.
    - no_customer_service: a top-level team in scope with no customer_service person active at
      end in it or its groups; person None, detail ''.
    - wide_span: a leader with more than `max_direct_reports` direct reports (as in
      span_of_control); person = the leader, detail = the count (as text).
    - leaver_owns_customers: a person in scope with a leave_date on or before end who still
      owns customers; detail = the number of customers (as text).

    rep_id narrows only the person kinds. Sorted by kind, team, person, detail.
    """
    # A team whose only people are placeholders (Superstore's "All sales", holding just
    # "Unassigned") has no one to lead or serve: no gap is reported for it.
    only_placeholders = """(
          EXISTS (SELECT 1 FROM reps r JOIN team_closure c ON c.team_id = r.team_id
                  WHERE c.ancestor_id = g.team_id)
          AND NOT EXISTS (SELECT 1 FROM ppl p JOIN team_closure c ON c.team_id = p.team_id
                          WHERE c.ancestor_id = g.team_id))"""
    team_sql = f"""
    WITH ppl AS (SELECT p.* FROM {_PEOPLE})
    SELECT 'no_leader' AS kind, g.team, l.rep AS person, g.name AS detail
    FROM {_TEAMS}
    LEFT JOIN ppl l ON l.rep_id = g.leader_rep_id
    WHERE {_where(*_team_scope(filters))}
      AND (l.rep_id IS NULL OR NOT {_active("l")})
      AND NOT {only_placeholders}
    UNION ALL
    SELECT 'no_customer_service', g.team, NULL, ''
    FROM {_TEAMS}
    WHERE {_where(*_team_scope(filters))}
      AND g.parent_id IS NULL
      AND NOT {only_placeholders}
      AND NOT EXISTS (
          SELECT 1 FROM ppl p
          WHERE p.root_id = g.team_id AND p.role = $cs_role AND {_active("p")}
      )
    UNION ALL
    SELECT 'leaver_owns_customers', p.team, p.rep, CAST(count(*) AS VARCHAR)
    FROM {_PEOPLE}
    JOIN customers c ON c.owner_rep_id = p.rep_id
    WHERE {_where("p.leave_date <= $end", *_people_scope(filters))}
    GROUP BY p.rep_id, p.team, p.rep
    """
    gaps = _frame(store, filters, team_sql, GAP_COLUMNS, cs_role=CUSTOMER_SERVICE_ROLE)
    spans = _spans(store, filters)
    wide = spans[spans["direct_reports"] > max_direct_reports]
    wide_rows = pd.DataFrame(
        {
            "kind": "wide_span",
            "team": wide["root"],
            "person": wide["leader"],
            "detail": [str(n) for n in wide["direct_reports"]],
        },
        columns=GAP_COLUMNS,
    )
    frames = [frame for frame in (gaps, wide_rows) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=GAP_COLUMNS)
    out = pd.concat(frames, ignore_index=True).astype(object)
    out = out.where(out.notna(), None)
    out["_person"] = out["person"].fillna("")
    out = out.sort_values(["kind", "team", "_person", "detail"], kind="stable")
    return out[GAP_COLUMNS].reset_index(drop=True)


def _loads(frame: pd.DataFrame) -> list[float | None]:
    """Each seller's load: the mean of value / median over the measures whose median among
    the sellers of their top-level team is above 0; None when no median is. Worked out a
    measure at a time over every seller (a row at a time took a quarter of a second at 2,000
    sellers), adding the ratios in the measures' order, as a sum row by row would, and
    rounded by Python's round, which the flags' edges are compared after."""
    teams = frame.groupby("team", sort=False, dropna=False)
    total = pd.Series(0.0, index=frame.index)
    counted = pd.Series(0, index=frame.index)
    for measure in _MEASURES:
        median = teams[measure].transform("median").astype("float64")
        counts = median > 0
        ratio = frame[measure].astype("float64") / median.where(counts)
        total = total + ratio.where(counts, 0.0)
        counted = counted + counts.astype(int)
    return [
        None if n == 0 else round(float(t) / int(n), LOAD_DECIMALS)
        for t, n in zip(total, counted, strict=True)
    ]


def _flag(load: float | None) -> str:
    if load is None:
        return ""
    if load > OVERLOAD:
        return "overloaded"
    if load < ROOM:
        return "has_room"
    return ""


_MEASURES = ("customers", "open_deals", "activities_per_week", "revenue")


def workload(store: Store, filters: Filters) -> pd.DataFrame:
    """Sellers (sales_rep, account_manager, group_leader, deputy_leader) in scope active at end:
    customers they own, their deals open at end (created on or before end and not closed by
    it), activities_per_week = their activities in [start, end] / (days in period / 7) rounded
    to 1 decimal, and the revenue KPI over the period.

    load = the mean, over the measures whose median among the sellers of the same top-level
    team is above 0, of value / median (blank when there is none); flag = 'overloaded' when
    load > OVERLOAD, 'has_room' when load < ROOM, else ''. Sorted by load descending (blank
    last), then rep.
    """
    sql = f"""
    SELECT p.rep_id, p.rep, p.team, p.grp AS "group",
           (SELECT count(*) FROM customers c WHERE c.owner_rep_id = p.rep_id) AS customers,
           (SELECT count(*) FROM deals d
            WHERE d.rep_id = p.rep_id AND d.created_date <= $end
              AND (d.closed_date IS NULL OR d.closed_date > $end)) AS open_deals,
           (SELECT count(*) FROM activities a
            WHERE a.rep_id = p.rep_id AND a.activity_date BETWEEN $start AND $end) AS activities
    FROM {_PEOPLE}
    WHERE {_where(_active("p"), "list_contains($sellers, p.role)", *_people_scope(filters))}
    """
    base = ["rep_id", "rep", "team", "group", "customers", "open_deals", "activities"]
    frame = _frame(store, filters, sql, base, sellers=list(SELLER_ROLES))
    if frame.empty:
        return pd.DataFrame(columns=WORKLOAD_COLUMNS)
    weeks = ((filters.end - filters.start).days + 1) / 7
    frame["customers"] = frame["customers"].astype(int)
    frame["open_deals"] = frame["open_deals"].astype(int)
    frame["activities_per_week"] = [round(n / weeks, 1) for n in frame["activities"]]
    revenue = _revenue_by_rep(store, filters)
    frame["revenue"] = [revenue.get(int(rep_id), 0.0) for rep_id in frame["rep_id"]]
    loads = _loads(frame)
    frame["load"] = pd.Series(loads, index=frame.index, dtype=object)
    frame["flag"] = [_flag(load) for load in loads]
    frame["_load"] = [float("-inf") if v is None else v for v in loads]
    frame = frame.sort_values(["_load", "rep"], ascending=[False, True], kind="stable")
    frame["load"] = [None if v is None else float(v) for v in frame["load"]]
    return frame[WORKLOAD_COLUMNS].reset_index(drop=True)


def person(store: Store, rep_id: int, filters: Filters) -> dict[str, Any]:
    """One person's card: name, role, team (top-level), group, leader (as in people),
    hire_date, leave_date, tenure_months (to the earlier of leave_date and end), customers
    they own, open_deals and open_pipeline (the amount of their deals open at end, in currency
    units) and `kpis`: service.values of PERSON_KPIS over the filters with rep_id set, targets
    included. The person is looked up whatever the filters' scope; raises KeyError for an
    unknown rep_id."""
    sql = f"""
    SELECT p.rep AS name, p.role, p.team, p.grp AS "group", p.leader, p.hire_date,
           p.leave_date,
           (SELECT count(*) FROM customers c WHERE c.owner_rep_id = p.rep_id) AS customers,
           (SELECT count(*) FROM deals d
            WHERE d.rep_id = p.rep_id AND d.created_date <= $end
              AND (d.closed_date IS NULL OR d.closed_date > $end)) AS open_deals,
           (SELECT coalesce(sum(d.amount_cents), 0) FROM deals d
            WHERE d.rep_id = p.rep_id AND d.created_date <= $end
              AND (d.closed_date IS NULL OR d.closed_date > $end)) AS open_cents
    FROM {_PEOPLE}
    WHERE p.rep_id = $person
    """
    columns = [
        "name", "role", "team", "group", "leader", "hire_date", "leave_date", "customers",
        "open_deals", "open_cents",
    ]  # fmt: skip
    frame = _frame(store, filters, sql, columns, ("hire_date", "leave_date"), person=rep_id)
    if frame.empty:
        raise KeyError(f"There is no person with rep_id {rep_id}.")
    row = frame.iloc[0]
    card: dict[str, Any] = {c: row[c] for c in columns[:7]}
    card["tenure_months"] = _tenure(row["hire_date"], row["leave_date"], filters.end)
    card["customers"] = int(row["customers"])
    card["open_deals"] = int(row["open_deals"])
    card["open_pipeline"] = int(row["open_cents"]) / 100
    scoped = filters.model_copy(update={"rep_id": rep_id})
    card["kpis"] = service.values(store, PERSON_KPIS, scoped, with_targets=True)
    return card


__all__ = [
    "MAX_DIRECT_REPORTS",
    "OVERLOAD",
    "ROOM",
    "coverage_gaps",
    "headcount_by_role",
    "joiners_and_leavers",
    "people",
    "person",
    "span_of_control",
    "workload",
]
