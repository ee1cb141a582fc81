"""Requests of the follow-up list (see metrics.requests and metrics.follow_ups). Who is due
depends on the day, the reader's scope and the person or team asked about, never on the
period, so these carry no Filters: the same person's list is one cache entry everywhere."""

from __future__ import annotations

from datetime import date
from typing import Self

import pandas as pd

from data import follow_ups as writes
from data.store import Store
from metrics import follow_ups
from metrics.filters import Filters
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_rep, reps_in

PEOPLE_COLUMNS = ["rep_id", "name", "team", "due"]


class FollowUpList(Request):
    """The follow-ups due on `as_of` for the owners in scope (narrowed to a team or a person
    when given), best first (metrics.follow_ups.due_list)."""

    as_of: date
    scope: Scope = ALL
    team_id: int | None = None
    rep_id: int | None = None
    hide_leavers: bool = False

    @classmethod
    def for_filters(cls, filters: Filters, as_of: date) -> Self:
        """The list for the people a page's filters name (their scope, team, person and
        leavers; the period and the other filters do not change who is due): Segments' list is
        the Follow-ups page's, one cache entry for both."""
        return cls(
            as_of=as_of, scope=filters.scope, team_id=filters.team_id, rep_id=filters.rep_id,
            hide_leavers=filters.hide_leavers,
        )  # fmt: skip

    def run(self, store: Store) -> pd.DataFrame:
        if self.rep_id is not None:
            check_rep(store, self.scope, self.rep_id)
        return follow_ups.due_list(
            store,
            self.as_of,
            scope=self.scope,
            team_id=self.team_id,
            rep_id=self.rep_id,
            hide_leavers=self.hide_leavers,
        )


class FollowUpPeople(Request):
    """The people in scope still with the company on `as_of` (not left by then), with how
    many follow-ups each has due: rep_id, name, team, due; most due first, then name."""

    as_of: date
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        people = store.query(
            "SELECT r.rep_id, r.name, t.name AS team FROM reps r"
            " LEFT JOIN teams t ON t.team_id = r.team_id"
            " WHERE r.leave_date IS NULL OR r.leave_date > $as_of"
            " ORDER BY r.name, r.rep_id",
            {"as_of": self.as_of},
        )
        allowed = reps_in(store, self.scope)
        if allowed is not None:
            people = people[people["rep_id"].isin(list(allowed))]
        due = follow_ups.due_list(store, self.as_of, scope=self.scope)
        counts = due["owner_rep_id"].value_counts()
        people = people.assign(
            due=[int(counts.get(r, 0)) for r in people["rep_id"]],
            rep_id=people["rep_id"].astype("int64"),
        )
        people = people.sort_values(["due", "name", "rep_id"], ascending=[False, True, True])
        return people[PEOPLE_COLUMNS].reset_index(drop=True)


class LastFollowUpAction(Request):
    """The user's latest follow-up action not undone (what Undo reverses): action_id, kind,
    customer_id, customer; None when there is none. user_id None: no one signed in."""

    user_id: int | None

    def run(self, store: Store) -> dict[str, object] | None:
        landed = writes.last_action(store, self.user_id)
        if landed is None:
            return None
        name = store.scalar(
            "SELECT name FROM customers WHERE customer_id = $c", {"c": landed.customer_id}
        )
        return {
            "action_id": landed.action_id,
            "kind": landed.kind,
            "customer_id": landed.customer_id,
            "customer": name,
        }
