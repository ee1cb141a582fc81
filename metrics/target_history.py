"""What target setting starts from: each person's monthly history and what it says about them.

The history is aggregated once by the metrics layer (one query per data change, cached by the
caller); everything after that is arithmetic on small per-person frames, so a slider or an
edited row never goes back to the database. Values are in the target's base unit: cents for
money, whole units for counts, as the targets table stores them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from data.models import SELLING_ROLES
from data.store import Store
from metrics import lookups, service, target_scenarios
from metrics.catalogue import get_kpi, target_units_per_value, targeted_kpis
from metrics.filters import Filters
from metrics.periods import add_months, unit_end, unit_start

HISTORY_MONTHS = 27  # same period last year, plus the trailing months before it, plus slack
RUN_RATE_MONTHS = 3
SHARE_MONTHS = (3, 6, 12)  # the history windows a split can be based on
VARIATION_MONTHS = 12
SEASON_LIMITS = (0.5, 2.0)  # a season index outside this is more likely noise than season
VARIATION_LIMITS = (0.05, 0.6)


def target_kpi_ids() -> tuple[str, ...]:
    """The KPIs targets can be set for, revenue first."""
    return tuple(k.id for k in targeted_kpis())


def base_units_per_value(kpi_id: str) -> int:
    """How many base units (cents for money, hundredths for a level target such as stock
    turnover) one unit of the KPI's displayed value holds."""
    return target_units_per_value(get_kpi(kpi_id))


def months_of(start: date, end: date) -> list[date]:
    """The first day of every month from `start`'s month to `end`'s."""
    months, month = [], unit_start(start, "month")
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def next_periods(as_of: date) -> dict[str, tuple[date, date]]:
    """The periods a lead usually sets targets for: next month and next quarter."""
    next_month = add_months(unit_start(as_of, "month"), 1)
    next_quarter = add_months(unit_start(as_of, "quarter"), 3)
    return {
        "next_month": (next_month, unit_end(next_month, "month")),
        "next_quarter": (next_quarter, unit_end(next_quarter, "quarter")),
    }


def last_complete_month_end(as_of: date) -> date:
    """The last day of the last month fully on record by `as_of`."""
    if as_of == unit_end(as_of, "month"):
        return as_of
    return unit_start(as_of, "month") - timedelta(days=1)


def _overlap_days(hire: date, leave: date | None, start: date, end: date) -> int:
    first = max(hire, start)
    last = min(leave, end) if leave is not None else end
    return max((last - first).days + 1, 0)


@dataclass(frozen=True)
class History:
    """Who can carry a target in a period, and their record up to the as-of day.

    people: one row per person in scope (rep_id, name, group, role, hire_date, leave_date,
    employed_days in the period, eligible, left) with their current official target (over the
    days of the period it covers: official_days) and open pipeline; monthly: rep_id, month,
    value, employed_days for the history months; scope_monthly: the scope's total per month,
    people who left or moved included.
    """

    kpi_id: str
    start: date
    end: date
    as_of: date
    people: pd.DataFrame
    monthly: pd.DataFrame
    scope_monthly: pd.Series

    @property
    def period_days(self) -> int:
        """Days in the target period."""
        return (self.end - self.start).days + 1

    @property
    def period_months(self) -> int:
        """Months in the target period (targets are set for whole months)."""
        return len(months_of(self.start, self.end))

    @property
    def history_end(self) -> date:
        """The last day of the history: the end of the last complete month."""
        return last_complete_month_end(self.as_of)


def _people_in_scope(store: Store, scope: Filters) -> pd.DataFrame:
    """Everyone whose current team lies in the scope, with their group's name."""
    teams = lookups.teams(store)
    reps = lookups.reps(store)
    if scope.team_id is not None:
        reps = reps[reps["team_id"].isin(lookups.teams_under(teams, scope.team_id))]
    if scope.channel is not None:
        reps = reps[reps["team_id"].map(lookups.root_channels(teams)) == scope.channel]
    # The signed-in user's scope, on top of the filters (metrics.scope).
    if scope.scope.kind == "team" and scope.scope.team_id is not None:
        reps = reps[reps["team_id"].isin(lookups.teams_under(teams, scope.scope.team_id))]
    if scope.scope.kind == "rep":
        reps = reps[reps["rep_id"] == scope.scope.rep_id]
    names = dict(zip(teams["team_id"], teams["name"], strict=True))
    left = pd.to_datetime(reps["leave_date"])
    return reps.assign(
        group=reps["team_id"].map(names),
        hire_date=pd.to_datetime(reps["hire_date"]).dt.date,
        leave_date=[None if pd.isna(day) else day.date() for day in left],
    ).reset_index(drop=True)


def _per_rep(frame: pd.DataFrame, column: str, scale: int) -> pd.Series:
    """A breakdown by rep_id as a Series of base units keyed by integer rep_id."""
    if frame.empty:
        return pd.Series(dtype="float64")
    values = frame.set_index(frame["rep_id"].astype(int))[column].astype("float64")
    return values * scale


def _employed_days(people: pd.DataFrame, months: list[date]) -> pd.DataFrame:
    """rep_id, month, employed_days: the days of each month each person was employed (from
    hire_date to leave_date, both counted), for every person and month, people first. As
    arrays, not a loop: 2,000 people over 27 months took 0.9 s one pair at a time."""
    starts = np.array(months, dtype="datetime64[D]")
    ends = np.array([unit_end(m, "month") for m in months], dtype="datetime64[D]")
    hired = np.array(list(people["hire_date"]), dtype="datetime64[D]").reshape(-1, 1)
    still_here = date.max  # no leave date: employed to the end of every month
    left = np.array([d or still_here for d in people["leave_date"]], dtype="datetime64[D]")
    first = np.maximum(hired, starts)
    last = np.minimum(left.reshape(-1, 1), ends)
    days = np.maximum((last - first).astype("int64") + 1, 0)
    return pd.DataFrame(
        {
            "rep_id": np.repeat(people["rep_id"].to_numpy(dtype="int64"), len(months)),
            "month": np.tile(np.array(months, dtype=object), len(people)),
            "employed_days": days.reshape(-1),
        }
    )


def load_history(store: Store, scope: Filters, kpi_id: str, start: date, end: date) -> History:
    """The history behind setting `kpi_id` targets for [start, end] in `scope`, up to the
    scope's end date (the as-of day). Three queries, all through the KPI layer."""
    as_of = scope.end
    scale = base_units_per_value(kpi_id)
    history_end = last_complete_month_end(as_of)
    history_start = add_months(unit_start(history_end, "month"), -(HISTORY_MONTHS - 1))
    trend = service.trend(
        store, (kpi_id,), scope.with_dates(history_start, history_end), "month", dimension="rep_id"
    )
    trend = trend[trend["rep_id"] != "(not set)"]
    monthly = pd.DataFrame(
        {
            "rep_id": trend["rep_id"].astype(int),
            "month": pd.to_datetime(trend["bucket"]).dt.date,
            "value": trend[kpi_id].fillna(0).astype("float64") * scale,
        }
    )
    scope_monthly = monthly.groupby("month")["value"].sum()
    scope_monthly = scope_monthly.reindex(months_of(history_start, history_end), fill_value=0.0)

    people = _people_in_scope(store, scope)
    official = service.breakdown(
        store, (kpi_id,), scope.with_dates(start, end), "rep_id", with_targets=True
    )
    target_column = f"{kpi_id}_target"
    people["current_target"] = people["rep_id"].map(_per_rep(official, target_column, scale))
    # The days of the period the official target covers: like is compared with like.
    ids = tuple(int(r) for r in people["rep_id"])
    covered = target_scenarios.official_days(store, kpi_id, start, end, ids)
    people["official_days"] = people["rep_id"].map(covered).fillna(0).astype("int64")
    if kpi_id == "revenue":
        pipeline = service.breakdown(
            store, ("pipeline_value",), scope.with_dates(as_of, as_of), "rep_id"
        )
        people["open_pipeline"] = people["rep_id"].map(_per_rep(pipeline, "pipeline_value", 100))
    spans = list(zip(people["rep_id"], people["hire_date"], people["leave_date"], strict=True))
    people["employed_days"] = [_overlap_days(hired, left, start, end) for _, hired, left in spans]
    people["left"] = [left is not None and left < start for _, _, left in spans]
    # A placeholder (an import's made-up "Unassigned") carries no target: nobody sells as it.
    placeholder = people["rep_id"].isin(lookups.placeholder_reps(store))
    people["eligible"] = (
        people["role"].isin(SELLING_ROLES) & (people["employed_days"] > 0) & ~placeholder
    )

    # Days each person was employed in each history month, so rates are per day worked.
    days = _employed_days(people, months_of(history_start, history_end))
    monthly = days.merge(monthly, on=["rep_id", "month"], how="left").fillna({"value": 0.0})
    return History(kpi_id, start, end, as_of, people, monthly, scope_monthly)


def _rate(monthly: pd.DataFrame, months: list[date]) -> pd.Series:
    """Per person: the value per day employed over `months` (blank with no day employed)."""
    part = monthly[monthly["month"].isin(months)].groupby("rep_id")[["value", "employed_days"]]
    sums = part.sum()
    return sums["value"] / sums["employed_days"].where(sums["employed_days"] > 0)


def _last_months(history: History, count: int) -> list[date]:
    end = history.history_end
    return months_of(add_months(unit_start(end, "month"), -(count - 1)), end)


def _same_months_last_year(history: History) -> list[date]:
    return [add_months(m, -12) for m in months_of(history.start, history.end)]


def season_index(history: History) -> float:
    """How much busier the target period is than the trailing months, from last year:
    (same period last year, per day) / (the run-rate months a year earlier, per day),
    kept within SEASON_LIMITS; 1 when last year has no data."""
    last_year = _same_months_last_year(history)
    trailing = [add_months(m, -12) for m in _last_months(history, RUN_RATE_MONTHS)]
    totals = history.scope_monthly

    def per_day(months: list[date]) -> float | None:
        if not all(m in totals.index for m in months):
            return None
        days = sum((unit_end(m, "month") - m).days + 1 for m in months)
        return float(totals[months].sum()) / days

    then, before = per_day(last_year), per_day(trailing)
    if not then or not before:
        return 1.0
    low, high = SEASON_LIMITS
    return min(max(then / before, low), high)


def scope_total(history: History, basis: str) -> float | None:
    """The scope's total for the growth baseline: 'last_year' (the same months a year
    before) or 'last_period' (the same number of months ending with the last complete one);
    None when those months hold nothing to grow from."""
    months = (
        _same_months_last_year(history)
        if basis == "last_year"
        else _last_months(history, history.period_months)
    )
    if not all(m in history.scope_monthly.index for m in months):
        return None
    total = float(history.scope_monthly[months].sum())
    return total or None  # nothing on record then (before the data starts): no baseline


def baseline_months(history: History, basis: str) -> tuple[date, date]:
    """The first and last day of the months `scope_total(history, basis)` sums."""
    months = (
        _same_months_last_year(history)
        if basis == "last_year"
        else _last_months(history, history.period_months)
    )
    return months[0], unit_end(months[-1], "month")


def _variation(history: History) -> pd.Series:
    """Per person: month-to-month variation (coefficient of variation of the daily rate over
    fully worked months of the last year), within VARIATION_LIMITS; the scope's median for
    people with fewer than three such months."""
    months = _last_months(history, VARIATION_MONTHS)
    full = history.monthly[history.monthly["month"].isin(months)].copy()
    month_days = full["month"].map({m: (unit_end(m, "month") - m).days + 1 for m in months})
    full = full[full["employed_days"] == month_days]
    rates = full["value"] / full["employed_days"]
    grouped = rates.groupby(full["rep_id"])
    cv = grouped.std() / grouped.mean().where(grouped.mean() > 0)
    cv = cv[grouped.count() >= 3].dropna()
    low, high = VARIATION_LIMITS
    fallback = float(cv.median()) if len(cv) else 0.25
    ids = history.people["rep_id"]
    return ids.map(cv).fillna(fallback).clip(low, high).set_axis(ids)


def _best_rate(history: History) -> pd.Series:
    """Per person: their best daily rate over any run of months as long as the period (0 at
    worst; nobody who was never employed in such a run)."""
    span = history.period_months
    months = sorted(history.monthly["month"].unique())
    # Every run's rows tagged with the run, summed in one group-by (one group-by per run and a
    # loop over people took 0.4 s at 2,000 people); each sum adds the same rows in the same
    # order as _rate, so the rates are _rate's to the last bit.
    place = history.monthly["month"].map({month: i for i, month in enumerate(months)})
    runs = [
        history.monthly[(place >= i) & (place < i + span)].assign(run=i)
        for i in range(len(months) - span + 1)
    ]
    if not runs:
        return pd.Series(dtype="float64")
    sums = pd.concat(runs).groupby(["rep_id", "run"])[["value", "employed_days"]].sum()
    rates = (sums["value"] / sums["employed_days"].where(sums["employed_days"] > 0)).dropna()
    return rates.groupby(level="rep_id").max().clip(lower=0.0).astype("float64")


def tenure_months(hire: date, on: date) -> float:
    """Months between hire and `on` (30.44-day months), never negative."""
    return max((on - hire).days / 30.44, 0.0)


def profile(history: History) -> pd.DataFrame:
    """One row per person who can carry a target in the period: what they have done and what
    their run rate projects, in base units. The projection is the daily run rate of the last
    RUN_RATE_MONTHS complete months x days employed in the period x the season index; its
    range is 10th to 90th percentile under the person's month-to-month variation."""
    people = history.people[history.people["eligible"]].set_index("rep_id", drop=False)
    middle = history.start + (history.end - history.start) / 2
    out = pd.DataFrame(index=people.index)
    for column in ("name", "group", "team_id", "role", "hire_date", "leave_date", "employed_days"):
        out[column] = people[column]
    for column in ("current_target", "official_days", "open_pipeline"):
        if column in people:
            out[column] = people[column]
    out["tenure_months"] = [tenure_months(h, middle) for h in people["hire_date"]]

    # Per-person series are aligned to the people who can carry a target: with none (a scope
    # holding only a placeholder), an empty frame would otherwise take the series' people.
    def fit(values: pd.Series) -> pd.Series:
        return values.reindex(people.index)

    out["run_rate"] = fit(_rate(history.monthly, _last_months(history, RUN_RATE_MONTHS)))
    for months in SHARE_MONTHS:
        out[f"rate_{months}"] = fit(_rate(history.monthly, _last_months(history, months)))
    out["last_year"] = fit(
        history.monthly[history.monthly["month"].isin(_same_months_last_year(history))]
        .groupby("rep_id")["value"]
        .sum()
    )
    out["best_rate"] = fit(_best_rate(history))
    out["variation"] = fit(_variation(history))
    season = season_index(history)
    out["projection"] = out["run_rate"].fillna(0) * out["employed_days"] * season
    spread = 1.2816 * out["variation"]  # z of the 90th percentile
    out["projection_low"] = (out["projection"] * (1 - spread)).clip(lower=0)
    out["projection_high"] = out["projection"] * (1 + spread)
    out["best_period"] = out["best_rate"] * out["employed_days"]
    return out


def reach_probability(projection: float, variation: float, target: float) -> float:
    """The chance a result drawn around `projection` (normal, sd = projection x variation)
    reaches `target`."""
    if target <= 0:
        return 1.0
    sd = max(projection * variation, 1e-9)
    z = (target - projection) / sd
    return 0.5 * math.erfc(z / math.sqrt(2))


@dataclass(frozen=True)
class TargetBase:
    """Everything the Targets page needs from the data for one KPI, scope and period: small,
    so it caches well, and enough to recompute any split without a query."""

    kpi_id: str
    start: date
    end: date
    period_days: int
    people: pd.DataFrame  # profile(): one row per person who can carry a target
    season: float
    baselines: dict[str, float | None]  # scope_total by basis
    baseline_spans: dict[str, tuple[date, date]]
    left_names: tuple[str, ...]  # sellers who left in the year before the period: no target
    history_end: date


def target_base(store: Store, scope: Filters, kpi_id: str, start: date, end: date) -> TargetBase:
    """Load the history and work out the profile, season and growth baselines once."""
    history = load_history(store, scope, kpi_id, start, end)
    bases = ("last_year", "last_period")
    people = history.people
    recent = pd.Series(
        [day is not None and day >= add_months(start, -12) for day in people["leave_date"]],
        index=people.index,
    )
    left = people[people["left"] & people["role"].isin(SELLING_ROLES) & recent]
    return TargetBase(
        kpi_id=kpi_id,
        start=start,
        end=end,
        period_days=history.period_days,
        people=profile(history),
        season=season_index(history),
        baselines={b: scope_total(history, b) for b in bases},
        baseline_spans={b: baseline_months(history, b) for b in bases},
        left_names=tuple(sorted(left["name"])),
        history_end=history.history_end,
    )
