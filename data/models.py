"""Pydantic models of what a write accepts, one per canonical table.

Forms and configuration validate through these; bulk data is validated in SQL with the same
rules (the CHECK constraints in the migrations), so a row means the same thing either way.
A rule's complaint is an InvalidValue, so its message can be shown in the user's language.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from data.errors import InvalidValue

Channel = Literal["retail", "wholesale", "private_domain", "showroom", "other"]
Role = Literal[
    "sales_rep",
    "account_manager",
    "customer_service",
    "inventory",
    "group_leader",
    "deputy_leader",
    "data_analyst",
    "sales_manager",
]
OrderStatus = Literal["completed", "returned", "cancelled"]
DealStage = Literal["lead", "contact", "follow_up", "negotiation", "won", "lost"]
ActivityKind = Literal["call", "visit", "message", "meeting"]
FeedbackKind = Literal["complaint", "suggestion", "praise", "question"]
TargetScope = Literal["company", "team", "rep"]

CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
DEAL_STAGES: tuple[str, ...] = DealStage.__args__  # type: ignore[attr-defined]
OPEN_STAGES: tuple[str, ...] = ("lead", "contact", "follow_up", "negotiation")
# The roles that sell, and so carry sales targets; service, stock and analysis roles do not.
SELLING_ROLES: tuple[str, ...] = ("sales_rep", "account_manager", "group_leader", "deputy_leader")


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Team(_Row):
    """A team, or a group inside a team (parent_id set)."""

    team_id: int
    name: str = Field(min_length=1, max_length=120)
    parent_id: int | None = None
    channel: Channel
    leader_rep_id: int | None = None


class Rep(_Row):
    """A person on a team, in one role; leave_date set once they have left."""

    rep_id: int
    name: str = Field(min_length=1, max_length=120)
    team_id: int
    role: Role
    hire_date: date
    leave_date: date | None = None

    @model_validator(mode="after")
    def _left_after_hired(self) -> Rep:
        if self.leave_date and self.leave_date < self.hire_date:
            raise InvalidValue.of("input.leave_before_hire")
        return self


class Customer(_Row):
    """A customer account and its segments."""

    customer_id: int
    name: str = Field(min_length=1, max_length=200)
    owner_rep_id: int | None = None
    tier: str | None = None
    industry: str | None = None
    region: str | None = None
    city: str | None = None
    size_band: str | None = None
    channel: Channel | None = None
    acquired_date: date | None = None


class Product(_Row):
    """Something the company sells."""

    product_id: int
    name: str = Field(min_length=1, max_length=200)
    category: str = Field(min_length=1)
    list_price_cents: int = Field(ge=0)


class OrderLine(_Row):
    """One order line; amounts in integer cents. Returns keep their line, status 'returned'."""

    order_id: str
    line_no: int = Field(ge=1)
    order_date: date
    customer_id: int
    rep_id: int
    team_id: int
    product_id: int
    quantity: int
    net_amount_cents: int
    cost_cents: int
    status: OrderStatus


class Deal(_Row):
    """An opportunity moving through the stages; closed (won or lost) deals have a closed_date."""

    deal_id: str
    customer_id: int | None = None
    rep_id: int
    team_id: int
    product_id: int | None = None
    stage: DealStage
    created_date: date
    closed_date: date | None = None
    amount_cents: int | None = None
    lost_reason: str | None = None

    @model_validator(mode="after")
    def _closed_iff_won_or_lost(self) -> Deal:
        if (self.stage in ("won", "lost")) != (self.closed_date is not None):
            raise InvalidValue.of("input.closed_date_rule")
        if self.closed_date and self.closed_date < self.created_date:
            raise InvalidValue.of("input.closed_before_created")
        return self


class Activity(_Row):
    """A call, visit, message or meeting with a customer: the follow-up record (回访)."""

    activity_id: int
    activity_date: date
    customer_id: int | None = None
    rep_id: int
    team_id: int
    kind: ActivityKind
    outcome: str | None = None
    next_follow_up_date: date | None = None


class Feedback(_Row):
    """A customer's rating, complaint, suggestion, praise or question."""

    feedback_id: int
    feedback_date: date
    customer_id: int | None = None
    rep_id: int | None = None
    team_id: int | None = None
    csat: int | None = Field(default=None, ge=1, le=5)
    nps: int | None = Field(default=None, ge=0, le=10)
    kind: FeedbackKind
    text: str | None = Field(default=None, max_length=4000)
    resolved_date: date | None = None


class Target(_Row):
    """A target for one period and scope, in the KPI's base unit (cents for money)."""

    period_start: date
    period_end: date
    scope: TargetScope
    scope_id: int | None = None
    metric: str
    value: int = Field(ge=0)
    scenario: str | None = None

    @model_validator(mode="after")
    def _scope_matches_id(self) -> Target:
        if (self.scope == "company") != (self.scope_id is None):
            raise InvalidValue.of("input.scope_id_rule")
        if self.period_end < self.period_start:
            raise InvalidValue.of("input.period_order")
        return self


TABLE_MODELS: dict[str, type[_Row]] = {
    "teams": Team,
    "reps": Rep,
    "customers": Customer,
    "products": Product,
    "orders": OrderLine,
    "deals": Deal,
    "activities": Activity,
    "feedback": Feedback,
    "targets": Target,
}
