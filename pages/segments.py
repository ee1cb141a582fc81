"""Segments: where the revenue comes from, which customers need a visit."""

from __future__ import annotations

import streamlit as st

from components import access
from components.filters import global_filters
from components.segments_view import (
    breakdown,
    customer_drilldown,
    follow_up_list,
    lifecycle_and_concentration,
    rfm,
    segments_screen,
)
from components.text import t

access.require("pages/segments.py")  # deny by default: components/access.py

st.title(t("page.segments"))
chosen = global_filters()
if chosen is None:
    st.stop()
scope = chosen.filters

in_value = breakdown(scope)
screen = segments_screen(scope, chosen.as_of)  # fetched once, shared by the sections below
in_segment = rfm(scope, chosen.as_of, screen)
lifecycle_and_concentration(scope, chosen.as_of, screen)
to_follow_up = follow_up_list(scope, chosen.as_of)
customer_drilldown(scope, in_value, in_segment, to_follow_up)
