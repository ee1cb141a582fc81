"""Rollups: tables that summarise the order rows, rebuilt in the same transaction as the rows.

customer_firsts holds each customer's first and last completed purchase day with the company
(the first day is the acquired date on record when that is earlier), the one thing the "new"
and "returning customers" KPIs read from the whole order history. Built from the rows, it
gives exactly what the rows give: the compiler reads it instead of rebuilding every
customer's history on each query (metrics.sources, _FIRSTS_ROLLUP).

The rule that keeps it honest: rollup_state records the data version the rollups were built
for. refresh_rollups runs at the end of a write transaction and records the version that
transaction commits as (Store.transaction adds one on commit). A rollup is used when the
database is still at that version (nothing written since), or, after later writes (a target, a
sign-in, a demo written without a refresh), once it has been compared with the rows and found
equal: checked once per data version per open store, the price of one query from the rows.
Otherwise (missing, or different from the rows) every query reads the rows. A failed
transaction rolls back the rows and their rollups together.

The tables are derived data, not schema: refresh_rollups (re)creates them, so an older
database simply has none and is read from the rows.
"""

from __future__ import annotations

import os
import weakref

import duckdb

from data.store import Store

ROLLUPS_ENV_VAR = "HUDDLE_ROLLUPS"

# Each customer with a completed line: the same first day as the rows' firsts CTE
# (metrics.sources._FIRSTS), and the last completed purchase day.
_FIRSTS_FROM_ROWS = """
SELECT o.customer_id,
       least(min(o.order_date), coalesce(min(c.acquired_date), min(o.order_date))) AS first_day,
       max(o.order_date) AS last_day
FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id
WHERE o.status = 'completed'
GROUP BY o.customer_id
"""
# Customers whose rollup row differs from the rows' (or exists on one side only).
_DIFFERENCES = f"""
SELECT count(*) FROM ({_FIRSTS_FROM_ROWS}) r FULL JOIN customer_firsts f USING (customer_id)
WHERE r.first_day IS DISTINCT FROM f.first_day OR r.last_day IS DISTINCT FROM f.last_day
"""
# Per open store: (data version, whether the rollups matched the rows at that version).
_CHECKED: weakref.WeakKeyDictionary[Store, tuple[int, bool]] = weakref.WeakKeyDictionary()


def refresh_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every rollup from the rows, inside the caller's transaction (a Store.transaction:
    the version recorded is the one its commit writes). Call it at the end of every write
    that changes orders, order_places, order_returns or customers."""
    con.execute(f"CREATE OR REPLACE TABLE customer_firsts AS {_FIRSTS_FROM_ROWS}")
    con.execute(
        "CREATE TABLE IF NOT EXISTS rollup_state (id INTEGER PRIMARY KEY, data_version BIGINT)"
    )
    con.execute(
        "INSERT INTO rollup_state SELECT 1, version + 1 FROM data_version WHERE id = 1"
        " ON CONFLICT (id) DO UPDATE SET data_version = excluded.data_version"
    )


def rollups_enabled() -> bool:
    """False when $HUDDLE_ROLLUPS is "off" (tests and benchmarks force the rows)."""
    return os.environ.get(ROLLUPS_ENV_VAR, "").strip().lower() != "off"


def rollups_current(store: Store) -> bool:
    """True when the rollups exist and give what the rows give now (see the module
    docstring); False for a missing or stale rollup, which the compiler then leaves alone."""
    tables = store.scalar(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_name IN ('rollup_state', 'customer_firsts')"
        " AND table_schema = current_schema()"
    )
    if tables != 2:
        return False
    state = store.rows(
        "SELECT r.data_version, d.version FROM rollup_state r, data_version d"
        " WHERE r.id = 1 AND d.id = 1"
    )
    if not state:
        return False
    if state[0][0] == state[0][1]:
        return True  # rebuilt by the last write
    version = store.data_version()
    checked = _CHECKED.get(store)
    if checked is None or checked[0] != version:
        checked = (version, store.scalar(_DIFFERENCES) == 0)
        _CHECKED[store] = checked
    return checked[1]
