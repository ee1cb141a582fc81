"""The stand-up's "To fix" (issue 20): every item names its owners (by rep_id, shown by name)
and opens its list: complaints by owner, overdue customers by owner with a link to that
person's follow-ups."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.format import md
from components.standup_controls import presenting
from components.standup_people import follow_ups_link
from components.text import join_names, t, t_count
from components.views import built
from metrics.requests import StandupContactParts, StandupScreen
from metrics.standup_help import owners
from metrics.standup_screen import StandupContacts, StandupData

# Owners named in an item's line (fewer on the shared screen); the rest are counted.
OWNERS_SHOWN = {False: 3, True: 2}


def _name(data: StandupData, rep_id: int | None) -> str:
    if rep_id is None:
        return t("standup.no_owner")
    return data.labels.get(int(rep_id), f"#{int(rep_id)}")


def owners_line(data: StandupData, frame: pd.DataFrame, column: str = "rep_id", *,
                presenting: bool = False) -> str:  # fmt: skip
    """ "Owners: Cai 2, Dee 1", most first, in Markdown (names escaped); fewer on the shared
    screen (`presenting`)."""
    counted = owners(frame, column)
    limit = OWNERS_SHOWN[presenting]
    shown = counted.head(limit)  # the rest are counted, not worded
    names = [
        t("standup.owner_count", rep=f"**{md(_name(data, r))}**", count=n)
        for r, n in zip(shown["rep_id"], shown["count"], strict=True)
    ]
    return t("standup.owners", owners=join_names(names, limit=limit, total=len(counted)))


def _complaints_table(data: StandupData, frame: pd.DataFrame, days: bool) -> pd.DataFrame:
    """The complaints, grouped by owner (most first), with the columns in words."""
    order = {r: i for i, r in enumerate(owners(frame)["rep_id"])}
    shown = frame.assign(
        _order=[order.get(None if pd.isna(r) else int(r), len(order)) for r in frame["rep_id"]],
        owner=[_name(data, None if pd.isna(r) else int(r)) for r in frame["rep_id"]],
    ).sort_values("_order", kind="stable")
    columns = {"owner": t("standup.col.owner"), "customer": t("standup.col.customer")}
    if days:
        columns["days_open"] = t("standup.col.days_open")
    columns["text"] = t("standup.col.complaint")
    return shown[list(columns)].rename(columns=columns)


@dataclass(frozen=True)
class AtRiskOwner:
    """One owner's line of overdue customers (Markdown), and whose follow-ups it links to."""

    line: str
    rep_id: int | None
    link_label: str


def _at_risk_by_owner(data: StandupData, at_risk: pd.DataFrame) -> tuple[AtRiskOwner, ...]:
    """Each owner's overdue customers, in the list's order, most overdue owners first."""
    counted = owners(at_risk, "owner_rep_id")
    # Each owner's customers in the list's order, in one pass (not one pass per owner).
    theirs: dict[int | None, list[str]] = {}
    for owner, customer in zip(at_risk["owner_rep_id"], at_risk["customer"], strict=True):
        theirs.setdefault(None if pd.isna(owner) else int(owner), []).append(customer)
    return tuple(
        AtRiskOwner(
            line=f"**{md(_name(data, rep_id))}** ({count}): "
            + join_names((md(c) for c in theirs[rep_id]), limit=4),
            rep_id=rep_id,
            link_label=t("standup.follow_ups_link") + f" · {md(_name(data, rep_id))}",
        )
        for rep_id, count in zip(counted["rep_id"], counted["count"], strict=True)
    )


@dataclass(frozen=True)
class FixList:
    """The "To fix" panel as it is drawn: each complaints list (its line and table), the
    customers at risk (their line and owners), the people behind two weeks running."""

    complaints: tuple[tuple[str, pd.DataFrame], ...] = ()
    at_risk_line: str | None = None
    at_risk: tuple[AtRiskOwner, ...] = ()
    behind_line: str | None = None


def fix_list(data: StandupData, contacts: StandupContacts, *, presenting: bool) -> FixList:
    """The panel's lines and tables, built once per answer (components.views): worked out on
    every rerun they were a quarter of a 2,000-person stand-up's."""
    new = data.lists["new_complaints"]
    overdue = data.lists["overdue_complaints"]
    behind = data.lists["reps_behind_pace"]
    at_risk = contacts.customers_at_risk
    complaints = []
    if len(new):
        line = t_count("standup.new_complaints", len(new))
        complaints.append((
            f"{line} · {owners_line(data, new, presenting=presenting)}",
            _complaints_table(data, new, days=False),
        ))  # fmt: skip
    if len(overdue):
        oldest = int(overdue["days_open"].max())
        line = t_count("standup.overdue_complaints", len(overdue), days=oldest)
        complaints.append((
            f"{line} · {owners_line(data, overdue, presenting=presenting)}",
            _complaints_table(data, overdue, days=True),
        ))  # fmt: skip
    at_risk_line = None
    if len(at_risk):
        if presenting:  # the names are one click away, in the list by owner
            line = t_count("standup.at_risk_count", len(at_risk))
        else:
            names = join_names(md(name) for name in at_risk["customer"].head(3))
            line = t_count("standup.at_risk", len(at_risk), names=names)
        owned = owners_line(data, at_risk, "owner_rep_id", presenting=presenting)
        at_risk_line = f"{line} · {owned}"
    behind_line = None
    if len(behind):  # the people are the owners: named in the line itself
        names = join_names(md(name) for name in behind["rep"].head(4))
        behind_line = f"- {t_count('standup.behind_two_weeks', len(behind), names=names)}"
    return FixList(
        complaints=tuple(complaints),
        at_risk_line=at_risk_line,
        at_risk=_at_risk_by_owner(data, at_risk) if len(at_risk) else (),
        behind_line=behind_line,
    )


def fix_panel(screen: StandupScreen, contact_parts: StandupContactParts) -> None:
    """New and overdue complaints, customers at risk (read apart from the rest:
    metrics.standup_screen.contact_parts), people behind two weeks running: each with its
    owners, opening to its list."""
    st.markdown(f"#### :material/report: {t('standup.problems_heading')}")
    shown = built(fix_list, (screen, contact_parts), presenting=presenting())
    if not (shown.complaints or shown.at_risk_line or shown.behind_line):
        st.markdown(f"_{t('standup.no_problems')}_")
        return
    for line, table in shown.complaints:
        with st.expander(line):
            st.dataframe(
                table, hide_index=True, width="stretch", height=min(36 * (len(table) + 1) + 2, 260)
            )
    if shown.at_risk_line is not None:
        with st.expander(shown.at_risk_line):
            for owner in shown.at_risk:
                st.markdown(owner.line)
                if owner.rep_id is not None:
                    follow_ups_link(owner.rep_id, owner.link_label)
    if shown.behind_line is not None:
        st.markdown(shown.behind_line)
