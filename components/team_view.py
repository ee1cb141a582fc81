"""The Team page's sections: the organisation, headcount and span, gaps, workload, one person."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import cache
from components.charts import plot, trend_figure
from components.format import (
    format_date,
    format_value,
    label_each,
    md,
    money_column_format,
    plotly_date_axis,
)
from components.kpi_tiles import TileData, kpi_tile
from components.placeholder_note import placeholder_note
from components.tables import opened_expander, readable, table_with_download
from components.team_requests import movements_request
from components.text import join_names, kpi_label, t, t_count
from components.theme import ACTUAL, PALETTE, template
from components.url_state import coded
from metrics.filters import Filters
from metrics.pacing import pace_status
from metrics.requests import KpiTrend
from metrics.requests_people import (
    CoverageGaps,
    PersonCard,
    TeamHeadcount,
    TeamPeople,
    TeamSpan,
    Workload,
)

ROLE_ORDER = (
    "sales_manager",
    "group_leader",
    "deputy_leader",
    "sales_rep",
    "account_manager",
    "customer_service",
    "inventory",
    "data_analyst",
)
ROLE_COLORS = {role: PALETTE[i % len(PALETTE)] for i, role in enumerate(ROLE_ORDER)}


def _role(role: str) -> str:
    return t(f"role.{role}")


# Below this many people on an axis plotly would tick in halves (0.5 people): tick every one.
_SMALL_COUNT = 10


def count_axis(values: Iterable[float]) -> dict[str, object]:
    """Axis settings for a count of people: whole-number ticks only (never 0.267 people), one
    tick per person when the counts are small, and 0 to 1 when everything is 0."""
    numbers = [abs(float(v)) for v in values if v == v]  # NaN is not equal to itself
    top = max(numbers, default=0.0)
    axis: dict[str, object] = {"tickformat": ",d"}
    if top < _SMALL_COUNT:
        axis.update(tick0=0, dtick=1)
    if top == 0:
        axis["range"] = [0, 1]
    return axis


def all_zero(frame: pd.DataFrame, kpi_id: str) -> bool:
    """True when a trend frame has no value other than 0 and no target above 0: a chart of it
    would only show plotly's made-up axis (0.2 of a currency unit written as "200m")."""
    values = frame[kpi_id].fillna(0) if kpi_id in frame else pd.Series(dtype=float)
    target = f"{kpi_id}_target"
    no_target = target not in frame or not (frame[target].fillna(0) > 0).any()
    return bool((values == 0).all()) and no_target


def load_sentence(key: str, names: pd.Series) -> str:
    """`key`'s sentence for these people: its own sentence for nobody (never "0 people carry
    …:" followed by nothing), else the count and the first six names, the rest counted."""
    if names.empty:
        return t(f"{key}.none")
    return t_count(key, len(names), names=join_names(map(md, names), limit=6))


# The boxes of teams and groups stay neutral; only people carry a role colour.
_BOX_COLOR, _ROOT_COLOR = "#eef1f5", "#f3f5f8"


def _org_treemap(people: pd.DataFrame, *, size_by: str) -> go.Figure:
    """The organisation treemap, sized by headcount or revenue (built once per result): all
    teams, each team, its groups, and a tile per person (keyed by rep_id, so two people of one
    name are two tiles). Drawn with graph objects: plotly express took 0.5 s to work the tree
    out at 2,000 people."""
    shown = people.assign(headcount=1, revenue=people["revenue"].clip(lower=0))
    values = "revenue" if size_by == "revenue" and shown["revenue"].sum() > 0 else "headcount"
    revenue_word = kpi_label("revenue")
    root = t("standup.all_teams")
    teams = [str(v) for v in shown["team"]]
    team_ids = [f"{root}/{team}" for team in teams]
    group_ids = [f"{tid}/{group}" for tid, group in zip(team_ids, shown["group"], strict=True)]
    # Each box (all teams, a team, a group) sums the people in it, worked out as group-bys:
    # one sub-frame per team and group took a second at 2,000 people.
    people_in = {"headcount": ("headcount", "sum"), "revenue": ("revenue", "sum")}
    boxes = pd.concat([
        shown.assign(node=root, label=root, parent="").groupby(
            ["node", "label", "parent"], sort=False).agg(**people_in),
        shown.assign(node=team_ids, label=teams, parent=root).groupby(
            ["node", "label", "parent"], sort=False).agg(**people_in),
        shown.assign(node=group_ids, label=shown["group"].astype(str), parent=team_ids).groupby(
            ["node", "label", "parent"], sort=False).agg(**people_in),
    ]).reset_index()  # fmt: skip
    roles = label_each(shown["role"], _role)
    ids = [*boxes["node"], *(f"{g}/{r}" for g, r in zip(group_ids, shown["rep_id"], strict=True))]
    labels = [*boxes["label"], *(str(name) for name in shown["rep"])]
    parents = [*boxes["parent"], *group_ids]
    sizes = [float(v) for v in (*boxes[values], *shown[values])]
    colors = [_BOX_COLOR] * len(boxes) + [ROLE_COLORS.get(r, _BOX_COLOR) for r in shown["role"]]
    hovers = [
        *(
            f"{label}<br>{t('team.headcount')}: {n}<br>{revenue_word}: {amount:,.0f}"
            for label, n, amount in zip(
                boxes["label"], boxes["headcount"], boxes["revenue"], strict=True
            )
        ),
        *(
            f"{name}<br>{role}<br>{revenue_word}: {amount:,.0f}"
            for name, role, amount in zip(shown["rep"], roles, shown["revenue"], strict=True)
        ),
    ]
    # The text columns as arrays: plotly checks a list item by item, an array in one go (the
    # tree's build 120 -> 75 ms at 2,000 people; the same JSON either way).
    ids, labels, parents, colors, hovers = (
        np.array(column, dtype=object) for column in (ids, labels, parents, colors, hovers)
    )
    fig = go.Figure(
        go.Treemap(
            ids=ids, labels=labels, parents=parents, values=sizes, branchvalues="total",
            marker={"colors": colors, "line": {"width": 1}}, root_color=_ROOT_COLOR,
            textinfo="label", customdata=hovers, hovertemplate="%{customdata}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_layout(template=template(), height=560, margin={"t": 30, "l": 0, "r": 0, "b": 0})
    return fig


def _headcount_figure(headcount: pd.DataFrame) -> go.Figure:
    """Headcount by team, stacked by role (built once per result)."""
    frame = headcount.assign(role_label=label_each(headcount["role"], _role))
    fig = go.Figure()
    for role, rows in frame.groupby("role", sort=False):  # roles in the order they come
        fig.add_bar(
            x=rows["team"], y=rows["headcount"], name=_role(role), text=rows["headcount"],
            marker_color=ROLE_COLORS.get(str(role)),
            hovertemplate=f"%{{x}}<br>{_role(role)}: %{{y}}<extra></extra>",
        )  # fmt: skip
    fig.update_layout(
        template=template(), height=380, barmode="stack", yaxis_title_text=t("team.headcount"),
        legend_traceorder="normal",  # the roles in the order listed, not stacked upside down
    )  # fmt: skip
    # The axis counts people: the tallest bar is a team's whole headcount.
    fig.update_yaxes(**count_axis(frame.groupby("team")["headcount"].sum()))
    return fig


def _moves_figure(moves: pd.DataFrame) -> go.Figure:
    """Joiners up, leavers down and headcount as a line (built once per result)."""
    fig = go.Figure()
    fig.add_bar(
        x=moves["bucket"], y=moves["joiners"], name=t("team.joiners"), marker_color="#2f9e44"
    )
    fig.add_bar(
        x=moves["bucket"], y=-moves["leavers"], name=t("team.leavers"), marker_color="#e03131"
    )
    fig.add_scatter(
        x=moves["bucket"],
        y=moves["headcount"],
        name=t("team.headcount"),
        yaxis="y2",
        mode="lines+markers",
        line={"color": ACTUAL, "width": 3},
    )
    fig.update_layout(
        template=template(),
        height=340,
        barmode="relative",
        yaxis={
            "title": t("team.joiners_leavers_axis"),
            "rangemode": "normal",
            **count_axis([*moves["joiners"], *moves["leavers"]]),
        },
        yaxis2={
            "title": t("team.headcount"),
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            **count_axis(moves["headcount"]),
        },
    )
    fig.update_xaxes(**plotly_date_axis())
    return fig


def _person_trend(frame: pd.DataFrame, *, grain: str) -> go.Figure:
    """A person's revenue against target (built once per result)."""
    return trend_figure(frame, "revenue", grain, height=300)


def organisation(scope: Filters) -> None:
    """Team → group → person as a treemap (coloured by role), and the same as a table."""
    people = cache.fetch(TeamPeople(filters=scope))
    st.subheader(t("team.org_heading"))
    placeholder_note()  # why an import's made-up "Unassigned" is not counted as a person
    if people.empty:
        st.info(t("team.no_people"))
        return
    size_by = coded(
        st.segmented_control,
        t("team.size_by"),
        ["headcount", "revenue"],
        default="headcount",
        format_func=lambda s: t(f"team.size.{s}"),
        required=True,
        key="org_size",
    )
    picture, table = st.tabs([t("team.picture"), t("team.table")])
    with picture:
        plot(_org_treemap, TeamPeople(filters=scope), size_by=size_by, key="org_treemap")
        legend = " ".join(
            f"<span style='background:{ROLE_COLORS[r]};color:white;padding:2px 8px;"
            f"border-radius:4px;margin-right:4px'>{_role(r)}</span>"
            for r in ROLE_ORDER
            if r in set(people["role"])
        )
        st.html(f"<div style='line-height:2'>{legend}</div>")
        st.caption(t("team.picture_caption"))
    with table:
        indented = pd.DataFrame(
            {
                t("team.col.team"): people["team"],
                t("team.col.group"): people["group"],
                t("team.col.person"): people["rep"] + people["active"].map({True: "", False: " †"}),
                t("team.col.role"): label_each(people["role"], _role),
                t("team.col.leader"): people["leader"],
                t("team.col.tenure"): people["tenure_months"],
                t("team.col.revenue"): people["revenue"],
            }
        )
        table_with_download(
            indented,
            "huddle_team.csv",
            key="org_table",
            column_config={
                t("team.col.revenue"): st.column_config.NumberColumn(format=money_column_format())
            },
        )
        st.caption(t("team.left_mark"))


def headcount_and_span(scope: Filters) -> None:
    """Headcount by role and team, span of control per leader, joiners and leavers."""
    left, right = st.columns([3, 2], gap="large")
    headcount = cache.fetch(TeamHeadcount(filters=scope))
    with left:
        st.subheader(t("team.headcount_heading"))
        if headcount.empty:
            st.info(t("team.no_people"))
        else:
            plot(_headcount_figure, TeamHeadcount(filters=scope), key="headcount_chart")
            with opened_expander(t("segments.as_table"), key="headcount_table_open") as shown:
                if shown:
                    frame = headcount.assign(role_label=label_each(headcount["role"], _role))
                    table_with_download(
                        readable(frame.drop(columns="role").rename(columns={"role_label": "role"})),
                        "huddle_headcount.csv",
                        key="headcount_table",
                    )
    with right:
        st.subheader(t("team.span_heading"))
        span = cache.fetch(TeamSpan(filters=scope))
        table_with_download(
            span.assign(role=label_each(span["role"], _role)).rename(
                columns={
                    "leader": t("team.col.leader"),
                    "role": t("team.col.role"),
                    "team": t("team.col.group"),
                    "direct_reports": t("team.col.direct_reports"),
                }
            ),
            "huddle_span_of_control.csv",
            key="span_table",
            height=340,
            empty=t("team.span_none"),
        )
    moved = movements_request(scope)  # joiners and leavers over two years
    moves = cache.fetch(moved)
    st.subheader(t("team.moves_heading"))
    if moves.empty:
        st.info(t("team.no_people"))
        return
    plot(_moves_figure, moved, key="moves_chart")
    with opened_expander(t("segments.as_table"), key="moves_table_open") as shown:
        if shown:
            table_with_download(readable(moves), "huddle_joiners_leavers.csv", key="moves_table")


def coverage_gaps(scope: Filters) -> None:
    """Gaps in the structure, each in a sentence."""
    st.subheader(t("team.gaps_heading"))
    gaps = cache.fetch(CoverageGaps(filters=scope))
    if gaps.empty:
        st.success(t("team.no_gaps"))
        return
    for gap in gaps.itertuples():
        st.warning(
            t(
                f"team.gap.{gap.kind}",
                team=md(gap.team),
                person=md(gap.person or ""),
                detail=md(gap.detail) if isinstance(gap.detail, str) else gap.detail,
            ),
            icon=":material/warning:",
        )


def workload(scope: Filters) -> None:
    """Customers, open deals, activities and revenue per seller against the team median."""
    st.subheader(t("team.workload_heading"))
    load = cache.fetch(Workload(filters=scope))
    if load.empty:
        st.info(t("team.no_sellers"))
        return
    over = load[load["flag"] == "overloaded"]
    room = load[load["flag"] == "has_room"]
    st.markdown(
        load_sentence("team.overloaded", over["rep"])
        + "  \n"
        + load_sentence("team.has_room", room["rep"])
    )
    shown = pd.DataFrame(
        {
            t("team.col.person"): load["rep"],
            t("team.col.group"): load["group"],
            t("team.col.load"): load["load"],
            t("team.col.flag"): label_each(
                load["flag"], lambda f: t(f"team.flag.{f}") if f else ""
            ),
            t("team.col.customers"): load["customers"],
            t("team.col.open_deals"): load["open_deals"],
            t("team.col.activities_week"): load["activities_per_week"],
            t("team.col.revenue"): load["revenue"],
        }
    )
    table_with_download(
        shown,
        "huddle_workload.csv",
        key="workload_table",
        column_config={
            t("team.col.load"): st.column_config.ProgressColumn(
                format="%.2f×", min_value=0, max_value=2, help=t("team.load_help")
            ),
            t("team.col.revenue"): st.column_config.NumberColumn(format=money_column_format()),
        },
    )


def person_panel(scope: Filters, grain: str) -> None:
    """One person: role, group, leader, tenure, customers, pipeline and their KPI trend."""
    st.subheader(t("team.person_heading"))
    people = cache.fetch(TeamPeople(filters=scope))
    if people.empty:
        st.info(t("team.no_people"))
        return
    names = dict(zip(people["rep_id"], people["rep"], strict=True))
    rep_id = coded(
        st.selectbox,
        t("team.pick_person"),
        list(names),
        format_func=lambda r: names[r],
        key="person",
    )
    if rep_id is None:
        return
    info = cache.fetch(PersonCard(filters=scope, rep_id=int(rep_id)))
    facts = [
        (t("team.col.role"), _role(info["role"])),
        (t("team.col.group"), md(info["group"])),
        (t("team.col.leader"), md(info["leader"]) if info["leader"] else "—"),
        (t("team.col.tenure"), t("team.months", months=info["tenure_months"])),
        (t("team.col.customers"), f"{info['customers']:,}"),
        (t("team.col.open_deals"), f"{info['open_deals']:,}"),
        (t("team.open_pipeline"), format_value(info["open_pipeline"], "money", compact=True)),
    ]
    if info["leave_date"] is not None:
        facts.append((t("team.left_on"), format_date(info["leave_date"])))
    st.markdown("  ·  ".join(f"**{label}:** {value}" for label, value in facts))
    # The URL holds codes (components/url_state.py): the section's and the person's id, as
    # the Reviews page's own pickers write them, so the link works in either language.
    st.page_link(
        "pages/reviews.py",
        label=t("reviews.link_from_team", person=md(names[rep_id])),
        icon=":material/rate_review:",
        query_params={"section": "history", "person": str(rep_id)},
    )
    kpis = info["kpis"]  # over the period so far, targets to date
    rep_scope = scope.model_copy(update={"rep_id": int(rep_id)})
    columns = st.columns(3)
    for index, kpi_id in enumerate(("revenue", "won_deals", "activities")):
        with columns[index]:
            kpi_tile(
                TileData(
                    kpi_id=kpi_id,
                    value=kpis.get(kpi_id),
                    previous=None,
                    sparkline=[],
                    target=kpis.get(f"{kpi_id}_target"),
                    attainment=kpis.get(f"{kpi_id}_attainment"),
                    pace=pace_status(kpis.get(kpi_id), kpis.get(f"{kpi_id}_target")),
                )
            )
    trend = KpiTrend(kpis=("revenue",), filters=rep_scope, grain=grain, with_targets=True)
    frame = cache.fetch(trend)
    if all_zero(frame, "revenue"):
        # A flat line at 0 under an invented axis says less than a sentence.
        st.info(
            t(
                "team.no_revenue",
                person=names[rep_id],
                start=format_date(scope.start),
                end=format_date(scope.end),
            )
        )
    else:
        plot(_person_trend, trend, grain=grain, key="person_trend")
    with opened_expander(t("segments.as_table"), key="person_trend_table_open") as shown:
        if shown:
            table_with_download(
                readable(frame), f"huddle_{names[rep_id]}_revenue.csv", key="person_trend_table"
            )
