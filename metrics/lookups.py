"""Small reference lists the filters and pages need: teams, reps, the span of the data."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.store import Store


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


def data_span(store: Store) -> tuple[date, date] | None:
    """The first and last day with any order, deal, activity or feedback; None when empty."""
    row = store.rows(
        """
        SELECT min(d), max(d) FROM (
            SELECT order_date AS d FROM orders
            UNION ALL SELECT created_date FROM deals
            UNION ALL SELECT closed_date FROM deals
            UNION ALL SELECT activity_date FROM activities
            UNION ALL SELECT feedback_date FROM feedback
        ) WHERE d IS NOT NULL
        """
    )[0]
    if row[0] is None:
        return None
    return row[0], row[1]


def channels(store: Store) -> list[str]:
    """The channels the top-level teams sell through."""
    rows = store.rows("SELECT DISTINCT channel FROM teams WHERE parent_id IS NULL ORDER BY 1")
    return [r[0] for r in rows]
