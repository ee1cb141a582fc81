"""The follow-up list (metrics.follow_ups) drawn three ways: compact on the stand-up, as a
table on Segments, and as one person's worklist on the Follow-ups page. All three read the
same list, so a person's follow-ups are the same wherever they are read; the rule is said in
words beside each."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.access import in_menu
from components.format import format_date, label_each, md, money_column_format
from components.tables import SHOWN_ROWS, table_with_download
from components.text import code_label, join_names, t
from components.url_state import coded
from components.views import built
from metrics.requests_follow_ups import FollowUpList

FOLLOW_UPS_PAGE = "pages/follow_ups.py"
# The global filters' URL keys (components/filters.py): a link to a person's list keeps them.
FILTER_KEYS = ("as_of", "period", "range", "team", "channel", "hide_leavers")
STANDUP_PEOPLE = 6  # lines on the stand-up, so the screen still fits 1920x1080
STANDUP_NAMES = 3  # customers named per person there


def person_params(rep_id: int) -> dict[str, str | list[str]]:
    """The URL of one person's list: ?rep=<rep_id> plus the global filters in the URL now."""
    kept: dict[str, str | list[str]] = {}
    for key in FILTER_KEYS:
        values = st.query_params.get_all(key)
        if values:
            kept[key] = values if len(values) > 1 else values[0]
    return {**kept, "rep": str(rep_id)}


def person_link(rep_id: int, name: str, *, short: bool = False) -> None:
    """One click to the person's list on the Follow-ups page (`short`: their name only, the
    sentence as its tooltip, for the stand-up's row of links)."""
    if not in_menu(FOLLOW_UPS_PAGE):  # a wall screen or a viewer: not their page
        return
    sentence = t("follow_ups.open_list", person=md(name))
    st.page_link(
        FOLLOW_UPS_PAGE,
        label=md(name) if short else sentence,
        icon=":material/call:",
        query_params=person_params(rep_id),
        help=sentence if short else None,
    )


def rule_caption() -> None:
    """Who is due, the rhythm per value tier, the order: the rule beside every list."""
    st.caption(t("follow_ups.rule"))


def standup_section(
    due: pd.DataFrame, people: pd.DataFrame, *, links: bool, folded: bool = False
) -> None:
    """The stand-up's compact view: per owner (`people`: the list's FollowUpOwners, most due
    first) how many are due and overdue, the first customers by name, and (`links`) a link
    to their list. `folded` (presenting, or a wall screen): the lines sit behind one line of
    counts, so the screen still fits."""
    st.markdown(f"#### :material/call: {t('follow_ups.standup_heading')}")
    if due.empty:
        st.markdown(f"_{t('follow_ups.standup_none')}_")
        return
    if folded:
        label = t(
            "follow_ups.standup_folded",
            count=len(due),
            overdue=int((due["overdue_days"] > 0).sum()),
            people=len(people),
        )
        with st.expander(label):
            _standup_lines(due, people)
        return
    _standup_lines(due, people)
    if links:  # one row of names, each opening that person's list
        with st.container(horizontal=True, wrap=True, gap="small"):
            for person in people.head(STANDUP_PEOPLE).itertuples():
                person_link(int(person.owner_rep_id), str(person.owner), short=True)


def _standup_lines(due: pd.DataFrame, people: pd.DataFrame) -> None:
    """One line per owner (`people`: due_by_owner of `due`), most due first, naming their
    first customers; the rule below."""
    owned = due.dropna(subset=["owner_rep_id"])
    lines = []
    for person in people.head(STANDUP_PEOPLE).itertuples():
        customers = owned.loc[owned["owner_rep_id"] == person.owner_rep_id, "customer"]
        names = join_names(md(c) for c in customers.head(STANDUP_NAMES))
        if person.due > STANDUP_NAMES:
            names += t("standup.and_more", count=int(person.due) - STANDUP_NAMES)
        lines.append(
            t(
                "follow_ups.standup_line",
                rep=md(person.owner),
                count=int(person.due),
                overdue=int(person.overdue),
                customers=names,
            )
        )
    if len(people) > STANDUP_PEOPLE:
        lines.append(t("standup.more_reps", count=len(people) - STANDUP_PEOPLE))
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.caption(t("follow_ups.standup_rule"))


def shown_frame(due: pd.DataFrame, *, with_owner: bool) -> pd.DataFrame:
    """The list as a table a lead reads: codes in words, headings in the reader's language."""
    # Each label once per distinct code or day (label_each): the whole company's list is long.
    tiers = label_each(due["tier"], lambda code: t(f"follow_ups.tier.{code}"))
    reasons = label_each(due["reason"], lambda code: t(f"follow_ups.reason.{code}"))
    segments = label_each(due["segment"], lambda code: code_label("segment", code))
    stages = label_each(
        due["open_deal_stage"], lambda c: None if c is None else code_label("stage", c)
    )
    columns = {
        "follow_ups.col.customer": due["customer"],
        # the customer file (pages/customer.py, ?customer=<customer_id>), beside the name
        "follow_ups.col.file": [f"customer?customer={int(c)}" for c in due["customer_id"]],
        **({"follow_ups.col.owner": due["owner"]} if with_owner else {}),
        "follow_ups.col.due": label_each(due["due"], format_date),
        "follow_ups.col.overdue": due["overdue_days"],
        "follow_ups.col.reason": reasons,
        "follow_ups.col.tier": tiers,
        "follow_ups.col.segment": segments,
        "follow_ups.col.revenue_12m": due["revenue_12m"],
        "follow_ups.col.last_contact": label_each(due["last_contact"], format_date),
        "follow_ups.col.last_order": label_each(
            due["last_order"], lambda d: None if d is None else format_date(d)
        ),
        "follow_ups.col.last_order_amount": due["last_order_amount"],
        "follow_ups.col.open_deal": stages,
        "follow_ups.col.open_deal_amount": due["open_deal_amount"],
        "follow_ups.col.open_complaint": due["open_complaint"],
    }
    return pd.DataFrame({t(key): list(values) for key, values in columns.items()})


def _column_config() -> dict[str, object]:
    money = st.column_config.NumberColumn(format=money_column_format())
    return {
        t("follow_ups.col.revenue_12m"): money,
        t("follow_ups.col.last_order_amount"): money,
        t("follow_ups.col.open_deal_amount"): money,
        t("follow_ups.col.file"): st.column_config.LinkColumn(
            display_text=t("follow_ups.open_file")
        ),
    }


def list_table(
    due: pd.DataFrame,
    *,
    key: str,
    with_owner: bool,
    empty: str,
    height: int | str = "auto",
    shown: pd.DataFrame | None = None,
) -> None:
    """The list as a table with a CSV download (the customer file one click away). By
    default as tall as its rows up to ten, then it scrolls: a short list has no blank rows.
    `shown`: the rows shown, as shown_rows built them, when the caller has them."""
    table_with_download(
        due,
        "huddle_follow_ups.csv",
        key=key,
        height=height,
        empty=empty,
        column_config=_column_config(),
        shape=lambda rows: shown_frame(rows, with_owner=with_owner),
        shown=shown,
    )


def owner_names(due: pd.DataFrame) -> dict[int, str]:
    """The list's owners by rep_id, in name order, for the owner filter."""
    owners = (
        due.dropna(subset=["owner_rep_id"])
        .drop_duplicates("owner_rep_id")
        .sort_values(["owner", "owner_rep_id"])
    )
    return {int(r): str(n) for r, n in zip(owners["owner_rep_id"], owners["owner"], strict=True)}


def _owners_rows(due: pd.DataFrame, owner: int) -> pd.DataFrame:
    """The list's rows of one owner (0: everyone's)."""
    return (due[due["owner_rep_id"] == owner] if owner else due).reset_index(drop=True)


def shown_rows(due: pd.DataFrame, *, owner: int) -> pd.DataFrame:
    """The first SHOWN_ROWS rows of `owner`'s part of the list (0: everyone's), as shown."""
    return shown_frame(_owners_rows(due, owner).head(SHOWN_ROWS), with_owner=True)


def segments_section(listed: FollowUpList) -> pd.DataFrame:
    """Segments' follow-up list (回访): the same list, filterable to one owner (kept in the URL
    as a rep_id), with a link to that owner's worklist. Returns the rows shown (the
    drill-down below opens the first). The owners and the rows shown are built once per
    answer (components.views): the company's list has 59,000 rows at 10M order lines."""
    st.subheader(t("segments.follow_up_heading"))
    rule_caption()
    names = built(owner_names, listed)
    everyone = t("follow_ups.everyone")  # once: not once per owner offered (1,290 at 10M)
    owner = coded(
        st.selectbox,
        t("follow_ups.segments_owner"),
        [0, *names],
        format_func=lambda r: names.get(r, everyone),
        key="seg_owner",
    )
    shown = _owners_rows(cache.fetch(listed), owner)
    list_table(
        shown,
        key="follow_up_table",
        with_owner=True,
        empty=t("follow_ups.standup_none"),
        shown=built(shown_rows, listed, owner=owner),
    )
    if owner:
        person_link(int(owner), names[int(owner)])
    return shown
