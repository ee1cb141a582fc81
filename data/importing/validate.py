"""Parse a staged file into typed columns and find every problem, in bulk, in DuckDB.

Builds two temp tables on the connection: PARSED (one row per file row: `_row`, each field
parsed, its raw text as `<field>__raw`, and `_ok` false when the row has an error) and
PROBLEMS (row, column, value, code, reason, severity, detail). Nothing here is done row by row.

`reason` is English, for the CLI and the problem files; `detail` holds what varies in it (a
date format, the known values, the rows sharing a key), so the interface can show each
problem in the user's language as data.messages entry import.problem.<code>.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import duckdb
import pandas as pd

from data.importing.errors import MappingError
from data.importing.fields import ImportField, import_table
from data.importing.mapping import Mapping, check_mapping
from data.importing.parsing import (
    EARLIEST_DATE,
    blank_sql,
    cents_sql,
    date_sql,
    detect_date_format,
    detect_decimal_commas,
    latest_date,
    number_sql,
)
from data.importing.readers import RAW_TABLE, StagedFile
from data.importing.values import CANONICAL, map_values
from data.messages import Message, MessageList

PARSED = "import_parsed"  # a view: the rows below plus <field>__raw aliases for text fields
PARSED_ROWS = "import_parsed_rows"
PROBLEMS = "import_problems"
FUTURE_CHECKED = (
    "order_date", "created_date", "closed_date", "activity_date", "feedback_date", "resolved_date",
)  # fmt: skip
# Scores the schema bounds (CHECK constraints): a value outside cannot be stored.
SCORE_RANGES: dict[str, tuple[int, int]] = {"csat": (1, 5), "nps": (0, 10)}
# What a canonical kind is called in a reason, where its name is not a word.
_KIND_WORDS = {"activity_kind": "kind of activity", "feedback_kind": "kind of feedback"}


@dataclass
class Prepared:
    """What parsing and validation found, for the report and the commit step."""

    staged: StagedFile
    mapping: Mapping
    date_formats: dict[str, str] = field(default_factory=dict)
    decimal_comma: dict[str, bool] = field(default_factory=dict)
    # Problems that stop the whole file: each a Message, i.e. its English text with its key.
    blocking: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # optional columns the file lacks
    unmapped_values: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0
    error_rows: int = 0
    warnings: int = 0


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _field_sql(
    con: duckdb.DuckDBPyConnection, prep: Prepared, item: ImportField, source: str
) -> tuple[str, str]:
    """(parsed expression, join clause) for a mapped field read from raw column `source`."""
    name = item.name
    if item.kind == "date":
        chosen = prep.mapping.date_formats.get(name)
        if not chosen:
            found = detect_date_format(con, RAW_TABLE, source)
            header = prep.mapping.columns[name]
            if found.ambiguous:
                prep.blocking.append(
                    Message(
                        "import.ambiguous_dates",
                        header=header,
                        name=name,
                        example=found.example,
                        formats=MessageList(found.ambiguous, style="or"),
                        second=found.ambiguous[1],
                    )
                )
            chosen = found.format or "Y-m-d"
        prep.date_formats[name] = chosen
        return date_sql(source, chosen), ""
    if item.kind in ("money", "number", "integer"):
        comma = prep.decimal_comma[name]
        if item.kind == "money":
            return cents_sql(source, comma), ""
        return number_sql(source, comma), ""
    if item.kind in CANONICAL:
        distinct = [
            r[0]
            for r in con.execute(
                f"SELECT DISTINCT v FROM (SELECT {blank_sql(source)} AS v FROM {RAW_TABLE} r) "
                "WHERE v IS NOT NULL"
            ).fetchall()
        ]
        mapped = map_values(item.kind, distinct, prep.mapping.values.get(item.kind))
        unknown = sorted(v for v, c in mapped.items() if c is None)
        if unknown:
            prep.unmapped_values[name] = unknown
        table = f"import_map_{name}"
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} (raw VARCHAR, canonical VARCHAR)")
        pairs = [(v, c) for v, c in mapped.items() if c is not None]
        if pairs:
            con.executemany(f"INSERT INTO {table} VALUES (?, ?)", pairs)
        join = f"LEFT JOIN {table} m_{name} ON m_{name}.raw = {blank_sql(source)}"
        return f"m_{name}.canonical", join
    return blank_sql(source), ""


def _default_sql(item: ImportField, value: str) -> str:
    if item.kind in CANONICAL and value not in CANONICAL[item.kind]:
        known = ", ".join(CANONICAL[item.kind])
        raise MappingError.of("import.bad_default", value=value, field=item.name, known=known)
    return _quote(value)


def _build_parsed(con: duckdb.DuckDBPyConnection, prep: Prepared) -> None:
    spec = import_table(prep.mapping.table)
    staged = prep.staged
    numeric = {
        item.name: "r." + staged.column(prep.mapping.columns[item.name])
        for item in spec.fields
        if item.kind in ("money", "number", "integer") and item.name in prep.mapping.columns
    }
    commas = detect_decimal_commas(con, RAW_TABLE, list(numeric.values()))
    prep.decimal_comma = {name: commas[column] for name, column in numeric.items()}
    inner = [f"{staged.row_sql} AS _row"]
    outer = ["_row"]
    joins: list[str] = []
    aliases: list[str] = []  # columns of the view only: nothing stored for them
    renumber = spec.name == "orders" and "line_no" not in prep.mapping.columns
    for item in spec.fields:
        if item.name in prep.mapping.columns:
            source = "r." + staged.column(prep.mapping.columns[item.name])
            expr, join = _field_sql(con, prep, item, source)
            inner.append(f"{expr} AS {item.name}")
            outer.append(item.name)
            if item.kind == "text":
                aliases.append(f"{item.name} AS {item.name}__raw")
            else:
                # The raw text only where the value did not parse: the rest of the rows'
                # text is fetched for the rows with a problem (_raw_values), not stored.
                inner.append(f"{source} AS {item.name}__src")
                outer.append(
                    f"CASE WHEN {item.name} IS NULL THEN {blank_sql(item.name + '__src')} END"
                    f" AS {item.name}__raw"
                )
            if join:
                joins.append(join)
        elif item.name in prep.mapping.defaults:
            value = _default_sql(item, prep.mapping.defaults[item.name])
            inner.append(f"{value} AS {item.name}")
            outer.append(item.name)
            aliases.append(f"{value} AS {item.name}__raw")
        elif not (renumber and item.name == "line_no"):
            cast = {"date": "DATE", "money": "BIGINT", "integer": "DECIMAL(18,6)"}.get(
                item.kind, "VARCHAR"
            )
            aliases.append(f"CAST(NULL AS {cast}) AS {item.name}")
            aliases.append(f"NULL::VARCHAR AS {item.name}__raw")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {PARSED_ROWS} AS SELECT {', '.join(outer)}, true AS _ok "
        f"FROM (SELECT {', '.join(inner)} FROM {RAW_TABLE} r {' '.join(joins)})"
    )
    if renumber:
        # Lines numbered in file order within each order: stable when the same file comes again.
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {PARSED_ROWS} AS SELECT *, "
            f"CAST(row_number() OVER (PARTITION BY order_id ORDER BY _row) AS DECIMAL(18,6))"
            f" AS line_no, NULL::VARCHAR AS line_no__raw FROM {PARSED_ROWS}"
        )
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {PARSED} AS SELECT *, {', '.join(aliases) or '1 AS _x'} "
        f"FROM {PARSED_ROWS}"
    )


def _raw_values(con: duckdb.DuckDBPyConnection, prep: Prepared) -> None:
    """Problems of fields that are not text show the file's text: fetched from the raw table
    for the rows with a problem only."""
    if not con.execute(f"SELECT count(*) FROM {PROBLEMS}").fetchall()[0][0]:
        return
    spec = import_table(prep.mapping.table)
    staged = prep.staged
    for item in spec.fields:
        header = prep.mapping.columns.get(item.name)
        if item.kind == "text" or header is None:
            continue
        source = "r." + staged.column(header)
        con.execute(
            f"UPDATE {PROBLEMS} SET value = {blank_sql(source)} FROM {RAW_TABLE} r "
            f"WHERE {PROBLEMS}.column_name = $header AND {PROBLEMS}._row = {staged.row_sql}",
            {"header": header},
        )


class _Checks:
    """Collects the row checks; `sql` runs them all in one scan of the file's rows."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.row_checks: list[tuple[str, str]] = []  # (condition, problem struct)
        self.parts: list[str] = []  # whole SELECTs (duplicate keys)

    def header(self, name: str) -> str:
        m = self.prep.mapping
        return m.columns.get(name) or f"({name})"

    def add(
        self,
        name: str,
        condition: str,
        code: str,
        reason: str,
        severity: str = "error",
        detail: str = "NULL",
    ) -> None:
        """A check: rows where `condition` holds get problem `code`; `reason` and `detail` are
        SQL expressions (the English reason, and what varies in it)."""
        problem = (
            f"{{'column_name': {_quote(self.header(name))}, 'value': {name}__raw, "
            f"'code': {_quote(code)}, 'reason': {reason}, 'severity': {_quote(severity)}, "
            f"'detail': CAST({detail} AS VARCHAR)}}"
        )
        self.row_checks.append((f"({condition})", problem))

    def sql(self) -> str:
        """One SELECT of every problem: rows with any failing check are found in one pass,
        and only those are unnested into one problem per failed check."""
        parts = list(self.parts)
        if self.row_checks:
            cases = ", ".join(f"CASE WHEN {c} THEN {p} END" for c, p in self.row_checks)
            hit = " OR ".join(f"coalesce({c}, false)" for c, _ in self.row_checks)
            parts.append(
                f"SELECT _row, x.column_name, x.value, x.code, x.reason, x.severity, x.detail "
                f"FROM ("
                f"SELECT _row, unnest(list_filter([{cases}], lambda e: e IS NOT NULL)) AS x "
                f"FROM {PARSED} WHERE {hit})"
            )
        return " UNION ALL ".join(parts)


INTEGER_LIMIT = 2_147_483_647  # DuckDB's INTEGER


def _add_checks(checks: _Checks, today: date) -> None:
    prep = checks.prep
    spec = import_table(prep.mapping.table)
    given = set(prep.mapping.columns) | set(prep.mapping.defaults)
    for item in spec.fields:
        name = item.name
        if name not in given:
            continue
        filled = name == "created_date" and prep.mapping.options.get("created_date_fallback")
        if item.required and not filled:
            checks.add(
                name,
                f"{name} IS NULL AND {name}__raw IS NULL",
                "blank",
                _quote(f"{name} is blank"),
                detail=_quote(checks.header(name)),
            )
        if item.kind == "date":
            fmt = prep.date_formats.get(name, "")
            checks.add(
                name,
                f"{name}__raw IS NOT NULL AND {name} IS NULL",
                "not_a_date",
                _quote(f"not a date in this column's format ({fmt})"),
                detail=_quote(fmt),
            )
            # Outside the plausible range: an error, so year 0 (1 BC to DuckDB) or 9999-12-31
            # never reaches the tables, where every page would have to live with it.
            low, high = EARLIEST_DATE.isoformat(), latest_date(today).isoformat()
            checks.add(
                name,
                f"{name} NOT BETWEEN DATE '{low}' AND DATE '{high}'",
                "date_out_of_range",
                _quote(f"the date is outside {low} – {high} (from 1900 to a year after today)"),
                detail=_quote(f"{low} – {high}"),
            )
            if name in FUTURE_CHECKED:
                checks.add(
                    name,
                    f"{name} > DATE '{today.isoformat()}' AND {name} <= DATE '{high}'",
                    "future_date",
                    _quote("the date is in the future"),
                    "warning",
                )
        elif item.kind in ("money", "number", "integer"):
            checks.add(
                name,
                f"{name}__raw IS NOT NULL AND {name} IS NULL",
                "not_a_number",
                _quote(f"{name} is not a number"),
            )
            if name in SCORE_RANGES:
                low, high = SCORE_RANGES[name]
                checks.add(
                    name,
                    f"{name} NOT BETWEEN {low} AND {high}",
                    "out_of_range",
                    _quote(f"{name} must be from {low} to {high}"),
                    detail=_quote(f"{low}–{high}"),
                )
            if item.kind == "integer":
                checks.add(
                    name,
                    f"{name} IS NOT NULL AND {name} <> trunc({name})",
                    "not_whole",
                    _quote(f"{name} is not a whole number"),
                )
                # The tables keep whole numbers as 32-bit integers: larger ones cannot be stored.
                checks.add(
                    name,
                    f"{name} IS NOT NULL AND abs({name}) > {INTEGER_LIMIT}",
                    "too_large",
                    _quote(f"{name} is too large (at most {INTEGER_LIMIT:,})"),
                )
        elif item.kind in CANONICAL:
            known = ", ".join(CANONICAL[item.kind])
            word = _KIND_WORDS.get(item.kind, item.kind)
            checks.add(
                name,
                f"{name}__raw IS NOT NULL AND {name} IS NULL",
                "unknown_value",
                f"'not a {word} Huddle knows (' || {_quote(known)} || '): map it'",
                detail=_quote(known),
            )
    for group in spec.one_of:
        present = [g for g in group if g in given]
        if present:
            condition = " AND ".join(f"{g} IS NULL AND {g}__raw IS NULL" for g in present)
            headers = " / ".join(checks.header(g) for g in present)
            checks.add(
                present[0],
                condition,
                "blank",
                _quote(f"{' and '.join(present)} blank"),
                detail=_quote(headers),
            )
    if "quantity" in given and spec.name == "stock":
        # A count cannot be below nothing on hand (an oversold till shows as a negative count).
        reason = _quote("stock on hand, its cost and receipts cannot be negative")
        for name in ("quantity", "value", "unit_cost", "received"):
            if name in given:
                checks.add(name, f"{name} < 0", "negative_stock", reason)
    elif "quantity" in given:
        checks.add(
            "quantity",
            "quantity < 0",
            "negative_quantity",
            _quote("negative quantity: record a return with status 'returned'"),
        )
    if "list_price" in given:
        checks.add("list_price", "list_price < 0", "negative_price", _quote("negative price"))
    _duplicate_check(checks, spec.name, given)
    if spec.name == "deals":
        checks.add(
            "closed_date",
            "stage IN ('won', 'lost') AND closed_date IS NULL AND closed_date__raw IS NULL",
            "closed_without_date",
            "'a ' || stage || ' deal needs a close date'",
            detail="stage",
        )
        checks.add(
            "closed_date",
            "closed_date < created_date",
            "closed_before_created",
            _quote("the close date is before the created date"),
        )
        checks.add(
            "closed_date",
            "stage NOT IN ('won', 'lost') AND closed_date IS NOT NULL",
            "open_with_close_date",
            _quote("the deal is still open, so its close date is left out"),
            "warning",
        )
        if prep.mapping.options.get("created_date_fallback") == "latest_date":
            checks.add(
                "created_date",
                "created_date IS NULL AND created_date__raw IS NULL",
                "created_date_filled",
                _quote("no created date: the deal is dated the file's last day"),
                "warning",
            )
    if spec.name == "reps":
        checks.add(
            "leave_date",
            "leave_date < hire_date",
            "left_before_hired",
            _quote("the leave date is before the hire date"),
        )
    if spec.name == "feedback" and "resolved_date" in given:
        checks.add(
            "resolved_date",
            "resolved_date < feedback_date",
            "resolved_before_feedback",
            _quote("the resolved date is before the feedback date"),
        )
    if spec.name == "activities" and "next_follow_up_date" in given:
        # Planned before it was made: most likely a typo; the activity itself still counts.
        checks.add(
            "next_follow_up_date",
            "next_follow_up_date < activity_date",
            "follow_up_before_activity",
            _quote("the next follow-up is before the activity date, so it is left out"),
            "warning",
        )


def _duplicate_check(checks: _Checks, table: str, given: set[str]) -> None:
    spec = import_table(table)
    if spec.natural_key:
        _repeated_rows(checks, spec.natural_key, spec.key[0], given)
        if spec.key[0] not in given:
            return
    keys = {
        "orders": ["order_id", "line_no"],
        "deals": ["deal_id"],
        "teams": ["team"],
        "reps": ["rep_key"] if "rep_key" in given else ["rep"],
        "customers": ["customer_key"] if "customer_key" in given else ["customer"],
        "products": ["product_key"] if "product_key" in given else ["product"],
        "activities": ["activity_key"],
        "feedback": ["feedback_key"],
        "stock": ["count_date", "team", "product_key" if "product_key" in given else "product"],
    }[table]
    cols = ", ".join(keys)
    not_null = " AND ".join(f"{k} IS NOT NULL" for k in keys)
    # Candidates first by an integer hash of the key (a cheap aggregate over every row); only
    # rows whose hash repeats are grouped by the key itself and listed together.
    checks.parts.append(
        f"SELECT _row, {_quote(checks.header(keys[0]))}, {keys[0]}__raw, 'duplicate_key', "
        f"'the same key is on ' || count(*) OVER w || ' rows (' || "
        f"string_agg(_row::VARCHAR, ', ') OVER w || ')', 'error', "
        f"string_agg(_row::VARCHAR, ', ') OVER w "
        f"FROM (SELECT p.* FROM {PARSED} p JOIN (SELECT {cols} FROM {PARSED_ROWS} "
        f"WHERE {not_null} AND hash({cols}) IN (SELECT h FROM (SELECT hash({cols}) AS h "
        f"FROM {PARSED_ROWS} WHERE {not_null}) GROUP BY h HAVING count(*) > 1) "
        f"GROUP BY {cols} HAVING count(*) > 1) d USING ({cols})) "
        f"WINDOW w AS (PARTITION BY {cols} ORDER BY _row "
        f"ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
    )


def _repeated_rows(
    checks: _Checks, natural_key: tuple[str, ...], key: str, given: set[str]
) -> None:
    """Warn about rows without an id of the file's that match another in every column: each
    is kept (two calls in a day are two activities), but a file exported twice over shows."""
    columns = ", ".join(sorted(given))
    first = natural_key[0]
    no_key = f"{key} IS NULL" if key in given else "true"
    checks.parts.append(
        f"SELECT _row, {_quote(checks.header(first))}, {first}__raw, 'repeated_row', "
        f"'every column is the same on rows ' || same_rows || ': each is kept as a record of its "
        f"own', 'warning', same_rows FROM (SELECT _row, {first}__raw, count(*) OVER w AS n, "
        f"string_agg(_row::VARCHAR, ', ') OVER w AS same_rows FROM {PARSED} WHERE {no_key} "
        f"WINDOW w AS (PARTITION BY {columns} ORDER BY _row "
        f"ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) WHERE n > 1"
    )


def prepare(
    con: duckdb.DuckDBPyConnection, staged: StagedFile, mapping: Mapping, today: date
) -> Prepared:
    """Parse the staged file with `mapping` and record every problem; see the module docstring.

    A preset may name optional columns an export leaves out: those are dropped and listed in
    `skipped`; a required column missing is a MappingError."""
    spec = import_table(mapping.table)
    skipped = {
        name: header
        for name, header in mapping.columns.items()
        if header not in staged.headers
        and name in spec.field_names
        and not spec.field(name).required
        and not any(name in g for g in spec.one_of)
    }
    if skipped:
        mapping = replace(
            mapping, columns={k: v for k, v in mapping.columns.items() if k not in skipped}
        )
    check_mapping(mapping, staged.headers)
    prep = Prepared(staged=staged, mapping=mapping, skipped=skipped)
    _build_parsed(con, prep)
    _check_team_cycles(con, prep)
    checks = _Checks(prep)
    _add_checks(checks, today)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {PROBLEMS} (_row BIGINT, column_name VARCHAR, "
        "value VARCHAR, code VARCHAR, reason VARCHAR, severity VARCHAR, detail VARCHAR)"
    )
    con.execute(f"INSERT INTO {PROBLEMS} {checks.sql()}")
    _raw_values(con, prep)
    con.execute(
        f"UPDATE {PARSED_ROWS} SET _ok = false WHERE _row IN "
        f"(SELECT _row FROM {PROBLEMS} WHERE severity = 'error')"
    )
    if mapping.table == "deals":
        _fix_deals(con)
    if mapping.table == "activities" and "next_follow_up_date" in _stored(con):
        con.execute(
            f"UPDATE {PARSED_ROWS} SET next_follow_up_date = NULL "
            "WHERE next_follow_up_date < activity_date"
        )
    rows, bad = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE NOT _ok) FROM {PARSED}"
    ).fetchall()[0]
    prep.rows, prep.error_rows = int(rows), int(bad)
    prep.warnings = int(
        con.execute(f"SELECT count(*) FROM {PROBLEMS} WHERE severity = 'warning'").fetchall()[0][0]
    )
    return prep


def _check_team_cycles(con: duckdb.DuckDBPyConnection, prep: Prepared) -> None:
    """Refuse a file whose parent teams, with the teams already stored, would form a circle
    (A inside B inside A): the team tree (view team_roots) has no top for those teams, so
    they and everyone in them would vanish from every team filter.

    Teams are matched by name, as the commit step matches them; a team the file gives a
    parent takes that parent (its first row's, as written), the others keep the stored one."""
    given = set(prep.mapping.columns) | set(prep.mapping.defaults)
    if prep.mapping.table not in ("teams", "reps") or not {"team", "parent_team"} <= given:
        return
    parents: dict[str, str] = dict(
        con.execute(
            "SELECT t.name, p.name FROM teams t JOIN teams p ON p.team_id = t.parent_id"
        ).fetchall()
    )
    from_file = con.execute(
        f"SELECT team, arg_min(parent_team, _row) FROM {PARSED} "
        "WHERE team IS NOT NULL AND parent_team IS NOT NULL GROUP BY team"
    ).fetchall()
    parents.update({str(team): str(parent) for team, parent in from_file})
    named = {str(team) for team, _ in from_file}
    for cycle in _cycles(parents):
        if named & set(cycle):
            prep.blocking.append(
                Message(
                    "import.team_cycle",
                    column=prep.mapping.columns.get("parent_team", "parent_team"),
                    teams=", ".join(sorted(set(cycle))),
                    cycle=" → ".join([*cycle, cycle[0]]),
                )
            )


def _cycles(parents: dict[str, str]) -> list[list[str]]:
    """Each circle in the child → parent map once, from its first name in sorted order."""
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(parents):
        path: list[str] = []
        seen: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = parents.get(node)
        if node is not None and node in seen:
            cycle = path[seen[node] :]
            first = cycle.index(min(cycle))
            found.append(cycle[first:] + cycle[:first])
        done.update(path)
    return found


def _stored(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The columns PARSED_ROWS stores (an unmapped field is NULL in the view, not stored)."""
    return {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = $t", {"t": PARSED_ROWS}
        ).fetchall()
    }


def _fix_deals(con: duckdb.DuckDBPyConnection) -> None:
    """Apply what the warnings announced: open deals lose a close date; undated deals get the
    file's last day."""
    if "closed_date" in _stored(con):  # an unmapped close date is NULL in the view, not stored
        con.execute(
            f"UPDATE {PARSED_ROWS} SET closed_date = NULL WHERE stage NOT IN ('won', 'lost')"
        )
    con.execute(
        f"UPDATE {PARSED_ROWS} SET created_date = (SELECT max(greatest(created_date, "
        f"coalesce(closed_date, created_date))) FROM {PARSED}) "
        f"WHERE created_date IS NULL AND created_date__raw IS NULL AND EXISTS "
        f"(SELECT 1 FROM {PROBLEMS} WHERE code = 'created_date_filled')"
    )


def problems_frame(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> pd.DataFrame:
    """Every problem, by row then column: row, column, value, code, reason, severity, detail."""
    sql = (
        f"SELECT _row AS row, column_name AS column, value, code, reason, severity, detail "
        f"FROM {PROBLEMS} ORDER BY _row, column_name, code"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return con.execute(sql).df()


def rejected_rows_frame(con: duckdb.DuckDBPyConnection, staged: StagedFile) -> pd.DataFrame:
    """The file's rejected rows as they were, with their row number and reasons first."""
    columns = ", ".join(
        f'r.c{i} AS "{h.replace(chr(34), chr(34) * 2)}"' for i, h in enumerate(staged.headers)
    )
    return con.execute(
        f"SELECT p._row AS row, string_agg(pr.column_name || ': ' || pr.reason, '; ' "
        f"ORDER BY pr.column_name) AS reasons, {columns} "
        f"FROM {PARSED} p JOIN {RAW_TABLE} r ON {staged.row_sql} = p._row "
        f"JOIN {PROBLEMS} pr ON pr._row = p._row AND pr.severity = 'error' "
        f"WHERE NOT p._ok GROUP BY ALL ORDER BY p._row"
    ).df()
