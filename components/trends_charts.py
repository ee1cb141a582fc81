"""KPI Trends' figures, each built from fetched trends and small display arguments, so
components.charts.plot builds it once per result instead of on every rerun."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import split_figure, trend_figure
from components.text import dimension_label, label_values, t
from metrics.catalogue import get_kpi
from metrics.service import running_total

MAX_PANELS = 16


def comparison_label(comparison: str) -> str:
    return t(f"compare.{comparison}")


def trend_chart(
    frame: pd.DataFrame,
    *before: pd.DataFrame,
    kpi_id: str,
    grain: str,
    comparison: str,
    running: bool,
    partial: bool,
) -> go.Figure:
    """One KPI's trend from the fetched trend (and the comparison's, when asked for); with
    `running`, both as running totals against the pace line. Built once per result."""
    then = before[0] if before else None
    if running:  # each KPI's running total reads only its own columns
        frame = running_total(frame, (kpi_id,))
        then = None if then is None else running_total(then, (kpi_id,))
    return trend_figure(
        frame,
        kpi_id,
        grain,
        comparison=then,
        comparison_label=comparison_label(comparison),
        partial_last=partial,
        # A level target (a rate) never accumulates: it stays a stepped line.
        target_as_pace=running and get_kpi(kpi_id).additive,
    )


def split_chart(
    frame: pd.DataFrame,
    *before: pd.DataFrame,
    kpi_id: str,
    grain: str,
    split: str,
    colors: tuple[tuple[str, str], ...],
    own_scale: bool,
    comparison: str,
) -> go.Figure:
    """The small multiples from the fetched split trend (and the comparison's): the
    MAX_PANELS largest panels by the KPI's total, largest first. Built once per result."""
    totals = frame.groupby(split)[kpi_id].sum().sort_values(ascending=False)
    keep = list(totals.index[:MAX_PANELS])
    frame = label_values(panels_in_order(frame, split, keep), split)  # codes as words
    then = None
    if before:
        then = label_values(panels_in_order(before[0], split, keep), split)
    return split_figure(
        frame,
        kpi_id,
        grain,
        split,
        dimension_label(split),
        colors=dict(colors) or None,
        comparison=then,
        comparison_label=comparison_label(comparison),
        shared_scale=not own_scale,
    )


def panels_in_order(frame: pd.DataFrame, dimension: str, keep: list) -> pd.DataFrame:
    """Only the panels kept, largest first, each one's buckets in date order."""
    frame = frame[frame[dimension].isin(keep)]
    frame = frame.assign(_order=frame[dimension].map({n: i for i, n in enumerate(keep)}))
    return frame.sort_values(["_order", "bucket"]).drop(columns="_order")
