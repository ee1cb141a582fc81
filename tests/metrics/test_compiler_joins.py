"""The compiler joins only the tables a request reads, and that changes no number.

Each source declares which of its columns come from which join (metrics/sources.py); a query
joins reps, rep_labels, teams, team_roots, customers, products and the customer segments only
when its filters, dimensions or KPIs read one of their columns, and builds a customer's first
buying day (a scan of the whole order history) only for the KPIs that read it. Every join
left out is a LEFT JOIN on a unique key (or, for the first day and the previous buying day,
an inner join that matches every row exactly once), so the rows are the same: checked here
against `prune=False`, which joins everything as Huddle did before, for every listed KPI by
every dimension and grain, with and without each filter, on the tiny company.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from data.store import Store
from metrics.catalogue import listed_kpis
from metrics.compiler import MetricRequest, can_break_down, compile_request
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from metrics.sources import SEGMENT_DIMENSIONS, SOURCES

# November 2024 in the tiny company (tests/metrics/fixture.py): North=1, Ben=102 left on
# 20 Nov 2024, so hide_leavers with end 30 Nov drops his rows.
NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
SCOPES = {
    "company": NOV,
    "team": NOV.model_copy(update={"team_id": 1}),
    "channel": NOV.model_copy(update={"channel": "retail"}),
    "rep": NOV.model_copy(update={"rep_id": 102}),
    "leavers": NOV.model_copy(update={"hide_leavers": True}),
}
SEGMENTS = ((1, "a"), (2, "a"), (4, "b"))  # customers 1, 2 in "a", 4 in "b", the rest unset


def _joined(sql: str) -> set[str]:
    """The tables and CTEs the SQL joins or reads, by name."""
    return set(re.findall(r"(?:JOIN|FROM) ([a-z_]+)", sql))


def _run(store: Store, request: MetricRequest, prune: bool) -> pd.DataFrame:
    compiled = compile_request(request, prune=prune)
    return store.query(compiled.sql, compiled.params)


def test_revenue_for_the_company_reads_orders_alone() -> None:
    # Revenue needs net_amount_cents and status of orders: no person, team, customer or
    # product column, so none of their tables is joined (before: all eight were).
    sql = compile_request(MetricRequest(kpis=("revenue",), filters=NOV, grain="month")).sql
    assert not _joined(sql) & {
        "reps", "rep_labels", "teams", "team_roots", "customers", "products", "firsts"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("request_", "wanted", "unwanted"),
    [
        # The channel is the top-level team's: team_roots leads to it.
        (
            MetricRequest(kpis=("revenue",), filters=SCOPES["channel"]),
            {"team_roots", "teams"},
            {"reps", "rep_labels", "customers", "products"},
        ),
        # Leavers are known by reps.leave_date.
        (
            MetricRequest(kpis=("revenue",), filters=SCOPES["leavers"]),
            {"reps"},
            {"team_roots", "teams", "rep_labels", "customers"},
        ),
        # The team filter reads f.team_id through team_closure; the rep filter f.rep_id.
        (
            MetricRequest(kpis=("revenue",), filters=SCOPES["team"].model_copy(
                update={"rep_id": 102})),
            {"team_closure"},
            {"reps", "team_roots", "teams", "rep_labels", "customers"},
        ),
        # By rep: the label; by region: the customer; by product category: the product.
        (MetricRequest(kpis=("revenue",), filters=NOV, dimension="rep"), {"rep_labels"},
         {"reps", "teams", "customers"}),
        (MetricRequest(kpis=("revenue",), filters=NOV, dimension="region"), {"customers"},
         {"reps", "teams", "rep_labels", "products"}),
        (MetricRequest(kpis=("revenue",), filters=NOV, dimension="product_category"),
         {"products"}, {"reps", "teams", "customers"}),
        # New customers read the first buying day; repeat customers the previous one.
        (MetricRequest(kpis=("new_customers",), filters=NOV), {"firsts"}, {"history"}),
        (MetricRequest(kpis=("repeat_purchase_rate",), filters=NOV), {"history"}, {"firsts"}),
        # Retention reads neither.
        (MetricRequest(kpis=("retention_rate",), filters=NOV), {"orders"},
         {"firsts", "history", "customers"}),
    ],
)  # fmt: skip
def test_a_request_joins_what_it_reads_and_nothing_else(
    request_: MetricRequest, wanted: set[str], unwanted: set[str]
) -> None:
    joined = _joined(compile_request(request_).sql)
    assert wanted <= joined
    assert not joined & unwanted
    # Everything, as before, when asked not to prune.
    everything = _joined(compile_request(request_, prune=False).sql)
    assert everything >= wanted | {"reps", "rep_labels", "team_roots", "customers"}


def test_a_join_brings_the_joins_its_on_clause_reads() -> None:
    # The top team (t) is found through team_roots (tr): asking for the channel alone must
    # bring both, tr first.
    sql = SOURCES["orders"].sql_for(frozenset({"channel"}))
    assert sql.index("team_roots tr") < sql.index("teams t ON t.team_id = tr.root_id")


# Each dimension over the whole company by total, and by month under every filter at once.
ALL_FILTERS = NOV.model_copy(update={"team_id": 1, "channel": "retail", "hide_leavers": True})
CASES = [(None, "company"), ("month", "all_filters")]


def _same_numbers(store: Store, filters: Filters, grain: str | None, dim: str | None) -> None:
    kpis = tuple(k.id for k in listed_kpis() if dim is None or can_break_down(k.id, dim))
    request = MetricRequest(
        kpis=kpis,
        filters=filters,
        grain=grain,
        dimension=dim,
        with_targets=True,
        customer_segments=SEGMENTS if dim in SEGMENT_DIMENSIONS else (),
    )
    pruned = _run(store, request, prune=True)
    everything = _run(store, request, prune=False)
    assert len(pruned) > 0
    pd.testing.assert_frame_equal(pruned, everything, check_exact=True)


@pytest.mark.parametrize(("grain", "scope"), CASES)
@pytest.mark.parametrize("dimension", [None, *sorted(DIMENSIONS)])
def test_pruned_joins_give_the_same_numbers_as_joining_everything(
    tiny_store: Store, grain: str | None, scope: str, dimension: str | None
) -> None:
    filters = ALL_FILTERS if scope == "all_filters" else NOV
    _same_numbers(tiny_store, filters, grain, dimension)


@pytest.mark.parametrize("scope", sorted(SCOPES))
def test_each_filter_alone_gives_the_same_numbers(tiny_store: Store, scope: str) -> None:
    _same_numbers(tiny_store, SCOPES[scope], "month", None)


def test_the_team_breakdown_crossed_with_region_is_the_same_too(tiny_store: Store) -> None:
    # Two dimensions from two different joins (teams and customers) with a filter from a
    # third (reps).
    request = MetricRequest(
        kpis=("revenue", "active_customers", "new_customers", "repeat_purchase_rate"),
        filters=SCOPES["leavers"],
        grain="month",
        dimension="team",
        dimension2="region",
    )
    pd.testing.assert_frame_equal(
        _run(tiny_store, request, prune=True),
        _run(tiny_store, request, prune=False),
        check_exact=True,
    )


@pytest.mark.parametrize("dimension", [None, "team", "rep", "region", "product_category"])
def test_the_demo_company_gives_the_same_numbers_either_way(
    demo_db_path: Path, dimension: str | None
) -> None:
    # Every listed KPI for a quarter of the demo company (30,000 lines, groups under teams,
    # leavers, customers with an acquired date) by month, under the leaver filter.
    store = Store(demo_db_path, read_only=True)
    try:
        quarter = Filters(start=date(2026, 8, 1), end=date(2026, 10, 31), hide_leavers=True)
        _same_numbers(store, quarter, "month", dimension)
    finally:
        store.close()
