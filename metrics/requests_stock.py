"""Requests of the stock page and the stand-up's stock section (see metrics.requests)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.store import Store
from data.table_versions import ORDER_HISTORY
from metrics import service, stock_lists
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from metrics.requests import Request

# The stock KPIs a store team reads, in the order the stock page shows them.
STOCK_KPIS: tuple[str, ...] = (
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
# By category: which turn slowly, and what their stock costs.
CATEGORY_KPIS: tuple[str, ...] = (
    "inventory_turnover",
    "days_of_inventory",
    "stock_value",
    "slow_stock_value",
    "dead_stock_value",
)


class _StockRequest(Request):
    """A stock request: it reads the stock counts and the order history, none of which a
    logged call, a commitment or a note changes (data.table_versions)."""

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY | {"stock"}


class HasStock(_StockRequest):
    """Whether any stock was counted in the filters' scope."""

    filters: Filters

    def run(self, store: Store) -> bool:
        return stock_lists.has_stock(store, self.filters)


class StockByCategory(_StockRequest):
    """The category KPIs per product category, slowest turnover first (no turnover last)."""

    filters: Filters

    def run(self, store: Store) -> pd.DataFrame:
        metric = MetricRequest(
            kpis=CATEGORY_KPIS, filters=self.filters, dimension="product_category"
        )
        frame = service.run(store, metric)
        return frame.sort_values(
            ["inventory_turnover", "product_category"], na_position="last"
        ).reset_index(drop=True)


class SlowMovers(_StockRequest):
    """Slow movers as of `day`, most valuable first."""

    filters: Filters
    day: date

    def run(self, store: Store) -> pd.DataFrame:
        return stock_lists.slow_movers(store, self.filters, self.day)


class StockoutsThisWeek(_StockRequest):
    """Best sellers out of stock on a day of the seven ending `day`."""

    filters: Filters
    day: date

    def run(self, store: Store) -> pd.DataFrame:
        return stock_lists.stockouts_this_week(store, self.filters, self.day)


class StockoutsToday(_StockRequest):
    """Best sellers with none on hand on `day`."""

    filters: Filters
    day: date

    def run(self, store: Store) -> pd.DataFrame:
        return stock_lists.best_seller_stockouts(store, self.filters, self.day, self.day)


class ToReorder(_StockRequest):
    """Items in stock on `day` that cover fewer than REORDER_COVER_DAYS days of sales."""

    filters: Filters
    day: date

    def run(self, store: Store) -> pd.DataFrame:
        return stock_lists.to_reorder(store, self.filters, self.day)
