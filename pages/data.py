"""Data: import CRM and sales exports, see what was imported and how healthy the data is."""

import streamlit as st

from components import backup_view, import_view
from components.text import t

st.title(t("page.data"))
st.caption(t("data.intro"))
import_view.currency_section()
import_view.import_section()
import_view.history_section()
import_view.health_section()
backup_view.backup_section()
import_view.duplicates_section()
import_view.demo_section()
