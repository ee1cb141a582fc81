"""Every Streamlit cache in the app, in one module.

The store is one per process (st.cache_resource); query results are cached on small explicit
arguments, the request's JSON and the data version, never on DataFrames, so a write anywhere
(an import, a saved target) invalidates exactly what it should.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from data import company_kind, settings, tempfiles
from data.config import resolve_db_path
from data.store import Store
from metrics import lookups, segments, segments_screen, service, standup_screen, team_structure
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from metrics.model import Grain
from metrics.periods import Comparison
from metrics.standup_screen import StandupData


@st.cache_resource(show_spinner=False)
def get_store(path: str | None = None) -> Store:
    """The process-wide store for the configured database file. Opening it is the app's
    start: temporary files left by Huddle processes that were killed are swept then."""
    tempfiles.sweep_stale()
    return Store(path or resolve_db_path())


def data_version() -> int:
    """The store's data version: part of every cache key below."""
    return get_store().data_version()


@st.cache_data(show_spinner=False, max_entries=1024)
def _run(request_json: str, version: int) -> pd.DataFrame:
    del version  # only a cache key: a new version means the data changed
    return service.run(get_store(), MetricRequest.model_validate_json(request_json))


def run_request(request: MetricRequest) -> pd.DataFrame:
    """A metrics request's result, cached until the data changes."""
    return _run(request.model_dump_json(), data_version()).copy()


def kpi_values(
    kpis: tuple[str, ...], filters: Filters, *, with_targets: bool = False
) -> dict[str, float | None]:
    """Each KPI's value over the filters' period (cached)."""
    frame = run_request(MetricRequest(kpis=kpis, filters=filters, with_targets=with_targets))
    row = frame.iloc[0]
    return {c: (None if pd.isna(row[c]) else float(row[c])) for c in frame.columns}


def kpi_trend(
    kpis: tuple[str, ...],
    filters: Filters,
    grain: Grain,
    *,
    dimension: str | None = None,
    with_targets: bool = False,
) -> pd.DataFrame:
    """KPIs per bucket (cached)."""
    request = MetricRequest(
        kpis=kpis, filters=filters, grain=grain, dimension=dimension, with_targets=with_targets
    )
    return run_request(request)


def kpi_breakdown(
    kpis: tuple[str, ...],
    filters: Filters,
    dimension: str,
    *,
    with_targets: bool = False,
    customer_segments: tuple[tuple[int, str], ...] = (),
) -> pd.DataFrame:
    """KPIs per dimension value (cached), largest first; `customer_segments` classify the
    customers for the lifecycle_stage and rfm_segment dimensions."""
    request = MetricRequest(
        kpis=kpis,
        filters=filters,
        dimension=dimension,
        with_targets=with_targets,
        customer_segments=customer_segments,
    )
    frame = run_request(request)
    return frame.sort_values(kpis[0], ascending=False, na_position="last").reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=512)
def _compare(
    kpis: tuple[str, ...], filters_json: str, comparison: Comparison, version: int
) -> dict[str, service.KpiComparison]:
    del version
    filters = Filters.model_validate_json(filters_json)
    return service.compare(get_store(), kpis, filters, comparison)


def kpi_compare(
    kpis: tuple[str, ...], filters: Filters, comparison: Comparison
) -> tuple[dict[str, float | None], tuple[date, date]]:
    """The like-for-like comparison period's values and its dates (cached)."""
    result = _compare(kpis, filters.model_dump_json(), comparison, data_version())
    first = next(iter(result.values()))
    return {k: c.previous for k, c in result.items()}, (first.compare_start, first.compare_end)


@st.cache_data(show_spinner=False)
def _teams(version: int) -> pd.DataFrame:
    del version
    return lookups.teams(get_store())


def teams() -> pd.DataFrame:
    """Teams and groups, parents first (cached)."""
    return _teams(data_version()).copy()


@st.cache_data(show_spinner=False)
def _span(version: int) -> tuple[date, date] | None:
    del version
    return lookups.data_span(get_store())


def data_span() -> tuple[date, date] | None:
    """First and last day in the data (cached)."""
    return _span(data_version())


@st.cache_data(show_spinner=False)
def _currency(version: int) -> str:
    del version
    return settings.company_currency(get_store())


def company_currency() -> str:
    """The currency the company's amounts are in: its setting, else the default (cached)."""
    return _currency(data_version())


@st.cache_data(show_spinner=False)
def _is_demo(version: int) -> bool:
    del version
    return company_kind.is_demo(get_store())


def is_demo() -> bool:
    """Whether the database holds the demo company, not a company's own data (cached)."""
    return _is_demo(data_version())


@st.cache_data(show_spinner=False)
def _channels(version: int) -> list[str]:
    del version
    return lookups.channels(get_store())


def channels() -> list[str]:
    """Channels of the top-level teams (cached)."""
    return list(_channels(data_version()))


@st.cache_data(show_spinner=False, max_entries=256)
def _standup_data(filters_json: str, as_of: date, version: int) -> StandupData:
    del version
    filters = Filters.model_validate_json(filters_json)
    return standup_screen.standup_data(get_store(), filters, as_of)


def standup_data(filters: Filters, as_of: date) -> StandupData:
    """Everything the stand-up screen shows for this scope and day (cached)."""
    return _standup_data(filters.model_dump_json(), as_of, data_version())


# Metrics functions the Team and Segments pages call, by name, each taking (store, filters,
# *args); results are cached on the filters' JSON, the arguments and the data version.
_CALLS: dict[str, Callable[..., Any]] = {
    "team.people": lambda s, f: team_structure.people(s, f),
    "team.headcount": lambda s, f: team_structure.headcount_by_role(s, f),
    "team.span": lambda s, f: team_structure.span_of_control(s, f),
    "team.movements": lambda s, f, grain: team_structure.joiners_and_leavers(s, f, grain),
    "team.gaps": lambda s, f: team_structure.coverage_gaps(s, f),
    "team.workload": lambda s, f: team_structure.workload(s, f),
    "team.person": lambda s, f, rep_id: team_structure.person(s, rep_id, f),
    "segments.screen": lambda s, f, as_of, before: segments_screen.segments_data(
        s, f, as_of, before
    ),
    "segments.customer": lambda s, f, customer_id: segments.customer_detail(s, customer_id),
    "segments.customers_in": lambda s, f, dimension, value, ids: segments.customers_in(
        s, f, dimension, value, ids
    ),
    "segments.classes": lambda s, f, dimension, as_of: segments.customer_classes(
        s, f, dimension, as_of
    ),
}


def register_calls(calls: dict[str, Callable[..., Any]]) -> None:
    """Add named metrics functions for `call`; a page's component module registers its own,
    prefixed with the page's name ("reviews.history"), when it is imported."""
    _CALLS.update(calls)


@st.cache_data(show_spinner=False, max_entries=512)
def _call(name: str, filters_json: str, args: tuple[Any, ...], version: int) -> Any:
    del version
    return _CALLS[name](get_store(), Filters.model_validate_json(filters_json), *args)


def call(name: str, filters: Filters, *args: Any) -> Any:
    """Run one of the named metrics functions above (cached until the data changes)."""
    result = _call(name, filters.model_dump_json(), args, data_version())
    return result.copy() if isinstance(result, pd.DataFrame) else result


def kpi_grid(
    kpis: tuple[str, ...],
    filters: Filters,
    dimension: str,
    dimension2: str,
    customer_segments: tuple[tuple[int, str], ...] = (),
) -> pd.DataFrame:
    """KPIs by two dimensions at once (cached), for a heatmap."""
    request = MetricRequest(
        kpis=kpis,
        filters=filters,
        dimension=dimension,
        dimension2=dimension2,
        customer_segments=customer_segments,
    )
    return run_request(request)
