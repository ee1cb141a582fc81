"""Segments' one-customer picker. Up to PICKER_ALL customers in scope, it offers every one
(type to filter); a bigger company's list would be too long to send to the browser on every
rerun, so there it offers the customers listed on the page, and a search box finds any other
in the database (metrics.customer_file.search, as the customer file page does)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.format import md
from components.text import t
from metrics.filters import Filters
from metrics.requests_customers import CustomerSearch
from metrics.requests_people import AllCustomers, ManyCustomers

PICKER_ALL = 5_000  # customers in scope the picker offers in full
PICKER_LISTED = 500  # over that: the first customers listed on the page it offers
SEARCH_KEY = "seg_customer_search"


def customer_choices(everyone: pd.DataFrame, *lists: pd.DataFrame) -> dict[int, str]:
    """The one-customer picker's options, customer_id -> what it shows: the customers listed
    above (`lists`, in their order) first, then every other customer in scope (`everyone`,
    lookups.customers: by name). Keyed by id, so two customers of one name stay two."""
    named = {int(c): str(n) for c, n in zip(everyone["customer_id"], everyone["customer"],
                                            strict=True)}  # fmt: skip
    listed = [int(c) for f in lists if not f.empty for c in f["customer_id"]]
    first = [c for c in dict.fromkeys(listed) if c in named]
    listed_first = set(first)  # once: the follow-up list alone can hold 60,000 customers
    return {c: named[c] for c in [*first, *(c for c in named if c not in listed_first)]}


def distinct_labels(pairs: list[tuple[int, str]]) -> dict[int, str]:
    """customer_id -> name, in the pairs' order, the first of each id kept; a name two
    customers share gets " (#id)" after it, so the picker never offers two identical entries
    (as lookups.customers does)."""
    kept = dict(pairs)
    counts: dict[str, int] = {}
    for name in kept.values():
        counts[name] = counts.get(name, 0) + 1
    return {c: f"{n} (#{c})" if counts[n] > 1 else n for c, n in kept.items()}


def listed_choices(*lists: pd.DataFrame) -> dict[int, str]:
    """The first PICKER_LISTED customers listed on the page (`lists`: frames with
    customer_id and customer), in their order."""
    pairs: dict[int, str] = {}
    for frame in lists:
        if frame.empty:
            continue
        for customer_id, name in zip(frame["customer_id"], frame["customer"], strict=True):
            pairs.setdefault(int(customer_id), str(name))
            if len(pairs) >= PICKER_LISTED:
                return distinct_labels(list(pairs.items()))
    return distinct_labels(list(pairs.items()))


def picker_options(scope: Filters, *lists: pd.DataFrame) -> tuple[dict[int, str], str]:
    """The picker's options (customer_id -> label; empty when there is nobody to offer, and
    why is said on screen) and the picker's help: what it offers."""
    if not cache.fetch(ManyCustomers(filters=scope, count=PICKER_ALL)):
        everyone = cache.fetch(AllCustomers(filters=scope))
        if everyone.empty:
            st.info(t("segments.no_candidates"))
        names = customer_choices(everyone, *lists)
        return names, t("segments.customer_help", count=len(names))
    words = st.text_input(
        t("segments.customer_search"),
        key=SEARCH_KEY,
        placeholder=t("customer.search_placeholder"),
        help=t("customer.search_help"),
    ).strip()
    if not words:
        names = listed_choices(*lists)
        st.caption(t("segments.customer_many", count=PICKER_ALL, listed=len(names)))
        if not names:
            st.info(t("segments.customer_search_start"), icon=":material/search:")
        return names, t("segments.customer_help_listed")
    found, total = cache.fetch(CustomerSearch(scope=scope.scope, words=words))
    if found.empty:
        st.info(t("customer.search_none", words=md(words)))
        return {}, ""
    key = "customer.search_more" if total > len(found) else "customer.search_count"
    st.caption(t(key, shown=len(found), total=total))
    pairs = zip(found["customer_id"], found["customer"], strict=True)
    return distinct_labels([(int(c), str(n)) for c, n in pairs]), t("segments.customer_help_found")
