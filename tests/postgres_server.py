"""A throwaway PostgreSQL server for the tests and benchmarks (issue #24).

`PostgresServer().start()` runs initdb in a fresh folder under the system temp directory and
starts the server on 127.0.0.1 only, on a free port it picks, with trust authentication for a
superuser role `huddle`. `stop()` stops it and removes the folder. Durability is switched off
(fsync, synchronous_commit, full_page_writes): nothing it holds outlives the run.

PostgreSQL refuses to run as root, so when this process is root the folder is handed to the
unprivileged `postgres` user (Debian's package creates it; `nobody` otherwise) and initdb and
pg_ctl run through `runuser -u USER --`.

A killed test process cannot run its own clean-up, so each server has a small watchdog process
that waits for this process to end (the pipe it reads reaches end-of-file even on SIGKILL) and
then stops the server and removes the folder. Every server has its own folder and port, so a
leftover from an earlier run never blocks the next one.

    from tests.postgres_server import PostgresServer

    with PostgresServer() as server:
        url = server.new_database("bench")
"""

from __future__ import annotations

import atexit
import glob
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from types import TracebackType
from typing import LiteralString

SUPERUSER = "huddle"
# Debian installs each major version side by side here; the newest wins.
DEBIAN_INITDB_GLOB = "/usr/lib/postgresql/*/bin/initdb"
INSTALL_HINT = (
    "Install Debian's PostgreSQL server with `make postgres` (scripts/ensure-postgres.sh), "
    "or `apt-get install postgresql`."
)
# Tried in this order: C.UTF-8 sorts by code point like C but knows UTF-8 characters.
LOCALES = ("C.UTF-8", "C")
# Tried in order when running as root; PostgreSQL needs an unprivileged owner.
UNPRIVILEGED_USERS = ("postgres", "nobody")
PORT_ATTEMPTS = 5
# Database names the tests make: a short lower-case prefix, then a unique suffix.
PREFIX_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,30}")
# A throwaway server: durability off for speed; enough connections for pooled stores.
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}
# Run by the watchdog: waits until the owning process closes the pipe (or dies), then stops
# the server immediately, waits for it to end and removes its folder.
# argv[1] is JSON [pg_ctl stop command, folder].
WATCHDOG = """
import json, os, shutil, subprocess, sys, time
stop_command, folder = json.loads(sys.argv[1])
sys.stdin.buffer.read()
pid_file = os.path.join(folder, "data", "postmaster.pid")
if os.path.exists(pid_file):
    pid = open(pid_file).readline().strip()
    subprocess.run(stop_command, cwd=folder, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120, check=False)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            stat = open(f"/proc/{pid}/stat").read()
        except OSError:
            break
        if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X"):
            break
        time.sleep(0.01)
shutil.rmtree(folder, ignore_errors=True)
"""


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be found or started; the message says what to install or read."""


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/*/bin with initdb, else `pg_config --bindir`."""
    candidates = [Path(p).parent for p in glob.glob(DEBIAN_INITDB_GLOB)]
    candidates.sort(key=lambda bindir: _version_key(bindir.parent.name), reverse=True)
    if candidates:
        return candidates[0]
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        bindir = Path(result.stdout.strip())
        if result.returncode == 0 and (bindir / "initdb").exists():
            return bindir
    raise PostgresUnavailable(
        "PostgreSQL server programs (initdb, pg_ctl) were not found in "
        f"/usr/lib/postgresql/*/bin nor in `pg_config --bindir`. {INSTALL_HINT}"
    )


def _version_key(name: str) -> tuple[int, ...]:
    """'15' -> (15,), '9.6' -> (9, 6); names that are not versions sort first."""
    try:
        return tuple(int(part) for part in name.split("."))
    except ValueError:
        return (-1,)


def free_port() -> int:
    """A port nothing listens on now on 127.0.0.1 (start() retries if it is taken meanwhile)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_ended(pid: int) -> bool:
    """True when process `pid` no longer runs (gone, or a zombie, which holds no sockets)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    # The state letter follows the command name, which is in parentheses.
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def _wait_until_ended(pid: int, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while not process_ended(pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def _unprivileged_user() -> str:
    for name in UNPRIVILEGED_USERS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise PostgresUnavailable(
        "PostgreSQL refuses to run as root and neither a `postgres` nor a `nobody` user "
        f"exists to run it. {INSTALL_HINT} (the package creates the `postgres` user)"
    )


class PostgresServer:
    """One throwaway PostgreSQL server on 127.0.0.1; see the module docstring."""

    def __init__(self) -> None:
        self.port: int | None = None
        self.folder: Path | None = None
        self._bindir: Path | None = None
        self._prefix: list[str] = []
        self._watchdog: subprocess.Popen[bytes] | None = None

    @property
    def data_dir(self) -> Path:
        return self._require_folder() / "data"

    @property
    def socket_dir(self) -> Path:
        return self._require_folder() / "socket"

    @property
    def log_file(self) -> Path:
        return self._require_folder() / "server.log"

    def _require_folder(self) -> Path:
        if self.folder is None:
            raise RuntimeError("the PostgreSQL server is not started")
        return self.folder

    def start(self) -> PostgresServer:
        """initdb a fresh folder and start the server; returns self."""
        if self.folder is not None:
            return self
        self._bindir = find_bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="huddle-pg-"))
        # From here on a failure must not leave the folder (or a server) behind.
        atexit.register(self.stop)
        try:
            self._prepare_folder()
            self._start_watchdog()
            self._initdb()
            self._write_settings()
            self._start_on_free_port()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder; safe to call twice."""
        folder = self.folder
        if folder is None:
            return
        atexit.unregister(self.stop)
        try:
            if (folder / "data" / "postmaster.pid").exists():
                pid = self.postmaster_pid()
                self._run(self._pg_ctl_stop("fast"))
                # pg_ctl returns once postmaster.pid is gone, a moment before the process
                # ends; wait for it so the port is free when stop() returns.
                _wait_until_ended(pid)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            self.folder = None
            self.port = None
            self._close_watchdog()

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def url(self, dbname: str = "postgres") -> str:
        if self.port is None:
            raise RuntimeError("the PostgreSQL server is not started")
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self, prefix: str) -> str:
        """Create an empty database with a unique name starting with `prefix`; its URL."""
        if not PREFIX_PATTERN.fullmatch(prefix):
            raise ValueError(f"database prefix must match {PREFIX_PATTERN.pattern}: {prefix!r}")
        name = f"{prefix}_{uuid.uuid4().hex[:16]}"
        self._admin("CREATE DATABASE {}", name)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database new_database() made, closing any connection still open to it
        (one empty database is about 7 MB; a test run makes hundreds)."""
        name = url.rsplit("/", 1)[-1]
        if name in ("postgres", "template0", "template1"):
            raise ValueError(f"not a test database: {url!r}")
        self._admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)

    def postmaster_pid(self) -> int:
        """The server's main process id (first line of postmaster.pid)."""
        return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])

    def _admin(self, statement: LiteralString, name: str) -> None:
        # Imported here so `import tests.postgres_server` works where psycopg is missing.
        import psycopg
        from psycopg import sql

        # CREATE/DROP DATABASE cannot run inside a transaction block: autocommit.
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.SQL(statement).format(sql.Identifier(name)))

    def _prepare_folder(self) -> None:
        folder = self._require_folder()
        self.socket_dir.mkdir(mode=0o700)
        if os.geteuid() != 0:
            return
        user = _unprivileged_user()
        entry = pwd.getpwnam(user)
        for path in (folder, self.socket_dir):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        self._prefix = ["runuser", "-u", user, "--"]
        if shutil.which("runuser") is None:
            raise PostgresUnavailable(
                "Running as root, PostgreSQL must run as another user, but `runuser` "
                "(util-linux) is missing. Install util-linux, or run the tests as a normal user."
            )
        # The folder sits under the system temp directory; the user must reach it.
        probe = subprocess.run([*self._prefix, "test", "-w", str(folder)], check=False)
        if probe.returncode != 0:
            raise PostgresUnavailable(
                f"The `{user}` user cannot write {folder} (is TMPDIR={tempfile.gettempdir()} "
                "private to root?). Point TMPDIR at a directory every user can reach, e.g. /tmp."
            )

    def _start_watchdog(self) -> None:
        stop_command = [*self._prefix, *self._pg_ctl_stop("immediate")]
        argument = json.dumps([stop_command, str(self._require_folder())])
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, argument],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # Its own session: a Ctrl-C meant for the tests must not kill it first.
            start_new_session=True,
        )

    def _close_watchdog(self) -> None:
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is None:
            return
        assert watchdog.stdin is not None
        watchdog.stdin.close()
        try:
            watchdog.wait(timeout=30)
        except subprocess.TimeoutExpired:
            watchdog.kill()
            watchdog.wait()

    def _initdb(self) -> None:
        failures: list[str] = []
        for locale in LOCALES:
            result = self._run(
                [
                    str(self._binary("initdb")),
                    f"--pgdata={self.data_dir}",
                    f"--username={SUPERUSER}",
                    "--auth=trust",
                    "--encoding=UTF8",
                    f"--locale={locale}",
                    "--no-sync",
                ],
            )
            if result.returncode == 0:
                return
            failures.append(f"--locale={locale}: {result.stdout}{result.stderr}".strip())
            # initdb removes what it made when it fails; make sure before the next try.
            shutil.rmtree(self.data_dir, ignore_errors=True)
        raise PostgresUnavailable("initdb failed:\n" + "\n".join(failures) + f"\n{INSTALL_HINT}")

    def _write_settings(self) -> None:
        settings = {**SETTINGS, "unix_socket_directories": f"'{self.socket_dir}'"}
        lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
        # Appended: a later line wins over initdb's defaults. Root keeps the file's owner.
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# Huddle test server (tests/postgres_server.py)\n" + lines)

    def _start_on_free_port(self) -> None:
        log_tail = ""
        for _ in range(PORT_ATTEMPTS):
            port = free_port()
            result = self._run(
                [
                    str(self._binary("pg_ctl")),
                    "start",
                    "--wait",
                    "--timeout=60",
                    f"--pgdata={self.data_dir}",
                    f"--log={self.log_file}",
                    f"--options=-p {port}",
                ],
                # Its own session: a Ctrl-C reaches the tests, which then stop it in order.
                new_session=True,
            )
            if result.returncode == 0:
                self.port = port
                return
            log_tail = self._log_tail()
            if "could not bind" not in log_tail and "already in use" not in log_tail:
                break  # not a port collision: retrying would fail the same way
        raise PostgresUnavailable(
            f"PostgreSQL did not start ({self._binary('pg_ctl')}). Its log ends:\n{log_tail}\n"
            f"{INSTALL_HINT}"
        )

    def _binary(self, name: str) -> Path:
        assert self._bindir is not None
        return self._bindir / name

    def _pg_ctl_stop(self, mode: str) -> list[str]:
        return [
            str(self._binary("pg_ctl")),
            "stop",
            "--wait",
            f"--pgdata={self.data_dir}",
            f"--mode={mode}",
        ]

    def _run(
        self, command: list[str], *, new_session: bool = False
    ) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL program, as the unprivileged user when this process is root."""
        # PG* variables of the caller (PGDATA, PGPORT...) must not steer the test server.
        env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
        return subprocess.run(
            [*self._prefix, *command],
            # The unprivileged user may not be able to enter the caller's directory.
            cwd=self._require_folder(),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            start_new_session=new_session,
        )

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])
