"""Strings of the Incentives page (English and Simplified Chinese): leaderboards, awards,
commission tiers, contests."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.incentives": "Incentives",
    "incentives.plan_broken": (
        "The incentive plan cannot be used, so commission and awards are not shown. "
        "Fix the file and reload: {message}"
    ),
    "incentives.plan_caption": "Plan in force on {day}: **{plan}** ({mode}; paid per {period}).",
    "incentives.no_plan": (
        "No incentive plan was in force on {day}: the first one starts on {first}."
    ),
    "incentives.mode.whole": "the rate reached pays on the whole amount",
    "incentives.mode.marginal": "each tier's rate pays on the part inside it",
    "incentives.period.month": "month",
    "incentives.period.quarter": "quarter",
    "incentives.settings": "Incentives",
    "incentives.hide_amounts": "Hide people's amounts",
    "incentives.hide_amounts_help": (
        "For a shared screen: ranks, attainment and pace only, no one's money."
    ),
    "incentives.amounts_hidden": "Amounts are hidden: ranks, attainment and pace only.",
    # Leaderboard
    "incentives.board_heading": "Leaderboard",
    "incentives.board_kpi": "Rank by",
    "incentives.kpi.revenue": "Revenue",
    "incentives.kpi.revenue_attainment": "Attainment",
    "incentives.kpi.growth": "Growth",
    "incentives.kpi.csat": "CSAT",
    "incentives.kpi.new_customers": "New customers",
    "incentives.kpi.won_deals": "Won deals",
    "incentives.kpi.activities": "Activities",
    "incentives.board_caption": (
        "{start} – {end}. Change of rank against {prev_start} – {prev_end}. Commission: earned "
        "in each {period} so far, on the whole {period}'s target. Click a heading to sort."
    ),
    "incentives.board_empty": "Nobody in this scope has a result or a target in this period.",
    "incentives.board_caption_no_plan": (
        "{start} – {end}. Change of rank against {prev_start} – {prev_end}. No commission: "
        "the company has no incentive plan yet. Click a heading to sort."
    ),
    "incentives.own_plan_missing": (
        "This company has no incentive plan yet, so the page shows the leaderboard only: no "
        "commission, awards or contests. (The plan shipped with Huddle belongs to the demo "
        "company and is not used for your data.) To add yours, copy the commented example "
        "`{example}`, write your tiers, awards and contests in it, and set `{setting}` to the "
        "copy's path, e.g. `{setting}=/path/to/our_plan.toml streamlit run app.py`."
    ),
    "incentives.col.rank": "#",
    "incentives.col.medal": " ",
    "incentives.col.rep": "Rep",
    "incentives.col.team": "Team",
    "incentives.col.group": "Group",
    "incentives.col.target": "Target",
    "incentives.col.attainment": "Attainment",
    "incentives.col.pace": "Pace",
    "incentives.col.change": "Change",
    "incentives.col.commission": "Commission",
    "incentives.col.growth": "Growth",
    "incentives.left_marker": "{rep} (left)",
    "incentives.namesake": "{rep} ({place})",
    "incentives.namesake_id": "{rep} (#{id})",
    "incentives.board_no_targets": "{kpi} has no targets, so there is no attainment or pace.",
    "incentives.change.up": "▲ {steps}",
    "incentives.change.down": "▼ {steps}",
    "incentives.change.same": "–",
    "incentives.change.new": "new",
    # Awards
    "incentives.awards_heading": "Awards",
    "incentives.awards_caption": "For {start} – {end}, under {plan}.",
    "incentives.no_awards": "The plan in force has no awards.",
    "incentives.winner": "**{name}** · {value}",
    "incentives.winner_hidden": "**{name}**",
    "incentives.runner_up": "Runner-up: {name} · {value}",
    "incentives.runner_up_hidden": "Runner-up: {name}",
    "incentives.no_winner": "No one qualifies yet.",
    "incentives.prize": "Prize: {prize}",
    "incentives.prize_with_note": "Prize: {prize} {note}",
    "incentives.prize_note_only": "Prize: {note}",
    "incentives.sentence_gap": " ",
    "incentives.rule.highest.most": "The most {kpi} in the period.",
    "incentives.rule.highest.highest": "The highest {kpi} in the period.",
    "incentives.rule.most_improved": "The largest growth in {kpi} against the period before.",
    "incentives.rule.group_share_at_target": (
        "The group with the largest share of its members at or above their {kpi} target."
    ),
    "incentives.rule.min_previous": ("Only for those with at least {amount} in the period before."),
    "incentives.rule.requires": "At least {count} {kpi} needed.",
    "incentives.rule.tenure": "Open to people hired less than {months} months before it ends.",
    "incentives.rule.roles": "Open to: {roles}.",
    "incentives.rule.on_team": "People who have left cannot win.",
    # Groups and teams
    "incentives.groups_heading": "Group against group",
    "incentives.groups_caption": (
        "Attainment of the whole period's {kpi} target; on each bar, how many of its people "
        "with a target are at or above their target to date."
    ),
    "incentives.groups_level": "Compare",
    "incentives.level.group": "Groups",
    "incentives.level.team": "Teams",
    "incentives.at_target_label": "{at} of {members} on pace",
    "incentives.groups_caption_plain": "{kpi} per {level}; it has no targets, so ranked by it.",
    "incentives.level_one.group": "group",
    "incentives.level_one.team": "team",
    "incentives.target_line": "Target",
    "incentives.col.name": "Name",
    "incentives.col.value": "Value",
    "incentives.col.members": "People with a target",
    "incentives.col.at_target": "On pace",
    # Contests
    "incentives.contests_heading": "Contests",
    "incentives.no_contests": "The plan file has no contests.",
    "incentives.contest_dates": "{kpi} · {between} · {start} – {end}",
    "incentives.between.people": "between people",
    "incentives.between.groups": "between groups",
    "incentives.between.teams": "between teams",
    "incentives.status.upcoming": "Starts in {days} days",
    "incentives.status.running": "{days} days left",
    "incentives.status.finished": "Finished",
    "incentives.contest_goal": "Goal: {goal}",
    "incentives.contest_empty": "No results yet.",
    "incentives.contest_row": "{rank}. {name} · {value}",
    "incentives.contest_row_hidden": "{rank}. {name}",
    # One rep
    "incentives.rep_heading": "One rep's ladder",
    "incentives.rep_pick": "Rep",
    "incentives.rep_none": "Nobody in this scope is on the commission plan in this period.",
    "incentives.rep_hidden": "Hidden while amounts are hidden.",
    "incentives.rep_period": "{period_start} – {period_end}, counted to {through}; plan: {plan}.",
    "incentives.rep_not_eligible": "{rep} is not on the commission plan ({role}).",
    "incentives.rep_no_target": "{rep} has no target for this period, so no commission is due.",
    "incentives.metric.sales": "So far",
    "incentives.metric.target": "Target",
    "incentives.metric.attainment": "Attainment",
    "incentives.metric.rate": "Rate now",
    "incentives.metric.commission": "Commission",
    "incentives.capped": "The cap of {cap} is reached: more sales add no commission this {period}.",
    "incentives.returns": "Returns of {amount} clawed back {commission} of commission.",
    "incentives.next_step": (
        "**{amount} more** in sales lifts {rep}'s rate from {from_rate} to {to_rate}: "
        "about **{extra} more commission**."
    ),
    "incentives.next_threshold": (
        "**{amount} more** in sales reaches the {at} threshold, where commission starts at "
        "{to_rate}: about **{extra}**."
    ),
    "incentives.top_tier": "{rep} is on the top tier ({rate}): every sale pays {rate}.",
    "incentives.chart_amount": "Sales in the period",
    "incentives.chart_commission": "Commission",
    "incentives.chart_you": "Now",
    "incentives.chart_threshold": "Threshold {at}",
    "incentives.percent": "{value}%",
    "incentives.ladder_col.tier": "Tier",
    "incentives.ladder_col.from": "From",
    "incentives.ladder_col.to": "To",
    "incentives.ladder_col.rate": "Rate",
    "incentives.ladder_tier": "{start} – {end} of target",
    "incentives.ladder_top": "{start} and above",
    "incentives.ladder_threshold": (
        "Below {at} of target ({amount}) nothing is paid; from there the tiers pay as listed."
    ),
    "incentives.clawback.return_period": (
        "Returns: a returned line's commission is taken back in the {period} it came back "
        "(its return date), so a return booked later never changes a past {period}; a return "
        "with no return date counts on its order date."
    ),
    "incentives.clawback.order_period": (
        "Returns: a returned line's commission is taken back in the {period} it was sold, so "
        "a return booked later lowers that {period}'s commission."
    ),
    "incentives.clawback.none": "Returns: returned lines count as sold; nothing is taken back.",
    "incentives.undated_returns": (
        "{count} returned lines have no return date: counted in the {period} of their order."
    ),
    "incentives.board_default": (
        "Ranked by attainment (each person's sales against their own target) unless you "
        "choose otherwise: channels differ in size, so raw revenue would not compare fairly."
    ),
    "incentives.board_default_none": (
        "Nobody in this scope has a target, so the board ranks by revenue."
    ),
    "incentives.board_pick": "Select a row to open that person's ladder below.",
    "incentives.board_cut": (
        "The top {shown:,} of {count:,} people are shown: pick a team in the filters to rank"
        " all of its people, or pick anyone in the ladder below."
    ),
    "incentives.provisional": (
        "Provisional: the period runs to {end}; these are the standings so far (counted to "
        "{through})."
    ),
    "incentives.so_far": "{name} (so far)",
    "incentives.tie_shared": "Tied for first: shared.",
    "incentives.tie_shared_prize": "Tied for first: shared, {share} each.",
    "incentives.tie_attainment": "Tied for first: won on higher revenue attainment.",
    "incentives.passed_over": "Passed over (already won an award above): {names}.",
    "incentives.rule.tie.shared": (
        "A tie for first is shared: all tied win, and a money prize is split equally, rounded "
        "down to the cent."
    ),
    "incentives.rule.tie.attainment": (
        "A tie for first goes to the higher revenue attainment; if still tied, it is shared "
        "and a money prize split equally, rounded down to the cent."
    ),
    "incentives.rule.one_award": (
        "One award per person: someone who has won an award listed before this one is passed "
        "over, and the next in line wins."
    ),
    "incentives.rule.many_awards": "One person may win this and other awards too.",
    "incentives.groups_ranked": (
        "Ranked by {measure}, best first; equal values share a rank and are listed by name."
    ),
    "incentives.measure.attainment": "attainment of the whole period's target",
    "incentives.ladder_nothing": "Nothing paid",
    "incentives.ladder_below": "Below the {at} threshold",
    "incentives.ladder_threshold_marginal": (
        "Below {at} of target ({amount}) nothing is paid. Once {at} is reached each part pays "
        "its tier's rate, the part below {at} included (at {rate})."
    ),
    "incentives.rep_not_on_ladder": (
        "{rep} is not on the commission plan in this period, so there is no ladder to show."
    ),
}

ZH: dict[str, str] = {
    "page.incentives": "激励",
    "incentives.plan_broken": (
        "激励方案无法使用，因此不显示提成和奖项。请修正文件后重新加载：{message}"
    ),
    "incentives.plan_caption": "{day}生效的方案：**{plan}**（{mode}；按{period}发放）。",
    "incentives.no_plan": "{day}没有生效的激励方案：最早的方案自{first}起生效。",
    "incentives.mode.whole": "全部金额按所达档位的比例计提",
    "incentives.mode.marginal": "各档位内的金额按该档比例分段计提",
    "incentives.period.month": "月",
    "incentives.period.quarter": "季度",
    "incentives.settings": "激励",
    "incentives.hide_amounts": "隐藏个人金额",
    "incentives.hide_amounts_help": "用于投屏共享：只显示排名、达成率和进度，不显示任何人的金额。",
    "incentives.amounts_hidden": "金额已隐藏：只显示排名、达成率和进度。",
    # Leaderboard
    "incentives.board_heading": "排行榜",
    "incentives.board_kpi": "排名依据",
    "incentives.kpi.revenue": "销售额",
    "incentives.kpi.revenue_attainment": "达成率",
    "incentives.kpi.growth": "增长率",
    "incentives.kpi.csat": "客户满意度",
    "incentives.kpi.new_customers": "新客户数",
    "incentives.kpi.won_deals": "赢单数",
    "incentives.kpi.activities": "跟进次数",
    "incentives.board_caption": (
        "{start}至{end}。名次变化与{prev_start}至{prev_end}相比。提成：各{period}截至目前已得的"
        "提成，按整{period}目标计算。点击表头可排序。"
    ),
    "incentives.board_empty": "该范围内本周期没有人有业绩或目标。",
    "incentives.board_caption_no_plan": (
        "{start}至{end}。名次变化与{prev_start}至{prev_end}相比。无提成：公司尚未设置激励方案。"
        "点击表头可排序。"
    ),
    "incentives.own_plan_missing": (
        "本公司尚未设置激励方案，因此本页只显示排行榜，不显示提成、奖项和竞赛。"
        "（Huddle 自带的方案属于演示公司，不用于您的数据。）如需设置，请复制带注释的示例文件"
        "`{example}`，在其中写好提成档位、奖项和竞赛，然后把 `{setting}` 设为该副本的路径，"
        "例如 `{setting}=/path/to/our_plan.toml streamlit run app.py`。"
    ),
    "incentives.col.rank": "排名",
    "incentives.col.medal": " ",
    "incentives.col.rep": "销售",
    "incentives.col.team": "团队",
    "incentives.col.group": "小组",
    "incentives.col.target": "目标",
    "incentives.col.attainment": "达成率",
    "incentives.col.pace": "进度",
    "incentives.col.change": "名次变化",
    "incentives.col.commission": "提成",
    "incentives.col.growth": "增长率",
    "incentives.left_marker": "{rep}（已离职）",
    "incentives.namesake": "{rep}（{place}）",
    "incentives.namesake_id": "{rep}（编号{id}）",
    "incentives.board_no_targets": "{kpi}没有目标，因此不显示达成率和进度。",
    "incentives.change.up": "▲ {steps}",
    "incentives.change.down": "▼ {steps}",
    "incentives.change.same": "–",
    "incentives.change.new": "新上榜",
    # Awards
    "incentives.awards_heading": "奖项",
    "incentives.awards_caption": "统计周期：{start}至{end}；方案：{plan}。",
    "incentives.no_awards": "当前方案未设置奖项。",
    "incentives.winner": "**{name}** · {value}",
    "incentives.winner_hidden": "**{name}**",
    "incentives.runner_up": "第二名：{name} · {value}",
    "incentives.runner_up_hidden": "第二名：{name}",
    "incentives.no_winner": "暂无人符合条件。",
    "incentives.prize": "奖励：{prize}",
    "incentives.prize_with_note": "奖励：{prize}，{note}",
    "incentives.prize_note_only": "奖励：{note}",
    # Chinese sentences end in 。 and need no gap; "" would fall back to the English " ", so
    # the gap is a zero-width space.
    "incentives.sentence_gap": "\u200b",
    "incentives.rule.highest.most": "本周期{kpi}排名第一。",
    "incentives.rule.highest.highest": "本周期{kpi}排名第一。",
    "incentives.rule.most_improved": "{kpi}较上一周期增长最多。",
    "incentives.rule.group_share_at_target": "{kpi}达到或超过目标的成员占比最高的小组。",
    "incentives.rule.min_previous": "仅限上一周期业绩不低于{amount}（含{amount}）的人员。",
    "incentives.rule.requires": "{kpi}需至少达到{count}。",
    "incentives.rule.tenure": "仅限截至周期结束时入职未满{months}个月的人员。",
    "incentives.rule.roles": "适用岗位：{roles}。",
    "incentives.rule.on_team": "已离职人员不参与评奖。",
    # Groups and teams
    "incentives.groups_heading": "小组 PK",
    "incentives.groups_caption": (
        "柱长为整个周期{kpi}目标的达成率；柱上标注有目标的人员中，截至目前进度达标"
        "（达到或超过目标）的人数。"
    ),
    "incentives.groups_level": "对比维度",
    "incentives.level.group": "小组",
    "incentives.level.team": "团队",
    "incentives.at_target_label": "{members}人中{at}人达标",
    "incentives.groups_caption_plain": "各{level}的{kpi}；该指标没有目标，按数值排名。",
    "incentives.level_one.group": "小组",
    "incentives.level_one.team": "团队",
    "incentives.target_line": "目标",
    "incentives.col.name": "名称",
    "incentives.col.value": "数值",
    "incentives.col.members": "有目标人数",
    "incentives.col.at_target": "进度达标人数",
    # Contests
    "incentives.contests_heading": "竞赛",
    "incentives.no_contests": "方案文件中没有竞赛。",
    "incentives.contest_dates": "{kpi} · {between} · {start}至{end}",
    "incentives.between.people": "个人赛",
    "incentives.between.groups": "小组赛",
    "incentives.between.teams": "团队赛",
    "incentives.status.upcoming": "{days}天后开始",
    "incentives.status.running": "剩余{days}天",
    "incentives.status.finished": "已结束",
    "incentives.contest_goal": "目标：{goal}",
    "incentives.contest_empty": "暂无成绩。",
    "incentives.contest_row": "第{rank}名 {name} · {value}",
    "incentives.contest_row_hidden": "第{rank}名 {name}",
    # One rep
    "incentives.rep_heading": "个人提成阶梯",
    "incentives.rep_pick": "销售",
    "incentives.rep_none": "该范围内本周期没有人适用提成方案。",
    "incentives.rep_hidden": "金额已隐藏，此处不显示。",
    "incentives.rep_period": "{period_start}至{period_end}，统计至{through}；方案：{plan}。",
    "incentives.rep_not_eligible": "{rep}（{role}）不在提成方案范围内。",
    "incentives.rep_no_target": "{rep}本周期没有目标，因此不计提成。",
    "incentives.metric.sales": "已完成销售额",
    "incentives.metric.target": "目标",
    "incentives.metric.attainment": "达成率",
    "incentives.metric.rate": "当前提成比例",
    "incentives.metric.commission": "提成",
    "incentives.capped": "已达提成上限{cap}：本{period}继续销售不再增加提成。",
    "incentives.returns": "退货{amount}，扣回提成{commission}。",
    "incentives.next_step": (
        "销售额**再增加{amount}**，{rep}的提成比例就能从{from_rate}升至{to_rate}，"
        "约**多得{extra}提成**。"
    ),
    "incentives.next_threshold": (
        "销售额**再增加{amount}**即可达到{at}的起提线，提成比例从{to_rate}起算，"
        "可得提成**约{extra}**。"
    ),
    "incentives.top_tier": "{rep}已在最高档位（{rate}）：每笔销售都按{rate}计提。",
    "incentives.chart_amount": "本周期销售额",
    "incentives.chart_commission": "提成",
    "incentives.chart_you": "当前",
    "incentives.chart_threshold": "起提线{at}",
    "incentives.percent": "{value}%",
    "incentives.ladder_col.tier": "档位",
    "incentives.ladder_col.from": "起始金额",
    "incentives.ladder_col.to": "截止金额",
    "incentives.ladder_col.rate": "提成比例",
    "incentives.ladder_tier": "达成率{start} – {end}",
    "incentives.ladder_top": "达成率{start}及以上",
    "incentives.ladder_threshold": "达成率低于{at}（{amount}）不计提成；达到后按表中各档位计提。",
    "incentives.clawback.return_period": (
        "退货：退货行的提成在其退回的{period}（退货日期）扣回，因此之后登记的退货不会改变"
        "已结束{period}的提成；没有退货日期的按下单日期计。"
    ),
    "incentives.clawback.order_period": (
        "退货：退货行的提成在其售出的{period}扣回，因此之后登记的退货会降低该{period}的提成。"
    ),
    "incentives.clawback.none": "退货：退货行按已售计算，不扣回提成。",
    "incentives.undated_returns": "有{count}笔退货行没有退货日期：按下单所在{period}计。",
    "incentives.board_default": (
        "默认按达成率排名（各人销售额对比本人目标）：各渠道规模差异很大，直接比较销售额并不公平。"
    ),
    "incentives.board_default_none": "该范围内没有人有目标，因此按销售额排名。",
    "incentives.board_pick": "选中一行即可在下方查看此人的提成阶梯。",
    "incentives.board_cut": (
        "显示 {count:,} 人中排名前 {shown:,} 的人：在筛选中选择团队可查看该团队全部成员的排名，"
        "或在下方提成阶梯中选择任何人。"
    ),
    "incentives.provisional": ("暂定结果：本周期至{end}结束；以下为截至{through}的当前排名。"),
    "incentives.so_far": "{name}（暂列）",
    "incentives.tie_shared": "并列第一：共享该奖项。",
    "incentives.tie_shared_prize": "并列第一：共享该奖项，每人{share}。",
    "incentives.tie_attainment": "并列第一：按销售达成率较高者获奖。",
    "incentives.passed_over": "已获其他奖项而跳过：{names}。",
    "incentives.rule.tie.shared": "并列第一时共享奖项：并列者均获奖，奖金平分，向下取整到分。",
    "incentives.rule.tie.attainment": (
        "并列第一时由销售达成率较高者获奖；仍并列则共享奖项，奖金平分，向下取整到分。"
    ),
    "incentives.rule.one_award": "每人限得一项奖：已获得排在前面奖项的人员将被跳过，由下一名获奖。",
    "incentives.rule.many_awards": "同一人可同时获得本奖项和其他奖项。",
    "incentives.groups_ranked": "按{measure}排名，从高到低；数值相同者名次并列，并按名称排列。",
    "incentives.measure.attainment": "整个周期目标的达成率",
    "incentives.ladder_nothing": "不计提成",
    "incentives.ladder_below": "低于起提线{at}",
    "incentives.ladder_threshold_marginal": (
        "达成率低于{at}（{amount}）不计提成；达到{at}后各段按所在档位比例计提，"
        "低于{at}的部分也按{rate}计提。"
    ),
    "incentives.rep_not_on_ladder": "{rep}本周期不在提成方案范围内，没有提成阶梯可显示。",
}
