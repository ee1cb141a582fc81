"""KPI definitions: every KPI, how it is measured, and whether it can carry a target."""

from __future__ import annotations

import streamlit as st

from components import access
from components.definitions import kpi_glossary
from components.filters import global_filters
from components.text import t

access.require("pages/definitions.py")  # deny by default: components/access.py

st.title(t("page.definitions"))
global_filters()  # drawn here too, so the filters stay in the URL while reading definitions
st.write(t("definitions.intro"))
kpi_glossary()
st.caption(t("definitions.money_rule"))
