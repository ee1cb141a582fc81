"""Huddle's temporary files: one folder of its own, a subfolder per process, swept once the
process that made it is gone.

    <root>/<pid>-<start>/work-*/           an import's staging (a GBK file re-encoded as UTF-8,
                                           an XLSX sheet as CSV): removed when the import ends
    <root>/<pid>-<start>/uploads/<owner>/  a Data-page upload: removed when the page's run ends
    <root>/<pid>-<start>/duckdb/           DuckDB's spill files while an import runs

<root> is $HUDDLE_TMP_DIR, else <system temp>/huddle-<user id>, readable by its owner only
(uploads are other people's customer files). A process removes its own folder when it exits
normally; a process killed outright (kill -9, a crash, a power cut) cannot, so the next Huddle
process to use temporary files removes every folder whose process is gone.
"""

from __future__ import annotations

import atexit
import getpass
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from data.config import TMP_ENV_VAR

_FOLDER = re.compile(r"^(\d+)-(\d*)$")  # <pid>-<start time>, as process_dir names them
# Folders older Huddle versions left straight in the system temp folder.
_LEGACY = ("huddle-uploads", "huddle-import-*")
_LEGACY_AGE_SECONDS = 24 * 3600  # no import runs for a day, so an older one is abandoned
_lock = threading.Lock()
_made: dict[tuple[Path, int], Path] = {}  # (root, pid) -> that process's folder
_fallback: Path | None = None  # this process's own root when the usual one is not safe


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    return re.sub(r"[^A-Za-z0-9_.-]", "_", getpass.getuser())  # Windows has no user id


def root() -> Path:
    """The folder holding all of Huddle's temporary files (created, private to this user)."""
    configured = os.environ.get(TMP_ENV_VAR)
    path = Path(configured).expanduser() if configured else _default_root()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not configured:
        with suppress(OSError):  # made by an earlier run with a looser umask
            path.chmod(0o700)
    return path.resolve()


def _default_root() -> Path:
    global _fallback
    path = Path(tempfile.gettempdir()) / f"huddle-{_user()}"
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    # The name is predictable: a link, or a folder someone else made, is not ours to fill
    # with customer files, so this process gets a fresh private folder instead (which the
    # sweep cannot find after a kill: a limit of this rare case).
    foreign = hasattr(os, "getuid") and info.st_uid != os.getuid()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or foreign:
        if _fallback is None:
            _fallback = Path(tempfile.mkdtemp(prefix=f"huddle-{_user()}-"))
        return _fallback
    return path


def _start_time(pid: int) -> str:
    """When process `pid` started (clock ticks since boot, Linux), so a PID reused by a later
    process is told apart from the one that made a folder; "" where /proc does not say."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return ""
    return fields[19] if len(fields) > 19 else ""  # field 22 of stat; 3 is fields[0]


def _alive(pid: int, started: str) -> bool:
    """Whether the process that made folder <pid>-<started> is still running."""
    if sys.platform == "win32":
        return True  # os.kill(pid, 0) would end the process on Windows: never sweep there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    now = _start_time(pid)
    return not (started and now and now != started)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def sweep_stale(where: Path | None = None) -> list[Path]:
    """Remove the folders of Huddle processes that are gone (and, under the default root,
    what older versions left in the system temp folder); returns what was removed."""
    base = where or root()
    removed = []
    for entry in base.iterdir():
        match = _FOLDER.match(entry.name)
        if match and not _alive(int(match.group(1)), match.group(2)):
            _remove(entry)
            removed.append(entry)
    if where is None and not os.environ.get(TMP_ENV_VAR):
        removed += _sweep_legacy()
    return removed


def _sweep_legacy() -> list[Path]:
    removed = []
    cutoff = time.time() - _LEGACY_AGE_SECONDS
    for pattern in _LEGACY:
        for entry in Path(tempfile.gettempdir()).glob(pattern):
            try:
                info = os.lstat(entry)
            except OSError:
                continue
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if mine and info.st_mtime < cutoff:
                _remove(entry)
                removed.append(entry)
    return removed


def process_dir() -> Path:
    """This process's folder under root(), made on first use, after sweeping the folders of
    processes that are gone; removed again when this process exits normally."""
    base = root()
    pid = os.getpid()
    with _lock:
        folder = _made.get((base, pid))
        if folder is not None and folder.is_dir():
            return folder
        sweep_stale(base if os.environ.get(TMP_ENV_VAR) else None)
        folder = base / f"{pid}-{_start_time(pid)}"
        folder.mkdir(mode=0o700, exist_ok=True)
        if (base, pid) not in _made:
            atexit.register(_remove, folder)
        _made[(base, pid)] = folder
        return folder


@contextmanager
def workdir(purpose: str) -> Iterator[Path]:
    """A fresh folder in this process's folder, removed when the block ends however it ends."""
    folder = Path(tempfile.mkdtemp(prefix=f"{purpose}-", dir=process_dir()))
    try:
        yield folder
    finally:
        _remove(folder)


def duckdb_spill_dir() -> Path:
    """Where DuckDB writes what does not fit in its memory limit (DuckDB creates it)."""
    return process_dir() / "duckdb"


def _uploads(owner: str) -> Path:
    return process_dir() / "uploads" / re.sub(r"[^A-Za-z0-9_-]", "_", owner)


def hold_upload(data: bytes, name: str, owner: str) -> Path:
    """Write an uploaded file where DuckDB can read it, at a path that is the same for the
    same content (so what was worked out for it can be kept), until release_uploads(owner)."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = _uploads(owner) / digest
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / (Path(name).name or "upload")
    if not path.exists() or path.stat().st_size != len(data):
        path.write_bytes(data)
    return path


def release_uploads(owner: str) -> None:
    """Delete every upload held for `owner`."""
    _remove(_uploads(owner))
