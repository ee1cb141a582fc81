"""Figures built once per result and display arguments (components.views.built_figure),
cached with the result, handed out as a copy, and drawn by components.charts.plot."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
from pydantic import BaseModel
from streamlit.testing.v1 import AppTest

from components import cache
from components.charts import trend_figure
from components.text import t, use_language
from components.views import Display, built_figure
from data import settings
from data.store import Store
from metrics.filters import Filters
from metrics.requests import CompanyCurrency, KpiTrend, Request
from tests.conftest import DEMO_END

BUILDS: list[tuple[int, str]] = []


def cached_figure(
    build: Callable[..., go.Figure], requests: Request | tuple[Request, ...], **display: Display
) -> go.Figure:
    """The cached figure as a go.Figure to read or change (what `plot` draws)."""
    return go.Figure(built_figure(build, requests, **display), _validate=False)


class Numbers(Request):
    """A small request: its answer is [n, n + 1] (the data version does not change it)."""

    n: int

    def run(self, store: Store) -> list[int]:
        return [self.n, self.n + 1]


def _bars(result: list[int], *, kind: str) -> go.Figure:
    """A builder that notes each real build (not answered from the cache)."""
    BUILDS.append((result[0], kind))
    return go.Figure(go.Bar(x=["a", "b"], y=result, name=t("series.actual")))


def test_the_same_request_and_display_give_an_equal_figure_built_once() -> None:
    BUILDS.clear()
    first = cached_figure(_bars, Numbers(n=1), kind="bar")
    again = cached_figure(_bars, Numbers(n=1), kind="bar")
    assert first == again and list(first.data[0].y) == [1, 2]
    assert BUILDS == [(1, "bar")]  # the second came from the cache
    cached_figure(_bars, Numbers(n=1), kind="line")  # another display argument: built
    cached_figure(_bars, Numbers(n=2), kind="bar")  # another request: built
    assert BUILDS == [(1, "bar"), (1, "line"), (2, "bar")]


def test_a_new_data_version_rebuilds(isolated_database: Path) -> None:
    BUILDS.clear()
    cached_figure(_bars, Numbers(n=1), kind="bar")
    # Two writes (currency there and back): the currency is as before, only the version moved.
    before = cache.fetch(CompanyCurrency())
    settings.set_currency(cache.get_store(), "EUR" if before != "EUR" else "GBP")
    settings.set_currency(cache.get_store(), before)
    cached_figure(_bars, Numbers(n=1), kind="bar")
    assert BUILDS == [(1, "bar"), (1, "bar")]


def test_a_different_language_rebuilds() -> None:
    BUILDS.clear()
    with use_language("en"):
        english = cached_figure(_bars, Numbers(n=1), kind="bar")
    with use_language("zh"):
        chinese = cached_figure(_bars, Numbers(n=1), kind="bar")
    assert BUILDS == [(1, "bar"), (1, "bar")]
    with use_language("en"):
        assert english.data[0].name == t("series.actual")
    with use_language("zh"):
        assert chinese.data[0].name == t("series.actual")
    assert english.data[0].name != chinese.data[0].name


def test_a_caller_changing_its_figure_does_not_change_the_cached_one() -> None:
    BUILDS.clear()
    mine = cached_figure(_bars, Numbers(n=1), kind="bar")
    mine.update_layout(title={"text": "changed"})
    mine.data[0].y = [9, 9]
    fresh = cached_figure(_bars, Numbers(n=1), kind="bar")
    assert fresh.layout.title.text is None and list(fresh.data[0].y) == [1, 2]
    assert BUILDS == [(1, "bar")]


def _revenue_trend(frame: object, *, grain: str) -> go.Figure:
    return trend_figure(frame, "revenue", grain, height=300)  # type: ignore[arg-type]


def test_a_cached_trend_equals_one_built_from_the_fetched_result(demo_db: Path) -> None:
    scope = Filters(start=date(2026, 11, 1), end=DEMO_END, period_kind="month")
    request = KpiTrend(kpis=("revenue",), filters=scope, grain="week", with_targets=True)
    cached = cached_figure(_revenue_trend, request, grain="week")
    built = _revenue_trend(cache.fetch(request), grain="week")
    assert cached == built
    # What st.plotly_chart sends: the cached figure is not validated again, and says the same.
    sent = plotly.tools.return_figure_from_figure_or_data(cached, validate_figure=True)
    assert json.loads(pio.to_json(sent, validate=False)) == json.loads(pio.to_json(built))


def test_a_cached_running_total_ends_on_the_whole_periods_sum(demo_db: Path) -> None:
    # A running total's last point is every bucket added up: for weeks of 1–20 November, the
    # sum of the fetched weekly revenue (the figure is built from the fetched trend alone).
    from components.trends_charts import trend_chart

    scope = Filters(start=date(2026, 11, 1), end=DEMO_END, period_kind="month")
    request = KpiTrend(kpis=("revenue",), filters=scope, grain="week", with_targets=True)
    shown = dict(kpi_id="revenue", grain="week", comparison="target", partial=False)
    fig = cached_figure(trend_chart, request, running=True, **shown)
    actual = next(trace for trace in fig.data if trace.name == t("series.actual"))
    weekly = cache.fetch(request)["revenue"].fillna(0)
    # Added bucket by bucket, in order, as the running total adds them (exactly the same float).
    assert actual.y[-1] == weekly.cumsum().iloc[-1] and len(actual.y) == len(weekly)
    assert actual.y[-1] > weekly.iloc[-1] > 0  # more than the last week alone
    plain = cached_figure(trend_chart, request, running=False, **shown)
    assert next(tr for tr in plain.data if tr.name == t("series.actual")).y[-1] == weekly.iloc[-1]


class Shape(BaseModel):
    """A display argument that is a model (as a commission rule is)."""

    bars: int
    label: str


def _shaped(*, shape: Shape) -> go.Figure:
    BUILDS.append((shape.bars, shape.label))
    return go.Figure(go.Bar(x=list(range(shape.bars)), y=[1] * shape.bars, name=shape.label))


def test_a_model_given_for_display_keys_the_figure_by_every_field() -> None:
    # No request: the display arguments alone are the key. An equal model (a new object) is
    # answered from the cache; a change to any one field builds again.
    BUILDS.clear()
    first = cached_figure(_shaped, (), shape=Shape(bars=2, label="a"))
    again = cached_figure(_shaped, (), shape=Shape(bars=2, label="a"))
    cached_figure(_shaped, (), shape=Shape(bars=2, label="b"))
    cached_figure(_shaped, (), shape=Shape(bars=3, label="a"))
    assert BUILDS == [(2, "a"), (2, "b"), (3, "a")]
    assert first == again and first.data[0].name == "a"


def _plotted_trend() -> None:
    """An app that draws the cached weekly revenue trend with `plot`."""
    from datetime import date

    from components.charts import plot
    from metrics.filters import Filters
    from metrics.requests import KpiTrend
    from tests.components.test_charts_cache import _revenue_trend

    scope = Filters(start=date(2026, 11, 1), end=date(2026, 11, 20), period_kind="month")
    request = KpiTrend(kpis=("revenue",), filters=scope, grain="week", with_targets=True)
    plot(_revenue_trend, request, key="trend", grain="week")
    plot(_revenue_trend, request, key="again", grain="week")  # the second from the cache


def test_plot_sends_what_the_built_figure_says_and_leaves_the_cache_as_it_was(
    demo_db: Path,
) -> None:
    # `plot` hands st.plotly_chart the cached dict itself (no go.Figure made again): the chart
    # sent is the figure built from the fetched result, both times, and the cache still holds it.
    scope = Filters(start=date(2026, 11, 1), end=DEMO_END, period_kind="month")
    request = KpiTrend(kpis=("revenue",), filters=scope, grain="week", with_targets=True)
    built = json.loads(pio.to_json(_revenue_trend(cache.fetch(request), grain="week")))
    at = AppTest.from_function(_plotted_trend, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    sent = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert sent == [built, built]
    assert json.loads(pio.to_json(cached_figure(_revenue_trend, request, grain="week"))) == built
