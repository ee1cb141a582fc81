"""Month pace for the stand-up, and the team board, on hand-worked numbers."""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics.filters import Filters
from metrics.pacing import exact, month_pace, pace_status
from metrics.team_board import rep_board


def test_first_day_of_the_month() -> None:
    # 30-day month, target 3,000: 100 a day. By the end of the 1st, 100 expected; 60 sold.
    pace = month_pace(60.0, 3000.0, 100.0, date(2026, 11, 1))
    assert pace.status == "off_track"  # 60 is 40% short of 100
    assert pace.gap == pytest.approx(40.0)
    assert pace.gap_days == pytest.approx(0.4)
    assert pace.days_left == 29
    assert pace.needed_per_day == pytest.approx((3000 - 60) / 29)


def test_last_day_of_the_month() -> None:
    # 31-day month, target 3,100; everything is expected by the 31st. 3,000 sold: 100 short.
    pace = month_pace(3000.0, 3100.0, 3100.0, date(2026, 12, 31))
    assert pace.status == "caution"  # 3.2% short: between on track and off track
    assert pace.gap_days == pytest.approx(1.0)  # 100 at 100 a day
    assert pace.days_left == 0 and pace.needed_per_day is None


def test_ahead_of_pace_is_a_negative_gap() -> None:
    pace = month_pace(1500.0, 3000.0, 1000.0, date(2026, 11, 10))
    assert pace.status == "on_track"
    assert pace.gap == pytest.approx(-500.0)


def test_no_target_set() -> None:
    pace = month_pace(1500.0, None, None, date(2026, 11, 10))
    assert pace.status == "no_target"
    assert pace.gap is None and pace.gap_days is None and pace.needed_per_day is None


# The bands' edges, decided exactly -----------------------------------------------------------


def test_money_exactly_ten_percent_short_is_off_track() -> None:
    # 3.30 expected; 90% of it is 3.30 x 0.9 = 2.97 exactly, so 2.97 sold is off track. In
    # floating point 3.30 * 0.9 = 2.9699999999999998 < 2.97 and it showed caution.
    assert pace_status(2.97, 3.30) == "off_track"
    assert pace_status(2.98, 3.30) == "caution"  # one cent above the edge
    # 8.70 expected: 8.70 x 0.9 = 7.83 (float: 7.829999999999999).
    assert pace_status(7.83, 8.70) == "off_track"
    assert pace_status(7.84, 8.70) == "caution"


def test_count_exactly_ten_percent_short_is_off_track() -> None:
    # A monthly target of 10 deals over a 28-day February, added up day by day in floating
    # point, comes to 9.999999999999998 on the last day; it stands for 10.00, and 9 deals is
    # 10.00 x 0.9 = 9 exactly: off track (in floats 9 > 8.999999999999998: caution).
    ten_by_days = sum([10 / 28] * 28)
    assert ten_by_days != 10  # the float noise the rule must not see
    assert pace_status(9, ten_by_days) == "off_track"
    assert pace_status(9, 10) == "off_track"
    assert pace_status(10, 10) == "on_track"


def test_exactly_on_pace_is_on_track() -> None:
    # A target of 3 spread over 30 days adds up to 3.0000000000000013 by the 30th: it stands
    # for 3.00, and 3 reached is on track, not caution.
    three_by_days = sum([3 / 30] * 30)
    assert three_by_days > 3
    assert pace_status(3, three_by_days) == "on_track"
    # Money: 0.10 + 0.20 expected (0.30000000000000004 in floats) against 0.30 sold.
    assert pace_status(0.30, 0.1 + 0.2) == "on_track"
    assert pace_status(0.29, 0.30) == "caution"


def test_exact_reads_the_decimal_a_value_stands_for() -> None:
    assert str(exact(2.97)) == "2.97"
    assert str(exact(0.1 + 0.2)) == "0.30"
    assert str(exact(9.999999999999998)) == "10.00"
    assert str(exact(0.125)) == "0.13"  # half away from zero
    assert exact(None) is None and exact(float("nan")) is None


def test_month_pace_at_the_edge() -> None:
    # 30-day November, target 99.00: 99.00 / 30 = 3.30 a day, so 3.30 expected by the end of
    # 1 Nov. 2.97 sold is exactly 10% short: off track. The gap is 3.30 - 2.97 = 0.33 exactly
    # (not 0.33000000000000007), a tenth of a day's selling (0.33 / 3.30).
    pace = month_pace(2.97, 99.0, 3.30, date(2026, 11, 1))
    assert pace.status == "off_track"
    assert pace.gap == 0.33
    assert pace.gap_days == pytest.approx(0.1)
    # 2.98 sold: one cent above the edge, caution.
    assert month_pace(2.98, 99.0, 3.30, date(2026, 11, 1)).status == "caution"


def test_team_board_ranks_by_pace_with_hand_worked_numbers(tiny_store: Store) -> None:
    # Tiny November rep revenue targets: Ann 200, Ben 100, Cai 100, Dee 100, Eve 300.
    # 1-15 Nov revenue: Ann 170, Ben 105.50, Cai 80.50, Dee 0, Eve 360; expected = half target.
    # Pace ratio: Eve 360/150 = 2.4, Ben 105.5/50 = 2.11, Ann 170/100 = 1.7,
    # Cai 80.5/50 = 1.61, Dee 0/50 = 0.
    as_of = date(2024, 11, 15)
    board = rep_board(tiny_store, Filters(start=as_of, end=as_of), as_of)
    assert list(board["rep"]) == ["Eve", "Ben", "Ann", "Cai", "Dee"]
    assert list(board["rank"]) == [1, 2, 3, 4, 5]
    assert list(board["target"]) == pytest.approx([300, 100, 200, 100, 100])
    assert list(board["expected"]) == pytest.approx([150, 50, 100, 50, 50])
    assert list(board["month_to_date"]) == pytest.approx([360, 105.5, 170, 80.5, 0])
    assert list(board["attainment"]) == pytest.approx([1.2, 1.055, 0.85, 0.805, 0.0])
    assert list(board["pace"]) == ["on_track"] * 4 + ["off_track"]
    assert all(len(days) == 15 for days in board["daily"])
    assert sum(board["daily"][0]) == pytest.approx(360)
