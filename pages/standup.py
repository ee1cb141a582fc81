"""Daily stand-up: how yesterday went, where the month stands, who to celebrate, what to fix."""

from __future__ import annotations

import streamlit as st

from components import access
from components.filters import global_filters
from components.screen_link import screen_link, wall_screen
from components.setup_checklist import home_checklist
from components.standup import standup_screen
from components.standup_controls import rotating_team, standup_controls

# A wall-screen link (?screen=<token>): no one signed in, one team, read-only; a revoked or
# unknown link stops with a sentence inside screen_link.
if screen_link() is not None:
    wall_screen()
    st.stop()

access.require("pages/standup.py")  # deny by default: components/access.py

chosen = global_filters()
if chosen is None:
    st.stop()
controls = standup_controls()
home_checklist()  # a company's own data: what is still missing, until it is done


@st.fragment(run_every=controls.run_every)
def screen() -> None:
    """Redrawn on its own timer, so the shared screen refreshes without a page reload."""
    scope, title = rotating_team(chosen, controls)
    standup_screen(scope, title, chosen.as_of, hide_amounts=controls.hide_amounts)


screen()
