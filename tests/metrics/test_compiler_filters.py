"""A condition every aggregate of a source's CTE filters on goes to the CTE's WHERE once
(metrics.aggregate_filters): the rows are filtered once instead of per aggregate."""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics import service
from metrics.aggregate_filters import filter_of
from metrics.compiler import MetricRequest, compile_request
from metrics.filters import Filters

NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))


@pytest.mark.parametrize(
    ("aggregate", "condition"),
    [
        ("sum(net_amount_cents) FILTER (WHERE status = 'completed')", "status = 'completed'"),
        ("sum(x) FILTER (WHERE (a = 1) AND (b = 2))", "(a = 1) AND (b = 2)"),
        (
            "avg(datediff('day', created_date, closed_date)) FILTER (WHERE stage = 'won')",
            "stage = 'won'",
        ),
        ("count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)", None),
        ("sum(x) FILTER (WHERE a = 1) + 1", None),  # the FILTER does not end it
        ("(sum(x) FILTER (WHERE a = 1))", None),  # the last bracket is not the FILTER's
        ("count(DISTINCT customer_id)", None),
    ],
)
def test_the_condition_of_an_aggregates_one_filter(aggregate: str, condition: str | None) -> None:
    assert filter_of(aggregate) == condition


def test_revenue_and_active_customers_filter_the_rows_once() -> None:
    sql = compile_request(MetricRequest(kpis=("revenue", "active_customers"), filters=NOV)).sql
    assert "FILTER" not in sql
    assert "WHERE status = 'completed'" in sql


def test_different_filters_stay_on_their_aggregates() -> None:
    sql = compile_request(MetricRequest(kpis=("revenue", "returns_value"), filters=NOV)).sql
    assert "FILTER (WHERE status = 'completed')" in sql
    assert "FILTER (WHERE status = 'returned')" in sql


def test_the_numbers_are_the_kpis_by_hand(tiny_store: Store) -> None:
    """November (tests/metrics/fixture.py): revenue 841.00 from five customers (Cedar's one
    order, N-08, was cancelled); with returns beside it (N-06's Vase, 80.50) the filters
    stay apart and revenue is unchanged."""
    both = service.values(tiny_store, ("revenue", "active_customers"), NOV)
    assert both == {"revenue": 841.00, "active_customers": 5}
    apart = service.values(tiny_store, ("revenue", "returns_value"), NOV)
    assert apart == {"revenue": 841.00, "returns_value": 80.50}
