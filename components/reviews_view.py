"""The Reviews page's reading side: the section switch, the person picker, a person's history
(score trend, action items, KPI trend, every version), who is due, calibration and exports."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import cache, tables
from components.auth_session import actor_id, current_user
from components.charts import trend_figure
from components.filters import GlobalFilters, refuse_outside
from components.format import (
    MISSING,
    format_date,
    format_month,
    format_percent,
    format_value,
    label_each,
    md,
    plotly_date_axis,
)
from components.placeholder_note import placeholder_note
from components.tables import download_csv, download_text, table_with_download
from components.text import EN, error_text, join_names, kpi_label, t
from components.text_reviews import EN as REVIEW_STRINGS
from components.theme import PALETTE, template
from components.url_state import coded
from data.reviews import KINDS, SCORE_DIMENSIONS, ReviewNotFound, set_action_item_done
from metrics import reviews as review_metrics
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.periods import add_months, unit_start
from metrics.requests_people import TeamPeople
from metrics.requests_plans import RepDirectory
from metrics.requests_reviews import (
    ActionItems,
    KpiMonths,
    LastReviewItems,
    PeriodReviews,
    RepActionItems,
    ReviewById,
    ReviewChanges,
    ReviewCoverage,
    ReviewerCalibration,
    ReviewHistory,
    ReviewVersions,
    ScoreDistribution,
    StillDue,
)

SECTIONS = ("write", "history", "coverage", "calibration")
SECTION_KEY = "section"
PERSON_KEY = "person"
KIND_KEY = "review_kind"
SCORE_COLORS = {1: "#e03131", 2: "#f08c00", 3: "#adb5bd", 4: "#74c0fc", 5: "#1f6feb"}

# --- shared pieces ------------------------------------------------------------------------


def section_picker() -> str:
    """The section switch (Write, History, Who is due, Calibration), kept in the URL."""
    return (
        coded(
            st.segmented_control,
            t("reviews.section"),
            SECTIONS,
            default="write",
            required=True,
            format_func=lambda s: t(f"reviews.section.{s}"),
            key=SECTION_KEY,
            label_visibility="collapsed",
        )
        or "write"
    )


def first_due(people: list[int], due: list[int]) -> int:
    """Where the person picker starts, as an index into `people`: the first of `due` (those
    still due last month's evaluation, in the people list's order) who is in `people`, else
    the first person."""
    listed = set(people)
    return next((people.index(r) for r in due if r in listed), 0)


def person_picker(scope: Filters, as_of: date) -> dict[str, Any] | None:
    """Pick one person in scope (kept in the URL as ?person=<rep_id>); their row of people().
    The picker starts on the first person still due last month's monthly evaluation (as "Who
    is due" counts them: in the people list's order), else on the first person."""
    people = cache.fetch(TeamPeople(filters=scope))
    if people.empty:
        placeholder_note()  # an import's made-up "Unassigned" may be why nobody is listed
        st.info(t("reviews.no_people"))
        return None
    rows = {int(r["rep_id"]): r for r in people.to_dict("records")}
    # ?person=<rep_id> edited by hand to someone outside the user's scope (a rep asking for
    # another rep's reviews) is refused in words, never quietly swapped for someone else.
    asked = st.query_params.get(PERSON_KEY, "")
    if scope.scope.kind != "all" and asked.isdigit() and int(asked) not in rows:
        in_scope = cache.fetch(RepDirectory(scope=scope.scope))["rep_id"]
        if int(asked) not in set(in_scope):
            refuse_outside(scope.scope)
    # The name alone, as on the Team page; the URL carries the id (?person=<rep_id>).
    labels = {rid: str(r["rep"]) for rid, r in rows.items()}
    if st.session_state.get(PERSON_KEY) not in (None, *rows):
        del st.session_state[PERSON_KEY]  # someone outside this scope: start from the first
    month = review_metrics.due_periods(as_of)["monthly_evaluation"]
    due = cache.fetch(
        StillDue(filters=scope, kind="monthly_evaluation", start=month[0], end=month[1])
    )
    rep_id = coded(
        st.selectbox,
        t("reviews.person"),
        list(rows),
        index=first_due(list(rows), [int(r) for r in due["rep_id"]]),
        format_func=lambda r: labels[r],
        key=PERSON_KEY,
        help=t("reviews.person_help", month=period_label(*month)),
    )
    return None if rep_id is None else rows[int(rep_id)]


def kind_label(kind: str) -> str:
    """A review kind as the user reads it."""
    return t(f"reviews.kind.{kind}")


def period_label(start: date, end: date) -> str:
    """A period as the user reads it: 'Oct 2026', 'Week of 9 Nov 2026', 'Q3 2026', a day."""
    if start == end:
        return format_date(start)
    if start.day == 1 and end == add_months(start, 1) - timedelta(days=1):
        return format_month(start, short=True)
    if start.day == 1 and end == add_months(start, 3) - timedelta(days=1):
        return t("reviews.period.quarter", quarter=(start.month - 1) // 3 + 1, year=start.year)
    if (end - start).days == 6:
        return t("reviews.period.week", day=format_date(start))
    return f"{format_date(start)} – {format_date(end)}"


def problem_text(field: str, code: str, values: dict[str, Any]) -> str:
    """A validation problem as a sentence under its field."""
    if field.startswith("scores."):
        label = t(f"reviews.dim.{field.split('.', 1)[1]}")
    elif field.startswith("goals.") and field.count(".") >= 1 and field.split(".")[1].isdigit():
        label = t("reviews.field.goal_row", row=int(field.split(".")[1]) + 1)
        column = field.split(".")[2] if field.count(".") == 2 else ""
        column_key = {"text": "goal_text", "due_date": "goal_due"}.get(column)
        if column_key:
            label = f"{label}: {t(f'reviews.field.{column_key}')}"
    else:
        label = t(f"reviews.field.{field}") if f"reviews.field.{field}" in REVIEW_STRINGS else field
    shown = {k: format_date(v) if isinstance(v, date) else v for k, v in values.items()}
    return t(f"reviews.error.{code}", label=label, **shown)


def kpi_rows(snapshot: dict[str, Any] | None) -> list[tuple[str, str, str | None]]:
    """(KPI label, value, target line or None) for each KPI in a frozen or live snapshot."""
    if not snapshot:
        return []
    values = snapshot.get("kpis", {})
    out = []
    for kpi_id in review_metrics.SNAPSHOT_KPIS:
        unit = get_kpi(kpi_id).unit
        target = values.get(f"{kpi_id}_target")
        line = None
        if target:
            line = t(
                "reviews.kpis.target",
                target=format_value(target, unit),
                attainment=format_percent(values.get(f"{kpi_id}_attainment")),
            )
        out.append((kpi_label(kpi_id), format_value(values.get(kpi_id), unit), line))
    return out


def show_kpis(snapshot: dict[str, Any] | None) -> None:
    """The snapshot's KPIs as small metrics, two to a row, with target and attainment."""
    rows = kpi_rows(snapshot)
    for index in range(0, len(rows), 2):
        columns = st.columns(2)
        for column, (label, value, line) in zip(columns, rows[index : index + 2], strict=False):
            with column:
                st.metric(label, value)
                if line:
                    st.caption(line)


def _day(value: date | str) -> str:
    """A date kept in JSON (ISO text) or as a date, as the user reads dates."""
    return format_date(date.fromisoformat(value) if isinstance(value, str) else value)


def review_markdown(
    review: dict[str, Any], done: frozenset[str] = frozenset(), *, level: int = 1
) -> str:
    """One review as Markdown, readable on paper: scores, notes, goals (ticked when their id is
    in `done`) and the numbers it was written against. `level` is the title's heading level
    (the page shows it smaller than the downloaded file)."""
    notes = review["notes"] or {}
    h1, h2 = "#" * level, "#" * (level + 1)
    lines = [
        f"{h1} {t('reviews.md.title', kind=kind_label(review['kind']), person=md(review['rep']))}",
        "",
        t(
            "reviews.md.meta",
            start=format_date(review["period_start"]),
            end=format_date(review["period_end"]),
            reviewer=md(review["reviewer"]),
            status=t(f"reviews.status.{review['status']}"),
            version=review["version"],
        ),
        "",
        f"{h2} {t('reviews.md.scores')}",
        "",
    ]
    for dim in SCORE_DIMENSIONS:
        score = (review["scores"] or {}).get(dim)
        shown = score if score is not None else "—"
        lines.append(t("reviews.md.score_line", dimension=t(f"reviews.dim.{dim}"), score=shown))
    for name in ("strengths", "areas_to_improve", "training_plan", "career_notes"):
        lines += [
            "",
            f"{h2} {t(f'reviews.field.{name}')}",
            "",
            md(notes.get(name)) if notes.get(name) else t("reviews.md.none"),
        ]
    lines += ["", f"{h2} {t('reviews.md.goals')}", ""]
    goals = notes.get("goals") or []
    lines += [
        t(
            "reviews.md.goal_line",
            mark="x" if g["item_id"] in done else " ",
            text=md(g["text"]),
            due=format_date(date.fromisoformat(g["due_date"])),
        )
        for g in goals
    ] or [t("reviews.md.none")]
    snapshot = review["kpi_snapshot"]
    if snapshot:
        lines += [
            "",
            f"{h2} "
            + t(
                "reviews.md.kpis",
                start=_day(snapshot["period_start"]),
                end=_day(snapshot["period_end"]),
            ),
            "",
            "| " + " | ".join(t(f"reviews.md.{c}_col") for c in ("kpi", "value", "target")) + " |",
            "|---|---|---|",
        ]
        lines += [
            f"| {label} | {value} | {line or ''} |" for label, value, line in kpi_rows(snapshot)
        ]
    return "\n".join(lines) + "\n"


def show_pending_toast() -> None:
    """The toast a save asked for before the rerun that follows it."""
    message = st.session_state.pop("reviews_toast", None)
    if message:
        st.toast(message, icon=":material/check_circle:")


# --- history ------------------------------------------------------------------------------


def _load_into_form(review: dict[str, Any]) -> None:
    """Open `review` in the Write section (a button's callback, so before widgets exist)."""
    st.session_state[SECTION_KEY] = "write"
    st.session_state[PERSON_KEY] = int(review["rep_id"])
    st.session_state[KIND_KEY] = review["kind"]
    st.session_state[f"review_period_{review['kind']}"] = review["period_start"]
    if review["kind"] == "one_to_one":
        st.session_state["review_day"] = review["period_start"]


def _tick(review_id: str, item_id: str, key: str, text: str, who: str) -> None:
    done = bool(st.session_state[key])
    try:
        set_action_item_done(
            cache.get_store(),
            review_id,
            item_id,
            done=done,
            changed_by=who,
            event_id=uuid.uuid4().hex,
            actor=actor_id(current_user()),
        )
    except ReviewNotFound as error:
        st.session_state["reviews_toast"] = error_text(error)
        return
    state = t("reviews.item.done") if done else t("reviews.item.open")
    st.session_state["reviews_toast"] = t("reviews.item.ticked", text=md(text), state=state)


def _score_trend(history: pd.DataFrame) -> None:
    st.markdown(f"#### {t('reviews.history.trend')}")
    kinds = [k for k in KINDS if k in set(history["kind"])]
    kind = st.segmented_control(
        t("reviews.history.trend_kind"),
        kinds,
        default="monthly_evaluation" if "monthly_evaluation" in kinds else kinds[0],
        required=True,
        format_func=kind_label,
        key="history_kind",
    )
    shown = history[(history["kind"] == kind) & (history["status"] == "submitted")]
    if shown.empty:
        st.info(t("reviews.history.no_scores"))
        return
    st.plotly_chart(score_trend_figure(shown), key="history_scores")


def score_trend_figure(shown: pd.DataFrame) -> go.Figure:
    """Scores per dimension over the reviews in `shown` (history rows of one kind), each
    review at the first day of its period, with one tick per review named by its period
    (Jul 2026, Q3 2026, Week of 9 Nov 2026, a day): a July evaluation sits on "Jul 2026",
    never on a weekly tick such as "Jun 28", and no tick carries a time of day."""
    periods = shown[["period_start", "period_end"]].drop_duplicates().sort_values("period_start")
    names = {s: period_label(s, e) for s, e in periods.itertuples(index=False)}
    long = shown.melt(
        id_vars=["period_start"],
        value_vars=[f"score_{d}" for d in SCORE_DIMENSIONS],
        var_name="dimension",
        value_name="score",
    ).dropna(subset=["score"])
    long["dimension"] = (
        long["dimension"].str.removeprefix("score_").map(lambda d: t(f"reviews.dim.{d}"))
    )
    long["period"] = long["period_start"].map(names)
    fig = go.Figure()
    for number, (dimension, rows) in enumerate(long.groupby("dimension", sort=False)):
        fig.add_scatter(
            x=rows["period_start"], y=rows["score"], name=str(dimension), mode="lines+markers",
            line_color=PALETTE[number % len(PALETTE)], customdata=rows[["period"]].to_numpy(),
            hovertemplate="%{customdata[0]}: %{y}",
        )  # fmt: skip
    fig.update_yaxes(title_text=t("reviews.col.score"))
    fig.update_layout(template=template(), height=320, yaxis={"range": [0.5, 5.5], "dtick": 1})
    fig.update_xaxes(
        type="date",
        tickmode="array",
        tickvals=[s.isoformat() for s in names],
        ticktext=list(names.values()),
        **plotly_date_axis(),  # any date plotly writes itself, in the session's language
    )
    return fig


def _items(rep: dict[str, Any], as_of: date, scope: Filters) -> None:
    items = cache.fetch(LastReviewItems(rep_id=int(rep["rep_id"]), as_of=as_of, scope=scope.scope))
    if items.empty:
        st.caption(t("reviews.history.no_items"))
        return
    first = items.iloc[0]
    st.markdown(
        "#### "
        + t(
            "reviews.history.items", period=period_label(first["period_start"], first["period_end"])
        )
    )
    for item in items.to_dict("records"):
        key = f"item_{item['item_id']}"
        st.session_state[key] = bool(item["done"])
        late = f" · :red[{t('reviews.history.overdue')}]" if item["overdue"] else ""
        st.checkbox(
            f"{md(item['text'])} — {format_date(item['due_date'])}{late}",
            key=key,
            on_change=_tick,
            args=(
                item["review_id"],
                item["item_id"],
                key,
                item["text"],
                rep["leader"] or rep["rep"],
            ),
        )


def _history_table(history: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("reviews.col.period"): [
                period_label(s, e)
                for s, e in zip(history["period_start"], history["period_end"], strict=True)
            ],
            t("reviews.col.kind"): history["kind"].map(kind_label),
            t("reviews.col.status"): label_each(
                history["status"], lambda s: t(f"reviews.status.{s}")
            ),
            t("reviews.col.reviewer"): history["reviewer"],
            **{t(f"reviews.dim.{d}"): history[f"score_{d}"] for d in SCORE_DIMENSIONS},
            t("reviews.col.average"): history["average_score"].round(2),
            t("reviews.col.versions"): history["version"],
            t("reviews.col.edited_by"): history["edited_by"],
            t("reviews.col.saved_at"): history["created_at"],
        }
    )


def _one_review(history: pd.DataFrame, scope: Filters, as_of: date) -> None:
    st.markdown(f"#### {t('reviews.history.pick')}")
    latest_first = history.iloc[::-1]
    labels = {
        r["review_id"]: f"{period_label(r['period_start'], r['period_end'])} · "
        f"{kind_label(r['kind'])} · {t('reviews.status.' + r['status'])}"
        for r in latest_first.to_dict("records")
    }
    review_id = st.selectbox(
        t("reviews.history.pick"),
        list(labels),
        format_func=lambda r: labels[r],
        key="history_review",
        label_visibility="collapsed",
    )
    if review_id is None:
        return
    review = cache.fetch(ReviewById(review_id=review_id, scope=scope.scope))
    if review is None:
        return
    items = cache.fetch(
        RepActionItems(rep_id=int(review["rep_id"]), as_of=as_of, scope=scope.scope)
    )
    done = frozenset(items.loc[items["done"], "item_id"])
    text, numbers = st.columns([3, 2], gap="large")
    with text:
        with st.container(border=True):
            st.markdown(review_markdown(review, done, level=3))
        download_text(
            review_markdown(review, done),
            f"review_{review['rep']}_{review['period_start']}.md".replace(" ", "_"),
            label=t("reviews.history.download_md"),
            key="review_markdown",
            mime="text/markdown",
        )
    with numbers:
        st.button(
            t("reviews.history.edit"),
            on_click=_load_into_form,
            args=(review,),
            key="edit_review",
            icon=":material/edit:",
        )
        if review["kpi_snapshot"]:
            st.caption(t("reviews.kpis.frozen"))
            show_kpis(review["kpi_snapshot"])
        else:
            st.caption(t("reviews.kpis.none_history"))
    st.markdown(f"#### {t('reviews.history.versions')}")
    versions = cache.fetch(ReviewVersions(review_id=review_id, scope=scope.scope))
    table_with_download(
        pd.DataFrame(
            {
                t("reviews.col.version"): versions["version"],
                t("reviews.col.status"): label_each(
                    versions["status"], lambda s: t(f"reviews.status.{s}")
                ),
                t("reviews.col.edited_by"): versions["edited_by"],
                t("reviews.col.saved_at"): versions["created_at"],
                t("reviews.col.change_note"): versions["change_note"],
                t("reviews.col.fields"): versions["fields"].map(_field_names),
            }
        ),
        f"review_{review_id}_versions.csv",
        key="review_versions",
    )
    changes = cache.fetch(ReviewChanges(review_id=review_id, scope=scope.scope))
    later = changes[changes["version"] > 1]

    if not later.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    t("reviews.col.version"): later["version"],
                    t("reviews.col.edited_by"): later["edited_by"],
                    t("reviews.col.field"): later["field"].map(_field_name),
                    t("reviews.col.before"): _field_values(later, "before"),
                    t("reviews.col.after"): _field_values(later, "after"),
                }
            ),
            hide_index=True,
            key="review_changes",
            placeholder=MISSING,
        )


def _field_name(name: str) -> str:
    """A changed field as the form names it: 'scores.teamwork' -> Teamwork / 团队协作."""
    if name.startswith("scores."):
        return t(f"reviews.dim.{name.removeprefix('scores.')}")
    key = f"reviews.field.{'period_start' if name == 'period' else name}"
    return t(key) if key in EN else name


def _field_names(names: str) -> str:
    return join_names(_field_name(n) for n in names.split(", ") if n)


def _field_value(name: str, value: str) -> str:
    """A changed field's value in words where it is a code (the kind, the status)."""
    if name == "kind" and value:
        return kind_label(value)
    if name == "status" and value:
        return t(f"reviews.status.{value}")
    return value


def _field_values(changes: pd.DataFrame, column: str) -> list[str]:
    return [
        _field_value(name, value)
        for name, value in zip(changes["field"], changes[column], strict=True)
    ]


def history_section(chosen: GlobalFilters) -> None:
    """One person's reviews: the list, score trend, last action items, KPI trend, one review
    in full with every version."""
    scope = chosen.filters
    rep = person_picker(scope, chosen.as_of)
    if rep is None:
        return
    history = cache.fetch(ReviewHistory(rep_id=int(rep["rep_id"]), scope=scope.scope))
    st.subheader(t("reviews.history.heading", person=md(rep["rep"])))
    if history.empty:
        st.info(t("reviews.history.none", person=md(rep["rep"])))
        return
    st.dataframe(_history_table(history), hide_index=True, key="history_table", placeholder=MISSING)
    left, right = st.columns([3, 2], gap="large")
    with left:
        _score_trend(history)
    with right:
        _items(rep, chosen.as_of, scope)
    st.markdown(f"#### {t('reviews.history.kpi_trend')}")
    months = cache.fetch(KpiMonths(rep_id=int(rep["rep_id"]), end=chosen.as_of, scope=scope.scope))
    st.plotly_chart(trend_figure(months, "revenue", "month", height=280), key="history_kpis")
    _one_review(history, scope, chosen.as_of)


# --- coverage -----------------------------------------------------------------------------


def coverage_section(chosen: GlobalFilters) -> None:
    """Who is due: per lead, per person, and overdue action items, as of the sidebar's day."""
    scope, as_of = chosen.filters, chosen.as_of
    due = review_metrics.due_periods(as_of)
    month = period_label(*due["monthly_evaluation"])
    st.caption(
        t(
            "reviews.coverage.intro",
            day=format_date(as_of),
            month=month,
            week=format_date(due["weekly_summary"][0]),
        )
    )
    frame = cache.fetch(ReviewCoverage(filters=scope, as_of=as_of))
    placeholder_note()  # why an import's made-up "Unassigned" is not due a review
    if frame.empty:
        st.info(t("reviews.coverage.nobody"))
        return
    missing = int((frame["monthly"] != "submitted").sum())
    if missing:
        st.warning(t("reviews.coverage.missing", count=missing, month=month))
    else:
        st.success(t("reviews.coverage.all_done", month=month))
    st.subheader(t("reviews.coverage.by_lead"))
    leads = review_metrics.coverage_by_lead(frame)
    st.dataframe(
        leads.rename(columns={c: t(f"reviews.col.{c}") for c in leads.columns}),
        hide_index=True,
        key="coverage_leads",
        column_config={
            t("reviews.col.behind"): st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1
            )
        },
        placeholder=MISSING,
    )
    st.subheader(t("reviews.coverage.people"))
    only_missing = st.toggle(t("reviews.coverage.only_missing"), value=True, key="only_missing")
    shown = frame
    if only_missing:
        shown = frame[
            (frame["monthly"] != "submitted") | frame["weekly"].isin(["missing", "draft"])
        ]
    status = lambda s: t(f"reviews.status.{s}")  # noqa: E731
    table_with_download(
        pd.DataFrame(
            {
                t("reviews.col.person"): shown["rep"],
                t("reviews.col.group"): shown["group"],
                t("reviews.col.leader"): shown["leader"],
                t("reviews.col.monthly"): shown["monthly"].map(status),
                t("reviews.col.weekly"): shown["weekly"].map(status),
                t("reviews.col.open_items"): shown["open_items"],
                t("reviews.col.overdue_items"): shown["overdue_items"],
            }
        ),
        "huddle_reviews_due.csv",
        key="coverage_people",
    )
    st.subheader(t("reviews.coverage.overdue"))
    items = cache.fetch(ActionItems(filters=scope.model_copy(update={"rep_id": None}), as_of=as_of))
    overdue = items[items["overdue"]]
    if overdue.empty:
        st.success(t("reviews.coverage.no_overdue"))
        return
    table_with_download(
        pd.DataFrame(
            {
                t("reviews.col.person"): overdue["rep"],
                t("reviews.col.group"): overdue["group"],
                t("reviews.col.reviewer"): overdue["reviewer"],
                t("reviews.col.item"): overdue["text"],
                t("reviews.col.due"): overdue["due_date"],
            }
        ),
        "huddle_overdue_action_items.csv",
        key="coverage_overdue",
    )


# --- calibration and export ---------------------------------------------------------------


def _calibration_scope(chosen: GlobalFilters) -> Filters:
    months = st.select_slider(
        t("reviews.calibration.months"), options=[1, 2, 3, 6, 12], value=3, key="calib_months"
    )
    first = unit_start(chosen.as_of, "month")
    start = add_months(first, -int(months))
    return chosen.filters.with_dates(start, chosen.as_of)


def calibration_section(chosen: GlobalFilters) -> None:
    """Score distributions per group and reviewer, flags for lenient or flat reviewers, and
    the period's reviews for export."""
    scope = _calibration_scope(chosen)
    st.caption(
        t("reviews.calibration.range", start=format_date(scope.start), end=format_date(scope.end))
    )
    reviewers = cache.fetch(ReviewerCalibration(filters=scope))
    if reviewers.empty:
        st.info(t("reviews.calibration.none"))
        return
    for row in reviewers[reviewers["flag"] != ""].to_dict("records"):
        st.warning(
            t(
                f"reviews.calibration.flag.{row['flag']}",
                reviewer=row["reviewer"],
                share=format_percent(row["share_of_5"]),
                reviews=row["reviews"],
            ),
            icon=":material/balance:",
        )
    st.subheader(t("reviews.calibration.by_group"))
    dimension = st.segmented_control(
        t("reviews.calibration.dimension"),
        SCORE_DIMENSIONS,
        default="results",
        required=True,
        format_func=lambda d: t(f"reviews.dim.{d}"),
        key="calib_dimension",
    )
    counts = cache.fetch(ScoreDistribution(filters=scope))
    counts = counts[counts["dimension"] == dimension].copy()
    counts["who"] = counts["group"] + " · " + counts["reviewer"]
    counts["share"] = counts["count"] / counts.groupby("who")["count"].transform("sum")
    counts["score"] = counts["score"].astype(str)
    fig = go.Figure()
    for score in ("1", "2", "3", "4", "5"):  # a bar per score, stacked from 1 up
        rows = counts[counts["score"] == score]
        if rows.empty:
            continue
        fig.add_bar(
            x=rows["share"], y=rows["who"], orientation="h", name=score,
            marker_color=SCORE_COLORS[int(score)], customdata=rows[["count"]].to_numpy(),
            hovertemplate=(
                f"%{{y}}<br>{t('reviews.col.score')} {score}: %{{x:.0%}} (%{{customdata[0]}})"
                "<extra></extra>"
            ),
        )  # fmt: skip
    fig.update_xaxes(title_text=t("reviews.col.share"))
    # Group by group, reviewers in order, read from the top (plotly puts the first at the foot).
    fig.update_yaxes(
        categoryorder="array", categoryarray=sorted(counts["who"].unique()), autorange="reversed"
    )
    fig.update_layout(legend={"title": {"text": t("reviews.col.score")}, "traceorder": "normal"})
    fig.update_layout(
        template=template(),
        height=max(260, 34 * counts["who"].nunique() + 80),
        barmode="stack",
        xaxis={"tickformat": ".0%"},
    )
    st.plotly_chart(fig, key="calibration_chart")
    st.subheader(t("reviews.calibration.reviewers"))
    st.dataframe(
        pd.DataFrame(
            {
                t("reviews.col.reviewer"): reviewers["reviewer"],
                t("reviews.col.reviews"): reviewers["reviews"],
                t("reviews.col.average"): reviewers["average"].round(2),
                t("reviews.col.share_of_5"): reviewers["share_of_5"],
                t("reviews.col.spread"): reviewers["spread"].round(2),
                t("reviews.col.flag"): reviewers["flag"].map(
                    lambda f: t(f"reviews.flag.{f}") if f else ""
                ),
            }
        ),
        hide_index=True,
        key="calibration_table",
        column_config={
            t("reviews.col.share_of_5"): st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1
            )
        },
        placeholder=MISSING,
    )
    export_section(scope)


def export_frame(reviews: pd.DataFrame) -> pd.DataFrame:
    """A period's reviews flattened for a spreadsheet: one row per review, the latest version."""
    notes = reviews["notes"].map(lambda n: n or {})
    snapshot = reviews["kpi_snapshot"].map(lambda s: (s or {}).get("kpis", {}))
    frame = pd.DataFrame(
        {
            t("reviews.col.person"): reviews["rep"],
            t("reviews.col.team"): reviews["team"],
            t("reviews.col.group"): reviews["group"],
            t("reviews.col.kind"): reviews["kind"].map(kind_label),
            t("reviews.col.period"): [
                period_label(s, e)
                for s, e in zip(reviews["period_start"], reviews["period_end"], strict=True)
            ],
            t("reviews.col.status"): label_each(
                reviews["status"], lambda s: t(f"reviews.status.{s}")
            ),
            t("reviews.col.reviewer"): reviews["reviewer"],
            **{t(f"reviews.dim.{d}"): reviews[f"score_{d}"] for d in SCORE_DIMENSIONS},
            t("reviews.col.average"): reviews["average_score"].round(2),
            **{
                t(f"reviews.field.{name}"): notes.map(lambda n, name=name: n.get(name, ""))
                for name in ("strengths", "areas_to_improve", "training_plan", "career_notes")
            },
            t("reviews.field.goals"): notes.map(
                lambda n: "\n".join(
                    t("reviews.export.goal", text=g["text"], due=_day(g["due_date"]))
                    for g in n.get("goals", [])
                )
            ),
            **{
                kpi_label(k): snapshot.map(lambda s, k=k: s.get(k))
                for k in review_metrics.SNAPSHOT_KPIS
            },
            t("reviews.col.versions"): reviews["version"],
            t("reviews.col.edited_by"): reviews["edited_by"],
            t("reviews.col.saved_at"): reviews["created_at"],
        }
    )
    return frame


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as a formula-safe Excel workbook with one sheet (see data.exports)."""
    return tables.xlsx_bytes(frame, t("page.reviews"))


def export_section(scope: Filters) -> None:
    """The period's reviews as CSV and Excel."""
    st.subheader(t("reviews.export.heading"))
    reviews = cache.fetch(PeriodReviews(filters=scope))
    if reviews.empty:
        st.info(t("reviews.calibration.none"))
        return
    frame = export_frame(reviews)
    name = f"huddle_reviews_{scope.start}_{scope.end}"
    left, right = st.columns(2)
    with left:
        download_csv(frame, f"{name}.csv", key="export_reviews")
    with right:
        tables.download_xlsx_as(
            frame, f"{name}.xlsx", label=t("reviews.export.xlsx"), key="export_reviews_xlsx",
            sheet_name=t("page.reviews"),
        )  # fmt: skip
