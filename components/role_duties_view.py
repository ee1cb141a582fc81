"""Role duties: each role's duties and the KPIs it is measured on, on the Team page (with an
editor for admins and managers) and in a small expander beside a person's review.

Duties are stored in English and Chinese side by side (data/role_duties.py); a reader sees
their language, or the other when theirs is empty. Each line of the text is one duty, shown as
a bullet with the one Markdown escape (components.format.md), so a duty reads literally.
Every save adds a version; the earlier ones stay readable under the current one.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.format import format_datetime, md
from components.text import current_language, kpi_label, t
from data.models import ROLES
from data.role_duties import check_duty, save_duty
from data.training import TrainingInvalid
from metrics.catalogue import CATALOGUE, listed_kpis
from metrics.requests_training import RoleDuties, RoleDutyVersions

EDITOR_ROLES = ("admin", "manager")  # who may edit duties: the company's, not one team's
_TOAST = "duties_toast"


def can_edit() -> bool:
    """Whether the signed-in user may edit role duties (admin or manager)."""
    user = current_user()
    return user is not None and user.role in EDITOR_ROLES


def role_label(role: str) -> str:
    """A role of the organisation chart in words."""
    return t(f"role.{role}")


def _text(row: dict[str, Any]) -> str:
    """The duties in the reader's language, else in the other."""
    mine, other = (
        ("duties_zh", "duties_en") if current_language() == "zh" else ("duties_en", "duties_zh")
    )
    return str(row[mine] or row[other] or "")


def bullets(text: str) -> str:
    """One duty per line as a Markdown list, each line escaped (a leading "-" or "*" the
    writer typed is the bullet itself, not part of the duty)."""
    lines = [line.strip().lstrip("-*•").strip() for line in text.splitlines()]
    return "\n".join(f"- {md(line)}" for line in lines if line)


def _kpis(kpis: list[str]) -> str:
    known = [kpi_label(k) for k in kpis if k in CATALOGUE]
    return t("duties.kpis", kpis=", ".join(known)) if known else t("duties.no_kpis")


def _version_line(row: dict[str, Any]) -> str:
    at = format_datetime(pd.Timestamp(row["created_at"]).to_pydatetime())
    editor = row.get("edited_by")
    if editor is None or (isinstance(editor, float) and pd.isna(editor)) or not editor:
        return t("duties.version_anon", version=int(row["version"]), at=at)
    return t("duties.version", version=int(row["version"]), at=at, editor=md(editor))


def show_duty(row: dict[str, Any]) -> None:
    """One role's current duties, its KPIs and which version it is."""
    st.markdown(bullets(_text(row)))
    st.caption(_kpis(list(row["kpis"])))
    st.caption(_version_line(row))


def _latest() -> dict[str, dict[str, Any]]:
    frame = cache.fetch(RoleDuties())
    return {str(r["role"]): r for r in frame.to_dict("records")}


def duties_section() -> None:
    """The Team page's section: every role's duties, earlier versions, and the editor."""
    message = st.session_state.pop(_TOAST, None)
    if message:
        st.toast(message, icon=":material/check_circle:")
    st.subheader(t("duties.heading"))
    st.caption(t("duties.caption"))
    latest = _latest()
    if not latest:
        st.info(t("duties.none"), icon=":material/info:")
    ordered = [r for r in ROLES if r in latest]
    for role in ordered:
        row = latest[role]
        with st.expander(role_label(role), expanded=False):
            show_duty(row)
            if int(row["version"]) > 1:
                versions = cache.fetch(RoleDutyVersions(role=role))
                older = versions[versions["version"] < int(row["version"])]
                st.markdown(f"**{t('duties.history', count=len(older))}**")
                for old in older.to_dict("records"):
                    st.caption(_version_line(old))
                    st.markdown(bullets(_text(old)))
                    st.caption(_kpis(list(old["kpis"])))
    if can_edit():
        _editor(latest)
    else:
        st.caption(t("duties.edit.who"))


def _init(role: str, row: dict[str, Any] | None) -> None:
    """Fill the editor's fields of `role` from its latest version (once per role)."""
    state = st.session_state
    if f"duty-{role}-token" in state:
        return
    state[f"duty-{role}-token"] = uuid.uuid4().hex
    state[f"duty-{role}-en"] = "" if row is None else str(row["duties_en"] or "")
    state[f"duty-{role}-zh"] = "" if row is None else str(row["duties_zh"] or "")
    state[f"duty-{role}-kpis"] = [] if row is None else [k for k in row["kpis"] if k in CATALOGUE]


def _editor(latest: dict[str, dict[str, Any]]) -> None:
    with st.expander(t("duties.edit.heading"), expanded=not latest):
        role = st.selectbox(t("duties.edit.role"), ROLES, format_func=role_label, key="duty-role")
        if role is None:
            return
        row = latest.get(role)
        _init(role, row)
        base = None if row is None else int(row["version"])
        saved = st.session_state.get(f"duty-{role}-saved")
        if saved:
            st.success(saved, icon=":material/check_circle:")
        with st.form(key=f"duty-form-{role}", enter_to_submit=False):
            st.text_area(t("duties.edit.en"), key=f"duty-{role}-en", height=140)
            st.text_area(t("duties.edit.zh"), key=f"duty-{role}-zh", height=140)
            st.caption(t("duties.edit.help"))
            st.multiselect(
                t("duties.edit.kpis"),
                [k.id for k in listed_kpis()],
                format_func=kpi_label,
                key=f"duty-{role}-kpis",
            )
            problems = st.session_state.get(f"duty-{role}-problems") or {}
            for name, code in problems.items():
                field = t(f"duties.field.{name}") if name in _FIELDS else name
                problem = t(f"training.problem.{code}")
                st.error(t("training.problem.line", field=field, problem=problem))
            st.form_submit_button(
                t("duties.edit.submit"),
                on_click=_on_save,
                args=(role, base),
                type="primary",
                key=f"duty-save-{role}",
            )


_FIELDS = ("role", "duties_en", "duties_zh", "kpis")


def _on_save(role: str, base: int | None) -> None:
    """Save the editor's fields as the role's next version (a callback: it runs before the
    next run draws anything, so the confirmation shows on that run)."""
    state = st.session_state
    raw = {
        "role": role,
        "duties_en": state.get(f"duty-{role}-en", ""),
        "duties_zh": state.get(f"duty-{role}-zh", ""),
        "kpis": list(state.get(f"duty-{role}-kpis") or []),
    }
    state[f"duty-{role}-problems"] = {}
    state.pop(f"duty-{role}-saved", None)
    # The same form, version and content give the same id: a double click lands once.
    content = f"{state[f'duty-{role}-token']}|{base}|{sorted(raw.items())}"
    submission_id = hashlib.sha256(content.encode()).hexdigest()
    user = current_user()
    try:
        duty = check_duty(raw, set(CATALOGUE))
        saved = save_duty(
            cache.get_store(),
            duty,
            submission_id=submission_id,
            edited_by=None if user is None else user.display_name,
            actor=actor_id(user),
        )
    except TrainingInvalid as error:
        state[f"duty-{role}-problems"] = error.problems
        return
    key = "duties.edit.saved" if saved.created else "duties.edit.unchanged"
    message = t(key, role=role_label(role), version=saved.version)
    state[_TOAST] = message
    state[f"duty-{role}-saved"] = message


def duties_expander(role: str | None) -> None:
    """A small expander with the duties of `role`, beside a person's review."""
    if not role:
        return
    row = _latest().get(role)
    with st.expander(t("duties.review.heading", role=role_label(role)), icon=":material/badge:"):
        if row is None:
            st.caption(t("duties.review.none"))
        else:
            show_duty(row)
