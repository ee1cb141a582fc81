"""Training: each person's training plan, completion per team and group, who is overdue, and
certifications to renew."""

from __future__ import annotations

import streamlit as st

from components import access, training_view
from components.filters import global_filters
from components.text import t

access.require("pages/training.py")  # deny by default: components/access.py

st.title(t("page.training"))
chosen = global_filters()
if chosen is None:
    st.stop()
training_view.training_page(chosen)
