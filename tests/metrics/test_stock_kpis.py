"""The stock KPIs (issue 23) checked against values worked out BY HAND from the fixture.

No expected value here comes from running the code (rows: tests/metrics/fixture.py STOCK); each
has its arithmetic beside it.

The rows the stock KPIs read (fixture STOCK; unit costs Tea set 70.00, Bowl 15.00, Vase 40.00).
A count holds from its day until the day before the item's next count:

    North (1)      Tea set  1 Oct 5 (350.00) | 1 Nov 3 (210.00) | 15 Nov 0 | 22 Nov 4 (280.00)
                   Bowl     1 Oct 10 (150.00) | 1 Nov 6 (90.00)
                   Vase     10 Nov 2 (80.00)               <- no count at November's start
    North Hub (11) Tea set  1 Oct 0 | 1 Nov 1 (70.00)      <- never sold at North Hub
    South (2)      Vase     1 Nov 3 (120.00) | 20 Nov 1 (40.00)

Stock cost-days in November (cents x days):
    North Tea set  14 x 21000 (1-14) + 7 x 0 (15-21) + 9 x 28000 (22-30) = 546000
    North Bowl     30 x 9000                                             = 270000
    North Vase     21 x 8000 (10-30)                                     = 168000
    North Hub Tea  30 x 7000                                             = 210000
    South Vase     19 x 12000 (1-19) + 11 x 4000 (20-30)                 = 272000
                                                                   total = 1466000
Stock on 30 Nov: 280 + 90 + 80 + 70 + 40 = 560.00, in units 4 + 6 + 2 + 1 + 1 = 14.

Sales set against the stock ("stocked" lines: completed, of a product the selling team or a team
above it had counted on or before the sale day), November:
    N-01 (North, 4 Nov)      Tea set 1 unit 70.00, Bowl 2 units 30.00   counted since 1 Oct
    N-02 (North Hub, 5 Nov)  Vase                                       NO: before its 10 Nov count
    N-03 (North Hub, 5 Nov)  Bowl 1 unit 15.00                          counted at North (above)
    N-05 (North Hub, 12 Nov) Vase 1 unit 40.00                          counted since 10 Nov
    N-09 (North Hub, 26 Nov) Bowl 1 unit 15.00 (its Tea set line was cancelled)
    South's Tea set and Bowl lines: South counts no Tea set or Bowl; N-06's Vase line RETURNED.
    Cost of goods sold 70 + 30 + 15 + 40 + 15 = 170.00; units 1 + 2 + 1 + 1 + 1 = 6.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest
from metrics.filters import Filters

# tiny_store (tests/metrics/conftest.py) runs every test here on DuckDB and on PostgreSQL.


NORTH = 1
ANN = 101
AUG = Filters(start=date(2024, 8, 1), end=date(2024, 8, 31))
OCT = Filters(start=date(2024, 10, 1), end=date(2024, 10, 31))
NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
JAN_1_25 = Filters(start=date(2025, 1, 1), end=date(2025, 1, 25))

STOCK_KPIS = (
    "stock_value",
    "average_stock_value",
    "inventory_turnover",
    "days_of_inventory",
    "sell_through_rate",
    "best_seller_stockout_days",
    "slow_movers",
    "slow_stock_value",
    "dead_stock_value",
)


def _values(store: Store, filters: Filters) -> dict[str, float | None]:
    return service.values(store, STOCK_KPIS, filters)


def _frame(store: Store, request: MetricRequest) -> pd.DataFrame:
    return service.run(store, request)


def test_november_company_wide(tiny_store: Store) -> None:
    assert _values(tiny_store, NOV) == pytest.approx(
        {
            "stock_value": 560.00,  # the 30 Nov stock above
            "average_stock_value": 488.67,  # 1466000 / 30 days = 48866.7 cents -> 48867
            # 365 x 17000 / 1466000 = 6205000 / 1466000 = 4.2326 -> 4.23 (annualised:
            # 170.00 / 488.67 average = 0.3479 in 30 days, x 365 / 30)
            "inventory_turnover": 4.23,
            "days_of_inventory": 86.2,  # 1466000 / 17000 = 86.24 days = 365 / 4.2326
            "sell_through_rate": 0.3,  # 6 sold / (6 sold + 14 on hand on 30 Nov)
            # Best sellers (each store's top 10 by units sold 2 Sep - 30 Nov): every product a
            # store sold. North's Tea set (sold 3 Oct, 15 Oct, 4 Nov) is at 0 from 15 to 21 Nov
            "best_seller_stockout_days": 7,
            # More on hand on 30 Nov than sold there 2 Sep - 30 Nov (90 days): North's Tea set
            # (4 > 3 sold: O-01, O-03, N-01) and North Hub's (1 > 0: its one Tea set line was
            # cancelled). Not: North's Bowl (6, sold 7: S-01 1, O-02 2, N-01 2, N-03 1, N-09 1),
            # North's Vase (2, sold 2), South's Vase (1, sold 2: S-02, O-04).
            "slow_movers": 2,
            "slow_stock_value": 350.00,  # 280 + 70
            # No completed sale since 3 Jun (180 days): North Hub's Tea set only
            "dead_stock_value": 70.00,
        }
    )


def test_october_best_seller_rule_and_sales_before_counting(tiny_store: Store) -> None:
    # Cost-days: North Tea set 31 x 35000 + North Bowl 31 x 15000 + North Hub Tea 31 x 0
    # = 1085000 + 465000 = 1550000. Stocked lines: O-01 70.00, O-02 (North Hub Bowl, 2 units)
    # 30.00, O-03 70.00 = 170.00, 4 units; O-04's Vase (22 Oct, South) was sold before South's
    # first count (1 Nov): not set against the stock.
    assert _values(tiny_store, OCT) == pytest.approx(
        {
            "stock_value": 500.00,  # 31 Oct: 350 + 150 + 0
            "average_stock_value": 500.00,  # 1550000 / 31 = 50000 cents
            "inventory_turnover": 4.0,  # 365 x 17000 / 1550000 = 4.0032 -> 4.0
            "days_of_inventory": 91.2,  # 1550000 / 17000 = 91.18
            "sell_through_rate": 4 / 19,  # 4 / (4 + 15 on hand: 5 + 10 + 0)
            # North Hub's Tea set is at 0 all October, but North Hub's best sellers (its sales
            # 3 Aug - 31 Oct) are the Bowl alone: no best-seller stock-out day
            "best_seller_stockout_days": 0,
            # On hand 31 Oct vs sold 3 Aug - 31 Oct: North's Tea set 5 > 2 (O-01, O-03),
            # North's Bowl 10 > 3 (S-01 1, O-02 2); North Hub's Tea set has none on hand
            "slow_movers": 2,
            "slow_stock_value": 500.00,  # 350 + 150
            "dead_stock_value": 0.0,  # both sold within 180 days
        }
    )


def test_an_empty_period_has_no_stock_and_no_ratios(tiny_store: Store) -> None:
    # Nothing was counted before 1 Oct: sums are 0, every ratio has nothing to divide by.
    assert _values(tiny_store, AUG) == {
        "stock_value": 0.0,
        "average_stock_value": 0.0,
        "inventory_turnover": None,
        "days_of_inventory": None,
        "sell_through_rate": None,
        "best_seller_stockout_days": 0,
        "slow_movers": 0,
        "slow_stock_value": 0.0,
        "dead_stock_value": 0.0,
    }


def test_a_returned_line_is_no_sale_for_slow_movers(tiny_store: Store) -> None:
    # 1-25 Jan 2025: no sales; the 30 Nov stock (560.00) holds all 25 days. On hand vs sold
    # 28 Oct 2024 - 25 Jan 2025 (90 days): North's Tea set 4 > 1 (N-01), North's Bowl 6 > 4
    # (N-01 2, N-03 1, N-09 1), North Hub's Tea set 1 > 0, and South's Vase 1 > 0: its 14 Nov
    # Vase line was RETURNED, which is no sale (counted, it would be 1 > 1: not slow). North's
    # Vase 2 = 2 sold (N-02, N-05) is not slow.
    got = _values(tiny_store, JAN_1_25)
    assert got["slow_movers"] == 4
    assert got["slow_stock_value"] == 480.00  # 280 + 90 + 70 + 40
    assert got["stock_value"] == 560.00
    assert got["average_stock_value"] == 560.00  # 25 x 56000 / 25
    assert got["inventory_turnover"] == 0.0  # nothing sold: 365 x 0 / 1400000
    assert got["days_of_inventory"] is None  # no cost of goods sold to divide by
    assert got["sell_through_rate"] == 0.0  # 0 / (0 + 14)
    # No sale since 29 Jul 2024 (180 days): North Hub's Tea set only (South's Vase sold 22 Oct)
    assert got["dead_stock_value"] == 70.00


def test_by_store_team(tiny_store: Store) -> None:
    request = MetricRequest(kpis=STOCK_KPIS, filters=NOV, dimension="team")
    rows = _frame(tiny_store, request).set_index("team")
    # North holds North and North Hub's stock: 546000 + 270000 + 168000 + 210000 = 1194000
    # cost-days; all 170.00 of stocked sales are North's.
    north = rows.loc["North"]
    assert north["stock_value"] == 520.00  # 280 + 90 + 80 + 70
    assert north["average_stock_value"] == 398.00  # 1194000 / 30 = 39800 cents
    assert north["inventory_turnover"] == 5.2  # 365 x 17000 / 1194000 = 5.1968
    assert north["days_of_inventory"] == 70.2  # 1194000 / 17000 = 70.24
    assert north["sell_through_rate"] == pytest.approx(6 / 19)  # 6 / (6 + 4 + 6 + 2 + 1)
    assert north["best_seller_stockout_days"] == 7
    assert north["slow_movers"] == 2
    south = rows.loc["South"]
    assert south["stock_value"] == 40.00
    assert south["average_stock_value"] == 90.67  # 272000 / 30 = 9066.7 cents
    # No stocked sale: its Tea set and Bowl are not counted there and its one November Vase
    # line (N-06) was RETURNED: no cost of goods sold, so turnover 0 and no days of stock
    assert south["inventory_turnover"] == 0.0
    assert pd.isna(south["days_of_inventory"])
    assert south["sell_through_rate"] == 0.0  # 0 / (0 + 1)


def test_by_product_category_shows_which_turns_slowly(tiny_store: Store) -> None:
    request = MetricRequest(
        kpis=("inventory_turnover", "stock_value"), filters=NOV, dimension="product_category"
    )
    rows = _frame(tiny_store, request).set_index("product_category")
    # Tableware: cost-days 546000 + 270000 + 210000 = 1026000; sales 70 + 30 + 15 + 15 = 130.00
    # 365 x 13000 / 1026000 = 4.6248 -> 4.62. Decor (Vases): 168000 + 272000 = 440000; sales
    # 40.00 (N-05): 365 x 4000 / 440000 = 3.3182 -> 3.32.
    assert rows.loc["Tableware", "inventory_turnover"] == 4.62
    assert rows.loc["Decor", "inventory_turnover"] == 3.32
    assert rows.loc["Tableware", "stock_value"] == 440.00  # 280 + 90 + 70
    assert rows.loc["Decor", "stock_value"] == 120.00  # 80 + 40


def test_by_product_a_product_first_counted_mid_period(tiny_store: Store) -> None:
    request = MetricRequest(
        kpis=("average_stock_value", "inventory_turnover"), filters=NOV, dimension="product"
    )
    rows = _frame(tiny_store, request).set_index("product")
    # The Vase has no count at 1 Nov at North: it counts 0 there until 10 Nov. Cost-days
    # 168000 (North) + 272000 (South) = 440000 over 30 days = 14666.7 cents. Its 5 Nov sale at
    # North Hub came before the count and is not set against it: 365 x 4000 / 440000 = 3.32.
    assert rows.loc["Vase", "average_stock_value"] == 146.67
    assert rows.loc["Vase", "inventory_turnover"] == 3.32
    # Bowl: 270000 / 30 = 9000 cents; sales 30 + 15 + 15 = 60.00: 365 x 6000 / 270000 = 8.11
    assert rows.loc["Bowl", "average_stock_value"] == 90.00
    assert rows.loc["Bowl", "inventory_turnover"] == 8.11


def test_weekly_trend_reads_each_buckets_last_day(tiny_store: Store) -> None:
    request = MetricRequest(
        kpis=("stock_value", "average_stock_value", "best_seller_stockout_days"),
        filters=NOV,
        grain="week",
    )
    frame = _frame(tiny_store, request)
    by_week = {
        pd.Timestamp(b).date(): (s, a, d)
        for b, s, a, d in frame[
            ["bucket", "stock_value", "average_stock_value", "best_seller_stockout_days"]
        ].itertuples(index=False)
    }
    assert by_week == {
        # 1-3 Nov (the week of 28 Oct, cut at the period's start): 210 + 90 + 70 + 120 each day
        date(2024, 10, 28): (490.00, 490.00, 0),
        # 4-10 Nov: 490 until the Vase's 10 Nov count: 6 x 49000 + 57000 = 351000 / 7 = 50143
        date(2024, 11, 4): (570.00, 501.43, 0),
        # 11-17 Nov: 57000 for 11-14, 36000 (Tea set at 0) for 15-17: 228000 + 108000 = 336000
        # / 7 = 48000; three stock-out days
        date(2024, 11, 11): (360.00, 480.00, 3),
        # 18-24 Nov: 18-19 36000, 20-21 28000 (South's Vase at 40.00), 22-24 56000:
        # 72000 + 56000 + 168000 = 296000 / 7 = 42285.7 -> 42286; stock-out 18-21 Nov
        date(2024, 11, 18): (560.00, 422.86, 4),
        date(2024, 11, 25): (560.00, 560.00, 0),  # 25-30 Nov, 56000 every day
    }


def test_team_filter_and_a_persons_filter(tiny_store: Store) -> None:
    north = _values(tiny_store, NOV.model_copy(update={"team_id": NORTH}))
    assert north["stock_value"] == 520.00  # as North's row of the breakdown
    assert north["inventory_turnover"] == 5.2
    # Stock belongs to a store/team, never to a person: filtered to Ann there is none.
    ann = _values(tiny_store, NOV.model_copy(update={"rep_id": ANN}))
    assert ann["stock_value"] == 0.0
    assert ann["inventory_turnover"] is None
