"""Team: who is on the team, in which role, and how the work is spread."""

from __future__ import annotations

import streamlit as st

from components import access, role_duties_view, team_requests
from components.filters import global_filters
from components.team_view import (
    coverage_gaps,
    headcount_and_span,
    organisation,
    person_panel,
    workload,
)
from components.text import t
from metrics.periods import natural_grain

access.require("pages/team.py")  # deny by default: components/access.py

st.title(t("page.team"))
chosen = global_filters()
if chosen is None:
    st.stop()
scope = chosen.filters

team_requests.fetch_first(scope)  # the sections' numbers for the scope, side by side
coverage_gaps(scope)
organisation(scope)
headcount_and_span(scope)
workload(scope)
person_panel(scope, natural_grain(scope.start, scope.end))
role_duties_view.duties_section()  # each role's duties and KPIs, editable by admin/manager
