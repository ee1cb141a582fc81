"""A plausible history of weekly summaries and suggestions for the demo company: most people
submit most weeks over the last eight, a few late, some leave a draft, some skip a week; this
week has a few drafts and early submissions. About fifteen suggestions, some adopted, some
declined with a reason, some anonymous (no author stored, as for a real anonymous post).

Deterministic (its own random generator, seeded from the demo's seed) and cheap: rows are
built in Python and inserted in one statement per table, inside the demo's own transaction.
The locale changes the words only. Timestamps never pass latest_moment (no save "from the
future"). These rows are history, not anyone's action: no audit rows.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import duckdb
import pandas as pd

from data.demo_reviews import latest_moment
from data.weekly_summaries import week_of

WEEKS = 8  # full weeks of history before the current one


@dataclass(frozen=True)
class _Words:
    wins: tuple[str, ...]
    problems: tuple[str, ...]
    help: tuple[str, ...]
    plan: tuple[str, ...]
    suggestions: tuple[tuple[str, str, str], ...]  # kind, title, text
    answers: tuple[str, ...]  # under consideration
    adopted: tuple[str, ...]
    declined: tuple[str, ...]


_EN = _Words(
    wins=(
        "Closed the reorder with our biggest hotel customer.",
        "Two new cafés ordered after last week's visits.",
        "Won the tender for the restaurant group's spring menu.",
        "Every overdue follow-up cleared by Wednesday.",
        "Upsold the premium tea set to three regular customers.",
        "A lost customer came back after a call about the new range.",
    ),
    problems=(
        "Two deliveries were late; one customer complained.",
        "Quotes wait too long for the price approval.",
        "Hard to reach the buyers at the hotel chain this week.",
        "Stock of the bestselling bowl ran out on Thursday.",
        "",
        "",
    ),
    help=(
        "A joint visit with the lead to the hotel group.",
        "Faster approval of discounts above 10%.",
        "Samples of the new vases for the showroom visits.",
        "",
        "",
    ),
    plan=(
        "Visit the three customers not contacted for 30 days",
        "Send the spring catalogue to every café",
        "Follow up the open quote with the restaurant group",
        "Prepare the account plan for the top customer",
        "Call back last month's lost deals",
    ),
    suggestions=(
        ("process", "Shorter stand-up", "Ten minutes is enough; the rest can go in the chat."),
        ("process", "One price-approval queue", "Quotes above 10% discount wait days."),
        ("product", "Smaller pack of bowls", "Cafés ask for packs of six, not twelve."),
        ("customer_service", "Call after every complaint", "Call back within a day."),
        ("product", "Spring colours earlier", "Customers ask for the spring range in January."),
        ("process", "Shared visit calendar", "So two of us do not visit the same customer."),
        ("customer_service", "Delivery time in the quote", "Say the delivery date up front."),
        ("product", "Samples kit for visits", "A small case with the bestsellers."),
        ("process", "Weekly summary on Friday", "Friday afternoon is quieter than Monday."),
        ("customer_service", "Birthday cards for key customers", "Small touch, remembered."),
        ("product", "Gift boxes before holidays", "Hotels order gifts for their guests."),
        ("process", "Fewer CRM fields", "Half the fields are never read."),
        ("customer_service", "One number for complaints", "Customers do not know whom to call."),
        ("process", "Ride-along for new hires", "Two weeks with a senior colleague."),
        ("product", "Repair service for tea sets", "Customers would pay for it."),
    ),
    answers=(
        "Good idea; we are checking what it needs.",
        "Trying it with one team first.",
    ),
    adopted=(
        "Adopted: starting next Monday.",
        "Adopted: the team agreed, in place from next month.",
    ),
    declined=(
        "Declined: the warehouse cannot split packs this year.",
        "Declined: it would cost more than it saves; we will look again in spring.",
    ),
)

_ZH = _Words(
    wins=(
        "与最大的酒店客户完成了续单。",
        "上周拜访后，两家新咖啡馆下了单。",
        "拿下了餐饮集团春季菜单的招标。",
        "周三前清完了所有逾期跟进。",
        "向三位老客户追加销售了高端茶具。",
        "一位流失客户在介绍新品后回来了。",
    ),
    problems=(
        "两次送货延迟，一位客户投诉。",
        "报价等待价格审批太久。",
        "本周很难联系到连锁酒店的采购。",
        "最畅销的碗周四断货。",
        "",
        "",
    ),
    help=(
        "希望组长一起拜访酒店集团。",
        "折扣超过 10% 时审批更快一些。",
        "展厅拜访需要新款花瓶的样品。",
        "",
        "",
    ),
    plan=(
        "拜访 30 天未联系的三位客户",
        "把春季目录发给每家咖啡馆",
        "跟进餐饮集团的未结报价",
        "为最大客户准备客户计划",
        "回访上月丢单的客户",
    ),
    suggestions=(
        ("process", "缩短早会", "十分钟足够，其余可以在群里说。"),
        ("process", "统一价格审批队列", "折扣超过 10% 的报价要等好几天。"),
        ("product", "碗的小包装", "咖啡馆想要六只装，而不是十二只装。"),
        ("customer_service", "每次投诉后回电", "一天内回电。"),
        ("product", "春季配色早点上市", "客户一月份就在问春季新品。"),
        ("process", "共享拜访日历", "避免两个人拜访同一位客户。"),
        ("customer_service", "报价中写明交期", "提前说明送货日期。"),
        ("product", "拜访用样品箱", "一个装畅销品的小箱子。"),
        ("process", "周五写周总结", "周五下午比周一清闲。"),
        ("customer_service", "给重点客户寄生日卡", "小心意，客户会记得。"),
        ("product", "节前礼盒", "酒店会为客人订礼品。"),
        ("process", "减少 CRM 字段", "一半字段从来没人看。"),
        ("customer_service", "投诉统一电话", "客户不知道该打给谁。"),
        ("process", "新人跟访", "跟资深同事跑两周。"),
        ("product", "茶具维修服务", "客户愿意为此付费。"),
    ),
    answers=("好主意，正在评估需要什么。", "先在一个团队试行。"),
    adopted=("已采纳：下周一开始。", "已采纳：团队同意，下月起执行。"),
    declined=(
        "不采纳：仓库今年无法拆分包装。",
        "不采纳：成本高于节省，春季再评估。",
    ),
)

_WORDS = {"en": _EN, "zh_CN": _ZH}


def _people(cur: duckdb.DuckDBPyConnection) -> list[tuple[int, date, date | None, int]]:
    """Everyone who is a person (placeholders left out): rep_id, hire, leave, team_id."""
    rows = cur.execute(
        "SELECT rep_id, hire_date, leave_date, team_id FROM reps"
        " WHERE rep_id NOT IN (SELECT rep_id FROM placeholder_reps) ORDER BY rep_id"
    ).fetchall()
    return [(int(r[0]), r[1], r[2], int(r[3])) for r in rows]


def write_demo_routines(
    cur: duckdb.DuckDBPyConnection,
    end_date: date,
    seed: int = 7,
    *,
    locale: str = "en",
    now: datetime | None = None,
) -> tuple[int, int]:
    """Replace the weekly summaries, recaps and suggestions with a generated history ending
    at `end_date`, inside the caller's open transaction; return (summary versions,
    suggestions) written. Same seed and end date, same rows; `locale` changes only words."""
    words = _WORDS.get(locale, _EN)
    latest = latest_moment(end_date, now)
    rng = random.Random(f"routines-{seed}")
    for table in ("weekly_summaries", "weekly_recaps", "suggestion_events", "suggestions"):
        cur.execute(f"DELETE FROM {table}")
    people = _people(cur)
    current = week_of(end_date)[0]
    rows: list[dict[str, object]] = []
    for back in range(WEEKS, -1, -1):
        week = current - timedelta(weeks=back)
        sunday = week + timedelta(days=6)
        for rep_id, hire, leave, _team in people:
            if hire > sunday or (leave is not None and leave <= week):
                continue
            rows += _week_rows(rng, words, rep_id, week, back, latest, len(rows))
    summaries = pd.DataFrame(rows)
    if not summaries.empty:
        cur.register("demo_weekly", summaries)
        cur.execute(
            "INSERT INTO weekly_summaries SELECT rep_id, week_start, version, status, wins,"
            " problems, help_needed, plan, submission_id, NULL, saved_at, submitted_at"
            " FROM demo_weekly"
        )
        cur.unregister("demo_weekly")
    posted = _suggestions(cur, rng, words, people, end_date, latest, seed)
    return len(rows), posted


def _week_rows(
    rng: random.Random,
    words: _Words,
    rep_id: int,
    week: date,
    back: int,
    latest: datetime,
    counter: int,
) -> list[dict[str, object]]:
    """One person's versions of one week's summary (none when they skipped it)."""
    draw = rng.random()
    if back == 0:  # this week: a few drafts and early submissions, most not yet written
        fate = "draft" if draw < 0.3 else ("submitted" if draw < 0.4 else "none")
    else:
        # Most submit on time, a few late, some leave a draft, a few skip the week.
        fates = ((0.82, "submitted"), (0.9, "late"), (0.95, "draft"), (1.0, "none"))
        fate = next(name for cut, name in fates if draw < cut)
    if fate == "none":
        return []
    plan = [
        {
            "text": rng.choice(words.plan),
            "due_date": (week + timedelta(days=7 + rng.randint(0, 6))).isoformat(),
        }
        for _ in range(rng.randint(1, 3))
    ]
    base = {
        "rep_id": rep_id,
        "week_start": week,
        "wins": rng.choice(words.wins),
        "problems": rng.choice(words.problems),
        "help_needed": rng.choice(words.help),
        "plan": json.dumps(plan, ensure_ascii=False),
    }
    # Friday afternoon for an on-time summary; a late one a few days after its Monday due day.
    friday = datetime.combine(week + timedelta(days=4), time(16, rng.randint(0, 59)))
    drafted = min(friday - timedelta(hours=rng.randint(2, 30)), latest)
    out = [
        {
            **base,
            "version": 1,
            "status": "draft",
            "submission_id": f"demo-w-{counter}-1",
            "saved_at": drafted,
            "submitted_at": None,
        }
    ]
    if fate == "draft":
        return out
    sent = friday if fate == "submitted" else friday + timedelta(days=rng.randint(4, 6))
    sent = min(sent, latest)
    if sent <= drafted:
        return out  # not yet: the week is still being written
    out.append(
        {
            **base,
            "version": 2,
            "status": "submitted",
            "submission_id": f"demo-w-{counter}-2",
            "saved_at": sent,
            "submitted_at": sent,
        }
    )
    return out


def _suggestions(
    cur: duckdb.DuckDBPyConnection,
    rng: random.Random,
    words: _Words,
    people: list[tuple[int, date, date | None, int]],
    end_date: date,
    latest: datetime,
    seed: int,
) -> int:
    """About fifteen suggestions over the last eight weeks, with answers and statuses."""
    on_staff = [p for p in people if p[2] is None or p[2] > end_date]
    if not on_staff:
        return 0
    posts, events = [], []
    # Status by position: adopted, declined (with reasons), under consideration, new.
    fates = ["adopted"] * 5 + ["declined"] * 3 + ["considering"] * 3 + ["new"] * 4
    for n, (kind, title, body) in enumerate(words.suggestions):
        rep_id, _hire, _leave, team_id = rng.choice(on_staff)
        anonymous = n % 4 == 1  # some anonymous: no author stored
        at = min(
            datetime.combine(end_date - timedelta(days=56 - n * 3), time(10 + n % 7, n * 3 % 60)),
            latest,
        )
        sid = f"demo-{seed}-s-{n:03d}"
        posts.append(
            {
                "suggestion_id": sid,
                "team_id": team_id,
                "kind": kind,
                "title": title,
                "body": body,
                "anonymous": anonymous,
                "author_rep_id": None if anonymous else rep_id,
                "author_user_id": None,
                "posted_at": at,
            }
        )
        fate = fates[n % len(fates)]
        if fate == "new":
            continue
        considered = min(at + timedelta(days=2), latest)
        events.append((f"{sid}-e1", sid, "considering", rng.choice(words.answers), considered))
        if fate in ("adopted", "declined"):
            reason = rng.choice(words.adopted if fate == "adopted" else words.declined)
            events.append((f"{sid}-e2", sid, fate, reason, min(at + timedelta(days=9), latest)))
    frame = pd.DataFrame(posts)
    cur.register("demo_suggestions", frame)
    cur.execute(
        "INSERT INTO suggestions SELECT suggestion_id, team_id, kind, title, body, anonymous,"
        " author_rep_id, author_user_id, posted_at FROM demo_suggestions"
    )
    cur.unregister("demo_suggestions")
    if events:
        cur.executemany(
            "INSERT INTO suggestion_events VALUES (?, ?, ?, ?, NULL, ?)", [list(e) for e in events]
        )
    return len(posts)
