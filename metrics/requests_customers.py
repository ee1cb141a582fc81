"""Requests of the customer file page (see metrics.requests and metrics.customer_file)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data.store import Store
from metrics import customer_file
from metrics.requests import Request
from metrics.scope import ALL, Scope, check_customer


class CustomerSearch(Request):
    """Customers in `scope` matching `words`, and how many match in all."""

    scope: Scope = ALL
    words: str
    limit: int = customer_file.SEARCH_LIMIT

    def run(self, store: Store) -> tuple[pd.DataFrame, int]:
        return customer_file.search(store, self.scope, self.words, limit=self.limit)


class CustomerFile(Request):
    """One customer's head of file, segment history and timeline; a customer outside the
    user's scope is refused (metrics.scope.check_customer). None for an unknown customer (to
    a user who sees every customer; anyone else is refused it)."""

    customer_id: int
    as_of: date
    scope: Scope = ALL

    def run(self, store: Store) -> dict[str, Any] | None:
        # Scope first: to a rep or a lead, an id outside their customers is refused whether
        # or not it exists, so trying ids tells them nothing.
        check_customer(store, self.scope, self.customer_id)
        head = customer_file.summary(store, self.customer_id, self.as_of)
        if head is None:
            return None
        events, since = customer_file.timeline(store, self.customer_id)
        return {
            "summary": head,
            "history": customer_file.segment_history(store, self.customer_id, self.as_of),
            "timeline": events,
            "since": since,
        }


class CustomerNotes(Request):
    """The team's notes (latest versions) and current tags of one customer in scope."""

    customer_id: int
    scope: Scope = ALL

    def run(self, store: Store) -> dict[str, pd.DataFrame]:
        check_customer(store, self.scope, self.customer_id)
        return {
            "notes": customer_file.notes(store, self.customer_id),
            "tags": customer_file.tags(store, self.customer_id),
        }


class CustomerNoteVersions(Request):
    """Every version of one note of a customer in scope, newest first."""

    customer_id: int
    note_id: str
    scope: Scope = ALL

    def run(self, store: Store) -> pd.DataFrame:
        check_customer(store, self.scope, self.customer_id)
        return customer_file.note_versions(store, self.customer_id, self.note_id)
