"""A tiny company whose every KPI can be worked out on paper.

Two top-level teams, each with one group; five people, one of whom (Ben) left on 20 Nov 2024
after selling in October and November; six customers; three products; orders in September,
October and November 2024. December 2024 has no orders (only deal D-5 closing on 5 Dec) and
August 2024 has no rows at all. The worked values live in test_kpis_by_hand.py. Money is in
integer cents, as in the schema.

Each customer's completed buying days, which every customer KPI follows from:

    Acme   (1, East)  Sep 10 (Ann), Oct 3 (Ann), Nov 4 (Ann, North), Nov 18 (Dee, South)
    Birch  (2, East)  Oct 8 (Ben), Nov 5 (Ben, two orders on the same day)
    Cedar  (3, West)  Sep 20 (Dee), Oct 22 (Eve); its Nov 21 order was cancelled
    Delta  (4, West)  Sep 15 (Eve), Nov 7 (Eve); its Oct 25 order was cancelled
    Elm    (5, West)  Nov 12 (Cai), Nov 26 (Cai)  <- first-ever order in November
    Fir    (6, East)  Oct 15 (Ann, North), Nov 14 (Eve, South; a second line returned)
"""

from __future__ import annotations

from data.store import Store

# team_id, name, parent_id, channel, leader_rep_id
# North (retail) > North Hub; South (wholesale) > South Hub.
TEAMS = [
    (1, "North", None, "retail", 101),
    (11, "North Hub", 1, "retail", 103),
    (2, "South", None, "wholesale", 201),
    (21, "South Hub", 2, "wholesale", 202),
]

# rep_id, name, team_id, role, hire_date, leave_date
# Ann sits in North itself, Ben and Cai in North Hub, Dee in South, Eve in South Hub.
# Ben LEFT on 2024-11-20 (after his sales of 8 Oct and 5 Nov).
REPS = [
    (101, "Ann", 1, "sales_manager", "2020-01-06", None),
    (102, "Ben", 11, "sales_rep", "2021-03-01", "2024-11-20"),
    (103, "Cai", 11, "group_leader", "2022-05-09", None),
    (201, "Dee", 2, "sales_manager", "2019-08-19", None),
    (202, "Eve", 21, "sales_rep", "2023-02-13", None),
]

# customer_id, name, owner_rep_id, tier, industry, region, city, size_band, channel, acquired
# East: Acme, Birch, Fir.  West: Cedar, Delta, Elm.
CUSTOMERS = [
    (1, "Acme", 101, "A", "Hotels", "East", "Hangzhou", "large", "retail", "2024-09-10"),
    (2, "Birch", 102, "B", "Cafes", "East", "Ningbo", "small", "retail", "2024-10-08"),
    (3, "Cedar", 201, "B", "Hotels", "West", "Chengdu", "medium", "wholesale", "2024-09-20"),
    (4, "Delta", 202, "A", "Restaurants", "West", "Chongqing", "large", "wholesale", "2024-09-15"),
    (5, "Elm", 103, "C", "Cafes", "West", "Chengdu", "small", "retail", "2024-11-12"),
    (6, "Fir", 101, "C", "Restaurants", "East", "Hangzhou", "medium", "retail", "2024-10-15"),
]

# product_id, name, category, list_price_cents
# Tableware: Tea set 120.00, Bowl 25.00.  Decor: Vase 80.50.
PRODUCTS = [
    (1, "Tea set", "Tableware", 12000),
    (2, "Bowl", "Tableware", 2500),
    (3, "Vase", "Decor", 8050),
]

# order_id, line_no, order_date, customer_id, rep_id, team_id, product_id, qty, net, cost, status
# Sep: 3 completed orders, 225.50.  Oct: 4 completed orders, 370.50, plus one cancelled order.
# Nov: 8 orders with a completed line, 841.00; N-01 has two lines, N-06 has a RETURNED line
# (80.50), N-09 has a CANCELLED line and N-08 is wholly cancelled.
ORDERS = [
    # September 2024
    ("S-01", 1, "2024-09-10", 1, 101, 1, 2, 1, 2500, 1500, "completed"),
    ("S-02", 1, "2024-09-15", 4, 202, 21, 3, 1, 8050, 4000, "completed"),
    ("S-03", 1, "2024-09-20", 3, 201, 2, 1, 1, 12000, 7000, "completed"),
    # October 2024
    ("O-01", 1, "2024-10-03", 1, 101, 1, 1, 1, 12000, 7000, "completed"),
    ("O-02", 1, "2024-10-08", 2, 102, 11, 2, 2, 5000, 3000, "completed"),
    ("O-03", 1, "2024-10-15", 6, 101, 1, 1, 1, 12000, 7000, "completed"),
    ("O-04", 1, "2024-10-22", 3, 202, 21, 3, 1, 8050, 4000, "completed"),
    ("O-05", 1, "2024-10-25", 4, 202, 21, 1, 1, 12000, 7000, "cancelled"),
    # November 2024
    ("N-01", 1, "2024-11-04", 1, 101, 1, 1, 1, 12000, 7000, "completed"),
    ("N-01", 2, "2024-11-04", 1, 101, 1, 2, 2, 5000, 3000, "completed"),
    ("N-02", 1, "2024-11-05", 2, 102, 11, 3, 1, 8050, 4000, "completed"),
    ("N-03", 1, "2024-11-05", 2, 102, 11, 2, 1, 2500, 1500, "completed"),
    ("N-04", 1, "2024-11-07", 4, 202, 21, 1, 2, 24000, 14000, "completed"),
    ("N-05", 1, "2024-11-12", 5, 103, 11, 3, 1, 8050, 4000, "completed"),
    ("N-06", 1, "2024-11-14", 6, 202, 21, 1, 1, 12000, 7000, "completed"),
    ("N-06", 2, "2024-11-14", 6, 202, 21, 3, 1, 8050, 4000, "returned"),
    ("N-07", 1, "2024-11-18", 1, 201, 2, 2, 4, 10000, 6000, "completed"),
    ("N-08", 1, "2024-11-21", 3, 201, 2, 1, 1, 12000, 7000, "cancelled"),
    ("N-09", 1, "2024-11-26", 5, 103, 11, 2, 1, 2500, 1500, "completed"),
    ("N-09", 2, "2024-11-26", 5, 103, 11, 1, 1, 12000, 7000, "cancelled"),
]

# deal_id, customer_id, rep_id, team_id, product_id, stage, created, closed, amount, lost_reason
# Closed in Nov: D-1 won (36 days), D-2 won (11 days), D-3 lost. Created in Nov: D-2, D-4, D-5.
# Open at 30 Nov: D-4 (open), D-5 (closes 5 Dec), D-6 (open since Sep, no customer yet).
DEALS = [
    ("D-1", 1, 101, 1, 1, "won", "2024-10-01", "2024-11-06", 50000, None),
    ("D-2", 2, 102, 11, 2, "won", "2024-11-02", "2024-11-13", 20000, None),
    ("D-3", 4, 202, 21, 1, "lost", "2024-10-20", "2024-11-15", 30000, "price"),
    ("D-4", 5, 103, 11, 3, "negotiation", "2024-11-10", None, 40000, None),
    ("D-5", 3, 201, 2, 1, "won", "2024-11-20", "2024-12-05", 15000, None),
    ("D-6", None, 202, 21, None, "contact", "2024-09-05", None, 10000, None),
    ("D-7", 6, 201, 2, 3, "lost", "2024-09-12", "2024-10-10", 25000, "timing"),
    ("D-8", 1, 101, 1, 2, "won", "2024-09-01", "2024-09-25", 30000, None),
]

# activity_id, activity_date, customer_id, rep_id, team_id, kind, outcome, next_follow_up_date
# Nov: 5 activities with customers Acme (twice), Birch, Delta and one with no customer.
ACTIVITIES = [
    (1, "2024-11-01", 1, 101, 1, "call", "interested", "2024-11-03"),
    (2, "2024-11-03", 1, 101, 1, "visit", "ordered", None),
    (3, "2024-11-08", 2, 102, 11, "call", "no answer", "2024-11-11"),
    (4, "2024-11-11", None, 103, 11, "message", "sent catalogue", None),
    (5, "2024-11-19", 4, 202, 21, "meeting", "quote requested", None),
    (6, "2024-10-30", 3, 201, 2, "call", "not now", None),
]

# feedback_id, feedback_date, customer_id, rep_id, team_id, csat, nps, kind, text, resolved
# Nov: csat 5, 3, 5; nps 10, 6, 9, 7; complaints resolved in 3 and 8 days, one unresolved.
FEEDBACK = [
    (1, "2024-11-05", 1, 101, 1, 5, 10, "praise", "Lovely tea set", None),
    (2, "2024-11-09", 2, 102, 11, 3, 6, "complaint", "Late delivery", "2024-11-12"),
    (3, "2024-11-16", 4, 202, 21, 5, 9, "complaint", "Chipped bowl", "2024-11-24"),
    (4, "2024-11-25", 5, 103, 11, None, 7, "complaint", "Wrong colour", None),
    (5, "2024-11-27", 6, 202, 21, None, None, "question", "Bulk price?", None),
    (6, "2024-10-20", 3, 201, 2, 1, 0, "complaint", "Rude driver", "2024-10-21"),
]

# period_start, period_end, scope, scope_id, metric, value (cents or count), scenario
# Official (scenario NULL) monthly targets; the 'stretch' row is a what-if and must be ignored.
# Nov revenue: company 1000.00, North 600.00, North Hub 250.00, South 400.00,
# Ann 200.00, Ben 100.00, Cai 100.00, Dee 100.00, Eve 300.00.
TARGETS = [
    ("2024-10-01", "2024-10-31", "company", None, "revenue", 50000, None),
    ("2024-11-01", "2024-11-30", "company", None, "revenue", 100000, None),
    ("2024-11-01", "2024-11-30", "company", None, "revenue", 999900, "stretch"),
    ("2024-11-01", "2024-11-30", "company", None, "new_customers", 2, None),
    ("2024-11-01", "2024-11-30", "company", None, "won_deals", 5, None),
    ("2024-11-01", "2024-11-30", "company", None, "activities", 8, None),
    ("2024-11-01", "2024-11-30", "team", 1, "revenue", 60000, None),
    ("2024-11-01", "2024-11-30", "team", 11, "revenue", 25000, None),
    ("2024-11-01", "2024-11-30", "team", 2, "revenue", 40000, None),
    ("2024-11-01", "2024-11-30", "rep", 101, "revenue", 20000, None),
    ("2024-11-01", "2024-11-30", "rep", 102, "revenue", 10000, None),
    ("2024-11-01", "2024-11-30", "rep", 103, "revenue", 10000, None),
    ("2024-11-01", "2024-11-30", "rep", 201, "revenue", 10000, None),
    ("2024-11-01", "2024-11-30", "rep", 202, "revenue", 30000, None),
]

# count_date, team_id, product_id, quantity, value_cents (the quantity's cost), received
# Stock counts (issue 23; hand-worked in tests/metrics/test_stock_kpis.py). Unit costs: Tea set
# 70.00, Bowl 15.00, Vase 40.00. North counts Tea set and Bowl from 1 Oct and the Vase only from
# 10 Nov (no count at November's start); its Tea set is counted at 0 on 15 Nov and restocked
# on 22 Nov. North Hub holds a Tea set it never sold (its one Tea set line, N-09, was
# cancelled) and had none in October. South counts Vases from 1 Nov (its 14 Nov Vase line was
# returned). August and September have no stock.
STOCK = [
    ("2024-10-01", 1, 1, 5, 35000, None),
    ("2024-11-01", 1, 1, 3, 21000, None),
    ("2024-11-15", 1, 1, 0, 0, None),
    ("2024-11-22", 1, 1, 4, 28000, 4),
    ("2024-10-01", 1, 2, 10, 15000, None),
    ("2024-11-01", 1, 2, 6, 9000, None),
    ("2024-11-10", 1, 3, 2, 8000, 2),
    ("2024-10-01", 11, 1, 0, 0, None),
    ("2024-11-01", 11, 1, 1, 7000, 1),
    ("2024-11-01", 2, 3, 3, 12000, None),
    ("2024-11-20", 2, 3, 1, 4000, None),
]

_TABLES = {
    "teams": TEAMS,
    "reps": REPS,
    "customers": CUSTOMERS,
    "products": PRODUCTS,
    "orders": ORDERS,
    "deals": DEALS,
    "activities": ACTIVITIES,
    "feedback": FEEDBACK,
    "targets": TARGETS,
    "stock": STOCK,
}


def build_tiny_company(store: Store) -> None:
    """Insert the tiny company into an empty store, in one transaction."""
    with store.transaction() as cur:
        for table, rows in _TABLES.items():
            marks = ", ".join("?" * len(rows[0]))
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)
