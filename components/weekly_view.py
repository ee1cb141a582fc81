"""Weekly summary (周总结), the person's side: pick the week, read its numbers (filled in from
the KPIs), write wins, problems, help needed and next week's plan; save a draft or submit.

Who writes: the signed-in person themself (their user's rep_id). With sign-in off (one machine,
tests) the summary is written as the person chosen in the form, and the page says so. A
signed-in account that is no person has no week to write. Every save carries a submission id
derived from the form (its token, the version it was opened on, the status and the content),
so a double click saves once; the save comes first, then the confirmation.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, auth_on, current_user
from components.filters import GlobalFilters
from components.format import MISSING, format_date, format_datetime, format_value, md
from components.text import error_text, kpi_label, t
from components.url_state import coded
from data.auth import User
from data.weekly_summaries import (
    TEXTS,
    WeeklyInvalid,
    check_summary,
    due_day,
    save_summary,
    week_of,
)
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.requests_people import TeamPeople
from metrics.requests_routines import RecapsForRep, WeeklySummary, WeeklyVersions, WeekNumbers
from metrics.weekly_summaries import WEEK_KPIS, WeekNumber

WEEKS_OFFERED = 8
SECTION_KEY = "wsec"
WEEK_KEY = "week"
AUTHOR_KEY = "wauthor"
TOAST_KEY = "weekly_toast"


def show_pending_toast() -> None:
    """The toast a save asked for before the rerun that follows it."""
    message = st.session_state.pop(TOAST_KEY, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def leads_and_above(user: User | None) -> bool:
    """Admins, managers and leads read their people's summaries (the Team section)."""
    return user is not None and user.role in ("admin", "manager", "lead")


def section_picker(user: User | None) -> str:
    """My week / Team (the latter for leads and above), kept in the URL."""
    sections = ["write", "team"] if leads_and_above(user) else ["write"]
    if len(sections) == 1:
        return "write"
    return (
        coded(
            st.segmented_control,
            t("weekly.section"),
            sections,
            default="write",
            required=True,
            format_func=lambda s: t(f"weekly.section.{s}"),
            key=SECTION_KEY,
            label_visibility="collapsed",
        )
        or "write"
    )


def week_label(start: date) -> str:
    """Monday – Sunday of the week starting `start`."""
    return t("weekly.week_label", start=format_date(start), end=format_date(start + timedelta(6)))


def week_picker(as_of: date, *, key: str = WEEK_KEY) -> date:
    """The week (its Monday), latest first: the week of `as_of` and the seven before it."""
    current = week_of(as_of)[0]
    weeks = [current - timedelta(weeks=n) for n in range(WEEKS_OFFERED)]
    chosen = coded(st.selectbox, t("weekly.week"), weeks, index=0, format_func=week_label, key=key)
    return chosen or current


def _author(chosen: GlobalFilters, user: User | None) -> int | None:
    """Whose week: the signed-in person; with sign-in off, the person chosen here."""
    if auth_on():
        if user is None or user.rep_id is None:
            st.info(t("weekly.no_person"), icon=":material/info:")
            return None
        return int(user.rep_id)
    people = cache.fetch(TeamPeople(filters=chosen.filters))
    if people.empty:
        st.info(t("weekly.team.none"))
        return None
    labels = {int(r): str(n) for r, n in zip(people["rep_id"], people["rep"], strict=True)}
    rep_id = coded(
        st.selectbox,
        t("weekly.author"),
        list(labels),
        index=0,
        format_func=lambda r: labels[r],
        key=AUTHOR_KEY,
    )
    st.caption(t("weekly.author_chosen"))
    return None if rep_id is None else int(rep_id)


def numbers_frame(numbers: dict[str, WeekNumber]) -> pd.DataFrame:
    """The week's numbers as a table, in the user's words and the company's currency."""
    rows = []
    for kpi_id in WEEK_KPIS:
        n = numbers[kpi_id]
        unit = get_kpi(kpi_id).unit
        cents = unit == "money"

        def shown(value: Any, unit: Any = unit, cents: bool = cents) -> str:
            return MISSING if value is None else format_value(float(value), unit, cents=cents)

        rows.append(
            {
                t("weekly.col.kpi"): kpi_label(kpi_id),
                t("weekly.col.actual"): shown(n.actual),
                t("weekly.col.target"): shown(n.target),
                t("weekly.col.expected"): shown(n.expected),
                t("weekly.col.pace"): t(f"weekly.pace.{n.status}"),
            }
        )
    return pd.DataFrame(rows)


def show_numbers(filters: Filters, rep_id: int, week: date, as_of: date) -> None:
    """The week's numbers, with the rule beside them."""
    to_date = min(week + timedelta(days=6), as_of)
    numbers = cache.fetch(WeekNumbers(filters=filters, rep_id=rep_id, week_start=week, as_of=as_of))
    heading = t("weekly.numbers_heading", start=format_date(week), end=format_date(to_date))
    st.markdown(f"#### {heading}")
    if numbers is None:
        st.caption(t("weekly.numbers_none", day=format_date(as_of)))
        return
    st.dataframe(numbers_frame(numbers), hide_index=True, width="stretch")
    st.caption(t("weekly.numbers_rule"))


def _state_line(existing: dict[str, Any] | None, week: date) -> str:
    due = format_date(due_day(week))
    if existing is None:
        return t("weekly.state.new", due=due)
    values = {"version": existing["version"], "due": due}
    if existing["status"] == "draft":
        return t("weekly.state.draft", at=format_datetime(existing["saved_at"]), **values)
    key = "weekly.state.late" if existing["late"] else "weekly.state.submitted"
    return t(key, at=format_datetime(existing["submitted_at"]), **values)


def _plan_frame(plan: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(plan, columns=["text", "due_date"]).astype({"text": "object"})
    frame["due_date"] = pd.to_datetime(frame["due_date"]).dt.date
    return frame


def _plan_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The editor's rows as plan items; a row left wholly blank is dropped."""
    rows = []
    for record in frame.to_dict("records"):
        text = record.get("text")
        due = record.get("due_date")
        text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
        if not isinstance(due, date) and (due is None or pd.isna(due)):
            due = None  # a date cell left empty
        if not text.strip() and due is None:
            continue
        rows.append({"text": text, "due_date": due})
    return rows


def _init(fk: str, existing: dict[str, Any] | None) -> None:
    state = st.session_state
    if f"{fk}-token" in state:
        return
    state[f"{fk}-token"] = uuid.uuid4().hex
    for name in TEXTS:
        state[f"{fk}-{name}"] = "" if existing is None else existing[name]
    state[f"{fk}-plan"] = _plan_frame([] if existing is None else existing["plan"])


def _submission_id(fk: str, base: int | None, status: str, raw: dict[str, Any]) -> str:
    token = st.session_state[f"{fk}-token"]
    content = json.dumps([token, base, status, raw], sort_keys=True, default=str)
    return hashlib.sha256(content.encode()).hexdigest()


def _save(
    fk: str, rep_id: int, week: date, status: str, plan: pd.DataFrame, base: int | None
) -> None:
    """Validate and save (the write first); then remember the confirmation or the refusal."""
    state = st.session_state
    raw = {
        "rep_id": rep_id,
        "week_start": week,
        **{name: state.get(f"{fk}-{name}", "") for name in TEXTS},
        "plan": _plan_rows(plan),
    }
    state.pop(f"{fk}-error", None)
    try:
        summary = check_summary(raw)
        saved = save_summary(
            cache.get_store(),
            summary,
            status=status,  # type: ignore[arg-type]
            submission_id=_submission_id(fk, base, status, raw),
            user_id=actor_id(current_user()),
        )
    except WeeklyInvalid as error:
        state[f"{fk}-error"] = error_text(error)
        return
    if not saved.created:
        message = t("weekly.unchanged", version=saved.version)
    elif status == "draft":
        message = t("weekly.saved_draft", version=saved.version)
    elif base is not None and state.get(f"{fk}-was_submitted"):
        message = t("weekly.saved_edit", version=saved.version)
    else:
        message = t("weekly.saved_submitted", version=saved.version)
    state[TOAST_KEY] = message
    state[f"{fk}-saved"] = message


def write_section(chosen: GlobalFilters) -> None:
    """The person's week: numbers beside the form, state, versions, and the team's recap."""
    user = current_user()
    top = st.columns(2)
    with top[0]:
        rep_id = _author(chosen, user)
    if rep_id is None:
        return
    with top[1]:
        week = week_picker(chosen.as_of)
    scope = chosen.filters.scope
    existing = cache.fetch(WeeklySummary(rep_id=rep_id, week_start=week, scope=scope))
    if auth_on() and user is not None:
        st.caption(t("weekly.author_self", person=md(user.display_name)))
    fk = f"wk-{rep_id}-{week.isoformat()}"
    _init(fk, existing)
    submitted = existing is not None and existing["status"] == "submitted"
    st.session_state[f"{fk}-was_submitted"] = submitted
    st.markdown(_state_line(existing, week))
    saved = st.session_state.get(f"{fk}-saved")
    if saved:
        st.success(saved, icon=":material/check_circle:")
    problem = st.session_state.get(f"{fk}-error")
    if problem:
        st.error(problem, icon=":material/error:")
    form_side, numbers_side = st.columns([3, 2], gap="large")
    with numbers_side:
        show_numbers(chosen.filters, rep_id, week, chosen.as_of)
    with form_side:
        _form(fk, rep_id, week, existing, submitted)
    _versions(rep_id, week, scope)
    _recaps_for(rep_id, week)


def _form(fk: str, rep_id: int, week: date, existing: dict | None, submitted: bool) -> None:
    base = None if existing is None else int(existing["version"])
    with st.form(key=f"{fk}-form", enter_to_submit=False):
        for name in TEXTS:
            st.text_area(t(f"weekly.field.{name}"), key=f"{fk}-{name}", height=90)
        st.markdown(f"**{t('weekly.field.plan')}**")
        plan = st.data_editor(
            st.session_state[f"{fk}-plan"],
            num_rows="dynamic",
            key=f"{fk}-plan-editor",
            column_config={
                "text": st.column_config.TextColumn(t("weekly.field.plan_text"), width="large"),
                "due_date": st.column_config.DateColumn(t("weekly.field.plan_due")),
            },
            hide_index=True,
            width="stretch",
        )
        st.caption(t("weekly.plan_help"))
        if submitted:
            st.caption(t("weekly.submitted_note"))
        left, right = st.columns(2)
        with left:
            draft = st.form_submit_button(
                t("weekly.save_draft"), disabled=submitted, width="stretch", key=f"{fk}-draft"
            )
        with right:
            send = st.form_submit_button(
                t("weekly.submit_edit" if submitted else "weekly.submit"),
                type="primary",
                width="stretch",
                key=f"{fk}-submit",
            )
    if draft or send:
        _save(fk, rep_id, week, "submitted" if send else "draft", plan, base)
        st.rerun()  # the header, the versions and the confirmation show the saved version


def _versions(rep_id: int, week: date, scope: Any) -> None:
    versions = cache.fetch(WeeklyVersions(rep_id=rep_id, week_start=week, scope=scope))
    if versions.empty:
        return
    with st.expander(t("weekly.versions", count=len(versions))):
        for record in versions.to_dict("records"):
            st.markdown(
                f"**{t('weekly.col.version')} {record['version']}** · "
                f"{t('weekly.status.' + record['status'])} · {format_datetime(record['saved_at'])}"
            )
            summary_text(record)


def summary_text(record: dict[str, Any]) -> None:
    """A summary's wins, problems, help needed and plan, the user's text escaped."""
    for name in TEXTS:
        value = str(record.get(name) or "").strip()
        st.markdown(f"**{t('weekly.field.' + name)}:** {md(value) if value else MISSING}")
    items = record.get("plan") or []
    if items:
        st.markdown(f"**{t('weekly.field.plan')}:**")
        st.markdown(
            "\n".join(
                "- "
                + t(
                    "weekly.plan_item",
                    text=md(item["text"]),
                    due=format_date(date.fromisoformat(str(item["due_date"]))),
                )
                for item in items
            )
        )


def _recaps_for(rep_id: int, week: date) -> None:
    """The recaps of the person's teams for the week, as published to them."""
    for recap in cache.fetch(RecapsForRep(rep_id=rep_id, week_start=week)):
        with st.expander(t("weekly.team_recap_for_me", team=md(recap["team"]))):
            st.caption(
                t(
                    "weekly.recap.latest",
                    version=recap["version"],
                    at=format_datetime(recap["published_at"]),
                )
            )
            st.markdown(md(recap["body"]))
