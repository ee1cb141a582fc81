"""Stock: how the stores' stock turns, what it costs, which best sellers ran out (issue 23)."""

from __future__ import annotations

import streamlit as st

from components import access
from components.filters import global_filters
from components.stock_view import stock_page
from components.text import t

access.require("pages/stock.py")  # deny by default: components/access.py

st.title(t("page.stock"))
chosen = global_filters()
if chosen is None:
    st.stop()
st.caption(t("stock.intro"))
stock_page(chosen.filters)
