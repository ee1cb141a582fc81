"""Backup and restore of the database file, each backup with a SHA-256 checksum file.

A backup is a DuckDB file made with `COPY FROM DATABASE` (every table, view, constraint and
the schema version) in one statement, so it is one consistent moment even while others write:
DuckDB reads a snapshot. It is written under a ".partial" name and renamed when complete, and
its checksum is written beside it as `<backup>.sha256` in the format `sha256sum -c` reads.

Who can make one: DuckDB lets one process open a file for writing and then no other process
may open it at all. So the running app backs up from its own connection (`backup_store`, the
Data page), and the CLI (`backup_file`) does it only while the file is free; otherwise it
says that the app holds the file and to use the Data page.

A restore verifies the checksum and that the file is a Huddle database, refuses while any
process holds the current file, keeps the current file beside it (`<name>.before-restore-
<time>.duckdb`) and then swaps the backup in with one atomic rename.

On a PostgreSQL server there is no file to copy: backup and restore are refused with a
sentence (backup.server) that says to use the server's own pg_dump and pg_restore.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from data.config import is_server_url
from data.errors import DatabaseLockedError, HuddleDataError
from data.migrate import available_migrations
from data.store import Store

if TYPE_CHECKING:
    from data.pg_store import PostgresStore

CHECKSUM_SUFFIX = ".sha256"
_CHUNK = 1 << 20


class BackupError(HuddleDataError):
    """A backup or restore that was refused; nothing was changed. The message says why."""


@dataclass(frozen=True)
class Backup:
    """A finished backup: the copy, its checksum file and the checksum."""

    path: Path
    checksum_path: Path
    sha256: str


@dataclass(frozen=True)
class Restored:
    """A finished restore: the database now holds the backup; the old file was kept."""

    path: Path
    kept: Path | None  # the replaced file, kept; None when there was no file to replace
    schema_version: int


def default_target(db_path: Path, now: datetime | None = None) -> Path:
    """Where a backup goes unless told: a `backups` folder beside the database, named by time
    (to the second; a second backup in the same second gets a counter)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = db_path.parent / "backups"
    target = folder / f"{db_path.stem}-{stamp}.duckdb"
    number = 2
    while target.exists():
        target = folder / f"{db_path.stem}-{stamp}-{number}.duckdb"
        number += 1
    return target


def checksum_path(backup: Path) -> Path:
    """The checksum file of `backup`: `<backup>.sha256`."""
    return backup.with_name(backup.name + CHECKSUM_SUFFIX)


def sha256_of(path: Path) -> str:
    """The SHA-256 of the file at `path`, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _copy_database(store: Store, target: Path) -> Backup:
    target = target.expanduser().resolve()
    if target.exists():
        raise BackupError.of("backup.exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    for leftover in (partial, partial.with_name(partial.name + ".wal")):
        leftover.unlink(missing_ok=True)  # from a backup that was killed half-way
    catalog = str(store.scalar("SELECT current_database()")).replace('"', '""')
    alias = f"huddle_backup_{uuid.uuid4().hex[:12]}"  # two backups at once never collide
    store.rows(f"ATTACH {_sql_text(str(partial))} AS {alias} (READ_WRITE)")
    try:
        store.rows(f'COPY FROM DATABASE "{catalog}" TO {alias}')
    finally:
        store.rows(f"DETACH {alias}")  # closes and checkpoints the copy: one file, no WAL
    os.replace(partial, target)
    digest = sha256_of(target)
    checksum_path(target).write_text(f"{digest}  {target.name}\n", "utf-8")
    return Backup(target, checksum_path(target), digest)


def _refuse_server(location: object) -> None:
    """A PostgreSQL server is backed up with its own tools (pg_dump): say so, change nothing."""
    if is_server_url(str(location)):
        from data.pg_store import redacted

        raise BackupError.of("backup.server", url=redacted(str(location)))


def backup_store(store: Store | PostgresStore, target: Path | None = None) -> Backup:
    """Back up the database behind `store` from its own connection (the running app's).
    Refused on a PostgreSQL server (backup.server: use pg_dump)."""
    if store.engine == "postgres":
        raise BackupError.of("backup.server", url=str(store.path))
    return _copy_database(store, target or default_target(store.path))


def backup_file(db_path: Path | str, target: Path | None = None) -> Backup:
    """Back up the database file at `db_path` when no other process holds it (the CLI).
    Refused for a postgresql:// URL (backup.server: use pg_dump)."""
    _refuse_server(db_path)
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupError.of("backup.no_database", path=str(db_path))
    try:
        store = Store(db_path, read_only=True)
    except DatabaseLockedError as locked:
        pid = locked.values.get("pid")
        if pid is None:
            raise BackupError.of("backup.app_holds_unknown", path=str(db_path)) from None
        raise BackupError.of("backup.app_holds", path=str(db_path), pid=pid) from None
    try:
        return _copy_database(store, target or default_target(db_path))
    finally:
        store.close()


def verify(backup: Path) -> str:
    """The backup's checksum when the file matches its checksum file; else a BackupError."""
    checksum = checksum_path(backup)
    if not backup.is_file() or not checksum.is_file():
        raise BackupError.of("backup.no_checksum", path=str(backup), checksum=str(checksum))
    found = re.match(r"\s*([0-9a-fA-F]{64})\b", checksum.read_text("utf-8", errors="replace"))
    if found is None or sha256_of(backup) != found.group(1).lower():
        raise BackupError.of("backup.mismatch", path=str(backup), checksum=str(checksum))
    return found.group(1).lower()


def _schema_version(path: Path, shown: Path) -> int:
    """The schema version of the Huddle database at `path` (opened read-only)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        raise BackupError.of("backup.not_huddle", path=str(shown)) from None
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.Error:
        raise BackupError.of("backup.not_huddle", path=str(shown)) from None
    finally:
        con.close()
    version = int(row[0]) if row and row[0] is not None else 0
    newest = max(m.version for m in available_migrations())
    if version > newest:
        raise HuddleDataError.of("db.newer", have=version, newest=newest)
    return version


def _release(db_path: Path) -> None:
    """Refuse while any process holds `db_path`; else open and close it once, so its WAL is
    folded into the file (a file DuckDB cannot read at all is replaced as it is)."""
    try:
        con = duckdb.connect(str(db_path))
    except duckdb.IOException as error:
        text = str(error)
        if "Could not set lock" in text or "Conflicting lock" in text:
            raise BackupError.of("backup.restore_held", path=str(db_path)) from None
        return
    except duckdb.Error:
        return
    con.close()


def restore(backup: Path, db_path: Path | str, now: datetime | None = None) -> Restored:
    """Replace the database at `db_path` with `backup`, after checking it; keep the old file.
    Refused for a postgresql:// URL (backup.server: use pg_restore)."""
    _refuse_server(db_path)
    db_path = Path(db_path)
    backup = backup.expanduser().resolve()
    expected = verify(backup)
    staging = db_path.with_name(f".{db_path.name}.restoring")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(backup, staging)
    try:
        if sha256_of(staging) != expected:  # the copy itself went wrong (disk, a change)
            raise BackupError.of(
                "backup.mismatch", path=str(backup), checksum=str(checksum_path(backup))
            )
        version = _schema_version(staging, backup)
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        kept = None
        if db_path.exists():
            _release(db_path)
            kept = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}.duckdb")
            shutil.copy2(db_path, kept)
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():  # a WAL left by a file DuckDB could not open: keep it, never replay it
            kept_wal = kept or db_path.with_name(f"{db_path.stem}.orphan-{stamp}")
            os.replace(wal, kept_wal.with_name(kept_wal.name + ".wal"))
        os.replace(staging, db_path)  # atomic: the file is the old one or the backup
    finally:
        staging.unlink(missing_ok=True)
    return Restored(db_path, kept, version)
