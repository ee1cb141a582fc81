"""Errors an import raises: each message says what is wrong with the file and what to do."""

from __future__ import annotations

from data.errors import HuddleDataError


class ImportFileError(HuddleDataError):
    """The file as a whole cannot be read (empty, binary, cut short, wrong encoding, ...)."""


class MappingError(HuddleDataError):
    """The column mapping is incomplete or names columns the file does not have."""


class ImportRejected(HuddleDataError):
    """The import was refused and nothing was written; `report` holds every problem found."""

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report


class ForeignDataError(HuddleDataError):
    """The database holds the demo company (or data Huddle did not import): no silent mixing."""
