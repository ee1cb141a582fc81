"""Incentives: who stands where for the period, what each rep has earned, and the next step."""

from __future__ import annotations

import streamlit as st

from components import access
from components.filters import global_filters
from components.incentives_ladder import rep_ladder_section
from components.incentives_requests import fetch_first
from components.incentives_standings import contests_section, groups_section
from components.incentives_view import (
    awards_section,
    board_for_reader,
    current_plan,
    hide_amounts_toggle,
    how_to_write_a_plan,
    leaderboard_section,
    plan_caption,
)
from components.text import t
from metrics.periods import full_period_end

access.require("pages/incentives.py")  # deny by default: components/access.py

st.title(t("page.incentives"))
chosen = global_filters()
if chosen is None:
    st.stop()
hide_amounts = hide_amounts_toggle()
loaded = current_plan()
if loaded is None:
    st.stop()
scope = chosen.filters

full_end = full_period_end(chosen.period, scope.start, scope.end)
# A company's own data without a plan of its own sees the leaderboard and the standings,
# never the demo's commission, awards or contests, and how to write a plan.
if loaded.missing:
    how_to_write_a_plan()
else:
    plan_caption(loaded.plan, scope.end)
board_scope, board_hides = board_for_reader(scope, hide_amounts)  # a rep: ranks, no money
fetch_first(board_scope, scope, loaded.stamp, full_end, chosen.as_of, has_plan=not loaded.missing)
choice = leaderboard_section(board_scope, loaded, full_end, hide_amounts=board_hides)
if not loaded.missing:
    # The ladder follows the board: selecting a row there opens that person's ladder here.
    rep_ladder_section(scope, loaded, hide_amounts=hide_amounts)
    awards_section(scope, loaded, full_end, hide_amounts=hide_amounts)
groups_section(scope, choice, full_end, hide_amounts=hide_amounts)
if not loaded.missing:
    contests_section(scope, loaded.stamp, chosen.as_of, hide_amounts=hide_amounts)
