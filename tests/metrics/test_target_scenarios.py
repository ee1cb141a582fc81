"""The rows a per-person split of targets becomes (metrics.target_scenarios.target_rows),
worked out by hand on a small tree of teams."""

from __future__ import annotations

from datetime import date

import pandas as pd

from metrics.filters import Filters
from metrics.target_scenarios import target_rows

START, END = date(2026, 12, 1), date(2026, 12, 31)
# Team 1 (a root) holds groups 2 and 3; group 4 is under group 2; team 5 (a root) is empty.
TEAMS = pd.DataFrame(
    {"team_id": [1, 2, 3, 4, 5], "parent_id": pd.array([None, 1, 1, 2, None], dtype="Int64")}
)
# Rep 10 is in group 4 (100), rep 11 in group 2 (50), rep 12 in group 3 (7); rep 13 is in
# group 3 without a value of their own (counted as 0); rep 14 has no team.
PEOPLE_TEAMS = pd.Series({10: 4, 11: 2, 12: 3, 13: 3, 14: None}, dtype="Int64")
VALUES = pd.Series({10: 100, 11: 50, 12: 7})


def _rows(scope: Filters) -> list[tuple[str, int | None, int]]:
    made = target_rows(VALUES, PEOPLE_TEAMS, TEAMS, scope, "revenue", START, END)
    assert all((r.period_start, r.period_end, r.metric) == (START, END, "revenue") for r in made)
    return [(r.scope, r.scope_id, r.value) for r in made]


def test_each_team_sums_its_people_and_every_group_below_it() -> None:
    everyone = Filters(start=START, end=END)
    assert _rows(everyone) == [
        ("rep", 10, 100), ("rep", 11, 50), ("rep", 12, 7),
        # 1: 100 + 50 + 7; 2: 50 + 100 (group 4 below it); 3: 7 + 0; 4: 100; 5: nobody
        ("team", 1, 157), ("team", 2, 150), ("team", 3, 7), ("team", 4, 100),
        ("company", None, 157),
    ]  # fmt: skip


def test_a_teams_split_has_its_groups_and_no_company_row() -> None:
    group_2 = Filters(start=START, end=END, team_id=2)
    assert _rows(group_2) == [
        ("rep", 10, 100), ("rep", 11, 50), ("rep", 12, 7),
        ("team", 2, 150), ("team", 4, 100),
    ]  # fmt: skip
