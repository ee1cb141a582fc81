"""The Team page works out what its sections read for the scope side by side
(components.team_requests): its first batch is exactly those requests, for the whole company
and for one team, and the person panel's card is left to the person picked."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.requests_people import (
    CoverageGaps,
    PersonCard,
    TeamHeadcount,
    TeamMovements,
    TeamPeople,
    TeamSpan,
    Workload,
)
from tests.components.fetch_recorder import first_run, record_fetches

SCOPE_ONLY = (CoverageGaps, TeamPeople, TeamHeadcount, TeamSpan, TeamMovements, Workload)


@pytest.mark.parametrize("params", [{}, {"team": "Retail Stores"}], ids=["company", "one-team"])
def test_the_first_batch_is_what_the_sections_read_for_the_scope(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, params: dict[str, str]
) -> None:
    recorded = record_fetches(monkeypatch)
    first_run("pages/team.py", params)
    ours = recorded.batch_with(SCOPE_ONLY)
    assert len(ours) == 1 and len(ours[0]) == len(SCOPE_ONLY)
    assert set(ours[0]) == recorded.read(SCOPE_ONLY)
    assert recorded.read((PersonCard,))  # drawn, and not in the batch
