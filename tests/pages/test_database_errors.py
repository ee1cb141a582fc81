"""The app on a database file it cannot use (issue 19): a sentence on the page, in the
session's language, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.config import DB_ENV_VAR

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def text_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "huddle.duckdb"
    path.write_text("This is a note, not a database.\n", "utf-8")
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def test_a_text_file_as_the_database_is_a_sentence_on_the_page(text_file: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [
        f"The database could not be opened: {text_file} is not a Huddle database: DuckDB "
        "cannot read it as a database file (a text file, a spreadsheet or a damaged copy?). "
        "Nothing was changed. Point Huddle at the right file (--db or HUDDLE_DB), or move this "
        "one aside to start a new database."
    ]
    assert text_file.read_text("utf-8") == "This is a note, not a database.\n"


def test_the_sentence_is_in_chinese_for_a_chinese_session(text_file: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (shown,) = [e.value for e in at.error]
    assert shown.startswith(f"无法打开数据库：{text_file} 不是 Huddle 数据库")


def test_a_file_replaced_by_a_text_file_while_the_app_runs_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from data.store import Store

    path = tmp_path / "huddle.duckdb"
    Store(path).close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    junk = tmp_path / "junk.txt"
    junk.write_text("not a database\n", "utf-8")
    os.replace(junk, path)
    # A new session of the same app process (its Store is the process's, already open):
    # AppTest's own reruns start at the page script and skip app.py, so a new one is needed.
    again = AppTest.from_file(APP, default_timeout=60).run()
    assert not again.exception, [e.value for e in again.exception]
    assert any(f"{path} is not a Huddle database" in e.value for e in again.error)
