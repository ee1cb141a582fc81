"""Requests that name the tables they read (Request.reads) name every one: each is run on the
demo through a store that keeps its SQL, and the tables in that SQL (views followed to their
tables) must all be named. A table left out would keep a stale answer cached after a write
to it (data.table_versions)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from data.store import Store
from metrics.catalogue import listed_kpis, targeted_kpis
from metrics.compiler import base_sources, can_break_down
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from metrics.requests import (
    _SOURCE_TABLES,
    KpiBreakdown,
    KpiGrid,
    KpiTrend,
    KpiValues,
    Request,
    StandupScreen,
    kpi_tables,
)
from metrics.requests_follow_ups import CompanyRfmScores
from metrics.requests_people import (
    CoverageGaps,
    CustomerClasses,
    CustomersIn,
    SegmentCustomers,
    SegmentsScreen,
    TeamHeadcount,
    TeamMovements,
    TeamPeople,
    TeamSpan,
)
from metrics.requests_stock import (
    HasStock,
    SlowMovers,
    StockByCategory,
    StockoutsThisWeek,
    StockoutsToday,
    ToReorder,
)
from metrics.scope import Scope
from metrics.sources import SOURCES
from tests.components.test_cache import _all_requests
from tests.conftest import DEMO_END
from tests.table_reads import KEYED_BY_ANY, ReadingStore, tables_read

MONTH = Filters(start=date(2026, 11, 1), end=DEMO_END, period_kind="month")
_TARGETED = {k.id for k in targeted_kpis()}
_KPIS = [k.id for k in listed_kpis()]


def _kpi_examples() -> dict[type[Request], list[Request]]:
    """Each listed KPI on its own (with its targets when it has some): a KPI naming a table
    another KPI reads would pass a test of all of them at once. Then one KPI of each set of
    sources split by every dimension it can be split by (a dimension adds its joins)."""
    values = [KpiValues(kpis=(k,), filters=MONTH, with_targets=k in _TARGETED) for k in _KPIS]
    one_per_sources = list({frozenset(base_sources(k)): k for k in _KPIS}.values())
    trends = [KpiTrend(kpis=(k,), filters=MONTH, grain="week") for k in one_per_sources]
    breakdowns = [
        KpiBreakdown(kpis=(k,), filters=MONTH, dimension=d, customer_segments=((1, "A"),))
        for d in DIMENSIONS
        for k in one_per_sources
        if can_break_down(k, d)
    ]
    grids = [
        KpiGrid(kpis=(k,), filters=MONTH, dimension="team", dimension2=d)
        for d in ("channel", "product_category", "rfm_segment")
        for k in ("revenue", "activities", "won_deals", "csat", "stock_value")
        if can_break_down(k, "team") and can_break_down(k, d)
    ]
    return {KpiValues: values, KpiTrend: trends, KpiBreakdown: breakdowns, KpiGrid: grids}


_TEAM_SCOPES = (
    MONTH,
    MONTH.model_copy(update={"team_id": 1, "hide_leavers": True}),
    MONTH.model_copy(update={"scope": Scope(kind="team", team_id=1)}),
)
_STOCK_SCOPES = (MONTH, MONTH.model_copy(update={"team_id": 1, "channel": "retail"}))
# Every request that names its tables, asked the ways the pages ask it.
EXAMPLES: dict[type[Request], list[Request]] = {
    SegmentsScreen: [
        SegmentsScreen(filters=scope, as_of=DEMO_END)
        for scope in (
            MONTH,
            MONTH.model_copy(update={"team_id": 1}),
            MONTH.model_copy(update={"rep_id": 3, "hide_leavers": True}),
            MONTH.model_copy(update={"channel": "retail"}),
            MONTH.model_copy(update={"scope": Scope(kind="team", team_id=1)}),
            Filters(start=date(2025, 12, 1), end=DEMO_END, period_kind="year"),
        )
    ],
    SegmentCustomers: [
        SegmentCustomers(filters=scope, as_of=DEMO_END, segment="champions")
        for scope in (MONTH, MONTH.model_copy(update={"team_id": 1}))
    ],
    **{
        kind: [kind(filters=scope, day=DEMO_END) for scope in _STOCK_SCOPES]
        for kind in (SlowMovers, StockoutsThisWeek, StockoutsToday, ToReorder)
    },
    HasStock: [HasStock(filters=scope) for scope in _STOCK_SCOPES],
    StockByCategory: [StockByCategory(filters=scope) for scope in _STOCK_SCOPES],
    **_kpi_examples(),
    **{
        kind: [kind(filters=scope) for scope in _TEAM_SCOPES]
        for kind in (TeamPeople, TeamHeadcount, TeamSpan, CoverageGaps)
    },
    TeamMovements: [
        TeamMovements(filters=scope, grain=grain)
        for scope in _TEAM_SCOPES
        for grain in ("month", "quarter")
    ],
    CompanyRfmScores: [CompanyRfmScores(as_of=d) for d in (DEMO_END, date(2026, 6, 30))],
    StandupScreen: [
        StandupScreen(filters=scope, as_of=DEMO_END)
        for scope in (*_TEAM_SCOPES, MONTH.model_copy(update={"rep_id": 3}))
    ],
    CustomersIn: [
        CustomersIn(filters=MONTH, dimension="region", value="North"),
        CustomersIn(filters=MONTH, dimension="rfm_segment", value="x", customer_ids=(1, 2)),
        CustomersIn(filters=MONTH.model_copy(update={"team_id": 1}), dimension="team", value="1"),
    ],
    CustomerClasses: [
        CustomerClasses(filters=scope, dimension=d, as_of=DEMO_END)
        for d in ("rfm_segment", "lifecycle_stage")
        for scope in (MONTH, MONTH.model_copy(update={"team_id": 1}))
    ],
}


def _naming() -> list[type[Request]]:
    """Every request class that names its tables (a private base only lends its reads)."""
    return [
        kind
        for kind in _all_requests()
        if kind.reads is not Request.reads and not kind.__name__.startswith("_")
    ]


def test_every_request_that_names_its_tables_has_examples_here() -> None:
    assert set(_naming()) == set(EXAMPLES), "add examples of each naming request to EXAMPLES"


@pytest.mark.parametrize(
    "request_",
    [example for examples in EXAMPLES.values() for example in examples],
    ids=lambda r: f"{type(r).__name__}-{r.cache_key()[-60:]}",
)
def test_a_request_reads_only_the_tables_it_names(demo_db_path: Path, request_: Request) -> None:
    store = Store(demo_db_path, read_only=True)
    try:
        reading = ReadingStore(store)
        request_.run(reading)  # type: ignore[arg-type]  # answers the store's read calls
        read = tables_read(store, reading.sql)
    finally:
        store.close()
    named = request_.reads()
    assert named is not None and reading.sql
    assert read - KEYED_BY_ANY <= named, f"reads {sorted(read - KEYED_BY_ANY - named)} unnamed"
    if not any(kpi_tables((k,)) and "activities" in kpi_tables((k,)) for k in _kpis(request_)):
        assert not named & {"activities", "follow_up_actions"}, "a logged call would clear it"


def _kpis(request: Request) -> tuple[str, ...]:
    return getattr(request, "kpis", ())


def test_every_source_names_its_tables() -> None:
    """No KPI request falls back to naming nothing (cleared by every write)."""
    assert set(_SOURCE_TABLES) == set(SOURCES)
    assert all(kpi_tables((k,)) is not None for k in _KPIS)
    assert "activities" in kpi_tables(("activities",))
    assert "targets" in kpi_tables(("revenue",), with_targets=True)
    assert not kpi_tables(("revenue",)) & {"activities", "targets", "deals"}
