"""Explain a change: every split adds up to the change exactly, checked BY HAND on the tiny
company (tests/metrics/fixture.py), then on the demo and on Superstore's own file.

November 2024 against October 2024 (the month before), in cents:
    Revenue  Oct: North O-01 12000 + O-02 5000 + O-03 12000 = 29000 (3 orders);
                  South O-04 8050 (1 order; O-05 was cancelled).            Total 37050, 4 orders
             Nov: North N-01 12000+5000, N-02 8050, N-03 2500, N-05 8050, N-09 2500 = 38100
                  (5 orders); South N-04 24000, N-06 12000, N-07 10000 = 46000 (3 orders).
                                                                            Total 84100, 8 orders
    Change 84100 - 37050 = +47050 (+470.50).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from data.store import Store
from metrics import lookups
from metrics.explain import OTHERS, UNALLOCATED, Explanation, dimensions_for, explain
from metrics.explain_decompose import apportion, largest_first, rate_mix, volume_price_mix
from metrics.filters import Filters
from metrics.periods import preset_range
from metrics.scope import scope_for
from metrics.segments import customer_classes
from tests.conftest import DEMO_END
from tests.pages.conftest import superstore_export_path  # noqa: F401  (a fixture)
from tests.pages.real_exports import line_cents, superstore_lines

NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30), period_kind="month")


def _adds_up(explanation: Explanation) -> None:
    """The exact parts add up to the exact change; the shown parts to the shown change."""
    parts = explanation.parts
    assert sum((p.exact for p in parts), Fraction(0)) == explanation.exact_change
    shown = sum(Decimal(str(p.shown)) for p in parts)
    assert shown == Decimal(str(explanation.change))
    if explanation.effects:
        assert sum((p.exact for p in explanation.effects), Fraction(0)) == explanation.exact_change
        assert sum(Decimal(str(p.shown)) for p in explanation.effects) == shown


def test_revenue_by_team_is_each_teams_own_change(tiny_store: Store) -> None:
    e = explain(tiny_store, "revenue", NOV, "previous", "team")
    assert (e.compare_start, e.compare_end) == (date(2024, 10, 1), date(2024, 10, 31))
    assert (e.now, e.then, e.change) == (841.0, 370.5, 470.5)
    # South 46000 - 8050 = +37950, North 38100 - 29000 = +9100; largest first.
    assert [(p.key, p.exact, p.then, p.now) for p in e.parts] == [
        ("South", 37950, 80.5, 460.0),
        ("North", 9100, 290.0, 381.0),
    ]
    _adds_up(e)


def test_revenue_volume_price_mix_by_team_by_hand(tiny_store: Store) -> None:
    e = explain(tiny_store, "revenue", NOV, "previous", "team")
    # AOV0 = 37050 / 4 = 9262.5, AOV1 = 84100 / 8 = 10512.5, mean orders N̄ = (4 + 8) / 2 = 6.
    # volume = (8 - 4) x (9262.5 + 10512.5) / 2 = 4 x 9887.5 = 39550
    # Groups' AOVs and order shares: North a0 = 29000/3, a1 = 7620, w0 = 3/4, w1 = 5/8;
    #                                South a0 = 8050, a1 = 46000/3, w0 = 1/4, w1 = 3/8.
    # price = 6 x [(7620 - 29000/3) x (3/4 + 5/8)/2 + (46000/3 - 8050) x (1/4 + 3/8)/2]
    #       = 6 x [-67540/48 + 109250/48] = 6 x 41710/48 = 5213.75
    # mix   = 6 x [(5/8 - 3/4) x (29000/3 + 7620)/2 + (3/8 - 1/4) x (8050 + 46000/3)/2]
    #       = 6 x [-51860/48 + 70150/48] = 6 x 18290/48 = 2286.25
    # 39550 + 5213.75 + 2286.25 = 47050. Shown in cents by largest remainder: floors 39550,
    # 5213, 2286 = 47049; the missing cent goes to the larger remainder (.75: price).
    assert [(p.key, p.exact) for p in e.effects] == [
        ("volume", Fraction(39550)),
        ("price", Fraction(521375, 100)),
        ("mix", Fraction(228625, 100)),
    ]
    assert [p.shown for p in e.effects] == [395.5, 52.14, 22.86]
    _adds_up(e)


def test_revenue_by_region_and_category(tiny_store: Store) -> None:
    # By customer region: East (Acme, Birch, Fir) Oct 12000 + 5000 + 12000 = 29000,
    # Nov 17000 + 8050 + 2500 + 12000 + 10000 = 49550 -> +20550; West (Cedar, Delta, Elm)
    # Oct 8050, Nov 24000 + 8050 + 2500 = 34550 -> +26500.
    e = explain(tiny_store, "revenue", NOV, "previous", "region")
    assert [(p.key, p.exact) for p in e.parts] == [("West", 26500), ("East", 20550)]
    _adds_up(e)
    # By category: Decor (vases) Oct 8050, Nov 8050 + 8050 = 16100 -> +8050;
    # Tableware Oct 29000, Nov 68000 -> +39000. N-01 has lines in both categories, so the
    # categories' orders (Nov 6 + 3 = 9) do not add up to 8: volume and price are worked out
    # on the whole (one group, mix 0): volume 39550, price = 6 x (10512.5 - 9262.5) = 7500.
    e = explain(tiny_store, "revenue", NOV, "previous", "product_category")
    assert [(p.key, p.exact) for p in e.parts] == [("Tableware", 39000), ("Decor", 8050)]
    assert [p.exact for p in e.effects] == [39550, 7500, 0]
    _adds_up(e)


def test_win_rate_rate_and_mix_by_team(tiny_store: Store) -> None:
    # Closed deals: Oct D-7 lost (South): rate 0/1 = 0. Nov D-1 won (North), D-2 won (North
    # Hub, in North), D-3 lost (South Hub, in South): 2/3. Change +2/3.
    # North: no deals closed in Oct (weight 0), so its Oct rate is taken as Nov's (2/2 = 1):
    #   rate (1 - 1) x (0 + 2/3)/2 = 0; mix (2/3 - 0) x (1 + 1)/2 = 2/3.
    # South: 0/1 then, 0/1 now: rate 0 x ... = 0; mix (1/3 - 1) x (0 + 0)/2 = 0.
    e = explain(tiny_store, "win_rate", NOV, "previous", "team")
    assert e.method == "ratio" and e.exact_change == Fraction(2, 3)
    assert [(p.key, p.exact) for p in e.parts] == [("North", Fraction(2, 3)), ("South", 0)]
    assert [(p.key, p.exact) for p in e.effects] == [("rate", 0), ("mix", Fraction(2, 3))]
    _adds_up(e)


def test_rate_mix_symmetric_form_by_hand() -> None:
    # A: 1/2 -> 3/4 (den 2 -> 4), B: 1/2 -> 0/4 (den 2 -> 4): weights stay 1/2 each.
    # rate A = (3/4 - 1/2) x (1/2 + 1/2)/2 = 1/8; rate B = (0 - 1/2) x 1/2 = -1/4; mixes 0.
    # Whole: 2/4 -> 3/8, change -1/8 = 1/8 - 1/4.
    parts = rate_mix({"A": (3, 4), "B": (0, 4)}, {"A": (1, 2), "B": (1, 2)})
    assert (parts["A"].rate, parts["A"].mix) == (Fraction(1, 8), 0)
    assert (parts["B"].rate, parts["B"].mix) == (Fraction(-1, 4), 0)
    # No orders at all in one period: the whole change is volume.
    assert volume_price_mix({"A": (500, 2)}, {"A": (0, 0)}).volume == 500
    # Largest remainder: 1/3 x 3 shown in whole units adding to 1: floors 0, 0, 0; the one
    # missing unit goes to the first of equal remainders.
    assert apportion([Fraction(1, 3)] * 3, 1) == [1, 0, 0]


def test_revenue_against_target_by_team(tiny_store: Store) -> None:
    # Nov revenue 841.00 against the company's 1000.00: gap -159.00 (-15900 cents).
    # By top team: North 38100 - 60000 = -21900; South 46000 - 40000 = +6000. The teams'
    # targets add to 100000 = the company's, so nothing is left unallocated:
    # -21900 + 6000 = -15900.
    e = explain(tiny_store, "revenue", NOV, "target", "team")
    assert (e.now, e.then, e.change) == (841.0, 1000.0, -159.0)
    assert [(p.key, p.exact) for p in e.parts] == [("North", -21900), ("South", 6000)]
    _adds_up(e)


def test_revenue_against_target_by_person(tiny_store: Store) -> None:
    # Nov revenue per person against their target (cents): Eve 36000 - 30000 = +6000,
    # Ann 17000 - 20000 = -3000, Ben 8050 + 2500 = 10550 - 10000 = +550,
    # Cai 8050 + 2500 = 10550 - 10000 = +550, Dee 10000 - 10000 = 0.
    # The people's targets add to 80000, the company's is 100000: -20000 not split to anyone.
    # 6000 - 3000 + 550 + 550 + 0 - 20000 = -15900 = the gap.
    e = explain(tiny_store, "revenue", NOV, "target", "rep_id")
    assert [(p.key, p.exact) for p in e.parts] == [
        ("202", 6000), ("101", -3000), ("102", 550), ("103", 550), ("201", 0),
        (UNALLOCATED, -20000),
    ]  # fmt: skip
    assert e.labels["202"] == "Eve"
    _adds_up(e)


def test_not_every_kpi_splits(tiny_store: Store) -> None:
    # Active customers are distinct: Acme bought from North and South in November.
    assert explain(tiny_store, "active_customers", NOV, "previous", "team").problem == (
        "not_explainable"
    )
    # Targets are set per team and person, never per region.
    assert "region" not in dimensions_for("revenue", "target")
    assert explain(tiny_store, "revenue", NOV, "target", "region").problem == "no_dimension"


def test_others_sums_the_rest(tiny_store: Store) -> None:
    # By person, November vs October (cents): Eve 36000 - 8050 = +27950, Cai +10550,
    # Dee +10000, Ann 17000 - 24000 = -7000, Ben 10550 - 5000 = +5550: five bars, none summed.
    e = explain(tiny_store, "revenue", NOV, "previous", "rep_id")
    assert [(p.key, p.exact) for p in e.parts] == [
        ("202", 27950), ("103", 10550), ("201", 10000), ("101", -7000), ("102", 5550),
    ]  # fmt: skip
    assert OTHERS not in [p.key for p in e.parts]
    _adds_up(e)


def test_demo_every_split_adds_up(demo_db_path: Path) -> None:
    store = Store(demo_db_path, read_only=True)
    start, end = preset_range("mtd", DEMO_END)
    filters = Filters(start=start, end=end, period_kind="month")
    for kpi, against, dimension in (
        ("revenue", "previous", "team"),
        ("revenue", "last_year", "region"),
        ("revenue", "previous", "rep_id"),
        ("revenue", "target", "team"),
        ("revenue", "target", "rep_id"),
        ("win_rate", "previous", "team"),
        ("won_deals", "previous", "channel"),
        ("revenue", "previous", "lifecycle_stage"),
        ("win_rate", "last_year", "rfm_segment"),
    ):
        e = explain(store, kpi, filters, against, dimension)  # type: ignore[arg-type]
        assert e.problem is None, (kpi, against, dimension, e.problem)
        assert len(e.parts) <= 8  # six bars, "others" and (against target) "unallocated"
        _adds_up(e)
    store.close()


def test_superstore_revenue_by_region_adds_to_the_cent(superstore_export_path: Path) -> None:  # noqa: F811
    store = Store(superstore_export_path, read_only=True)
    span = lookups.data_span(store)
    assert span is not None
    dec_2017 = Filters(start=date(2017, 12, 1), end=date(2017, 12, 31), period_kind="month")
    e = explain(store, "revenue", dec_2017, "previous", "region")
    store.close()

    # The file's own sums (csv and Decimal, never Huddle's SQL): each region's December less
    # its November, in whole cents.
    def by_region(first: str, last: str) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for line in superstore_lines(first, last):
            out[line["Region"]] = out.get(line["Region"], Decimal(0)) + line_cents(line)
        return out

    now, then = by_region("2017-12-01", "2017-12-31"), by_region("2017-11-01", "2017-11-30")
    expected = {r: (now.get(r, 0) - then.get(r, 0)) * 100 for r in {*now, *then}}
    assert {p.key: Decimal(p.exact.numerator) for p in e.parts} == expected
    assert e.exact_change == sum(expected.values())
    _adds_up(e)
    # Shown to the cent: each part is its exact cents (money parts are whole cents already).
    assert [Decimal(str(p.shown)) for p in e.parts] == [
        (Decimal(p.exact.numerator) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP) for p in e.parts
    ]


@pytest.mark.parametrize("against", ["previous", "last_year"])
def test_month_to_date_compares_the_same_days(tiny_store: Store, against: str) -> None:
    # 1-15 November to date is compared with 1-15 October (or 1-15 November 2023).
    mtd = Filters(start=date(2024, 11, 1), end=date(2024, 11, 15), period_kind="month")
    e = explain(tiny_store, "revenue", mtd, against, "team")  # type: ignore[arg-type]
    expected = {"previous": date(2024, 10, 15), "last_year": date(2023, 11, 15)}[against]
    assert e.compare_end == expected
    _adds_up(e)


def test_customer_segments_are_judged_once_for_both_periods(tiny_store: Store) -> None:
    # Each customer's lifecycle stage as of 30 Nov splits both months; a customer with no
    # stage then is "(not set)". Whatever the stages, every completed line's customer sits in
    # exactly one row, so the rows add up to the change: +47050 cents.
    e = explain(tiny_store, "revenue", NOV, "previous", "lifecycle_stage")
    assert e.problem is None and e.exact_change == 47050
    stages = {s for _, s in customer_classes(tiny_store, NOV, "lifecycle_stage", NOV.end)}
    assert {p.key for p in e.parts} <= stages | {"(not set)", OTHERS}
    _adds_up(e)


def test_a_leads_scope_explains_their_team_only(tiny_store: Store) -> None:
    # North's lead (Ann, 101) sees North and North Hub only: by person, Nov against Oct (cents)
    # Cai 0 -> 10550 = +10550, Ann 24000 -> 17000 = -7000, Ben 5000 -> 10550 = +5550;
    # the change is North's own: 38100 - 29000 = +9100 = 10550 - 7000 + 5550.
    lead = NOV.model_copy(update={"scope": scope_for("lead", 101, 1)})
    e = explain(tiny_store, "revenue", lead, "previous", "rep_id")
    assert [(p.key, p.exact) for p in e.parts] == [("103", 10550), ("101", -7000), ("102", 5550)]
    assert e.exact_change == 9100
    _adds_up(e)


def test_largest_first_then_others() -> None:
    # Eight rows, six kept by size (|−9| > 8 > 7 > |−6| > 5 > 4), the rest 3 + (−1) = 2.
    parts = {k: Fraction(v) for k, v in zip("abcdefgh", (3, -9, 8, -1, 7, -6, 5, 4), strict=True)}
    assert largest_first(parts, 6) == [
        ("b", -9), ("c", 8), ("e", 7), ("f", -6), ("g", 5), ("h", 4), ("others", 2),
    ]  # fmt: skip
