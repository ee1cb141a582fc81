"""An order line's own place and channel (order_places, migration 0010) beat its customer's
region and city and its team's channel, in every breakdown, drill-down and filter; a line
without one falls back to those.

The tiny company (tests/metrics/fixture.py) in November 2024, with two of Ann's lines given
places of their own:

    N-01 line 1  Acme (East, Hangzhou), team North (retail)  120.00  -> West, Chengdu,
                 store "Shop A", channel wholesale
    N-01 line 2  Acme                                          50.00  -> store "Shop A" only:
                 region, city and channel blank, so Acme's East / Hangzhou and North's retail
    every other line: no row, so its customer's region and city and its team's channel
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest, can_break_down, compile_request
from metrics.filters import Filters
from metrics.segments import customers_in
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))


@pytest.fixture(scope="module")
def placed(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("placed")
    build_tiny_company(store)
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO order_places VALUES ('N-01', 1, 'West', 'Chengdu', 'Shop A', 'wholesale'),"
            " ('N-01', 2, NULL, NULL, 'Shop A', NULL)"
        )
    yield store
    store.close()


def _cents(frame: pd.DataFrame, dimension: str, kpi: str = "revenue") -> dict[str, int]:
    """Money comes out in whole units with cents as decimals: back to exact cents."""
    pairs = zip(frame[dimension], frame[kpi], strict=True)
    return {str(k): int(Decimal(str(v)) * 100) for k, v in pairs}


def test_revenue_by_region_follows_the_line_then_the_customer(placed: Store) -> None:
    # Without places (test_kpis_by_hand): East 495.50, West 345.50. N-01 line 1 (120.00, Acme,
    # East) was sold in the West: East 495.50 - 120.00 = 375.50, West 345.50 + 120.00 =
    # 465.50. N-01 line 2 has a row with a blank region: it stays in Acme's East.
    frame = service.breakdown(placed, ("revenue", "active_customers"), NOV, "region")
    assert _cents(frame, "region") == {"East": 37550, "West": 46550}
    # Acme bought in both regions: East (N-01 line 2, N-07) and West (N-01 line 1).
    # East: Acme, Birch, Fir = 3. West: Delta, Elm and now Acme = 3.
    assert dict(zip(frame["region"], frame["active_customers"], strict=True)) == {
        "East": 3,
        "West": 3,
    }


def test_revenue_by_city_follows_the_line_then_the_customer(placed: Store) -> None:
    # Without places: Hangzhou = Acme 270.00 (N-01 170.00, N-07 100.00) + Fir 120.00 = 390.00;
    # Chengdu = Elm 80.50 + 25.00 = 105.50; Ningbo = Birch 105.50; Chongqing = Delta 240.00.
    # N-01 line 1 (120.00) moves from Hangzhou to Chengdu: Hangzhou 270.00, Chengdu 225.50.
    frame = service.breakdown(placed, ("revenue",), NOV, "city")
    assert _cents(frame, "city") == {
        "Hangzhou": 27000, "Chengdu": 22550, "Ningbo": 10550, "Chongqing": 24000,
    }  # fmt: skip


def test_revenue_by_store_is_the_line_s_own(placed: Store) -> None:
    # Shop A: N-01's two lines, 120.00 + 50.00 = 170.00; the other 841.00 - 170.00 = 671.00
    # of November has no store.
    frame = service.breakdown(placed, ("revenue",), NOV, "store")
    assert _cents(frame, "store") == {"Shop A": 17000, "(not set)": 67100}


def test_channel_breakdown_and_filter_read_the_same_column(placed: Store) -> None:
    # By team channel: retail (North: N-01 170.00, N-02 80.50, N-03 25.00, N-05 80.50,
    # N-09 25.00) = 381.00; wholesale (South: N-04 240.00, N-06 120.00, N-07 100.00) = 460.00.
    # N-01 line 1 (120.00) was a wholesale sale: retail 261.00, wholesale 580.00.
    frame = service.breakdown(placed, ("revenue",), NOV, "channel")
    assert _cents(frame, "channel") == {"retail": 26100, "wholesale": 58000}
    for channel, cents in (("retail", 26100), ("wholesale", 58000)):
        scoped = NOV.model_copy(update={"channel": channel})
        total = service.run(placed, MetricRequest(kpis=("revenue",), filters=scoped))
        assert int(Decimal(str(total["revenue"].iloc[0])) * 100) == cents


def test_the_region_drill_down_lists_the_customers_of_the_line_s_region(placed: Store) -> None:
    # West in November: Delta 240.00, Acme 120.00 (N-01 line 1), Elm 80.50 + 25.00 = 105.50.
    frame = customers_in(placed, NOV, "region", "West")
    assert dict(zip(frame["customer"], frame["revenue"], strict=True)) == {
        "Delta": 240.0, "Acme": 120.0, "Elm": 105.5,
    }  # fmt: skip


@pytest.mark.parametrize("dimension", ["region", "city", "store", "channel"])
def test_pruned_joins_give_the_same_numbers_with_places(placed: Store, dimension: str) -> None:
    # order_places, customers and teams are joined only when read: the numbers are the same as
    # joining everything, under every filter at once.
    scoped = NOV.model_copy(update={"team_id": 1, "channel": "retail", "hide_leavers": True})
    for filters in (NOV, scoped):
        request = MetricRequest(
            kpis=("revenue", "active_customers", "new_customers", "repeat_purchase_rate"),
            filters=filters,
            grain="month",
            dimension=dimension,
        )
        pruned = compile_request(request, prune=True)
        everything = compile_request(request, prune=False)
        pd.testing.assert_frame_equal(
            placed.query(pruned.sql, pruned.params),
            placed.query(everything.sql, everything.params),
            check_exact=True,
        )


def test_by_store_joins_order_places_alone() -> None:
    sql = compile_request(MetricRequest(kpis=("revenue",), filters=NOV, dimension="store")).sql
    assert "order_places" in sql
    assert "customers" not in sql and "teams" not in sql


def test_a_source_without_order_lines_has_no_store() -> None:
    assert can_break_down("revenue", "store")
    assert not can_break_down("won_deals", "store")  # deals have no place of their own
