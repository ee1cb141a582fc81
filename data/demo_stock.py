"""A plausible stock history for the demo company's stores (issue 23): weekly counts for the
last year at each store of its retail team, worked out from the store's own sales so the stock
KPIs tell a story: regular replenishment, a few best sellers that ran out (one of them in this
week's count), and slow movers sitting on shelves with no sale for months.

It reads the orders already written and writes the `stock` table only, in the demo's own
transaction (data/demo.py), so no other table's rows change. Deterministic: its own random
generator, seeded from the demo's seed. Stock is not demo-only: an imported company imports its
own counts (`cli.py import stock FILE`); this module only fills the demo's.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

WEEKS = 52  # weekly counts for the last year
_COVER_WEEKS = 10.0  # a store restocks an item up to about ten weeks of its sales
_REORDER_WEEKS = 4.0  # ... when a count shows less than four weeks' sales
_OVERSTOCKED = 3  # per store: slow sellers bought in far beyond their sales (slow movers)
_BULK_WEEK = WEEKS - 10  # ... in one bulk delivery ten weeks ago
_BULK_WEEKS = 22.0  # ... of about 22 weeks' sales: more than 90 days' sales are left now
_RUN_OUTS = 3  # per store: best sellers that ran out once in the last eight weeks
_SEED_OFFSET = 23  # this generator's own stream: the other parts' streams are untouched


def _store_teams(cur: duckdb.DuckDBPyConnection) -> list[int]:
    """The stores: the groups of the first top-level retail team (its own id if it has none)."""
    row = cur.execute(
        "SELECT min(team_id) FROM teams WHERE parent_id IS NULL AND channel = 'retail'"
    ).fetchone()
    if row is None or row[0] is None:
        return []
    groups = cur.execute(
        "SELECT team_id FROM teams WHERE parent_id = ? ORDER BY team_id", [row[0]]
    ).fetchall()
    return [g[0] for g in groups] or [int(row[0])]


def _count_dates(end: date) -> list[date]:
    """Mondays: the last one on or before `end` and the WEEKS - 1 before it, oldest first."""
    last = end - timedelta(days=end.weekday())
    return [last - timedelta(weeks=WEEKS - 1 - w) for w in range(WEEKS)]


def write_demo_stock(cur: duckdb.DuckDBPyConnection, end: date, seed: int) -> int:
    """Replace the stock table with the demo stores' weekly counts; return the rows written."""
    cur.execute("DELETE FROM stock")
    stores = _store_teams(cur)
    products = cur.execute(
        "SELECT p.product_id, coalesce(sum(o.cost_cents) // nullif(sum(o.quantity), 0),"
        " p.list_price_cents * 62 // 100) FROM products p"
        " LEFT JOIN orders o ON o.product_id = p.product_id AND o.status = 'completed'"
        " GROUP BY p.product_id, p.list_price_cents ORDER BY 1"
    ).fetchall()
    if not stores or not products:
        return 0
    dates = _count_dates(end)
    product_ids = np.array([p[0] for p in products], dtype=np.int64)
    unit_cost = np.array([max(int(p[1]), 1) for p in products], dtype=np.int64)
    # Units each store sold of each product in each week between two counts (week w runs from
    # count w to the day before count w + 1; the last week up to `end`).
    sold = cur.execute(
        "SELECT o.team_id, o.product_id, (datediff('day', ?::DATE, o.order_date) // 7) AS week,"
        " sum(o.quantity) FROM orders o"
        " WHERE o.status = 'completed' AND o.order_date >= ? AND o.order_date <= ?"
        " AND o.team_id IN (SELECT unnest(?::INTEGER[])) GROUP BY ALL",
        [dates[0], dates[0], end, stores],
    ).fetchall()
    index = {pid: i for i, pid in enumerate(product_ids.tolist())}
    weekly = np.zeros((len(stores), len(product_ids), WEEKS), dtype=np.int64)
    position = {team: s for s, team in enumerate(stores)}
    for team, product, week, units in sold:
        weekly[position[team], index[product], min(int(week), WEEKS - 1)] += int(units)

    rng = np.random.default_rng(seed + _SEED_OFFSET)
    rows: list[tuple[date, int, int, int, int, int | None]] = []
    for s, team in enumerate(stores):
        rate = weekly[s].mean(axis=1)  # average units a week
        target = np.ceil(rate * _COVER_WEEKS).astype(np.int64) + 2
        best = np.argsort(-rate, kind="stable")[:_RUN_OUTS]
        run_out = {int(p): int(rng.integers(WEEKS - 8, WEEKS - 1)) for p in best}
        run_out[int(best[0])] = WEEKS - 1  # one best seller is out in this week's count
        slowest = np.argsort(rate, kind="stable")[: 3 * _OVERSTOCKED]
        over = rng.choice(slowest, size=min(_OVERSTOCKED, slowest.size), replace=False)
        bulk = np.zeros_like(target)
        bulk[over] = np.ceil(rate[over] * _BULK_WEEKS).astype(np.int64) + 6
        on_hand = target.copy()
        for w, day in enumerate(dates):
            received = np.zeros_like(on_hand)
            if w > 0:
                # Replenished since the last count if that count was low; then the week's sales.
                low = on_hand < np.ceil(rate * _REORDER_WEEKS)
                received = np.where(low, target - on_hand, 0) + (bulk if w == _BULK_WEEK else 0)
                on_hand = np.maximum(on_hand + received - weekly[s, :, w - 1], 0)
            for p, week in run_out.items():
                if week == w:
                    on_hand[p] = 0
                    received[p] = 0
            for p in range(len(product_ids)):
                qty = int(on_hand[p])
                got = int(received[p]) if w > 0 else None
                rows.append((day, team, int(product_ids[p]), qty, qty * int(unit_cost[p]), got))
    frame = pd.DataFrame(
        rows,
        columns=["count_date", "team_id", "product_id", "quantity", "value_cents", "received"],
    )
    cur.register("demo_stock_rows", frame)
    try:
        cur.execute(
            "INSERT INTO stock SELECT count_date::DATE, team_id, product_id, quantity,"
            " value_cents, received::INTEGER FROM demo_stock_rows"
        )
    finally:
        cur.unregister("demo_stock_rows")
    return len(rows)
