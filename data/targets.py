"""Writing targets: what-if scenarios, and publishing one as the official targets.

A scenario is a set of target rows sharing a name in the targets table's `scenario` column;
official targets have no scenario. Publishing copies a scenario's rows in as official ones and
keeps the official rows they replace as a scenario of their own, so nothing is ever lost.
Each call is one transaction.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from data import audit
from data.errors import InvalidValue, ValidationFailed
from data.messages import Message, MessageList, input_problem
from data.models import Target
from data.store import Store


class ScenarioName(BaseModel):
    """A scenario's name as a user types it."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=60)

    @field_validator("name")
    @classmethod
    def _printable(cls, value: str) -> str:
        if not value.isprintable():
            raise InvalidValue.of("targets.scenario.not_printable")
        return value


def valid_scenario_name(name: str) -> str:
    """The name, trimmed; ValidationFailed saying what is wrong with it otherwise."""
    try:
        return ScenarioName(name=name).name
    except ValidationError as error:
        reason = input_problem(error.errors()[0])
        raise ValidationFailed(
            [Message("targets.scenario.bad_name", name=name, reason=reason)]
        ) from None


def _scope(scope: str) -> Message:
    """A target's scope (company, team, rep) in words of the message's language."""
    return Message(f"targets.scope.{scope}")


def _check_rows(rows: list[Target], metric: str, start: date, end: date) -> None:
    # KPI ids stay ids in the values: the interface names them (Message.relabel).
    problems = [
        Message(
            "targets.rows.other_period",
            row=n,
            scope=_scope(row.scope),
            scope_id=row.scope_id,
            metric=row.metric,
            start=row.period_start,
            end=row.period_end,
            expected_metric=metric,
            expected_start=start,
            expected_end=end,
        )
        for n, row in enumerate(rows, start=1)
        if (row.metric, row.period_start, row.period_end) != (metric, start, end)
    ]
    keys = [(row.scope, row.scope_id) for row in rows]
    if len(set(keys)) != len(keys):
        problems.append(Message("targets.rows.repeated"))
    if not rows:
        problems.append(Message("targets.rows.none"))
    if problems:
        raise ValidationFailed(problems)


# The team each person's targets for a period are filed under (table rep_period_teams,
# migration 0006): the team they were in for that period, as their sales are filed under the
# team on the order. That is the team on most of their order lines in the period (equal
# counts: the team of the latest of those lines, then the lower team_id); with no order in
# the period yet (a period still to come), the team they are in now.
_RECORD_REP_TEAMS = """
INSERT INTO rep_period_teams (rep_id, period_start, period_end, team_id)
WITH periods AS (
    SELECT DISTINCT scope_id AS rep_id, period_start, period_end
    FROM targets WHERE scope = 'rep' AND {which}
), sold AS (
    SELECT p.rep_id, p.period_start, p.period_end, o.team_id,
           count(*) AS lines, max(o.order_date) AS last_day
    FROM periods p
    JOIN orders o ON o.rep_id = p.rep_id AND o.order_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.rep_id, p.period_start, p.period_end, o.team_id
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY rep_id, period_start, period_end
                                 ORDER BY lines DESC, last_day DESC, team_id) AS n
    FROM sold
)
SELECT p.rep_id, p.period_start, p.period_end, coalesce(k.team_id, r.team_id)
FROM periods p
LEFT JOIN ranked k ON k.rep_id = p.rep_id AND k.period_start = p.period_start
                  AND k.period_end = p.period_end AND k.n = 1
LEFT JOIN reps r ON r.rep_id = p.rep_id
WHERE coalesce(k.team_id, r.team_id) IS NOT NULL
ON CONFLICT (rep_id, period_start, period_end) DO UPDATE SET team_id = excluded.team_id
"""


def record_rep_teams(cur: Any, start: date | None = None, end: date | None = None) -> None:
    """Record the team of every person with a target for [start, end] (every period when
    both are None), inside the caller's transaction `cur`. Every writer of rep targets calls
    this, so a person who moves team keeps each period's target with the team of that
    period."""
    if start is None or end is None:
        cur.execute(_RECORD_REP_TEAMS.format(which="true"))
        return
    cur.execute(
        _RECORD_REP_TEAMS.format(which="period_start = $start AND period_end = $end"),
        {"start": start, "end": end},
    )


def save_scenario(
    store: Store,
    name: str,
    metric: str,
    start: date,
    end: date,
    rows: list[Target],
    *,
    actor: int | None = None,
) -> int:
    """Save `rows` as scenario `name` for one KPI and period, replacing what that scenario
    held for them, with its audit row (target.scenario_save, by `actor`); returns the number
    of rows saved."""
    name = valid_scenario_name(name)
    _check_rows(rows, metric, start, end)
    with store.transaction() as cur:
        cur.execute(
            "DELETE FROM targets WHERE scenario = $name AND metric = $metric"
            " AND period_start = $start AND period_end = $end",
            {"name": name, "metric": metric, "start": start, "end": end},
        )
        cur.executemany(
            "INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (r.period_start, r.period_end, r.scope, r.scope_id, r.metric, r.value, name)
                for r in rows
            ],
        )
        record_rep_teams(cur, start, end)
        audit.record(
            cur, actor, "target.scenario_save", "target_scenario", name,
            _audit_details(metric, start, end, rows=len(rows)),
        )  # fmt: skip
    return len(rows)


def _audit_details(metric: str, start: date, end: date, **counts: int | str) -> dict[str, Any]:
    """What an audit row of a targets write names: the KPI, the period and row counts."""
    return {"metric": metric, "period_start": start, "period_end": end, **counts}


def delete_scenario(
    store: Store, name: str, metric: str, start: date, end: date, *, actor: int | None = None
) -> int:
    """Remove a scenario's rows for one KPI and period (official targets are never touched),
    with its audit row (target.scenario_delete, by `actor`) when a row went."""
    with store.transaction() as cur:
        cur.execute(
            "DELETE FROM targets WHERE scenario = $name AND metric = $metric"
            " AND period_start = $start AND period_end = $end RETURNING 1",
            {"name": name, "metric": metric, "start": start, "end": end},
        )
        deleted = len(cur.fetchall())
        if deleted:
            audit.record(
                cur, actor, "target.scenario_delete", "target_scenario", name,
                _audit_details(metric, start, end, rows=deleted),
            )  # fmt: skip
        return deleted


@dataclass(frozen=True)
class Published:
    """What publishing did: rows made official, and the official rows kept as a scenario."""

    published: int
    replaced: int
    replaced_scenario: str


def publish_scenario(
    store: Store,
    name: str,
    metric: str,
    start: date,
    end: date,
    *,
    replaced_scenario: str,
    actor: int | None = None,
) -> Published:
    """Make scenario `name` the official targets for its KPI and period.

    Official targets of the same teams and people that overlap the period move to scenario
    `replaced_scenario` (nothing is deleted). An official target that runs past the period's
    ends would be cut in two, so publishing refuses and names it instead.
    """
    replaced_scenario = valid_scenario_name(replaced_scenario)
    params = {"name": name, "metric": metric, "start": start, "end": end}
    overlap = """
        FROM targets o
        WHERE o.scenario IS NULL AND o.metric = $metric
          AND o.period_end >= $start AND o.period_start <= $end
          AND EXISTS (SELECT 1 FROM targets s
                      WHERE s.scenario = $name AND s.metric = $metric
                        AND s.period_start = $start AND s.period_end = $end
                        AND s.scope = o.scope AND s.scope_id IS NOT DISTINCT FROM o.scope_id)"""
    with store.transaction() as cur:
        count = cur.execute(
            "SELECT count(*) FROM targets WHERE scenario = $name AND metric = $metric"
            " AND period_start = $start AND period_end = $end",
            params,
        ).fetchone()
        if not count or not count[0]:
            raise ValidationFailed(
                [
                    Message(
                        "targets.scenario.missing", name=name, metric=metric, start=start, end=end
                    )
                ]
            )
        wider = cur.execute(
            f"SELECT o.scope, o.scope_id, o.period_start, o.period_end {overlap}"
            " AND (o.period_start < $start OR o.period_end > $end) ORDER BY 1, 2 LIMIT 3",
            params,
        ).fetchall()
        if wider:
            raise ValidationFailed(
                [
                    Message(
                        "targets.publish.wider",
                        metric=metric,
                        scope=_scope(scope),
                        scope_id=scope_id,
                        first=first,
                        last=last,
                        start=start,
                        end=end,
                    )
                    for scope, scope_id, first, last in wider
                ]
            )
        taken = cur.execute(
            "SELECT count(*) FROM targets WHERE scenario = $replaced",
            {"replaced": replaced_scenario},
        ).fetchone()
        if taken and taken[0]:
            raise ValidationFailed([Message("targets.scenario.taken", name=replaced_scenario)])
        replaced = cur.execute(
            f"UPDATE targets SET scenario = $replaced WHERE rowid IN (SELECT o.rowid {overlap})"
            " RETURNING 1",
            {**params, "replaced": replaced_scenario},
        ).fetchall()
        published = cur.execute(
            "INSERT INTO targets SELECT period_start, period_end, scope, scope_id, metric, value,"
            " NULL FROM targets WHERE scenario = $name AND metric = $metric"
            " AND period_start = $start AND period_end = $end RETURNING 1",
            params,
        ).fetchall()
        record_rep_teams(cur, start, end)
        audit.record(
            cur, actor, "target.publish", "target_scenario", name,
            _audit_details(
                metric, start, end, published=len(published), replaced=len(replaced),
                replaced_scenario=replaced_scenario,
            ),
        )  # fmt: skip
    return Published(len(published), len(replaced), replaced_scenario)


TARGET_FILE_COLUMNS = ("period_start", "period_end", "metric", "scope", "scope_id", "target")
# The headings the Targets page writes in Chinese (components/text_targets.py, checked by a
# test), read back as the columns they stand for.
TARGET_FILE_HEADINGS_ZH = {
    "开始日期": "period_start",
    "结束日期": "period_end",
    "指标": "metric",
    "范围": "scope",
    "范围编号": "scope_id",
    "名称": "name",
    "目标": "target",
}


def whole_units(value: str | float | Decimal, scale: int = 1) -> int:
    """`value` x `scale` as a whole number, rounded half-up ("12,400.505" x 100 = 1240051):
    how a target typed or read in the KPI's unit becomes base units (cents for money)."""
    text = str(value).replace(",", "").replace(" ", "")
    return int((Decimal(text) * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def read_target_file(
    content: bytes, file_name: str, units_per_value: Mapping[str, int]
) -> list[Target]:
    """Targets from a CSV or XLSX file in the layout the Targets page exports.

    Columns (headed in English or as the page writes them in Chinese; others, like name and
    group, are ignored): period_start, period_end (dates),
    metric, scope (company, team or rep), scope_id (blank for the company) and target, in the
    KPI's own unit (money in currency, not cents; a stock turnover level as the rate itself, 6
    or 6.5, stored in hundredths: 600, 650; `units_per_value` gives the factor per metric,
    metrics.catalogue.target_units_per_value). Raises ValidationFailed naming the row, column
    and value of every problem.
    """
    try:
        if file_name.lower().endswith(".xlsx"):
            frame = pd.read_excel(io.BytesIO(content), dtype=str, engine="openpyxl")
        else:
            frame = pd.read_csv(io.BytesIO(content), dtype=str, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, zipfile.BadZipFile) as error:
        # The reader's own words stay in the English text only: they are technical detail.
        unreadable = Message(
            "targets.file.unreadable",
            _english=f"{file_name} could not be read as a table: {error}",
            file=file_name,
        )
        raise ValidationFailed([unreadable]) from None
    headings = [str(c).strip() for c in frame.columns]
    frame.columns = [TARGET_FILE_HEADINGS_ZH.get(h, h.lower()) for h in headings]
    missing = [c for c in TARGET_FILE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValidationFailed(
            [Message("targets.file.missing_columns", file=file_name, columns=", ".join(missing))]
        )
    if frame.empty:
        raise ValidationFailed([Message("targets.file.no_rows", file=file_name)])
    rows: list[Target] = []
    problems: list[str] = []
    for position, record in enumerate(frame.fillna("").to_dict("records")):
        line = position + 2  # the header is line 1
        metric = record["metric"].strip()
        if metric not in units_per_value:
            problems.append(Message("targets.file.unknown_metric", line=line, value=metric))
            continue
        try:
            value = whole_units(record["target"], units_per_value[metric])
        except InvalidOperation:
            problems.append(Message("targets.file.bad_amount", line=line, value=record["target"]))
            continue
        scope_id = record["scope_id"].strip()
        try:
            rows.append(
                Target(
                    period_start=record["period_start"].strip()[:10],
                    period_end=record["period_end"].strip()[:10],
                    scope=record["scope"].strip(),
                    scope_id=int(float(scope_id)) if scope_id else None,
                    metric=metric,
                    value=value,
                )
            )
        except ValidationError as error:
            reasons = MessageList([_field_problem(e) for e in error.errors()], style="semicolon")
            problems.append(Message("targets.file.invalid_row", line=line, problems=reasons))
        except ValueError:
            problems.append(Message("targets.file.bad_scope_id", line=line, value=scope_id))
    if problems:
        raise ValidationFailed(problems)
    return rows


def _field_problem(error: Mapping[str, Any]) -> Message:
    """One field's problem in a row of a target file ("period_start: Input should be ...")."""
    reason = input_problem(error)
    field = ".".join(map(str, error["loc"]))
    if not field:  # a rule across fields (scope and scope_id) belongs to the whole row
        return Message("targets.file.row", reason=reason)
    return Message("targets.file.field", field=field, reason=reason)
