"""The month rollup (data.order_months) read for whole months (metrics.month_rollup): which
months a request reads from it, its rows worked out by hand on the tiny company
(tests/metrics/fixture.py), and the numbers read through it. test_rollups.py compares it
with the lines for every listed KPI, grain, dimension and scope."""

from __future__ import annotations

from datetime import date

import pytest

from data.rollups import months_rollup_current, refresh_rollups, rolled_data_end
from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest, compile_request
from metrics.filters import Filters
from metrics.month_rollup import ends_inside_a_month, reads_months, rolled_span
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

SEP_TO_NOV = Filters(start=date(2024, 9, 1), end=date(2024, 11, 30))
BY_TEAM = MetricRequest(
    kpis=("revenue", "active_customers", "selling_reps"),
    filters=SEP_TO_NOV,
    grain="month",
    dimension="team",
)


def _span(first: tuple[int, int], after: tuple[int, int]) -> tuple[date, date]:
    """From the first day of month `first` to the first day of month `after`."""
    return date(*first, 1), date(*after, 1)


def test_the_whole_months_of_the_period() -> None:
    quarter = Filters(start=date(2026, 1, 1), end=date(2026, 3, 31))
    assert rolled_span(quarter, "month") == _span((2026, 1), (2026, 4))
    assert rolled_span(quarter, None) == _span((2026, 1), (2026, 4))
    # 1 Dec 2025 - 20 Nov 2026: November is in progress, read from its lines.
    year = Filters(start=date(2025, 12, 1), end=date(2026, 11, 20))
    assert rolled_span(year, "month") == _span((2025, 12), (2026, 11))
    assert rolled_span(year, "quarter") == _span((2025, 12), (2026, 11))
    # The last 90 days, 23 Aug - 20 Nov: August and November are cut.
    last_90 = Filters(start=date(2026, 8, 23), end=date(2026, 11, 20))
    assert rolled_span(last_90, None) == _span((2026, 9), (2026, 11))


def test_month_to_date_reads_only_lines() -> None:
    assert rolled_span(Filters(start=date(2026, 11, 1), end=date(2026, 11, 20)), None) is None
    assert rolled_span(Filters(start=date(2026, 10, 2), end=date(2026, 11, 30)), None) == (
        _span((2026, 11), (2026, 12))
    )


def test_the_month_a_period_ends_in_is_whole_when_the_data_ends_by_then() -> None:
    year = Filters(start=date(2025, 12, 1), end=date(2026, 11, 20))
    month_to_date = Filters(start=date(2026, 11, 1), end=date(2026, 11, 20))
    for data_ends in (date(2026, 11, 20), date(2026, 11, 3), date(2024, 1, 1)):
        assert rolled_span(year, "month", data_ends) == _span((2025, 12), (2026, 12))
        assert rolled_span(month_to_date, None, data_ends) == _span((2026, 11), (2026, 12))
    # A line dated after the end (a day later, or next month) keeps November cut.
    for data_ends in (date(2026, 11, 21), date(2026, 12, 2)):
        assert rolled_span(year, "month", data_ends) == _span((2025, 12), (2026, 11))
        assert rolled_span(month_to_date, None, data_ends) is None
    assert rolled_span(month_to_date, "week", date(2026, 11, 20)) is None
    # Only a period ending inside a month asks for the data's last day.
    assert ends_inside_a_month(year, "month") and ends_inside_a_month(month_to_date, None)
    assert not ends_inside_a_month(SEP_TO_NOV, "month")
    assert not ends_inside_a_month(year, "week")


def test_days_and_weeks_cut_months() -> None:
    assert rolled_span(SEP_TO_NOV, "week") is None
    assert rolled_span(SEP_TO_NOV, "day") is None


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (frozenset({"net_amount_cents", "status", "team_name", "industry"}), True),
        (frozenset({"net_amount_cents", "status", "channel"}), False),  # a line's own channel
        (frozenset({"net_amount_cents", "status", "region"}), False),  # a line's own region
        (frozenset({"order_id", "status"}), False),  # orders are counted on the lines
        (frozenset({"net_amount_cents", "product_category"}), False),
        (None, False),  # every join (prune=False)
    ],
)
def test_what_the_rollup_can_answer(columns: frozenset[str] | None, expected: bool) -> None:
    assert reads_months("orders", columns) is expected
    assert reads_months("customer_days", frozenset({"customer_id"})) is False


@pytest.fixture(scope="module")
def rolled(tiny_store: Store) -> Store:
    with tiny_store.transaction() as con:
        refresh_rollups(con)
    return tiny_store


def test_the_rollup_sums_each_months_lines_by_customer_seller_team_and_status(
    rolled: Store,
) -> None:
    rows = rolled.rows(
        "SELECT customer_id, rep_id, team_id, status, net_amount_cents, quantity"
        " FROM order_months WHERE month = DATE '2024-11-01'"
        " ORDER BY customer_id, rep_id, status"
    )
    assert [tuple(int(v) if not isinstance(v, str) else v for v in r) for r in rows] == [
        (1, 101, 1, "completed", 17000, 3),  # N-01's two lines: 120.00 + 50.00, 1 + 2 units
        (1, 201, 2, "completed", 10000, 4),  # N-07
        (2, 102, 11, "completed", 10550, 2),  # N-02 80.50 + N-03 25.00
        (3, 201, 2, "cancelled", 12000, 1),  # N-08
        (4, 202, 21, "completed", 24000, 2),  # N-04
        (5, 103, 11, "cancelled", 12000, 1),  # N-09's cancelled line
        (5, 103, 11, "completed", 10550, 2),  # N-05 80.50 + N-09 25.00
        (6, 202, 21, "completed", 12000, 1),  # N-06
        (6, 202, 21, "returned", 8050, 1),  # N-06's returned Vase
    ]


def test_revenue_customers_and_sellers_by_month_and_team_through_the_rollup(
    rolled: Store,
) -> None:
    """North is teams 1 and 11, South 2 and 21 (fixture.py).
    September: North S-01 25.00 (Acme); South S-02 80.50 (Delta) + S-03 120.00 (Cedar).
    October: North O-01 120.00 + O-02 50.00 + O-03 120.00 (Acme, Birch, Fir; Ann twice, Ben);
    South O-04 80.50 (Cedar; O-05 was cancelled). November: North 381.00 (Acme, Birch, Elm;
    Ann, Ben, Cai), South 460.00 (Acme through Dee's N-07, Delta, Fir; Dee, Eve)."""
    compiled = compile_request(BY_TEAM, rollups=True)
    assert "order_months" in compiled.sql
    assert (compiled.params["roll_from"], compiled.params["roll_to"]) == _span(
        (2024, 9), (2024, 12)
    )
    frame = service.run(rolled, BY_TEAM, rollups=True)
    got = {
        (r.bucket.month, r.team): (r.revenue, r.active_customers, r.selling_reps)
        for r in frame.itertuples()
    }
    assert got == {
        (9, "North"): (25.00, 1, 1),
        (9, "South"): (200.50, 2, 2),
        (10, "North"): (290.00, 3, 2),
        (10, "South"): (80.50, 1, 1),
        (11, "North"): (381.00, 3, 3),
        (11, "South"): (460.00, 3, 2),
    }
    assert frame.equals(service.run(rolled, BY_TEAM, rollups=False))


def test_a_month_the_period_cuts_is_read_from_its_lines(rolled: Store) -> None:
    # September to 10 November: September and October from the rollup, November's lines
    # N-01 170.00 + N-02 80.50 + N-03 25.00 + N-04 240.00 = 515.50 from the lines.
    cut = MetricRequest(
        kpis=("revenue",), filters=SEP_TO_NOV.with_dates(date(2024, 9, 1), date(2024, 11, 10)),
        grain="month",
    )  # fmt: skip
    params = compile_request(cut, rollups=True).params
    assert (params["roll_from"], params["roll_to"]) == _span((2024, 9), (2024, 11))
    frame = service.run(rolled, cut, rollups=True)
    assert frame["revenue"].tolist() == [225.50, 370.50, 515.50]


def test_a_stale_month_rollup_is_not_read(new_store: StoreMaker) -> None:
    """Dee's N-07 (100.00) written as 200.00 without a refresh: November's revenue is 941.00
    on the lines, while the stale rollup still says 841.00; service.run reads the lines."""
    store = new_store("tiny")
    build_tiny_company(store)
    with store.transaction() as con:
        refresh_rollups(con)
    assert months_rollup_current(store)
    with store.transaction() as con:
        con.execute("UPDATE orders SET net_amount_cents = 20000 WHERE order_id = 'N-07'")
    assert not months_rollup_current(store)
    november = MetricRequest(kpis=("revenue",), filters=SEP_TO_NOV, grain="month")
    assert service.run(store, november)["revenue"].tolist() == [225.50, 370.50, 941.00]
    assert service.run(store, november, rollups=True)["revenue"].tolist() == [
        225.50, 370.50, 841.00,
    ]  # fmt: skip
    store.close()


def test_the_month_the_data_ends_in_is_read_from_the_rollup(new_store: StoreMaker) -> None:
    """The tiny company's last line is N-09 on 26 Nov 2024 (a completed and a cancelled
    line). A period ending that day reads November from the rollup, and no line: November's
    rollup rows set to 0 show as 0. Ending on the 25th, November is read from its lines
    (841.00 without N-09's 25.00)."""
    store = new_store("tiny")
    build_tiny_company(store)
    with store.transaction() as con:
        refresh_rollups(con)
    assert rolled_data_end(store) == date(2024, 11, 26)
    to_26th = MetricRequest(
        kpis=("revenue",), filters=SEP_TO_NOV.with_dates(date(2024, 9, 1), date(2024, 11, 26)),
        grain="month",
    )  # fmt: skip
    to_25th = to_26th.model_copy(
        update={"filters": SEP_TO_NOV.with_dates(date(2024, 9, 1), date(2024, 11, 25))}
    )
    assert service.run(store, to_26th)["revenue"].tolist() == [225.50, 370.50, 841.00]
    assert service.run(store, to_26th, rollups=False)["revenue"].tolist() == [
        225.50,
        370.50,
        841.00,
    ]
    assert service.run(store, to_25th)["revenue"].tolist() == [225.50, 370.50, 816.00]
    params = compile_request(to_26th, rollups=True, data_ends=date(2024, 11, 26)).params
    assert (params["roll_from"], params["roll_to"]) == _span((2024, 9), (2024, 12))
    # Which rows service.run read: the rollup's (unchecked, so it is read though changed).
    store.rows("UPDATE order_months SET net_amount_cents = 0 WHERE month = DATE '2024-11-01'")
    assert service.run(store, to_26th, rollups=True)["revenue"].tolist() == [225.50, 370.50, 0.0]
    assert service.run(store, to_25th, rollups=True)["revenue"].tolist() == [225.50, 370.50, 816.00]
    store.close()
