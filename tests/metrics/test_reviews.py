"""The reviews read side on the tiny company, every value worked out by hand.

People with a lead on 30 Nov 2024: Cai (North Hub's leader; lead Ann) and Eve (South Hub's
leader and a sales rep; lead Dee). Ben left on 20 Nov; Ann and Dee lead whole teams and have
no lead. As of Tue 10 Dec 2024, last month is November and last full week is 2–8 December.

Reviews written here:
    Ann -> Cai   monthly Sep, Oct, Nov 2024, all fives, submitted; Nov has three action items:
                 A due 5 Dec (open: overdue), B due 20 Dec (open), C due 1 Dec (ticked done).
                 Nov is edited once (strengths), so it has two versions.
    Dee -> Eve   monthly Sep (3,4,3,4,3) and Oct (4,4,4,4,4) submitted; Nov only a draft.
    Dee -> Eve   weekly summary 2–8 Dec, submitted.
"""

from __future__ import annotations

from datetime import date

import pytest

from data.reviews import (
    ActionItem,
    ReviewInput,
    Scores,
    save_draft,
    set_action_item_done,
    submit_review,
)
from data.store import Store
from metrics import reviews, service
from metrics.filters import Filters
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

AS_OF = date(2024, 12, 10)
ALL = Filters(start=date(2024, 1, 1), end=AS_OF)
FIVES = Scores(results=5, customer_satisfaction=5, teamwork=5, attitude=5, skills=5)
MONTHS = {
    9: (date(2024, 9, 1), date(2024, 9, 30)),
    10: (date(2024, 10, 1), date(2024, 10, 31)),
    11: (date(2024, 11, 1), date(2024, 11, 30)),
}


def _review(rep_id: int, month: int, reviewer: str, scores: Scores, **more: object) -> ReviewInput:
    start, end = MONTHS[month]
    return ReviewInput(
        rep_id=rep_id,
        kind="monthly_evaluation",
        period_start=start,
        period_end=end,
        reviewer=reviewer,
        scores=scores,
        strengths="Steady",
        areas_to_improve="Pipeline",
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(new_store: StoreMaker) -> Store:
    store = new_store("tiny_reviews")
    build_tiny_company(store)
    for month in (9, 10):
        submit_review(store, _review(103, month, "Ann", FIVES), submission_id=f"c{month}",
                      edited_by="Ann")  # fmt: skip
    goals = (
        ActionItem(item_id="A", text="Call lapsed customers", due_date=date(2024, 12, 5)),
        ActionItem(item_id="B", text="Plan Q1", due_date=date(2024, 12, 20)),
        ActionItem(item_id="C", text="Update CRM", due_date=date(2024, 12, 1)),
    )
    november = _review(103, 11, "Ann", FIVES, goals=goals)
    first = submit_review(store, november, submission_id="c11", edited_by="Ann")
    submit_review(
        store,
        november.model_copy(update={"strengths": "Steady; coaches Ben"}),
        submission_id="c11b",
        edited_by="Dee",
        review_id=first.review_id,
        base_version=1,
        change_note="Typo",
    )
    set_action_item_done(store, first.review_id, "C", done=True, changed_by="Cai", event_id="e1")
    mixed = Scores(results=3, customer_satisfaction=4, teamwork=3, attitude=4, skills=3)
    fours = Scores(results=4, customer_satisfaction=4, teamwork=4, attitude=4, skills=4)
    submit_review(store, _review(202, 9, "Dee", mixed), submission_id="e9", edited_by="Dee")
    submit_review(store, _review(202, 10, "Dee", fours), submission_id="e10", edited_by="Dee")
    save_draft(store, _review(202, 11, "Dee", Scores()), submission_id="e11", edited_by="Dee")
    weekly = ReviewInput(
        rep_id=202,
        kind="weekly_summary",
        period_start=date(2024, 12, 2),
        period_end=date(2024, 12, 8),
        reviewer="Dee",
        scores=fours,
    )
    submit_review(store, weekly, submission_id="w49", edited_by="Dee")
    return store


def test_history_lists_every_review_oldest_first_with_scores(store: Store) -> None:
    eve = reviews.history(store, 202)
    assert list(zip(eve["kind"], eve["status"], eve["period_start"], strict=True)) == [
        ("monthly_evaluation", "submitted", date(2024, 9, 1)),
        ("monthly_evaluation", "submitted", date(2024, 10, 1)),
        ("monthly_evaluation", "draft", date(2024, 11, 1)),
        ("weekly_summary", "submitted", date(2024, 12, 2)),
    ]
    assert list(eve["average_score"].iloc[:2]) == [3.4, 4.0]  # 17/5 and 20/5
    assert eve["average_score"].isna().iloc[2]  # a draft with no scores
    cai = reviews.history(store, 103)
    assert list(cai["version"]) == [1, 1, 2]
    assert cai["notes"].iloc[2]["strengths"] == "Steady; coaches Ben"
    assert list(cai["edited_by"]) == ["Ann", "Ann", "Dee"]


def test_changes_say_who_changed_what_and_when(store: Store) -> None:
    review_id = reviews.history(store, 103)["review_id"].iloc[2]
    changes = reviews.changes(store, review_id)
    second = changes[changes["version"] == 2]
    assert second[["edited_by", "change_note", "field", "before", "after"]].values.tolist() == [
        ["Dee", "Typo", "strengths", "Steady", "Steady; coaches Ben"]
    ]
    first = changes[changes["version"] == 1]
    assert set(first["field"]) >= {"kind", "period", "scores.results", "strengths", "goals"}
    versions = reviews.versions(store, review_id)
    assert versions[["version", "edited_by", "fields"]].values.tolist() == [
        [1, "Ann", ", ".join(first["field"])],
        [2, "Dee", "strengths"],
    ]


def test_action_items_done_open_and_overdue(store: Store) -> None:
    items = reviews.action_items(store, ALL, AS_OF)
    assert items[["item_id", "done", "overdue"]].values.tolist() == [
        ["C", True, False],  # due 1 Dec, ticked done
        ["A", False, True],  # due 5 Dec, open on 10 Dec
        ["B", False, False],  # due 20 Dec
    ]
    assert items.loc[items["item_id"] == "C", "done_by"].item() == "Cai"
    last = reviews.last_review_items(store, 103, AS_OF)
    assert sorted(last["item_id"]) == ["A", "B", "C"]
    assert reviews.last_review_items(store, 202, AS_OF).empty  # Eve's reviews set none


def test_coverage_per_person_as_of_a_day(store: Store) -> None:
    assert reviews.due_periods(AS_OF) == {
        "monthly_evaluation": (date(2024, 11, 1), date(2024, 11, 30)),
        "weekly_summary": (date(2024, 12, 2), date(2024, 12, 8)),
    }
    frame = reviews.coverage(store, ALL, AS_OF)
    shown = frame[["rep", "leader", "monthly", "weekly", "open_items", "overdue_items"]]
    assert shown.values.tolist() == [
        ["Eve", "Dee", "draft", "submitted", 0, 0],  # a draft is not done: listed first
        ["Cai", "Ann", "submitted", "not_due", 2, 1],  # group leaders write no weekly summary
    ]


def test_coverage_by_lead_shows_who_is_behind(store: Store) -> None:
    leads = reviews.coverage_by_lead(reviews.coverage(store, ALL, AS_OF))
    assert leads.values.tolist() == [
        ["Dee", "South", 1, 0, 1, 0, 0, 1.0],
        ["Ann", "North", 1, 1, 0, 0, 1, 0.0],
    ]


def test_coverage_follows_the_team_filter(store: Store) -> None:
    north = Filters(start=ALL.start, end=AS_OF, team_id=1)
    assert list(reviews.coverage(store, north, AS_OF)["rep"]) == ["Cai"]


def test_calibration_flags_the_lead_who_gives_everyone_fives(store: Store) -> None:
    calibration = reviews.reviewer_calibration(store, ALL)
    assert calibration[["reviewer", "reviews", "share_of_5", "flag"]].values.tolist() == [
        ["Ann", 3, 1.0, "lenient"],
        ["Dee", 3, 0.0, ""],  # Sep, Oct and the weekly summary; the draft does not count
    ]
    # Dee's 15 scores: 3,4,3,4,3 (17) + five 4s (20) + five 4s (20) -> mean 57/15 = 3.8
    assert calibration.loc[1, "average"] == pytest.approx(3.8)


def test_score_distribution_counts_scores_per_group_and_reviewer(store: Store) -> None:
    counts = reviews.score_distribution(store, ALL)
    results = counts[counts["dimension"] == "results"]
    assert results[["group", "reviewer", "score", "count"]].values.tolist() == [
        ["North Hub", "Ann", 5, 3],
        ["South Hub", "Dee", 3, 1],
        ["South Hub", "Dee", 4, 2],
    ]


def test_period_reviews_pick_periods_starting_in_range(store: Store) -> None:
    october = Filters(start=date(2024, 10, 1), end=date(2024, 10, 31))
    frame = reviews.period_reviews(store, october)
    assert sorted(frame["rep"]) == ["Cai", "Eve"]


def test_the_kpi_snapshot_is_the_metrics_layer_numbers(store: Store) -> None:
    start, end = MONTHS[11]
    snapshot = reviews.kpi_snapshot(store, 202, start, end)
    assert snapshot["period_start"] == "2024-11-01"
    # Eve in November: N-04 240.00 + N-06 line 1 120.00; the returned line does not count.
    assert snapshot["kpis"]["revenue"] == 360.0
    assert "revenue_target" in snapshot["kpis"] and "revenue_attainment" in snapshot["kpis"]
    expected = service.values(
        store, reviews.SNAPSHOT_KPIS, Filters(start=start, end=end, rep_id=202), with_targets=True
    )
    assert snapshot["kpis"] == expected


def test_still_due_for_a_period(store: Store) -> None:
    november = reviews.still_due(store, ALL, "monthly_evaluation", *MONTHS[11])
    assert november.values.tolist() == [[202, "Eve", "Dee", "draft"]]
    october = reviews.still_due(store, ALL, "monthly_evaluation", *MONTHS[10])
    # Cai and Eve were reviewed for October; Ben (left 20 Nov) was on staff on 31 Oct, was not.
    assert october.values.tolist() == [[102, "Ben", "Cai", "missing"]]
    last_week = (date(2024, 12, 2), date(2024, 12, 8))
    assert reviews.still_due(store, ALL, "weekly_summary", *last_week).empty
    week_before = (date(2024, 11, 25), date(2024, 12, 1))
    # Only sellers write weekly summaries: Eve is due, Cai (a group leader) is not.
    assert list(reviews.still_due(store, ALL, "weekly_summary", *week_before)["rep"]) == ["Eve"]


def test_reviewable_tells_nobody_due_from_everyone_done(store: Store) -> None:
    # Ann (101) leads team North and has no leader above her: in her own scope nobody owes a
    # November evaluation, so still_due is empty AND reviewable is empty (nothing to claim as
    # done). Company-wide on 30 Nov: Cai (leader Ann) and Eve (leader Dee) are on staff with a
    # leader; Ben left on 20 Nov, and Ann and Dee lead their teams with no one above them.
    ann = Filters(start=ALL.start, end=ALL.end, rep_id=101)
    assert reviews.still_due(store, ann, "monthly_evaluation", *MONTHS[11]).empty
    assert reviews.reviewable(store, ann, "monthly_evaluation", MONTHS[11][1]).empty
    everyone = reviews.reviewable(store, ALL, "monthly_evaluation", MONTHS[11][1])
    assert sorted(everyone["rep"]) == ["Cai", "Eve"]


def test_namesakes_reviews_read_apart_by_their_id(store: Store) -> None:
    # Eve (202) is renamed Cai: two people called Cai, each with their own reviews.
    with store.transaction() as con:
        con.execute("UPDATE reps SET name = 'Cai' WHERE rep_id = 202")
    people = dict(
        zip(
            reviews.period_reviews(store, ALL)["rep_id"],
            reviews.period_reviews(store, ALL)["rep"],
            strict=True,
        )
    )
    assert people[103] == "Cai (#103)" and people[202] == "Cai (#202)"
