"""The stand-up board's sparklines (metrics.team_board): each person's KPI per day."""

from __future__ import annotations

from datetime import date

import pandas as pd

from metrics.team_board import _per_rep_lists


def test_each_persons_days_keep_the_trends_order_and_a_blank_day_is_zero() -> None:
    # The trend's rows come by day, people mixed; rep 7 sold nothing on the 2nd (blank).
    daily = pd.DataFrame(
        {
            "bucket": [date(2026, 11, d) for d in (1, 1, 2, 2, 3, 3)],
            "rep_id": [7, 3, 3, 7, 7, 3],
            "revenue": [10.5, 1.0, 2.0, None, 30.0, 3.25],
        }
    )
    lists = _per_rep_lists(daily, "revenue")
    assert lists == {3: [1.0, 2.0, 3.25], 7: [10.5, 0.0, 30.0]}
    assert all(type(v) is float for days in lists.values() for v in days)
    assert _per_rep_lists(daily.iloc[:0], "revenue") == {}
