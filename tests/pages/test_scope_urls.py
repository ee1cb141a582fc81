"""URL tampering: a lead who edits ?team= to another team, or a rep who names any team, is
refused in words (components.filters), and the page draws none of the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import components.filters
from data.store import Store
from metrics import lookups
from metrics.scope import Scope

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _teams(demo_db: Path) -> tuple[Scope, str, str, str]:
    """A lead's scope (the first top-level team), a group below it, and another top team."""
    store = Store(demo_db, read_only=True)
    teams = lookups.teams(store)
    store.close()
    tops = teams[teams["parent_id"].isna()]
    lead_team = int(tops.iloc[0]["team_id"])
    group = teams[teams["parent_id"] == lead_team].iloc[0]["name"]
    return Scope(kind="team", team_id=lead_team), tops.iloc[0]["name"], group, tops.iloc[1]["name"]


def _open(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.session_state["lang"] = "en"
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", ["pages/kpi_trends.py", "pages/team.py"])
def test_a_lead_editing_the_url_to_another_team_is_refused(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    scope, own, group, other = _teams(demo_db)
    # Who is signed in is components.auth_session's (written alongside); here the lead's scope
    # is given directly, so the test reads the refusal, not the sign-in.
    monkeypatch.setattr(components.filters, "user_scope", lambda: scope)
    refused = _open(page, {"team": other})
    assert [e.value for e in refused.error] == [
        f"You can see the numbers of {own} only (that team and the groups below it)."
    ]
    assert not refused.metric and not refused.dataframe  # no number was drawn
    allowed = _open(page, {"team": group})
    assert not allowed.error
    picker = allowed.sidebar.selectbox(key="team")
    assert picker.value == group and other not in picker.options and own in picker.options


def test_a_rep_naming_any_team_in_the_url_is_refused(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(demo_db, read_only=True)
    rep_id = int(lookups.reps(store).iloc[0]["rep_id"])
    store.close()
    _scope, own, _group, _other = _teams(demo_db)
    monkeypatch.setattr(components.filters, "user_scope", lambda: Scope(kind="rep", rep_id=rep_id))
    refused = _open("pages/kpi_trends.py", {"team": own})
    assert [e.value for e in refused.error] == ["You can see your own numbers only."]
    assert not refused.metric and not refused.dataframe
