"""The incentive plan: commission tiers, awards and contests, read from one TOML file.

A manager edits the file (data/incentive_plan.toml, or the file HUDDLE_PLAN names) without
touching code. The file holds dated plan versions ([[plans]] with effective_from): a period is
paid under the version in force on its first day, so a plan change never rewrites the past.
A broken file raises PlanError whose message names the line and the field.
"""

from __future__ import annotations

import itertools
import os
import re
import tomllib
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from data.errors import InvalidValue
from data.messages import MessageList, input_problem
from metrics.catalogue import CATALOGUE, get_kpi
from metrics.messages import MetricsMessage

PLAN_ENV_VAR = "HUDDLE_PLAN"
DEFAULT_PLAN_PATH = Path(__file__).resolve().parent.parent / "data" / "incentive_plan.toml"

Role = Literal[
    "sales_rep", "account_manager", "customer_service", "inventory",
    "group_leader", "deputy_leader", "data_analyst", "sales_manager",
]  # fmt: skip
SELLING_ROLES: tuple[str, ...] = ("sales_rep", "account_manager", "group_leader", "deputy_leader")
Clawback = Literal["return_period", "order_period", "none"]


class PlanError(ValueError):
    """The plan file cannot be used; the message names the file, the line and the field.

    `key` (of metrics.messages) and `values` say the same in the user's language: the file,
    line and field stay as they are, the sentence around them is translated."""

    def __init__(self, message: str, *, key: str | None = None, **values: Any) -> None:
        super().__init__(message)
        self.key = key
        self.values = values

    @classmethod
    def of(cls, key: str, *, english: str | None = None, **values: Any) -> PlanError:
        """The error `key` with `values`; its English message unless `english` gives one."""
        message = MetricsMessage(key, _english=english, **values)
        return cls(str(message), key=key, **values)


def _invalid(key: str, **values: Any) -> InvalidValue:
    """A validator's complaint, kept translatable inside pydantic's ValidationError."""
    return InvalidValue(MetricsMessage(key, **values))


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tier(_Strict):
    """One step of the ladder: from this attainment (in %) up to the next tier's, this rate."""

    from_pct: Decimal = Field(ge=0)
    rate_pct: Decimal = Field(ge=0, le=100)


class CommissionRule(_Strict):
    """How commission is paid for one period (a month or a quarter)."""

    kpi: Literal["revenue", "gross_margin"] = "revenue"
    period: Literal["month", "quarter"] = "month"
    # whole: the rate of the tier reached applies to the whole amount; marginal: each tier's
    # rate applies only to the part of the amount inside that tier.
    mode: Literal["whole", "marginal"] = "marginal"
    tiers: tuple[Tier, ...] = Field(min_length=1)
    threshold_pct: Decimal = Field(default=Decimal(0), ge=0)  # below it nothing is paid
    cap: Decimal | None = Field(default=None, gt=0)  # most paid for one period, currency units
    # Returned lines earn no commission. return_period: a return is taken off the sales of the
    # period it happened in (its return date; without one, its order date), so a return
    # booked later never changes a past period. order_period: taken off the period it was
    # sold in. none: returned lines count as sold. (true/false in older files: return_period
    # and none.)
    clawback: Clawback = "return_period"
    # Gross margin has no published targets: its target is this share of the revenue target.
    margin_target_pct: Decimal | None = Field(default=None, gt=0, le=100)
    eligible_roles: tuple[Role, ...] = SELLING_ROLES

    @field_validator("clawback", mode="before")
    @classmethod
    def _clawback_was_a_switch(cls, value: object) -> object:
        if value is True:
            return "return_period"
        if value is False:
            return "none"
        return value

    @field_validator("tiers")
    @classmethod
    def _ascending(cls, tiers: tuple[Tier, ...]) -> tuple[Tier, ...]:
        if tiers[0].from_pct != 0:
            raise _invalid("plan.rule.first_tier")
        for before, after in itertools.pairwise(tiers):
            if after.from_pct <= before.from_pct:
                raise _invalid(
                    "plan.rule.tiers_rising", after=after.from_pct, before=before.from_pct
                )
        return tiers

    @model_validator(mode="after")
    def _margin_needs_target_share(self) -> CommissionRule:
        if self.kpi == "gross_margin" and self.margin_target_pct is None:
            raise _invalid("plan.rule.margin_target")
        if self.kpi == "gross_margin" and self.clawback == "none":
            raise _invalid("plan.rule.margin_clawback")
        return self

    @property
    def cap_cents(self) -> int | None:
        """The cap in cents (half-up to the cent)."""
        if self.cap is None:
            return None
        return int((self.cap * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


AwardRuleKind = Literal["highest", "most_improved", "group_share_at_target"]
# How a tie for first place is settled. shared: every tied contender wins and a money prize is
# split equally between them, rounded down to the cent. attainment: the higher revenue
# attainment (revenue over its target for the period so far) wins; still tied, or without
# targets: shared. A group award's tie is always shared.
TieRule = Literal["shared", "attainment"]


class _Named(_Strict):
    """A part of the plan a user reads: its name (and prize note) in the plan's language, and
    optionally in Chinese too (`name_zh`, `prize_note_zh`), for a team that reads both."""

    name: str = Field(min_length=1)
    name_zh: str | None = None


class Award(_Named):
    """A recognition with its rule, who may win it and the prize.

    highest: the largest value of `kpi` in the period; most_improved: the largest growth of
    `kpi` against the previous like-for-like period; group_share_at_target: the group with
    the largest share of its members at or above their `kpi` target.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    rule: AwardRuleKind
    kpi: str = "revenue"
    eligible_roles: tuple[Role, ...] = SELLING_ROLES
    max_tenure_months: int | None = Field(default=None, gt=0)  # rookies: under this tenure
    requires_kpi: str | None = None  # e.g. csat_responses: a minimum number of responses
    requires_at_least: float = 0
    # most improved: only someone whose previous value was at least this (≥), compared in cents
    min_previous: Decimal = Field(default=Decimal(0), ge=0)
    ties: TieRule | None = None  # how a tie for first is settled; None: the plan's award_ties
    prize: Decimal | None = Field(default=None, ge=0)  # currency units
    prize_note: str | None = None  # e.g. "a trophy and a team dinner"
    prize_note_zh: str | None = None

    @field_validator("kpi", "requires_kpi")
    @classmethod
    def _known_kpi(cls, value: str | None) -> str | None:
        if value is not None and value not in CATALOGUE:
            raise _invalid("plan.rule.unknown_kpi", kpi=value)
        return value

    @model_validator(mode="after")
    def _targeted_for_share(self) -> Award:
        if self.rule == "group_share_at_target" and not get_kpi(self.kpi).target_metric:
            raise _invalid("plan.rule.no_targets", kpi=self.kpi)
        return self


class Contest(_Named):
    """A named KPI race between people, groups or teams over given dates."""

    kpi: str
    between: Literal["people", "groups", "teams"] = "people"
    start: date
    end: date
    goal: float | None = Field(default=None, gt=0)  # a finish line in the KPI's unit
    prize: Decimal | None = Field(default=None, ge=0)
    prize_note: str | None = None
    prize_note_zh: str | None = None

    @field_validator("kpi")
    @classmethod
    def _known_kpi(cls, value: str) -> str:
        if value not in CATALOGUE:
            raise _invalid("plan.rule.unknown_kpi", kpi=value)
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Contest:
        if self.end < self.start:
            raise _invalid("plan.rule.contest_order", end=self.end, start=self.start)
        return self


class PlanVersion(_Named):
    """The plan in force from `effective_from` until the next version's date."""

    effective_from: date
    commission: CommissionRule
    awards: tuple[Award, ...] = ()
    # true: awards are given in the order listed, and someone who has won one is passed over
    # for the later ones (the next in line wins); false: one person may win several.
    one_award_per_person: bool = False
    award_ties: TieRule = "shared"  # for every award that does not set its own `ties`

    def tie_rule(self, award: Award) -> TieRule:
        """How a tie for first place in `award` is settled under this version."""
        if award.rule == "group_share_at_target":
            return "shared"
        return award.ties or self.award_ties

    @field_validator("awards")
    @classmethod
    def _unique_ids(cls, awards: tuple[Award, ...]) -> tuple[Award, ...]:
        ids = [a.id for a in awards]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise _invalid("plan.rule.award_ids", ids=", ".join(repeated))
        return awards


class IncentivePlan(_Strict):
    """Every dated plan version, oldest first, and the contests."""

    plans: tuple[PlanVersion, ...] = Field(min_length=1)
    contests: tuple[Contest, ...] = ()

    @field_validator("plans")
    @classmethod
    def _dated_in_order(cls, plans: tuple[PlanVersion, ...]) -> tuple[PlanVersion, ...]:
        for before, after in itertools.pairwise(plans):
            if after.effective_from <= before.effective_from:
                raise _invalid(
                    "plan.rule.versions_order",
                    after=after.effective_from,
                    before=before.effective_from,
                )
        return plans

    def version_for(self, day: date) -> PlanVersion | None:
        """The version in force on `day`: the latest one dated on or before it; None before
        the first."""
        chosen = None
        for version in self.plans:
            if version.effective_from <= day:
                chosen = version
        return chosen


def plan_path() -> Path:
    """The plan file in use: HUDDLE_PLAN if set, else the shipped data/incentive_plan.toml."""
    configured = os.environ.get(PLAN_ENV_VAR)
    return Path(configured) if configured else DEFAULT_PLAN_PATH


def plan_chosen() -> bool:
    """Whether the company named its own plan file (HUDDLE_PLAN). Without it the shipped
    file is the demo company's plan, written for the demo's teams and dates, so only the demo
    uses it (components decide with data.company_kind.is_demo)."""
    return bool(os.environ.get(PLAN_ENV_VAR, "").strip())


# No plan at all: one version that is never in force (it starts on the last day a date can
# have), so every day falls before it and commission, awards and contests are left out the
# same way as for a day before a real plan's first version.
NO_PLAN = IncentivePlan(
    plans=(
        PlanVersion(
            effective_from=date.max,
            name="No plan",
            commission=CommissionRule(tiers=(Tier(from_pct=Decimal(0), rate_pct=Decimal(0)),)),
        ),
    )
)
EXAMPLE_PLAN_PATH = DEFAULT_PLAN_PATH.with_name("incentive_plan.example.toml")


def plan_stamp(path: Path | None = None) -> tuple[str, int]:
    """(path, modification time in ns): a small cache key that changes when the file does."""
    chosen = path or plan_path()
    try:
        return str(chosen), chosen.stat().st_mtime_ns
    except OSError:
        return str(chosen), 0


def load_plan(path: Path | None = None) -> IncentivePlan:
    """Read and validate the plan file; PlanError names the line and field of any mistake."""
    chosen = path or plan_path()
    try:
        text = chosen.read_text("utf-8")
    except OSError as error:
        english = f"The incentive plan {chosen} cannot be read: {error.strerror}."
        if isinstance(error, FileNotFoundError):
            raise PlanError.of("plan.missing", english=english, path=str(chosen)) from error
        raise PlanError.of(
            "plan.unreadable", english=english, path=str(chosen), reason=error.strerror
        ) from error
    return parse_plan(text, chosen.name)


def parse_plan(text: str, source: str = "incentive plan") -> IncentivePlan:
    """Validate a plan given as TOML text; `source` names it in error messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        english = f"{source}: the file is not valid TOML: {error}."
        # tomllib says where as "(at line N, column M)"; the words before it stay English.
        found = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(error), re.DOTALL)
        if found is None:
            detail = MetricsMessage("plan.toml_syntax", _english=str(error))
            raise PlanError.of(
                "plan.not_toml_somewhere", english=english, source=source, detail=detail
            ) from error
        detail = MetricsMessage("plan.toml_syntax", _english=found.group(1))
        raise PlanError.of(
            "plan.not_toml",
            english=english,
            source=source,
            detail=detail,
            line=int(found.group(2)),
            column=int(found.group(3)),
        ) from error
    try:
        return IncentivePlan.model_validate(raw)
    except ValidationError as error:
        lines = _line_index(text)
        problems = MessageList([_describe(e, lines) for e in error.errors()], style="semicolon")
        raise PlanError.of("plan.invalid", source=source, problems=problems) from error


def _describe(error: Any, lines: dict[tuple[str | int, ...], int]) -> MetricsMessage:
    """One validation problem as 'line N, field a.b[0].c: what is wrong'."""
    loc = tuple(error["loc"])
    field = _field_name(loc)
    line = _nearest_line(loc, lines)
    reason = input_problem(error, english=str(error["msg"]).removeprefix("Value error, "))
    if not field:
        return MetricsMessage("plan.problem_top", reason=reason)
    if not line:
        return MetricsMessage("plan.problem_no_line", field=field, reason=reason)
    return MetricsMessage("plan.problem", line=line, field=field, reason=reason)


def _field_name(loc: tuple[str | int, ...]) -> str:
    """('plans', 0, 'commission', 'mode') -> 'plans[1].commission.mode' (counted from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out


def _nearest_line(loc: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]) -> int:
    """The line of the field, else of the closest enclosing table; 0 when unknown."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 0


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\"' -]+?)\s*=")
_INLINE_KEY = re.compile(r"([A-Za-z0-9_]+)\s*=")


def _line_index(text: str) -> dict[tuple[str | int, ...], int]:
    """Where each table, array-of-tables entry and key starts (1-based lines), keyed by the
    path pydantic reports (array entries counted from 0). Covers the file's plain style:
    [table], [[array]] and key = value lines (inline tables map to their key's line)."""
    index: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str | int, ...], int] = {}
    current: tuple[str | int, ...] = ()
    array: tuple[str | int, ...] | None = None  # inside a multi-line array of inline tables
    element = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if array is not None:
            if line.lstrip().startswith("{"):
                element += 1
                index.setdefault((*array, element), number)
                for name in _INLINE_KEY.findall(line):
                    index.setdefault((*array, element, name), number)
            if line.strip().startswith("]"):
                array = None
            continue
        header = _HEADER.match(line)
        if header:
            names = [n.strip().strip("\"'") for n in header.group(2).split(".")]
            path: tuple[str | int, ...] = ()
            for position, name in enumerate(names):
                path = (*path, name)
                last = position == len(names) - 1
                if last and header.group(1) == "[[":
                    index.setdefault(path, number)  # the array's first entry
                    counts[path] = counts.get(path, -1) + 1
                    path = (*path, counts[path])
                elif path in counts:  # an array of tables: its latest entry
                    path = (*path, counts[path])
                index.setdefault(path, number)
            current = path
            continue
        key = _KEY.match(line)
        if key and not line.lstrip().startswith("#"):
            names = [n.strip().strip("\"'") for n in key.group(1).split(".")]
            index.setdefault((*current, *names), number)
            if re.search(r"=\s*\[\s*(#.*)?$", line):
                array, element = (*current, *names), -1
    return index
