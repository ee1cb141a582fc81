"""The Explain page: why a KPI moved against the period before, last year or its target, and
who or what moved it: a sentence, a waterfall by the chosen dimension, a table of the parts,
the volume/price/mix (or rate/mix) split, the rules in words, and drill links.

The URL holds codes only (components/url_state.py): ?kpi=revenue&vs=previous&by=team, the
sidebar's filters (?team=<team name>, ?channel=retail, ...), and ?rep=<rep_id> once a person's
bar was drilled into. A drill keeps every parameter and sets the row's filter."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cache
from components.charts import plot
from components.explain_chart import waterfall_figure
from components.explain_link import AGAINST_KEY, BY_KEY, KPI_KEY, PAGE, REP_KEY, current_params
from components.explain_words import (
    effect_label,
    part_label,
    part_text,
    periods_line,
    rules,
    sentence,
    value_text,
)
from components.filters import GlobalFilters, refuse_outside
from components.format import md
from components.text import kpi_label, t
from components.url_state import coded
from metrics.catalogue import get_kpi, listed_kpis
from metrics.explain import (
    AGAINST,
    NEXT_DIMENSION,
    NOT_SET,
    OTHERS,
    UNALLOCATED,
    Explanation,
    dimensions_for,
    explainable,
)
from metrics.requests_explain import ExplainChange, PersonLabel

# Which filter a drilled row sets: the sidebar's team (a team's or group's name is its code
# there), its channel, or this page's person.
_DRILL_FILTER = {"team": "team", "group": "team", "channel": "channel", "rep_id": REP_KEY}


def _person(chosen: GlobalFilters) -> int | None:
    """The person drilled into (?rep=<rep_id>), refused in words outside the user's scope."""
    asked = st.query_params.get(REP_KEY)
    if not asked or not asked.isdigit():
        return None
    scope = chosen.filters.scope
    if scope.kind == "rep" and scope.rep_id != int(asked):
        refuse_outside(scope)
    return int(asked)


def _controls() -> tuple[str, str, str]:
    kpis = [k.id for k in listed_kpis() if explainable(k.id)]
    columns = st.columns([2, 2, 2])
    kpi_id = coded(
        columns[0].selectbox,
        t("explain.kpi"),
        kpis,
        index=kpis.index("revenue"),
        format_func=kpi_label,
        key=KPI_KEY,
    )
    choices = [a for a in AGAINST if a != "target" or get_kpi(kpi_id).target_metric]
    against = coded(
        columns[1].selectbox,
        t("explain.against"),
        choices,
        format_func=lambda a: t(f"explain.against.{a}"),
        key=AGAINST_KEY,
    )
    dimensions = dimensions_for(kpi_id, against)
    dimension = coded(
        columns[2].selectbox,
        t("explain.by"),
        dimensions,
        format_func=lambda d: t(f"explain.dim.{d}"),
        key=BY_KEY,
    )
    return kpi_id, against, dimension


def _drill_links(e: Explanation) -> None:
    """One link per row that can be narrowed to: the same page, split by the next dimension,
    with the row as a filter and every other parameter kept."""
    following = NEXT_DIMENSION.get(e.dimension)
    rows = [p for p in e.parts if p.key not in (OTHERS, UNALLOCATED, NOT_SET)]
    if following is None or not rows:
        st.caption(t("explain.no_drill"))
        return
    st.markdown(f"**{t('explain.drill_header')}**")
    params = current_params()
    for part in rows:
        query = {**params, BY_KEY: [following], _DRILL_FILTER[e.dimension]: [part.key]}
        st.page_link(
            PAGE,
            label=t(
                "explain.drill",
                label=md(part_label(e, part.key)),
                next=t(f"explain.dim.{following}"),
            ),
            icon=":material/subdirectory_arrow_right:",
            query_params=query,
        )


def _parts_table(e: Explanation) -> None:
    then = t("explain.target_value" if e.against == "target" else "explain.then")
    rows = {
        t("explain.row"): [part_label(e, p.key) for p in e.parts],
        then: [value_text(e, p.then) if p.key != OTHERS else "" for p in e.parts],
        t("explain.now"): [value_text(e, p.now) if p.key != OTHERS else "" for p in e.parts],
        t("explain.part_col"): [part_text(e, p.shown) for p in e.parts],
    }
    if e.method == "ratio":
        rows[t("explain.rate_col")] = [part_text(e, p.rate) for p in e.parts]
        rows[t("explain.mix_col")] = [part_text(e, p.mix) for p in e.parts]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _effects(e: Explanation, request: ExplainChange) -> None:
    key = "explain.rate_mix_header" if e.method == "ratio" else "explain.effects_header"
    st.subheader(t(key))
    plot(waterfall_figure, request, stretch=True, effects=True)
    st.markdown(
        "  ·  ".join(f"**{effect_label(e, p.key)}** {part_text(e, p.shown)}" for p in e.effects)
    )


def explain_section(chosen: GlobalFilters) -> None:
    """Draw the page below its title: controls, sentence, waterfall, parts, effects, rules."""
    kpi_id, against, dimension = _controls()
    filters = chosen.filters
    person = _person(chosen)
    if person is not None:
        filters = filters.model_copy(update={"rep_id": person})
        name = cache.fetch(PersonLabel(rep_id=person))
        without = {k: v for k, v in current_params().items() if k != REP_KEY}
        st.caption(t("explain.person_filter", name=md(name)))
        st.page_link(PAGE, label=t("explain.clear_person"), query_params=without)
    request = ExplainChange(kpi=kpi_id, filters=filters, against=against, dimension=dimension)
    e: Explanation = cache.fetch(request)
    st.markdown(f"### {md(sentence(e))}")
    st.caption(periods_line(e))
    if e.problem:
        if e.change is not None:  # else the sentence above already says why
            st.info(t(f"explain.problem.{e.problem}"))
        return
    plot(waterfall_figure, request, stretch=True)
    st.subheader(t("explain.parts_header"))
    _parts_table(e)
    _drill_links(e)
    if e.effects:
        _effects(e, request)
    for rule in rules(e):
        st.caption(rule)
