"""The requests the Incentives page's sections fetch, built here once, so the page can work
out the independent ones side by side before the sections draw them.

The leaderboard (with the commissions it needs), the awards and the contests read the order
lines apart; one after another they took 2.5-3 s of a first run at ten million order lines.
Each section asks for the same request again and finds it cached.
"""

from __future__ import annotations

from datetime import date

from components import cache
from metrics.filters import Filters
from metrics.requests_plans import Awards, Contests, Leaderboard, PlanStamp


def board_request(board_scope: Filters, stamp: PlanStamp, full_end: date) -> Leaderboard:
    """The leaderboard ranked by revenue attainment: the page's first board, which also
    tells whether anybody has a target (and so which KPI the board ranks by)."""
    return Leaderboard(
        filters=board_scope, stamp=stamp, choice="revenue_attainment", full_end=full_end
    )


def awards_request(scope: Filters, stamp: PlanStamp) -> Awards:
    return Awards(filters=scope, stamp=stamp)


def contests_request(scope: Filters, stamp: PlanStamp, as_of: date) -> Contests:
    return Contests(filters=scope, stamp=stamp, as_of=as_of)


def fetch_first(
    board_scope: Filters,
    scope: Filters,
    stamp: PlanStamp,
    full_end: date,
    as_of: date,
    *,
    has_plan: bool,
) -> None:
    """Work out, side by side, what the page's sections will fetch first: the board always,
    the awards and contests with a plan (the page shows them only then)."""
    requests = [board_request(board_scope, stamp, full_end)]
    if has_plan:
        requests += [awards_request(scope, stamp), contests_request(scope, stamp, as_of)]
    cache.fetch_all(requests)
