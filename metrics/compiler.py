"""One compiler: a MetricRequest in, parameterized DuckDB SQL out.

Base KPIs are aggregated per source in one CTE each (grouped by trend bucket and/or dimension);
the CTEs are joined on those keys and derived KPIs are computed from their columns, the way
dbt's metricflow does it. Every value the user chose is a $parameter, never text in the SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from data.errors import InvalidValue
from metrics import messages
from metrics.aggregate_filters import shared_filter
from metrics.catalogue import CATALOGUE, get_kpi, unknown_kpi_message
from metrics.dimensions import DIMENSIONS
from metrics.distinct_steps import in_two_steps
from metrics.filters import Filters
from metrics.messages import MetricsMessage
from metrics.model import REFERENCE, Grain, Kpi
from metrics.month_rollup import reads_months, rolled_span
from metrics.periods import bucket_before, previous_start
from metrics.scope import Scope
from metrics.sources import (
    GIVEN_CUSTOMER_SEGMENTS,
    NO_CUSTOMER_SEGMENTS,
    ORDERS_BY_MONTH,
    SEGMENT_DIMENSIONS,
    SOURCES,
    TARGET_SOURCES,
    with_rollups,
)

_DIM_KEYS = ("dim", "dim2")
_PARAM = re.compile(r"\$([a-z_]+)")
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


class CompileError(ValueError):
    """The request asks for something the catalogue cannot answer; the message says what.

    `key` (of metrics.messages) and `values` let the interface say it in the user's language;
    the values are ids (kpi, kpis, dimension), which the interface names in its own words."""

    def __init__(self, message: str, *, key: str | None = None, **values: Any) -> None:
        super().__init__(message)
        self.key = key
        self.values = values

    @classmethod
    def of(cls, key: str, **ids: Any) -> CompileError:
        """The error `key` with `ids`, its English message naming them by their labels."""
        labels = {name: _english_label(name, value) for name, value in ids.items()}
        return cls(messages.EN[key].format(**labels), key=key, **ids)


def _english_label(name: str, value: Any) -> Any:
    """An id in an English message: a KPI by its label, a dimension in lower case."""
    if name == "kpi":
        return get_kpi(value).label
    if name == "kpis":
        return ", ".join(get_kpi(k).label for k in value)
    if name == "dimension":
        return DIMENSIONS[value].label.lower()
    if name == "trail":
        return " -> ".join(value)
    return value


class MetricRequest(BaseModel):
    """What a page or the CLI asks for: KPIs over filters, optionally by grain and dimension."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kpis: tuple[str, ...] = Field(min_length=1)
    filters: Filters
    grain: Grain | None = None
    dimension: str | None = None
    dimension2: str | None = None  # a second dimension, for a two-way table or heatmap
    with_targets: bool = False
    # For the lifecycle_stage and rfm_segment dimensions: (customer_id, segment) pairs, worked
    # out by metrics.segments as of the period's end; customers not listed are "(not set)".
    customer_segments: tuple[tuple[int, str], ...] = ()

    @field_validator("kpis")
    @classmethod
    def _known_kpis(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for kpi_id in value:
            if kpi_id not in CATALOGUE:
                raise ValueError(unknown_kpi_message(kpi_id))
        return value

    @field_validator("dimension", "dimension2")
    @classmethod
    def _known_dimension(cls, value: str | None) -> str | None:
        if value is not None and value not in DIMENSIONS:
            raise ValueError(
                f"There is no dimension called '{value}'. Known: {', '.join(DIMENSIONS)}"
            )
        return value

    @model_validator(mode="after")
    def _one_segment_dimension(self) -> MetricRequest:
        if len(SEGMENT_DIMENSIONS.intersection(self.dimensions())) > 1:
            raise InvalidValue(MetricsMessage("compile.segments_crossed"))
        return self

    def dimensions(self) -> list[str]:
        """The dimensions asked for, first then second."""
        return [d for d in (self.dimension, self.dimension2) if d]

    def output_kpis(self) -> list[str]:
        """The KPI columns of the result, targets and attainment included when asked for."""
        out: list[str] = []
        for kpi_id in self.kpis:
            out.append(kpi_id)
            if self.with_targets and get_kpi(kpi_id).target_metric:
                out += [f"{kpi_id}_target", f"{kpi_id}_attainment"]
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class CompiledQuery:
    """SQL and its named parameters; `columns` are the result's columns in order."""

    sql: str
    params: dict[str, Any]
    columns: list[str] = field(default_factory=list)


def _measure_column(kpi_id: str, previous: bool) -> str:
    return f"{kpi_id}__prev" if previous else kpi_id


@dataclass
class _Plan:
    """Which base measures each (source, previous-period) CTE must compute."""

    measures: dict[tuple[str, bool], list[str]] = field(default_factory=dict)

    def need(self, kpi: Kpi, previous: bool) -> None:
        key = (kpi.source or "", previous)
        bucket = self.measures.setdefault(key, [])
        if kpi.id not in bucket:
            bucket.append(kpi.id)


def _expression(kpi_id: str, previous: bool, plan: _Plan, trail: tuple[str, ...] = ()) -> str:
    """The SQL expression of a KPI over the joined CTE columns, registering what it needs."""
    if kpi_id in trail:
        raise CompileError.of("compile.self_reference", kpi_id=kpi_id, trail=trail)
    kpi = get_kpi(kpi_id)
    if not kpi.is_derived:
        plan.need(kpi, previous)
        column = f'"{_measure_column(kpi.id, previous)}"'
        return f"coalesce({column}, 0)" if kpi.zero_when_empty else column

    def substitute(match: re.Match[str]) -> str:
        ref_previous = bool(match.group(2))
        if ref_previous and previous:
            raise CompileError.of("compile.previous_of_previous", kpi_id=kpi_id)
        return f"({_expression(match.group(1), previous or ref_previous, plan, (*trail, kpi_id))})"

    return REFERENCE.sub(substitute, kpi.sql)


def _finish(kpi: Kpi, expression: str) -> str:
    """Apply the unit's rounding rule: money from cents to currency, half away from zero;
    days to one decimal; scores and counts to two."""
    if kpi.unit == "money":
        return f"CAST(round({expression}) AS DOUBLE) / 100"
    if kpi.unit == "days":
        return f"round({expression}, 1)"
    if kpi.unit == "score":
        return f"round({expression}, 2)"
    if kpi.unit == "percent":
        return f"CAST({expression} AS DOUBLE)"
    return f"round({expression}, 2)"  # counts; targets spread over days can be fractional


def _interval(grain: str) -> str:
    return f"INTERVAL 1 {grain.upper()}"


def _target_level(request: MetricRequest) -> str | None:
    """Which targets answer this request: the company's, a team's, the groups' or the reps'."""
    dim, filters = request.dimension, request.filters
    scope = filters.scope
    if request.dimension2 is not None:
        return None  # targets are set along one line (company, team, rep), never a grid
    # A user's scope reads the targets its filter would: a person's own, or their team's.
    if dim in ("rep", "rep_id", "role") or filters.rep_id is not None or scope.kind == "rep":
        return "s.target_level = 'rep'"
    if dim == "group":
        return "s.target_level = 'group'"
    if dim in ("team", "channel"):
        return "s.target_level = 'top'"
    if dim is not None:
        return None  # no targets are set by region, industry and the like
    if filters.team_id is not None:
        return "s.target_level IN ('top', 'group') AND s.team_id = $team_id"
    if scope.kind == "team":
        return "s.target_level IN ('top', 'group') AND s.team_id = $scope_team_id"
    if filters.channel is not None:
        return "s.target_level = 'top'"
    return "s.target_level = 'company'"


def scope_conditions(filters: Filters) -> list[str]:
    """SQL conditions on a source's rows (alias `s`) for the team, channel, rep and leaver
    filters; they read $team_id, $channel, $rep_id and $end."""
    conditions = []
    if filters.team_id is not None:
        conditions.append(
            "s.team_id IN (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id)"
        )
    if filters.channel is not None:
        conditions.append("s.channel = $channel")
    if filters.rep_id is not None:
        conditions.append("s.rep_id = $rep_id")
    if filters.hide_leavers:
        conditions.append("(s.rep_leave_date IS NULL OR s.rep_leave_date > $end)")
    return conditions + user_scope_conditions(filters.scope)


def user_scope_conditions(scope: Scope, alias: str = "s", *, rep: bool = True) -> list[str]:
    """SQL conditions keeping a row (alias `alias`, with team_id and rep_id) in the signed-in
    user's scope, added on top of the filters' own: a team and the groups below it
    ($scope_team_id), or one person ($scope_rep_id). `rep=False` is for rows that are teams,
    not people: a person's scope then keeps their own team. The scope of everyone adds none,
    so the SQL of an unscoped request is unchanged."""
    if scope.kind == "team":
        return [
            f"{alias}.team_id IN"
            " (SELECT team_id FROM team_closure WHERE ancestor_id = $scope_team_id)"
        ]
    if scope.kind == "rep":
        if rep:
            return [f"{alias}.rep_id = $scope_rep_id"]
        return [f"{alias}.team_id = (SELECT team_id FROM reps WHERE rep_id = $scope_rep_id)"]
    return []


def _dimension_key(dim: str) -> str:
    """A dimension's value on a source row (alias `s`) as the answer shows it: text."""
    return _as_text(f"s.{DIMENSIONS[dim].column}")


def _split_key(dim: str) -> str:
    """What a window's PARTITION BY splits a breakdown's rows by: a named dimension's id (each
    id has a name of its own, so the same rows), else its value as text."""
    id_column = DIMENSIONS[dim].id_column
    return f"s.{id_column}" if id_column else _dimension_key(dim)


def _as_text(value: str) -> str:
    """A dimension's value as the text an answer shows and sorts by."""
    return f"coalesce(CAST({value} AS VARCHAR), '(not set)')"


def columns_read(*sql: str) -> frozenset[str]:
    """Every name the SQL around a source mentions: the source joins a table only when one of
    its columns is among them (a stray word, such as a parameter's name, at worst keeps a join
    that was not needed, never drops one that was)."""
    return frozenset(name for text in sql for name in _NAME.findall(text))


def _scoped_sql(
    source_id: str,
    request: MetricRequest,
    columns: frozenset[str] | None,
    rollups: bool,
    *,
    by_month: bool = False,
) -> str:
    """The source's SQL with the user's scope, the breakdown and the customer segments filled
    in where it asks for them, joining only what `columns` (None: everything) need.

    A window over a customer's history (their previous buying day) must see only the rows of
    the breakdown row it counts in, exactly as a filter to that row would leave it: so the
    breakdown's keys join the customer in its PARTITION BY ({split}), and a row of "by team"
    always equals the same KPI filtered to that team. With `rollups`, derived columns a
    rollup answers (a customer's first day) are read from it; `by_month` reads the orders'
    whole months from the month rollup (metrics.month_rollup)."""
    scope = " AND ".join(scope_conditions(request.filters)) or "true"
    segments = GIVEN_CUSTOMER_SEGMENTS if request.customer_segments else NO_CUSTOMER_SEGMENTS
    names = [f"split_{n}" for n in range(1, len(request.dimensions()) + 1)]
    split_columns = "".join(
        f", {_split_key(dim)} AS {name}"
        for dim, name in zip(request.dimensions(), names, strict=True)
    )
    source = with_rollups(SOURCES[source_id]) if rollups else SOURCES[source_id]
    if by_month:
        source = ORDERS_BY_MONTH
    return (
        source.sql_for(columns)
        .replace("{scope}", scope)
        .replace("{split_columns}", split_columns)
        .replace("{split}", "".join(f", {name}" for name in names))
        .replace("{customer_segments}", segments)
    )


def _keys(
    request: MetricRequest, source_id: str, previous: bool, *, as_numbers: bool = False
) -> list[str]:
    """The grouping keys: trend bucket (rows of the previous period move one bucket on) and
    dimension value. `as_numbers`: a numeric dimension's number rather than its text (the
    caller writes it as text once grouped: _as_text_after)."""
    grain = request.grain
    keys: list[str] = []
    if grain:
        if SOURCES[source_id].snapshot:
            keys.append("b.bucket AS bucket")
        else:
            shift = f" + {_interval(grain)}" if previous else ""
            keys.append(f"date_trunc('{grain}', s.day{shift})::DATE AS bucket")
    for name, dim in zip(_DIM_KEYS, request.dimensions(), strict=False):
        dimension = DIMENSIONS[dim]
        if as_numbers and dimension.numeric:
            value = f"s.{dimension.column}"
        elif as_numbers and dimension.id_column:
            value = f"s.{dimension.id_column}"
        else:
            value = _dimension_key(dim)
        keys.append(f"{value} AS {name}")
    return keys


def _window(request: MetricRequest, previous: bool) -> str:
    """Which days' rows a CTE reads: the period, or the calendar period(s) before it."""
    grain = request.grain
    if not previous:
        return "s.day BETWEEN $start AND $end"
    if grain:
        return (
            f"s.day >= date_trunc('{grain}', $start::DATE) - {_interval(grain)}"
            f" AND s.day < date_trunc('{grain}', $end::DATE)"
        )
    return "s.day >= $prev_start AND s.day < $start"


def _check_dimension(request: MetricRequest, source_id: str, kpi_ids: list[str]) -> bool:
    """False when targets do not apply; raises when a KPI lacks a dimension."""
    for dim in request.dimensions():
        if dim in SOURCES[source_id].dimensions:
            continue
        if source_id in TARGET_SOURCES:
            return False
        raise CompileError.of("compile.no_breakdown", kpis=tuple(kpi_ids), dimension=dim)
    return True


def _source_cte(
    request: MetricRequest,
    source_id: str,
    previous: bool,
    kpi_ids: list[str],
    prune: bool,
    rollups: bool,
    months: tuple[date, date] | None = None,
) -> str | None:
    """The CTE that aggregates one source; None when targets do not apply to the request.
    `months`: the span the month rollup answers (metrics.month_rollup), None for none."""
    source = SOURCES[source_id]
    grain = request.grain
    if not _check_dimension(request, source_id, kpi_ids):
        return None
    conditions = scope_conditions(request.filters)
    if source_id in TARGET_SOURCES:
        level = _target_level(request)
        if level is None:
            return None
        conditions.append(level)
    keys = _keys(request, source_id, previous, as_numbers=True)
    period_start = f"greatest(date_trunc('{grain}', s.day)::DATE, $start)" if grain else "$start"
    # The last day of the period or bucket (a bucket ends at the period's end at the latest):
    # what the stock KPIs read their closing stock on.
    period_end = (
        f"least((date_trunc('{grain}', s.day) + {_interval(grain)} - INTERVAL 1 DAY)::DATE,"
        " $end::DATE)"
        if grain
        else "$end::DATE"
    )

    aggregates = []
    for kpi_id in kpi_ids:
        kpi = CATALOGUE[kpi_id]
        reads_period = "{period_start}" in kpi.sql or "{period_end}" in kpi.sql
        if previous and (reads_period or source.snapshot):
            raise CompileError.of("compile.no_previous", kpi=kpi_id)
        sql = kpi.sql.replace("{period_start}", period_start).replace("{period_end}", period_end)
        aggregates.append(f'{sql} AS "{_measure_column(kpi_id, previous)}"')

    shared = shared_filter(
        [
            a.removesuffix(f' AS "{_measure_column(k, previous)}"')
            for a, k in zip(aggregates, kpi_ids, strict=True)
        ]
    )
    if shared is not None:  # the rows every aggregate counts, picked once
        aggregates = [a.replace(f" FILTER (WHERE {shared})", "", 1) for a in aggregates]
        conditions.append(shared)
    # What the CTE reads of the source: its filters, keys and aggregates (the bucket join and
    # the window only read columns every source has: day, open_from, open_until).
    columns = columns_read(*conditions, *keys, *aggregates) if prune else None
    by_month = rollups and months is not None and reads_months(source_id, columns)
    body = f"({_scoped_sql(source_id, request, columns, rollups, by_month=by_month)}) s"
    if source.snapshot:
        # Open at the end of each bucket (or of the period): created by then, not closed by then.
        if grain:
            from_ = (
                f"buckets b JOIN {body} ON s.open_from <= b.bucket_end"
                " AND (s.open_until IS NULL OR s.open_until > b.bucket_end)"
            )
        else:
            from_ = body
            conditions.append(
                "s.open_from <= $end AND (s.open_until IS NULL OR s.open_until > $end)"
            )
    else:
        from_ = body
        conditions.append(_window(request, previous))

    where = "\n  AND ".join(conditions) or "true"
    rows = f"FROM {from_}\nWHERE {where}"
    # Two steps on the month rollup's rows only: on order lines they were slower as often as
    # faster (metrics.distinct_steps).
    grouped = in_two_steps(keys, aggregates, rows) if by_month else None
    if grouped is None:
        select = ",\n       ".join(keys + aggregates)
        group = "\nGROUP BY ALL" if keys else ""
        grouped = f"SELECT {select}\n{rows}{group}"
    return _as_text_after(request, grouped, [_measure_column(k, previous) for k in kpi_ids])


def _as_text_after(request: MetricRequest, grouped: str, measures: list[str]) -> str:
    """`grouped` with each dimension grouped by a number written as text: grouping ten million
    order lines by rep_id's text took twice as long as by the number. A numeric dimension's
    number is its text; a named one's id (a team's, a person's) is looked up in its `names`,
    where each id has a name of its own, so the groups are the same. NULL (and an id without
    a name) becomes "(not set)" as on the rows."""
    dims = request.dimensions()
    if not any(DIMENSIONS[dim].numeric or DIMENSIONS[dim].id_column for dim in dims):
        return grouped
    columns = ["g.bucket"] if request.grain else []
    joins = []
    for name, dim in zip(_DIM_KEYS, dims, strict=False):
        dimension = DIMENSIONS[dim]
        if dimension.numeric:
            columns.append(f"{_as_text(f'g.{name}')} AS {name}")
        elif dimension.id_column:
            alias = f"n_{name}"
            joins.append(f"\nLEFT JOIN ({dimension.names}) {alias} ON {alias}.id = g.{name}")
            columns.append(f"{_as_text(f'{alias}.name')} AS {name}")
        else:
            columns.append(f"g.{name}")
    columns += [f'g."{m}"' for m in measures]
    return f"SELECT {', '.join(columns)}\nFROM (\n{grouped}\n) g{''.join(joins)}"


def _carried_over_cte(request: MetricRequest, kpi_id: str, prune: bool, rollups: bool) -> str:
    """Distinct values present both in the period (or bucket) and in the period before it."""
    kpi = CATALOGUE[kpi_id]
    source_id = kpi.source or ""
    _check_dimension(request, source_id, [kpi_id])
    conditions = scope_conditions(request.filters)
    keys = _keys(request, source_id, False)
    columns = columns_read(*conditions, *keys, kpi.sql) if prune else None
    body = f"({_scoped_sql(source_id, request, columns, rollups)}) s"
    sides = []
    for previous in (False, True):
        keys = _keys(request, source_id, previous)
        where = " AND ".join([*conditions, _window(request, previous)])
        sides.append(
            f"SELECT DISTINCT {', '.join([*keys, f'{kpi.sql} AS item'])} FROM {body} WHERE {where}"
        )
    key_names = _key_names(request)
    using = ", ".join([*key_names, "item"])
    select = ", ".join([*key_names, f'count(*) AS "{kpi_id}"'])
    group = "\nGROUP BY ALL" if key_names else ""
    return f"SELECT {select}\nFROM ({sides[0]}) now JOIN ({sides[1]}) before USING ({using}){group}"


def compile_request(
    request: MetricRequest,
    *,
    prune: bool = True,
    rollups: bool = False,
    data_ends: date | None = None,
) -> CompiledQuery:
    """Compile a request into one SQL statement and its parameters.

    Each source joins only the tables (and builds only the CTEs) whose columns the request's
    filters, dimensions and KPIs read; `prune=False` joins them all, as Huddle did before
    (the same numbers, slower: benchmarks/bench_queries.py compares the two).

    `rollups` reads what a rollup answers exactly (data.rollups: each customer's first
    purchase day) from it instead of the rows; the caller sets it only while the rollups are
    current (metrics.service.run), and the numbers are the same either way. `data_ends` is
    the last order day the rollups were built with (data.rollups.rolled_data_end): a month
    with no line after the period's end is whole (metrics.month_rollup.rolled_span)."""
    months = rolled_span(request.filters, request.grain, data_ends) if rollups else None
    plan = _Plan()
    outputs = request.output_kpis()
    expressions = {k: _finish(get_kpi(k), _expression(k, False, plan)) for k in outputs}

    ctes: list[tuple[str, str]] = []
    missing: list[str] = []
    if request.grain:
        grain = request.grain
        ctes.append(
            (
                "buckets",
                "SELECT bucket, least(bucket + "
                f"{_interval(grain)} - INTERVAL 1 DAY, $end)::DATE AS bucket_end FROM ("
                f"SELECT unnest(generate_series(date_trunc('{grain}', $start::DATE), $end::DATE,"
                f" {_interval(grain)}))::DATE AS bucket)",
            )
        )
    measured: list[str] = []
    for (source_id, previous), kpi_ids in sorted(plan.measures.items()):
        aggregates = [k for k in kpi_ids if CATALOGUE[k].measure == "aggregate"]
        for kpi_id in kpi_ids:
            if kpi_id not in aggregates:
                if previous:
                    raise CompileError.of("compile.no_previous_value", kpi=kpi_id)
                measured.append(f"m{len(measured)}_{kpi_id}")
                ctes.append((measured[-1], _carried_over_cte(request, kpi_id, prune, rollups)))
        if not aggregates:
            continue
        body = _source_cte(request, source_id, previous, aggregates, prune, rollups, months)
        if body is None:
            missing += [_measure_column(k, previous) for k in aggregates]
            continue
        measured.append(f"m{len(measured)}_{source_id}{'_prev' if previous else ''}")
        ctes.append((measured[-1], body))

    key_columns = _key_names(request)
    dim_keys = [k for k in key_columns if k != "bucket"]
    if dim_keys:
        listed = ", ".join(dim_keys)
        union = " UNION ".join(f"SELECT {listed} FROM {name}" for name in measured) or (
            "SELECT " + ", ".join(f"NULL::VARCHAR AS {k}" for k in dim_keys) + " WHERE false"
        )
        keys_sql = f"SELECT DISTINCT {listed} FROM ({union})"
        if request.grain:
            keys_sql = f"SELECT bucket, {listed} FROM buckets CROSS JOIN ({keys_sql})"
        ctes.append(("keys", keys_sql))
    elif request.grain:
        ctes.append(("keys", "SELECT bucket FROM buckets"))

    if key_columns:
        using = ", ".join(key_columns)
        from_ = "keys" + "".join(f"\nLEFT JOIN {n} USING ({using})" for n in measured)
    else:
        from_ = " CROSS JOIN ".join(measured) or "(SELECT 1)"

    # Typed, so every engine knows it is a number (PostgreSQL would take a bare NULL as text).
    nulls = "".join(f', CAST(NULL AS DOUBLE) AS "{column}"' for column in missing)
    if nulls:
        from_ = f"(SELECT *{nulls} FROM {from_})"
    selects = ["bucket"] if request.grain else []
    selects += [
        f'{name} AS "{dim}"' for name, dim in zip(_DIM_KEYS, request.dimensions(), strict=False)
    ]
    selects += [f'{expr} AS "{k}"' for k, expr in expressions.items()]
    order = f"\nORDER BY {', '.join(key_columns)}" if key_columns else ""
    with_sql = ",\n".join(f"{name} AS (\n{body}\n)" for name, body in ctes)
    sql = (
        f"WITH {with_sql}\n" if ctes else ""
    ) + f"SELECT {', '.join(selects)}\nFROM {from_}{order}"
    columns = (["bucket"] if request.grain else []) + request.dimensions()
    return CompiledQuery(sql=sql, params=_params(request, sql, months), columns=columns + outputs)


def _key_names(request: MetricRequest) -> list[str]:
    """The key columns of every CTE: bucket, then one per dimension."""
    dims = list(_DIM_KEYS[: len(request.dimensions())])
    return (["bucket"] if request.grain else []) + dims


def _params(request: MetricRequest, sql: str, months: tuple[date, date] | None) -> dict[str, Any]:
    """The named parameters the SQL uses, and only those (DuckDB rejects extras)."""
    f = request.filters
    prev = previous_start(f.start, f.end, f.period_kind)
    earliest = min(prev, f.start)
    if request.grain:
        earliest = min(earliest, bucket_before(f.start, request.grain))
    roll_from, roll_to = months if months and "$roll_from" in sql else (None, None)
    return scope_params(
        f, sql, prev_start=prev, range_start=earliest, range_end=f.end,
        roll_from=roll_from, roll_to=roll_to,
        segment_ids=[c for c, _ in request.customer_segments],
        segment_names=[s for _, s in request.customer_segments],
    )  # fmt: skip


def scope_params(filters: Filters, sql: str, **extra: Any) -> dict[str, Any]:
    """The filters (and `extra` values) as named parameters, only those `sql` uses."""
    values: dict[str, Any] = {
        "start": filters.start,
        "end": filters.end,
        "team_id": filters.team_id,
        "channel": filters.channel,
        "rep_id": filters.rep_id,
        "scope_team_id": filters.scope.team_id,
        "scope_rep_id": filters.scope.rep_id,
        **extra,
    }
    used = set(_PARAM.findall(sql))
    return {k: v for k, v in values.items() if k in used}


def base_sources(kpi_id: str) -> set[str]:
    """The sources a KPI reads, through any KPIs it is derived from."""
    plan = _Plan()
    _expression(kpi_id, False, plan)
    return {source for source, _ in plan.measures}


def can_break_down(kpi_id: str, dimension: str) -> bool:
    """True when every source the KPI reads has the dimension (targets excepted)."""
    return all(
        dimension in SOURCES[s].dimensions for s in base_sources(kpi_id) if s not in TARGET_SOURCES
    )
