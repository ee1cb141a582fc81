"""Reading an explanation's numbers: a KPI's values over a period, in total and by a
dimension, through the compiled KPI SQL (metrics.service.run), as exact base units (money in
whole cents, as the compiler rounds it), and the shown rounding of parts."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pandas as pd

from data.store import Store
from metrics import service
from metrics.catalogue import get_kpi
from metrics.compiler import MetricRequest
from metrics.explain_decompose import apportion, round_half_away
from metrics.filters import Filters

# (customer_id, segment) pairs: each customer's lifecycle stage or RFM segment.
Segments = tuple[tuple[int, str], ...]


def _per_unit(kpi_id: str) -> int:
    """Base units in one unit the user reads: 100 cents to the currency unit."""
    return 100 if get_kpi(kpi_id).unit == "money" else 1


def _step(kpi_id: str) -> Fraction:
    """What a shown part is rounded to, in base units: a cent, 0.01 point, one."""
    return Fraction(1, 10000) if get_kpi(kpi_id).unit == "percent" else Fraction(1)


def exact_value(value: object, kpi_id: str) -> Fraction:
    """A value from a result frame in base units, exactly: money (whole cents, as the compiler
    rounds it) as integer cents, a count as it is."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return Fraction(0)
    amount = Fraction(Decimal(str(value)))
    if get_kpi(kpi_id).unit == "money":
        return Fraction(round_half_away(amount * 100))
    return amount


def _frame(
    store: Store,
    kpis: tuple[str, ...],
    filters: Filters,
    dimension: str | None,
    targets: bool,
    segments: Segments = (),
) -> pd.DataFrame:
    request = MetricRequest(
        kpis=kpis,
        filters=filters,
        dimension=dimension,
        with_targets=targets,
        customer_segments=segments if dimension else (),
    )
    return service.run(store, request)


def _by_group(frame: pd.DataFrame, dimension: str, columns: tuple[str, ...]) -> dict[str, tuple]:
    """Each row's value (as text: a person's id too) and its columns in base units."""
    return {
        str(row[dimension]): tuple(exact_value(row[c], c.removesuffix("_target")) for c in columns)
        for _, row in frame.iterrows()
    }


def shown_parts(parts: list[Fraction], total: Fraction, kpi_id: str) -> list[float]:
    """Parts rounded for display (adding up to the rounded total), in the KPI's units."""
    step, per_unit = _step(kpi_id), _per_unit(kpi_id)
    units = apportion([p / step for p in parts], round_half_away(total / step))
    return [float(u * step / per_unit) for u in units]


def in_units(value: Fraction | None, kpi_id: str) -> float | None:
    """A value in base units in the KPI's own units (cents to currency)."""
    return None if value is None else float(value / _per_unit(kpi_id))


def rep_labels(store: Store) -> dict[str, str]:
    """Every person's name as the numbers show it, by rep_id (as text, as rows key it)."""
    frame = store.query("SELECT rep_id, label FROM rep_labels")
    return {str(r): str(n) for r, n in zip(frame["rep_id"], frame["label"], strict=True)}


def rep_label(store: Store, rep_id: int) -> str:
    """A person's name as the numbers show it; their id when there is no such person."""
    frame = store.query("SELECT label FROM rep_labels WHERE rep_id = $rep_id", {"rep_id": rep_id})
    return str(frame["label"].iloc[0]) if len(frame) else f"#{rep_id}"


def totals_match(groups: dict[str, tuple], totals: tuple) -> bool:
    """True when every column of the groups adds up to its total (an exact split)."""
    return all(sum(g[i] for g in groups.values()) == totals[i] for i in range(len(totals)))


def read(
    store: Store,
    kpis: tuple[str, ...],
    filters: Filters,
    dimension: str,
    targets: bool = False,
    segments: Segments = (),
) -> tuple[dict[str, tuple], tuple]:
    """The KPIs (with their targets when asked) over `filters`, by `dimension` and in total,
    in base units: the same compiled SQL as every page's numbers, one small frame each.
    `segments` classify the customers for a lifecycle stage or RFM segment split."""
    columns = tuple(k for kpi in kpis for k in ((kpi, f"{kpi}_target") if targets else (kpi,)))
    total = _frame(store, kpis, filters, None, targets)
    by_dimension = _frame(store, kpis, filters, dimension, targets, segments)
    groups = _by_group(by_dimension, dimension, columns)
    row = total.iloc[0]
    return groups, tuple(exact_value(row[c], c.removesuffix("_target")) for c in columns)
