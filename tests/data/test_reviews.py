"""The reviews write side: field-level validation, draft then submit, versions kept on every
edit, the frozen KPI snapshot, idempotent and concurrent submissions on a real DuckDB file."""

from __future__ import annotations

import shutil
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from data import reviews
from data.demo_reviews import generate_demo_reviews
from data.reviews import (
    MAX_ITEMS,
    MAX_TEXT,
    ReviewConflict,
    ReviewInput,
    ReviewInvalid,
    ReviewNotFound,
    check_review,
    new_submission_id,
    period_fits_kind,
    save_draft,
    set_action_item_done,
    submit_review,
)
from data.store import Store
from tests.table_reads import assert_each_write_names_what_it_changes

TODAY = date(2026, 11, 20)
SCORES = {"results": 4, "customer_satisfaction": 3, "teamwork": 5, "attitude": 4, "skills": 3}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A file with one team and two people (ids 1 and 2)."""
    store = Store(tmp_path / "reviews.duckdb")
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', 1)")
        cur.execute(
            "INSERT INTO reps VALUES (1, 'Lead Lee', 1, 'group_leader', '2020-01-01', NULL),"
            " (2, 'Rep Ray', 1, 'sales_rep', '2021-03-01', NULL)"
        )
    return store


def _raw(**changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "rep_id": 2,
        "kind": "monthly_evaluation",
        "period_start": date(2026, 10, 1),
        "period_end": date(2026, 10, 31),
        "reviewer": "Lead Lee",
        "scores": dict(SCORES),
        "strengths": "Quick follow-ups.",
        "areas_to_improve": "More new customers.",
        "goals": [{"text": "Call 10 lapsed customers", "due_date": date(2026, 11, 30)}],
    }
    raw.update(changes)
    return raw


def _problems(raw: dict[str, Any], status: str = "submitted") -> dict[str, tuple[str, dict]]:
    with pytest.raises(ReviewInvalid) as caught:
        check_review(raw, status=status, today=TODAY)  # type: ignore[arg-type]
    return {k: (p.code, p.values) for k, p in caught.value.problems.items()}


def _valid(status: str = "submitted", **changes: Any) -> ReviewInput:
    return check_review(_raw(**changes), status=status, today=TODAY)  # type: ignore[arg-type]


def _row_count(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM reviews"))


# --- validation: each error path names its field -------------------------------------------


def test_a_valid_review_passes() -> None:
    review = _valid()
    assert review.scores.teamwork == 5
    assert review.goals[0].item_id  # every action item gets a stable id


def test_missing_required_fields_are_named() -> None:
    raw = _raw()
    del raw["rep_id"]
    problems = _problems({**raw, "reviewer": "   "})
    assert problems["rep_id"][0] == "required"
    assert problems["reviewer"][0] == "required"  # blank after stripping counts as missing


@pytest.mark.parametrize("score", [0, 6, -1])
def test_a_score_out_of_range_is_named(score: int) -> None:
    problems = _problems(_raw(scores={**SCORES, "teamwork": score}))
    assert problems == {"scores.teamwork": ("score_range", {"low": 1, "high": 5})}


def test_a_period_in_the_future_is_refused() -> None:
    problems = _problems(_raw(period_start=date(2026, 12, 1), period_end=date(2026, 12, 31)))
    assert problems["period_start"][0] == "future"


def test_a_period_that_ends_before_it_starts_or_is_not_one_month() -> None:
    assert _problems(_raw(period_end=date(2026, 9, 30)))["period_end"][0] == "period_order"
    shape = _problems(_raw(period_end=date(2026, 10, 30)))
    assert shape["period_start"][0] == "period_shape"


def test_text_too_long_says_how_long_it_may_be() -> None:
    problems = _problems(_raw(strengths="x" * (MAX_TEXT + 1)))
    assert problems == {"strengths": ("too_long", {"max": MAX_TEXT})}


def test_an_action_item_without_a_due_date_and_too_many_items() -> None:
    problems = _problems(_raw(goals=[{"text": "Do it"}]))
    assert problems == {"goals.0.due_date": ("required", {})}
    blank_cell = _problems(_raw(goals=[{"text": "Do it", "due_date": None}]))
    assert blank_cell == {"goals.0.due_date": ("required", {})}
    assert _problems(_raw(goals=[{"text": "Do it", "due_date": "soon"}])) == {
        "goals.0.due_date": ("invalid", {})
    }
    many = [{"text": "x", "due_date": date(2026, 12, 1)}] * (MAX_ITEMS + 1)
    assert _problems(_raw(goals=many))["goals"] == ("too_many", {"max": MAX_ITEMS})


def test_a_draft_may_leave_scores_blank_but_a_submission_may_not() -> None:
    raw = _raw(scores={}, strengths="")
    assert check_review(raw, status="draft", today=TODAY).scores.results is None
    problems = _problems(raw, status="submitted")
    assert set(problems) == {
        "scores.results",
        "scores.customer_satisfaction",
        "scores.teamwork",
        "scores.attitude",
        "scores.skills",
        "strengths",
    }
    assert {code for code, _ in problems.values()} == {"required_on_submit"}


def test_messages_read_as_sentences() -> None:
    with pytest.raises(ReviewInvalid) as caught:
        check_review(_raw(scores={**SCORES, "skills": 9}), status="submitted", today=TODAY)
    assert "scores.skills must be a whole number from 1 to 5." in str(caught.value)


def test_periods_fit_their_kind() -> None:
    assert period_fits_kind("weekly_summary", date(2026, 11, 9), date(2026, 11, 15))
    assert not period_fits_kind("weekly_summary", date(2026, 11, 10), date(2026, 11, 16))
    assert period_fits_kind("quarterly_review", date(2026, 7, 1), date(2026, 9, 30))
    assert not period_fits_kind("quarterly_review", date(2026, 8, 1), date(2026, 10, 31))
    assert period_fits_kind("monthly_evaluation", date(2026, 12, 1), date(2026, 12, 31))
    assert period_fits_kind("one_to_one", date(2026, 11, 3), date(2026, 11, 3))


def test_an_unknown_person_is_refused_at_save_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(ReviewInvalid) as caught:
        submit_review(store, _valid(rep_id=99), submission_id="s1", edited_by="Lead Lee")
    assert caught.value.problems["rep_id"].code == "unknown_rep"
    assert _row_count(store) == 0


# --- draft, submit, versions ----------------------------------------------------------------


def test_draft_then_submit_adds_a_version(store: Store) -> None:
    draft = save_draft(store, _valid("draft", scores={}), submission_id="a", edited_by="Lead Lee")
    assert (draft.version, draft.status, draft.created) == (1, "draft", True)
    sent = submit_review(
        store, _valid(), submission_id="b", edited_by="Lead Lee", review_id=draft.review_id
    )
    assert (sent.review_id, sent.version, sent.status) == (draft.review_id, 2, "submitted")
    rows = store.rows("SELECT version, status FROM reviews ORDER BY version")
    assert rows == [(1, "draft"), (2, "submitted")]


def test_a_submitted_review_cannot_go_back_to_draft(store: Store) -> None:
    sent = submit_review(store, _valid(), submission_id="a", edited_by="Lead Lee")
    with pytest.raises(ReviewInvalid) as caught:
        save_draft(
            store, _valid("draft"), submission_id="b", edited_by="x", review_id=sent.review_id
        )
    assert caught.value.problems["status"].code == "already_submitted"


def test_editing_keeps_every_version_with_who_and_why(store: Store) -> None:
    first = submit_review(store, _valid(), submission_id="a", edited_by="Lead Lee")
    second = submit_review(
        store,
        _valid(strengths="Quick follow-ups; great with new hires."),
        submission_id="b",
        edited_by="Manager Mo",
        review_id=first.review_id,
        base_version=1,
        change_note="Added mentoring",
    )
    assert second.version == 2
    rows = store.rows(
        "SELECT version, notes->>'strengths', edited_by, change_note FROM reviews ORDER BY version"
    )
    assert rows == [
        (1, "Quick follow-ups.", "Lead Lee", None),
        (2, "Quick follow-ups; great with new hires.", "Manager Mo", "Added mentoring"),
    ]


def test_an_edit_on_a_stale_version_is_refused(store: Store) -> None:
    first = submit_review(store, _valid(), submission_id="a", edited_by="Lead Lee")
    submit_review(
        store, _valid(strengths="B"), submission_id="b", edited_by="Mo", review_id=first.review_id
    )
    with pytest.raises(ReviewConflict) as caught:
        submit_review(
            store,
            _valid(strengths="C"),
            submission_id="c",
            edited_by="Lee",
            review_id=first.review_id,
            base_version=1,
        )
    assert caught.value.latest_version == 2 and caught.value.edited_by == "Mo"
    assert _row_count(store) == 2


def test_the_same_submission_lands_once_and_an_unchanged_save_adds_nothing(store: Store) -> None:
    review = _valid()
    first = submit_review(store, review, submission_id="same", edited_by="Lead Lee")
    again = submit_review(store, review, submission_id="same", edited_by="Lead Lee")
    assert again == first.__class__(first.review_id, 1, "submitted", created=False)
    unchanged = submit_review(
        store, review, submission_id="other", edited_by="Lee", review_id=first.review_id
    )
    assert (unchanged.version, unchanged.created) == (1, False)
    assert _row_count(store) == 1


def test_editing_an_unknown_review_says_so(store: Store) -> None:
    with pytest.raises(ReviewNotFound):
        submit_review(store, _valid(), submission_id="a", edited_by="Lee", review_id="nope")


def test_the_kpi_snapshot_is_frozen_at_the_first_submission(store: Store) -> None:
    at_submit = {"kpis": {"revenue": 1000.0}}
    draft = save_draft(
        store, _valid("draft", kpi_snapshot={"kpis": {"revenue": 1.0}}), submission_id="a",
        edited_by="Lee",
    )  # fmt: skip
    submit_review(
        store, _valid(kpi_snapshot=at_submit), submission_id="b", edited_by="Lee",
        review_id=draft.review_id,
    )  # fmt: skip
    submit_review(
        store,
        _valid(strengths="Edited later", kpi_snapshot={"kpis": {"revenue": 5000.0}}),
        submission_id="c",
        edited_by="Lee",
        review_id=draft.review_id,
    )
    snapshots = store.rows(
        "SELECT version, kpi_snapshot->>'$.kpis.revenue' FROM reviews ORDER BY 1"
    )
    assert snapshots == [(1, "1.0"), (2, "1000.0"), (3, "1000.0")]


def test_an_edit_cannot_move_a_review_to_another_person(store: Store) -> None:
    first = submit_review(store, _valid(), submission_id="a", edited_by="Lee")
    with pytest.raises(ReviewInvalid) as caught:
        submit_review(store, _valid(rep_id=1), submission_id="b", edited_by="Lee",
                      review_id=first.review_id)  # fmt: skip
    assert caught.value.problems["rep_id"].code == "rep_fixed"


# --- concurrency: many sessions at once on one file -----------------------------------------


def test_concurrent_submissions_each_land_exactly_once(store: Store) -> None:
    ids = [new_submission_id() for _ in range(60)]
    # Each submission is its own review: a one-to-one on its own day (one review per person,
    # kind and period, so 60 new reviews need 60 periods).
    day = {sid: date.fromordinal(TODAY.toordinal() - n) for n, sid in enumerate(ids)}
    results: list[Any] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(12)

    def worker(offset: int) -> None:
        start.wait()
        # Every submission is sent by two threads (a double click from two tabs).
        for sid in ids[offset::6]:
            try:
                review = _valid(kind="one_to_one", period_start=day[sid], period_end=day[sid])
                saved = submit_review(store, review, submission_id=sid, edited_by="Lee")
                with lock:
                    results.append((sid, saved))
            except BaseException as error:
                errors.append(error)

    threads = [threading.Thread(target=worker, args=(i % 6,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert _row_count(store) == 60
    assert int(store.scalar("SELECT count(DISTINCT review_id) FROM reviews")) == 60
    by_sid: dict[str, set[str]] = {}
    for sid, saved in results:
        by_sid.setdefault(sid, set()).add(saved.review_id)
    assert len(results) == 120 and all(len(v) == 1 for v in by_sid.values())
    assert sum(saved.created for _, saved in results) == 60


def test_concurrent_edits_of_one_review_make_a_gapless_chain_of_versions(store: Store) -> None:
    first = submit_review(store, _valid(), submission_id="v1", edited_by="Lee")
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            submit_review(
                store,
                _valid(strengths=f"Edit {n}"),
                submission_id=f"edit-{n}",
                edited_by=f"Editor {n}",
                review_id=first.review_id,
            )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    versions = [r[0] for r in store.rows("SELECT version FROM reviews ORDER BY version")]
    assert versions == list(range(1, 22))
    edits = {r[0] for r in store.rows("SELECT notes->>'strengths' FROM reviews WHERE version > 1")}
    assert edits == {f"Edit {n}" for n in range(20)}


# --- action items -----------------------------------------------------------------------------


def test_ticking_an_action_item_appends_an_event_once(store: Store) -> None:
    review = _valid()
    sent = submit_review(store, review, submission_id="a", edited_by="Lee")
    item = review.goals[0].item_id
    assert set_action_item_done(store, sent.review_id, item, done=True, changed_by="Ray",
                                event_id="e1")  # fmt: skip
    assert not set_action_item_done(store, sent.review_id, item, done=True, changed_by="Ray",
                                    event_id="e1")  # fmt: skip
    set_action_item_done(store, sent.review_id, item, done=False, changed_by="Lee", event_id="e2")
    events = store.rows("SELECT done, changed_by FROM review_action_events ORDER BY changed_at")
    assert events == [(True, "Ray"), (False, "Lee")]
    with pytest.raises(ReviewNotFound):
        set_action_item_done(
            store, sent.review_id, "nope", done=True, changed_by="x", event_id="e3"
        )


# --- the demo history -------------------------------------------------------------------------


def test_demo_reviews_are_reproducible_and_have_a_lenient_lead_and_gaps(
    demo_db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    end = date(2026, 11, 20)
    written = generate_demo_reviews(store, end, seed=7)
    first = store.rows("SELECT review_id, version, scores, notes FROM reviews ORDER BY 1, 2")
    assert generate_demo_reviews(store, end, seed=7) == written
    assert (
        store.rows("SELECT review_id, version, scores, notes FROM reviews ORDER BY 1, 2") == first
    )
    assert written == len(first) > 100
    all_fives = store.rows(
        """
        SELECT reviewer FROM reviews WHERE status = 'submitted' GROUP BY reviewer
        HAVING bool_and(
            list_min([CAST(json_extract_string(scores, '$.' || d) AS INT) FOR d IN
                      ['results', 'customer_satisfaction', 'teamwork', 'attitude', 'skills']]) = 5)
        """
    )
    assert len(all_fives) == 1
    last_month = date(2026, 10, 1)
    reviewed = store.scalar(
        "SELECT count(DISTINCT rep_id) FROM reviews WHERE period_start = $d"
        " AND status = 'submitted' AND kind = 'monthly_evaluation'",
        {"d": last_month},
    )
    before = store.scalar(
        "SELECT count(DISTINCT rep_id) FROM reviews WHERE period_start = $d"
        " AND kind = 'monthly_evaluation'",
        {"d": date(2026, 9, 1)},
    )
    assert 0 < reviewed < before  # last month has gaps the month before did not
    assert store.scalar("SELECT count(*) FROM reviews WHERE version > 1") > 0
    assert store.scalar("SELECT count(*) FROM reviews WHERE created_at > $e", {"e": end}) == 0


def test_demo_review_timestamps_are_never_after_the_moment_it_is_built(
    demo_db_path: Path, tmp_path: Path
) -> None:
    # Built at 08:00 (UTC) on Tue 3 Nov 2026, its last day. October's evaluations are written
    # on 1-6 Nov at 09:00-17:59, capped at the last day: those landing on 3 Nov would be 09:00
    # or later, an hour or more after the build. Every save and tick must be at most 08:00 on
    # 3 Nov, and the capped ones sit exactly at it.
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    built = datetime(2026, 11, 3, 8, 0)
    generate_demo_reviews(store, date(2026, 11, 3), seed=7, now=built)
    assert store.scalar("SELECT max(created_at) FROM reviews") == built
    assert store.scalar("SELECT max(changed_at) FROM review_action_events") <= built
    assert store.scalar("SELECT count(*) FROM reviews WHERE created_at > $b", {"b": built}) == 0
    # With the build at the end of the day, nothing is capped below 09:00: the latest save is
    # a real working-hours time on 3 Nov (or earlier), never past 23:59.
    late = datetime(2026, 11, 3, 23, 59)
    generate_demo_reviews(store, date(2026, 11, 3), seed=7, now=datetime(2026, 11, 4, 12, 0))
    assert store.scalar("SELECT max(created_at) FROM reviews") <= late
    store.close()


def test_each_review_write_names_the_tables_it_changes(store: Store) -> None:
    review = _valid()
    sent: list[str] = []
    writes = [
        lambda: sent.append(
            submit_review(store, review, submission_id="a", edited_by="Lee").review_id
        ),
        lambda: set_action_item_done(
            store, sent[0], review.goals[0].item_id, done=True, changed_by="Ray", event_id="e1"
        ),
    ]
    assert_each_write_names_what_it_changes(store, reviews.TOUCHES, writes)
