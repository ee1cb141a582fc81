"""What a what-if split implies: the projection against the total, who is likely to reach
their target, who is stretched, what it would cost in commission, and how attainment spreads.

The figures come from the split's cached answer (metrics.requests_targets), so a rerun that
changes none of the lead's choices works nothing out again.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import cache
from components.charts import plot
from components.format import format_month, format_percent, format_value
from components.incentives_view import own_plan_missing
from components.targets_view import format_base
from components.text import in_language, kpi_label, t
from components.theme import ACTUAL, TARGET, template
from metrics.incentive_plan import PlanError, load_plan
from metrics.requests_targets import SplitCommission, SplitResult, TargetSplit
from metrics.target_allocation import outlook
from metrics.target_history import TargetBase


def implications_panel(base: TargetBase, request: TargetSplit, result: SplitResult) -> None:
    """What the split implies: the projection against the total, how many will make it, how
    many are asked for more than their best, and what it would cost in commission."""
    kpi_id = base.kpi_id
    implied = result.implied
    summary = outlook(implied)
    st.subheader(t("targets.implies_heading"))
    projection_col, reach_col, stretch_col, cost_col = st.columns(4)
    projection_col.metric(
        t("targets.projection"),
        format_base(summary.projection, kpi_id),
        delta=t("targets.against_target", share=format_percent(summary.projection / summary.target))
        if summary.target
        else None,
        delta_color="off",
        help=t("targets.projection_help", season=f"{base.season:.2f}"),
    )
    projection_col.caption(
        t(
            "targets.range",
            low=format_base(summary.projection_low, kpi_id),
            high=format_base(summary.projection_high, kpi_id),
        )
    )
    reach_col.metric(
        t("targets.reaching"),
        t(
            "targets.reaching_value",
            expected=round(summary.expected_reaching),
            people=summary.people,
        ),
        help=t("targets.reaching_help"),
    )
    reach_col.caption(t("targets.reaching_rule"))
    stretched = implied["stretch"].dropna()
    stretch_col.metric(
        t("targets.stretched"),
        t("targets.stretched_value", count=int((stretched > 1).sum()), people=len(implied)),
        help=t("targets.col.stretch_help"),
    )
    with cost_col:
        commission_tile(base, request, summary.projection)


def attainment_figure(*, attainment: tuple[float, ...]) -> go.Figure:
    """How projected attainment spreads across people, against the 100% line (over 200% in
    the last bar)."""
    fig = go.Figure(
        go.Histogram(
            x=[min(value, 2.0) for value in attainment],
            xbins={"start": 0, "end": 2.05, "size": 0.1},
            marker_color=ACTUAL,
            hovertemplate=t("targets.hist_hover"),
        )
    )
    fig.add_vline(
        x=1.0, line_color=TARGET, line_dash="dash", annotation_text=t("targets.at_target")
    )
    fig.update_layout(
        template=template(),
        height=260,
        title=t("targets.hist_title"),
        xaxis={"tickformat": ".0%", "title": t("targets.hist_x"), "range": [0, 2.05]},
        yaxis={"title": t("targets.hist_y")},
        bargap=0.05,
    )
    return fig


def attainment_chart(implied: pd.DataFrame) -> None:
    """The attainment histogram of the split, built once per split (components.charts)."""
    attainment = implied["projected_attainment"].dropna()
    if attainment.empty:
        st.info(t("targets.no_attainment"))
        return
    shown = tuple(float(value) for value in attainment)
    plot(attainment_figure, (), key="tgt_attainment_hist", attainment=shown)


def _cents_text(cents: int) -> str:
    """Money in cents, to the cent ($1,234.56): a difference is never rounded away."""
    return format_value(cents / 100, "money", cents=True)


def commission_tile(base: TargetBase, request: TargetSplit, projection: float) -> None:
    """What the split would cost in commission under the incentive plan in force and, with
    hand edits, how much more or less than the same split without them, to the cent."""
    # The shipped plan is the demo company's: a company's own data is costed only under the
    # plan it named (HUDDLE_PLAN), as on the Incentives page.
    if own_plan_missing():
        st.caption(t("targets.commission_no_plan", period=format_month(base.start, short=True)))
        return
    try:
        version = load_plan().version_for(base.start)
    except PlanError:
        st.caption(t("targets.commission_plan_broken"))
        return
    if version is None:
        st.caption(t("targets.commission_no_plan", period=format_month(base.start, short=True)))
        return
    if version.commission.kpi != base.kpi_id:
        st.caption(t("targets.commission_not_paid_on", kpi=kpi_label(base.kpi_id)))
        return
    months = len(pd.date_range(base.start, base.end, freq="MS"))
    priced = cache.fetch(SplitCommission(split=request, rule=version.commission, months=months))
    cost, before = priced.cents, priced.unedited_cents
    delta = None
    if before is not None and cost != before:
        sign = "+" if cost > before else "-"
        delta = t("targets.commission_vs_unedited", delta=sign + _cents_text(abs(cost - before)))
    st.metric(
        t("targets.commission"),
        format_base(cost, base.kpi_id, compact=False),
        delta=delta,
        delta_color="inverse",  # a dearer split is the worse news
        help=t("targets.commission_help", plan=in_language(version, "name")),
    )
    share = cost / projection if projection else None
    st.caption(t("targets.commission_share", share=format_percent(share)))
    if before is not None:
        key = "targets.commission_unedited" if cost != before else "targets.commission_same"
        st.caption(t(key, cost=_cents_text(before)))
