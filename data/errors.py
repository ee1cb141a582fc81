"""Errors the data layer raises, each with a message a team lead can act on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from data.messages import Message


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


class InvalidValue(ValueError):
    """A validator's complaint that keeps its message's key and values: pydantic wraps it in
    a ValidationError, and data.messages.input_problem finds it there to translate it."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    @classmethod
    def of(cls, key: str, **values: Any) -> Self:
        """The complaint whose message is data.messages entry `key` with `values` filled in."""
        from data.messages import Message

        return cls(Message(key, **values))


class DatabaseLockedError(HuddleDataError):
    """Another process holds the DuckDB file open for writing."""

    def __init__(self, path: Path, detail: str) -> None:
        from data.messages import english

        pid = re.search(r"PID (\d+)", detail)
        values: dict[str, object] = {"path": str(path)}
        if pid:
            values["pid"] = int(pid.group(1))
        key = "db.locked" if pid else "db.locked_unknown"
        super().__init__(english(key, **values), key=key, **values)
        self.path = path


class DatabaseNewerError(HuddleDataError):
    """The file was written by a newer Huddle than this one."""


class ValidationFailed(HuddleDataError):
    """Rows were rejected; nothing was written. `problems` names each one and where it is.

    Each problem is its English text; one built as a data.messages.Message also keeps its key
    and values, so the interface shows the whole refusal in the user's language."""

    SHOWN = 20  # problems listed in the message; the rest are counted

    def __init__(self, problems: Sequence[str]) -> None:
        from data.messages import MessageList, english

        listed = MessageList(problems, limit=self.SHOWN)
        key = "validation.nothing_saved"
        super().__init__(english(key, problems=listed), key=key, problems=listed)
        self.problems = list(problems)
