"""Wall-screen links (data/screen_tokens.py): the plain token once, only its SHA-256 kept,
revocable, each write with its audit row."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from data import screen_tokens
from data.store import Store
from tests.table_reads import assert_each_write_names_what_it_changes

NOW = datetime(2026, 11, 20, 9, 0)


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "tokens.duckdb")
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'North', NULL, 'retail', NULL)")
    return store


def test_a_token_is_stored_as_its_sha256_only_and_verifies(tmp_path: Path) -> None:
    store = _store(tmp_path)
    token_id, token = screen_tokens.create_token(store, 1, actor_id=4, now=NOW)
    stored = store.rows("SELECT token_hash FROM screen_tokens")
    assert stored == [(hashlib.sha256(token.encode()).hexdigest(),)]
    assert token not in str(store.rows("SELECT * FROM screen_tokens"))
    assert token not in str(store.rows("SELECT * FROM audit_log"))
    allowed = screen_tokens.verify_token(store, token)
    assert (allowed.token_id, allowed.team_id, allowed.show_amounts) == (token_id, 1, False)
    assert allowed.created_by == 4
    with pytest.raises(screen_tokens.ScreenTokenError, match="not valid"):
        screen_tokens.verify_token(store, token + "x")


def test_amounts_show_only_when_the_token_says_so(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _, token = screen_tokens.create_token(store, 1, show_amounts=True)
    assert screen_tokens.verify_token(store, token).show_amounts is True


def test_a_revoked_token_is_refused_and_the_record_stays(tmp_path: Path) -> None:
    store = _store(tmp_path)
    token_id, token = screen_tokens.create_token(store, 1, now=NOW)
    screen_tokens.revoke_token(store, token_id, actor_id=4, now=NOW)
    with pytest.raises(screen_tokens.ScreenTokenError) as caught:
        screen_tokens.verify_token(store, token)
    assert caught.value.key == "auth.token_invalid"
    assert [t.revoked_at for t in screen_tokens.list_tokens(store)] == [NOW]
    screen_tokens.revoke_token(store, token_id, now=NOW)  # again: nothing more is written
    actions = store.rows("SELECT action, object_id, user_id FROM audit_log ORDER BY audit_id")
    assert actions == [
        ("screen_token.create", str(token_id), None),
        ("screen_token.revoke", str(token_id), 4),
    ]


def test_a_token_for_an_unknown_team_is_not_made(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with pytest.raises(screen_tokens.ScreenTokenError, match="no team with id 9"):
        screen_tokens.create_token(store, 9)
    with pytest.raises(screen_tokens.ScreenTokenError, match="no wall-screen link with id 5"):
        screen_tokens.revoke_token(store, 5)
    assert store.scalar("SELECT count(*) FROM screen_tokens") == 0
    assert store.scalar("SELECT count(*) FROM audit_log") == 0


def test_each_link_write_names_the_tables_it_changes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    made: list[int] = []
    writes = [
        lambda: made.append(screen_tokens.create_token(store, 1, actor_id=4, now=NOW)[0]),
        lambda: screen_tokens.revoke_token(store, made[0], actor_id=4, now=NOW),
    ]
    assert_each_write_names_what_it_changes(store, screen_tokens.TOUCHES, writes)
