"""Backup and restore: a checked copy of every table, refused when damaged, the replaced file
kept, and clear sentences when the running app holds the file."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import duckdb
import pytest

import cli
from data import settings
from data.backup import (
    BackupError,
    backup_file,
    backup_store,
    checksum_path,
    restore,
    sha256_of,
    verify,
)
from data.store import Store
from tests.conftest import held_by_another_process


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, read from the file at `path`."""
    store = Store(path, read_only=True)
    try:
        names = [r[0] for r in store.rows("SELECT table_name FROM duckdb_tables() ORDER BY 1")]
        return {name: sorted(store.rows(f'SELECT * FROM "{name}"'), key=repr) for name in names}
    finally:
        store.close()


@pytest.fixture
def company(demo_db_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo company to back up, change and restore."""
    path = tmp_path / "company" / "huddle.duckdb"
    path.parent.mkdir()
    shutil.copy(demo_db_path, path)
    return path


def test_backup_then_restore_round_trips_every_table(company: Path, tmp_path: Path) -> None:
    before = _tables(company)
    made = backup_file(company, tmp_path / "b.duckdb")
    # The checksum file reads like `sha256sum` writes it: "<hex>  <name>".
    assert checksum_path(made.path).read_text("utf-8") == f"{sha256_of(made.path)}  b.duckdb\n"
    assert _tables(made.path) == before
    # Change the company after the backup: delete every review, rename a person.
    store = Store(company)
    with store.transaction() as cur:
        cur.execute("DELETE FROM review_action_events")
        cur.execute("DELETE FROM reviews")
        first = "(SELECT min(rep_id) FROM reps)"
        cur.execute(f"UPDATE reps SET name = 'Changed' WHERE rep_id = {first}")
    store.close()
    assert _tables(company) != before

    done = restore(made.path, company)

    after = _tables(company)
    assert after.keys() == before.keys() and len(before) >= 19  # every table, views aside
    for name in before:
        assert after[name] == before[name], name
    # The replaced file is kept beside it, with the changes the restore undid.
    assert done.kept is not None and done.kept.parent == company.parent
    assert _tables(done.kept)["reviews"] == []
    # The restored file opens for writing (the app's way), takes a change, and its keys
    # still hold (COPY FROM DATABASE copies the constraints too).
    store = Store(company)
    try:
        assert settings.set_currency(store, "EUR") == "EUR"
        with pytest.raises(duckdb.ConstraintException), store.transaction() as cur:
            cur.execute("INSERT INTO teams SELECT * FROM teams LIMIT 1")
    finally:
        store.close()


def test_a_corrupted_backup_is_refused_and_nothing_changes(company: Path, tmp_path: Path) -> None:
    made = backup_file(company, tmp_path / "b.duckdb")
    content = bytearray(made.path.read_bytes())
    content[len(content) // 2] ^= 0xFF  # one byte flipped in the middle
    made.path.write_bytes(bytes(content))
    untouched = sha256_of(company)
    with pytest.raises(BackupError) as refused:
        restore(made.path, company)
    assert refused.value.key == "backup.mismatch"
    assert "does not match its checksum" in str(refused.value)
    assert sha256_of(company) == untouched
    assert sorted(p.name for p in company.parent.iterdir()) == ["huddle.duckdb"]


def test_a_backup_without_its_checksum_or_not_a_database_is_refused(
    company: Path, tmp_path: Path
) -> None:
    made = backup_file(company, tmp_path / "b.duckdb")
    checksum_path(made.path).unlink()
    with pytest.raises(BackupError) as no_checksum:
        verify(made.path)
    assert no_checksum.value.key == "backup.no_checksum"
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database", "utf-8")
    checksum_path(text).write_text(f"{sha256_of(text)}  notes.duckdb\n", "utf-8")
    with pytest.raises(BackupError) as not_huddle:
        restore(text, company)
    assert not_huddle.value.key == "backup.not_huddle"


def test_while_the_app_holds_the_file_the_cli_points_to_the_data_page(
    company: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with held_by_another_process(company) as pid:
        code = cli.main(["backup", "--db", str(company), "--to", str(tmp_path / "b.duckdb")])
        assert code == 2
        message = capsys.readouterr().err
        assert f"open in the running Huddle app (process {pid})" in message
        assert "Data page" in message
        assert not (tmp_path / "b.duckdb").exists()
        # Restoring under the running app is refused too, and the file is left alone.
        backup = tmp_path / "old.duckdb"
        shutil.copy(company, backup)
        checksum_path(backup).write_text(f"{sha256_of(backup)}  old.duckdb\n", "utf-8")
        assert cli.main(["restore", str(backup), "--db", str(company)]) == 2
        assert "Stop the app, then restore again" in capsys.readouterr().err


def test_the_app_backs_up_from_its_own_connection(company: Path, tmp_path: Path) -> None:
    before = _tables(company)
    app = Store(company)  # the running app's read-write connection
    try:
        made = backup_store(app, tmp_path / "from-app.duckdb")
        # A second backup in a default place beside the database never overwrites the first.
        again = backup_store(app)
        assert again.path.parent == company.parent / "backups"
    finally:
        app.close()
    assert verify(made.path) == made.sha256
    assert _tables(made.path) == before
    with pytest.raises(BackupError) as exists:
        backup_file(company, made.path)
    assert exists.value.key == "backup.exists"


def test_cli_backup_and_restore_say_what_they_did(
    company: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "b.duckdb"
    assert cli.main(["backup", "--db", str(company), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Backed up to {target}" in out and sha256_of(target) in out
    assert cli.main(["restore", str(target), "--db", str(company)]) == 0
    out = capsys.readouterr().out
    assert "The file it replaced is kept as" in out


def test_a_backup_taken_during_writes_is_one_moment(company: Path, tmp_path: Path) -> None:
    """Writes go on while the app backs up: each write adds a row and bumps data_version in
    one transaction, so in a consistent copy `data_version - rows` is the same constant as
    before the first write, and the rows are exactly 0..max with none missing."""
    app = Store(company)
    app.rows("CREATE TABLE probe (n INTEGER)")
    base = app.data_version()
    started, stop = threading.Event(), threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            with app.transaction() as cur:
                cur.execute("INSERT INTO probe VALUES (?)", [n])
            n += 1
            if n == 20:
                started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(60)
        copies = [backup_store(app, tmp_path / f"b{i}.duckdb") for i in range(3)]
    finally:
        stop.set()
        thread.join()
        app.close()
    for made in copies:
        copy = Store(made.path, read_only=True)
        try:
            rows, top = copy.rows("SELECT count(*), max(n) FROM probe")[0]
            assert rows >= 20 and top == rows - 1
            assert copy.data_version() - rows == base
        finally:
            copy.close()
