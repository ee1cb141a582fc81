"""A distinct count in two steps gives the one-step query's numbers, and only aggregates it can
split are split (metrics.distinct_steps)."""

from __future__ import annotations

import duckdb
import pytest

from metrics.distinct_steps import Aggregate, in_two_steps, parse

# Groups with NULL customers, NULL amounts, rows the filters leave out, a group where no row
# passes a filter, and a customer on two days of one group.
_ROWS = """
CREATE TABLE t AS SELECT * FROM (VALUES
    ('a', 1, 1, 100, 'completed'), ('a', 1, 1, 50, 'completed'), ('a', 2, 2, NULL, 'returned'),
    ('a', 2, NULL, 70, 'completed'), ('a', 3, 3, 20, 'cancelled'),
    ('b', 1, 4, 10, 'returned'), ('b', 2, 4, NULL, 'returned'),
    ('c', 1, NULL, NULL, 'completed'),
    (NULL, 1, 5, 5, 'completed')
) v(team, day, customer_id, cents, status)
"""
_COMBINATIONS = [
    ["count(DISTINCT customer_id)"],
    ["sum(cents)", "count(DISTINCT customer_id)"],
    ["count(DISTINCT customer_id) FILTER (WHERE status = 'completed')", "sum(cents)"],
    [
        "count(DISTINCT customer_id) FILTER (WHERE status = 'completed')",
        "count(DISTINCT customer_id) FILTER (WHERE status = 'returned')",
        "count(*)",
        "count(cents) FILTER (WHERE status <> 'cancelled')",
        "min(day)",
        "max(cents) FILTER (WHERE status = 'completed')",
        "sum(cents) FILTER (WHERE status = 'returned')",
    ],
]


def _one_step(keys: list[str], aggregates: list[str], rows: str) -> str:
    group = " GROUP BY ALL" if keys else ""
    return f"SELECT {', '.join(keys + aggregates)} {rows}{group}"


@pytest.mark.parametrize("combination", _COMBINATIONS)
@pytest.mark.parametrize(
    ("keys", "where"),
    [
        (["team AS dim"], "true"),
        (["team AS dim", "day AS bucket"], "true"),
        ([], "true"),
        (["team AS dim"], "day > 1"),
        ([], "false"),  # no rows at all: one row of 0 counts and NULL sums
    ],
)
def test_two_steps_give_the_one_step_numbers(
    combination: list[str], keys: list[str], where: str
) -> None:
    con = duckdb.connect()
    con.execute(_ROWS)
    aggregates = [f'{sql} AS "m{n}"' for n, sql in enumerate(combination)]
    rows = f"FROM t WHERE {where}"
    two = in_two_steps(keys, aggregates, rows)
    assert two is not None
    order = " ORDER BY ALL" if keys else ""
    one_step = con.execute(f"SELECT * FROM ({_one_step(keys, aggregates, rows)}){order}")
    expected = one_step.fetchall()
    expected_types = [d[1] for d in one_step.description]
    two_step = con.execute(f"SELECT * FROM ({two}){order}")
    assert two_step.fetchall() == expected
    assert [d[1] for d in two_step.description] == expected_types


def test_only_splittable_aggregates_are_read() -> None:
    assert parse("sum(net_amount_cents - cost_cents) FILTER (WHERE status = 'completed')") == (
        Aggregate("sum", "net_amount_cents - cost_cents", False, "status = 'completed'")
    )
    assert parse("count(DISTINCT order_id)") == Aggregate("count", "order_id", True, None)
    # A bracket inside quotes is text, not the end of the condition.
    assert parse("count(*) FILTER (WHERE kind = ')')") == Aggregate(
        "count", "*", False, "kind = ')'"
    )
    for sql in (
        "avg(csat)",
        "sum(value_cents) / max(datediff('day', $start, $end) + 1)",
        "100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6))",
        "count(DISTINCT customer_id) + 1",
        "sum(DISTINCT cents)",
        "sum(cents) FILTER (WHERE a) FILTER (WHERE b)",
    ):
        assert parse(sql) is None, sql


def test_the_one_step_form_stays_where_two_steps_cannot_split() -> None:
    rows = "FROM t WHERE true"
    assert in_two_steps([], ['sum(cents) AS "m"'], rows) is None  # nothing distinct
    two_columns = ['count(DISTINCT customer_id) AS "a"', 'count(DISTINCT day) AS "b"']
    assert in_two_steps([], two_columns, rows) is None
    with_average = ['count(DISTINCT customer_id) AS "a"', 'avg(cents) AS "b"']
    assert in_two_steps([], with_average, rows) is None
