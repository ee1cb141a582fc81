"""Saving weekly summaries and recaps: versions kept, a submission id lands once, submit once,
every save with its audit row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from data import weekly_summaries as weekly_writes
from data.store import Store
from data.weekly_summaries import (
    WeeklyInvalid,
    check_summary,
    is_late,
    publish_recap,
    save_summary,
    week_of,
)
from metrics import weekly_summaries
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker
from tests.table_reads import assert_each_write_names_what_it_changes

WEEK = date(2024, 11, 4)
TODAY = date(2024, 11, 8)


@pytest.fixture
def store(new_store: StoreMaker) -> Iterator[Store]:
    s = new_store("weekly")
    build_tiny_company(s)
    yield s
    s.close()


def _summary(**changes: object):
    raw = {
        "rep_id": 202,
        "week_start": WEEK,
        "wins": "Closed Delta",
        "problems": "",
        "help_needed": "",
        "plan": [{"text": "Visit Fir", "due_date": "2024-11-12"}],
    }
    return check_summary({**raw, **changes})


def _audit(store: Store) -> list[tuple]:
    return store.rows(
        "SELECT action, object_type, object_id, user_id, CAST(details AS VARCHAR)"
        " FROM audit_log ORDER BY audit_id"
    )


def test_a_week_runs_monday_to_sunday() -> None:
    assert week_of(date(2024, 11, 7)) == (date(2024, 11, 4), date(2024, 11, 10))
    assert week_of(date(2024, 11, 10)) == (date(2024, 11, 4), date(2024, 11, 10))
    with pytest.raises(WeeklyInvalid) as refused:
        _summary(week_start=date(2024, 11, 5))  # a Tuesday
    assert refused.value.key == "routine.week_shape"


def test_drafts_then_one_submit_then_edits_add_versions(store: Store) -> None:
    first = save_summary(
        store, _summary(), status="draft", submission_id="a", user_id=7, today=TODAY
    )
    again = save_summary(
        store,
        _summary(wins="Closed Delta, 240.00"),
        status="draft",
        submission_id="b",
        user_id=7,
        today=TODAY,
    )
    sent = save_summary(
        store,
        _summary(wins="Closed Delta, 240.00"),
        status="submitted",
        submission_id="c",
        user_id=7,
        today=TODAY,
    )
    edited = save_summary(
        store,
        _summary(wins="Closed Delta, 240.00 (paid)"),
        status="submitted",
        submission_id="d",
        user_id=7,
        today=TODAY,
    )
    assert [first.version, again.version, sent.version, edited.version] == [1, 2, 3, 4]
    versions = weekly_summaries.versions(store, 202, WEEK)
    # Every version kept, newest first; the submitted text is still there under the edit.
    assert list(versions["version"]) == [4, 3, 2, 1]
    assert list(versions["wins"])[:2] == ["Closed Delta, 240.00 (paid)", "Closed Delta, 240.00"]
    assert list(versions["status"]) == ["submitted", "submitted", "draft", "draft"]
    # The first submission's time is carried by the edit: lateness is of the first submit.
    assert versions.iloc[0]["submitted_at"] == versions.iloc[1]["submitted_at"]
    # After submitting, a draft cannot replace it.
    with pytest.raises(WeeklyInvalid) as refused:
        save_summary(
            store, _summary(wins="x"), status="draft", submission_id="e", user_id=7, today=TODAY
        )
    assert refused.value.key == "routine.already_submitted"
    actions = [row[0] for row in _audit(store)]
    assert actions == ["weekly.draft", "weekly.draft", "weekly.submit", "weekly.submit"]
    details = [json.loads(row[4]) for row in _audit(store)]
    assert [d["first_submit"] for d in details] == [False, False, True, False]


def test_a_double_click_saves_once(store: Store) -> None:
    one = save_summary(
        store, _summary(), status="submitted", submission_id="same", user_id=None, today=TODAY
    )
    two = save_summary(
        store, _summary(), status="submitted", submission_id="same", user_id=None, today=TODAY
    )
    assert one.created and not two.created and two.version == one.version == 1
    assert store.scalar("SELECT count(*) FROM weekly_summaries") == 1
    assert len(_audit(store)) == 1
    # The same content under a new id records nothing new either.
    three = save_summary(
        store, _summary(), status="submitted", submission_id="other", user_id=None, today=TODAY
    )
    assert not three.created and store.scalar("SELECT count(*) FROM weekly_summaries") == 1


def test_a_future_week_and_an_unknown_person_are_refused(store: Store) -> None:
    with pytest.raises(WeeklyInvalid) as refused:
        save_summary(
            store,
            _summary(week_start=date(2024, 11, 11)),
            status="draft",
            submission_id="f",
            user_id=None,
            today=TODAY,
        )
    assert refused.value.key == "routine.future_week"
    with pytest.raises(WeeklyInvalid) as refused:
        save_summary(
            store,
            _summary(rep_id=999),
            status="draft",
            submission_id="g",
            user_id=None,
            today=TODAY,
        )
    assert refused.value.key == "routine.unknown_rep"
    assert store.scalar("SELECT count(*) FROM weekly_summaries") == 0
    assert store.scalar("SELECT count(*) FROM audit_log") == 0


def test_late_means_first_submitted_after_the_monday_after_the_week() -> None:
    # Week 4-10 Nov is due by the end of Monday 11 Nov.
    assert not is_late(WEEK, datetime(2024, 11, 11, 23, 59))
    assert is_late(WEEK, datetime(2024, 11, 12, 0, 0))
    assert not is_late(WEEK, None)


def test_a_recap_is_published_as_versions_with_exact_numbers(store: Store) -> None:
    numbers = {"revenue": "275.50", "orders": "3.00"}
    one = publish_recap(store, 1, WEEK, "Good week", numbers, submission_id="r1", user_id=3)
    same = publish_recap(store, 1, WEEK, "Good week", numbers, submission_id="r1", user_id=3)
    two = publish_recap(
        store, 1, WEEK, "Good week. Ben needs help", numbers, submission_id="r2", user_id=3
    )
    assert (one.version, same.created, two.version) == (1, False, 2)
    recap = weekly_summaries.latest_recap(store, 1, WEEK)
    assert recap is not None and recap["body"] == "Good week. Ben needs help"
    assert str(recap["numbers"]["revenue"]) == "275.50"
    assert store.scalar("SELECT count(*) FROM weekly_recaps") == 2
    assert [r[0] for r in _audit(store)] == ["weekly.recap_publish"] * 2
    with pytest.raises(WeeklyInvalid):
        publish_recap(store, 1, WEEK, "  ", numbers, submission_id="r3", user_id=3)


def test_a_replaced_company_takes_its_summaries_and_recaps_along(store: Store) -> None:
    from data.importing.runner import clear_company

    save_summary(
        store, _summary(), status="submitted", submission_id="s", user_id=None, today=TODAY
    )
    publish_recap(store, 1, WEEK, "Recap", {}, submission_id="r", user_id=None)
    with store.transaction() as cur:
        clear_company(cur)  # their rep and team ids are the replaced company's
    assert store.scalar("SELECT count(*) FROM weekly_summaries") == 0
    assert store.scalar("SELECT count(*) FROM weekly_recaps") == 0


def test_each_plan_item_needs_its_text_and_a_date() -> None:
    with pytest.raises(WeeklyInvalid) as refused:
        _summary(plan=[{"text": "Visit Fir", "due_date": None}])
    assert refused.value.key == "routine.plan_item"
    with pytest.raises(WeeklyInvalid) as refused:
        _summary(plan=[{"text": "Visit", "due_date": "2024-11-12"}] * 21)  # 20 at most
    assert refused.value.key == "routine.too_many"
    kept = _summary(plan=[{"text": " Visit Fir ", "due_date": "2024-11-12"}])
    assert json.loads(kept.plan_json()) == [{"text": "Visit Fir", "due_date": "2024-11-12"}]


def test_each_weekly_write_names_the_tables_it_changes(store: Store) -> None:
    numbers = {"revenue": "275.50", "orders": "3.00"}
    writes = [
        lambda: save_summary(
            store, _summary(), status="draft", submission_id="a", user_id=7, today=TODAY
        ),
        lambda: save_summary(
            store, _summary(), status="submitted", submission_id="b", user_id=7, today=TODAY
        ),
        lambda: publish_recap(store, 1, WEEK, "Good week", numbers, submission_id="r1", user_id=3),
    ]
    assert_each_write_names_what_it_changes(store, weekly_writes.TOUCHES, writes)
