"""The one chart theme: plotly_white with Huddle's layout, carrying plotly_white's trace
defaults only for the trace types the charts draw (components/theme.py)."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.io as pio

from components.theme import TEMPLATE, TRACE_TYPES

ROOT = Path(__file__).resolve().parents[2]
# The trace type each plotly express function the app may call draws.
EXPRESS_TRACES = {
    "area": "scatter", "bar": "bar", "histogram": "histogram", "imshow": "heatmap",
    "line": "scatter", "scatter": "scatter", "treemap": "treemap",
}  # fmt: skip
# Calls that draw nothing themselves: the figure, its layout, a treemap's root value.
NOT_TRACES = {("go", "Figure"), ("go", "Layout"), ("px", "Constant")}


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
        kind = name.lower() if module == "go" else EXPRESS_TRACES.get(name)
        assert kind is not None, f"px.{name}: add the trace type it draws to EXPRESS_TRACES"
        assert kind in TRACE_TYPES, f"{module}.{name} draws {kind}: add it to TRACE_TYPES"


def test_the_theme_keeps_plotly_whites_defaults_for_those_types_and_huddles_layout() -> None:
    merged = pio.templates["plotly_white+huddle"]
    kept = TEMPLATE.data.to_plotly_json()
    white = pio.templates["plotly_white"].data.to_plotly_json()
    assert set(kept) == set(white) & set(TRACE_TYPES)
    for kind, traces in kept.items():
        assert traces == merged.data.to_plotly_json()[kind]
    assert TEMPLATE.layout.to_plotly_json() == merged.layout.to_plotly_json()
    assert TEMPLATE.layout.font.family.startswith("Inter")  # Huddle's own, not plotly_white's
