"""Who a customer belongs to on a day: one rule for the follow-up list, the stand-up's
"to fix" owners and the customer file, so all three name the same person.

The rule, in words (the README says the same): whoever the customer's follow-up was last
handed to (a reassign on the Follow-ups page, not undone, on or before the day); else the
customer's owner in the data (customers.owner_rep_id); else the rep of their latest order (any
status) or won deal (its close day) on or before the day, the lowest rep_id of a day with
several; CRM exports such as Maven's name no account owner.
"""

from __future__ import annotations

from datetime import date

from data.rollups import latest_sale_key, rollups_current, rollups_enabled
from data.store import Store

# Each customer's latest order and its seller, from the rollup (data.rollups): the same as
# from the rows when $as_of is on or after every order.
_ROLLED_ORDER_SALES = """SELECT customer_id, last_touch_day AS day, latest_sale_rep AS rep_id
        FROM customer_firsts"""
_ORDER_SALES = """SELECT customer_id, order_date AS day, rep_id FROM orders
        WHERE order_date <= $as_of"""


def latest_orders_rolled(store: Store, as_of: date) -> bool:
    """Whether each customer's latest orders may be read from the rollup (owners_cte's
    `rolled`, the follow-up list's facts): it is current (data.rollups) and not switched off,
    and `as_of` is on or after every order in it (a day in the past must not see later
    orders, which the rollup holds)."""
    if not (rollups_enabled() and rollups_current(store)):
        return False
    latest = store.scalar("SELECT max(last_touch_day) FROM customer_firsts")
    return latest is None or as_of >= latest


def owners_cte(customers: str, *, rolled: bool = False, sales_from: str | None = None) -> str:
    """A CTE `customer_owners(customer_id, owner_rep_id, owner_from)` for the customers the
    SELECT `customers` lists (one column, customer_id), as of the parameter $as_of. `rolled`
    reads their latest orders from the rollup: only when $as_of is on or after every order.
    `sales_from`: a parameter (such as "$window_start") on or before a sale of every customer
    listed, so that no earlier won deal can be their latest sale, and none is read.

    owner_from: 'handed', 'data', 'latest_sale', or NULL when no rule names anyone."""
    order_sales = _ROLLED_ORDER_SALES + "\n        WHERE" if rolled else _ORDER_SALES + " AND"
    won_from = "" if sales_from is None else f" AND closed_date >= {sales_from}"
    return f"""customer_owners AS (
    WITH who AS ({customers}),
    sales AS (
        {order_sales} customer_id IN (SELECT customer_id FROM who)
        UNION ALL
        SELECT customer_id, closed_date, rep_id FROM deals
        WHERE stage = 'won' AND closed_date <= $as_of{won_from}
          AND customer_id IN (SELECT customer_id FROM who)
    ), latest AS (
        -- the latest day, then the lowest rep_id of a day with several sales
        SELECT customer_id, arg_max(rep_id, {latest_sale_key("day", "rep_id")}) AS rep_id
        FROM sales GROUP BY customer_id
    ), handed AS (
        SELECT a.customer_id, arg_max(a.rep_id, a.action_id) AS rep_id
        FROM follow_up_actions a
        WHERE a.kind = 'reassign' AND a.action_day <= $as_of
          AND NOT EXISTS (SELECT 1 FROM follow_up_actions u WHERE u.undoes = a.action_id)
          AND a.customer_id IN (SELECT customer_id FROM who)
        GROUP BY a.customer_id
    )
    SELECT DISTINCT w.customer_id, coalesce(h.rep_id, c.owner_rep_id, l.rep_id) AS owner_rep_id,
           CASE WHEN h.rep_id IS NOT NULL THEN 'handed'
                WHEN c.owner_rep_id IS NOT NULL THEN 'data'
                WHEN l.rep_id IS NOT NULL THEN 'latest_sale' END AS owner_from
    FROM who w
    LEFT JOIN customers c ON c.customer_id = w.customer_id
    LEFT JOIN handed h ON h.customer_id = w.customer_id
    LEFT JOIN latest l ON l.customer_id = w.customer_id
)"""
