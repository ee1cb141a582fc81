"""The stand-up screen's sections, drawn large enough to read across a room.

Everything here arranges one metrics.standup_screen.StandupData, fetched (and cached) once
per screen through components.cache.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from components import cache
from components.format import (
    MISSING,
    format_date,
    format_month,
    format_percent,
    format_value,
    format_weekday,
    money_column_format,
)
from components.text import join_names, kpi_label, t, t_count
from components.theme import PACE_COLORS
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.pacing import month_pace
from metrics.standup_screen import DAY_KPIS, StandupData

# Text colours for the pace column: readable on white from across a room.
PACE_TEXT_COLORS = {
    "on_track": "#1a7f37", "caution": "#b35900", "off_track": "#cf222e", "no_target": "#57606a",
}  # fmt: skip


def _row(frame: pd.DataFrame, day: date) -> dict[str, float | None]:
    values = frame.loc[day] if day in frame.index else pd.Series(dtype=float)
    return {k: (None if pd.isna(values.get(k)) else float(values[k])) for k in DAY_KPIS}


def day_tiles(data: StandupData, day: date) -> None:
    """The day's results against the same weekday a week earlier."""
    week_ago = day - timedelta(days=7)
    days = data.days.set_index("bucket")  # each day's bucket is that day's value
    now, then = _row(days, day), _row(days, week_ago)
    st.markdown(f"#### {t('standup.day_heading', weekday=format_weekday(day))}")
    # A wrapping row: four tiles side by side on a wide screen, two by two on a laptop.
    row = st.container(horizontal=True, wrap=True, gap="small")
    for kpi_id in DAY_KPIS:
        unit = get_kpi(kpi_id).unit
        delta, change = None, 0.0
        if now[kpi_id] is not None and then[kpi_id] is not None:
            change = now[kpi_id] - then[kpi_id]
            delta = ("+" if change >= 0 else "-") + format_value(abs(change), unit, compact=True)
        row.metric(
            kpi_label(kpi_id),
            format_value(now[kpi_id], unit, compact=True),
            delta=delta,
            delta_color="normal" if change else "off",
            delta_description=t("standup.vs_week_ago", day=format_weekday(week_ago, short=True)),
            border=True,
            width=230,
        )


def month_panel(data: StandupData, as_of: date) -> None:
    """Revenue this month against target: pace, the gap in money and in days of selling."""
    so_far, whole = data.month_so_far, data.month_whole
    pace = month_pace(so_far["revenue"], whole["revenue_target"], so_far["revenue_target"], as_of)
    st.markdown(f"#### {t('standup.month_heading', month=format_month(as_of, with_year=False))}")
    with st.container(border=True):
        st.metric(
            t("standup.month_to_date"),
            format_value(pace.actual, "money", compact=True),
            help=t("standup.month_help"),
        )
        if pace.target is None:
            st.info(t("standup.no_target"))
            return
        attainment = pace.actual / pace.target
        st.progress(min(attainment, 1.0), text=t(
            "standup.of_target",
            attainment=format_percent(attainment),
            target=format_value(pace.target, "money", compact=True),
        ))  # fmt: skip
        st.badge(t(f"pace.{pace.status}"), color=PACE_COLORS[pace.status])  # type: ignore[arg-type]
        if pace.gap is not None and pace.gap > 0:
            line = t(
                "standup.behind",
                gap=format_value(pace.gap, "money", compact=True),
                days=f"{pace.gap_days:.1f}",
                expected=format_value(pace.expected, "money", compact=True),
            )
        else:
            line = t(
                "standup.ahead",
                gap=format_value(-(pace.gap or 0), "money", compact=True),
                expected=format_value(pace.expected, "money", compact=True),
            )
        st.markdown(line)
        if pace.needed_per_day is not None:
            st.caption(
                t(
                    "standup.needed",
                    amount=format_value(pace.needed_per_day, "money", compact=True),
                    days=pace.days_left,
                )
            )


def rep_table(data: StandupData, *, hide_amounts: bool, height: int) -> None:
    """Every person in one row: month to date, attainment, pace, the day's result, a sparkline."""
    board = data.board
    st.markdown(f"#### {t('standup.team_heading')}")
    if board.empty:
        st.info(t("standup.no_reps"))
        return
    shown = pd.DataFrame(
        {
            "#": board["rank"],
            t("standup.col.rep"): board["rep"],
            t("standup.col.pace"): [t(f"pace.{p}") for p in board["pace"]],
            t("standup.col.attainment"): board["attainment"],
            t("standup.col.mtd"): board["month_to_date"],
            t("standup.col.day"): board["day"],
            t("standup.col.trend"): board["daily"],
        }
    )
    if hide_amounts:  # a shared screen shows ranks and attainment, not peers' money
        shown = shown.drop(columns=[t("standup.col.mtd"), t("standup.col.day")])
    money = money_column_format()
    colors = {t(f"pace.{p}"): c for p, c in PACE_TEXT_COLORS.items()}
    styled = shown.style.map(
        lambda label: f"color: {colors.get(label, '')}; font-weight: 600",
        subset=[t("standup.col.pace")],
    )
    st.dataframe(
        styled,
        hide_index=True,
        height=min(height, 35 * (len(shown) + 1) + 3),  # no empty rows under a small team
        column_config={
            "#": st.column_config.NumberColumn(width=40),
            t("standup.col.pace"): st.column_config.TextColumn(width="small"),
            t("standup.col.trend"): st.column_config.AreaChartColumn(y_min=0, width="small"),
            t("standup.col.attainment"): st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1, width="small"
            ),
            t("standup.col.mtd"): st.column_config.NumberColumn(format=money),
            t("standup.col.day"): st.column_config.NumberColumn(format=money),
        },
        key="standup_board",
        placeholder=MISSING,
    )


def _bullets(lines: list[str], empty: str) -> None:
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else f"_{empty}_")


def wins_panel(data: StandupData, *, hide_amounts: bool) -> None:
    """Deals won and big orders since the last working day, and the month's leader."""
    st.markdown(f"#### :material/celebration: {t('standup.wins_heading')}")
    wins = data.lists["wins"]
    lines = []
    for row in wins.head(4).itertuples():
        amount = "" if hide_amounts else f" · {format_value(row.amount, 'money', compact=True)}"
        key = "standup.win_deal" if row.kind == "deal" else "standup.win_order"
        lines.append(t(key, rep=row.rep, customer=row.customer or "") + amount)
    board = data.board
    if not board.empty and board["pace_ratio"].notna().any():
        leader = board.iloc[0]
        lines.append(
            t("standup.leader", rep=leader["rep"], attained=format_percent(leader["attainment"]))
        )
    _bullets(lines, t("standup.no_wins"))


def problems_panel(data: StandupData) -> None:
    """New and overdue complaints, customers at risk, reps behind pace two weeks running."""
    st.markdown(f"#### :material/report: {t('standup.problems_heading')}")
    new = data.lists["new_complaints"]
    overdue = data.lists["overdue_complaints"]
    at_risk = data.lists["customers_at_risk"]
    behind = data.lists["reps_behind_pace"]
    lines = []
    if len(new):
        lines.append(t_count("standup.new_complaints", len(new)))
    if len(overdue):
        oldest = int(overdue["days_open"].max())
        lines.append(t_count("standup.overdue_complaints", len(overdue), days=oldest))
    if len(at_risk):
        names = join_names(at_risk["customer"].head(3))
        lines.append(t_count("standup.at_risk", len(at_risk), names=names))
    if len(behind):
        names = join_names(behind["rep"].head(4))
        lines.append(t_count("standup.behind_two_weeks", len(behind), names=names))
    _bullets(lines, t("standup.no_problems"))


def follow_ups_panel(data: StandupData) -> None:
    """Customers whose follow-up fell due this week and is not done, grouped by rep."""
    st.markdown(f"#### :material/call: {t('standup.follow_ups_heading')}")
    due = data.lists["follow_ups"]
    if due.empty:
        _bullets([], t("standup.no_follow_ups"))
        return
    per_rep = due.groupby("rep", sort=False)["customer"].apply(list)
    lines = [
        t("standup.follow_up_line", rep=rep, customers=join_names(customers[:3]))
        + (t("standup.and_more", count=len(customers) - 3) if len(customers) > 3 else "")
        for rep, customers in per_rep.head(6).items()
    ]
    if len(per_rep) > 6:
        lines.append(t("standup.more_reps", count=len(per_rep) - 6))
    _bullets(lines, t("standup.no_follow_ups"))


def standup_screen(scope: Filters, team_title: str, as_of: date, *, hide_amounts: bool) -> None:
    """The whole screen for one team and as-of day, laid out to fit 1920×1080."""
    data = cache.standup_data(scope, as_of)
    day = data.day
    if day is None:
        st.info(t("standup.no_sales_yet", as_of=format_date(as_of)))
        return
    title = t("standup.title", team=team_title, weekday=format_weekday(day), day=format_date(day))
    st.markdown(f"## {title}")
    if day != as_of:
        st.caption(t("standup.shown_day", as_of=format_date(as_of), day=format_date(day)))
    left, right = st.columns([3, 2], gap="large")
    with left:
        day_tiles(data, day)
        rep_table(data, hide_amounts=hide_amounts, height=400)
        follow_ups_panel(data)
    with right:
        month_panel(data, day)
        wins_panel(data, hide_amounts=hide_amounts)
        problems_panel(data)
