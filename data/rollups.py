"""Rollups: tables that summarise the order rows, rebuilt in the same transaction as the rows.

customer_firsts holds, for each customer with a completed line, what the dashboard would
otherwise read from their whole order history on every page:
- first_day and last_day: their first and last completed purchase day with the company (the
  first day is the acquired date on record when that is earlier), the one thing the "new" and
  "returning customers" KPIs read from all history (metrics.sources, _FIRSTS_ROLLUP);
- last_order_id and last_order_cents: the last completed day's highest order_id and that
  order's completed amount; last_touch_day: their latest order of any status (an order is a
  contact); latest_sale_rep: who sold that latest order (the lowest rep_id on a day with
  several), for the follow-up list (metrics.follow_ups), which reads them when the day asked
  about is on or after every order.
Built from the rows, it gives exactly what the rows give.

customer_days holds each customer's completed buying days, each with the buying day before it
(prev_day): what lifecycle stages (metrics.segments) read for the whole company, twelve month
ends at a time, instead of finding the distinct days of every order line and their order. Each
day also carries the customer's orders with a completed line that day, those lines' amount, and
how many of those orders have completed lines on another day too (split_orders): the whole
company's RFM sums the days of its window instead of the lines (a third of the rows at ten
million lines), which counts each order once only while no order is split over days
(days_count_orders).

lifecycle_month_ends holds the whole company's customers per lifecycle stage at the last day of
each of the STAGE_MONTHS months up to the month of the last buying day, and at the last buying
day itself (the pages' as-of day starts on the data's last day, which is that day whenever the
data ends with a sale), every stage (0 for none), worked out from customer_days by the same SQL
(data.lifecycle_stages) under the rule it names (rule) for the rollups it was built with
(built_for: rollup_state's data_version). The Segments page's twelve months read eleven month
ends from it instead of counting every customer's buying days a year back from each (2.6 s at
ten million lines; 3.5 s more for the write that rebuilds it). It is current whenever
customer_days is: it was counted from those very days, which only a refresh rewrites,
rebuilding both.

order_months holds every order line's amounts summed by calendar month, customer, seller,
team and status (data.order_months): the compiler reads the whole months of a request from it
instead of the lines (metrics.month_rollup), and the month a request ends in when no line is
dated after its end (rollup_state records the last order day, any status, at the rebuild).

The rule that keeps it honest: rollup_state records the data version the rollups were built
for. refresh_rollups runs at the end of a write transaction and records the version that
transaction commits as (Store.transaction adds one on commit). A rollup is used when the
database is still at that version (nothing written since), or, after later writes (a target, a
sign-in, a logged call, a demo written without a refresh), once the rows are found unchanged:
checked once per version of the rows per open store (a write that names its tables and not
orders or customers, such as a logged call, leaves that version as it was; see
data.table_versions). rollup_state also records the versions of orders and customers that
the rebuilding write commits (rows_versions): while they are unchanged, the rows are too, and
no check runs, in any process. Otherwise the check is first the rows' fingerprint (how
many order and customer rows, and the sum of a hash of each row's columns the rollups read),
recorded when the rollups were built: one pass over the rows, 0.4 s at ten million lines. When
it differs, or was not recorded (an older Huddle built the rollups), the rollups are rebuilt
in memory and compared with the stored ones (2 s at ten million lines), which decides.
Otherwise (missing, built by an older Huddle without every column, or different from the
rows) every query reads the rows. A failed transaction rolls back the rows and their rollups
together.

The tables are derived data, not schema: refresh_rollups (re)creates them, so a database
from before rollups has none and is read from the rows until its next import. Rollups an older
Huddle built in an older shape (a table or column since added missing) are rebuilt when a
read-write store first opens the file (upgrade_rollups; about 10 s once at ten million lines), so an
upgraded database does not read its rows on every page until the next import.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from data.lifecycle_stages import (
    LIFECYCLE_STAGES,
    ROLLED_DAYS,
    ROLLED_FIRSTS,
    ROLLED_LAGGED,
    RULE,
    month_ends,
    stage_counts_sql,
    stage_params,
)
from data.order_months import MONTHS_COLUMNS, MONTHS_DIFFERENCES, MONTHS_FROM_ROWS, MONTHS_KEYS
from data.table_versions import bump

if TYPE_CHECKING:  # the store opens the file through upgrade_rollups: no import at run time
    from data.store import Store

ROLLUPS_ENV_VAR = "HUDDLE_ROLLUPS"


def latest_sale_key(day: str, rep_id: str) -> str:
    """SQL for the arg_max key that picks a customer's latest sale: the latest day, then the
    lowest rep_id of a day with several. One integer (days since 1970, then -rep_id), which
    sorts faster than a (day, -rep_id) pair. The rollup and the owner rule read from the rows
    (metrics.customer_owner) both use it, so they cannot disagree on a tie."""
    return f"({day} - DATE '1970-01-01') * 4294967296 - {rep_id}"


# Each customer with a completed line: the same first day as the rows' firsts CTE
# (metrics.sources._FIRSTS), the last completed purchase day, and their latest orders' facts
# as metrics.follow_ups reads them from the rows (_FACTS).
_FIRSTS_FROM_ROWS = f"""
WITH completed AS (
    SELECT customer_id, min(order_date) AS first_order, max(order_date) AS last_day
    FROM orders WHERE status = 'completed' GROUP BY customer_id
), last_ids AS (
    SELECT o.customer_id, max(o.order_id) AS order_id
    FROM orders o
    JOIN completed f ON f.customer_id = o.customer_id AND o.order_date = f.last_day
    WHERE o.status = 'completed'
    GROUP BY o.customer_id
), last_amounts AS (
    SELECT o.order_id, sum(o.net_amount_cents) AS cents
    FROM orders o WHERE o.status = 'completed'
      AND o.order_id IN (SELECT order_id FROM last_ids)
    GROUP BY o.order_id
), touches AS (
    SELECT customer_id, max(order_date) AS last_touch_day,
           arg_max(rep_id, {latest_sale_key("order_date", "rep_id")}) AS latest_sale_rep
    FROM orders GROUP BY customer_id
)
SELECT f.customer_id,
       least(f.first_order, coalesce(c.acquired_date, f.first_order)) AS first_day,
       f.last_day, i.order_id AS last_order_id, a.cents AS last_order_cents,
       t.last_touch_day, t.latest_sale_rep
FROM completed f
LEFT JOIN customers c ON c.customer_id = f.customer_id
LEFT JOIN last_ids i ON i.customer_id = f.customer_id
LEFT JOIN last_amounts a ON a.order_id = i.order_id
LEFT JOIN touches t ON t.customer_id = f.customer_id
"""
ROLLUP_COLUMNS = (
    "first_day", "last_day", "last_order_id", "last_order_cents", "last_touch_day",
    "latest_sale_rep",
)  # fmt: skip
# Each customer's completed buying days, with the one before (metrics.segments' `lagged`),
# the orders and amount of that day's completed lines, and how many of those orders also have
# completed lines on another day (a split order, which a sum of days would count twice). The
# split orders are found among the orders grouped by day, not with a window over them: 3.9 s
# for the whole table at ten million lines, against 5.5 s.
_DAYS_FROM_ROWS = """
WITH lines AS MATERIALIZED (
    SELECT customer_id, order_date AS day, order_id, sum(net_amount_cents) AS cents
    FROM orders WHERE status = 'completed' AND customer_id IS NOT NULL
    GROUP BY customer_id, order_date, order_id
), split AS (
    SELECT customer_id, order_id FROM lines GROUP BY customer_id, order_id HAVING count(*) > 1
), days AS (
    SELECT l.customer_id, l.day, count(*) AS orders, CAST(sum(l.cents) AS BIGINT) AS cents,
           count(s.order_id) AS split_orders
    FROM lines l LEFT JOIN split s ON s.customer_id = l.customer_id AND s.order_id = l.order_id
    GROUP BY l.customer_id, l.day
)
SELECT customer_id, day, lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS prev_day,
       orders, cents, split_orders
FROM days
"""
DAYS_COLUMNS = ("day", "prev_day", "orders", "cents", "split_orders")
# Buying days that differ from the rows' (or exist on one side only).
_DAYS_DIFFERENCES = f"""
SELECT count(*) FROM ({_DAYS_FROM_ROWS}) r FULL JOIN customer_days d USING (customer_id, day)
WHERE r.customer_id IS NULL OR d.customer_id IS NULL
   OR {" OR ".join(f"r.{c} IS DISTINCT FROM d.{c}" for c in DAYS_COLUMNS[1:])}
"""
# Customers whose rollup row differs from the rows' (or exists on one side only).
_DIFFERENCES = f"""
SELECT count(*) FROM ({_FIRSTS_FROM_ROWS}) r FULL JOIN customer_firsts f USING (customer_id)
WHERE {" OR ".join(f"r.{c} IS DISTINCT FROM f.{c}" for c in ROLLUP_COLUMNS)}
"""
# The rows the rollups read, summed up: a write that changes any of their columns changes it
# (two different rows hash alike once in 2^64). hash() is DuckDB's: a fingerprint recorded by
# another version of DuckDB that hashes differently only sends the check to the comparison.
ROWS_FINGERPRINT = """
SELECT (SELECT count(*) || ':' || coalesce(sum(hash(
            customer_id, order_date, status, order_id, net_amount_cents, rep_id, team_id,
            cost_cents, quantity)), 0)
        FROM orders)
    || '/' || (SELECT count(*) || ':' || coalesce(sum(hash(customer_id, acquired_date)), 0)
        FROM customers)
"""
# The tables the rollups are built from (and ROWS_FINGERPRINT reads): a write that names its
# tables and none of these (a logged call) leaves the rollups as current as they were.
ROWS_READ = frozenset({"orders", "customers"})
# The key (table_versions.Versions.key) of ROWS_READ that the commit of the rebuilding write
# makes: a write that names no tables moves ANY by one. Every later write that leaves this key
# as it is names its tables, and none of them names orders or customers (tests/data/
# test_table_versions.py holds each write to the tables it names), so the rows the rollups
# were built from are unchanged: no fingerprint to work out in a fresh process. A rebuild in
# a write that names tables records a key no later read can have, which only sends the check
# on to the fingerprint.
_ROWS_VERSIONS = (
    "SELECT 't' || (coalesce(max(version) FILTER (WHERE table_name = '*'), 0) + 1)"
    " || ':' || "
    + " || ',' || ".join(
        f"'{name}=' || coalesce(max(version) FILTER (WHERE table_name = '{name}'), 0)"
        for name in sorted(ROWS_READ)
    )
    + " FROM table_versions"
)
# How many month ends lifecycle_month_ends holds, the one of the last buying day's month first:
# the Segments page's last twelve months ask for the eleven before the as-of day's month (and
# its end, when the day asked about is one).
STAGE_MONTHS = 13
STAGE_COLUMNS = ("as_of", "stage", "customers", "rule", "built_for")

# Per open store: its data version, and what _per_version worked out at it.
_PER_VERSION: weakref.WeakKeyDictionary[Store, tuple[int, dict[str, Any]]] = (
    weakref.WeakKeyDictionary()
)
# Per open store and rollup: (the versions of ROWS_READ, whether it matched the rows then).
_CHECKED: weakref.WeakKeyDictionary[Store, dict[str, tuple[str, bool]]] = (
    weakref.WeakKeyDictionary()
)


def refresh_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every rollup from the rows, inside the caller's transaction (a Store.transaction:
    the version recorded is the one its commit writes). Call it at the end of every write
    that changes orders, order_places, order_returns or customers."""
    con.execute(f"CREATE OR REPLACE TABLE customer_firsts AS {_FIRSTS_FROM_ROWS}")
    con.execute(f"CREATE OR REPLACE TABLE customer_days AS {_DAYS_FROM_ROWS}")
    con.execute(f"CREATE OR REPLACE TABLE order_months AS {MONTHS_FROM_ROWS}")
    _refresh_stage_counts(con)
    # Replaced, not altered: an older Huddle's rollup_state has no fingerprint column.
    con.execute("DROP TABLE IF EXISTS rollup_state")
    con.execute(
        "CREATE TABLE rollup_state (id INTEGER PRIMARY KEY, data_version BIGINT,"
        " rows_fingerprint VARCHAR, rows_versions VARCHAR, last_order_day DATE)"
    )
    # DuckDB's hash(): on a PostgreSQL server (a merge there refreshes too) none is recorded
    # and the comparison decides.
    fingerprint = ROWS_FINGERPRINT if isinstance(con, duckdb.DuckDBPyConnection) else "NULL"
    con.execute(
        f"INSERT INTO rollup_state SELECT 1, version + 1, ({fingerprint}), ({_ROWS_VERSIONS}),"
        " (SELECT max(order_date) FROM orders) FROM data_version WHERE id = 1"
    )


def _refresh_stage_counts(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild lifecycle_month_ends from customer_days (just rebuilt, in the same transaction),
    marked with the data_version rollup_state records next."""
    con.execute("DROP TABLE IF EXISTS lifecycle_month_ends")
    con.execute(
        "CREATE TABLE lifecycle_month_ends (as_of DATE, stage VARCHAR, customers BIGINT,"
        " rule VARCHAR, built_for BIGINT)"
    )
    last = con.execute("SELECT max(day) FROM customer_days").fetchone()
    if last is None or last[0] is None:
        return  # nobody has bought: every page counts its (empty) days itself
    # The last buying day too, where the pages' as-of day usually starts: counting it on a
    # first run took a quarter of the Segments screen's work at ten million order lines.
    days = month_ends(last[0], STAGE_MONTHS)
    params = stage_params([*days, last[0]] if last[0] not in days else days)
    del params["end"]  # only the metrics layer's scope reads it
    counts = stage_counts_sql(ROLLED_DAYS, ROLLED_FIRSTS, ROLLED_LAGGED)
    con.execute(
        f"""INSERT INTO lifecycle_month_ends
        SELECT p.as_of, s.stage, coalesce(c.customers, 0), $rule,
               (SELECT version + 1 FROM data_version WHERE id = 1)
        FROM (SELECT unnest($days)::DATE AS as_of) p
        CROSS JOIN (SELECT unnest($stages) AS stage) s
        LEFT JOIN ({counts}) c ON c.as_of = p.as_of AND c.stage = s.stage""",
        {**params, "rule": RULE, "stages": list(LIFECYCLE_STAGES)},
    )


def month_end_stage_counts(store: Store, days: list[date]) -> list[tuple[date, str, int]]:
    """(as_of, stage, customers) for each of `days` that lifecycle_month_ends holds, every
    stage, counted under today's rule for the rollups as they are now; none for a database
    without it. Only for the whole company, and only while customer_days is current (the
    caller asks metrics.segments.days_rolled first)."""
    have = store.scalar(
        "SELECT count(*) FROM information_schema.columns"
        " WHERE table_name = 'lifecycle_month_ends' AND table_schema = current_schema()"
        " AND column_name IN (" + ", ".join(f"'{c}'" for c in STAGE_COLUMNS) + ")"
    )
    if have != len(STAGE_COLUMNS):
        return []
    rows = store.rows(
        "SELECT l.as_of, l.stage, l.customers FROM lifecycle_month_ends l"
        " JOIN rollup_state r ON r.id = 1 AND l.built_for = r.data_version"
        " WHERE l.rule = $rule AND l.as_of IN (SELECT unnest($days))",
        {"rule": RULE, "days": list(days)},
    )
    return [(as_of, str(stage), int(customers)) for as_of, stage, customers in rows]


# Every rollup table with the columns this Huddle reads from it.
_SHAPES = {
    "customer_firsts": frozenset(ROLLUP_COLUMNS),
    "customer_days": frozenset(DAYS_COLUMNS),
    "lifecycle_month_ends": frozenset(STAGE_COLUMNS),
    "order_months": frozenset(MONTHS_KEYS + MONTHS_COLUMNS),
    "rollup_state": frozenset(
        {"data_version", "rows_fingerprint", "rows_versions", "last_order_day"}
    ),
}
# The tables refresh_rollups writes: derived from the rows, never copied with them.
ROLLUP_TABLES = frozenset(_SHAPES)


def rollups_outdated(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the database has rollups in an older shape than this Huddle's (one of its
    tables or columns missing); False when it has none at all, or today's."""
    found: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name IN ("
        + ", ".join(f"'{name}'" for name in _SHAPES)
        + ")"
    ).fetchall():
        found.setdefault(table, set()).add(column)
    return bool(found) and any(not cols <= found.get(t, set()) for t, cols in _SHAPES.items())


def upgrade_rollups(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild rollups an older Huddle built in an older shape, in one transaction that moves
    the data version as an import does (so the rebuilt rollups are current); returns whether
    it did. A rebuild DuckDB cannot finish (out of memory) is rolled back and the pages read
    the rows, as they did before: the file still opens."""
    if not rollups_outdated(con):
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        refresh_rollups(con)
        bump(con, None)
        con.execute("COMMIT")
    except duckdb.Error:
        with suppress(duckdb.Error):  # an invalidated database cannot roll back
            con.execute("ROLLBACK")
        return False
    return True


def rollups_enabled() -> bool:
    """False when $HUDDLE_ROLLUPS is "off" (tests and benchmarks force the rows)."""
    return os.environ.get(ROLLUPS_ENV_VAR, "").strip().lower() != "off"


def rollups_current(store: Store) -> bool:
    """True when the rollups exist and give what the rows give now (see the module
    docstring); False for a missing or stale rollup, which the compiler then leaves alone."""
    return _current(store, "customer_firsts", ROLLUP_COLUMNS, _DIFFERENCES)


def months_rollup_current(store: Store) -> bool:
    """rollups_current for order_months (data.order_months)."""
    return _current(store, "order_months", MONTHS_KEYS + MONTHS_COLUMNS, MONTHS_DIFFERENCES)


def rollups_read_current(store: Store, sql: str) -> bool:
    """Whether every rollup `sql` reads (by its table's name) is current."""
    checks = {"customer_firsts": rollups_current, "order_months": months_rollup_current}
    return all(check(store) for table, check in checks.items() if table in sql)


def days_rollup_current(store: Store) -> bool:
    """rollups_current for customer_days, which a database built by an older Huddle lacks (or
    built without every column)."""
    return _current(store, "customer_days", DAYS_COLUMNS, _DAYS_DIFFERENCES)


def days_count_orders(store: Store) -> bool:
    """True when customer_days is current and no order has completed lines on two days, so
    the orders of any run of days are the sum of their days' orders: what the company's RFM
    frequency counts (metrics.segments)."""
    return days_rollup_current(store) and not store.scalar(
        "SELECT count(*) FROM customer_days WHERE split_orders > 0"
    )


def _per_version(store: Store, key: str, work: Callable[[], Any]) -> Any:
    """`work()` once per data version of `store`: what it reads of the database (the rollup
    tables' shape, rollup_state) changes only with a write, which moves the version. A page
    asks whether the rollups are current once per request it runs, and the tables' shape
    alone took 3-5 ms of queries each time at ten million lines."""
    version = store.data_version()
    held = _PER_VERSION.get(store)
    if held is None or held[0] != version:
        held = (version, {})
        _PER_VERSION[store] = held
    if key not in held[1]:
        held[1][key] = work()
    return held[1][key]


def _current(store: Store, table: str, columns: tuple[str, ...], differences: str) -> bool:
    return bool(
        _per_version(
            store, f"current:{table}", lambda: _check_current(store, table, columns, differences)
        )
    )


def _check_current(store: Store, table: str, columns: tuple[str, ...], differences: str) -> bool:
    found = store.scalar(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_name IN ('rollup_state', $table) AND table_schema = current_schema()",
        {"table": table},
    )
    have = store.scalar(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = $table"
        " AND table_schema = current_schema() AND column_name IN ("
        + ", ".join(f"'{c}'" for c in columns)
        + ")",
        {"table": table},
    )
    if found != 2 or have != len(columns):  # missing, or built by an older Huddle
        return False
    state = store.rows(
        "SELECT r.data_version, d.version FROM rollup_state r, data_version d"
        " WHERE r.id = 1 AND d.id = 1"
    )
    if not state:
        return False
    if state[0][0] == state[0][1]:
        return True  # rebuilt by the last write
    version = store.versions().key(ROWS_READ)
    if version == _recorded_state(store, "rows_versions"):
        return True  # no write since the rebuild could change the rows (_ROWS_VERSIONS)
    checked = _CHECKED.setdefault(store, {})
    if table not in checked or checked[table][0] != version:
        if checked.get("rows", (None, False))[0] != version:  # one fingerprint for both
            recorded = _recorded_state(store, "rows_fingerprint")
            same = recorded is not None and recorded == store.scalar(ROWS_FINGERPRINT)
            checked["rows"] = (version, same)
        checked[table] = (version, checked["rows"][1] or store.scalar(differences) == 0)
    return checked[table][1]


def rolled_data_end(store: Store) -> date | None:
    """The last order day (any status) of the rows the rollups were built from, which
    order_months may then treat the month of as whole (metrics.month_rollup); None when the
    rollups record none (built by an older Huddle, or no orders). The caller uses it only while
    order_months is current: then no line is dated after it."""
    recorded = _per_version(
        store, "last_order_day", lambda: _recorded_state(store, "last_order_day")
    )
    return recorded if isinstance(recorded, date) else None


def _recorded_state(store: Store, column: str) -> Any:
    """A column of rollup_state (rows_fingerprint, rows_versions, last_order_day); None when
    an older Huddle, whose rollup_state lacks it, built the rollups."""
    recorded = store.scalar(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'rollup_state'"
        " AND table_schema = current_schema() AND column_name = $column",
        {"column": column},
    )
    if not recorded:
        return None
    return store.scalar(f"SELECT {column} FROM rollup_state WHERE id = 1")
