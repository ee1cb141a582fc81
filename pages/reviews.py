"""Reviews: write a review with the person's numbers beside it, read their history and every
change to it, see who is still due a review, and compare how leads score."""

from __future__ import annotations

import streamlit as st

from components import access, review_form, reviews_view
from components.filters import global_filters
from components.text import t

access.require("pages/reviews.py")  # deny by default: components/access.py

st.title(t("page.reviews"))
chosen = global_filters()
if chosen is None:
    st.stop()
reviews_view.show_pending_toast()
section = reviews_view.section_picker()
if section == "write":
    review_form.write_section(chosen)
elif section == "history":
    reviews_view.history_section(chosen)
elif section == "coverage":
    reviews_view.coverage_section(chosen)
else:
    reviews_view.calibration_section(chosen)
