"""Everything the stand-up screen shows, gathered in one call.

The screen needs a dozen small queries; they are independent, so they run side by side on
their own cursors (DuckDB releases the GIL while it works), and the page caches the whole
result once per data change. Today's follow-up list is not among them: the screen fetches
the Follow-ups page's own cached list (metrics.requests_follow_ups.FollowUpList), so the two
pages and Segments work it out once between them. Nor are the two parts that read contacts
(contact_parts): who needs help (each person's last activity) and the customers at risk
(named by their owner, whom a reassignment on the Follow-ups page changes). A logged call
then works out only those again.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from data.store import Store
from metrics import service, standup, standup_help, team_board
from metrics.filters import Filters
from metrics.periods import unit_end, unit_start

DAY_KPIS = ("revenue", "orders", "won_deals", "new_customers")
_WORKERS = 4  # enough to keep two cores busy while some queries wait on others


@dataclass(frozen=True)
class StandupData:
    """The screen's numbers for one scope and as-of day; `day` is None when nothing sold."""

    day: date | None
    since: date | None = None  # the first day after the previous working day
    days: pd.DataFrame = field(default_factory=pd.DataFrame)  # DAY_KPIS per day, a week back
    month_so_far: dict[str, float | None] = field(default_factory=dict)
    month_whole: dict[str, float | None] = field(default_factory=dict)
    board: pd.DataFrame = field(default_factory=pd.DataFrame)
    lists: dict[str, pd.DataFrame] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)  # rep_id -> label, for owners


def standup_data(store: Store, filters: Filters, as_of: date) -> StandupData:
    """The last working day on or before `as_of`, and everything shown about it."""
    day = standup.last_working_day(store, filters, as_of)
    if day is None:
        return StandupData(day=None)
    previous = standup.previous_working_day(store, filters, day)
    since = previous + timedelta(days=1) if previous else day
    first, last = unit_start(day, "month"), unit_end(day, "month")
    jobs = {
        "days": lambda: service.trend(
            store, DAY_KPIS, filters.with_dates(day - timedelta(days=7), day), "day"
        ),
        "so_far": lambda: service.values(
            store, ("revenue",), filters.with_dates(first, day), with_targets=True
        ),
        "whole": lambda: service.values(
            store, ("revenue",), filters.with_dates(first, last), with_targets=True
        ),
        "board": lambda: team_board.rep_board(store, filters, day),
        "wins": lambda: standup.wins(store, filters, since, day),
        "new_complaints": lambda: standup.new_complaints(store, filters, since, day),
        "overdue_complaints": lambda: standup.overdue_complaints(store, filters, day),
        "reps_behind_pace": lambda: standup.reps_behind_pace(store, filters, day),
        "labels": lambda: standup_help.rep_labels(store),
    }
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        results = {name: future.result() for name, future in futures.items()}
    list_names = (
        "wins", "new_complaints", "overdue_complaints", "reps_behind_pace",
    )  # fmt: skip
    return StandupData(
        day=day,
        since=since,
        days=results["days"],
        month_so_far=results["so_far"],
        month_whole=results["whole"],
        board=results["board"],
        lists={name: results[name] for name in list_names},
        labels=results["labels"],
    )


@dataclass(frozen=True)
class StandupContacts:
    """The stand-up's parts that read contacts (activities, follow-up actions)."""

    # The board's people with their reasons for help, in order (metrics.standup_help).
    help: pd.DataFrame
    customers_at_risk: pd.DataFrame  # metrics.standup.customers_at_risk, by their owners


def contact_parts(store: Store, filters: Filters, data: StandupData) -> StandupContacts:
    """Who needs help and the customers at risk on the screen's day (`data`, standup_data's
    answer for the same filters), side by side on their own cursors."""
    if data.day is None:
        return StandupContacts(
            help=pd.DataFrame(columns=standup_help.HELP_COLUMNS),
            customers_at_risk=pd.DataFrame(),
        )
    day = data.day
    with ThreadPoolExecutor(max_workers=2) as pool:
        activity = pool.submit(standup_help.last_activity, store, filters, day)
        at_risk = pool.submit(standup.customers_at_risk, store, filters, day)
        help_frame = standup_help.needs_help(
            data.board, activity.result(), data.lists["overdue_complaints"], day
        )
        return StandupContacts(help=help_frame, customers_at_risk=at_risk.result())
