"""Explain a change: why a KPI moved against a comparison period or its target, and who or
what moved it.

Every number comes from the compiled KPI SQL (metrics.compiler through metrics.service.run):
the KPI (or, for a ratio, its numerator and denominator) over both periods, once in total and
once grouped by the chosen dimension, so each small frame is one row per group. The exact
arithmetic is metrics.explain_decompose: the parts add up to the change exactly (Fractions,
money in cents), and the parts shown are rounded so that they still add up (largest
remainder). A split is offered only where it is exact: when the groups' values add up to the
total (an order split across two regions, a customer buying from two teams, would not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Literal

from data.store import Store
from metrics.catalogue import get_kpi
from metrics.compiler import can_break_down
from metrics.explain_decompose import (
    Pair,
    deltas,
    largest_first,
    rate_mix,
    ratio,
    volume_price_mix,
)
from metrics.explain_read import (
    Segments,
    in_units,
    read,
    rep_labels,
    shown_parts,
    totals_match,
)
from metrics.filters import Filters
from metrics.periods import compare_period
from metrics.segments import customer_classes
from metrics.sources import SEGMENT_DIMENSIONS

Against = Literal["previous", "last_year", "target"]
AGAINST: tuple[Against, ...] = ("previous", "last_year", "target")
Method = Literal["additive", "ratio", "target"]
# The dimensions a change can be split by (those metrics.dimensions declares that name a
# team, a person or a customer's or product's kind); a person is split by id, never name.
DIMENSIONS: tuple[str, ...] = (
    "team", "group", "rep_id", "channel", "region", "product_category", "customer_tier",
    "industry", "lifecycle_stage", "rfm_segment",
)  # fmt: skip
# Targets are set per company, team, group and person only (compiler._target_level).
TARGET_DIMENSIONS: tuple[str, ...] = ("team", "group", "rep_id", "channel")
# Where a bar drills to, one level down; the drilled bar becomes a filter (team, channel or
# person), so only these dimensions drill.
NEXT_DIMENSION: dict[str, str] = {
    "channel": "team",
    "team": "group",
    "group": "rep_id",
    "rep_id": "product_category",
}
# Money totals split into volume, price and mix, and the count that is their volume.
VOLUME_OF: dict[str, str] = {
    "revenue": "orders",
    "gross_margin": "orders",
    "won_value": "won_deals",
}
NOT_SET = "(not set)"
OTHERS = "others"
UNALLOCATED = "unallocated"  # targets of the rows against the headline target
KEEP = 6  # bars shown before the rest are summed as "others"
_RATIO = re.compile(r"^\{([a-z_]+)\} / nullif\(\{([a-z_]+)\}, 0\)$")


def ratio_parts(kpi_id: str) -> tuple[str, str] | None:
    """(numerator, denominator) KPIs of a ratio KPI ({a} / nullif({b}, 0)) whose two parts
    are sums or counts from a source; None for any other KPI."""
    match = _RATIO.match(get_kpi(kpi_id).sql)
    if not match:
        return None
    num, den = match.groups()
    if get_kpi(num).is_derived or get_kpi(den).is_derived:
        return None
    return num, den


def explainable(kpi_id: str) -> bool:
    """True for a KPI whose change can be split: a sum or count from a source (not a
    snapshot, average or target) or a ratio of two."""
    kpi = get_kpi(kpi_id)
    if ratio_parts(kpi_id):
        return True
    return bool(kpi.additive and not kpi.is_derived and kpi.source != "targets")


def dimensions_for(kpi_id: str, against: Against) -> list[str]:
    """The dimensions this KPI's change can be split by, against this comparison."""
    kpis = ratio_parts(kpi_id) or (kpi_id,)
    allowed = TARGET_DIMENSIONS if against == "target" else DIMENSIONS
    return [d for d in allowed if all(can_break_down(k, d) for k in kpis)]


@dataclass(frozen=True)
class Part:
    """One bar: a group's (or an effect's) share of the change.

    `exact` is in the KPI's base units (money in cents, a rate as a fraction); `shown` is
    the same rounded for display, in the KPI's own units (money in currency), the shown
    parts adding up to the shown change. `then` / `now` are the group's values (for a ratio
    its rate), in the KPI's units; `rate` / `mix` a ratio group's two effects."""

    key: str
    exact: Fraction
    shown: float
    then: float | None = None
    now: float | None = None
    rate: float | None = None
    mix: float | None = None


@dataclass(frozen=True)
class Explanation:
    """A KPI's change split by a dimension, largest parts first, and (for money and ratios)
    split into effects. `problem` names why it cannot be split (a key of text_explain's
    explain.problem.*); the parts are then empty."""

    kpi_id: str
    against: Against
    dimension: str
    method: Method
    start: date
    end: date
    compare_start: date | None  # None against target
    compare_end: date | None
    now: float | None
    then: float | None
    change: float | None
    exact_change: Fraction | None
    parts: tuple[Part, ...] = ()
    effects: tuple[Part, ...] = ()  # volume/price/mix or rate/mix, in that order
    problem: str | None = None
    # True when volume/price/mix used the rows (each order in one row), False when the rows'
    # orders do not add up and the split was worked out on the whole (mix 0).
    mix_by_rows: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # a person's name by rep_id


def explain(
    store: Store, kpi_id: str, filters: Filters, against: Against, dimension: str
) -> Explanation:
    """The KPI's change over `filters`' period against `against`, split by `dimension`."""
    if against == "target":
        start = end = None
    else:
        start, end = compare_period(filters.start, filters.end, against, filters.period_kind)
    base = {
        "kpi_id": kpi_id, "against": against, "dimension": dimension,
        "start": filters.start, "end": filters.end, "compare_start": start, "compare_end": end,
        "labels": rep_labels(store) if dimension == "rep_id" else {},
    }  # fmt: skip
    empty = {"now": None, "then": None, "change": None, "exact_change": None}
    if not explainable(kpi_id) or (against == "target" and not get_kpi(kpi_id).target_metric):
        return Explanation(**base, **empty, method="additive", problem="not_explainable")
    if dimension not in dimensions_for(kpi_id, against):
        return Explanation(**base, **empty, method="additive", problem="no_dimension")
    if against == "target":
        return _against_target(store, kpi_id, filters, dimension, base)
    then_filters = filters.with_dates(start, end)  # type: ignore[arg-type]
    # Customers' segments are judged once, as of the period's end, for both periods (as on
    # the Segments page): how today's at-risk customers bought then and now.
    segments: Segments = ()
    if dimension in SEGMENT_DIMENSIONS:
        segments = customer_classes(store, filters, dimension, filters.end)
    parts = ratio_parts(kpi_id)
    if parts:
        return _ratio(store, kpi_id, parts, filters, then_filters, dimension, base, segments)
    return _additive(store, kpi_id, filters, then_filters, dimension, base, segments)


def _additive(
    store: Store,
    kpi_id: str,
    now_f: Filters,
    then_f: Filters,
    dimension: str,
    base: dict,
    segments: Segments,
) -> Explanation:
    volume_kpi = VOLUME_OF.get(kpi_id)
    kpis = (kpi_id, volume_kpi) if volume_kpi else (kpi_id,)
    now_groups, now_total = read(store, kpis, now_f, dimension, segments=segments)
    then_groups, then_total = read(store, kpis, then_f, dimension, segments=segments)
    change = now_total[0] - then_total[0]
    values = {
        "now": in_units(now_total[0], kpi_id),
        "then": in_units(then_total[0], kpi_id),
        "exact_change": change,
        "change": shown_parts([change], change, kpi_id)[0],
    }
    # The split must be exact: every group's value adding up to the total, in both periods.
    if not (totals_match(now_groups, now_total[:1]) and totals_match(then_groups, then_total[:1])):
        return Explanation(**base, **values, method="additive", problem="not_additive")
    by_group = deltas(
        {k: int(v[0]) for k, v in now_groups.items()},
        {k: int(v[0]) for k, v in then_groups.items()},
    )
    ranked = largest_first(by_group, KEEP, OTHERS)
    shown = shown_parts([v for _, v in ranked], change, kpi_id)
    parts = tuple(
        Part(
            key=key,
            exact=exact,
            shown=amount,
            # A group with no rows in a period has a total of 0 there.
            then=in_units(then_groups.get(key, (0,))[0], kpi_id) if key != OTHERS else None,
            now=in_units(now_groups.get(key, (0,))[0], kpi_id) if key != OTHERS else None,
        )
        for (key, exact), amount in zip(ranked, shown, strict=True)
    )
    effects: tuple[Part, ...] = ()
    by_rows = False
    if volume_kpi:
        effects, by_rows = _volume_price_mix(
            kpi_id, now_groups, then_groups, now_total, then_total, change
        )
    return Explanation(
        **base, **values, method="additive", parts=parts, effects=effects, mix_by_rows=by_rows
    )


def _volume_price_mix(
    kpi_id: str,
    now_groups: dict[str, tuple],
    then_groups: dict[str, tuple],
    now_total: tuple,
    then_total: tuple,
    change: Fraction,
) -> tuple[tuple[Part, ...], bool]:
    """Volume, price and mix effects: by the dimension's groups when their orders add up to
    the total (an order in one group only), else as one group (price and volume only)."""

    def pairs(groups: dict[str, tuple]) -> dict[str, Pair]:
        return {k: (int(v[0]), int(v[1])) for k, v in groups.items()}

    by_rows = totals_match(now_groups, now_total) and totals_match(then_groups, then_total)
    if by_rows:
        split = volume_price_mix(pairs(now_groups), pairs(then_groups))
    else:
        split = volume_price_mix(
            {"all": (int(now_total[0]), int(now_total[1]))},
            {"all": (int(then_total[0]), int(then_total[1]))},
        )
    exact = [split.volume, split.price, split.mix]
    shown = shown_parts(exact, change, kpi_id)
    keys = ("volume", "price", "mix")
    parts = tuple(Part(key=k, exact=e, shown=s) for k, e, s in zip(keys, exact, shown, strict=True))
    return parts, by_rows


def _ratio(
    store: Store,
    kpi_id: str,
    parts: tuple[str, str],
    now_f: Filters,
    then_f: Filters,
    dimension: str,
    base: dict,
    segments: Segments,
) -> Explanation:
    now_groups, now_total = read(store, parts, now_f, dimension, segments=segments)
    then_groups, then_total = read(store, parts, then_f, dimension, segments=segments)

    def pairs(groups: dict[str, tuple]) -> dict[str, Pair]:
        return {k: (int(v[0]), int(v[1])) for k, v in groups.items()}

    now_value = ratio({"all": (int(now_total[0]), int(now_total[1]))})
    then_value = ratio({"all": (int(then_total[0]), int(then_total[1]))})
    change = None if now_value is None or then_value is None else now_value - then_value
    values = {
        "now": in_units(now_value, kpi_id),
        "then": in_units(then_value, kpi_id),
        "exact_change": change,
        "change": None if change is None else shown_parts([change], change, kpi_id)[0],
    }
    if change is None:
        return Explanation(**base, **values, method="ratio", problem="no_value")
    if not (totals_match(now_groups, now_total) and totals_match(then_groups, then_total)):
        return Explanation(**base, **values, method="ratio", problem="not_additive")
    split = rate_mix(pairs(now_groups), pairs(then_groups))
    ranked = largest_first({k: p.total for k, p in split.items()}, KEEP, OTHERS)
    shown = shown_parts([v for _, v in ranked], change, kpi_id)
    rest = {k for k in split if k not in dict(ranked)}
    out = []
    for (key, exact), amount in zip(ranked, shown, strict=True):
        members = rest if key == OTHERS and key not in split else {key}
        rate = sum((split[k].rate for k in members), Fraction(0))
        mix = sum((split[k].mix for k in members), Fraction(0))
        group_now = ratio(pairs({key: now_groups[key]})) if key in now_groups else None
        group_then = ratio(pairs({key: then_groups[key]})) if key in then_groups else None
        out.append(
            Part(
                key=key,
                exact=exact,
                shown=amount,
                then=in_units(group_then, kpi_id),
                now=in_units(group_now, kpi_id),
                rate=in_units(rate, kpi_id),
                mix=in_units(mix, kpi_id),
            )
        )
    rate_total = sum((p.rate for p in split.values()), Fraction(0))
    mix_total = sum((p.mix for p in split.values()), Fraction(0))
    effect_shown = shown_parts([rate_total, mix_total], change, kpi_id)
    effects = (
        Part(key="rate", exact=rate_total, shown=effect_shown[0]),
        Part(key="mix", exact=mix_total, shown=effect_shown[1]),
    )
    return Explanation(**base, **values, method="ratio", parts=tuple(out), effects=effects)


def _against_target(
    store: Store, kpi_id: str, filters: Filters, dimension: str, base: dict
) -> Explanation:
    """Actual against target: each row's actual less its target, plus the headline target
    less the rows' targets (a company target is not the sum of its teams'), adding up to the
    gap. A person's target counts under the team they were in for that period (the targets
    source files it there)."""
    groups, total = read(store, (kpi_id,), filters, dimension, targets=True)
    actual, target = total
    gap = actual - target
    values = {
        "now": in_units(actual, kpi_id),
        "then": in_units(target, kpi_id),
        "exact_change": gap,
        "change": shown_parts([gap], gap, kpi_id)[0],
    }
    if sum(g[0] for g in groups.values()) != actual:
        return Explanation(**base, **values, method="target", problem="not_additive")
    by_group = {k: v[0] - v[1] for k, v in groups.items()}
    ranked = largest_first(by_group, KEEP, OTHERS)
    unallocated = sum((v[1] for v in groups.values()), Fraction(0)) - target
    if unallocated:
        ranked.append((UNALLOCATED, unallocated))
    shown = shown_parts([v for _, v in ranked], gap, kpi_id)
    parts = tuple(
        Part(
            key=key,
            exact=exact,
            shown=amount,
            then=in_units(groups[key][1], kpi_id) if key in groups else None,
            now=in_units(groups[key][0], kpi_id) if key in groups else None,
        )
        for (key, exact), amount in zip(ranked, shown, strict=True)
    )
    return Explanation(**base, **values, method="target", parts=parts)
