"""The PostgreSQL store on a real server (tests/postgres_server.py): the same write path as
the DuckDB file, with writes from several processes queued on the data_version row."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from data.commitments import NewCommitment, add_commitment
from data.config import DATABASE_URL_ENV_VAR, DB_ENV_VAR, resolve_location
from data.engine import open_store
from data.pg_store import PostgresStore, ServerError, redacted
from data.store import Store
from tests.metrics.fixture import build_tiny_company

ROOT = Path(__file__).resolve().parents[2]


def test_open_store_picks_the_engine_from_the_location(tmp_path: Path, postgres_url: str) -> None:
    file_store = open_store(tmp_path / "a.duckdb")
    server_store = open_store(postgres_url)
    try:
        assert isinstance(file_store, Store) and file_store.engine == "duckdb"
        assert isinstance(server_store, PostgresStore) and server_store.engine == "postgres"
        # Both were migrated to the same schema version.
        newest = "SELECT max(version) FROM schema_version"
        assert file_store.scalar(newest) == server_store.scalar(newest)
    finally:
        file_store.close()
        server_store.close()


def test_huddle_db_wins_over_the_database_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV_VAR, "postgresql://u@127.0.0.1:1/x")
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "b.duckdb"))
    assert resolve_location() == tmp_path / "b.duckdb"
    monkeypatch.delenv(DB_ENV_VAR)
    assert resolve_location() == "postgresql://u@127.0.0.1:1/x"
    assert resolve_location("postgres://h/db") == "postgres://h/db"


def test_an_unreachable_server_is_said_in_words_without_the_password() -> None:
    url = "postgresql://huddle:secret@127.0.0.1:1/nowhere"
    with pytest.raises(ServerError) as caught:
        PostgresStore(url)
    assert "cannot reach the PostgreSQL server" in str(caught.value)
    assert "secret" not in str(caught.value)
    assert redacted(url) == "postgresql://huddle:***@127.0.0.1:1/nowhere"


def test_a_write_commits_whole_or_not_at_all_and_bumps_the_version(postgres_url: str) -> None:
    store = PostgresStore(postgres_url)
    try:
        build_tiny_company(store)
        before = store.data_version()
        with pytest.raises(RuntimeError), store.transaction() as cur:
            cur.execute("DELETE FROM orders")
            raise RuntimeError("cut off half way")
        assert store.scalar("SELECT count(*) FROM orders") == 20  # the fixture's 20 lines
        assert store.data_version() == before
        with store.transaction() as cur:
            cur.execute("UPDATE teams SET name = ? WHERE team_id = ?", ["North East", 1])
        assert store.data_version() == before + 1
        assert store.scalar("SELECT name FROM teams WHERE team_id = $id", {"id": 1}) == "North East"
    finally:
        store.close()


# Each writer: what one form submission saves, and where the tiny company keeps it. The
# script below runs `submit(n)` for n in 0..39 and prints how many it created.
_WRITES = {
    "commitment": (
        "from data.commitments import NewCommitment, add_commitment\n"
        "item = NewCommitment(standup_day=date(2024, 11, 4), rep_id=101, what='Call Acme',"
        " due_date=date(2024, 11, 8))\n"
        "def submit(n): return add_commitment(store, item, submission_id=f'form-{n}').created\n",
        "SELECT count(*) FROM commitments",
        "commitment.add",
    ),
    "follow_up": (
        "from data.follow_ups import log_contact\n"
        "def submit(n): return log_contact(store, submission_id=f'form-{n}', customer_id=1,"
        " rep_id=101, day=date(2024, 11, 4), kind='call', outcome='reached',"
        " note=f'call {n}').created\n",
        "SELECT count(*) FROM follow_up_actions",
        None,
    ),
    "review": (
        "from datetime import timedelta\n"
        "from data.reviews import ReviewInput, save_review\n"
        "def submit(n):\n"
        "    week = date(2024, 1, 1) + timedelta(weeks=n)\n"
        "    review = ReviewInput(rep_id=101, kind='one_to_one', period_start=week,"
        " period_end=week + timedelta(days=6), reviewer='Lee', strengths=f'week {n}')\n"
        "    return save_review(store, review, status='submitted', submission_id=f'form-{n}',"
        " edited_by='Lee').created\n",
        "SELECT count(*) FROM reviews",
        "review.submit",
    ),
}

_SUBMIT = """
import os, sys, time
from datetime import date
from data.pg_store import PostgresStore
store = PostgresStore(sys.argv[1])
{write}
print("ready", flush=True)
while not os.path.exists(sys.argv[2]):  # both start submitting at the same moment
    time.sleep(0.001)
print(sum(int(submit(n)) for n in range(40)))
store.close()
"""


@pytest.mark.parametrize("what", sorted(_WRITES))
def test_a_double_submit_from_two_processes_lands_once(
    postgres_url: str, tmp_path: Path, what: str
) -> None:
    """Two processes submit the same forty form submissions at the same time (as two app
    replicas behind a load balancer would on a double click): each submission lands once,
    for a stand-up commitment, a logged follow-up call and a review alike."""
    write, count_sql, audit_action = _WRITES[what]
    store = PostgresStore(postgres_url)
    try:
        build_tiny_company(store)
        before = store.scalar(count_sql)
        go = tmp_path / "go"
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", _SUBMIT.format(write=write), postgres_url, str(go)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for run in runs:
            assert run.stdout is not None and run.stdout.readline().strip() == "ready"
        go.touch()
        outputs = [run.communicate(timeout=120) for run in runs]
        assert all(run.returncode == 0 for run in runs), [err for _, err in outputs]
        created = sum(int(out.strip()) for out, _ in outputs)
        assert created == 40  # between them, each submission was created exactly once
        assert store.scalar(count_sql) == before + 40
        if audit_action:
            audit_rows = f"SELECT count(*) FROM audit_log WHERE action = '{audit_action}'"
            assert store.scalar(audit_rows) == 40
        if what == "commitment":  # the same submission again from this process: no change
            item = NewCommitment(date(2024, 11, 4), 101, "Call Acme", date(2024, 11, 8))
            assert not add_commitment(store, item, submission_id="form-3").created
            assert store.scalar(count_sql) == before + 40
    finally:
        store.close()
