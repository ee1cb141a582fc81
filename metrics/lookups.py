"""Small reference lists the filters and pages need: teams, reps, the span of the data."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.importing.parsing import EARLIEST_DATE, latest_date
from data.store import Store
from metrics.compiler import scope_params
from metrics.filters import Filters
from metrics.list_queries import query_frame, scoped, where


def teams(store: Store) -> pd.DataFrame:
    """Every team and group, parents before children: team_id, name, parent_id, channel, depth."""
    return store.query(
        """
        SELECT t.team_id, t.name, t.parent_id, t.channel,
               (SELECT max(depth) FROM team_closure c WHERE c.team_id = t.team_id) AS depth,
               r.name AS root_name
        FROM teams t
        JOIN team_roots tr ON tr.team_id = t.team_id
        JOIN teams r ON r.team_id = tr.root_id
        ORDER BY r.name, depth, t.name
        """
    )


def teams_under(teams: pd.DataFrame, team_id: int) -> set[int]:
    """The team and every group below it, from a teams() frame (team_id, parent_id)."""
    below, frontier = {team_id}, {team_id}
    while frontier:
        frontier = set(teams.loc[teams["parent_id"].isin(frontier), "team_id"]) - below
        below |= frontier
    return below


def root_channels(teams: pd.DataFrame) -> dict[int, str]:
    """Each team's channel: its top-level team's, as the KPIs' channel filter reads it."""
    tops = teams[teams["parent_id"].isna()]
    channel_of_root = dict(zip(tops["name"], tops["channel"], strict=True))
    return {
        int(team_id): channel_of_root[root]
        for team_id, root in zip(teams["team_id"], teams["root_name"], strict=True)
    }


def reps(store: Store) -> pd.DataFrame:
    """Every person: rep_id, name, team_id, role, hire_date, leave_date."""
    return store.query(
        "SELECT rep_id, name, team_id, role, hire_date, leave_date FROM reps ORDER BY name"
    )


def placeholder_reps(store: Store) -> frozenset[int]:
    """rep_ids of placeholders: people an import made up from a mapping's default (e.g.
    Superstore's "Unassigned"), never ranked, targeted, reviewed or counted as people."""
    return frozenset(int(r[0]) for r in store.rows("SELECT rep_id FROM placeholder_reps"))


def placeholder_names(store: Store) -> list[str]:
    """The labels (rep_labels: namesakes get "(#id)") of the placeholders, by rep_id."""
    rows = store.rows(
        "SELECT rl.label FROM placeholder_reps p JOIN rep_labels rl ON rl.rep_id = p.rep_id "
        "ORDER BY p.rep_id"
    )
    return [str(r[0]) for r in rows]


# The days data_span looks at: every table's own date of an event.
_DATED_COLUMNS = (
    ("orders", "order_date"),
    ("deals", "created_date"),
    ("deals", "closed_date"),
    ("activities", "activity_date"),
    ("feedback", "feedback_date"),
)


def data_span(store: Store, today: date | None = None) -> tuple[date, date] | None:
    """The first and last day with any order, deal, activity or feedback; None when empty.

    Only days an import accepts count (1900-01-01 to a year after `today`, default the
    real today): a year-0 or 9999-12-31 date written some other way would otherwise become
    the as-of day, and every period computed from it would overflow."""
    latest = latest_date(today or date.today())
    # Each column's own min and max, filtered there: DuckDB then answers the order lines from
    # their row groups' statistics (1-5 ms at 10M lines, against 30-150 ms through a union).
    spans = " UNION ALL ".join(
        f"SELECT min({column}) AS lo, max({column}) AS hi FROM {table}"
        f" WHERE {column} BETWEEN $earliest AND $latest"
        for table, column in _DATED_COLUMNS
    )
    row = store.rows(
        f"SELECT min(lo), max(hi) FROM ({spans}) spans",
        {"earliest": EARLIEST_DATE, "latest": latest},
    )[0]
    if row[0] is None:
        return None
    return row[0], row[1]


def channels(store: Store) -> list[str]:
    """The channels the top-level teams sell through."""
    rows = store.rows("SELECT DISTINCT channel FROM teams WHERE parent_id IS NULL ORDER BY 1")
    return [r[0] for r in rows]


# A customer's owner with the columns scope_conditions reads (team_id, rep_id, channel,
# rep_leave_date), so "owned by someone in scope" uses the same rules as every KPI.
_OWNED = """(
    SELECT c.customer_id, r.team_id, r.rep_id, r.leave_date AS rep_leave_date, t.channel,
           NULL::DATE AS day
    FROM customers c
    JOIN reps r ON r.rep_id = c.owner_rep_id
    JOIN team_roots tr ON tr.team_id = r.team_id
    JOIN teams t ON t.team_id = tr.root_id
) s"""


def _customer_parts(filters: Filters) -> list[str]:
    """The ways a customer is in the filters' scope, each an SQL of customer_id: an order or a
    logged activity in scope on or before filters.end, or an owner in scope."""
    parts = [
        scoped(name, filters, "s.customer_id", *conditions)
        for name, conditions in (
            ("orders", ("s.customer_id IS NOT NULL", "s.day <= $end")),
            ("activities", ("s.customer_id IS NOT NULL", "s.day <= $end")),
        )
    ]
    parts.append(f"SELECT s.customer_id FROM {_OWNED} WHERE {where(filters)}")
    return parts


def customers(store: Store, filters: Filters) -> pd.DataFrame:
    """Every customer in the filters' scope, for a picker: those with an order or a logged
    activity in scope on or before filters.end, and those owned by someone in scope.
    Columns customer_id, customer (the name, with " (#id)" added when two customers share
    it, so a picker never offers two identical entries), owner; by name, then customer_id."""
    union = "\n    UNION\n    ".join(_customer_parts(filters))
    sql = f"""
    WITH scoped AS (
    {union}
    )
    SELECT cu.customer_id,
           CASE WHEN count(*) OVER (PARTITION BY cu.name) > 1
                THEN cu.name || ' (#' || cu.customer_id || ')' ELSE cu.name END AS customer,
           owner.label AS owner
    FROM scoped JOIN customers cu ON cu.customer_id = scoped.customer_id
    LEFT JOIN rep_labels owner ON owner.rep_id = cu.owner_rep_id
    ORDER BY cu.name, cu.customer_id
    """
    return query_frame(store, filters, sql, ["customer_id", "customer", "owner"])


def more_customers_than(store: Store, filters: Filters, count: int) -> bool:
    """Whether customers(store, filters) would list more than `count` customers. Each way of
    being in scope is asked first for `count` + 1 different customers, where the database
    stops reading (7 ms at ten million order lines, against 1.3-1.9 s to list them all): one
    way with more answers; otherwise the few there are are counted together."""
    known = "JOIN customers cu ON cu.customer_id = s.customer_id"
    parts = [f"SELECT s.customer_id FROM ({part}) s {known}" for part in _customer_parts(filters)]
    for part in parts:
        found = f"SELECT DISTINCT customer_id FROM ({part}) p LIMIT {int(count) + 1}"
        sql = f"SELECT count(*) FROM ({found}) f"
        if store.scalar(sql, scope_params(filters, sql)) > count:
            return True
    union = "\n    UNION\n    ".join(parts)
    sql = f"SELECT count(*) FROM ({union}) u"
    return store.scalar(sql, scope_params(filters, sql)) > count
