"""Errors an import raises: each message says what is wrong with the file and what to do."""

from __future__ import annotations

from typing import Any

import pandas as pd

from data.errors import HuddleDataError
from data.messages import EN, Message, MessageList

PROBLEMS_IN_REFUSAL = 10  # rows with errors a refusal names; the report lists them all


class ImportFileError(HuddleDataError):
    """The file as a whole cannot be read (empty, binary, cut short, wrong encoding, ...)."""


class MappingError(HuddleDataError):
    """The column mapping is incomplete or names columns the file does not have."""


class ImportRejected(HuddleDataError):
    """The import was refused and nothing was written; `report` holds every problem found.

    Without a `key`, the key and values come from the report (`refusal_message`), so the
    refusal can be shown in the user's language whatever English `message` says."""

    def __init__(
        self, message: str, report: object, *, key: str | None = None, **values: object
    ) -> None:
        if key is None:
            refusal = refusal_message(report)
            if refusal is not None:
                key, values = refusal.key, refusal.values
        super().__init__(message, key=key, **values)
        self.report = report


class ForeignDataError(HuddleDataError):
    """The database holds the demo company (or data Huddle did not import): no silent mixing.
    Raise it as ForeignDataError.of("import.refused.foreign_data", path=...)."""


class CompanyMismatchError(HuddleDataError):
    """The file looks like another company's (company_match states the rule): nothing was
    written. `overlaps` says how little matched; `company` is the company's name, if set."""

    overlaps: tuple[Any, ...] = ()  # company_match.Overlap, one per kind compared
    company: str | None = None


def problem_message(code: str, reason: str, column: Any, value: Any, detail: Any) -> Message:
    """One row problem (a row of validate.problems_frame) as a message: import.problem.<code>
    filled with the problem's column, value and detail; its English is `reason` as recorded."""
    key = f"import.problem.{code}"
    values = {"column": _text(column), "value": _text(value), "detail": _text(detail)}
    if key not in EN:
        return Message("import.problem.other", _english=reason, **{**values, "detail": reason})
    return Message(key, _english=reason, **values)


def refusal_message(report: object) -> Message | None:
    """Why an import is (or would be) refused, from its report (runner.ImportReport): the
    problems that stop the whole file, else how many rows have errors and the first of them.
    None when nothing stops it."""
    name = getattr(report, "file_name", "")
    blocking = list(getattr(report, "blocking", None) or [])
    if blocking:
        reasons = MessageList(blocking, style="space")
        return Message("import.refused.blocking", file=name, reasons=reasons)
    rejected = int(getattr(report, "rejected", 0) or 0)
    if not rejected:
        return None
    problems = getattr(report, "problems", None)
    lines: list[str] = []
    if isinstance(problems, pd.DataFrame) and not problems.empty:
        first = problems[problems["severity"] == "error"].head(PROBLEMS_IN_REFUSAL)
        details = first["detail"] if "detail" in first else pd.Series(None, index=first.index)
        for r, detail in zip(first.itertuples(), details, strict=True):
            reason = problem_message(r.code, r.reason, r.column, r.value, detail)
            line = {"row": int(r.row), "column": _text(r.column), "reason": reason}
            if _text(r.value):
                lines.append(Message("import.refused.line", value=r.value, **line))
            else:
                lines.append(Message("import.refused.line_no_value", **line))
    return Message(
        "import.refused.rows",
        file=name,
        rejected=rejected,
        rows=int(getattr(report, "rows", 0) or 0),
        problems=MessageList(lines),
    )


def _text(value: Any) -> str:
    """A cell as text: blank for a missing value (None or NaN)."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
