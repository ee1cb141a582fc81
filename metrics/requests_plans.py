"""Requests of the Targets and Incentives pages (see metrics.requests).

An incentive request carries the plan file's stamp (path, modification time): the plan is
read from that path, and an edited file has a new stamp, so its results are asked afresh.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from data.store import Store
from metrics import incentive_awards, incentives, target_history, target_scenarios
from metrics.filters import Filters
from metrics.incentive_awards import AwardResult
from metrics.incentive_plan import NO_PLAN, IncentivePlan, load_plan
from metrics.incentives import ContestStanding
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_scenario, reps_in, scenarios_in
from metrics.target_history import TargetBase
from metrics.target_scenarios import ScenarioStatus

PlanStamp = tuple[str, int]
NO_PLAN_STAMP: PlanStamp = ("", 0)  # the stamp of NO_PLAN: no file behind it


def plan_for(stamp: PlanStamp) -> IncentivePlan:
    """The plan a stamp stands for: its file, or NO_PLAN for NO_PLAN_STAMP."""
    return load_plan(Path(stamp[0])) if stamp[0] else NO_PLAN


class TargetHistory(Request):
    """A KPI's history and the baselines a target for [start, end] is proposed from."""

    filters: Filters
    kpi_id: str
    start: date
    end: date

    def run(self, store: Store) -> TargetBase:
        return target_history.target_base(store, self.filters, self.kpi_id, self.start, self.end)


class OfficialTeamTargets(Request):
    """Each team's official target for exactly one KPI and period (base units by team_id)."""

    metric: str
    start: date
    end: date

    def run(self, store: Store) -> pd.Series:
        return target_scenarios.official_team_targets(store, self.metric, self.start, self.end)


class Scenarios(Request):
    """Every saved target scenario in the user's scope (metrics.scope.scenarios_in)."""

    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        frame = target_scenarios.scenarios(store)
        allowed = scenarios_in(store, self.scope)
        if allowed is None:
            return frame
        keys = [
            (str(n), str(m), pd.Timestamp(s).date(), pd.Timestamp(e).date())
            for n, m, s, e in zip(
                frame["name"], frame["metric"], frame["period_start"], frame["period_end"],
                strict=True,
            )
        ]  # fmt: skip
        kept = pd.Series([k in allowed for k in keys], index=frame.index, dtype=bool)
        return frame[kept].reset_index(drop=True)


class ScenarioPeople(Request):
    """A saved scenario's target per person; one outside the user's scope is refused."""

    name: str
    metric: str
    start: date
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.Series:
        check_scenario(store, self.scope, (self.name, self.metric, self.start, self.end))
        return target_scenarios.scenario_people(store, self.name, self.metric, self.start, self.end)


class ScenarioStatusOf(Request):
    """Whether a saved scenario is the official target, in whole or in part; one outside the
    user's scope is refused."""

    name: str
    metric: str
    start: date
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> ScenarioStatus:
        check_scenario(store, self.scope, (self.name, self.metric, self.start, self.end))
        return target_scenarios.scenario_status(store, self.name, self.metric, self.start, self.end)


class OfficialScenarios(Request):
    """The scenarios in the user's scope made official for a KPI and period."""

    metric: str
    start: date
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> list[str]:
        names = target_scenarios.official_scenarios(store, self.metric, self.start, self.end)
        allowed = scenarios_in(store, self.scope)
        if allowed is None:
            return names
        return [n for n in names if (n, self.metric, self.start, self.end) in allowed]


class Leaderboard(Request):
    """Everyone in scope ranked by `choice` under the plan."""

    filters: Filters
    stamp: PlanStamp
    choice: str
    full_end: date

    def needs(self) -> tuple[Request, ...]:
        # The commission column is the Commissions answer the page's ladder fetches too:
        # worked out once for both (1.1 s a month at ten million order lines).
        return (Commissions(filters=self.filters, stamp=self.stamp),)

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (self.needs()[0].run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        plan = plan_for(self.stamp)
        return incentives.leaderboard(
            store, self.filters, plan, self.choice, self.full_end, commissions=needed[0]
        )


class Awards(Request):
    """The period's awards under the plan."""

    filters: Filters
    stamp: PlanStamp

    def run(self, store: Store) -> list[AwardResult]:
        return incentive_awards.awards(store, self.filters, plan_for(self.stamp))


class Commissions(Request):
    """Commission per person per commission period under the plan."""

    filters: Filters
    stamp: PlanStamp

    def run(self, store: Store) -> pd.DataFrame:
        return incentives.rep_commissions(store, self.filters, plan_for(self.stamp))


class RepDirectory(Request):
    """Everyone in the user's scope, whatever the filters, for names and places (a lead's
    team and its groups; a rep, themself)."""

    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        frame = incentives.rep_directory(store)
        allowed = reps_in(store, self.scope)
        if allowed is None:
            return frame
        return frame[frame["rep_id"].isin(sorted(allowed))].reset_index(drop=True)


class GroupStandings(Request):
    """Groups or top-level teams ranked by attainment."""

    filters: Filters
    kpi: str
    level: str
    full_end: date

    def run(self, store: Store) -> pd.DataFrame:
        return incentives.group_standings(store, self.filters, self.kpi, self.level, self.full_end)


class Contests(Request):
    """Every contest in the plan, running ones first."""

    filters: Filters
    stamp: PlanStamp
    as_of: date

    def run(self, store: Store) -> list[ContestStanding]:
        return incentives.contests(store, self.filters, plan_for(self.stamp), self.as_of)
