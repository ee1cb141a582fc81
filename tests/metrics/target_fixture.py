"""A small team with a year and a quarter of monthly sales, for target setting by hand.

As of 31 Mar 2025, setting April 2025 (30 days). Every sale is one order on the 15th:

    Ada (1)  sales_rep, hired 2020: 900.00 a month, but 1,820.00 in April 2024
    Bo  (2)  sales_rep, hired 2020: 450.00 a month, but   910.00 in April 2024
    Cy  (3)  sales_rep, hired 1 Feb 2025: 280.00 in Feb, 310.00 in Mar 2025
    Dot (4)  sales_rep, LEFT 31 Jan 2025: 300.00 a month until Jan 2025
    Eli (5)  customer_service: sells nothing, carries no target

Worked by hand (cents):
- run rate, Jan-Mar 2025 (90 days): Ada 270000/90 = 3000 a day, Bo 1500; Cy worked 59 days
  (Feb 28 + Mar 31) for 59000, so 1000 a day.
- season: April 2024 = 182000 + 91000 + 30000 = 303000 over 30 days; Jan-Mar 2024 =
  3 x (90000 + 45000 + 30000) = 495000 over 91 days; index = (303000/30) / (495000/91)
  = 1.856767...
- scope totals: last year (April 2024) 303000; last period (March 2025) 90000 + 45000 + 31000
  = 166000.
- Ada has an official April 2025 target of 2,000.00 and an open deal of 500.00.
"""

from __future__ import annotations

from datetime import date

from data.store import Store
from metrics.periods import add_months

AS_OF = date(2025, 3, 31)
PERIOD = (date(2025, 4, 1), date(2025, 4, 30))
SEASON = (303000 / 30) / (495000 / 91)

TEAMS = [(1, "Team", None, "retail", 1)]
REPS = [
    (1, "Ada", 1, "sales_rep", "2020-01-01", None),
    (2, "Bo", 1, "sales_rep", "2020-01-01", None),
    (3, "Cy", 1, "sales_rep", "2025-02-01", None),
    (4, "Dot", 1, "sales_rep", "2020-01-01", "2025-01-31"),
    (5, "Eli", 1, "customer_service", "2020-01-01", None),
]
CUSTOMERS = [(1, "Acme", 1, "A", "Hotels", "East", "Hangzhou", "large", "retail", "2020-01-01")]
PRODUCTS = [(1, "Tea set", "Tableware", 12000)]


def _monthly_sales() -> list[tuple[int, date, int]]:
    """(rep_id, day, cents): one sale on the 15th of each month, Jan 2024 to Mar 2025."""
    sales = []
    month = date(2024, 1, 15)
    while month <= date(2025, 3, 15):
        april = month == date(2024, 4, 15)
        sales.append((1, month, 182000 if april else 90000))
        sales.append((2, month, 91000 if april else 45000))
        if month <= date(2025, 1, 15):
            sales.append((4, month, 30000))
        month = add_months(month, 1)
    sales += [(3, date(2025, 2, 15), 28000), (3, date(2025, 3, 15), 31000)]
    return sales


def build_target_team(store: Store) -> None:
    """Insert the team into an empty store, in one transaction."""
    with store.transaction() as cur:
        cur.executemany("INSERT INTO teams VALUES (?, ?, ?, ?, ?)", TEAMS)
        cur.executemany("INSERT INTO reps VALUES (?, ?, ?, ?, ?, ?)", REPS)
        cur.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", CUSTOMERS)
        cur.executemany("INSERT INTO products VALUES (?, ?, ?, ?)", PRODUCTS)
        for n, (rep_id, day, cents) in enumerate(_monthly_sales()):
            cur.execute(
                "INSERT INTO orders VALUES (?, 1, ?, 1, ?, 1, 1, 1, ?, 0, 'completed')",
                [f"O-{n}", day, rep_id, cents],
            )
        cur.execute(
            "INSERT INTO deals VALUES ('D-1', 1, 1, 1, 1, 'negotiation', '2025-03-01', NULL,"
            " 50000, NULL)"
        )
        cur.execute(
            "INSERT INTO targets VALUES ('2025-04-01', '2025-04-30', 'rep', 1, 'revenue',"
            " 200000, NULL)"
        )


# A person who moves team on 1 July 2025, for filing targets under the team of their period.
#
#     Alpha (1) and Beta (2): two top-level retail teams.
#     Mo (7)  sales_rep, in Alpha until 30 June, in Beta from 1 July (reps.team_id: Beta now).
#             Sold 600.00 on 10 June (order filed under Alpha), 900.00 on 10 July (Beta).
#     Al (8)  sales_rep, in Alpha throughout: sold 100.00 on 12 June.
#
# Official monthly targets for Mo: June 500.00, July 1,000.00 (set through the writers, so
# each is filed with the team of its period). Worked by hand:
#     Alpha, June, by person: Mo 600.00 against 500.00 = 120%.
#     Beta,  July, by person: Mo 900.00 against 1,000.00 = 90%.
#     Beta,  June: Mo sold nothing for Beta and has no target there.
#     Company, June-July, by person: Mo 1,500.00 against 1,500.00 = 100%.
MOVE_TEAMS = [(1, "Alpha", None, "retail", None), (2, "Beta", None, "retail", None)]
MOVE_REPS = [
    (7, "Mo", 2, "sales_rep", "2020-01-01", None),
    (8, "Al", 1, "sales_rep", "2020-01-01", None),
]
MOVE_ORDERS = [  # order_id, day, rep_id, team_id, cents
    ("M-1", date(2025, 6, 10), 7, 1, 60000),
    ("M-2", date(2025, 7, 10), 7, 2, 90000),
    ("A-1", date(2025, 6, 12), 8, 1, 10000),
]
JUNE = (date(2025, 6, 1), date(2025, 6, 30))
JULY = (date(2025, 7, 1), date(2025, 7, 31))


def build_moved_rep(store: Store, *, with_targets: bool = True) -> None:
    """Insert the two teams, Mo and Al and their orders into an empty store; with_targets
    also saves and publishes Mo's June and July targets through data.targets."""
    from data.models import Target
    from data.targets import publish_scenario, save_scenario

    with store.transaction() as cur:
        cur.executemany("INSERT INTO teams VALUES (?, ?, ?, ?, ?)", MOVE_TEAMS)
        cur.executemany("INSERT INTO reps VALUES (?, ?, ?, ?, ?, ?)", MOVE_REPS)
        cur.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", CUSTOMERS)
        cur.executemany("INSERT INTO products VALUES (?, ?, ?, ?)", PRODUCTS)
        for order_id, day, rep_id, team_id, cents in MOVE_ORDERS:
            cur.execute(
                "INSERT INTO orders VALUES (?, 1, ?, 1, ?, ?, 1, 1, ?, 0, 'completed')",
                [order_id, day, rep_id, team_id, cents],
            )
    if not with_targets:
        return
    for (start, end), cents in ((JUNE, 50000), (JULY, 100000)):
        row = Target(
            period_start=start, period_end=end, scope="rep", scope_id=7, metric="revenue",
            value=cents,
        )  # fmt: skip
        save_scenario(store, "Plan", "revenue", start, end, [row])
        publish_scenario(store, "Plan", "revenue", start, end, replaced_scenario=f"Old {start}")
