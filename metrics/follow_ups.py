"""Who should be contacted, by whom, by when: the one follow-up list (回访) of the stand-up,
the Segments page and the Follow-ups page.

The rule, in words (the README and the pages say the same):

- Customers on the list: everyone who bought (a completed order line) in the 365 days up to
  the day asked about, company-wide; their value tier and RFM segment come from the same
  company-wide RFM (metrics.segments), so a customer's tier does not change with who reads it.
- Value tier and contact rhythm: "key" (RFM monetary score 5, the top fifth by revenue)
  every 14 days; "growth" (score 3 or 4) every 30 days; "standard" (score 1 or 2) every 60.
- Last contact: the latest of any order (any status), won deal (its close day), logged activity
  (a call, visit, message or meeting, by anyone) or follow-up marked done, on or before the day.
- Due date: last contact + the rhythm; replaced by the next contact date when the latest
  contact set one (an activity's next follow-up date); brought forward to the day after the
  first complaint still open that came on or after the last contact; replaced by a snooze's
  until-date when the latest snooze came on or after the last contact. Never earlier than two
  days after the last contact: a customer contacted yesterday is not due today.
- Due when the due date is on or before the day; overdue by (day - due date) whole days.
- Owner: the person the follow-up was last reassigned to, else the customer's owner rep
  (customers.owner_rep_id), else the rep of their latest order or won deal (ties on one day:
  the lowest rep_id).
- Whose list: a customer is on the list of their owner; a reader sees the owners in their scope
  (and in the team or person filter). The period and the other filters do not change it, so
  the same person gets the same list on every page.
- Best first: overdue before due today, then the larger revenue over the 365 days, then the
  longer overdue, then customer_id.

Actions undone (data/follow_ups.py) do not count anywhere here.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from data.store import Store
from metrics import segments
from metrics.customer_owner import latest_orders_rolled, owners_cte
from metrics.filters import Filters
from metrics.list_queries import money as _money
from metrics.list_queries import tidy as _tidy
from metrics.scope import ALL, Scope, reps_in

# (tier, RFM monetary scores in it, days between contacts), best tier first.
TIERS: tuple[tuple[str, frozenset[int], int], ...] = (
    ("key", frozenset({5}), 14),
    ("growth", frozenset({3, 4}), 30),
    ("standard", frozenset({1, 2}), 60),
)
RHYTHM_DAYS = {name: days for name, _, days in TIERS}
# A customer is never due sooner than this many days after their last contact.
MIN_GAP_DAYS = 2

COLUMNS = [
    "customer_id", "customer", "owner_rep_id", "owner", "tier", "segment", "revenue_12m",
    "last_contact", "days_since_contact", "due", "overdue_days", "reason", "open_complaints",
    "open_complaint", "last_order", "last_order_amount", "open_deal_stage", "open_deal_amount",
]  # fmt: skip
DATES = ("last_contact", "due", "last_order")


def tier_of(monetary_score: int) -> str:
    """The value tier of an RFM monetary score (1-5)."""
    for name, scores, _ in TIERS:
        if monetary_score in scores:
            return name
    raise ValueError(f"no tier for monetary score {monetary_score}")


def due_date(
    last_contact: date,
    rhythm_days: int,
    *,
    planned: date | None = None,
    complaint_since: date | None = None,
    snoozed_until: date | None = None,
) -> tuple[date, str]:
    """The due date and why: 'rhythm', 'planned', 'complaint' or 'snoozed' (see the module's
    rule). The arguments given must already be the ones that still count (set on or after the
    last contact). One customer's `due_dates`."""
    one = pd.DataFrame(
        {
            "last_contact": [last_contact],
            "rhythm_days": [rhythm_days],
            "planned": [planned],
            "complaint_since": [complaint_since],
            "snoozed_until": [snoozed_until],
        }
    )
    due, reason = due_dates(one)
    return pd.Timestamp(due[0]).date(), str(reason[0])


def _days(column: pd.Series) -> np.ndarray:
    """A column of dates (date objects, Timestamps or None) as datetime64[D]; None is NaT."""
    return pd.to_datetime(column).to_numpy().astype("datetime64[D]")


def due_dates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The module's due-date rule for every row of `frame` at once (columns last_contact,
    rhythm_days, planned, complaint_since, snoozed_until; the last three may be missing per
    row): the due dates (datetime64[D]) and why ('rhythm', 'planned', 'complaint', 'snoozed')."""
    last = _days(frame["last_contact"])
    planned, complaint = _days(frame["planned"]), _days(frame["complaint_since"])
    snoozed = _days(frame["snoozed_until"])
    due = last + frame["rhythm_days"].to_numpy().astype("timedelta64[D]")
    reason = np.full(len(frame), "rhythm", dtype=object)
    has_plan = ~np.isnat(planned)
    due, reason = np.where(has_plan, planned, due), np.where(has_plan, "planned", reason)
    after_complaint = complaint + np.timedelta64(1, "D")
    sooner = ~np.isnat(complaint) & (after_complaint < due)
    due, reason = np.where(sooner, after_complaint, due), np.where(sooner, "complaint", reason)
    has_snooze = ~np.isnat(snoozed)
    due, reason = np.where(has_snooze, snoozed, due), np.where(has_snooze, "snoozed", reason)
    return np.maximum(due, last + np.timedelta64(MIN_GAP_DAYS, "D")), reason


_IN_IDS = " WHERE customer_id IN (SELECT customer_id FROM ids)"
# The arg_max key of the latest activity: the latest day, then the highest activity_id, as one
# HUGEINT (days since 1970, then the id, which any BIGINT fits beside): half the time of an
# (activity_date, activity_id) pair over a million activities.
_LATEST_ACTIVITY = (
    "CAST(activity_date - DATE '1970-01-01' AS HUGEINT) * 18446744073709551616 + activity_id"
)
# Each customer's last completed order day, that day's highest order_id and the order's
# completed amount, from the rows, in plain steps (an arg_max keyed on (day, order_id) takes
# twice as long over ten million lines).
_LAST_ORDERS = """last_days AS (
    SELECT customer_id, max(order_date) AS last_order
    FROM orders WHERE order_date <= $as_of AND status = 'completed'
      AND customer_id IN (SELECT customer_id FROM ids)
    GROUP BY customer_id
), last_ids AS (
    SELECT o.customer_id, max(o.order_id) AS order_id, d.last_order
    FROM orders o
    JOIN last_days d ON d.customer_id = o.customer_id AND o.order_date = d.last_order
    WHERE o.status = 'completed'
    GROUP BY o.customer_id, d.last_order
), last_orders AS (
    SELECT i.customer_id, i.order_id, i.last_order, sum(o.net_amount_cents) AS cents
    FROM last_ids i JOIN orders o ON o.order_id = i.order_id AND o.status = 'completed'
    GROUP BY i.customer_id, i.order_id, i.last_order
)"""


def _facts_sql(rolled: bool) -> str:
    """The facts as of $as_of of every customer on the list: those the company's RFM scores
    at $as_of ($window_start: segments.rfm_window_start). `rolled` reads their latest orders
    (and who they are) from the rollup (data.rollups), exactly what the rows give when $as_of
    is on or after every order; else from the rows."""
    if rolled:
        # The last completed day of each customer with one, none of them after $as_of.
        customers = """SELECT customer_id FROM customer_firsts
    WHERE customer_id IS NOT NULL AND last_day >= $window_start"""
        order_touches = "SELECT customer_id, last_touch_day FROM customer_firsts" + _IN_IDS
        last_orders = f"""last_orders AS (
    SELECT customer_id, last_order_id AS order_id, last_day AS last_order,
           last_order_cents AS cents
    FROM customer_firsts WHERE {_IN_IDS.removeprefix(" WHERE ")}
)"""
    else:
        customers = segments.company_rfm_customers_sql()
        order_touches = "SELECT customer_id, order_date FROM orders WHERE order_date <= $as_of"
        order_touches += _IN_IDS.replace(" WHERE ", " AND ")
        last_orders = _LAST_ORDERS
    # Every customer here bought on or after $window_start: no earlier won deal is their latest.
    owners = owners_cte("SELECT customer_id FROM ids", rolled=rolled, sales_from="$window_start")
    return f"""
WITH ids AS MATERIALIZED (
    -- once: inlined, each read below that asks for them would find them again
    {customers}
), live AS (
    -- follow-up actions that count: on or before the day, and not undone
    SELECT a.* FROM follow_up_actions a
    WHERE a.kind <> 'undo' AND a.action_day <= $as_of
      AND NOT EXISTS (SELECT 1 FROM follow_up_actions u WHERE u.undoes = a.action_id)
), touches AS (
    -- Every customer here bought on or after $window_start, and a sale is a contact, so no
    -- contact before it can be the last: activities and deals are read from it on (a third of
    -- the activities at ten million order lines). The few customers not in ids drop out at
    -- the join below; asking for ids here cost more than it saved.
    SELECT customer_id, activity_date AS day FROM activities
    WHERE activity_date BETWEEN $window_start AND $as_of
    UNION ALL
    {order_touches}
    UNION ALL
    SELECT customer_id, closed_date FROM deals
    WHERE stage = 'won' AND closed_date BETWEEN $window_start AND $as_of
      AND customer_id IN (SELECT customer_id FROM ids)
    UNION ALL
    SELECT customer_id, action_day FROM live WHERE kind = 'done'
), contacts AS (
    SELECT customer_id, max(day) AS last_contact FROM touches GROUP BY customer_id
), {owners}, plans AS (
    -- The latest activity's next follow-up date, with the day it was set. A plan counts only
    -- when set on or after the last contact, itself on or after $window_start (above): an
    -- earlier latest plan would not count, so the activities are read from that day on.
    SELECT customer_id, arg_max(next_follow_up_date, {_LATEST_ACTIVITY}) AS planned,
           max(activity_date) AS planned_on
    FROM activities
    WHERE activity_date BETWEEN $window_start AND $as_of AND next_follow_up_date IS NOT NULL
    GROUP BY customer_id
), snoozes AS (
    SELECT customer_id, arg_max(next_date, action_id) AS until,
           arg_max(action_day, action_id) AS snoozed_on
    FROM live WHERE kind = 'snooze' GROUP BY customer_id
), complaints AS (
    SELECT customer_id, feedback_date, feedback_id, text FROM feedback
    WHERE kind = 'complaint' AND feedback_date <= $as_of
      AND (resolved_date IS NULL OR resolved_date > $as_of)
      AND customer_id IN (SELECT customer_id FROM ids)
), complaint_counts AS (
    -- grouped once, not looked up per customer (a correlated subquery for each of the three
    -- took a tenth of the query)
    SELECT customer_id, count(*) AS open_complaints,
           arg_max(text, (feedback_date, feedback_id)) AS open_complaint
    FROM complaints GROUP BY customer_id
), complaints_since AS (
    -- the first complaint still open that came on or after the last contact
    SELECT k.customer_id, min(k.feedback_date) AS complaint_since
    FROM complaints k JOIN contacts c ON c.customer_id = k.customer_id
    WHERE k.feedback_date >= c.last_contact
    GROUP BY k.customer_id
), {last_orders}, open_deals AS (
    SELECT customer_id, arg_max(stage, (created_date, deal_id)) AS stage,
           arg_max(amount_cents, (created_date, deal_id)) AS amount_cents
    FROM deals
    WHERE created_date <= $as_of AND (closed_date IS NULL OR closed_date > $as_of)
      AND customer_id IN (SELECT customer_id FROM ids)
    GROUP BY customer_id
)
SELECT i.customer_id, cu.name AS customer,
       o.owner_rep_id,
       owner.name AS owner, owner.team_id AS owner_team_id, owner.leave_date AS owner_left,
       c.last_contact,
       CASE WHEN p.planned_on >= c.last_contact THEN p.planned END AS planned,
       CASE WHEN s.snoozed_on >= c.last_contact THEN s.until END AS snoozed_until,
       ks.complaint_since, coalesce(kc.open_complaints, 0) AS open_complaints,
       kc.open_complaint,
       lo.last_order,
       {_money("lo.cents")} AS last_order_amount,
       d.stage AS open_deal_stage, {_money("d.amount_cents")} AS open_deal_amount
FROM ids i
JOIN contacts c ON c.customer_id = i.customer_id
LEFT JOIN customers cu ON cu.customer_id = i.customer_id
LEFT JOIN customer_owners o ON o.customer_id = i.customer_id
LEFT JOIN reps owner ON owner.rep_id = o.owner_rep_id
LEFT JOIN plans p ON p.customer_id = i.customer_id
LEFT JOIN complaint_counts kc ON kc.customer_id = i.customer_id
LEFT JOIN complaints_since ks ON ks.customer_id = i.customer_id
LEFT JOIN snoozes s ON s.customer_id = i.customer_id
LEFT JOIN last_orders lo ON lo.customer_id = i.customer_id
LEFT JOIN open_deals d ON d.customer_id = i.customer_id
"""


def _day(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _teams_under(store: Store, team_id: int) -> set[int]:
    rows = store.rows(
        "SELECT team_id FROM team_closure WHERE ancestor_id = $t", {"t": team_id}
    )  # fmt: skip
    return {int(r[0]) for r in rows}


def company_filters(as_of: date) -> Filters:
    """The whole company at `as_of`: the list's RFM tiers rank every customer, not a scope's."""
    return Filters(start=as_of, end=as_of)


def company_facts(store: Store, as_of: date, *, rollups: bool | None = None) -> pd.DataFrame:
    """The facts as of `as_of` (last contact, plan, snooze, complaints, last order, open deal,
    owner) of every customer the company's RFM scores at `as_of` rank: one query, which
    depends on no score, so it can run beside them. `rollups` False forces the rows, True the
    rollup unchecked (tests); None decides (customer_owner.latest_orders_rolled)."""
    rolled = latest_orders_rolled(store, as_of) if rollups is None else rollups
    window_start = segments.rfm_window_start(as_of)
    return store.query(_facts_sql(rolled), {"as_of": as_of, "window_start": window_start})


def everyone(
    store: Store,
    as_of: date,
    scores: pd.DataFrame | None = None,
    *,
    rollups: bool | None = None,
    facts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every customer on the list (bought in the 365 days up to `as_of`) with their due date,
    due or not, in COLUMNS plus owner_team_id and owner_left; unsorted. `scores`: the
    company's segments.rfm_ranks (or rfm_scores) at `as_of`, and `facts` its company_facts,
    when the caller has them already. `rollups`: see company_facts."""
    if scores is None:
        scores = segments.rfm_ranks(store, company_filters(as_of), as_of)
    if scores.empty:
        return pd.DataFrame(columns=[*COLUMNS, "owner_team_id", "owner_left", "revenue_cents"])
    if facts is None:
        facts = company_facts(store, as_of, rollups=rollups)
    # The same customers as the scores' (every buyer has an order, so a last contact): a
    # list that drifted from the scores would rank some customers by nobody's tier.
    assert len(facts) == len(scores), (len(facts), len(scores))
    # Every customer here bought, and an order is a contact: each has a last contact.
    assert not facts["last_contact"].isna().any()
    # only the columns read below: reindexing the names too took a fifth of this function
    ranked = scores.set_index("customer_id")[["m", "segment", "monetary_cents"]]
    ranked = ranked.reindex(facts["customer_id"].astype("int64"))
    # Each score's tier and rhythm looked up by position (a dict map over 175,000 customers
    # took 0.15 s at ten million order lines).
    scores_in_use = ranked["m"].to_numpy(dtype="int64")
    tier_by_score = np.array([None, *(tier_of(m) for m in range(1, 6))], dtype=object)
    tier = tier_by_score[scores_in_use]
    # The tier, segment and reason columns hold a handful of words shared by every row: kept
    # as those objects (_words), not turned into 175,000 new strings, which pandas does to an
    # array of words it is given (0.19 s of this function at ten million order lines).
    rows = facts.assign(
        tier=_words(tier, facts.index),
        rhythm_days=np.array([0, *(RHYTHM_DAYS[t] for t in tier_by_score[1:])])[scores_in_use],
        segment=_words(ranked["segment"].to_numpy(), facts.index),
        revenue_cents=ranked["monetary_cents"].astype("int64").to_numpy(),
    )
    due, reason = due_dates(rows)
    today = np.datetime64(as_of, "D")
    last = _days(rows["last_contact"])
    frame = rows.assign(
        revenue_12m=rows["revenue_cents"] / 100,
        days_since_contact=(today - last).astype("int64"),
        due=due.astype(object),  # datetime.date, as a one-row rule gives
        overdue_days=(today - due).astype("int64"),
        reason=_words(reason, rows.index),
    )[[*COLUMNS, "owner_team_id", "owner_left", "revenue_cents"]].reset_index(drop=True)
    frame["customer_id"] = frame["customer_id"].astype("int64")
    for column in ("owner_rep_id", "owner_team_id"):
        frame[column] = frame[column].astype("Int64")
    frame["open_complaints"] = frame["open_complaints"].fillna(0).astype("int64")
    return frame


def _words(values: np.ndarray, index: pd.Index) -> pd.Series:
    """A column of a few words (a tier, a segment, a reason) as the Python strings given."""
    return pd.Series(values, index=index, dtype=object)


def due_list(
    store: Store,
    as_of: date,
    *,
    scope: Scope = ALL,
    team_id: int | None = None,
    rep_id: int | None = None,
    hide_leavers: bool = False,
    listed: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The follow-ups due on or before `as_of` whose owner is in `scope` (and in `team_id`'s
    team or groups, and is `rep_id`, when given; with `hide_leavers`, not gone by `as_of`),
    best first (see the module's rule). Columns: COLUMNS. `listed`: everyone(store, as_of)
    when the caller has it already."""
    frame = everyone(store, as_of) if listed is None else listed
    frame = frame[frame["overdue_days"] >= 0]
    people = reps_in(store, scope)
    owners = frame["owner_rep_id"]
    keep = pd.Series(True, index=frame.index)
    if people is not None:
        keep &= owners.isin(list(people)).fillna(False).astype(bool)
    if rep_id is not None:
        keep &= (owners == rep_id).fillna(False).astype(bool)
    if team_id is not None:
        keep &= frame["owner_team_id"].isin(list(_teams_under(store, team_id)))
        keep = keep.fillna(False).astype(bool)
    if hide_leavers:
        left = frame["owner_left"].map(_day)
        keep &= left.map(lambda d: d is None or d > as_of).astype(bool)
    frame = frame[keep]
    # from the kept rows: assigning a Series to an empty frame would take the Series' index
    frame = frame.assign(_overdue=frame["overdue_days"] > 0)
    frame = frame.sort_values(
        ["_overdue", "revenue_cents", "overdue_days", "customer_id"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    return _tidy(frame.reset_index(drop=True), COLUMNS, DATES)


DUE_BY_OWNER_COLUMNS = ["owner_rep_id", "owner", "due", "overdue"]


def due_by_owner(due: pd.DataFrame) -> pd.DataFrame:
    """Per owner of a due list (due_list's columns; rows without an owner left out): how many
    are due and how many of those overdue, most due first, then by the owner's name, then in
    the list's order. Columns DUE_BY_OWNER_COLUMNS. One grouping for the whole company's list
    (1,300 owners at ten million order lines), not a frame per owner."""
    owned = due.dropna(subset=["owner_rep_id"])
    counts = (
        owned.assign(_late=owned["overdue_days"] > 0)
        .groupby("owner_rep_id", sort=False)
        .agg(owner=("owner", "first"), due=("owner", "size"), overdue=("_late", "sum"))
        .reset_index()
    )
    counts = counts.assign(_most=-counts["due"], _name=counts["owner"].astype(str))
    counts = counts.sort_values(["_most", "_name"], kind="stable")
    counts[["due", "overdue"]] = counts[["due", "overdue"]].astype("int64")
    return counts[DUE_BY_OWNER_COLUMNS].reset_index(drop=True)
