"""The questions pages and the CLI ask, answered through the compiler and the store.

Results are small, aggregated DataFrames: one row per period, bucket or dimension value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from data.rollups import rolled_data_end, rollups_enabled, rollups_read_current
from data.store import Store
from metrics.catalogue import get_kpi
from metrics.compiler import MetricRequest, compile_request
from metrics.filters import Filters
from metrics.model import Grain
from metrics.month_rollup import ends_inside_a_month
from metrics.periods import Comparison, compare_period


def run(store: Store, request: MetricRequest, *, rollups: bool | None = None) -> pd.DataFrame:
    """Compile and run a request; columns as in CompiledQuery.columns.

    What a rollup answers is read from it while the rollups are current and not switched off
    ($HUDDLE_ROLLUPS=off), else from the rows: the same numbers either way. `rollups` False
    forces the rows; True uses the rollups unchecked (tests that have just refreshed them)."""
    compiled = compile_request(request)
    if rollups if rollups is not None else rollups_enabled():
        # Asked only when it can matter: a monthly request or a total ending inside a month.
        ends = (
            rolled_data_end(store) if ends_inside_a_month(request.filters, request.grain) else None
        )
        rolled = compile_request(request, rollups=True, data_ends=ends)
        # Asked only when a rollup would change the SQL: most requests read none.
        if rolled.sql != compiled.sql and (rollups or rollups_read_current(store, rolled.sql)):
            compiled = rolled
    frame = store.query(compiled.sql, compiled.params)
    if "bucket" in frame.columns:
        frame["bucket"] = pd.to_datetime(frame["bucket"]).dt.date
    return frame[compiled.columns]


def values(
    store: Store, kpis: tuple[str, ...], filters: Filters, *, with_targets: bool = False
) -> dict[str, float | None]:
    """Each KPI's value over the filters' period, as {kpi_id: value}; None when undefined."""
    frame = run(store, MetricRequest(kpis=kpis, filters=filters, with_targets=with_targets))
    row = frame.iloc[0]
    return {column: _plain(row[column]) for column in frame.columns}


def trend(
    store: Store,
    kpis: tuple[str, ...],
    filters: Filters,
    grain: Grain,
    *,
    dimension: str | None = None,
    with_targets: bool = False,
) -> pd.DataFrame:
    """KPIs per bucket of `grain` (every bucket present, empty ones as 0 or blank)."""
    request = MetricRequest(
        kpis=kpis, filters=filters, grain=grain, dimension=dimension, with_targets=with_targets
    )
    return run(store, request)


def breakdown(
    store: Store,
    kpis: tuple[str, ...],
    filters: Filters,
    dimension: str,
    *,
    with_targets: bool = False,
) -> pd.DataFrame:
    """KPIs per value of a dimension over the filters' period, largest first KPI first."""
    request = MetricRequest(
        kpis=kpis, filters=filters, dimension=dimension, with_targets=with_targets
    )
    frame = run(store, request)
    return frame.sort_values(kpis[0], ascending=False, na_position="last").reset_index(drop=True)


@dataclass(frozen=True)
class KpiComparison:
    """A KPI's value for a period next to the like-for-like period it is compared with."""

    kpi_id: str
    value: float | None
    previous: float | None
    compare_start: date
    compare_end: date

    @property
    def delta(self) -> float | None:
        """The change in the KPI's own unit."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def growth(self) -> float | None:
        """The growth rate of any KPI: the change as a share of the earlier value."""
        return growth_rate(self.value, self.previous)

    @property
    def improved(self) -> bool | None:
        """True when the change is in the KPI's good direction."""
        if not self.delta:
            return None
        better_up = get_kpi(self.kpi_id).direction == "higher_is_better"
        return (self.delta > 0) == better_up


def growth_rate(value: float | None, previous: float | None) -> float | None:
    """(value - previous) / |previous|; None when there is nothing to grow from."""
    if value is None or previous is None or previous == 0:
        return None
    return (value - previous) / abs(previous)


def compare(
    store: Store, kpis: tuple[str, ...], filters: Filters, comparison: Comparison
) -> dict[str, KpiComparison]:
    """Each KPI for the period and for its like-for-like comparison period (chosen by the
    period's kind: month to date against the same days of the month before)."""
    compare_start, compare_end = compare_period(
        filters.start, filters.end, comparison, filters.period_kind
    )
    now = values(store, kpis, filters)
    then = values(store, kpis, filters.with_dates(compare_start, compare_end))
    return {k: KpiComparison(k, now[k], then[k], compare_start, compare_end) for k in kpis}


def _plain(value: object) -> float | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return float(value)  # type: ignore[arg-type]


def growth_column(current: pd.Series, previous: pd.Series) -> pd.Series:
    """growth_rate for whole columns: blank where the previous value is 0 or missing."""
    return (current - previous) / previous.abs().where(previous != 0)


def running_total(frame: pd.DataFrame, kpis: tuple[str, ...]) -> pd.DataFrame:
    """A trend as running totals: additive KPIs and their targets accumulate bucket by bucket,
    attainment is recomputed on the totals; KPIs that do not add up (rates, distinct counts)
    are left as they are."""
    out = frame.copy()
    for kpi_id in kpis:
        kpi = get_kpi(kpi_id)
        if not kpi.additive:
            continue
        out[kpi_id] = frame[kpi_id].fillna(0).cumsum()
        target = f"{kpi_id}_target"
        if target in frame and frame[target].notna().any():
            out[target] = frame[target].fillna(0).cumsum()
            attainment = f"{kpi_id}_attainment"
            if attainment in frame:
                out[attainment] = out[kpi_id] / out[target].where(out[target] != 0)
    return out
