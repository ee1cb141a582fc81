"""The month rollup: every order line's amounts summed by calendar month, customer, seller,
team and status (order_months), rebuilt with the other rollups (data.rollups).

The compiler reads it instead of the order lines for the whole months of a request's period
(metrics.month_rollup): at ten million order lines a year of revenue and active customers by
team reads a million of its rows instead of three and a half million lines.
It keeps the columns the orders source's KPIs read when nothing asks for a line's product,
place or order (revenue, margin, returns, selling people, active customers), each status
apart, so a KPI's FILTER on status picks its rows as it does on the lines.
"""

from __future__ import annotations

# The keys a month's row is summed by, and the sums it keeps (orders' column names).
MONTHS_KEYS = ("month", "customer_id", "rep_id", "team_id", "status")
MONTHS_COLUMNS = ("net_amount_cents", "cost_cents", "quantity")
# Sorted by month, so that a request's months are read as a few blocks of the table.
MONTHS_FROM_ROWS = """
SELECT CAST(date_trunc('month', order_date) AS DATE) AS month, customer_id, rep_id, team_id,
       status, CAST(sum(net_amount_cents) AS BIGINT) AS net_amount_cents,
       CAST(sum(cost_cents) AS BIGINT) AS cost_cents, CAST(sum(quantity) AS BIGINT) AS quantity
FROM orders
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1
"""
# Rows that differ from the lines' sums (or exist on one side only).
MONTHS_DIFFERENCES = f"""
SELECT count(*) FROM ({MONTHS_FROM_ROWS}) r
FULL JOIN order_months m USING ({", ".join(MONTHS_KEYS)})
WHERE {" OR ".join(f"r.{c} IS DISTINCT FROM m.{c}" for c in MONTHS_COLUMNS)}
"""
