"""Weekly summary (周总结): each person writes their week (Monday to Sunday) with its numbers
filled in; leads and above see who has submitted, read them side by side and publish a recap."""

from __future__ import annotations

import streamlit as st

from components import access, weekly_team, weekly_view
from components.filters import global_filters
from components.text import t

user = access.require("pages/weekly.py")  # deny by default: components/access.py

st.title(t("page.weekly"))
chosen = global_filters()
if chosen is None:
    st.stop()
weekly_view.show_pending_toast()
if weekly_view.section_picker(user) == "team":
    weekly_team.team_section(chosen)
else:
    weekly_view.write_section(chosen)
