"""Awards: who wins each of the plan's awards for a period, how a tie is settled, and who is
passed over for having won already.

Values are compared exactly: money as whole cents, counts as whole numbers, growth as the
fraction of cents (now - before) / before, a group's share as members at target / members.
People are keyed by rep_id, never by name; names only order a shared result for display.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

import pandas as pd

from data.store import Store
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.incentive_plan import Award, IncentivePlan, TieRule
from metrics.incentives import PERSON, _cents, _names, _people_breakdown, rep_directory
from metrics.lookups import placeholder_reps
from metrics.periods import add_months, previous_period

Key = int | str  # a person's rep_id, or a group's name
TieOutcome = Literal["none", "shared", "attainment"]


@dataclass(frozen=True)
class AwardResult:
    """An award for one period: who won it, who came second, and the numbers that did it.

    winner and runner_up are names (a person's or, for a group award, the group's); the
    *_id fields name the person for certain (None for a group award or nobody). When first
    place is tied and the tie rule shares it, shared_with names the other winners (in name
    order) and prize_share_cents is each winner's part of a money prize (split equally,
    rounded down to the cent). tie says whether first place was tied and how it was settled:
    "none", "shared", or "attainment" (the higher revenue attainment won). passed_over holds
    the rep_ids ranked ahead of the winner who had already won an award listed earlier, when
    the plan gives one award per person."""

    award: Award
    winner: str | None
    winner_value: float | None
    runner_up: str | None
    runner_up_value: float | None
    contenders: int
    winner_id: int | None = None
    runner_up_id: int | None = None
    shared_with: tuple[str, ...] = ()
    shared_with_ids: tuple[int, ...] = ()
    tie: TieOutcome = "none"
    prize_share_cents: int | None = None
    passed_over: tuple[int, ...] = ()

    @property
    def winner_ids(self) -> tuple[int, ...]:
        """Every person who wins it (several when shared); () for a group award or nobody."""
        return () if self.winner_id is None else (self.winner_id, *self.shared_with_ids)


def _eligible(people: pd.DataFrame, award: Award, end: date) -> pd.DataFrame:
    """Those who may win: the award's roles, still on the team at `end`, and for a rookie
    award hired less than max_tenure_months before `end`."""
    ok = people["role"].isin(award.eligible_roles)
    ok &= people["leave_date"].map(lambda d: d is None or d > end).astype(bool)
    if award.max_tenure_months is not None:
        since = add_months(end, -award.max_tenure_months)
        ok &= people["hire_date"].map(lambda d: d is not None and d > since).astype(bool)
    return people[ok]


def _exact(value: object, unit: str) -> Fraction | None:
    """A KPI value as an exact number: money to the cent (cents / 100, so 5,000.00 is
    exactly 5000), counts whole, others as given."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    if unit == "money":
        cents = _cents(value)
        return None if cents is None else Fraction(cents, 100)
    if unit == "count":
        return Fraction(round(float(value)))  # type: ignore[arg-type]
    return Fraction(float(value))  # type: ignore[arg-type]


def decide(
    award: Award,
    values: Mapping[Key, Fraction],
    names: Mapping[int, str] | None,
    tie_rule: TieRule,
    tie_keys: Mapping[Key, Fraction] | None = None,
    taken: Set[int] = frozenset(),
) -> AwardResult:
    """The winner(s) and runner-up of exact `values` (largest wins).

    With `names` the keys are rep_ids named through it, else the keys are group names.
    A tie for first: "shared" -- all tied win; "attainment" -- the largest of `tie_keys`
    wins, and if that is tied too (or missing) all still tied share. People in `taken`
    (already winners of an earlier award) are passed over. The order among equals for
    display is by name, then by key, so it never depends on query order."""

    def name(key: Key) -> str:
        return names.get(int(key), str(key)) if names is not None else str(key)

    use_keys = tie_rule == "attainment" and tie_keys is not None

    def order(key: Key) -> tuple[Fraction, bool, Fraction, str, str]:
        tk = tie_keys.get(key) if use_keys and tie_keys is not None else None
        return (-values[key], tk is None, -(tk or Fraction(0)), name(key), str(key))

    ranked = sorted(values, key=order)
    open_ = [k for k in ranked if names is None or int(k) not in taken]
    if not open_:
        return AwardResult(award, None, None, None, None, len(ranked))
    top = values[open_[0]]
    tied = [k for k in open_ if values[k] == top]
    winners, tie = tied, "none"
    if len(tied) > 1:
        tie = "shared"
        best = tie_keys.get(tied[0]) if use_keys and tie_keys is not None else None
        if best is not None and tie_keys is not None:
            winners = [k for k in tied if tie_keys.get(k) == best]
            tie = "attainment" if len(winners) == 1 else "shared"
    winners = sorted(winners, key=lambda k: (name(k), str(k))) if len(winners) > 1 else winners
    rest = [k for k in open_ if k not in winners]
    share = None
    if len(winners) > 1 and award.prize is not None:
        prize = int((award.prize * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        share = prize // len(winners)  # an equal split, rounded down to the cent
    first_place = ranked.index(winners[0])
    passed = tuple(int(k) for k in ranked[:first_place] if names is not None and int(k) in taken)
    people = names is not None
    return AwardResult(
        award=award,
        winner=name(winners[0]),
        winner_value=float(top),
        runner_up=name(rest[0]) if rest else None,
        runner_up_value=float(values[rest[0]]) if rest else None,
        contenders=len(ranked),
        winner_id=int(winners[0]) if people else None,
        runner_up_id=int(rest[0]) if people and rest else None,
        shared_with=tuple(name(k) for k in winners[1:]),
        shared_with_ids=tuple(int(k) for k in winners[1:]) if people else (),
        tie=tie,  # type: ignore[arg-type]
        prize_share_cents=share,
        passed_over=passed,
    )


def _in_units(values: pd.Series, unit: str) -> dict[Key, Fraction]:
    """A value per key as exact numbers, blanks left out."""
    out = {k: _exact(v, unit) for k, v in values.items()}
    return {k: v for k, v in out.items() if v is not None}


def _attainment(store: Store, filters: Filters) -> dict[Key, Fraction]:
    """rep_id -> revenue attainment for the filters' dates: the tie-break of "attainment"."""
    frame = _people_breakdown(store, ("revenue",), filters, with_targets=True)
    return _in_units(frame["revenue_attainment"], "score")


def _candidates(
    store: Store, filters: Filters, award: Award, eligible: pd.DataFrame
) -> dict[Key, Fraction]:
    """Each contender's exact value for a person's award (see Award for the rules)."""
    unit = get_kpi(award.kpi).unit
    kpis = tuple(dict.fromkeys(k for k in (award.kpi, award.requires_kpi) if k))
    frame = _people_breakdown(store, kpis, filters)
    frame = frame[frame.index.isin(eligible["rep_id"])]
    if award.requires_kpi:
        frame = frame[frame[award.requires_kpi].fillna(0) >= award.requires_at_least]
    now = _in_units(frame[award.kpi], unit)
    if award.rule == "highest":
        if get_kpi(award.kpi).zero_when_empty:
            now = {k: v for k, v in now.items() if v > 0}  # nobody wins "most deals" with none
        return now
    # most_improved: growth against the previous like-for-like period, for those whose
    # previous value was at least min_previous (in cents for money), who grew.
    before_start, before_end = previous_period(filters.start, filters.end, filters.period_kind)
    before = _people_breakdown(store, (award.kpi,), filters.with_dates(before_start, before_end))
    previous = _in_units(before[award.kpi].reindex(frame.index), unit)
    floor = Fraction(award.min_previous)  # exact: a Decimal converts without rounding
    growth: dict[Key, Fraction] = {}
    for key, value in now.items():
        was = previous.get(key)
        if was is not None and was > 0 and was >= floor and value > was:
            growth[key] = (value - was) / was
    return growth


@dataclass
class _Period:
    """What every award of one period reads alike, read once for all of them: the people,
    the placeholders, and revenue attainment when a tie is settled by it (a plan of six
    awards read each six times: 0.3-0.6 s at ten million order lines)."""

    store: Store
    filters: Filters
    people: pd.DataFrame
    placeholders: frozenset[int]
    _attainment: dict[Key, Fraction] | None = None

    @classmethod
    def read(cls, store: Store, filters: Filters) -> _Period:
        return cls(store, filters, rep_directory(store), placeholder_reps(store))

    def attainment(self) -> dict[Key, Fraction]:
        if self._attainment is None:
            self._attainment = _attainment(self.store, self.filters)
        return self._attainment


def award_result(
    store: Store,
    filters: Filters,
    award: Award,
    *,
    tie_rule: TieRule = "shared",
    taken: Set[int] = frozenset(),
    period: _Period | None = None,
) -> AwardResult:
    """One award for the filters' dates and scope, ties settled by `tie_rule`, the people in
    `taken` passed over. `period`: what the period's other awards read too (awards())."""
    period = period or _Period.read(store, filters)
    people = period.people
    names = _names(people)
    eligible = _eligible(people, award, filters.end)
    # A placeholder (an import's made-up "Unassigned") sells for nobody: it wins nothing.
    eligible = eligible[~eligible[PERSON].isin(period.placeholders)]
    if award.rule == "group_share_at_target":
        frame = _people_breakdown(store, (award.kpi,), filters, with_targets=True)
        members = eligible.set_index(PERSON)
        targeted = frame[frame[f"{award.kpi}_target"].fillna(0) > 0]
        targeted = targeted[targeted.index.isin(members.index)]
        groups = members["group"].fillna(members["team"]).reindex(targeted.index)
        reached = (targeted[f"{award.kpi}_attainment"] >= 1).groupby(groups)
        shares = {str(g): Fraction(int(s.sum()), len(s)) for g, s in reached}
        return decide(award, shares, None, "shared")
    values = _candidates(store, filters, award, eligible)
    keys = period.attainment() if tie_rule == "attainment" else None
    return decide(award, values, names, tie_rule, keys, taken)


def awards(store: Store, filters: Filters, plan: IncentivePlan) -> list[AwardResult]:
    """Every award of the plan in force on the period's first day, in the order listed;
    [] before the first. With one_award_per_person, each winner is passed over for the
    awards after it."""
    version = plan.version_for(filters.start)
    if version is None:
        return []
    period = _Period.read(store, filters)
    taken: set[int] = set()
    out = []
    for award in version.awards:
        result = award_result(
            store,
            filters,
            award,
            tie_rule=version.tie_rule(award),
            taken=taken if version.one_award_per_person else frozenset(),
            period=period,
        )
        taken |= set(result.winner_ids)
        out.append(result)
    return out
