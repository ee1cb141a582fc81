"""Plans for the incentive tests, and the tiny company with October rep targets added.

The tiny company (tests/metrics/fixture.py) has rep revenue targets for November 2024 only;
INCENTIVE_TARGETS adds October ones so a dated plan change can be seen between two months.

October 2024 revenue by rep (completed lines): Ann 240.00, Ben 50.00, Eve 80.50.
  Targets added: Ann 200.00 (120%), Ben 100.00 (50%), Eve 100.00 (80.5%).
November 2024 revenue by rep: Ann 170.00 / 200.00 (85%), Ben 105.50 / 100.00 (105.5%),
  Cai 105.50 / 100.00 (105.5%), Dee 100.00 / 100.00 (100%), Eve 360.00 / 300.00 (120%),
  and Eve has a returned line of 80.50 (N-06 line 2).
"""

from __future__ import annotations

from data.store import Store
from tests.metrics.fixture import build_tiny_company

# period_start, period_end, scope, scope_id, metric, value (cents), scenario
INCENTIVE_TARGETS = [
    ("2024-10-01", "2024-10-31", "rep", 101, "revenue", 20000, None),
    ("2024-10-01", "2024-10-31", "rep", 102, "revenue", 10000, None),
    ("2024-10-01", "2024-10-31", "rep", 202, "revenue", 10000, None),
]

# The 2024 plan pays the whole amount at the tier reached (2/3/4%); from November 2024 the
# plan pays each part at its own tier's rate (2/4/6%) and claws back returns.
OLD_PLAN = """
[[plans]]
effective_from = 2024-01-01
name = "Old"

[plans.commission]
mode = "whole"
clawback = true
tiers = [
    { from_pct = 0, rate_pct = 2 },
    { from_pct = 80, rate_pct = 3 },
    { from_pct = 100, rate_pct = 4 },
]
"""

NEW_PLAN = """
[[plans]]
effective_from = 2024-11-01
name = "New"

[plans.commission]
mode = "marginal"
clawback = CLAWBACK
tiers = [
    { from_pct = 0, rate_pct = 2 },
    { from_pct = 80, rate_pct = 4 },
    { from_pct = 100, rate_pct = 6 },
]

[[plans.awards]]
id = "champion"
name = "Sales champion"
rule = "highest"
kpi = "revenue"
prize = 1000

[[plans.awards]]
id = "champion_all"
name = "Sales champion, managers too"
rule = "highest"
kpi = "revenue"
eligible_roles = ["sales_rep", "group_leader", "sales_manager"]

[[plans.awards]]
id = "service"
name = "Best service"
rule = "highest"
kpi = "csat"
eligible_roles = ["sales_rep", "group_leader", "sales_manager"]
requires_kpi = "csat_responses"
requires_at_least = 1

[[plans.awards]]
id = "improved"
name = "Most improved"
rule = "most_improved"
kpi = "revenue"

[[plans.awards]]
id = "improved_from_100"
name = "Most improved from 100"
rule = "most_improved"
kpi = "revenue"
min_previous = 100

[[plans.awards]]
id = "rookie"
name = "Rookie"
rule = "highest"
kpi = "revenue"
max_tenure_months = 24

[[plans.awards]]
id = "together"
name = "Team collaboration"
rule = "group_share_at_target"
kpi = "revenue"
eligible_roles = ["sales_rep", "group_leader", "sales_manager"]

[[contests]]
name = "Early November"
kpi = "revenue"
between = "people"
start = 2024-11-01
end = 2024-11-15

[[contests]]
name = "Group goal"
kpi = "revenue"
between = "groups"
start = 2024-11-01
end = 2024-11-30
goal = 500

[[contests]]
name = "Next year"
kpi = "won_deals"
between = "teams"
start = 2025-01-01
end = 2025-01-31
"""


def plan_text(*, with_new: bool = True, clawback: bool = True) -> str:
    """The test plan file: the old plan alone, or followed by the November change."""
    new = NEW_PLAN.replace("CLAWBACK", "true" if clawback else "false")
    return OLD_PLAN + (new if with_new else "")


def build_incentive_company(store: Store) -> None:
    """The tiny company plus the October rep targets, in an empty store."""
    build_tiny_company(store)
    with store.transaction() as cur:
        for row in INCENTIVE_TARGETS:
            cur.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)", row)


# A second Eve (rep_id 104): a sales rep in North Hub, hired 3 Jun 2024, who is not rep 202.
# November 2024: one order on 12 Nov of 120.00 (cost 70.00) against her own target of 100.00,
# and one CSAT response of 4. Matched by name, the two Eves would merge into one row.
NAMESAKE = (104, "Eve", 11, "sales_rep", "2024-06-03", None)
NAMESAKE_ORDER = ("N-10", 1, "2024-11-12", 2, 104, 11, 1, 1, 12000, 7000, "completed")
NAMESAKE_TARGET = ("2024-11-01", "2024-11-30", "rep", 104, "revenue", 10000, None)
NAMESAKE_FEEDBACK = (7, "2024-11-22", 2, 104, 11, 4, 8, "praise", "Helpful", None)


def build_namesake_company(store: Store) -> None:
    """The incentive company plus a second person called Eve with her own sales and target."""
    build_incentive_company(store)
    with store.transaction() as cur:
        cur.execute("INSERT INTO reps VALUES (?, ?, ?, ?, ?, ?)", NAMESAKE)
        cur.execute("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NAMESAKE_ORDER)
        cur.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)", NAMESAKE_TARGET)
        cur.execute("INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NAMESAKE_FEEDBACK)


# --- The spring company: 2025 months worked by hand for issue 15 ---------------------------
#
# Fay (301) is a sales rep in South Hub hired 6 Jan 2025. Orders (customer Acme, tea set):
#   Mar: Fay 1,000.00 (S-01/1) and 500.00 (S-01/2, the line a test returns on 10 May).
#   Apr: Cai 5,000.00; Eve 4,999.99.          May: Cai 6,000.00; Eve 9,999.98; Fay 1,000.00.
#   Jun: Eve 1,200.00; Cai 1,000.00; Fay 900.00.  Jul: Cai 1,000.00; Eve 1,000.00.
# Targets: Fay Mar 1,000.00 and May 1,000.00; Jul Cai 2,000.00 (50%), Eve 800.00 (125%).
FAY = (301, "Fay", 21, "sales_rep", "2025-01-06", None)
_TEAM_OF = {103: 11, 202: 21, 301: 21}
SPRING_SALES = [
    ("S-01", 1, "2025-03-05", 301, 100000), ("S-01", 2, "2025-03-05", 301, 50000),
    ("S-02", 1, "2025-04-10", 103, 500000), ("S-03", 1, "2025-04-11", 202, 499999),
    ("S-04", 1, "2025-05-12", 103, 600000), ("S-05", 1, "2025-05-13", 202, 999998),
    ("S-06", 1, "2025-05-14", 301, 100000), ("S-07", 1, "2025-06-10", 202, 120000),
    ("S-08", 1, "2025-06-11", 103, 100000), ("S-09", 1, "2025-06-12", 301, 90000),
    ("S-10", 1, "2025-07-10", 103, 100000), ("S-11", 1, "2025-07-11", 202, 100000),
]  # fmt: skip
SPRING_TARGETS = [
    ("2025-03-01", "2025-03-31", "rep", 301, "revenue", 100000, None),
    ("2025-05-01", "2025-05-31", "rep", 301, "revenue", 100000, None),
    ("2025-07-01", "2025-07-31", "rep", 103, "revenue", 200000, None),
    ("2025-07-01", "2025-07-31", "rep", 202, "revenue", 80000, None),
]

SPRING_PLAN = """
[[plans]]
effective_from = 2025-01-01
name = "Spring"
one_award_per_person = ONE
award_ties = "TIES"

[plans.commission]
mode = "marginal"
clawback = "CLAWBACK"
tiers = [
    { from_pct = 0, rate_pct = 2 },
    { from_pct = 80, rate_pct = 4 },
    { from_pct = 100, rate_pct = 6 },
]

[[plans.awards]]
id = "champion"
name = "Sales champion"
rule = "highest"
kpi = "revenue"
prize = 100.01

[[plans.awards]]
id = "rookie"
name = "Rookie"
rule = "highest"
kpi = "revenue"
max_tenure_months = 36

[[plans.awards]]
id = "improved"
name = "Most improved"
rule = "most_improved"
kpi = "revenue"
min_previous = 5000
"""


def spring_plan_text(
    *, one_award: bool = False, ties: str = "shared", clawback: str = "return_period"
) -> str:
    """The 2025 plan: marginal 2/4/6% tiers, a champion (prize 100.01), a rookie award (under
    36 months) and most improved (at least 5,000.00 the month before)."""
    return (
        SPRING_PLAN.replace("ONE", "true" if one_award else "false")
        .replace("TIES", ties)
        .replace("CLAWBACK", clawback)
    )


def build_spring_company(store: Store) -> None:
    """The incentive company plus Fay and the 2025 sales and targets above."""
    build_incentive_company(store)
    with store.transaction() as cur:
        cur.execute("INSERT INTO reps VALUES (?, ?, ?, ?, ?, ?)", FAY)
        for order_id, line, day, rep, cents in SPRING_SALES:
            row = (order_id, line, day, 1, rep, _TEAM_OF[rep], 1, 1, cents, 0, "completed")
            cur.execute("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        for row in SPRING_TARGETS:
            cur.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)", row)


def record_return(store: Store, order_id: str, line_no: int, returned_on: str | None) -> None:
    """Mark an order line returned, with the day it came back when known (None: not known)."""
    with store.transaction() as cur:
        cur.execute(
            "UPDATE orders SET status = 'returned' WHERE order_id = ? AND line_no = ?",
            (order_id, line_no),
        )
        if returned_on is not None:
            cur.execute(
                "INSERT INTO order_returns VALUES (?, ?, ?)", (order_id, line_no, returned_on)
            )
