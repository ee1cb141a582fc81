"""The customer file page (客户档案): find a customer, then their file (owner, value, segment
history, timeline) and what the team writes about them (customer_notes_view)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components import cache
from components.format import format_date, format_value, md, money_column_format
from components.tables import table_with_download
from components.text import code_label, column_label, error_text, t
from metrics.requests_customers import CustomerFile, CustomerSearch
from metrics.scope import OutOfScope, Scope

PAGE = "pages/customer.py"
CUSTOMER_KEY = "customer"  # the URL parameter: ?customer=<customer_id>
SEARCH_KEY = "customer_search"


def link_params(customer_id: int) -> dict[str, str]:
    """The query parameters of a link to `customer_id`'s file: the filters in the URL now (a
    drill-down keeps them) plus customer=<id>."""
    kept = {k: v for k, v in st.query_params.to_dict().items() if k != CUSTOMER_KEY}
    return {**kept, CUSTOMER_KEY: str(int(customer_id))}


def customer_link(customer_id: int, name: str) -> None:
    """A link to the customer's file, keeping the filters."""
    st.page_link(
        PAGE,
        label=t("customer.link", customer=md(name)),
        icon=":material/contact_page:",
        query_params=link_params(customer_id),
    )


def asked_customer() -> int | None:
    """The customer named in the URL (?customer=<id>), None when none or not a number."""
    raw = st.query_params.get(CUSTOMER_KEY, "")
    return int(raw) if raw.isdigit() else None


def _open(customer_id: int) -> None:
    st.query_params[CUSTOMER_KEY] = str(customer_id)


def search_box(scope: Scope) -> None:
    """The search: customers in scope by name, city, tag or phone; a button opens each."""
    words = st.text_input(
        t("customer.search"),
        key=SEARCH_KEY,
        placeholder=t("customer.search_placeholder"),
        help=t("customer.search_help"),
    )
    if not words.strip():
        if asked_customer() is None:
            st.info(t("customer.start"), icon=":material/search:")
        return
    found, total = cache.fetch(CustomerSearch(scope=scope, words=words.strip()))
    if found.empty:
        st.info(t("customer.search_none", words=md(words.strip())))
        return
    for row in found.itertuples(index=False):
        facts = [md(row.city)] if row.city else []
        facts += [f"{t('customer.col.tags')}: {md(row.tags)}"] if row.tags else []
        facts += [f"{t('customer.col.matched')}: {t(f'customer.matched.{row.matched}')}"]
        left, right = st.columns([1, 4], vertical_alignment="center")
        left.button(
            md(row.customer),
            key=f"customer_open_{row.customer_id}",
            on_click=_open,
            args=(int(row.customer_id),),
            width="stretch",
        )
        right.caption(" · ".join(facts))
    key = "customer.search_more" if total > len(found) else "customer.search_count"
    st.caption(t(key, shown=len(found), total=total))


def _stage(stage: str) -> str:
    return t("customer.stage_none") if stage == "none" else code_label("lifecycle", stage)


def _head(summary: dict, history: pd.DataFrame, as_of: date) -> None:
    st.header(md(summary["name"]))
    if summary["owner_rep_id"] is None:
        owner = t("customer.owner_none")
    else:
        owner = md(summary["owner"])
        if summary["owner_from"] in ("latest_sale", "handed"):  # metrics/customer_owner
            owner += " " + t(f"customer.owner_from_{summary['owner_from']}")
    facts = [f"**{t('customer.owner')}:** {owner}"]
    if summary["city"]:
        facts.append(f"**{column_label('city')}:** {md(summary['city'])}")
    st.markdown("  ·  ".join(facts))
    now = history.iloc[-1]
    day = format_date(as_of)
    # Two numbers as metrics; the segment and stage as words (a metric cuts "Potential
    # loyalists" short), with the rule they follow beside them.
    left, right = st.columns(2)
    left.metric(
        t("customer.revenue"),
        format_value(summary["revenue_cents"] / 100, "money", cents=True),
        help=t("customer.revenue_help", day=day),
    )
    right.metric(
        t("customer.orders"), f"{summary['orders']:,}", help=t("customer.orders_help", day=day)
    )
    segment = t("segment." + str(now["segment"]))
    st.markdown(
        f"**{t('customer.segment_now')}:** {segment}  ·  "
        f"**{t('customer.stage_now')}:** {_stage(now['stage'])}"
    )
    said = [t("customer.segment_help", day=day)]
    if summary["first_order"] is not None:
        said.append(
            f"{t('customer.first_last')}: {format_date(summary['first_order'])} – "
            f"{format_date(summary['last_order'])}"
        )
    st.caption("  \n".join(said))


def _history(history: pd.DataFrame, as_of: date) -> None:
    st.subheader(t("customer.history_heading"))
    st.caption(t("customer.history_caption", months=len(history), day=format_date(as_of)))
    table = pd.DataFrame({
        t("customer.col.month_end"): [format_date(d) for d in history["day"]],
        t("customer.col.segment"): [t(f"segment.{s}") for s in history["segment"]],
        t("customer.col.stage"): [_stage(s) for s in history["stage"]],
    })  # fmt: skip
    st.dataframe(table, hide_index=True, key="customer_history")


_KIND_PREFIX = {"order": "status", "deal": "stage", "activity": "activity", "feedback": "feedback"}


def _timeline(events: pd.DataFrame, since: date | None, customer_id: int) -> None:
    st.subheader(t("customer.timeline_heading"))
    st.caption(t("customer.timeline_caption"))
    if since is not None:
        st.caption(t("customer.timeline_since", day=format_date(since)))
    if events.empty:
        st.info(t("customer.timeline_none"))
        return
    what = [
        f"{t(f'customer.source.{s}')}: {_kind_words(s, k)}"
        for s, k in zip(events["source"], events["kind"], strict=True)
    ]
    details = []
    for row in events.itertuples(index=False):
        parts = [str(p) for p in (row.rep, row.text) if p]
        if row.resolved is not None:
            parts.append(f"{column_label('resolved')} {format_date(row.resolved)}")
        details.append(" · ".join(parts) or None)
    table = pd.DataFrame({
        column_label("day"): events["day"],
        t("customer.col.what"): what,
        t("customer.col.reference"): events["reference"],
        column_label("amount"): pd.to_numeric(events["amount"]),
        t("customer.col.details"): details,
    })  # fmt: skip
    table_with_download(
        table,
        f"huddle_customer_{customer_id}_timeline.csv",
        key="customer_timeline",
        height=400,
        column_config={
            column_label("amount"): st.column_config.NumberColumn(format=money_column_format())
        },
    )


def _kind_words(source: str, kind: str) -> str:
    from components.segments_view import _code_in_words  # the one reader of "2 completed, …"

    return str(_code_in_words(_KIND_PREFIX[source], kind))


def customer_file(customer_id: int, scope: Scope, as_of: date) -> str | None:
    """The customer's file; returns their name, or None (after saying why) when the customer
    is unknown or outside the user's scope."""
    try:
        data = cache.fetch(CustomerFile(customer_id=customer_id, as_of=as_of, scope=scope))
    except OutOfScope as error:
        st.error(t("customer.refused", reason=error_text(error)), icon=":material/block:")
        return None
    if data is None:
        st.warning(t("customer.unknown", customer_id=customer_id))
        return None
    _head(data["summary"], data["history"], as_of)
    _history(data["history"], as_of)
    _timeline(data["timeline"], data["since"], customer_id)
    return str(data["summary"]["name"])
