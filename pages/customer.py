"""Customer file (客户档案): find a customer, then everything about them and the team's notes."""

from __future__ import annotations

import streamlit as st

from components import access
from components.customer_notes_view import notes_section
from components.customer_view import asked_customer, customer_file, search_box
from components.filters import global_filters
from components.text import t

access.require("pages/customer.py")  # deny by default: components/access.py

st.title(t("page.customer"))
chosen = global_filters()
if chosen is None:
    st.stop()
scope = chosen.filters.scope
search_box(scope)
customer_id = asked_customer()
if customer_id is not None:
    st.divider()
    name = customer_file(customer_id, scope, chosen.as_of)
    if name is not None:
        notes_section(customer_id, name, scope)
