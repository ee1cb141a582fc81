"""The demo's review history written a table at a time (data/demo_review_rows.py) is the
same, row for row and value for value, as saving each review through the real save."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from data.demo_review_rows import DemoReviewRows
from data.demo_reviews import write_demo_reviews
from data.reviews import ActionItem, ReviewInput, ReviewNotFound, Scores
from data.store import Store

TABLES = {
    "reviews": "review_id, version",
    "review_identities": "review_id",
    "review_action_events": "event_id",
}


def _tables(path: Path, *, one_at_a_time: bool, locale: str) -> dict[str, list[tuple]]:
    store = Store(path)
    with store.transaction() as cur:
        written = write_demo_reviews(
            cur, date(2026, 11, 20), seed=7, locale=locale, now=datetime(2026, 11, 20, 8),
            one_at_a_time=one_at_a_time,
        )  # fmt: skip
    tables = {
        name: store.rows(f"SELECT * FROM {name} ORDER BY {key}") for name, key in TABLES.items()
    }
    store.close()
    assert written == len(tables["reviews"])
    return tables


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_rows_at_once_equal_saving_each_review(
    demo_db_path: Path, tmp_path: Path, locale: str
) -> None:
    shutil.copy(demo_db_path, one := tmp_path / "one.duckdb")
    shutil.copy(demo_db_path, batch := tmp_path / "batch.duckdb")
    saved = _tables(one, one_at_a_time=True, locale=locale)
    collected = _tables(batch, one_at_a_time=False, locale=locale)
    for name in TABLES:
        assert collected[name] == saved[name], name
    # The history has what the comparison must cover: edits (version 2), drafts and ticks.
    versions = {row[1] for row in saved["reviews"]}
    assert versions == {1, 2}
    assert {row[7] for row in saved["reviews"]} == {"draft", "submitted"}
    assert len(saved["review_action_events"]) > 100


def _review(goal_id: str) -> ReviewInput:
    return ReviewInput(
        rep_id=1,
        kind="monthly_evaluation",
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        reviewer="Lead",
        scores=Scores(results=3, customer_satisfaction=3, teamwork=3, attitude=3, skills=3),
        goals=(ActionItem(item_id=goal_id, text="Call back", due_date=date(2026, 11, 30)),),
    )


def test_a_tick_on_an_item_no_review_has_is_refused_as_a_real_one_is() -> None:
    rows = DemoReviewRows(cur=None)  # type: ignore[arg-type]  # nothing is written here
    at = datetime(2026, 11, 2, 9)
    rows.save(_review("g1"), status="submitted", submission_id="s1", edited_by="Lead", now=at,
              new_review_id="r1")  # fmt: skip
    rows.tick("r1", "g1", changed_by="Lead", event_id="e1", now=at)
    with pytest.raises(ReviewNotFound):
        rows.tick("r1", "g2", changed_by="Lead", event_id="e2", now=at)
    with pytest.raises(ReviewNotFound):
        rows.tick("r9", "g1", changed_by="Lead", event_id="e3", now=at)


def test_a_review_id_used_twice_is_refused() -> None:
    rows = DemoReviewRows(cur=None)  # type: ignore[arg-type]
    at = datetime(2026, 11, 2, 9)
    rows.save(_review("g1"), status="submitted", submission_id="s1", edited_by="Lead", now=at,
              new_review_id="r1")  # fmt: skip
    with pytest.raises(ValueError, match="unique review id"):
        rows.save(_review("g1"), status="submitted", submission_id="s2", edited_by="Lead",
                  now=at, new_review_id="r1")  # fmt: skip
