"""The row condition all of a CTE's aggregates share, which the compiler filters the rows on
once (metrics.compiler): `sum(x) FILTER (WHERE c)` and `count(DISTINCT y) FILTER (WHERE c)`
read as `sum(x)` and `count(DISTINCT y)` over the rows WHERE c."""

from __future__ import annotations


def shared_filter(aggregates: list[str]) -> str | None:
    """The row condition every aggregate of a CTE keeps (`... FILTER (WHERE cond)`, that
    filter only), or None. The compiler moves it to the CTE's WHERE: revenue and active
    customers at ten million order lines took 1.3x the hand-written SQL filtering each
    aggregate, 1.06-1.11x with the rows filtered once. The aggregates are the same; a breakdown
    row with no such row at all (a team with only cancelled lines) is then not listed."""
    found = {filter_of(sql) for sql in aggregates}
    if len(found) != 1:
        return None
    return found.pop()


def filter_of(aggregate: str) -> str | None:
    """The condition of the one FILTER clause that ends `aggregate`, else None."""
    head, marker, cond = aggregate.partition(" FILTER (WHERE ")
    if not marker or " FILTER " in cond or not cond.endswith(")"):
        return None
    cond = cond[:-1]
    depth = 0
    for char in cond:  # the closing bracket must be the FILTER's own, not the condition's
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return None
    return cond if depth == 0 and head else None
