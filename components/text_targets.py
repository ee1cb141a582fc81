"""Strings of the Targets page: what-if target setting, allocation, scenarios (English)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.targets": "Targets",
    "col.rep": "Person",
    "col.group": "Group",
    "col.people": "People",
    "col.current_target": "Official now",
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
    "targets.projected_reaching": "Projected at or above target: {count}",
    "targets.stretched": "Asked for a new best",
    "targets.stretched_value": "{count} of {people}",
    "targets.commission": "Commission cost",
    "targets.commission_help": (
        "Commission under the incentive plan in force ({plan}) if everyone lands on their "
        "projection, paid per plan period on an even share of their projection and target."
    ),
    "targets.commission_share": "{share} of the projected result",
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
        "are rounded down to the cent, and the cents left go to the largest remainders, so the "
        "split adds up to the total exactly."
    ),
    "targets.scenario_name": "Save this split as",
    "targets.default_name": "Plan for {period}",
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
        "money in currency, not cents."
    ),
    "targets.upload": "Load targets from a file",
    "targets.imported_name": "From {file}",
    "targets.upload_failed": "{file} was not loaded.",
    "targets.uploaded": "Loaded {count} targets as scenario '{name}'.",
}

ZH: dict[str, str] = {}
