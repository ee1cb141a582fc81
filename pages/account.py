"""Account: the signed-in user changes their password."""

from __future__ import annotations

import streamlit as st

from components import access
from components.account_view import change_password_form
from components.screen_links_view import screen_links_section
from components.text import t

user = access.require("pages/account.py")
st.title(t("page.account"))
change_password_form()
screen_links_section(user)  # admins and leads: wall-screen links for a team
