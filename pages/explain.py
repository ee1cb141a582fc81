"""Explain a change: why a KPI moved, and who or what moved it."""

from __future__ import annotations

import streamlit as st

from components import access
from components.explain_view import explain_section
from components.filters import global_filters
from components.text import t

access.require("pages/explain.py")  # deny by default: components/access.py

st.title(t("page.explain"))
chosen = global_filters()
if chosen is None:
    st.stop()
explain_section(chosen)
