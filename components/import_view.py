"""The Data page's parts: upload, read settings, mapping editor, check report, commit with a
progress bar, import history, data health, duplicates and the way back to the demo company.

Every check is a dry run of the real import (same code, rolled back), so what the page shows
is exactly what Import will do.
"""

from __future__ import annotations

import dataclasses
import secrets
import string
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from components import cache, company_profile_view, import_multi_view
from components.auth_session import actor_id, current_user
from components.backup_view import backup_first
from components.format import MISSING, md
from components.tables import download_csv, table_with_download
from components.text import EN, column_label, current_language, error_text, join_names, t
from data import settings, tempfiles
from data.errors import HuddleDataError
from data.importing import company
from data.importing.errors import CompanyMismatchError, ImportRejected, refusal_message
from data.importing.fields import TABLES
from data.importing.mapping import Mapping, auto_map, missing_required
from data.importing.presets import all_presets, save_preset
from data.importing.readers import DELIMITERS, ReadOptions, StagedFile, read_headers
from data.importing.runner import ImportReport, ImportRequest, run_import
from metrics.requests import DataHealth, ImportHistory, LikelyDuplicates

_STATE = "data.import"
_UPLOAD_OWNER = "data.upload.owner"
_ENCODINGS = ("utf-8", "gbk", "gb18030", "windows-1252", "latin-1")
PROBLEM_COLUMNS = ("row", "column", "value", "reason", "severity", "code")  # as shown, in order


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns={c: column_label(c) for c in frame.columns})


def _filled(template: str, frame: pd.DataFrame) -> pd.Series:
    """`template` filled in for every row of `frame` at once: each {placeholder} is the
    frame's column of that name (blank where missing), joined as whole columns."""
    out = pd.Series("", index=frame.index, dtype=object)
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        out = out + literal
        if name:
            column = frame[name] if name in frame else pd.Series(None, index=frame.index)
            out = out + column.astype(object).where(column.notna(), "").astype(str)
    return out


def problem_reasons(problems: pd.DataFrame) -> pd.Series:
    """Each problem's reason in the current language: import.problem.<code> filled with the
    problem's column, value and detail, one template per code (a report can be long)."""
    reasons = problems["reason"].astype(object).copy()
    for code, index in problems.groupby("code", sort=False).groups.items():
        key = f"import.problem.{code}"
        if key in EN:  # a code without words of its own keeps the English reason
            reasons.loc[index] = _filled(t(key), problems.loc[index])
    return reasons


def _headed(frame: pd.DataFrame, names: tuple[str, ...]) -> pd.DataFrame:
    """`frame` with the columns in `names` headed in the current language (a file's own
    column of the same heading keeps its name, so no two columns share one)."""
    headings = {name: t(f"import.problems.heading.{name}") for name in names if name in frame}
    taken = set(frame.columns) - set(headings)
    return frame.rename(columns={k: v for k, v in headings.items() if v not in taken})


def problems_table(problems: pd.DataFrame) -> pd.DataFrame:
    """The problem list as shown and downloaded: reasons, severities and headings in the
    current language, with each problem's code for reference."""
    severity = problems["severity"].map(
        {level: t(f"import.severity.{level}") for level in ("error", "warning")}
    )
    shown = problems.assign(
        reason=problem_reasons(problems), severity=severity.fillna(problems["severity"])
    )
    return _headed(shown[[c for c in PROBLEM_COLUMNS if c in shown]], PROBLEM_COLUMNS)


def rejected_rows_table(report: ImportReport) -> pd.DataFrame:
    """The rejected rows as downloaded: their reasons in the current language (from the
    problem list; a row past its end keeps the English reasons) and the file's columns."""
    rows = report.rejected_rows
    errors = report.problems
    if "severity" in errors:
        errors = errors[errors["severity"] == "error"]
    if not rows.empty and not errors.empty:
        cells = _filled(t("import.problems.cell"), errors.assign(reason=problem_reasons(errors)))
        joined = cells.groupby(errors["row"], sort=False).agg(t("messages.semicolon").join)
        rows = rows.assign(reasons=rows["row"].map(joined).fillna(rows["reasons"]))
    return _headed(rows, ("row", "reasons"))


def _upload_owner() -> str:
    """A random name for this browser session's uploads: two sessions never share a file."""
    if _UPLOAD_OWNER not in st.session_state:
        st.session_state[_UPLOAD_OWNER] = secrets.token_hex(8)
    return str(st.session_state[_UPLOAD_OWNER])


def _saved_upload(upload: object) -> Path:
    """The uploaded file on disk for this run (DuckDB reads files), at the same path for the
    same content; import_section deletes it when the run ends."""
    return tempfiles.hold_upload(
        upload.getvalue(),  # type: ignore[attr-defined]
        upload.name,  # type: ignore[attr-defined]
        _upload_owner(),
    )


def choose_file() -> tuple[Path | None, str, str | None]:
    """The upload, what it holds and its preset; (None, ...) until a file is chosen."""
    presets = all_presets(cache.get_store())
    left, right = st.columns(2)
    table = left.selectbox(
        t("data.table"), list(TABLES), format_func=lambda n: t(f"data.table.{n}"), key="data.table"
    )
    # A preset of several files (a whole CRM export) is offered whatever the table: its files
    # go to their own tables, shown beside each (import_multi_view).
    offered = (len(p.files) > 1 or any(f.mapping.table == table for f in p.files)
               for p in presets.values())  # fmt: skip
    options = [None, *(n for n, shown in zip(presets, offered, strict=True) if shown)]
    preset = right.selectbox(
        t("data.preset"), options, key=f"data.preset.{table}",
        format_func=lambda n: t("data.preset.none") if n is None
        else f"{n}: {presets[n].title_in(current_language())}",
    )  # fmt: skip
    if preset is not None and len(presets[preset].files) > 1:
        return None, table, preset  # its files are uploaded together (import_multi_view)
    upload = st.file_uploader(
        t("data.upload"), type=["csv", "tsv", "txt", "xlsx", "parquet"],
        help=t("data.upload.help"), key="data.upload",
    )  # fmt: skip
    return (_saved_upload(upload) if upload else None), table, preset


def read_settings(path: Path) -> ReadOptions:
    """Encoding, delimiter and sheet: detected unless the user picks one."""
    with st.expander(t("data.settings")):
        a, b, c = st.columns(3)
        encoding = a.selectbox(
            t("data.encoding"), [None, *_ENCODINGS], key="data.encoding",
            format_func=lambda e: t("data.encoding.auto") if e is None else e,
        )  # fmt: skip
        delimiter = b.selectbox(
            t("data.delimiter"), [None, *DELIMITERS], key="data.delimiter",
            format_func=lambda d: t("data.delimiter.auto") if d is None else repr(d),
        )  # fmt: skip
        sheet = None
        if path.suffix.lower() == ".xlsx":
            sheet = c.text_input(t("data.sheet"), key="data.sheet") or None
    return ReadOptions(encoding=encoding, delimiter=delimiter, sheet=sheet)


def edit_mapping(path: Path, table: str, preset: str | None, read: ReadOptions) -> Mapping:
    """The mapping table: every field, the column that fills it; starts from the preset or
    from matching headers."""
    headers = read_headers(path, read)
    if preset:
        base = all_presets(cache.get_store())[preset].for_table(table)
    else:
        base = Mapping(table, columns=auto_map(headers, table))
    spec = TABLES[table]
    frame = pd.DataFrame(
        {
            "field": [column_label(name) for name in spec.field_names],
            "required": [
                "✓" if f.required or any(f.name in g for g in spec.one_of) else ""
                for f in spec.fields
            ],
            "column": [
                base.columns.get(f.name) if base.columns.get(f.name) in headers else None
                for f in spec.fields
            ],
        },
        index=list(spec.field_names),
    )
    st.subheader(t("data.mapping"))
    st.caption(t("data.mapping.help"))
    edited = st.data_editor(
        frame,
        hide_index=True,
        disabled=["field", "required"],
        key=f"data.mapping.{path.parent.name}.{table}.{preset}",
        column_config={
            "field": st.column_config.TextColumn(t("data.mapping.field")),
            "required": st.column_config.TextColumn(t("data.mapping.required"), width="small"),
            "column": st.column_config.SelectboxColumn(t("data.mapping.column"), options=headers),
        },
        placeholder=MISSING,
    )
    columns = {
        str(name): column for name, column in edited["column"].items() if isinstance(column, str)
    }
    mapping = Mapping(table, columns, dict(base.defaults), dict(base.date_formats),
                      dict(base.values), dict(base.options))  # fmt: skip
    missing = missing_required(spec, mapping)
    if missing:
        st.warning(t("data.mapping.missing", fields=", ".join(missing)))
    with st.popover(t("data.preset.save")):
        name = st.text_input(t("data.preset.name"), key="data.preset.name")
        if st.button(t("data.preset.save"), key="data.preset.save", disabled=not name):
            try:
                save_preset(
                    cache.get_store(), name, mapping, path.name, actor=actor_id(current_user())
                )
                st.toast(t("data.preset.saved", name=md(name)), icon=":material/check:")
            except HuddleDataError as error:
                st.error(error_text(error))
    return mapping


def _request(path: Path, mapping: Mapping, read: ReadOptions, on_error: str, replace: bool,
             preset: str | None) -> ImportRequest:  # fmt: skip
    return ImportRequest(path, mapping, read, on_error, replace, preset)  # type: ignore[arg-type]


def dry_run(request: ImportRequest) -> tuple[ImportReport | None, object | None]:
    """What the import would do (cached per file, mapping, settings and data version), and
    why it would be refused: an error or message shown with error_text, so in the language
    of the moment it is shown; None when nothing stops it."""
    key = (request.path.as_posix(), request.mapping.to_json(), repr(request.read),
           request.on_error, request.replace_existing, request.add_to_company,
           cache.data_version())  # fmt: skip
    saved = st.session_state.get(_STATE)
    if saved and saved[0] == key:
        return saved[1], saved[2]
    refusal: object | None
    try:
        report = run_import(cache.get_store(), request, dry_run=True)
        refusal = (refusal_message(report) or report.refused) if report.refused else None
    except ImportRejected as rejected:
        report, refusal = rejected.report, rejected  # type: ignore[assignment]
    except HuddleDataError as error:
        report, refusal = None, error
    st.session_state[_STATE] = (key, report, refusal)
    return report, refusal


def _how_read(staged: StagedFile) -> str:
    """How the file was read (encoding and why, delimiter; or the sheet), in words."""
    if staged.format == "csv" and staged.encoding:
        delimiter = staged.delimiter or ","
        shown = t("data.delimiter.tab") if delimiter == "\t" else f"“{delimiter}”"
        return t(
            "data.read_as_text",
            encoding=staged.encoding.encoding,
            why=t(f"data.encoding_why.{staged.encoding.why}"),
            delimiter=shown,
        )
    if staged.sheet:
        return t("data.read_as_sheet", format=staged.format.upper(), sheet=staged.sheet)
    return t("data.read_as", format=staged.format.upper())


def show_report(report: ImportReport) -> None:
    """Detected settings, preview, counts and every problem with downloads."""
    staged = report.staged
    if staged is not None:
        st.caption(t("data.detected", rows=f"{staged.rows:,}", columns=len(staged.headers),
                     how=_how_read(staged)))  # fmt: skip
        with st.expander(t("data.preview")):
            st.dataframe(report.preview, hide_index=True, placeholder=MISSING)
    if report.skipped:
        st.info(t("data.mapping.skipped", columns=", ".join(map(md, report.skipped.values()))))
    if report.date_formats:
        shown = join_names(
            t("data.date_format", field=column_label(k), format=v)
            for k, v in report.date_formats.items()
        )
        st.caption(t("data.dates", formats=shown))
    st.subheader(t("data.report"))
    a, b, c = st.columns(3)
    a.metric(t("data.report.rows"), f"{report.rows:,}")
    b.metric(t("data.report.errors"), f"{report.rejected:,}")
    c.metric(t("data.report.warnings"), f"{report.warnings:,}")
    for message in report.blocking:
        st.error(error_text(message))  # type: ignore[arg-type]
    for name, values in report.unmapped_values.items():
        st.warning(t("data.unmapped", field=md(name), values=", ".join(map(md, values[:20]))))
    if report.imported_before:
        st.info(t("data.report.before", when=", ".join(report.imported_before)))
    if report.written is not None:
        w = report.written
        st.caption(t("data.report.would", added=f"{w.added:,}", updated=f"{w.updated:,}",
                     unchanged=f"{w.unchanged:,}"))  # fmt: skip
    if report.problems.empty:
        st.success(t("data.report.clean"))
        return
    st.markdown(f"**{t('data.report.problems')}**")
    table_with_download(
        problems_table(report.problems), "problems.csv", key="data.problems", height=240
    )
    if not report.rejected_rows.empty:
        st.markdown(f"**{t('data.report.rejected')}**")
        download_csv(rejected_rows_table(report), "rejected_rows.csv", key="data.rejected")


def commit(request: ImportRequest) -> None:
    """The Import button: runs the import with a progress bar; a toast when it is in."""
    bar = st.progress(0.0, text=t("data.committing"))
    try:
        report = run_import(
            cache.get_store(), request,
            progress=lambda f, _m: bar.progress(min(f, 1.0), text=t("data.committing")),
            actor=actor_id(current_user()),
        )  # fmt: skip
    except HuddleDataError as error:
        bar.empty()
        st.error(t("data.rejected", message=error_text(error)))
        return
    bar.progress(1.0)
    st.session_state.pop(_STATE, None)
    w = report.written
    assert w is not None
    message = t("data.done", file=md(report.file_name), added=f"{w.added:,}",
                updated=f"{w.updated:,}", rejected=f"{report.rejected:,}")  # fmt: skip
    st.success(message)
    st.toast(message, icon=":material/check_circle:")
    if not report.rejected_rows.empty:
        download_csv(rejected_rows_table(report), "rejected_rows.csv", key="data.rejected_done")


def import_section() -> None:
    """The whole import flow, from choosing a file to committing it.

    The upload is on disk only while this runs: however the run ends (imported, refused,
    an error, the user moving on or choosing another file) it is deleted. The uploader keeps
    the file in the session's memory and the next run writes it again."""
    try:
        _import_flow()
    finally:
        tempfiles.release_uploads(_upload_owner())


def _import_flow() -> None:
    store = cache.get_store()
    replace = False
    foreign = company.holds_foreign_data(store)
    if foreign:
        st.info(t("data.foreign"), icon=":material/info:")
        replace = st.checkbox(t("data.replace"), key="data.replace")
        if replace:
            backup_first("data.replace_backup")
    path, table, preset = choose_file()
    presets = all_presets(store)
    if preset is not None and len(presets[preset].files) > 1:
        import_multi_view.multi_import_section(
            presets[preset], replace=replace, foreign=foreign, save=_saved_upload
        )
        return
    if path is None:
        return
    read = read_settings(path)
    try:
        mapping = edit_mapping(path, table, preset, read)
    except HuddleDataError as error:
        st.error(error_text(error))
        return
    on_error = st.radio(
        t("data.on_error"), ["reject", "quarantine"], horizontal=True, key="data.on_error",
        format_func=lambda v: t(f"data.on_error.{v}"),
    )  # fmt: skip
    request = _request(path, mapping, read, on_error, replace, preset)
    # The check runs as if the demo were cleared (it is rolled back either way), so a lead sees
    # their file's rows and problems before deciding; Import waits for the box to be ticked.
    report, refusal = dry_run(_request(path, mapping, read, on_error, replace or foreign, preset))
    if report is not None:
        show_report(report)
    if refusal is not None:
        st.error(error_text(refusal))  # type: ignore[arg-type]
    if isinstance(refusal, CompanyMismatchError):  # one company per database: the lead says
        choice = company_profile_view.mismatch_choice(refusal, path.name)
        if choice is not None:
            request = dataclasses.replace(
                request, add_to_company=choice == "add", replace_existing=choice == "replace"
            )
            report, refusal = dry_run(request)
            if report is not None:
                show_report(report)
            if refusal is not None:
                st.error(error_text(refusal))  # type: ignore[arg-type]
    blocked = refusal is not None or (foreign and not replace)
    if foreign and not replace and refusal is None:
        st.caption(t("data.tick_to_import"))
    if st.button(t("data.commit"), type="primary", disabled=blocked, key="data.commit"):
        commit(request)


def history_section() -> None:
    """Every import: when, which file, which table, rows added, updated and rejected."""
    st.subheader(t("data.history"))
    history = cache.fetch(ImportHistory())
    if history.empty:
        st.info(t("data.history.empty"))
        return
    table_with_download(_labelled(history.drop(columns=["created"])), "imports.csv",
                        key="data.history")  # fmt: skip


def fetch_first() -> None:
    """Work out, side by side, the page's two checks over every row (the health table and the
    likely duplicates; 0.8 and 0.3 s at ten million order lines), which its sections then
    read from the cache: a first run waits for the slower, not for both."""
    cache.fetch_all([_health_request(), LikelyDuplicates()])


def _health_request() -> DataHealth:
    return DataHealth(today=date.today())


def health_section() -> None:
    """Rows, date range, freshness and orphan references per table."""
    st.subheader(t("data.health"))
    health = cache.fetch(_health_request())
    health["table_name"] = health["table_name"].map(lambda n: t(f"data.health.table.{n}"))
    for column in ("first_date", "last_date"):
        health[column] = pd.to_datetime(health[column]).dt.date
    table_with_download(_labelled(health), "health.csv", key="data.health")


def duplicates_section() -> None:
    """Names that differ only in spacing, case or punctuation, each with a merge button."""
    st.subheader(t("data.duplicates"))
    found = cache.fetch(LikelyDuplicates())
    if found.empty:
        st.caption(t("data.duplicates.none"))
        return
    for number, row in enumerate(found.itertuples()):
        names, ids = list(row.names), list(row.ids)
        keep = st.selectbox(row.table_name, names, key=f"data.dupe.{number}")
        for name, row_id in zip(names, ids, strict=True):
            if name == keep:
                continue
            label = t("data.duplicates.merge", source=md(repr(name)), target=md(repr(keep)))
            if st.button(label, key=f"data.merge.{number}.{row_id}"):
                company.merge(
                    cache.get_store(), row.table_name, row_id, ids[names.index(keep)],
                    actor=actor_id(current_user()),
                )  # fmt: skip
                st.toast(t("data.duplicates.merged", source=md(name), target=md(keep)))
                st.rerun()


def demo_section() -> None:
    """Rebuild the demo company, after an explicit confirmation."""
    with st.expander(t("data.demo")):
        st.caption(t("data.demo.help"))
        sure = st.checkbox(t("data.demo.confirm"), key="data.demo.confirm")
        if sure:
            backup_first("data.demo_backup")
        if st.button(t("data.demo.button"), disabled=not sure, key="data.demo.button"):
            with st.spinner(t("data.demo.button")):
                # The demo's names in the reader's language: 王伟 and 杭州, or Ann and Austin.
                locale = "zh_CN" if current_language() == "zh" else "en"
                company.restore_demo(
                    cache.get_store(), locale=locale, actor=actor_id(current_user())
                )
            st.toast(t("data.demo.done"), icon=":material/check_circle:")


def currency_section() -> None:
    """The company's currency: a setting of the data (saved in the database), shown with every
    amount on every page, in English and Chinese alike. Only here, not beside the language."""
    store = cache.get_store()
    stored = settings.stored_currency(store)
    shown = cache.company_currency()
    with st.expander(t("settings.header"), expanded=stored is None):
        if stored is None:
            st.caption(t("settings.currency.unset", currency=t(f"currency.{shown}")))
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        code = left.selectbox(
            t("settings.currency"),
            list(settings.CURRENCIES),
            index=settings.CURRENCIES.index(shown),
            format_func=lambda c: t(f"currency.{c}"),
            key="data.currency",
            help=t("settings.currency.help"),
        )
        if right.button(t("settings.save"), key="data.currency.save"):
            try:
                saved = settings.set_currency(store, code, actor=actor_id(current_user()))
            except HuddleDataError as error:
                st.error(error_text(error))
                return
            st.toast(t("settings.saved", currency=t(f"currency.{saved}")), icon=":material/check:")
            st.rerun()
