"""The store: transactions are all or nothing, the data version moves, locks are explained."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from data.errors import DatabaseLockedError
from data.store import DatabaseFileError, Store
from tests.conftest import held_by_another_process


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    version = store.data_version()
    with pytest.raises(duckdb.ConstraintException), store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', NULL)")
        cur.execute("INSERT INTO teams VALUES (2, 'Bad', NULL, 'not_a_channel', NULL)")
    assert store.scalar("SELECT count(*) FROM teams") == 0
    assert store.data_version() == version


def test_memory_means_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = Store(":memory:")
    assert store.scalar("SELECT count(*) FROM teams") == 0
    assert not any(tmp_path.iterdir()), "':memory:' must not become a file"


def test_a_write_bumps_the_data_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    before = store.data_version()
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', NULL)")
    assert store.data_version() == before + 1
    assert store.is_empty()


def test_reads_use_their_own_cursor_from_many_threads(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = Store(tmp_path / "s.duckdb")
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: store.scalar("SELECT ?::INTEGER * 2", [i]), range(200)))
    assert results == [i * 2 for i in range(200)]


def test_a_file_held_by_another_process_gets_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    with held_by_another_process(path) as pid:
        with pytest.raises(DatabaseLockedError) as caught:
            Store(path)
        message = str(caught.value)
        assert str(path) in message
        assert f"process {pid}" in message
        assert "--db" in message


# --- the file replaced, removed or not a database (issue 19) --------------------------------


def _file_with_team(path: Path, team: str) -> None:
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, $n, NULL, 'retail', NULL)", {"n": team})
    store.close()


def _teams_in(path: Path) -> list[str]:
    store = Store(path)
    try:
        return [r[0] for r in store.rows("SELECT name FROM teams ORDER BY team_id")]
    finally:
        store.close()


def test_a_write_after_the_file_was_replaced_is_refused_never_lost(tmp_path: Path) -> None:
    # Before: the write went into the old, unlinked file (acknowledged, then gone), and the
    # old file's WAL made the next start fail on the new file.
    path, other = tmp_path / "huddle.duckdb", tmp_path / "other.duckdb"
    _file_with_team(path, "Old")
    _file_with_team(other, "New")
    store = Store(path)
    assert store.scalar("SELECT name FROM teams") == "Old"
    os.replace(other, path)
    with pytest.raises(DatabaseFileError) as caught, store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (2, 'Lost?', NULL, 'retail', NULL)")
    assert caught.value.key == "db.replaced"
    assert f"The database file {path} was replaced" in str(caught.value)
    assert "Nothing was saved" in str(caught.value)
    # Reads now serve the new file, and the next write lands in it.
    assert store.scalar("SELECT name FROM teams") == "New"
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (3, 'Kept', NULL, 'retail', NULL)")
    store.close()
    assert _teams_in(path) == ["New", "Kept"], "the file reopens; the refused write is nowhere"


def test_a_read_after_the_file_was_replaced_reads_the_new_file(tmp_path: Path) -> None:
    path, other = tmp_path / "huddle.duckdb", tmp_path / "other.duckdb"
    _file_with_team(path, "Old")
    _file_with_team(other, "New")
    store = Store(path)
    before = store.data_version()
    assert store.scalar("SELECT name FROM teams") == "Old"
    os.replace(other, path)
    assert store.scalar("SELECT name FROM teams") == "New"
    # Both files are at data version 2 (migrations aside, one write each): the cache key must
    # still differ, or the app would serve the old file's cached results.
    assert store.data_version() != before
    store.close()


def test_a_file_replaced_during_a_write_gets_none_of_it(tmp_path: Path) -> None:
    path, other = tmp_path / "huddle.duckdb", tmp_path / "other.duckdb"
    _file_with_team(path, "Old")
    _file_with_team(other, "New")
    store = Store(path)
    with pytest.raises(DatabaseFileError, match="was replaced"), store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (2, 'Half', NULL, 'retail', NULL)")
        os.replace(other, path)  # swapped after the write began, before its commit
    store.close()
    assert _teams_in(path) == ["New"]


def test_a_removed_file_refuses_writes_and_reads_in_words(tmp_path: Path) -> None:
    path = tmp_path / "huddle.duckdb"
    _file_with_team(path, "Old")
    store = Store(path)
    os.remove(path)
    with pytest.raises(DatabaseFileError, match="was removed or renamed"), store.transaction() as c:
        c.execute("INSERT INTO teams VALUES (2, 'Lost?', NULL, 'retail', NULL)")
    with pytest.raises(DatabaseFileError) as caught:
        store.scalar("SELECT count(*) FROM teams")
    assert caught.value.key == "db.gone"
    assert not path.exists(), "nothing recreated the file behind the user's back"
    store.close()


def test_a_file_that_is_not_a_database_gets_a_sentence_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("name,amount\nAcme,100\n", "utf-8")
    with pytest.raises(DatabaseFileError) as caught:
        Store(path)
    assert caught.value.key == "db.not_database"
    assert str(caught.value).startswith(f"{path} is not a Huddle database")
    assert path.read_text("utf-8") == "name,amount\nAcme,100\n"


def test_a_wal_of_another_file_gets_a_sentence(tmp_path: Path) -> None:
    # The WAL left by a file that was replaced while open (the old bug's aftermath): DuckDB
    # says "WAL does not match"; Huddle says which file to move aside.
    path, other = tmp_path / "huddle.duckdb", tmp_path / "other.duckdb"
    _file_with_team(path, "Mine")
    _file_with_team(other, "Other")
    con = duckdb.connect(str(other))
    con.execute("CHECKPOINT")
    con.execute("SET checkpoint_threshold = '1GB'")  # keep the next write in the WAL
    con.execute("UPDATE teams SET name = 'Other 2'")
    wal = Path(f"{other}.wal").read_bytes()
    con.close()
    Path(f"{path}.wal").write_bytes(wal)
    with pytest.raises(DatabaseFileError) as caught:
        Store(path)
    assert caught.value.key == "db.wal_mismatch"
    assert f"its write-ahead log {path}.wal belongs to another database file" in str(caught.value)
