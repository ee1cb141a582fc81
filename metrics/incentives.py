"""Incentive standings: commission per rep, leaderboards, group standings, contests (the
awards are in metrics.incentive_awards).

KPIs are read through metrics.service (breakdowns by person, group and team), so every
figure is the figure KPI Trends and the CLI give for the same people and days; returned
lines are read here with their return date (returned_lines), which no KPI has. The
commission arithmetic lives in metrics.incentive_math; commission_cents and
margin_target_cents stay importable from here, where other modules import them.

People are keyed by their id (the hidden "rep_id" dimension), never by their name: two
people may share a name, and each keeps their own numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import pandas as pd

from data.store import Store
from metrics import lookups, service
from metrics.catalogue import get_kpi
from metrics.compiler import scope_conditions, scope_params
from metrics.filters import Filters
from metrics.incentive_math import commission, commission_cents, margin_target_cents
from metrics.incentive_plan import Contest, IncentivePlan
from metrics.pacing import pace_status
from metrics.periods import PeriodUnit, previous_period, unit_end, unit_start

LEADERBOARD_KPIS: tuple[str, ...] = (
    "revenue", "revenue_attainment", "growth", "csat", "new_customers", "won_deals", "activities",
)  # fmt: skip
LEADERBOARD_COLUMNS = [
    "rank", "rep_id", "rep", "team", "group", "left", "value", "base", "target", "attainment",
    "pace", "previous_rank", "rank_change", "commission_cents",
]  # fmt: skip
COMMISSION_COLUMNS = [
    "rep_id", "rep", "period_start", "period_end", "through", "plan", "eligible",
    "measured_cents", "returns_cents", "target_cents", "attainment", "rate_pct",
    "commission_cents", "clawback_cents", "clawback", "undated_returns",
]  # fmt: skip
PERSON = "rep_id"  # the dimension people are keyed on


def _cents(value: object) -> int | None:
    """A money KPI (currency units, already rounded to the cent) back in integer cents."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return round(float(value) * 100)  # type: ignore[arg-type]


def _by_person(frame: pd.DataFrame) -> pd.DataFrame:
    """A breakdown or trend by rep_id with the id as an int. Rows without a person (the
    compiler's "(not set)", such as feedback nobody took) are left out: nobody can rank."""
    known = frame[frame[PERSON].astype(str).str.fullmatch(r"-?\d+")]
    return known.assign(**{PERSON: known[PERSON].astype(int)})


def _people_breakdown(
    store: Store, kpis: tuple[str, ...], filters: Filters, *, with_targets: bool = False
) -> pd.DataFrame:
    """KPIs per person for the filters' dates, indexed by rep_id (targets at rep level)."""
    frame = service.breakdown(store, kpis, filters, PERSON, with_targets=with_targets)
    return _by_person(frame).set_index(PERSON)


def rep_directory(store: Store) -> pd.DataFrame:
    """Everyone with their current group and top-level team: rep_id, rep, role, hire_date,
    leave_date, group (None for someone who sits in a team directly), team."""
    people = lookups.reps(store)
    teams = lookups.teams(store).set_index("team_id")
    placed = people["team_id"].map(teams["depth"])
    frame = pd.DataFrame(
        {
            "rep_id": people["rep_id"].astype(int),
            "rep": people["name"].astype(str),
            "role": people["role"].astype(str),
            "hire_date": [_day(d) for d in people["hire_date"]],
            "leave_date": [_day(d) for d in people["leave_date"]],
            "team": people["team_id"].map(teams["root_name"]).astype(object),
            "group": people["team_id"].map(teams["name"]).where(placed > 0).astype(object),
        }
    )
    return frame.where(frame.notna(), None)


def _names(people: pd.DataFrame) -> dict[int, str]:
    """rep_id -> name, from rep_directory."""
    return dict(zip(people["rep_id"], people["rep"], strict=True))


def _day(value: object) -> date | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def _periods(plan: IncentivePlan, start: date, end: date) -> list[tuple[date, date, PeriodUnit]]:
    """The commission periods overlapping [start, end] as (first day, last day, unit), each
    with the unit of the plan in force on its first day."""
    out: list[tuple[date, date, PeriodUnit]] = []
    cursor = start
    while cursor <= end:
        version = plan.version_for(cursor) or plan.plans[0]
        unit = version.commission.period
        version = plan.version_for(unit_start(cursor, unit)) or version
        unit = version.commission.period
        first = unit_start(cursor, unit)
        last = unit_end(first, unit)
        out.append((first, last, unit))
        cursor = last + timedelta(days=1)
    return out


_MEASURED = ("revenue", "gross_margin")
RETURN_COLUMNS = ["side", "bucket", PERSON, "net_cents", "cost_cents", "undated"]
# Returned order lines with the day they came back: the return date when one is recorded
# (order_returns, migration 0007), else the order date. Exposes the columns
# compiler.scope_conditions reads (alias s), with the line's own channel when its file gave
# one (order_places, migration 0010), else its top-level team's, as the orders source does.
# {lines}: which returned lines to read, each with its return date (NULL when none).
_RETURNED_LINES = """(
    SELECT o.rep_id, o.team_id, o.order_date, o.return_date,
           coalesce(o.return_date, o.order_date) AS back_day,
           o.net_amount_cents, o.cost_cents, r.leave_date AS rep_leave_date,
           coalesce(op.channel, t.channel) AS channel
    FROM ({lines}) o
    LEFT JOIN order_places op ON op.order_id = o.order_id AND op.line_no = o.line_no
    LEFT JOIN reps r ON r.rep_id = o.rep_id
    LEFT JOIN team_roots tr ON tr.team_id = o.team_id
    LEFT JOIN teams t ON t.team_id = tr.root_id
) s"""
_LINE = (
    "o.order_id, o.line_no, o.rep_id, o.team_id, o.order_date, o.net_amount_cents,"
    " o.cost_cents, x.return_date"
)
_SOLD_IN_DAYS = """FROM orders o
    LEFT JOIN order_returns x ON x.order_id = o.order_id AND x.line_no = o.line_no
    WHERE o.status = 'returned' AND o.order_date BETWEEN $first AND $last"""
# Sold in the days asked about: found by their order date, which the orders are stored by.
_SOLD_LINES = f"SELECT {_LINE} {_SOLD_IN_DAYS}"
# Back in the days asked about: a return date in them, or none and an order date in them
# (the two parts cannot share a line). Not a filter on coalesce(return date, order date),
# which read every returned line of the history (330 of 550 ms at ten million lines).
_BACK_LINES = f"""SELECT {_LINE} FROM order_returns x
    JOIN orders o ON o.order_id = x.order_id AND o.line_no = x.line_no
    WHERE o.status = 'returned' AND x.return_date BETWEEN $first AND $last
    UNION ALL
    SELECT {_LINE} {_SOLD_IN_DAYS} AND x.return_date IS NULL"""


def returned_lines(
    store: Store, filters: Filters, unit: PeriodUnit, first: date, last: date
) -> pd.DataFrame:
    """Returned lines in scope per (side, period start, rep_id), in cents. side "sold": by
    order date; side "back": by the day the line came back (return date, else order date;
    `undated` counts the lines without a return date). Only days from `first` through `last`."""
    scope = " AND ".join(["s.day BETWEEN $first AND $last", *scope_conditions(filters)])
    parts = [
        f"SELECT '{side}' AS side, date_trunc('{unit}', s.day)::DATE AS bucket, s.rep_id,"
        f" sum(s.net_amount_cents)::BIGINT AS net_cents, sum(s.cost_cents)::BIGINT AS cost_cents,"
        f" count(*) FILTER (WHERE s.return_date IS NULL) AS undated"
        f" FROM (SELECT *, {day} AS day FROM {_RETURNED_LINES.replace('{lines}', lines)}) s"
        f" WHERE {scope} GROUP BY ALL"
        for side, day, lines in (
            ("sold", "s.order_date", _SOLD_LINES),
            ("back", "s.back_day", _BACK_LINES),
        )
    ]
    sql = " UNION ALL ".join(parts)
    frame = store.query(sql, scope_params(filters, sql, first=first, last=last))
    frame["bucket"] = [pd.Timestamp(d).date() for d in frame["bucket"]]
    return frame[RETURN_COLUMNS]


def _by_period(
    store: Store, filters: Filters, unit: PeriodUnit, first: date, last: date
) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Per (period start, rep_id): the commission KPIs from each period's first day through
    min(its last day, filters.end), the whole period's revenue target, and the returned
    lines (see returned_lines). Three queries for any number of periods of one unit."""
    measured = service.trend(
        store, _MEASURED, filters.with_dates(first, min(last, filters.end)), unit,
        dimension=PERSON,
    )  # fmt: skip
    targets = service.trend(
        store, ("revenue",), filters.with_dates(first, last), unit, dimension=PERSON,
        with_targets=True,
    )  # fmt: skip
    returns = returned_lines(store, filters, unit, first, min(last, filters.end))
    return (
        _by_person(measured).set_index(["bucket", PERSON]),
        _by_person(targets).set_index(["bucket", PERSON])["revenue_target"],
        returns.set_index(["side", "bucket", PERSON]),
    )


def _returned(returns: pd.DataFrame, side: str, first: date, kpi: str) -> dict[int, int]:
    """rep_id -> cents of `kpi` on the returned lines of one side and period (margin: net
    less cost)."""
    key = (side, first)
    if key not in returns.index.droplevel(PERSON):
        return {}
    rows = returns.xs(key, level=["side", "bucket"])
    cents = rows["net_cents"] - (rows["cost_cents"] if kpi == "gross_margin" else 0)
    return {int(k): int(v) for k, v in cents.items()}


def _undated(returns: pd.DataFrame, first: date) -> dict[int, int]:
    """rep_id -> returned lines without a return date, counted in the period of their order."""
    if ("back", first) not in returns.index.droplevel(PERSON):
        return {}
    rows = returns.xs(("back", first), level=["side", "bucket"])["undated"]
    return {int(k): int(v) for k, v in rows.items()}


def _in_period(frame: pd.DataFrame | pd.Series, first: date) -> pd.DataFrame | pd.Series:
    """The rows of one period (bucket) of a (bucket, rep_id) frame; none if it has none."""
    if first not in frame.index.get_level_values("bucket"):
        return frame.iloc[0:0].droplevel("bucket")
    return frame.xs(first, level="bucket")


def rep_commissions(store: Store, filters: Filters, plan: IncentivePlan) -> pd.DataFrame:
    """Commission per person per commission period overlapping the filters' dates.

    Each period (a month or a quarter) is paid under the plan in force on its first day, on
    the KPI from its first day through min(its last day, filters.end), against the person's
    target for the whole period. Returned lines earn nothing; where their commission is
    taken back depends on the plan's `clawback`:

    - return_period: in the period the line came back (its return date; a line without one
      counts on its order date, and undated_returns counts those). The amount is the sales
      of the period plus the period's returned lines sold in it, less the lines returned in
      it, so a return booked later leaves the period it was sold in as it was paid.
    - order_period: in the period it was sold (revenue by order date leaves it out).
    - none: returned lines count as sold.

    returns_cents: the returned lines charged to the period (revenue plans: their net amount;
    margin plans: their margin); clawback_cents: the commission they took away (what the
    period would pay without them less what it pays). eligible is False for roles the plan
    does not pay; their commission is 0. Listed: everyone with a result, a return or a
    target in the period, one row per person (rep_id) and period, whatever their names.
    """
    people = rep_directory(store).set_index("rep_id")
    # Looked up once per person and period below: plain dicts, not a Series lookup each time
    # (2,000 people took 0.4 s of pandas indexing at ten million order lines).
    roles, names = people["role"].to_dict(), people["rep"].to_dict()
    periods = [p for p in _periods(plan, filters.start, filters.end) if plan.version_for(p[0])]
    data = {
        unit: _by_period(
            store,
            filters,
            unit,
            min(p[0] for p in periods if p[2] == unit),
            max(p[1] for p in periods if p[2] == unit),
        )
        for unit in {p[2] for p in periods}
    }
    rows: list[dict[str, object]] = []
    for first, last, unit in periods:
        version = plan.version_for(first)
        assert version is not None  # periods before the first plan were left out above
        rule = version.commission
        measured_all, targets_all, returns_all = data[unit]
        measured = _in_period(measured_all, first)[rule.kpi].to_dict()
        targets = _in_period(targets_all, first).to_dict()
        sold = _returned(returns_all, "sold", first, rule.kpi)
        back = _returned(returns_all, "back", first, rule.kpi)
        undated = _undated(returns_all, first) if rule.clawback == "return_period" else {}
        everyone = set(measured) | set(targets) | set(sold) | set(back)
        for rep_id in sorted(everyone):
            kpi = _cents(measured.get(rep_id)) or 0
            target = margin_target_cents(rule, _cents(targets.get(rep_id)))
            if rule.clawback == "return_period":
                returns = back.get(rep_id, 0)
                base = kpi + sold.get(rep_id, 0) - returns
            elif rule.clawback == "order_period":
                returns = sold.get(rep_id, 0)
                base = kpi
            else:
                returns, base = 0, kpi + sold.get(rep_id, 0)
            if not (kpi or returns or sold.get(rep_id) or (target or 0) > 0):
                continue
            eligible = roles.get(rep_id) in rule.eligible_roles
            now = commission(rule, base, target)
            paid = now.paid_cents if eligible else 0
            clawed = 0
            if eligible and returns:
                clawed = commission_cents(rule, base + returns, target) - paid
            rows.append(
                {
                    "rep_id": int(rep_id), "rep": names.get(rep_id),
                    "period_start": first, "period_end": last,
                    "through": min(last, filters.end), "plan": version.name,
                    "eligible": eligible, "measured_cents": base, "returns_cents": returns,
                    "target_cents": target, "attainment": now.attainment,
                    "rate_pct": float(now.rate_pct), "commission_cents": paid,
                    "clawback_cents": clawed, "clawback": rule.clawback,
                    "undated_returns": undated.get(rep_id, 0),
                }
            )  # fmt: skip
    return pd.DataFrame(rows, columns=COMMISSION_COLUMNS)


def _choice_kpis(choice: str) -> tuple[str, str | None]:
    """(the KPI behind a leaderboard choice, the targeted KPI whose attainment shows)."""
    if choice in ("revenue_attainment", "growth"):
        return "revenue", "revenue"
    kpi = get_kpi(choice)
    return choice, (choice if kpi.target_metric else None)


def _values(store: Store, filters: Filters, choice: str) -> pd.DataFrame:
    """Per person (rep_id): value of the choice, its targeted KPI's value and target for
    these dates."""
    kpi, targeted = _choice_kpis(choice)
    frame = _people_breakdown(store, (kpi,), filters, with_targets=targeted is not None)
    if choice == "growth":
        before_start, before_end = previous_period(filters.start, filters.end, filters.period_kind)
        before = _people_breakdown(store, (kpi,), filters.with_dates(before_start, before_end))
        frame["value"] = service.growth_column(frame[kpi], before[kpi].reindex(frame.index))
    elif choice == "revenue_attainment":
        frame["value"] = frame["revenue_attainment"]
    else:
        frame["value"] = frame[kpi]
    if targeted is None:
        frame["target"] = float("nan")
    else:
        frame["target"] = frame[f"{targeted}_target"]
    frame["base"] = frame[kpi]
    return frame[["value", "base", "target"]]


def _ranks(values: pd.Series) -> pd.Series:
    """Competition ranks (1, 2, 2, 4), best first; blank where there is no value."""
    return values.rank(method="min", ascending=False)


def leaderboard(
    store: Store,
    filters: Filters,
    plan: IncentivePlan,
    choice: str,
    full_end: date,
    *,
    commissions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Everyone in scope with a result or a target, one row per person (rep_id), ranked by
    `choice` (one of LEADERBOARD_KPIS) for the filters' dates, best first.

    value: the chosen KPI (growth: revenue growth against the previous like-for-like period;
    revenue_attainment: revenue over its target for the whole period); base: the KPI the
    target is set on (revenue for attainment and growth), so far; target: the whole
    period's target (filters.start to `full_end`) of the KPI behind the choice, blank for a
    KPI without targets; attainment: base KPI over that target; pace: pacing.pace_status
    against the target to date; previous_rank: the rank by the same choice over the previous
    like-for-like period; rank_change: previous_rank - rank (positive: moved up);
    commission_cents: commission earned in the commission periods up to filters.end.
    `commissions`: rep_commissions(store, filters, plan), when the caller has it already.
    """
    if choice not in LEADERBOARD_KPIS:
        raise ValueError(
            f"Unknown leaderboard KPI '{choice}'. Known: {', '.join(LEADERBOARD_KPIS)}"
        )
    now = _values(store, filters, choice)
    kpi, targeted = _choice_kpis(choice)
    if targeted is not None:
        whole = _people_breakdown(
            store, (kpi,), filters.with_dates(filters.start, full_end), with_targets=True
        )[f"{targeted}_target"]
        now["expected"] = now["target"]
        now["target"] = whole.reindex(now.index)
    else:
        now["expected"] = float("nan")
    keep = (now["target"].fillna(0) > 0) | (now["base"].fillna(0) != 0) | now["value"].notna()
    if choice == "csat":
        keep = now["value"].notna()
    # A placeholder (an import's made-up "Unassigned") is not ranked: its sales count in the
    # totals, but it is nobody to rank against the people who sell.
    keep &= ~now.index.isin(lookups.placeholder_reps(store))
    board = now[keep].copy()
    board["attainment"] = board["base"] / board["target"].where(board["target"] > 0)
    if choice == "revenue_attainment":
        board["value"] = board["attainment"]
    board["pace"] = [
        pace_status(value, None if pd.isna(expected) else expected) if targeted else "no_target"
        for value, expected in zip(board["base"].fillna(0), board["expected"], strict=True)
    ]
    board["rank"] = _ranks(board["value"])
    before_start, before_end = previous_period(filters.start, filters.end, filters.period_kind)
    before = _values(store, filters.with_dates(before_start, before_end), choice)
    before = before[~before.index.isin(lookups.placeholder_reps(store))]
    previous = _ranks(before["value"][before["value"].notna()])
    board["previous_rank"] = previous.reindex(board.index)
    board["rank_change"] = board["previous_rank"] - board["rank"]
    if commissions is None:
        commissions = rep_commissions(store, filters, plan)
    paid = commissions.groupby("rep_id")["commission_cents"].sum()
    board["commission_cents"] = paid.reindex(board.index)
    people = rep_directory(store).set_index("rep_id")
    for column in ("rep", "team", "group"):
        board[column] = people[column].reindex(board.index)
    left = people["leave_date"].reindex(board.index)
    board["left"] = [d is not None and not pd.isna(d) and d <= filters.end for d in left]
    board = board.rename_axis("rep_id").reset_index()
    board = board.sort_values(["rank", "rep", "rep_id"], na_position="last")
    board = board.reset_index(drop=True)
    board = board.astype({"rank": "Int64", "previous_rank": "Int64", "rank_change": "Int64"})
    board["commission_cents"] = board["commission_cents"].astype("Int64")
    return board[LEADERBOARD_COLUMNS]


# --- Ordering ------------------------------------------------------------------------------


def _best_first(values: pd.Series, names: Mapping[int, str] | None = None) -> pd.Series:
    """Largest first; ties broken by name (then by id, for two people of the same name) so
    the result never depends on query order. The index (ids or names) is kept."""
    frame = values.dropna().rename("value").rename_axis("key").reset_index()
    frame["name"] = frame["key"].map(names) if names is not None else frame["key"]
    frame = frame.sort_values(["value", "name", "key"], ascending=[False, True, True])
    return frame.set_index("key").rename_axis(values.index.name)["value"]


# --- Groups, teams and contests -------------------------------------------------------------

STANDING_COLUMNS = ["rank", "name", "value", "target", "attainment", "members", "at_target"]


def group_standings(
    store: Store, filters: Filters, kpi: str, level: str, full_end: date | None = None
) -> pd.DataFrame:
    """Groups (level "group") or top-level teams ("team") ranked by attainment (by the KPI
    when it has no targets). target: the whole period's target (filters.start to `full_end`,
    default filters.end); attainment: the KPI over it; members: their people with a target;
    at_target: those at or above their target to date (filters.end), i.e. on pace. People
    are counted (by id) in the group or team they sit in now; a group's sales are those made
    for it. Leavers count unless the filters hide them."""
    targeted = get_kpi(kpi).target_metric is not None
    frame = service.breakdown(store, (kpi,), filters, level, with_targets=targeted)
    out = pd.DataFrame({"name": frame[level], "value": frame[kpi]})
    if targeted:
        whole = service.breakdown(
            store, (kpi,), filters.with_dates(filters.start, full_end or filters.end), level,
            with_targets=True,
        ).set_index(level)[f"{kpi}_target"]  # fmt: skip
        out["target"] = out["name"].map(whole)
        out["attainment"] = out["value"] / out["target"].where(out["target"] > 0)
        people = _people_breakdown(store, (kpi,), filters, with_targets=True)
        people = people[people[f"{kpi}_target"].fillna(0) > 0]
        units = people.index.map(_rep_units(store, level))
        members = people.groupby(units).size()
        at_target = (people[f"{kpi}_attainment"] >= 1).groupby(units).sum()
        out["members"] = out["name"].map(members).fillna(0).astype(int)
        out["at_target"] = out["name"].map(at_target).fillna(0).astype(int)
    else:
        out["target"] = float("nan")
        out["attainment"] = float("nan")
        out["members"] = 0
        out["at_target"] = 0
    # Ranked by attainment where any unit has a target, else by the KPI itself (a KPI that
    # can carry targets but has none here, as in an imported export, still gets ranks).
    has_targets = bool(out["attainment"].notna().any())
    ranked_by = out["attainment"] if has_targets else out["value"]
    out["rank"] = _ranks(ranked_by).astype("Int64")
    out = out.sort_values(["rank", "name"], na_position="last").reset_index(drop=True)
    return out[STANDING_COLUMNS]


def _rep_units(store: Store, level: str) -> dict[int, str]:
    """Each person's (rep_id's) current group (or, for someone placed in a team directly, the
    team), or with level "team" their top-level team."""
    people = rep_directory(store)
    units = people["team"] if level == "team" else people["group"].fillna(people["team"])
    return dict(zip(people["rep_id"], units, strict=True))


CONTEST_COLUMNS = ["rank", "name", "rep_id", "value", "progress"]


@dataclass(frozen=True)
class ContestStanding:
    """A contest on a given day: where it is in its dates and who leads."""

    contest: Contest
    status: Literal["upcoming", "running", "finished"]
    days_left: int  # whole days after the as-of day until the end, 0 once finished
    through: date | None  # the last day counted so far; None before the start
    # rank, name, rep_id (the person, in a contest between people; else None), value,
    # progress (0..1)
    standings: pd.DataFrame


_CONTEST_DIMENSIONS = {"people": PERSON, "groups": "group", "teams": "team"}


def contest_standing(
    store: Store, filters: Filters, contest: Contest, as_of: date
) -> ContestStanding:
    """One contest's standings from its first day through `as_of` (or its end), in the
    filters' scope. progress: the value over the goal when the contest has one, else over
    the leader's value. Between people, each person (by id) stands on their own."""
    if as_of < contest.start:
        empty = pd.DataFrame(columns=CONTEST_COLUMNS)
        days = (contest.end - as_of).days
        return ContestStanding(contest, "upcoming", days, None, empty)
    through = min(as_of, contest.end)
    dimension = _CONTEST_DIMENSIONS[contest.between]
    frame = service.breakdown(
        store, (contest.kpi,), filters.with_dates(contest.start, through), dimension
    )
    names = None
    if dimension == PERSON:
        frame = _by_person(frame)
        frame = frame[~frame[PERSON].isin(lookups.placeholder_reps(store))]  # not a person
        names = _names(rep_directory(store))
    values = _best_first(frame.set_index(dimension)[contest.kpi], names)
    if get_kpi(contest.kpi).zero_when_empty:
        values = values[values != 0]
    top = values.iloc[0] if len(values) else None
    scale = contest.goal or (top if top and top > 0 else None)
    keys = list(values.index)
    standings = pd.DataFrame(
        {
            "rank": _ranks(values).astype("Int64").to_numpy(),
            "name": [names.get(k) for k in keys] if names is not None else keys,
            "rep_id": [int(k) for k in keys] if names is not None else [None] * len(keys),
            "value": values.to_numpy(),
            "progress": (values / scale).clip(0, 1).to_numpy() if scale else 0.0,
        },
        columns=CONTEST_COLUMNS,
    )
    status = "finished" if as_of >= contest.end else "running"
    return ContestStanding(contest, status, max(0, (contest.end - as_of).days), through, standings)


def contests(
    store: Store, filters: Filters, plan: IncentivePlan, as_of: date
) -> list[ContestStanding]:
    """Every contest in the plan file: running ones first, then upcoming, then finished."""
    order = {"running": 0, "upcoming": 1, "finished": 2}
    found = [contest_standing(store, filters, c, as_of) for c in plan.contests]
    return sorted(found, key=lambda s: (order[s.status], s.contest.end))
