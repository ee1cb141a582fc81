"""Whose numbers a signed-in user may read: their scope, enforced where the data is read.

Rules, in words (the README says the same):
- admin, manager and viewer: every team ("all"). A viewer reads; it never writes (the pages
  decide writes, components.access).
- lead: the team they lead and every group below it ("team").
- rep: their own numbers only ("rep"): their rows, their reviews, their customers (a customer
  is theirs when they own it or have sold to it).

A scope is carried on every read (metrics.filters.Filters.scope, or a request's own `scope`),
so it is part of every cache key; the compiler adds its condition to the SQL on top of the
user's own filters. Filters that ask outside the scope are refused (OutOfScope), never
quietly narrowed: a lead who edits the URL to another team's id is told so in words.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from data.errors import HuddleDataError
from data.store import Store
from metrics.messages import MetricsMessage

if TYPE_CHECKING:
    from metrics.filters import Filters

ScopeKind = Literal["all", "team", "rep"]


class Scope(BaseModel):
    """Whose rows a user may read: everyone's, a team's (and its groups'), or one person's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ScopeKind = "all"
    team_id: int | None = None  # kind "team": the team; its groups are in scope too
    rep_id: int | None = None  # kind "rep": the person

    @model_validator(mode="after")
    def _named(self) -> Scope:
        # A scope that names nobody would read as "everything": refuse it outright.
        if self.kind == "team" and (self.team_id is None or self.rep_id is not None):
            raise ValueError("A team scope names a team (team_id) and no person.")
        if self.kind == "rep" and self.rep_id is None:
            raise ValueError("A person's scope names the person (rep_id).")
        if self.kind == "all" and (self.team_id is not None or self.rep_id is not None):
            raise ValueError("The scope of every team names no team and no person.")
        return self


ALL = Scope()


class OutOfScope(HuddleDataError):
    """The request asks for rows outside the user's scope; nothing was read. The message
    (metrics.messages scope.*) says what the user may see."""

    @classmethod
    def refusal(cls, scope: Scope, team: str | None = None) -> OutOfScope:
        """The refusal for `scope`: "You can see the numbers of <team> only" (`team`: its
        name; the id when not given) or "You can see your own numbers only"."""
        if scope.kind == "team":
            name = team if team is not None else f"#{scope.team_id}"
            message = MetricsMessage("scope.team_only", team=name)
        else:
            message = MetricsMessage("scope.own_only")
        return cls(str(message), key=message.key, **message.values)


def scope_for(role: str, rep_id: int | None, team_id: int | None) -> Scope:
    """The scope of a user with `role` (data.auth.ROLES); a lead names their team, a rep
    names themself. An unknown role, or a lead or rep who names nobody, is refused: deny by
    default, never "everything"."""
    if role in ("admin", "manager", "viewer"):
        return ALL
    if role == "lead" and team_id is not None:
        return Scope(kind="team", team_id=team_id)
    if role == "rep" and rep_id is not None:
        return Scope(kind="rep", rep_id=rep_id)
    raise ValueError(f"No scope for role {role!r} (rep_id={rep_id}, team_id={team_id}).")


def _team_name(store: Store, scope: Scope) -> str | None:
    """The name of the scope's team (the company's own word for it), for the refusal."""
    if scope.team_id is None:
        return None
    rows = store.rows("SELECT name FROM teams WHERE team_id = $t", {"t": scope.team_id})
    return str(rows[0][0]) if rows else None


def teams_in(store: Store, scope: Scope) -> set[int] | None:
    """The team ids in scope (a team and every group below it); None: every team."""
    if scope.kind != "team" or scope.team_id is None:
        return None
    rows = store.rows(
        "SELECT team_id FROM team_closure WHERE ancestor_id = $team_id", {"team_id": scope.team_id}
    )
    return {int(team_id) for (team_id,) in rows}


def check(store: Store, scope: Scope, filters: Filters) -> None:
    """Refuse (OutOfScope) filters that ask for a team or person outside `scope`.

    A rep may filter to themself only; a lead to their team, a group below it, or a person
    who sits in one of those today."""
    if scope.kind == "all":
        return
    if scope.kind == "rep":
        if filters.rep_id not in (None, scope.rep_id) or filters.team_id is not None:
            raise OutOfScope.refusal(scope, _team_name(store, scope))
        return
    if filters.team_id is not None and filters.team_id not in (teams_in(store, scope) or set()):
        raise OutOfScope.refusal(scope, _team_name(store, scope))
    if filters.rep_id is not None:
        check_rep(store, scope, filters.rep_id)


def rep_in_scope(store: Store, scope: Scope, rep_id: int) -> bool:
    """Whether the person `rep_id` is in scope: themself for a rep; for a lead, someone whose
    team today is the lead's team or a group below it."""
    if scope.kind == "all":
        return True
    if scope.kind == "rep":
        return rep_id == scope.rep_id
    row = store.query("SELECT team_id FROM reps WHERE rep_id = $rep_id", {"rep_id": rep_id})
    return not row.empty and int(row.iloc[0]["team_id"]) in (teams_in(store, scope) or set())


def check_rep(store: Store, scope: Scope, rep_id: int) -> None:
    """Refuse (OutOfScope) reading the person `rep_id` outside `scope`."""
    if not rep_in_scope(store, scope, rep_id):
        raise OutOfScope.refusal(scope, _team_name(store, scope))


def check_customer(store: Store, scope: Scope, customer_id: int) -> None:
    """Refuse (OutOfScope) a customer outside `scope`. A customer is in a rep's scope when
    the rep owns it or has sold to it (any order line); in a lead's when its owner sits in the
    team (or a group below it) or the team has sold to it."""
    if scope.kind == "all":
        return
    if scope.kind == "rep":
        sql = """
        SELECT 1 FROM customers WHERE customer_id = $customer_id AND owner_rep_id = $rep_id
        UNION ALL
        SELECT 1 FROM orders WHERE customer_id = $customer_id AND rep_id = $rep_id
        LIMIT 1"""
        params = {"customer_id": customer_id, "rep_id": scope.rep_id}
    else:
        sql = """
        SELECT 1 FROM customers c JOIN reps r ON r.rep_id = c.owner_rep_id
        WHERE c.customer_id = $customer_id
          AND r.team_id IN (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id)
        UNION ALL
        SELECT 1 FROM orders WHERE customer_id = $customer_id
          AND team_id IN (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id)
        LIMIT 1"""
        params = {"customer_id": customer_id, "team_id": scope.team_id}
    if store.query(sql, params).empty:
        raise OutOfScope.refusal(scope, _team_name(store, scope))


def check_review(store: Store, scope: Scope, review_id: str) -> None:
    """Refuse (OutOfScope) a review about a person outside `scope` (a rep asking for another
    rep's review). An unknown review id passes: its read finds nothing."""
    if scope.kind == "all":
        return
    rows = store.rows(
        "SELECT DISTINCT rep_id FROM reviews WHERE review_id = $review_id", {"review_id": review_id}
    )
    for (rep_id,) in rows:
        check_rep(store, scope, int(rep_id))


def reps_in(store: Store, scope: Scope) -> set[int] | None:
    """The people in scope (rep_ids); None: everyone. A lead's are those whose team today is
    the lead's team or a group below it; a rep's, themself."""
    if scope.kind == "all":
        return None
    if scope.kind == "rep":
        return {int(scope.rep_id)} if scope.rep_id is not None else set()
    rows = store.rows(
        "SELECT rep_id FROM reps WHERE team_id IN"
        " (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id)",
        {"team_id": scope.team_id},
    )
    return {int(rep_id) for (rep_id,) in rows}


ScenarioKey = tuple[str, str, date, date]  # name, metric, period_start, period_end


def scenarios_in(store: Store, scope: Scope) -> set[ScenarioKey] | None:
    """The saved target scenarios in scope; None: every one. A lead's scenarios are those for
    their team: at least one person target, and every person target for someone in the team
    (or a group below it) today; or, with no person target (a store team's stock-turnover
    level), every target one of the team or a group below it. A manager's whole-company split
    is not a lead's. A rep sets no targets: none."""
    if scope.kind == "all":
        return None
    if scope.kind == "rep":
        return set()
    rows = store.rows(
        """
        WITH mine AS (
            SELECT rep_id FROM reps WHERE team_id IN
                (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id)
        )
        SELECT t.scenario, t.metric, t.period_start, t.period_end
        FROM targets t
        LEFT JOIN mine m ON t.scope = 'rep' AND m.rep_id = t.scope_id
        LEFT JOIN (SELECT team_id FROM team_closure WHERE ancestor_id = $team_id) mt
               ON t.scope = 'team' AND mt.team_id = t.scope_id
        WHERE t.scenario IS NOT NULL
        GROUP BY ALL
        HAVING (count(*) FILTER (WHERE t.scope = 'rep') > 0
                AND count(*) FILTER (WHERE t.scope = 'rep') = count(m.rep_id))
            OR (count(*) FILTER (WHERE t.scope = 'rep') = 0 AND count(*) = count(mt.team_id))
        """,
        {"team_id": scope.team_id},
    )
    return {(str(n), str(k), s, e) for n, k, s, e in rows}


def check_scenario(store: Store, scope: Scope, key: ScenarioKey) -> None:
    """Refuse (OutOfScope) a saved scenario outside `scope` (another team's, or the whole
    company's for a lead; any for a rep)."""
    allowed = scenarios_in(store, scope)
    if allowed is not None and key not in allowed:
        raise OutOfScope.refusal(scope, _team_name(store, scope))
