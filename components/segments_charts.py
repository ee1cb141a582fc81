"""The Segments page's figures, each built from fetched results and small display arguments,
so components.charts.cached_figure builds it once per result instead of on every rerun."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from components.charts import value_axes_in_words
from components.format import format_value, label_each, plotly_date_axis, plotly_tick_format
from components.text import kpi_label, label_values, t
from components.theme import ACTUAL, TEMPLATE
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
    fig = px.imshow(
        pivot,
        text_auto=".3s",
        aspect="auto",
        color_continuous_scale="Blues",
        labels={"color": kpi_label(kpi_id)},
    )
    fig.update_layout(template=TEMPLATE, height=max(320, 40 * len(pivot) + 120))
    return fig


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
        fig = px.treemap(merged[merged[kpi_id] > 0], path=[dimension], values=kpi_id)
        fig.update_traces(textinfo="label+percent root")
    else:
        fig = px.bar(
            merged.head(25),
            x=kpi_id,
            y=dimension,
            orientation="h",
            text=[format_value(v, kpi.unit, compact=True) for v in merged[kpi_id].head(25)],
            labels={kpi_id: kpi_label(kpi_id), dimension: ""},
        )
        fig.update_traces(marker_color=ACTUAL)
        fig.update_yaxes(autorange="reversed")
        tickformat, prefix = plotly_tick_format(kpi.unit)
        fig.update_xaxes(tickformat=tickformat, tickprefix=prefix)
        value_axes_in_words(fig, kpi.unit, "x")
    fig.update_layout(template=TEMPLATE, height=max(300, 28 * min(len(merged), 25) + 100))
    return fig


def rfm_summary(screen: SegmentsData) -> pd.DataFrame:
    summary = screen.summary
    return summary.assign(label=label_each(summary["segment"], lambda s: t(f"segment.{s}")))


def rfm_figure(screen: SegmentsData) -> go.Figure:
    summary = rfm_summary(screen)
    fig = px.treemap(
        summary[summary["customers"] > 0],
        path=["label"],
        values="customers",
        color="share_of_revenue",
        color_continuous_scale="Blues",
        hover_data={"revenue": ":,.0f", "share_of_revenue": ":.1%"},
    )
    fig.update_traces(textinfo="label+value")
    fig.update_layout(
        template=TEMPLATE, height=380, coloraxis_colorbar_title=t("segments.col.share")
    )
    return fig


def lifecycle_figure(screen: SegmentsData, *, as_of: date) -> go.Figure:
    over_time = screen.lifecycle_over_time
    # The last month of the series ends on the as-of day: today's counts.
    counts = over_time[over_time["day"] == as_of][["stage", "customers"]]
    fig = px.bar(
        counts.assign(label=label_each(counts["stage"], lambda s: t(f"lifecycle.{s}"))),
        x="label",
        y="customers",
        text="customers",
        labels={"label": "", "customers": ""},
    )
    fig.update_traces(marker_color=ACTUAL)
    fig.update_layout(template=TEMPLATE, height=340)
    return fig


def lifecycle_over_time_figure(screen: SegmentsData) -> go.Figure:
    over_time = screen.lifecycle_over_time
    labelled = over_time.assign(label=label_each(over_time["stage"], lambda s: t(f"lifecycle.{s}")))
    fig = px.area(
        labelled, x="day", y="customers", color="label",
        labels={"day": "", "customers": "", "label": ""},
        title=t("segments.lifecycle_over_time"),
        color_discrete_map={t(f"lifecycle.{s}"): c for s, c in LIFECYCLE_COLORS.items()},
    )  # fmt: skip
    fig.update_layout(template=TEMPLATE, height=320, legend={"y": -0.15, "yanchor": "top", "x": 0})
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
        template=TEMPLATE,
        height=300,
        xaxis_tickformat=".0%",
        yaxis_tickformat=".0%",
        xaxis_title=t("segments.col.customer_share"),
        yaxis_title=t("segments.col.cumulative"),
    )
    return fig
