"""Strings shared by every page and those of the smaller pages (stand-up, trends, team,
segments, definitions), in English (EN) and Simplified Chinese (ZH), key for key."""

from __future__ import annotations

EN: dict[str, str] = {
    "app.title": "Huddle",
    "nav.performance": "Performance",
    "nav.reference": "Reference",
    "page.kpi_trends": "KPI Trends",
    "page.definitions": "KPI definitions",
    "page.standup": "Daily stand-up",
    "page.team": "Team",
    "page.segments": "Segments",
    "nav.customers": "Customers",
    "segments.breakdown_heading": "Where the numbers come from",
    "segments.kpi": "KPI",
    "segments.by": "By",
    "segments.and_by": "And by (heatmap)",
    "segments.nothing": "Nothing",
    "segments.drill_value": "Customers in this {dimension}",
    "segments.drill_none": "Click a bar, or pick one",
    "segments.drill_help": "Their revenue and orders in the period, biggest first.",
    "segments.no_two_segments": (
        "Lifecycle stage and RFM segment cannot be crossed with each other: showing the first."
    ),
    "segments.show_as": "Show as",
    "segments.shape.bars": "Bars",
    "segments.shape.treemap": "Treemap",
    "segments.cannot": "{kpi} cannot be broken down by {dimension}.",
    "segments.col.share": "Share of total",
    "segments.col.change": "Change",
    "segments.col.from": "From",
    "segments.col.to": "To",
    "segments.col.customers": "Customers",
    "segments.col.cumulative": "Share of revenue",
    "segments.col.customer_share": "Share of customers (largest first)",
    "segments.table_caption": "Table, share and change against {start} – {end}",
    "segments.rfm_heading": "RFM segments",
    "segments.rfm_caption": (
        "Recency, frequency and money over the 12 months to the as-of day, each scored 1–5: "
        "1 + 5 × the share of customers strictly worse on that measure, rounded down. "
        "Customers with equal values always share a score (the lowest their tie reaches). "
        "Box size: customers; colour: share of revenue."
    ),
    "segments.movement": "Biggest moves since {day}",
    "segments.drill": "Customers in segment",
    "segments.no_customers": "No customer bought in this scope and period.",
    "segments.lifecycle_heading": "Lifecycle",
    "segments.lifecycle_caption": (
        "New: first order in the last 90 days. At risk: quiet for over 1.5× their usual gap. "
        "Churned: no order in a year."
    ),
    "segments.pareto_heading": "Concentration",
    "segments.pareto_sentence": "The top 20% of customers bring **{share}** of revenue.",
    "segments.pareto_risk": (
        "The steeper the curve, the more revenue rides on a few accounts: losing one hurts."
    ),
    "segments.even_line": "Every customer equal",
    "segments.follow_up_heading": "Follow-up list (回访)",
    "segments.customer_heading": "One customer",
    "segments.as_table": "As a table",
    "segments.lifecycle_over_time": "Month by month, last 12 months",
    "segments.customer": "Customer",
    "segments.no_candidates": "There are no customers in this scope.",
    "segments.customer_help": (
        "Type a name to search all {count} customers in this scope; the customers listed above "
        "come first."
    ),
    "segments.customer_search": "Find another customer",
    "segments.customer_many": (
        "More than {count:,} customers are in this scope, too many to list: the picker offers"
        " the first {listed:,} customers listed above; type in the box to find any other."
    ),
    "segments.customer_search_start": (
        "Nobody is listed above: type a name, a city, a tag or a phone number to find a customer."
    ),
    "segments.customer_help_listed": (
        "The customers listed above, in their order. Type in the search box above to find any"
        " other customer you may see."
    ),
    "segments.customer_help_found": (
        "The customers the search found. Clear the search box to pick from the customers"
        " listed above again."
    ),
    "segments.tab.orders": "Orders",
    "segments.tab.deals": "Deals",
    "segments.tab.activities": "Activities",
    "segments.tab.feedback": "Feedback",
    "segments.tab_none.orders": "No orders for this customer.",
    "segments.tab_none.deals": "No deals for this customer.",
    "segments.tab_none.activities": "No activities logged for this customer.",
    "segments.tab_none.feedback": "No feedback for this customer.",
    "segments.tab_not_imported.orders": "No orders were imported for this company.",
    "segments.tab_not_imported.deals": "No deals were imported for this company.",
    "segments.tab_not_imported.activities": "No activities were imported for this company.",
    "segments.tab_not_imported.feedback": "No feedback was imported for this company.",
    "segment.champions": "Champions",
    "segment.loyal": "Loyal",
    "segment.potential_loyalists": "Potential loyalists",
    "segment.new": "New",
    "segment.needs_attention": "Needs attention",
    "segment.at_risk": "At risk",
    "segment.cannot_lose": "Cannot lose",
    "segment.hibernating": "Hibernating",
    "segment.lost": "Lost",
    "segment.none": "(none)",
    "lifecycle.new": "New",
    "lifecycle.active": "Active",
    "lifecycle.returning": "Returning",
    "lifecycle.at_risk": "At risk",
    "lifecycle.churned": "Churned",
    "lifecycle.potential": "Potential",
    "nav.people": "People",
    "role.sales_rep": "Sales rep",
    "role.account_manager": "Account manager",
    "role.customer_service": "Customer service",
    "role.inventory": "Inventory",
    "role.group_leader": "Group leader",
    "role.deputy_leader": "Deputy leader",
    "role.data_analyst": "Data analyst",
    "role.sales_manager": "Sales manager",
    "team.org_heading": "The organisation",
    "team.no_people": "No one in this team was on staff in this period.",
    "team.no_sellers": "No one in this team sells (reps, account managers, leaders).",
    "team.size_by": "Size by",
    "team.size.headcount": "Headcount",
    "team.size.revenue": "Revenue",
    "team.picture": "Picture",
    "team.table": "Table",
    "team.picture_caption": "Team, group and person, coloured by role. Click a box to zoom in.",
    "team.left_mark": "† has left; their history still counts in the team's totals.",
    "team.col.team": "Team",
    "team.col.group": "Group",
    "team.col.person": "Person",
    "team.col.role": "Role",
    "team.col.leader": "Leader",
    "team.col.tenure": "Tenure (months)",
    "team.col.revenue": "Revenue",
    "team.col.direct_reports": "Direct reports",
    "team.col.load": "Load vs team median",
    "team.col.flag": "Flag",
    "team.col.customers": "Customers",
    "team.col.open_deals": "Open deals",
    "team.col.activities_week": "Activities a week",
    "team.months": "{months} months",
    "team.open_pipeline": "Open pipeline",
    "team.left_on": "Left on",
    "team.headcount": "Headcount",
    "team.headcount_heading": "Headcount by role",
    "team.span_heading": "Span of control",
    "team.span_none": "No one in this scope leads anyone: nobody has people reporting to them.",
    "team.moves_heading": "Joiners and leavers, last two years",
    "team.joiners": "Joined",
    "team.leavers": "Left",
    "team.joiners_leavers_axis": "People joining (+) and leaving (−)",
    "team.gaps_heading": "Gaps in the structure",
    "team.no_gaps": "Every group has a leader, every team has customer service, and no one who "
    "has left still owns customers.",
    "team.gap.no_leader": "{team} has no leader in post.",
    "team.gap.no_customer_service": "{team} has no one in customer service.",
    "team.gap.wide_span": "{person} leads {detail} people directly in {team}: more than 8.",
    "team.gap.leaver_owns_customers": (
        "{person} ({team}) has left but still owns {detail} customers: reassign them."
    ),
    "team.workload_heading": "Workload",
    "team.overloaded.one": "**1 person carries more than 1.5× the team median:** {names}",
    "team.overloaded.other": "**{count} people carry more than 1.5× the team median:** {names}",
    "team.has_room.one": "**1 person has room (under half the median):** {names}",
    "team.has_room.other": "**{count} people have room (under half the median):** {names}",
    "team.overloaded.none": "**Nobody carries more than 1.5× the team median.**",
    "team.has_room.none": "**Nobody has room:** no one is under half the team median.",
    "team.no_revenue": "{person} has no revenue from {start} to {end}, and no revenue target.",
    "team.load_help": (
        "Customers owned, open deals, activities a week and revenue, each divided by the "
        "median of the same team, then averaged. 1.0 is a typical load."
    ),
    "team.flag.overloaded": "Overloaded",
    "team.flag.has_room": "Has room",
    "team.person_heading": "One person",
    "team.pick_person": "Person",
    "nav.today": "Today",
    "standup.title": "Stand-up · {team} · {weekday} {day}",
    "standup.all_teams": "Whole company",
    "standup.settings": "Stand-up screen",
    "standup.present": "Presentation mode",
    "standup.present_help": "Hide the menu and sidebar and use large type, for a shared screen.",
    "standup.hide_amounts": "Hide people's amounts",
    "standup.hide_amounts_help": "Show ranks, attainment and pace only: no one's money on screen.",
    "standup.refresh": "Refresh every (minutes)",
    "standup.rotate": "Rotate through teams every (seconds, 0 = off)",
    "standup.exit": "Exit presentation mode",
    "standup.shown_day": ("{as_of} had no sales, so the screen shows the last working day, {day}."),
    "standup.no_sales_yet": "No sales in the 31 days up to {as_of} for this team.",
    "standup.day_heading": "{weekday}'s results",
    "standup.vs_week_ago": "vs last {day}",
    "standup.month_heading": "{month} so far",
    "standup.month_to_date": "Revenue this month",
    "standup.month_help": "Revenue from the 1st to the day shown, against the month's target.",
    "standup.no_target": "No revenue target is set for this month and team.",
    "standup.of_target": "{attainment} of the {target} target",
    "standup.behind": (
        "**{gap} behind** the {expected} expected by now: about **{days} days** of selling."
    ),
    "standup.ahead": "**{gap} ahead** of the {expected} expected by now.",
    "standup.needed": "To make the month: {amount} a day for the {days} days left.",
    "standup.team_heading": "Team, best pace first",
    "standup.team_heading_mixed": (
        "Team, best pace first, then those without a target by month to date"
    ),
    "standup.team_heading_no_targets": "Team, highest month to date first",
    "standup.no_reps": "No one in this team has a target or a sale this month.",
    "standup.col.rep": "Rep",
    "standup.col.pace": "Pace",
    "standup.col.attainment": "Attainment",
    "standup.col.target": "Month target",
    "standup.col.mtd": "Month to date",
    "standup.col.day": "Day",
    "standup.col.trend": "This month",
    "standup.board_note": (
        "Attainment: month to date ÷ the whole month's target. Pace: month to date against "
        "the target to date (on track at or above it, caution less than 10% below, off track "
        "10% or more below). Amounts in whole units, rounded half away from zero."
    ),
    "standup.wins_heading": "Wins",
    "standup.win_deal": "**{rep}** won a deal with {customer}",
    "standup.win_order": "**{rep}** took a big order from {customer}",
    "standup.leader": "Leading the month on pace: **{rep}**, {attained} of the month's target",
    "standup.no_wins": "No deals won or big orders since the last working day.",
    "standup.problems_heading": "To fix",
    "standup.new_complaints.one": "1 new complaint since the last working day",
    "standup.new_complaints.other": "{count} new complaints since the last working day",
    "standup.overdue_complaints.one": "1 complaint open more than 3 days ({days} days)",
    "standup.overdue_complaints.other": (
        "{count} complaints open more than 3 days (the oldest {days} days)"
    ),
    "standup.at_risk.one": "1 regular customer overdue for an order: {names}",
    "standup.at_risk.other": "{count} regular customers overdue for an order: {names}",
    "standup.behind_two_weeks.one": "1 person behind pace two weeks running: {names}",
    "standup.behind_two_weeks.other": "{count} people behind pace two weeks running: {names}",
    "standup.no_problems": "Nothing to raise today.",
    "standup.and_more": " and {count} more",
    "standup.more_reps": "…and {count} more people",
    "filters.header": "Filters",
    "filters.as_of": "As of",
    "filters.as_of_help": (
        "The last day counted. Defaults to the latest day in the data; days before 1900-01-01 "
        "or more than a year after today are not counted as the data's days."
    ),
    "filters.period": "Period",
    "filters.custom_range": "Dates",
    "filters.team": "Team",
    "filters.all_teams": "All teams",
    "filters.channel": "Channel",
    "filters.all_channels": "All channels",
    "filters.hide_leavers": "Hide people who have left",
    "filters.hide_leavers_help": (
        "People who have left keep their history in team totals unless you hide them here."
    ),
    "filters.range_incomplete": "Pick both a first and a last day for the range.",
    "filters.showing": "{start} – {end}",
    "period.mtd": "Month to date",
    "period.qtd": "Quarter to date",
    "period.ytd": "Year to date",
    "period.last_30": "30 days",
    "period.last_90": "90 days",
    "period.last_12m": "12 months",
    "period.custom": "Custom",
    "channel.retail": "Retail stores",
    "channel.wholesale": "Wholesale",
    "channel.private_domain": "Private domain",
    "channel.showroom": "Showroom",
    "channel.other": "Other",
    "grain.day": "Day",
    "grain.week": "Week",
    "grain.month": "Month",
    "grain.quarter": "Quarter",
    "grain.year": "Year",
    "compare.previous": "Previous period",
    "compare.last_year": "Last year",
    "compare.label": "Compare with",
    "compare.target": "Target",
    "compare.caption": "Compared with {start} – {end}: the same days, like for like.",
    "compare.target_caption": (
        "Compared with the target for the same days: where each KPI should be by now."
    ),
    "trends.kpis": "KPIs",
    "trends.kpis_help": "Pick up to six. Each card shows the period, its change and its target.",
    "trends.grain": "Show by",
    "trends.grain_help": (
        "Follows the period until you pick one: by day up to 45 days, by week up to 190 days, "
        "by month up to about three years, by quarter beyond. A grain you pick stays."
    ),
    "trends.split": "Split by",
    "trends.split_own_scale": "Own scale per panel",
    "trends.split_own_scale_help": (
        "Off: every panel shares one scale, so their sizes compare. On: each panel is scaled "
        "to its own values, to read its shape."
    ),
    "trends.split_shared_note": (
        "All panels share one scale, so their heights compare. Solid: {kpi}; dashed: target"
        "{comparison}."
    ),
    "trends.split_own_note": (
        "Each panel has its own scale: compare shapes, not heights (the breakdown table below "
        "compares sizes). Solid: {kpi}; dashed: target{comparison}."
    ),
    "trends.split_comparison": "; dotted grey: {comparison}",
    "trends.running_total": "Running total",
    "trends.running_total_help": (
        "Add up each KPI bucket by bucket; the dashed line becomes the pace to target."
    ),
    "trends.running_note": (
        "Running total of {kpi}: the dashed line is where it should be by each {grain} to "
        "make its target."
    ),
    "trends.not_additive": "{kpi} does not add up over time, so it is shown per {grain}.",
    "trends.pick_kpi": "Pick at least one KPI to see its trend.",
    "trends.definitions": "Definitions",
    "trends.chart_title": "{kpi} by {grain}",
    "trends.split_title": "{kpi} by {grain}, per {dimension}",
    "trends.breakdown": "Breakdown by {dimension}",
    "trends.partial_note": (
        "The last {grain} runs to {as_of} only: it is shown as is, not against a whole {grain}."
    ),
    "trends.no_targets": "No target is set for {kpi} at this level.",
    "trends.too_many_series": (
        "Showing the {shown} largest of {total} by {kpi}; narrow the team filter to see the rest."
    ),
    "trends.cannot_split": "{kpi} has no {dimension} to split by, so it is left out here.",
    "tile.target": "Target {target} · {attainment} attained",
    "tile.no_target": "No target set",
    "tile.no_value": "Nothing to measure in this period for this scope.",
    "tile.not_imported.orders": "No orders imported.",
    "tile.not_imported.deals": "No deals imported.",
    "tile.not_imported.activities": "No activities imported.",
    "tile.not_imported.feedback": "No feedback imported.",
    "tile.pipeline_unvalued.one": (
        "Leaves out 1 open deal with neither an amount nor a list price (see the Data page's"
        " likely duplicates for a product spelled two ways)."
    ),
    "tile.pipeline_unvalued.other": (
        "Leaves out {count} open deals with neither an amount nor a list price (see the Data"
        " page's likely duplicates for a product spelled two ways)."
    ),
    "tile.vs": "vs {value}",
    "pace.on_track": "On track",
    "pace.caution": "Caution",
    "pace.off_track": "Off track",
    "pace.no_target": "No target",
    "pace.rule.level": (
        "A level target: the rate is judged against its target level every day, not against a"
        " share that grows through the period. On track at or above {target}; off track at or"
        " below {edge} (10% or more below it); caution in between. Attainment: value ÷ target."
    ),
    "series.actual": "Actual",
    "series.target": "Target",
    "table.download": "Download CSV",
    "table.empty": "Nothing to show for these filters.",
    "table.first_rows": (
        "The first {shown:,} of {count:,} rows are shown, in this order (sorting a column sorts"
        " those); the download holds all {count:,}."
    ),
    "col.change": "change",
    "col.revenue_12m": "Revenue, last 12 months",
    "col.recency_days": "Days since last order",
    "col.monetary": "Revenue, 12 months",
    "col.frequency": "Orders, 12 months",
    "col.r": "R",
    "col.f": "F",
    "col.m": "M",
    "col.open_complaints": "Open complaints",
    "col.order_id": "Order",
    "col.deal_id": "Deal",
    "col.next_follow_up": "Next follow-up",
    "col.csat": "CSAT",
    "col.nps": "NPS",
    "col.target": "Target",
    "col.attainment": "Attained",
    "empty.no_data": (
        "There is no data in this database yet. Build the demo company with "
        "`python cli.py demo`, or point Huddle at your own file with HUDDLE_DB."
    ),
    "empty.no_rows_in_period": (
        "No sales, deals, activities or feedback fall between {start} and {end} for these "
        "filters. Widen the period or pick another team."
    ),
    "error.database": "The database could not be opened: {message}",
    "definitions.intro": (
        "Every number in Huddle comes from one of these definitions. The same definition feeds "
        "the dashboard and `python cli.py kpi`, so they always agree."
    ),
    "definitions.kpi": "KPI",
    "definitions.id": "Short name (exports, command line)",
    "definitions.unit": "Unit",
    "definitions.better": "Better when",
    "definitions.definition": "Definition",
    "definitions.has_target": "Can have a target",
    "definitions.higher": "Higher",
    "definitions.lower": "Lower",
    "definitions.level_target": (
        "Yes, a level: a period's target is the day-weighted average of the targets covering"
        " its days (days without one left out), and pace judges the value against that level"
        " every day (on track at or above it, off track 10% or more below, caution between)"
    ),
    "definitions.money_rule": (
        "Money is stored in whole cents: an imported amount with finer decimals (16.448) is"
        " rounded half away from zero to the cent line by line as it is imported, and totals"
        " add up those cents exactly; averages, per-rep figures and pro-rated targets are"
        " rounded half away from zero to the cent."
    ),
    "unit.money": "Money",
    "unit.count": "Count",
    "unit.percent": "Percent",
    "unit.days": "Days",
    "unit.score": "Score",
    "table.download_xlsx": "Download XLSX",
    "table.sheet": "Data",
    "yes": "Yes",
    "no": "No",
    "people.placeholder_note": (
        "Sales credited to {names} (the file names no salesperson) count in the totals but "
        "are not ranked, targeted, reviewed or counted as people."
    ),
}

ZH: dict[str, str] = {
    "app.title": "Huddle",
    "nav.performance": "业绩",
    "nav.reference": "参考",
    "page.kpi_trends": "KPI 趋势",
    "page.definitions": "指标定义",
    "page.standup": "每日晨会",
    "page.team": "团队",
    "page.segments": "客户分群",
    "nav.customers": "客户",
    "segments.breakdown_heading": "指标构成",
    "segments.kpi": "KPI",
    "segments.by": "拆分维度",
    "segments.and_by": "第二维度（热力图）",
    "segments.nothing": "无",
    "segments.drill_value": "该{dimension}的客户",
    "segments.drill_none": "点击柱形，或在此选择",
    "segments.drill_help": "这些客户在本周期的销售额和订单数，从高到低排列。",
    "segments.no_two_segments": "生命周期阶段和 RFM 分群不能交叉分析，仅显示第一个维度。",
    "segments.show_as": "显示为",
    "segments.shape.bars": "条形图",
    "segments.shape.treemap": "矩形树图",
    "segments.cannot": "{kpi}无法按{dimension}拆分。",
    "segments.col.share": "占比",
    "segments.col.change": "变化",
    "segments.col.from": "原分群",
    "segments.col.to": "新分群",
    "segments.col.customers": "客户数",
    "segments.col.cumulative": "累计销售额占比",
    "segments.col.customer_share": "累计客户占比（大客户在前）",
    "segments.table_caption": "明细表：占比及与{start}至{end}相比的变化",
    "segments.rfm_heading": "RFM 分群",
    "segments.rfm_caption": (
        "按统计日前12个月的最近购买（R）、购买频次（F）和消费金额（M）评分，"
        "每项1–5分：1 + 5 ×（该项严格差于此客户的客户占比），向下取整。"
        "数值相同的客户得分一定相同（取并列中最低的一档）。方块大小表示客户数，颜色表示销售额占比。"
    ),
    "segments.movement": "自{day}以来的主要分群变动",
    "segments.drill": "查看分群客户",
    "segments.no_customers": "该范围在本周期内没有客户下单。",
    "segments.lifecycle_heading": "生命周期",
    "segments.lifecycle_caption": (
        "新客户：近90天内首次下单。有流失风险：超过平时下单间隔的1.5倍仍未下单。"
        "已流失：一年内无订单。"
    ),
    "segments.pareto_heading": "客户集中度",
    "segments.pareto_sentence": "前20%的客户贡献了销售额的**{share}**。",
    "segments.pareto_risk": "曲线越陡，销售额越集中在少数客户身上，流失一个影响就越大。",
    "segments.even_line": "客户贡献均等",
    "segments.follow_up_heading": "回访清单",
    "segments.customer_heading": "客户详情",
    "segments.as_table": "查看表格",
    "segments.lifecycle_over_time": "近12个月逐月变化",
    "segments.customer": "客户",
    "segments.no_candidates": "该范围内没有客户。",
    "segments.customer_help": "输入名称可搜索本范围内全部{count}位客户；上方列出的客户排在前面。",
    "segments.customer_search": "查找其他客户",
    "segments.customer_many": (
        "本范围内客户超过 {count:,} 位，无法全部列出：选择框提供上方列出的前 {listed:,} 位客户；"
        "在搜索框中输入可查找其他客户。"
    ),
    "segments.customer_search_start": (
        "上方没有列出客户：输入名称、城市、标签或电话号码以查找客户。"
    ),
    "segments.customer_help_listed": (
        "上方列出的客户，按其顺序排列。在上方搜索框中输入可查找您有权查看的其他客户。"
    ),
    "segments.customer_help_found": "搜索找到的客户。清空搜索框即可重新从上方列出的客户中选择。",
    "segments.tab.orders": "订单",
    "segments.tab.deals": "商机",
    "segments.tab.activities": "跟进记录",
    "segments.tab.feedback": "反馈",
    "segments.tab_none.orders": "该客户没有订单。",
    "segments.tab_none.deals": "该客户没有商机。",
    "segments.tab_none.activities": "该客户没有跟进记录。",
    "segments.tab_none.feedback": "该客户没有反馈。",
    "segments.tab_not_imported.orders": "本公司尚未导入任何订单。",
    "segments.tab_not_imported.deals": "本公司尚未导入任何商机。",
    "segments.tab_not_imported.activities": "本公司尚未导入任何跟进记录。",
    "segments.tab_not_imported.feedback": "本公司尚未导入任何反馈。",
    "segment.champions": "核心客户",
    "segment.loyal": "忠诚客户",
    "segment.potential_loyalists": "潜力客户",
    "segment.new": "新客户",
    "segment.needs_attention": "需关注客户",
    "segment.at_risk": "有流失风险",
    "segment.cannot_lose": "重要挽留客户",
    "segment.hibernating": "沉睡客户",
    "segment.lost": "流失客户",
    "segment.none": "（无）",
    "lifecycle.new": "新客户",
    "lifecycle.active": "活跃客户",
    "lifecycle.returning": "老客户",
    "lifecycle.at_risk": "有流失风险",
    "lifecycle.churned": "已流失",
    "lifecycle.potential": "潜在客户",
    "nav.people": "人员",
    "role.sales_rep": "销售",
    "role.account_manager": "客户经理",
    "role.customer_service": "客服",
    "role.inventory": "仓管",
    "role.group_leader": "组长",
    "role.deputy_leader": "副组长",
    "role.data_analyst": "数据分析师",
    "role.sales_manager": "销售经理",
    "team.org_heading": "组织架构",
    "team.no_people": "本周期内该团队没有在职人员。",
    "team.no_sellers": "该团队没有销售岗位人员（销售、客户经理、主管）。",
    "team.size_by": "方块大小按",
    "team.size.headcount": "人数",
    "team.size.revenue": "销售额",
    "team.picture": "架构图",
    "team.table": "表格",
    "team.picture_caption": "按团队、小组、成员逐级展开，颜色表示角色。点击方块可放大查看。",
    "team.left_mark": "† 表示已离职，其历史数据仍计入团队合计。",
    "team.col.team": "团队",
    "team.col.group": "小组",
    "team.col.person": "成员",
    "team.col.role": "角色",
    "team.col.leader": "上级",
    "team.col.tenure": "司龄（月）",
    "team.col.revenue": "销售额",
    "team.col.direct_reports": "直属下级",
    "team.col.load": "负荷（相对团队中位数）",
    "team.col.flag": "提示",
    "team.col.customers": "客户数",
    "team.col.open_deals": "在途商机数",
    "team.col.activities_week": "每周跟进次数",
    "team.months": "{months}个月",
    "team.open_pipeline": "在途商机金额",
    "team.left_on": "离职日期",
    "team.headcount": "人数",
    "team.headcount_heading": "各角色人数",
    "team.span_heading": "管理幅度",
    "team.span_none": "本范围内没有人带人：没有人有直接下属。",
    "team.moves_heading": "近两年入职与离职",
    "team.joiners": "入职",
    "team.leavers": "离职",
    "team.joiners_leavers_axis": "入职人数（+）与离职人数（−）",
    "team.gaps_heading": "架构缺口",
    "team.no_gaps": "每个小组都有主管，每个团队都有客服，已离职人员名下也没有遗留客户。",
    "team.gap.no_leader": "{team}目前没有在岗主管。",
    "team.gap.no_customer_service": "{team}没有客服人员。",
    "team.gap.wide_span": "{person}（{team}）直接管理{detail}人，超过8人。",
    "team.gap.leaver_owns_customers": (
        "{person}（{team}）已离职，但名下仍有{detail}个客户，请重新分配。"
    ),
    "team.workload_heading": "工作负荷",
    "team.overloaded.one": "**1人负荷超过团队中位数的1.5倍**：{names}",
    "team.overloaded.other": "**{count}人负荷超过团队中位数的1.5倍**：{names}",
    "team.has_room.one": "**1人尚有余力（不到中位数的一半）**：{names}",
    "team.has_room.other": "**{count}人尚有余力（不到中位数的一半）**：{names}",
    "team.overloaded.none": "**没有人负荷超过团队中位数的1.5倍。**",
    "team.has_room.none": "**没有人尚有余力**：没有人低于团队中位数的一半。",
    "team.no_revenue": "{person}在{start}至{end}期间没有销售额，也没有销售额目标。",
    "team.load_help": (
        "名下客户数、在途商机数、每周跟进次数和销售额，分别除以本团队的中位数后取平均。"
        "1.0 为正常负荷。"
    ),
    "team.flag.overloaded": "负荷过重",
    "team.flag.has_room": "尚有余力",
    "team.person_heading": "成员详情",
    "team.pick_person": "成员",
    "nav.today": "今日",
    "standup.title": "晨会 · {team} · {day}（{weekday}）",
    "standup.all_teams": "全公司",
    "standup.settings": "晨会大屏",
    "standup.present": "演示模式",
    "standup.present_help": "隐藏菜单和侧边栏并放大字号，适合投屏。",
    "standup.hide_amounts": "隐藏个人金额",
    "standup.hide_amounts_help": "只显示排名、达成率和进度，屏幕上不出现任何人的金额。",
    "standup.refresh": "刷新间隔（分钟）",
    "standup.rotate": "团队轮播间隔（秒，0 为不轮播）",
    "standup.exit": "退出演示模式",
    "standup.shown_day": "{as_of}没有销售，因此显示上一个工作日{day}的数据。",
    "standup.no_sales_yet": "截至{as_of}的31天内，该团队没有销售。",
    "standup.day_heading": "{weekday}业绩",
    "standup.vs_week_ago": "对比上{day}",
    "standup.month_heading": "{month}至今",
    "standup.month_to_date": "本月销售额",
    "standup.month_help": "从本月1日到所显示日期的销售额，对比本月目标。",
    "standup.no_target": "本月该团队未设置销售额目标。",
    "standup.of_target": "目标{target}，已达成{attainment}",
    "standup.behind": "**落后{gap}**：按进度目前应达{expected}，差距约合**{days}天**的销售额。",
    "standup.ahead": "**领先{gap}**：按进度目前应达{expected}。",
    "standup.needed": "要完成本月目标：剩余{days}天，每天需完成{amount}。",
    "standup.team_heading": "团队进度排名",
    "standup.team_heading_mixed": "团队进度排名（未设目标者按本月至今业绩排在其后）",
    "standup.team_heading_no_targets": "团队本月至今业绩排名",
    "standup.no_reps": "本月该团队没有人设定目标或产生销售。",
    "standup.col.rep": "销售",
    "standup.col.pace": "进度",
    "standup.col.attainment": "月目标达成率",
    "standup.col.target": "月目标",
    "standup.col.mtd": "本月至今",
    "standup.col.day": "当日",
    "standup.col.trend": "本月走势",
    "standup.board_note": (
        "达成率＝本月至今÷整月目标。进度＝本月至今对比截至当日的目标（达到或超过为进度正常，"
        "低于不到10%为需关注，低于10%及以上为落后）。金额显示到个位（四舍五入）。"
    ),
    "standup.wins_heading": "喜报",
    "standup.win_deal": "**{rep}** 赢下{customer}的商机",
    "standup.win_order": "**{rep}** 拿下{customer}的大单",
    "standup.leader": "本月进度领先：**{rep}**，已完成月目标的{attained}",
    "standup.no_wins": "上个工作日以来暂无赢单或大单。",
    "standup.problems_heading": "待解决",
    "standup.new_complaints.one": "上个工作日以来新增1条投诉",
    "standup.new_complaints.other": "上个工作日以来新增{count}条投诉",
    "standup.overdue_complaints.one": "1条投诉超过3天未解决（已{days}天）",
    "standup.overdue_complaints.other": "{count}条投诉超过3天未解决（最久{days}天）",
    "standup.at_risk.one": "1位常购客户超期未下单：{names}",
    "standup.at_risk.other": "{count}位常购客户超期未下单：{names}",
    "standup.behind_two_weeks.one": "1人连续两周进度落后：{names}",
    "standup.behind_two_weeks.other": "{count}人连续两周进度落后：{names}",
    "standup.no_problems": "今日无待解决事项。",
    "standup.and_more": "，另有{count}位",
    "standup.more_reps": "……另有{count}人",
    "filters.header": "筛选",
    "filters.as_of": "统计截至",
    "filters.as_of_help": (
        "计入统计的最后一天，默认为数据中的最新日期；早于 1900-01-01 或晚于今天一年以上的日期"
        "不算作数据的日期。"
    ),
    "filters.period": "周期",
    "filters.custom_range": "日期",
    "filters.team": "团队",
    "filters.all_teams": "全部团队",
    "filters.channel": "渠道",
    "filters.all_channels": "全部渠道",
    "filters.hide_leavers": "隐藏已离职人员",
    "filters.hide_leavers_help": "已离职人员的历史数据仍计入团队合计，除非在此隐藏。",
    "filters.range_incomplete": "请同时选择开始日期和结束日期。",
    "filters.showing": "{start}至{end}",
    "period.mtd": "本月至今",
    "period.qtd": "本季至今",
    "period.ytd": "本年至今",
    "period.last_30": "近30天",
    "period.last_90": "近90天",
    "period.last_12m": "近12个月",
    "period.custom": "自定义",
    "channel.retail": "门店零售",
    "channel.wholesale": "批发",
    "channel.private_domain": "私域",
    "channel.showroom": "展厅",
    "channel.other": "其他",
    "grain.day": "日",
    "grain.week": "周",
    "grain.month": "月",
    "grain.quarter": "季度",
    "grain.year": "年",
    "compare.previous": "上期",
    "compare.last_year": "去年同期",
    "compare.label": "对比",
    "compare.target": "目标",
    "compare.caption": "对比{start}至{end}：天数相同，同口径比较。",
    "compare.target_caption": "对比同期目标：即各 KPI 到目前应达到的水平。",
    "trends.kpis": "KPI",
    "trends.kpis_help": "最多选6个。每张卡片显示本期数值、变化和目标。",
    "trends.grain": "时间粒度",
    "trends.grain_help": (
        "未手动选择时随周期变化：45天以内按天，190天以内按周，约三年以内按月，更长按季度。"
        "手动选择后保持不变。"
    ),
    "trends.split": "拆分",
    "trends.split_own_scale": "各图独立刻度",
    "trends.split_own_scale_help": (
        "关闭：所有小图共用同一刻度，可比较大小。开启：每个小图按自身数值缩放，便于看走势。"
    ),
    "trends.split_shared_note": (
        "所有小图共用同一刻度，高低可直接比较。实线：{kpi}；虚线：目标{comparison}。"
    ),
    "trends.split_own_note": (
        "每个小图刻度各不相同：只比较走势，不比较高低（大小请看下方明细表）。"
        "实线：{kpi}；虚线：目标{comparison}。"
    ),
    "trends.split_comparison": "；灰色点线：{comparison}",
    "trends.running_total": "累计",
    "trends.running_total_help": "逐期累加各 KPI，虚线随之变为完成目标所需的进度线。",
    "trends.running_note": "{kpi}累计值：虚线表示要完成目标，每{grain}末应达到的水平。",
    "trends.not_additive": "{kpi}不能随时间累加，因此按{grain}分别显示。",
    "trends.pick_kpi": "请至少选择一个 KPI 查看趋势。",
    "trends.definitions": "指标定义",
    "trends.chart_title": "{kpi}（按{grain}）",
    "trends.split_title": "{kpi}（按{grain}，按{dimension}拆分）",
    "trends.breakdown": "按{dimension}明细",
    "trends.partial_note": (
        "最近一{grain}只统计到{as_of}：按现有数据显示，不与完整一{grain}比较。"
    ),
    "trends.no_targets": "该层级未设置{kpi}目标。",
    "trends.too_many_series": (
        "按{kpi}显示前{shown}个（共{total}个）；缩小团队筛选范围可查看其余。"
    ),
    "trends.cannot_split": "{kpi}无法按{dimension}拆分，此处略去。",
    "tile.target": "目标{target} · 已达成{attainment}",
    "tile.no_target": "未设目标",
    "tile.no_value": "该范围在本周期内没有可统计的数据。",
    "tile.not_imported.orders": "尚未导入订单。",
    "tile.not_imported.deals": "尚未导入商机。",
    "tile.not_imported.activities": "尚未导入跟进记录。",
    "tile.not_imported.feedback": "尚未导入反馈。",
    "tile.pipeline_unvalued.one": (
        "未计入 1 个既无金额也无标准价格的未关闭商机"
        "（同一产品有两种写法的，见数据页的“疑似重复”）。"
    ),
    "tile.pipeline_unvalued.other": (
        "未计入 {count} 个既无金额也无标准价格的未关闭商机"
        "（同一产品有两种写法的，见数据页的“疑似重复”）。"
    ),
    "tile.vs": "对比{value}",
    "pace.on_track": "进度正常",
    "pace.caution": "需关注",
    "pace.off_track": "落后",
    "pace.no_target": "无目标",
    "pace.rule.level": (
        "水平目标：该比率每天都对照目标水平评估，而不是对照随周期推进逐步增长的份额。"
        "达到或高于{target}为进度正常；等于或低于{edge}（低于目标 10% 及以上）为落后；"
        "介于两者之间为需关注。达成率：实际值 ÷ 目标。"
    ),
    "series.actual": "实际",
    "series.target": "目标",
    "table.download": "下载 CSV",
    "table.empty": "当前筛选条件下没有数据。",
    "table.first_rows": (
        "共 {count:,} 行，按此顺序显示前 {shown:,} 行（点击列标题只对这些行排序）；"
        "下载文件包含全部 {count:,} 行。"
    ),
    "col.change": "变化",
    "col.revenue_12m": "近12个月销售额",
    "col.recency_days": "距上次下单天数",
    "col.monetary": "销售额（12个月）",
    "col.frequency": "订单数（12个月）",
    "col.r": "R 分",
    "col.f": "F 分",
    "col.m": "M 分",
    "col.open_complaints": "未解决投诉",
    "col.order_id": "订单号",
    "col.deal_id": "商机编号",
    "col.next_follow_up": "下次回访",
    "col.csat": "满意度",
    "col.nps": "NPS",
    "col.target": "目标",
    "col.attainment": "达成率",
    "empty.no_data": (
        "数据库中还没有数据。可运行 `python cli.py demo` 生成演示公司，"
        "或通过 HUDDLE_DB 指定你自己的数据文件。"
    ),
    "empty.no_rows_in_period": (
        "在当前筛选条件下，{start}至{end}期间没有销售、商机、跟进或反馈记录。"
        "请扩大周期或换一个团队。"
    ),
    "error.database": "无法打开数据库：{message}",
    "definitions.intro": (
        "Huddle 中的每个数字都来自以下某条定义。看板和 `python cli.py kpi` "
        "使用同一套定义，因此结果始终一致。"
    ),
    "definitions.kpi": "KPI",
    "definitions.id": "简称（导出、命令行）",
    "definitions.unit": "单位",
    "definitions.better": "指标方向",
    "definitions.definition": "定义",
    "definitions.has_target": "可设目标",
    "definitions.higher": "越高越好",
    "definitions.lower": "越低越好",
    "definitions.level_target": (
        "可以，为水平目标：一个周期的目标是覆盖其各天的目标按天数加权的平均值"
        "（没有目标的日子不计入）；进度每天对照该水平评估"
        "（达到或高于为进度正常，低于 10% 及以上为落后，介于两者之间为需关注）"
    ),
    "definitions.money_rule": (
        "金额以“分”为单位按整数存储：导入时小数位更多的金额（如 16.448）逐行四舍五入到分"
        "（.5 远离零进位），合计是这些分的精确相加；平均值、人均数和按天折算的目标"
        "四舍五入到分（.5 远离零进位）。"
    ),
    "unit.money": "金额",
    "unit.count": "数量",
    "unit.percent": "百分比",
    "unit.days": "天数",
    "unit.score": "分数",
    "table.download_xlsx": "下载 XLSX",
    "table.sheet": "数据",
    "yes": "是",
    "no": "否",
    "people.placeholder_note": (
        "记在 {names} 名下的销售（文件里没有销售人员）计入总数，"
        "但不参与排名、不分配目标、不做考评，也不算作人员。"
    ),
}
