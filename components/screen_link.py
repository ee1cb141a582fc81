"""A wall screen without a person signed in: `?screen=<token>` shows one team's stand-up.

Rules, in words (the README says the same):
- A wall-screen link opens the stand-up only, in presentation mode, for the one team (and its
  groups) the link was made for: month to date, as of the last day in the data. No other page,
  no other team, no settings: the team, the period and "hide amounts" are the link's, not the
  URL's.
- Amounts (targets, month to date, the day's money, the wins' amounts) are hidden unless the
  link was made with "show amounts".
- A revoked or unknown link shows one sentence and nothing else. The link is checked again at
  every refresh (every 5 minutes), so a revoked link stops within 5 minutes on a running screen.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from components import cache
from components.standup import standup_screen
from components.standup_controls import SCREEN_KEY
from components.text import error_text, t
from data.screen_tokens import ScreenToken, ScreenTokenError, verify_token
from metrics.filters import Filters
from metrics.periods import preset_kind, preset_range
from metrics.requests import DataSpan, Teams
from metrics.scope import Scope

REFRESH_SECONDS = 300.0  # a wall screen redraws (and re-checks its link) every 5 minutes


def screen_link() -> ScreenToken | None:
    """What the URL's wall-screen link allows; None when the URL has no link. A revoked or
    unknown link: the sentence, and the script stops (nothing else is drawn)."""
    token = st.query_params.get(SCREEN_KEY)
    if token is None:
        return None
    try:
        return verify_token(cache.get_store(), token)
    except ScreenTokenError as error:  # said without the token: it never appears on the page
        st.error(error_text(error), icon=":material/link_off:")
        st.stop()


def link_filters(link: ScreenToken, as_of: date) -> Filters:
    """The stand-up's filters for a link: its team's scope, month to date as of `as_of`."""
    start, end = preset_range("mtd", as_of)
    return Filters(
        start=start,
        end=end,
        team_id=link.team_id,
        period_kind=preset_kind("mtd"),
        scope=Scope(kind="team", team_id=link.team_id),  # enforced where the data is read
    )


@st.fragment(run_every=REFRESH_SECONDS)
def wall_screen() -> None:
    """The whole wall screen (the stand-up page draws only this when the URL has a link),
    redrawn on its own timer; the link is checked again at every redraw, so a revoked link
    stops here."""
    link = screen_link()
    if link is None:
        return
    span = cache.fetch(DataSpan())
    if span is None:
        st.info(t("empty.no_data"))
        return
    as_of = span[1]
    teams = cache.fetch(Teams())
    names = dict(zip(teams["team_id"].astype(int), teams["name"], strict=True))
    title = str(names.get(link.team_id, f"#{link.team_id}"))
    standup_screen(link_filters(link, as_of), title, as_of, hide_amounts=not link.show_amounts)
