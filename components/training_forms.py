"""The training forms and one person's plan: add an item (on the Training page and beside a
review), update an item (status, done day, result), and the plan as a table.

Who may do what (the README says the same): admins, managers and leads plan for the people in
their scope (a lead: their team and its groups): add items, change status and result, drop
them. A rep may mark their own items in progress or done, nothing else. Every write goes
through data/training.py (one transaction with its audit row) and carries a submission id
built of the form's token, the item's state when the form was drawn and the values sent (a
double click lands once); it is confirmed with a toast and a message that outlasts it.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.format import MISSING, format_date, md
from components.text import t
from data.training import (
    KINDS,
    STATUSES,
    TrainingChange,
    TrainingInvalid,
    add_item,
    change_item,
    check_item,
)
from metrics.filters import Filters
from metrics.requests_training import RepTraining

PLANNER_ROLES = ("admin", "manager", "lead")
REP_STATUSES = ("in_progress", "done")  # what a rep may set on their own items
_TOAST = "training_toast"


def can_plan() -> bool:
    """Whether the signed-in user plans training (admin, manager, lead) for their scope."""
    user = current_user()
    return user is not None and user.role in PLANNER_ROLES


def day_text(value: Any) -> str:
    """A day as the user reads it; a blank for none."""
    return (
        MISSING
        if value is None or (not isinstance(value, date) and pd.isna(value))
        else format_date(value)
    )


def _token(name: str) -> str:
    key = f"{name}-token"
    if key not in st.session_state:
        st.session_state[key] = uuid.uuid4().hex
    return st.session_state[key]


def _submission_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def _problems(name: str) -> None:
    for field, code in (st.session_state.get(f"{name}-problems") or {}).items():
        label = t(f"training.field.{field}") if f"training.field.{field}" in _FIELD_KEYS else field
        st.error(t("training.problem.line", field=label, problem=t(f"training.problem.{code}")))


_FIELD_KEYS = {
    f"training.field.{f}"
    for f in ("kind", "title", "due_date", "expires_on", "status", "completed_on", "result",
              "rep_id", "item_id")
}  # fmt: skip


def _confirm(name: str) -> None:
    message = st.session_state.get(f"{name}-saved")
    if message:
        st.success(message, icon=":material/check_circle:")


def show_pending_toast() -> None:
    """The toast a save asked for before the rerun that follows it."""
    message = st.session_state.pop(_TOAST, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def item_table(
    frame: pd.DataFrame, *, person: bool, extra: dict[str, list[Any]] | None = None
) -> pd.DataFrame:
    """Items as a table in words (kind and status translated, days formatted); `extra`
    columns go on the right."""
    columns: dict[str, list[Any]] = {}
    if person:
        columns[t("training.col.person")] = list(frame["rep"])
    columns[t("training.col.title")] = list(frame["title"])
    columns[t("training.col.kind")] = [t(f"training.kind.{k}") for k in frame["kind"]]
    columns[t("training.col.due")] = [day_text(d) for d in frame["due_date"]]
    columns[t("training.col.status")] = [t(f"training.status.{s}") for s in frame["status"]]
    columns.update(extra or {})
    return pd.DataFrame(columns)


def person_items(rep_id: int, scope: Filters, as_of: date) -> pd.DataFrame:
    """One person's items (refused outside the user's scope)."""
    return cache.fetch(RepTraining(rep_id=rep_id, as_of=as_of, scope=scope.scope))


def plan_table(items: pd.DataFrame) -> None:
    if items.empty:
        st.caption(t("training.person.none"))
        return
    shown = item_table(
        items,
        person=False,
        extra={
            t("training.col.completed"): [day_text(d) for d in items["completed_on"]],
            t("training.col.result"): [r or MISSING for r in items["result"]],
            t("training.col.expires"): [day_text(d) for d in items["expires_on"]],
        },
    )
    st.dataframe(shown, hide_index=True)


def add_form(name: str, rep: dict[str, Any], as_of: date, review_id: str | None = None) -> None:
    """The form that adds an item to the plan of `rep` (from a review: `review_id`)."""
    _confirm(name)
    with st.form(key=f"{name}-form", clear_on_submit=False, enter_to_submit=False):
        st.selectbox(
            t("training.field.kind"), KINDS, format_func=lambda k: t(f"training.kind.{k}"),
            key=f"{name}-kind",
        )  # fmt: skip
        st.text_input(t("training.field.title"), key=f"{name}-title")
        st.date_input(
            t("training.field.due_date"), value=as_of + timedelta(days=30), key=f"{name}-due"
        )
        st.date_input(t("training.field.expires_on"), value=None, key=f"{name}-expires")
        _problems(name)
        st.form_submit_button(
            t("training.add.submit"),
            on_click=_on_add,
            args=(name, int(rep["rep_id"]), str(rep["rep"]), review_id),
            type="primary",
            key=f"{name}-submit",
        )


def _on_add(name: str, rep_id: int, person: str, review_id: str | None) -> None:
    state = st.session_state
    raw = {
        "rep_id": rep_id,
        "kind": state.get(f"{name}-kind"),
        "title": state.get(f"{name}-title") or "",
        "due_date": state.get(f"{name}-due"),
        "expires_on": state.get(f"{name}-expires"),
        "review_id": review_id,
    }
    state[f"{name}-problems"] = {}
    state.pop(f"{name}-saved", None)
    # Same form, same values: the same id, so a double click adds the item once.
    submission_id = _submission_id(_token(name), *sorted(raw.items()))
    try:
        item = check_item(raw)
        _, created = add_item(
            cache.get_store(), item, submission_id=submission_id, actor=actor_id(current_user())
        )
    except TrainingInvalid as error:
        state[f"{name}-problems"] = error.problems
        return
    if created:
        message = t("training.add.done", title=md(item.title), person=md(person))
        state[f"{name}-title"] = ""  # ready for the next item
    else:
        message = t("training.add.repeat")
    state[_TOAST] = message
    state[f"{name}-saved"] = message


def update_form(name: str, items: pd.DataFrame, *, rep_only: bool) -> None:
    _confirm(name)
    if items.empty:
        st.caption(t("training.update.none"))
        return
    choices = {str(r["item_id"]): r for r in items.to_dict("records")}
    if rep_only:
        choices = {k: r for k, r in choices.items() if r["status"] in ("planned", "in_progress")}
        st.caption(t("training.update.rep_note"))
        if not choices:
            st.caption(t("training.update.none"))
            return
    statuses = REP_STATUSES if rep_only else STATUSES
    with st.form(key=f"{name}-form", enter_to_submit=False):
        st.selectbox(
            t("training.field.item"),
            list(choices),
            format_func=lambda i: f"{choices[i]['title']} · {day_text(choices[i]['due_date'])}",
            key=f"{name}-item",
        )
        st.selectbox(
            t("training.field.status"), statuses, index=statuses.index("done"),
            format_func=lambda s: t(f"training.status.{s}"), key=f"{name}-status",
        )  # fmt: skip
        st.date_input(t("training.field.completed_on"), value=date.today(), key=f"{name}-on")
        st.text_input(t("training.field.result"), key=f"{name}-result")
        _problems(name)
        # Each item's state as drawn (its last change): part of the submission id, so a
        # double click lands once and a later, deliberate change gets a new id.
        drawn = {i: str(r.get("updated_at")) for i, r in choices.items()}
        st.form_submit_button(
            t("training.update.submit"),
            on_click=_on_update,
            args=(name, drawn, {i: str(r["title"]) for i, r in choices.items()}),
            type="primary",
            key=f"{name}-submit",
        )


def _on_update(name: str, drawn: dict[str, str], titles: dict[str, str]) -> None:
    state = st.session_state
    item_id = state.get(f"{name}-item")
    status = state.get(f"{name}-status")
    state[f"{name}-problems"] = {}
    state.pop(f"{name}-saved", None)
    if item_id not in drawn or status is None:
        return
    result = (state.get(f"{name}-result") or "").strip() or None
    on = state.get(f"{name}-on") if status == "done" else None
    submission_id = _submission_id(_token(name), item_id, drawn[item_id], status, on, result)
    try:
        change = TrainingChange(status=status, completed_on=on, result=result)
        changed = change_item(
            cache.get_store(),
            item_id,
            change,
            submission_id=submission_id,
            actor=actor_id(current_user()),
        )
    except TrainingInvalid as error:
        state[f"{name}-problems"] = error.problems
        return
    except ValueError:  # pydantic: a result too long
        state[f"{name}-problems"] = {"result": "too_long"}
        return
    if changed:
        status_words = t(f"training.status.{status}")
        message = t("training.update.done", title=md(titles[item_id]), status=status_words)
    else:
        message = t("training.update.unchanged")
    state[_TOAST] = message
    state[f"{name}-saved"] = message


def review_training(
    rep: dict[str, Any], scope: Filters, as_of: date, review_id: str | None
) -> None:
    """The review form's expander: the person's plan and a form adding items to it, saved as
    training rows at once (their own transaction and submission id, apart from the review)."""
    if not can_plan():
        return
    rep_id = int(rep["rep_id"])
    with st.expander(t("training.review.heading"), icon=":material/school:"):
        st.caption(t("training.review.caption", person=md(rep["rep"])))
        plan_table(person_items(rep_id, scope, as_of))
        add_form(f"tr-review-{rep_id}", rep, as_of, review_id=review_id)
