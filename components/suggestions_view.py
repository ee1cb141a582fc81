"""The suggestion box (意见箱): post a suggestion (optionally anonymous), read the box with each
suggestion's status and answer, answer as a lead, and see adopted suggestions per person.

Who does what: everyone but a viewer posts; a viewer reads. Admins and managers answer every
box, a lead the boxes of their team and the groups below it (metrics.scope). Who posts: the
signed-in person (their rep_id, else no person); with sign-in off, the person chosen in the
form. Anonymous stores no author at all (data/suggestions.py).
"""

from __future__ import annotations

import uuid

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, auth_on
from components.filters import GlobalFilters
from components.format import format_datetime, md
from components.text import error_text, t
from data.auth import User
from data.suggestions import KINDS, STATUSES, SuggestionInvalid, answer_suggestion, post_suggestion
from metrics.requests import Teams
from metrics.requests_people import TeamPeople
from metrics.requests_routines import AdoptedCounts, SuggestionBoxes, Suggestions
from metrics.scope import Scope

TOAST_KEY = "suggestions_toast"
FILTER_KEY = "sstatus"
COMPANY = -1  # the whole company's box, as a select option


def show_pending_toast() -> None:
    """The toast a save asked for before the rerun that follows it."""
    message = st.session_state.pop(TOAST_KEY, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def _token(key: str) -> str:
    """The form's submission id: the same until the save lands, so a double click lands once."""
    state = st.session_state
    if key not in state:
        state[key] = uuid.uuid4().hex
    return str(state[key])


def _boxes(scope: Scope) -> dict[int, str]:
    """The boxes the user may post into: their teams (a rep's own and those above it), or every
    team and the whole company for a scope of all."""
    teams = cache.fetch(Teams())
    names = {int(i): str(n) for i, n in zip(teams["team_id"], teams["name"], strict=True)}
    if scope.kind == "all":
        return {COMPANY: t("suggestions.box_company"), **names}
    allowed = cache.fetch(SuggestionBoxes(scope=scope)) or []
    return {i: names[i] for i in allowed if i in names}


def post_section(chosen: GlobalFilters, user: User | None) -> None:
    """The form to post a suggestion."""
    state = st.session_state
    st.subheader(t("suggestions.post_heading"))
    saved = state.get("sugg-saved")
    if saved:
        st.success(saved, icon=":material/check_circle:")
    problem = state.get("sugg-error")
    if problem:
        st.error(problem, icon=":material/error:")
    boxes = _boxes(chosen.filters.scope)
    people: dict[int, str] = {}
    if not auth_on():
        directory = cache.fetch(TeamPeople(filters=chosen.filters))
        people = {
            int(r): str(n) for r, n in zip(directory["rep_id"], directory["rep"], strict=True)
        }
    with st.form("sugg-form", enter_to_submit=False, clear_on_submit=False):
        left, right = st.columns(2)
        with left:
            kind = st.selectbox(
                t("suggestions.kind"),
                KINDS,
                format_func=lambda k: t(f"suggestions.kind.{k}"),
                key="sugg-kind",
            )
        with right:
            box = st.selectbox(
                t("suggestions.box"), list(boxes), format_func=lambda b: boxes[b], key="sugg-box"
            )
        title = st.text_input(t("suggestions.title"), key="sugg-title", max_chars=120)
        body = st.text_area(t("suggestions.body"), key="sugg-body", height=110)
        author = None
        if people:
            author = st.selectbox(
                t("suggestions.author"),
                list(people),
                format_func=lambda r: people[r],
                key="sugg-author",
            )
            st.caption(t("suggestions.author_chosen"))
        anonymous = st.checkbox(t("suggestions.anonymous"), key="sugg-anon")
        st.caption(t("suggestions.anonymous_help"))
        post = st.form_submit_button(t("suggestions.post"), type="primary")
    if post:
        rep_id = author if not auth_on() else (user.rep_id if user is not None else None)
        state.pop("sugg-error", None)
        state.pop("sugg-saved", None)
        try:
            post_suggestion(
                cache.get_store(),
                kind=str(kind),
                title=str(title or ""),
                body=str(body or ""),
                team_id=None if box in (None, COMPANY) else int(box),
                anonymous=bool(anonymous),
                author_rep_id=None if rep_id is None else int(rep_id),
                user_id=actor_id(user),
                submission_id=_token("sugg-token"),
            )
        except SuggestionInvalid as error:
            state["sugg-error"] = error_text(error)
            st.rerun()
        message = t("suggestions.posted_anonymous" if anonymous else "suggestions.posted")
        state[TOAST_KEY] = message
        state["sugg-saved"] = message
        for key in ("sugg-token", "sugg-title", "sugg-body", "sugg-anon"):
            state.pop(key, None)  # a fresh form, and a fresh id for the next suggestion
        st.rerun()


def _may_answer(user: User | None, scope: Scope, team_id: object, teams: set[int] | None) -> bool:
    if user is None or user.role not in ("admin", "manager", "lead"):
        return False
    if scope.kind == "all":
        return True
    return (
        team_id is not None and not pd.isna(team_id) and teams is not None and int(team_id) in teams
    )


def _filter_label(status: str) -> str:
    return t("suggestions.filter.all" if status == "all" else f"suggestions.status.{status}")


def list_section(chosen: GlobalFilters, user: User | None) -> None:
    """The box: each suggestion with its status and answer; a form to answer it for leads."""
    scope = chosen.filters.scope
    st.subheader(t("suggestions.list_heading"))
    frame = cache.fetch(Suggestions(scope=scope))
    shown = st.segmented_control(
        t("suggestions.filter"),
        ["all", *STATUSES],
        default="all",
        format_func=lambda s: t(
            "suggestions.filter.all" if s == "all" else f"suggestions.status.{s}"
        ),
        key=FILTER_KEY,
    )
    if shown and shown != "all":
        frame = frame[frame["status"] == shown]
    if frame.empty:
        st.info(t("suggestions.none"))
        return
    answerable = None
    if scope.kind == "team":
        answerable = set(cache.fetch(SuggestionBoxes(scope=scope)) or [])
    for record in frame.to_dict("records"):
        with st.container(border=True):
            _show(record)
            if _may_answer(user, scope, record["team_id"], answerable):
                _answer_form(record, user)


def _show(record: dict) -> None:
    status = t(f"suggestions.status.{record['status']}")
    st.markdown(f"**{md(record['title'])}** · {status}")
    if record["anonymous"]:
        author = t("suggestions.anonymous_author")
    elif record["author"] is None or pd.isna(record["author"]):
        author = t("suggestions.no_author")
    else:
        author = md(record["author"])
    team = record["team"]
    box = t("suggestions.box_company") if team is None or pd.isna(team) else md(team)
    st.caption(
        t(
            "suggestions.meta",
            kind=t(f"suggestions.kind.{record['kind']}"),
            box=box,
            author=author,
            at=format_datetime(record["posted_at"]),
        )
    )
    st.markdown(md(record["body"]))
    if str(record["answer"] or "").strip():
        st.info(t("suggestions.answer_shown", status=status, answer=md(record["answer"])))


def _answer_form(record: dict, user: User | None) -> None:
    sid = record["suggestion_id"]
    key = f"ans-{sid}"
    state = st.session_state
    with st.expander(t("suggestions.answer_heading")):
        problem = state.get(f"{key}-error")
        if problem:
            st.error(problem, icon=":material/error:")
        with st.form(f"{key}-form", enter_to_submit=False):
            status = st.selectbox(
                t("suggestions.answer_status"),
                STATUSES,
                index=STATUSES.index(record["status"]),
                format_func=lambda s: t(f"suggestions.status.{s}"),
                key=f"{key}-status",
            )
            answer = st.text_area(
                t("suggestions.answer_text"), value=record["answer"] or "", key=f"{key}-text"
            )
            st.caption(t("suggestions.answer_help"))
            save = st.form_submit_button(t("suggestions.answer_save"), type="primary")
    if save:
        state.pop(f"{key}-error", None)
        try:
            result = answer_suggestion(
                cache.get_store(),
                sid,
                status=str(status),
                answer=str(answer or ""),
                user_id=actor_id(user),
                submission_id=_token(f"{key}-token"),
            )
        except SuggestionInvalid as error:
            state[f"{key}-error"] = error_text(error)
            st.rerun()
        state.pop(f"{key}-token", None)
        message = (
            t("suggestions.answered", status=t(f"suggestions.status.{status}"))
            if result.created
            else t("suggestions.unchanged")
        )
        state[TOAST_KEY] = message
        st.rerun()


def adopted_section() -> None:
    """Adopted suggestions per person: the count the incentive plan could use later."""
    st.subheader(t("suggestions.adopted_heading"))
    st.caption(t("suggestions.adopted_rule"))
    counts = cache.fetch(AdoptedCounts())
    if counts.empty:
        st.caption(t("suggestions.adopted_none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("suggestions.col.person"): counts["rep"],
                t("suggestions.col.adopted"): counts["adopted"].astype(int),
            }
        ),
        hide_index=True,
    )


def viewer_note() -> None:
    """Why a viewer sees no form."""
    st.caption(t("suggestions.viewer"))


__all__ = ["adopted_section", "list_section", "post_section", "show_pending_toast", "viewer_note"]
