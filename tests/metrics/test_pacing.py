"""Month pace for the stand-up, and the team board, on hand-worked numbers."""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics.filters import Filters
from metrics.pacing import month_pace
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
