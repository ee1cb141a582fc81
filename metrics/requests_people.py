"""Requests of the Team and Segments pages (see metrics.requests)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data.store import Store
from data.table_versions import ORDER_HISTORY
from metrics import lookups, segments, segments_screen, team_structure
from metrics.compiler import scope_conditions
from metrics.filters import Filters
from metrics.periods import previous_period
from metrics.requests import Request
from metrics.requests_follow_ups import CompanyRfmScores
from metrics.scope import ALL, Scope, check_customer, check_rep
from metrics.segments_screen import SegmentsData


class TeamPeople(Request):
    """Everyone in scope with their role, team, leader and revenue."""

    filters: Filters

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return team_structure.people(store, self.filters)


class PlaceholderNames(Request):
    """The names of the placeholder people an import made up (e.g. "Unassigned")."""

    def run(self, store: Store) -> list[str]:
        return lookups.placeholder_names(store)


class TeamHeadcount(Request):
    """Headcount by role."""

    filters: Filters

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return team_structure.headcount_by_role(store, self.filters)


class TeamSpan(Request):
    """Each leader's span of control."""

    filters: Filters

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return team_structure.span_of_control(store, self.filters)


class TeamMovements(Request):
    """Joiners and leavers per bucket of `grain`."""

    filters: Filters
    grain: str

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return team_structure.joiners_and_leavers(store, self.filters, self.grain)


class CoverageGaps(Request):
    """Holes in the team structure."""

    filters: Filters

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return team_structure.coverage_gaps(store, self.filters)


class Workload(Request):
    """Each person's load against the median of their role."""

    filters: Filters

    def run(self, store: Store) -> pd.DataFrame:
        return team_structure.workload(store, self.filters)


class PersonCard(Request):
    """One person's card (by rep_id), their KPIs over the filters."""

    filters: Filters
    rep_id: int

    def run(self, store: Store) -> dict[str, Any]:
        check_rep(store, self.filters.scope, self.rep_id)
        return team_structure.person(store, self.rep_id, self.filters)


class SegmentsScreen(Request):
    """Every customer analysis of the Segments page; segments are judged as of `as_of` and as
    of the end of the like-for-like period before (worked out here from the filters)."""

    filters: Filters
    as_of: date

    @property
    def previous_as_of(self) -> date:
        """The last day of the like-for-like period before the filters' period."""
        f = self.filters
        return previous_period(f.start, f.end, f.period_kind)[1]

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def needs(self) -> tuple[Request, ...]:
        # With nothing narrowing the scope, the page's scores are the company's, which the
        # follow-up list ranks its tiers by: worked out once for both.
        if scope_conditions(self.filters):
            return ()
        return (CompanyRfmScores(as_of=self.as_of),)

    def run(self, store: Store) -> SegmentsData:
        return self.run_with(store, ())

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> SegmentsData:
        return segments_screen.segments_data(
            store, self.filters, self.as_of, self.previous_as_of, *needed
        )


class SegmentCustomers(Request):
    """The customers of one RFM segment on the Segments page (SegmentsScreen), biggest spender
    first, with their names and their owner's: only the segment shown is named (naming every
    customer took 0.15 s of the page's first run at 175,000 customers)."""

    filters: Filters
    as_of: date
    segment: str

    def screen(self) -> SegmentsScreen:
        return SegmentsScreen(filters=self.filters, as_of=self.as_of)

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def needs(self) -> tuple[Request, ...]:
        return (self.screen(),)

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (self.screen().run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        (screen,) = needed
        rows = screen.scores.take(screen.by_segment.get(self.segment, []))
        return segments.with_names(store, rows)


class CustomerDetail(Request):
    """One customer's history, whatever the filters; a customer outside the user's scope is
    refused (metrics.scope.check_customer)."""

    customer_id: int
    scope: Scope = ALL

    def run(self, store: Store) -> dict[str, pd.DataFrame]:
        check_customer(store, self.scope, self.customer_id)
        return segments.customer_detail(store, self.customer_id)


class CustomersIn(Request):
    """The customers behind one value of a dimension (or the listed customer ids)."""

    filters: Filters
    dimension: str
    value: str
    customer_ids: tuple[int, ...] = ()

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return segments.customers_in(
            store, self.filters, self.dimension, self.value, self.customer_ids
        )


class CustomerClasses(Request):
    """Each customer in scope with their RFM segment or lifecycle stage at `as_of`."""

    filters: Filters
    dimension: str
    as_of: date

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> tuple[tuple[int, str], ...]:
        return segments.customer_classes(store, self.filters, self.dimension, self.as_of)


class AllCustomers(Request):
    """Every customer in the filters' scope, for a picker."""

    filters: Filters

    def run(self, store: Store) -> pd.DataFrame:
        return lookups.customers(store, self.filters)


class ManyCustomers(Request):
    """Whether more than `count` customers are in the filters' scope (too many for a picker
    to list): asked before AllCustomers, which would find every one of them."""

    filters: Filters
    count: int

    def run(self, store: Store) -> bool:
        return lookups.more_customers_than(store, self.filters, self.count)
