"""One SQL, two engines: Huddle's SQL is written for DuckDB and rewritten for PostgreSQL here.

Every KPI, list and write is written once, in DuckDB's dialect (the embedded default). On
PostgreSQL each statement is transpiled by sqlglot, and the few DuckDB functions sqlglot leaves
as they are get a PostgreSQL equivalent: arg_max/arg_min become an ordered array_agg (DuckDB
skips rows whose ordering value is NULL, so they are filtered out too), HUGEINT becomes NUMERIC,
unnamed subqueries get a name, GROUP BY ALL names its columns, an ASOF join becomes a LATERAL
subquery, CREATE OR REPLACE TABLE a DROP and a CREATE, round() becomes huddle_round, which
rounds as DuckDB does (data/pg_compat.sql), contains(text, part) becomes strpos() > 0, rowid
becomes ctid, and duckdb_tables() / duckdb_columns() read information_schema.
Parameters keep their meaning: DuckDB's `?` and `$name` become psycopg's `%s` and `%(name)s`,
and a literal % is doubled so psycopg does not read it as one.

The result is cached per statement: the compiler produces a handful of distinct SQL texts per
page, so a page pays the transpile once per process (about 0.1-0.3 s for a KPI statement of
30 KB: the rewrites work on the parsed tree in place, in one pass, since copying the tree for
each rewrite took more than half of that time).
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


def _contains(node: exp.Expression) -> exp.Expression:
    """DuckDB's contains(text, part) is strpos(text, part) > 0 (NULL when either is NULL, as
    in DuckDB); PostgreSQL has no contains() for text."""
    if isinstance(node, exp.Contains):
        found = exp.Anonymous(this="strpos", expressions=[node.this.copy(), node.expression.copy()])
        return exp.GT(this=found, expression=exp.Literal.number(0))
    return node


def _row_ids(node: exp.Expression) -> exp.Expression:
    """DuckDB's rowid names a row of a table within a statement; PostgreSQL's ctid does."""
    if isinstance(node, exp.Column) and node.name.lower() == "rowid":
        return exp.column("ctid", table=node.table or None)
    return node


# DuckDB's catalogue functions, as PostgreSQL's information_schema views of this schema (the
# columns Huddle reads: table_name; column_name with table_name).
_CATALOGUES = {
    "duckdb_tables": "SELECT table_name FROM information_schema.tables"
    " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    "duckdb_columns": "SELECT table_name, column_name FROM information_schema.columns"
    " WHERE table_schema = current_schema()",
}


def _catalogues(node: exp.Expression) -> exp.Expression:
    """FROM duckdb_tables() / duckdb_columns() -> a subquery on information_schema."""
    if isinstance(node, exp.Table) and isinstance(node.this, exp.Anonymous):
        name = node.this.name.lower()
        if name in _CATALOGUES:
            query = sqlglot.parse_one(_CATALOGUES[name], read="postgres")
            alias = node.alias or name
            return exp.Subquery(this=query, alias=exp.TableAlias(this=exp.to_identifier(alias)))
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


_ASOF_NEXT = "_asof_next"  # the next row's ordering value, added by _asof_joins


def _asof_joins(tree: exp.Expression) -> exp.Expression:
    """DuckDB's ASOF LEFT JOIN t ON <equalities> AND <outer> >= t.col matches the one row of t
    with the greatest col not past <outer>. PostgreSQL gets the same as a range join: each row
    of t carries the next row's col (lead() over the equality columns), and matches the outer
    rows from its col up to, not including, the next one. A hash join on the equalities then
    does it in one pass; a LATERAL ... ORDER BY col DESC LIMIT 1 per outer row (the obvious
    rewrite) re-ran t for every row, minutes for the Stock page's turnover at 200,000 lines.
    t's rows must be unique on (equalities, col), as every ASOF source here is (grouped or
    DISTINCT on them)."""
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
        keys = [
            side.name
            for part in condition.find_all(exp.EQ)
            for side in (part.this, part.expression)
            if isinstance(side, exp.Column) and side.table == alias
        ]
        column = ordering.expression.name
        following = exp.Window(
            this=exp.Anonymous(this="lead", expressions=[exp.column(column)]),
            partition_by=[exp.column(key) for key in keys],
            order=exp.Order(expressions=[exp.Ordered(this=exp.column(column))]),
        )
        source = table.copy()
        source.set("alias", None)
        inner = exp.select("*", exp.alias_(following, _ASOF_NEXT)).from_(source)
        join.set(
            "this", exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier(alias)))
        )
        join.set("method", None)
        upper = exp.column(_ASOF_NEXT, table=alias)
        before_next = exp.or_(
            exp.Is(this=upper.copy(), expression=exp.Null()),
            exp.LT(this=ordering.this.copy(), expression=upper),
        )
        join.set("on", exp.and_(condition.copy(), exp.Paren(this=before_next)))
    return tree


def _rewrite_node(node: exp.Expression) -> exp.Expression:
    """Each node-by-node rewrite above. At most one applies to a node (each matches its own
    node type, and none builds a node another rewrite matches); transform() does not visit
    what replaces a node, so the replacement's children (a round() inside an arg_max, a
    HUGEINT cast inside a round) are rewritten here."""
    rewrites = (
        _arg_extreme, _wide_integers, _series_rows, _duckdb_round, _contains, _row_ids, _catalogues
    )  # fmt: skip
    for rewrite in rewrites:
        new = rewrite(node)
        if new is not node:
            return new.transform(_rewrite_node, copy=False)
    return node


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
        # In place (copy=False) and in one pass: the tree was parsed here and nothing else
        # holds it, and copying a KPI statement's tree (30 KB of SQL) for each rewrite took
        # more than half of the transpile's time.
        tree = tree.transform(_rewrite_node, copy=False)
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

        tree = tree.transform(mark, copy=False)
        out.append(tree.sql(dialect="postgres", copy=False))  # the last use of this tree
    text = ";\n".join(out)
    if with_params:
        text = text.replace("%", "%%")

        def placeholder(match: re.Match[str]) -> str:
            name = params[int(match.group(1))]
            return "%s" if name is None else f"%({name})s"

        text = _MARK_RE.sub(placeholder, text)
    return text, tuple(params)
