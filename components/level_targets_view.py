"""The Targets page for a KPI with a level target (stock turnover): one rate per store team.

A rate is not split between people: each store team in scope gets its own level for the
period, typed in the KPI's unit (6 or 6.5 turns) and stored in hundredths (metrics.catalogue
target_units_per_value). The targets are saved as a scenario and published like any other.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.format import MISSING, md
from components.target_scenarios_view import import_file, publish, refusal_text
from components.targets_view import TargetSetup, period_label
from components.text import kpi_label, t
from data.errors import ValidationFailed
from data.models import Target
from data.targets import save_scenario, whole_units
from metrics.filters import Filters
from metrics.lookups import teams_under
from metrics.requests import Teams
from metrics.requests_plans import OfficialTeamTargets
from metrics.target_history import base_units_per_value

_TEAM, _OFFICIAL, _TARGET = "team", "official", "target"


def _teams_in_scope(scope: Filters) -> pd.DataFrame:
    """The teams and groups the lead may set targets for: the sidebar's team (or all) within
    the signed-in user's own team."""
    teams = cache.fetch(Teams())
    keep = set(teams["team_id"].astype(int))
    if scope.team_id is not None:
        keep &= teams_under(teams, scope.team_id)
    if scope.scope.kind == "team" and scope.scope.team_id is not None:
        keep &= teams_under(teams, scope.scope.team_id)
    if scope.scope.kind == "rep":
        keep = set()
    return teams[teams["team_id"].isin(keep)].reset_index(drop=True)


def _editor(target: TargetSetup, teams: pd.DataFrame) -> pd.DataFrame:
    """The store teams with their official level now and an editable new one, in the KPI's
    unit (the new one starts at the official one)."""
    scale = base_units_per_value(target.kpi_id)
    official = cache.fetch(
        OfficialTeamTargets(metric=target.kpi_id, start=target.start, end=target.end)
    )
    now = teams["team_id"].astype(int).map(official) / scale
    frame = pd.DataFrame(
        {_TEAM: teams["name"], _OFFICIAL: now, _TARGET: now},
        index=teams["team_id"].astype(int),
    )
    return st.data_editor(
        frame,
        hide_index=True,
        disabled=[_TEAM, _OFFICIAL],
        column_config={
            _TEAM: st.column_config.TextColumn(t("targets.level.col.team")),
            _OFFICIAL: st.column_config.NumberColumn(
                t("targets.level.col.official"), format="%.2f"
            ),
            _TARGET: st.column_config.NumberColumn(
                t("targets.level.col.target"), min_value=0.0, step=0.01, format="%.2f"
            ),
        },
        placeholder=MISSING,
        # Keyed by KPI and period: another period starts from its own official targets.
        key=f"tgt_level_{target.kpi_id}_{target.start:%Y%m%d}_{target.end:%Y%m%d}",
    )


def _rows(target: TargetSetup, edited: pd.DataFrame) -> list[Target]:
    """One row per store team with a typed target, in base units (hundredths, half up)."""
    scale = base_units_per_value(target.kpi_id)
    return [
        Target(period_start=target.start, period_end=target.end, scope="team",
               scope_id=int(team_id), metric=target.kpi_id,
               value=whole_units(repr(float(value)), scale))
        for team_id, value in edited[_TARGET].items()
        if value is not None and not pd.isna(value)
    ]  # fmt: skip


def level_targets(scope: Filters, target: TargetSetup) -> None:
    """Set, save and publish each store team's level target; load them from a file too."""
    kpi = kpi_label(target.kpi_id)
    st.subheader(t("targets.level.heading", kpi=kpi))
    st.caption(t("targets.level.intro", kpi=kpi))
    teams = _teams_in_scope(scope)
    if teams.empty:
        st.info(t("targets.level.none_in_scope"))
        return
    edited = _editor(target, teams)
    with st.form("tgt_level_save_form", border=False):
        name_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
        name = name_col.text_input(
            t("targets.level.scenario_name"),
            value=t("targets.default_name", period=period_label(target.start, target.end)),
            max_chars=60,
            key=f"tgt_level_name_{target.start:%Y%m%d}_{target.end:%Y%m%d}",
        )
        saved = button_col.form_submit_button(t("targets.save"), icon=":material/save:")
    if saved:
        rows = _rows(target, edited)
        if not rows:
            st.error(t("targets.level.nothing_set"))
        else:
            try:
                count = save_scenario(
                    cache.get_store(), name, target.kpi_id, target.start, target.end, rows,
                    actor=actor_id(current_user()),
                )  # fmt: skip
            except ValidationFailed as error:
                st.error(refusal_text(error))
            else:
                st.toast(
                    t("targets.saved", name=md(name.strip()), count=count),
                    icon=":material/check:",
                )
    st.divider()
    publish(target, scope)
    st.divider()
    st.subheader(t("targets.files_heading"))
    import_file()
