"""The month's weekly summaries beside the monthly evaluation form (components/review_form.py):
an expander listing the person's summaries of the weeks that start in the month."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components import cache
from components.text import t
from components.weekly_view import summary_text, week_label
from metrics.requests_routines import MonthSummaries
from metrics.scope import Scope


def month_summaries(rep_id: int, period: tuple[date, date], scope: Scope) -> None:
    """The person's weekly summaries of the month (weeks whose Monday falls in it)."""
    frame = cache.fetch(MonthSummaries(rep_id=rep_id, start=period[0], end=period[1], scope=scope))
    title = t("weekly.in_review", count=len(frame))
    with st.expander(title, icon=":material/event_note:"):
        if frame.empty:
            st.caption(t("weekly.in_review_none"))
            return
        for record in frame.to_dict("records"):
            late = f" · {t('weekly.late_badge')}" if record["late"] else ""
            status = t(f"weekly.status.{record['status']}")
            st.markdown(f"**{week_label(record['week_start'])}** · {status}{late}")
            summary_text(record)
