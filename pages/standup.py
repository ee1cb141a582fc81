"""Daily stand-up: how yesterday went, where the month stands, who to celebrate, what to fix."""

from __future__ import annotations

import streamlit as st

from components.filters import global_filters
from components.standup import standup_screen
from components.standup_controls import rotating_team, standup_controls

chosen = global_filters()
if chosen is None:
    st.stop()
controls = standup_controls()


@st.fragment(run_every=controls.run_every)
def screen() -> None:
    """Redrawn on its own timer, so the shared screen refreshes without a page reload."""
    scope, title = rotating_team(chosen, controls)
    standup_screen(scope, title, chosen.as_of, hide_amounts=controls.hide_amounts)


screen()
