"""The Targets page's scenarios: save a split by name, compare, publish, export and import."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.format import MISSING, format_date, md, money_column_format
from components.tables import download_csv, download_xlsx
from components.targets_view import TargetSetup, format_base, kpi_unit, period_label
from components.text import EN, column_label, error_text, join_names, kpi_label, t
from data.errors import ValidationFailed
from data.messages import MessageList
from data.targets import (
    TARGET_FILE_COLUMNS,
    delete_scenario,
    publish_scenario,
    read_target_file,
    save_scenario,
)
from metrics import target_scenarios
from metrics.filters import Filters
from metrics.requests import Teams
from metrics.requests_plans import (
    OfficialScenarios,
    ScenarioPeople,
    Scenarios,
    ScenarioStatusOf,
)
from metrics.requests_targets import SplitExport, TargetSplit
from metrics.target_allocation import implications, outlook
from metrics.target_history import TargetBase, base_units_per_value, target_kpi_ids


def _kpi_name(kpi_id: object) -> str:
    """A KPI id as its label, or as it is when it is no KPI (a value from a file)."""
    return kpi_label(str(kpi_id)) if f"kpi.{kpi_id}.label" in EN else str(kpi_id)


def refusal_text(error: ValidationFailed) -> str:
    """Why nothing was saved, in the current language, with each KPI named by its label."""
    listed = error.values.get("problems")
    if error.key and isinstance(listed, MessageList):
        return t(error.key, problems=listed.relabel(metric=_kpi_name, expected_metric=_kpi_name))
    return error_text(error)


def _rows(base: TargetBase, scope: Filters, values: pd.Series) -> list:
    return target_scenarios.target_rows(
        values,
        base.people["team_id"],
        cache.fetch(Teams()),
        scope,
        base.kpi_id,
        base.start,
        base.end,
    )


def _saved(base: TargetBase | TargetSetup, scope: Filters) -> pd.DataFrame:
    saved = cache.fetch(Scenarios(scope=scope.scope))  # a lead's: their team's only
    return saved[
        (saved["metric"] == base.kpi_id)
        & (pd.to_datetime(saved["period_start"]).dt.date == base.start)
        & (pd.to_datetime(saved["period_end"]).dt.date == base.end)
    ]


def save_form(base: TargetBase, scope: Filters, values: pd.Series) -> None:
    """Save the split on screen as a named scenario (saving a name again replaces it)."""
    with st.form("tgt_save_form", border=False):
        name_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
        name = name_col.text_input(
            t("targets.scenario_name"),
            value=t("targets.default_name", period=period_label(base.start, base.end)),
            max_chars=60,
            # Keyed by period: choosing another period offers that period's name afresh.
            key=f"tgt_scenario_name_{base.start:%Y%m%d}_{base.end:%Y%m%d}",
        )
        saved = button_col.form_submit_button(t("targets.save"), icon=":material/save:")
    if saved:
        try:
            count = save_scenario(
                cache.get_store(), name, base.kpi_id, base.start, base.end,
                _rows(base, scope, values), actor=actor_id(current_user()),
            )  # fmt: skip
        except ValidationFailed as error:
            st.error(refusal_text(error))
        else:
            st.toast(
                t("targets.saved", name=md(name.strip()), count=count), icon=":material/check:"
            )


def compare(base: TargetBase, scope: Filters, values: pd.Series) -> None:
    """Two or three saved scenarios side by side with the split on screen."""
    saved = _saved(base, scope)
    st.subheader(t("targets.compare_heading"))
    if saved.empty:
        st.info(t("targets.no_scenarios", kpi=kpi_label(base.kpi_id)))
        return
    chosen = st.multiselect(
        t("targets.compare_pick"), list(saved["name"]), max_selections=3, key="tgt_compare"
    )
    columns = {t("targets.on_screen"): values}
    for name in chosen:
        stored = cache.fetch(
            ScenarioPeople(
                name=name, metric=base.kpi_id, start=base.start, end=base.end, scope=scope.scope
            )
        )
        columns[name] = stored.reindex(base.people.index).fillna(0).astype("int64")
    scale = base_units_per_value(base.kpi_id)
    table = pd.DataFrame({"rep": base.people["name"], "group": base.people["group"]})
    summary_rows = []
    for label, column in columns.items():
        table[label] = column / scale
        summary = outlook(implications(base.people, column))
        summary_rows.append(
            {
                "scenario": label,
                "total": format_base(summary.target, base.kpi_id, compact=False),
                "likely": t(
                    "targets.reaching_value",
                    expected=round(summary.expected_reaching),
                    people=summary.people,
                ),
            }
        )
    st.dataframe(
        pd.DataFrame(summary_rows).rename(
            columns={
                "scenario": t("targets.col.scenario"),
                "total": t("targets.total"),
                "likely": t("targets.reaching"),
            }
        ),
        hide_index=True,
        key="tgt_compare_summary",
        placeholder=MISSING,
    )
    money = money_column_format() if kpi_unit(base.kpi_id) == "money" else "localized"
    table = table.sort_values(["group", "rep"])
    st.dataframe(
        table.rename(columns={"rep": column_label("rep"), "group": column_label("group")}),
        hide_index=True,
        column_config={label: st.column_config.NumberColumn(format=money) for label in columns},
        key="tgt_compare_table",
        placeholder=MISSING,
    )


def publish(base: TargetBase | TargetSetup, scope: Filters) -> None:
    """Make a saved scenario the official targets, after saying what it replaces (only the
    KPI and period of `base` are read: a level target's page passes its TargetSetup)."""
    saved = _saved(base, scope)
    st.subheader(t("targets.publish_heading"))
    if saved.empty:
        st.caption(t("targets.publish_first"))
        return
    span = {"start": format_date(base.start), "end": format_date(base.end)}
    official = cache.fetch(
        OfficialScenarios(metric=base.kpi_id, start=base.start, end=base.end, scope=scope.scope)
    )
    if official:
        st.success(t("targets.official_now", name=join_names(map(md, official)), **span))
    else:
        st.caption(t("targets.official_none", **span))
    published = st.session_state.pop("tgt_published_note", None)
    if published:  # said once more after the rerun that follows publishing
        st.success(published, icon=":material/check:")
    name = st.selectbox(t("targets.publish_pick"), list(saved["name"]), key="tgt_publish_pick")
    status = cache.fetch(
        ScenarioStatusOf(
            name=name, metric=base.kpi_id, start=base.start, end=base.end, scope=scope.scope
        )
    )
    # Only targets that differ from the scenario's are replaced: none once it is published.
    overlap = status.replaces
    # A scenario of store teams only (a stock-turnover level) replaces teams' targets.
    replaces_key = "targets.publish_replaces" if overlap else "targets.publish_replaces_teams"
    overlap = overlap or status.replaces_teams
    when = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    replaced = t("targets.replaced_name", when=when)
    confirmed = not status.official
    if status.official:
        st.caption(t("targets.already_official", name=md(name)))
    elif overlap:
        st.warning(
            t(
                replaces_key,
                count=overlap,
                start=format_date(base.start),
                end=format_date(base.end),
            )
        )
        confirmed = st.checkbox(t("targets.publish_confirm"), key="tgt_publish_ok")
    st.caption(t("targets.publish_note"))
    left, right = st.columns(2)
    if left.button(
        t("targets.publish", name=md(name)),
        type="primary",
        disabled=not confirmed,
        icon=":material/publish:",
        key="tgt_publish",
    ):
        try:
            result = publish_scenario(
                cache.get_store(), name, base.kpi_id, base.start, base.end,
                replaced_scenario=replaced, actor=actor_id(current_user()),
            )  # fmt: skip
        except ValidationFailed as error:
            st.error(refusal_text(error))
        else:
            st.session_state.pop("tgt_publish_ok", None)
            message = t("targets.published", count=result.published, name=md(name))
            if result.replaced:
                message += " " + t("targets.kept_as", count=result.replaced, name=replaced)
            st.toast(message, icon=":material/check:")
            st.session_state["tgt_published_note"] = message
            st.rerun()  # the page now reads the new official targets
    delete_label = t("targets.delete", name=md(name))
    if right.button(delete_label, icon=":material/delete:", key="tgt_delete"):
        delete_scenario(
            cache.get_store(), name, base.kpi_id, base.start, base.end,
            actor=actor_id(current_user()),
        )  # fmt: skip
        st.toast(t("targets.deleted", name=md(name)), icon=":material/delete:")
        st.rerun()


def _export_frame(base: TargetBase, split: TargetSplit) -> pd.DataFrame:
    """The split's rows as the file lays them out: the target in the KPI's unit, the company
    row named in the reader's language."""
    frame = cache.fetch(SplitExport(split=split))
    frame["name"] = frame["name"].fillna(t("targets.company"))
    frame["target"] = frame.pop("value") / base_units_per_value(base.kpi_id)
    return frame


def export_and_import(base: TargetBase, split: TargetSplit) -> None:
    """Download the split (CSV, XLSX), or load targets from a file in the same layout."""
    st.subheader(t("targets.files_heading"))
    frame = _export_frame(base, split)
    frame = frame.rename(columns={c: t(f"targets.file.col.{c}") for c in frame.columns})
    stem = f"targets-{base.kpi_id}-{base.start:%Y-%m}"
    csv_col, xlsx_col = st.columns(2)
    with csv_col:
        download_csv(frame, f"{stem}.csv", key="tgt_export")
    with xlsx_col:
        download_xlsx(frame, f"{stem}.xlsx", key="tgt_export")
    import_file()


def import_file() -> None:
    """Load targets from a CSV or XLSX file in the Targets page's layout, as a scenario; each
    KPI's target in its own unit (money in currency, stock turnover as the rate: 6.5)."""
    headings = (t(f"targets.file.col.{c}") for c in TARGET_FILE_COLUMNS)
    st.caption(t("targets.file_layout", columns=join_names(headings)))
    upload = st.file_uploader(t("targets.upload"), type=["csv", "xlsx"], key="tgt_upload")
    done = st.session_state.setdefault("tgt_uploaded", {})
    if upload is None:
        return
    if upload.file_id in done:  # the uploader keeps the file across reruns: import it once
        st.success(done[upload.file_id])
        return
    units = {k: base_units_per_value(k) for k in target_kpi_ids()}
    try:
        rows = read_target_file(upload.getvalue(), upload.name, units)
        first = rows[0]
        name = t("targets.imported_name", file=upload.name)
        count = save_scenario(
            cache.get_store(), name, first.metric, first.period_start, first.period_end, rows,
            actor=actor_id(current_user()),
        )  # fmt: skip
    except ValidationFailed as error:
        st.error(t("targets.upload_failed", file=md(upload.name)) + "\n\n" + refusal_text(error))
        return
    done[upload.file_id] = t("targets.uploaded", count=count, name=md(name))
    st.success(done[upload.file_id])
