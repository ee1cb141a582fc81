"""The team tree helpers that scope people to a team or a channel, and the customers in a
scope that the one-customer picker offers."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.store import Store
from metrics import lookups
from metrics.filters import Filters


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


def test_customers_in_scope_for_the_one_customer_picker(tiny_store: Store) -> None:
    # North (team 1 and North Hub) up to 30 Sep 2024: S-01 is Acme's order in North; no North
    # activity yet (the first is 1 Nov); North's people (Ann, Ben, Cai) own Acme, Fir (Ann),
    # Birch (Ben) and Elm (Cai). So Birch, Elm and Fir are there by owner alone.
    north = Filters(start=date(2024, 9, 1), end=date(2024, 9, 30), team_id=1)
    assert _records(lookups.customers(tiny_store, north)) == [
        (1, "Acme", "Ann"),
        (2, "Birch", "Ben"),
        (5, "Elm", "Cai"),
        (6, "Fir", "Ann"),
    ]
    # South (team 2 and South Hub) up to 30 Nov: Acme (N-07 by Dee) and Fir (N-06 by Eve) have
    # orders in South though owned in North; Cedar and Delta are owned in South.
    south = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30), team_id=2)
    assert _records(lookups.customers(tiny_store, south)) == [
        (1, "Acme", "Ann"),
        (3, "Cedar", "Dee"),
        (4, "Delta", "Eve"),
        (6, "Fir", "Ann"),
    ]


def _records(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]
