"""Wall-screen links in AppTest with sign-in ON: `?screen=<token>` shows that team's stand-up
and nothing else, amounts hidden unless the link allows them; a revoked or unknown link is one
sentence. The session is no user: no other page, no other team."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.text import t
from data import screen_tokens
from data.config import DB_ENV_VAR
from data.store import Store
from tests.pages.test_standup import board

ROOT = Path(__file__).resolve().parents[2]
MONEY_COLUMNS = {"Month target", "Month to date", "Day"}  # the board's amounts (EN)


@pytest.fixture
def screen_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A copy of the demo company (links are written to it), sign-in ON."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    return Store(path)


def _teams(store: Store) -> list[tuple[int, str]]:
    """The top-level teams, by id."""
    return [
        (int(i), str(n))
        for i, n in store.rows("SELECT team_id, name FROM teams WHERE parent_id IS NULL ORDER BY 1")
    ]


def _people_of(store: Store, team_id: int) -> set[str]:
    """Names of everyone whose team is `team_id` or a group below it."""
    rows = store.rows(
        "SELECT r.name FROM reps r JOIN team_closure c ON c.team_id = r.team_id"
        " WHERE c.ancestor_id = ?",
        [team_id],
    )
    return {str(name) for (name,) in rows}


def _open(token: str, page: str = "app.py", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    at.query_params.update({"screen": token, "lang": "en", **params})
    return at.run()


def _menu(at: AppTest) -> set[str]:
    pages = at._registered_pages.values()  # AppTest has no public list
    return {Path(str(p["script_path"])).relative_to(ROOT).as_posix() for p in pages}


def _title(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("## Stand-up"))


def _boards(at: AppTest) -> list[str]:
    """The stand-up's people tables drawn (app.py's own style block is HTML too)."""
    return [h.value for h in at.html if "huddle-board" in h.value]


def _shown(at: AppTest) -> str:
    """Everything the page drew as text (to prove the token is not in it)."""
    parts = [m.value for m in at.markdown] + [h.value for h in at.html]
    parts += [c.value for c in at.caption] + [e.value for e in at.error]
    return "\n".join(str(p) for p in parts)


def test_a_link_shows_its_teams_standup_with_amounts_hidden(screen_demo: Store) -> None:
    (team_id, name), (_, other) = _teams(screen_demo)[:2]
    _, token = screen_tokens.create_token(screen_demo, team_id)  # show_amounts off
    # The URL also asks for another team: a link's team is its own, not the URL's.
    at = _open(token, team=other)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert name in _title(at) and other not in _title(at)
    table = board(at)
    assert not MONEY_COLUMNS & set(table.columns)  # the stand-up's "hide amounts", forced
    assert {"Attainment", "Pace"} <= set(table.columns)
    shown_people = {row[1] for row in table.rows}
    assert shown_people and shown_people <= _people_of(screen_demo, team_id)
    assert not shown_people & _people_of(screen_demo, _teams(screen_demo)[1][0])
    assert token not in _shown(at)  # the token is never drawn
    # The session is no user: the stand-up is the only page, no sign-in, no account.
    assert _menu(at) == {"pages/standup.py"}
    with pytest.raises(ValueError, match=r"pages/data\.py"):
        at.switch_page("pages/data.py")
    assert not at.sidebar.button  # no sign-out, no settings to change


def test_a_link_with_amounts_shows_them(screen_demo: Store) -> None:
    team_id, _ = _teams(screen_demo)[0]
    _, token = screen_tokens.create_token(screen_demo, team_id, show_amounts=True)
    at = _open(token, hide_amounts="true")  # the URL cannot change what the link says either
    assert not at.exception, [e.value for e in at.exception]
    assert set(board(at).columns) >= MONEY_COLUMNS


def test_the_data_page_opened_directly_with_a_link_is_refused(screen_demo: Store) -> None:
    team_id, _ = _teams(screen_demo)[0]
    _, token = screen_tokens.create_token(screen_demo, team_id)
    # A fresh server's first request runs the page file alone (no app.py menu): the page
    # itself refuses, since a link is no user.
    at = _open(token, page="pages/data.py")
    assert [w.value for w in at.warning] == [t("access.sign_in_first")]
    assert not at.title and not at.file_uploader and not at.button


def test_the_standup_page_opened_directly_with_a_link_is_the_wall_screen(
    screen_demo: Store,
) -> None:
    team_id, name = _teams(screen_demo)[0]
    _, token = screen_tokens.create_token(screen_demo, team_id)
    at = _open(token, page="pages/standup.py")
    assert not at.exception, [e.value for e in at.exception]
    assert name in _title(at)
    assert not MONEY_COLUMNS & set(board(at).columns)
    assert not at.sidebar.toggle  # no stand-up settings: the link decides


def test_a_revoked_link_is_one_sentence_and_nothing_else(screen_demo: Store) -> None:
    team_id, _ = _teams(screen_demo)[0]
    token_id, token = screen_tokens.create_token(screen_demo, team_id)
    assert not _open(token).error  # works before it is revoked
    screen_tokens.revoke_token(screen_demo, token_id)
    for page in ("app.py", "pages/standup.py"):
        at = _open(token, page=page)
        assert not at.exception, [e.value for e in at.exception]
        assert [e.value for e in at.error] == [t("auth.token_invalid")]
        assert not _boards(at) and not at.metric and not at.title
        assert not [m.value for m in at.markdown if m.value.startswith("## ")]
        assert token not in _shown(at)


def test_an_unknown_link_is_refused_the_same_way(screen_demo: Store) -> None:
    at = _open("not-a-token")
    assert [e.value for e in at.error] == [t("auth.token_invalid")]
    assert not _boards(at) and not at.metric
