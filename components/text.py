"""Every user-facing string, looked up by key, so a second language only adds a catalogue.

KPI and dimension labels and definitions come from the metrics catalogue through `kpi_label`,
`kpi_definition` and `dimension_label`, so they too have one place to be translated.
"""

from __future__ import annotations

from components import text_imports, text_incentives, text_reviews, text_targets
from metrics.catalogue import get_kpi
from metrics.dimensions import DIMENSIONS

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
        "Recency, frequency and money over the 12 months to the as-of day, each scored 1–5 "
        "by quintile. Box size: customers; colour: share of revenue."
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
    "segments.follow_up_caption": (
        "High-value customers (top 20% by revenue over 12 months) who are at risk or have not "
        "been contacted for 30 days."
    ),
    "segments.owner": "Owner",
    "segments.everyone": "Everyone",
    "segments.reason.at_risk": "At risk",
    "segments.reason.not_contacted": "Not contacted",
    "segments.customer_heading": "One customer",
    "segments.as_table": "As a table",
    "segments.lifecycle_over_time": "Month by month, last 12 months",
    "segments.customer": "Customer",
    "segments.no_candidates": "Pick a segment or owner with customers to see one in detail.",
    "segments.tab.orders": "Orders",
    "segments.tab.deals": "Deals",
    "segments.tab.activities": "Activities",
    "segments.tab.feedback": "Feedback",
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
    "standup.no_reps": "No one in this team has a target or a sale this month.",
    "standup.col.rep": "Rep",
    "standup.col.pace": "Pace",
    "standup.col.attainment": "Month target",
    "standup.col.mtd": "Month to date",
    "standup.col.day": "Day",
    "standup.col.trend": "This month",
    "standup.wins_heading": "Wins",
    "standup.win_deal": "won a deal with",
    "standup.win_order": "took a big order from",
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
    "standup.follow_ups_heading": "Follow-ups due this week",
    "standup.no_follow_ups": "No follow-ups fell due this week.",
    "standup.and_more": " and {count} more",
    "standup.more_reps": "…and {count} more people",
    "filters.header": "Filters",
    "filters.as_of": "As of",
    "filters.as_of_help": "The last day counted. Defaults to the latest day in the data.",
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
    "trends.split": "Split by",
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
    "trends.split_title": "{kpi} by {grain}, per {dimension} (dashed: target)",
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
    "tile.vs": "vs {value}",
    "pace.on_track": "On track",
    "pace.caution": "Caution",
    "pace.off_track": "Off track",
    "pace.no_target": "No target",
    "series.actual": "Actual",
    "series.target": "Target",
    "table.download": "Download CSV",
    "table.empty": "Nothing to show for these filters.",
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
    "definitions.money_rule": (
        "Money is stored in whole cents; totals are exact, and averages, per-rep figures and "
        "pro-rated targets are rounded half away from zero to the cent."
    ),
    "unit.money": "Money",
    "unit.count": "Count",
    "unit.percent": "Percent",
    "unit.days": "Days",
    "unit.score": "Score",
    "table.download_xlsx": "Download XLSX",
    "yes": "Yes",
    "no": "No",
}

# Each page's strings live in a module of their own (text_<page>.py) and join the one catalogue.
for _part in (text_imports, text_incentives, text_reviews, text_targets):
    _overlap = set(_part.EN) & set(EN)
    assert not _overlap, f"{_part.__name__} repeats catalogue keys: {sorted(_overlap)}"
    EN.update(_part.EN)

CATALOGUES: dict[str, dict[str, str]] = {"en": EN}
_language = "en"


def t(key: str, **values: object) -> str:
    """The string for `key` in the current language, with {placeholders} filled in."""
    text = CATALOGUES[_language].get(key) or EN[key]
    return text.format(**values) if values else text


def column_label(name: str) -> str:
    """A result column's heading: from the catalogue (col.<name>), else the name in words."""
    return CATALOGUES[_language].get(f"col.{name}") or name.replace("_", " ").capitalize()


def t_count(key: str, count: int, **values: object) -> str:
    """`key`.one or `key`.other, by count (English plural rules; Chinese has one form)."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def kpi_label(kpi_id: str) -> str:
    """A KPI's name as the user reads it."""
    return CATALOGUES[_language].get(f"kpi.{kpi_id}.label") or get_kpi(kpi_id).label


def kpi_definition(kpi_id: str) -> str:
    """A KPI's one-line definition."""
    return CATALOGUES[_language].get(f"kpi.{kpi_id}.definition") or get_kpi(kpi_id).definition


def dimension_label(dimension_id: str) -> str:
    """A dimension's name as the user reads it."""
    return CATALOGUES[_language].get(f"dim.{dimension_id}") or DIMENSIONS[dimension_id].label
