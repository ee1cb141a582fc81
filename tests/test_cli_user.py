"""`cli.py user`: add, list, disable, enable and reset a password, in-process on a real file.
Passwords come from standard input (--password-stdin) or a hidden prompt, never an argument."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import cli
from data import auth
from data.engine import open_store

NOW = datetime(2026, 11, 20, 9, 0)
# Real argon2id at its lowest cost: the default takes a second a hash on a busy machine.
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(params=["duckdb", "postgres"])
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    """A company of one team and one person, in a DuckDB file and on the PostgreSQL server."""
    monkeypatch.setattr(auth, "_hasher", lambda: CHEAP)
    where = (
        str(tmp_path / "users.duckdb")
        if request.param == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    store = open_store(where)
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'North', NULL, 'retail', 1)")
        cur.execute("INSERT INTO reps VALUES (1, 'Ann', 1, 'group_leader', '2020-01-01', NULL)")
    store.close()
    return where


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(["user", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_user_round_trip(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = lambda *a, stdin="": _run(monkeypatch, capsys, *a, "--db", db, stdin=stdin)  # noqa: E731
    code, out, _ = run("list")
    assert code == 0 and "No users yet" in out
    code, out, err = run("add", "Root@Example.com", "--role", "admin", "--password-stdin",
                         stdin="first password\n")  # fmt: skip
    assert code == 0, err
    assert out.startswith("Added root@example.com\tadmin")
    code, out, err = run("add", "ann", "--role", "lead", "--rep-id", "1", "--team-id", "1",
                         "--password-stdin", stdin="ann's password\n")  # fmt: skip
    assert code == 0, err
    code, out, _ = run("list")
    assert out.splitlines() == [
        "ann\tlead rep_id 1 team_id 1\tAnn\tpassword",
        "root@example.com\tadmin\troot@example.com\tpassword",
    ]
    store = open_store(db)
    assert auth.verify_password(store, "ann", "ann's password", NOW).rep_id == 1

    assert run("disable", "ann")[0] == 0
    with pytest.raises(auth.AccountDisabled):
        auth.verify_password(store, "ann", "ann's password", NOW)
    assert "disabled" in run("list")[1].splitlines()[0]
    assert run("enable", "ann")[0] == 0
    code, out, err = run("reset-password", "ANN", "--password-stdin", stdin="a new password\n")
    assert code == 0, err
    assert auth.verify_password(store, "ann", "a new password", NOW).login == "ann"
    # the command line acts as no signed-in user: every row has an empty user_id
    assert store.rows("SELECT action, user_id FROM audit_log ORDER BY audit_id") == [
        ("user.add", None),
        ("user.add", None),
        ("user.disabled", None),
        ("user.enabled", None),
        ("user.password_reset", None),
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (("add", "bo", "--role", "viewer", "--password-stdin"), "short\n", "at least 10 char"),
        (("add", "bo", "--role", "rep", "--password-stdin"), "long enough!\n", "person id"),
        (("add", "bo", "--role", "lead", "--rep-id", "1", "--no-password"), "", "team id"),
        (("add", "b o", "--role", "viewer", "--no-password"), "", "cannot be a sign-in name"),
        (("disable", "nobody"), "", "There is no user 'nobody'"),
        (("reset-password", "nobody", "--password-stdin"), "long enough!\n", "no user"),
    ],
)
def test_bad_input_exits_2_with_a_sentence(
    db: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    stdin: str,
    said: str,
) -> None:
    code, _, err = _run(monkeypatch, capsys, *args, "--db", db, stdin=stdin)
    assert code == 2 and said in err and err.startswith("huddle: ")
    assert open_store(db).scalar("SELECT count(*) FROM audit_log") == 0  # nothing was written


def test_the_only_admin_cannot_be_disabled(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(monkeypatch, capsys, "add", "root", "--role", "admin", "--password-stdin", "--db", db,
         stdin="first password\n")  # fmt: skip
    code, _, err = _run(monkeypatch, capsys, "disable", "root", "--db", db)
    assert code == 2 and "only admin" in err


def test_a_password_is_never_an_argument(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:  # argparse refuses the unknown option
        _run(monkeypatch, capsys, "add", "bo", "--role", "viewer", "--password", "secret123456",
             "--db", db)  # fmt: skip
    assert caught.value.code == 2


def test_the_prompt_asks_twice_and_refuses_two_different_passwords(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = iter(["first password", "first passw0rd"])  # what the person types at the prompts
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(typed))
    code, _, err = _run(monkeypatch, capsys, "add", "bo", "--role", "viewer", "--db", db)
    assert code == 2 and "two passwords typed differ" in err
    assert open_store(db).scalar("SELECT count(*) FROM users") == 0
