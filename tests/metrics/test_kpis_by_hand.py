"""Every KPI checked against values worked out BY HAND from the rows in tests/metrics/fixture.py.

No expected value here comes from running SQL or the code under test: each literal has its
arithmetic beside it. Money comes back in currency units (cents / 100, derived money rounded
half away from zero to whole cents), percents as fractions, days to 1 decimal, scores to 2.

Ids used below: teams North=1 (group North Hub=11), South=2 (group South Hub=21); reps Ann=101,
Ben=102 (left 2024-11-20), Cai=103, Dee=201, Eve=202.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from data.store import Store
from metrics import service
from metrics.catalogue import CATALOGUE
from metrics.compiler import CompileError, MetricRequest
from metrics.filters import Filters

# tiny_store (tests/metrics/conftest.py) runs every test here on DuckDB and on PostgreSQL.


NORTH, NORTH_HUB, SOUTH, SOUTH_HUB = 1, 11, 2, 21
BEN = 102

AUG = Filters(start=date(2024, 8, 1), end=date(2024, 8, 31))  # no data at all
OCT = Filters(start=date(2024, 10, 1), end=date(2024, 10, 31))
NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
NOV_1_10 = Filters(start=date(2024, 11, 1), end=date(2024, 11, 10))
NOV_1_15 = Filters(start=date(2024, 11, 1), end=date(2024, 11, 15))
SEP_TO_DEC = Filters(start=date(2024, 9, 1), end=date(2024, 12, 31))

# Every KPI in the catalogue for November 2024, company-wide (no filter). Previous period for
# retention is October 2024.
NOVEMBER_EXPECTED: dict[str, float | None] = {
    # Completed Nov lines: N-01 120.00+50.00, N-02 80.50, N-03 25.00, N-04 240.00, N-05 80.50,
    # N-06 120.00 (its returned Vase line excluded), N-07 100.00, N-09 25.00 (its cancelled
    # line excluded), N-08 cancelled: 170 + 80.50 + 25 + 240 + 80.50 + 120 + 100 + 25 = 841.00
    "revenue": 841.00,
    # Official Nov company revenue target 100000 cents; the 'stretch' scenario is ignored.
    "revenue_target": 1000.00,
    "revenue_attainment": 0.841,  # 841.00 / 1000.00
    # N-01..N-07 and N-09 have a completed line; N-08 is wholly cancelled: 8
    "orders": 8,
    # 84100 / 8 = 10512.5 cents -> half away from zero -> 10513 cents
    "average_order_value": 105.13,
    # Costs of the completed lines: 70+30 + 40 + 15 + 140 + 40 + 70 + 60 + 15 = 480.00;
    # 841.00 - 480.00 = 361.00
    "gross_margin": 361.00,
    "gross_margin_rate": 36100 / 84100,  # 361.00 / 841.00 = 0.42925...
    "returns_value": 80.50,  # N-06 line 2 (Vase), returned
    "selling_reps": 5,  # Ann, Ben, Cai, Dee, Eve all have a completed Nov line
    "revenue_per_rep": 168.20,  # 84100 / 5 = 16820 cents
    "active_customers": 5,  # Acme, Birch, Delta, Elm, Fir (Cedar's only order was cancelled)
    "new_customers": 1,  # Elm: first-ever completed order on 12 Nov
    "new_customers_target": 2,
    "new_customers_attainment": 0.5,  # 1 / 2
    "returning_customers": 4,  # Acme, Birch, Delta, Fir bought before 1 Nov
    # Bought in Oct and again in Nov: Acme (Oct 3), Birch (Oct 8), Fir (Oct 15) = 3
    "retained_customers": 3,
    # Oct active: Acme, Birch, Fir, Cedar = 4 (Delta's Oct order was cancelled): 3 / 4
    "retention_rate": 0.75,
    "churn_rate": 0.25,  # 1 - 3/4 (Cedar did not buy again)
    # Two or more different Nov days: Acme (4 & 18), Elm (12 & 26); Birch's two orders were
    # on the same day (5 Nov) so Birch is not a repeat customer: 2
    "repeat_customers": 2,
    "repeat_purchase_rate": 0.4,  # 2 / 5
    "won_deals": 2,  # D-1 (closed 6 Nov), D-2 (13 Nov); D-5 closes in Dec
    "won_deals_target": 5,
    "won_deals_attainment": 0.4,  # 2 / 5
    "closed_deals": 3,  # D-1, D-2 won + D-3 lost
    "won_value": 700.00,  # 500.00 + 200.00
    "win_rate": 2 / 3,  # 2 won / 3 closed
    "average_deal_size": 350.00,  # 700.00 / 2
    # D-1: 1 Oct -> 6 Nov = 36 days; D-2: 2 Nov -> 13 Nov = 11 days; (36 + 11) / 2 = 23.5
    "sales_cycle_days": 23.5,
    "new_deals": 3,  # created in Nov: D-2, D-4, D-5
    # Open at end of 30 Nov: D-4 400.00 (open), D-5 150.00 (closes 5 Dec), D-6 100.00 (open)
    "pipeline_value": 650.00,
    "pipeline_estimated_value": 0.0,  # every open deal has an amount: nothing estimated
    "pipeline_unvalued_deals": 0,  # D-4, D-5, D-6 all have an amount: none left out
    "activities": 5,  # activities 1-5 (6 is in October)
    "activities_target": 8,
    "activities_attainment": 0.625,  # 5 / 8
    "customers_contacted": 3,  # Acme, Birch, Delta (activity 4 has no customer)
    "csat": 4.33,  # (5 + 3 + 5) / 3 = 4.333 -> 4.33
    "csat_responses": 3,
    # nps answers 10, 6, 9, 7: promoters 2 (10, 9), detractors 1 (6): 100 * (2 - 1) / 4
    "nps": 25.0,
    "complaints": 3,  # feedback 2, 3, 4
    # resolved complaints: 9 -> 12 Nov = 3 days, 16 -> 24 Nov = 8 days; #4 unresolved: 11 / 2
    "complaint_resolution_days": 5.5,
    # Stock (fixture STOCK): every stock value is worked out in tests/metrics/test_stock_kpis.py
    "cost_of_goods_sold": 170.00,  # N-01 70+30, N-03 15, N-05 40, N-09 15
    "units_sold": 6,  # 1 + 2 + 1 + 1 + 1
    "stock_cost_days": 1466000,  # 546000 + 270000 + 168000 + 210000 + 272000 cent-days
    "stock_units": 14,  # on 30 Nov: 4 + 6 + 2 + 1 + 1
    "stock_value": 560.00,  # 280 + 90 + 80 + 70 + 40
    "average_stock_value": 488.67,  # 1466000 / 30 = 48866.7 cents
    "inventory_turnover": 4.23,  # 365 * 17000 / 1466000 = 4.2326
    # The shared fixture sets no turnover target (level targets: test_level_targets.py).
    "inventory_turnover_target": None,
    "inventory_turnover_attainment": None,
    "days_of_inventory": 86.2,  # 1466000 / 17000 = 86.24
    "sell_through_rate": 0.3,  # 6 / (6 + 14)
    "best_seller_stockout_days": 7,  # North's Tea set at 0 from 15 to 21 Nov
    "slow_movers": 2,  # North's Tea set (4 on hand, 3 sold), North Hub's (never sold there)
    "slow_stock_value": 350.00,  # 280 + 70
    "dead_stock_value": 70.00,  # North Hub's Tea set
}

# August 2024 has no rows of any kind, and no deal had been created by 31 Aug: sums are 0,
# ratios and averages are undefined (None), and there are no targets.
AUGUST_EXPECTED: dict[str, float | None] = {
    "revenue": 0.0,
    "revenue_target": None,
    "revenue_attainment": None,
    "orders": 0,
    "average_order_value": None,
    "gross_margin": 0.0,
    "gross_margin_rate": None,
    "returns_value": 0.0,
    "selling_reps": 0,
    "revenue_per_rep": None,
    "active_customers": 0,
    "new_customers": 0,
    "new_customers_target": None,
    "new_customers_attainment": None,
    "returning_customers": 0,
    "retained_customers": 0,
    "retention_rate": None,  # July had no active customer either
    "churn_rate": None,
    "repeat_customers": 0,
    "repeat_purchase_rate": None,
    "won_deals": 0,
    "won_deals_target": None,
    "won_deals_attainment": None,
    "closed_deals": 0,
    "won_value": 0.0,
    "win_rate": None,
    "average_deal_size": None,
    "sales_cycle_days": None,
    "new_deals": 0,
    "pipeline_value": 0.0,  # the first deals (D-8, D-6) were created 1 and 5 Sep
    "pipeline_estimated_value": 0.0,
    "pipeline_unvalued_deals": 0,
    "activities": 0,
    "activities_target": None,
    "activities_attainment": None,
    "customers_contacted": 0,
    "csat": None,
    "csat_responses": 0,
    "nps": None,
    "complaints": 0,
    "complaint_resolution_days": None,
    # No stock was counted before October: nothing on hand, nothing to divide by
    "cost_of_goods_sold": 0.0,
    "units_sold": 0,
    "stock_cost_days": 0,
    "stock_units": 0,
    "stock_value": 0.0,
    "average_stock_value": 0.0,
    "inventory_turnover": None,
    "inventory_turnover_target": None,
    "inventory_turnover_attainment": None,
    "days_of_inventory": None,
    "sell_through_rate": None,
    "best_seller_stockout_days": 0,
    "slow_movers": 0,
    "slow_stock_value": 0.0,
    "dead_stock_value": 0.0,
}


def _check_every_kpi(store: Store, filters: Filters, expected: dict[str, float | None]) -> None:
    missing = sorted(set(CATALOGUE) - set(expected))
    assert not missing, (
        f"No hand-worked expected value for KPI(s) {missing}: work them out from "
        "tests/metrics/fixture.py and add them to the expected dict."
    )
    unknown = sorted(set(expected) - set(CATALOGUE))
    assert not unknown, f"Expected values for KPIs that no longer exist: {unknown}"
    actual = service.values(store, tuple(CATALOGUE), filters)
    for kpi_id, want in expected.items():
        got = actual[kpi_id]
        if want is None:
            assert got is None, f"{kpi_id}: expected None (undefined), got {got!r}"
            continue
        assert got == pytest.approx(want, rel=1e-9, abs=1e-9), (
            f"{kpi_id}: expected {want!r}, got {got!r}"
        )
        if got is not None and CATALOGUE[kpi_id].unit == "money":
            assert round(got * 100) == pytest.approx(got * 100, abs=1e-6), (
                f"{kpi_id} = {got!r} is not in whole cents"
            )


def test_every_kpi_for_november(tiny_store: Store) -> None:
    _check_every_kpi(tiny_store, NOV, NOVEMBER_EXPECTED)


def test_every_kpi_for_a_month_without_data(tiny_store: Store) -> None:
    _check_every_kpi(tiny_store, AUG, AUGUST_EXPECTED)


def test_empty_period_sums_are_zero_and_ratios_none(tiny_store: Store) -> None:
    got = service.values(tiny_store, ("revenue", "average_order_value", "win_rate"), AUG)
    assert got == {"revenue": 0.0, "average_order_value": None, "win_rate": None}


# Sales ---------------------------------------------------------------------------------------


def test_sales_for_october(tiny_store: Store) -> None:
    got = service.values(
        tiny_store,
        ("revenue", "orders", "average_order_value", "gross_margin", "returns_value"),
        OCT,
    )
    assert got == pytest.approx(
        {
            # O-01 120.00 + O-02 50.00 + O-03 120.00 + O-04 80.50 (O-05 cancelled) = 370.50
            "revenue": 370.50,
            "orders": 4,
            "average_order_value": 92.63,  # 37050 / 4 = 9262.5 cents -> 9263 (half away)
            # costs 70 + 30 + 70 + 40 = 210.00; 370.50 - 210.00 = 160.50
            "gross_margin": 160.50,
            "returns_value": 0.0,
        }
    )


def test_team_filter_includes_its_group(tiny_store: Store) -> None:
    kpis = ("revenue", "orders", "selling_reps")
    north = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": NORTH}))
    north_hub = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": NORTH_HUB}))
    south = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": SOUTH}))
    south_hub = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": SOUTH_HUB}))
    # North = Ann's N-01 170.00 + North Hub (Ben 80.50 + 25.00, Cai 80.50 + 25.00) = 381.00
    assert north == pytest.approx({"revenue": 381.00, "orders": 5, "selling_reps": 3})
    # North Hub alone: 80.50 + 25.00 + 80.50 + 25.00 = 211.00 (N-02, N-03, N-05, N-09)
    assert north_hub == pytest.approx({"revenue": 211.00, "orders": 4, "selling_reps": 2})
    # South = Dee's N-07 100.00 + South Hub (Eve: N-04 240.00 + N-06 120.00) = 460.00
    assert south == pytest.approx({"revenue": 460.00, "orders": 3, "selling_reps": 2})
    assert south_hub == pytest.approx({"revenue": 360.00, "orders": 2, "selling_reps": 1})


def test_leaver_counts_in_team_totals_unless_hidden(tiny_store: Store) -> None:
    kpis = ("revenue", "orders", "selling_reps")
    north = NOV.model_copy(update={"team_id": NORTH})
    # Ben's Nov sales (N-02 80.50 + N-03 25.00 = 105.50) are part of North's 381.00.
    assert service.values(tiny_store, ("revenue",), north) == {"revenue": 381.00}
    hidden = north.model_copy(update={"hide_leavers": True})
    # 381.00 - 105.50 = 275.50; orders 5 - 2 = 3; sellers Ann, Cai
    assert service.values(tiny_store, kpis, hidden) == pytest.approx(
        {"revenue": 275.50, "orders": 3, "selling_reps": 2}
    )
    # Company: 841.00 - 105.50 = 735.50; orders 8 - 2 = 6; 4 sellers
    company_hidden = NOV.model_copy(update={"hide_leavers": True})
    assert service.values(tiny_store, kpis, company_hidden) == pytest.approx(
        {"revenue": 735.50, "orders": 6, "selling_reps": 4}
    )
    # Over 1-10 Nov Ben had not left yet (20 Nov), so hiding leavers changes nothing:
    # N-01 170.00 + N-02 80.50 + N-03 25.00 + N-04 240.00 = 515.50
    early = NOV_1_10.model_copy(update={"hide_leavers": True})
    assert service.values(tiny_store, ("revenue",), early) == {"revenue": 515.50}


def test_rep_filter(tiny_store: Store) -> None:
    ben = NOV.model_copy(update={"rep_id": BEN})
    got = service.values(tiny_store, ("revenue", "orders"), ben, with_targets=True)
    assert got == pytest.approx(
        {
            "revenue": 105.50,  # 80.50 + 25.00
            "revenue_target": 100.00,  # Ben's own rep target
            "revenue_attainment": 1.055,  # 105.50 / 100.00
            "orders": 2,
        }
    )


# Customers -----------------------------------------------------------------------------------


def test_customer_bought_from_two_teams_counts_once_in_company(tiny_store: Store) -> None:
    kpis = ("active_customers",)
    company = service.values(tiny_store, kpis, NOV)
    north = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": NORTH}))
    south = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": SOUTH}))
    # Acme bought from Ann (North) on 4 Nov and from Dee (South) on 18 Nov.
    assert company == {"active_customers": 5}  # Acme, Birch, Delta, Elm, Fir
    assert north == {"active_customers": 3}  # Acme, Birch, Elm
    assert south == {"active_customers": 3}  # Acme, Delta, Fir
    assert north["active_customers"] + south["active_customers"] != company["active_customers"]


def test_retention_uses_previous_month_as_denominator(tiny_store: Store) -> None:
    got = service.values(tiny_store, ("active_customers", "retention_rate", "churn_rate"), OCT)
    # Sep active: Acme, Delta, Cedar = 3. Back in Oct: Acme (3 Oct), Cedar (22 Oct) = 2.
    # Oct active: Acme, Birch, Fir, Cedar = 4 (Delta's 25 Oct order was cancelled).
    assert got == pytest.approx(
        {"active_customers": 4, "retention_rate": 2 / 3, "churn_rate": 1 / 3}
    )


def test_retention_within_north(tiny_store: Store) -> None:
    north = NOV.model_copy(update={"team_id": NORTH})
    got = service.values(tiny_store, ("retention_rate", "churn_rate"), north)
    # North's Oct customers: Acme (Ann), Birch (Ben), Fir (Ann) = 3.
    # Bought from North again in Nov: Acme (4 Nov), Birch (5 Nov); Fir bought from South: 2/3
    assert got == pytest.approx({"retention_rate": 2 / 3, "churn_rate": 1 / 3})


def test_retention_within_south_only_counts_souths_own_customers(tiny_store: Store) -> None:
    south = NOV.model_copy(update={"team_id": SOUTH})
    got = service.values(tiny_store, ("retained_customers", "retention_rate", "churn_rate"), south)
    # South's Oct customers: Cedar only (O-04, Eve) = 1; Delta's O-05 was cancelled and Fir's
    # October order was with Ann (North). Cedar did not buy in Nov (N-08 cancelled), so none
    # of South's October customers came back: retention 0 / 1, churn 1.
    # (Fir bought from North in Oct and from South in Nov; Fir was not South's customer in Oct
    # and must not count as retained by South, or retention could exceed 100%.)
    assert got == pytest.approx({"retained_customers": 0, "retention_rate": 0.0, "churn_rate": 1.0})


def test_repeat_purchase_within_south_only_counts_buying_days_with_south(
    tiny_store: Store,
) -> None:
    south = NOV.model_copy(update={"team_id": SOUTH})
    got = service.values(
        tiny_store, ("active_customers", "repeat_customers", "repeat_purchase_rate"), south
    )
    # South's Nov customers each bought from South on ONE day: Delta 7 Nov (Eve), Fir 14 Nov
    # (Eve), Acme 18 Nov (Dee). Acme's other Nov day (4 Nov) was with Ann, in North, and is
    # outside South's scope, just as it is for South's revenue and active customers: 0 / 3.
    assert got == pytest.approx(
        {"active_customers": 3, "repeat_customers": 0, "repeat_purchase_rate": 0.0}
    )


def test_new_customers_are_first_ever_orders_even_within_a_team(tiny_store: Store) -> None:
    kpis = ("new_customers", "returning_customers")
    north = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": NORTH}))
    south = service.values(tiny_store, kpis, NOV.model_copy(update={"team_id": SOUTH}))
    # North's Nov customers: Elm (first-ever 12 Nov) new; Acme, Birch returning.
    assert north == {"new_customers": 1, "returning_customers": 2}
    # South's: Fir first bought on 15 Oct (from North), so Fir is returning, not new;
    # Acme (Sep) and Delta (Sep) are returning too.
    assert south == {"new_customers": 0, "returning_customers": 3}


# Deals ---------------------------------------------------------------------------------------


def test_pipeline_is_open_at_end_of_period(tiny_store: Store) -> None:
    got = service.values(tiny_store, ("pipeline_value", "won_deals", "new_deals"), OCT)
    # Open at 31 Oct: D-1 500.00 (created 1 Oct, won 6 Nov), D-3 300.00 (created 20 Oct,
    # lost 15 Nov), D-6 100.00; D-7 closed 10 Oct, D-8 25 Sep: 900.00.
    # Nothing won in Oct (D-7 was lost); created in Oct: D-1, D-3.
    assert got == pytest.approx({"pipeline_value": 900.00, "won_deals": 0, "new_deals": 2})


# Targets -------------------------------------------------------------------------------------


def test_company_targets(tiny_store: Store) -> None:
    got = service.values(
        tiny_store, ("revenue", "new_customers", "won_deals"), NOV, with_targets=True
    )
    assert got == pytest.approx(
        {
            "revenue": 841.00,
            "revenue_target": 1000.00,
            "revenue_attainment": 0.841,  # 841 / 1000
            "new_customers": 1,
            "new_customers_target": 2,
            "new_customers_attainment": 0.5,  # 1 / 2
            "won_deals": 2,
            "won_deals_target": 5,
            "won_deals_attainment": 0.4,  # 2 / 5
        }
    )


def test_team_filter_uses_the_teams_own_target(tiny_store: Store) -> None:
    north = service.values(
        tiny_store, ("revenue",), NOV.model_copy(update={"team_id": NORTH}), with_targets=True
    )
    # North's own target is 600.00 (not 600.00 + North Hub's 250.00, not the reps' targets).
    assert north == pytest.approx(
        {"revenue": 381.00, "revenue_target": 600.00, "revenue_attainment": 0.635}  # 381/600
    )
    north_hub = service.values(
        tiny_store,
        ("revenue",),
        NOV.model_copy(update={"team_id": NORTH_HUB}),
        with_targets=True,
    )
    assert north_hub == pytest.approx(
        {"revenue": 211.00, "revenue_target": 250.00, "revenue_attainment": 0.844}  # 211/250
    )


def test_targets_are_spread_evenly_over_days(tiny_store: Store) -> None:
    got = service.values(tiny_store, ("revenue", "new_customers"), NOV_1_15, with_targets=True)
    assert got == pytest.approx(
        {
            # N-01 170.00 + N-02 80.50 + N-03 25.00 + N-04 240.00 + N-05 80.50 + N-06 120.00
            "revenue": 716.00,
            "revenue_target": 500.00,  # 1000.00 * 15 / 30
            "revenue_attainment": 1.432,  # 716 / 500
            "new_customers": 1,  # Elm, 12 Nov
            "new_customers_target": 1,  # 2 * 15 / 30
            "new_customers_attainment": 1.0,
        }
    )


def test_channel_filter_uses_top_level_targets(tiny_store: Store) -> None:
    retail = NOV.model_copy(update={"channel": "retail"})
    got = service.values(tiny_store, ("revenue",), retail, with_targets=True)
    # Only North (and its group) sells retail: 381.00 against North's 600.00
    assert got == pytest.approx(
        {"revenue": 381.00, "revenue_target": 600.00, "revenue_attainment": 0.635}
    )


def test_breakdown_by_group_uses_group_targets_and_none_by_region(tiny_store: Store) -> None:
    by_group = service.breakdown(tiny_store, ("revenue",), NOV, "group", with_targets=True)
    # Only North Hub has a group target (250.00)
    targets = {row["group"]: row["revenue_target"] for row in _records(by_group)}
    assert targets == pytest.approx(
        {"North Hub": 250.00, "North": None, "South": None, "South Hub": None}
    )
    by_region = service.breakdown(tiny_store, ("revenue",), NOV, "region", with_targets=True)
    # No targets are set by region
    assert by_region["revenue_target"].isna().all()
    assert by_region["revenue_attainment"].isna().all()


def test_breakdown_by_rep_uses_rep_targets(tiny_store: Store) -> None:
    frame = service.breakdown(tiny_store, ("revenue",), NOV, "rep", with_targets=True)
    got = {row["rep"]: row for row in frame.to_dict("records")}
    expected = {
        # rep: (revenue, target, attainment)
        "Ann": (170.00, 200.00, 0.85),  # N-01 120 + 50
        "Ben": (105.50, 100.00, 1.055),  # N-02 80.50 + N-03 25.00
        "Cai": (105.50, 100.00, 1.055),  # N-05 80.50 + N-09 line 1 25.00
        "Dee": (100.00, 100.00, 1.0),  # N-07 (N-08 cancelled)
        "Eve": (360.00, 300.00, 1.2),  # N-04 240 + N-06 line 1 120 (line 2 returned)
    }
    assert set(got) == set(expected)
    for rep, (revenue, target, attainment) in expected.items():
        row = got[rep]
        assert (row["revenue"], row["revenue_target"], row["revenue_attainment"]) == (
            pytest.approx((revenue, target, attainment))
        ), rep
    assert frame["revenue"].iloc[0] == 360.00  # largest first: Eve


def test_breakdown_by_team_uses_top_level_targets(tiny_store: Store) -> None:
    frame = service.breakdown(
        tiny_store, ("revenue", "active_customers"), NOV, "team", with_targets=True
    )
    assert frame.to_dict("records") == [
        pytest.approx(
            {
                "team": "South",
                "revenue": 460.00,
                "revenue_target": 400.00,
                "revenue_attainment": 1.15,  # 460 / 400
                "active_customers": 3,  # Acme, Delta, Fir
            }
        ),
        pytest.approx(
            {
                "team": "North",
                "revenue": 381.00,
                "revenue_target": 600.00,
                "revenue_attainment": 0.635,  # 381 / 600
                "active_customers": 3,  # Acme, Birch, Elm
            }
        ),
    ]


# Breakdowns ----------------------------------------------------------------------------------


def _by(frame: pd.DataFrame, dimension: str, kpi: str) -> dict[str, float]:
    return dict(zip(frame[dimension], frame[kpi], strict=True))


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as dicts, with an undefined value (NaN in the frame) as None."""
    return [
        {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def test_breakdown_by_group(tiny_store: Store) -> None:
    frame = service.breakdown(tiny_store, ("revenue",), NOV, "group")
    # Sales are credited to the team on the order row: North (Ann) 170.00, North Hub 211.00,
    # South (Dee) 100.00, South Hub (Eve) 360.00
    assert _by(frame, "group", "revenue") == pytest.approx(
        {"North": 170.00, "North Hub": 211.00, "South": 100.00, "South Hub": 360.00}
    )


def test_breakdown_by_product_category(tiny_store: Store) -> None:
    frame = service.breakdown(tiny_store, ("revenue", "returns_value"), NOV, "product_category")
    # Tableware: 120 + 50 + 25 + 240 + 120 + 100 + 25 = 680.00 (cancelled tea sets excluded)
    # Decor: Vase N-02 80.50 + N-05 80.50 = 161.00; N-06's returned Vase 80.50 is a return
    assert _by(frame, "product_category", "revenue") == pytest.approx(
        {"Tableware": 680.00, "Decor": 161.00}
    )
    assert _by(frame, "product_category", "returns_value") == pytest.approx(
        {"Tableware": 0.0, "Decor": 80.50}
    )
    assert list(frame["product_category"]) == ["Tableware", "Decor"]  # largest first


def test_breakdown_by_region(tiny_store: Store) -> None:
    frame = service.breakdown(tiny_store, ("revenue", "active_customers"), NOV, "region")
    # East: Acme 170 + 100, Birch 80.50 + 25, Fir 120 = 495.50 (3 customers)
    # West: Delta 240, Elm 80.50 + 25 = 345.50 (2 customers; Cedar's order was cancelled)
    assert _by(frame, "region", "revenue") == pytest.approx({"East": 495.50, "West": 345.50})
    assert _by(frame, "region", "active_customers") == {"East": 3, "West": 2}


def test_breakdown_by_a_dimension_the_source_lacks(tiny_store: Store) -> None:
    with pytest.raises(CompileError, match=r"Deals won cannot be broken down by product category"):
        service.breakdown(tiny_store, ("won_deals",), NOV, "product_category")


# Trends --------------------------------------------------------------------------------------


def test_trend_by_month_has_every_month(tiny_store: Store) -> None:
    frame = service.trend(
        tiny_store,
        (
            "revenue",
            "orders",
            "active_customers",
            "new_customers",
            "retention_rate",
            "pipeline_value",
        ),
        SEP_TO_DEC,
        "month",
    )
    assert list(frame["bucket"]) == [
        date(2024, 9, 1),
        date(2024, 10, 1),
        date(2024, 11, 1),
        date(2024, 12, 1),
    ]
    rows = _records(frame.drop(columns="bucket"))
    assert rows == [
        # Sep: S-01 25.00 + S-02 80.50 + S-03 120.00 = 225.50; all three customers are new;
        # August had no customer so retention is undefined; open at 30 Sep: D-6 100.00 +
        # D-7 250.00 (lost 10 Oct) = 350.00 (D-8 was won 25 Sep)
        pytest.approx(
            {
                "revenue": 225.50,
                "orders": 3,
                "active_customers": 3,
                "new_customers": 3,
                "retention_rate": None,
                "pipeline_value": 350.00,
            }
        ),
        # Oct: 370.50 (see test_sales_for_october); Birch and Fir new; 2 of Sep's 3 back;
        # open at 31 Oct: D-1 500 + D-3 300 + D-6 100 = 900.00
        pytest.approx(
            {
                "revenue": 370.50,
                "orders": 4,
                "active_customers": 4,
                "new_customers": 2,
                "retention_rate": 2 / 3,
                "pipeline_value": 900.00,
            }
        ),
        # Nov: as in NOVEMBER_EXPECTED
        pytest.approx(
            {
                "revenue": 841.00,
                "orders": 8,
                "active_customers": 5,
                "new_customers": 1,
                "retention_rate": 0.75,
                "pipeline_value": 650.00,
            }
        ),
        # Dec: no orders; none of Nov's 5 customers came back: 0 / 5; open at 31 Dec: D-4 400
        # + D-6 100 = 500.00 (D-5 won 5 Dec)
        pytest.approx(
            {
                "revenue": 0.0,
                "orders": 0,
                "active_customers": 0,
                "new_customers": 0,
                "retention_rate": 0.0,
                "pipeline_value": 500.00,
            }
        ),
    ]


def test_retention_in_a_trend_that_starts_mid_month(tiny_store: Store) -> None:
    filters = Filters(start=date(2024, 11, 15), end=date(2024, 12, 31))
    frame = service.trend(tiny_store, ("active_customers", "retention_rate"), filters, "month")
    nov = _records(frame)[0]
    # The Nov bucket covers 15-30 Nov: buyers Acme (18 Nov) and Elm (26 Nov) = 2.
    # October's customers: Acme, Birch, Fir, Cedar = 4. Of those only Acme bought in the
    # bucket: 1 / 4. (Elm's previous buying day, 12 Nov, is not in October: Elm was no
    # October customer and cannot be retained.)
    assert nov == pytest.approx(
        {"bucket": date(2024, 11, 1), "active_customers": 2, "retention_rate": 0.25}
    )


def test_trend_with_targets(tiny_store: Store) -> None:
    frame = service.trend(tiny_store, ("revenue",), SEP_TO_DEC, "month", with_targets=True)
    assert _records(frame.drop(columns="bucket")) == [
        # No Sep or Dec target: target and attainment undefined
        {"revenue": 225.50, "revenue_target": None, "revenue_attainment": None},
        pytest.approx(
            {"revenue": 370.50, "revenue_target": 500.00, "revenue_attainment": 0.741}
        ),  # 370.50 / 500.00
        pytest.approx(
            {"revenue": 841.00, "revenue_target": 1000.00, "revenue_attainment": 0.841}
        ),  # 841.00 / 1000.00
        {"revenue": 0.0, "revenue_target": None, "revenue_attainment": None},
    ]


def test_trend_by_month_and_team(tiny_store: Store) -> None:
    frame = service.trend(tiny_store, ("revenue",), SEP_TO_DEC, "month", dimension="team")
    got = {(row["bucket"], row["team"]): row["revenue"] for row in frame.to_dict("records")}
    assert got == pytest.approx(
        {
            (date(2024, 9, 1), "North"): 25.00,  # S-01 (Ann)
            (date(2024, 9, 1), "South"): 200.50,  # S-02 (Eve) 80.50 + S-03 (Dee) 120.00
            (date(2024, 10, 1), "North"): 290.00,  # O-01 120 + O-02 50 + O-03 120
            (date(2024, 10, 1), "South"): 80.50,  # O-04 (O-05 cancelled)
            (date(2024, 11, 1), "North"): 381.00,
            (date(2024, 11, 1), "South"): 460.00,
            (date(2024, 12, 1), "North"): 0.0,
            (date(2024, 12, 1), "South"): 0.0,
        }
    )


# Comparisons ---------------------------------------------------------------------------------


def test_compare_month_to_date_with_same_days_of_previous_month(tiny_store: Store) -> None:
    got = service.compare(tiny_store, ("revenue", "orders"), NOV_1_10, "previous")
    revenue, orders = got["revenue"], got["orders"]
    assert (revenue.compare_start, revenue.compare_end) == (date(2024, 10, 1), date(2024, 10, 10))
    # 1-10 Nov: N-01 170.00 + N-02 80.50 + N-03 25.00 + N-04 240.00 = 515.50 (4 orders)
    # 1-10 Oct: O-01 120.00 + O-02 50.00 = 170.00 (2 orders); O-03 on 15 Oct is outside
    assert revenue.value == 515.50
    assert revenue.previous == 170.00
    assert revenue.delta == pytest.approx(345.50)
    assert revenue.growth == pytest.approx(345.50 / 170.00)  # = 2.0323...
    assert revenue.improved is True
    assert (orders.value, orders.previous) == (4, 2)
    assert orders.growth == pytest.approx(1.0)  # (4 - 2) / 2


def test_breakdown_by_two_dimensions(tiny_store: Store) -> None:
    request = MetricRequest(
        kpis=("revenue",), filters=NOV, dimension="team", dimension2="product_category"
    )
    frame = service.run(tiny_store, request)
    cells = {(r.team, r.product_category): r.revenue for r in frame.itertuples()}
    # North (teams 1 and 11): Tableware N-01 120 + 50, N-03 25, N-09 25 = 220; Decor N-02 and
    # N-05 80.50 each = 161. South (2 and 21): Tableware N-04 240 + N-06 120 + N-07 100 = 460;
    # Decor only N-06's returned Vase: no completed line, so no cell at all (a cell is listed
    # when it has a line the KPI counts). The cells add up to November's 841.
    assert cells == pytest.approx(
        {
            ("North", "Tableware"): 220.00,
            ("North", "Decor"): 161.00,
            ("South", "Tableware"): 460.00,
        }
    )
    with pytest.raises(ValueError, match="no dimension called"):
        MetricRequest(kpis=("revenue",), filters=NOV, dimension="team", dimension2="planet")
