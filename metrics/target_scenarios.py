"""Reading targets for target setting: saved scenarios, and the rows a split becomes.

A split is made per person; publishing it also sets each team and group in scope to the sum
of its people, so KPI Trends shows the same targets at every level. Teams above the scope
(and the company, unless the scope is the whole company) keep their own targets.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def official_days(
    store: Store, metric: str, start: date, end: date, rep_ids: tuple[int, ...]
) -> pd.Series:
    """Per person (rep_id): how many days of [start, end] an official target of theirs for
    this KPI covers. A quarter whose official targets so far cover one month has 31 of 90,
    so "official now" is compared with the new target over the same days, not the quarter."""
    if not rep_ids:
        return pd.Series(dtype="int64")
    frame = store.query(
        """
        SELECT x.scope_id AS rep_id, count(DISTINCT g.day) AS days
        FROM targets x, LATERAL (
            SELECT unnest(generate_series(greatest(x.period_start, $start::DATE),
                                          least(x.period_end, $end::DATE), INTERVAL 1 DAY)) AS day
        ) g
        WHERE x.scenario IS NULL AND x.scope = 'rep' AND x.metric = $metric
          AND x.period_end >= $start AND x.period_start <= $end
          AND list_contains($ids, x.scope_id)
        GROUP BY 1
        """,
        {"metric": metric, "start": start, "end": end, "ids": list(rep_ids)},
    )
    return frame.set_index("rep_id")["days"].astype("int64")


# The scenario's rows against the official targets of the same scopes that overlap its period:
# a row "differs" unless the only such official target is the very same one (same period, same
# value). A scenario none of whose rows differ is the official one now.
_DIFFERING = """
    WITH s AS (
        SELECT scope, scope_id, value FROM targets
        WHERE scenario = $name AND metric = $metric AND period_start = $start AND period_end = $end
    ), o AS (
        SELECT scope, scope_id, period_start, period_end, value FROM targets
        WHERE scenario IS NULL AND metric = $metric
          AND period_end >= $start AND period_start <= $end
    )
    SELECT s.scope,
           EXISTS (SELECT 1 FROM o WHERE o.scope = s.scope
                   AND o.scope_id IS NOT DISTINCT FROM s.scope_id) AS overlapped,
           EXISTS (SELECT 1 FROM o WHERE o.scope = s.scope
                   AND o.scope_id IS NOT DISTINCT FROM s.scope_id
                   AND NOT (o.period_start = $start AND o.period_end = $end AND o.value = s.value))
           OR NOT EXISTS (SELECT 1 FROM o WHERE o.scope = s.scope
                   AND o.scope_id IS NOT DISTINCT FROM s.scope_id
                   AND o.period_start = $start AND o.period_end = $end AND o.value = s.value)
               AS differs
    FROM s
"""


@dataclass(frozen=True)
class ScenarioStatus:
    """Where a saved scenario stands against the official targets of its period.

    replaces: its people whose official targets overlapping the period differ from its own
    (publishing would replace them); official: every one of its targets is the official one,
    so it is the official scenario now (publishing it again would change nothing);
    replaces_teams: the same count of its teams, for a scenario with no person target (a
    store team's stock-turnover level)."""

    replaces: int
    official: bool
    replaces_teams: int = 0


def scenario_status(store: Store, name: str, metric: str, start: date, end: date) -> ScenarioStatus:
    """How scenario `name` stands against the official targets (see ScenarioStatus)."""
    rows = store.rows(_DIFFERING, {"name": name, "metric": metric, "start": start, "end": end})
    replaces = sum(
        1 for scope, overlapped, differs in rows if scope == "rep" and overlapped and differs
    )
    official = bool(rows) and not any(differs for _, _, differs in rows)
    teams = 0
    if not any(scope == "rep" for scope, _, _ in rows):
        teams = sum(1 for s, overlapped, differs in rows if s == "team" and overlapped and differs)
    return ScenarioStatus(replaces, official, teams)


def official_team_targets(store: Store, metric: str, start: date, end: date) -> pd.Series:
    """Each team's official target for exactly [start, end] (value in base units by team_id):
    what a store team's level target (stock turnover) stands at now."""
    frame = store.query(
        "SELECT scope_id AS team_id, value FROM targets WHERE scenario IS NULL"
        " AND scope = 'team' AND metric = $metric AND period_start = $start"
        " AND period_end = $end ORDER BY scope_id",
        {"metric": metric, "start": start, "end": end},
    )
    return frame.set_index("team_id")["value"].astype("int64")


def official_scenarios(store: Store, metric: str, start: date, end: date) -> list[str]:
    """The saved scenarios for this KPI and period that are the official targets now."""
    names = store.rows(
        "SELECT DISTINCT scenario FROM targets WHERE scenario IS NOT NULL AND metric = $metric"
        " AND period_start = $start AND period_end = $end ORDER BY 1",
        {"metric": metric, "start": start, "end": end},
    )
    return [n for (n,) in names if scenario_status(store, n, metric, start, end).official]


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
    # Each team's total is its people's and those of every group below it: each person's
    # value is added to their team and to each team above it (one walk up per team, not one
    # scan of everyone per team: a company of 2,000 people has hundreds of groups).
    parent = {int(t): None if pd.isna(p) else int(p)
              for t, p in zip(teams["team_id"], teams["parent_id"], strict=True)}  # fmt: skip
    placed = people_teams.dropna().astype(int)
    own = values.reindex(placed.index).fillna(0).groupby(placed.values).sum()
    totals: dict[int, int] = {}
    for team_id, value in own.items():
        above, seen = int(team_id), set()
        while above is not None and above not in seen:
            seen.add(above)
            totals[above] = totals.get(above, 0) + int(value)
            above = parent.get(above)
    for team_id in sorted(in_scope):
        if team_id not in totals:  # nobody in it or below it
            continue
        rows.append(
            Target(period_start=start, period_end=end, scope="team", scope_id=team_id,
                   metric=metric, value=totals[team_id])
        )  # fmt: skip
    if scope.team_id is None and scope.channel is None:
        rows.append(
            Target(period_start=start, period_end=end, scope="company", metric=metric,
                   value=int(values.sum()))
        )  # fmt: skip
    return rows
