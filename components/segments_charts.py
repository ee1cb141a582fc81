"""The Segments page's figures, each built from fetched results and small display arguments,
so components.charts.plot builds it once per result instead of on every rerun.

They are drawn with plotly's graph objects, not plotly express: express takes 0.17 s to
import and 0.06-0.27 s a figure to work out what these say directly (0.7 s of the page's
first run), against a few milliseconds each."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import value_axes_in_words
from components.format import format_value, label_each, plotly_date_axis, plotly_tick_format
from components.text import kpi_label, label_values, t
from components.theme import ACTUAL, template
from metrics.catalogue import get_kpi
from metrics.segments_screen import SegmentsData
from metrics.service import growth_column

LIFECYCLE_COLORS = {
    "new": "#2f9e44", "returning": "#1f6feb", "active": "#74c0fc", "at_risk": "#f08c00",
    "churned": "#e03131",
}  # fmt: skip


def grid_pivot(grid: pd.DataFrame, kpi_id: str, dimension: str, second: str) -> pd.DataFrame:
    """The KPI by two dimensions, values in words, one row per `dimension` value."""
    grid = label_values(label_values(grid, dimension), second)
    return grid.pivot_table(index=dimension, columns=second, values=kpi_id, aggfunc="sum")


def heatmap_figure(grid: pd.DataFrame, *, kpi_id: str, dimension: str, second: str) -> go.Figure:
    pivot = grid_pivot(grid, kpi_id, dimension, second)
    fig = go.Figure(
        go.Heatmap(
            z=pivot.to_numpy(),
            x=[str(c) for c in pivot.columns],
            y=[str(i) for i in pivot.index],
            texttemplate="%{z:.3s}",
            colorscale="Blues",
            colorbar={"title": {"text": kpi_label(kpi_id)}},
            hovertemplate=f"%{{y}} · %{{x}}<br>{kpi_label(kpi_id)}: %{{z}}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")  # the first row on top, as in the table
    fig.update_layout(template=template(), height=max(320, 40 * len(pivot) + 120))
    return fig


def flat_treemap(labels: list[object], values: pd.Series, **trace: object) -> go.Treemap:
    """A treemap of one level: a tile per label, sized by its value."""
    return go.Treemap(labels=labels, parents=[""] * len(labels), values=list(values), **trace)


def merged_breakdown(
    now: pd.DataFrame, before: pd.DataFrame, kpi_id: str, dimension: str
) -> pd.DataFrame:
    """This period's breakdown beside the previous one's, with share and change; values in
    words (the raw value of each row is in `raw_<dimension>`)."""
    merged = now.merge(before, on=dimension, how="left", suffixes=("", "_before"))
    raw = list(merged[dimension])
    merged = label_values(merged, dimension).assign(**{f"raw_{dimension}": raw})
    total = merged[kpi_id].sum()
    if get_kpi(kpi_id).additive and total:
        merged["share"] = merged[kpi_id] / total
    merged["change"] = growth_column(merged[kpi_id], merged[f"{kpi_id}_before"])
    return merged


def breakdown_figure(
    now: pd.DataFrame, before: pd.DataFrame, *, kpi_id: str, dimension: str, shape: str
) -> go.Figure:
    kpi = get_kpi(kpi_id)
    merged = merged_breakdown(now, before, kpi_id, dimension)
    if shape == "treemap" and kpi.additive:
        shown = merged[merged[kpi_id] > 0]
        fig = go.Figure(
            flat_treemap(
                list(shown[dimension]), shown[kpi_id], textinfo="label+percent root",
                hovertemplate=f"%{{label}}<br>{kpi_label(kpi_id)}: %{{value}}<extra></extra>",
            )
        )  # fmt: skip
    else:
        head = merged.head(25)
        fig = go.Figure(
            go.Bar(
                x=head[kpi_id],
                y=head[dimension],
                orientation="h",
                text=[format_value(v, kpi.unit, compact=True) for v in head[kpi_id]],
                marker_color=ACTUAL,
                hovertemplate=f"%{{y}}<br>{kpi_label(kpi_id)}: %{{x}}<extra></extra>",
            )
        )
        fig.update_yaxes(autorange="reversed")
        tickformat, prefix = plotly_tick_format(kpi.unit)
        fig.update_xaxes(title_text=kpi_label(kpi_id), tickformat=tickformat, tickprefix=prefix)
        value_axes_in_words(fig, kpi.unit, "x")
    fig.update_layout(template=template(), height=max(300, 28 * min(len(merged), 25) + 100))
    return fig


def rfm_summary(screen: SegmentsData) -> pd.DataFrame:
    summary = screen.summary
    return summary.assign(label=label_each(summary["segment"], lambda s: t(f"segment.{s}")))


def rfm_figure(screen: SegmentsData) -> go.Figure:
    summary = rfm_summary(screen)
    shown = summary[summary["customers"] > 0]
    fig = go.Figure(
        flat_treemap(
            list(shown["label"]),
            shown["customers"],
            marker={"colors": list(shown["share_of_revenue"]), "coloraxis": "coloraxis"},
            customdata=shown[["revenue", "share_of_revenue"]].to_numpy(),
            textinfo="label+value",
            hovertemplate=(
                f"%{{label}}<br>{t('segments.col.customers')}: %{{value}}"
                f"<br>{kpi_label('revenue')}: %{{customdata[0]:,.0f}}"
                f"<br>{t('segments.col.share')}: %{{customdata[1]:.1%}}<extra></extra>"
            ),
        )
    )
    fig.update_layout(
        template=template(),
        height=380,
        coloraxis={"colorscale": "Blues", "colorbar": {"title": {"text": t("segments.col.share")}}},
    )
    return fig


def lifecycle_figure(screen: SegmentsData, *, as_of: date) -> go.Figure:
    over_time = screen.lifecycle_over_time
    # The last month of the series ends on the as-of day: today's counts.
    counts = over_time[over_time["day"] == as_of][["stage", "customers"]]
    fig = go.Figure(
        go.Bar(
            x=label_each(counts["stage"], lambda s: t(f"lifecycle.{s}")),
            y=counts["customers"],
            text=counts["customers"],
            marker_color=ACTUAL,
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_layout(template=template(), height=340)
    return fig


def lifecycle_over_time_figure(screen: SegmentsData) -> go.Figure:
    over_time = screen.lifecycle_over_time
    fig = go.Figure()
    # One stacked area per stage, in the order the stages first appear (as the table lists
    # them), each in its stage's colour.
    for stage, rows in over_time.groupby("stage", sort=False):
        label = t(f"lifecycle.{stage}")
        fig.add_scatter(
            x=rows["day"], y=rows["customers"], name=label, mode="lines", stackgroup="one",
            line={"color": LIFECYCLE_COLORS.get(str(stage))},
            hovertemplate=f"{label}: %{{y}}<extra></extra>",
        )  # fmt: skip
    fig.update_layout(
        template=template(),
        height=320,
        title={"text": t("segments.lifecycle_over_time")},
        legend={"y": -0.15, "yanchor": "top", "x": 0, "traceorder": "normal"},
    )
    fig.update_xaxes(**plotly_date_axis())
    return fig


# The Pareto line is drawn through at most this many of its points (the first and the last
# always among them): a chart a few hundred pixels wide shows no more, and 175,000 points
# (one per customer at ten million order lines) made 7 MB of JSON on every rerun. Each point
# drawn is a real customer's; the table beside it keeps every one.
PARETO_POINTS = 1000


def drawn_points(curve: pd.DataFrame, points: int = PARETO_POINTS) -> pd.DataFrame:
    """`curve`'s rows at evenly spaced ranks, the first and the last always among them; all of
    them when there are no more than `points`."""
    if len(curve) <= points:
        return curve
    return curve.iloc[np.unique(np.linspace(0, len(curve) - 1, points).round().astype(int))]


def pareto_figure(screen: SegmentsData) -> go.Figure:
    curve = drawn_points(screen.pareto)
    fig = go.Figure()
    fig.add_scatter(
        x=curve["customer_share"],
        y=curve["cumulative_share"],
        mode="lines",
        line={"color": ACTUAL, "width": 3},
        name=t("segments.col.cumulative"),
    )
    fig.add_scatter(
        x=[0, 1],
        y=[0, 1],
        mode="lines",
        name=t("segments.even_line"),
        line={"color": "#9aa4b2", "dash": "dot"},
    )
    fig.update_layout(
        template=template(),
        height=300,
        xaxis_tickformat=".0%",
        yaxis_tickformat=".0%",
        xaxis_title=t("segments.col.customer_share"),
        yaxis_title=t("segments.col.cumulative"),
    )
    return fig
