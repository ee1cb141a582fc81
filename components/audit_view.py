"""The Data page's audit log: the latest rows of data/audit.py's record, who by login, with a
formula-safe CSV download. The Data page is for admins only (components/access.py), so this
section is too."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.format import MISSING, format_datetime
from components.tables import table_with_download
from components.text import t
from data.audit import ACTIONS, OBJECT_TYPES
from metrics.requests_auth import AuditActors, AuditLog

SHOWN = 200  # the newest rows shown and downloaded; the table itself keeps every row


def _object(object_type: str, object_id: str | None) -> str:
    kind = t(f"audit.object.{object_type}") if object_type in OBJECT_TYPES else object_type
    return kind if object_id is None or pd.isna(object_id) else f"{kind} {object_id}"


def audit_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The audit rows as shown: when (UTC, to the minute), who by login (the words for no one
    signed in), action, object and details, under the reader's headings."""
    who = [
        login
        if isinstance(login, str)
        else (t("audit.nobody") if user_id is None or pd.isna(user_id) else f"#{int(user_id)}")
        for login, user_id in zip(rows["login"], rows["user_id"], strict=True)
    ]
    shown = pd.DataFrame(
        {
            t("audit.col.when"): [format_datetime(at) for at in rows["logged_at"]],
            t("audit.col.who"): who,
            t("audit.col.action"): [
                t(f"audit.action.{a}") if a in ACTIONS else a for a in rows["action"]
            ],
            t("audit.col.object"): [
                _object(kind, oid)
                for kind, oid in zip(rows["object_type"], rows["object_id"], strict=True)
            ],
            t("audit.col.details"): rows["details"].fillna(MISSING),
        }
    )
    return shown


def audit_section() -> None:
    """The latest audit rows, newest first, filtered by action and by who, with their CSV."""
    st.subheader(t("audit.header"))
    st.caption(t("audit.caption", limit=SHOWN))
    left, right = st.columns(2)
    actions = left.multiselect(
        t("audit.filter.actions"), list(ACTIONS), format_func=lambda a: t(f"audit.action.{a}"),
        placeholder=t("audit.filter.all"), key="data.audit.actions",
    )  # fmt: skip
    people = cache.fetch(AuditActors())
    names = {int(u): (login if isinstance(login, str) else t("audit.nobody"))
             for u, login in zip(people["user_id"], people["login"], strict=True)}  # fmt: skip
    who = right.selectbox(
        t("audit.filter.who"), [None, *names], format_func=lambda u: t("audit.filter.everyone")
        if u is None else names[u], key="data.audit.who",
    )  # fmt: skip
    rows = cache.fetch(AuditLog(limit=SHOWN, actions=tuple(actions), user_id=who))
    table_with_download(audit_table(rows), "audit-log.csv", key="data.audit", empty=t("audit.none"))
