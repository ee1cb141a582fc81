"""The Segments page's one call gives the same answers as each analysis on its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas.testing as pdt
import pytest

from data.rollups import ROLLUPS_ENV_VAR
from data.store import Store
from metrics import segments
from metrics.filters import Filters
from metrics.requests_people import SegmentCustomers, SegmentsScreen
from metrics.segments_screen import segments_data

AUTUMN = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
AS_OF, BEFORE = date(2024, 11, 30), date(2024, 10, 31)


def test_the_screen_matches_the_analyses_one_by_one(tiny_store: Store) -> None:
    screen = segments_data(tiny_store, AUTUMN, AS_OF, BEFORE)
    pdt.assert_frame_equal(
        segments.summarize_rfm(screen.scores), segments.rfm_summary(tiny_store, AUTUMN, AS_OF)
    )
    pdt.assert_frame_equal(
        screen.movement,
        segments.rfm_movement(tiny_store, AUTUMN, AS_OF, BEFORE),
    )
    pdt.assert_frame_equal(
        screen.lifecycle_over_time, segments.lifecycle_over_time(tiny_store, AUTUMN, AS_OF)
    )
    pdt.assert_frame_equal(screen.pareto, segments.pareto(tiny_store, AUTUMN))
    assert screen.top_share == segments.top_share(tiny_store, AUTUMN)


@pytest.mark.parametrize(
    "scope", [AUTUMN, AUTUMN.model_copy(update={"team_id": 1})], ids=["company", "team 1"]
)
def test_a_segments_customers_are_its_rfm_scores_named(tiny_store: Store, scope: Filters) -> None:
    """What the drill-down lists for each segment: the RFM scores of its customers, in their
    order (biggest spender first), with the customer's and owner's names."""
    scores = segments.rfm_scores(tiny_store, scope, AS_OF)
    screen = SegmentsScreen(filters=scope, as_of=AS_OF)
    shown = 0
    for segment in segments.SEGMENTS:
        request = SegmentCustomers(filters=scope, as_of=AS_OF, segment=segment)
        listed = request.run_with(tiny_store, (screen.run(tiny_store),))
        expected = scores[scores["segment"] == segment]
        pdt.assert_frame_equal(listed, expected)
        pdt.assert_frame_equal(request.run(tiny_store), expected)
        shown += len(listed)
    assert shown == len(scores) > 0
    assert scores["customer"].notna().all()


def test_todays_lifecycle_counts_are_the_last_month_of_the_series(tiny_store: Store) -> None:
    series = segments.lifecycle_over_time(tiny_store, AUTUMN, AS_OF)
    today = series[series["day"] == AS_OF][["stage", "customers"]].reset_index(drop=True)
    pdt.assert_frame_equal(today, segments.lifecycle_counts(tiny_store, AUTUMN, AS_OF))


def test_the_demo_lifecycle_is_the_same_from_the_buying_days_rollup(
    demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(demo_db_path, read_only=True)
    as_of = store.scalar("SELECT max(order_date) FROM orders")
    company = Filters(start=as_of.replace(day=1), end=as_of)
    assert segments.days_rolled(store, company), "the demo's build left the rollup current"
    rolled = segments.lifecycle_over_time(store, company, as_of)
    stages = segments.lifecycle(store, company, as_of)
    monkeypatch.setenv(ROLLUPS_ENV_VAR, "off")
    assert rolled.equals(segments.lifecycle_over_time(store, company, as_of))
    assert stages.equals(segments.lifecycle(store, company, as_of))
    assert set(stages["stage"]) == set(segments.LIFECYCLE_STAGES), "every stage is exercised"
    store.close()
