"""What was typed in a review form that could not be saved because the review already
existed (someone else saved the first one of that person, kind and period): kept as a copy
beside the review the form opens instead, so nothing typed is ever lost."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from components.format import format_date
from components.text import t
from data.reviews import SCORE_DIMENSIONS

TEXTS = ("strengths", "areas_to_improve", "training_plan", "career_notes")


def keep_copy(fk: str, typed: dict[str, Any] | None) -> None:
    """Keep `typed` (the form's values) as the copy shown by `show_copy`."""
    st.session_state[f"{fk}-mine"] = typed


def _close(fk: str) -> None:
    st.session_state.pop(f"{fk}-mine", None)


def _goal_line(goal: dict[str, Any]) -> str:
    due = goal.get("due_date")
    return f"{goal['text']} ({format_date(due)})" if isinstance(due, date) else str(goal["text"])


def show_copy(fk: str) -> None:
    """The kept copy, each field as plain text (st.code: never read as Markdown, and it has a
    copy button), until the user closes it."""
    mine = st.session_state.get(f"{fk}-mine")
    if not mine:
        return
    with st.expander(t("reviews.form.mine_heading"), expanded=True, icon=":material/draft:"):
        st.caption(t("reviews.form.mine_help"))
        scores = mine.get("scores") or {}
        shown = [f"{t(f'reviews.dim.{d}')}: {scores[d]}" for d in SCORE_DIMENSIONS if d in scores]
        if shown:
            st.caption(t("reviews.form.scores"))
            st.code(", ".join(shown), language=None, wrap_lines=True)
        for name in TEXTS:
            if str(mine.get(name) or "").strip():
                st.caption(t(f"reviews.field.{name}"))
                st.code(mine[name], language=None, wrap_lines=True)
        goals = [g for g in mine.get("goals") or [] if str(g.get("text") or "").strip()]
        if goals:
            st.caption(t("reviews.form.goals"))
            st.code("\n".join(_goal_line(g) for g in goals), language=None, wrap_lines=True)
        st.button(
            t("reviews.form.mine_close"), on_click=_close, args=(fk,), key="review_mine_close"
        )
