"""Data: import CRM and sales exports, see what was imported and how healthy the data is."""

import streamlit as st

from components import access, backup_view, company_profile_view, import_view, setup_checklist
from components.audit_view import audit_section
from components.text import t

access.require("pages/data.py")  # deny by default: components/access.py
import_view.fetch_first()  # the health check and the duplicates, side by side

st.title(t("page.data"))
st.caption(t("data.intro"))
setup_checklist.data_checklist()  # a company's own data: what is still missing, and where
company_profile_view.profile_section()
import_view.currency_section()
import_view.import_section()
import_view.history_section()
import_view.health_section()
backup_view.backup_section()
import_view.duplicates_section()
import_view.demo_section()
audit_section()  # admins only, as the page is
