"""The customer file's writes (data/customer_notes.py) on a real DuckDB file: versions kept,
a submission id lands once, one audit row per write in the same transaction, nothing left
behind by a write that fails."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

import pytest

from data import audit, customer_notes
from data.customer_notes import Author, CustomerNoteError
from data.importing.company import merge
from data.importing.runner import clear_company
from data.store import Store
from metrics import customer_file
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

ANN = Author(user_id=None, rep_id=101)
DAY = datetime(2024, 12, 2, 9, 30)


@pytest.fixture
def store(new_store: StoreMaker) -> Iterator[Store]:
    store = new_store("notes")
    build_tiny_company(store)
    yield store
    store.close()


def _audit(store: Store) -> list[tuple[str, str, str, dict]]:
    rows = store.rows(
        "SELECT action, object_type, object_id, CAST(details AS VARCHAR) FROM audit_log"
        " WHERE action LIKE 'customer.%' ORDER BY audit_id"
    )
    return [(a, o, i, json.loads(d)) for a, o, i, d in rows]


def _count(store: Store, table: str) -> int:
    return int(store.scalar(f"SELECT count(*) FROM {table}"))


def test_a_note_is_kept_with_its_author_and_day(store: Store) -> None:
    saved = customer_notes.add_note(
        store, 1, "preference", "  Calls after 3pm  ", submission_id="s1", author=ANN, now=DAY
    )
    assert (saved.version, saved.created) == (1, True)
    notes = customer_file.notes(store, 1)
    row = notes.iloc[0]
    # Blanks around the text are trimmed; the author is the person Ann (rep_id 101).
    assert (row["kind"], row["text"], row["author_rep_id"], row["author"]) == (
        "preference", "Calls after 3pm", 101, "Ann",
    )  # fmt: skip
    assert row["created_at"] == DAY
    assert _audit(store) == [
        (
            "customer.note_add", "customer", "1",
            {"note_id": saved.note_id, "version": 1, "kind": "preference", "rep_id": 101},
        )
    ]  # fmt: skip


def test_an_edit_adds_a_version_and_keeps_the_old_one(store: Store) -> None:
    first = customer_notes.add_note(store, 1, "note", "Likes tea", submission_id="s1")
    later = datetime(2024, 12, 3, 10, 0)
    edited = customer_notes.edit_note(
        store, 1, first.note_id, "Likes green tea", submission_id="s2", author=ANN, now=later
    )
    assert (edited.note_id, edited.version, edited.created) == (first.note_id, 2, True)
    versions = customer_file.note_versions(store, 1, first.note_id)
    assert list(versions["version"]) == [2, 1]
    assert list(versions["text"]) == ["Likes green tea", "Likes tea"]
    # The file shows the latest version only, by its editor; version 1 had no author (sign-in
    # off), version 2 is Ann's.
    latest = customer_file.notes(store, 1)
    assert len(latest) == 1
    assert (latest.iloc[0]["version"], latest.iloc[0]["author"]) == (2, "Ann")
    assert versions.iloc[1]["author"] is None
    # An edit that changes nothing adds nothing, and writes no audit row.
    same = customer_notes.edit_note(
        store, 1, first.note_id, " Likes green tea ", submission_id="s3"
    )
    assert (same.version, same.created) == (2, False)
    assert [a for a, *_ in _audit(store)] == ["customer.note_add", "customer.note_edit"]
    # Another customer's note, or an unknown one, is not found.
    with pytest.raises(CustomerNoteError) as refused:
        customer_notes.edit_note(store, 2, first.note_id, "x", submission_id="s4")
    assert refused.value.key == "customer_note.not_found"


def test_the_same_submission_id_lands_once(store: Store) -> None:
    first = customer_notes.add_note(store, 1, "note", "Likes tea", submission_id="same")
    again = customer_notes.add_note(store, 1, "note", "Likes tea", submission_id="same")
    assert again == customer_notes.SavedNote(first.note_id, 1, created=False)
    edit = customer_notes.edit_note(store, 1, first.note_id, "Tea!", submission_id="edit")
    repeat = customer_notes.edit_note(store, 1, first.note_id, "Tea!", submission_id="edit")
    assert (edit.version, repeat.version, repeat.created) == (2, 2, False)
    assert _count(store, "customer_notes") == 2
    assert len(_audit(store)) == 2  # one add, one edit: the repeats wrote nothing


def test_refusals_write_nothing(store: Store) -> None:
    for text, key in (("   ", "customer_note.empty"), ("x" * 2001, "customer_note.too_long")):
        with pytest.raises(CustomerNoteError) as refused:
            customer_notes.add_note(store, 1, "note", text, submission_id=f"s-{key}")
        assert refused.value.key == key
    with pytest.raises(CustomerNoteError) as unknown:
        customer_notes.add_note(store, 999, "note", "Hello", submission_id="s-999")
    assert unknown.value.key == "customer_note.unknown_customer"
    for tag in ("", "a, b", "x" * 41):
        with pytest.raises(CustomerNoteError):
            customer_notes.add_tag(store, 1, tag, submission_id=f"t-{tag}")
    assert _count(store, "customer_notes") == 0 and _count(store, "customer_tag_events") == 0
    assert _audit(store) == []


def test_a_failing_audit_rolls_the_note_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("the audit row could not be written")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        customer_notes.add_note(store, 1, "note", "Likes tea", submission_id="s1")
    with pytest.raises(RuntimeError):
        customer_notes.add_tag(store, 1, "VIP", submission_id="t1")
    # The note and the tag were written before the audit row failed: both rolled back.
    assert _count(store, "customer_notes") == 0 and _count(store, "customer_tag_events") == 0
    monkeypatch.undo()
    # The same submission then saves: nothing of the failed one was kept to block it.
    assert customer_notes.add_note(store, 1, "note", "Likes tea", submission_id="s1").created


def test_tags_add_remove_and_add_again(store: Store) -> None:
    assert customer_notes.add_tag(store, 6, " VIP ", submission_id="t1", author=ANN)
    # "vip" is the same tag (lower case key): on already, nothing written.
    assert not customer_notes.add_tag(store, 6, "vip", submission_id="t2")
    assert not customer_notes.add_tag(store, 6, "VIP", submission_id="t1")  # a repeat
    tags = customer_file.tags(store, 6)
    assert list(zip(tags["tag"], tags["author"], strict=True)) == [("VIP", "Ann")]
    assert customer_notes.remove_tag(store, 6, "Vip", submission_id="t3")
    assert not customer_notes.remove_tag(store, 6, "VIP", submission_id="t4")  # gone already
    assert customer_file.tags(store, 6).empty
    assert customer_notes.add_tag(store, 6, "vip", submission_id="t5")
    assert list(customer_file.tags(store, 6)["tag"]) == ["vip"]
    assert [(a, i, d["tag"]) for a, _, i, d in _audit(store)] == [
        ("customer.tag_add", "6", "VIP"),
        ("customer.tag_remove", "6", "VIP"),
        ("customer.tag_add", "6", "vip"),
    ]
    # Every event is kept: three written (the refused and repeated ones wrote nothing).
    assert _count(store, "customer_tag_events") == 3


def test_replacing_the_company_clears_its_customer_file(store: Store) -> None:
    # An import that replaces the company empties its customers, so the notes and tags that
    # name their ids go too: a new company's customer 1 is someone else.
    customer_notes.add_note(store, 1, "note", "Likes tea", submission_id="s1")
    customer_notes.add_tag(store, 1, "VIP", submission_id="t1")
    with store.transaction() as cur:
        clear_company(cur)
    assert _count(store, "customer_notes") == 0 and _count(store, "customer_tag_events") == 0


def test_merging_two_customers_keeps_both_files(store: Store) -> None:
    # Birch (2) folded into Acme (1): Birch's note and tag now sit in Acme's file.
    customer_notes.add_note(store, 2, "note", "Birch likes bowls", submission_id="s1", author=ANN)
    customer_notes.add_tag(store, 2, "Cafe", submission_id="t1")
    merge(store, "customers", 2, 1)
    assert list(customer_file.notes(store, 1)["text"]) == ["Birch likes bowls"]
    assert list(customer_file.tags(store, 1)["tag"]) == ["Cafe"]
    # Ann (101) folded into Cai (103): her notes are Cai's now (a person is their rep_id).
    merge(store, "reps", 101, 103)
    assert list(customer_file.notes(store, 1)["author_rep_id"]) == [103]
