"""Every user-facing string, looked up by key, so a second language only adds a catalogue.

KPI and dimension labels and definitions come from the metrics catalogue through `kpi_label`,
`kpi_definition` and `dimension_label`, so they too have one place to be translated.
"""

from __future__ import annotations

from metrics.catalogue import get_kpi
from metrics.dimensions import DIMENSIONS

EN: dict[str, str] = {
    "app.title": "Huddle",
    "app.tagline": "The numbers your sales team needs, every morning.",
    "nav.performance": "Performance",
    "nav.reference": "Reference",
    "page.kpi_trends": "KPI Trends",
    "page.definitions": "KPI definitions",
    "page.standup": "Daily stand-up",
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
    "trends.split_none": "No split",
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
    "pace.caption": "Expected by now: {expected} ({elapsed} of the period)",
    "series.actual": "Actual",
    "series.target": "Target",
    "series.previous": "Previous period",
    "series.last_year": "Last year",
    "table.download": "Download CSV",
    "table.empty": "Nothing to show for these filters.",
    "col.change": "change",
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
    "yes": "Yes",
    "no": "No",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN}
_language = "en"


def t(key: str, **values: object) -> str:
    """The string for `key` in the current language, with {placeholders} filled in."""
    text = CATALOGUES[_language].get(key) or EN[key]
    return text.format(**values) if values else text


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
