"""AppTest run of KPI Trends with a store team's stock-turnover target (a level, issue 23)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def writable_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company the test may write to."""
    path = tmp_path / "demo-copy.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _store_team_with_a_target(path: Path, value: int) -> str:
    """The first store team holding stock (a group in the demo: Downtown Store), given an
    official November 2026 turnover target of `value` hundredths; its name (the team
    filter's URL value)."""
    store = Store(path)
    team_id, name = store.rows(
        "SELECT t.team_id, t.name FROM teams t"
        " WHERE EXISTS (SELECT 1 FROM stock s WHERE s.team_id = t.team_id) ORDER BY 1 LIMIT 1"
    )[0]
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO targets VALUES ('2026-11-01', '2026-11-30', 'team', $team,"
            " 'inventory_turnover', $value, NULL)",
            {"team": team_id, "value": value},
        )
    store.close()
    return str(name)


def _plotly_specs(at: AppTest) -> list[dict]:
    found: list[dict] = []

    def visit(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name == "PlotlyChart":
            found.append(json.loads(proto.spec))
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_store_teams_turnover_target_shows_with_its_level_rule(
    writable_demo: Path, language: str
) -> None:
    # 6.50 turns for November, stored as 650. Month to date (1-20 Nov) the target is the level
    # 6.50 itself, not 20/30 of it; off track at or below 6.50 x 0.9 = 5.85.
    team = _store_team_with_a_target(writable_demo, 650)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["lang"] = language
    at.query_params["team"] = team
    at.query_params["kpis"] = "inventory_turnover"
    at.query_params["grain"] = "week"
    at.switch_page("pages/kpi_trends.py").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    if language == "en":
        assert any(c.startswith("Target 6.5") and "attained" in c for c in captions), captions
        rule = [c for c in captions if c.startswith("A level target")]
        assert rule and "at or above 6.5" in rule[0] and "at or below 5.85" in rule[0], captions
    else:
        assert any(c.startswith("目标6.5") for c in captions), captions
        rule = [c for c in captions if c.startswith("水平目标")]
        assert rule and "6.5" in rule[0] and "5.85" in rule[0], captions
    # The pace badge (st.badge draws as markdown ":color-badge[...]"), in the page's words.
    paces = {"en": ("On track", "Caution", "Off track"), "zh": ("进度正常", "需关注", "落后")}
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert any(p in b for b in badges for p in paces[language]), badges
    # The trend chart draws the target as a stepped line at 6.5 for every November bucket.
    trend = _plotly_specs(at)[0]
    target_name = "Target" if language == "en" else "目标"
    steps = [tr for tr in trend["data"] if tr.get("name") == target_name]
    assert steps and steps[0]["line"]["shape"] == "hv"
    assert {round(y, 2) for y in steps[0]["y"] if y is not None} == {6.5}
