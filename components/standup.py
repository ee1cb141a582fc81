"""The stand-up screen's sections, drawn large enough to read across a room.

Everything here arranges one metrics.standup_screen.StandupData, fetched (and cached) once
per screen through components.cache.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any

import pandas as pd
import streamlit as st

from components import cache
from components.explain_link import explain_link
from components.follow_ups_view import standup_section
from components.format import (
    MISSING,
    currency,
    format_date,
    format_month,
    format_percent,
    format_value,
    format_weekday,
    md,
    use_currency,
)
from components.setup_checklist import company_has_targets, kpi_not_imported, targets_link
from components.standup_commitments import previous_commitments, todays_commitments
from components.standup_controls import on_wall_screen, presenting
from components.standup_fix import fix_panel
from components.standup_people import people_board
from components.stock_view import stock_standup_section
from components.text import kpi_label, t
from components.theme import PACE_COLORS, PRESENTATION_TILE_WIDTH
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.pacing import month_pace
from metrics.requests import StandupContactParts, StandupScreen
from metrics.requests_follow_ups import FollowUpList, FollowUpOwners
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
    # A KPI whose table was never imported (deals won, with no deals file) shows "—" and says
    # so below: a 0 would read as "won nothing".
    missing = {k: kpi_not_imported(k) for k in DAY_KPIS}
    for kpi_id in DAY_KPIS:
        unit = get_kpi(kpi_id).unit
        delta, change = None, 0.0
        if missing[kpi_id]:
            now[kpi_id] = None
        elif now[kpi_id] is not None and then[kpi_id] is not None:
            change = now[kpi_id] - then[kpi_id]
            delta = ("+" if change >= 0 else "-") + format_value(abs(change), unit, compact=True)
        row.metric(
            kpi_label(kpi_id),
            format_value(now[kpi_id], unit, compact=True),
            delta=delta,
            delta_color="normal" if change else "off",
            delta_description=t("standup.vs_week_ago", day=format_weekday(week_ago, short=True)),
            border=True,
            width=PRESENTATION_TILE_WIDTH if presenting() else 230,
        )
    items = dict.fromkeys(item for found in missing.values() for item in found)
    if items:
        st.caption(" ".join(t(f"tile.not_imported.{item}") for item in items))


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
        if not on_wall_screen() and not presenting():  # why it moved, filters kept
            explain_link("revenue")
        if pace.target is None:  # say why pace is blank, and where targets are set
            st.info(t("standup.no_target") if company_has_targets() else t("setup.no_targets"))
            if not on_wall_screen():  # a wall screen's only page is the stand-up: no link
                targets_link()
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


BOARD_CLASS = "huddle-board"  # presentation mode enlarges it (components.theme)
# The people who need help scroll inside a box this high (px), presenting or not; the rest
# are folded behind counts, so the screen stays one screen.
BOARD_HEIGHT = {True: 330, False: 400}
SCREEN_SHARE = 28  # presenting: the box is at most this share (%) of the window's height
_CELL = "padding:0.35em 0.6em;white-space:nowrap;border-bottom:1px solid #eaeef2"
_NUMBER = f"{_CELL};text-align:right;font-variant-numeric:tabular-nums"


def _sparkline(values: list[float]) -> str:
    """The month's daily values as small columns, from 0 up to the best day (plain HTML:
    st.html drops SVG)."""
    if not values:
        return ""
    top = max(max(values), 0.0) or 1.0
    bars = "".join(
        f'<div style="flex:1;min-height:1px;height:{100 * max(v, 0.0) / top:.0f}%;'
        'background:#1f6feb;opacity:0.8"></div>'
        for v in values
    )
    return (
        '<div aria-hidden="true" style="display:flex;align-items:flex-end;gap:1px;'
        f'height:1.4em;width:6em">{bars}</div>'
    )


def _attainment_cell(value: float | None) -> str:
    """The percentage over a thin bar (full at 100%, never wider)."""
    if value is None or value != value:
        return f'<td style="{_NUMBER}">{MISSING}</td>'
    width = max(0.0, min(float(value), 1.0)) * 100
    bar = (
        '<div style="height:0.3em;background:#eaeef2;border-radius:0.15em;margin-top:0.15em">'
        f'<div style="height:100%;width:{width:.0f}%;background:#1f6feb;border-radius:0.15em">'
        "</div></div>"
    )
    return f'<td style="{_NUMBER}">{format_percent(value)}{bar}</td>'


def _board_row(
    row: Any, why: dict[int, str] | None, hide_amounts: bool, paces: dict[str, str]
) -> str:
    """One person's row of board_html (`paces`: each pace code's word, worked out once)."""
    color = PACE_TEXT_COLORS[row.pace]
    cells = [
        f'<td style="{_NUMBER}">{int(row.rank)}</td>',
        f'<th scope="row" style="{_CELL};text-align:left;font-weight:500">'
        f"{escape(str(row.rep))}</th>",
        _attainment_cell(row.attainment),
        f'<td style="{_CELL};color:{color};font-weight:600">{paces[row.pace]}</td>',
    ]
    if why is not None:  # reasons wrap: they are the point of this table
        cells.append(
            f'<td style="{_CELL};white-space:normal;min-width:14em">{escape(why[row.rep_id])}</td>'
        )
    if not hide_amounts:
        target = None if pd.isna(row.target) else float(row.target)
        cells += [
            f'<td style="{_NUMBER}">{format_value(v, "money")}</td>'
            for v in (target, row.month_to_date, row.day)
        ]
    cells.append(f'<td style="{_CELL}">{_sparkline(list(row.daily))}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def board_html(
    board: pd.DataFrame,
    *,
    hide_amounts: bool,
    height: int,
    why: dict[int, str] | None = None,
    fit: bool = False,
) -> str:
    """The people table as HTML: #, person, attainment and pace first (what a phone shows
    without scrolling), then the month's target, month to date, the day and a sparkline.

    Money is in whole units ($2,025), the one rule for tables (components.format). The
    table scrolls inside its own box, sideways on a narrow screen and down past `height`
    pixels, so the page itself never scrolls sideways. With `why` (reasons by rep_id), a "Why"
    column follows the pace (the people who need help, components.standup_people). With
    `fit` (the shared screen) the box is also kept to a share of the window, so a laptop's
    768 pixels still show the whole screen.
    """
    box = f"min({height}px, {SCREEN_SHARE}vh)" if fit else f"{height}px"
    head = ["#", t("standup.col.rep"), t("standup.col.attainment"), t("standup.col.pace")]
    if why is not None:
        head.append(t("standup.col.why"))
    if not hide_amounts:
        head += [t("standup.col.target"), t("standup.col.mtd"), t("standup.col.day")]
    head.append(t("standup.col.trend"))
    th = "position:sticky;top:0;background:#f6f8fa;font-weight:600;z-index:1"
    left = (1, 3, 4) if why is not None else (1, 3)
    header = "".join(
        f'<th scope="col" style="{_CELL};{th};text-align:{"left" if i in left else "right"}">'
        f"{escape(label)}</th>"
        for i, label in enumerate(head)
    )
    paces = {pace: t(f"pace.{pace}") for pace in PACE_TEXT_COLORS}
    with use_currency(currency()):  # looked up once, not once per amount
        rows = [_board_row(row, why, hide_amounts, paces) for row in board.itertuples()]
    return (
        f'<div class="{BOARD_CLASS}" role="region" aria-label="{escape(t("standup.team_heading"))}"'
        f' tabindex="0" style="overflow:auto;max-height:{box};max-width:100%;'
        'border:1px solid #d0d7de;border-radius:0.5rem">'
        '<table style="border-collapse:separate;border-spacing:0;width:100%;font-size:1em">'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def board_heading(board: pd.DataFrame) -> str:
    """The board's heading, saying the order it is in (metrics.team_board.rep_board): by pace
    where there is a target to pace against, then by month to date where there is none."""
    paced = board["pace_ratio"].notna()
    if paced.all():
        return t("standup.team_heading")
    return t("standup.team_heading_mixed" if paced.any() else "standup.team_heading_no_targets")


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
        lines.append(t(key, rep=md(row.rep), customer=md(row.customer or "")) + amount)
    board = data.board
    if not board.empty and board["pace_ratio"].notna().any():
        leader = board.iloc[0]
        lines.append(
            t(
                "standup.leader",
                rep=md(leader["rep"]),
                attained=format_percent(leader["attainment"]),
            )
        )
    _bullets(lines, t("standup.no_wins"))


def follow_ups_panel(listed: pd.DataFrame, owners: pd.DataFrame) -> None:
    """Today's follow-ups per person: the Follow-ups page's own cached list for the people the
    filters name (FollowUpList.for_filters, the one Segments shows too), compact, each person
    one click from their list."""
    # a wall screen's only page is the stand-up: no links there
    shared = on_wall_screen() or presenting()
    # presenting, the list folds behind its counts so the screen still fits (issue 20)
    standup_section(listed, owners, links=not shared, folded=shared)


def standup_screen(scope: Filters, team_title: str, as_of: date, *, hide_amounts: bool) -> None:
    """The whole screen for one team and as-of day, laid out to fit 1920×1080."""
    # The screen's three parts side by side on a first run: the follow-up list (which
    # reads the whole company's RFM and contacts) takes as long as the rest together. The
    # contact parts are drawn by the board and the "To fix" panel, from the cache.
    due = FollowUpList.for_filters(scope, as_of)
    screen = StandupScreen(filters=scope, as_of=as_of)
    contact_parts = StandupContactParts(filters=scope, as_of=as_of)
    data, _, listed, owners = cache.fetch_all(
        (screen, contact_parts, due, FollowUpOwners(listed=due))
    )
    day = data.day
    if day is None:
        st.info(t("standup.no_sales_yet", as_of=format_date(as_of)))
        return
    title = t(
        "standup.title", team=md(team_title), weekday=format_weekday(day), day=format_date(day)
    )
    st.markdown(f"## {title}")
    if day != as_of:
        st.caption(t("standup.shown_day", as_of=format_date(as_of), day=format_date(day)))
    previous_commitments(scope, as_of)  # the stand-up opens with the last one's commitments
    left, right = st.columns([3, 2], gap="large")
    with left:
        day_tiles(data, day)
        people_board(
            screen, contact_parts, hide_amounts=hide_amounts, height=BOARD_HEIGHT[presenting()]
        )
        todays_commitments(scope, as_of)
        follow_ups_panel(listed, owners)
    with right:  # the lists beside the table, so the screen fits 1920x1080 in large type
        month_panel(data, day)
        wins_panel(data, hide_amounts=hide_amounts)
        fix_panel(screen, contact_parts)  # complaints, customers at risk, people behind
        stock_standup_section(scope, as_of)  # a store team's stock-outs and reorders
