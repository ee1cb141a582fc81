"""The Segments page's figures (components/segments_charts.py)."""

from __future__ import annotations

import pandas as pd

from components.segments_charts import PARETO_POINTS, drawn_points, pareto_figure
from metrics.segments_screen import SegmentsData


def _curve(n: int) -> pd.DataFrame:
    """A Pareto curve of n customers, each point its rank's true values."""
    ranks = list(range(1, n + 1))
    return pd.DataFrame(
        {
            "rank": ranks,
            "customer": [f"C{r}" for r in ranks],
            "revenue": [float(n - r + 1) for r in ranks],
            "cumulative_share": [r * (2 * n - r + 1) / (n * (n + 1)) for r in ranks],
            "customer_share": [r / n for r in ranks],
        }
    )


def test_a_short_curve_is_drawn_through_every_point() -> None:
    curve = _curve(PARETO_POINTS)
    assert drawn_points(curve).equals(curve)


def test_a_long_curve_is_drawn_through_its_ends_and_evenly_spaced_real_points() -> None:
    curve = _curve(175_000)
    drawn = drawn_points(curve)
    assert len(drawn) == PARETO_POINTS
    assert drawn.iloc[0].equals(curve.iloc[0]) and drawn.iloc[-1].equals(curve.iloc[-1])
    # every point drawn is the curve's own row at its rank, in order, none twice
    assert drawn.equals(curve.loc[drawn.index])
    assert drawn["rank"].is_monotonic_increasing and drawn["rank"].is_unique
    gaps = drawn["rank"].diff().dropna()
    assert gaps.max() - gaps.min() <= 1  # evenly spaced, to the nearest rank


def test_the_figure_draws_the_thinned_line() -> None:
    empty = pd.DataFrame()
    screen = SegmentsData(
        scores=empty, summary=empty, by_segment={}, movement=empty, lifecycle_over_time=empty,
        pareto=_curve(5_000), top_share=0.36,
    )  # fmt: skip
    line = pareto_figure(screen).data[0]
    assert len(line.x) == PARETO_POINTS and line.x[-1] == 1.0 and line.y[-1] == 1.0
