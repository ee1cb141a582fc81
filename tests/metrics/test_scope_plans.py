"""The Targets and Incentives reads under a scope: saved target scenarios and the directory
of names (metrics.requests_plans, metrics.scope.scenarios_in / reps_in).

The tiny company (tests/metrics/fixture.py): North (team 1) is Ann (101) in team 1 and Ben
(102) and Cai (103) in its group North Hub (11); South (team 2) is Dee (201) in team 2 and
Eve (202) in its group South Hub (21).
"""

from __future__ import annotations

from datetime import date

import pytest

from data.models import Target
from data.store import Store
from data.targets import publish_scenario, save_scenario
from metrics.requests_plans import (
    OfficialScenarios,
    RepDirectory,
    ScenarioPeople,
    Scenarios,
    ScenarioStatusOf,
)
from metrics.scope import ALL, OutOfScope, Scope
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

DEC = (date(2024, 12, 1), date(2024, 12, 31))
NORTH = Scope(kind="team", team_id=1)
NORTH_HUB = Scope(kind="team", team_id=11)
SOUTH = Scope(kind="team", team_id=2)
EVE = Scope(kind="rep", rep_id=202)


def _rows(values: dict[int, int]) -> list[Target]:
    return [
        Target(period_start=DEC[0], period_end=DEC[1], scope="rep", scope_id=rep_id,
               metric="revenue", value=value)
        for rep_id, value in values.items()
    ]  # fmt: skip


@pytest.fixture
def planned(new_store: StoreMaker) -> Store:
    """The tiny company with three saved December revenue scenarios: "north" for Ann, Ben and
    Cai (North's people), "hub" for Ben and Cai only (North Hub's), "company" for all five."""
    store = new_store("planned")
    build_tiny_company(store)
    save_scenario(store, "north", "revenue", *DEC, _rows({101: 100_00, 102: 200_00, 103: 300_00}))
    save_scenario(store, "hub", "revenue", *DEC, _rows({102: 250_00, 103: 250_00}))
    everyone = {101: 100_00, 102: 100_00, 103: 100_00, 201: 100_00, 202: 100_00}
    save_scenario(store, "company", "revenue", *DEC, _rows(everyone))
    return store


def _names(store: Store, scope: Scope) -> list[str]:
    return sorted(Scenarios(scope=scope).run(store)["name"])


def test_a_lead_lists_only_the_scenarios_of_their_team(planned: Store) -> None:
    # A scenario is a lead's when every person target in it is for someone in their team
    # (or a group below it): North's lead gets "north" and "hub" (Ben and Cai sit in North
    # Hub, below North), North Hub's lead only "hub", South's lead none (no scenario is
    # South's alone), and nobody but the whole company's roles gets "company" (Dee and Eve
    # are in it), nor the fixture's own "stretch" (November: one company row, no person).
    assert _names(planned, ALL) == ["company", "hub", "north", "stretch"]
    assert _names(planned, NORTH) == ["hub", "north"]
    assert _names(planned, NORTH_HUB) == ["hub"]
    assert _names(planned, SOUTH) == []
    assert _names(planned, EVE) == []  # a rep sets no targets


def test_a_scenario_outside_the_scope_is_refused(planned: Store) -> None:
    key = {"metric": "revenue", "start": DEC[0], "end": DEC[1]}
    north = ScenarioPeople(name="north", **key, scope=NORTH).run(planned)
    assert north.to_dict() == {101: 100_00, 102: 200_00, 103: 300_00}  # as saved, in cents
    assert ScenarioStatusOf(name="hub", **key, scope=NORTH).run(planned).replaces == 0
    for name, scope in (("company", NORTH), ("north", NORTH_HUB), ("hub", SOUTH), ("hub", EVE)):
        with pytest.raises(OutOfScope):
            ScenarioPeople(name=name, **key, scope=scope).run(planned)
        with pytest.raises(OutOfScope):
            ScenarioStatusOf(name=name, **key, scope=scope).run(planned)


def test_official_scenarios_are_listed_within_the_scope(planned: Store) -> None:
    # No target is official yet: nothing is listed for anyone (the list is only narrowed).
    key = {"metric": "revenue", "start": DEC[0], "end": DEC[1]}
    assert OfficialScenarios(**key).run(planned) == []
    assert OfficialScenarios(**key, scope=NORTH).run(planned) == []


def test_the_directory_of_names_is_the_scopes(planned: Store) -> None:
    # Everyone for the whole company; North's lead: Ann, Ben, Cai; Eve: herself.
    assert sorted(RepDirectory().run(planned)["rep_id"]) == [101, 102, 103, 201, 202]
    assert sorted(RepDirectory(scope=NORTH).run(planned)["rep_id"]) == [101, 102, 103]
    assert sorted(RepDirectory(scope=SOUTH).run(planned)["rep_id"]) == [201, 202]
    assert list(RepDirectory(scope=EVE).run(planned)["rep_id"]) == [202]


def _turnover(rows: dict[tuple[str, int | None], int]) -> list[Target]:
    return [
        Target(period_start=DEC[0], period_end=DEC[1], scope=scope, scope_id=scope_id,
               metric="inventory_turnover", value=value)
        for (scope, scope_id), value in rows.items()
    ]  # fmt: skip


def test_a_lead_sets_their_store_teams_turnover_levels(planned: Store) -> None:
    # Stock turnover is a level per store team: a scenario of team targets only (no person).
    # It is a lead's when every target in it is for their team or a group below it: "n-turn"
    # (North 1 and North Hub 11, 6.00 and 4.50 in hundredths) is North's lead's, not North
    # Hub's (North is above it); "hub-turn" (North Hub) is both; "all-turn" has a company
    # row too, so only the whole company's roles get it.
    save_scenario(planned, "n-turn", "inventory_turnover", *DEC,
                  _turnover({("team", 1): 600, ("team", 11): 450}))  # fmt: skip
    save_scenario(planned, "hub-turn", "inventory_turnover", *DEC,
                  _turnover({("team", 11): 500}))  # fmt: skip
    save_scenario(planned, "all-turn", "inventory_turnover", *DEC,
                  _turnover({("team", 1): 600, ("company", None): 600}))  # fmt: skip
    assert _names(planned, NORTH) == ["hub", "hub-turn", "n-turn", "north"]
    assert _names(planned, NORTH_HUB) == ["hub", "hub-turn"]
    assert _names(planned, SOUTH) == []
    assert _names(planned, EVE) == []
    assert "all-turn" in _names(planned, ALL)
    # Before anything is official, the lead's scenario replaces no team's target.
    key = {"metric": "inventory_turnover", "start": DEC[0], "end": DEC[1]}
    status = ScenarioStatusOf(name="hub-turn", **key, scope=NORTH).run(planned)
    assert (status.replaces, status.replaces_teams, status.official) == (0, 0, False)
    # With "n-turn" official, "hub-turn" would replace one team's target (North Hub 4.50 by
    # 5.00), and "n-turn" itself is the official one.
    publish_scenario(planned, "n-turn", *key.values(), replaced_scenario="before")
    status = ScenarioStatusOf(name="hub-turn", **key, scope=NORTH).run(planned)
    assert (status.replaces, status.replaces_teams) == (0, 1)
    assert OfficialScenarios(**key, scope=NORTH).run(planned) == ["n-turn"]
