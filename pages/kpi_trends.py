"""KPI Trends: how the chosen KPIs move over time, against target and a comparison period."""

from __future__ import annotations

import streamlit as st

from components import access, cache
from components.filters import global_filters
from components.text import t
from components.trends import (
    breakdown_section,
    kpi_tiles_row,
    split_section,
    trend_controls,
    trend_section,
)
from components.trends_requests import fetch_first
from metrics.requests import Teams

access.require("pages/kpi_trends.py")  # deny by default: components/access.py

st.title(t("page.kpi_trends"))
chosen = global_filters()
if chosen is None:
    st.stop()

controls = trend_controls(chosen)
if not controls.kpis:
    st.info(t("trends.pick_kpi"))
    st.stop()

fetch_first(chosen, controls)  # the tiles', the chart's and the table's numbers, side by side
kpi_tiles_row(chosen, controls)
trend_section(chosen, controls)
if controls.split:
    split_section(chosen, controls, cache.fetch(Teams()))
breakdown_section(chosen, controls)
