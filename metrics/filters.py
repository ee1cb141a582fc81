"""What the user has narrowed the numbers down to: a date range and who is in scope."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, model_validator


class Filters(BaseModel):
    """The global filters every query takes. All of them become query parameters."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date
    end: date
    team_id: int | None = None  # this team and every group below it
    channel: str | None = None
    rep_id: int | None = None
    hide_leavers: bool = False  # leave out people who had left by `end`

    @model_validator(mode="after")
    def _ordered(self) -> Filters:
        if self.end < self.start:
            raise ValueError(f"The period ends ({self.end}) before it starts ({self.start}).")
        return self

    def with_dates(self, start: date, end: date) -> Filters:
        """The same scope over other dates."""
        return self.model_copy(update={"start": start, "end": end})
