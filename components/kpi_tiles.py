"""KPI tiles: value, like-for-like change, sparkline, and target attainment with pace."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.explain_link import explain_link
from components.format import format_delta, format_percent, format_value
from components.setup_checklist import kpi_not_imported
from components.text import kpi_definition, kpi_label, t
from components.theme import PACE_COLORS
from metrics.catalogue import get_kpi
from metrics.pacing import PaceStatus, off_track_edge


@dataclass(frozen=True)
class TileData:
    """Everything one tile shows; built by the page from metrics results."""

    kpi_id: str
    value: float | None
    previous: float | None
    sparkline: list[float]
    target: float | None = None  # the whole period's target
    attainment: float | None = None  # of the whole period's target
    pace: PaceStatus = "no_target"  # against the target to date
    # What pace was judged against (the target to date); a level target's rule names it.
    expected: float | None = None
    note: str | None = None  # a sentence on what the value leaves out (unvalued deals)


def kpi_tile(tile: TileData, *, why: str | None = None) -> None:
    """Draw one KPI tile in the current container; `why` (the comparison the tile shows:
    previous, last_year or target) adds the "Why?" link to the Explain page, against that
    comparison with every filter kept, for a KPI whose change can be split."""
    kpi = get_kpi(tile.kpi_id)
    delta = None
    change = None
    if tile.value is not None and tile.previous is not None:
        change = tile.value - tile.previous
        delta = format_delta(change, kpi.unit)
    good_up = kpi.direction == "higher_is_better"
    with st.container(border=True):
        st.metric(
            kpi_label(tile.kpi_id),
            format_value(tile.value, kpi.unit, compact=True),
            delta=delta,
            # no change is neither good nor bad: grey, not a green arrow
            delta_color="off" if not change else ("normal" if good_up else "inverse"),
            delta_description=t(
                "tile.vs", value=format_value(tile.previous, kpi.unit, compact=True)
            )
            if delta
            else None,
            help=kpi_definition(tile.kpi_id),
            chart_data=[v for v in tile.sparkline if v == v] or None,
            chart_type="area",
        )
        missing = kpi_not_imported(tile.kpi_id)
        if missing:
            # A blank or 0 with nothing of its kind imported is not "none this period".
            st.caption(" ".join(t(f"tile.not_imported.{item}") for item in missing))
        elif tile.value is None:
            st.caption(t("tile.no_value"))
        if tile.note:
            st.caption(tile.note)
        if why:
            explain_link(tile.kpi_id, why)
        if kpi.target_metric:
            if tile.target:
                st.badge(
                    t(f"pace.{tile.pace}"),
                    color=PACE_COLORS[tile.pace],  # type: ignore[arg-type]
                    icon=":material/flag:",
                )
                st.caption(
                    t(
                        "tile.target",
                        target=format_value(tile.target, kpi.unit, compact=True),
                        attainment=format_percent(tile.attainment),
                    )
                )
                if kpi.target_rule == "level" and tile.expected:
                    # The rule beside the number: a rate is judged against its level.
                    edge = off_track_edge(tile.expected)
                    st.caption(
                        t(
                            "pace.rule.level",
                            target=format_value(tile.expected, kpi.unit),
                            edge=format_value(float(edge) if edge is not None else None, kpi.unit),
                        )
                    )
            else:
                st.caption(t("tile.no_target"))
