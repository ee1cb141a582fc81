"""The stand-up screen in AppTest: home page, presentation mode, the URL round trip."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import standup_commitments, standup_people, views
from components.format import md
from data.commitments import NewCommitment, add_commitment, new_submission_id
from data.config import DB_ENV_VAR
from data.store import Store
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
    for part in ("so far", "Who needs help", "Commitments", "Wins", "To fix", "Follow-ups due"):
        assert any(part in h for h in headings), part
    assert [m.label for m in at.metric][:4] == ["Revenue", "Orders", "Deals won", "New customers"]
    # The board leads with who needs help, saying why; the people on track are folded.
    people = board(at)
    assert people.columns == [
        "#", "Rep", "Attainment", "Pace", "Why", "Month target", "Month to date", "Day",
        "This month",
    ]  # fmt: skip
    assert people.rows and all(row[4] for row in people.rows)
    rule = "Needs help: behind pace (below the target to date), no call, visit, message or"
    assert any(c.value.startswith(rule) for c in at.caption)
    assert any(e.label.startswith("On track (") for e in at.expander)
    first = dict(zip(people.columns, people.rows[0], strict=True))
    # Named for what they show: attainment is a percentage, the target an amount, and money
    # is in whole units as in every table ($2,025), never with cents ($2,025.15).
    assert first["Attainment"].endswith("%")
    for column in ("Month target", "Month to date", "Day"):
        assert re.fullmatch(r"\$\d{1,3}(,\d{3})*", first[column]), (column, first[column])


def test_a_big_boards_parts_show_their_first_people_and_say_so(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The demo's 65 people stand for a company of thousands: each part of the board is cut.
    whole = _app()
    parts = [len(_parsed(h.value).rows) for h in whole.html if "huddle-board" in h.value]
    monkeypatch.setattr(standup_people, "BOARD_ROWS", 3)
    views.clear_views()  # the board as built before the rule changed
    at = _app()
    assert not at.exception, [e.value for e in at.exception]
    cut = [len(_parsed(h.value).rows) for h in at.html if "huddle-board" in h.value]
    assert cut == [min(n, 3) for n in parts] and max(parts) > 3
    said = [c.value for c in at.caption if c.value.startswith("The first 3 of")]
    assert sorted(said) == sorted(
        f"The first 3 of {n} people are shown, in this order: pick a team in the filters to see"
        " all of its people."
        for n in parts
        if n > 3
    )


def _parsed(html: str) -> _Table:
    table = _Table()
    table.feed(html)
    return table


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


# --- commitments (issue 20) ---------------------------------------------------------------

# DEMO_END is Friday 20 Nov 2026 (the as-of date stops at the data's last day): a stand-up on
# Tuesday 17 Nov, and the next one on Wednesday 18 Nov.
TUESDAY, WEDNESDAY = DEMO_END - timedelta(days=3), DEMO_END - timedelta(days=2)


@pytest.fixture
def demo_copy(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo to write commitments into."""
    path = tmp_path / "standup.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _record(at: AppTest, who: str, what: str) -> AppTest:
    """Fill the stand-up's commitment form and press Record."""
    next(s for s in at.selectbox if s.label == "Who").select(who)
    next(i for i in at.text_input if i.label == "Will do what").input(what)
    return next(b for b in at.button if b.label == "Record").click().run()


def _lines(at: AppTest) -> list[str]:
    return [c.label for c in at.checkbox]


def test_record_a_commitment_and_see_it_at_the_next_stand_up(demo_copy: Path) -> None:
    at = _app(as_of=TUESDAY.isoformat(), team="Showroom")
    assert not at.exception, [e.value for e in at.exception]
    who = next(s for s in at.selectbox if s.label == "Who").options[0]
    at = _record(at, who, "Call the three quiet customers")
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [f"Commitment recorded for {who}."]
    assert any("Call the three quiet customers" in line for line in _lines(at))
    # The same submission again (a double click: same form, same values) lands once.
    at = _record(at, who, "Call the three quiet customers")
    store = Store(demo_copy)
    assert store.rows("SELECT what, standup_day, due_date FROM commitments") == [
        ("Call the three quiet customers", TUESDAY, WEDNESDAY)  # by default: the next day
    ]
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'commitment.add'") == 1
    store.close()

    # Wednesday's stand-up opens with Tuesday's commitments, not done yet; ticking one is a
    # write (its audit row too).
    at = _app(as_of=WEDNESDAY.isoformat(), team="Showroom")
    assert not at.exception, [e.value for e in at.exception]
    opening = [e.label for e in at.expander if "From the stand-up of" in e.label]
    assert opening == [":material/task_alt: From the stand-up of Tue 17 Nov 2026: 0 of 1 done"]
    box = next(c for c in at.checkbox if "Call the three quiet customers" in c.label)
    assert box.value is False
    at = box.check().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Marked done." in [s.value for s in at.success]
    opening = [e.label for e in at.expander if "From the stand-up of" in e.label]
    assert opening == [":material/task_alt: From the stand-up of Tue 17 Nov 2026: 1 of 1 done"]
    store = Store(demo_copy)
    actions = store.rows(
        "SELECT action FROM audit_log WHERE object_type = 'commitment' ORDER BY audit_id"
    )
    assert actions == [("commitment.add",), ("commitment.done",)]
    store.close()


def test_a_big_companys_form_takes_a_typed_customer_and_deal(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The demo's customers and open deals stand for a company too big to list: past
    # FORM_CHOICES the form takes a typed name or number, and refuses in words what it cannot
    # place, saving nothing.
    monkeypatch.setattr(standup_commitments, "FORM_CHOICES", 3)
    store = Store(demo_copy)
    try:
        team = "(SELECT team_id FROM team_closure WHERE ancestor_id ="
        team += " (SELECT team_id FROM teams WHERE name = 'Showroom'))"
        customer_id, name = store.rows(
            "SELECT customer_id, name FROM customers WHERE owner_rep_id IN"
            f" (SELECT rep_id FROM reps WHERE team_id IN {team}) ORDER BY customer_id LIMIT 1"
        )[0]
        deal_id = store.scalar(
            "SELECT deal_id FROM deals WHERE stage NOT IN ('won', 'lost')"
            f" AND created_date <= $day AND rep_id IN (SELECT rep_id FROM reps WHERE team_id"
            f" IN {team}) ORDER BY deal_id LIMIT 1",
            {"day": TUESDAY},
        )
    finally:
        store.close()
    at = _app(as_of=TUESDAY.isoformat(), team="Showroom")
    assert not at.exception, [e.value for e in at.exception]
    labels = [s.label for s in at.selectbox]
    assert "Customer (optional)" not in labels and "Deal (optional)" not in labels
    typed_customer = next(i for i in at.text_input if i.key is None and "number" in i.label)
    assert typed_customer.label == "Customer's name or number (optional)"
    who = next(s for s in at.selectbox if s.label == "Who").options[0]

    # A name nobody has: refused in words, nothing saved.
    typed_customer.input("No Such Customer Ltd")
    at = _record(at, who, "Visit them")
    assert [e.value for e in at.error] == [
        "No customer of the people in this stand-up is called “No Such Customer Ltd” or has"
        " that number: check the spelling, or type the customer's number (#123). Nothing was"
        " saved."
    ]
    assert _saved(demo_copy) == []
    # Refused, the form keeps what was typed.
    kept = {i.label: i.value for i in at.text_input}
    assert kept["Customer's name or number (optional)"] == "No Such Customer Ltd"
    assert kept["Will do what"] == "Visit them"

    # The name in other letters' case, and the deal's id: saved with both.
    next(i for i in at.text_input if i.label.startswith("Customer's name")).input(name.upper())
    next(i for i in at.text_input if i.label == "Deal id (optional)").input(f" {deal_id} ")
    at = _record(at, who, "Visit them")
    assert not at.error, [e.value for e in at.error]
    assert _saved(demo_copy) == [("Visit them", customer_id, deal_id)]
    # Saved, the form comes back empty for the next commitment.
    assert {i.label: i.value for i in at.text_input}["Will do what"] == ""

    # A deal id that is not an open deal of these people: refused.
    next(i for i in at.text_input if i.label == "Deal id (optional)").input("NO-SUCH-DEAL")
    at = _record(at, who, "Call again")
    assert [e.value for e in at.error] == [  # what was typed, Markdown-escaped
        f"No open deal of the people in this stand-up has the id “{md('NO-SUCH-DEAL')}”."
        " Nothing was saved."
    ]
    assert len(_saved(demo_copy)) == 1


def test_a_commitment_without_a_person_is_refused_in_words(demo_copy: Path) -> None:
    at = _app(as_of=TUESDAY.isoformat(), team="Showroom")
    next(i for i in at.text_input if i.label == "Will do what").input("Call Elm back")
    at = next(b for b in at.button if b.label == "Record").click().run()
    assert [e.value for e in at.error] == ["Pick who will do it. Nothing was saved."]
    assert next(i for i in at.text_input if i.label == "Will do what").value == "Call Elm back"
    assert _saved(demo_copy) == []


def _saved(path: Path) -> list[tuple]:
    store = Store(path)
    try:
        return store.rows("SELECT what, customer_id, deal_id FROM commitments ORDER BY what")
    finally:
        store.close()


def test_the_to_fix_items_name_their_owners(demo_db: Path) -> None:
    at = _app(team="Showroom")
    assert not at.exception, [e.value for e in at.exception]
    items = [e.label for e in at.expander if "Owners:" in e.label]
    assert items, [e.label for e in at.expander]
    for label in items:  # "... · Owners: **Name** 2, **Other** 1"
        assert re.search(r"Owners: \*\*[^*]+\*\* \d+", label), label


def test_a_persons_commitments_show_in_their_review(demo_copy: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    assert not at.exception, [e.value for e in at.exception]
    rep_id = int(at.selectbox(key="person").value)  # the first person due
    store = Store(demo_copy)
    # The default review is last month's evaluation (October 2026, DEMO_END is in November):
    # recorded in October it shows; recorded and due in November it does not.
    for day, due, what in (
        (date(2026, 10, 14), date(2026, 10, 16), "Send the October quotes"),
        (date(2026, 11, 3), date(2026, 11, 5), "A November promise"),
    ):
        item = NewCommitment(standup_day=day, rep_id=rep_id, what=what, due_date=due)
        add_commitment(store, item, submission_id=new_submission_id())
    store.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    at.selectbox(key="person").set_value(rep_id).run()
    assert not at.exception, [e.value for e in at.exception]
    texts = [m.value for m in at.markdown]
    assert any("Stand-up commitments in this period" in v for v in texts)
    assert "- 14 Oct 2026: Send the October quotes · by 16 Oct 2026 · not done" in texts
    assert not any("A November promise" in v for v in texts)
