"""The KPI glossary table, built from the metrics catalogue."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.tables import download_csv
from components.text import kpi_definition, kpi_label, t
from metrics.catalogue import listed_kpis
from metrics.model import Kpi


def _has_target(kpi: Kpi) -> str:
    """Whether the KPI can carry a target; for a level target (stock turnover), its rule."""
    if not kpi.target_metric:
        return t("no")
    return t("definitions.level_target" if kpi.target_rule == "level" else "yes")


def glossary_frame() -> pd.DataFrame:
    """One row per listed KPI, in the user's language."""
    rows = [
        {
            t("definitions.kpi"): kpi_label(k.id),
            t("definitions.definition"): kpi_definition(k.id),
            t("definitions.unit"): t(f"unit.{k.unit}"),
            t("definitions.better"): t(
                "definitions.higher" if k.direction == "higher_is_better" else "definitions.lower"
            ),
            t("definitions.has_target"): _has_target(k),
            t("definitions.id"): k.id,
        }
        for k in listed_kpis()
    ]
    return pd.DataFrame(rows)


def kpi_glossary() -> None:
    """Draw the glossary as a plain table (every row visible, findable with Ctrl+F) and offer
    it as CSV."""
    frame = glossary_frame()
    st.table(frame.set_index(frame.columns[0]))
    download_csv(frame, "huddle_kpi_definitions.csv", key="glossary")
