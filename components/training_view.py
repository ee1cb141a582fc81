"""The Training page: completion per team and group, who is overdue, certifications to renew,
and one person's plan with the forms to add and update items (components/training_forms.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import current_user
from components.filters import GlobalFilters
from components.format import format_date, md
from components.text import t
from components.training_forms import (
    add_form,
    can_plan,
    day_text,
    item_table,
    person_items,
    plan_table,
    show_pending_toast,
    update_form,
)
from components.views import built
from metrics.filters import Filters
from metrics.requests_people import TeamPeople
from metrics.requests_training import TrainingItems, TrainingRates
from metrics.training import CERT_WARNING_DAYS, certificates_due, overdue

_PERSON_KEY = "training_person"


# --- overview -------------------------------------------------------------------------------


def rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    """The completion rates as shown: teams, their groups indented under them, rates in words."""
    return pd.DataFrame(
        {
            t("training.col.unit"): [
                str(n) if level == "team" else f"　└ {n}"
                for level, n in zip(rates["level"], rates["name"], strict=True)
            ],
            t("training.col.people"): rates["people"],
            t("training.col.items"): rates["items"],
            t("training.col.dropped"): rates["dropped"],
            t("training.col.rate"): [_rate_words(r) for r in rates.to_dict("records")],
        }
    )


def _rates(chosen: GlobalFilters) -> pd.DataFrame:
    """The completion table, with its rule in words; returns the rates shown."""
    st.subheader(t("training.rates.heading"))
    st.caption(t("training.rates.rule"))
    request = TrainingRates(filters=chosen.filters, as_of=chosen.as_of)
    rates = cache.fetch(request)
    if rates.empty:
        st.info(t("training.rates.none"))
        return rates
    st.dataframe(built(rates_table, request), hide_index=True, key="training_rates")
    return rates


def overdue_table(frame: pd.DataFrame, *, as_of: date) -> pd.DataFrame:
    """The overdue items as shown, with how many days late (empty: none overdue)."""
    late = overdue(frame)
    days = [(as_of - d).days for d in late["due_date"]]
    return item_table(late, person=True, extra={t("training.col.late"): days})


def _overdue(items: TrainingItems) -> None:
    st.subheader(t("training.overdue.heading"))
    st.caption(t("training.overdue.rule", day=format_date(items.as_of)))
    shown = built(overdue_table, items, as_of=items.as_of)
    if shown.empty:
        st.success(t("training.overdue.none"))
        return
    st.dataframe(shown, hide_index=True, key="training_overdue")


def _cert_words(state: str, days: int) -> str:
    if state == "expired":
        return t("training.cert.expired", days=-days)
    return t("training.cert.today") if days == 0 else t("training.cert.expiring", days=days)


def certs_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The certificates expired or expiring soon as shown (empty: none)."""
    due = certificates_due(frame)
    return pd.DataFrame(
        {
            t("training.col.person"): list(due["rep"]),
            t("training.col.title"): list(due["title"]),
            t("training.col.expires"): [day_text(d) for d in due["expires_on"]],
            t("training.col.left"): [
                _cert_words(s, int(d))
                for s, d in zip(due["cert_state"], due["days_left"], strict=True)
            ],
        }
    )


def _certs(items: TrainingItems) -> None:
    st.subheader(t("training.certs.heading"))
    st.caption(t("training.certs.rule", days=CERT_WARNING_DAYS))
    shown = built(certs_table, items)
    if shown.empty:
        st.success(t("training.certs.none", days=CERT_WARNING_DAYS))
        return
    st.dataframe(shown, hide_index=True, key="training_certs")


# --- one person's plan ----------------------------------------------------------------------


def _person(scope: Filters) -> dict[str, Any] | None:
    people = cache.fetch(TeamPeople(filters=scope))
    if people.empty:
        st.info(t("training.no_people"))
        return None
    rows = {int(r["rep_id"]): r for r in people.to_dict("records")}
    if st.session_state.get(_PERSON_KEY) not in (None, *rows):
        del st.session_state[_PERSON_KEY]  # someone outside this scope: start from the first
    rep_id = st.selectbox(
        t("training.person.pick"),
        list(rows),
        format_func=lambda r: str(rows[r]["rep"]),
        key=_PERSON_KEY,
    )
    return None if rep_id is None else rows[int(rep_id)]


def _rate_words(row: dict[str, Any] | None) -> str:
    if row is None or row["rate"] is None:
        return t("training.rates.blank")
    return t("training.rates.value", rate=row["rate"], done=row["done"], counted=row["counted"])


def _group_rate(rep: dict[str, Any], rates: pd.DataFrame) -> str:
    """The completion rate of the group the person sits in (their team, when they sit at team
    level), as on the table above, in words."""
    group, team = str(rep["group"]), str(rep["team"])
    level = "team" if group == team else "group"
    hits = rates[(rates["level"] == level) & (rates["name"] == group)]
    row = None if hits.empty else hits.iloc[0].to_dict()
    return t("training.person.rate", group=md(group), value=_rate_words(row))


def _person_section(scope: Filters, as_of: date, rates: pd.DataFrame) -> None:
    rep = _person(scope)
    if rep is None:
        return
    rep_id = int(rep["rep_id"])
    st.subheader(t("training.person.heading", person=md(rep["rep"])))
    st.markdown(_group_rate(rep, rates))
    items = person_items(rep_id, scope, as_of)
    plan_table(items)
    user = current_user()
    planner = can_plan()
    own = user is not None and user.role == "rep" and user.rep_id == rep_id
    if not planner and not own:
        st.caption(t("training.viewer_note"))
        return
    left, right = st.columns(2, gap="large")
    if planner:
        with left:
            st.markdown(f"**{t('training.add.heading')}**")
            add_form(f"tr-add-{rep_id}", rep, as_of)
    with right if planner else left:
        st.markdown(f"**{t('training.update.heading')}**")
        update_form(f"tr-upd-{rep_id}", items, rep_only=not planner)


def training_page(chosen: GlobalFilters) -> None:
    """The whole Training page below the title and the filters."""
    show_pending_toast()
    st.caption(t("training.caption"))
    scope = chosen.filters
    items = TrainingItems(filters=scope, as_of=chosen.as_of)
    rates = _rates(chosen)
    left, right = st.columns(2, gap="large")
    with left:
        _overdue(items)
    with right:
        _certs(items)
    st.divider()
    _person_section(scope, chosen.as_of, rates)
