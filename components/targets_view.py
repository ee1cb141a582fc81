"""The Targets page's what-if: choose a KPI and period, set a total, split it, see what it implies.

Figures are kept in the KPI's base unit (cents for money) and shown in its display unit;
hand edits are kept per KPI, period and scope in session state, so nothing typed is lost
when another control changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from components import cache
from components.format import (
    MISSING,
    format_date,
    format_month,
    format_value,
    label_each,
    md,
    money_column_format,
)
from components.placeholder_note import placeholder_note
from components.tables import readable, table_with_download
from components.text import column_label, kpi_label, t
from components.url_state import coded
from data.targets import whole_units
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.periods import add_months
from metrics.requests_plans import TargetHistory
from metrics.requests_targets import Edits, SplitResult, TargetSplit
from metrics.target_allocation import METHODS, Method
from metrics.target_history import (
    SHARE_MONTHS,
    TargetBase,
    base_units_per_value,
    next_periods,
    target_kpi_ids,
)

TOTAL_MODES = ("last_year", "last_period", "absolute")
EDITABLE = ("target", "floor", "cap")


@dataclass(frozen=True)
class TargetSetup:
    """What the lead is setting targets for."""

    kpi_id: str
    start: date
    end: date


def setup(as_of: date) -> TargetSetup:
    """The KPI and period pickers (bound to the URL)."""
    kpi_col, period_col = st.columns([5, 4])
    with kpi_col:
        kpi_id = coded(
            st.segmented_control,
            t("targets.kpi"),
            target_kpi_ids(),
            default="revenue",
            format_func=kpi_label,
            required=True,
            key="tgt_kpi",
        )
    periods = next_periods(as_of)
    with period_col:
        choice = coded(
            st.segmented_control,
            t("targets.period"),
            [*periods, "custom"],
            default="next_month",
            format_func=lambda p: t(f"targets.period.{p}"),
            required=True,
            key="tgt_period",
        )
    if choice == "custom":
        first_months = [add_months(periods["next_month"][0], n) for n in range(-12, 13)]
        with period_col:
            left, right = st.columns(2)
            first = left.selectbox(
                t("targets.first_month"),
                first_months,
                index=12,
                format_func=lambda d: format_month(d, short=True),
                key="tgt_first",
            )
            months = right.number_input(
                t("targets.months"), min_value=1, max_value=12, value=3, key="tgt_months"
            )
        start, end = first, add_months(first, int(months)) - pd.Timedelta(days=1)
    else:
        start, end = periods[choice or "next_month"]
    return TargetSetup(kpi_id or "revenue", start, end)


def period_label(start: date, end: date) -> str:
    """A target period in words: a month (Dec 2026), a calendar quarter (Q1 2027) or a run of
    months (Jan 2027 – Apr 2027), in the user's language."""
    months = len(pd.date_range(start, end, freq="MS"))
    if months == 1:
        return format_month(start, short=True)
    if months == 3 and start.month % 3 == 1:
        return t("targets.quarter", quarter=(start.month - 1) // 3 + 1, year=start.year)
    return t(
        "targets.months_range",
        first=format_month(start, short=True),
        last=format_month(end, short=True),
    )


def history_request(scope: Filters, as_of: date, target: TargetSetup) -> TargetHistory:
    """The request for the history and profile behind a split: the scope's data up to as_of."""
    history_scope = scope.with_dates(scope.start, as_of)
    return TargetHistory(
        filters=history_scope, kpi_id=target.kpi_id, start=target.start, end=target.end
    )


def load_base(history: TargetHistory) -> TargetBase:
    """The cached history and profile behind a split (one query set per data change)."""
    return cache.fetch(history)


def kpi_unit(kpi_id: str) -> str:
    """The KPI's unit: money, count and so on."""
    return get_kpi(kpi_id).unit


def format_base(value: float | None, kpi_id: str, *, compact: bool = True) -> str:
    """A figure in base units (cents for money) as the KPI is shown: $12.4k, 37."""
    if value is None:
        return format_value(None, "count")
    return format_value(value / base_units_per_value(kpi_id), kpi_unit(kpi_id), compact=compact)


def _to_base(value: float, kpi_id: str) -> int:
    """A figure typed in the display unit, in base units, rounded half-up."""
    return whole_units(value, base_units_per_value(kpi_id))


def total_control(base: TargetBase) -> int:
    """The total for the scope: growth over a baseline (a slider) or a typed amount."""
    kpi_id = base.kpi_id
    st.subheader(t("targets.total_heading"))
    mode_col, value_col, result_col = st.columns([2, 3, 2])
    with mode_col:
        mode = coded(
            st.radio,
            t("targets.total_mode"),
            TOTAL_MODES,
            format_func=lambda m: t(f"targets.mode.{m}"),
            key="tgt_mode",
        )
    baseline = base.baselines.get(mode) if mode != "absolute" else None
    with value_col:
        if mode == "absolute" or baseline is None:
            if mode != "absolute":
                st.warning(t("targets.no_baseline"))
            suggested = float(base.people["projection"].sum()) / base_units_per_value(kpi_id)
            typed = st.number_input(
                t("targets.absolute", unit=kpi_label(kpi_id)),
                min_value=0.0,
                value=float(round(suggested, -2 if kpi_unit(kpi_id) == "money" else 0)),
                step=1000.0 if kpi_unit(kpi_id) == "money" else 1.0,
                key=f"tgt_absolute_{kpi_id}",
            )
            total = _to_base(typed, kpi_id)
        else:
            growth = st.slider(
                t("targets.growth"),
                min_value=-50,
                max_value=100,
                value=10,
                step=1,
                format="%d%%",
                key="tgt_growth",
                bind="query-params",
            )
            first, last = base.baseline_spans[mode]
            st.caption(
                t(
                    "targets.baseline",
                    value=format_base(baseline, kpi_id),
                    start=format_date(first),
                    end=format_date(last),
                )
            )
            total = _to_base(baseline * (1 + growth / 100) / base_units_per_value(kpi_id), kpi_id)
    with result_col:
        st.metric(t("targets.total"), format_base(total, kpi_id, compact=False))
    return total


def _edits_key(base: TargetBase, scope: Filters) -> str:
    return f"tgt_edits|{base.kpi_id}|{base.start}|{base.end}|{scope.team_id}|{scope.channel}"


def _edits(key: str) -> dict[int, dict[str, int | None]]:
    return st.session_state.setdefault(key, {})


def merge_edits(
    edits: dict[int, dict[str, int | None]],
    edited_rows: dict,
    rep_ids: list[int],
    kpi_id: str,
) -> dict[int, dict[str, int | None]]:
    """The kept edits with the editor's changed cells folded in: a typed target, floor or cap
    (display units) is kept in base units; unticking "set by hand" releases the target; a
    cleared floor or cap is dropped."""
    merged = {rep: dict(kept) for rep, kept in edits.items()}
    for position, cells in edited_rows.items():
        rep_id = rep_ids[int(position)]
        kept = merged.setdefault(rep_id, {})
        for column, value in cells.items():
            if column == "by_hand" and not value:
                kept.pop("target", None)
            elif column in EDITABLE and (value is None or value != value):
                kept.pop(column, None)
            elif column in EDITABLE:
                kept[column] = _to_base(value, kpi_id)
        if not kept:
            merged.pop(rep_id)
    return merged


def _remember_edits(editor_key: str, edits_key: str, rep_ids: list[int], kpi_id: str) -> None:
    """Keep the editor's changes, then start the editor afresh (a new key), so it shows the
    rebalanced split with the edits in it."""
    changed = st.session_state[editor_key].get("edited_rows", {})
    st.session_state[edits_key] = merge_edits(_edits(edits_key), changed, rep_ids, kpi_id)
    st.session_state["tgt_editor_round"] = st.session_state.get("tgt_editor_round", 0) + 1


def _bounds(edits: dict[int, dict[str, int | None]], name: str) -> Edits:
    """One kind of hand edit (target, floor or cap) as (rep_id, base units), by rep_id."""
    return tuple(
        sorted((rep, int(e[name])) for rep, e in edits.items() if e.get(name) is not None)  # type: ignore[arg-type]
    )


def _edited(edits: dict[int, dict[str, int | None]], rep_id: int, name: str, scale: int) -> float:
    """A hand-set floor or cap in display units; NaN (a blank cell) when none is set."""
    value = edits.get(rep_id, {}).get(name)
    return float("nan") if value is None else value / scale


def split_controls(base: TargetBase) -> tuple[Method, int]:
    """The split method and, for history, how many months of it."""
    method_col, months_col = st.columns([3, 2])
    with method_col:
        method = coded(
            st.segmented_control,
            t("targets.method"),
            METHODS,
            default="history",
            format_func=lambda m: t(f"targets.method.{m}"),
            required=True,
            key="tgt_method",
            help=t("targets.method_help"),
        )
    months = 3
    if method == "history":
        with months_col:
            months = st.segmented_control(
                t("targets.history_months"),
                SHARE_MONTHS,
                default=3,
                format_func=lambda n: t("targets.months_n", count=n),
                required=True,
                key="tgt_history_months",
            )
    return method or "history", int(months or 3)  # type: ignore[return-value]


def allocation(
    history: TargetHistory, base: TargetBase, scope: Filters, total: int
) -> tuple[TargetSplit, SplitResult]:
    """Split the total, with the lead's hand edits, floors and caps, and say what could not
    be honoured; returns the request and its answer: that split, the same split without any
    edit (what the edits are measured against) and what each implies."""
    method, months = split_controls(base)
    edits = _edits(_edits_key(base, scope))
    request = TargetSplit(
        history=history,
        total=total,
        method=method,
        months=months,
        fixed=_bounds(edits, "target"),
        floors=_bounds(edits, "floor"),
        caps=_bounds(edits, "cap"),
    )
    result = cache.fetch(request)
    for problem in result.split.problems:
        st.warning(
            t(f"targets.problem.{problem.code}", amount=format_base(problem.amount, base.kpi_id))
        )
    return request, result


def allocation_editor(base: TargetBase, scope: Filters, split: SplitResult) -> None:
    """The split per person, editable: a typed target is kept and the others rebalance."""
    placeholder_note()  # why an import's made-up "Unassigned" gets no share of the target
    kpi_id = base.kpi_id
    scale = base_units_per_value(kpi_id)
    edits_key = _edits_key(base, scope)
    edits = _edits(edits_key)
    people = base.people
    frame = pd.DataFrame(
        {
            "rep": people["name"],
            "group": people["group"],
            "by_hand": [rep in edits and "target" in edits[rep] for rep in people.index],
            "target": split.split.values / scale,
            "floor": [_edited(edits, r, "floor", scale) for r in people.index],
            "cap": [_edited(edits, r, "cap", scale) for r in people.index],
            "current_target": people["current_target"] / scale,
            "official_days": label_each(
                people["official_days"],
                lambda d: (
                    t("targets.official_days_value", days=int(d), total=base.period_days)
                    if d
                    else None
                ),
            ),
            # The new target over the official target's days against it: like for like.
            "vs_official": split.same_days
            / people["current_target"].where(people["current_target"] > 0)
            - 1,
            "projection": split.implied["projection"] / scale,
            # Revenue only: deals open now, at their full amount (not added to the projection).
            "open_pipeline": people.get("open_pipeline", pd.Series(index=people.index)) / scale,
            "reach_chance": split.implied["reach_chance"],
            "stretch": split.implied["stretch"],
        },
        index=people.index,
    ).sort_values(["group", "rep"])
    if "open_pipeline" not in people:
        frame = frame.drop(columns="open_pipeline")
    rep_ids = [int(r) for r in frame.index]
    money = money_column_format() if kpi_unit(kpi_id) == "money" else "localized"
    config = {
        "rep": st.column_config.TextColumn(column_label("rep"), disabled=True),
        "group": st.column_config.TextColumn(column_label("group"), disabled=True),
        "by_hand": st.column_config.CheckboxColumn(
            t("targets.col.by_hand"), help=t("targets.col.by_hand_help")
        ),
        "target": st.column_config.NumberColumn(
            t("targets.col.target"), format=money, min_value=0, help=t("targets.col.target_help")
        ),
        "floor": st.column_config.NumberColumn(t("targets.col.floor"), format=money, min_value=0),
        "cap": st.column_config.NumberColumn(t("targets.col.cap"), format=money, min_value=0),
        "current_target": st.column_config.NumberColumn(
            t("targets.col.current"),
            format=money,
            disabled=True,
            help=t("targets.col.current_help"),
        ),
        "official_days": st.column_config.TextColumn(t("targets.col.official_days"), disabled=True),
        "vs_official": st.column_config.NumberColumn(
            t("targets.col.vs_official"),
            format="percent",
            disabled=True,
            help=t("targets.col.vs_official_help"),
        ),
        "projection": st.column_config.NumberColumn(
            t("targets.col.projection"), format=money, disabled=True
        ),
        "open_pipeline": st.column_config.NumberColumn(
            t("targets.col.pipeline"),
            format=money,
            disabled=True,
            help=t("targets.col.pipeline_help"),
        ),
        "reach_chance": st.column_config.ProgressColumn(
            t("targets.col.reach"), format="percent", min_value=0, max_value=1
        ),
        "stretch": st.column_config.NumberColumn(
            t("targets.col.stretch"),
            format="percent",
            disabled=True,
            help=t("targets.col.stretch_help"),
        ),
    }
    editor_key = f"tgt_editor_{st.session_state.get('tgt_editor_round', 0)}"
    st.data_editor(
        frame,
        column_config=config,
        hide_index=True,
        num_rows="fixed",
        key=editor_key,
        on_change=_remember_edits,
        args=(editor_key, edits_key, rep_ids, kpi_id),
        height=min(36 * (len(frame) + 1) + 3, 560),
        placeholder=MISSING,
    )
    if edits and st.button(t("targets.reset_edits"), icon=":material/undo:", key="tgt_reset"):
        st.session_state.pop(edits_key, None)
        st.rerun()


def group_totals(base: TargetBase, split: SplitResult) -> None:
    """The split summed by group, next to what the groups carry today and, like for like,
    the new targets over the same days as those official ones."""
    scale = base_units_per_value(base.kpi_id)
    frame = split.groups
    for column in ("target", "current_target", "target_same_days", "projection"):
        frame[column] = frame[column] / scale
    money = money_column_format() if kpi_unit(base.kpi_id) == "money" else "localized"
    config = {c: st.column_config.NumberColumn(format=money) for c in readable(frame).columns[2:]}
    table_with_download(
        readable(frame), "target-groups.csv", column_config=config, key="tgt_groups"
    )


def notes(base: TargetBase) -> None:
    """Who is left out and how the projection is made, in words."""
    if base.left_names:
        st.caption(t("targets.left_out", names=", ".join(map(md, base.left_names))))
    joiners = base.people[base.people["employed_days"] < base.period_days]
    if not joiners.empty:
        st.caption(t("targets.prorated", names=", ".join(map(md, sorted(joiners["name"])))))
    st.caption(
        t(
            "targets.method_note",
            history_end=format_date(base.history_end),
            season=f"{base.season:.2f}",
        )
    )
