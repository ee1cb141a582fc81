"""The throwaway PostgreSQL server the tests and benchmarks start (tests/postgres_server.py):
a real server, on loopback only, not as root, one fresh database per call, nothing left over."""

from __future__ import annotations

import os
import pwd
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests import postgres_server as server_module
from tests.postgres_server import PostgresServer, PostgresUnavailable, process_ended

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK_HEX = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it (little-endian hex)
TCP_LISTEN = "0A"


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp{,6}) that listen on `port`, IPv4 and IPv6."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        lines = Path(table).read_text().splitlines()[1:]
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if fields[3] == TCP_LISTEN and int(port_hex, 16) == port:
                found.add(address)
    return found


def process_uid(pid: int) -> int:
    """The real uid of process `pid` (the first figure of the Uid: line in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    raise AssertionError(f"no Uid line for process {pid}")


def port_is_free(port: int) -> bool:
    """Whether a new server could listen on 127.0.0.1:`port`. SO_REUSEADDR as servers
    (PostgreSQL too) set it: a closed connection's TIME_WAIT on the port does not count."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_server_accepts_connections_on_loopback_only(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute(
            "SELECT current_user, host(inet_server_addr()), current_setting('listen_addresses'),"
            " current_setting('fsync'), current_setting('max_connections')"
        ).fetchone()
    assert row == ("huddle", "127.0.0.1", "127.0.0.1", "off", "200")
    assert postgres_url.startswith(f"postgresql://huddle@127.0.0.1:{postgres_server.port}/t_")
    # What the kernel says, not only the setting: one listener on the port, 127.0.0.1.
    assert postgres_server.port is not None
    assert listening_addresses(postgres_server.port) == {LOOPBACK_HEX}


def test_server_runs_as_an_unprivileged_user(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    # PostgreSQL refuses root; as root the server runs as `postgres` (Debian's package user).
    expected = pwd.getpwnam("postgres").pw_uid if os.geteuid() == 0 else os.geteuid()
    assert process_uid(postgres_server.postmaster_pid()) == expected != 0
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        # Read while connected: the backend process exits as soon as the connection closes.
        assert process_uid(row[0]) == expected


def test_new_database_gives_separate_empty_databases(postgres_server: PostgresServer) -> None:
    first, second = postgres_server.new_database("t"), postgres_server.new_database("t")
    assert first != second
    with psycopg.connect(first) as conn:
        conn.execute("CREATE TABLE only_here (n integer)")
        conn.execute("INSERT INTO only_here VALUES (1)")
    with psycopg.connect(second) as conn:
        row = conn.execute("SELECT to_regclass('only_here') IS NULL").fetchone()
        assert row == (True,)
        encoding = conn.execute("SHOW server_encoding").fetchone()
        assert encoding == ("UTF8",)
    postgres_server.drop_database(first)
    postgres_server.drop_database(second)
    with psycopg.connect(postgres_server.url(), autocommit=True) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_database WHERE datname = ANY(%s)",
            [[first.rsplit("/", 1)[1], second.rsplit("/", 1)[1]]],
        ).fetchone()
    assert left == (0,)


def test_new_database_refuses_a_prefix_that_is_not_a_plain_name(
    postgres_server: PostgresServer,
) -> None:
    with pytest.raises(ValueError, match="prefix"):
        postgres_server.new_database('t"; DROP DATABASE postgres; --')


def test_stop_removes_the_folder_and_frees_the_port(postgres_server: PostgresServer) -> None:
    # A second server while the session's one runs (as a stale one from a killed run would):
    # its own folder and port.
    with PostgresServer() as server:
        folder, port, pid = server.folder, server.port, server.postmaster_pid()
        assert folder is not None and port is not None
        assert (folder, port) != (postgres_server.folder, postgres_server.port)
        with psycopg.connect(server.url()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    assert not folder.exists()
    assert process_ended(pid)
    assert listening_addresses(port) == set()
    assert port_is_free(port)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(f"postgresql://huddle@127.0.0.1:{port}/postgres", connect_timeout=5)
    server.stop()  # a second stop does nothing


def test_a_killed_test_process_leaves_no_server_behind() -> None:
    script = (
        "import os, sys, time\n"
        "from tests.postgres_server import PostgresServer\n"
        "server = PostgresServer().start()\n"
        "print(server.folder, server.postmaster_pid(), server._watchdog.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    try:
        folder, postmaster, watchdog = child.stdout.readline().split()
        assert Path(folder).is_dir() and not process_ended(int(postmaster))
    finally:
        child.send_signal(signal.SIGKILL)  # no atexit, no finally: only the watchdog cleans up
        child.wait()
        child.stdout.close()
    # The watchdog is not our child, so poll for it to finish its work (bounded, not timed).
    deadline = time.monotonic() + 120
    while not process_ended(int(watchdog)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert process_ended(int(watchdog))
    assert not Path(folder).exists()
    assert process_ended(int(postmaster))


def test_missing_postgresql_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing in Debian's place and no pg_config on PATH: what a machine without it sees.
    monkeypatch.setattr(server_module, "DEBIAN_INITDB_GLOB", "/nonexistent/*/bin/initdb")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(PostgresUnavailable, match="apt-get install postgresql"):
        PostgresServer().start()


def test_benchmarks_can_import_it_from_the_repository_root() -> None:
    script = (
        "from tests.postgres_server import PostgresServer\n"
        "import psycopg\n"
        "with PostgresServer() as server:\n"
        "    with psycopg.connect(server.new_database('bench')) as conn:\n"
        "        print(conn.execute('SELECT current_database()').fetchone()[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("bench_")


def test_start_moves_to_another_port_when_its_pick_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A real listener holds the first port offered (as another program grabbing it between
    # free_port() and the server's bind would); start() reads "could not bind" and retries.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        taken_port = taken.getsockname()[1]
        offers = iter([taken_port, server_module.free_port()])
        monkeypatch.setattr(server_module, "free_port", lambda: next(offers))
        with PostgresServer() as server:
            assert server.port not in (None, taken_port)
            with psycopg.connect(server.url()) as conn:
                assert conn.execute("SELECT 1").fetchone() == (1,)
