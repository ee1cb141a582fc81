"""Strings of the Targets page: what-if target setting, allocation, scenarios, in English
(EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "targets.file.col.period_start": "period_start",
    "targets.file.col.period_end": "period_end",
    "targets.file.col.metric": "metric",
    "targets.file.col.scope": "scope",
    "targets.file.col.scope_id": "scope_id",
    "targets.file.col.name": "name",
    "targets.file.col.target": "target",
    "page.targets": "Targets",
    "col.rep": "Person",
    "col.group": "Group",
    "col.people": "People",
    "col.current_target": "Official now",
    "col.target_same_days": "New, same days as official",
    "col.projection": "Projection",
    "targets.intro": (
        "Set next period's targets in minutes: choose a total, split it between people, see "
        "what it implies, then save, compare and publish. Scope: the team filter in the sidebar."
    ),
    "targets.loading": "Reading each person's history…",
    "targets.no_people": (
        "Nobody in this scope can carry a target in this period: no one in a selling role "
        "works here then. Choose another team in the sidebar."
    ),
    "targets.kpi": "KPI",
    "targets.period": "Period",
    "targets.period.next_month": "Next month",
    "targets.period.next_quarter": "Next quarter",
    "targets.period.custom": "Other months",
    "targets.first_month": "From",
    "targets.months": "Months",
    "targets.total_heading": "Total",
    "targets.total_mode": "Set the total as",
    "targets.mode.last_year": "Growth on the same period last year",
    "targets.mode.last_period": "Growth on the last period",
    "targets.mode.absolute": "An amount",
    "targets.no_baseline": (
        "There is no complete history for this baseline yet: type the total instead."
    ),
    "targets.absolute": "Total {unit}",
    "targets.growth": "Growth",
    "targets.baseline": "On {value}, the result of {start} – {end}",
    "targets.total": "Total target",
    "targets.total_help": "The sum of everyone's targets in the split below.",
    "targets.method": "Split by",
    "targets.method.history": "Recent results",
    "targets.method.equal": "Equally",
    "targets.method.capacity": "Capacity",
    "targets.method.last_year": "Last year's share",
    "targets.method_help": (
        "Recent results: each person's daily rate over the last months. Equally: the same for "
        "everyone. Capacity: full for anyone past six months, less for new hires as they ramp "
        "up. Last year's share: what each did in the same months last year. Everyone is "
        "pro-rated by the days they work in the period."
    ),
    "targets.history_months": "Over",
    "targets.months_n": "{count} months",
    "targets.split_heading": "Split",
    "targets.col.tenure": "Tenure (months)",
    "targets.col.by_hand": "Set by hand",
    "targets.col.by_hand_help": (
        "Type a target to keep it; the others rebalance so the total holds. Untick to let "
        "the split set it again."
    ),
    "targets.col.target": "Target",
    "targets.col.target_help": "Type to set by hand; the others rebalance.",
    "targets.col.floor": "Floor",
    "targets.col.cap": "Cap",
    "targets.col.current": "Official now",
    "targets.col.current_help": (
        "The official target over the days of the period that already have one (see "
        "Official covers)."
    ),
    "targets.col.official_days": "Official covers",
    "targets.official_days_value": "{days} of {total} days",
    "targets.col.vs_official": "New vs official",
    "targets.col.vs_official_help": (
        "The new target over the same days as the official one (the new target spread evenly "
        "over the period's days) against the official target, so a quarter is compared with "
        "the official months it has, never with one month."
    ),
    "targets.col.projection": "Projection",
    "targets.col.pipeline": "Open pipeline",
    "targets.col.pipeline_help": (
        "Deals open now, at their full amount: support for the projection, not added to it."
    ),
    "targets.col.reach": "Chance of reaching",
    "targets.col.stretch": "Of best period",
    "targets.col.stretch_help": (
        "The target as a share of the person's best run of the same number of months in the "
        "last two years: over 100% asks for more than they have ever done."
    ),
    "targets.col.scenario": "Scenario",
    "targets.reset_edits": "Clear hand edits",
    "targets.problem.edits_exceed_total": (
        "The targets set by hand add up to {amount} more than the total: the others get "
        "nothing, and the split is over the total. Lower an edit or raise the total."
    ),
    "targets.problem.floors_exceed_total": (
        "The floors need {amount} more than the total leaves: everyone gets their floor, and "
        "the split is over the total. Lower a floor or raise the total."
    ),
    "targets.problem.caps_below_total": (
        "The caps leave {amount} of the total unassigned: everyone is at their cap. Raise a "
        "cap or lower the total."
    ),
    "targets.implies_heading": "What it implies",
    "targets.projection": "Projected result",
    "targets.projection_help": (
        "Each person's daily rate over the last three complete months, times the days they "
        "work in the period, times the season (this period last year against the months "
        "before it: {season}). The open pipeline is not added."
    ),
    "targets.range": "Likely between {low} and {high}",
    "targets.against_target": "{share} of target",
    "targets.reaching": "Expected at target",
    "targets.reaching_value": "≈{expected} of {people}",
    "targets.reaching_help": (
        "The sum of each person's chance of reaching their target (in the table): a normal "
        "spread around their projection, as wide as their month-to-month swings."
    ),
    "targets.reaching_rule": "Each person's chance of reaching their target, added up.",
    "targets.stretched": "Asked for a new best",
    "targets.stretched_value": "{count} of {people}",
    "targets.commission": "Commission cost",
    "targets.commission_help": (
        "Commission under the incentive plan in force ({plan}) if everyone lands on their "
        "projection, paid per plan period on an even share of their projection and target."
    ),
    "targets.commission_share": "{share} of the projected result",
    "targets.commission_vs_unedited": "{delta} against the split without hand edits",
    "targets.commission_unedited": (
        "Without the hand edits, floors and caps the split would cost {cost}; the difference "
        "is to the cent."
    ),
    "targets.commission_same": (
        "The same as the split without hand edits ({cost}): the edits move no one's commission."
    ),
    "targets.commission_plan_broken": (
        "Commission is not projected: the incentive plan has a mistake (see Incentives)."
    ),
    "targets.commission_no_plan": "No incentive plan is in force for {period}: see Incentives.",
    "targets.commission_not_paid_on": "The incentive plan pays no commission on {kpi}.",
    "targets.no_attainment": "No one has a target above zero yet: nothing to project against.",
    "targets.hist_title": "Projected attainment per person",
    "targets.hist_x": "Projected result / target",
    "targets.hist_y": "People",
    "targets.hist_hover": "%{x:.0%}: %{y} people<extra></extra>",
    "targets.at_target": "Target",
    "targets.left_out": "No target for those who have left: {names}.",
    "targets.prorated": "Pro-rated for the days they work in the period: {names}.",
    "targets.method_note": (
        "History up to {history_end} (the last complete month). Season index {season}. Shares "
        "are worked out exactly and rounded down to the cent; the cents left go one each to the "
        "largest remainders (equal remainders: the lower person number first), so the split "
        "adds up to the total exactly."
    ),
    "targets.scenario_name": "Save this split as",
    "targets.default_name": "Plan for {period}",
    "targets.quarter": "Q{quarter} {year}",
    "targets.months_range": "{first} – {last}",
    "targets.save": "Save scenario",
    "targets.saved": "Saved scenario '{name}': {count} targets.",
    "targets.compare_heading": "Compare scenarios",
    "targets.no_scenarios": (
        "No saved scenario for {kpi} in this period yet: save the split above to compare it."
    ),
    "targets.compare_pick": "Scenarios",
    "targets.on_screen": "On screen",
    "targets.publish_heading": "Publish",
    "targets.publish_first": "Save a scenario first; then publish it as the official targets.",
    "targets.publish_pick": "Scenario to publish",
    "targets.publish_replaces": (
        "{count} people already have official targets overlapping {start} – {end}. "
        "Publishing replaces them; the old ones are kept as a scenario."
    ),
    "targets.publish_confirm": "Replace them",
    "targets.official_now": "Official now for {start} – {end}: scenario '{name}'.",
    "targets.official_none": ("No saved scenario is the official targets of {start} – {end} now."),
    "targets.already_official": (
        "'{name}' is the official targets now: publishing it again would change nothing."
    ),
    "targets.publish_note": (
        "Publishing sets each person's target, and each team and group in scope to the sum of "
        "its people. Teams above the scope keep theirs. KPI Trends, Incentives and the "
        "stand-up use the official targets."
    ),
    "targets.publish": "Publish '{name}'",
    "targets.published": "Published '{name}': {count} official targets.",
    "targets.kept_as": "{count} earlier targets kept as scenario '{name}'.",
    "targets.replaced_name": "Replaced {when}",
    "targets.delete": "Delete '{name}'",
    "targets.deleted": "Deleted scenario '{name}'.",
    "targets.files_heading": "Files",
    "targets.company": "Company",
    "targets.file_layout": (
        "A file in the same layout can be loaded back as a scenario: columns {columns}; "
        "money in currency, not cents; stock turnover as the rate itself (6 or 6.5)."
    ),
    "targets.upload": "Load targets from a file",
    "targets.imported_name": "From {file}",
    "targets.upload_failed": "{file} was not loaded.",
    "targets.uploaded": "Loaded {count} targets as scenario '{name}'.",
    "targets.level.heading": "{kpi} targets by store team",
    "targets.level.intro": (
        "{kpi} is a rate, so its target is a level, not an amount split between people: a "
        "store team's target holds on every day of the period (6.0 for November is 6.0 for any "
        "part of November). A longer span's target is the day-weighted average of the targets "
        "covering it (days without one left out). Pace judges the rate against its level every "
        "day: on track at or above it, off track 10% or more below, caution in between. Type "
        "the rate itself (6 or 6.5); it is kept to the hundredth."
    ),
    "targets.level.col.team": "Store / team",
    "targets.level.col.official": "Official now",
    "targets.level.col.target": "New target",
    "targets.level.none_in_scope": "No store team is in your scope.",
    "targets.level.nothing_set": "Type a target for at least one store team first.",
    "targets.level.scenario_name": "Save these targets as",
    "targets.publish_replaces_teams": (
        "{count} store teams already have official targets overlapping {start} – {end}. "
        "Publishing replaces them; the old ones are kept as a scenario."
    ),
}

ZH: dict[str, str] = {
    "targets.file.col.period_start": "开始日期",
    "targets.file.col.period_end": "结束日期",
    "targets.file.col.metric": "指标",
    "targets.file.col.scope": "范围",
    "targets.file.col.scope_id": "范围编号",
    "targets.file.col.name": "名称",
    "targets.file.col.target": "目标",
    "page.targets": "目标",
    "col.rep": "成员",
    "col.group": "小组",
    "col.people": "人数",
    "col.current_target": "现行目标",
    "col.target_same_days": "新目标（与现行目标同期）",
    "col.projection": "预测",
    "targets.intro": (
        "几分钟定好下个周期的目标：设定总目标，分配到人，看清影响，然后保存、对比、发布。"
        "适用范围：侧边栏所选的团队。"
    ),
    "targets.loading": "正在读取每个人的历史数据…",
    "targets.no_people": (
        "该范围内没有人能承担这个周期的目标：届时没有在岗的销售人员。请在侧边栏选择其他团队。"
    ),
    "targets.kpi": "KPI",
    "targets.period": "周期",
    "targets.period.next_month": "下月",
    "targets.period.next_quarter": "下季度",
    "targets.period.custom": "其他月份",
    "targets.first_month": "起始月",
    "targets.months": "月数",
    "targets.total_heading": "设定总目标",
    "targets.total_mode": "总目标设定方式",
    "targets.mode.last_year": "在去年同期基础上增长",
    "targets.mode.last_period": "在上一周期基础上增长",
    "targets.mode.absolute": "直接填写数值",
    "targets.no_baseline": "该基数还没有完整的历史数据：请直接填写总目标。",
    "targets.absolute": "总目标（{unit}）",
    "targets.growth": "增长率",
    "targets.baseline": "基数：{value}（{start} – {end}的实际结果）",
    "targets.total": "总目标",
    "targets.total_help": "下方分配中所有人的目标之和。",
    "targets.method": "分配方式",
    "targets.method.history": "近期业绩",
    "targets.method.equal": "平均分配",
    "targets.method.capacity": "人员产能",
    "targets.method.last_year": "去年占比",
    "targets.method_help": (
        "近期业绩：按每人近几个月的日均业绩。平均分配：人人相同。人员产能：入职满六个月的"
        "按满额，新人在爬坡期内相应减少。去年占比：按每人去年同期几个月的业绩。"
        "所有人都按本周期的在岗天数折算。"
    ),
    "targets.history_months": "参考时长",
    "targets.months_n": "{count}个月",
    "targets.split_heading": "目标分配",
    "targets.col.tenure": "司龄（月）",
    "targets.col.by_hand": "手动设定",
    "targets.col.by_hand_help": (
        "输入目标即锁定，其他人自动重新分配，总目标保持不变。取消勾选则恢复自动分配。"
    ),
    "targets.col.target": "目标",
    "targets.col.target_help": "输入即为手动设定，其他人自动重新分配。",
    "targets.col.floor": "下限",
    "targets.col.cap": "上限",
    "targets.col.current": "现行目标",
    "targets.col.current_help": "本周期中已有正式目标的那些天的正式目标（见“现行目标覆盖”）。",
    "targets.col.official_days": "现行目标覆盖",
    "targets.official_days_value": "{total}天中的{days}天",
    "targets.col.vs_official": "新目标较现行",
    "targets.col.vs_official_help": (
        "新目标在与现行目标相同天数内的部分（新目标按本周期天数平均分摊）与现行目标相比："
        "季度目标只与已有的正式月份相比，不会拿一个季度去比一个月。"
    ),
    "targets.col.projection": "预测",
    "targets.col.pipeline": "在途商机",
    "targets.col.pipeline_help": "当前未关闭的商机，按全额计：作为预测的参考，不计入预测。",
    "targets.col.reach": "达成概率",
    "targets.col.stretch": "占历史最佳",
    "targets.col.stretch_help": (
        "目标占该成员近两年同样月数最佳业绩的比例：超过100%意味着要求超出其历史最好水平。"
    ),
    "targets.col.scenario": "方案",
    "targets.reset_edits": "清除手动设定",
    "targets.problem.edits_exceed_total": (
        "手动设定的目标合计超出总目标{amount}：其他人分不到目标，分配结果超出总目标。"
        "请调低某项手动设定或提高总目标。"
    ),
    "targets.problem.floors_exceed_total": (
        "下限合计比总目标多出{amount}：每人都按下限分配，分配结果超出总目标。"
        "请调低某个下限或提高总目标。"
    ),
    "targets.problem.caps_below_total": (
        "受上限限制，总目标中有{amount}无法分配：每人都已到上限。请提高某个上限或调低总目标。"
    ),
    "targets.implies_heading": "影响分析",
    "targets.projection": "预测结果",
    "targets.projection_help": (
        "每人近三个完整月的日均业绩 × 本周期在岗天数 × 季节系数（去年同期相对其前几个月："
        "{season}）。在途商机不计入。"
    ),
    "targets.range": "预计在{low}至{high}之间",
    "targets.against_target": "占目标{share}",
    "targets.reaching": "预计达标人数",
    "targets.reaching_value": "≈{expected}/{people}人",  # short: a tile at 1366 px cuts longer
    "targets.reaching_help": (
        "每人达成目标的概率之和（见表格）：以其预测为中心的正态分布，"
        "分布宽度取其逐月业绩的波动幅度。"
    ),
    "targets.reaching_rule": "每人达成目标的概率相加。",
    "targets.stretched": "需创个人新高",
    "targets.stretched_value": "{count}/{people}人",
    "targets.commission": "提成成本",
    "targets.commission_help": (
        "假设每人恰好完成预测，按现行激励方案（{plan}）计算的提成；按方案的结算周期，"
        "将预测和目标平均分摊到各期后计算。"
    ),
    "targets.commission_share": "占预测结果的{share}",
    "targets.commission_vs_unedited": "较未手动调整的分配{delta}",
    "targets.commission_unedited": (
        "若不做手动设定、下限和上限，该分配的提成为{cost}；差额精确到分。"
    ),
    "targets.commission_same": "与未手动调整的分配相同（{cost}）：手动调整没有改变任何人的提成。",
    "targets.commission_plan_broken": "无法预测提成：激励方案有误（见“激励”页面）。",
    "targets.commission_no_plan": "{period}没有生效的激励方案：见“激励”页面。",
    "targets.commission_not_paid_on": "激励方案不按{kpi}计提成。",
    "targets.no_attainment": "还没有人的目标大于零：无法预测达成率。",
    "targets.hist_title": "每人预测达成率分布",
    "targets.hist_x": "预测结果 / 目标",
    "targets.hist_y": "人数",
    "targets.hist_hover": "%{x:.0%}：%{y}人<extra></extra>",
    "targets.at_target": "目标",
    "targets.left_out": "已离职人员不设目标：{names}。",
    "targets.prorated": "以下人员按本周期在岗天数折算：{names}。",
    "targets.method_note": (
        "历史数据截至{history_end}（最近一个完整月）。季节系数{season}。每人的份额先精确计算，"
        "再向下取整到分，余下的零头按余数从大到小逐分补齐（余数相同时，成员编号小的优先），"
        "确保分配合计正好等于总目标。"
    ),
    "targets.scenario_name": "将此分配保存为",
    "targets.default_name": "{period}计划",
    "targets.quarter": "{year}年第{quarter}季度",
    "targets.months_range": "{first}至{last}",
    "targets.save": "保存方案",
    "targets.saved": "已保存方案“{name}”：共{count}个目标。",
    "targets.compare_heading": "对比方案",
    "targets.no_scenarios": "本周期还没有已保存的{kpi}方案：先保存上面的分配，再进行对比。",
    "targets.compare_pick": "方案",
    "targets.on_screen": "当前分配",
    "targets.publish_heading": "发布",
    "targets.publish_first": "请先保存方案，再将其发布为正式目标。",
    "targets.publish_pick": "要发布的方案",
    "targets.publish_replaces": (
        "已有{count}人在{start} – {end}期间有重叠的正式目标。发布后将替换这些目标，"
        "原目标会另存为一个方案。"
    ),
    "targets.publish_confirm": "确认替换",
    "targets.official_now": "{start} – {end}的正式目标现为方案“{name}”。",
    "targets.official_none": "目前没有已保存的方案是{start} – {end}的正式目标。",
    "targets.already_official": "“{name}”已是现行的正式目标：再次发布不会有任何改变。",
    "targets.publish_note": (
        "发布会设定每人的正式目标，范围内各团队和小组的目标设为其成员目标之和。"
        "范围以上的团队保持原有目标。KPI 趋势、激励和晨会都以正式目标为准。"
    ),
    "targets.publish": "发布“{name}”",
    "targets.published": "已发布“{name}”：共{count}个正式目标。",
    "targets.kept_as": "原有的{count}个目标已另存为方案“{name}”。",
    "targets.replaced_name": "替换前（{when}）",
    "targets.delete": "删除“{name}”",
    "targets.deleted": "已删除方案“{name}”。",
    "targets.files_heading": "文件",
    "targets.company": "全公司",
    "targets.file_layout": (
        "相同格式的文件可以重新导入为方案：列为{columns}；金额以货币单位填写，不要换算成分；"
        "库存周转率直接填写比率本身（如 6 或 6.5）。"
    ),
    "targets.upload": "从文件导入目标",
    "targets.imported_name": "来自{file}",
    "targets.upload_failed": "{file}未能导入。",
    "targets.uploaded": "已导入{count}个目标，保存为方案“{name}”。",
    "targets.level.heading": "各门店/团队的{kpi}目标",
    "targets.level.intro": (
        "{kpi}是一个比率，因此它的目标是一个水平值，而不是分配到人的金额：门店/团队的目标在周期内"
        "每一天都成立（11 月的目标 6.0 对 11 月的任何一段时间都是 6.0）。更长时间段的目标是覆盖"
        "各天的目标按天数加权的平均值（没有目标的日子不计入）。进度每天对照目标水平评估：达到或"
        "高于为进度正常，低于 10% 及以上为落后，介于两者之间为需关注。直接填写比率本身（如 6 或"
        " 6.5），保留到百分位。"
    ),
    "targets.level.col.team": "门店/团队",
    "targets.level.col.official": "当前正式目标",
    "targets.level.col.target": "新目标",
    "targets.level.none_in_scope": "你的范围内没有门店/团队。",
    "targets.level.nothing_set": "请先为至少一个门店/团队填写目标。",
    "targets.level.scenario_name": "将这些目标保存为",
    "targets.publish_replaces_teams": (
        "已有{count}个门店/团队在{start} – {end}期间有重叠的正式目标。发布后将替换这些目标，"
        "原目标会另存为一个方案。"
    ),
}
