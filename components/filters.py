"""The sidebar's global filters, kept in the URL so a copied link reproduces the view.

Each widget is kept in a query parameter; its value survives page switches and reloads, and
disappears from the URL when it is back at its default. The URL holds codes, never labels
(?period=qtd, ?channel=retail, ?team=Showroom: a team's name is the company's data, the same
in every language), through components/url_state.py; the dates and the switch hold no words
and are bound by Streamlit itself (bind="query-params").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from components import cache
from components.auth_session import current_user
from components.format import format_date
from components.text import EN, t
from components.url_state import coded
from metrics.filters import Filters
from metrics.lookups import teams_under
from metrics.periods import PRESETS, preset_kind, preset_range
from metrics.requests import Channels, DataSpan, Teams
from metrics.scope import Scope, scope_for

ALL = ""  # the "no filter" option; empty so it never collides with a real name


@dataclass(frozen=True)
class GlobalFilters:
    """What the sidebar says: the filters for queries plus what the pages display."""

    filters: Filters
    as_of: date
    period: str
    first_day: date
    team_name: str | None


def _team_label(name: str, depths: dict[str, int]) -> str:
    if name == ALL:
        return t("filters.all_teams")
    return ("↳ " if depths.get(name, 0) else "") + name


def user_scope() -> Scope:
    """The signed-in user's scope (metrics.scope.scope_for): every team for this machine's
    user when sign-in is off (HUDDLE_AUTH=off). Nobody signed in reads nothing: the page
    stops with the sign-in sentence (access.require has normally stopped it already)."""
    user = current_user()
    if user is None:
        st.warning(t("access.sign_in_first"), icon=":material/lock:")
        st.stop()
    try:
        return scope_for(user.role, user.rep_id, user.team_id)
    except ValueError:
        # A lead whose account names no team (or a rep no person) reads nothing, never
        # everything: said in words, and the page draws nothing more.
        key = user.role if user.role in ("lead", "rep") else "other"
        role = t(f"user_role.{user.role}") if f"user_role.{user.role}" in EN else user.role
        st.error(t(f"access.no_scope.{key}", role=role), icon=":material/block:")
        st.stop()
        raise  # st.stop() ends the run; this keeps the type checker right


def _refuse(scope: Scope, names: dict[int, str]) -> None:
    """Say in words what the user may see, and draw nothing more: never the data."""
    if scope.kind == "team" and scope.team_id is not None:
        st.error(t("scope.team_only", team=names.get(scope.team_id, f"#{scope.team_id}")))
    else:
        st.error(t("scope.own_only"))
    st.stop()


def refuse_outside(scope: Scope) -> None:
    """Refuse in words a person or team asked for (a URL edited by hand) outside `scope`,
    and draw nothing more."""
    teams = cache.fetch(Teams())
    _refuse(scope, {int(i): str(n) for i, n in zip(teams["team_id"], teams["name"], strict=True)})


def global_filters() -> GlobalFilters | None:
    """Draw the sidebar filters; None (after explaining why) when the database has no data."""
    span = cache.fetch(DataSpan())
    if span is None:
        st.info(t("empty.no_data"))
        return None
    first_day, last_day = span
    teams = cache.fetch(Teams())
    depths = dict(zip(teams["name"], teams["depth"], strict=True))
    ids = dict(zip(teams["name"], teams["team_id"], strict=True))
    scope = user_scope()
    # The team picker offers the teams in scope only: a lead's team and its groups (their own
    # team first, and no "all teams"); a rep picks no team. A URL naming a team outside the
    # scope is refused in words, not narrowed quietly.
    team_options: list[str] = [ALL, *teams["name"]]
    if scope.kind != "all":
        allowed = teams_under(teams, scope.team_id) if scope.team_id is not None else set()
        asked = st.query_params.get("team")
        if asked and asked in ids and int(ids[asked]) not in allowed:
            _refuse(scope, {int(i): n for n, i in ids.items()})
        team_options = [n for n in teams["name"] if int(ids[n]) in allowed]

    with st.sidebar:
        st.header(t("filters.header"))
        as_of = st.date_input(
            t("filters.as_of"),
            value=last_day,
            min_value=first_day,
            max_value=last_day,
            key="as_of",
            help=t("filters.as_of_help"),
            bind="query-params",
        )
        options = [*PRESETS, "custom"]
        # Pills, not a dropdown: one click from any period to another.
        period = (
            coded(
                st.pills,
                t("filters.period"),
                options,
                default="mtd",
                required=True,
                format_func=lambda p: t(f"period.{p}"),
                key="period",
            )
            or "mtd"
        )
        if period == "custom":
            chosen = st.date_input(
                t("filters.custom_range"),
                value=(preset_range("mtd", as_of)[0], as_of),
                min_value=first_day,
                max_value=last_day,
                key="range",
                bind="query-params",
            )
            if not isinstance(chosen, tuple) or len(chosen) != 2:
                st.warning(t("filters.range_incomplete"))
                st.stop()
            start, end = chosen
        else:
            start, end = preset_range(period, as_of)
        team_name = (
            coded(
                st.selectbox,
                t("filters.team"),
                team_options,
                format_func=lambda n: _team_label(n, depths),
                key="team",
            )
            if team_options
            else None
        )
        channel = coded(
            st.selectbox,
            t("filters.channel"),
            [ALL, *cache.fetch(Channels())],
            format_func=lambda c: t("filters.all_channels") if c == ALL else t(f"channel.{c}"),
            key="channel",
        )
        hide_leavers = st.toggle(
            t("filters.hide_leavers"),
            key="hide_leavers",
            help=t("filters.hide_leavers_help"),
            bind="query-params",
        )
        st.caption(t("filters.showing", start=format_date(start), end=format_date(end)))

    filters = Filters(
        start=start,
        end=end,
        team_id=int(ids[team_name]) if team_name else None,
        channel=channel or None,
        hide_leavers=bool(hide_leavers),
        # The preset's kind (mtd: month, last_30: rolling) picks the period compared with;
        # a custom range's kind is read from its dates.
        period_kind=preset_kind(period),
        scope=scope,
    )
    return GlobalFilters(
        filters=filters,
        as_of=as_of,
        period=period,
        first_day=first_day,
        team_name=team_name or None,
    )
