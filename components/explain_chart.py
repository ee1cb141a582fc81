"""The Explain page's waterfall: from the compared value (or target) to the current one, one
bar per part, in the charts' theme (components/theme.py)."""

from __future__ import annotations

import plotly.graph_objects as go

from components.explain_words import effect_label, part_label, part_text
from components.format import format_value, plotly_tick_format
from components.text import t
from components.theme import ACTUAL, COMPARISON, PALETTE, template
from metrics.catalogue import get_kpi
from metrics.explain import Explanation

_UP, _DOWN = PALETTE[2], PALETTE[6]  # green and crimson: a part's sign, not good or bad


def waterfall_figure(e: Explanation, *, effects: bool = False) -> go.Figure:
    """Compared value, each part (by row, or by effect with `effects`), current value. Money
    is in currency units; a rate in points of its own unit (a fraction)."""
    unit = get_kpi(e.kpi_id).unit
    start_label = t("explain.target_value" if e.against == "target" else "explain.then")
    parts = e.effects if effects else e.parts
    labels = [effect_label(e, p.key) if effects else part_label(e, p.key) for p in parts]
    start = e.then or 0.0
    end = e.now or 0.0
    figure = go.Figure(
        go.Waterfall(
            x=[start_label, *labels, t("explain.now")],
            y=[start, *[p.shown for p in parts], end],
            measure=["absolute", *["relative"] * len(parts), "total"],
            text=[
                format_value(start, unit, compact=True),
                *[part_text(e, p.shown) for p in parts],
                format_value(end, unit, compact=True),
            ],
            textposition="outside",
            increasing={"marker": {"color": _UP}},
            decreasing={"marker": {"color": _DOWN}},
            totals={"marker": {"color": ACTUAL}},
            connector={"line": {"color": COMPARISON}},
            hoverinfo="x+text",
        )
    )
    tick_format, prefix = plotly_tick_format(unit)
    figure.update_layout(
        template=template(),
        height=380,
        showlegend=False,
        yaxis={"tickformat": tick_format, "tickprefix": prefix, "rangemode": "normal"},
    )
    return figure
