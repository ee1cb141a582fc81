"""The write side of role duties: what each role is responsible for, and the KPIs it is
measured on (codes of metrics/catalogue.py), in English and Chinese.

Versioned: a save adds the role's next version, nothing is updated or deleted, so every old
wording stays readable. One transaction per save with its audit row (duty.edit). Every save
carries a submission id (UNIQUE in role_duties): the same id twice lands once. A save identical
to the latest version adds nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from data import audit
from data.models import ROLES
from data.store import Store
from data.training import TrainingInvalid

# The tables this module's writes change (data.table_versions): a save here leaves every
# cached answer that reads none of them warm.
TOUCHES = frozenset({"role_duties", "audit_log"})

MAX_DUTIES = 4000  # characters per language: a page of duties


class DutyInput(BaseModel):
    """What a save of a role's duties accepts; at least one language must say something."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    role: str
    duties_en: str = Field(default="", max_length=MAX_DUTIES)
    duties_zh: str = Field(default="", max_length=MAX_DUTIES)
    kpis: tuple[str, ...] = ()

    @field_validator("role")
    @classmethod
    def _known_role(cls, role: str) -> str:
        if role not in ROLES:
            raise ValueError("unknown_role")
        return role


@dataclass(frozen=True)
class SavedDuty:
    """Where a save landed; created is False for a repeat or an unchanged save."""

    role: str
    version: int
    created: bool


def new_submission_id() -> str:
    """A fresh id for one save from a form."""
    return uuid.uuid4().hex


def check_duty(raw: dict[str, object], known_kpis: set[str]) -> DutyInput:
    """`raw` as a DutyInput, or TrainingInvalid naming the fields that are wrong; KPI codes
    must be among `known_kpis` (the metrics catalogue's, passed in: data never imports
    metrics)."""
    problems: dict[str, str] = {}
    duty = None
    try:
        duty = DutyInput.model_validate(raw)
    except ValidationError as error:
        for e in error.errors():
            name = str(e["loc"][0]) if e["loc"] else "role"
            code = "too_long" if e["type"] == "string_too_long" else "invalid"
            problems.setdefault(name, code)
    if duty is not None:
        if not duty.duties_en and not duty.duties_zh:
            problems["duties_en"] = "required"
        if any(k not in known_kpis for k in duty.kpis):
            problems["kpis"] = "invalid"
    if problems or duty is None:
        raise TrainingInvalid(problems)
    return duty


def save_duty_on(
    cur: duckdb.DuckDBPyConnection,
    duty: DutyInput,
    *,
    submission_id: str,
    edited_by: str | None = None,
    actor: int | None = None,
    now: datetime | None = None,
    audited: bool = True,
) -> SavedDuty:
    """`save_duty` on a cursor inside an open transaction (the demo seeds duties at once)."""
    landed = cur.execute(
        "SELECT role, version FROM role_duties WHERE submission_id = $s", {"s": submission_id}
    ).fetchone()
    if landed:
        return SavedDuty(str(landed[0]), int(landed[1]), created=False)
    latest = cur.execute(
        "SELECT version, duties_en, duties_zh, kpis FROM role_duties WHERE role = $r"
        " ORDER BY version DESC LIMIT 1",
        {"r": duty.role},
    ).fetchone()
    kpis = list(dict.fromkeys(duty.kpis))  # in the order chosen, each once
    if latest is not None and (latest[1], latest[2], list(latest[3])) == (
        duty.duties_en,
        duty.duties_zh,
        kpis,
    ):
        return SavedDuty(duty.role, int(latest[0]), created=False)
    version = 1 if latest is None else int(latest[0]) + 1
    cur.execute(
        "INSERT INTO role_duties (role, version, submission_id, duties_en, duties_zh, kpis,"
        " edited_by, user_id, created_at) VALUES ($r, $v, $s, $en, $zh, $k, $by, $u, $at)",
        {
            "r": duty.role,
            "v": version,
            "s": submission_id,
            "en": duty.duties_en,
            "zh": duty.duties_zh,
            "k": kpis,
            "by": (edited_by or "").strip() or None,
            "u": actor,
            "at": now or datetime.now(UTC).replace(tzinfo=None),
        },
    )
    if audited:
        details = {"version": version, "kpis": kpis}
        audit.record(cur, actor, "duty.edit", "role_duty", duty.role, details)
    return SavedDuty(duty.role, version, created=True)


def save_duty(
    store: Store,
    duty: DutyInput,
    *,
    submission_id: str,
    edited_by: str | None = None,
    actor: int | None = None,
) -> SavedDuty:
    """Save a role's duties as its next version, in one transaction with its audit row
    (duty.edit, by `actor`)."""
    with store.transaction(touches=TOUCHES) as cur:
        return save_duty_on(
            cur, duty, submission_id=submission_id, edited_by=edited_by, actor=actor
        )
