"""Strings of the Incentives page: leaderboards, awards, commission tiers, contests (English)."""

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
    "incentives.rule.min_previous": "Only for those above {amount} in the period before.",
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
}

ZH: dict[str, str] = {}
