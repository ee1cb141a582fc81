"""Which months of a request the month rollup answers (data.order_months), and when.

A rolled month's rows carry its first day as their day. Every window the compiler reads rows
by (the period, the period before it, the trend's buckets) then keeps or drops the whole
month exactly as it would keep or drop each of its lines, as long as no window starts or
ends inside the month: such a month, and every day outside the months listed, is read from
the order lines. Month to date against the same days of last month reads both months' lines;
a year by month reads eleven months from the rollup and the month in progress from the lines.
"""

from __future__ import annotations

from datetime import date, timedelta

from metrics.filters import Filters
from metrics.model import Grain
from metrics.periods import add_months, bucket_before, previous_start, unit_start

# Buckets that are whole months: a day's or a week's would cut a month.
_MONTHLY_GRAINS = frozenset({None, "month", "quarter", "year"})
# What the rollup cannot answer: a line's order, product, or own place and channel (a line's
# region, city and channel come first from order_places, which the rollup does not keep).
_LINE_ONLY = frozenset(
    {"order_id", "product_id", "product_category", "store", "region", "city", "channel"}
)


def rolled_span(filters: Filters, grain: Grain | None) -> tuple[date, date] | None:
    """The longest run of months, from the earliest day the request reads to its end, that no
    window cuts (the later run of two as long): its first day and the day after it; None when
    there is none, or for a daily or weekly trend. One run, so that the lines outside it are
    read by two comparisons of the day (274-281 ms for a year by month and team at ten
    million lines, against 348 ms for a list of months)."""
    if grain not in _MONTHLY_GRAINS:
        return None
    before = previous_start(filters.start, filters.end, filters.period_kind)
    cuts = {filters.start, filters.end + timedelta(days=1), before}
    if grain is not None:
        bucket = bucket_before(filters.start, grain)
        cuts |= {bucket, unit_start(filters.end, grain)}
        before = min(before, bucket)
    best: tuple[date, date] | None = None
    run_start: date | None = None
    month = unit_start(min(before, filters.start), "month")
    while month <= filters.end:
        following = add_months(month, 1)
        if any(month < cut < following for cut in cuts):
            run_start = None
        else:
            run_start = run_start or month
            if best is None or _months_between(run_start, following) >= _months_between(*best):
                best = (run_start, following)
        month = following
    return best


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def reads_months(source_id: str, columns: frozenset[str] | None) -> bool:
    """Whether a query of `source_id` reading `columns` (the compiler's pruned names) may read
    whole months from the rollup."""
    return source_id == "orders" and columns is not None and not columns & _LINE_ONLY
