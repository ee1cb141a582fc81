"""Chart builders. Each takes an aggregated frame and returns a plotly figure in the theme."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure
from plotly.subplots import make_subplots

from components.format import (
    format_value,
    plotly_date_axis,
    plotly_hover_format,
    plotly_tick_format,
)
from components.text import current_language, kpi_label, mid_sentence, t
from components.theme import ACTUAL, COMPARISON, TARGET, template
from components.views import Display, built_figure
from metrics.catalogue import get_kpi
from metrics.periods import add_months
from metrics.requests import Request


class _CachedSpec(BaseFigure):
    """A cached figure's dict, as st.plotly_chart reads a figure, for `plot` alone.

    Streamlit asks a figure for its dict (plotly.tools.return_figure_from_figure_or_data)
    and writes that dict out as JSON; given a plain dict it would validate it again. A
    go.Figure made from the cached dict, then copied back to a dict, took 26 ms a Team
    rerun and 32 ms an Incentives one; this hands Streamlit the dict itself. It is made
    for one st.plotly_chart call (never kept: st.cache_data gives each call its own dict),
    and nothing else may use it: plotly's __init__ is not run."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._spec


def plot(
    build: Callable[..., go.Figure],
    requests: Request | tuple[Request, ...],
    *,
    key: str | None = None,
    on_select: Literal["rerun", "ignore"] = "ignore",
    selection_mode: Literal["points"] | None = None,
    stretch: bool = False,
    **display: Display,
) -> Any:
    """Draw `build(*results, **display)` (built once per result: components.views) with
    st.plotly_chart and return what it returns (the selection, with on_select="rerun").
    `stretch` fills the column's width."""
    chart: dict[str, Any] = {"key": key, "on_select": on_select}
    if selection_mode is not None:
        chart["selection_mode"] = selection_mode
    if stretch:
        chart["width"] = "stretch"
    return st.plotly_chart(_CachedSpec(built_figure(build, requests, **display)), **chart)


def next_bucket(bucket: date, grain: str) -> date:
    """The first day of the bucket after `bucket`."""
    if grain == "day":
        return bucket + timedelta(days=1)
    if grain == "week":
        return bucket + timedelta(days=7)
    return add_months(bucket, {"month": 1, "quarter": 3, "year": 12}[grain])


def bucket_is_partial(bucket: date, grain: str, last_day: date) -> bool:
    """True when the bucket runs past `last_day`: a period to date, not a whole one."""
    return next_bucket(bucket, grain) > last_day + timedelta(days=1)


def _step(x: list[date], y: list[float | None], grain: str) -> tuple[list[date], list]:
    """Target steps: each bucket's value held flat across the bucket, last one included."""
    if not x:
        return x, y
    return [*x, next_bucket(x[-1], grain)], [*y, y[-1]]


def _style(fig: go.Figure, unit: str, height: int, grain: str, x: list[date]) -> go.Figure:
    tickformat, prefix = plotly_tick_format(unit)  # type: ignore[arg-type]
    fig.update_layout(template=template(), height=height, hovermode="x unified")
    fig.update_yaxes(tickformat=tickformat, tickprefix=prefix)
    fig.update_xaxes(**plotly_date_axis(), **bucket_ticks(x, grain))
    return value_axes_in_words(fig, unit)


# Whole-bucket tick steps per grain, smallest first: days, weeks (in days) and months.
_DAY_MS = 86_400_000  # plotly measures a date axis's dtick in milliseconds
_TICK_STEPS: dict[str, tuple[int, ...]] = {
    "day": (1, 2, 3, 7, 14, 28),
    "week": (7, 14, 28, 56, 91),
    "month": (1, 2, 3, 6, 12),
    "quarter": (3, 6, 12),
    "year": (12, 24, 60),
}


def bucket_ticks(x: list[date], grain: str, most: int = 8) -> dict[str, object]:
    """Ticks on whole buckets, at most `most` of them: a daily axis ticks on days, never on
    00:00 and 12:00 (plotly picks hours when a few days fill a wide chart).

    The step is the smallest of whole days, weeks or months that keeps to `most` ticks;
    the first tick is the first bucket.
    """
    if not x:
        return {}
    first, last = min(x), max(x)
    if grain in ("day", "week"):
        span = (last - first).days
        steps = _TICK_STEPS[grain]
        days = next((s for s in steps if span <= s * (most - 1)), steps[-1])
        return {"tick0": first.isoformat(), "dtick": days * _DAY_MS}
    span = (last.year - first.year) * 12 + last.month - first.month
    steps = _TICK_STEPS[grain]
    months = next((s for s in steps if span <= s * (most - 1)), steps[-1])
    return {"tick0": first.isoformat(), "dtick": f"M{months}"}


def _nice_step(span: float, count: int) -> float:
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _tick_text(value: float, unit: str) -> str:
    """A tick as on the cards, without the cards' trailing zeros: ¥3万, not ¥3.00万."""
    text = format_value(value, unit, compact=True)  # type: ignore[arg-type]
    return re.sub(r"\.0+(?=\D*$)|(\.\d*?)0+(?=\D*$)", r"\1", text)


def value_axes_in_words(
    fig: go.Figure, unit: str, axis: str = "y", *, shared: bool = False
) -> go.Figure:
    """In Chinese, large money and count axes tick as ¥120万 and 1.5亿, as on the cards.

    Plotly's own formats know k and M, not 万 and 亿, so the ticks are placed here, per axis
    (each small multiple has its own), from the values drawn on it; with `shared`, one set of
    ticks from every axis's values goes on all of them (small multiples on one scale).
    English keeps plotly's."""
    if current_language() != "zh" or unit not in ("money", "count"):
        return fig
    extents: dict[str, list[float]] = {}
    for trace in fig.data:
        values = getattr(trace, axis, None)
        if values is None:
            continue
        numbers = [float(v) for v in values if isinstance(v, int | float) and v == v]
        name = getattr(trace, f"{axis}axis", None) or axis
        extents.setdefault(name, []).extend(numbers)
    if shared:
        every = [n for numbers in extents.values() for n in numbers]
        extents = {name: every for name in extents}
    for name, numbers in extents.items():
        if not numbers or max(abs(n) for n in numbers) < 10_000:
            continue  # small numbers read the same in both languages
        low, high = min(0.0, min(numbers)), max(0.0, max(numbers))
        step = _nice_step(high - low, 5)
        ticks = [i * step for i in range(math.floor(low / step), math.ceil(high / step) + 1)]
        layout_name = f"{axis}axis{name[1:]}"  # trace 'y2' draws on layout 'yaxis2'
        fig.layout[layout_name].update(
            tickvals=ticks,
            ticktext=[_tick_text(v, unit) for v in ticks],
            tickprefix="",
        )
    return fig


def trend_figure(
    frame: pd.DataFrame,
    kpi_id: str,
    grain: str,
    *,
    comparison: pd.DataFrame | None = None,
    comparison_label: str = "",
    partial_last: bool = False,
    target_as_pace: bool = False,
    height: int = 380,
) -> go.Figure:
    """A KPI over time: actual, the target as a stepped line, and the comparison dashed.

    The comparison period's buckets are drawn under the current ones in order (first under
    first), so months line up even when the two periods' months differ in length. With
    `target_as_pace` (running totals) the target is the straight pace line instead of steps.
    """
    kpi = get_kpi(kpi_id)
    x = list(frame["bucket"])
    y = list(frame[kpi_id])
    fig = go.Figure()
    target_column = f"{kpi_id}_target"
    if target_column in frame and (frame[target_column].fillna(0) > 0).any():
        if target_as_pace:
            sx, sy, shape = x, list(frame[target_column]), "linear"
        else:
            (sx, sy), shape = _step(x, list(frame[target_column]), grain), "hv"
        fig.add_trace(
            go.Scatter(
                x=sx, y=sy, name=t("series.target"), mode="lines", line_shape=shape,
                line={"color": TARGET, "dash": "dash", "width": 2},
                hovertemplate=plotly_hover_format(kpi.unit),
            )
        )  # fmt: skip
    if comparison is not None and not comparison.empty:
        n = min(len(comparison), len(x))
        fig.add_trace(
            go.Scatter(
                x=x[:n], y=list(comparison[kpi_id])[:n], name=comparison_label,
                mode="lines", line={"color": COMPARISON, "width": 2, "dash": "dot"},
                customdata=[str(b) for b in list(comparison["bucket"])[:n]],
                hovertemplate=plotly_hover_format(kpi.unit) + " (%{customdata})",
            )
        )  # fmt: skip
    sizes = [8] * len(x)
    symbols = ["circle"] * len(x)
    if partial_last and x:
        symbols[-1] = "circle-open"
        sizes[-1] = 11
    fig.add_trace(
        go.Scatter(
            x=x, y=y, name=t("series.actual"), mode="lines+markers",
            line={"color": ACTUAL, "width": 3},
            marker={"size": sizes, "symbol": symbols, "color": ACTUAL},
            text=[format_value(v, kpi.unit) for v in y], hovertemplate="%{text}",
        )
    )  # fmt: skip
    fig.update_layout(
        title={"text": t("trends.chart_title", kpi=kpi_label(kpi_id), grain=t(f"grain.{grain}"))}
    )
    return _style(fig, kpi.unit, height, grain, x)


def split_figure(
    frame: pd.DataFrame,
    kpi_id: str,
    grain: str,
    dimension: str,
    dimension_title: str,
    *,
    colors: dict[str, str] | None = None,
    comparison: pd.DataFrame | None = None,
    comparison_label: str = "",
    shared_scale: bool = True,
    columns: int = 4,
    height_per_row: int = 230,
) -> go.Figure:
    """Small multiples: one panel per team, group or rep, each with its own target steps and,
    given a `comparison` frame (same dimension column), that period's line dotted under it.

    By default every panel shares one y scale, so a small team looks small next to the
    largest; with `shared_scale=False` each panel is scaled to its own values (the page says
    so under the chart). The comparison's buckets are drawn under each panel's own in order,
    first under first, as on the single trend chart.
    """
    kpi = get_kpi(kpi_id)
    names = list(dict.fromkeys(frame[dimension]))
    rows = max(1, -(-len(names) // columns))
    fig = make_subplots(
        rows=rows, cols=columns, subplot_titles=names, shared_xaxes=True,
        shared_yaxes="all" if shared_scale else False,
        vertical_spacing=0.12 / rows + 0.05, horizontal_spacing=0.07,
    )  # fmt: skip
    target_column = f"{kpi_id}_target"
    legend_shown: set[str] = set()  # target and comparison: one legend entry each

    def first(entry: str) -> bool:
        new = entry not in legend_shown
        legend_shown.add(entry)
        return new

    for index, name in enumerate(names):
        part = frame[frame[dimension] == name]
        row, col = index // columns + 1, index % columns + 1
        color = (colors or {}).get(name, ACTUAL)
        x = list(part["bucket"])
        if target_column in part and (part[target_column].fillna(0) > 0).any():
            sx, sy = _step(x, list(part[target_column]), grain)
            fig.add_trace(
                go.Scatter(
                    x=sx, y=sy, mode="lines", line_shape="hv", name=t("series.target"),
                    line={"color": TARGET, "dash": "dash", "width": 1.5},
                    legendgroup="target", showlegend=first("target"),
                    hovertemplate=f"{name} · {t('series.target')}: "
                    + plotly_hover_format(kpi.unit) + "<extra></extra>",
                ),
                row=row, col=col,
            )  # fmt: skip
        if comparison is not None:
            then = comparison[comparison[dimension] == name]
            n = min(len(then), len(x))
            if n:
                fig.add_trace(
                    go.Scatter(
                        x=x[:n], y=list(then[kpi_id])[:n], mode="lines", name=comparison_label,
                        line={"color": COMPARISON, "width": 1.5, "dash": "dot"},
                        legendgroup="comparison", showlegend=first("comparison"),
                        customdata=[str(b) for b in list(then["bucket"])[:n]],
                        hovertemplate=f"{name} · {comparison_label}: "
                        + plotly_hover_format(kpi.unit) + " (%{customdata})<extra></extra>",
                    ),
                    row=row, col=col,
                )  # fmt: skip
        values = list(part[kpi_id])
        fig.add_trace(
            go.Scatter(
                x=x, y=values, mode="lines", name=t("series.actual"),
                line={"color": color, "width": 2.5}, showlegend=False,
                text=[format_value(v, kpi.unit) for v in values],
                hovertemplate=f"{name}: %{{text}}<extra></extra>",
            ),
            row=row, col=col,
        )  # fmt: skip
    fig.update_layout(
        title={
            "text": t(
                "trends.split_title",
                kpi=kpi_label(kpi_id),
                grain=t(f"grain.{grain}"),
                dimension=mid_sentence(dimension_title),
            )
        },
        hovermode="closest",
    )
    fig = _style(fig, kpi.unit, 110 + rows * height_per_row, grain, list(frame["bucket"]))
    # Narrow panels: a few ticks each (whole buckets, as on the big chart).
    fig.update_xaxes(**bucket_ticks(list(frame["bucket"]), grain, most=4))
    if shared_scale:
        fig = value_axes_in_words(fig, kpi.unit, shared=True)
    # The legend (target, comparison) on the title's line, clear of the panels' titles.
    legend = {"yref": "container", "y": 0.98, "yanchor": "top", "x": 1, "xanchor": "right"}
    fig.update_layout(hovermode="closest", margin={"t": 90}, legend=legend)
    fig.update_annotations(font={"size": 14})
    return fig
