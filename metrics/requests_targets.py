"""Requests of the Targets page's what-if: the split of a total and what it would cost.

Both are worked out from a TargetHistory's answer (Request.needs), with no query of their own,
and cached like any answer: on the request (the total, the method, every hand edit) and the
versions of what the history reads. The split rounds exact fractions and the commission
prices each person in integer cents, about 0.1 s between them at 2,000 people; a rerun that
changes none of the lead's choices (a click elsewhere on the page) now reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from data.store import Store
from metrics.incentive_plan import CommissionRule
from metrics.requests import Request
from metrics.requests_plans import TargetHistory
from metrics.target_allocation import (
    Allocation,
    Method,
    allocate,
    implications,
    projected_commission,
    weights,
)
from metrics.target_history import TargetBase

# Hand edits as (rep_id, whole base units) pairs in rep_id order: a request's fields are
# compared and keyed exactly, which a dict in session state is not.
Edits = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SplitResult:
    """A split with the lead's edits, the same split without them, and what each implies
    (metrics.target_allocation.implications): unedited is split itself when nothing is edited."""

    split: Allocation
    unedited: Allocation
    implied: pd.DataFrame
    implied_unedited: pd.DataFrame

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
        if not (self.fixed or self.floors or self.caps):
            implied = implications(base.people, split.values)
            return SplitResult(split, split, implied, implied)
        unedited = allocate(self.total, weight)
        return SplitResult(
            split,
            unedited,
            implications(base.people, split.values),
            implications(base.people, unedited.values),
        )


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
