"""The stand-up screen in AppTest: home page, presentation mode, the URL round trip."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import DEMO_END

ROOT = Path(__file__).resolve().parents[2]


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(params)
    return at.run()


def _headings(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_stand_up_is_the_home_page_and_shows_the_whole_screen(demo_db: Path) -> None:
    at = _app()
    assert not at.exception, [e.value for e in at.exception]
    headings = _headings(at)
    assert any(h.startswith("## Stand-up · Whole company") for h in headings), headings
    for part in ("so far", "Team, best pace first", "Wins", "To fix", "Follow-ups due"):
        assert any(part in h for h in headings), part
    assert [m.label for m in at.metric][:4] == ["Revenue", "Orders", "Deals won", "New customers"]
    board = at.dataframe[0].value
    assert {"Rep", "Pace", "Month target", "Month to date"} <= set(board.columns)
    assert len(board) > 20


def test_the_url_picks_team_day_and_hides_amounts(demo_db: Path) -> None:
    day = DEMO_END.replace(day=DEMO_END.day - 3)
    at = _app(team="Showroom", as_of=day.isoformat(), hide_amounts="true")
    assert not at.exception, [e.value for e in at.exception]
    title = next(h for h in _headings(at) if h.startswith("## Stand-up"))
    assert "Showroom" in title
    board = at.dataframe[0].value
    assert "Month to date" not in board.columns and "Day" not in board.columns
    assert "Month target" in board.columns  # ranks and attainment stay
    assert at.query_params["team"] == "Showroom"


def test_presentation_mode_hides_the_menu_and_offers_a_way_out(demo_db: Path) -> None:
    at = _app(present="true", team="Showroom")
    assert not at.exception, [e.value for e in at.exception]
    exit_link = [m.value for m in at.markdown if "Exit presentation mode" in m.value]
    assert exit_link and "team=Showroom" in exit_link[0] and "present=" not in exit_link[0]
    assert at.toggle(key="present").value is True
