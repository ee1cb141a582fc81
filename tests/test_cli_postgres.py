"""The CLI on a PostgreSQL server (issue 24): `--db postgresql://...` or HUDDLE_DATABASE_URL
names it, and a server it cannot use is one line in words, exit code 2, with no password."""

from __future__ import annotations

import socket

import pytest

import cli
from data.config import DATABASE_URL_ENV_VAR, DB_ENV_VAR
from tests.conftest import DATASETS


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, read, released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_info_on_a_fresh_server_database_migrates_it_and_says_it_is_empty(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["info", "--db", postgres_url]) == 0
    out = capsys.readouterr().out
    assert f"Database: {postgres_url}" in out  # no password in this URL: shown as it is
    assert "No data yet." in out
    assert "  orders               0" in out


def test_the_environment_names_the_server_when_no_db_is_given(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DB_ENV_VAR)  # HUDDLE_DB comes first; the tests set it to a file
    monkeypatch.setenv(DATABASE_URL_ENV_VAR, postgres_url)
    assert cli.main(["info"]) == 0
    assert f"Database: {postgres_url}" in capsys.readouterr().out


def test_an_unreachable_server_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql://ann:s3cret-pw@127.0.0.1:{_closed_port()}/huddle"
    for command in (["info"], ["kpi", "revenue"], ["demo", "--if-missing"]):
        assert cli.main([*command, "--db", url]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith(
            "huddle: Huddle cannot reach the PostgreSQL server at postgresql://ann:***@127.0.0.1:"
        ), err
        assert "Connection refused" in err  # the server's own reason, not a pool timeout
        assert "s3cret-pw" not in err and err.count("\n") == 1, err


def test_duplicates_and_merge_on_a_server(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    maven = DATASETS / "maven-crm"
    assert cli.main(["import", "--preset", "maven-crm", str(maven), "--db", postgres_url]) == 0
    capsys.readouterr()
    assert cli.main(["duplicates", "--db", postgres_url]) == 0
    assert "products: 'GTX Pro' (id 2) / 'GTXPro' (id 8)" in capsys.readouterr().out
    assert cli.main(["merge", "products", "GTXPro", "GTX Pro", "--db", postgres_url]) == 0
    capsys.readouterr()
    assert cli.main(["duplicates", "--db", postgres_url]) == 0
    assert "GTXPro" not in capsys.readouterr().out
