"""Which days of a request the month rollup answers (data.order_months), and when.

The rollup answers the whole calendar months of the request's period; every other day is read
from the order lines. A rolled month's rows carry its first day as their day. Every window the
compiler reads rows by keeps or drops such a month whole, exactly as it would each of its
lines: the period starts on or before it and ends on or after it; the period before ends
where the period starts; the buckets of a monthly, quarterly or yearly trend (and the bucket
before them) start on the first of a month. So a year by month reads eleven months from the
rollup and the month in progress from the lines, and month to date reads only lines.
"""

from __future__ import annotations

from datetime import date, timedelta

from metrics.filters import Filters
from metrics.model import Grain
from metrics.periods import add_months, unit_start

# Buckets that are whole months: a day's or a week's would cut a month.
_MONTHLY_GRAINS = frozenset({None, "month", "quarter", "year"})
# What the rollup cannot answer: a line's order, product, or own place and channel (a line's
# region, city and channel come first from order_places, which the rollup does not keep).
_LINE_ONLY = frozenset(
    {"order_id", "product_id", "product_category", "store", "region", "city", "channel"}
)


def rolled_span(filters: Filters, grain: Grain | None) -> tuple[date, date] | None:
    """The whole months of the period: the first day of the first and the day after the
    last; None when it has none, or for a daily or weekly trend."""
    if grain not in _MONTHLY_GRAINS:
        return None
    start = filters.start
    first = start if start.day == 1 else add_months(unit_start(start, "month"), 1)
    after = unit_start(filters.end + timedelta(days=1), "month")
    return (first, after) if first < after else None


def reads_months(source_id: str, columns: frozenset[str] | None) -> bool:
    """Whether a query of `source_id` reading `columns` (the compiler's pruned names) may read
    whole months from the rollup."""
    return source_id == "orders" and columns is not None and not columns & _LINE_ONLY
