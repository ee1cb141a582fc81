"""Record what a page asks the cache for: each batch worked out side by side (cache.fetch_all)
and each request fetched (cache.fetch), for the tests of the pages' first batches; and run a
page once through app.py from a link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from components import cache
from metrics.requests import Request

APP = Path(__file__).resolve().parents[2] / "app.py"


@dataclass
class Recorded:
    batches: list[list[Request]] = field(default_factory=list)
    fetched: list[Request] = field(default_factory=list)

    def batch_with(self, kinds: tuple[type[Request], ...]) -> list[list[Request]]:
        """The batches holding a request of one of `kinds` (a request's own parts are fetched
        as a batch too, mostly empty)."""
        return [b for b in self.batches if any(isinstance(r, kinds) for r in b)]

    def read(self, kinds: tuple[type[Request], ...]) -> set[Request]:
        return {r for r in self.fetched if isinstance(r, kinds)}


def record_fetches(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    recorded = Recorded()
    side_by_side, one = cache.fetch_all, cache.fetch

    def batch(requests: Sequence[Request]) -> list[Any]:
        recorded.batches.append(list(requests))
        return side_by_side(requests)

    def fetch(request: Request) -> Any:
        recorded.fetched.append(request)
        return one(request)

    monkeypatch.setattr(cache, "fetch_all", batch)
    monkeypatch.setattr(cache, "fetch", fetch)
    return recorded


def first_run(page: str, params: dict[str, str]) -> AppTest:
    """`page` run once, opened from a link holding `params`; it must not raise."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params.update(params)
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at
