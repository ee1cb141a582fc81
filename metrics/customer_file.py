"""The customer file (客户档案): find a customer, and everything about one on a page.

- search: customers in the user's scope whose name, city, tag or contact note (a phone number:
  its digits) holds what was typed, case-insensitive. Chinese names match on their characters
  (no pinyin: no pinyin library is installed). At most SEARCH_LIMIT rows; the total is counted.
- summary: who owns the customer (rep_id), revenue to date, orders.
- segment_history: their RFM segment and lifecycle stage at the last few month ends, by the
  definitions of metrics.segments, judged among all the company's customers.
- timeline: orders, deals, activities, feedback and complaints in one list, newest first,
  from metrics.segments.customer_detail's queries.
- notes and tags: what the team wrote (data.customer_notes writes them).

A customer is in scope by metrics.scope.check_customer's rule (a rep: owns it or has sold to
it; a lead: its owner sits in the team, or the team has sold to it).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from data.store import Store
from metrics import segments
from metrics.customer_owner import owners_cte
from metrics.filters import Filters
from metrics.list_queries import money, tidy
from metrics.scope import Scope

# A search lists this many customers at most; the total says how many more matched.
SEARCH_LIMIT = 25
# A phone number is searched by its digits once the words typed hold at least this many.
PHONE_MIN_DIGITS = 3
# The segment history shows the segment at this many month ends (the last one: the as-of day).
HISTORY_MONTHS = 6

SEARCH_COLUMNS = ["customer_id", "customer", "owner_rep_id", "owner", "city", "tags", "matched"]
TIMELINE_COLUMNS = ["day", "source", "kind", "reference", "amount", "rep", "text", "resolved"]
# Within one day the timeline lists sources in this order (then each source's own order).
TIMELINE_SOURCES = ("order", "deal", "activity", "feedback")

# Current tags: each (customer, tag key) whose latest event added it.
_CURRENT_TAGS = """
    SELECT customer_id, tag, tag_key, author_user_id, author_rep_id, created_at
    FROM customer_tag_events
    QUALIFY row_number() OVER (PARTITION BY customer_id, tag_key ORDER BY seq DESC) = 1
        AND added
"""
# The latest version of each note.
_LATEST_NOTES = """
    SELECT * FROM customer_notes
    QUALIFY row_number() OVER (PARTITION BY note_id ORDER BY version DESC) = 1
"""


def scope_condition(scope: Scope) -> tuple[str, dict[str, object]]:
    """SQL (on customers aliased c) true for the customers in `scope`, and its parameters:
    check_customer's rule, for a list."""
    if scope.kind == "all":
        return "true", {}
    if scope.kind == "rep":
        sql = """(c.owner_rep_id = $scope_rep
                  OR c.customer_id IN (SELECT customer_id FROM orders WHERE rep_id = $scope_rep))"""
        return sql, {"scope_rep": scope.rep_id}
    teams = "SELECT team_id FROM team_closure WHERE ancestor_id = $scope_team"
    sql = f"""(c.owner_rep_id IN (SELECT rep_id FROM reps WHERE team_id IN ({teams}))
              OR c.customer_id IN (SELECT customer_id FROM orders WHERE team_id IN ({teams})))"""
    return sql, {"scope_team": scope.team_id}


def search(
    store: Store, scope: Scope, words: str, *, limit: int = SEARCH_LIMIT
) -> tuple[pd.DataFrame, int]:
    """Customers in `scope` matching `words` (blanks around them ignored), and how many match
    in all. A customer matches when `words`, in lower case, is part of their name, city or
    one of their current tags, also in lower case; or, when `words` holds at least
    PHONE_MIN_DIGITS digits, when those digits in a row are part of the digits of the latest
    version of one of their contact notes (so "138-0013" finds "138 0013 8000").

    Rows: customer_id, customer (name), owner_rep_id, owner (the owner's label), city, tags
    (current tags, by name, comma-joined), matched (what matched first: name, city, tag,
    phone). Order: names that start with the words first, then by name, then customer_id.
    At most `limit` rows; nothing for blank words."""
    needle = (words or "").strip().lower()
    if not needle:
        return pd.DataFrame(columns=SEARCH_COLUMNS), 0
    digits = "".join(ch for ch in needle if ch.isdigit())
    digits = digits if len(digits) >= PHONE_MIN_DIGITS else ""
    in_scope, params = scope_condition(scope)
    sql = f"""
    WITH tags AS ({_CURRENT_TAGS}),
    tag_lists AS (
        SELECT customer_id, string_agg(tag, ', ' ORDER BY tag_key) AS tags,
               bool_or(contains(tag_key, $needle)) AS tag_hit
        FROM tags GROUP BY customer_id
    ), phones AS (
        SELECT DISTINCT customer_id FROM ({_LATEST_NOTES})
        WHERE kind = 'contact' AND $digits <> ''
          AND contains(regexp_replace(text, '[^0-9]', '', 'g'), $digits)
    ), found AS (
        SELECT c.customer_id, c.name AS customer, c.owner_rep_id, rl.label AS owner, c.city,
               tl.tags,
               CASE WHEN contains(lower(c.name), $needle) THEN 'name'
                    WHEN contains(lower(coalesce(c.city, '')), $needle) THEN 'city'
                    WHEN coalesce(tl.tag_hit, false) THEN 'tag'
                    WHEN p.customer_id IS NOT NULL THEN 'phone' END AS matched,
               starts_with(lower(c.name), $needle) AS starts
        FROM customers c
        LEFT JOIN rep_labels rl ON rl.rep_id = c.owner_rep_id
        LEFT JOIN tag_lists tl ON tl.customer_id = c.customer_id
        LEFT JOIN phones p ON p.customer_id = c.customer_id
        WHERE {in_scope}
    )
    SELECT *, count(*) OVER () AS total FROM found
    WHERE matched IS NOT NULL
    ORDER BY starts DESC, customer, customer_id
    LIMIT $limit
    """
    frame = store.query(sql, {**params, "needle": needle, "digits": digits, "limit": limit})
    total = int(frame["total"].iloc[0]) if not frame.empty else 0
    frame["owner_rep_id"] = [None if pd.isna(v) else int(v) for v in frame["owner_rep_id"]]
    frame["customer_id"] = frame["customer_id"].astype("int64")
    return tidy(frame, SEARCH_COLUMNS), total


def summary(store: Store, customer_id: int, as_of: date) -> dict[str, object] | None:
    """One customer's head of file, None for an unknown customer: name, owner_rep_id, owner
    (the owner's label), owner_from (metrics.customer_owner's rule, the follow-up list's:
    'handed', 'data', 'latest_sale', or None when no rule names anyone), revenue_cents (to
    date: the net amounts of all their completed order lines dated on or before `as_of`,
    whoever sold them), revenue (the same in currency units, to the cent), orders (distinct
    orders with a completed line), first_order, last_order, city, tier."""
    sql = f"""
    WITH {owners_cte("SELECT $c::INTEGER AS customer_id")}, bought AS (
        SELECT coalesce(sum(net_amount_cents), 0)::BIGINT AS cents,
               count(DISTINCT order_id) AS orders, min(order_date) AS first_order,
               max(order_date) AS last_order
        FROM orders
        WHERE customer_id = $c AND status = 'completed' AND order_date <= $as_of
    )
    SELECT c.name, o.owner_rep_id, rl.label AS owner, o.owner_from,
           b.cents AS revenue_cents, {money("b.cents")} AS revenue, b.orders,
           b.first_order, b.last_order, c.city, c.tier
    FROM customers c CROSS JOIN bought b
    LEFT JOIN customer_owners o ON o.customer_id = c.customer_id
    LEFT JOIN rep_labels rl ON rl.rep_id = o.owner_rep_id
    WHERE c.customer_id = $c
    """
    rows = store.query(sql, {"c": customer_id, "as_of": as_of})
    if rows.empty:
        return None
    row = tidy(rows, list(rows.columns), ("first_order", "last_order")).iloc[0]
    out = {k: (None if not isinstance(v, str | date) and pd.isna(v) else v) for k, v in row.items()}
    out["revenue_cents"] = int(row["revenue_cents"])
    out["orders"] = int(row["orders"])
    out["owner_rep_id"] = None if out["owner_rep_id"] is None else int(row["owner_rep_id"])
    return out


def month_ends(as_of: date, months: int = HISTORY_MONTHS) -> list[date]:
    """`as_of` and the ends of the `months` - 1 months before it, oldest first."""
    days = [as_of]
    for _ in range(months - 1):
        days.append(days[-1].replace(day=1) - timedelta(days=1))
    return list(reversed(days))


def segment_history(
    store: Store, customer_id: int, as_of: date, *, months: int = HISTORY_MONTHS
) -> pd.DataFrame:
    """The customer's RFM segment and lifecycle stage on each of month_ends(as_of, months),
    oldest first: columns day, segment, stage. Both are metrics.segments' (customer_classes),
    judged among every customer of the company, so they are the customer's own whoever looks;
    a customer with no completed order in RFM's year has segment 'none', one with no completed
    order yet has stage 'none'."""
    rows = []
    for day in month_ends(as_of, months):
        everyone = Filters(start=day, end=day)
        found = {}
        for dimension in ("rfm_segment", "lifecycle_stage"):
            classes = dict(segments.customer_classes(store, everyone, dimension, day))
            found[dimension] = classes.get(customer_id, segments.NO_SEGMENT)
        rows.append((day, found["rfm_segment"], found["lifecycle_stage"]))
    return pd.DataFrame(rows, columns=["day", "segment", "stage"])


def timeline(store: Store, customer_id: int) -> tuple[pd.DataFrame, date | None]:
    """Orders, deals, activities and feedback (complaints among them) of one customer in one
    list, newest first, from customer_detail's queries; and the day it starts from when it
    is cut (else None).

    Each row: day, source (order, deal, activity, feedback), kind (the order's status, the
    deal's stage, the activity's kind, the feedback's kind), reference (order or deal id),
    amount (an order's completed lines; a deal's amount), rep (who logged an activity), text
    (an activity's outcome, the feedback's words), resolved (the day a feedback was resolved).
    A deal is listed on the day it closed, or, while open, the day it was created. Within one
    day: orders, deals, activities, feedback, each in customer_detail's order.

    customer_detail keeps the latest DETAIL_ORDER_LIMIT orders; when it had to cut, the other
    sources are cut at the oldest order kept too, so the list never shows a stretch with the
    orders missing."""
    detail = segments.customer_detail(store, customer_id)
    parts = []
    orders = detail["orders"]
    parts.append(pd.DataFrame({
        "day": orders["day"], "source": "order", "kind": orders["status"],
        "reference": orders["order_id"], "amount": orders["amount"],
    }))  # fmt: skip
    deals = detail["deals"]
    parts.append(pd.DataFrame({
        "day": [c if c is not None else o for c, o in zip(deals["closed"], deals["created"],
                                                          strict=True)],
        "source": "deal", "kind": deals["stage"], "reference": deals["deal_id"],
        "amount": deals["amount"],
    }))  # fmt: skip
    acts = detail["activities"]
    parts.append(pd.DataFrame({
        "day": acts["day"], "source": "activity", "kind": acts["kind"], "rep": acts["rep"],
        "text": acts["outcome"],
    }))  # fmt: skip
    fb = detail["feedback"]
    parts.append(pd.DataFrame({
        "day": fb["day"], "source": "feedback", "kind": fb["kind"], "text": fb["text"],
        "resolved": fb["resolved"],
    }))  # fmt: skip
    for i, part in enumerate(parts):
        part["_source"] = i
        part["_within"] = range(len(part))
    filled = [p for p in parts if not p.empty]
    if not filled:
        return pd.DataFrame(columns=TIMELINE_COLUMNS), None
    both = pd.concat(filled, ignore_index=True)
    since = None
    if len(orders) >= segments.DETAIL_ORDER_LIMIT:
        since = min(orders["day"])
        both = both[both["day"] >= since]
    # Newest day first; a stable sort keeps each source's own order within a day.
    both["_day"] = pd.to_datetime(both["day"])
    both = both.sort_values(
        ["_day", "_source", "_within"], ascending=[False, True, True], kind="stable"
    )
    for column in TIMELINE_COLUMNS:
        if column not in both:
            both[column] = None
    frame = both[TIMELINE_COLUMNS].reset_index(drop=True).astype(object)
    return frame.where(pd.notna(frame), None), since


NOTE_COLUMNS = [
    "note_id", "version", "kind", "text", "author_rep_id", "author", "created_at", "first_at",
]  # fmt: skip
TAG_COLUMNS = ["tag", "tag_key", "author_rep_id", "author", "created_at"]
# Who wrote: the person (rep_labels, by rep_id) when the author is one, else the account's
# display name, else nothing (sign-in off).
_AUTHOR = "coalesce(rl.label, u.display_name)"


def notes(store: Store, customer_id: int) -> pd.DataFrame:
    """The latest version of each note about the customer, newest change first (ties:
    note_id): note_id, version, kind, text, author_rep_id, author, created_at (this
    version's), first_at (version 1's)."""
    sql = f"""
    WITH latest AS ({_LATEST_NOTES}), firsts AS (
        SELECT note_id, min(created_at) AS first_at FROM customer_notes
        WHERE customer_id = $c GROUP BY note_id
    )
    SELECT n.note_id, n.version, n.kind, n.text, n.author_rep_id, {_AUTHOR} AS author,
           n.created_at, f.first_at
    FROM latest n JOIN firsts f USING (note_id)
    LEFT JOIN rep_labels rl ON rl.rep_id = n.author_rep_id
    LEFT JOIN users u ON u.user_id = n.author_user_id
    WHERE n.customer_id = $c
    ORDER BY n.created_at DESC, n.note_id
    """
    return tidy(store.query(sql, {"c": customer_id}), NOTE_COLUMNS)


def note_versions(store: Store, customer_id: int, note_id: str) -> pd.DataFrame:
    """Every version of one note, newest first: the NOTE_COLUMNS (first_at: version 1's)."""
    sql = f"""
    SELECT n.note_id, n.version, n.kind, n.text, n.author_rep_id, {_AUTHOR} AS author,
           n.created_at, min(n.created_at) OVER () AS first_at
    FROM customer_notes n
    LEFT JOIN rep_labels rl ON rl.rep_id = n.author_rep_id
    LEFT JOIN users u ON u.user_id = n.author_user_id
    WHERE n.customer_id = $c AND n.note_id = $id
    ORDER BY n.version DESC
    """
    return tidy(store.query(sql, {"c": customer_id, "id": note_id}), NOTE_COLUMNS)


def tags(store: Store, customer_id: int) -> pd.DataFrame:
    """The customer's current tags, by tag key: tag, tag_key, author_rep_id, author (who added
    it), created_at (when)."""
    sql = f"""
    SELECT t.tag, t.tag_key, t.author_rep_id, {_AUTHOR} AS author, t.created_at
    FROM ({_CURRENT_TAGS}) t
    LEFT JOIN rep_labels rl ON rl.rep_id = t.author_rep_id
    LEFT JOIN users u ON u.user_id = t.author_user_id
    WHERE t.customer_id = $c
    ORDER BY t.tag_key
    """
    return tidy(store.query(sql, {"c": customer_id}), TAG_COLUMNS)
