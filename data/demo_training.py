"""The demo company's training history and its role duties.

Training: most people on staff have one to three items (courses, skills, certifications);
most items due before the demo's last day are done, some are open past their due date
(overdue), a few were dropped; a few certifications expire within the warning window.
Duties: each role of the demo's organisation, with the KPIs it is measured on, in English and
Chinese (both columns are stored, so switching language needs no second copy).

Deterministic: its own random.Random(seed), never the clock; the locale changes words only
(the items' titles), never who has what, when or in which state. Written inside the demo's
own transaction (data/demo.py), without audit rows: the demo's history is nobody's change.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import duckdb
import pandas as pd

from data.role_duties import DutyInput, save_duty_on

# Offset of this module's seed from the demo's, so its draws never repeat another module's.
_SEED_OFFSET = 2100
CERT_VALID_DAYS = 365  # a demo certification is valid a year from the day it was passed

# (kind, English title, Chinese title), picked by position.
_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("course", "Negotiation workshop", "谈判技巧工作坊"),
    ("course", "Product training: new category", "新品类产品培训"),
    ("course", "CRM refresher", "CRM 系统复训"),
    ("skill", "Handling price objections", "应对价格异议"),
    ("skill", "Account planning for key customers", "重点客户规划"),
    ("course", "Complaint handling", "客诉处理"),
    ("skill", "Reading the team's KPI dashboard", "看懂团队 KPI 看板"),
    ("course", "Coaching for leads", "组长辅导技巧"),
)
_CERTS: tuple[tuple[str, str], ...] = (
    ("Product specialist certificate", "产品专员认证"),
    ("Food safety certificate", "食品安全证书"),
    ("Forklift licence", "叉车操作证"),
)
_RESULTS = {"en": ("Passed", "Completed", "Passed with merit"), "zh": ("通过", "已完成", "优秀")}

# Each demo role's duties and the KPI codes (metrics/catalogue.py) it is measured on.
_DUTIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "sales_rep",
        "- Contact every new lead within one working day\n- Visit or call each own customer"
        " at least once a month\n- Log every call and visit in the CRM the same day\n"
        "- Keep the pipeline's stages and amounts up to date",
        "- 新线索一个工作日内联系\n- 每位自有客户每月至少拜访或致电一次\n"
        "- 每次电话、拜访当天录入 CRM\n- 及时更新商机阶段和金额",
        ("revenue", "new_customers", "activities", "win_rate"),
    ),
    (
        "account_manager",
        "- Own the key accounts: an account plan for each of the top customers\n"
        "- Wholesale groups work by stage: initial contact qualifies leads, follow-up keeps"
        " deals moving, closing negotiates and signs\n- Hand a deal to the next stage's group"
        " with complete notes",
        "- 负责重点客户：为主要客户制定客户计划\n"
        "- 批发按阶段分组：初次接触组筛选线索，跟进组推进商机，成交组负责谈判签约\n"
        "- 商机交接给下一阶段小组时附完整记录",
        ("revenue", "won_value", "retention_rate", "sales_cycle_days"),
    ),
    (
        "sales_manager",
        "- Own the team's targets and split them over the groups\n- Review the group leaders"
        " monthly and the team's pace weekly\n- Decide training priorities and sign off"
        " certifications",
        "- 负责团队目标并分解到各小组\n- 每月评估各组长，每周检查团队进度\n"
        "- 确定培训重点并审批认证",
        ("revenue", "gross_margin", "retention_rate", "win_rate"),
    ),
    (
        "group_leader",
        "- Run the daily stand-up and keep the group on pace to its target\n"
        "- Review each person monthly and follow up on their action items\n"
        "- Coach new colleagues and plan the group's training",
        "- 主持每日站会，确保小组按进度完成目标\n- 每月评估组员并跟进行动项\n"
        "- 辅导新同事，规划小组培训",
        ("revenue", "win_rate", "active_customers", "csat"),
    ),
    (
        "deputy_leader",
        "- Stand in for the group leader when away\n- Coach newer colleagues on quotes and"
        " pricing\n- Sell as a senior member of the group",
        "- 组长不在时代为主持工作\n- 指导新同事报价和定价\n- 作为资深成员参与销售",
        ("revenue", "won_deals", "activities"),
    ),
    (
        "customer_service",
        "- Answer customer questions the same day\n- Close complaints within three days and"
        " record the outcome\n- Ask for feedback after every resolved case",
        "- 客户问题当天答复\n- 投诉三天内结案并记录结果\n- 每个问题解决后收集客户反馈",
        ("csat", "complaints", "complaint_resolution_days", "nps"),
    ),
    (
        "inventory",
        "- Keep the best sellers in stock for every store\n- Count stock weekly and report"
        " differences\n- Tell sales about delays before customers are promised a date",
        "- 保证各门店畅销品有货\n- 每周盘点并报告差异\n- 在向客户承诺日期前告知销售交期延误",
        ("orders", "returns_value"),
    ),
    (
        "data_analyst",
        "- Keep the dashboards' numbers right and explain changes\n- Prepare the monthly"
        " review pack for leads\n- Check imports for gaps and duplicates",
        "- 确保看板数据准确并解释变化\n- 为组长准备月度评估资料\n- 检查导入数据的缺失和重复",
        ("revenue", "gross_margin_rate", "retention_rate"),
    ),
)


def write_demo_training(
    cur: duckdb.DuckDBPyConnection, end_date: date, seed: int, *, locale: str = "en"
) -> int:
    """Replace the training items and role duties with the demo's, inside the caller's
    transaction; returns the number of training items written."""
    lang = "zh" if locale.startswith("zh") else "en"
    rng = random.Random(seed + _SEED_OFFSET)
    cur.execute("DELETE FROM training_changes")
    cur.execute("DELETE FROM training_items")
    cur.execute("DELETE FROM role_duties")
    at = datetime.combine(end_date, time(8, 0))
    for n, (role, en, zh, kpis) in enumerate(_DUTIES):
        duty = DutyInput(role=role, duties_en=en, duties_zh=zh, kpis=kpis)
        save_duty_on(cur, duty, submission_id=f"demo-duty-{n}", now=at, audited=False)
    people = cur.execute(
        "SELECT rep_id, hire_date FROM reps WHERE leave_date IS NULL OR leave_date > $end"
        " ORDER BY rep_id",
        {"end": end_date},
    ).fetchall()
    rows: list[tuple[object, ...]] = []
    near_expiry = 0
    for rep_id, hire in people:
        count = rng.choices((0, 1, 2, 3), weights=(1, 4, 4, 2))[0]
        for k in range(count):
            due = end_date + timedelta(days=rng.randint(-300, 90))
            due = max(due, hire + timedelta(days=30))
            kind, en, zh = rng.choice(_ITEMS)
            title = zh if lang == "zh" else en
            draw = rng.random()
            expires = None
            if due > end_date:
                status = "in_progress" if draw < 0.3 else "planned"
            elif draw < 0.78:
                status = "done"
            elif draw < 0.92:
                status = rng.choice(("planned", "in_progress"))  # overdue
            else:
                status = "dropped"
            done_on = due - timedelta(days=rng.randint(0, 20)) if status == "done" else None
            if done_on is not None and rng.random() < 0.25:  # a certification, valid a year
                kind = "certification"
                en_c, zh_c = rng.choice(_CERTS)
                title = zh_c if lang == "zh" else en_c
                expires = done_on + timedelta(days=CERT_VALID_DAYS)
                if near_expiry < 4:  # a few lapse soon: 5, 12, 19 and 26 days after the end
                    expires = end_date + timedelta(days=5 + 7 * near_expiry)
                    done_on = expires - timedelta(days=CERT_VALID_DAYS)
                    due = max(done_on, hire + timedelta(days=1))
                    done_on = due
                    near_expiry += 1
            result = rng.choice(_RESULTS[lang]) if status == "done" else None
            item_id = f"demo-t-{rep_id}-{k}"
            created = datetime.combine(min(due, end_date) - timedelta(days=60), time(9, 0))
            rows.append(
                (item_id, item_id, rep_id, kind, title, due, status, done_on, result, expires,
                 None, created, created)
            )  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=[
            "item_id", "submission_id", "rep_id", "kind", "title", "due_date", "status",
            "completed_on", "result", "expires_on", "review_id", "created_at", "updated_at",
        ],
    )  # fmt: skip
    if not frame.empty:
        cur.register("demo_training_rows", frame)
        try:
            cur.execute(
                "INSERT INTO training_items SELECT item_id, submission_id, rep_id, kind, title,"
                " CAST(due_date AS DATE), status, CAST(completed_on AS DATE), result,"
                " CAST(expires_on AS DATE), review_id, created_at, updated_at"
                " FROM demo_training_rows"
            )
        finally:
            cur.unregister("demo_training_rows")
    return len(rows)
