"""KPIs by lifecycle stage and RFM segment: customers classified once, then any KPI split."""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from metrics.segments import customer_classes, customers_in, lifecycle, rfm

NOVEMBER = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))


def test_revenue_by_a_given_classification(tiny_store: Store) -> None:
    # November's completed revenue: Acme 270.00, Birch 105.50, Delta 240.00, Elm 105.50 and
    # Fir 120.00 (its returned line does not count). Acme and Birch are "a", Delta "b"; Elm
    # and Fir are not classified.
    request = MetricRequest(
        kpis=("revenue",),
        filters=NOVEMBER,
        dimension="rfm_segment",
        customer_segments=((1, "a"), (2, "a"), (4, "b")),
    )
    frame = service.run(tiny_store, request)
    assert dict(zip(frame["rfm_segment"], frame["revenue"], strict=True)) == {
        "a": 375.50,
        "b": 240.00,
        "(not set)": 225.50,
    }


def test_without_a_classification_everything_is_not_set(tiny_store: Store) -> None:
    request = MetricRequest(kpis=("revenue",), filters=NOVEMBER, dimension="lifecycle_stage")
    frame = service.run(tiny_store, request)
    assert frame.to_dict("records") == [{"lifecycle_stage": "(not set)", "revenue": 841.00}]


@pytest.mark.parametrize("dimension", ["lifecycle_stage", "rfm_segment"])
def test_classes_are_the_segments_pages_own(tiny_store: Store, dimension: str) -> None:
    classes = dict(customer_classes(tiny_store, NOVEMBER, dimension, NOVEMBER.end))
    if dimension == "rfm_segment":
        expected = rfm(tiny_store, NOVEMBER, NOVEMBER.end).set_index("customer_id")["segment"]
    else:
        expected = lifecycle(tiny_store, NOVEMBER, NOVEMBER.end).set_index("customer_id")["stage"]
    assert classes == expected.to_dict()


def test_active_customers_by_stage_add_up(tiny_store: Store) -> None:
    classes = customer_classes(tiny_store, NOVEMBER, "lifecycle_stage", NOVEMBER.end)
    request = MetricRequest(
        kpis=("active_customers",),
        filters=NOVEMBER,
        dimension="lifecycle_stage",
        customer_segments=classes,
    )
    frame = service.run(tiny_store, request)
    total = service.values(tiny_store, ("active_customers",), NOVEMBER)["active_customers"]
    assert frame["active_customers"].sum() == total == 5


def test_two_segment_dimensions_cannot_be_crossed() -> None:
    with pytest.raises(ValueError, match="cannot be crossed"):
        MetricRequest(
            kpis=("revenue",), filters=NOVEMBER, dimension="rfm_segment",
            dimension2="lifecycle_stage",
        )  # fmt: skip


def test_customers_behind_a_value(tiny_store: Store) -> None:
    # East in November: Acme 270.00 (N-01, N-07), Fir 120.00 (N-06, its return aside), Birch
    # 105.50 (N-02, N-03).
    east = customers_in(tiny_store, NOVEMBER, "region", "East")
    assert east[["customer", "revenue", "orders"]].values.tolist() == [
        ["Acme", 270.0, 2],
        ["Fir", 120.0, 1],
        ["Birch", 105.5, 2],
    ]
    in_segment = customers_in(tiny_store, NOVEMBER, "rfm_segment", "x", (4, 5))
    assert list(in_segment["customer"]) == ["Delta", "Elm"]
