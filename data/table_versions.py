"""Which writes a cached answer must see: the data version, and a version per table.

Every write moves the data version (data_version). A write may also name the tables it
changes (`Store.transaction(touches=...)`): then only those tables' versions move
(table_versions). A write that names none moves the row ANY ('*'), so it reaches everything.

A cached answer (components.cache.fetch) is keyed on the data version, unless its request
names the tables it reads (metrics.requests.Request.reads): then on ANY and those tables'
versions only. So a logged call (activities, follow_up_actions, audit_log) leaves Segments'
RFM and lifecycle warm, and an import, which names nothing, clears them. A request that
names its tables must name every one it reads, and a write every one it changes: tests check
both, against the SQL each request runs (tests/metrics/test_reads.py) and the rows each write
changes (tests/data/test_table_versions.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

ANY = "*"
# The company's order history and who sold it, as an import writes them: what RFM, lifecycle,
# the Pareto curve, the team's structure and the order KPIs read. No write that names its
# tables changes any of them.
ORDER_HISTORY = frozenset(
    {"orders", "order_places", "order_returns", "customers", "products", "reps",
     "rep_period_teams", "placeholder_reps", "teams", "company_settings"}
)  # fmt: skip
# One read: the data version, then every table's (an empty name cannot be a table's).
READ_SQL = (
    "SELECT '' AS table_name, version FROM data_version WHERE id = 1"
    " UNION ALL SELECT table_name, version FROM table_versions"
)


class _Cursor(Protocol):
    def execute(self, sql: str, params: Any = ...) -> Any: ...


def bump(cur: _Cursor, touches: Iterable[str] | None) -> None:
    """Move the data version and, in the same transaction, ANY (touches None) or the version
    of each table in `touches`."""
    cur.execute("UPDATE data_version SET version = version + 1 WHERE id = 1")
    for name in [ANY] if touches is None else sorted(set(touches)):
        cur.execute(
            "INSERT INTO table_versions VALUES (?, 1) ON CONFLICT (table_name)"
            " DO UPDATE SET version = table_versions.version + 1",
            [name],
        )


@dataclass(frozen=True)
class Versions:
    """The data version and each table's version, read at one moment."""

    data: int
    tables: Mapping[str, int]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int]], generation: int = 0) -> Versions:
        """From READ_SQL's rows; `generation` (a reopened DuckDB file) is added to both the
        data version and ANY, so no key of one file's data is ever taken for another's."""
        found = {str(name): int(version) for name, version in rows}
        data = found.pop("", 0) + generation
        found[ANY] = found.get(ANY, 0) + generation
        return cls(data, found)

    def key(self, reads: frozenset[str] | None) -> str:
        """The cache key part for an answer that reads `reads` (None: it may read anything)."""
        if reads is None:
            return f"v{self.data}"
        names = sorted(reads)
        return f"t{self.tables.get(ANY, 0)}:" + ",".join(
            f"{n}={self.tables.get(n, 0)}" for n in names
        )
