"""The row-level lists the daily stand-up screen shows: wins, complaints, customers going
quiet, follow-ups due and reps behind pace.

Every list reads the same sources the KPIs read, narrowed by the same scope conditions, so
"North" or "retail" means here exactly what it means on a KPI tile. Values the user chose are
always $parameters. The day a function is asked about is its as-of day: it is also the day
`hide_leavers` is judged on (people who had left by then are left out), as on the team board.
Money is in currency units, rounded half away from zero to the cent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pandas as pd

from data.importing.fields import WON_DEAL_ORDER_PREFIX
from data.lifecycle_stages import AT_RISK_GAP_FACTOR, AT_RISK_MIN_GAPS
from data.store import Store
from metrics import service
from metrics.compiler import scope_params
from metrics.customer_owner import latest_orders_rolled, owners_cte
from metrics.filters import Filters
from metrics.list_queries import (
    money as _money,
)
from metrics.list_queries import (
    query_frame as _frame,
)
from metrics.list_queries import (
    scoped as _scoped,
)
from metrics.list_queries import (
    source as _source,
)
from metrics.list_queries import (
    where as _where,
)
from metrics.periods import unit_start
from metrics.segments import days_rolled

# A complaint is overdue once it has been open for more than this many days.
SLA_DAYS = 3
# A customer is at risk once the days since their last order exceed AT_RISK_GAP_FACTOR usual
# gaps: the lifecycle's own at-risk rule (data.lifecycle_stages), so Segments and the
# stand-up never disagree. Fewer buying days in the year than one more than its minimum of
# gaps give no usual gap worth trusting.
AT_RISK_MIN_BUYING_DAYS = AT_RISK_MIN_GAPS + 1
# How far back the working-day lookups go before giving up.
WORKING_DAY_LOOKBACK_DAYS = 31
# Big orders (when no minimum is given): at least this percentile of the recent order totals...
BIG_ORDER_PERCENTILE = 0.9
# ...over this many days before the last day of the wins window.
BIG_ORDER_BASELINE_DAYS = 90
# The year customers_at_risk looks at: this many days up to and including the as-of day.
AT_RISK_WINDOW_DAYS = 365

WINS_COLUMNS = ["kind", "day", "rep", "team", "customer", "amount"]
# rep_id / owner_rep_id last: the person a row belongs to (issue 20: every item names its owner).
NEW_COMPLAINTS_COLUMNS = ["day", "customer", "rep", "text", "resolved", "rep_id"]
OVERDUE_COMPLAINTS_COLUMNS = ["day", "customer", "rep", "text", "days_open", "rep_id"]
AT_RISK_COLUMNS = [
    "customer", "owner", "last_order", "usual_gap_days", "days_since", "revenue_12m",
    "owner_rep_id",
]  # fmt: skip
BEHIND_PACE_COLUMNS = ["rep", "attainment_now", "attainment_week_ago"]

_COMPLETED = "s.status = 'completed'"
# An order line as the wins list totals it by order.
_WIN_LINES = "s.order_id, s.day, s.customer_id, s.net_amount_cents"
_NAMED_LINES = "s.order_id, s.rep_name, s.team_name"


def _working_day(
    store: Store, filters: Filters, first: date, last: date, as_of: date
) -> date | None:
    """The latest day in [first, last] with a completed order line in scope."""
    sql = f"""
    {_scoped("orders", filters, "max(s.day)", _COMPLETED, "s.day BETWEEN $first AND $last")}
    """
    params = scope_params(filters, sql, first=first, last=last, end=as_of)
    return store.scalar(sql, params)


def last_working_day(store: Store, filters: Filters, as_of: date) -> date | None:
    """The latest day on or before `as_of` with a completed order line in scope, so a weekend
    or holiday rolls back to the last day people sold; None if there is none in the 31 days
    before (`as_of` - 31 days counts)."""
    first = as_of - timedelta(days=WORKING_DAY_LOOKBACK_DAYS)
    return _working_day(store, filters, first, as_of, as_of)


def previous_working_day(store: Store, filters: Filters, day: date) -> date | None:
    """The latest day strictly before `day` with a completed order line in scope; None if
    there is none in the 31 days before `day`."""
    first = day - timedelta(days=WORKING_DAY_LOOKBACK_DAYS)
    return _working_day(store, filters, first, day - timedelta(days=1), day)


def _ids(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A rep_id column as Python ints, a missing one as None (not pandas' NA)."""
    frame[column] = pd.Series(
        [None if pd.isna(v) else int(v) for v in frame[column]], index=frame.index, dtype=object
    )
    return frame


def _min_cents(amount: float) -> int:
    """The smallest whole number of cents at or above `amount` currency units."""
    return math.ceil(Decimal(str(amount)) * 100)


# What the won deals of `wins` read from their source: only these joins are built.
_WON_COLUMNS = "s.day, s.rep_name, s.team_name, s.amount_cents, s.deal_id"


def wins(
    store: Store,
    filters: Filters,
    since: date,
    until: date,
    *,
    big_order_min: float | None = None,
    limit: int = 10,
) -> pd.DataFrame:
    """Deals won (by closed date) and big orders (by order date) in [since, until], largest
    first: kind ('deal' or 'order'), day, rep, team (top-level), customer, amount.

    A sale is listed once: an order made from a won deal at import (a CRM export with no
    orders file) is that deal, so it is listed as the deal and never again as a big order.
    An order's amount is the net amount of its completed lines; it is big when that is at least
    `big_order_min`, or by default at least the 90th percentile (linear interpolation, rounded
    to the cent) of the scope's order totals over the 90 days before `until` (until excluded).
    Ties: earlier day first. At most `limit` rows.
    """
    baseline_start = until - timedelta(days=BIG_ORDER_BASELINE_DAYS)
    baseline_end = until - timedelta(days=1)
    if big_order_min is None:
        bar = (
            "SELECT round(quantile_cont(amount_cents, $percentile)) AS min_cents FROM totals"
            " WHERE day BETWEEN $baseline_start AND $baseline_end"
        )
        lines_from = min(since, baseline_start)
    else:
        bar = "SELECT $min_cents AS min_cents"
        lines_from = since
    won = _where(filters, "s.stage = 'won'", "s.day BETWEEN $since AND $until")
    # Each order's total is worked out from numbers only; the names of its people and team
    # (the smallest of its lines', as a line may differ) only for the orders over the bar:
    # grouping every order of 90 days by those texts took 1.6 s at ten million lines. The
    # totals read lines that join no names at all, and the names are read for the days
    # listed only (a big order's lines are all on or after its first day, $since or later):
    # naming the 90 days' lines to total them took a third of this query (6 Dec 2026).
    sql = f"""
    WITH lines AS (
        {_scoped("orders", filters, _WIN_LINES, _COMPLETED, "s.day BETWEEN $lines_from AND $until")}
    ), named_lines AS (
        {_scoped("orders", filters, _NAMED_LINES, _COMPLETED, "s.day BETWEEN $since AND $until")}
    ), totals AS (
        SELECT order_id, min(day) AS day, min(customer_id) AS customer_id,
               sum(net_amount_cents) AS amount_cents
        FROM lines GROUP BY order_id
    ), bar AS ({bar}
    ), big AS MATERIALIZED (
        -- once: named and found both read it. An order made from a won deal is its prefix and
        -- the deal's id: matched on the id, not by prefixing every deal's.
        SELECT t.* FROM totals t CROSS JOIN bar
        WHERE t.day BETWEEN $since AND $until AND t.amount_cents >= bar.min_cents
          AND NOT (
              starts_with(t.order_id, $won_deal_prefix)
              AND EXISTS (SELECT 1 FROM deals wd
                          WHERE wd.deal_id = substr(t.order_id, length($won_deal_prefix) + 1))
          )
    ), named AS (
        SELECT order_id, min(rep_name) AS rep, min(team_name) AS team FROM named_lines
        WHERE order_id IN (SELECT order_id FROM big) GROUP BY order_id
    ), found AS (
        SELECT 'deal' AS kind, s.day, s.rep_name AS rep, s.team_name AS team,
               cu.name AS customer, s.amount_cents
        FROM {_source("closed_deals", _WON_COLUMNS, won)}
        LEFT JOIN deals dl ON dl.deal_id = s.deal_id
        LEFT JOIN customers cu ON cu.customer_id = dl.customer_id
        WHERE {won}
        UNION ALL
        SELECT 'order' AS kind, b.day, n.rep, n.team, cu.name AS customer, b.amount_cents
        FROM big b JOIN named n ON n.order_id = b.order_id
        LEFT JOIN customers cu ON cu.customer_id = b.customer_id
    )
    SELECT kind, day, rep, team, customer, {_money("amount_cents")} AS amount
    FROM found
    ORDER BY amount_cents DESC NULLS LAST, day, kind, rep, customer
    LIMIT $limit
    """
    return _frame(
        store, filters, sql, WINS_COLUMNS, ("day",),
        since=since, until=until, end=until, lines_from=lines_from, limit=limit,
        percentile=BIG_ORDER_PERCENTILE, baseline_start=baseline_start,
        baseline_end=baseline_end, won_deal_prefix=WON_DEAL_ORDER_PREFIX,
        min_cents=None if big_order_min is None else _min_cents(big_order_min),
    )  # fmt: skip


_COMPLAINT_COLUMNS = """s.day, s.feedback_id, cu.name AS customer, s.rep_name AS rep, fb.text,
           s.resolved_date, s.rep_id"""


def _complaints(condition: str) -> str:
    """The complaints meeting `condition` (a WHERE clause over the feedback source, s), with
    their customer's name and text; the source joins only what the columns and `condition`
    read."""
    return f"""
    SELECT {_COMPLAINT_COLUMNS}
    FROM {_source("feedback", _COMPLAINT_COLUMNS, "s.customer_id", condition)}
    JOIN feedback fb ON fb.feedback_id = s.feedback_id
    LEFT JOIN customers cu ON cu.customer_id = s.customer_id
    WHERE {condition}"""


def new_complaints(store: Store, filters: Filters, since: date, until: date) -> pd.DataFrame:
    """Complaints dated in [since, until], newest first: day, customer, rep, text, resolved
    (True when resolved on or before `until`), rep_id (whose complaint it is)."""
    sql = _complaints(_where(filters, "s.kind = 'complaint'", "s.day BETWEEN $since AND $until"))
    sql = f"""
    SELECT day, customer, rep, text, coalesce(resolved_date <= $until, false) AS resolved,
           rep_id
    FROM ({sql})
    ORDER BY day DESC, feedback_id DESC
    """
    frame = _frame(
        store, filters, sql, NEW_COMPLAINTS_COLUMNS, ("day",), since=since, until=until, end=until
    )
    return _ids(frame, "rep_id")


def overdue_complaints(
    store: Store, filters: Filters, as_of: date, *, sla_days: int = SLA_DAYS
) -> pd.DataFrame:
    """Complaints still open at the end of `as_of` (unresolved, or resolved only later) that
    have been open more than `sla_days` days, oldest first: day, customer, rep, text, days_open
    (days from the complaint to `as_of`), rep_id (whose complaint it is)."""
    conditions = (
        "s.kind = 'complaint'",
        "s.day <= $as_of",
        "(s.resolved_date IS NULL OR s.resolved_date > $as_of)",
        "datediff('day', s.day, $as_of) > $sla_days",
    )
    sql = _complaints(_where(filters, *conditions))
    sql = f"""
    SELECT day, customer, rep, text, datediff('day', day, $as_of) AS days_open, rep_id
    FROM ({sql})
    ORDER BY day, feedback_id
    """
    frame = _frame(
        store,
        filters,
        sql,
        OVERDUE_COMPLAINTS_COLUMNS,
        ("day",),
        as_of=as_of,
        end=as_of,
        sla_days=sla_days,
    )
    return _ids(frame, "rep_id")


def customers_at_risk(
    store: Store, filters: Filters, as_of: date, *, limit: int = 10
) -> pd.DataFrame:
    """Regular customers gone quiet, biggest first: customers with completed orders in scope on
    at least 3 days of the 365 days up to `as_of` whose days since their last order exceed 1.5
    times their usual gap (the median of the gaps between consecutive buying days).

    Columns: customer, owner (metrics.customer_owner's rule, as the follow-up list names
    it; blank when no rule names anyone), last_order,
    usual_gap_days, days_since, revenue_12m (their completed revenue in scope in those 365
    days), owner_rep_id. Ties: customer name. At most `limit` rows.
    """
    window_start = as_of - timedelta(days=AT_RISK_WINDOW_DAYS - 1)
    rolled = latest_orders_rolled(store, as_of)  # the owners' latest sales
    conditions = (
        "s.status = 'completed'",
        "s.customer_id IS NOT NULL",
        "s.day BETWEEN $window_start AND $as_of",
    )
    # The order lines are read once (per customer and buying day); the owners are looked up
    # only for the customers shown, not for every regular customer.
    sql = f"""
    WITH {_buying_days_sql(store, filters, conditions)}, regulars AS (
        SELECT customer_id, max(day) AS last_order, median(gap) AS usual_gap,
               sum(cents) AS revenue_cents
        FROM gaps GROUP BY customer_id
        HAVING count(*) >= $min_days
    ), at_risk AS (
        SELECT g.*, cu.name AS customer
        FROM regulars g LEFT JOIN customers cu ON cu.customer_id = g.customer_id
        WHERE datediff('day', g.last_order, $as_of) > $factor * g.usual_gap
        ORDER BY g.revenue_cents DESC, customer, g.customer_id
        LIMIT $limit
    ), {owners_cte("SELECT customer_id FROM at_risk", rolled=rolled)}
    SELECT g.customer, owner.name AS owner, g.last_order,
           CAST(g.usual_gap AS DOUBLE) AS usual_gap_days,
           datediff('day', g.last_order, $as_of) AS days_since,
           {_money("g.revenue_cents")} AS revenue_12m, o.owner_rep_id
    FROM at_risk g
    LEFT JOIN customer_owners o ON o.customer_id = g.customer_id
    LEFT JOIN reps owner ON owner.rep_id = o.owner_rep_id
    ORDER BY g.revenue_cents DESC, g.customer, g.customer_id
    """
    frame = _frame(
        store, filters, sql, AT_RISK_COLUMNS, ("last_order",),
        as_of=as_of, end=as_of, window_start=window_start, min_days=AT_RISK_MIN_BUYING_DAYS,
        factor=AT_RISK_GAP_FACTOR, limit=limit,
    )  # fmt: skip
    return _ids(frame, "owner_rep_id")


def _buying_days_sql(store: Store, filters: Filters, conditions: tuple[str, ...]) -> str:
    """The `gaps` CTE of customers_at_risk: each customer's buying days in the window
    ($window_start to $as_of) with their completed amount and the gap since the buying day
    before it in the window (blank for the first). For the whole company it is read from the
    buying days' rollup (segments.days_rolled: the same days, amounts and gaps, from a third
    of the rows), else from the order lines in scope."""
    if days_rolled(store, filters):
        return """gaps AS (
        SELECT customer_id, day, cents,
               CASE WHEN prev_day >= $window_start THEN datediff('day', prev_day, day) END AS gap
        FROM customer_days WHERE day BETWEEN $window_start AND $as_of
    )"""
    columns = "s.customer_id, s.day, s.net_amount_cents"
    return f"""buys AS (
        {_scoped("orders", filters, columns, *conditions)}
    ), days AS (
        SELECT customer_id, day, sum(net_amount_cents) AS cents FROM buys GROUP BY customer_id, day
    ), gaps AS (
        SELECT customer_id, day, cents,
               datediff('day', lag(day) OVER (PARTITION BY customer_id ORDER BY day), day) AS gap
        FROM days
    )"""


def _month_to_date_attainment(store: Store, filters: Filters, day: date) -> pd.Series:
    """Each rep's revenue from the 1st of `day`'s month to `day` over their target to date."""
    scope = filters.with_dates(unit_start(day, "month"), day)
    frame = service.breakdown(store, ("revenue",), scope, "rep", with_targets=True)
    return frame.set_index("rep")["revenue_attainment"].astype(float)


def reps_behind_pace(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Reps with a revenue target who are behind it both at `as_of` and a week earlier, worst
    first: rep, attainment_now, attainment_week_ago.

    Attainment is revenue month to date over the target to date (targets spread evenly over
    their days), each day measured in its own month, from the KPI layer; behind means below 1.
    """
    now = _month_to_date_attainment(store, filters, as_of)
    then = _month_to_date_attainment(store, filters, as_of - timedelta(days=7))
    both = pd.concat([now.rename("attainment_now"), then.rename("attainment_week_ago")], axis=1)
    both = both.dropna()
    behind = both[(both["attainment_now"] < 1) & (both["attainment_week_ago"] < 1)]
    behind = behind.rename_axis("rep").reset_index()
    behind = behind.sort_values(["attainment_now", "rep"], kind="stable")
    return behind[BEHIND_PACE_COLUMNS].reset_index(drop=True)


# Every list by name, each taking (store, filters, *days): tests hold them all to the same
# rules (columns when empty, values only as parameters); standup_screen gathers them.
LISTS: dict[str, Callable[..., pd.DataFrame]] = {
    "wins": wins,
    "new_complaints": new_complaints,
    "overdue_complaints": overdue_complaints,
    "customers_at_risk": customers_at_risk,
    "reps_behind_pace": reps_behind_pace,
}
