"""KPI Trends works out its sections' numbers side by side (components.trends_requests):
the batch it asks for first is exactly what the tiles, the trend chart and the breakdown
table then read, whatever the comparison and the scope, so nothing is worked out twice or
left to run one after another."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from components import cache
from metrics.requests import KpiBreakdown, KpiTrend, KpiValues, Request

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = (KpiValues, KpiTrend, KpiBreakdown)


@pytest.mark.parametrize(
    "params",
    [{}, {"compare": "target"}, {"compare": "last_year", "team": "Retail Stores"}],
    ids=["previous", "target", "last-year-one-team"],
)
def test_the_first_batch_is_what_the_sections_read(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, params: dict[str, str]
) -> None:
    batches: list[list[Request]] = []
    fetched: list[Request] = []
    side_by_side, one = cache.fetch_all, cache.fetch

    def recorded_batch(requests: Sequence[Request]) -> list[Any]:
        batches.append(list(requests))
        return side_by_side(requests)

    def recorded(request: Request) -> Any:
        fetched.append(request)
        return one(request)

    monkeypatch.setattr(cache, "fetch_all", recorded_batch)
    monkeypatch.setattr(cache, "fetch", recorded)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(params)
    at.switch_page("pages/kpi_trends.py").run()
    assert not at.exception, [e.value for e in at.exception]
    # (a request's own parts are fetched as a batch too: none of these has any)
    ours = [batch for batch in batches if any(isinstance(r, SECTIONS) for r in batch)]
    assert len(ours) == 1
    first = ours[0]
    assert len(first) == len(set(first))  # no request twice
    read = {r for r in fetched if isinstance(r, SECTIONS)}
    assert set(first) == read
    # The tiles: the period, its sparklines, the whole period's targets and the comparison;
    # the chart: the period with targets and the comparison; the table: the period, the whole
    # period's targets and the comparison. The target as comparison drops the three
    # comparisons.
    assert len(first) == (6 if params.get("compare") == "target" else 9)
