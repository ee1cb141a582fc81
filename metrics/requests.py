"""One typed read path: every number a page shows is asked for as a frozen Request.

A request is a pydantic model whose fields are everything its answer depends on, and nothing
else (a request whose answer does not depend on the filters carries none, so the cache is not
split for nothing); `run(store)` answers it. components.cache.fetch caches the answer on the
request's type and field values and the versions of what it reads (the data version, or
the tables it names: Request.reads, data.table_versions).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from typing import Any, Self

import pandas as pd
from pydantic import BaseModel, ConfigDict

from data import company_kind, settings
from data.importing import company
from data.store import Store
from data.table_versions import ORDER_HISTORY
from metrics import lookups, service, standup_screen
from metrics.compiler import MetricRequest, base_sources
from metrics.filters import Filters
from metrics.model import Grain
from metrics.periods import Comparison, compare_period
from metrics.standup_screen import StandupContacts, StandupData


class Request(BaseModel, ABC):
    """A question a page asks; equal requests have equal answers for the same data."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @abstractmethod
    def run(self, store: Store) -> Any:
        """The answer, read from the store."""

    def needs(self) -> tuple[Request, ...]:
        """Requests whose answers this one is worked out from: components.cache.fetch gets
        them from the cache (each cached on its own key) and hands them to run_with. So a
        part that a write leaves as it was (the company's RFM scores, after a logged call) is
        not worked out again. Nothing by default."""
        return ()

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> Any:
        """The answer from the answers to needs(), in their order (what fetch calls); by
        default run(store), which works everything out itself."""
        del needed
        return self.run(store)

    def reads(self) -> frozenset[str] | None:
        """The tables the answer reads, for a request that names them (data.table_versions):
        its cached answer then outlives writes that name other tables (a logged call). None,
        the default: any write clears it. Name every table (tests/metrics/test_reads.py runs
        each naming request and checks its SQL against this)."""
        return None

    def cache_key(self) -> str:
        """The request as an exact string: its type and every field's value (no sampling)."""
        kind = type(self)
        return f"{kind.__module__}.{kind.__qualname__}:{self.model_dump_json()}"


# Beyond the order history, the tables each source's rows come from (metrics.sources): a KPI
# request names these for the sources its KPIs read, so a logged call (activities) clears only
# the requests with an activity KPI in them. A source missing here names nothing: any write.
_SOURCE_TABLES: dict[str, frozenset[str]] = {
    "orders": frozenset(),
    "customer_days": frozenset(),
    "activities": frozenset({"activities"}),
    "closed_deals": frozenset({"deals"}),
    "created_deals": frozenset({"deals"}),
    "pipeline": frozenset({"deals"}),
    "feedback": frozenset({"feedback"}),
    "stock": frozenset({"stock"}),
    "stock_sales": frozenset({"stock"}),
    "targets": frozenset({"targets"}),
    "target_levels": frozenset({"targets"}),
}


def kpi_tables(kpis: tuple[str, ...], with_targets: bool = False) -> frozenset[str] | None:
    """The tables a KPI request reads (Request.reads): the order history, the tables of the
    sources its KPIs read (through the KPIs they are derived from), and the targets when it
    asks for them; None when a source is not in _SOURCE_TABLES."""
    sources = set().union(*(base_sources(kpi) for kpi in kpis))
    if with_targets:
        sources.add("targets")
    if not sources <= _SOURCE_TABLES.keys():
        return None
    return ORDER_HISTORY.union(*(_SOURCE_TABLES[s] for s in sources))


class _Compared(Request):
    """A request over the filters' dates that can be asked again for the like-for-like
    comparison period: the one place a page's comparison period is worked out."""

    filters: Filters

    def compared(self, comparison: Comparison) -> Self:
        """The same request over the period compared with (by the period's kind: month to
        date against the same days of the month before, or the same dates a year earlier)."""
        filters = self.filters
        start, end = compare_period(filters.start, filters.end, comparison, filters.period_kind)
        return self.model_copy(update={"filters": filters.with_dates(start, end)})


class KpiValues(_Compared):
    """Each KPI's value over the filters' period, as {kpi_id: value}; None when undefined."""

    kpis: tuple[str, ...]
    with_targets: bool = False

    def reads(self) -> frozenset[str] | None:
        return kpi_tables(self.kpis, self.with_targets)

    def run(self, store: Store) -> dict[str, float | None]:
        metric = MetricRequest(kpis=self.kpis, filters=self.filters, with_targets=self.with_targets)
        row = service.run(store, metric).iloc[0]
        return {c: (None if pd.isna(row[c]) else float(row[c])) for c in row.index}


class KpiTrend(_Compared):
    """KPIs per bucket of `grain`, optionally split by a dimension."""

    kpis: tuple[str, ...]
    grain: Grain
    dimension: str | None = None
    with_targets: bool = False

    def reads(self) -> frozenset[str] | None:
        return kpi_tables(self.kpis, self.with_targets)

    def run(self, store: Store) -> pd.DataFrame:
        metric = MetricRequest(
            kpis=self.kpis,
            filters=self.filters,
            grain=self.grain,
            dimension=self.dimension,
            with_targets=self.with_targets,
        )
        return service.run(store, metric)


class KpiBreakdown(_Compared):
    """KPIs per dimension value, largest first; `customer_segments` classify the customers
    for the lifecycle_stage and rfm_segment dimensions."""

    kpis: tuple[str, ...]
    dimension: str
    with_targets: bool = False
    customer_segments: tuple[tuple[int, str], ...] = ()

    def reads(self) -> frozenset[str] | None:
        return kpi_tables(self.kpis, self.with_targets)

    def run(self, store: Store) -> pd.DataFrame:
        metric = MetricRequest(
            kpis=self.kpis,
            filters=self.filters,
            dimension=self.dimension,
            with_targets=self.with_targets,
            customer_segments=self.customer_segments,
        )
        frame = service.run(store, metric)
        first = self.kpis[0]
        return frame.sort_values(first, ascending=False, na_position="last").reset_index(drop=True)


class KpiGrid(Request):
    """KPIs by two dimensions at once, for a heatmap."""

    kpis: tuple[str, ...]
    filters: Filters
    dimension: str
    dimension2: str
    customer_segments: tuple[tuple[int, str], ...] = ()

    def reads(self) -> frozenset[str] | None:
        return kpi_tables(self.kpis)

    def run(self, store: Store) -> pd.DataFrame:
        metric = MetricRequest(
            kpis=self.kpis,
            filters=self.filters,
            dimension=self.dimension,
            dimension2=self.dimension2,
            customer_segments=self.customer_segments,
        )
        return service.run(store, metric)


class StandupScreen(Request):
    """Everything the stand-up screen shows for this scope and day but its contact parts
    (StandupContactParts) and the follow-up list: it reads the order history, deals (wins),
    feedback (complaints) and targets, so a logged call leaves it cached."""

    filters: Filters
    as_of: date

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY | {"deals", "feedback", "targets"}

    def run(self, store: Store) -> StandupData:
        return standup_screen.standup_data(store, self.filters, self.as_of)


class StandupContactParts(Request):
    """Who needs help and the customers at risk on the stand-up (standup_screen.contact_parts),
    worked out from the cached screen: after a logged call only these run again."""

    filters: Filters
    as_of: date

    def needs(self) -> tuple[Request, ...]:
        return (StandupScreen(filters=self.filters, as_of=self.as_of),)

    def run(self, store: Store) -> StandupContacts:
        return self.run_with(store, (self.needs()[0].run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> StandupContacts:
        return standup_screen.contact_parts(store, self.filters, needed[0])


class Teams(Request):
    """Teams and groups, parents first."""

    def run(self, store: Store) -> pd.DataFrame:
        return lookups.teams(store)


class DataSpan(Request):
    """First and last day in the data."""

    def run(self, store: Store) -> tuple[date, date] | None:
        return lookups.data_span(store)


class Channels(Request):
    """Channels of the top-level teams."""

    def run(self, store: Store) -> list[str]:
        return lookups.channels(store)


class CompanyCurrency(Request):
    """The currency the company's amounts are in: its setting, else the default."""

    def run(self, store: Store) -> str:
        return settings.company_currency(store)


class IsDemo(Request):
    """Whether the database holds the demo company, not a company's own data."""

    def run(self, store: Store) -> bool:
        return company_kind.is_demo(store)


class DataHealth(Request):
    """The Data page's health check per table, as of `today` (days since the last date)."""

    today: date

    def run(self, store: Store) -> pd.DataFrame:
        return company.data_health(store, self.today)


class ImportHistory(Request):
    """The latest imports first: when, file, table, rows added, updated and rejected."""

    def run(self, store: Store) -> pd.DataFrame:
        return company.import_history(store)


class LikelyDuplicates(Request):
    """Names that differ only in spacing, case or punctuation, per table."""

    def run(self, store: Store) -> pd.DataFrame:
        return company.likely_duplicates(store)
