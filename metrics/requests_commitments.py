"""Requests for stand-up commitments (see metrics.requests and metrics.commitments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from data.store import Store
from metrics import commitments
from metrics.filters import Filters
from metrics.requests import Request
from metrics.scope import ALL, Scope


@dataclass(frozen=True)
class StandupCommitmentsData:
    """Today's commitments, and the previous stand-up day's with whether each was done."""

    today: pd.DataFrame
    previous_day: date | None
    previous: pd.DataFrame


class StandupCommitments(Request):
    """The commitments the stand-up of `day` shows, for the filters' people."""

    filters: Filters
    day: date

    def run(self, store: Store) -> StandupCommitmentsData:
        before = commitments.previous_day(store, self.filters, self.day)
        return StandupCommitmentsData(
            today=commitments.on_day(store, self.filters, self.day),
            previous_day=before,
            previous=(
                commitments.on_day(store, self.filters, before)
                if before is not None
                else pd.DataFrame(columns=commitments.COLUMNS)
            ),
        )


class PersonCommitments(Request):
    """One person's commitments recorded or due in a review's period (read-only list)."""

    rep_id: int
    start: date
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        return commitments.of_person(store, self.rep_id, self.start, self.end, self.scope)


class CommitmentChoices(Request):
    """The people, customers and open deals the stand-up's commitment form offers."""

    filters: Filters
    day: date
    limit: int | None = None  # at most this many customers and deals

    def run(self, store: Store) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return commitments.choices(store, self.filters, self.day, self.limit)


class TypedCustomer(Request):
    """The customers the form offers whose name or number is what was typed."""

    filters: Filters
    words: str

    def run(self, store: Store) -> pd.DataFrame:
        return commitments.typed_customer(store, self.filters, self.words)


class TypedDeal(Request):
    """The open deal the form offers whose id is what was typed (none or one)."""

    filters: Filters
    day: date
    words: str

    def run(self, store: Store) -> pd.DataFrame:
        return commitments.typed_deal(store, self.filters, self.day, self.words)
