"""One rep's commission ladder: where they stand, what the next step takes and what it pays."""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import cache
from components.charts import plot, value_axes_in_words
from components.format import (
    MISSING,
    currency_symbol,
    format_date,
    format_percent,
    format_value,
    md,
    plotly_tick_format,
)
from components.incentives_view import LADDER_KEY, LoadedPlan, people_labels
from components.text import in_language, t
from components.theme import ACTUAL, PALETTE, TARGET, template
from components.url_state import coded
from metrics.filters import Filters
from metrics.incentive_math import commission_cents, ladder, next_step, payout_curve
from metrics.incentive_plan import CommissionRule
from metrics.requests_plans import Commissions, RepDirectory


def _hover() -> str:
    symbol = currency_symbol()
    return f"{symbol}%{{x:,.0f}} → {symbol}%{{y:,.2f}}<extra></extra>"


def _money(cents: float) -> str:
    return format_value(cents / 100, "money")


def _rate(rate: Decimal | float) -> str:
    """A plan percentage as the plan writes it: 4 -> 4%, 2.5 -> 2.5% (no trailing zeros)."""
    text = format(Decimal(str(rate)).normalize(), "f")
    return t("incentives.percent", value=text)


def next_step_sentence(rep: str, rule: CommissionRule, measured: int, target: int | None) -> str:
    """The number reps ask for, as a sentence: how much more lifts the rate, and what it pays."""
    step = next_step(rule, measured, target)
    if step is None:
        return t("incentives.top_tier", rep=rep, rate=_rate(rule.tiers[-1].rate_pct))
    values = {
        "amount": _money(step.needed_cents),
        "rep": rep,
        "from_rate": _rate(step.from_rate_pct),
        "to_rate": _rate(step.to_rate_pct),
        "extra": _money(step.extra_commission_cents),
        "at": _rate(step.at_pct),
    }
    if step.starts_paying:
        return t("incentives.next_threshold", **values)
    return t("incentives.next_step", **values)


def ladder_figure(rule: CommissionRule, measured: int, target: int) -> go.Figure:
    """Commission against sales for this target: tier bands, the payout line, and 'now'."""
    upto = max(int(target * 1.5), int(measured * 1.1), 1)
    curve = payout_curve(rule, target, upto, points=120)
    fig = go.Figure()
    for index, step in enumerate(ladder(rule, target)):
        end = step.to_cents if step.to_cents is not None else upto
        fig.add_vrect(
            x0=step.from_cents / 100,
            x1=min(end, upto) / 100,
            fillcolor=PALETTE[index % len(PALETTE)],
            opacity=0.08,
            line_width=0,
            annotation_text=_rate(step.rate_pct),
            annotation_position="top left",
        )
    if rule.threshold_pct:
        fig.add_vline(
            x=float(rule.threshold_pct) * target / 10_000,
            line_dash="dot",
            line_color=TARGET,
            annotation_text=t("incentives.chart_threshold", at=_rate(rule.threshold_pct)),
            annotation_position="bottom right",
        )
    fig.add_trace(
        go.Scatter(
            x=[a / 100 for a, _ in curve],
            y=[c / 100 for _, c in curve],
            mode="lines",
            line={"color": TARGET, "width": 2},
            name=t("incentives.chart_commission"),
            hovertemplate=_hover(),
        )
    )
    now = commission_cents(rule, measured, target)
    fig.add_trace(
        go.Scatter(
            x=[measured / 100],
            y=[now / 100],
            mode="markers+text",
            marker={"size": 14, "color": ACTUAL},
            text=[t("incentives.chart_you")],
            textposition="top center",
            name=t("incentives.chart_you"),
            hoverinfo="skip",
        )
    )
    fig.update_layout(template=template(), height=360, showlegend=False)
    tickformat, symbol = plotly_tick_format("money")
    fig.update_xaxes(title=t("incentives.chart_amount"), tickprefix=symbol, tickformat=tickformat)
    fig.update_yaxes(
        title=t("incentives.chart_commission"), tickprefix=symbol, tickformat=tickformat
    )
    return value_axes_in_words(value_axes_in_words(fig, "money", "x"), "money", "y")


def ladder_table(rule: CommissionRule, target: int) -> pd.DataFrame:
    """The tiers in money for this target, as they apply: below the threshold one row that
    pays nothing; a tier the threshold cuts starts at the threshold."""
    threshold = rule.threshold_pct
    rows = []
    if threshold > 0:
        at = math.ceil(threshold * target / 100)  # the first whole cent at the threshold
        rows.append(
            {
                t("incentives.ladder_col.tier"): t("incentives.ladder_below", at=_rate(threshold)),
                t("incentives.ladder_col.from"): _money(0),
                t("incentives.ladder_col.to"): _money(at),
                t("incentives.ladder_col.rate"): t("incentives.ladder_nothing"),
            }
        )
    for step in ladder(rule, target):
        if step.to_pct is not None and step.to_pct <= threshold:
            continue  # wholly below the threshold: nothing of it is paid
        cut = step.from_pct < threshold
        start_pct = threshold if cut else step.from_pct
        start = _rate(start_pct)
        if step.to_pct is None:
            tier = t("incentives.ladder_top", start=start)
        else:
            tier = t("incentives.ladder_tier", start=start, end=_rate(step.to_pct))
        from_cents = math.ceil(threshold * target / 100) if cut else step.from_cents
        rows.append(
            {
                t("incentives.ladder_col.tier"): tier,
                t("incentives.ladder_col.from"): _money(from_cents),
                t("incentives.ladder_col.to"): _money(step.to_cents) if step.to_cents else "",
                t("incentives.ladder_col.rate"): _rate(step.rate_pct),
            }
        )
    return pd.DataFrame(rows)


def rep_ladder_section(scope: Filters, loaded: LoadedPlan, *, hide_amounts: bool) -> None:
    """Pick a rep: their commission period so far, the tier ladder and the next step."""
    st.subheader(t("incentives.rep_heading"))
    if hide_amounts:
        st.caption(t("incentives.rep_hidden"))
        return
    paid = cache.fetch(Commissions(filters=scope, stamp=loaded.stamp))
    if paid.empty:
        st.info(t("incentives.rep_none"))
        return
    latest = paid[paid["period_start"] == paid["period_start"].max()]
    ranked = latest.sort_values(
        ["commission_cents", "rep", "rep_id"], ascending=[False, True, True]
    )
    labels = people_labels(scope)
    choices = [int(r) for r in ranked["rep_id"]]
    picked = st.session_state.get(LADDER_KEY)
    if picked is not None and picked not in choices:
        # A leaderboard row of someone not on the plan this period: say so, show the first.
        name = labels.get(int(picked), str(picked))
        st.info(t("incentives.rep_not_on_ladder", rep=md(name)))
        del st.session_state[LADDER_KEY]
    # Keyed by id, shown by name: two people of the same name stay two choices.
    rep_id = coded(
        st.selectbox,
        t("incentives.rep_pick"),
        choices,
        format_func=lambda r: labels.get(r, str(r)),
        key=LADDER_KEY,
    )
    if rep_id is None:
        return
    row = latest.set_index("rep_id").loc[rep_id]
    rep = labels.get(rep_id, str(row["rep"]))
    version = loaded.plan.version_for(row["period_start"])
    if version is None:
        return
    rule = version.commission
    st.caption(
        t(
            "incentives.rep_period",
            period_start=format_date(row["period_start"]),
            period_end=format_date(row["period_end"]),
            through=format_date(row["through"]),
            plan=md(in_language(version, "name")),
        )
    )
    if not row["eligible"]:
        people = cache.fetch(RepDirectory(scope=scope.scope)).set_index("rep_id")
        role = t(f"role.{people.loc[rep_id, 'role']}") if rep_id in people.index else ""
        st.info(t("incentives.rep_not_eligible", rep=md(rep), role=role))
        return
    target = None if pd.isna(row["target_cents"]) else int(row["target_cents"])
    measured = int(row["measured_cents"])
    # Five equal columns: one row of tiles at 1366 px as at 1920 px.
    tiles = st.columns(5, gap="small")
    tiles[0].metric(t("incentives.metric.sales"), _money(measured), border=True)
    tiles[1].metric(t("incentives.metric.target"), _money(target) if target else "—", border=True)
    tiles[2].metric(
        t("incentives.metric.attainment"), format_percent(row["attainment"]), border=True
    )
    tiles[3].metric(t("incentives.metric.rate"), _rate(row["rate_pct"]), border=True)
    tiles[4].metric(t("incentives.metric.commission"), _money(row["commission_cents"]), border=True)
    if not target:
        st.info(t("incentives.rep_no_target", rep=md(rep)))
        return
    st.markdown(next_step_sentence(md(rep), rule, measured, target))
    cap = rule.cap_cents
    if cap is not None and row["commission_cents"] >= cap:
        st.caption(
            t("incentives.capped", cap=_money(cap), period=t(f"incentives.period.{rule.period}"))
        )
    if row["clawback_cents"]:
        st.caption(
            t(
                "incentives.returns",
                amount=_money(row["returns_cents"]),
                commission=_money(row["clawback_cents"]),
            )
        )
    if row.get("undated_returns", 0):
        st.caption(
            t(
                "incentives.undated_returns",
                count=int(row["undated_returns"]),
                period=t(f"incentives.period.{rule.period}"),
            )
        )
    chart, table = st.columns([3, 2])
    with chart:
        # Built once per rule, amount and target, not on every rerun (add_vrect is slow).
        plot(
            ladder_figure,
            (),
            rule=rule,
            measured=measured,
            target=target,
            key="incentives_ladder_chart",
        )
    with table:
        st.dataframe(
            ladder_table(rule, target),
            hide_index=True,
            key="incentives_ladder_table",
            placeholder=MISSING,
        )
        if rule.threshold_pct:
            at = _money(math.ceil(rule.threshold_pct * target / 100))  # first cent at it
            key = "incentives.ladder_threshold"
            below = rule.tiers[0].rate_pct
            if rule.mode == "marginal" and below > 0:
                key = "incentives.ladder_threshold_marginal"  # the part below pays once reached
            st.caption(t(key, at=_rate(rule.threshold_pct), amount=at, rate=_rate(below)))
