"""The stand-up screen in AppTest: home page, presentation mode, the URL round trip."""

from __future__ import annotations

import re
from html.parser import HTMLParser
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


class _Table(HTMLParser):
    """The text of an HTML table's header cells and of each body row's cells."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[str] = []
        self.rows: list[list[str]] = []
        self._section = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self._section == "tbody":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell).strip()
            (self.columns if self._section == "thead" else self.rows[-1]).append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def board(at: AppTest) -> _Table:
    """The stand-up's people table (an HTML table, so it can grow for a room and fit a phone)."""
    table = _Table()
    table.feed(next(h.value for h in at.html if "huddle-board" in h.value))
    return table


def test_the_stand_up_is_the_home_page_and_shows_the_whole_screen(demo_db: Path) -> None:
    at = _app()
    assert not at.exception, [e.value for e in at.exception]
    headings = _headings(at)
    assert any(h.startswith("## Stand-up · Whole company") for h in headings), headings
    for part in ("so far", "Team, best pace first", "Wins", "To fix", "Follow-ups due"):
        assert any(part in h for h in headings), part
    assert [m.label for m in at.metric][:4] == ["Revenue", "Orders", "Deals won", "New customers"]
    people = board(at)
    assert people.columns == [
        "#", "Rep", "Attainment", "Pace", "Month target", "Month to date", "Day", "This month",
    ]  # fmt: skip
    assert len(people.rows) > 20
    first = dict(zip(people.columns, people.rows[0], strict=True))
    # Named for what they show: attainment is a percentage, the target an amount, and money
    # is in whole units as in every table ($2,025), never with cents ($2,025.15).
    assert first["Attainment"].endswith("%")
    for column in ("Month target", "Month to date", "Day"):
        assert re.fullmatch(r"\$\d{1,3}(,\d{3})*", first[column]), (column, first[column])


def test_the_url_picks_team_day_and_hides_amounts(demo_db: Path) -> None:
    day = DEMO_END.replace(day=DEMO_END.day - 3)
    at = _app(team="Showroom", as_of=day.isoformat(), hide_amounts="true")
    assert not at.exception, [e.value for e in at.exception]
    title = next(h for h in _headings(at) if h.startswith("## Stand-up"))
    assert "Showroom" in title
    columns = board(at).columns
    assert "Month to date" not in columns and "Day" not in columns
    assert "Month target" not in columns  # a person's target is their money too
    assert "Attainment" in columns and "Pace" in columns  # ranks and attainment stay
    assert at.query_params["team"] == "Showroom"


def test_presentation_mode_hides_the_menu_and_offers_a_way_out(demo_db: Path) -> None:
    at = _app(present="true", team="Showroom")
    assert not at.exception, [e.value for e in at.exception]
    exit_link = [m.value for m in at.markdown if "Exit presentation mode" in m.value]
    assert exit_link and "team=Showroom" in exit_link[0] and "present=" not in exit_link[0]
    assert at.toggle(key="present").value is True
