"""The "Why?" link from a KPI card to the Explain page, every filter in the URL kept."""

from __future__ import annotations

import streamlit as st

from components.text import kpi_label, t
from metrics.explain import explainable

PAGE = "pages/explain.py"
# The Explain page's own parameters (codes): the KPI, what it is compared with, the split,
# and the person drilled into.
KPI_KEY, AGAINST_KEY, BY_KEY, REP_KEY = "kpi", "vs", "by", "rep"


def current_params() -> dict[str, list[str]]:
    """The URL's parameters as they are (filters and choices), each with all its values."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def explain_link(kpi_id: str, against: str | None = None) -> None:
    """The "Why?" link under a KPI card: the Explain page for this KPI (against the card's
    comparison when given), every filter kept."""
    if not explainable(kpi_id):
        return
    extra = {AGAINST_KEY: against} if against else {}
    st.page_link(
        PAGE,
        label=t("explain.why"),
        icon=":material/waterfall_chart:",
        help=t("explain.why_help", kpi=kpi_label(kpi_id)),
        query_params={**current_params(), KPI_KEY: kpi_id, **extra},
    )
