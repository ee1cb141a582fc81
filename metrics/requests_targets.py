"""Requests of the Targets page's what-if: the split of a total, what it would cost, and the
rows it is downloaded as.

All three are worked out from a TargetHistory's answer (Request.needs) with no query of
their own (the download also reads the cached Teams), and cached like any answer: on the
request (the total, the method, every hand edit) and the versions of what the history reads.
The split rounds exact fractions and the commission prices each person in integer cents,
about 0.1 s between them at 2,000 people; a rerun that changes none of the lead's choices (a
click elsewhere on the page) now reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from data.store import Store
from metrics.incentive_plan import CommissionRule
from metrics.requests import Request, Teams
from metrics.requests_plans import TargetHistory
from metrics.target_allocation import (
    Allocation,
    Method,
    allocate,
    implications,
    projected_commission,
    same_days_as_official,
    totals_by_group,
    weights,
)
from metrics.target_history import TargetBase
from metrics.target_scenarios import target_rows

# Hand edits as (rep_id, whole base units) pairs in rep_id order: a request's fields are
# compared and keyed exactly, which a dict in session state is not.
Edits = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SplitResult:
    """A split with the lead's edits, the same split without them, and what each implies
    (metrics.target_allocation.implications): unedited is split itself when nothing is edited.
    same_days: each new target over the days its official one covers (like for like);
    groups: the split summed by group (metrics.target_allocation.totals_by_group)."""

    split: Allocation
    unedited: Allocation
    implied: pd.DataFrame
    implied_unedited: pd.DataFrame
    same_days: pd.Series
    groups: pd.DataFrame

    @property
    def edited(self) -> bool:
        """Whether the edits give other values than the split without them."""
        return not self.unedited.values.equals(self.split.values)


class TargetSplit(Request):
    """`total` split between the history's people by `method`, keeping the hand-set targets
    (fixed) and each person's floor and cap (metrics.target_allocation.allocate)."""

    history: TargetHistory
    total: int
    method: Method
    months: int
    fixed: Edits = ()
    floors: Edits = ()
    caps: Edits = ()

    def needs(self) -> tuple[Request, ...]:
        return (self.history,)

    def run(self, store: Store) -> SplitResult:
        return self.run_with(store, (self.history.run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> SplitResult:
        del store
        base: TargetBase = needed[0]
        weight = weights(base.people, self.method, base.period_days, self.months)
        split = allocate(
            self.total,
            weight,
            floors=dict(self.floors),
            caps=dict(self.caps),
            fixed=dict(self.fixed),
        )
        same_days = same_days_as_official(base.people, base.period_days, split.values)
        implied = implications(base.people, split.values)
        groups = totals_by_group(base.people, implied, same_days)
        if not (self.fixed or self.floors or self.caps):
            return SplitResult(split, split, implied, implied, same_days, groups)
        unedited = allocate(self.total, weight)
        implied_unedited = implications(base.people, unedited.values)
        return SplitResult(split, unedited, implied, implied_unedited, same_days, groups)


@dataclass(frozen=True)
class SplitCost:
    """What a split would cost in commission, in cents, and, when edits change the split,
    what the same split without them would cost (None otherwise)."""

    cents: int
    unedited_cents: int | None


class SplitCommission(Request):
    """The commission a split would cost if everyone landed on their projection
    (metrics.target_allocation.projected_commission), under `rule`, over `months` months."""

    split: TargetSplit
    rule: CommissionRule
    months: int

    def needs(self) -> tuple[Request, ...]:
        return (self.split, self.split.history)

    def run(self, store: Store) -> SplitCost:
        return self.run_with(store, (self.split.run(store), self.split.history.run(store)))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> SplitCost:
        del store
        result: SplitResult = needed[0]
        roles = needed[1].people["role"]
        cents = projected_commission(result.implied, roles, self.rule, self.months)
        if not result.edited:
            return SplitCost(cents, None)
        before = projected_commission(result.implied_unedited, roles, self.rule, self.months)
        return SplitCost(cents, before)


# The download's columns: the layout data.targets.read_target_file reads back (with a name).
EXPORT_COLUMNS = ("period_start", "period_end", "metric", "scope", "scope_id", "name", "value")


class SplitExport(Request):
    """The rows a split is downloaded as (metrics.target_scenarios.target_rows: one per person,
    team or group in scope, and the company), each with its name: the person's or the team's,
    blank for the company row (the page words it in the reader's language). value: base units."""

    split: TargetSplit

    def needs(self) -> tuple[Request, ...]:
        return (self.split, self.split.history, Teams())

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, tuple(part.run(store) for part in self.needs()))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        del store
        result, base, teams = needed
        history = self.split.history
        people = base.people
        rows = target_rows(
            result.split.values,
            people["team_id"],
            teams,
            history.filters,
            history.kpi_id,
            history.start,
            history.end,
        )
        names = {("rep", int(r)): n for r, n in people["name"].items()}
        names |= {("team", int(i)): n for i, n in zip(teams["team_id"], teams["name"], strict=True)}
        return pd.DataFrame(
            {
                "period_start": [row.period_start for row in rows],
                "period_end": [row.period_end for row in rows],
                "metric": [row.metric for row in rows],
                "scope": [row.scope for row in rows],
                # Whole numbers, blank for the company row: 14, not 14.0, in the file.
                "scope_id": pd.array([row.scope_id for row in rows], dtype="Int64"),
                "name": [names.get((row.scope, row.scope_id)) for row in rows],
                "value": [row.value for row in rows],
            },
            columns=list(EXPORT_COLUMNS),
        )
