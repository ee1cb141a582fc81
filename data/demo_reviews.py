"""A plausible history of performance reviews for the demo company, so "who is due" has
something to show: most leads review most of their people every month, with gaps; one lead
scores everyone 5; one lead has not written last month's evaluations; weekly summaries for
sellers; action items, some done, some open and overdue; a few reviews edited after they were
submitted, and a few drafts.

Written through data/reviews.py in one transaction, so the rules of a real save apply. The
demo reviews carry no KPI snapshot: the data layer cannot compute KPIs (that is the metrics
layer's job), and the history page shows the live KPI trend beside them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from data.reviews import (
    SCORE_DIMENSIONS,
    WEEKLY_SUMMARY_ROLES,
    ActionItem,
    ReviewInput,
    Scores,
    check_review,
    save_review_on,
    set_action_item_done_on,
)
from data.store import Store

MONTHS = 6  # monthly evaluations for the last six full months
WEEKS = 4  # weekly summaries for the last four full weeks

_STRENGTHS = (
    "Follows up every lead within a day; customers mention it.",
    "Strong product knowledge; handles technical questions without escalating.",
    "Helps newer colleagues with quotes and pricing.",
    "Consistent activity: calls and visits spread evenly over the month.",
    "Closes well once a deal reaches negotiation.",
    "Keeps the CRM up to date, so the team can cover for them.",
)
_AREAS = (
    "Too few new customers; most revenue comes from existing accounts.",
    "Deals stall between contact and follow-up.",
    "Complaints take too long to close.",
    "Activity drops in the last week of the month.",
    "Discounts given too early in negotiation.",
    "Pipeline notes are thin; hard to review deals together.",
)
_GOALS = (
    "Call every customer not contacted for 30 days",
    "Add five new prospects to the pipeline",
    "Shadow a senior colleague on two customer visits",
    "Close out open complaints within 3 days",
    "Prepare an account plan for the top three customers",
    "Log every visit in the CRM the same day",
    "Review lost deals and note one lesson from each",
)
_TRAINING = (
    "",
    "Negotiation workshop next quarter.",
    "Product training on the new category.",
    "CRM refresher session.",
)
_CAREER = (
    "",
    "Interested in a deputy leader role within a year.",
    "Wants to move to key accounts.",
)


@dataclass(frozen=True)
class _Person:
    rep_id: int
    role: str
    hire_date: date
    leave_date: date | None
    leader_id: int
    leader: str


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _people(store: Store) -> list[_Person]:
    """Everyone with a leader: their group's leader, or for a group's leader the parent team's."""
    rows = store.rows(
        """
        SELECT r.rep_id, r.role, r.hire_date, r.leave_date,
               CASE WHEN g.leader_rep_id = r.rep_id THEN pt.leader_rep_id
                    ELSE g.leader_rep_id END AS leader_id
        FROM reps r
        JOIN teams g ON g.team_id = r.team_id
        LEFT JOIN teams pt ON pt.team_id = g.parent_id
        ORDER BY r.rep_id
        """
    )
    names = dict(store.rows("SELECT rep_id, name FROM reps"))
    return [
        _Person(r[0], r[1], r[2], r[3], r[4], names[r[4]])
        for r in rows
        if r[4] is not None and r[4] != r[0]
    ]


def _on_staff(person: _Person, day: date) -> bool:
    return person.hire_date <= day and (person.leave_date is None or person.leave_date > day)


def _scores(rng: random.Random, base: float, lenient: bool) -> Scores:
    if lenient:
        return Scores(**dict.fromkeys(SCORE_DIMENSIONS, 5))
    return Scores(**{d: max(1, min(5, round(base + rng.gauss(0, 0.7)))) for d in SCORE_DIMENSIONS})


def generate_demo_reviews(store: Store, end_date: date, seed: int = 7) -> int:
    """Replace every review in `store` with a generated history ending at `end_date`; return
    the number of review versions written. Same seed and end date, same reviews."""
    rng = random.Random(seed)
    people = _people(store)
    leads = sorted({p.leader_id for p in people})
    # One lead who gives everyone 5s, one who has not written last month's evaluations.
    lenient_lead = leads[len(leads) // 3] if leads else None
    late_lead = leads[(2 * len(leads)) // 3] if leads else None
    base = {p.rep_id: rng.uniform(2.6, 4.3) for p in people}
    written = 0
    counter = 0

    def next_id(prefix: str) -> str:
        nonlocal counter
        counter += 1
        return f"demo-{seed}-{prefix}-{counter:05d}"

    with store.transaction() as cur:
        cur.execute("DELETE FROM review_action_events")
        cur.execute("DELETE FROM reviews")
        for back in range(MONTHS, 0, -1):
            start = _month_start(end_date, back)
            end = _month_start(end_date, back - 1) - timedelta(days=1)
            for person in people:
                if not _on_staff(person, end):
                    continue
                last_month = back == 1
                if last_month and person.leader_id == late_lead:
                    continue
                if rng.random() < (0.12 if last_month else 0.06):
                    continue  # a gap
                lenient = person.leader_id == lenient_lead
                review_id = next_id("r")
                goals = tuple(
                    ActionItem(
                        item_id=f"{review_id}-g{n}",
                        text=rng.choice(_GOALS),
                        due_date=end + timedelta(days=rng.randint(10, 40)),
                    )
                    for n in range(rng.randint(1, 3))
                )
                review = check_review(
                    ReviewInput(
                        rep_id=person.rep_id,
                        kind="monthly_evaluation",
                        period_start=start,
                        period_end=end,
                        reviewer=person.leader,
                        scores=_scores(rng, base[person.rep_id], lenient),
                        strengths=rng.choice(_STRENGTHS),
                        areas_to_improve=rng.choice(_AREAS),
                        goals=goals,
                        training_plan=rng.choice(_TRAINING),
                        career_notes=rng.choice(_CAREER),
                    ).model_dump(),
                    status="submitted",
                    today=end_date,
                )
                written_on = min(end + timedelta(days=rng.randint(1, 6)), end_date)
                at = datetime.combine(written_on, time(9 + rng.randint(0, 8), rng.randint(0, 59)))
                draft_first = last_month and rng.random() < 0.15
                if draft_first:  # still a draft: counts as missing until submitted
                    save_review_on(
                        cur,
                        review,
                        status="draft",
                        submission_id=next_id("s"),
                        edited_by=person.leader,
                        now=at,
                        new_review_id=review_id,
                    )
                    written += 1
                    continue
                save_review_on(
                    cur,
                    review,
                    status="submitted",
                    submission_id=next_id("s"),
                    edited_by=person.leader,
                    now=at,
                    new_review_id=review_id,
                )
                written += 1
                if rng.random() < 0.05:  # corrected later, with a reason
                    fixed = review.model_copy(
                        update={"areas_to_improve": review.areas_to_improve + " Agreed in 1:1."}
                    )
                    save_review_on(
                        cur,
                        fixed,
                        status="submitted",
                        submission_id=next_id("s"),
                        edited_by=person.leader,
                        review_id=review_id,
                        base_version=1,
                        change_note="Added what we agreed in the one-to-one.",
                        now=at + timedelta(days=2),
                    )
                    written += 1
                for goal in goals:
                    # Old items are mostly done; recent ones often still open.
                    odds = 0.9 if goal.due_date < end_date - timedelta(days=30) else 0.5
                    if goal.due_date < end_date and rng.random() < odds:
                        done_on = min(goal.due_date - timedelta(days=rng.randint(0, 5)), end_date)
                        set_action_item_done_on(
                            cur,
                            review_id,
                            goal.item_id,
                            done=True,
                            changed_by=person.leader,
                            event_id=next_id("e"),
                            now=datetime.combine(done_on, time(17, 0)),
                        )
        week_end = end_date - timedelta(days=end_date.weekday() + 1)
        for back in range(WEEKS - 1, -1, -1):
            end = week_end - timedelta(days=7 * back)
            start = end - timedelta(days=6)
            for person in people:
                if person.role not in WEEKLY_SUMMARY_ROLES or not _on_staff(person, end):
                    continue
                if rng.random() < (0.25 if back == 0 else 0.1):
                    continue
                review = ReviewInput(
                    rep_id=person.rep_id,
                    kind="weekly_summary",
                    period_start=start,
                    period_end=end,
                    reviewer=person.leader,
                    scores=_scores(rng, base[person.rep_id], person.leader_id == lenient_lead),
                    strengths=rng.choice(_STRENGTHS),
                    areas_to_improve=rng.choice(_AREAS),
                )
                save_review_on(
                    cur,
                    review,
                    status="submitted",
                    submission_id=next_id("s"),
                    edited_by=person.leader,
                    now=datetime.combine(min(end + timedelta(days=1), end_date), time(18, 0)),
                    new_review_id=next_id("w"),
                )
                written += 1
    return written
