"""Service helpers that work on results: running totals and growth."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from metrics.service import growth_column, growth_rate, running_total


def test_running_total_accumulates_additive_kpis_and_their_targets_only() -> None:
    trend = pd.DataFrame(
        {
            "bucket": [date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3)],
            "revenue": [100.0, None, 50.0],
            "revenue_target": [80.0, 80.0, 80.0],
            "revenue_attainment": [1.25, 0.0, 0.625],
            "win_rate": [0.5, 0.25, 0.4],
        }
    )
    total = running_total(trend, ("revenue", "win_rate"))
    assert list(total["revenue"]) == [100.0, 100.0, 150.0]  # an empty day adds nothing
    assert list(total["revenue_target"]) == [80.0, 160.0, 240.0]  # the pace line
    assert list(total["revenue_attainment"]) == pytest.approx([1.25, 0.625, 0.625])
    assert list(total["win_rate"]) == [0.5, 0.25, 0.4]  # a rate does not add up
    assert list(trend["revenue"].fillna(-1)) == [100.0, -1, 50.0]  # input untouched


def test_growth_of_any_kpi() -> None:
    assert growth_rate(120.0, 100.0) == pytest.approx(0.2)
    assert growth_rate(-50.0, -100.0) == pytest.approx(0.5)  # a smaller loss is growth
    assert growth_rate(10.0, 0.0) is None
    assert growth_rate(None, 5.0) is None
    column = growth_column(pd.Series([110.0, 5.0, 3.0]), pd.Series([100.0, 0.0, None]))
    assert column.iloc[0] == pytest.approx(0.1)
    assert column.iloc[1:].isna().all()
