"""The stand-up's "To fix" (issue 20): every item names its owners (by rep_id, shown by name)
and opens its list: complaints by owner, overdue customers by owner with a link to that
person's follow-ups."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.format import md
from components.standup_controls import presenting
from components.standup_people import follow_ups_link
from components.text import join_names, t, t_count
from metrics.standup_help import owners
from metrics.standup_screen import StandupData

# Owners named in an item's line (fewer on the shared screen); the rest are counted.
OWNERS_SHOWN = {False: 3, True: 2}


def _name(data: StandupData, rep_id: int | None) -> str:
    if rep_id is None:
        return t("standup.no_owner")
    return data.labels.get(int(rep_id), f"#{int(rep_id)}")


def owners_line(data: StandupData, frame: pd.DataFrame, column: str = "rep_id") -> str:
    """ "Owners: Cai 2, Dee 1", most first, in Markdown (names escaped)."""
    counted = owners(frame, column)
    limit = OWNERS_SHOWN[presenting()]
    shown = counted.head(limit)  # the rest are counted, not worded
    names = [
        t("standup.owner_count", rep=f"**{md(_name(data, r))}**", count=n)
        for r, n in zip(shown["rep_id"], shown["count"], strict=True)
    ]
    return t("standup.owners", owners=join_names(names, limit=limit, total=len(counted)))


def _complaints_table(data: StandupData, frame: pd.DataFrame, days: bool) -> None:
    """The complaints, grouped by owner (most first), as a small table."""
    order = {r: i for i, r in enumerate(owners(frame)["rep_id"])}
    shown = frame.assign(
        _order=[order.get(None if pd.isna(r) else int(r), len(order)) for r in frame["rep_id"]],
        owner=[_name(data, None if pd.isna(r) else int(r)) for r in frame["rep_id"]],
    ).sort_values("_order", kind="stable")
    columns = {"owner": t("standup.col.owner"), "customer": t("standup.col.customer")}
    if days:
        columns["days_open"] = t("standup.col.days_open")
    columns["text"] = t("standup.col.complaint")
    st.dataframe(
        shown[list(columns)].rename(columns=columns),
        hide_index=True,
        width="stretch",
        height=min(36 * (len(shown) + 1) + 2, 260),
    )


def _at_risk_by_owner(data: StandupData, at_risk: pd.DataFrame) -> None:
    """Each owner's overdue customers, with a link to their follow-ups."""
    counted = owners(at_risk, "owner_rep_id")
    # Each owner's customers in the list's order, in one pass (not one pass per owner).
    theirs: dict[int | None, list[str]] = {}
    for owner, customer in zip(at_risk["owner_rep_id"], at_risk["customer"], strict=True):
        theirs.setdefault(None if pd.isna(owner) else int(owner), []).append(customer)
    for rep_id, count in zip(counted["rep_id"], counted["count"], strict=True):
        customers = join_names((md(c) for c in theirs[rep_id]), limit=4)
        st.markdown(f"**{md(_name(data, rep_id))}** ({count}): {customers}")
        if rep_id is not None:
            follow_ups_link(
                rep_id,
                t("standup.follow_ups_link") + f" · {md(_name(data, rep_id))}",
            )


def fix_panel(data: StandupData, at_risk: pd.DataFrame) -> None:
    """New and overdue complaints, customers at risk (`at_risk`, read apart from the rest:
    metrics.standup_screen.contact_parts), people behind two weeks running: each with its
    owners, opening to its list."""
    st.markdown(f"#### :material/report: {t('standup.problems_heading')}")
    new = data.lists["new_complaints"]
    overdue = data.lists["overdue_complaints"]
    behind = data.lists["reps_behind_pace"]
    if not (len(new) or len(overdue) or len(at_risk) or len(behind)):
        st.markdown(f"_{t('standup.no_problems')}_")
        return
    if len(new):
        line = t_count("standup.new_complaints", len(new))
        with st.expander(f"{line} · {owners_line(data, new)}"):
            _complaints_table(data, new, days=False)
    if len(overdue):
        oldest = int(overdue["days_open"].max())
        line = t_count("standup.overdue_complaints", len(overdue), days=oldest)
        with st.expander(f"{line} · {owners_line(data, overdue)}"):
            _complaints_table(data, overdue, days=True)
    if len(at_risk):
        if presenting():  # the names are one click away, in the list by owner
            line = t_count("standup.at_risk_count", len(at_risk))
        else:
            names = join_names(md(name) for name in at_risk["customer"].head(3))
            line = t_count("standup.at_risk", len(at_risk), names=names)
        with st.expander(f"{line} · {owners_line(data, at_risk, 'owner_rep_id')}"):
            _at_risk_by_owner(data, at_risk)
    if len(behind):  # the people are the owners: named in the line itself
        names = join_names(md(name) for name in behind["rep"].head(4))
        st.markdown(f"- {t_count('standup.behind_two_weeks', len(behind), names=names)}")
