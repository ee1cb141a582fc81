"""The write side of the customer file: notes, preferences and contact details the team adds
about a customer, and tags (migration 0015).

Nothing is updated or deleted: a note's edit adds its next version (the old ones stay
viewable), a tag's removal adds a "removed" event. Every write carries a submission id
(UNIQUE in its table): the same id twice lands once, so a double click saves once. Each write
is one transaction with its audit row (customer.note_add, customer.note_edit,
customer.tag_add, customer.tag_remove; object type customer, object id the customer_id), so a
write that fails leaves neither. A write that adds nothing (a repeat, an unchanged edit, a tag
already there, a tag not there) writes no audit row either.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import duckdb

from data import audit
from data.engine import constraint_violations, is_duplicate_key
from data.errors import HuddleDataError
from data.store import Store, WriteConflict

NoteKind = Literal["note", "preference", "contact"]
NOTE_KINDS: tuple[str, ...] = NoteKind.__args__  # type: ignore[attr-defined]
MAX_NOTE = 2000  # characters in one note: about a page
MAX_TAG = 40  # characters in one tag: a word or two
# Tries of a write whose commit collided with another connection's (then nothing was written).
_ATTEMPTS = 25
# Every table a note or tag write changes (data.table_versions).
TOUCHES = frozenset({"customer_notes", "customer_tag_events", "audit_log"})


class CustomerNoteError(HuddleDataError):
    """A note or tag was refused; nothing was written. The key names the reason."""


@dataclass(frozen=True)
class Author:
    """Who writes: the signed-in user's id (None with sign-in off) and their rep_id when they
    are a person of the company."""

    user_id: int | None = None
    rep_id: int | None = None


@dataclass(frozen=True)
class SavedNote:
    """Where a note's save landed; created is False when nothing new was written (the
    submission had landed already, or an edit changed nothing)."""

    note_id: str
    version: int
    created: bool


def new_submission_id() -> str:
    """A fresh id for one save from a form."""
    return uuid.uuid4().hex


def clean_text(text: str) -> str:
    """A note as saved: surrounding blanks trimmed; refused when empty or too long."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise CustomerNoteError.of("customer_note.empty")
    if len(cleaned) > MAX_NOTE:
        raise CustomerNoteError.of("customer_note.too_long", max=MAX_NOTE, length=len(cleaned))
    return cleaned


def clean_tag(tag: str) -> tuple[str, str]:
    """A tag as saved and its key: inner runs of blanks made one space; the key is lower case,
    so "VIP" and "vip" are one tag. Refused when empty, too long, or holding a comma or a line
    break (a comma reads as two tags)."""
    shown = " ".join((tag or "").split())
    if not shown or len(shown) > MAX_TAG or any(c in (tag or "") for c in ",，\n\r"):
        raise CustomerNoteError.of("customer_tag.invalid", max=MAX_TAG)
    return shown, shown.lower()


def _retried(write):  # type: ignore[no-untyped-def]
    """Run `write` (a function of no arguments that opens its own transaction), again when its
    commit collided with another connection's write: the retry reads what that one wrote."""
    for attempt in range(_ATTEMPTS):
        try:
            return write()
        except WriteConflict:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


def _insert(cur: duckdb.DuckDBPyConnection, sql: str, values: dict[str, object]) -> None:
    """Insert a row whose key another connection may have committed since this transaction
    began: a collision to retry (WriteConflict, nothing written), never a crash."""
    try:
        cur.execute(sql, values)
    except constraint_violations() as error:
        if not is_duplicate_key(error):
            raise
        raise WriteConflict.of("db.write_conflict", detail=str(error).splitlines()[0]) from error


def _check_customer(cur: duckdb.DuckDBPyConnection, customer_id: int) -> None:
    found = cur.execute(
        "SELECT count(*) FROM customers WHERE customer_id = $c", {"c": customer_id}
    ).fetchone()
    if not found or not found[0]:
        raise CustomerNoteError.of("customer_note.unknown_customer", customer_id=customer_id)


def _landed(cur: duckdb.DuckDBPyConnection, submission_id: str) -> SavedNote | None:
    row = cur.execute(
        "SELECT note_id, version FROM customer_notes WHERE submission_id = $sid",
        {"sid": submission_id},
    ).fetchone()
    return SavedNote(str(row[0]), int(row[1]), created=False) if row else None


_INSERT_NOTE = """
    INSERT INTO customer_notes (note_id, version, submission_id, customer_id, kind, text,
                                author_user_id, author_rep_id, created_at)
    VALUES ($note_id, $version, $sid, $customer_id, $kind, $text, $user_id, $rep_id, $at)
"""


def add_note(
    store: Store,
    customer_id: int,
    kind: NoteKind,
    text: str,
    *,
    submission_id: str,
    author: Author = Author(),
    now: datetime | None = None,
) -> SavedNote:
    """Add a note (kind note, preference or contact) about `customer_id` as version 1 of a new
    note_id, with its audit row (customer.note_add). A repeat of `submission_id` returns where
    the first landed and writes nothing."""
    if kind not in NOTE_KINDS:
        raise ValueError(f"Unknown note kind {kind!r}")
    cleaned = clean_text(text)

    def write() -> SavedNote:
        with store.transaction(touches=TOUCHES) as cur:
            landed = _landed(cur, submission_id)
            if landed is not None:
                return landed
            _check_customer(cur, customer_id)
            note_id = uuid.uuid4().hex
            values = {
                "note_id": note_id, "version": 1, "sid": submission_id,
                "customer_id": customer_id, "kind": kind, "text": cleaned,
                "user_id": author.user_id, "rep_id": author.rep_id,
                "at": now or audit.utc_now(),
            }  # fmt: skip
            _insert(cur, _INSERT_NOTE, values)
            # Which note, never its text (the note's own row holds that).
            details = {"note_id": note_id, "version": 1, "kind": kind, "rep_id": author.rep_id}
            audit.record(cur, author.user_id, "customer.note_add", "customer", customer_id, details)
            return SavedNote(note_id, 1, created=True)

    return _retried(write)


def edit_note(
    store: Store,
    customer_id: int,
    note_id: str,
    text: str,
    *,
    submission_id: str,
    author: Author = Author(),
    now: datetime | None = None,
) -> SavedNote:
    """Save `text` as the next version of `note_id` (a note of `customer_id`; its kind stays),
    with its audit row (customer.note_edit). The old versions stay. A repeat of
    `submission_id`, or a text equal to the latest version's, writes nothing."""
    cleaned = clean_text(text)

    def write() -> SavedNote:
        with store.transaction(touches=TOUCHES) as cur:
            landed = _landed(cur, submission_id)
            if landed is not None:
                return landed
            latest = cur.execute(
                "SELECT version, kind, text FROM customer_notes"
                " WHERE note_id = $id AND customer_id = $c ORDER BY version DESC LIMIT 1",
                {"id": note_id, "c": customer_id},
            ).fetchone()
            if latest is None:
                raise CustomerNoteError.of("customer_note.not_found", note_id=note_id)
            if latest[2] == cleaned:
                return SavedNote(note_id, int(latest[0]), created=False)
            version = int(latest[0]) + 1
            values = {
                "note_id": note_id, "version": version, "sid": submission_id,
                "customer_id": customer_id, "kind": latest[1], "text": cleaned,
                "user_id": author.user_id, "rep_id": author.rep_id,
                "at": now or audit.utc_now(),
            }  # fmt: skip
            _insert(cur, _INSERT_NOTE, values)
            details = {"note_id": note_id, "version": version, "rep_id": author.rep_id}
            audit.record(
                cur, author.user_id, "customer.note_edit", "customer", customer_id, details
            )
            return SavedNote(note_id, version, created=True)

    return _retried(write)


def _tag_event(
    store: Store,
    customer_id: int,
    tag: str,
    added: bool,
    submission_id: str,
    author: Author,
    now: datetime | None,
) -> bool:
    shown, key = clean_tag(tag)

    def write() -> bool:
        with store.transaction(touches=TOUCHES) as cur:
            landed = cur.execute(
                "SELECT 1 FROM customer_tag_events WHERE submission_id = $sid",
                {"sid": submission_id},
            ).fetchone()
            if landed:
                return False
            _check_customer(cur, customer_id)
            state = cur.execute(
                "SELECT added, tag FROM customer_tag_events"
                " WHERE customer_id = $c AND tag_key = $k ORDER BY seq DESC LIMIT 1",
                {"c": customer_id, "k": key},
            ).fetchone()
            if bool(state and state[0]) == added:  # already there, or already gone
                return False
            # A removal names the tag as it was added ("VIP"), whatever case it was asked in.
            tag_shown = shown if added else str(state[1])  # type: ignore[index]
            seq = cur.execute("SELECT coalesce(max(seq), 0) + 1 FROM customer_tag_events")
            values = {
                "seq": int(seq.fetchone()[0]),  # type: ignore[index]
                "sid": submission_id, "c": customer_id, "tag": tag_shown, "key": key,
                "added": added, "user_id": author.user_id, "rep_id": author.rep_id,
                "at": now or audit.utc_now(),
            }  # fmt: skip
            _insert(
                cur,
                """
                INSERT INTO customer_tag_events (seq, submission_id, customer_id, tag, tag_key,
                                                 added, author_user_id, author_rep_id, created_at)
                VALUES ($seq, $sid, $c, $tag, $key, $added, $user_id, $rep_id, $at)
                """,
                values,
            )
            action = "customer.tag_add" if added else "customer.tag_remove"
            details = {"tag": tag_shown, "rep_id": author.rep_id}
            audit.record(cur, author.user_id, action, "customer", customer_id, details)
            return True

    return bool(_retried(write))


def add_tag(
    store: Store,
    customer_id: int,
    tag: str,
    *,
    submission_id: str,
    author: Author = Author(),
    now: datetime | None = None,
) -> bool:
    """Tag `customer_id` with `tag` (audit customer.tag_add); True when it was added, False
    when nothing was written (a repeat submission, or the tag is on already)."""
    return _tag_event(store, customer_id, tag, True, submission_id, author, now)


def remove_tag(
    store: Store,
    customer_id: int,
    tag: str,
    *,
    submission_id: str,
    author: Author = Author(),
    now: datetime | None = None,
) -> bool:
    """Take `tag` off `customer_id` (audit customer.tag_remove); True when it was removed,
    False when nothing was written (a repeat submission, or the tag is not on)."""
    return _tag_event(store, customer_id, tag, False, submission_id, author, now)
