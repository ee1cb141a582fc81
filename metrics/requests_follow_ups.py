"""Requests of the follow-up list (see metrics.requests and metrics.follow_ups). Who is due
depends on the day, the reader's scope and the person or team asked about, never on the
period, so these carry no Filters: the same person's list is one cache entry everywhere."""

from __future__ import annotations

from datetime import date
from typing import Any, Self

import pandas as pd

from data import follow_ups as writes
from data.store import Store
from data.table_versions import ORDER_HISTORY
from metrics import follow_ups, segments
from metrics.filters import Filters
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_rep, reps_in

PEOPLE_COLUMNS = ["rep_id", "name", "team", "due"]


class CompanyRfmScores(Request):
    """The whole company's RFM scores at `as_of`, without names (segments.rfm_ranks), which
    rank the follow-up list's tiers: cached on their own, they outlive a logged call."""

    as_of: date

    def reads(self) -> frozenset[str]:
        return ORDER_HISTORY

    def run(self, store: Store) -> pd.DataFrame:
        return segments.rfm_ranks(store, follow_ups.company_filters(self.as_of), self.as_of)


class CompanyFollowUpFacts(Request):
    """Each listed customer's facts at `as_of` (follow_ups.company_facts): they need no
    score, so they are worked out beside the RFM scores (components.cache fetches a request's
    needs side by side)."""

    as_of: date

    def run(self, store: Store) -> pd.DataFrame:
        return follow_ups.company_facts(store, self.as_of)


class CompanyFollowUps(Request):
    """Every customer on the company's list at `as_of`, due or not (follow_ups.everyone),
    ranked by the cached company RFM scores: the one facts query every narrower list and
    count is cut from."""

    as_of: date

    def needs(self) -> tuple[Request, ...]:
        return (CompanyRfmScores(as_of=self.as_of), CompanyFollowUpFacts(as_of=self.as_of))

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (None, None))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        scores, facts = needed
        return follow_ups.everyone(store, self.as_of, scores, facts=facts)


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

    def needs(self) -> tuple[Request, ...]:
        return (CompanyFollowUps(as_of=self.as_of),)

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (CompanyFollowUps(as_of=self.as_of).run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        if self.rep_id is not None:
            check_rep(store, self.scope, self.rep_id)
        return follow_ups.due_list(
            store,
            self.as_of,
            scope=self.scope,
            team_id=self.team_id,
            rep_id=self.rep_id,
            hide_leavers=self.hide_leavers,
            listed=needed[0],
        )


class FollowUpOwners(Request):
    """A follow-up list counted per owner (metrics.follow_ups.due_by_owner): how many are due
    and overdue, most due first. Worked out from the list's cached answer, once per list: the
    stand-up grouped the company's 60,000 follow-ups again on every rerun."""

    listed: FollowUpList

    def needs(self) -> tuple[Request, ...]:
        return (self.listed,)

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (self.listed.run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
        del store
        return follow_ups.due_by_owner(needed[0])


class FollowUpPeople(Request):
    """The people in scope still with the company on `as_of` (not left by then), with how
    many follow-ups each has due: rep_id, name, team, due; most due first, then name."""

    as_of: date
    scope: Scope = ALL

    def needs(self) -> tuple[Request, ...]:
        return (self._due(),)

    def _due(self) -> FollowUpList:
        """Everyone's list in the scope: the one the Follow-ups page shows unnarrowed."""
        return FollowUpList(as_of=self.as_of, scope=self.scope)

    def run(self, store: Store) -> pd.DataFrame:
        return self.run_with(store, (self._due().run(store),))

    def run_with(self, store: Store, needed: tuple[Any, ...]) -> pd.DataFrame:
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
        due = needed[0]
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
