"""The one chart theme: plotly_white with Huddle's layout, carrying plotly_white's trace
defaults only for the trace types the charts draw (components/theme.py)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from components import theme
from components.theme import TRACE_TYPES, template

ROOT = Path(__file__).resolve().parents[2]
# Calls that draw nothing themselves: the figure and its layout.
NOT_TRACES = {("go", "Figure"), ("go", "Layout")}


def _chart_calls() -> set[tuple[str, str]]:
    """("go", "Bar"), ("px", "treemap") ... for every call in components/ and pages/."""
    calls: set[tuple[str, str]] = set()
    for folder in ("components", "pages"):
        for path in (ROOT / folder).glob("*.py"):
            calls |= set(re.findall(r"\b(go|px)\.(\w+)\(", path.read_text("utf-8")))
    return calls


def test_every_chart_draws_a_trace_type_the_theme_keeps() -> None:
    calls = _chart_calls()
    assert ("go", "Bar") in calls and ("go", "Treemap") in calls  # the scan finds the charts
    for module, name in sorted(calls):
        if (module, name) in NOT_TRACES:
            continue
        kind = name.lower()
        assert kind in TRACE_TYPES, f"{module}.{name} draws {kind}: add it to TRACE_TYPES"


def test_charts_are_drawn_with_graph_objects_only() -> None:
    # One way to draw a chart. plotly express costs 0.17 s to import and 0.06-0.5 s a figure
    # to work out what a graph object says directly (Segments, Team and Reviews used it).
    for folder in ("components", "pages"):
        for path in (ROOT / folder).glob("*.py"):
            text = path.read_text("utf-8")
            assert "import plotly.express" not in text, f"{path.name} imports plotly express"
            assert not re.search(r"\bpx\.\w+\(", text), f"{path.name} calls plotly express"


def test_the_theme_keeps_plotly_whites_defaults_for_those_types_and_huddles_layout() -> None:
    built = template()
    # plotly's own merge of plotly_white and Huddle's layout, the way it merges named ones
    pio.templates["huddle_layout"] = go.layout.Template(layout=theme.LAYOUT)
    merged = pio.templates["plotly_white+huddle_layout"]
    kept = built.data.to_plotly_json()
    white = pio.templates["plotly_white"].data.to_plotly_json()
    assert set(kept) == set(white) & set(TRACE_TYPES)
    for kind, traces in kept.items():
        assert traces == merged.data.to_plotly_json()[kind]
    assert built.layout.to_plotly_json() == merged.layout.to_plotly_json()
    assert built.layout.font.family.startswith("Inter")  # Huddle's own, not plotly_white's


def test_importing_the_theme_builds_no_template() -> None:
    # The template costs 160-260 ms to build: the stand-up imports the theme for its colours
    # and draws no chart, so importing it must not build one; the first chart does.
    fresh = importlib.reload(theme)
    assert fresh.template.cache_info().currsize == 0
    assert fresh.template().layout.font.family.startswith("Inter")
    assert fresh.template.cache_info().currsize == 1
