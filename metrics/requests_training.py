"""Requests of the Training page, the Team page's role duties and the review form's training
items (see metrics.requests). Reads of one person carry the user's scope and refuse
(metrics.scope.OutOfScope) a person outside it; role duties are the company's, the same for
everyone, so they carry nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data.store import Store
from metrics import training
from metrics.filters import Filters
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_rep


class TrainingItems(Request):
    """Training items of the people in the filters' scope, as of a day."""

    filters: Filters
    as_of: date

    def run(self, store: Store) -> pd.DataFrame:
        return training.items(store, self.filters, self.as_of)


class TrainingRates(Request):
    """Completion per team and group of the items TrainingItems gives for the same scope and
    day (training.completion): worked out once per answer, not on every rerun."""

    filters: Filters
    as_of: date

    def needs(self) -> tuple[Request, ...]:
        return (TrainingItems(filters=self.filters, as_of=self.as_of),)

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (self.needs()[0].run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        return training.completion(needed[0])


class RepTraining(Request):
    """One person's training items, as of a day."""

    rep_id: int
    as_of: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return training.rep_items(store, self.rep_id, self.as_of)


class RoleDuties(Request):
    """Each role's latest duties."""

    def run(self, store: Store) -> pd.DataFrame:
        return training.duties(store)


class RoleDutyVersions(Request):
    """Every version of one role's duties, newest first."""

    role: str

    def run(self, store: Store) -> pd.DataFrame:
        return training.duty_versions(store, self.role)
