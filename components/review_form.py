"""The review form: pick a person, kind and period; write scores, notes and action items in an
st.form (nothing reruns while typing) with their KPIs beside it; save a draft or submit.

One review per person, kind and period: picking them opens the review already written, if
any, for editing (a save adds a version). What the user typed lives in session state under a
key per form, so a refused save, a conflict or a trip to another section loses nothing. Each
save's submission id is derived from the form and its content, so a double click lands once.
A form opened before someone else saved the first review of the same person, kind and period
cannot add a second one (data/reviews.py refuses it): it says who saved it and offers to open
it, keeping a copy of what was typed beside the review it opens.
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
from components.auth_session import actor_id, current_user
from components.filters import GlobalFilters
from components.format import MISSING, format_date, format_datetime, md
from components.review_kept import keep_copy, show_copy
from components.reviews_view import (
    KIND_KEY,
    PERSON_KEY,
    kind_label,
    period_label,
    person_picker,
    problem_text,
    show_kpis,
)
from components.role_duties_view import duties_expander
from components.standup_commitments import review_commitments
from components.text import mid_sentence, t
from components.training_forms import review_training
from components.url_state import coded
from components.weekly_in_review import month_summaries
from data.reviews import (
    KINDS,
    SCORE_DIMENSIONS,
    ReviewConflict,
    ReviewExists,
    ReviewInvalid,
    check_review,
    save_review,
)
from metrics.filters import Filters
from metrics.periods import add_months, unit_end, unit_start
from metrics.requests_reviews import KpiSnapshot, Reviewable, ReviewHistory, StillDue

TEXTS = ("strengths", "areas_to_improve", "training_plan", "career_notes")
PERIODS_OFFERED = {"weekly_summary": 12, "monthly_evaluation": 12, "quarterly_review": 8}
_UNIT = {"weekly_summary": "week", "monthly_evaluation": "month", "quarterly_review": "quarter"}


def _periods(kind: str, as_of: date) -> list[tuple[date, date]]:
    """The periods offered for a kind, latest first, starting with the current one."""
    unit = _UNIT[kind]
    out = []
    start = unit_start(as_of, unit)  # type: ignore[arg-type]
    for _ in range(PERIODS_OFFERED[kind]):
        out.append((start, unit_end(start, unit)))  # type: ignore[arg-type]
        start = (
            start - timedelta(days=7)
            if unit == "week"
            else add_months(start, -1 if unit == "month" else -3)
        )
    return out


def _period_picker(kind: str, as_of: date) -> tuple[date, date] | None:
    if kind == "one_to_one":
        day = st.date_input(t("reviews.meeting_day"), value=as_of, key="review_day")
        return (day, day) if isinstance(day, date) else None
    periods = _periods(kind, as_of)
    by_start = dict(periods)
    key = f"review_period_{kind}"
    if st.session_state.get(key) not in (None, *by_start):
        del st.session_state[key]
    # The period due first: last month, last week, last quarter (the second offered).
    default_index = 1 if len(periods) > 1 else 0
    start = st.selectbox(
        t("reviews.period"),
        list(by_start),
        index=default_index,
        format_func=lambda s: period_label(s, by_start[s]),
        key=key,
    )
    return None if start is None else (start, by_start[start])


def _existing(history: pd.DataFrame, kind: str, start: date, end: date) -> dict[str, Any] | None:
    hits = history[
        (history["kind"] == kind)
        & (history["period_start"] == start)
        & (history["period_end"] == end)
    ]
    return None if hits.empty else hits.iloc[-1].to_dict()


def _goals_frame(goals: list[dict[str, Any]]) -> pd.DataFrame:
    """Action items as the data editor shows them (due dates as datetimes, ids hidden)."""
    frame = pd.DataFrame(goals, columns=["text", "due_date", "item_id"]).astype(
        {"text": "object", "item_id": "object"}
    )
    frame["due_date"] = pd.to_datetime(frame["due_date"])
    return frame


def _init_state(fk: str, existing: dict[str, Any] | None, rep: dict[str, Any]) -> None:
    """Fill the form's keys from what was typed before, else the saved review, else blanks."""
    typed = st.session_state.get(f"{fk}-typed")
    if typed is not None:
        values = typed
    elif existing is not None:
        notes = existing["notes"] or {}
        values = {
            "reviewer": existing["reviewer"],
            "scores": existing["scores"] or {},
            **{name: notes.get(name, "") for name in TEXTS},
            "goals": [
                {**g, "due_date": date.fromisoformat(g["due_date"])} for g in notes.get("goals", [])
            ],
        }
    else:
        values = {"reviewer": rep["leader"] or "", "scores": {}, "goals": []}
    st.session_state[f"{fk}-reviewer"] = values.get("reviewer", "")
    for dim in SCORE_DIMENSIONS:
        st.session_state[f"{fk}-score-{dim}"] = values.get("scores", {}).get(dim)
    for name in TEXTS:
        st.session_state[f"{fk}-{name}"] = values.get(name, "")
    st.session_state.setdefault(f"{fk}-edited_by", values.get("reviewer", ""))
    st.session_state.setdefault(f"{fk}-change_note", "")
    st.session_state[f"{fk}-goals"] = _goals_frame(values.get("goals") or [])
    st.session_state[f"{fk}-goals-n"] = st.session_state.get(f"{fk}-goals-n", 0) + 1


def _meta(fk: str, existing: dict[str, Any] | None) -> dict[str, Any]:
    """Which review and version the form edits, and its token (stable for this form)."""
    key = f"{fk}-meta"
    if key not in st.session_state:
        st.session_state[key] = {
            "token": uuid.uuid4().hex,
            "review_id": existing["review_id"] if existing else None,
            "version": int(existing["version"]) if existing else None,
            "status": existing["status"] if existing else None,
        }
    return st.session_state[key]


def _reset(fk: str) -> None:
    """Forget what was typed and which version was open: the form reloads from the database."""
    for suffix in ("typed", "meta", "problems", "conflict", "exists", "reviewer", "saved"):
        st.session_state.pop(f"{fk}-{suffix}", None)


def _open_existing(fk: str) -> None:
    """Open the review someone else saved first, keeping a copy of what was typed."""
    keep_copy(fk, st.session_state.get(f"{fk}-typed"))
    _reset(fk)


def _error(problems: dict[str, Any], *fields: str) -> None:
    for name in fields:
        if name in problems:
            code, values = problems[name]
            st.error(problem_text(name, code, values), icon=":material/error:")


def _as_date(value: Any) -> date | str | None:
    """A cell of the due-date column as a date; what cannot be read as one is passed on as
    text, so validation names it under the field instead of the page failing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value).date()
    except (ValueError, OverflowError, TypeError):
        return str(value)


def _goal_rows(frame: pd.DataFrame, token: str) -> list[dict[str, Any]]:
    """The editor's rows as action items; a new row's id comes from the form's token and its
    content, so a double click gives it the same id twice."""
    rows = []
    for row in frame.to_dict("records"):
        text = row.get("text")
        text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
        due = _as_date(row.get("due_date"))
        if not text.strip() and due is None:
            continue  # an empty row the editor keeps at the bottom
        item_id = row.get("item_id")
        if not isinstance(item_id, str) or not item_id:
            item_id = hashlib.sha1(f"{token}|{text}|{due}".encode()).hexdigest()[:20]
        rows.append({"item_id": item_id, "text": text, "due_date": due})
    return rows


def _raw(fk: str, rep_id: int, kind: str, period: tuple[date, date], goals: list) -> dict:
    """What the form holds, as check_review reads it."""
    state = st.session_state
    return {
        "rep_id": rep_id,
        "kind": kind,
        "period_start": period[0],
        "period_end": period[1],
        "reviewer": state.get(f"{fk}-reviewer", ""),
        "scores": {
            d: state.get(f"{fk}-score-{d}")
            for d in SCORE_DIMENSIONS
            if state.get(f"{fk}-score-{d}") is not None
        },
        **{name: state.get(f"{fk}-{name}", "") for name in TEXTS},
        "goals": goals,
    }


def _submission_id(meta: dict[str, Any], status: str, raw: dict[str, Any]) -> str:
    content = json.dumps([meta["token"], meta["version"], status, raw], sort_keys=True, default=str)
    return hashlib.sha256(content.encode()).hexdigest()


def _save(
    fk: str, raw: dict[str, Any], status: str, meta: dict[str, Any], snapshot: dict | None
) -> None:
    """Validate and save; on success remember the version, else the problems per field."""
    state = st.session_state
    state[f"{fk}-typed"] = {
        "reviewer": raw["reviewer"],
        "scores": raw["scores"],
        **{name: raw[name] for name in TEXTS},
        "goals": raw["goals"],
    }
    state[f"{fk}-problems"] = {}
    state.pop(f"{fk}-conflict", None)
    state.pop(f"{fk}-exists", None)
    state.pop(f"{fk}-saved", None)  # a new attempt: the last confirmation no longer applies
    editing_submitted = meta["status"] == "submitted"
    edited_by = state.get(f"{fk}-edited_by", "") if editing_submitted else raw["reviewer"]
    try:
        review = check_review({**raw, "kpi_snapshot": snapshot}, status=status, today=date.today())  # type: ignore[arg-type]
        saved = save_review(
            cache.get_store(),
            review,
            status=status,  # type: ignore[arg-type]
            submission_id=_submission_id(meta, status, raw),
            edited_by=edited_by,
            review_id=meta["review_id"],
            base_version=meta["version"],
            change_note=state.get(f"{fk}-change_note") if editing_submitted else None,
            actor=actor_id(current_user()),
        )
    except ReviewInvalid as error:
        state[f"{fk}-problems"] = {k: (p.code, p.values) for k, p in error.problems.items()}
        return
    except ReviewExists as error:
        state[f"{fk}-exists"] = {
            "editor": error.edited_by,
            "version": error.latest_version,
            "status": error.status,
            "at": error.at,
        }
        return
    except ReviewConflict as error:
        state[f"{fk}-conflict"] = t(
            "reviews.form.conflict",
            editor=md(error.edited_by),
            version=error.latest_version,
            at=format_datetime(error.at),
        )
        return
    meta.update(review_id=saved.review_id, version=saved.version, status=saved.status)
    state[f"{fk}-goals"] = _goals_frame(raw["goals"])
    state[f"{fk}-goals-n"] = state.get(f"{fk}-goals-n", 0) + 1
    state[f"{fk}-change_note"] = ""
    if not saved.created:
        message = t("reviews.form.unchanged", version=saved.version)
    elif saved.status == "draft":
        message = t("reviews.form.saved_draft", version=saved.version)
    else:
        message = t("reviews.form.submitted", version=saved.version)
    state["reviews_toast"] = message
    # The toast fades and the page stays where the button was: the form keeps saying so too.
    state[f"{fk}-saved"] = message


def _header(rep: dict, kind: str, period: tuple[date, date], existing: dict | None) -> None:
    values = {
        "kind": mid_sentence(kind_label(kind)),
        "person": md(rep["rep"]),
        "start": format_date(period[0]),
        "end": format_date(period[1]),
    }
    if existing is None:
        st.markdown(t("reviews.form.new", **values))
        return
    st.markdown(
        t(
            "reviews.form.editing",
            status=mid_sentence(t(f"reviews.status.{existing['status']}")),
            version=existing["version"],
            editor=existing["edited_by"],
            at=format_datetime(existing["created_at"]),
            **values,
        )
    )


def _form(fk: str, meta: dict[str, Any], problems: dict[str, Any], save_args: tuple) -> None:
    """The st.form itself; its buttons save through `_on_save` (a callback, which runs before
    the next run draws any widget, so it may update the form's state)."""
    with st.form(key=f"{fk}-form", enter_to_submit=False):
        st.text_input(t("reviews.field.reviewer"), key=f"{fk}-reviewer")
        _error(problems, "reviewer", "rep_id", "kind", "period_start", "period_end", "status")
        st.markdown(f"**{t('reviews.form.scores')}**")
        for dim in SCORE_DIMENSIONS:
            st.segmented_control(
                t(f"reviews.dim.{dim}"),
                [1, 2, 3, 4, 5],
                key=f"{fk}-score-{dim}",
            )
            st.caption(t(f"reviews.rubric.{dim}"))
            _error(problems, f"scores.{dim}")
        st.markdown(f"**{t('reviews.form.texts')}**")
        for name in TEXTS:
            st.text_area(t(f"reviews.field.{name}"), key=f"{fk}-{name}", height=90)
            _error(problems, name)
        st.markdown(f"**{t('reviews.form.goals')}**")
        st.data_editor(
            st.session_state[f"{fk}-goals"],
            num_rows="dynamic",
            key=f"{fk}-goals-editor-{st.session_state[f'{fk}-goals-n']}",
            column_order=("text", "due_date"),
            column_config={
                "text": st.column_config.TextColumn(t("reviews.field.goal_text"), width="medium"),
                "due_date": st.column_config.DateColumn(t("reviews.field.goal_due"), width="small"),
            },
            hide_index=True,
            placeholder=MISSING,
        )
        st.caption(t("reviews.form.goals_help"))
        _error(problems, *sorted(k for k in problems if k.startswith("goals")))
        if meta["status"] == "submitted":
            st.caption(t("reviews.form.submitted_note"))
            st.text_input(t("reviews.field.edited_by"), key=f"{fk}-edited_by")
            _error(problems, "edited_by")
            st.text_input(t("reviews.field.change_note"), key=f"{fk}-change_note")
            _error(problems, "change_note")
        left, right = st.columns(2)
        with left:
            st.form_submit_button(
                t("reviews.form.save_draft"),
                key="review_save_draft",
                on_click=_on_save,
                args=(*save_args, "draft"),
                disabled=meta["status"] == "submitted",
                width="stretch",
            )
        with right:
            st.form_submit_button(
                t(
                    "reviews.form.submit_edit"
                    if meta["status"] == "submitted"
                    else "reviews.form.submit"
                ),
                key="review_submit",
                on_click=_on_save,
                args=(*save_args, "submitted"),
                type="primary",
                width="stretch",
            )


def write_section(chosen: GlobalFilters) -> None:
    """Pick whom and what to review, then the form with their KPIs beside it."""
    scope = chosen.filters
    top = st.columns([2, 1, 1])
    with top[0]:
        rep = person_picker(scope, chosen.as_of)
    if rep is None:
        return
    with top[1]:
        kind = coded(
            st.selectbox,
            t("reviews.kind"),
            KINDS,
            index=KINDS.index("monthly_evaluation"),
            format_func=kind_label,
            key=KIND_KEY,
        )
    with top[2]:
        period = _period_picker(kind, chosen.as_of)
    if period is None:
        return
    rep_id = int(rep["rep_id"])
    _still_due(scope, rep_id, kind, period)
    history = cache.fetch(ReviewHistory(rep_id=rep_id, scope=scope.scope))
    existing = _existing(history, kind, *period)
    fk = f"rf-{rep_id}-{kind}-{period[0].isoformat()}"
    meta = _meta(fk, existing)
    if f"{fk}-reviewer" not in st.session_state:
        _init_state(fk, existing, rep)
    _header(rep, kind, period, existing)
    problems = st.session_state.get(f"{fk}-problems") or {}
    if problems:
        st.error(t("reviews.form.fix"), icon=":material/error:")
    conflict = st.session_state.get(f"{fk}-conflict")
    if conflict:
        st.warning(conflict, icon=":material/sync_problem:")
        st.button(t("reviews.form.reload"), on_click=_reset, args=(fk,), key="review_reload")
    taken = st.session_state.get(f"{fk}-exists")
    if taken:
        st.warning(
            t(
                "reviews.form.exists",
                editor=md(taken["editor"]),
                kind=mid_sentence(kind_label(kind)),
                person=md(rep["rep"]),
                status=mid_sentence(t(f"reviews.status.{taken['status']}")),
                version=taken["version"],
                at=format_datetime(taken["at"]),
            ),
            icon=":material/sync_problem:",
        )
        st.button(
            t("reviews.form.open_existing"),
            on_click=_open_existing,
            args=(fk,),
            key="review_open_existing",
            type="primary",
        )
    show_copy(fk)
    form_side, kpi_side = st.columns([3, 2], gap="large")
    kpi_end = min(period[1], chosen.as_of)
    live = (
        cache.fetch(KpiSnapshot(rep_id=rep_id, start=period[0], end=kpi_end, scope=scope.scope))
        if period[0] <= kpi_end
        else None
    )
    frozen = existing["kpi_snapshot"] if existing and existing["status"] == "submitted" else None
    with kpi_side:
        heading = t("reviews.kpis.heading", start=format_date(period[0]), end=format_date(kpi_end))
        st.markdown(f"#### {heading}")
        if frozen:
            st.caption(t("reviews.kpis.frozen"))
        elif existing and existing["status"] == "submitted":
            st.caption(t("reviews.kpis.none"))
        else:
            st.caption(t("reviews.kpis.live"))
        show_kpis(frozen or live)
        duties_expander(rep.get("role"))  # what this person's role is measured on
        if kind == "monthly_evaluation":  # the month's weekly summaries beside it
            month_summaries(rep_id, period, scope.scope)
        review_commitments(rep_id, period, scope.scope)  # what they committed to at stand-ups
    with form_side:
        saved = st.session_state.get(f"{fk}-saved")
        if saved:
            st.success(saved, icon=":material/check_circle:")
        _form(fk, meta, problems, (fk, rep_id, kind, period, live))
        # The training plan as plan items: saved at once, on their own (data/training.py).
        review_training(rep, scope, chosen.as_of, meta["review_id"])


def _go_to(rep_id: int) -> None:
    st.session_state[PERSON_KEY] = rep_id


def _still_due(scope: Filters, rep_id: int, kind: str, period: tuple[date, date]) -> None:
    """How many in scope still need this review, and a button to the next of them."""
    due = cache.fetch(StillDue(filters=scope, kind=kind, start=period[0], end=period[1]))
    if due.empty:
        # Nobody still due is either everyone done or nobody owing one (no one here has a
        # leader): only the first may say "everyone has this review".
        owed = cache.fetch(Reviewable(filters=scope, kind=kind, end=period[1]))
        if owed.empty:
            # Weekly summaries are the sellers' only: leads with a lead above them owe none.
            weekly = kind == "weekly_summary"
            st.caption(t("reviews.form.no_weekly_due" if weekly else "reviews.coverage.nobody"))
        else:
            st.caption(t("reviews.form.none_due", period=period_label(*period)))
        return
    ids = [int(r) for r in due["rep_id"]]
    others = [r for r in ids if r != rep_id]
    left, right = st.columns([3, 1], vertical_alignment="center")
    with left:
        st.caption(t("reviews.form.still_due", count=len(ids), period=period_label(*period)))
    if others:
        # The next one after this person in the list, wrapping round to the first.
        later = ids[ids.index(rep_id) + 1 :] if rep_id in ids else []
        target = (later or others)[0]
        name = due.loc[due["rep_id"] == target, "rep"].item()
        with right:
            st.button(
                t("reviews.form.next", person=md(name)),
                on_click=_go_to,
                args=(target,),
                key="review_next",
                icon=":material/arrow_forward:",
            )


def _on_save(
    fk: str, rep_id: int, kind: str, period: tuple[date, date], live: dict | None, status: str
) -> None:
    """Save draft / Submit: gather the form's values from session state and save them."""
    meta = st.session_state[f"{fk}-meta"]
    editor = st.session_state.get(f"{fk}-goals-editor-{st.session_state[f'{fk}-goals-n']}")
    edited = _apply_edits(st.session_state[f"{fk}-goals"], editor)
    raw = _raw(fk, rep_id, kind, period, _goal_rows(edited, meta["token"]))
    _save(fk, raw, status, meta, live)


def _apply_edits(base: pd.DataFrame, edits: dict[str, Any] | None) -> pd.DataFrame:
    """The data editor's rows: its base frame with the edits, additions and deletions kept in
    its widget state (a delta) applied, as the editor shows them."""
    frame = base.reset_index(drop=True).astype(object)
    if not edits:
        return frame
    for row, changes in (edits.get("edited_rows") or {}).items():
        for column, value in changes.items():
            frame.loc[int(row), column] = value
    frame = frame.drop(index=[int(r) for r in edits.get("deleted_rows") or []], errors="ignore")
    added = pd.DataFrame(edits.get("added_rows") or [], columns=frame.columns)
    return pd.concat([frame, added], ignore_index=True) if not added.empty else frame
