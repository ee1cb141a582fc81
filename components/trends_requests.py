"""The requests the KPI Trends page's sections fetch, built here once, so the page can work
them out side by side before the sections draw them (fetch_first).

The tiles (the period, its comparison, the whole period's targets, the sparklines), the trend
chart (with targets, and the comparison) and the breakdown table (the period, the whole
period's targets, the comparison) are nine independent queries; one after another they took
about 1 s of a first run at ten million order lines. Each section asks for the same request
again and finds it cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from components import cache
from components.filters import GlobalFilters
from metrics.catalogue import get_kpi
from metrics.compiler import CompileError, can_break_down
from metrics.model import Grain
from metrics.periods import Comparison, full_period_end
from metrics.requests import KpiBreakdown, KpiTrend, KpiValues, Request


@dataclass(frozen=True)
class TrendControls:
    """What the user picked on the page."""

    kpis: tuple[str, ...]
    grain: Grain
    comparison: Comparison | Literal["target"]
    split: str | None
    running_total: bool


@dataclass(frozen=True)
class TileRequests:
    """The tiles' values: the period (with targets to date), the period compared with (None
    when the comparison is the target), the whole period's targets (None when no KPI chosen
    has targets) and the sparklines."""

    now: KpiValues
    then: KpiValues | None
    full: KpiValues | None
    spark: KpiTrend


def targeted(kpis: tuple[str, ...]) -> tuple[str, ...]:
    """The KPIs among `kpis` that have targets."""
    return tuple(k for k in kpis if get_kpi(k).target_metric)


def tile_requests(chosen: GlobalFilters, controls: TrendControls) -> TileRequests:
    f = chosen.filters
    with_targets = targeted(controls.kpis)
    full_end = full_period_end(chosen.period, f.start, f.end)
    return TileRequests(
        now=KpiValues(kpis=controls.kpis, filters=f, with_targets=True),
        then=None
        if controls.comparison == "target"
        else KpiValues(kpis=controls.kpis, filters=f).compared(controls.comparison),
        full=KpiValues(
            kpis=with_targets, filters=f.with_dates(f.start, full_end), with_targets=True
        )
        if with_targets
        else None,
        spark=KpiTrend(kpis=controls.kpis, filters=f, grain=controls.grain),
    )


def trend_requests(chosen: GlobalFilters, controls: TrendControls) -> tuple[KpiTrend, ...]:
    """The trend chart's requests: the period with its targets, then the comparison (none when
    the comparison is the target, whose line is drawn anyway)."""
    f = chosen.filters
    now = KpiTrend(kpis=controls.kpis, filters=f, grain=controls.grain, with_targets=True)
    if controls.comparison == "target":
        return (now,)
    then = KpiTrend(kpis=controls.kpis, filters=f, grain=controls.grain)
    return (now, then.compared(controls.comparison))


def breakdown_dimension(chosen: GlobalFilters, controls: TrendControls) -> str:
    """What the breakdown table splits by: the split chosen, else the chosen team's groups,
    else the teams."""
    return controls.split or ("group" if chosen.filters.team_id is not None else "team")


@dataclass(frozen=True)
class BreakdownRequests:
    """The breakdown table's values: the period, the whole period's targets (None when no KPI
    shown has targets) and the comparison (None when the comparison is the target)."""

    now: KpiBreakdown
    whole: KpiBreakdown | None
    then: KpiBreakdown | None


def breakdown_requests(
    chosen: GlobalFilters, controls: TrendControls, supported: tuple[str, ...]
) -> BreakdownRequests:
    """For the KPIs in `supported` (those that can be split by the breakdown's dimension)."""
    f = chosen.filters
    dimension = breakdown_dimension(chosen, controls)
    with_targets = targeted(supported)
    full_end = full_period_end(chosen.period, f.start, f.end)
    now = KpiBreakdown(kpis=supported, filters=f, dimension=dimension)
    return BreakdownRequests(
        now=now,
        whole=KpiBreakdown(
            kpis=with_targets,
            filters=f.with_dates(f.start, full_end),
            dimension=dimension,
            with_targets=True,
        )
        if with_targets
        else None,
        then=None if controls.comparison == "target" else now.compared(controls.comparison),
    )


def supported_kpis(chosen: GlobalFilters, controls: TrendControls) -> tuple[str, ...]:
    """The chosen KPIs the breakdown's dimension can split."""
    dimension = breakdown_dimension(chosen, controls)
    return tuple(k for k in controls.kpis if can_break_down(k, dimension))


def fetch_first(chosen: GlobalFilters, controls: TrendControls) -> None:
    """Work out, side by side, what the tiles, the trend chart and the breakdown table fetch.
    A request that cannot be compiled is left to its section, which says so where it stands."""
    tiles = tile_requests(chosen, controls)
    requests: list[Request] = [tiles.now, tiles.spark]
    requests += [r for r in (tiles.then, tiles.full) if r is not None]
    requests += trend_requests(chosen, controls)
    supported = supported_kpis(chosen, controls)
    if supported:
        table = breakdown_requests(chosen, controls, supported)
        requests += [r for r in (table.now, table.whole, table.then) if r is not None]
    try:
        cache.fetch_all(list(dict.fromkeys(requests)))
    except CompileError:
        return
