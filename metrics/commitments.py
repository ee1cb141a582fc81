"""Reads of stand-up commitments (issue 20): today's, the previous stand-up day's with whether
each was done, and one person's over a review period.

Whose: the people in the filters' team (their team today, with every group below it), their
channel and person when chosen, and the user's scope (metrics.scope.reps_in). Done: the
commitment's latest event (data.commitments); never ticked means not done.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.store import Store
from metrics.filters import Filters
from metrics.list_queries import tidy
from metrics.scope import ALL, Scope, reps_in

COLUMNS = [
    "commitment_id", "standup_day", "rep_id", "rep", "what", "due_date", "customer_id",
    "customer", "deal_id", "done", "created_at",
]  # fmt: skip

_SELECT = """
    SELECT c.commitment_id, c.standup_day, c.rep_id, coalesce(l.label, r.name) AS rep, c.what,
           c.due_date, c.customer_id, cu.name AS customer, c.deal_id,
           coalesce(e.done, false) AS done, c.created_at
    FROM commitments c
    JOIN reps r ON r.rep_id = c.rep_id
    LEFT JOIN rep_labels l ON l.rep_id = c.rep_id
    LEFT JOIN customers cu ON cu.customer_id = c.customer_id
    LEFT JOIN (
        SELECT commitment_id, arg_max(done, seq) AS done FROM commitment_events
        GROUP BY commitment_id
    ) e ON e.commitment_id = c.commitment_id"""
_ORDER = "ORDER BY c.standup_day, c.created_at, c.commitment_id"


def _people(store: Store, filters: Filters) -> list[int] | None:
    """The rep_ids the stand-up's filters cover; None: everyone."""
    allowed = reps_in(store, filters.scope)
    if filters.team_id is None and filters.rep_id is None and filters.channel is None:
        return None if allowed is None else sorted(allowed)
    rows = store.rows(
        """
        SELECT r.rep_id FROM reps r
        WHERE ($team_id IS NULL OR r.team_id IN
                 (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id))
          AND ($rep_id IS NULL OR r.rep_id = $rep_id)
          AND ($channel IS NULL OR r.team_id IN (
                 SELECT tc.team_id FROM team_closure tc JOIN teams t ON t.team_id = tc.ancestor_id
                 WHERE t.channel = $channel))
        """,
        {"team_id": filters.team_id, "rep_id": filters.rep_id, "channel": filters.channel},
    )
    chosen = {int(r) for (r,) in rows}
    return sorted(chosen if allowed is None else chosen & allowed)


def _frame(store: Store, sql: str, params: dict[str, object]) -> pd.DataFrame:
    frame = store.query(sql, params)
    frame["done"] = frame["done"].astype(bool)
    return tidy(frame, COLUMNS, ("standup_day", "due_date"))


def on_day(store: Store, filters: Filters, day: date) -> pd.DataFrame:
    """The commitments recorded at the stand-up of `day` for the people in scope."""
    people = _people(store, filters)
    sql = f"""{_SELECT}
    WHERE c.standup_day = $day AND ($all OR list_contains($people, c.rep_id))
    {_ORDER}"""
    return _frame(store, sql, {"day": day, "all": people is None, "people": people or []})


def previous_day(store: Store, filters: Filters, day: date) -> date | None:
    """The previous stand-up day: the latest day before `day` on which commitments were
    recorded for the people in scope (a weekend or a day without a stand-up is skipped)."""
    people = _people(store, filters)
    return store.scalar(
        "SELECT max(standup_day) FROM commitments"
        " WHERE standup_day < $day AND ($all OR list_contains($people, rep_id))",
        {"day": day, "all": people is None, "people": people or []},
    )


def of_person(
    store: Store, rep_id: int, start: date, end: date, scope: Scope = ALL
) -> pd.DataFrame:
    """One person's commitments recorded or due within [start, end], oldest first."""
    allowed = reps_in(store, scope)
    if allowed is not None and rep_id not in allowed:
        return pd.DataFrame(columns=COLUMNS)
    sql = f"""{_SELECT}
    WHERE c.rep_id = $rep_id
      AND (c.standup_day BETWEEN $start AND $end OR c.due_date BETWEEN $start AND $end)
    {_ORDER}"""
    return _frame(store, sql, {"rep_id": rep_id, "start": start, "end": end})


# The customers and open deals the form offers: those of the people in scope on the day.
_CUSTOMERS_OF_PEOPLE = "($all OR list_contains($people, owner_rep_id))"
_OPEN_DEALS = (
    "d.stage NOT IN ('won', 'lost') AND d.created_date <= $day"
    " AND ($all OR list_contains($people, d.rep_id))"
)
TYPED_MATCHES = 5  # customers named when a typed name fits several


def typed_customer(store: Store, filters: Filters, words: str) -> pd.DataFrame:
    """The customers the form offers (see choices) whose name is `words` (upper and lower
    case alike, blanks around it ignored) or whose number is `words` (with or without "#"):
    customer_id, customer, by name then number; at most TYPED_MATCHES + 1 rows."""
    people = _people(store, filters)
    typed = words.strip()
    number = typed.removeprefix("#").strip()
    frame = store.query(
        f"SELECT customer_id, name AS customer FROM customers WHERE {_CUSTOMERS_OF_PEOPLE}"
        " AND (lower(name) = lower($typed) OR CAST(customer_id AS VARCHAR) = $number)"
        f" ORDER BY customer, customer_id LIMIT {TYPED_MATCHES + 1}",
        {"all": people is None, "people": people or [], "typed": typed, "number": number},
    )
    return tidy(frame, ["customer_id", "customer"])


def typed_deal(store: Store, filters: Filters, day: date, words: str) -> pd.DataFrame:
    """The open deal the form offers (see choices) whose id is `words` (upper and lower case
    alike, blanks around it ignored): deal_id, customer; none or one row."""
    people = _people(store, filters)
    frame = store.query(
        "SELECT d.deal_id, cu.name AS customer FROM deals d"
        f" LEFT JOIN customers cu ON cu.customer_id = d.customer_id WHERE {_OPEN_DEALS}"
        " AND lower(d.deal_id) = lower($typed) ORDER BY d.deal_id LIMIT 1",
        {"day": day, "all": people is None, "people": people or [], "typed": words.strip()},
    )
    return tidy(frame, ["deal_id", "customer"])


def _listed(
    store: Store, sql: str, order: str, params: dict[str, object], limit: int | None
) -> pd.DataFrame:
    """The rows of `sql` in `order`; with `limit`, at most that many, in no order when there
    are that many (the query stops at the limit instead of sorting every row first)."""
    if limit is not None:
        first = store.query(f"{sql} LIMIT {int(limit)}", params)
        if len(first) >= limit:
            return first
    return store.query(f"{sql} ORDER BY {order}", params)


def choices(
    store: Store, filters: Filters, day: date, limit: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """What the stand-up's form offers: the people in scope still there on `day` (no
    placeholder), by label: rep_id, rep; their customers (owned by one of them), by name:
    customer_id, customer; their open deals: deal_id, customer. `limit`: at most that many
    customers and deals (a form asks for one more than it can offer, to know); when there are
    that many, they come in no order: the form lists none of them then (it takes typed words),
    so 200,000 names are not sorted to be thrown away (60 ms of the stand-up's first run)."""
    people = _people(store, filters)
    params = {"day": day, "all": people is None, "people": people or []}
    reps = store.query(
        "SELECT r.rep_id, coalesce(l.label, r.name) AS rep FROM reps r"
        " LEFT JOIN rep_labels l ON l.rep_id = r.rep_id"
        " WHERE ($all OR list_contains($people, r.rep_id))"
        " AND (r.leave_date IS NULL OR r.leave_date > $day) AND r.hire_date <= $day"
        " AND r.rep_id NOT IN (SELECT rep_id FROM placeholder_reps)"
        " ORDER BY rep, r.rep_id",
        params,
    )
    customers = _listed(
        store,
        f"SELECT customer_id, name AS customer FROM customers WHERE {_CUSTOMERS_OF_PEOPLE}",
        "customer, customer_id",
        {"all": people is None, "people": people or []},
        limit,
    )
    deals = _listed(
        store,
        "SELECT d.deal_id, cu.name AS customer FROM deals d"
        f" LEFT JOIN customers cu ON cu.customer_id = d.customer_id WHERE {_OPEN_DEALS}",
        "d.deal_id",
        params,
        limit,
    )
    return (
        tidy(reps, ["rep_id", "rep"]),
        tidy(customers, ["customer_id", "customer"]),
        tidy(deals, ["deal_id", "customer"]),
    )
