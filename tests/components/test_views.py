"""components.views.built: a view is built once per answer and display arguments, cached with
them, and each caller gets a copy of its own."""

from __future__ import annotations

from components.text import use_language
from components.views import built
from data.store import Store
from metrics.requests import Request

BUILDS: list[tuple[int, str]] = []


class Numbers(Request):
    """A small request: its answer is [n, n + 1] (the data version does not change it)."""

    n: int

    def run(self, store: Store) -> list[int]:
        return [self.n, self.n + 1]


def _rows(answer: list[int], *, label: str) -> list[str]:
    """A builder that notes each real build (not answered from the cache)."""
    BUILDS.append((answer[0], label))
    return [f"{label} {value}" for value in answer]


def test_a_view_is_built_once_per_answer_and_display_and_handed_out_as_a_copy() -> None:
    BUILDS.clear()
    mine = built(_rows, Numbers(n=1), label="a")
    assert mine == ["a 1", "a 2"]
    mine.append("changed")
    assert built(_rows, Numbers(n=1), label="a") == ["a 1", "a 2"]  # a copy, from the cache
    assert BUILDS == [(1, "a")]
    built(_rows, Numbers(n=1), label="b")  # another display argument: built
    built(_rows, Numbers(n=2), label="a")  # another answer: built
    with use_language("zh"):
        built(_rows, Numbers(n=1), label="a")  # another language: built
    assert BUILDS == [(1, "a"), (1, "b"), (2, "a"), (1, "a")]
