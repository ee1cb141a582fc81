"""Customer segments: RFM scores and segments, lifecycle stages, the Pareto curve and one
customer's detail. Who is due a follow-up is metrics/follow_ups.py's business.

Customers in scope are those with completed order lines in scope (the orders source narrowed
by the same scope conditions as every KPI); amounts are the net amounts of completed lines
only. The day a function is asked about (`as_of`) is also the day `hide_leavers` is judged on,
as in the stand-up lists. "The last N days" always means the N days up to and including
`as_of`. Money is in currency units, rounded half away from zero to the cent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd

from data.lifecycle_stages import (  # the lifecycle rule, in SQL once (see there)
    LIFECYCLE_STAGES,
    ROLLED_DAYS,
    ROLLED_FIRSTS,
    ROLLED_LAGGED,
    month_ends,
    stage_counts_sql,
    stage_params,
    stages_sql,
)
from data.rollups import (
    days_count_orders,
    days_rollup_current,
    month_end_stage_counts,
    rollups_enabled,
)
from data.store import Store
from metrics.compiler import scope_conditions
from metrics.dimensions import DIMENSIONS
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
    tidy as _tidy,
)

# RFM looks at one year of buying: this many days up to and including the as-of day.
RFM_WINDOW_DAYS = 365
# Scores are fifths: 1 (bottom fifth) to 5 (top fifth); see _score for how ties are kept.
RFM_SCORES = 5
# The customer detail shows this many of the latest orders: enough for a call, not a ledger.
DETAIL_ORDER_LIMIT = 50

# (name, rule on (r, f)), in the order they are tried; the rules are also disjoint, so every
# (r, f) in 1..5 x 1..5 matches exactly one (the tests check all 25).
SEGMENT_RULES: tuple[tuple[str, Callable[[int, int], bool]], ...] = (
    ("champions", lambda r, f: r >= 4 and f >= 4),
    ("loyal", lambda r, f: r == 3 and f >= 4),
    ("cannot_lose", lambda r, f: r <= 2 and f >= 4),
    ("potential_loyalists", lambda r, f: r >= 4 and 2 <= f <= 3),
    ("new", lambda r, f: r >= 4 and f == 1),
    ("needs_attention", lambda r, f: r == 3 and f <= 3),
    ("at_risk", lambda r, f: (r == 2 and 2 <= f <= 3) or (r == 1 and f == 3)),
    ("hibernating", lambda r, f: r == 2 and f == 1),
    ("lost", lambda r, f: r == 1 and f <= 2),
)
# Display order, best first.
SEGMENTS = (
    "champions", "loyal", "potential_loyalists", "new", "needs_attention",
    "at_risk", "cannot_lose", "hibernating", "lost",
)  # fmt: skip
# The segment of a customer absent on one side of rfm_movement.
NO_SEGMENT = "none"
RFM_COLUMNS = [
    "customer_id", "customer", "owner", "recency_days", "frequency", "monetary",
    "r", "f", "m", "segment",
]  # fmt: skip
RFM_SUMMARY_COLUMNS = ["segment", "customers", "revenue", "share_of_revenue"]
RFM_MOVEMENT_COLUMNS = ["from_segment", "to_segment", "customers"]
LIFECYCLE_COLUMNS = [
    "customer_id", "customer", "stage", "last_order", "days_since", "usual_gap_days",
]  # fmt: skip
LIFECYCLE_COUNTS_COLUMNS = ["stage", "customers"]
PARETO_COLUMNS = ["rank", "customer", "revenue", "cumulative_share", "customer_share"]
DETAIL_COLUMNS = {
    "profile": ["name", "owner", "tier", "industry", "region", "city", "size_band", "channel",
                "acquired_date"],
    "orders": ["order_id", "day", "lines", "amount", "status"],
    "deals": ["deal_id", "stage", "created", "closed", "amount"],
    "activities": ["day", "kind", "rep", "outcome", "next_follow_up"],
    "feedback": ["day", "kind", "csat", "nps", "text", "resolved"],
}  # fmt: skip


def _window_start(as_of: date, days: int) -> date:
    """The first of the `days` days up to and including `as_of`."""
    return as_of - timedelta(days=days - 1)


def _top_count(n: int, fraction: float) -> int:
    """ceil(n x fraction), in decimal so 0.7 x 10 is 7, not 8."""
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], not {fraction}")
    return math.ceil(Decimal(str(fraction)) * n)


# --- RFM ----------------------------------------------------------------------------------


def segment_for(r: int, f: int) -> str:
    """The segment of a recency and frequency score: the first rule in SEGMENT_RULES that
    matches."""
    for name, rule in SEGMENT_RULES:
        if rule(r, f):
            return name
    raise ValueError(f"no segment for r={r}, f={f}")


def _scores(values: pd.Series, *, larger_is_worse: bool) -> np.ndarray:
    """One RFM score per customer: 1 + floor(5 x w / n), where w is the number of the n
    customers scored who are strictly worse (RANK() - 1 over the worst first) on `values`
    (whole numbers: days since, orders, cents). Equal values share a score, whatever their
    ids; integer division keeps the cut exact. Worked out here from the per-customer values
    the database summed: three RANK() windows sorted one after another took half the query
    (0.2 s at 175,000 customers), a sort and a search per measure here about 10 ms."""
    numbers = values.to_numpy(dtype="int64")
    ordered = np.sort(numbers)
    if larger_is_worse:
        worse = len(numbers) - np.searchsorted(ordered, numbers, side="right")
    else:
        worse = np.searchsorted(ordered, numbers, side="left")
    return 1 + (RFM_SCORES * worse) // max(len(numbers), 1)


def _scored(frame: pd.DataFrame, *, monetary: bool = True) -> pd.DataFrame:
    """`frame` (recency_days, frequency and, with `monetary`, monetary_cents per customer)
    with its scores r, f (and m)."""
    frame["r"] = _scores(frame["recency_days"], larger_is_worse=True)
    frame["f"] = _scores(frame["frequency"], larger_is_worse=False)
    if monetary:
        frame["m"] = _scores(frame["monetary_cents"], larger_is_worse=False)
    return frame


# The order lines RFM reads: completed, with a customer, in the window up to the as-of day.
_RFM_LINES = (
    "s.status = 'completed'",
    "s.customer_id IS NOT NULL",
    "s.day BETWEEN $window_start AND $as_of",
)


def rfm_window_start(as_of: date) -> date:
    """The first day of the RFM window that ends on `as_of` ($window_start)."""
    return _window_start(as_of, RFM_WINDOW_DAYS)


def company_rfm_customers_sql() -> str:
    """SQL for the customers the company's rfm_scores at $as_of score (one column,
    customer_id; $window_start from rfm_window_start): a query can name them without being
    sent the list (binding a list of 175,000 ids costs a third of a second)."""
    return _scoped("orders", Filters(start=date.min, end=date.min), "DISTINCT s.customer_id",
                   *_RFM_LINES)  # fmt: skip


def _rfm_rolled(store: Store, filters: Filters) -> bool:
    """Whether RFM may read the buying days' rollup: the whole company's only (days_rolled),
    and only while summing days counts each order once (data.rollups.days_count_orders)."""
    return days_rolled(store, filters) and days_count_orders(store)


def _per_customer_sql(store: Store, filters: Filters) -> str:
    """SQL for each customer's recency, frequency and amount over the window: from their
    completed lines in scope, or from their buying days (data.rollups: customer_days) when
    _rfm_rolled, which gives the same numbers in the same types from a third of the rows."""
    if _rfm_rolled(store, filters):
        return """SELECT customer_id, datediff('day', max(day), $as_of) AS recency_days,
               CAST(sum(orders) AS BIGINT) AS frequency, sum(cents) AS monetary_cents
        FROM customer_days WHERE day BETWEEN $window_start AND $as_of GROUP BY customer_id"""
    columns = "s.customer_id, s.day, s.order_id, s.net_amount_cents"
    return f"""SELECT customer_id, datediff('day', max(day), $as_of) AS recency_days,
               count(DISTINCT order_id) AS frequency, sum(net_amount_cents) AS monetary_cents
        FROM ({_scoped("orders", filters, columns, *_RFM_LINES)}) lines GROUP BY customer_id"""


def _with_segments(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (with r and f) plus its segment column."""
    # segment_for once per distinct (r, f) pair (at most 25), not once per customer
    pairs = frame["r"].astype("int64") * 10 + frame["f"].astype("int64")
    named = {int(p): segment_for(int(p) // 10, int(p) % 10) for p in pairs.unique()}
    frame["segment"] = pd.Series(pairs.map(named), index=frame.index, dtype=object)
    return frame


def _rfm_params(as_of: date) -> dict[str, object]:
    return {"as_of": as_of, "end": as_of, "window_start": rfm_window_start(as_of)}


_NAME_COLUMNS = ("customer", "owner")  # what rfm_ranks leaves out and with_names adds


def _rfm(store: Store, filters: Filters, as_of: date, *, names: bool = True) -> pd.DataFrame:
    """rfm() plus monetary_cents (integers), for sums that stay exact; with `names` False,
    without the customer and owner columns (rfm_ranks)."""
    named = "cu.name AS customer, owner.name AS owner," if names else ""
    joins = (
        """LEFT JOIN customers cu ON cu.customer_id = p.customer_id
    LEFT JOIN reps owner ON owner.rep_id = cu.owner_rep_id"""
        if names
        else ""
    )
    sql = f"""
    WITH per_customer AS (
        {_per_customer_sql(store, filters)}
    )
    SELECT p.customer_id, {named} p.recency_days,
           p.frequency, {_money("p.monetary_cents")} AS monetary,
           CAST(p.monetary_cents AS BIGINT) AS monetary_cents
    FROM per_customer p
    {joins}
    ORDER BY p.monetary_cents DESC, p.customer_id
    """
    columns = [c for c in RFM_COLUMNS[:-4] if names or c not in _NAME_COLUMNS]
    frame = _frame(store, filters, sql, [*columns, "monetary_cents"], **_rfm_params(as_of))
    return _with_segments(_scored(frame))[[*columns, "r", "f", "m", "monetary_cents", "segment"]]


def rfm_ranks(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """rfm_scores without the customer's and owner's names: what ranks the follow-up list
    (naming 175,000 customers took 0.1 s of the 0.15 s query at ten million order lines, on
    the way to every follow-up page's first run). with_names(store, rfm_ranks(...)) is
    rfm_scores(...)."""
    return _rfm(store, filters, as_of, names=False)


def with_names(store: Store, ranks: pd.DataFrame) -> pd.DataFrame:
    """An rfm_ranks() frame (or some of its rows) with the customer's and owner's names where
    rfm_scores has them (blank for a customer no longer on record, or with no owner). Only
    its customers' names are read: the page names one segment's (41,000 of 175,000)."""
    names = _tidy(
        store.query(
            """SELECT cu.customer_id, cu.name AS customer, owner.name AS owner
            FROM customers cu LEFT JOIN reps owner ON owner.rep_id = cu.owner_rep_id
            WHERE cu.customer_id IN (SELECT unnest(CAST($ids AS BIGINT[])))""",
            {"ids": ranks["customer_id"].astype("int64").tolist()},
        ),
        ["customer_id", *_NAME_COLUMNS],
    ).set_index("customer_id")
    at = names.index.get_indexer(ranks["customer_id"].astype("int64"))
    found = at >= 0  # a customer not on record (-1) is blank, as the left join leaves it
    named = ranks.copy(deep=False)
    for place, column in enumerate(_NAME_COLUMNS, start=1):
        cells = np.full(len(at), None, dtype=object)
        cells[found] = names[column].to_numpy(dtype=object)[at[found]]
        named.insert(place, column, pd.Series(cells, index=ranks.index, dtype=object))
    return named


def rfm_segments(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Each customer's RFM segment at `as_of` (customer_id, segment; in no order), scored as
    rfm() scores them: what the movement between two days needs, without the names, the
    amounts, the monetary score and the sort (a third of rfm_scores' time at 175,000
    customers)."""
    sql = f"""
    WITH per_customer AS (
        {_per_customer_sql(store, filters)}
    )
    SELECT p.customer_id, p.recency_days, p.frequency FROM per_customer p
    """
    columns = ["customer_id", "recency_days", "frequency"]
    frame = _frame(store, filters, sql, columns, **_rfm_params(as_of))
    return _with_segments(_scored(frame, monetary=False))[["customer_id", "segment"]]


def rfm(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Recency, frequency and monetary value of each customer in scope over the 365 days up to
    `as_of`, biggest spender first (ties: customer_id).

    recency_days: days from their last order day to `as_of`; frequency: distinct orders with a
    completed line; monetary: completed revenue. r, f and m are scores 1-5, higher is better
    (r: more recent; f, m: more): score = 1 + floor(5 x w / n), where w is the number of the n
    customers strictly worse on that measure (RANK() - 1: _scores). Customers with
    equal values share a score; with no ties, six customers score 1, 1, 2, 3, 4, 5. segment:
    the first SEGMENT_RULES rule that (r, f) matches.
    """
    return _rfm(store, filters, as_of)[RFM_COLUMNS]


def rfm_scores(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """rfm() plus monetary_cents, named: what rfm_ranks and with_names give together. The
    pages read rfm_ranks and name only the rows they show (SegmentCustomers); the tests hold
    both to this."""
    return _rfm(store, filters, as_of)


def summarize_rfm(frame: pd.DataFrame) -> pd.DataFrame:
    """Customers and revenue per RFM segment of an rfm_ranks() (or rfm_scores()) frame, every
    segment in SEGMENTS order (zeros where empty); share_of_revenue is the segment's share of
    all their revenue (0 when there is none)."""
    cents = frame["monetary_cents"].astype("int64")
    total = int(cents.sum())
    grouped = cents.groupby(frame["segment"]).agg(["size", "sum"])
    rows = []
    for segment in SEGMENTS:
        customers, summed = grouped.loc[segment] if segment in grouped.index else (0, 0)
        rows.append(
            (segment, int(customers), int(summed) / 100, int(summed) / total if total else 0.0)
        )
    return pd.DataFrame(rows, columns=RFM_SUMMARY_COLUMNS)


def customers_by_segment(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Where the customers of an rfm_ranks() (or rfm_scores()) frame are in it, per segment
    that has any: their row positions, biggest spender first (ties: customer_id), for
    frame.take. What the page's segment drill-down shows, cut once per result instead of on
    every rerun (comparing 175,000 segment names and sorting took a sixth of the page's warm
    rerun at ten million order lines); positions, not copies of the rows, which would double
    the cached answer."""
    ordered = _spender_order(frame)
    # Each segment's name as a code once, then the positions grouped by code in one stable
    # sort: comparing the 175,000 names with each segment's took three times as long.
    codes, names = pd.factorize(frame["segment"].to_numpy(dtype=object)[ordered])
    grouped = ordered[np.argsort(codes, kind="stable")]
    counts = np.bincount(codes, minlength=len(names))
    ends = np.cumsum(counts)
    starts = ends - counts
    return {str(name): grouped[starts[i] : ends[i]] for i, name in enumerate(names)}


def _spender_order(frame: pd.DataFrame) -> np.ndarray:
    """Row positions biggest spender first (ties: customer_id). rfm_scores' rows come in that
    order already (its ORDER BY): checked, which takes a tenth of sorting them again."""
    cents = frame["monetary_cents"].to_numpy(dtype="int64")
    ids = frame["customer_id"].to_numpy(dtype="int64")
    ahead = (cents[:-1] > cents[1:]) | ((cents[:-1] == cents[1:]) & (ids[:-1] < ids[1:]))
    if ahead.all():
        return np.arange(len(frame))
    return np.lexsort((ids, -cents))


def rfm_summary(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Customers and revenue per RFM segment at `as_of` (summarize_rfm of that day's scores)."""
    return summarize_rfm(_rfm(store, filters, as_of))


def movement_between(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """How many customers moved from each segment in `before` to each in `after` (two frames
    with customer_id and segment, as rfm_segments or rfm_scores give; the same segment
    included); a customer absent on one side is in segment 'none'. Only pairs with
    customers, ordered by from_segment then to_segment in SEGMENTS order, 'none' last."""
    order = (*SEGMENTS, NO_SEGMENT)
    code = {name: i for i, name in enumerate(order)}
    # Each side's segment as its place in `order`, per customer of either side; a customer on
    # one side only keeps NO_SEGMENT's place on the other. A pair is then one number,
    # from x n + to, so the counts are a bincount, in the order the docstring promises.
    sides = [frame["customer_id"].to_numpy(dtype="int64") for frame in (before, after)]
    slots, used, slot_of = _customer_slots(*sides)
    places = np.full((2, slots), code[NO_SEGMENT], dtype="int64")
    for side, frame in enumerate((before, after)):
        found, names = pd.factorize(frame["segment"])  # in C: 5x faster than .map(code)
        places[side, slot_of(sides[side])] = np.array([code[s] for s in names], "int64")[found]
    n = len(order)
    pairs = places[0, used] * n + places[1, used]
    counts = np.bincount(pairs, minlength=n * n)
    rows = [(order[k // n], order[k % n], int(c)) for k, c in enumerate(counts) if c]
    return pd.DataFrame(rows, columns=RFM_MOVEMENT_COLUMNS)


def _customer_slots(
    *sides: np.ndarray,
) -> tuple[int, np.ndarray, Callable[[np.ndarray], np.ndarray]]:
    """A slot for each customer of any side: how many slots, the slots in use, and the slot
    of each of a side's customers.

    Customer ids are numbered from 1 as they come (the demo, every import), so an id is its
    own slot: no sort and no search (which took two thirds of the time over 350,000 ids).
    Ids spread far wider than the customers (over 8 slots each) are sorted and searched
    instead, so a few huge ids cannot ask for a huge array."""
    every = np.concatenate(sides)
    if len(every) and every.min() >= 0 and every.max() < 8 * len(every) + 1024:
        seen = np.zeros(int(every.max()) + 1, dtype=bool)
        seen[every] = True
        return len(seen), np.flatnonzero(seen), lambda side: side
    ids = np.sort(every)
    first = np.ones(len(ids), dtype=bool)  # np.unique hashes: 40x slower than this sort
    first[1:] = ids[1:] != ids[:-1]
    ids = ids[first]
    return len(ids), np.arange(len(ids)), lambda side: np.searchsorted(ids, side)


def rfm_movement(store: Store, filters: Filters, as_of: date, previous_as_of: date) -> pd.DataFrame:
    """movement_between the segments at `previous_as_of` and at `as_of`."""
    return movement_between(
        rfm_segments(store, filters, previous_as_of), rfm_segments(store, filters, as_of)
    )


# --- lifecycle ----------------------------------------------------------------------------


def _stage_sources(filters: Filters, rolled: bool) -> tuple[str, str, str]:
    """The buying days, first days and lagged days data.lifecycle_stages.stages_sql reads: from
    the completed lines in scope, or with `rolled` from the buying days' rollup (data.rollups:
    customer_days), for the whole company only (days_rolled)."""
    if rolled:
        return ROLLED_DAYS, ROLLED_FIRSTS, ROLLED_LAGGED
    lines = ("s.status = 'completed'", "s.customer_id IS NOT NULL", "s.day <= $last")
    days = _scoped("orders", filters, "s.customer_id, s.day", *lines)
    firsts = _scoped("orders", filters, "s.customer_id, min(s.day) AS first_order", *lines)
    window = "s.day >= $first - $year_days"
    distinct = _scoped("orders", filters, "DISTINCT s.customer_id, s.day", *lines, window)
    lagged = f"""SELECT customer_id, day,
               lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS prev_day
        FROM ({distinct}) d"""
    return days, firsts, lagged


def days_rolled(store: Store, filters: Filters) -> bool:
    """Whether lifecycle stages may read the buying days from their rollup: it holds the whole
    company's, so only when nothing narrows the scope, and only while it is current
    (data.rollups) and rollups are not switched off."""
    return not scope_conditions(filters) and rollups_enabled() and days_rollup_current(store)


def _stages(
    store: Store, filters: Filters, days: list[date], *, churned_last_order: bool = True
) -> pd.DataFrame:
    """Every customer's lifecycle stage on each of `days` (data.lifecycle_stages.stages_sql)."""
    sources = _stage_sources(filters, days_rolled(store, filters))
    return _frame(
        store, filters, stages_sql(*sources, churned_last_order=churned_last_order),
        ["as_of", "customer_id", "stage", "last_order", "days_since", "usual_gap_days"],
        ("as_of", "last_order"), **stage_params(days),
    )  # fmt: skip


STAGE_COUNT_COLUMNS = ["as_of", "stage", "customers"]


def _stage_counts(store: Store, filters: Filters, days: list[date]) -> pd.DataFrame:
    """Customers per stage on each of `days`: as_of, stage, customers (a stage with nobody may
    be missing, or 0). For the whole company, the month ends the rollup of stage counts holds
    (data.rollups.month_end_stage_counts) are read from it, the other days counted here."""
    rolled = days_rolled(store, filters)
    kept = month_end_stage_counts(store, days) if rolled else []
    held = {as_of for as_of, _, _ in kept}
    counted = [pd.DataFrame(kept, columns=STAGE_COUNT_COLUMNS)] if kept else []
    rest = [day for day in days if day not in held]
    if rest:
        sql = stage_counts_sql(*_stage_sources(filters, rolled))
        counted.append(
            _frame(store, filters, sql, STAGE_COUNT_COLUMNS, ("as_of",), **stage_params(rest))
        )
    if not counted:
        return pd.DataFrame(columns=STAGE_COUNT_COLUMNS)
    return pd.concat(counted, ignore_index=True)


def lifecycle(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Each customer's lifecycle stage at `as_of`, from their completed orders in scope on or
    before `as_of` (all history). The first rule that holds wins:

    - churned: no order in the 365 days up to `as_of` (days_since >= 365);
    - new: their first order in scope is in the 90 days up to `as_of` (89 days ago is new,
      90 days ago is not);
    - at_risk: days_since > 1.5 x usual_gap_days, where usual_gap_days is the median gap
      between consecutive buying days in the 365 days up to `as_of`, given at least 2 gaps
      (blank otherwise);
    - returning: an order in the 90 days up to `as_of` (days_since < 90), and, not being new,
      an order before them;
    - active: everyone else (bought in the year, not lately, no habit broken).

    Columns: customer_id, customer, stage, last_order, days_since, usual_gap_days. Ordered by
    LIFECYCLE_STAGES, then customer name and id.
    """
    stages = _stages(store, filters, [as_of]).drop(columns="as_of")
    names = _customer_names(store, tuple(int(c) for c in stages["customer_id"]))
    stages.insert(1, "customer", stages["customer_id"].map(names))
    order = {stage: i for i, stage in enumerate(LIFECYCLE_STAGES)}
    stages = stages.assign(_order=stages["stage"].map(order))
    stages = stages.sort_values(["_order", "customer", "customer_id"], kind="stable")
    return stages.drop(columns="_order").reset_index(drop=True)[LIFECYCLE_COLUMNS]


def _customer_names(store: Store, ids: tuple[int, ...]) -> dict[int, str]:
    if not ids:
        return {}
    rows = store.rows(
        "SELECT customer_id, name FROM customers WHERE list_contains($ids, customer_id)",
        {"ids": list(ids)},
    )
    return {int(c): n for c, n in rows}


def lifecycle_counts(store: Store, filters: Filters, as_of: date) -> pd.DataFrame:
    """Customers per lifecycle stage at `as_of`, every stage in LIFECYCLE_STAGES order."""
    counts = _stage_counts(store, filters, [as_of]).set_index("stage")["customers"]
    rows = [(stage, int(counts.get(stage, 0))) for stage in LIFECYCLE_STAGES]
    return pd.DataFrame(rows, columns=LIFECYCLE_COUNTS_COLUMNS)


def lifecycle_over_time(
    store: Store, filters: Filters, as_of: date, *, months: int = 12
) -> pd.DataFrame:
    """Customers per lifecycle stage at the end of each of the last `months` months (the last
    one at `as_of`): columns day, stage, customers, oldest first."""
    days = [as_of, *month_ends(as_of, months)[1:]]  # the month ends before as_of's month
    counts = _stage_counts(store, filters, days).set_index(["as_of", "stage"])["customers"]
    rows = [
        (day, stage, int(counts.get((day, stage), 0)))
        for day in reversed(days)
        for stage in LIFECYCLE_STAGES
    ]
    return pd.DataFrame(rows, columns=["day", "stage", "customers"])


def customer_classes(
    store: Store, filters: Filters, dimension: str, as_of: date
) -> tuple[tuple[int, str], ...]:
    """Each customer in scope with their RFM segment or lifecycle stage at `as_of`, for a KPI
    breakdown by the rfm_segment or lifecycle_stage dimension."""
    if dimension == "rfm_segment":
        frame = _rfm(store, filters, as_of)[["customer_id", "segment"]]
    elif dimension == "lifecycle_stage":
        frame = _stages(store, filters, [as_of], churned_last_order=False)
        frame = frame[["customer_id", "stage"]]
    else:
        raise ValueError(f"{dimension} is not a customer segment dimension")
    return tuple((int(c), str(v)) for c, v in frame.itertuples(index=False))


CUSTOMERS_IN_COLUMNS = ["customer_id", "customer", "owner", "revenue", "orders", "last_order"]
_CUSTOMER_TOTALS = """s.customer_id, sum(s.net_amount_cents) AS revenue_cents,
               count(DISTINCT s.order_id) AS orders, max(s.day) AS last_order"""


def customers_in(
    store: Store,
    filters: Filters,
    dimension: str,
    value: str,
    customer_ids: tuple[int, ...] = (),
    *,
    limit: int = 200,
) -> pd.DataFrame:
    """The customers behind one value of a breakdown (a region, an industry, a segment...):
    their completed revenue and orders in scope over the period, biggest first (ties:
    customer_id), at most `limit`. For lifecycle_stage and rfm_segment, `customer_ids` are
    the customers in that segment; "(not set)" stands for a blank value."""
    conditions = [
        "s.status = 'completed'",
        "s.customer_id IS NOT NULL",
        "s.day BETWEEN $start AND $end",
    ]
    if dimension in ("lifecycle_stage", "rfm_segment"):
        conditions.append("list_contains($ids, s.customer_id)")
    else:
        column = DIMENSIONS[dimension].column
        conditions.append(f"coalesce(CAST(s.{column} AS VARCHAR), '(not set)') = $value")
    sql = f"""
    WITH per_customer AS (
        {_scoped("orders", filters, _CUSTOMER_TOTALS, *conditions)}
        GROUP BY s.customer_id
    )
    SELECT p.customer_id, cu.name AS customer, owner.name AS owner,
           {_money("p.revenue_cents")} AS revenue, p.orders, p.last_order
    FROM per_customer p
    LEFT JOIN customers cu ON cu.customer_id = p.customer_id
    LEFT JOIN reps owner ON owner.rep_id = cu.owner_rep_id
    ORDER BY p.revenue_cents DESC, p.customer_id
    LIMIT $limit
    """
    return _frame(
        store, filters, sql, CUSTOMERS_IN_COLUMNS, ("last_order",),
        value=value, ids=list(customer_ids), limit=limit,
    )  # fmt: skip


# --- Pareto -------------------------------------------------------------------------------


def _pareto(store: Store, filters: Filters) -> pd.DataFrame:
    """pareto() plus revenue_cents."""
    conditions = (
        "s.status = 'completed'",
        "s.customer_id IS NOT NULL",
        "s.day BETWEEN $start AND $end",
    )
    sql = f"""
    WITH per_customer AS (
        {
        _scoped(
            "orders",
            filters,
            "s.customer_id, sum(s.net_amount_cents) AS revenue_cents",
            *conditions,
        )
    }
        GROUP BY s.customer_id
        HAVING sum(s.net_amount_cents) > 0
    )
    SELECT row_number() OVER w AS rank, cu.name AS customer,
           {_money("p.revenue_cents")} AS revenue, p.revenue_cents,
           CAST(sum(p.revenue_cents) OVER w AS DOUBLE)
               / sum(p.revenue_cents) OVER () AS cumulative_share,
           CAST(row_number() OVER w AS DOUBLE) / count(*) OVER () AS customer_share
    FROM per_customer p LEFT JOIN customers cu ON cu.customer_id = p.customer_id
    WINDOW w AS (ORDER BY p.revenue_cents DESC, p.customer_id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ORDER BY rank
    """
    return _frame(store, filters, sql, [*PARETO_COLUMNS, "revenue_cents"])


def pareto(store: Store, filters: Filters) -> pd.DataFrame:
    """Customers with positive completed revenue in scope over the filters' period, biggest
    first (ties: customer_id): rank (1 = biggest), customer, revenue, cumulative_share (revenue
    of ranks 1..rank over all revenue) and customer_share (rank / number of customers)."""
    return _pareto(store, filters)[PARETO_COLUMNS]


def top_share(store: Store, filters: Filters, fraction: float = 0.2) -> float | None:
    """The share of revenue over the filters' period brought by the top `fraction` of the
    Pareto customers: the biggest ceil(n x fraction) of n. None when there is no revenue.
    `fraction` must be in (0, 1]."""
    return share_of_top(_pareto(store, filters), fraction)


def pareto_with_share(store: Store, filters: Filters) -> tuple[pd.DataFrame, float | None]:
    """pareto() and top_share() from one query."""
    frame = _pareto(store, filters)
    return frame[PARETO_COLUMNS], share_of_top(frame)


def share_of_top(frame: pd.DataFrame, fraction: float = 0.2) -> float | None:
    """top_share of a _pareto() frame (exact: it sums cents)."""
    top = _top_count(len(frame), fraction)
    if frame.empty:
        return None
    cents = frame["revenue_cents"].astype("int64")
    return float(cents.iloc[:top].sum() / cents.sum())


# --- one customer -------------------------------------------------------------------------


def customer_detail(store: Store, customer_id: int) -> dict[str, pd.DataFrame]:
    """Everything on record about one customer, whatever the scope, newest first:

    - profile: one row (none for an unknown customer): name, owner, tier, industry, region,
      city, size_band, channel, acquired_date;
    - orders: the latest 50 orders: order_id, day, lines (all lines), amount (completed lines
      only), status ('completed' when every line shares one status, else counts such as
      '1 completed, 1 returned', statuses in alphabetical order);
    - deals: deal_id, stage, created, closed, amount;
    - activities: day, kind, rep, outcome, next_follow_up;
    - feedback: day, kind, csat, nps, text, resolved (the day it was resolved, or blank).
    """
    queries = {
        "profile": """
            SELECT cu.name, owner.name AS owner, cu.tier, cu.industry, cu.region, cu.city,
                   cu.size_band, cu.channel, cu.acquired_date
            FROM customers cu LEFT JOIN reps owner ON owner.rep_id = cu.owner_rep_id
            WHERE cu.customer_id = $customer_id""",
        "orders": f"""
            WITH per_status AS (
                SELECT order_id, order_date, status, count(*) AS n,
                       sum(net_amount_cents) AS cents
                FROM orders WHERE customer_id = $customer_id
                GROUP BY order_id, order_date, status
            )
            SELECT order_id, max(order_date) AS day, sum(n)::BIGINT AS lines,
                   {_money("coalesce(sum(cents) FILTER (WHERE status = 'completed'), 0)")}
                       AS amount,
                   CASE WHEN count(*) = 1 THEN min(status)
                        ELSE string_agg(n || ' ' || status, ', ' ORDER BY status) END AS status
            FROM per_status GROUP BY order_id
            ORDER BY day DESC, order_id DESC
            LIMIT $limit""",
        "deals": f"""
            SELECT deal_id, stage, created_date AS created, closed_date AS closed,
                   {_money("amount_cents")} AS amount
            FROM deals WHERE customer_id = $customer_id
            ORDER BY created_date DESC, deal_id DESC""",
        "activities": """
            SELECT a.activity_date AS day, a.kind, r.name AS rep, a.outcome,
                   a.next_follow_up_date AS next_follow_up
            FROM activities a LEFT JOIN reps r ON r.rep_id = a.rep_id
            WHERE a.customer_id = $customer_id
            ORDER BY a.activity_date DESC, a.activity_id DESC""",
        "feedback": """
            SELECT feedback_date AS day, kind, csat, nps, text, resolved_date AS resolved
            FROM feedback WHERE customer_id = $customer_id
            ORDER BY feedback_date DESC, feedback_id DESC""",
    }
    dates = ("acquired_date", "day", "created", "closed", "next_follow_up", "resolved")
    detail = {}
    for key, sql in queries.items():
        params = {"customer_id": customer_id}
        if "$limit" in sql:
            params["limit"] = DETAIL_ORDER_LIMIT
        frame = store.query(sql, params)
        for column in ("csat", "nps"):  # nullable small ints: None, not NaN
            if column in frame.columns:
                cells = [None if pd.isna(v) else int(v) for v in frame[column]]
                frame[column] = pd.Series(cells, index=frame.index, dtype=object)
        detail[key] = _tidy(frame, DETAIL_COLUMNS[key], dates)
    return detail
