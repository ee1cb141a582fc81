"""Targets: set next period's targets as a quick what-if, see what they imply, publish them."""

from __future__ import annotations

import streamlit as st

from components import access
from components.filters import global_filters
from components.level_targets_view import level_targets
from components.placeholder_note import placeholder_note
from components.target_scenarios_view import compare, export_and_import, publish, save_form
from components.targets_outlook import attainment_chart, implications_panel
from components.targets_view import (
    allocation,
    allocation_editor,
    group_totals,
    history_request,
    load_base,
    notes,
    setup,
    total_control,
)
from components.text import t
from metrics.catalogue import get_kpi

access.require("pages/targets.py")  # deny by default: components/access.py

st.title(t("page.targets"))
st.caption(t("targets.intro"))
chosen = global_filters()
if chosen is None:
    st.stop()
scope = chosen.filters

target = setup(chosen.as_of)
if get_kpi(target.kpi_id).target_rule == "level":
    level_targets(scope, target)  # a rate (stock turnover): one level per store team
    st.stop()
history = history_request(scope, chosen.as_of, target)
with st.spinner(t("targets.loading")):
    base = load_base(history)
if base.people.empty:
    placeholder_note()  # an import's made-up "Unassigned" is why nobody can carry a target
    st.info(t("targets.no_people"))
    st.stop()

total = total_control(base)
request, result = allocation(history, base, scope, total)
implications_panel(base, request, result)
chart_col, groups_col = st.columns([2, 3], gap="large")
with chart_col:
    attainment_chart(result.implied)
with groups_col:
    group_totals(base, result)
st.subheader(t("targets.split_heading"))
allocation_editor(base, scope, result)
notes(base)

st.divider()
save_form(base, scope, result.split.values)
compare_col, publish_col = st.columns([3, 2], gap="large")
with compare_col:
    compare(base, scope, result.split.values)
with publish_col:
    publish(base, scope)
st.divider()
export_and_import(base, request)
