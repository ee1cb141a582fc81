"""Strings of the Explain page (why a KPI moved, and who or what moved it), in English (EN)
and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.explain": "Explain a change",
    "explain.why": "Why?",
    "explain.why_help": "What moved {kpi}: split by team, person, region or product",
    "explain.kpi": "KPI",
    "explain.against": "Compared with",
    "explain.against.previous": "The period before",
    "explain.against.last_year": "Same period last year",
    "explain.against.target": "Target",
    "explain.by": "Split by",
    "explain.dim.team": "Team",
    "explain.dim.group": "Group",
    "explain.dim.rep_id": "Person",
    "explain.dim.channel": "Channel",
    "explain.dim.region": "Region",
    "explain.dim.product_category": "Product category",
    "explain.dim.customer_tier": "Customer tier",
    "explain.dim.industry": "Industry",
    "explain.dim.lifecycle_stage": "Lifecycle stage (as of the period's end)",
    "explain.dim.rfm_segment": "RFM segment (as of the period's end)",
    "explain.person_filter": "Person: {name}",
    "explain.clear_person": "All people",
    "explain.periods": "{start} – {end} against {compare_start} – {compare_end}",
    "explain.periods_target": "{start} – {end} against its target for the same days",
    # The sentence on top
    "explain.up": "{kpi} is up {delta} on {against}",
    "explain.down": "{kpi} is down {delta} on {against}",
    "explain.flat": "{kpi} is unchanged on {against}",
    "explain.ahead": "{kpi} is {delta} ahead of target",
    "explain.behind": "{kpi} is {delta} behind target",
    "explain.on_target": "{kpi} is exactly on target",
    "explain.on.previous": "the period before",
    "explain.on.last_year": "the same period last year",
    "explain.sentence": "{head}: {parts}.",
    "explain.sentence_mostly": "{head}: {parts}, mostly {effect}.",
    "explain.part": "{label} {delta}",
    "explain.joiner": ", ",
    "explain.mostly.volume.up": "more orders",
    "explain.mostly.volume.down": "fewer orders",
    "explain.mostly.price.up": "a higher average order value",
    "explain.mostly.price.down": "a lower average order value",
    "explain.mostly.mix.up": "a mix shifting to higher-value rows",
    "explain.mostly.mix.down": "a mix shifting to lower-value rows",
    "explain.mostly.rate.up": "the rows' own rates rising",
    "explain.mostly.rate.down": "the rows' own rates falling",
    "explain.mostly.ratemix.up": "weight shifting to rows with higher rates",
    "explain.mostly.ratemix.down": "weight shifting to rows with lower rates",
    # Bars and table
    "explain.bar.others": "Others",
    "explain.bar.unallocated": "Target not split to these rows",
    "explain.bar.not_set": "(not set)",
    "explain.bar.volume": "Volume (orders)",
    "explain.bar.price": "Price (average order value)",
    "explain.bar.mix": "Mix",
    "explain.bar.rate": "Rate",
    "explain.bar.ratemix": "Mix (weights)",
    "explain.then": "Compared value",
    "explain.target_value": "Target",
    "explain.now": "Now",
    "explain.part_col": "Part of the change",
    "explain.rate_col": "Rate effect",
    "explain.mix_col": "Mix effect",
    "explain.row": "Row",
    "explain.drill": "Open {label}, split by {next}",
    "explain.drill_header": "Drill into a row (keeps every filter)",
    "explain.effects_header": "Volume, price and mix",
    "explain.rate_mix_header": "Rate and mix",
    "explain.parts_header": "Parts of the change",
    # The rules, in words beside the numbers
    "explain.rule.additive": (
        "Each row's part is its own change (now less then); the rows add up to the total, and"
        " after the six largest the rest are summed as Others. Money is worked out in cents;"
        " each part shown is rounded to the cent so that the parts still add up to the change"
        " (largest remainder)."
    ),
    "explain.rule.volume_price_mix": (
        "Revenue = orders × average order value (AOV). Volume = (orders now − orders then) ×"
        " the mean of the two AOVs. Price = the mean number of orders × Σ each row's AOV change"
        " × its mean share of orders. Mix = the mean number of orders × Σ each row's change in"
        " share of orders × its mean AOV. Volume + price + mix = the change, exactly."
    ),
    "explain.rule.volume_price_whole": (
        "Here an order can have lines in two rows, so the rows' orders do not add up: volume"
        " and price are worked out on the whole (mix 0)."
    ),
    "explain.rule.rate_mix": (
        "The total is the rows' rates weighted by their share of the denominator. Rate effect"
        " = Σ (row's rate now − then) × its mean weight; mix effect = Σ (row's weight now −"
        " then) × its mean rate. A row missing from one period moves the mix only. Rate + mix"
        " = the change, exactly."
    ),
    "explain.rule.target": (
        "Each row's part is its actual less its target (a person's target counts under the team"
        " they were in for that period). The rows' targets need not add up to the headline"
        " target: the difference is the bar Target not split to these rows. The parts add up"
        " to the gap."
    ),
    "explain.problem.not_explainable": (
        "This KPI cannot be split exactly (an average, a snapshot, or a count of distinct"
        " customers that can sit in several rows). Choose revenue, a count or a rate."
    ),
    "explain.problem.no_dimension": "This KPI cannot be split by this dimension here.",
    "explain.problem.not_additive": (
        "Split this way, the rows do not add up to the total (one order or customer sits in"
        " two rows), so no exact split exists. Choose another dimension."
    ),
    "explain.problem.no_value": "The KPI has no value in one of the periods: nothing to explain.",
    "explain.no_drill": "Rows of this dimension cannot be narrowed to (no filter for them).",
}

ZH: dict[str, str] = {
    "page.explain": "变化原因",
    "explain.why": "为什么？",
    "explain.why_help": "{kpi}的变化由谁带来：按团队、人员、地区或品类拆分",
    "explain.kpi": "指标",
    "explain.against": "对比",
    "explain.against.previous": "上一期",
    "explain.against.last_year": "去年同期",
    "explain.against.target": "目标",
    "explain.by": "拆分维度",
    "explain.dim.team": "团队",
    "explain.dim.group": "小组",
    "explain.dim.rep_id": "人员",
    "explain.dim.channel": "渠道",
    "explain.dim.region": "地区",
    "explain.dim.product_category": "产品品类",
    "explain.dim.customer_tier": "客户等级",
    "explain.dim.industry": "行业",
    "explain.dim.lifecycle_stage": "生命周期阶段（按期末判断）",
    "explain.dim.rfm_segment": "RFM 分群（按期末判断）",
    "explain.person_filter": "人员：{name}",
    "explain.clear_person": "全部人员",
    "explain.periods": "{start} – {end} 对比 {compare_start} – {compare_end}",
    "explain.periods_target": "{start} – {end} 对比同期目标",
    "explain.up": "{kpi}较{against}上升{delta}",
    "explain.down": "{kpi}较{against}下降{delta}",
    "explain.flat": "{kpi}与{against}持平",
    "explain.ahead": "{kpi}超出目标{delta}",
    "explain.behind": "{kpi}落后目标{delta}",
    "explain.on_target": "{kpi}恰好达到目标",
    "explain.on.previous": "上一期",
    "explain.on.last_year": "去年同期",
    "explain.sentence": "{head}：{parts}。",
    "explain.sentence_mostly": "{head}：{parts}，主要因为{effect}。",
    "explain.part": "{label} {delta}",
    "explain.joiner": "，",
    "explain.mostly.volume.up": "订单增多",
    "explain.mostly.volume.down": "订单减少",
    "explain.mostly.price.up": "客单价提高",
    "explain.mostly.price.down": "客单价降低",
    "explain.mostly.mix.up": "结构转向高客单价的行",
    "explain.mostly.mix.down": "结构转向低客单价的行",
    "explain.mostly.rate.up": "各行自身比率上升",
    "explain.mostly.rate.down": "各行自身比率下降",
    "explain.mostly.ratemix.up": "权重转向比率较高的行",
    "explain.mostly.ratemix.down": "权重转向比率较低的行",
    "explain.bar.others": "其他",
    "explain.bar.unallocated": "未分到这些行的目标",
    "explain.bar.not_set": "（未设置）",
    "explain.bar.volume": "数量（订单）",
    "explain.bar.price": "价格（客单价）",
    "explain.bar.mix": "结构",
    "explain.bar.rate": "比率",
    "explain.bar.ratemix": "结构（权重）",
    "explain.then": "对比值",
    "explain.target_value": "目标",
    "explain.now": "本期",
    "explain.part_col": "占变化",
    "explain.rate_col": "比率效应",
    "explain.mix_col": "结构效应",
    "explain.row": "行",
    "explain.drill": "打开 {label}，按{next}拆分",
    "explain.drill_header": "下钻到某一行（保留所有筛选）",
    "explain.effects_header": "数量、价格与结构",
    "explain.rate_mix_header": "比率与结构",
    "explain.parts_header": "变化的组成",
    "explain.rule.additive": (
        "每行的部分是它自身的变化（本期减对比期）；各行相加等于总变化，最大的六行之后的其余行"
        "合计为“其他”。金额按分计算；显示的每一部分四舍五入到分，并保证相加仍等于变化（最大余数法）。"
    ),
    "explain.rule.volume_price_mix": (
        "销售额 = 订单数 × 客单价。数量效应 = (本期订单数 − 对比期订单数) × 两期客单价的平均值。"
        "价格效应 = 两期平均订单数 × Σ 各行客单价变化 × 其两期平均订单占比。结构效应 = 两期平均"
        "订单数 × Σ 各行订单占比变化 × 其两期平均客单价。数量 + 价格 + 结构 = 变化，分毫不差。"
    ),
    "explain.rule.volume_price_whole": (
        "此处一张订单可能有多行分属不同的行，各行订单数相加不等于总数："
        "数量与价格按整体计算（结构为 0）。"
    ),
    "explain.rule.rate_mix": (
        "总比率是各行比率按其分母占比加权。比率效应 = Σ (该行本期比率 − 对比期比率) × 其平均权重；"
        "结构效应 = Σ (该行本期权重 − 对比期权重) × 其平均比率。某行只在一期出现时只影响结构。"
        "比率 + 结构 = 变化，分毫不差。"
    ),
    "explain.rule.target": (
        "每行的部分是实际减目标（个人目标计入其当期所在团队）。各行目标之和不一定等于总目标："
        "差额显示为“未分到这些行的目标”。各部分相加等于差距。"
    ),
    "explain.problem.not_explainable": (
        "此指标无法精确拆分（平均值、时点值，或可能同时属于多行的去重客户数）。请选择销售额、计数或比率。"
    ),
    "explain.problem.no_dimension": "此指标在这里不能按此维度拆分。",
    "explain.problem.not_additive": (
        "按此方式拆分，各行相加不等于总数（同一订单或客户属于两行），无法精确拆分。请选择其他维度。"
    ),
    "explain.problem.no_value": "此指标在其中一期没有数值，无可解释。",
    "explain.no_drill": "此维度的行不能作为筛选条件下钻。",
}
