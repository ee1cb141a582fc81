"""A company's headline totals over all its history: the check that a copy between stores
(data.company_copy, `cli.py copy`) or a staged import kept the numbers, not just the rows.

The totals are KPIs of the catalogue, compiled by the metrics compiler into the same SQL the
pages run (transpiled for PostgreSQL by the store), read as exact values: money in integer
cents, counts as integers. Equal totals on two stores mean the same SQL gave the same numbers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from data.importing.parsing import EARLIEST_DATE, latest_date
from metrics.catalogue import get_kpi
from metrics.compiler import MetricRequest, compile_request
from metrics.filters import Filters

# Additive KPIs (money, read as integer cents; counts): their totals over all history
# characterise a company.
TOTAL_KPIS: tuple[str, ...] = (
    "revenue",
    "gross_margin",
    "returns_value",
    "orders",
    "active_customers",
    "new_customers",
    "won_deals",
    "won_value",
    "new_deals",
    "activities",
)


def _exact(kpi: str, value: Any) -> int | Decimal:
    """A total as an exact number. Money comes from the compiler as a double of currency units
    (whole cents / 100, rounded half away from zero in SQL); below 10**13 currency units a
    double's shortest text is that two-decimal number exactly, so text x 100 is the cents.
    Counts come as whole numbers."""
    if value is None:
        return 0
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if get_kpi(kpi).unit == "money":
        number *= 100
    if number != number.to_integral_value():
        return number  # a fractional count: kept exact, never rounded away
    return int(number)


def company_totals(store: Any, today: date | None = None) -> dict[str, int | Decimal]:
    """Each of TOTAL_KPIS over every day an import accepts (1900-01-01 to a year after
    `today`), the whole company, read exactly (store.rows, never a float DataFrame)."""
    filters = Filters(start=EARLIEST_DATE, end=latest_date(today or date.today()))
    compiled = compile_request(MetricRequest(kpis=TOTAL_KPIS, filters=filters))
    rows = store.rows(compiled.sql, compiled.params)
    row = dict(zip(compiled.columns, rows[0], strict=True)) if rows else {}
    return {kpi: _exact(kpi, row.get(kpi)) for kpi in TOTAL_KPIS}
