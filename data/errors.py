"""Errors the data layer raises, each with a message a team lead can act on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Self


class HuddleDataError(Exception):
    """Base class: the message is meant to be shown to the user as it is.

    Raised with `of(key, **values)`, the error also carries a key of data.messages, so the
    interface can show it in the user's language (components.text.error_text)."""

    def __init__(self, message: str = "", *, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values

    @classmethod
    def of(cls, key: str, **values: object) -> Self:
        """The error whose message is data.messages entry `key` with `values` filled in."""
        from data.messages import english  # here, because data.messages imports this package

        return cls(english(key, **values), key=key, **values)


class DatabaseLockedError(HuddleDataError):
    """Another process holds the DuckDB file open for writing."""

    def __init__(self, path: Path, detail: str) -> None:
        pid = re.search(r"PID (\d+)", detail)
        holder = f"another program (process {pid.group(1)})" if pid else "another program"
        super().__init__(
            f"The database file {path} is in use by {holder}. DuckDB lets only one program "
            "at a time open a file it can write to: stop the Huddle app (or the other "
            "command) and try again, or point this command at another file with --db."
        )
        self.path = path


class DatabaseNewerError(HuddleDataError):
    """The file was written by a newer Huddle than this one."""


class ValidationFailed(HuddleDataError):
    """Rows were rejected; nothing was written. `problems` names each one and where it is."""

    def __init__(self, problems: list[str]) -> None:
        shown = "\n".join(f"- {p}" for p in problems[:20])
        more = f"\n…and {len(problems) - 20} more." if len(problems) > 20 else ""
        super().__init__(f"Nothing was saved, because:\n{shown}{more}")
        self.problems = problems
