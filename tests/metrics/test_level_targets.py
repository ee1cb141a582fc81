"""Level targets (issue 23): stock turnover's target is a rate, averaged over days, never summed.

Every expected value is worked out BY HAND beside it. The store is the tiny company
(tests/metrics/fixture.py; its stock is hand-worked in test_stock_kpis.py) plus these official
stock-turnover targets, stored in hundredths (6.00 -> 600). They live only in this module's own
store, so the shared fixture (and every other test's numbers) is unchanged:

    North (team 1, top)        Oct 2024 5.00 (500) | Nov 2024 6.00 (600) | Dec: none
    North Hub (team 11, group) Nov 2024 4.50 (450)
    South (team 2, top)        Oct 2024 6.00 | Nov 2024 6.00 | Dec 2024 9.00
    Ann (rep 101)              Nov 2024 7.50 (750)
    a what-if ('stretch')      North Nov 2024 99.00: not official, never read
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from data.store import Store
from metrics import service
from metrics.catalogue import get_kpi, target_units_per_value
from metrics.filters import Filters
from metrics.pacing import assess, exact, expected_by_now, off_track_edge, pace_status
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

NORTH, NORTH_HUB, SOUTH, ANN = 1, 11, 2, 101
KPI = "inventory_turnover"
LEVEL_TARGETS = [
    ("2024-10-01", "2024-10-31", "team", NORTH, KPI, 500, None),
    ("2024-11-01", "2024-11-30", "team", NORTH, KPI, 600, None),
    ("2024-11-01", "2024-11-30", "team", NORTH, KPI, 9900, "stretch"),
    ("2024-11-01", "2024-11-30", "team", NORTH_HUB, KPI, 450, None),
    ("2024-10-01", "2024-10-31", "team", SOUTH, KPI, 600, None),
    ("2024-11-01", "2024-11-30", "team", SOUTH, KPI, 600, None),
    ("2024-12-01", "2024-12-31", "team", SOUTH, KPI, 900, None),
    ("2024-11-01", "2024-11-30", "rep", ANN, KPI, 750, None),
]
OUT = (KPI,)


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Iterator[Store]:
    """A real DuckDB file: the tiny company plus the level targets above."""
    db = module_stores("level")
    build_tiny_company(db)
    with db.transaction() as cur:
        cur.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)", LEVEL_TARGETS)
    yield db
    db.close()


def _values(store: Store, start: date, end: date, **filters: int) -> dict[str, float | None]:
    return service.values(store, OUT, Filters(start=start, end=end, **filters), with_targets=True)


def test_turnover_carries_a_level_target_stored_in_hundredths() -> None:
    kpi = get_kpi(KPI)
    assert kpi.target_metric == "inventory_turnover" and kpi.target_rule == "level"
    assert target_units_per_value(kpi) == 100  # 6.00 turns -> 600, 6.5 -> 650
    assert get_kpi("revenue").target_rule == "amount"  # every other KPI keeps its rule
    assert get_kpi(f"{KPI}_target").additive is False  # a level never sums over buckets


def test_a_period_spanning_two_target_months_is_their_day_weighted_average(store: Store) -> None:
    # North, 15 Oct - 15 Nov: 17 October days (15-31) at 5.00 and 15 November days at 6.00.
    # (5 x 17 + 6 x 15) / 32 = (85 + 90) / 32 = 175 / 32 = 5.46875 -> 5.47 (half up)
    # (a SUM of days, as an amount target would be, gives 175: nonsense for a rate).
    got = _values(store, date(2024, 10, 15), date(2024, 11, 15), team_id=NORTH)
    assert Fraction(5 * 17 + 6 * 15, 32) == Fraction(175, 32)
    assert got[f"{KPI}_target"] == 5.47


def test_a_quarter_of_three_targets(store: Store) -> None:
    # South, Q4 2024: October 6.00 (31 days), November 6.00 (30), December 9.00 (31).
    # (6 x 31 + 6 x 30 + 9 x 31) / 92 = (186 + 180 + 279) / 92 = 645 / 92 = 7.01087 -> 7.01
    got = _values(store, date(2024, 10, 1), date(2024, 12, 31), team_id=SOUTH)
    assert got[f"{KPI}_target"] == 7.01


def test_days_without_a_target_are_left_out_and_none_at_all_is_no_target(store: Store) -> None:
    # North, Q4 2024: October 5.00 (31 days), November 6.00 (30), December has none and is
    # left out of the average: (5 x 31 + 6 x 30) / 61 = (155 + 180) / 61 = 335 / 61 = 5.4918
    # -> 5.49 (counting December's 31 days as 0 would give 335 / 92 = 3.64).
    got = _values(store, date(2024, 10, 1), date(2024, 12, 31), team_id=NORTH)
    assert got[f"{KPI}_target"] == 5.49
    # North, December alone: no day has a target, so there is none (not 0), and no attainment.
    december = _values(store, date(2024, 12, 1), date(2024, 12, 31), team_id=NORTH)
    assert december[f"{KPI}_target"] is None
    assert december[f"{KPI}_attainment"] is None


def test_the_trend_steps_month_by_month(store: Store) -> None:
    # North by month, Q4: each bucket is its own month's level; December has none.
    frame = service.trend(
        store, OUT, Filters(start=date(2024, 10, 1), end=date(2024, 12, 31), team_id=NORTH),
        "month", with_targets=True,
    )  # fmt: skip
    targets = list(frame[f"{KPI}_target"])
    assert targets[:2] == [5.0, 6.0]
    assert targets[2] is None or targets[2] != targets[2]  # blank (NaN), not 0


def test_team_and_group_levels_and_attainment(store: Store) -> None:
    # North, November: its own target 6.00 (team filter: the team's targets, not its group's).
    # Actual (test_stock_kpis.test_by_store_team): 365 x 17000 / 1194000 = 5.19682 -> 5.20.
    # Attainment = actual / target, unrounded: (6205000 / 1194000) / 6 = 0.866136.
    north = _values(store, date(2024, 11, 1), date(2024, 11, 30), team_id=NORTH)
    assert north[KPI] == 5.2
    assert north[f"{KPI}_target"] == 6.0
    assert north[f"{KPI}_attainment"] == pytest.approx(Fraction(6205000, 1194000) / 6)
    # North Hub (a group), November: its own 4.50.
    hub = _values(store, date(2024, 11, 1), date(2024, 11, 30), team_id=NORTH_HUB)
    assert hub[f"{KPI}_target"] == 4.5
    # By team, November: North 6.00, South 6.00; South sold nothing stocked (turnover 0), so
    # attainment 0 / 6 = 0. The what-if 99.00 for North is never read.
    rows = service.breakdown(
        store, OUT, Filters(start=date(2024, 11, 1), end=date(2024, 11, 30)), "team",
        with_targets=True,
    ).set_index("team")  # fmt: skip
    assert rows.loc["North", f"{KPI}_target"] == 6.0
    assert rows.loc["South", f"{KPI}_target"] == 6.0
    assert rows.loc["South", f"{KPI}_attainment"] == 0.0
    # The whole company has no turnover target of its own: none (team targets are not summed
    # or averaged up into one).
    company = _values(store, date(2024, 11, 1), date(2024, 11, 30))
    assert company[f"{KPI}_target"] is None


def test_a_rep_level_target(store: Store) -> None:
    # Ann, 15 Oct - 15 Nov: only her 15 November days have a target (7.50), October's 17 are
    # left out: 7.50 x 15 / 15 = 7.50. Stock belongs to a store/team, never to a person, so her
    # own turnover (and attainment) is blank.
    ann = _values(store, date(2024, 10, 15), date(2024, 11, 15), rep_id=ANN)
    assert ann[f"{KPI}_target"] == 7.5
    assert ann[KPI] is None and ann[f"{KPI}_attainment"] is None


def test_a_level_does_not_grow_through_the_period(store: Store) -> None:
    # North, 1-15 November: the target for those days is the level 6.00, not half of it (an
    # amount target would expect 6.00 x 15 / 30 = 3.00 by then).
    got = _values(store, date(2024, 11, 1), date(2024, 11, 15), team_id=NORTH)
    assert got[f"{KPI}_target"] == 6.0
    assert expected_by_now(6.0, 0.5, "level") == 6.0
    assert expected_by_now(6.0, 0.5, "amount") == 3.0
    # North's turnover 1-15 Nov: cost-days Tea set 14 x 21000 + 1 x 0, Bowl 15 x 9000, Vase
    # (from 10 Nov) 6 x 8000, North Hub's Tea set 15 x 7000 = 294000 + 135000 + 48000 + 105000
    # = 582000; stocked sales N-01 100.00 + N-03 15.00 + N-05 40.00 = 15500 cents;
    # 365 x 15500 / 582000 = 9.7208 -> 9.72, at or above 6.00: on track.
    assert got[KPI] == 9.72
    assert assess(got[KPI], got[f"{KPI}_target"], got[f"{KPI}_target"], "level")[1] == "on_track"


def test_north_november_is_off_track_against_its_level(store: Store) -> None:
    # 5.20 against 6.00: 6.00 x 0.9 = 5.40, and 5.20 <= 5.40, so off track. The tile's
    # attainment is the shown value over the shown target: 5.20 / 6.00 = 0.86667 (the compiled
    # column, from the unrounded 5.19682, is 0.86614: both read 87%).
    got = _values(store, date(2024, 11, 1), date(2024, 11, 30), team_id=NORTH)
    attainment, pace = assess(got[KPI], got[f"{KPI}_target"], got[f"{KPI}_target"], "level")
    assert pace == "off_track"
    assert attainment == pytest.approx(5.2 / 6)


@pytest.mark.parametrize(
    ("actual", "pace"),
    [
        # Level 6.00; the edge is 10% below it: 6.00 x (1 - 0.10) = 5.40 exactly.
        (6.01, "on_track"),  # above the level
        (6.00, "on_track"),  # at the level
        (5.99, "caution"),  # one hundredth below
        (5.41, "caution"),  # one hundredth above the edge (9.83% below)
        (5.40, "off_track"),  # exactly 10% below: off track
        (5.39, "off_track"),
    ],
)
def test_the_three_bands_at_the_exact_ten_percent_edge(actual: float, pace: str) -> None:
    # Decided in exact decimals: Decimal("6.00") x Decimal("0.90") = Decimal("5.4000").
    assert exact(6.0) * (1 - Decimal("0.10")) == Decimal("5.40")
    assert pace_status(actual, 6.0) == pace
    # The same bands through assess with the level rule, whatever share of the period is gone.
    assert assess(actual, 6.0, 6.0, "level")[1] == pace


def test_float_error_does_not_move_the_edge() -> None:
    # Level 6.60: 6.60 x 0.9 = 5.94 exactly (in floating point 6.6 * 0.9 = 5.9399999999999995,
    # which would have made 5.94 caution).
    assert 6.6 * 0.9 < 5.94
    assert pace_status(5.94, 6.60) == "off_track"
    assert assess(5.94, 6.60, 6.60, "level")[1] == "off_track"
    assert pace_status(5.95, 6.60) == "caution"


def test_the_edge_shown_beside_the_pace() -> None:
    # What the tile says: off track at or below 90% of the level: 6.00 x 0.90 = 5.40;
    # 6.60 x 0.90 = 5.94 (exact, though 6.6 * 0.9 is 5.9399999999999995 in floating point).
    assert off_track_edge(6.0) == Decimal("5.40")
    assert off_track_edge(6.6) == Decimal("5.94")
    assert off_track_edge(None) is None and off_track_edge(0.0) is None
