"""Does the file belong to the company already in the database? One company per database.

Before an import writes, the people, customers and products the file names are compared with
those the database holds: by the file's own id for them (as an earlier import recorded it),
else by name, ignoring case, spaces and punctuation. Only kinds the file names *and* the
database already holds are compared (importing a company's files one by one, people first,
compares nothing until there is something to compare with).

The rule: when the file names at least MIN_ENTRIES (20) distinct entries of some compared
kind, and in every compared kind (whatever its count) fewer than 1 in 5 (20%) of the file's
distinct entries are already there, the file is another company's and the import stops
(CompanyMismatchError) before writing anything. A small file (fewer than 20 of each kind: a
few new customers, a test file) is too small to tell and is never stopped; one kind that does
match (the file's 3 people are the company's) is enough to go ahead. The lead then chooses:
add it to this company anyway, replace the company's data with it, or use another database
file.
The demo company is not checked here: importing onto it is refused or replaces it already
(runner.foreign_rows).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from data.company_kind import COMPANY_KIND, DEMO
from data.company_profile import company_name_in
from data.importing.errors import CompanyMismatchError
from data.importing.validate import PARSED
from data.messages import Message, MessageList

# A kind matches when at least MATCH_NUMERATOR / MATCH_DENOMINATOR of the file's entries are
# already there (compared in whole numbers: matched * 5 >= total, never a float).
MATCH_NUMERATOR, MATCH_DENOMINATOR = 1, 5
# Fewer distinct entries than this in every compared kind: too few to tell, never stopped.
MIN_ENTRIES = 20
_NORMALISED = "regexp_replace(lower({}), '[\\s\\p{{P}}\\p{{S}}]+', '', 'g')"
# Per kind: its table, and the file's fields naming one as (id field or None, name field).
_KINDS: dict[str, tuple[str, tuple[tuple[str | None, str], ...]]] = {
    "people": ("reps", (("rep_key", "rep"), (None, "owner"), (None, "manager"))),
    "customers": ("customers", (("customer_key", "customer"),)),
    "products": ("products", (("product_key", "product"),)),
}


@dataclass(frozen=True)
class Overlap:
    """How many of the file's distinct entries of one kind are already in the database."""

    kind: str  # people, customers or products
    matched: int
    total: int

    @property
    def small(self) -> bool:
        """Fewer than 1 in 5 are already there (whole-number comparison)."""
        return self.matched * MATCH_DENOMINATOR < self.total * MATCH_NUMERATOR

    def message(self) -> Message:
        """ "3 of 793 customers", in the catalogue's words."""
        return Message(
            f"import.company_match.count.{self.kind}", matched=self.matched, total=self.total
        )


def _incoming_sql(columns: set[str], fields: tuple[tuple[str | None, str], ...]) -> str | None:
    """SQL for the file's distinct entries (kind, ident, name) of one kind, or None when the
    file names none."""
    parts = []
    for key, name in fields:
        key_sql = f"CAST({key} AS VARCHAR)" if key and key in columns else "NULL"
        name_sql = f"CAST({name} AS VARCHAR)" if name in columns else "NULL"
        if key_sql == "NULL" and name_sql == "NULL":
            continue
        parts.append(
            f"SELECT CASE WHEN {key_sql} IS NOT NULL THEN 'id' ELSE 'name' END AS kind,"
            f" coalesce({key_sql}, {name_sql}) AS ident, {name_sql} AS name FROM {PARSED}"
            " WHERE _ok"
        )
    if not parts:
        return None
    return (
        f"SELECT kind, ident, any_value(name) AS name FROM ({' UNION ALL '.join(parts)})"
        " WHERE ident IS NOT NULL GROUP BY kind, ident"
    )


def overlaps(con: duckdb.DuckDBPyConnection) -> list[Overlap]:
    """The overlap of every kind both the file (PARSED, in the caller's transaction) and the
    database hold."""
    columns = {str(r[0]) for r in con.execute(f"DESCRIBE {PARSED}").fetchall()}
    found = []
    for kind, (table, fields) in _KINDS.items():
        incoming = _incoming_sql(columns, fields)
        if incoming is None or not con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]:
            continue
        norm_in, norm_have = _NORMALISED.format("i.name"), _NORMALISED.format("e.name")
        matched, total = con.execute(
            f"SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM import_keys k"
            f" WHERE k.entity = '{table}' AND k.kind = i.kind AND k.key = i.ident)"
            f" OR (i.name IS NOT NULL AND {norm_in} IN (SELECT {norm_have} FROM {table} e))),"
            f" count(*) FROM ({incoming}) i"
        ).fetchall()[0]
        if total:
            found.append(Overlap(kind, int(matched), int(total)))
    return found


def check_company_match(con: duckdb.DuckDBPyConnection, file_name: str) -> None:
    """Raise CompanyMismatchError when the file looks like another company's (the module
    docstring states the rule); inside the import's transaction, before it writes."""
    mark = con.execute(
        "SELECT value FROM company_settings WHERE name = ?", [COMPANY_KIND]
    ).fetchall()
    if mark and mark[0][0] == DEMO:
        return  # the demo is replaced or refused by the runner, never mixed with
    compared = overlaps(con)
    if not any(o.total >= MIN_ENTRIES for o in compared) or not all(o.small for o in compared):
        return
    name = company_name_in(con)
    counts = MessageList([o.message() for o in compared], style="semicolon")
    if name:
        error = CompanyMismatchError.of(
            "import.refused.other_company", file=file_name, counts=counts, company=name
        )
    else:
        error = CompanyMismatchError.of(
            "import.refused.other_company_unnamed", file=file_name, counts=counts
        )
    error.overlaps, error.company = tuple(compared), name
    raise error
