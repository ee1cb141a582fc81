"""The signed-in user's scope in the components: who it is when sign-in is off, and that the
cache keeps one answer per scope (components.cache.fetch keys on the request's fields)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from components import cache
from components.filters import user_scope
from data.store import Store
from metrics.filters import Filters
from metrics.requests import Request, Teams
from metrics.scope import ALL, Scope

SEEN: list[Scope] = []


class ScopeSeen(Request):
    """A request that notes the scope each time it is really run (not from the cache)."""

    filters: Filters

    def run(self, store: Store) -> str:
        SEEN.append(self.filters.scope)
        return self.filters.scope.kind


def test_sign_in_off_reads_every_team(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUDDLE_AUTH", "off")
    assert user_scope() == ALL


def test_two_scopes_are_two_fetches(isolated_database: Path) -> None:
    SEEN.clear()
    nov = {"start": date(2024, 11, 1), "end": date(2024, 11, 30)}
    north = Scope(kind="team", team_id=1)
    eve = Scope(kind="rep", rep_id=202)
    assert cache.fetch(ScopeSeen(filters=Filters(**nov, scope=north))) == "team"
    assert cache.fetch(ScopeSeen(filters=Filters(**nov, scope=eve))) == "rep"
    assert cache.fetch(ScopeSeen(filters=Filters(**nov, scope=north))) == "team"
    assert [north, eve] == SEEN  # the lead's second ask came from the cache, the rep's did not


def test_a_leads_stand_up_never_rotates_to_another_team(demo_db: Path) -> None:
    # Rotation every 15 s steps through the top-level teams for the scope of everyone; the
    # lead of a group (never a top-level team, so whatever the clock says the old rotation
    # would have moved away from it) stays on their own group.
    from components.filters import GlobalFilters
    from components.standup_controls import StandupControls, rotating_team

    nov = {"start": date(2026, 11, 1), "end": date(2026, 11, 20)}
    teams = cache.fetch(Teams())
    group = teams[teams["parent_id"].notna()].iloc[0]
    own = int(group["team_id"])
    lead = Filters(**nov, team_id=own, scope=Scope(kind="team", team_id=own))
    chosen = GlobalFilters(lead, date(2026, 11, 20), "mtd", date(2026, 1, 1), group["name"])
    controls = StandupControls(hide_amounts=False, refresh_minutes=0, rotate_seconds=15)
    assert rotating_team(chosen, controls) == (lead, group["name"])
