"""Weekly summary (周总结), the lead's side: who in the scope has submitted the week and who has
not, the submitted summaries side by side with each person's numbers, and the team recap
built from them (numbers summed exactly, problems and help needed by person), which the lead
edits and publishes to the team as a version.

A draft is its writer's until submitted: only submitted summaries are read here. The recap is
a team's: the team chosen in the sidebar, else a lead's own team.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from decimal import Decimal

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.filters import GlobalFilters
from components.format import MISSING, format_date, format_datetime, format_value, md
from components.text import error_text, join_names, kpi_label, t
from components.weekly_view import TOAST_KEY, numbers_frame, summary_text, week_label, week_picker
from data.weekly_summaries import WeeklyInvalid, due_day, publish_recap
from metrics.catalogue import get_kpi
from metrics.requests import Teams
from metrics.requests_routines import LatestRecap, TeamWeek, TeamWeekNumbers
from metrics.weekly_summaries import WEEK_KPIS, WeekNumber, summed

COLUMNS_PER_ROW = 3


def _amount(kpi_id: str, value: Decimal) -> str:
    unit = get_kpi(kpi_id).unit
    return format_value(float(value), unit, cents=unit == "money")


def team_section(chosen: GlobalFilters) -> None:
    """Who has submitted, their summaries side by side, and the recap."""
    week = week_picker(chosen.as_of, key="tweek")
    team = cache.fetch(TeamWeek(filters=chosen.filters, week_start=week))
    if team.empty:
        st.info(t("weekly.team.none"))
        return
    sent = team[team["status"] == "submitted"]
    st.markdown(
        t(
            "weekly.team.count",
            submitted=len(sent),
            total=len(team),
            week=week_label(week),
            late=int(sent["late"].sum()),
            due=format_date(due_day(week)),
        )
    )
    missing = team[team["status"] != "submitted"]
    if not missing.empty:
        st.warning(
            t("weekly.team.missing", names=md(join_names(missing["rep"], limit=20))),
            icon=":material/schedule:",
        )
    st.dataframe(_status_table(team), hide_index=True, width="stretch")
    st.caption(t("weekly.team.drafts_private"))
    numbers = cache.fetch(
        TeamWeekNumbers(filters=chosen.filters, week_start=week, as_of=chosen.as_of)
    )
    st.subheader(t("weekly.team.side_by_side"))
    if sent.empty:
        st.info(t("weekly.team.no_submitted"))
    else:
        _side_by_side(sent, numbers)
    _recap(chosen, week, sent, numbers)


def _status_table(team: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("weekly.col.person"): team["rep"],
            t("weekly.col.group"): team["group"],
            t("weekly.col.status"): [t(f"weekly.status.{s}") for s in team["status"]],
            t("weekly.col.submitted_at"): [
                MISSING if s is None or pd.isna(s) else format_datetime(s)
                for s in team["submitted_at"]
            ],
            t("weekly.col.late"): [t("weekly.late_badge") if x else "" for x in team["late"]],
        }
    )


def _side_by_side(sent: pd.DataFrame, numbers: dict[int, dict[str, WeekNumber]]) -> None:
    records = sent.to_dict("records")
    for start in range(0, len(records), COLUMNS_PER_ROW):
        columns = st.columns(COLUMNS_PER_ROW)
        for column, record in zip(columns, records[start : start + COLUMNS_PER_ROW], strict=False):
            with column, st.container(border=True):
                late = f" · {t('weekly.late_badge')}" if record["late"] else ""
                st.markdown(f"**{md(record['rep'])}**{late}")
                mine = numbers.get(int(record["rep_id"]))
                if mine:
                    st.dataframe(numbers_frame(mine), hide_index=True, width="stretch")
                summary_text(record)


def _recap_team(chosen: GlobalFilters) -> tuple[int, str] | None:
    """The team the recap is for: the sidebar's team, else the lead's own."""
    teams = cache.fetch(Teams())
    names = dict(zip(teams["team_id"].astype(int), teams["name"], strict=True))
    team_id = chosen.filters.team_id
    if team_id is None and chosen.filters.scope.kind == "team":
        team_id = chosen.filters.scope.team_id
    if team_id is None or int(team_id) not in names:
        return None
    return int(team_id), str(names[int(team_id)])


def build_recap(
    team: str, week: date, sent: pd.DataFrame, totals: dict[str, Decimal], count: int
) -> str:
    """The recap's first text: numbers summed, problems and help needed by person."""
    lines = [t("weekly.recap.title", team=team, week=week_label(week)), ""]
    lines.append(t("weekly.recap.numbers", count=count))
    lines += [f"- {kpi_label(k)}: {_amount(k, totals[k])}" for k in WEEK_KPIS]
    for field, heading in (
        ("problems", "weekly.recap.problems"),
        ("help_needed", "weekly.recap.help"),
    ):
        lines += ["", t(heading)]
        listed = [
            f"- {r['rep']}: {str(r[field]).strip()}"
            for r in sent.to_dict("records")
            if str(r[field] or "").strip()
        ]
        lines += listed or [f"- {t('weekly.recap.none_listed')}"]
    return "\n".join(lines)


def _recap(
    chosen: GlobalFilters,
    week: date,
    sent: pd.DataFrame,
    numbers: dict[int, dict[str, WeekNumber]],
) -> None:
    st.subheader(t("weekly.recap.heading"))
    target = _recap_team(chosen)
    if target is None:
        st.info(t("weekly.recap.pick_team"))
        return
    team_id, team = target
    people = [numbers[int(r)] for r in sent["rep_id"] if int(r) in numbers]
    totals = summed(people)
    st.caption(t("weekly.recap.rule", count=len(sent), team=md(team)))
    st.dataframe(
        pd.DataFrame(
            {
                t("weekly.col.kpi"): [kpi_label(k) for k in WEEK_KPIS],
                t("weekly.col.actual"): [_amount(k, totals[k]) for k in WEEK_KPIS],
            }
        ),
        hide_index=True,
    )
    published = cache.fetch(LatestRecap(team_id=team_id, week_start=week))
    if published:
        st.caption(
            t(
                "weekly.recap.latest",
                version=published["version"],
                at=format_datetime(published["published_at"]),
            )
        )
    else:
        st.caption(t("weekly.recap.none"))
    key = f"recap-{team_id}-{week.isoformat()}"
    built = build_recap(team, week, sent, totals, len(sent))
    if key not in st.session_state:
        st.session_state[key] = published["body"] if published else built
        st.session_state[f"{key}-token"] = uuid.uuid4().hex
    problem = st.session_state.get(f"{key}-error")
    if problem:
        st.error(problem, icon=":material/error:")
    saved = st.session_state.get(f"{key}-saved")
    if saved:
        st.success(saved, icon=":material/check_circle:")
    with st.form(key=f"{key}-form", enter_to_submit=False):
        st.text_area(t("weekly.recap.text"), key=key, height=260)
        publish = st.form_submit_button(t("weekly.recap.publish"), type="primary")
    st.button(t("weekly.recap.rebuild"), key=f"{key}-rebuild", on_click=_rebuild, args=(key, built))
    if publish:
        _publish(key, team_id, team, week, {k: str(v) for k, v in totals.items()})
        st.rerun()


def _rebuild(key: str, built: str) -> None:
    st.session_state[key] = built


def _publish(key: str, team_id: int, team: str, week: date, numbers: dict[str, str]) -> None:
    """Publish (the write first); then remember the confirmation or the refusal."""
    state = st.session_state
    state.pop(f"{key}-error", None)
    body = str(state.get(key, ""))
    # The same text from the same form lands once: a double click publishes one version.
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    submission = f"{state[f'{key}-token']}:{digest}"
    try:
        result = publish_recap(
            cache.get_store(),
            team_id,
            week,
            body,
            numbers,
            submission_id=submission,
            user_id=actor_id(current_user()),
        )
    except WeeklyInvalid as error:
        state[f"{key}-error"] = error_text(error)
        return
    message = t(
        "weekly.recap.published" if result.created else "weekly.recap.unchanged",
        team=team,
        version=result.version,
    )
    state[TOAST_KEY] = message
    state[f"{key}-saved"] = message
