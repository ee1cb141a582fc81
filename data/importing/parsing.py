"""Dates and numbers as files write them, parsed in DuckDB SQL over whole columns at once.

Dates: the format is detected per column from its distinct values (ISO, Y/m/d, m/d/Y, d/m/Y,
d-m-Y, d.m.Y, 2024年3月5日, yyyymmdd, Excel serial numbers; any time of day is dropped). When
both m/d/Y and d/m/Y read every value, the column is ambiguous and reported, never guessed.
Numbers: thousands separators, currency signs, percentages, negatives in parentheses,
full-width digits and blanks; a decimal comma when the column's values only make sense so.
Money is rounded half away from zero to the cent (DuckDB's DECIMAL round).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

DATE_FORMATS: dict[str, str] = {
    "Y-m-d": "%Y-%m-%d",
    "Y/m/d": "%Y/%m/%d",
    "m/d/Y": "%m/%d/%Y",
    "d/m/Y": "%d/%m/%Y",
    "d-m-Y": "%d-%m-%Y",
    "m-d-Y": "%m-%d-%Y",
    "d.m.Y": "%d.%m.%Y",
    "Y年m月d日": "%Y年%m月%d日",
    "Ymd": "%Y%m%d",
    "m/d/y": "%m/%d/%y",
    "d/m/y": "%d/%m/%y",
}
EXCEL = "excel serial"
# The dates an import accepts: none before EARLIEST_DATE (DuckDB would read year 0 as 1 BC,
# which Python cannot show), none more than a year after the import's day (9999-12-31 and
# the like are typing slips that overflow every period computed from them).
EARLIEST_DATE = date(1900, 1, 1)


def latest_date(today: date) -> date:
    """The last date an import run on `today` accepts: the same day a year later (28
    February for 29 February)."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


# Pairs that read the same text two ways: when both read everything, the user must choose.
_TWINS = {
    frozenset({"m/d/Y", "d/m/Y"}),
    frozenset({"d-m-Y", "m-d-Y"}),
    frozenset({"m/d/y", "d/m/y"}),
}
_TIME = (
    r"([T ]+\d{1,2}(:\d{2}){1,2}(\.\d+)?\s*([AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?"
    r"|\s*\d{1,2}(时|点)(\d{1,2}分)?(\d{1,2}秒)?)$"
)


def blank_sql(column: str) -> str:
    """The column's text trimmed, NULL when blank (`column` is a column reference).

    Same result as nullif(trim(column), ''), at half the cost on big files: DuckDB's trim
    removes Unicode space separators only, which in ASCII text are plain spaces, so an ASCII
    value whose first byte sorts at or after '!' (not blank, no leading space) and that does
    not end with a space is kept as it is; only the other values are trimmed."""
    return (
        f"CASE WHEN {column} >= '!' AND NOT ends_with({column}, ' ') "
        f"AND length({column}) = strlen({column}) THEN {column} "
        f"ELSE nullif(trim({column}), '') END"
    )


def date_part_sql(column: str) -> str:
    """The column's text without a time of day."""
    return f"nullif(trim(regexp_replace(trim({column}), '{_TIME}', '')), '')"


def date_sql(column: str, fmt: str) -> str:
    """SQL that turns the text in `column` into a DATE with `fmt` (a DATE_FORMATS key or
    EXCEL); NULL when the value does not read that way."""
    part = date_part_sql(column)
    if fmt == EXCEL:
        return (
            f"CASE WHEN regexp_full_match({part}, '\\d{{1,6}}(\\.\\d+)?') AND "
            f"TRY_CAST({part} AS DOUBLE) BETWEEN 1 AND 2958465 THEN "
            f"(DATE '1899-12-30' + CAST(floor(TRY_CAST({part} AS DOUBLE)) AS INTEGER)) END"
        )
    if fmt == "Ymd":
        return (
            f"CASE WHEN regexp_full_match({part}, '\\d{{8}}') "
            f"THEN CAST(try_strptime({part}, '%Y%m%d') AS DATE) END"
        )
    # Fast path first: most cells have no time of day, and a CASE only evaluates its ELSE
    # (the regex) for the rows the plain parse could not read.
    pattern = DATE_FORMATS[fmt]
    fast = f"try_strptime({column}, '{pattern}')"
    return (
        f"CAST(CASE WHEN {fast} IS NOT NULL THEN {fast} "
        f"ELSE try_strptime({part}, '{pattern}') END AS DATE)"
    )


@dataclass(frozen=True)
class DateDetection:
    """What a date column's values look like."""

    format: str | None  # chosen format, None when nothing reads any value
    ambiguous: tuple[str, ...] = ()  # formats that all read every value, when more than one
    matched: int = 0
    distinct: int = 0
    example: str | None = None


def detect_date_format(con: duckdb.DuckDBPyConnection, table: str, column: str) -> DateDetection:
    """Count, over the column's distinct values, how many each format reads; pick the best."""
    names = [*DATE_FORMATS, EXCEL]
    counts = ", ".join(
        f"count(*) FILTER (WHERE {date_sql('v', name)} IS NOT NULL)" for name in names
    )
    # The raw text's distinct values first: far fewer than the rows, so only they are trimmed.
    row = con.execute(
        f"SELECT count(*), min(v), {counts} FROM (SELECT DISTINCT {blank_sql('c')} AS v FROM "
        f"(SELECT DISTINCT {column} AS c FROM {table} r)) WHERE v IS NOT NULL"
    ).fetchall()[0]
    distinct, example, *hits = row
    if not distinct:
        return DateDetection(None, (), 0, 0, None)
    best = max(hits)
    if best == 0:
        return DateDetection(None, (), 0, distinct, example)
    winners = tuple(n for n, h in zip(names, hits, strict=True) if h == best)
    chosen = winners[0]
    if len(winners) > 1 and any(frozenset(p) in _TWINS for p in _pairs(winners)):
        return DateDetection(chosen, winners, best, distinct, example)
    return DateDetection(chosen, (), best, distinct, example)


def _pairs(items: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]


# Integer fields (quantity, line number) as 64-bit decimals: 128-bit ones cost ten times more
# to compare and cast, and no count Huddle stores comes near a trillion.
NUMBER_TYPE = "DECIMAL(18,6)"
_FULL_WIDTH = ("０１２３４５６７８９．，－＋（）％", "0123456789.,-+()%")
_CURRENCY = r"[\s\x{00a0}¥￥$€£]|RMB|CNY|USD|EUR|GBP|元"


# A thousands separator only between groups of three digits, after one to three leading
# digits: 1,234,567.5 is a number, but 1,2,3 and 12,34 are not (they would read as 123 and
# 1234). With a decimal comma the separator is a point: 1.234.567,5.
_GROUPED = r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?%?"
_GROUPED_DECIMAL_COMMA = r"[-+]?\d{1,3}(\.\d{3})+(,\d*)?%?"
# Digits, spaces, then a group of digits that is not three long, or four digits before a space.
_BAD_SPACE = r"\d[\s\x{00a0}]+(\d{1,2}|\d{4,})(\D|$)|\d{4}[\s\x{00a0}]+\d"


def number_text_sql(column: str, decimal_comma: bool = False) -> str:
    """The column's text as a plain number (-1234.5, or 12.5% kept as '12.5%'); NULL when
    a thousands separator is not between groups of three digits."""
    spaced = f"translate(trim({column}), '{_FULL_WIDTH[0]}', '{_FULL_WIDTH[1]}')"
    text = f"regexp_replace({spaced}, '{_CURRENCY}', '', 'g')"
    text = f"regexp_replace({text}, '^\\((.*)\\)$', '-\\1')"
    # A space between digits is a thousands separator too (1 234 567): only between groups
    # of three, so 1 2 3 is not read as 123.
    spaces = f"NOT regexp_matches({spaced}, '{_BAD_SPACE}')"
    if decimal_comma:
        pattern = _GROUPED_DECIMAL_COMMA
        grouped = f"(NOT contains({text}, '.') OR regexp_full_match({text}, '{pattern}'))"
        plain = f"replace(replace({text}, '.', ''), ',', '.')"
    else:
        grouped = f"(NOT contains({text}, ',') OR regexp_full_match({text}, '{_GROUPED}'))"
        plain = f"replace({text}, ',', '')"
    return f"CASE WHEN {grouped} AND {spaces} THEN {plain} END"


def _slow_number_sql(column: str, decimal_comma: bool) -> str:
    text = number_text_sql(column, decimal_comma)
    return (
        f"(CASE WHEN ends_with({text}, '%') "
        f"THEN TRY_CAST(rtrim({text}, '%') AS DECIMAL(38,6)) * 0.01 "
        f"ELSE TRY_CAST({text} AS DECIMAL(38,6)) END)"
    )


def number_sql(column: str, decimal_comma: bool = False) -> str:
    """The column as NUMBER_TYPE; a percentage is divided by 100; NULL when not a number or
    beyond its range (a trillion).

    A plain number is cast directly; only the rest goes through the clean-up (a CASE evaluates
    its ELSE just for the rows the plain cast could not read; COALESCE would evaluate both)."""
    slow = f"TRY_CAST({_slow_number_sql(column, decimal_comma)} AS {NUMBER_TYPE})"
    if decimal_comma:
        return slow
    fast = f"TRY_CAST({column} AS {NUMBER_TYPE})"
    return f"(CASE WHEN {fast} IS NOT NULL THEN {fast} ELSE {slow} END)"


def cents_sql(column: str, decimal_comma: bool = False) -> str:
    """Money in integer cents, rounded half away from zero; NULL when not a number or beyond
    what BIGINT cents hold (never an overflow error that would stop the whole import)."""
    slow = (
        f"TRY_CAST(round(TRY_CAST({_slow_number_sql(column, decimal_comma)} AS DECIMAL(30,6))"
        " * 100) AS BIGINT)"
    )
    if decimal_comma:
        return slow
    # DECIMAL(16,6) times 100 still fits 64 bits, so plain amounts below ten billion take this
    # path without any regex or 128-bit arithmetic.
    fast = f"TRY_CAST({column} AS DECIMAL(16,6))"
    cents = f"CAST(round({fast} * 100) AS BIGINT)"
    return f"(CASE WHEN {fast} IS NOT NULL THEN {cents} ELSE {slow} END)"


def detect_decimal_commas(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[str]
) -> dict[str, bool]:
    """Per column: True when it writes 1.234,56 or 12,5 (a comma before 1–2 final digits and
    never a point there). One scan finds commas among values that are not plain numbers; only
    columns with such commas are scanned again for points."""
    if not columns:
        return {}
    commas = []
    for column in columns:
        text = f"regexp_replace(trim({column}), '{_CURRENCY}', '', 'g')"
        commas.append(
            f"count(*) FILTER (WHERE CASE WHEN TRY_CAST({column} AS DOUBLE) IS NULL "
            f"THEN regexp_matches({text}, ',\\d{{1,2}}\\)?%?$') ELSE false END)"
        )
    found = con.execute(f"SELECT {', '.join(commas)} FROM {table} r").fetchall()[0]
    result = {}
    for column, count in zip(columns, found, strict=True):
        result[column] = (
            bool(count)
            and not con.execute(
                f"SELECT count(*) FROM {table} r WHERE regexp_matches({column}, "
                "'\\.\\d{1,2}\\)?%?$')"
            ).fetchall()[0][0]
        )
    return result


def detect_decimal_comma(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """True when the column writes 1.234,56 or 12,5 (a comma before 1–2 final digits)."""
    return detect_decimal_commas(con, table, [column])[column]
