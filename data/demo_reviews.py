"""A plausible history of performance reviews for the demo company, so "who is due" has
something to show: most leads review most of their people every month, with gaps; one lead
scores everyone 5; one lead has not written last month's evaluations; weekly summaries for
sellers; action items, some done, some open and overdue; a few reviews edited after they were
submitted, and a few drafts. The texts come in each locale of the demo (English, Simplified
Chinese); the locale changes the words only, never who is reviewed, when, or the scores.

Written in one transaction (the demo company's own, when the whole demo is built:
data/demo.py), as rows built by data/reviews.py's own functions and inserted a table at a time
(data/demo_review_rows.py: the same tables as saving each review, about 70 times faster). The
demo reviews carry no KPI snapshot: the data layer cannot compute KPIs (that is the metrics
layer's job), and the history page shows the live KPI trend beside them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import duckdb

from data.demo_review_rows import DemoReviewRows, OneAtATime
from data.reviews import (
    SCORE_DIMENSIONS,
    WEEKLY_SUMMARY_ROLES,
    ActionItem,
    ReviewInput,
    Scores,
    check_review,
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

# Simplified Chinese, item for item: the draws pick by position, so the counts must match.
_ZH_STRENGTHS = (
    "每条线索都在一天内跟进，客户也常提到这一点。",
    "产品知识扎实，技术问题不用上报就能自己解答。",
    "经常帮新同事做报价、算价格。",
    "活动量稳定：电话和拜访均匀分布在整个月。",
    "商机一到谈判阶段，成交能力很强。",
    "客户管理系统记录及时，同事随时可以接手。",
)
_ZH_AREAS = (
    "新客户太少，大部分业绩来自老客户。",
    "商机在初步接触和跟进之间容易停滞。",
    "投诉处理周期太长。",
    "每到月底最后一周，活动量明显下降。",
    "谈判中让价太早。",
    "商机备注太简略，不方便一起复盘。",
)
_ZH_GOALS = (
    "联系所有三十天内没有联系过的客户",
    "在商机池里新增五个潜在客户",
    "跟一位资深同事一起完成两次客户拜访",
    "三天内处理完所有未结的投诉",
    "为前三大客户各做一份客户经营计划",
    "每次拜访当天就录入客户管理系统",
    "复盘丢单，每单总结一条教训",
)
_ZH_TRAINING = (
    "",
    "下季度参加谈判技巧培训。",
    "参加新品类的产品培训。",
    "参加客户管理系统复训。",
)
_ZH_CAREER = (
    "",
    "希望一年内能担任副组长。",
    "希望调到大客户岗位。",
)


@dataclass(frozen=True)
class _ReviewTexts:
    """The words of the demo reviews in one locale; every tuple as long as the English one."""

    strengths: tuple[str, ...]
    areas: tuple[str, ...]
    goals: tuple[str, ...]
    training: tuple[str, ...]
    career: tuple[str, ...]
    agreed: str  # appended to areas_to_improve when a review is corrected after a one-to-one
    change_note: str


# Keyed by the locale codes of data/demo.py's vocabularies.
_TEXTS: dict[str, _ReviewTexts] = {
    "en": _ReviewTexts(
        strengths=_STRENGTHS,
        areas=_AREAS,
        goals=_GOALS,
        training=_TRAINING,
        career=_CAREER,
        agreed=" Agreed in 1:1.",
        change_note="Added what we agreed in the one-to-one.",
    ),
    "zh_CN": _ReviewTexts(
        strengths=_ZH_STRENGTHS,
        areas=_ZH_AREAS,
        goals=_ZH_GOALS,
        training=_ZH_TRAINING,
        career=_ZH_CAREER,
        agreed="（已在一对一面谈中确认。）",
        change_note="补充了一对一面谈中商定的内容。",
    ),
}
REVIEW_LOCALES: tuple[str, ...] = tuple(_TEXTS)


def _shape(texts: _ReviewTexts) -> tuple[int, ...]:
    """The lengths the random draws depend on (random.choice draws by length)."""
    parts = (texts.strengths, texts.areas, texts.goals, texts.training, texts.career)
    return tuple(len(part) for part in parts)


# A locale changes only the words, so every locale's tuples are as long as the English ones.
for _code, _texts in _TEXTS.items():
    if _shape(_texts) != _shape(_TEXTS["en"]):
        raise AssertionError(f"demo review texts {_code!r} are not shaped like the English ones")


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


def _people(cur: duckdb.DuckDBPyConnection) -> list[_Person]:
    """Everyone with a leader: their group's leader, or for a group's leader the parent team's."""
    rows = cur.execute(
        """
        SELECT r.rep_id, r.role, r.hire_date, r.leave_date,
               CASE WHEN g.leader_rep_id = r.rep_id THEN pt.leader_rep_id
                    ELSE g.leader_rep_id END AS leader_id
        FROM reps r
        JOIN teams g ON g.team_id = r.team_id
        LEFT JOIN teams pt ON pt.team_id = g.parent_id
        ORDER BY r.rep_id
        """
    ).fetchall()
    names = dict(cur.execute("SELECT rep_id, name FROM reps").fetchall())
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


def latest_moment(end_date: date, now: datetime | None = None) -> datetime:
    """The last moment a demo review may carry: the end of `end_date`, or `now` (UTC, as
    data/reviews.py stamps saves) when that is earlier, so no timestamp lies in the future."""
    current = now if now is not None else datetime.now(UTC).replace(tzinfo=None)
    return min(datetime.combine(end_date, time(23, 59)), current)


def generate_demo_reviews(
    store: Store, end_date: date, seed: int = 7, *, locale: str = "en", now: datetime | None = None
) -> int:
    """Replace every review in `store` with a generated history ending at `end_date`; return
    the number of review versions written. Same seed and end date, same reviews; `locale`
    ('en' or 'zh_CN') changes only their words. Every timestamp (saves, ticks) is at most
    latest_moment(end_date, now): a demo built today never shows a review saved this
    afternoon while it is still morning (`now` fixes the clock, for tests)."""
    with store.transaction() as cur:
        return write_demo_reviews(cur, end_date, seed, locale=locale, now=now)


def write_demo_reviews(
    cur: duckdb.DuckDBPyConnection,
    end_date: date,
    seed: int = 7,
    *,
    locale: str = "en",
    now: datetime | None = None,
    one_at_a_time: bool = False,
) -> int:
    """`generate_demo_reviews` on a cursor inside an open transaction, which sees the people
    it writes (the demo company writes its reviews in its own transaction). The rows are
    written in one insert per table (data/demo_review_rows.py); `one_at_a_time` sends each
    through the real save instead, for the test that both write the same."""
    if locale not in _TEXTS:
        known = ", ".join(REVIEW_LOCALES)
        raise ValueError(f"Unknown demo review locale {locale!r}; available: {known}")
    texts = _TEXTS[locale]
    latest = latest_moment(end_date, now)

    def at_most(moment: datetime) -> datetime:
        return min(moment, latest)

    writer = OneAtATime(cur) if one_at_a_time else DemoReviewRows(cur)
    rng = random.Random(seed)
    people = _people(cur)
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

    cur.execute("DELETE FROM review_action_events")
    cur.execute("DELETE FROM reviews")
    cur.execute("DELETE FROM review_identities")  # the demo's reviews claim theirs anew
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
                    text=rng.choice(texts.goals),
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
                    strengths=rng.choice(texts.strengths),
                    areas_to_improve=rng.choice(texts.areas),
                    goals=goals,
                    training_plan=rng.choice(texts.training),
                    career_notes=rng.choice(texts.career),
                ).model_dump(),
                status="submitted",
                today=end_date,
            )
            written_on = min(end + timedelta(days=rng.randint(1, 6)), end_date)
            at = at_most(
                datetime.combine(written_on, time(9 + rng.randint(0, 8), rng.randint(0, 59)))
            )
            draft_first = last_month and rng.random() < 0.15
            if draft_first:  # still a draft: counts as missing until submitted
                writer.save(
                    review,
                    status="draft",
                    submission_id=next_id("s"),
                    edited_by=person.leader,
                    now=at,
                    new_review_id=review_id,
                )
                written += 1
                continue
            writer.save(
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
                    update={"areas_to_improve": review.areas_to_improve + texts.agreed}
                )
                writer.save(
                    fixed,
                    status="submitted",
                    submission_id=next_id("s"),
                    edited_by=person.leader,
                    review_id=review_id,
                    base_version=1,
                    change_note=texts.change_note,
                    now=at_most(at + timedelta(days=2)),
                )
                written += 1
            for goal in goals:
                # Old items are mostly done; recent ones often still open.
                odds = 0.9 if goal.due_date < end_date - timedelta(days=30) else 0.5
                if goal.due_date < end_date and rng.random() < odds:
                    done_on = min(goal.due_date - timedelta(days=rng.randint(0, 5)), end_date)
                    writer.tick(
                        review_id,
                        goal.item_id,
                        changed_by=person.leader,
                        event_id=next_id("e"),
                        now=at_most(datetime.combine(done_on, time(17, 0))),
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
                strengths=rng.choice(texts.strengths),
                areas_to_improve=rng.choice(texts.areas),
            )
            writer.save(
                review,
                status="submitted",
                submission_id=next_id("s"),
                edited_by=person.leader,
                now=at_most(datetime.combine(min(end + timedelta(days=1), end_date), time(18, 0))),
                new_review_id=next_id("w"),
            )
            written += 1
    writer.finish()
    return written
