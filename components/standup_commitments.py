"""Stand-up commitments (issue 20): the previous stand-up's, with whether each was done (ticked
here), and today's, recorded in a small form: who (rep_id) will do what by when, with an
optional customer or deal.

Writes go through data.commitments, one transaction each with its audit row. A form's
submission id is derived from this session's form token and what was entered, so a double
click (two runs of the same submission) lands once. A viewer, a rep and a wall screen read.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import cache
from components.auth_session import actor_id, current_user
from components.format import format_date, format_weekday, md
from components.standup_controls import on_wall_screen, presenting
from components.text import error_text, t
from data.commitments import (
    MAX_WHAT,
    CommitmentInvalid,
    CommitmentNotFound,
    NewCommitment,
    add_commitment,
    new_submission_id,
    set_done,
)
from metrics.commitments import TYPED_MATCHES
from metrics.filters import Filters
from metrics.requests_commitments import (
    CommitmentChoices,
    PersonCommitments,
    StandupCommitments,
    TypedCustomer,
    TypedDeal,
)
from metrics.scope import Scope

WRITERS = frozenset({"admin", "manager", "lead"})  # who records and ticks commitments
FORM_KEY = "standup-commit"
# The form is drawn under a new key after each saved commitment, so it comes back empty;
# a refused one keeps everything typed (a form cleared on every submit would lose it).
FORM_ROUND_KEY = "standup-commit-round"
TOKEN_KEY = "standup-commit-token"  # one per session: part of every submission id
NOTICE_KEY = "standup-commit-notice"  # a confirmation to show after the rerun
FORM_CHOICES = 5_000  # customers (or open deals) the form offers as a list; past it, typed


def can_write() -> bool:
    """True for a signed-in admin, manager or lead (sign-in off: this machine's admin)."""
    if on_wall_screen():
        return False
    user = current_user()
    return user is not None and user.role in WRITERS


def _line(row: pd.Series) -> str:
    """ "**Cai**: call Elm back · by 5 Dec 2024 · Elm", user text escaped."""
    line = t(
        "standup.commit_line",
        rep=md(row["rep"]),
        what=md(row["what"]),
        due=format_date(row["due_date"]),
    )
    about = row["customer"] or row["deal_id"]
    return line + (t("standup.commit_about", customer=md(about)) if about else "")


def _tick(commitment_id: str, key: str) -> None:
    """A done box changed: record it (one transaction, its audit row), then say so."""
    done = bool(st.session_state[key])
    try:
        set_done(
            cache.get_store(),
            commitment_id,
            done=done,
            event_id=new_submission_id(),
            actor=actor_id(current_user()),
        )
    except CommitmentNotFound as error:
        st.session_state[NOTICE_KEY] = ("error", error_text(error))
        return
    st.session_state[NOTICE_KEY] = (
        "ok",
        t("standup.commit_ticked" if done else "standup.commit_unticked"),
    )


def _done_boxes(frame: pd.DataFrame, writable: bool) -> None:
    for row in frame.to_dict("records"):
        if not writable:
            mark = ":material/check_box:" if row["done"] else ":material/check_box_outline_blank:"
            st.markdown(f"{mark} {_line(pd.Series(row))}")
            continue
        key = f"standup-done-{row['commitment_id']}"
        st.session_state.setdefault(key, bool(row["done"]))
        st.checkbox(
            _line(pd.Series(row)),
            key=key,
            on_change=_tick,
            args=(row["commitment_id"], key),
        )


def _show_notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice is None:
        return
    kind, text = notice
    if kind == "ok":
        st.toast(text, icon=":material/check_circle:")
        st.success(text)
    else:
        st.error(text)


def previous_commitments(scope: Filters, as_of: date) -> None:
    """The stand-up opens with the previous stand-up day's commitments and whether each was
    done (folded behind its count on the shared screen)."""
    data = cache.fetch(StandupCommitments(filters=scope, day=as_of))
    if data.previous_day is None:
        if not presenting():  # nothing to review: the shared screen spends no line on it
            st.caption(t("standup.no_previous"))
        return
    previous = data.previous
    day = data.previous_day
    label = t(
        "standup.previous_fold",
        day=f"{format_weekday(day, short=True)} {format_date(day)}",
        done=int(previous["done"].sum()),
        total=len(previous),
    )
    with st.expander(f":material/task_alt: {label}", expanded=not presenting()):
        _done_boxes(previous, can_write())


def _submission_id(values: dict[str, object]) -> str:
    token = st.session_state.setdefault(TOKEN_KEY, uuid.uuid4().hex)
    content = json.dumps([token, values], sort_keys=True, default=str)
    return hashlib.sha256(content.encode()).hexdigest()


def _typed_customer(scope: Filters, typed: str) -> int | None:
    """The customer whose name or number was typed (None when nothing was); refused
    (CommitmentInvalid) when it names nobody the form offers, or several customers."""
    if not typed.strip():
        return None
    found = cache.fetch(TypedCustomer(filters=scope, words=typed))
    if found.empty:
        raise CommitmentInvalid.of("commitment.typed_customer_none", typed=md(typed.strip()))
    if len(found) > 1:
        shown = found.head(TYPED_MATCHES)
        numbers = ", ".join(f"#{int(c)}" for c in shown["customer_id"])
        if len(found) > TYPED_MATCHES:
            numbers += ", …"
        raise CommitmentInvalid.of(
            "commitment.typed_customer_several", typed=md(typed.strip()), numbers=numbers
        )
    return int(found["customer_id"].iloc[0])


def _typed_deal(scope: Filters, as_of: date, typed: str) -> str | None:
    """The open deal whose id was typed (None when nothing was); refused (CommitmentInvalid)
    when no open deal the form offers has that id."""
    if not typed.strip():
        return None
    found = cache.fetch(TypedDeal(filters=scope, day=as_of, words=typed))
    if found.empty:
        raise CommitmentInvalid.of("commitment.typed_deal_none", typed=md(typed.strip()))
    return str(found["deal_id"].iloc[0])


def _field(
    column: DeltaGenerator,
    kind: str,
    options: dict[Any, str],
    label: Callable[[Any], str],
    *,
    typed: bool,
) -> Any:
    """The form's optional customer or deal (`kind`): picked from `options`, or typed when
    there are too many to list (past FORM_CHOICES)."""
    if typed:
        return column.text_input(
            t(f"standup.commit_{kind}_typed"), help=t(f"standup.commit_{kind}_typed_help")
        )
    return column.selectbox(
        t(f"standup.commit_{kind}"),
        list(options),
        index=None,
        format_func=label,
        placeholder=t("standup.commit_none_placeholder"),
    )


def _form(scope: Filters, as_of: date) -> None:
    people, customers, deals = cache.fetch(
        CommitmentChoices(filters=scope, day=as_of, limit=FORM_CHOICES + 1)
    )
    if people.empty:
        st.caption(t("standup.commit_no_people"))
        return
    names = dict(zip(people["rep_id"].astype(int), people["rep"], strict=True))
    # Past FORM_CHOICES customers (or open deals) the field is typed, not picked: a list of
    # 200,000 names sent on every rerun slowed the whole stand-up down.
    type_customer = len(customers) > FORM_CHOICES
    type_deal = len(deals) > FORM_CHOICES
    customer_names = dict(
        zip(customers["customer_id"].astype(int), customers["customer"], strict=True)
    )
    deal_names = dict(zip(deals["deal_id"], deals["customer"], strict=True))
    form_round = st.session_state.get(FORM_ROUND_KEY, 0)
    with st.form(f"{FORM_KEY}-{form_round}", border=False):
        who = st.selectbox(
            t("standup.commit_who"),
            list(names),
            index=None,
            format_func=lambda r: names[r],
            placeholder=t("standup.commit_who_placeholder"),
        )
        what = st.text_input(t("standup.commit_what"), max_chars=MAX_WHAT)
        when = st.date_input(
            t("standup.commit_when"), value=as_of + timedelta(days=1), min_value=as_of
        )
        left, right = st.columns(2)
        customer = _field(left, "customer", customer_names, lambda c: customer_names[c],
                          typed=type_customer)  # fmt: skip
        deal = _field(right, "deal", deal_names, lambda d: f"{d} · {deal_names[d] or ''}",
                      typed=type_deal)  # fmt: skip
        submitted = st.form_submit_button(t("standup.commit_submit"), type="primary")
    if not submitted:
        return
    if who is None:
        st.error(t("commitment.who_required"))
        return
    try:
        customer = _typed_customer(scope, customer) if type_customer else customer
        deal = _typed_deal(scope, as_of, deal) if type_deal else deal
    except CommitmentInvalid as refused:  # typed, and names no one offered: nothing saved
        st.error(error_text(refused))
        return
    item = NewCommitment(
        standup_day=as_of,
        rep_id=int(who),
        what=what or "",
        due_date=when if isinstance(when, date) else as_of,
        team_id=scope.team_id,
        customer_id=None if customer is None else int(customer),
        deal_id=deal,
    )
    sid = _submission_id({"day": as_of, "rep": item.rep_id, "what": item.what.strip(),
                          "due": item.due_date, "customer": item.customer_id,
                          "deal": item.deal_id})  # fmt: skip
    try:
        add_commitment(cache.get_store(), item, submission_id=sid, actor=actor_id(current_user()))
    except CommitmentInvalid as error:
        st.error(error_text(error))
        return
    # Written first; then the confirmation, shown after the rerun that shows the new row too.
    st.session_state[NOTICE_KEY] = ("ok", t("standup.commit_saved", rep=names[item.rep_id]))
    st.session_state[FORM_ROUND_KEY] = form_round + 1  # saved: an empty form next
    st.rerun()


def todays_commitments(scope: Filters, as_of: date) -> None:
    """Today's commitments and the form to record one; on the shared screen both are folded
    behind one line with the count, so the screen stays one screen."""
    _show_notice()
    data = cache.fetch(StandupCommitments(filters=scope, day=as_of))
    writable = can_write()
    label = t("standup.today_fold", count=len(data.today))
    if presenting():
        with st.expander(f":material/handshake: {label}"):
            st.caption(t("standup.commit_rule"))
            _done_boxes(data.today, writable)
            if writable:
                st.markdown(f"**{t('standup.commit_form')}**")
                _form(scope, as_of)
        return
    st.markdown(f"#### :material/handshake: {t('standup.commitments_heading')}")
    st.caption(t("standup.commit_rule"))
    if len(data.today):
        with st.expander(label, expanded=True):
            _done_boxes(data.today, writable)
    if writable:
        with st.expander(f":material/add: {t('standup.commit_form')}", expanded=False):
            _form(scope, as_of)


def review_commitments(rep_id: int, period: tuple[date, date], scope: Scope) -> None:
    """A person's stand-up commitments recorded or due in a review's period, read-only: what,
    by when, done or not (components.review_form shows it beside the KPIs)."""
    frame = cache.fetch(
        PersonCommitments(rep_id=rep_id, start=period[0], end=period[1], scope=scope)
    )
    st.markdown(f"##### :material/handshake: {t('standup.review_commitments')}")
    if frame.empty:
        st.caption(t("standup.review_commitments_none"))
        return
    lines = [
        t(
            "standup.review_commitment_line",
            day=format_date(row["standup_day"]),
            what=md(row["what"]),
            due=format_date(row["due_date"]),
            state=t("standup.state.done" if row["done"] else "standup.state.open"),
        )
        for row in frame.to_dict("records")
    ]
    st.markdown("\n".join(f"- {line}" for line in lines))
