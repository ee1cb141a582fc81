"""The store: transactions are all or nothing, the data version moves, locks are explained."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from data.errors import DatabaseLockedError
from data.store import Store
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
