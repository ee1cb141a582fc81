"""The stand-up screen's own settings (in the sidebar, bound to the URL) and team rotation."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from components import cache
from components.filters import GlobalFilters
from components.text import t
from metrics.filters import Filters
from metrics.requests import Teams
from metrics.requests_plans import RepDirectory

PRESENT_KEY = "present"
SCREEN_KEY = "screen"  # ?screen=<token>: a wall-screen link (components/screen_link.py)


@dataclass(frozen=True)
class StandupControls:
    """How the screen behaves: amounts hidden, refresh interval, rotation."""

    hide_amounts: bool
    refresh_minutes: int
    rotate_seconds: int

    @property
    def run_every(self) -> float:
        """Seconds between redraws: the rotation step when rotating, else the refresh."""
        return float(self.rotate_seconds or self.refresh_minutes * 60)


def on_wall_screen() -> bool:
    """True when the URL is a wall-screen link (?screen=<token>): no one signed in, one team."""
    return SCREEN_KEY in st.query_params


def presenting() -> bool:
    """True when the URL asks for presentation mode (read before the page draws); a
    wall-screen link is always in presentation mode."""
    return st.query_params.get(PRESENT_KEY) == "true" or on_wall_screen()


def standup_controls() -> StandupControls:
    """Draw the settings in the sidebar; in presentation mode the sidebar is hidden but the
    widgets still run, so their values keep coming from the URL."""
    with st.sidebar:
        st.subheader(t("standup.settings"))
        st.toggle(
            t("standup.present"),
            key=PRESENT_KEY,
            help=t("standup.present_help"),
            bind="query-params",
        )
        hide = st.toggle(
            t("standup.hide_amounts"),
            key="hide_amounts",
            help=t("standup.hide_amounts_help"),
            bind="query-params",
        )
        refresh = st.number_input(
            t("standup.refresh"), min_value=1, max_value=120, value=5, key="refresh",
            bind="query-params",
        )  # fmt: skip
        rotate = st.number_input(
            t("standup.rotate"), min_value=0, max_value=3600, value=0, step=15, key="rotate",
            bind="query-params",
        )  # fmt: skip
    if presenting():
        rest = {k: v for k, v in st.query_params.items() if k != PRESENT_KEY}
        st.markdown(
            f"<div style='text-align:right'><a href='?{urlencode(rest)}' target='_self'>"
            f"{t('standup.exit')}</a></div>",
            unsafe_allow_html=True,
        )
    return StandupControls(bool(hide), int(refresh), int(rotate))


def rotating_team(chosen: GlobalFilters, controls: StandupControls) -> tuple[Filters, str]:
    """The scope to show now: the chosen team, or in rotation the next top-level team."""
    scope = chosen.filters
    # A lead's or a rep's screen never rotates to a team outside their scope (metrics.scope).
    if scope.scope.kind == "rep":  # a rep's screen is their own: their name, not a team's
        people = cache.fetch(RepDirectory(scope=scope.scope))
        return scope, str(people["rep"].iloc[0]) if len(people) else t("standup.all_teams")
    if not controls.rotate_seconds or scope.scope.kind != "all":
        return scope, chosen.team_name or t("standup.all_teams")
    teams = cache.fetch(Teams())
    tops = teams[teams["parent_id"].isna()]
    step = int(time.time() // controls.rotate_seconds) % len(tops)
    team = tops.iloc[step]
    return scope.model_copy(update={"team_id": int(team["team_id"])}), str(team["name"])
