"""The sections of the KPI Trends view: controls, tiles, the trend chart, split and table.

Each section reads cached metrics results and draws; no numbers are computed here beyond
arranging what the metrics layer returned.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.charts import bucket_is_partial, plot
from components.filters import GlobalFilters
from components.format import format_date, money_column_format, points_column_format
from components.kpi_tiles import TileData, kpi_tile
from components.setup_checklist import no_targets_note
from components.tables import table_with_download
from components.text import (
    dimension_label,
    error_text,
    join_names,
    kpi_definition,
    kpi_label,
    label_values,
    mid_sentence,
    t,
    t_count,
)
from components.theme import team_colors
from components.trends_charts import MAX_PANELS, comparison_label, split_chart, trend_chart
from components.trends_requests import (
    TrendControls,
    breakdown_dimension,
    breakdown_requests,
    supported_kpis,
    tile_requests,
    trend_requests,
)
from components.url_state import coded
from metrics.catalogue import get_kpi, listed_kpis
from metrics.compiler import CompileError
from metrics.filters import Filters
from metrics.model import GRAINS, Grain
from metrics.pacing import assess
from metrics.periods import full_period_end, natural_grain
from metrics.requests import KpiTrend, KpiValues
from metrics.service import growth_column

DEFAULT_KPIS = ["revenue", "orders", "new_customers", "win_rate"]
SPLITS = ("team", "group", "rep", "channel", "region")
TILES_PER_ROW = 4


def compile_error_text(error: CompileError) -> str:
    """What the metrics layer cannot compute, in the current language: the error's values are
    KPI and dimension ids, named here as the page names them."""
    values = dict(getattr(error, "values", None) or {})
    if not getattr(error, "key", None):
        return error_text(error)
    if "kpi" in values:
        values["kpi"] = kpi_label(values["kpi"])
    if "kpis" in values:
        values["kpis"] = join_names(kpi_label(k) for k in values["kpis"])
    if "dimension" in values:  # mid-sentence, so in lower case (as in "by product category")
        values["dimension"] = mid_sentence(dimension_label(values["dimension"]))
    if "trail" in values:
        values["trail"] = " -> ".join(values["trail"])
    return t(str(error.key), **values)


GRAIN_KEY = "grain"
# Set once the grain was picked by hand (a click, or a link that carried one): from then on
# it stays put; until then it follows the period (metrics.periods.natural_grain).
GRAIN_CHOSEN_KEY = "grain_chosen"


def _grain_was_chosen() -> None:
    st.session_state[GRAIN_CHOSEN_KEY] = True


def follow_period_grain(natural: Grain) -> None:
    """Before the grain control draws: an unchosen grain moves to the period's natural one.

    A grain in the URL on the first visit counts as chosen (someone picked it and shared the
    link). The control's default is the natural grain too, so the URL carries a grain only
    when it differs from the period's own.
    """
    if GRAIN_CHOSEN_KEY not in st.session_state:
        st.session_state[GRAIN_CHOSEN_KEY] = GRAIN_KEY in st.query_params
    current = st.session_state.get(GRAIN_KEY)
    if not st.session_state[GRAIN_CHOSEN_KEY] and current is not None and current != natural:
        st.session_state[GRAIN_KEY] = natural


def trend_controls(chosen: GlobalFilters) -> TrendControls:
    """Draw the page's own controls (all bound to the URL) and return the choices."""
    f = chosen.filters
    options = [k.id for k in listed_kpis()]
    natural = natural_grain(f.start, f.end)
    follow_period_grain(natural)
    top_left, top_right = st.columns([5, 1], vertical_alignment="bottom")
    # A wrapping row: on a narrow screen the controls flow onto a second line, never clip.
    row = st.container(horizontal=True, wrap=True, gap="medium", vertical_alignment="bottom")
    kpis = coded(
        top_left.multiselect,
        t("trends.kpis"),
        options,
        default=DEFAULT_KPIS,
        format_func=kpi_label,
        max_selections=6,
        key="kpis",
        help=t("trends.kpis_help"),
    )
    grain = coded(
        row.segmented_control,
        t("trends.grain"),
        list(GRAINS),
        default=natural,
        format_func=lambda g: t(f"grain.{g}"),
        required=True,
        key=GRAIN_KEY,
        help=t("trends.grain_help"),
        on_change=_grain_was_chosen,
    )
    comparison = coded(
        row.segmented_control,
        t("compare.label"),
        ["previous", "last_year", "target"],
        default="previous",
        format_func=lambda c: t(f"compare.{c}"),
        required=True,
        key="compare",
    )
    split = coded(
        row.segmented_control,
        t("trends.split"),
        SPLITS,
        default=None,
        format_func=dimension_label,
        key="split",
    )
    running = row.toggle(
        t("trends.running_total"),
        key="running",
        help=t("trends.running_total_help"),
        bind="query-params",
    )
    with top_right.popover(t("trends.definitions"), icon=":material/info:"):
        for kpi_id in kpis:
            st.markdown(f"**{kpi_label(kpi_id)}**: {kpi_definition(kpi_id)}")
            if get_kpi(kpi_id).target_rule == "level":  # how its target and pace are read
                st.caption(t("definitions.level_target"))
    return TrendControls(
        kpis=tuple(kpis),
        grain=grain or natural,
        comparison=comparison or "previous",
        split=split,
        running_total=bool(running),
    )


def sparkline(values: pd.Series, additive: bool) -> list[float]:
    """A tile's sparkline: an empty bucket is 0 for sums, and simply left out for rates."""
    return [float(v) for v in (values.fillna(0) if additive else values.dropna())]


def kpi_tiles_row(chosen: GlobalFilters, controls: TrendControls) -> None:
    """One tile per KPI: value, like-for-like change, sparkline, target and pace."""
    f = chosen.filters
    asked = tile_requests(chosen, controls)
    now = cache.fetch(asked.now)
    if asked.then is None:
        # The target for the same days: what the KPI should have reached by now.
        before = {k: now.get(f"{k}_target") for k in controls.kpis}
        caption = t("compare.target_caption")
    else:
        before = cache.fetch(asked.then)
        shown = asked.then.filters  # the comparison period's dates, worked out by the request
        caption = t("compare.caption", start=format_date(shown.start), end=format_date(shown.end))
    full_end = full_period_end(chosen.period, f.start, f.end)
    targeted = asked.full.kpis if asked.full is not None else ()
    full = cache.fetch(asked.full) if asked.full is not None else {}
    spark = cache.fetch(asked.spark)
    if not any(now.get(k) for k in controls.kpis) and not any(before.get(k) for k in controls.kpis):
        st.info(t("empty.no_rows_in_period", start=format_date(f.start), end=format_date(f.end)))
    if targeted and not any(full.get(f"{k}_target") for k in targeted):
        # Blank attainment and pace on every tile: say why once, with the way to set targets.
        no_targets_note(f.start, full_end)
    for offset in range(0, len(controls.kpis), TILES_PER_ROW):
        row = controls.kpis[offset : offset + TILES_PER_ROW]
        for column, kpi_id in zip(st.columns(TILES_PER_ROW), row, strict=False):
            target_full = full.get(f"{kpi_id}_target")
            rule = get_kpi(kpi_id).target_rule
            to_date = now.get(f"{kpi_id}_target")
            attainment, pace = assess(now[kpi_id], to_date, target_full, rule)
            with column:
                kpi_tile(
                    TileData(
                        kpi_id=kpi_id,
                        value=now[kpi_id],
                        previous=before[kpi_id],
                        sparkline=sparkline(spark[kpi_id], get_kpi(kpi_id).additive),
                        target=target_full,
                        attainment=attainment,
                        pace=pace,
                        expected=to_date,
                        note=_pipeline_note(f) if kpi_id == "pipeline_value" else None,
                    ),
                    why=controls.comparison,
                )
    st.caption(caption)


def _pipeline_note(f: Filters) -> str | None:
    """What Open pipeline leaves out: open deals with neither an amount nor a list price
    (Maven's 'GTXPro' deals, whose product products.csv spells 'GTX Pro')."""
    unvalued = cache.fetch(KpiValues(kpis=("pipeline_unvalued_deals",), filters=f))
    count = int(unvalued.get("pipeline_unvalued_deals") or 0)
    return t_count("tile.pipeline_unvalued", count) if count else None


def trend_section(chosen: GlobalFilters, controls: TrendControls) -> None:
    """A tab per KPI with its trend, stepped target line and comparison line."""
    f = chosen.filters
    grain = controls.grain
    asked = trend_requests(chosen, controls)
    frame = cache.fetch(asked[0])
    partial = bool(len(frame)) and bucket_is_partial(frame["bucket"].iloc[-1], grain, f.end)
    tabs = st.tabs([kpi_label(k) for k in controls.kpis])
    for tab, kpi_id in zip(tabs, controls.kpis, strict=True):
        with tab:
            plot(
                trend_chart,
                asked,
                kpi_id=kpi_id,
                grain=grain,
                comparison=controls.comparison,
                running=controls.running_total,
                partial=partial,
                key=f"trend_{kpi_id}",
            )
            if controls.running_total:
                additive = get_kpi(kpi_id).additive
                key = "trends.running_note" if additive else "trends.not_additive"
                st.caption(t(key, kpi=kpi_label(kpi_id), grain=mid_sentence(t(f"grain.{grain}"))))
            if partial:
                st.caption(
                    t(
                        "trends.partial_note",
                        grain=mid_sentence(t(f"grain.{grain}")),
                        as_of=format_date(f.end),
                    )
                )
            if get_kpi(kpi_id).target_metric and not frame[f"{kpi_id}_target"].notna().any():
                st.caption(t("trends.no_targets", kpi=kpi_label(kpi_id)))


def split_section(chosen: GlobalFilters, controls: TrendControls, teams: pd.DataFrame) -> None:
    """Small multiples of the first KPI, one panel per team, group or rep, each with its
    target steps and the comparison period, on one shared scale unless asked otherwise."""
    assert controls.split
    kpi_id = controls.kpis[0]
    f = chosen.filters
    try:
        request = KpiTrend(
            kpis=(kpi_id,), filters=f, grain=controls.grain, dimension=controls.split
        )
        now = request.model_copy(update={"with_targets": True})
        asked: tuple[KpiTrend, ...] = (now,)
        if controls.comparison != "target":  # the target steps are drawn anyway
            asked = (now, request.compared(controls.comparison))
        frame = cache.fetch(now)
        if len(asked) > 1:
            cache.fetch(asked[1])  # a comparison that cannot be compiled warns here
    except CompileError as error:
        st.warning(compile_error_text(error))
        return
    total = frame[controls.split].nunique()
    if total > MAX_PANELS:
        st.caption(
            t("trends.too_many_series", shown=MAX_PANELS, total=total, kpi=kpi_label(kpi_id))
        )
    colors = team_colors(teams) if controls.split in ("team", "group") else {}
    own_scale = st.toggle(
        t("trends.split_own_scale"),
        key="split_scale",
        help=t("trends.split_own_scale_help"),
        bind="query-params",
    )
    plot(
        split_chart,
        asked,
        kpi_id=kpi_id,
        grain=controls.grain,
        split=controls.split,
        colors=tuple(sorted(colors.items())),
        own_scale=own_scale,
        comparison=controls.comparison,
        key="split_chart",
    )
    compared = comparison_label(controls.comparison)
    drawn = "" if len(asked) == 1 else t("trends.split_comparison", comparison=compared)
    note = "trends.split_own_note" if own_scale else "trends.split_shared_note"
    st.caption(t(note, kpi=kpi_label(kpi_id), comparison=drawn))


def breakdown_section(chosen: GlobalFilters, controls: TrendControls) -> None:
    """A table of every KPI by the split (the chosen team's groups, or the teams), with the
    change against the comparison and, for targeted KPIs, the same full-period target and
    attainment the tiles show."""
    dimension = breakdown_dimension(chosen, controls)
    st.subheader(t("trends.breakdown", dimension=mid_sentence(dimension_label(dimension))))
    supported = supported_kpis(chosen, controls)
    for kpi_id in controls.kpis:
        if kpi_id not in supported:
            st.caption(
                t(
                    "trends.cannot_split",
                    kpi=kpi_label(kpi_id),
                    dimension=dimension_label(dimension),
                )
            )
    if not supported:
        return
    f = chosen.filters
    asked = breakdown_requests(chosen, controls, supported)
    merged = cache.fetch(asked.now)
    targeted = asked.whole.kpis if asked.whole is not None else ()
    if asked.whole is not None:
        whole = cache.fetch(asked.whole)
        targets = whole[[dimension, *(f"{k}_target" for k in targeted)]]
        merged = merged.merge(targets, on=dimension, how="left")
    if asked.then is not None:
        before = cache.fetch(asked.then)
        merged = merged.merge(before, on=dimension, how="left", suffixes=("", "__before"))

    table = pd.DataFrame({dimension_label(dimension): label_values(merged, dimension)[dimension]})
    config: dict[str, object] = {}

    def add(label: str, values: pd.Series, column: object) -> None:
        table[label] = values
        config[label] = column

    for kpi_id in supported:
        unit = get_kpi(kpi_id).unit
        label = kpi_label(kpi_id)
        add(label, merged[kpi_id], _column_format(unit, label, kpi_id))
        if f"{kpi_id}__before" in merged:
            change_label = f"{label} · {t('col.change')}"
            before_values = merged[f"{kpi_id}__before"]
            if unit == "percent":  # a rate's change reads in points, as on the tile
                points = (merged[kpi_id] - before_values) * 100
                points_format = st.column_config.NumberColumn(format=points_column_format())
                add(change_label, points, points_format)
            else:
                growth = growth_column(merged[kpi_id], before_values)
                add(change_label, growth, st.column_config.NumberColumn(format="percent"))
        target = merged.get(f"{kpi_id}_target")
        if target is not None and (target.fillna(0) > 0).any():
            target_label = f"{label} · {mid_sentence(t('col.target'))}"
            attained_label = f"{label} · {mid_sentence(t('col.attainment'))}"
            add(target_label, target, _column_format(unit, target_label, kpi_id))
            attained = merged[kpi_id] / target.where(target > 0)
            add(
                attained_label,
                attained,
                st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1),
            )
    table_with_download(
        table,
        f"huddle_{dimension}_{f.start}_{f.end}.csv",
        column_config=config,
        key="breakdown",
    )


def _column_format(unit: str, label: str, kpi_id: str) -> st.column_config.NumberColumn:
    if unit == "money":
        return st.column_config.NumberColumn(label, format=money_column_format(kpi_id))
    if unit == "percent":
        return st.column_config.NumberColumn(label, format="percent")
    if unit in ("days", "score"):
        return st.column_config.NumberColumn(label, format="%.1f")
    return st.column_config.NumberColumn(label, format="localized")
