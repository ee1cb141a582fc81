"""Strings of the setup checklist (Data and stand-up pages) and of the notes that point to
the Targets page when there are no targets, in English (EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "setup.heading": "Finish setting up",
    "setup.intro": (
        "This is your company's own data. Each item below unlocks part of the dashboard; the"
        " checklist stays on the stand-up until every required item is done."
    ),
    "setup.home_heading.one": "Finish setting up: {count} required item is missing",
    "setup.home_heading.other": "Finish setting up: {count} required items are missing",
    "setup.all_done": "Every required item is done; the optional ones below still add pages.",
    "setup.hide": "Hide for this session",
    "setup.item.people": "People and teams",
    "setup.item.customers": "Customers",
    "setup.item.products": "Products",
    "setup.item.orders": "Orders",
    "setup.item.deals": "Deals (pipeline)",
    "setup.item.activities": "Activities (calls, visits)",
    "setup.item.feedback": "Feedback (complaints)",
    "setup.item.targets": "Targets",
    "setup.item.plan": "Incentive plan",
    "setup.done.rows": "{item}: {count} rows loaded",
    "setup.done.plan": "{item}: your own plan is in use",
    "setup.optional": "{name} (optional)",
    "setup.item_line": "{name}: {unlock} {needed}",
    "setup.needed_by": "Needed by: {pages}.",
    "setup.unlock.people": (
        "Load your people and teams: every page names people and teams, and the stand-up's"
        " board ranks each person."
    ),
    "setup.unlock.customers": (
        "Load your customers: Segments, the follow-up list and customers at risk need them."
    ),
    "setup.unlock.products": ("Load your products: breakdowns by product and category need them."),
    "setup.unlock.orders": (
        "Load your orders (sales): revenue, the stand-up's day and month, and the Incentives"
        " leaderboard are counted from them."
    ),
    "setup.unlock.deals": (
        "Load your deals if you run a pipeline: win rate, open pipeline and the stand-up's won"
        " deals come from them."
    ),
    "setup.unlock.activities": (
        "Load your activities (calls, visits, messages) if you log them: the stand-up's"
        " follow-ups and activity counts come from them."
    ),
    "setup.unlock.feedback": (
        "Load your customer feedback if you record it: the stand-up's complaints, CSAT and NPS"
        " come from it."
    ),
    "setup.unlock.targets": (
        "Set targets: attainment and pace on KPI Trends and the stand-up are measured against"
        " them; without targets those columns stay empty."
    ),
    "setup.unlock.plan": (
        "Name your own incentive plan: commission, awards and contests on Incentives need it"
        " (the shipped plan is the demo company's and is never applied to your data)."
    ),
    "setup.fix.import": "Import a file on the Data page",
    "setup.fix.import_here": "Use Import below on this page.",
    "setup.fix.targets": "Set targets on the Targets page",
    "setup.fix.plan": "How to name a plan, on the Incentives page",
    "setup.no_targets": (
        "No targets are set for this company yet, so attainment and pace are blank. Targets"
        " are set on the Targets page."
    ),
    "setup.no_targets_period": (
        "No target is set for {start} – {end} at this level, so attainment and pace are blank."
        " Targets are set on the Targets page."
    ),
    "setup.no_targets_board": (
        "Nobody here has a target this month, so attainment and pace are blank."
    ),
}

ZH: dict[str, str] = {
    "setup.heading": "完成设置",
    "setup.intro": (
        "这是贵公司自己的数据。下面每一项都会开启看板的一部分功能；在所有必需项完成之前，"
        "清单会一直显示在晨会页上。"
    ),
    "setup.home_heading.one": "完成设置：还缺 {count} 项必需内容",
    "setup.home_heading.other": "完成设置：还缺 {count} 项必需内容",
    "setup.all_done": "所有必需项都已完成；下面的可选项还能开启更多页面内容。",
    "setup.hide": "本次会话中隐藏",
    "setup.item.people": "人员和团队",
    "setup.item.customers": "客户",
    "setup.item.products": "产品",
    "setup.item.orders": "订单",
    "setup.item.deals": "商机（销售漏斗）",
    "setup.item.activities": "跟进记录（电话、拜访）",
    "setup.item.feedback": "客户反馈（投诉）",
    "setup.item.targets": "目标",
    "setup.item.plan": "激励方案",
    "setup.done.rows": "{item}：已导入 {count} 行",
    "setup.done.plan": "{item}：正在使用贵公司自己的方案",
    "setup.optional": "{name}（可选）",
    "setup.item_line": "{name}：{unlock}{needed}",
    "setup.needed_by": "用到它的页面：{pages}。",
    "setup.unlock.people": "导入人员和团队：每个页面都要显示人员和团队，晨会看板要给每个人排名。",
    "setup.unlock.customers": "导入客户：客户分群、回访清单和流失风险客户都需要它。",
    "setup.unlock.products": "导入产品：按产品和品类的拆分需要它。",
    "setup.unlock.orders": (
        "导入订单（销售）：销售额、晨会的当日和本月数据、激励排行榜都由订单计算。"
    ),
    "setup.unlock.deals": "如有销售漏斗，请导入商机：赢单率、在途商机和晨会上的赢单都来自它。",
    "setup.unlock.activities": (
        "如有跟进记录（电话、拜访、消息），请导入：晨会的回访和活动数都来自它。"
    ),
    "setup.unlock.feedback": "如有客户反馈记录，请导入：晨会的投诉、客户满意度和净推荐值都来自它。",
    "setup.unlock.targets": (
        "设置目标：KPI 趋势和晨会上的达成率与进度都以目标为准；没有目标，这些列就是空的。"
    ),
    "setup.unlock.plan": (
        "指定贵公司自己的激励方案：激励页的提成、奖项和竞赛都需要它"
        "（自带的方案属于演示公司，绝不会用于贵公司的数据）。"
    ),
    "setup.fix.import": "在数据页导入文件",
    "setup.fix.import_here": "请使用本页下方的导入功能。",
    "setup.fix.targets": "在目标页设置目标",
    "setup.fix.plan": "在激励页查看如何指定方案",
    "setup.no_targets": "贵公司尚未设置任何目标，因此达成率和进度为空。目标在目标页设置。",
    "setup.no_targets_period": (
        "{start} – {end} 在此层级未设置目标，因此达成率和进度为空。目标在目标页设置。"
    ),
    "setup.no_targets_board": "本月这里没有人设置目标，因此达成率和进度为空。",
}
