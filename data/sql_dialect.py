"""One SQL, two engines: Huddle's SQL is written for DuckDB and rewritten for PostgreSQL here.

Every KPI, list and write is written once, in DuckDB's dialect (the embedded default). On
PostgreSQL each statement is transpiled by sqlglot, and the few DuckDB functions sqlglot leaves
as they are get a PostgreSQL equivalent: arg_max/arg_min become an ordered array_agg (DuckDB
skips rows whose ordering value is NULL, so they are filtered out too), HUGEINT becomes NUMERIC,
unnamed subqueries get a name, GROUP BY ALL names its columns, an ASOF join becomes a LATERAL
subquery, CREATE OR REPLACE TABLE a DROP and a CREATE, and round() becomes huddle_round, which
rounds as DuckDB does (data/pg_compat.sql).
Parameters keep their meaning: DuckDB's `?` and `$name` become psycopg's `%s` and `%(name)s`,
and a literal % is doubled so psycopg does not read it as one.

The result is cached per statement: the compiler produces a handful of distinct SQL texts per
page, so a page pays the transpile once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

import sqlglot
from sqlglot import exp

_MARK = "__huddle_param_{}__"
_MARK_RE = re.compile(r"__huddle_param_(\d+)__")


def _arg_extreme(node: exp.Expression) -> exp.Expression:
    """arg_max(value, key) -> (array_agg(value ORDER BY key DESC) FILTER (key IS NOT NULL))[1]."""
    if not isinstance(node, exp.ArgMax | exp.ArgMin):
        return node
    value, key = node.this, node.expression
    order = exp.Ordered(this=key.copy(), desc=isinstance(node, exp.ArgMax), nulls_first=False)
    aggregate = exp.ArrayAgg(this=exp.Order(this=value.copy(), expressions=[order]))
    not_null = exp.Not(this=exp.Is(this=key.copy(), expression=exp.Null()))
    filtered = exp.Filter(this=aggregate, expression=exp.Where(this=not_null))
    first = exp.Literal.number(0)  # sqlglot counts from 0; PostgreSQL's text says [1]
    return exp.Bracket(this=exp.Paren(this=filtered), expressions=[first])


def _series_rows(node: exp.Expression) -> exp.Expression:
    """DuckDB's generate_series() is a list that unnest() turns into rows; PostgreSQL's is
    already a set of rows."""
    if isinstance(node, exp.Explode) and isinstance(node.this, exp.GenerateSeries):
        return node.this.copy()
    return node


def _duckdb_round(node: exp.Expression) -> exp.Expression:
    """round() with DuckDB's arithmetic: huddle_round (data/pg_compat.sql)."""
    if isinstance(node, exp.Round):
        digits = node.args.get("decimals") or exp.Literal.number(0)
        return exp.Anonymous(this="huddle_round", expressions=[node.this.copy(), digits.copy()])
    return node


def _wide_integers(node: exp.Expression) -> exp.Expression:
    """DuckDB's 128-bit and unsigned integers have no PostgreSQL type: NUMERIC holds them."""
    if isinstance(node, exp.DataType) and node.this in (
        exp.DataType.Type.INT128,
        exp.DataType.Type.UBIGINT,
        exp.DataType.Type.UINT128,
    ):
        return exp.DataType.build("NUMERIC")
    return node


def _alias_subqueries(tree: exp.Expression) -> exp.Expression:
    """PostgreSQL wants a name for every subquery in FROM or JOIN; DuckDB does not."""
    for number, node in enumerate(tree.find_all(exp.Subquery)):
        if not node.alias and isinstance(node.parent, exp.From | exp.Join):
            node.set("alias", exp.TableAlias(this=exp.to_identifier(f"_sub{number}")))
    return tree


def _group_by_all(tree: exp.Expression) -> exp.Expression:
    """GROUP BY ALL groups by every selected expression that is not an aggregate: PostgreSQL
    gets those by position (GROUP BY 1, 3), or no GROUP BY when every column is an aggregate."""
    for select in tree.find_all(exp.Select):
        group = select.args.get("group")
        if not group or not group.args.get("all"):
            continue
        positions = [
            exp.Literal.number(number)
            for number, column in enumerate(select.expressions, start=1)
            if not column.find(exp.AggFunc)
        ]
        select.set("group", exp.Group(expressions=positions) if positions else None)
    return tree


def _asof_joins(tree: exp.Expression) -> exp.Expression:
    """DuckDB's ASOF LEFT JOIN t ON <equalities> AND <outer> >= t.col matches the one row of t
    with the greatest col not past <outer>; PostgreSQL gets the same as a LATERAL subquery
    ordered by that column, newest first, LIMIT 1."""
    for join in list(tree.find_all(exp.Join)):
        if (join.args.get("method") or "").upper() != "ASOF":
            continue
        table = join.this
        alias = table.alias_or_name
        condition = join.args["on"]
        ordering = next(
            part
            for part in condition.find_all(exp.GTE)
            if isinstance(part.expression, exp.Column) and part.expression.table == alias
        )
        inner = (
            exp.select("*")
            .from_(table.copy())
            .where(condition.copy())
            .order_by(exp.Ordered(this=ordering.expression.copy(), desc=True))
            .limit(1)
        )
        lateral = exp.Lateral(
            this=exp.Subquery(this=inner), alias=exp.TableAlias(this=exp.to_identifier(alias))
        )
        join.set("this", lateral)
        join.set("method", None)
        join.set("on", exp.true())
    return tree


@lru_cache(maxsize=4096)
def to_postgres(sql: str, with_params: bool) -> tuple[str, tuple[str | None, ...]]:
    """The PostgreSQL text of a DuckDB statement (or script) and its parameters in order:
    None for each positional `?`, the name for each `$name`."""
    statements = sqlglot.parse(sql, read="duckdb")
    params: list[str | None] = []
    out: list[str] = []
    for tree in statements:
        if tree is None:
            continue
        tree = tree.transform(_arg_extreme).transform(_wide_integers).transform(_series_rows)
        tree = tree.transform(_duckdb_round)
        tree = _asof_joins(_group_by_all(_alias_subqueries(tree)))
        if isinstance(tree, exp.Create) and tree.args.get("replace") and tree.kind == "TABLE":
            out.append(f"DROP TABLE IF EXISTS {tree.this.sql(dialect='postgres')}")
            tree.set("replace", False)

        def mark(node: exp.Expression) -> exp.Expression:
            if isinstance(node, exp.Placeholder | exp.Parameter):
                name = node.name if node.name not in ("", "?") else None
                params.append(name)
                return exp.column(_MARK.format(len(params) - 1))
            return node

        tree = tree.transform(mark)
        out.append(tree.sql(dialect="postgres"))
    text = ";\n".join(out)
    if with_params:
        text = text.replace("%", "%%")

        def placeholder(match: re.Match[str]) -> str:
            name = params[int(match.group(1))]
            return "%s" if name is None else f"%({name})s"

        text = _MARK_RE.sub(placeholder, text)
    return text, tuple(params)
