"""The Follow-ups page: one person's list today, and working a row of it (log a contact,
snooze, mark done, reassign), with a confirmation and an undo of the user's last action.

Writes go through data.follow_ups (one transaction each, with its audit row). Every form
carries a submission id kept in the session until its save lands, so a double click lands
once; the write comes first, then the confirmation is kept in the session and the page is
drawn again, so the row moves at once and the confirmation shows above it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id
from components.customer_view import customer_link
from components.filters import refuse_outside
from components.follow_ups_view import list_table, rule_caption
from components.format import format_date, md
from components.text import code_label, error_text, t
from components.url_state import coded
from components.views import built
from data import follow_ups as writes
from data.auth import User
from data.errors import HuddleDataError
from metrics.requests_follow_ups import FollowUpList, FollowUpPeople, LastFollowUpAction
from metrics.scope import Scope

ACTIONS = ("log", "snooze", "done", "reassign")
SAVED_KEY = "fu_saved"  # the confirmation of the last save, shown once after the rerun
DEFAULT_SNOOZE_DAYS = 7


def _submission_id(name: str) -> str:
    """This form's submission id: the same until its save lands (a repeat lands once)."""
    return st.session_state.setdefault(f"fu_sid_{name}", writes.new_submission_id())


def _landed(name: str, message: str) -> None:
    """After a save: a fresh id for the next submission, the confirmation, a fresh page."""
    st.session_state.pop(f"fu_sid_{name}", None)
    st.session_state[SAVED_KEY] = message
    st.rerun()


def _confirmation() -> None:
    message = st.session_state.pop(SAVED_KEY, None)
    if message:
        st.success(message, icon=":material/check_circle:")
        st.toast(message, icon=":material/check_circle:")


def _undo(user: User | None, as_of: date) -> None:
    """The user's last action, and the button that reverses exactly it."""
    last = cache.fetch(LastFollowUpAction(user_id=actor_id(user)))
    if last is None:
        return
    action = t(f"follow_ups.kind_done.{last['kind']}")
    customer = md(last["customer"] or f"#{last['customer_id']}")
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.caption(t("follow_ups.last_action", action=action, customer=customer))
    if right.button(t("follow_ups.undo"), key="fu_undo", help=t("follow_ups.undo_help")):
        try:
            writes.undo_last(
                cache.get_store(),
                submission_id=_submission_id("undo"),
                day=as_of,
                user_id=actor_id(user),
            )
        except HuddleDataError as error:
            st.error(error_text(error))
            return
        _landed("undo", t("follow_ups.saved.undo", action=action, customer=customer))


def person_options(people: pd.DataFrame) -> dict[int, str]:
    """Each person's option in the picker, by rep_id: name, team and how many are due. Built
    once per answer (components.views): a company of 2,000 people worded them on every rerun."""
    return {
        int(rep_id): t("follow_ups.person_option", name=name, team=team or "", due=due)
        for rep_id, name, team, due in zip(
            people["rep_id"], people["name"], people["team"], people["due"], strict=True
        )
    }


def _person(user: User | None, scope: Scope, people: pd.DataFrame, as_of: date) -> int | None:
    """Whose list: a rep's own; anyone else picks a person in scope (?rep=<rep_id>)."""
    asked = st.query_params.get("rep")
    if scope.kind == "rep":
        if asked and asked != str(scope.rep_id):
            refuse_outside(scope)  # a hand-edited URL naming someone else: said in words
        return scope.rep_id
    ids = [int(r) for r in people["rep_id"]]
    if asked and asked.isdigit() and int(asked) not in ids and scope.kind == "team":
        refuse_outside(scope)  # someone outside the lead's team: said in words
    if not ids:
        st.info(t("follow_ups.nobody"))
        return None
    options = built(person_options, FollowUpPeople(as_of=as_of, scope=scope))
    own = user.rep_id if user is not None and user.rep_id in options else ids[0]
    label = t("follow_ups.person")
    return coded(
        st.selectbox, label, ids, index=ids.index(own), key="rep", format_func=options.__getitem__
    )


def _log_form(user: User | None, customer_id: int, rep_id: int, as_of: date) -> bool:
    with st.form("fu_form_log", border=True):
        kind = st.selectbox(
            t("follow_ups.kind"), writes.CONTACT_KINDS,
            format_func=lambda k: code_label("activity", k), key="fu_kind",
        )  # fmt: skip
        outcome = st.selectbox(
            t("follow_ups.outcome"), writes.OUTCOMES,
            format_func=lambda o: t(f"follow_ups.outcome.{o}"), key="fu_outcome",
        )  # fmt: skip
        note = st.text_area(t("follow_ups.note"), max_chars=writes.MAX_NOTE, key="fu_note")
        set_next = st.checkbox(t("follow_ups.set_next"), key="fu_set_next")
        next_date = st.date_input(
            t("follow_ups.next_date"), value=as_of + timedelta(days=14), key="fu_next"
        )
        if not st.form_submit_button(t("follow_ups.submit"), type="primary"):
            return False
    contact_rep = user.rep_id if user is not None and user.rep_id is not None else rep_id
    writes.log_contact(
        cache.get_store(), submission_id=_submission_id("log"), customer_id=customer_id,
        rep_id=contact_rep, day=as_of, kind=kind, outcome=outcome, note=note,
        next_date=next_date if set_next else None, user_id=actor_id(user),
    )  # fmt: skip
    return True


def _snooze_form(user: User | None, customer_id: int, as_of: date) -> date | None:
    with st.form("fu_form_snooze", border=True):
        until = st.date_input(
            t("follow_ups.until"), value=as_of + timedelta(days=DEFAULT_SNOOZE_DAYS),
            key="fu_until",
        )  # fmt: skip
        reason = st.text_input(t("follow_ups.snooze_reason"), key="fu_reason")
        if not st.form_submit_button(t("follow_ups.submit"), type="primary"):
            return None
    writes.snooze(
        cache.get_store(), submission_id=_submission_id("snooze"), customer_id=customer_id,
        day=as_of, until=until, reason=reason, user_id=actor_id(user),
    )  # fmt: skip
    return until


def _done_form(user: User | None, customer_id: int, as_of: date) -> bool:
    with st.form("fu_form_done", border=True):
        st.caption(t("follow_ups.done_help"))
        if not st.form_submit_button(t("follow_ups.submit"), type="primary"):
            return False
    writes.mark_done(
        cache.get_store(), submission_id=_submission_id("done"), customer_id=customer_id,
        day=as_of, user_id=actor_id(user),
    )  # fmt: skip
    return True


def _reassign_form(
    user: User | None, customer_id: int, rep_id: int, people: pd.DataFrame, as_of: date
) -> int | None:
    others = {int(r): str(n) for r, n in zip(people["rep_id"], people["name"], strict=True)}
    others.pop(rep_id, None)
    if not others:
        st.info(t("follow_ups.no_colleague"))
        return None
    with st.form("fu_form_reassign", border=True):
        to = st.selectbox(t("follow_ups.to_rep"), list(others), format_func=others.get, key="fu_to")
        if not st.form_submit_button(t("follow_ups.submit"), type="primary"):
            return None
    writes.reassign(
        cache.get_store(), submission_id=_submission_id("reassign"), customer_id=customer_id,
        day=as_of, to_rep_id=int(to), from_rep_id=rep_id, allowed=set(others) | {rep_id},
        user_id=actor_id(user),
    )  # fmt: skip
    return int(to)


def _work(
    user: User | None, due: pd.DataFrame, rep_id: int, people: pd.DataFrame, as_of: date
) -> None:
    """Pick a row, then an action; a save shows its confirmation and moves the row."""
    st.subheader(t("follow_ups.work_heading"))
    rows = {int(r["customer_id"]): r for r in due.to_dict("records")}
    customer_id = st.selectbox(
        t("follow_ups.customer"), list(rows), key="fu_customer",
        format_func=lambda c: t(
            "follow_ups.customer_option", customer=rows[c]["customer"] or f"#{c}",
            due=format_date(rows[c]["due"]),
        ),
    )  # fmt: skip
    if customer_id is None:
        return
    name = str(rows[customer_id]["customer"] or f"#{customer_id}")
    customer_link(int(customer_id), name)  # the whole file, one click away before the call
    customer = md(name)
    action = st.segmented_control(
        t("follow_ups.action"), ACTIONS, default="log", key="fu_action",
        format_func=lambda a: t(f"follow_ups.action.{a}"),
    ) or "log"  # fmt: skip
    try:
        if action == "log":
            if _log_form(user, customer_id, rep_id, as_of):
                _landed("log", t("follow_ups.saved.log", customer=customer))
        elif action == "snooze":
            until = _snooze_form(user, customer_id, as_of)
            if until is not None:
                _landed("snooze", t("follow_ups.saved.snooze", customer=customer,
                                    until=format_date(until)))  # fmt: skip
        elif action == "done":
            if _done_form(user, customer_id, as_of):
                _landed("done", t("follow_ups.saved.done", customer=customer))
        else:
            to = _reassign_form(user, customer_id, rep_id, people, as_of)
            if to is not None:
                person = md(people.set_index("rep_id").loc[to, "name"])
                _landed("reassign", t("follow_ups.saved.reassign", customer=customer,
                                      person=person))  # fmt: skip
    except HuddleDataError as error:
        st.error(error_text(error))


def worklist(user: User | None, scope: Scope, as_of: date) -> None:
    """The whole page below the filters: the person, their list, the work form, the undo."""
    people = cache.fetch(FollowUpPeople(as_of=as_of, scope=scope))
    rep_id = _person(user, scope, people, as_of)
    if rep_id is None:
        return
    names = dict(zip(people["rep_id"], people["name"], strict=True))
    name = str(names.get(rep_id, f"#{rep_id}"))
    _confirmation()
    _undo(user, as_of)
    due = cache.fetch(FollowUpList(as_of=as_of, scope=scope, rep_id=rep_id))
    st.subheader(t("follow_ups.heading", person=md(name)))
    rule_caption()
    if due.empty:
        st.info(t("follow_ups.empty", person=md(name), day=format_date(as_of)))
        return
    overdue = int((due["overdue_days"] > 0).sum())
    st.markdown(t("follow_ups.summary", count=len(due), overdue=overdue))
    # one person's list is short: as tall as its rows (a long one scrolls past 20)
    height = "auto" if len(due) <= 20 else 740
    list_table(
        due, key="fu_list", with_owner=False, empty=t("follow_ups.standup_none"), height=height
    )
    _work(user, due, rep_id, people, as_of)
