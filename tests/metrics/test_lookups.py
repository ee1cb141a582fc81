"""The team tree helpers that scope people to a team or a channel."""

from __future__ import annotations

from data.store import Store
from metrics import lookups


def test_a_team_includes_its_groups_and_groups_share_their_teams_channel(
    tiny_store: Store,
) -> None:
    teams = lookups.teams(tiny_store)
    assert lookups.teams_under(teams, 1) == {1, 11}  # North and North Hub
    assert lookups.teams_under(teams, 21) == {21}
    assert lookups.root_channels(teams) == {
        1: "retail",
        11: "retail",
        2: "wholesale",
        21: "wholesale",
    }
