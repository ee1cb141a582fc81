"""A tiny company for the follow-up list, every due date worked out on paper.

The day asked about is 30 Jun 2025 (AS_OF); the RFM year is 1 Jul 2024 - 30 Jun 2025. Five
customers bought in it, so each RFM value score is 1 + (customers with less revenue): one per
score, highest revenue 5. Tiers: score 5 key (every 14 days), 3-4 growth (30), 1-2 standard (60).

    customer  owner        bought (completed)            revenue  score tier      rhythm
    Alder 1   Ann 1        1 Jun 2025                    5000.00  5     key       14
    Beech 2   Ann 1        1 May 2025                    4000.00  4     growth    30
    Cedar 3   (none) -> Cy 10 Jan 2025 (Bo), 1 Mar (Cy)  3000.00  3     growth    30
    Dogwood 4 Bo 2         20 Jun 2025                   2000.00  2     standard  60
    Elm 5     Bo 2         1 Dec 2024                    1000.00  1     standard  60
    Fig 6     Ann 1        1 May 2024 (before the year: not on the list)

Contacts and the rest:
    Beech: a call by Bo on 29 Jun 2025 (yesterday) that set 30 Jun as the next contact.
    Dogwood: a complaint on 25 Jun 2025, still open.
    Elm: a visit by Bo on 10 May 2025 that set 10 Jun 2025 as the next contact.
"""

from __future__ import annotations

from datetime import date

from data.store import Store

AS_OF = date(2025, 6, 30)
ANN, BO, CY, DI = 1, 2, 3, 4
ALDER, BEECH, CEDAR, DOGWOOD, ELM, FIG = 1, 2, 3, 4, 5, 6

_ROWS = {
    "teams (team_id, name, parent_id, channel, leader_rep_id)": [
        (1, "North", None, "retail", ANN),
        (2, "South", None, "wholesale", CY),
    ],
    "reps (rep_id, name, team_id, role, hire_date, leave_date)": [
        (ANN, "Ann", 1, "group_leader", "2020-01-01", None),
        (BO, "Bo", 1, "sales_rep", "2020-01-01", None),
        (CY, "Cy", 2, "sales_rep", "2020-01-01", None),
        (DI, "Di", 1, "sales_rep", "2020-01-01", "2025-01-01"),
    ],
    "customers (customer_id, name, owner_rep_id)": [
        (ALDER, "Alder", ANN),
        (BEECH, "Beech", ANN),
        (CEDAR, "Cedar", None),
        (DOGWOOD, "Dogwood", BO),
        (ELM, "Elm", BO),
        (FIG, "Fig", ANN),
    ],
    "products (product_id, name, category, list_price_cents)": [(1, "Tea set", "Tableware", 100)],
    "orders (order_id, line_no, order_date, customer_id, rep_id, team_id, product_id, quantity,"
    " net_amount_cents, cost_cents, status)": [
        ("O1", 1, "2025-06-01", ALDER, ANN, 1, 1, 1, 500000, 0, "completed"),
        ("O2", 1, "2025-05-01", BEECH, ANN, 1, 1, 1, 400000, 0, "completed"),
        ("O3", 1, "2025-01-10", CEDAR, BO, 1, 1, 1, 100000, 0, "completed"),
        ("O4", 1, "2025-03-01", CEDAR, CY, 2, 1, 1, 200000, 0, "completed"),
        ("O5", 1, "2025-06-20", DOGWOOD, BO, 1, 1, 1, 200000, 0, "completed"),
        ("O6", 1, "2024-12-01", ELM, BO, 1, 1, 1, 100000, 0, "completed"),
        ("O7", 1, "2024-05-01", FIG, ANN, 1, 1, 1, 900000, 0, "completed"),
    ],
    "activities (activity_id, activity_date, customer_id, rep_id, team_id, kind, outcome,"
    " next_follow_up_date)": [
        (1, "2025-06-29", BEECH, BO, 1, "call", "Asked for a quote", "2025-06-30"),
        (2, "2025-05-10", ELM, BO, 1, "visit", "Samples left", "2025-06-10"),
    ],
    "feedback (feedback_id, feedback_date, customer_id, rep_id, team_id, kind, text)": [
        (1, "2025-06-25", DOGWOOD, BO, 1, "complaint", "Late delivery"),
    ],
}


def build_follow_up_company(store: Store) -> None:
    """Insert the tiny company into an empty store, in one transaction."""
    with store.transaction() as cur:
        for table, rows in _ROWS.items():
            marks = ", ".join("?" * len(rows[0]))
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)
