"""KPI Trends works out its sections' numbers side by side (components.trends_requests):
the batch it asks for first is exactly what the tiles, the trend chart and the breakdown
table then read, whatever the comparison and the scope, so nothing is worked out twice or
left to run one after another."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.requests import KpiBreakdown, KpiTrend, KpiValues
from tests.components.fetch_recorder import first_run, record_fetches

SECTIONS = (KpiValues, KpiTrend, KpiBreakdown)


@pytest.mark.parametrize(
    "params",
    [{}, {"compare": "target"}, {"compare": "last_year", "team": "Retail Stores"}],
    ids=["previous", "target", "last-year-one-team"],
)
def test_the_first_batch_is_what_the_sections_read(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, params: dict[str, str]
) -> None:
    recorded = record_fetches(monkeypatch)
    first_run("pages/kpi_trends.py", params)
    ours = recorded.batch_with(SECTIONS)
    assert len(ours) == 1
    first = ours[0]
    assert len(first) == len(set(first))  # no request twice
    assert set(first) == recorded.read(SECTIONS)
    # The tiles: the period, its sparklines, the whole period's targets and the comparison;
    # the chart: the period with targets and the comparison; the table: the period, the whole
    # period's targets and the comparison. The target as comparison drops the three
    # comparisons.
    assert len(first) == (6 if params.get("compare") == "target" else 9)
