"""Requests of the Reviews page (see metrics.requests). Reads of one person or one review
are the same whatever the filters, so they carry none; they carry the user's scope instead,
and refuse (metrics.scope.OutOfScope) a person or review outside it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data.store import Store
from metrics import reviews
from metrics.filters import Filters
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_rep, check_review


class ReviewHistory(Request):
    """A person's reviews, newest first."""

    rep_id: int
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return reviews.history(store, self.rep_id)


class ReviewById(Request):
    """One review's latest version (None when there is none)."""

    review_id: str
    scope: Scope = ALL

    def run(self, store: Store) -> dict[str, Any] | None:
        check_review(store, self.scope, self.review_id)
        return reviews.review(store, self.review_id)


class ReviewChanges(Request):
    """What changed between a review's versions."""

    review_id: str
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_review(store, self.scope, self.review_id)
        return reviews.changes(store, self.review_id)


class ReviewVersions(Request):
    """A review's versions."""

    review_id: str
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_review(store, self.scope, self.review_id)
        return reviews.versions(store, self.review_id)


class LastReviewItems(Request):
    """The action items of a person's last review before `as_of`."""

    rep_id: int
    as_of: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return reviews.last_review_items(store, self.rep_id, self.as_of)


class ActionItems(Request):
    """The action items of submitted reviews in scope."""

    filters: Filters
    as_of: date

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.action_items(store, self.filters, self.as_of)


class RepActionItems(Request):
    """One person's action items, whatever the filters."""

    rep_id: int
    as_of: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return reviews.action_items(store, None, self.as_of, rep_id=self.rep_id)


class ReviewCoverage(Request):
    """Who has had which review, as of a day."""

    filters: Filters
    as_of: date

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.coverage(store, self.filters, self.as_of)


class StillDue(Request):
    """People in scope still due a review of `kind` for [start, end]."""

    filters: Filters
    kind: str
    start: date
    end: date

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.still_due(store, self.filters, self.kind, self.start, self.end)


class Reviewable(Request):
    """People in scope who owe a review of `kind` for a period ending `end` (done or not)."""

    filters: Filters
    kind: str
    end: date

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.reviewable(store, self.filters, self.kind, self.end)


class PeriodReviews(Request):
    """The reviews of the filters' period and scope."""

    filters: Filters

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.period_reviews(store, self.filters)


class ScoreDistribution(Request):
    """How the period's review scores are spread."""

    filters: Filters

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.score_distribution(store, self.filters)


class ReviewerCalibration(Request):
    """Each reviewer's scores against everyone's."""

    filters: Filters

    def run(self, store: Store) -> pd.DataFrame:
        return reviews.reviewer_calibration(store, self.filters)


class KpiSnapshot(Request):
    """A person's KPIs over [start, end], as kept with a review."""

    rep_id: int
    start: date
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> dict[str, Any]:
        check_rep(store, self.scope, self.rep_id)
        return reviews.kpi_snapshot(store, self.rep_id, self.start, self.end)


class KpiMonths(Request):
    """A person's KPIs per month up to `end`."""

    rep_id: int
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return reviews.kpi_months(store, self.rep_id, self.end)
