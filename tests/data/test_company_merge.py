"""Merging two people or two teams carries the team each target period is filed under."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from data.importing.company import merge
from data.store import Store


def _company(path: Path) -> Store:
    store = Store(path)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO teams VALUES (1, 'Alpha', NULL, 'retail', NULL),"
            " (2, 'Beta', NULL, 'retail', NULL), (3, 'Beta ', NULL, 'retail', NULL)"
        )
        con.execute(
            "INSERT INTO reps VALUES (10, 'Mo', 1, 'sales_rep', DATE '2024-01-01', NULL),"
            " (11, 'Mo.', 2, 'sales_rep', DATE '2024-01-01', NULL)"
        )
        # Mo (10) has June filed under Alpha; the duplicate Mo. (11) has June under Beta and
        # July under the duplicate team 3.
        con.execute(
            "INSERT INTO rep_period_teams VALUES"
            " (10, DATE '2026-06-01', DATE '2026-06-30', 1),"
            " (11, DATE '2026-06-01', DATE '2026-06-30', 2),"
            " (11, DATE '2026-07-01', DATE '2026-07-31', 3)"
        )
    return store


def test_merging_people_moves_their_target_teams_and_keeps_the_survivors(
    tmp_path: Path,
) -> None:
    store = _company(tmp_path / "merge.duckdb")
    merge(store, "reps", 11, 10)
    rows = store.rows("SELECT * FROM rep_period_teams ORDER BY ALL")
    # June: both had a row; the surviving person's (Alpha) stands. July moves over to 10.
    assert rows == [
        (10, date(2026, 6, 1), date(2026, 6, 30), 1),
        (10, date(2026, 7, 1), date(2026, 7, 31), 3),
    ]
    store.close()


def test_merging_teams_refiles_target_periods_under_the_survivor(tmp_path: Path) -> None:
    store = _company(tmp_path / "merge.duckdb")
    merge(store, "teams", 3, 2)
    teams = store.rows("SELECT rep_id, team_id FROM rep_period_teams ORDER BY ALL")
    assert teams == [(10, 1), (11, 2), (11, 2)]
    store.close()
