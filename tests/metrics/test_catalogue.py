"""Every KPI in the catalogue is complete and compiles, alone, by each grain and dimension."""

from __future__ import annotations

from datetime import date

import pytest

from metrics.catalogue import CATALOGUE, listed_kpis, targeted_kpis
from metrics.compiler import MetricRequest, can_break_down, compile_request
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from metrics.model import GRAINS
from tests.store_engines import AnyStore, StoreMaker

FILTERS = Filters(start=date(2026, 1, 1), end=date(2026, 3, 31), team_id=1, hide_leavers=True)
REQUIRED = {
    "revenue", "orders", "average_order_value", "gross_margin", "active_customers",
    "new_customers", "retention_rate", "churn_rate", "repeat_purchase_rate", "won_value",
    "win_rate", "pipeline_value", "average_deal_size", "sales_cycle_days", "activities",
    "csat", "nps", "complaints", "complaint_resolution_days", "revenue_attainment",
    "revenue_per_rep",
}  # fmt: skip


def test_the_catalogue_has_every_kpi_the_product_promises() -> None:
    assert set(CATALOGUE) >= REQUIRED


def test_non_revenue_kpis_can_carry_targets() -> None:
    assert {"revenue", "new_customers", "won_deals", "activities"} <= {
        k.id for k in targeted_kpis()
    }


@pytest.fixture(scope="module")
def empty_store(module_stores: StoreMaker) -> AnyStore:
    """A migrated, empty store (read only by the tests): every KPI runs on the real schema."""
    return module_stores("empty")


@pytest.mark.parametrize("kpi_id", sorted(CATALOGUE))
def test_every_kpi_is_described_and_runs(kpi_id: str, empty_store: AnyStore) -> None:
    kpi = CATALOGUE[kpi_id]
    assert kpi.label.strip() and kpi.definition.strip() and kpi.unit
    assert kpi.definition.endswith("."), "definitions are sentences"
    for grain in (None, *GRAINS):
        compiled = compile_request(MetricRequest(kpis=(kpi_id,), filters=FILTERS, grain=grain))
        empty_store.query(compiled.sql, compiled.params)  # runs on the real schema


@pytest.mark.parametrize("dimension", sorted(DIMENSIONS))
def test_every_listed_kpi_breaks_down_where_its_sources_allow(
    dimension: str, empty_store: AnyStore
) -> None:
    kpis = tuple(k.id for k in listed_kpis() if can_break_down(k.id, dimension))
    assert kpis, f"no KPI can be broken down by {dimension}"
    request = MetricRequest(kpis=kpis, filters=FILTERS, dimension=dimension, with_targets=True)
    compiled = compile_request(request)
    frame = empty_store.query(compiled.sql, compiled.params)
    assert list(frame.columns) == compiled.columns


def test_user_choices_travel_as_parameters_not_sql_text() -> None:
    sneaky = Filters(
        start=date(2026, 1, 1), end=date(2026, 1, 31), channel="x'; DROP TABLE orders; --"
    )
    compiled = compile_request(MetricRequest(kpis=("revenue",), filters=sneaky))
    assert "DROP TABLE" not in compiled.sql
    assert compiled.params["channel"] == sneaky.channel


def test_unknown_kpi_and_dimension_are_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="no KPI called 'profit'"):
        MetricRequest(kpis=("profit",), filters=FILTERS)
    with pytest.raises(ValueError, match="no dimension called 'planet'"):
        MetricRequest(kpis=("revenue",), filters=FILTERS, dimension="planet")
