"""The stock lists (metrics/stock_lists.py) on the tiny fixture, worked out by hand.

North (team 1) holds 4 Tea sets from its 22 Nov 2024 count on (fixture STOCK). Its Tea set
sales (completed lines of North and North Hub below it, fixture ORDERS): O-01 3 Oct (1 unit),
O-03 15 Oct (1), N-01 4 Nov (1); N-09's Tea set line was cancelled. "Sold in the 90 days up to
a day" counts the days after day - 90 up to the day itself.
"""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics import service, stock_lists
from metrics.compiler import MetricRequest
from metrics.filters import Filters

NORTH = 1


def _tea_set_sold(store: Store, day: date) -> int:
    filters = Filters(start=day, end=day, team_id=NORTH)
    rows = stock_lists.slow_movers(store, filters, day)
    tea = rows[(rows["store"] == "North") & (rows["product"] == "Tea set")]
    assert len(tea) == 1 and tea.iloc[0]["on_hand"] == 4
    return int(tea.iloc[0]["sold_90_days"])


@pytest.mark.parametrize(
    ("day", "sold"),
    [
        (date(2025, 1, 12), 2),  # after 14 Oct: 15 Oct and 4 Nov
        (date(2025, 1, 13), 1),  # after 15 Oct: 15 Oct itself no longer counts
        (date(2025, 2, 1), 1),  # after 3 Nov: 4 Nov
        (date(2025, 2, 2), 0),  # after 4 Nov: nothing
    ],
)
def test_sold_in_the_90_days_is_exact_at_the_window_edge(
    tiny_store: Store, day: date, sold: int
) -> None:
    # The list reads sales from 90 days before its day only (older ones cancel out): the sale
    # exactly 90 days before is the one that must fall out.
    assert _tea_set_sold(tiny_store, day) == sold


def test_slow_movers_add_up_to_their_kpis(tiny_store: Store) -> None:
    # The list and the KPIs apply one rule to one source: as many rows as the KPI counts, and
    # their values (at cost) add up to the KPI's, to the cent (test_stock_kpis works the KPI).
    day = date(2024, 11, 30)
    filters = Filters(start=date(2024, 11, 1), end=day)
    rows = stock_lists.slow_movers(tiny_store, filters, day)
    kpis = service.run(
        tiny_store, MetricRequest(kpis=("slow_movers", "slow_stock_value"), filters=filters)
    ).iloc[0]
    assert len(rows) == kpis["slow_movers"]
    assert round(rows["stock_value"].sum() * 100) == round(kpis["slow_stock_value"] * 100)


def _dead_stock_value(store: Store, first: date, day: date) -> float:
    filters = Filters(start=first, end=day, team_id=NORTH)
    request = MetricRequest(kpis=("dead_stock_value",), filters=filters)
    return float(service.run(store, request).iloc[0]["dead_stock_value"])


@pytest.mark.parametrize("first", [date(2025, 5, 2), date(2025, 5, 1), date(2024, 12, 1)])
def test_dead_stock_is_exact_at_180_days(tiny_store: Store, first: date) -> None:
    # North's Tea set (4 on hand from 22 Nov, 70.00 each: 280.00) last sold on 4 Nov 2024
    # (N-01). On 2 May 2025 that is 179 days before: it sold in the 180 days, not dead. On
    # 3 May it is 180 days before: dead. Nothing else of North's last sold on 3 Nov. Sales are
    # read from 180 days before the range's first day on: the answer must not depend on it.
    alive = _dead_stock_value(tiny_store, first, date(2025, 5, 2))
    dead = _dead_stock_value(tiny_store, first, date(2025, 5, 3))
    assert round((dead - alive) * 100) == 28000
