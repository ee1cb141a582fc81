"""The Data page's import of a preset's several files at once (Maven CRM's four, a Salesforce
export's accounts and opportunities): one upload of them all, matched to the preset's files by
name, shown in import order with where each goes, imported in ONE transaction.

The matching is plain functions (match_uploads, ready), so it is tested without a page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import pandas as pd
import streamlit as st

from components import cache, company_profile_view
from components.auth_session import actor_id, current_user
from components.format import md
from components.text import column_label, current_language, error_text, join_names, t
from data.errors import HuddleDataError
from data.importing.errors import CompanyMismatchError
from data.importing.presets import Preset
from data.importing.runner import ImportReport, ImportRequest, run_imports

Status = Literal["received", "missing", "extra"]
_REFUSED = "data.multi.refused"  # session state: submission key -> the company refusal
_DONE = "data.multi.done"  # session state: submission key -> per-file counts of an import


class Upload(Protocol):
    """What the page needs of one of st.file_uploader's files (its UploadedFile)."""

    name: str
    file_id: str

    def getvalue(self) -> bytes: ...


@dataclass(frozen=True)
class FileRow:
    """One row of the files table: a preset's file (in import order) or an upload it does
    not name; `table` is where the file goes (None for an upload not part of the preset)."""

    file: str
    table: str | None
    status: Status
    upload: int | None = None  # the upload's position in the uploader's list


def match_uploads(preset: Preset, names: Sequence[str]) -> list[FileRow]:
    """The preset's files in import order, each received (an upload of the same name, upper
    or lower case alike) or missing; then the uploads the preset does not name."""
    by_name: dict[str, int] = {}
    for number, name in enumerate(names):
        by_name.setdefault(name.casefold(), number)  # the same file twice: the first counts
    rows = []
    for item in preset.import_order:
        found = by_name.pop(item.file.casefold(), None)
        status: Status = "missing" if found is None else "received"
        rows.append(FileRow(item.file, item.mapping.table, status, found))
    # An upload named like one already matched is a second copy: not part of the import.
    matched = {r.upload for r in rows}
    rows += [
        FileRow(name, None, "extra", number)
        for number, name in enumerate(names)
        if number not in matched
    ]
    return rows


def ready(rows: Sequence[FileRow]) -> bool:
    """Every file the preset names is here (files it does not name are left out, not fatal)."""
    return all(r.status != "missing" for r in rows if r.table is not None)


def files_table(rows: Sequence[FileRow]) -> pd.DataFrame:
    """The table as shown: import order, file, the table it goes to (in words), status."""
    return pd.DataFrame(
        {
            t("data.multi.col.order"): [
                str(n) if r.table else "" for n, r in enumerate(rows, start=1)
            ],
            t("data.multi.col.file"): [r.file for r in rows],
            t("data.multi.col.table"): [
                t(f"data.table.{r.table}") if r.table else "" for r in rows
            ],
            t("data.multi.col.status"): [t(f"data.multi.status.{r.status}") for r in rows],
        }
    )


@dataclass(frozen=True)
class FileCounts:
    """What an import did with one file, kept for its confirmation (not the whole report)."""

    file: str
    table: str
    in_file: int
    added: int
    updated: int
    unchanged: int
    rejected: int

    @classmethod
    def of(cls, report: ImportReport) -> FileCounts:
        w = report.written
        return cls(report.file_name, report.table, report.rows, w.added if w else 0,
                   w.updated if w else 0, w.unchanged if w else 0, report.rejected)  # fmt: skip


def counts_table(counts: Sequence[FileCounts]) -> pd.DataFrame:
    """Per file: where it went and the rows added, updated, unchanged and set aside."""
    return pd.DataFrame(
        {
            t("data.multi.col.file"): [c.file for c in counts],
            t("data.multi.col.table"): [t(f"data.table.{c.table}") for c in counts],
            **{
                column_label(f"rows_{name}"): [getattr(c, name) for c in counts]
                for name in ("in_file", "added", "updated", "unchanged", "rejected")
            },
        }
    )


def _submission(preset: str, uploads: Sequence[Upload], on_error: str) -> str:
    """The same preset, files and choice of bad-row handling give the same key, so a second
    click on Import (or a rerun after one) finds the import already done. Not the "clear the
    demo company" tick: it disappears once the import has cleared the demo."""
    ids = sorted((u.name, u.file_id) for u in uploads)
    return hashlib.sha256(json.dumps([preset, ids, on_error]).encode()).hexdigest()


def multi_import_section(
    preset: Preset, *, replace: bool, foreign: bool, save: Callable[[Upload], Path]
) -> None:
    """Upload every file of `preset` at once, see them in import order, import them together.

    `save` writes an upload to disk for DuckDB (import_view's, deleted when the run ends);
    `foreign` says the database holds the demo company, `replace` that the lead ticked
    clearing it."""
    uploads: list[Upload] = (
        st.file_uploader(
            t("data.multi.upload", count=len(preset.files)),
            type=["csv", "tsv", "txt", "xlsx", "parquet"],
            accept_multiple_files=True,
            help=t("data.multi.upload.help"),
            key=f"data.multi.upload.{preset.name}",
        )
        or []
    )
    rows = match_uploads(preset, [u.name for u in uploads])
    st.caption(t("data.multi.order", preset=md(preset.title_in(current_language()))))
    st.dataframe(files_table(rows), hide_index=True)
    missing = [r.file for r in rows if r.status == "missing"]
    if missing and uploads:
        st.warning(t("data.multi.missing", files=join_names(map(md, missing))))
    on_error = st.radio(
        t("data.on_error"), ["reject", "quarantine"], horizontal=True, key="data.multi.on_error",
        format_func=lambda v: t(f"data.on_error.{v}"),
    )  # fmt: skip
    key = _submission(preset.name, uploads, on_error)
    done: dict[str, list[FileCounts]] = st.session_state.setdefault(_DONE, {})
    if foreign and not replace:
        st.caption(t("data.tick_to_import"))
    # Files that look like another company's wait for the lead's choice: add or replace.
    refused: dict[str, CompanyMismatchError] = st.session_state.setdefault(_REFUSED, {})
    choice = None
    if key in refused and key not in done:
        st.error(error_text(refused[key]))
        choice = company_profile_view.mismatch_choice(refused[key], f"multi.{key}")
    waiting = key in refused and choice is None
    blocked = not uploads or not ready(rows) or (foreign and not replace) or key in done or waiting
    clicked = st.button(t("data.commit"), type="primary", disabled=blocked, key="data.multi.commit")
    if clicked and key not in done:
        add, replace = choice == "add", replace or choice == "replace"
        _commit(preset, rows, uploads, on_error, (add, replace), key, save)
    if key in done:  # also after the rerun a second click makes: the import landed once
        _confirm(done[key])


def _commit(
    preset: Preset, rows: Sequence[FileRow], uploads: Sequence[Upload], on_error: str,
    choice: tuple[bool, bool], key: str, save: Callable[[Upload], Path],
) -> None:  # fmt: skip
    """Import the received files in order in one transaction, with one progress bar across
    them; remember the result under `key` the moment it is committed. `choice` is (add to
    this company anyway, replace its data)."""
    add, replace = choice
    chosen = [r for r in rows if r.table is not None and r.upload is not None]
    mappings = {f.file: f.mapping for f in preset.files}
    requests = [
        ImportRequest(
            save(uploads[r.upload]),  # type: ignore[index]
            mappings[r.file],
            on_error=on_error,  # type: ignore[arg-type]
            replace_existing=replace,
            add_to_company=add,
            preset=preset.name,
            display_name=uploads[r.upload].name,  # type: ignore[index]
        )
        for r in chosen
    ]
    names = [r.file for r in chosen]
    bar = st.progress(0.0, text=t("data.multi.committing", number=1, total=len(names),
                                  file=md(names[0])))  # fmt: skip

    def shown(fraction: float, _stage: str) -> None:
        # File i of n reports fractions from (i + 0.05) / n to (i + 0.95) / n, so the file
        # being imported is the whole part of fraction * n. The last call (1.0) comes after
        # the commit and is not drawn: the confirmation is what says it is done.
        if fraction < 1.0:
            number = min(int(fraction * len(names)), len(names) - 1)
            text = t("data.multi.committing", number=number + 1, total=len(names),
                     file=md(names[number]))  # fmt: skip
            bar.progress(fraction, text=text)

    try:
        reports = run_imports(
            cache.get_store(), requests, progress=shown, actor=actor_id(current_user())
        )
    except CompanyMismatchError as error:  # nothing written: ask add or replace, then retry
        bar.empty()
        st.session_state[_REFUSED][key] = error
        st.rerun()
    except HuddleDataError as error:
        bar.empty()
        st.error(t("data.multi.rejected", count=len(names), message=error_text(error)))
        return
    st.session_state[_DONE][key] = [FileCounts.of(r) for r in reports]
    bar.empty()
    st.toast(t("data.multi.done", count=len(reports)), icon=":material/check_circle:")


def _confirm(counts: Sequence[FileCounts]) -> None:
    """The import's confirmation: how many files, and per file the rows it added, updated,
    left unchanged and set aside."""
    st.success(t("data.multi.done", count=len(counts)))
    st.dataframe(counts_table(counts), hide_index=True)
