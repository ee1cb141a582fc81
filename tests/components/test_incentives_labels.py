"""The names the Incentives page shows: people who share a name are told apart, and the
labels are worked out once per directory, data version and language."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components import cache
from components.incentives_view import people_labels, person_labels
from components.text import use_language
from metrics.filters import Filters
from metrics.requests_plans import RepDirectory
from tests.conftest import DEMO_END

PEOPLE = pd.DataFrame(
    {
        "rep_id": [1, 2, 3, 4, 5, 6],
        "rep": ["Ann", "Ann", "Bo", "Bo", "Cy", "Di"],
        "group": ["North", "South", "East", "East", "East", None],
        "team": ["Retail", "Retail", "Retail", "Retail", "Retail", None],
    }
)


def test_namesakes_get_their_group_then_their_id() -> None:
    # The two Anns are in different groups; the two Bos share theirs, so their ids tell them
    # apart; Cy and Di have their names to themselves.
    assert person_labels(PEOPLE) == {
        1: "Ann (North)", 2: "Ann (South)", 3: "Bo (East) (#3)", 4: "Bo (East) (#4)",
        5: "Cy", 6: "Di",
    }  # fmt: skip
    with use_language("zh"):
        assert person_labels(PEOPLE)[1] == "Ann（North）"
        assert person_labels(PEOPLE)[3] == "Bo（East）（编号3）"


def test_a_namesake_without_a_group_or_team_gets_their_id() -> None:
    people = pd.DataFrame(
        {"rep_id": [7, 8], "rep": ["Ed", "Ed"], "group": [None, None], "team": [None, None]}
    )
    assert person_labels(people) == {7: "Ed (#7)", 8: "Ed (#8)"}


def test_the_labels_are_worked_out_once_per_language_and_shared_read_only() -> None:
    scope = Filters(start=date(2026, 11, 1), end=DEMO_END)
    first = people_labels(scope)
    assert people_labels(scope) is first  # the second section of the page reads them back
    assert dict(first) == person_labels(cache.fetch(RepDirectory(scope=scope.scope)))
    with pytest.raises(TypeError):
        first[1] = "someone else"  # type: ignore[index]
    with use_language("zh"):
        assert people_labels(scope) is not first
