"""The Follow-ups page in AppTest: one person's list, logging a call, the confirmation, the
row leaving the list, and undo; in English and in Chinese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.format import format_date
from components.text import use_language
from data.config import DB_ENV_VAR
from data.store import Store
from metrics import follow_ups
from tests.conftest import DEMO_END
from tests.pages.test_role_matrix import Signed, _open, signed  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def follow_db(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company (the page writes), which the app points at."""
    path = tmp_path / "follow.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _busiest(path: Path) -> tuple[int, list[int]]:
    """The person with the most follow-ups due on the demo's last day, and their list."""
    store = Store(path)
    try:
        due = follow_ups.due_list(store, DEMO_END)
    finally:
        store.close()
    rep_id = int(due["owner_rep_id"].value_counts().index[0])
    return rep_id, [int(c) for c in due[due["owner_rep_id"] == rep_id]["customer_id"]]


def _page(rep_id: int, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    # AppTest loses the sidebar's language on a switched page: each run names it again.
    at.session_state["lang"] = lang
    at.query_params["rep"] = str(rep_id)
    at.switch_page("pages/follow_ups.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("lang", "save", "logged", "undone"),
    [("en", "Save", "Logged:", "Undone:"), ("zh", "保存", "已记录", "已撤销")],
)
def test_log_a_call_confirms_moves_the_row_and_undo_brings_it_back(
    follow_db: Path, lang: str, save: str, logged: str, undone: str
) -> None:
    rep_id, customers = _busiest(follow_db)
    # The test's own thread labels options too (to find the one picked): in the page's language.
    with use_language(lang):
        _log_and_undo(rep_id, customers, lang, save, logged, undone)


def _log_and_undo(
    rep_id: int, customers: list[int], lang: str, save: str, logged: str, undone: str
) -> None:
    at = _page(rep_id, lang)
    assert at.selectbox(key="rep").value == rep_id
    # The list is the one metrics.follow_ups gives for the person, best first.
    first = customers[0]
    assert at.selectbox(key="fu_customer").value == first
    assert len(at.selectbox(key="fu_customer").options) == len(customers)
    assert any("365" in c.value for c in at.caption)  # the rule is said beside the list
    at.selectbox(key="fu_kind").set_value("call")
    at.selectbox(key="fu_outcome").set_value("reached")
    at.text_area(key="fu_note").input("Asked about the spring order.")
    at.session_state["lang"] = lang
    at.button(key=f"FormSubmitter:fu_form_log-{save}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(logged in s.value for s in at.success)
    assert any(logged in toast.value for toast in at.toast)
    # The customer was contacted today: no longer due, so the row left the list.
    assert len(customers) > 1  # the busiest person has several (the demo's last day)
    assert len(at.selectbox(key="fu_customer").options) == len(customers) - 1
    assert at.selectbox(key="fu_customer").value == customers[1]
    # Undo reverses exactly that: the customer is due again.
    at.session_state["lang"] = lang
    at.button(key="fu_undo").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(undone in s.value for s in at.success)
    assert len(at.selectbox(key="fu_customer").options) == len(customers)
    at.session_state["lang"] = lang
    at.selectbox(key="fu_customer").set_value(first).run()  # back in the list, at the top
    assert at.selectbox(key="fu_customer").index == 0


def test_a_rep_sees_their_own_list_and_a_lead_only_their_teams(signed: Signed) -> None:  # noqa: F811
    store = Store(signed.path)
    try:
        claires = follow_ups.due_list(store, DEMO_END, rep_id=9)
    finally:
        store.close()
    # rep-9 (Claire Green): no person to pick; her list, as metrics.follow_ups gives it.
    at = _open(signed, "rep-9", "pages/follow_ups.py")
    assert not [s for s in at.selectbox if s.key == "rep"]
    assert any(h.value == "My list today: Claire Green" for h in at.subheader)
    assert not claires.empty  # the demo's last day: Claire has some due
    assert at.selectbox(key="fu_customer").options == [
        f"{row.customer} · due {format_date(row.due)}" for row in claires.itertuples()
    ]
    tampered = _open(signed, "rep-9", "pages/follow_ups.py", {"rep": "10"})
    assert [e.value for e in tampered.error] == ["You can see your own numbers only."]
    assert not tampered.dataframe
    # lead-1 (Retail Stores) picks among the team's people only...
    people = signed.people
    team_1 = set(people.loc[people["team_id"].isin([1, 5, 6, 7]), "rep_id"].astype(int))
    lead = _open(signed, "lead-1", "pages/follow_ups.py", {"rep": "9"})
    assert lead.selectbox(key="rep").value == 9
    names = set(people.loc[people["rep_id"].isin(list(team_1)), "name"])
    assert {o.split(" · ")[0] for o in lead.selectbox(key="rep").options} <= names
    # ...and a hand-edited URL naming someone of another team is refused in words.
    outsider = int(people.loc[~people["team_id"].isin([1, 5, 6, 7]), "rep_id"].iloc[0])
    refused = _open(signed, "lead-1", "pages/follow_ups.py", {"rep": str(outsider)})
    assert [e.value for e in refused.error] == [
        "You can see the numbers of Retail Stores only (that team and the groups below it)."
    ]
    assert not refused.dataframe
