"""Follow-ups: one person's list today (回访), worked row by row."""

from __future__ import annotations

import streamlit as st

from components import access
from components.filters import global_filters
from components.follow_ups_work import worklist
from components.text import t

user = access.require("pages/follow_ups.py")  # deny by default: components/access.py

st.title(t("page.follow_ups"))
chosen = global_filters()
if chosen is None:
    st.stop()
worklist(user, chosen.filters.scope, chosen.as_of)
