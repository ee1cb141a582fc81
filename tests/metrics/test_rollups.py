"""Rollups on and off give the same numbers, exactly, for every listed KPI, grain, dimension
and scope: on the tiny fixture and on a small demo.

The rollup (data.rollups: each customer's first and last purchase) replaces only how the
first day is found, so every number must be identical: compared with DataFrame.equals,
not approximately.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data.demo import generate_demo
from data.rollups import refresh_rollups, rolled_data_end, rollups_current
from data.store import Store
from metrics import service
from metrics.catalogue import listed_kpis
from metrics.compiler import MetricRequest, can_break_down, compile_request
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from metrics.model import GRAINS
from metrics.sources import SEGMENT_DIMENSIONS
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

TINY = Filters(start=date(2024, 9, 1), end=date(2024, 11, 30))
TINY_SCOPES = {
    "company": TINY,
    "team North": TINY.model_copy(update={"team_id": 1}),
    "group South Hub": TINY.model_copy(update={"team_id": 21}),
    "channel wholesale": TINY.model_copy(update={"channel": "wholesale"}),
    "rep Eve": TINY.model_copy(update={"rep_id": 202}),
    "leavers hidden": TINY.model_copy(update={"hide_leavers": True}),
    "November": TINY.model_copy(update={"start": date(2024, 11, 1)}),
    # The last line is on 26 Nov: periods ending that day read November from the month
    # rollup (metrics.month_rollup), one ending the day before from its lines.
    "to the last line": TINY.model_copy(update={"end": date(2024, 11, 26)}),
    "November to the last line": TINY.model_copy(
        update={"start": date(2024, 11, 1), "end": date(2024, 11, 26)}
    ),
    "to the day before it": TINY.model_copy(update={"end": date(2024, 11, 25)}),
}
# Scopes asked for at every grain (and none); the others by month.
TINY_EVERY_GRAIN = {"company", "to the last line", "November to the last line"}
DEMO_END = date(2026, 6, 30)
DEMO = Filters(start=date(2025, 7, 1), end=DEMO_END)
DEMO_SCOPES = {
    # Every grain, over a quarter: by day over a year would only add running time.
    "company": DEMO.model_copy(update={"start": date(2026, 4, 1)}),
    "team 1": DEMO.model_copy(update={"team_id": 1}),
    "retail": DEMO.model_copy(update={"channel": "retail"}),
    "leavers hidden, mid-month": DEMO.model_copy(
        update={"hide_leavers": True, "start": date(2026, 1, 10), "end": date(2026, 5, 20)}
    ),
}
# Lifecycle and RFM segments are given per request (customer_segments), not read from a table;
# they split exactly as any customer column does, which region, industry and tier cover.
PLAIN_DIMENSIONS = [d for d in DIMENSIONS if d not in SEGMENT_DIMENSIONS]


def _requests(
    filters: Filters, grains: tuple[str | None, ...] = (None, *GRAINS)
) -> Iterator[MetricRequest]:
    """Every listed KPI that can be split so, per grain and dimension (and neither)."""
    kpis = [k.id for k in listed_kpis()]
    for grain in grains:
        for dimension in (None, *PLAIN_DIMENSIONS):
            asked = tuple(k for k in kpis if dimension is None or can_break_down(k, dimension))
            if asked:
                yield MetricRequest(kpis=asked, filters=filters, grain=grain, dimension=dimension)


def _rolled_kpis(request: MetricRequest, data_ends: date | None) -> tuple[str, ...]:
    """The request's KPIs whose own SQL (each KPI asked alone, with the same filters, grain
    and dimension) the rollups change. Every other KPI runs the very same statement both
    ways, so it cannot differ; running only these keeps each statement small (a request of
    all 39 KPIs costs DuckDB about 0.1 s to plan even on the tiny company). `data_ends`: the
    last order day, as metrics.service.run passes it."""
    changed = []
    for kpi in request.kpis:
        alone = request.model_copy(update={"kpis": (kpi,)})
        rolled = compile_request(alone, rollups=True, data_ends=data_ends)
        if rolled.sql != compile_request(alone).sql:
            changed.append(kpi)
    return tuple(changed)


def _assert_same(store: Store, filters: Filters, grains: tuple[str | None, ...]) -> int:
    """Rollups on and off agree on every request; returns how many read a rollup. Each
    request is narrowed to the KPIs whose SQL the rollups change (_rolled_kpis); a request
    with none is skipped."""
    rolled = 0
    data_ends = rolled_data_end(store)
    for request in _requests(filters, grains):
        kpis = _rolled_kpis(request, data_ends)
        if not kpis:
            continue
        rolled += 1
        narrowed = request.model_copy(update={"kpis": kpis})
        rows = service.run(store, narrowed, rollups=False)
        with_rollups = service.run(store, narrowed, rollups=True)
        assert with_rollups.equals(rows), (narrowed, rows, with_rollups)
    return rolled


@pytest.fixture(scope="module")
def tiny_rolled(tiny_store: Store) -> Store:
    """The tiny company with its rollups built (in a transaction of their own)."""
    with tiny_store.transaction() as con:
        refresh_rollups(con)
    return tiny_store


# Every grain (and none) for the whole company; by month for each narrower scope.
ALL_GRAINS: tuple[str | None, ...] = (None, *GRAINS)
SCOPED_GRAINS: tuple[str | None, ...] = ("month",)


@pytest.mark.parametrize("scope", list(TINY_SCOPES))
def test_tiny_company_rollups_on_and_off_are_identical(tiny_rolled: Store, scope: str) -> None:
    assert rollups_current(tiny_rolled)
    grains = ALL_GRAINS if scope in TINY_EVERY_GRAIN else SCOPED_GRAINS
    assert _assert_same(tiny_rolled, TINY_SCOPES[scope], grains) > 0


def test_tiny_company_new_customers_by_hand_through_the_rollup(tiny_rolled: Store) -> None:
    """The fixture's firsts (fixture.py): Acme Sep 10, Cedar Sep 20 (acquired that day),
    Delta Sep 15 are new in September; Birch Oct 8, Fir Oct 15 in October; Elm Nov 12 in
    November. So new customers by month: 3, 2, 1. Returning (bought before the month began):
    none in September; Acme and Cedar in October (Birch and Fir are new, Delta's order was
    cancelled); Acme, Birch, Delta and Fir in November (Cedar's Nov 21 order was cancelled,
    Elm is new)."""
    request = MetricRequest(
        kpis=("new_customers", "returning_customers"), filters=TINY, grain="month"
    )
    frame = service.run(tiny_rolled, request, rollups=True)
    assert frame["new_customers"].tolist() == [3, 2, 1]
    assert frame["returning_customers"].tolist() == [0, 2, 4]


def test_the_rollup_holds_each_customers_first_and_last_purchase(tiny_rolled: Store) -> None:
    """Acme: first Sep 10, last Nov 18. Cedar: first Sep 20, last Oct 22 (the Nov 21 order was
    cancelled). Elm: first Nov 12, last Nov 26."""
    rows = dict(
        (c, (f, last))
        for c, f, last in tiny_rolled.rows(
            "SELECT customer_id, first_day, last_day FROM customer_firsts"
        )
    )
    assert rows[1] == (date(2024, 9, 10), date(2024, 11, 18))
    assert rows[3] == (date(2024, 9, 20), date(2024, 10, 22))
    assert rows[5] == (date(2024, 11, 12), date(2024, 11, 26))
    assert len(rows) == 6


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A small demo (6,000 order lines), its rollups built as an import would (a DuckDB file:
    the demo is not yet built on PostgreSQL)."""
    store = Store(tmp_path_factory.mktemp("rollup_demo") / "demo.duckdb")
    generate_demo(store, orders=6_000, end_date=DEMO_END)
    with store.transaction() as con:
        refresh_rollups(con)
    yield store
    store.close()


@pytest.mark.parametrize("scope", list(DEMO_SCOPES))
def test_small_demo_rollups_on_and_off_are_identical(demo_store: Store, scope: str) -> None:
    assert rollups_current(demo_store)
    grains = ALL_GRAINS if scope == "company" else SCOPED_GRAINS
    assert _assert_same(demo_store, DEMO_SCOPES[scope], grains) > 0


def test_segment_breakdowns_agree_too(demo_store: Store) -> None:
    """Given segments split new customers exactly as the rows do."""
    ids = [r[0] for r in demo_store.rows("SELECT customer_id FROM customers ORDER BY 1")]
    segments = tuple((c, ("A", "B", "C")[c % 3]) for c in ids)
    for dimension in SEGMENT_DIMENSIONS:
        request = MetricRequest(
            kpis=("new_customers", "returning_customers", "active_customers"),
            filters=DEMO,
            grain="quarter",
            dimension=dimension,
            customer_segments=segments,
        )
        rows = service.run(demo_store, request, rollups=False)
        assert service.run(demo_store, request, rollups=True).equals(rows)
        assert isinstance(rows, pd.DataFrame) and len(rows) > 0


def test_a_stale_rollup_is_not_read(new_store: StoreMaker) -> None:
    """Elm's first purchase was 12 Nov (fixture.py): new in November. A line written on 2 Sep
    without a refresh makes Elm new in September; the stale rollup still says November, so
    service.run must read the rows: September 4 new (Acme, Delta, Cedar, Elm), November 0."""
    store = new_store("tiny")
    build_tiny_company(store)
    with store.transaction() as con:
        refresh_rollups(con)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO orders VALUES ('X-1', 1, DATE '2024-09-02', 5, 103, 11, 2, 1, 2500,"
            " 1000, 'completed')"
        )
    request = MetricRequest(kpis=("new_customers",), filters=TINY, grain="month")
    assert service.run(store, request)["new_customers"].tolist() == [4, 2, 0]
    assert service.run(store, request, rollups=True)["new_customers"].tolist() == [4, 2, 1]
    store.close()
