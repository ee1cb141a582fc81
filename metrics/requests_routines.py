"""Requests of the weekly summaries and the suggestion box (see metrics.requests). A person's
week is read within the user's scope (metrics.scope.check_rep refuses anyone outside it)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data.store import Store
from metrics import suggestions, weekly_summaries
from metrics.filters import Filters
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_rep
from metrics.weekly_summaries import WeekNumber


class WeekNumbers(Request):
    """The person's week numbers as of `as_of` (None before the week starts); `filters`
    carries the user's scope."""

    filters: Filters
    rep_id: int
    week_start: date
    as_of: date

    def run(self, store: Store) -> dict[str, WeekNumber] | None:
        check_rep(store, self.filters.scope, self.rep_id)
        return weekly_summaries.week_numbers(
            store, self.filters, self.rep_id, self.week_start, self.as_of
        )


class TeamWeekNumbers(Request):
    """Every person's week numbers in the filters' scope, {rep_id: numbers}."""

    filters: Filters
    week_start: date
    as_of: date

    def run(self, store: Store) -> dict[int, dict[str, WeekNumber]]:
        return weekly_summaries.team_numbers(store, self.filters, self.week_start, self.as_of)


class WeeklySummary(Request):
    """The latest version of the person's summary of the week (None: not written yet)."""

    rep_id: int
    week_start: date
    scope: Scope = ALL

    def run(self, store: Store) -> dict[str, Any] | None:
        check_rep(store, self.scope, self.rep_id)
        return weekly_summaries.summary(store, self.rep_id, self.week_start)


class WeeklyVersions(Request):
    """Every version of the person's summary of the week, newest first."""

    rep_id: int
    week_start: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return weekly_summaries.versions(store, self.rep_id, self.week_start)


class MonthSummaries(Request):
    """The person's weekly summaries of the weeks starting in [start, end] (a month)."""

    rep_id: int
    start: date
    end: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_rep(store, self.scope, self.rep_id)
        return weekly_summaries.month_summaries(store, self.rep_id, self.start, self.end)


class TeamWeek(Request):
    """Who in the filters' scope has submitted the week, with their summaries."""

    filters: Filters
    week_start: date

    def run(self, store: Store) -> pd.DataFrame:
        return weekly_summaries.team_week(store, self.filters, self.week_start)


class LatestRecap(Request):
    """The latest published recap of a team's week (None: none published)."""

    team_id: int
    week_start: date

    def run(self, store: Store) -> dict[str, Any] | None:
        return weekly_summaries.latest_recap(store, self.team_id, self.week_start)


class RecapsForRep(Request):
    """The recaps published for the week to the teams the person sits in."""

    rep_id: int
    week_start: date

    def run(self, store: Store) -> list[dict[str, Any]]:
        return weekly_summaries.recaps_for_rep(store, self.rep_id, self.week_start)


class Suggestions(Request):
    """The suggestions the scope reads, newest first, with their status and answer."""

    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        return suggestions.suggestions(store, self.scope)


class SuggestionBoxes(Request):
    """The teams whose boxes the scope reads (None: every box)."""

    scope: Scope = ALL

    def run(self, store: Store) -> list[int] | None:
        return suggestions.boxes(store, self.scope)


class AdoptedCounts(Request):
    """Adopted suggestions per person (rep_id, rep, adopted): anonymous ones credit no one."""

    def run(self, store: Store) -> pd.DataFrame:
        return suggestions.adopted_counts(store)
