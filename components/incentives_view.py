"""The Incentives page's plan, settings, leaderboard and awards.

Every number comes from metrics.incentives through the cache; the plan file is part of each
cache key (its path and modification time), so an edited plan shows at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from components import cache
from components.format import (
    MISSING,
    format_date,
    format_percent,
    format_value,
    md,
    money_column_format,
)
from components.incentives_requests import awards_request, board_request
from components.placeholder_note import placeholder_note
from components.text import (
    current_language,
    error_text,
    in_language,
    join_names,
    kpi_label,
    mid_sentence,
    t,
)
from components.theme import PACE_COLORS
from components.url_state import coded
from components.views import built
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.incentive_awards import AwardResult
from metrics.incentive_plan import (
    EXAMPLE_PLAN_PATH,
    NO_PLAN,
    PLAN_ENV_VAR,
    Award,
    IncentivePlan,
    PlanError,
    PlanVersion,
    load_plan,
    plan_chosen,
    plan_stamp,
)
from metrics.incentives import LEADERBOARD_KPIS
from metrics.periods import previous_period
from metrics.requests import IsDemo
from metrics.requests_plans import NO_PLAN_STAMP, PlanStamp, RepDirectory
from metrics.scope import ALL

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}
# Rows of the leaderboard shown: its top. A board of 2,000 people cost a quarter of a second
# on every rerun when its cells were styled, and nobody reads rank 1,500 there; a team shows
# all.
LEADERBOARD_ROWS = 200


def person_labels(people: pd.DataFrame) -> dict[int, str]:
    """rep_id -> the name to show: the name alone when nobody else has it; for two people
    of the same name, their group (or team) after it, and their id if even that is shared,
    so nobody is taken for somebody else."""
    counts = Counter(people["rep"])
    labels: dict[int, str] = {}
    for rep_id, name, group, team in zip(
        people["rep_id"], people["rep"], people["group"], people["team"], strict=True
    ):
        place = group or team
        if counts[name] == 1:
            labels[int(rep_id)] = name
        elif place:
            labels[int(rep_id)] = t("incentives.namesake", rep=name, place=place)
        else:
            labels[int(rep_id)] = t("incentives.namesake_id", rep=name, id=int(rep_id))
    shared = Counter(labels.values())
    for rep_id, label in labels.items():
        if shared[label] > 1:
            labels[rep_id] = t("incentives.namesake_id", rep=label, id=rep_id)
    return labels


def people_labels(scope: Filters) -> Mapping[int, str]:
    """person_labels for everyone in the filters' scope: a lead gets the names of their team
    only, a rep their own. Worked out once per directory, data version and language, and
    shared read-only: four sections of the Incentives page each worked them out again on
    every rerun (a 2,000-row copy of the directory and a label each)."""
    request = RepDirectory(scope=scope.scope)
    return _labels(request.cache_key(), cache.version_key((request,)), current_language(), request)


# Keyed on the strings alone; the request is passed unhashed (`_request`) and is what the key says.
@st.cache_resource(show_spinner=False, max_entries=64)
def _labels(key: str, version: str, language: str, _request: RepDirectory) -> Mapping[int, str]:
    del key, version, language
    return MappingProxyType(person_labels(cache.fetch(_request)))


@dataclass(frozen=True)
class LoadedPlan:
    """The plan file as read for this run, and the stamp that keys its cached results."""

    plan: IncentivePlan
    stamp: PlanStamp
    missing: bool = False  # the company has no plan of its own: NO_PLAN stands in


def own_plan_missing() -> bool:
    """True for a company's own data that named no plan (HUDDLE_PLAN unset): the shipped
    plan is the demo company's and is never applied to anyone else."""
    return not plan_chosen() and not cache.fetch(IsDemo())


def current_plan() -> LoadedPlan | None:
    """The plan file, validated; None (after saying what is wrong, line and field) if broken.
    A company that is not the demo and named no plan (HUDDLE_PLAN unset) gets NO_PLAN: the
    shipped plan is written for the demo's teams and dates and would pay, award and race
    people it was never meant for."""
    if own_plan_missing():
        return LoadedPlan(NO_PLAN, NO_PLAN_STAMP, missing=True)
    stamp = plan_stamp()
    try:
        return LoadedPlan(load_plan(Path(stamp[0])), stamp)
    except PlanError as error:
        st.error(t("incentives.plan_broken", message=error_text(error)), icon=":material/rule:")
        return None


def how_to_write_a_plan() -> None:
    """For a company without a plan: why there is no commission, awards or contests, and how
    to write a plan (the shipped example and the HUDDLE_PLAN setting)."""
    st.info(
        t(
            "incentives.own_plan_missing",
            example=EXAMPLE_PLAN_PATH.relative_to(EXAMPLE_PLAN_PATH.parent.parent).as_posix(),
            setting=PLAN_ENV_VAR,
        ),
        icon=":material/edit_note:",
    )


def plan_caption(plan: IncentivePlan, day: date) -> None:
    """Which plan version is in force on `day`, in one line."""
    version = plan.version_for(day)
    if version is None:
        first = format_date(plan.plans[0].effective_from)
        st.info(t("incentives.no_plan", day=format_date(day), first=first))
        return
    rule = version.commission
    st.caption(
        t(
            "incentives.plan_caption",
            day=format_date(day),
            plan=in_language(version, "name"),
            mode=t(f"incentives.mode.{rule.mode}"),
            period=t(f"incentives.period.{rule.period}"),
        )
    )
    # The returns rule beside the number it changes (commission), in words.
    st.caption(
        t(f"incentives.clawback.{rule.clawback}", period=t(f"incentives.period.{rule.period}"))
    )


def hide_amounts_toggle() -> bool:
    """The hide-amounts switch in the sidebar, bound to the URL as on the stand-up
    (`?hide_amounts=true`), so a shared screen's link keeps peers' money off it."""
    with st.sidebar:
        st.subheader(t("incentives.settings"))
        hidden = st.toggle(
            t("incentives.hide_amounts"),
            key="hide_amounts",
            help=t("incentives.hide_amounts_help"),
            bind="query-params",
        )
    return bool(hidden)


def board_for_reader(scope: Filters, hide_amounts: bool) -> tuple[Filters, bool]:
    """The scope the leaderboard ranks over, and whether its amounts are hidden, for whoever
    reads it. A rep sees the board as the hide-amounts mode shows it (the plan sets no
    visibility of its own): everyone's rank, name, attainment and pace, and nobody's money,
    their own included; their own amounts are on their ladder, read in their own scope."""
    if scope.scope.kind == "rep":
        return scope.model_copy(update={"scope": ALL}), True
    return scope, hide_amounts


def board_kpi(default: str = "revenue_attainment") -> str:
    """The KPI the leaderboard ranks by: one click on a pill, kept in the URL. `default`:
    attainment where people have targets (channels differ in size; each against their own
    target compares them fairly), revenue where nobody has one."""
    choice = coded(
        st.pills,
        t("incentives.board_kpi"),
        list(LEADERBOARD_KPIS),
        default=default,
        required=True,
        format_func=lambda k: t(f"incentives.kpi.{k}"),
        key="board_kpi",
    )
    return choice or default


def provisional_note(scope: Filters, full_end: date) -> None:
    """For a period not finished by the last day counted: the standings and awards are so
    far, and the day the period ends."""
    if full_end > scope.end:
        st.caption(
            t(
                "incentives.provisional",
                end=format_date(full_end),
                through=format_date(scope.end),
            )
        )


def _value_unit(choice: str) -> str:
    if choice in ("revenue_attainment", "growth"):
        return "percent"
    return get_kpi(choice).unit


def _change(steps: object, previous: object) -> str:
    """A rank change as an arrow: ▲ 3 (up three places), ▼ 2, – (same), new (unranked before)."""
    if pd.isna(previous) or pd.isna(steps):  # type: ignore[call-overload]
        return t("incentives.change.new")
    moved = int(steps)  # type: ignore[call-overload]
    if moved > 0:
        return t("incentives.change.up", steps=moved)
    if moved < 0:
        return t("incentives.change.down", steps=-moved)
    return t("incentives.change.same")


def _number_format(unit: str) -> str:
    return {"money": money_column_format(), "percent": "percent", "score": "%.2f"}.get(unit, "%d")


def _targeted(choice: str) -> bool:
    """Whether the KPI behind a leaderboard choice has targets (attainment and pace)."""
    return choice in ("revenue_attainment", "growth") or bool(get_kpi(choice).target_metric)


def leaderboard_table(
    board: pd.DataFrame, choice: str, *, hide_amounts: bool, labels: Mapping[int, str] | None = None
) -> pd.DataFrame:
    """The leaderboard as shown: headings in words, arrows, medals; money dropped when hidden;
    target, attainment and pace dropped for a KPI without targets. `labels` (rep_id -> name
    to show, see person_labels) tells apart people who share a name."""
    unit = _value_unit(choice)
    value_heading = t(f"incentives.kpi.{choice}")
    shown_names = [
        (labels or {}).get(int(rep_id), rep)
        for rep_id, rep in zip(board["rep_id"], board["rep"], strict=True)
    ]
    names = [
        t("incentives.left_marker", rep=rep) if left else rep
        for rep, left in zip(shown_names, board["left"], strict=True)
    ]
    # The medal sits in the name column: one column fewer on a phone.
    names = [
        f"{MEDALS[int(r)]} {name}" if pd.notna(r) and int(r) in MEDALS else name
        for r, name in zip(board["rank"], names, strict=True)
    ]
    # Phone first: rank, name, attainment and pace fit a 390 px screen; the amounts, the
    # change and the team follow, a swipe to the right.
    shown = pd.DataFrame(
        {
            t("incentives.col.rank"): board["rank"],
            t("incentives.col.rep"): names,
            t("incentives.col.attainment"): board["attainment"],
            # A coloured tag per person (pace_column), kept as the status code: a Styler
            # colouring the words cost 40 ms on every rerun at 200 rows.
            t("incentives.col.pace"): [[p] if isinstance(p, str) else [] for p in board["pace"]],
            # Ranked by attainment, the value is the attainment column itself; the revenue
            # so far stands beside the target instead, so both halves of the ratio show.
            **(
                {t("incentives.kpi.revenue"): board["base"]}
                if choice == "revenue_attainment"
                else {value_heading: board["value"] * (100 if unit == "percent" else 1)}
            ),
            t("incentives.col.target"): board["target"],
            t("incentives.col.change"): [
                _change(c, p)
                for c, p in zip(board["rank_change"], board["previous_rank"], strict=True)
            ],
            t("incentives.col.commission"): board["commission_cents"].astype("Float64") / 100,
            t("incentives.col.team"): board["team"],
        }
    )
    target_is_money = choice in ("revenue", "revenue_attainment", "growth")
    if board["commission_cents"].isna().all():  # no plan in force: nothing to show
        shown = shown.drop(columns=[t("incentives.col.commission")])
    if not _targeted(choice) or board["target"].isna().all():
        shown = shown.drop(
            columns=[
                t("incentives.col.target"),
                t("incentives.col.attainment"),
                t("incentives.col.pace"),
            ]
        )
    if hide_amounts:
        hidden = [c for c in [t("incentives.col.commission")] if c in shown.columns]
        if unit == "money":
            hidden.append(value_heading)
        if choice == "revenue_attainment":
            hidden.append(t("incentives.kpi.revenue"))
        if target_is_money and t("incentives.col.target") in shown.columns:
            hidden.append(t("incentives.col.target"))
        shown = shown.drop(columns=hidden)
    return shown


def pace_column() -> ColumnConfig:
    """The leaderboard's pace column: each person's pace as a tag in its colour (the stand-up's
    badges' colours), worded in the reader's language; a person without one shows none."""
    return st.column_config.MultiselectColumn(
        width=90,
        options=list(PACE_COLORS),
        color=list(PACE_COLORS.values()),
        format_func=lambda status: t(f"pace.{status}"),
    )


def leaderboard_view(
    board: pd.DataFrame, people: pd.DataFrame, *, choice: str, hide_amounts: bool
) -> pd.DataFrame:
    """The board's first LEADERBOARD_ROWS rows as shown (leaderboard_table, names told apart
    by person_labels over `people`, the RepDirectory): built once per answer
    (components.views), not on every rerun."""
    board = board.head(LEADERBOARD_ROWS)
    return leaderboard_table(board, choice, hide_amounts=hide_amounts, labels=person_labels(people))


def leaderboard_section(
    scope: Filters,
    loaded: LoadedPlan,
    full_end: date,
    *,
    hide_amounts: bool,
) -> str:
    """The ranked table for the chosen KPI; returns the KPI chosen. Selecting a row opens
    that person's ladder (the ladder's choice, keyed by rep_id, is set to them)."""
    st.subheader(t("incentives.board_heading"))
    placeholder_note()  # why an import's made-up "Unassigned" has no rank
    board_for = board_request(scope, loaded.stamp, full_end)
    by_attainment = cache.fetch(board_for)
    has_targets = bool(by_attainment["target"].fillna(0).gt(0).any())
    choice = board_kpi("revenue_attainment" if has_targets else "revenue")
    st.caption(t("incentives.board_default" if has_targets else "incentives.board_default_none"))
    board = cache.fetch(board_for.model_copy(update={"choice": choice}))
    if board.empty:
        st.info(t("incentives.board_empty"))
        return choice
    prev_start, prev_end = previous_period(scope.start, scope.end, scope.period_kind)
    version = loaded.plan.version_for(scope.end)
    period = version.commission.period if version else "month"
    st.caption(
        t(
            # Without a plan nothing is paid: the caption does not speak of commission.
            "incentives.board_caption_no_plan" if loaded.missing else "incentives.board_caption",
            start=format_date(scope.start),
            end=format_date(scope.end),
            prev_start=format_date(prev_start),
            prev_end=format_date(prev_end),
            period=t(f"incentives.period.{period}"),
        )
    )
    if not _targeted(choice):
        st.caption(t("incentives.board_no_targets", kpi=t(f"incentives.kpi.{choice}")))
    if hide_amounts:
        st.caption(t("incentives.amounts_hidden"))
    provisional_note(scope, full_end)
    if len(board) > LEADERBOARD_ROWS:  # the top of a company of thousands; a team shows all
        st.caption(t("incentives.board_cut", shown=LEADERBOARD_ROWS, count=len(board)))
        board = board.head(LEADERBOARD_ROWS)
    shown = built(
        leaderboard_view,
        (board_for.model_copy(update={"choice": choice}), RepDirectory(scope=scope.scope)),
        choice=choice,
        hide_amounts=hide_amounts,
    )
    unit = _value_unit(choice)
    value_heading = t(f"incentives.kpi.{choice}")
    target_unit = "money" if choice in ("revenue", "revenue_attainment", "growth") else "count"
    config = {
        t("incentives.col.rank"): st.column_config.NumberColumn(width=36),
        # Wide enough for a full name while rank, attainment and pace still fit 390 px.
        t("incentives.col.rep"): st.column_config.TextColumn(width=130),
        t("incentives.col.pace"): pace_column(),
        value_heading: st.column_config.NumberColumn(
            format="%.1f%%" if unit == "percent" else _number_format(unit)
        ),
        t("incentives.kpi.revenue"): st.column_config.NumberColumn(format=money_column_format()),
        t("incentives.col.target"): st.column_config.NumberColumn(
            format=_number_format(target_unit) if target_unit == "money" else "%.1f"
        ),
        t("incentives.col.attainment"): st.column_config.ProgressColumn(
            format="percent", min_value=0, max_value=1, width="small"
        ),
        t("incentives.col.commission"): st.column_config.NumberColumn(format=money_column_format()),
    }
    picks = not hide_amounts and not loaded.missing  # without a plan there is no ladder
    if picks:
        st.caption(t("incentives.board_pick"))
    event = st.dataframe(
        shown,
        hide_index=True,
        column_config=config,
        height=min(600, 35 * (len(shown) + 1) + 3),
        key="incentives_board",
        placeholder=MISSING,
        on_select="rerun" if picks else "ignore",
        selection_mode="single-row",
    )
    rows = list(event.selection.rows) if picks and event else []
    open_ladder(int(board["rep_id"].iloc[rows[0]]) if rows else None)
    return choice


LADDER_KEY = "ladder_rep"
_PICKED = "incentives_board_picked"


def open_ladder(rep_id: int | None) -> None:
    """A newly selected leaderboard row (its rep_id) becomes the ladder's person. Only a new
    selection moves it, so choosing someone else in the ladder's own box still works."""
    if rep_id is not None and st.session_state.get(_PICKED) != rep_id:
        st.session_state[LADDER_KEY] = rep_id
    st.session_state[_PICKED] = rep_id


# --- Awards -----------------------------------------------------------------------------------


def _sentences(parts: list[str]) -> str:
    return t("incentives.sentence_gap").join(parts)


def rule_in_words(award: Award, version: PlanVersion | None = None) -> str:
    """An award's rule and eligibility as plain sentences, from the plan's fields; with the
    plan `version`, how a tie for first is settled and whether one person may win several."""
    unit = get_kpi(award.kpi).unit
    label = kpi_label(award.kpi)
    kpi = label if unit in ("score", "percent") else mid_sentence(label)  # "CSAT", "deals won"
    key = f"incentives.rule.{award.rule}"
    if award.rule == "highest":  # amounts and counts: "the most"; scores and rates: "highest"
        key += ".highest" if unit in ("score", "percent") else ".most"
    parts = [t(key, kpi=kpi)]
    if award.rule == "most_improved" and award.min_previous:
        amount = format_value(float(award.min_previous), get_kpi(award.kpi).unit)
        parts.append(t("incentives.rule.min_previous", amount=amount))
    if award.requires_kpi and award.requires_at_least:
        count = format_value(award.requires_at_least, get_kpi(award.requires_kpi).unit)
        parts.append(t("incentives.rule.requires", count=count, kpi=kpi_label(award.requires_kpi)))
    if award.max_tenure_months:
        parts.append(t("incentives.rule.tenure", months=award.max_tenure_months))
    roles = join_names(mid_sentence(t(f"role.{r}")) for r in award.eligible_roles)
    parts.append(t("incentives.rule.roles", roles=roles))
    parts.append(t("incentives.rule.on_team"))
    if version is not None:
        parts.append(t(f"incentives.rule.tie.{version.tie_rule(award)}"))
        if award.rule != "group_share_at_target":
            once = "one_award" if version.one_award_per_person else "many_awards"
            parts.append(t(f"incentives.rule.{once}"))
    return _sentences(parts)


def _award_value(result: AwardResult, value: float | None) -> str:
    if result.award.rule in ("most_improved", "group_share_at_target"):
        return format_percent(value)
    return format_value(value, get_kpi(result.award.kpi).unit)


def _hides(result: AwardResult, hide_amounts: bool) -> bool:
    """True when the award's winning number is someone's money and amounts are hidden."""
    money = result.award.rule == "highest" and get_kpi(result.award.kpi).unit == "money"
    return hide_amounts and money


def _prize(award: Award) -> str | None:
    if award.prize is not None:
        amount = format_value(float(award.prize), "money")
        if award.prize_note:
            note = in_language(award, "prize_note")
            return t("incentives.prize_with_note", prize=amount, note=md(note))
        return t("incentives.prize", prize=amount)
    if award.prize_note:
        return t("incentives.prize_note_only", note=md(in_language(award, "prize_note")))
    return None


def _award_name(name: str | None, rep_id: int | None, labels: Mapping[int, str]) -> str:
    """A winner's name as shown (Markdown-escaped): a person's label (telling namesakes
    apart), or a group's."""
    return md(labels.get(rep_id, name or "") if rep_id is not None else (name or ""))


def award_card(
    result: AwardResult,
    *,
    hide_amounts: bool,
    labels: Mapping[int, str] | None = None,
    version: PlanVersion | None = None,
    provisional: bool = False,
) -> None:
    """One award: winner(s) and the number that won it, how a tie was settled, runner-up,
    who was passed over, the rule, the prize. `provisional`: the period is not over, so the
    winner is only leading so far."""
    labels = labels or {}
    with st.container(border=True, height="stretch"):
        st.markdown(f"**:material/emoji_events: {md(in_language(result.award, 'name'))}**")
        hidden = _hides(result, hide_amounts)
        if result.winner is None:
            st.markdown(f"_{t('incentives.no_winner')}_")
        else:
            key = "incentives.winner_hidden" if hidden else "incentives.winner"
            winner = _award_name(result.winner, result.winner_id, labels)
            others = [
                _award_name(n, i, labels)
                for n, i in zip(
                    result.shared_with,
                    result.shared_with_ids or [None] * len(result.shared_with),
                    strict=True,
                )
            ]
            if others:
                winner = join_names([winner, *others])
            if provisional:
                winner = t("incentives.so_far", name=winner)
            st.markdown(t(key, name=winner, value=_award_value(result, result.winner_value)))
            if result.tie == "shared":
                share = result.prize_share_cents
                if share is not None:
                    st.caption(
                        t(
                            "incentives.tie_shared_prize",
                            share=format_value(share / 100, "money", cents=True),
                        )
                    )
                else:
                    st.caption(t("incentives.tie_shared"))
            elif result.tie == "attainment":
                st.caption(t("incentives.tie_attainment"))
            if result.passed_over:
                names = join_names(md(labels.get(i, str(i))) for i in result.passed_over)
                st.caption(t("incentives.passed_over", names=names))
            if result.runner_up is not None:
                key = "incentives.runner_up_hidden" if hidden else "incentives.runner_up"
                value = _award_value(result, result.runner_up_value)
                runner_up = _award_name(result.runner_up, result.runner_up_id, labels)
                st.caption(t(key, name=runner_up, value=value))
        st.caption(rule_in_words(result.award, version))
        prize = _prize(result.award)
        if prize:  # a prize is the company's offer, not anyone's earnings: always shown
            st.caption(prize)


def awards_section(
    scope: Filters, loaded: LoadedPlan, full_end: date, *, hide_amounts: bool
) -> None:
    """The period's awards under the plan in force on its first day, three to a row; for a
    period not over by `full_end`, marked as standings so far."""
    st.subheader(t("incentives.awards_heading"))
    version = loaded.plan.version_for(scope.start)
    if version is None:
        plan_caption(loaded.plan, scope.start)
        return
    results: list[AwardResult] = cache.fetch(awards_request(scope, loaded.stamp))
    if not results:
        st.info(t("incentives.no_awards"))
        return
    st.caption(
        t(
            "incentives.awards_caption",
            start=format_date(scope.start),
            end=format_date(scope.end),
            plan=in_language(version, "name"),
        )
    )
    provisional_note(scope, full_end)
    labels = people_labels(scope)
    for first in range(0, len(results), 3):
        columns = st.columns(3)
        for column, result in zip(columns, results[first : first + 3], strict=False):
            with column:
                award_card(
                    result,
                    hide_amounts=hide_amounts,
                    labels=labels,
                    version=version,
                    provisional=full_end > scope.end,
                )
