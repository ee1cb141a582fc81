"""One plotly theme for every chart, and stable colours (a team is one colour everywhere)."""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

FONT = "Inter, 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif"
ACTUAL = "#1f6feb"
TARGET = "#3d3d3d"
COMPARISON = "#9aa4b2"
PACE_COLORS = {"on_track": "green", "caution": "orange", "off_track": "red", "no_target": "gray"}
PALETTE = (
    "#1f6feb", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00",
    "#0c8599", "#c2255c", "#5c7cfa", "#66a80f", "#868e96",
)  # fmt: skip

# The trace types Huddle's charts draw (line and area charts draw scatter traces). The
# template keeps plotly_white's trace defaults for these alone: it has defaults for 24 types,
# which every figure carried (7.6 kB of its JSON) and plotly built again on every rerun
# (about 5 ms a figure). tests/components/test_theme.py checks the charts' types.
TRACE_TYPES = ("bar", "heatmap", "histogram", "scatter", "treemap", "waterfall")


# Huddle's layout, laid over plotly_white's.
LAYOUT = {
    "font": {"family": FONT, "size": 14, "color": "#1f2328"},
    "colorway": list(PALETTE),
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "xaxis": {"showgrid": False, "linecolor": "#d0d7de", "ticks": "outside"},
    "yaxis": {"gridcolor": "#eaeef2", "zeroline": False, "rangemode": "tozero"},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 1, "xanchor": "right"},
    "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    "hoverlabel": {"font": {"family": FONT}},
}


def _laid_over(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`base` with `over` laid on it, nested dicts key by key (as plotly merges templates)."""
    out = dict(base)
    for key, value in over.items():
        below: Any = out.get(key)
        both = isinstance(value, dict) and isinstance(below, dict)
        out[key] = _laid_over(below, value) if both else value
    return out


@functools.cache
def template() -> go.layout.Template:
    """The one chart template: plotly_white with Huddle's LAYOUT, built on first use, so a
    page that draws no chart (the stand-up) never pays for it. Merged as plain dicts and
    validated once (about 160 ms with the first figure's share of plotly's validators, against
    260 ms for plotly's own merge of two templates, validated three times; tests/components/
    test_theme.py holds it equal to that merge). A figure given the name "plotly_white+huddle"
    instead would merge and validate both again (56 ms a figure, against 28 ms for the
    object)."""
    white = pio.templates["plotly_white"].to_plotly_json()
    return go.layout.Template(
        layout=_laid_over(white["layout"], LAYOUT),
        data={kind: traces for kind, traces in white["data"].items() if kind in TRACE_TYPES},
    )


# Presentation mode: no sidebar or toolbar, and type read from across a room (about twice
# the normal size for card values and the people table, half as large again for the rest).
PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 2rem 0 2rem !important; max-width: 100%; }
[data-testid="stAppViewContainer"] { font-size: 1.5rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"] { font-size: 1.4rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p {
  font-size: 3.4rem !important; font-weight: 600; }
[data-testid="stMetricLabel"] p { font-size: 1.5rem !important; }
[data-testid="stMetricDelta"] p { font-size: 1.3rem !important; }
[data-testid="stMarkdownContainer"] h2 { font-size: 2.6rem; }
[data-testid="stMarkdownContainer"] h4 { font-size: 2rem; padding: 0.5rem 0 0.25rem 0; }
.huddle-board { font-size: 1.5rem; }
/* A laptop or a smaller projector (1280-1600 px wide) shows the 1920x1080 layout scaled to
   fit, as a projector would, instead of one that scrolls: 1366/1920 = 0.71. */
@media (min-width: 1280px) and (max-width: 1600px) {
  [data-testid="stMainBlockContainer"] { zoom: 0.71; } }
</style>"""
# Wider stand-up cards in presentation mode, so the larger values fit (4 still fit a row).
PRESENTATION_TILE_WIDTH = 250


def team_colors(teams: pd.DataFrame) -> dict[str, str]:
    """A colour per top-level team, shared by its groups, so a team is one colour everywhere.

    `teams` has name, parent_id and root_name columns (metrics.lookups.teams).
    """
    roots = sorted(teams.loc[teams["parent_id"].isna(), "name"])
    by_root = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(roots)}
    return {
        name: by_root[root] for name, root in zip(teams["name"], teams["root_name"], strict=True)
    }
