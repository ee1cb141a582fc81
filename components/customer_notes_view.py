"""What the team writes in a customer's file: notes, preferences, contact details and tags.

Writes run in the buttons' callbacks, before the page is drawn again, so a rerun cut short
can never leave a save half shown; the confirmation is a toast and a line that stays (kept in
the session until the next save). Each save carries a submission id: for a new note, a hash
of this session's form token, the customer, the kind and the text, so a double click (or the
same words sent twice) lands once; for an edit, of the note, the version it edits and the
text; for a tag, of the tag and the data version it was asked on.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.format import format_datetime, md
from components.text import error_text, t
from data import customer_notes
from data.customer_notes import NOTE_KINDS, Author
from data.errors import HuddleDataError
from metrics.requests_customers import CustomerNotes, CustomerNoteVersions
from metrics.scope import Scope

_TOKEN = "customer_form_token"
_SAID = "customer_notes_said"  # (level, message) of the last save, shown until the next one


def _token() -> str:
    state = st.session_state
    if _TOKEN not in state:
        state[_TOKEN] = customer_notes.new_submission_id()
    return str(state[_TOKEN])


def _submission_id(*parts: object) -> str:
    content = json.dumps([_token(), *parts], default=str, ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()


def _author() -> Author:
    user = current_user()
    return Author(user_id=actor_id(user), rep_id=user.rep_id if user is not None else None)


def _say(level: str, message: str) -> None:
    st.session_state[_SAID] = (level, message)
    st.session_state["customer_toast"] = message


def _add_note(customer_id: int, name: str) -> None:
    state = st.session_state
    kind = state.get("customer_note_kind") or "note"
    text = state.get("customer_note_text", "")
    try:
        saved = customer_notes.add_note(
            cache.get_store(), customer_id, kind, text,
            submission_id=_submission_id("note_add", customer_id, kind, text.strip()),
            author=_author(),
        )  # fmt: skip
    except HuddleDataError as error:
        _say("error", error_text(error))
        return
    state["customer_note_text"] = ""  # written: the box is free for the next note
    if saved.created:
        kind_words = t(f"customer.kind.{kind}").lower()
        _say("success", t("customer.note_added", kind=kind_words, customer=md(name)))
    else:
        _say("info", t("customer.note_repeat"))


def _edit_note(customer_id: int, note_id: str, base_version: int) -> None:
    text = st.session_state.get(f"customer_edit_{note_id}", "")
    try:
        saved = customer_notes.edit_note(
            cache.get_store(), customer_id, note_id, text,
            submission_id=_submission_id("note_edit", note_id, base_version, text.strip()),
            author=_author(),
        )  # fmt: skip
    except HuddleDataError as error:
        _say("error", error_text(error))
        return
    if saved.created:
        _say("success", t("customer.note_edited", version=saved.version))
    else:
        _say("info", t("customer.note_unchanged"))


def _tag(customer_id: int, adding: bool) -> None:
    state = st.session_state
    tag = state.get("customer_tag_new", "") if adding else state.get("customer_tag_pick") or ""
    write = customer_notes.add_tag if adding else customer_notes.remove_tag
    action = "tag_add" if adding else "tag_remove"
    try:
        done = write(
            cache.get_store(), customer_id, tag,
            submission_id=_submission_id(action, customer_id, tag.lower(), cache.data_version()),
            author=_author(),
        )  # fmt: skip
    except HuddleDataError as error:
        _say("error", error_text(error))
        return
    shown = md(" ".join(tag.split()))
    if adding:
        state["customer_tag_new"] = ""
        _say(
            "success" if done else "info",
            t("customer.tag_added" if done else "customer.tag_there", tag=shown),
        )
    else:
        _say("success", t("customer.tag_removed", tag=shown))


def _by(row: pd.Series) -> str:
    return md(row["author"]) if row["author"] else t("customer.author_none")


def _said() -> None:
    """The last save's confirmation (or refusal): a toast once, and a line that stays."""
    toast = st.session_state.pop("customer_toast", None)
    said = st.session_state.get(_SAID)
    if said is None:
        return
    level, message = said
    if toast is not None and level == "success":
        st.toast(message, icon=":material/check_circle:")
    {"success": st.success, "info": st.info, "error": st.error}[level](message)


def _tags(customer_id: int, tags: pd.DataFrame) -> None:
    st.markdown(f"**{t('customer.tags')}**")
    if tags.empty:
        st.caption(t("customer.tags_none"))
    else:
        lines = [
            t("customer.tag_by", tag=md(row["tag"]), author=_by(row),
              at=format_datetime(row["created_at"]))
            for _, row in tags.iterrows()
        ]  # fmt: skip
        st.markdown("  \n".join(lines))
    left, right = st.columns(2, vertical_alignment="bottom")
    with left.form("customer_tag_add_form", border=False):
        st.text_input(
            t("customer.tag_new"), key="customer_tag_new", max_chars=customer_notes.MAX_TAG
        )
        st.form_submit_button(
            t("customer.tag_add"), on_click=_tag, args=(customer_id, True), key="customer_tag_add"
        )
    if not tags.empty:
        with right.form("customer_tag_remove_form", border=False):
            st.selectbox(t("customer.tag_remove"), list(tags["tag"]), key="customer_tag_pick")
            st.form_submit_button(
                t("customer.tag_remove"),
                on_click=_tag,
                args=(customer_id, False),
                key="customer_tag_remove",
            )


def _note(customer_id: int, scope: Scope, row: pd.Series) -> None:
    kind = t(f"customer.kind.{row['kind']}")
    at = format_datetime(row["created_at"])
    if int(row["version"]) > 1:
        byline = t(
            "customer.note_by_version", kind=kind, author=_by(row), at=at,
            version=int(row["version"]), first=format_datetime(row["first_at"]),
        )  # fmt: skip
    else:
        byline = t("customer.note_by", kind=kind, author=_by(row), at=at)
    with st.container(border=True):
        st.caption(byline)
        st.markdown(md(row["text"]))
        note_id = str(row["note_id"])
        with (
            st.expander(t("customer.note_edit")),
            st.form(f"customer_edit_form_{note_id}", border=False),
        ):
            st.text_area(
                    t("customer.note_text"), value=row["text"], key=f"customer_edit_{note_id}",
                    max_chars=customer_notes.MAX_NOTE,
                )  # fmt: skip
            st.form_submit_button(
                t("customer.note_save_edit"),
                on_click=_edit_note,
                args=(customer_id, note_id, int(row["version"])),
                key=f"customer_edit_save_{note_id}",
            )
        if int(row["version"]) > 1:
            with st.expander(t("customer.versions", count=int(row["version"]) - 1)):
                versions = cache.fetch(
                    CustomerNoteVersions(customer_id=customer_id, note_id=note_id, scope=scope)
                )
                for _, old in versions.iloc[1:].iterrows():
                    st.caption(
                        t("customer.note_by_version", kind=kind, author=_by(old),
                          at=format_datetime(old["created_at"]), version=int(old["version"]),
                          first=format_datetime(old["first_at"]))
                    )  # fmt: skip
                    st.markdown(md(old["text"]))


def notes_section(customer_id: int, name: str, scope: Scope) -> None:
    """The team's notes and tags of one customer, and the forms that add to them."""
    st.subheader(t("customer.notes_heading"))
    st.caption(t("customer.notes_caption"))
    _said()
    written = cache.fetch(CustomerNotes(customer_id=customer_id, scope=scope))
    _tags(customer_id, written["tags"])
    with st.form("customer_note_form"):
        st.segmented_control(
            t("customer.note_kind"),
            list(NOTE_KINDS),
            default="note",
            format_func=lambda k: t(f"customer.kind.{k}"),
            key="customer_note_kind",
        )
        st.text_area(
            t("customer.note_text"), key="customer_note_text", max_chars=customer_notes.MAX_NOTE
        )
        st.form_submit_button(
            t("customer.note_add"),
            type="primary",
            on_click=_add_note,
            args=(customer_id, name),
            key="customer_note_add",
        )
    notes = written["notes"]
    if notes.empty:
        st.caption(t("customer.notes_none"))
    for _, row in notes.iterrows():
        _note(customer_id, scope, row)
