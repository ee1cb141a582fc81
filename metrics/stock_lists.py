"""Row-level stock lists (issue 23): slow movers with their value, best sellers out of stock,
items to reorder. They read the same stock source as the stock KPIs (metrics/sources.py), with
the same scope rules, so a list's rows add up to its KPI (slow movers, their value).

A list is as of one day: each item's stock that day is its latest count on or before it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from data.store import Store
from metrics.compiler import scope_params
from metrics.filters import Filters
from metrics.list_queries import money, query_frame, source, where
from metrics.sources import SLOW_MOVER_DAYS

# Reorder when the stock on hand covers fewer than this many days at the rate the item sold
# in the last SLOW_MOVER_DAYS days (and some is still there: an item at 0 is a stock-out).
REORDER_COVER_DAYS = 14

_ITEM = "s.group_name AS store, s.product_name AS product, s.product_category AS category"
SLOW_MOVER_COLUMNS = ["store", "product", "category", "on_hand", "stock_value", "sold_90_days"]
STOCKOUT_COLUMNS = ["store", "product", "category", "days_out", "sold_90_days"]
REORDER_COLUMNS = ["store", "product", "category", "on_hand", "sold_90_days", "cover_days"]


def _rows(
    store: Store, filters: Filters, first: date, last: date, sql: str, columns: list[str]
) -> pd.DataFrame:
    """Run a list over the stock source expanded from `first` to `last` only."""
    return query_frame(store, filters, sql, columns, first_day=first, last_day=last)


def _stock_list_sql(select: str, rest: str) -> str:
    """`select` FROM the stock source, then `rest` (WHERE, GROUP BY, ORDER BY): the source's
    days limited to $first_day .. $last_day, with only the derived columns the list names (a
    reorder list needs no best sellers)."""
    rows = source("stock", select, rest)
    rows = rows.replace("$range_start", "$first_day").replace("$range_end", "$last_day")
    return f"{select}\nFROM {rows}{rest}"


def slow_movers(store: Store, filters: Filters, day: date) -> pd.DataFrame:
    """Items with more on hand on `day` than sold in the SLOW_MOVER_DAYS up to it (the
    slow_movers KPI's rule), most valuable first: store, product, category, on hand, value at
    cost (currency units) and units sold in those days."""
    select = f"""
SELECT {_ITEM}, s.quantity AS on_hand, {money("s.value_cents")} AS stock_value,
       s.sold_recently::BIGINT AS sold_90_days"""
    rest = f"""
WHERE {where(filters, "s.day = $last_day", "s.quantity > s.sold_recently")}
ORDER BY s.value_cents DESC, store, product"""
    sql = _stock_list_sql(select, rest)
    return _rows(store, filters, day, day, sql, SLOW_MOVER_COLUMNS)


def best_seller_stockouts(store: Store, filters: Filters, first: date, last: date) -> pd.DataFrame:
    """Best sellers (the KPI's: each store's top sellers of the 90 days up to `last`) that had
    none on hand on a day from `first` to `last`, with how many of those days, most first."""
    select = f"""
SELECT {_ITEM}, count(*) AS days_out, max(s.sold_recently)::BIGINT AS sold_90_days"""
    rest = f"""
WHERE {where(filters, "s.day BETWEEN $first_day AND $last_day", "s.quantity = 0", "s.best_seller")}
GROUP BY ALL
ORDER BY days_out DESC, sold_90_days DESC, store, product"""
    sql = _stock_list_sql(select, rest)
    return _rows(store, filters, first, last, sql, STOCKOUT_COLUMNS)


def stockouts_this_week(store: Store, filters: Filters, day: date) -> pd.DataFrame:
    """Best sellers out of stock on any of the seven days ending `day`."""
    return best_seller_stockouts(store, filters, day - timedelta(days=6), day)


def to_reorder(store: Store, filters: Filters, day: date) -> pd.DataFrame:
    """Items still in stock on `day` whose stock covers fewer than REORDER_COVER_DAYS days at
    their rate of sale over the SLOW_MOVER_DAYS up to it, fewest days first. Cover is on hand
    x SLOW_MOVER_DAYS / units sold, to one decimal; the cut-off is compared in whole numbers."""
    days = SLOW_MOVER_DAYS
    select = f"""
SELECT {_ITEM}, s.quantity AS on_hand, s.sold_recently::BIGINT AS sold_90_days,
       round(s.quantity * {days}.0 / s.sold_recently, 1) AS cover_days"""
    conditions = where(
        filters,
        "s.day = $last_day",
        "s.quantity > 0",
        "s.sold_recently > 0",
        f"s.quantity * {days} < {REORDER_COVER_DAYS} * s.sold_recently",
    )
    rest = f"""
WHERE {conditions}
ORDER BY s.quantity * {days} / s.sold_recently, store, product"""
    sql = _stock_list_sql(select, rest)
    return _rows(store, filters, day, day, sql, REORDER_COLUMNS)


def has_stock(store: Store, filters: Filters) -> bool:
    """True when any stock was counted in the filters' scope: a team with none (or a person)
    gets no stock section."""
    sql = f"""
SELECT EXISTS (
    SELECT 1 FROM (
        SELECT DISTINCT f.team_id, NULL::INTEGER AS rep_id, NULL::DATE AS rep_leave_date,
               t.channel
        FROM stock f
        LEFT JOIN team_roots tr ON tr.team_id = f.team_id
        LEFT JOIN teams t ON t.team_id = tr.root_id
    ) s
    WHERE {where(filters)}
)"""
    return bool(store.scalar(sql, scope_params(filters, sql)))
