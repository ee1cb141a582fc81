"""The lifecycle stage rule in SQL: written once, for the Segments page (metrics.segments, which
states the rule in words) and for the rollup of stage counts at month ends (data.rollups), which
the write that changes the orders rebuilds below the metrics layer, so the rule lives here.

A customer's stage on a day, the first rule that holds: churned (no completed purchase in the
CHURN_DAYS up to the day), new (first purchase in the NEW_DAYS up to it), at risk (days since
the last purchase over AT_RISK_GAP_FACTOR times the median gap between buying days in the
CHURN_DAYS, given AT_RISK_MIN_GAPS gaps), returning (a purchase in the NEW_DAYS up to it),
active (everyone else).
"""

from __future__ import annotations

from datetime import date, timedelta

# A customer whose first order is in this many days up to the as-of day is new.
NEW_DAYS = 90
# A customer with no order in this many days up to the as-of day has churned.
CHURN_DAYS = 365
# A customer is at risk once the days since their last order exceed this many usual gaps...
AT_RISK_GAP_FACTOR = 1.5
# ...provided they have at least this many gaps between buying days (one gap is no habit).
AT_RISK_MIN_GAPS = 2
# The stages, in the order they are shown.
LIFECYCLE_STAGES = ("new", "returning", "active", "at_risk", "churned")
# The rule's numbers in one word: stage counts a rollup kept under another rule are not read.
RULE = f"new={NEW_DAYS};churn={CHURN_DAYS};factor={AT_RISK_GAP_FACTOR};gaps={AT_RISK_MIN_GAPS}"

# The three inputs of stages_sql read from the buying days' rollup (data.rollups:
# customer_days), the whole company's: each customer's buying days up to $last, their first,
# and the days of the year before $first on (with the day before each).
ROLLED_DAYS = "SELECT customer_id, day FROM customer_days WHERE day <= $last"
ROLLED_FIRSTS = f"SELECT s.customer_id, min(s.day) AS first_order FROM ({ROLLED_DAYS}) s"
ROLLED_LAGGED = """SELECT customer_id, day, prev_day FROM customer_days
        WHERE day <= $last AND day >= $first - $year_days"""


def stages_sql(days: str, firsts: str, lagged: str, *, churned_last_order: bool = True) -> str:
    """SQL for every customer's lifecycle stage on each day in $days: as_of, customer_id,
    stage, last_order, days_since, usual_gap_days. A gap counts towards the usual gap when both
    of its buying days fall in the 365 days up to the day asked about.

    `days`: (customer_id, day) buying rows up to $last; `firsts`: a SELECT of (customer_id,
    first_order) from rows aliased s, to be grouped by s.customer_id; `lagged`: (customer_id,
    day, prev_day) from $first - $year_days on. Only the buying days of the 365 days up to each
    day asked about are joined to it (a customer with none there is churned, whatever came
    before), so twelve month ends cost about a year of days each, not all history each. A
    churned customer's last order comes from all their earlier days: `churned_last_order`
    False leaves it (and days_since) blank, for callers that need only the stage."""
    older = (
        f""", older AS (
        SELECT p.as_of, d.customer_id, max(d.day) AS last_order
        FROM points p
        JOIN ({days}) d
            ON d.day < p.as_of - $year_days
        GROUP BY p.as_of, d.customer_id
    )"""
        if churned_last_order
        else ""
    )
    older_join = (
        "LEFT JOIN older o ON o.as_of = p.as_of AND o.customer_id = f.customer_id"
        if churned_last_order
        else ""
    )
    older_day = "o.last_order" if churned_last_order else "CAST(NULL AS DATE)"
    return f"""
    WITH firsts AS (
        {firsts}
        GROUP BY s.customer_id
    ), lagged AS (
        {lagged}
    ), points AS (
        SELECT unnest($days)::DATE AS as_of
    ), recent AS (
        -- the buying days of the 365 days up to as_of (the first day's gap to a day before
        -- them is not counted, so the lag may start at the window)
        SELECT p.as_of, l.customer_id, max(l.day) AS last_order,
               count(*) FILTER (WHERE l.prev_day >= p.as_of - $year_days) AS gaps,
               median(datediff('day', l.prev_day, l.day))
                   FILTER (WHERE l.prev_day >= p.as_of - $year_days) AS usual_gap
        FROM points p JOIN lagged l ON l.day <= p.as_of AND l.day >= p.as_of - $year_days
        GROUP BY p.as_of, l.customer_id
    ){older}, staged AS (
        SELECT p.as_of, f.customer_id, r.customer_id IS NULL AS churned,
               coalesce(r.last_order, {older_day}) AS last_order,
               CASE WHEN r.gaps >= $min_gaps THEN CAST(r.usual_gap AS DOUBLE) END AS usual_gap,
               datediff('day', f.first_order, p.as_of) AS days_since_first
        FROM points p
        JOIN firsts f ON f.first_order <= p.as_of
        LEFT JOIN recent r ON r.as_of = p.as_of AND r.customer_id = f.customer_id
        {older_join}
    ), dated AS (
        SELECT *, datediff('day', last_order, as_of) AS days_since FROM staged
    )
    SELECT as_of, customer_id,
           CASE WHEN churned THEN 'churned'
                WHEN days_since_first < $new_days THEN 'new'
                WHEN days_since > $factor * usual_gap THEN 'at_risk'
                WHEN days_since < $new_days THEN 'returning'
                ELSE 'active' END AS stage,
           last_order, days_since, usual_gap AS usual_gap_days
    FROM dated
    """


def stage_counts_sql(days: str, firsts: str, lagged: str) -> str:
    """Customers per stage on each day in $days, counted in the database: as_of, stage,
    customers (stages with nobody left out)."""
    stages = stages_sql(days, firsts, lagged, churned_last_order=False)
    return f"SELECT as_of, stage, count(*) AS customers FROM ({stages}) GROUP BY ALL"


def stage_params(days: list[date]) -> dict[str, object]:
    """The parameters of stages_sql for the days asked about."""
    return {
        "days": list(days), "first": min(days), "last": max(days), "end": max(days),
        "min_gaps": AT_RISK_MIN_GAPS,
        "new_days": NEW_DAYS, "factor": AT_RISK_GAP_FACTOR,
        "year_days": CHURN_DAYS - 1,
    }  # fmt: skip


def month_ends(last: date, months: int) -> list[date]:
    """The last days of `months` months, the month holding `last` first, newest first."""
    month_end = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    ends = [month_end]
    for _ in range(months - 1):
        ends.append(ends[-1].replace(day=1) - timedelta(days=1))
    return ends
