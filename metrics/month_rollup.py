"""Which days of a request the month rollup answers (data.order_months), and when.

The rollup answers the whole calendar months of the request's period; every other day is read
from the order lines. A rolled month's rows carry its first day as their day. Every window the
compiler reads rows by keeps or drops such a month whole, exactly as it would each of its
lines: the period starts on or before it and ends on or after it; the period before ends
where the period starts; the buckets of a monthly, quarterly or yearly trend (and the bucket
before them) start on the first of a month. So a year by month reads eleven months from the
rollup and the month in progress from the lines, and month to date reads only lines.

A month the period ends in is whole too when no order line of any status is dated after the
period's end (the data ends on or before it: `data_ends`, the last order day the rollups were
built with, which they record; data.rollups.rolled_data_end). Its rolled rows then stand for
exactly the lines the period reads, so a year by month that ends on the data's last day, or
month to date on it, reads no lines at all: the pages' usual as-of day.
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


def rolled_span(
    filters: Filters, grain: Grain | None, data_ends: date | None = None
) -> tuple[date, date] | None:
    """The whole months of the period: the first day of the first and the day after the
    last; None when it has none, or for a daily or weekly trend. With `data_ends` on or
    before the period's end, the month the period ends in counts as whole."""
    if grain not in _MONTHLY_GRAINS:
        return None
    start = filters.start
    first = start if start.day == 1 else add_months(unit_start(start, "month"), 1)
    end = filters.end
    if data_ends is not None and data_ends <= end:
        end = add_months(unit_start(end, "month"), 1) - timedelta(days=1)
    after = unit_start(end + timedelta(days=1), "month")
    return (first, after) if first < after else None


def ends_inside_a_month(filters: Filters, grain: Grain | None) -> bool:
    """Whether the data's last day could make the month a request ends in whole: a monthly
    request (or a total) whose period ends before a month's last day."""
    return rolled_span(filters, grain, filters.end) != rolled_span(filters, grain)


def reads_months(source_id: str, columns: frozenset[str] | None) -> bool:
    """Whether a query of `source_id` reading `columns` (the compiler's pruned names) may read
    whole months from the rollup."""
    return source_id == "orders" and columns is not None and not columns & _LINE_ONLY
