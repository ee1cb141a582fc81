"""What the user has narrowed the numbers down to: a date range and who is in scope."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, model_validator

from metrics.periods import PeriodKind
from metrics.scope import ALL, Scope


class Filters(BaseModel):
    """The global filters every query takes. Dates and scope become query parameters; the
    period's kind only chooses the period compared with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date
    end: date
    team_id: int | None = None  # this team and every group below it
    channel: str | None = None
    rep_id: int | None = None
    hide_leavers: bool = False  # leave out people who had left by `end`
    # What kind of period the dates are (month to date: "month"; last 30 days: "rolling"). It
    # decides the period compared with and retention's base (metrics.periods.period_unit);
    # None reads it from the dates: a month, else a quarter, else a year, else rolling.
    period_kind: PeriodKind | None = None
    # Whose rows the signed-in user may read (metrics.scope). The compiler adds its condition
    # to every query on top of the filters above, and it is part of every cache key.
    scope: Scope = ALL

    @model_validator(mode="after")
    def _ordered(self) -> Filters:
        if self.end < self.start:
            raise ValueError(f"The period ends ({self.end}) before it starts ({self.start}).")
        return self

    def with_dates(self, start: date, end: date) -> Filters:
        """The same scope over other dates, of the same kind (a comparison period, the whole
        period); where the kind does not fit the new dates, it is read from them."""
        return self.model_copy(update={"start": start, "end": end})
