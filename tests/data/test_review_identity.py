"""One review per person, kind and period (issue 19): the second *new* review of an identity
is a conflict (ReviewExists naming the first), from a stale form, from two sessions at once
through one Store, from two Store objects in one process, and from two processes; the
database's own primary key (review_identities, migration 0009) refuses a second holder."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from data.migrate import available_migrations, migrate
from data.reviews import (
    ReviewExists,
    ReviewInput,
    check_review,
    new_submission_id,
    save_draft,
    submit_review,
)
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)
SCORES = {"results": 4, "customer_satisfaction": 3, "teamwork": 5, "attitude": 4, "skills": 3}


def _seed(store: Store) -> None:
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', 1)")
        cur.execute(
            "INSERT INTO reps VALUES (1, 'Lead Lee', 1, 'group_leader', '2020-01-01', NULL),"
            " (2, 'Rep Ray', 1, 'sales_rep', '2021-03-01', NULL)"
        )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A file with one team and two people (ids 1 and 2), closed again."""
    file = tmp_path / "reviews.duckdb"
    store = Store(file)
    _seed(store)
    store.close()
    return file


def _review(month: int = 10, **changes: Any) -> ReviewInput:
    start = date(2026, month, 1)
    end = date.fromordinal(date(2026, month + 1, 1).toordinal() - 1)
    raw: dict[str, Any] = {
        "rep_id": 2,
        "kind": "monthly_evaluation",
        "period_start": start,
        "period_end": end,
        "reviewer": "Lead Lee",
        "scores": dict(SCORES),
        "strengths": "Quick follow-ups.",
        "areas_to_improve": "More new customers.",
    }
    raw.update(changes)
    return check_review(raw, status="submitted", today=TODAY)


def _reviews_of(store: Store) -> list[tuple[Any, ...]]:
    return store.rows(
        "SELECT period_start, count(DISTINCT review_id) FROM reviews GROUP BY ALL ORDER BY 1"
    )


def test_a_stale_form_gets_the_review_that_exists_and_a_double_click_still_lands_once(
    path: Path,
) -> None:
    store = Store(path)
    # Ann and Bob both open the empty October form; Bob saves first.
    bob = submit_review(store, _review(), submission_id="bob-1", edited_by="Bob")
    with pytest.raises(ReviewExists) as caught:
        submit_review(store, _review(strengths="Ann's words."), submission_id="ann-1",
                      edited_by="Ann")  # fmt: skip
    assert (caught.value.review_id, caught.value.edited_by) == (bob.review_id, "Bob")
    assert caught.value.latest_version == 1 and caught.value.status == "submitted"
    assert "already exists: Bob saved version 1" in str(caught.value)
    # A draft is refused the same way: the rule is per identity, whatever the status.
    with pytest.raises(ReviewExists):
        save_draft(store, _review(), submission_id="ann-2", edited_by="Ann")
    # Bob's double click: the same submission lands once and is not a conflict.
    again = submit_review(store, _review(), submission_id="bob-1", edited_by="Bob")
    assert (again.review_id, again.created) == (bob.review_id, False)
    assert _reviews_of(store) == [(date(2026, 10, 1), 1)]
    # Opening the review that exists and saving onto it works: a version 2.
    edit = submit_review(store, _review(strengths="Ann's words."), submission_id="ann-3",
                         edited_by="Ann", review_id=bob.review_id, base_version=1)  # fmt: skip
    assert (edit.review_id, edit.version) == (bob.review_id, 2)
    store.close()


def test_ten_pairs_of_sessions_through_one_store_make_ten_reviews(path: Path) -> None:
    # Before the rule, 20 threads (two per identity) made 20 reviews for 10 identities.
    store = Store(path)
    outcomes = _race(lambda _n: store, pairs=10)
    assert sorted(outcomes) == ["created"] * 10 + ["exists"] * 10
    assert _reviews_of(store) == [(date(2026, m, 1), 1) for m in range(1, 11)]
    store.close()


def test_two_stores_in_one_process_make_one_review_per_identity(path: Path) -> None:
    # Two Store objects have two write locks, so their transactions overlap: the database's
    # rule decides (a commit that collides fails and is retried, then sees the first review).
    stores = [Store(path), Store(path)]
    outcomes = _race(lambda n: stores[n % 2], pairs=10)
    assert sorted(outcomes) == ["created"] * 10 + ["exists"] * 10
    assert _reviews_of(stores[0]) == [(date(2026, m, 1), 1) for m in range(1, 11)]
    for store in stores:
        store.close()


def _race(store_for: Any, pairs: int) -> list[str]:
    """Two threads per identity, all released at once, each saving a new review."""
    outcomes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(2 * pairs)

    def worker(n: int) -> None:
        start.wait()
        try:
            submit_review(store_for(n), _review(month=n // 2 + 1),
                          submission_id=new_submission_id(), edited_by=f"Lead {n}")  # fmt: skip
            outcome = "created"
        except ReviewExists:
            outcome = "exists"
        except BaseException as error:
            errors.append(error)
            return
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(2 * pairs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return outcomes


_CHILD = """
import sys, time
from datetime import date
from data.errors import DatabaseLockedError
from data.reviews import ReviewExists, check_review, submit_review
from data.store import Store

path, who = sys.argv[1], sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()  # both start together
for _ in range(1200):  # DuckDB lets one process write the file: wait for the other to close
    try:
        store = Store(path)
        break
    except DatabaseLockedError:
        time.sleep(0.05)
review = check_review(
    {"rep_id": 2, "kind": "monthly_evaluation", "period_start": date(2026, 10, 1),
     "period_end": date(2026, 10, 31), "reviewer": who, "strengths": "x",
     "areas_to_improve": "y", "scores": dict.fromkeys(
         ("results", "customer_satisfaction", "teamwork", "attitude", "skills"), 3)},
    status="submitted", today=date(2026, 11, 20))
try:
    saved = submit_review(store, review, submission_id=who, edited_by=who)
    print("created", saved.review_id, flush=True)
except ReviewExists as error:
    print("exists", error.review_id, error.edited_by, flush=True)
store.close()
"""


def test_two_processes_saving_the_first_review_of_one_identity_make_one(path: Path) -> None:
    # Two Python processes, each saving the first October evaluation of person 2 into the same
    # file. DuckDB lets only one process open a file for writing, so the second waits for the
    # first to close (the file lock serializes them); its save then finds the first review in
    # its own transaction and is refused. Before the rule, both printed "created".
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path), who],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("Ann", "Bob")
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    said = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        said.append(out.split())
    created = [s for s in said if s[0] == "created"]
    refused = [s for s in said if s[0] == "exists"]
    assert len(created) == 1 and len(refused) == 1, said
    winner = "Ann" if said[0][0] == "created" else "Bob"
    assert refused[0][1:] == [created[0][1], winner], "names the review and who saved it"
    store = Store(path)
    assert _reviews_of(store) == [(date(2026, 10, 1), 1)]
    store.close()


def test_the_database_itself_refuses_a_second_review_of_an_identity(path: Path) -> None:
    store = Store(path)
    first = submit_review(store, _review(), submission_id="a", edited_by="Lee")
    with pytest.raises(duckdb.ConstraintException), store.transaction() as cur:
        cur.execute(
            "INSERT INTO review_identities VALUES (2, 'monthly_evaluation', '2026-10-01',"
            " '2026-10-31', 'another')"
        )
    assert store.rows("SELECT review_id FROM review_identities") == [(first.review_id,)]
    store.close()


def test_an_edit_cannot_move_a_review_onto_a_period_that_has_one(path: Path) -> None:
    store = Store(path)
    october = submit_review(store, _review(10), submission_id="a", edited_by="Lee")
    september = submit_review(store, _review(9), submission_id="b", edited_by="Lee")
    with pytest.raises(ReviewExists) as caught:
        submit_review(store, _review(10), submission_id="c", edited_by="Lee",
                      review_id=september.review_id, base_version=1)  # fmt: skip
    assert caught.value.review_id == october.review_id
    # Moving it to a free month is an edit like any other, and frees September.
    moved = submit_review(store, _review(8), submission_id="d", edited_by="Lee",
                          review_id=september.review_id, base_version=1)  # fmt: skip
    assert moved.version == 2
    fresh = submit_review(store, _review(9), submission_id="e", edited_by="Lee")
    assert fresh.created and fresh.review_id not in (october.review_id, september.review_id)
    store.close()


def test_a_review_deleted_with_the_company_frees_its_identity(path: Path) -> None:
    # An import that replaces the company deletes the reviews (not their identities): the
    # identity of a review that no longer exists is taken over by the next one.
    store = Store(path)
    submit_review(store, _review(), submission_id="a", edited_by="Lee")
    with store.transaction() as cur:
        cur.execute("DELETE FROM reviews")
    again = submit_review(store, _review(), submission_id="b", edited_by="Lee")
    assert again.created
    assert store.rows("SELECT review_id FROM review_identities") == [(again.review_id,)]
    store.close()


def test_duplicates_written_before_the_rule_survive_the_migration(tmp_path: Path) -> None:
    # A file at schema 8 with two October reviews of person 2 (the bug): r-early saved at
    # 09:00, r-late at 10:00. Migration 0009 gives the identity to the first saved, keeps both
    # in the history, and refuses a third.
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    migrate(con, [m for m in available_migrations() if m.version <= 8])
    con.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', 1)")
    con.execute("INSERT INTO reps VALUES (2, 'Rep Ray', 1, 'sales_rep', '2021-03-01', NULL)")
    for review_id, hour in (("r-late", 10), ("r-early", 9)):
        con.execute(
            "INSERT INTO reviews (review_id, version, submission_id, rep_id, period_start,"
            " period_end, kind, status, reviewer, scores, notes, created_at) VALUES (?, 1, ?, 2,"
            " '2026-10-01', '2026-10-31', 'monthly_evaluation', 'draft', 'Lee', '{}', '{}', ?)",
            [review_id, review_id, f"2026-11-02 {hour}:00"],
        )
    con.close()
    store = Store(tmp_path / "old.duckdb")
    assert store.rows("SELECT review_id FROM review_identities") == [("r-early",)]
    assert store.scalar("SELECT count(DISTINCT review_id) FROM reviews") == 2
    with pytest.raises(ReviewExists) as caught:
        save_draft(store, _review(), submission_id="new", edited_by="Lee")
    assert caught.value.review_id == "r-early"
    late = save_draft(store, _review(), submission_id="late-2", edited_by="Lee",
                      review_id="r-late", base_version=1)  # fmt: skip
    assert late.version == 2, "the review saved twice before the rule can still be edited"
    store.close()
