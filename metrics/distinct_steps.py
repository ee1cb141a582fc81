"""Counting distinct values in two steps (metrics.compiler): group by the keys and the counted
column first, then count the groups.

`count(DISTINCT customer_id)` beside `sum(net_amount_cents)` makes DuckDB keep every row in
a temporary table, group it twice and join the two answers. Grouped once by month, team and
customer (summing the amounts on the way) and then by month and team, KPI Trends' main query
at ten million order lines took 0.88-0.90x the time (benchmarks/bench_queries.py).

The compiler uses it only for what it reads from the month rollup (one row per month,
customer, person, team and status): there it was as fast or faster in every shape measured
at ten million lines (people selling by month and team 24 against 42 ms). On the order lines
it was slower as often as faster: orders counted (about two lines an order) 2-9% slower, a
breakdown by product category 7-13% slower, new and active customers by month and team 11%
slower; active customers by week and team 11% faster, people selling twice as fast.

Every aggregate must be one this module can split into a per-group part and a total of the
parts; otherwise (an average, arithmetic between aggregates, two counted columns) the
compiler keeps the one-step form. The numbers are the same either way:
- sum(x), min(x), max(x): the sum, min or max of the groups' sums, mins or maxes;
- count(*), count(x): the sum of the groups' counts (0 over no rows, as count gives);
- count(DISTINCT c): the groups with a non-NULL c; with FILTER (WHERE p), those where p held
  on at least one of their rows (bool_or);
- a FILTER (WHERE p) on any other stays on the per-group part.
"""

from __future__ import annotations

from dataclasses import dataclass

_FILTER = " FILTER (WHERE "
_SPLITTABLE = ("sum", "min", "max", "count")
DISTINCT_COLUMN = "__counted"


@dataclass(frozen=True)
class Aggregate:
    """One aggregate as the catalogue writes it: `function(argument) FILTER (WHERE condition)`."""

    function: str
    argument: str
    distinct: bool
    condition: str | None


def _closing(text: str, start: int) -> int | None:
    """The index of the bracket that closes the one opened at `start`, skipping quoted text;
    None when it is never closed."""
    depth, quoted = 0, False
    for index in range(start, len(text)):
        char = text[index]
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def parse(sql: str) -> Aggregate | None:
    """`sql` as one splittable aggregate, or None when it is anything else (an average, a
    ratio of two aggregates, an expression around one)."""
    function, bracket, _ = sql.partition("(")
    if not bracket or function not in _SPLITTABLE:
        return None
    end = _closing(sql, len(function))
    if end is None:
        return None
    argument, rest = sql[len(function) + 1 : end], sql[end + 1 :]
    condition = None
    if rest:
        if not rest.startswith(_FILTER):
            return None
        close = _closing(rest, len(" FILTER "))  # its opening bracket
        if close != len(rest) - 1:
            return None
        condition = rest[len(_FILTER) : -1]
    distinct = argument.startswith("DISTINCT ")
    if distinct:
        if function != "count":
            return None
        argument = argument.removeprefix("DISTINCT ")
    return Aggregate(function, argument, distinct, condition)


def _named(text: str, quote: str) -> tuple[str, str]:
    """("expression", "name") of `expression AS name` (name quoted with `quote`)."""
    expression, _, name = text.rpartition(f" AS {quote}")
    return expression, quote + name


def in_two_steps(keys: list[str], aggregates: list[str], rows: str) -> str | None:
    """`SELECT keys, aggregates FROM rows GROUP BY ALL` with its distinct count in two steps;
    None when there is no distinct count, more than one counted column, or an aggregate this
    cannot split. `keys` and `aggregates` are `expression AS name` (aggregate names quoted);
    `rows` is the FROM and WHERE part."""
    parsed = []
    for text in aggregates:
        sql, name = _named(text, '"')
        aggregate = parse(sql)
        if aggregate is None:
            return None
        parsed.append((aggregate, name))
    counted = {a.argument for a, _ in parsed if a.distinct}
    if len(counted) != 1:
        return None
    key_names = [_named(key, "")[1] for key in keys]
    inner = [*keys, f"{counted.pop()} AS {DISTINCT_COLUMN}"]
    outer = list(key_names)
    for number, (aggregate, name) in enumerate(parsed):
        part = f"p{number}"
        if aggregate.distinct:
            if aggregate.condition is None:
                outer.append(f"count({DISTINCT_COLUMN}) AS {name}")
                continue
            inner.append(f"bool_or({aggregate.condition}) AS {part}")
            outer.append(f"count({DISTINCT_COLUMN}) FILTER (WHERE {part}) AS {name}")
            continue
        filtered = "" if aggregate.condition is None else f"{_FILTER}{aggregate.condition})"
        inner.append(f"{aggregate.function}({aggregate.argument}){filtered} AS {part}")
        if aggregate.function == "count":
            outer.append(f"CAST(coalesce(sum({part}), 0) AS BIGINT) AS {name}")
        else:
            outer.append(f"{aggregate.function}({part}) AS {name}")
    group = "\nGROUP BY ALL" if key_names else ""
    parts = ",\n       ".join(inner)
    return (
        f"SELECT {', '.join(outer)}\nFROM (\nSELECT {parts}\n{rows}\nGROUP BY ALL\n) parts{group}"
    )
