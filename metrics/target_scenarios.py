"""Reading targets for target setting: saved scenarios, and the rows a split becomes.

A split is made per person; publishing it also sets each team and group in scope to the sum
of its people, so KPI Trends shows the same targets at every level. Teams above the scope
(and the company, unless the scope is the whole company) keep their own targets.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.models import Target
from data.store import Store
from metrics.filters import Filters
from metrics.lookups import teams_under


def scenarios(store: Store) -> pd.DataFrame:
    """Every saved scenario: name, metric, period_start, period_end, people, total (the sum
    of its person targets, base units)."""
    return store.query(
        """
        SELECT scenario AS name, metric, period_start, period_end,
               count(*) FILTER (WHERE scope = 'rep') AS people,
               coalesce(sum(value) FILTER (WHERE scope = 'rep'), 0) AS total
        FROM targets WHERE scenario IS NOT NULL
        GROUP BY ALL ORDER BY period_start DESC, metric, name
        """
    )


def scenario_people(store: Store, name: str, metric: str, start: date, end: date) -> pd.Series:
    """A scenario's person targets: value (base units) by rep_id."""
    frame = store.query(
        "SELECT scope_id AS rep_id, value FROM targets WHERE scenario = $name"
        " AND metric = $metric AND period_start = $start AND period_end = $end"
        " AND scope = 'rep' ORDER BY scope_id",
        {"name": name, "metric": metric, "start": start, "end": end},
    )
    return frame.set_index("rep_id")["value"].astype("int64")


def official_overlap(
    store: Store, metric: str, start: date, end: date, rep_ids: tuple[int, ...]
) -> int:
    """How many official targets of these people (for this KPI) overlap the period."""
    if not rep_ids:
        return 0
    row = store.rows(
        "SELECT count(*) FROM targets WHERE scenario IS NULL AND metric = $metric"
        " AND period_end >= $start AND period_start <= $end AND scope = 'rep'"
        " AND list_contains($ids, scope_id)",
        {"metric": metric, "start": start, "end": end, "ids": list(rep_ids)},
    )
    return int(row[0][0])


def target_rows(
    values: pd.Series,
    people_teams: pd.Series,
    teams: pd.DataFrame,
    scope: Filters,
    metric: str,
    start: date,
    end: date,
) -> list[Target]:
    """The rows a per-person split becomes: one per person, one per team or group in scope
    (the sum of the people in and below it) and, for the whole company, one company row.

    values: base units by rep_id; people_teams: each person's team_id; teams: team_id,
    parent_id (lookups.teams)."""
    rows = [
        Target(period_start=start, period_end=end, scope="rep", scope_id=int(rep_id),
               metric=metric, value=int(value))
        for rep_id, value in values.items()
    ]  # fmt: skip
    in_scope = (
        teams_under(teams, scope.team_id)
        if scope.team_id is not None
        else set(teams["team_id"].astype(int))
    )
    for team_id in sorted(in_scope):
        under = teams_under(teams, team_id)
        members = people_teams[people_teams.isin(under)].index
        if len(members) == 0:
            continue
        total = int(values.reindex(members).fillna(0).sum())
        rows.append(
            Target(period_start=start, period_end=end, scope="team", scope_id=team_id,
                   metric=metric, value=total)
        )  # fmt: skip
    if scope.team_id is None and scope.channel is None:
        rows.append(
            Target(period_start=start, period_end=end, scope="company", metric=metric,
                   value=int(values.sum()))
        )  # fmt: skip
    return rows
