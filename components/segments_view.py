"""The Segments page: breakdown, RFM, lifecycle, concentration, follow-ups, drill-down."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import streamlit as st

from components import cache
from components.charts import plot
from components.customer_picker import picker_options
from components.customer_view import customer_link
from components.follow_ups_view import segments_section
from components.format import (
    MISSING,
    format_date,
    format_percent,
    label_each,
    md,
    money_column_format,
)
from components.segments_charts import (
    breakdown_figure,
    grid_pivot,
    heatmap_figure,
    lifecycle_figure,
    lifecycle_over_time_figure,
    merged_breakdown,
    pareto_figure,
    rfm_figure,
    rfm_summary,
)
from components.setup_checklist import none_imported
from components.tables import opened_expander, readable, table_with_download
from components.text import (
    code_label,
    column_label,
    dimension_label,
    join_names,
    kpi_label,
    mid_sentence,
    t,
)
from components.url_state import coded
from metrics.catalogue import listed_kpis
from metrics.compiler import can_break_down
from metrics.filters import Filters
from metrics.requests import KpiBreakdown, KpiGrid
from metrics.requests_follow_ups import FollowUpList
from metrics.requests_people import (
    CustomerClasses,
    CustomerDetail,
    CustomersIn,
    SegmentCustomers,
    SegmentsScreen,
)
from metrics.segments_screen import SegmentsData

SEGMENT_DIMENSIONS = (
    "channel",
    "region",
    "city",
    "industry",
    "customer_tier",
    "size_band",
    "product_category",
    "lifecycle_stage",
    "rfm_segment",
)
# Segment dimensions classify customers as of the period's end; their values read as words.
SEGMENT_VALUE_KEYS = {"lifecycle_stage": "lifecycle", "rfm_segment": "segment"}
# Money columns of the customer detail's tabs, shown in the session's currency.
DETAIL_MONEY = ("amount",)


def segments_screen(scope: Filters, as_of: date) -> SegmentsData:
    """The page's customer analyses, computed together once per data change (cached). The
    page fetches them once per run and hands them to its sections: each fetch is a copy.
    On a first run the follow-up list (follow_up_list, below) is worked out beside them:
    its contacts query needs nothing the analyses need, and one after the other they took
    2.1 s at ten million order lines."""
    screen, _ = cache.fetch_all(
        [SegmentsScreen(filters=scope, as_of=as_of), FollowUpList.for_filters(scope, as_of)]
    )
    return screen


def _no_customers() -> pd.DataFrame:
    return pd.DataFrame(columns=["customer_id", "customer"])


def _classes(scope: Filters, dimensions: list[str]) -> tuple[tuple[int, str], ...]:
    """The customers' segments for whichever segment dimension is asked for (else none)."""
    for dimension in dimensions:
        if dimension in SEGMENT_VALUE_KEYS:
            return cache.fetch(CustomerClasses(filters=scope, dimension=dimension, as_of=scope.end))
    return ()


def breakdown(scope: Filters) -> pd.DataFrame:
    """A KPI by a customer dimension: bars or treemap, share of total, change; or a heatmap.
    Returns the customers behind the value clicked (for the customer drill-down)."""
    st.subheader(t("segments.breakdown_heading"))
    # Every KPI with at least one of these breakdowns (the stock KPIs: channel and category).
    options = [
        k.id for k in listed_kpis() if any(can_break_down(k.id, d) for d in SEGMENT_DIMENSIONS)
    ]
    left, middle, right, far = st.columns([2, 2, 2, 2], vertical_alignment="bottom")
    kpi_id = coded(left.selectbox, t("segments.kpi"), options, format_func=kpi_label, key="seg_kpi")
    dimension = coded(
        middle.selectbox,
        t("segments.by"),
        SEGMENT_DIMENSIONS,
        index=1,
        format_func=dimension_label,
        key="seg_by",
    )
    second = coded(
        right.selectbox,
        t("segments.and_by"),
        ["", *SEGMENT_DIMENSIONS],
        format_func=lambda d: t("segments.nothing") if not d else dimension_label(d),
        key="seg_by2",
    )
    shape = coded(
        far.segmented_control,
        t("segments.show_as"),
        ["bars", "treemap"],
        default="bars",
        required=True,
        format_func=lambda s: t(f"segments.shape.{s}"),
        key="seg_shape",
    )
    if not kpi_id or not can_break_down(kpi_id, dimension):
        st.info(
            t("segments.cannot", kpi=kpi_label(kpi_id or ""), dimension=dimension_label(dimension))
        )
        return _no_customers()
    both_segments = second in SEGMENT_VALUE_KEYS and dimension in SEGMENT_VALUE_KEYS
    if both_segments and second != dimension:
        st.caption(t("segments.no_two_segments"))
    if second and second != dimension and can_break_down(kpi_id, second) and not both_segments:
        classes = _classes(scope, [dimension, second])
        grid_request = KpiGrid(
            kpis=(kpi_id,),
            filters=scope,
            dimension=dimension,
            dimension2=second,
            customer_segments=classes,
        )
        grid = cache.fetch(grid_request)
        pivot = grid_pivot(grid, kpi_id, dimension, second)
        plot(
            heatmap_figure,
            grid_request,
            kpi_id=kpi_id,
            dimension=dimension,
            second=second,
            key="segment_heatmap",
        )
        with opened_expander(t("segments.as_table"), key="heatmap_table_open") as shown:
            if shown:
                table = pivot.reset_index().rename(columns={dimension: dimension_label(dimension)})
                table_with_download(
                    table, f"huddle_{kpi_id}_by_{dimension}_and_{second}.csv", key="heatmap_table"
                )
        return _no_customers()
    # Segments are judged once, as of the period's end, for both periods: how today's at-risk
    # customers bought then and now.
    classes = _classes(scope, [dimension])
    request = KpiBreakdown(
        kpis=(kpi_id,), filters=scope, dimension=dimension, customer_segments=classes
    )
    then = request.compared("previous")
    now, before = cache.fetch(request), cache.fetch(then)
    p_start, p_end = then.filters.start, then.filters.end
    merged = merged_breakdown(now, before, kpi_id, dimension)
    raw_values = list(merged[f"raw_{dimension}"])
    words = dict(zip(raw_values, merged[dimension], strict=True))
    event = plot(
        breakdown_figure,
        (request, then),
        kpi_id=kpi_id,
        dimension=dimension,
        shape=shape,
        key="segment_chart",
        on_select="rerun",
        selection_mode="points",
    )
    caption = t("segments.table_caption", start=format_date(p_start), end=format_date(p_end))
    with opened_expander(caption, key="segment_table_open") as shown:
        if shown:
            table = pd.DataFrame(
                {
                    dimension_label(dimension): merged[dimension],
                    kpi_label(kpi_id): merged[kpi_id],
                    t("segments.col.share"): merged.get("share"),
                    t("segments.col.change"): merged["change"],
                }
            )
            table_with_download(
                table,
                f"huddle_{kpi_id}_by_{dimension}.csv",
                key="segment_table",
                column_config={
                    t("segments.col.share"): st.column_config.NumberColumn(format="percent"),
                    t("segments.col.change"): st.column_config.NumberColumn(format="percent"),
                },
            )
    return _drill_into_value(scope, dimension, raw_values, words, event, classes)


def _clicked_value(event: object, words: dict[str, str]) -> str | None:
    """The raw dimension value of the bar or box clicked on the chart, if any."""
    points = getattr(getattr(event, "selection", None), "points", None) or []
    if not points:
        return None
    point = points[0]
    shown = point.get("y") if point.get("y") is not None else point.get("label")
    by_words = {v: k for k, v in words.items()}
    return by_words.get(shown)


def _drill_into_value(
    scope: Filters,
    dimension: str,
    values: list[str],
    words: dict[str, str],
    event: object,
    classes: tuple[tuple[int, str], ...],
) -> pd.DataFrame:
    """The customers behind one value of the breakdown: click a bar (or pick it here)."""
    clicked = _clicked_value(event, words)
    if clicked is not None:
        st.session_state["seg_drill"] = clicked
    chosen = st.selectbox(
        t("segments.drill_value", dimension=mid_sentence(dimension_label(dimension))),
        ["", *values],
        format_func=lambda v: t("segments.drill_none") if not v else words.get(v, v),
        key="seg_drill",
        help=t("segments.drill_help"),
    )
    if not chosen:
        return _no_customers()
    ids = tuple(c for c, segment in classes if segment == chosen)
    customers = cache.fetch(
        CustomersIn(filters=scope, dimension=dimension, value=chosen, customer_ids=ids)
    )
    table_with_download(
        readable(customers.drop(columns=["customer_id"])),
        f"huddle_customers_{dimension}.csv",
        key="segment_customers",
        column_config={column_label("revenue"): st.column_config.NumberColumn(
            format=money_column_format()
        )},
        height=300,
    )  # fmt: skip
    return customers


def rfm(scope: Filters, as_of: date, screen: SegmentsData) -> pd.DataFrame:
    """RFM segments: counts and revenue, movement since the previous period, drill-down;
    returns the customers of the segment picked, for the customer drill-down."""
    st.subheader(t("segments.rfm_heading"))
    st.caption(t("segments.rfm_caption"))
    summary = rfm_summary(screen)
    if summary["customers"].sum() == 0:
        st.info(t("segments.no_customers"))
        return _no_customers()
    left, right = st.columns([3, 2], gap="large")
    with left:
        plot(rfm_figure, SegmentsScreen(filters=scope, as_of=as_of), key="rfm_treemap")
        with opened_expander(t("segments.as_table"), key="rfm_summary_table_open") as shown:
            if shown:
                table_with_download(
                    readable(summary.drop(columns="segment").set_index("label").reset_index()),
                    "huddle_rfm_segments.csv",
                    key="rfm_summary_table",
                )
    with right:
        previous_as_of = SegmentsScreen(filters=scope, as_of=as_of).previous_as_of
        moves = screen.movement
        moved = moves[moves["from_segment"] != moves["to_segment"]].head(12)
        st.markdown(t("segments.movement", day=format_date(previous_as_of)))
        st.dataframe(
            moved.assign(
                from_segment=label_each(moved["from_segment"], lambda s: t(f"segment.{s}")),
                to_segment=label_each(moved["to_segment"], lambda s: t(f"segment.{s}")),
            ).rename(
                columns={
                    "from_segment": t("segments.col.from"),
                    "to_segment": t("segments.col.to"),
                    "customers": t("segments.col.customers"),
                }
            ),
            hide_index=True,
            height=380,
            key="rfm_moves",
            placeholder=MISSING,
        )
    segment = coded(
        st.selectbox,
        t("segments.drill"),
        list(summary["segment"]),
        format_func=lambda s: t(f"segment.{s}"),
        key="seg_rfm",
    )
    chosen = cache.fetch(SegmentCustomers(filters=scope, as_of=as_of, segment=str(segment)))
    columns = ["customer", "owner", "recency_days", "frequency", "monetary", "r", "f", "m"]
    table_with_download(
        readable(chosen[columns]),
        f"huddle_rfm_{segment}.csv",
        key="rfm_customers",
        height=300,
        column_config={
            column_label("monetary"): st.column_config.NumberColumn(format=money_column_format())
        },
    )
    return chosen


def lifecycle_and_concentration(scope: Filters, as_of: date, screen: SegmentsData) -> None:
    """Lifecycle stage counts and the Pareto curve of revenue by customer."""
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(t("segments.lifecycle_heading"))
        over_time = screen.lifecycle_over_time
        request = SegmentsScreen(filters=scope, as_of=as_of)
        plot(lifecycle_figure, request, as_of=as_of, key="lifecycle_chart")
        st.caption(t("segments.lifecycle_caption"))
        plot(lifecycle_over_time_figure, request, key="lifecycle_over_time_chart")
        with opened_expander(t("segments.as_table"), key="lifecycle_table_open") as shown:
            if shown:
                table_with_download(
                    readable(_codes_in_words(over_time, {"stage": "lifecycle"})),
                    "huddle_lifecycle.csv",
                    key="lifecycle_table",
                )
    with right:
        st.subheader(t("segments.pareto_heading"))
        curve, share = screen.pareto, screen.top_share
        if curve.empty or share is None:
            st.info(t("segments.no_customers"))
            return
        st.markdown(t("segments.pareto_sentence", share=format_percent(share)))
        plot(pareto_figure, SegmentsScreen(filters=scope, as_of=as_of), key="pareto_chart")
        st.caption(t("segments.pareto_risk"))
        with opened_expander(t("segments.as_table"), key="pareto_table_open") as shown:
            if shown:
                table_with_download(readable(curve), "huddle_concentration.csv", key="pareto_table")


def follow_up_list(scope: Filters, as_of: date) -> pd.DataFrame:
    """Today's follow-up list (回访, metrics.follow_ups) for the people the filters name: the
    Follow-ups page's own request (cached apart from the analyses above, which a logged call
    leaves as they are), filterable to an owner."""
    return segments_section(FollowUpList.for_filters(scope, as_of))


# Columns of the customer detail that hold codes, and the catalogue prefix of their words.
DETAIL_CODES = {
    "orders": {"status": "status"},
    "deals": {"stage": "stage"},
    "activities": {"kind": "activity"},
    "feedback": {"kind": "feedback"},
}
# metrics.segments.customer_detail writes an order of mixed lines as "2 completed, 1 returned".
_STATUS_COUNT = re.compile(r"(\d+) ([a-z_]+)")


def _code_in_words(prefix: str, code: object) -> object:
    if not isinstance(code, str):
        return code
    counts = _STATUS_COUNT.findall(code)
    if prefix == "status" and counts:
        return join_names(t("status.count", count=n, status=t(f"status.{s}")) for n, s in counts)
    return code_label(prefix, code)


def _codes_in_words(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """`frame` with the codes in `columns` (column -> catalogue prefix) written as words."""
    words = {
        column: label_each(frame[column], lambda code, prefix=prefix: _code_in_words(prefix, code))
        for column, prefix in columns.items()
        if column in frame
    }
    return frame.assign(**words)


def customer_drilldown(scope: Filters, *lists: pd.DataFrame) -> None:
    """One customer's orders, deals, activities and feedback. The picker (customer_picker)
    offers the customers in scope; the customers drilled into above and the follow-up list
    (`lists`: frames with customer_id and customer) come first, so the first of them opens."""
    st.subheader(t("segments.customer_heading"))
    names, picker_help = picker_options(scope, *lists)
    if not names:
        return
    # A new list above (a bar clicked, another segment, a search) opens its first customer; a
    # customer picked by hand stays open while the lists stay as they were.
    listed = (int(c) for f in lists if not f.empty for c in f["customer_id"])
    first = next((c for c in listed if c in names), next(iter(names)))
    if st.session_state.get("seg_customer_first") != first:
        st.session_state["seg_customer_first"] = first
        st.session_state["seg_customer"] = first
    elif st.session_state.get("seg_customer") not in names:
        st.session_state["seg_customer"] = first
    customer_id = st.selectbox(
        t("segments.customer"),
        list(names),
        format_func=lambda c: names[c],
        key="seg_customer",
        help=picker_help,
    )
    if customer_id is None:
        return
    # The whole file (owner, value, segment history, timeline, the team's notes) is its page.
    customer_link(int(customer_id), names[customer_id])
    detail = cache.fetch(CustomerDetail(customer_id=int(customer_id), scope=scope.scope))
    profile = detail["profile"]
    if not profile.empty:
        row = profile.iloc[0]
        row = _codes_in_words(profile, {"channel": "channel"}).iloc[0]
        shown = [(k, format_date(v) if isinstance(v, date) else v) for k, v in row.items()]
        st.markdown(
            "  ·  ".join(f"**{column_label(k)}:** {md(v)}" for k, v in shown if pd.notna(v))
        )
    tabs = st.tabs([t(f"segments.tab.{k}") for k in ("orders", "deals", "activities", "feedback")])
    for tab, key in zip(tabs, ("orders", "deals", "activities", "feedback"), strict=True):
        with tab:
            money = st.column_config.NumberColumn(format=money_column_format())
            table_with_download(
                readable(_codes_in_words(detail[key], DETAIL_CODES[key])),
                f"huddle_customer_{customer_id}_{key}.csv",
                key=f"customer_{key}",
                height=300,
                # Nothing for this customer, or nothing of this kind in the company at all.
                empty=t(
                    f"segments.tab_not_imported.{key}"
                    if none_imported(key)
                    else f"segments.tab_none.{key}"
                ),
                column_config={
                    column_label(c): money for c in DETAIL_MONEY if c in detail[key].columns
                },
            )
