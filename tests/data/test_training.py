"""Training items and role duties on a real DuckDB file: one transaction per write with its
audit row, a submission id that lands once, every change and every duty version kept."""

from __future__ import annotations

import json
from datetime import date

import pytest

from data import role_duties, training
from data.role_duties import DutyInput, check_duty, save_duty
from data.store import Store
from data.training import (
    TrainingChange,
    TrainingInvalid,
    TrainingItem,
    add_item,
    add_items,
    change_item,
    check_item,
    complete_item,
)
from tests.store_engines import StoreMaker
from tests.table_reads import assert_each_write_names_what_it_changes

DUE = date(2026, 12, 15)


@pytest.fixture
def store(new_store: StoreMaker) -> Store:
    """A file with one team and two people (ids 1 and 2)."""
    store = new_store("training")
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', 1)")
        cur.execute(
            "INSERT INTO reps VALUES (1, 'Lead Lee', 1, 'group_leader', '2020-01-01', NULL),"
            " (2, 'Rep Ray', 1, 'sales_rep', '2021-03-01', NULL)"
        )
    return store


def _audit(store: Store) -> list[tuple[str, str, str | None]]:
    return [
        (r[0], r[1], r[2])
        for r in store.rows("SELECT action, object_type, object_id FROM audit_log ORDER BY 1, 3")
    ]


def _item(**changes: object) -> TrainingItem:
    raw: dict[str, object] = {"rep_id": 2, "title": "Negotiation workshop", "due_date": DUE}
    return check_item({**raw, **changes})


def test_an_item_is_added_once_per_submission_with_one_audit_row(store: Store) -> None:
    first, created = add_item(store, _item(), submission_id="s1", actor=None)
    again, created_again = add_item(store, _item(), submission_id="s1", actor=None)
    assert created and not created_again and again == first
    assert store.scalar("SELECT count(*) FROM training_items") == 1
    assert _audit(store) == [("training.add", "training", first)]


def test_check_item_names_the_fields_that_are_wrong() -> None:
    with pytest.raises(TrainingInvalid) as error:
        check_item({"rep_id": 2, "title": "", "due_date": None})
    assert error.value.problems == {"title": "required", "due_date": "required"}
    with pytest.raises(TrainingInvalid) as error:
        check_item({"rep_id": 2, "title": "x", "due_date": DUE, "status": "done"})
    assert error.value.problems == {"completed_on": "done_needs_date"}
    with pytest.raises(TrainingInvalid) as error:
        check_item({"rep_id": 2, "title": "x", "due_date": DUE, "expires_on": DUE})
    assert error.value.problems == {"expires_on": "expiry_kind"}


def test_an_unknown_person_is_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(TrainingInvalid) as error:
        add_item(store, _item(rep_id=99), submission_id="s1")
    assert error.value.problems == {"rep_id": "unknown_rep"}
    assert store.scalar("SELECT count(*) FROM training_items") == 0
    assert _audit(store) == []


def test_complete_keeps_before_and_after_and_lands_once(store: Store) -> None:
    item_id, _ = add_item(store, _item(), submission_id="s1")
    done = date(2026, 12, 10)
    assert complete_item(store, item_id, on=done, result="Passed", submission_id="c1")
    assert not complete_item(store, item_id, on=done, result="Passed", submission_id="c1")
    row = store.rows(
        "SELECT status, completed_on, result FROM training_items WHERE item_id = $i",
        {"i": item_id},
    )
    assert row == [("done", done, "Passed")]
    changes = store.rows("SELECT before, after FROM training_changes")
    assert len(changes) == 1
    assert json.loads(changes[0][0]) == {"status": "planned", "completed_on": None, "result": None}
    assert json.loads(changes[0][1]) == {
        "status": "done",
        "completed_on": "2026-12-10",
        "result": "Passed",
    }
    assert _audit(store) == [
        ("training.add", "training", item_id),
        ("training.complete", "training", item_id),
    ]


def test_reopening_clears_the_done_day_and_an_unchanged_save_writes_nothing(store: Store) -> None:
    item_id, _ = add_item(store, _item(), submission_id="s1")
    complete_item(store, item_id, on=date(2026, 12, 1), submission_id="c1")
    assert change_item(store, item_id, TrainingChange(status="in_progress"), submission_id="c2")
    assert store.rows("SELECT status, completed_on FROM training_items") == [("in_progress", None)]
    assert not change_item(store, item_id, TrainingChange(status="in_progress"), submission_id="c3")
    actions = [a for a, _, _ in _audit(store)]
    assert sorted(actions) == ["training.add", "training.complete", "training.update"]


def test_a_reviews_training_plan_becomes_items_once(store: Store) -> None:
    items = [_item(review_id="r1"), _item(title="CRM refresher", review_id="r1")]
    added = add_items(store, items, submission_id="rv")
    assert len(added) == 2
    assert add_items(store, items, submission_id="rv") == []  # a double click adds nothing
    assert store.rows("SELECT review_id, count(*) FROM training_items GROUP BY 1") == [("r1", 2)]


KPIS = {"revenue", "win_rate", "csat"}


def test_duties_versions_are_all_kept(store: Store) -> None:
    first = check_duty({"role": "sales_rep", "duties_en": "Call leads", "kpis": ["revenue"]}, KPIS)
    assert save_duty(store, first, submission_id="d1").version == 1
    assert not save_duty(store, first, submission_id="d1").created  # the same submission
    assert not save_duty(store, first, submission_id="d2").created  # nothing changed
    second = DutyInput(
        role="sales_rep", duties_en="Call leads daily", duties_zh="每天联系线索", kpis=("win_rate",)
    )
    saved = save_duty(store, second, submission_id="d3", edited_by="Ann")
    assert (saved.version, saved.created) == (2, True)
    assert store.rows("SELECT version, duties_en, kpis FROM role_duties ORDER BY 1") == [
        (1, "Call leads", ["revenue"]),
        (2, "Call leads daily", ["win_rate"]),
    ]
    assert _audit(store) == [
        ("duty.edit", "role_duty", "sales_rep"),
        ("duty.edit", "role_duty", "sales_rep"),
    ]


def test_duties_need_a_known_role_some_text_and_known_kpis() -> None:
    with pytest.raises(TrainingInvalid) as error:
        check_duty({"role": "astronaut", "duties_en": "x"}, KPIS)
    assert error.value.problems == {"role": "invalid"}
    with pytest.raises(TrainingInvalid) as error:
        check_duty({"role": "sales_rep", "kpis": ["made_up"]}, KPIS)
    assert error.value.problems == {"duties_en": "required", "kpis": "invalid"}


def test_each_training_write_names_the_tables_it_changes(store: Store) -> None:
    added: list[str] = []
    writes = [
        lambda: added.append(add_item(store, _item(), submission_id="s1")[0]),
        lambda: add_items(
            store, [_item(title="CRM refresher", review_id="r1")], submission_id="rv"
        ),
        lambda: change_item(
            store, added[0], TrainingChange(status="in_progress"), submission_id="c1"
        ),
        lambda: complete_item(store, added[0], on=DUE, result="Passed", submission_id="c2"),
    ]
    assert_each_write_names_what_it_changes(store, training.TOUCHES, writes)


def test_each_duty_write_names_the_tables_it_changes(store: Store) -> None:
    duty = check_duty({"role": "sales_rep", "duties_en": "Call leads", "kpis": ["revenue"]}, KPIS)
    writes = [lambda: save_duty(store, duty, submission_id="d1")]
    assert_each_write_names_what_it_changes(store, role_duties.TOUCHES, writes)
