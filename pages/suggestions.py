"""Suggestion box (意见箱): post a suggestion (optionally anonymous), read the box with each
answer and status, answer as a lead, and see adopted suggestions per person."""

from __future__ import annotations

import streamlit as st

from components import access, suggestions_view
from components.filters import global_filters
from components.text import t

user = access.require("pages/suggestions.py")  # deny by default: components/access.py

st.title(t("page.suggestions"))
st.caption(t("suggestions.intro"))
chosen = global_filters()
if chosen is None:
    st.stop()
suggestions_view.show_pending_toast()
if user is not None and user.role == "viewer":
    suggestions_view.viewer_note()  # a viewer reads; it never writes
else:
    suggestions_view.post_section(chosen, user)
suggestions_view.list_section(chosen, user)
suggestions_view.adopted_section()
