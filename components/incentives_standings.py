"""The Incentives page's group-against-group standings and contests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import cache
from components.charts import plot
from components.format import format_date, format_value, md, money_column_format
from components.incentives_requests import contests_request
from components.incentives_view import people_labels, provisional_note
from components.tables import table_with_download
from components.text import in_language, kpi_label, mid_sentence, t
from components.theme import TARGET, team_colors, template
from components.url_state import coded
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.incentives import ContestStanding
from metrics.requests import Teams
from metrics.requests_plans import GroupStandings, PlanStamp


def _standing_kpi(choice: str) -> str:
    """The leaderboard's KPI as a group KPI (attainment and growth rank by revenue)."""
    return "revenue" if choice in ("revenue_attainment", "growth") else choice


def standings_figure(
    standings: pd.DataFrame, teams: pd.DataFrame, *, kpi: str, level: str, hide_amounts: bool
) -> go.Figure:
    """Groups (or teams) as bars of attainment against the 100% line (of the KPI's value
    without targets), coloured by top-level team, each labelled with its rank and how many of
    its people are at target: built once per result (components.charts.plot)."""
    targeted = standings["attainment"].notna().any()
    colors = team_colors(teams)
    measure = standings["attainment"] if targeted else standings["value"]
    unit = get_kpi(kpi).unit
    hidden_value = hide_amounts and unit == "money"
    labels = [
        t("incentives.at_target_label", at=a, members=m)
        if targeted and m
        else ("" if targeted or hidden_value else format_value(v, unit))
        for a, m, v in zip(
            standings["at_target"], standings["members"], standings["value"], strict=True
        )
    ]
    # One trace per top-level team, so the legend says which colour is which team.
    root = dict(zip(teams["name"], teams["root_name"], strict=True))
    owner = [root.get(n, n) for n in standings["name"]]
    # The rank leads each bar's label, so the order is read, not guessed.
    shown_names = [
        f"{int(r)}. {n}" if pd.notna(r) else str(n)
        for r, n in zip(standings["rank"], standings["name"], strict=True)
    ]
    fig = go.Figure()
    for team in dict.fromkeys(owner):
        rows = [i for i, o in enumerate(owner) if o == team]
        fig.add_trace(
            go.Bar(
                x=measure.iloc[rows],
                y=[shown_names[i] for i in rows],
                orientation="h",
                name=team,
                marker_color=colors.get(team, TARGET),
                text=[labels[i] for i in rows],
                textposition="auto",
                hovertemplate="%{y}: %{x:.1%}<extra></extra>"
                if targeted
                else "%{y}: %{x}<extra></extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=shown_names)
    if targeted:
        fig.add_vline(
            x=1, line_dash="dash", line_color=TARGET, annotation_text=t("incentives.target_line")
        )
        fig.update_xaxes(tickformat=".0%")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(
        template=template(),
        height=90 + 34 * len(standings),
        showlegend=level == "group",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    return fig


def groups_section(scope: Filters, choice: str, full_end: date, *, hide_amounts: bool) -> None:
    """Groups (or teams) side by side: attainment bars against the 100% line, coloured by
    team, with how many of their people are at target; a table under it."""
    st.subheader(t("incentives.groups_heading"))
    kpi = _standing_kpi(choice)
    level = coded(
        st.segmented_control,
        t("incentives.groups_level"),
        ["group", "team"],
        default="group",
        required=True,
        format_func=lambda lv: t(f"incentives.level.{lv}"),
        key="standings_level",
    )
    level = level or "group"
    request = GroupStandings(filters=scope, kpi=kpi, level=level, full_end=full_end)
    standings = cache.fetch(request)
    if standings.empty:
        st.info(t("incentives.board_empty"))
        return
    targeted = bool(standings["attainment"].notna().any())
    if targeted:
        st.caption(t("incentives.groups_caption", kpi=mid_sentence(kpi_label(kpi))))
    else:
        level_word = t(f"incentives.level_one.{level}")
        st.caption(t("incentives.groups_caption_plain", kpi=kpi_label(kpi), level=level_word))
    ranked_by = t("incentives.measure.attainment") if targeted else mid_sentence(kpi_label(kpi))
    st.caption(t("incentives.groups_ranked", measure=ranked_by))
    provisional_note(scope, full_end)
    plot(
        standings_figure,
        (request, Teams()),
        key="incentives_groups_chart",
        kpi=kpi,
        level=level,
        hide_amounts=hide_amounts,
    )
    table = standings.rename(
        columns={
            "rank": t("incentives.col.rank"),
            "name": t("incentives.col.name"),
            "value": kpi_label(kpi),
            "target": t("incentives.col.target"),
            "attainment": t("incentives.col.attainment"),
            "members": t("incentives.col.members"),
            "at_target": t("incentives.col.at_target"),
        }
    )
    if hide_amounts and get_kpi(kpi).unit == "money":
        table = table.drop(columns=[kpi_label(kpi), t("incentives.col.target")])
    if not targeted:
        table = table.drop(
            columns=[
                t("incentives.col.target"),
                t("incentives.col.attainment"),
                t("incentives.col.members"),
                t("incentives.col.at_target"),
            ],
            errors="ignore",
        )
    unit = get_kpi(kpi).unit
    money = unit == "money"
    value_format = {"money": money_column_format(), "score": "%.2f", "percent": "percent"}
    config = {
        kpi_label(kpi): st.column_config.NumberColumn(format=value_format.get(unit, "%d")),
        t("incentives.col.target"): st.column_config.NumberColumn(
            format=money_column_format() if money else "%.1f"
        ),
        t("incentives.col.attainment"): st.column_config.ProgressColumn(
            format="percent", min_value=0, max_value=1
        ),
    }
    table_with_download(
        table, f"standings-{level}.csv", column_config=config, key="incentives_groups"
    )


def _status(standing: ContestStanding) -> str:
    if standing.status == "finished":
        return t("incentives.status.finished")
    return t(f"incentives.status.{standing.status}", days=standing.days_left)


def contest_card(
    standing: ContestStanding,
    *,
    hide_amounts: bool,
    labels: Mapping[int, str] | None = None,
    top: int = 5,
) -> None:
    """One contest: its KPI, dates and days left, and a progress bar per leading entrant.
    `labels` (rep_id -> name to show) tells apart people who share a name."""
    contest = standing.contest
    labels = labels or {}
    unit = get_kpi(contest.kpi).unit
    with st.container(border=True, height="stretch"):
        name = md(in_language(contest, "name"))
        st.markdown(f"**:material/sports_score: {name}** · {_status(standing)}")
        st.caption(
            t(
                "incentives.contest_dates",
                kpi=kpi_label(contest.kpi),
                between=t(f"incentives.between.{contest.between}"),
                start=format_date(contest.start),
                end=format_date(contest.end),
            )
        )
        if contest.goal is not None and not (hide_amounts and unit == "money"):
            st.caption(t("incentives.contest_goal", goal=format_value(contest.goal, unit)))
        if standing.standings.empty:
            st.markdown(f"_{t('incentives.contest_empty')}_")
        for row in standing.standings.head(top).itertuples():
            hidden = hide_amounts and unit == "money"
            key = "incentives.contest_row_hidden" if hidden else "incentives.contest_row"
            name = row.name if pd.isna(row.rep_id) else labels.get(int(row.rep_id), row.name)
            text = t(key, rank=row.rank, name=md(name), value=format_value(row.value, unit))
            st.progress(float(row.progress), text=text)
        prize = None
        if contest.prize is not None:
            prize = format_value(float(contest.prize), "money")
        note = md(in_language(contest, "prize_note") or "")
        if prize and note:
            st.caption(t("incentives.prize_with_note", prize=prize, note=note))
        elif prize or note:
            st.caption(t("incentives.prize_note_only", note=prize or note))


def contests_section(scope: Filters, stamp: PlanStamp, as_of: date, *, hide_amounts: bool) -> None:
    """Every contest in the plan file on the as-of day, two to a row."""
    st.subheader(t("incentives.contests_heading"))
    found: list[ContestStanding] = cache.fetch(contests_request(scope, stamp, as_of))
    if not found:
        st.info(t("incentives.no_contests"))
        return
    labels = people_labels(scope)
    for first in range(0, len(found), 2):
        columns = st.columns(2)
        for column, standing in zip(columns, found[first : first + 2], strict=False):
            with column:
                contest_card(standing, hide_amounts=hide_amounts, labels=labels)
