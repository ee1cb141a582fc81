"""One import, start to finish, in one transaction: read, parse, validate, write, log; a
preset's several files (run_imports) share that one transaction.

A dry run does all of it and rolls back, so the page can show exactly what an import would do.
A failure anywhere (a bad file, a rejected row under 'reject', a crash) rolls back too: the
database is left as it was. Rejected imports are therefore not in the import log.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from data import audit, tempfiles
from data.company_kind import clear_demo_mark
from data.company_profile import clear_profile, default_name, propose_name
from data.config import DEFAULT_IMPORT_MEMORY_MB, IMPORT_MEMORY_ENV_VAR
from data.errors import HuddleDataError
from data.importing.commit import WriteResult, write
from data.importing.company_match import check_company_match
from data.importing.errors import ForeignDataError, ImportRejected, refusal_message
from data.importing.mapping import Mapping
from data.importing.presets import shipped_presets
from data.importing.readers import ReadOptions, StagedFile, stage_file
from data.importing.validate import Prepared, prepare, problems_frame, rejected_rows_frame
from data.rollups import refresh_rollups
from data.settings import clear_currency, propose_currency
from data.staging import run_staged
from data.store import Store

OnError = Literal["reject", "quarantine"]
Progress = Callable[[float, str], None]
ENTITY_TABLES = ("teams", "reps", "customers", "products")
# Every table the demo company fills; "replace" empties them before importing.
COMPANY_TABLES = (
    "teams", "reps", "customers", "products", "orders", "deals", "activities", "feedback",
    "targets", "rep_period_teams", "reviews", "review_identities",
)  # fmt: skip
PROBLEMS_SHOWN = 5000


@dataclass(frozen=True)
class ImportRequest:
    """What to import, how, and what to do with bad rows."""

    path: Path
    mapping: Mapping
    read: ReadOptions = field(default_factory=ReadOptions)
    on_error: OnError = "reject"
    replace_existing: bool = False
    preset: str | None = None
    display_name: str | None = None
    # The currency the file's amounts are in (from its preset): set for the company when it
    # has none yet, in the import's own transaction.
    currency: str | None = None
    # Import even when the file looks like another company's (company_match): the lead said
    # it belongs to this one. Replacing the company instead is replace_existing.
    add_to_company: bool = False


@dataclass
class ImportReport:
    """Everything an import found and did (or, in a dry run, would do)."""

    file_name: str
    table: str
    file_sha256: str
    file_bytes: int
    staged: StagedFile | None = None
    date_formats: dict[str, str] = field(default_factory=dict)
    blocking: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # optional columns not in the file
    unmapped_values: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0
    rejected: int = 0
    warnings: int = 0
    problems: pd.DataFrame = field(default_factory=pd.DataFrame)
    problem_count: int = 0
    rejected_rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    preview: pd.DataFrame = field(default_factory=pd.DataFrame)
    written: WriteResult | None = None
    committed: bool = False
    refused: str | None = None  # why the import is (or, in a dry run, would be) refused
    refusal: ImportRejected | None = None  # the same as an error, for error_text()
    import_id: int | None = None
    imported_before: list[str] = field(default_factory=list)  # when this file came before

    @property
    def accepted(self) -> int:
        """Rows without an error."""
        return self.rows - self.rejected

    def encoding_note(self) -> str:
        """The detected encoding and delimiter (or sheet), shown so the user can override."""
        staged = self.staged
        if staged is None:
            return ""
        if staged.format == "csv" and staged.encoding:
            shown = {"\t": "tab"}.get(staged.delimiter or ",", staged.delimiter)
            guess = staged.encoding
            return f"read as {guess.encoding} ({guess.reason}), delimiter {shown!r}"
        return f"read as {staged.format}" + (f", sheet {staged.sheet!r}" if staged.sheet else "")

    def summary(self) -> str:
        """A few lines saying what happened, for the CLI and logs."""
        lines = [f"{self.file_name} → {self.table}: {self.rows:,} rows read"]
        lines += [f"  {b}" for b in self.blocking]
        if self.skipped:
            lines.append(f"  not in this file (left empty): {', '.join(self.skipped.values())}")
        if self.rejected:
            lines.append(f"  {self.rejected:,} rows have errors ({self.problem_count:,} problems)")
        if self.warnings:
            lines.append(f"  {self.warnings:,} warnings")
        for name, values in self.unmapped_values.items():
            lines.append(f"  {name}: values Huddle does not know: {', '.join(values[:10])}")
        if self.written:
            w = self.written
            lines.append(
                f"  added {w.added:,}, updated {w.updated:,}, unchanged {w.unchanged:,}, "
                f"set aside {self.rejected:,}"
            )
            for entity, n in sorted(w.created.items()):
                lines.append(f"  created {n:,} {entity} the file names but the database lacked")
            for what, n in sorted(w.extra.items()):
                lines.append(f"  {what.replace('_', ' ')}: {n:,}")
        return "\n".join(lines)


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def file_sha256(path: Path) -> tuple[str, int]:
    """The file's SHA-256 and size, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _hash_in_background(path: Path) -> Future[tuple[str, int]]:
    """file_sha256(path) running on its own thread; ("", 0) when there is no such file."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="huddle-import-hash")
    try:
        if path.is_file():
            return executor.submit(file_sha256, path)
        done: Future[tuple[str, int]] = Future()
        done.set_result(("", 0))
        return done
    finally:
        executor.shutdown(wait=False)  # the thread ends when the hash is done


FOREIGN_ROWS_SQL = "SELECT " + " + ".join(
    f"(SELECT count(*) FROM {t} WHERE {t[:-1]}_id NOT IN "
    f"(SELECT id FROM import_keys WHERE entity = '{t}'))"
    for t in ENTITY_TABLES
)


def foreign_rows(con: duckdb.DuckDBPyConnection) -> int:
    """Rows of teams, people, customers and products no import created or matched: the demo
    company, or data written another way. Imports refuse to mix with them."""
    return int(con.execute(FOREIGN_ROWS_SQL).fetchall()[0][0])


# Tables that hang off the company's rows (other migrations' own), emptied with them when present.
# Training plans and role duties (0018) are the replaced company's: the new one starts with none.
DEPENDENT_TABLES = (
    "review_action_events",
    "order_returns",
    "order_places",
    "placeholder_reps",
    "training_items",
    "training_changes",
    "role_duties",
    "stock",
    # The customer file's notes and tags (0015) name the replaced company's customer ids.
    "customer_notes",
    "customer_tag_events",
    # Worked follow-ups (0014) name the replaced company's customers and people.
    "follow_up_actions",
    # Weekly summaries, recaps and the suggestion box (0017) name its people and teams.
    "weekly_summaries",
    "weekly_recaps",
    "suggestion_events",
    "suggestions",
    # The stand-up's commitments (0016) name its people, customers and deals.
    "commitment_events",
    "commitments",
)


def clear_company(con: duckdb.DuckDBPyConnection) -> None:
    """Empty every company table and the import keys (the import log stays)."""
    present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for table in (*DEPENDENT_TABLES, *COMPANY_TABLES):
        if table in present:
            con.execute(f"DELETE FROM {table}")
    con.execute("DELETE FROM import_keys")
    # The replaced company's currency is not the new data's: the import's preset proposes
    # one, else the Data page asks for it.
    clear_currency(con)
    clear_demo_mark(con)  # the new data is the company's own, not the demo
    clear_profile(con)  # the replaced company's name is not the new data's: the import names it


def _previous(store: Store, sha: str, table: str) -> list[str]:
    rows = store.rows(
        "SELECT strftime(imported_at, '%Y-%m-%d %H:%M') FROM import_log "
        "WHERE file_sha256 = $sha AND target_table = $t ORDER BY imported_at",
        {"sha": sha, "t": table},
    )
    return [r[0] for r in rows]


def _log(con: duckdb.DuckDBPyConnection, request: ImportRequest, report: ImportReport) -> int:
    w = report.written or WriteResult()
    import_id = int(
        con.execute("SELECT coalesce(max(import_id), 0) + 1 FROM import_log").fetchall()[0][0]
    )
    encoding = report.staged.encoding.encoding if report.staged and report.staged.encoding else None
    con.execute(
        "INSERT INTO import_log (import_id, file_name, file_sha256, file_bytes, target_table,"
        " preset, encoding, on_error, rows_in_file, rows_added, rows_updated, rows_unchanged,"
        " rows_rejected, warnings, created, mapping) VALUES ($id, $name, $sha, $bytes, $table,"
        " $preset, $enc, $on_error, $rows, $added, $updated, $unchanged, $rejected, $warnings,"
        " $created, $mapping)",
        {
            "id": import_id, "name": report.file_name, "sha": report.file_sha256,
            "bytes": report.file_bytes, "table": report.table, "preset": request.preset,
            "enc": encoding, "on_error": request.on_error, "rows": report.rows,
            "added": w.added, "updated": w.updated, "unchanged": w.unchanged,
            "rejected": report.rejected, "warnings": report.warnings,
            "created": json.dumps(w.created | w.extra), "mapping": request.mapping.to_json(),
        },
    )  # fmt: skip
    return import_id


def _fill_report(con: duckdb.DuckDBPyConnection, report: ImportReport, prep: Prepared) -> None:
    report.date_formats = dict(prep.date_formats)
    report.skipped = dict(prep.skipped)
    report.blocking = list(prep.blocking)
    report.unmapped_values = dict(prep.unmapped_values)
    report.rows, report.rejected, report.warnings = prep.rows, prep.error_rows, prep.warnings
    report.problem_count = int(con.execute("SELECT count(*) FROM import_problems").fetchall()[0][0])
    report.problems = problems_frame(con, PROBLEMS_SHOWN)
    if prep.error_rows:
        report.rejected_rows = rejected_rows_frame(con, prep.staged)


def run_import(
    store: Store,
    request: ImportRequest,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    actor: int | None = None,
    via: str | None = None,
) -> ImportReport:
    """Import one file (see the module docstring): run_imports with a list of one. Raises
    ImportRejected when the file or, under on_error='reject', any row has an error;
    ForeignDataError when the database holds data no import wrote and replace_existing is off."""
    return run_imports(
        store, [request], dry_run=dry_run, today=today, progress=progress, actor=actor, via=via
    )[0]


def run_imports(
    store: Store,
    requests: Sequence[ImportRequest],
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    actor: int | None = None,
    via: str | None = None,
) -> list[ImportReport]:
    """Import files in the order given (a preset's import order: people before the deals that
    name them) in ONE transaction: every file goes in, or none does.

    A refused file (ImportRejected, whose message names the file and its first bad rows) rolls
    back the files before it too. A dry run checks the files in turn, each seeing the ones
    before it written, rolls everything back and returns the reports so far: it stops at the
    first refused file (the files after it would be checked against data that is not there).
    Each file gets its own import log row and audit row (import.file, by `actor`; `via` says
    where from, e.g. "cli"), a replace one more (import.replace), all in the same transaction:
    a dry run or a refused import leaves none. `progress` runs from 0 to 1 across all the files:
    file i of n spans i/n to (i+1)/n.

    On PostgreSQL the import runs on a staged DuckDB copy of the company, written back in one
    transaction unless someone saved meanwhile (data/staging.py: then it is done again)."""
    if not requests:
        return []
    if store.engine != "duckdb":
        return run_staged(
            store,
            lambda local: _run_imports(
                local, requests, dry_run, today, progress, actor, via, store.path
            ),
        )
    return _run_imports(store, requests, dry_run, today, progress, actor, via, store.path)


def _run_imports(
    store: Store,
    requests: Sequence[ImportRequest],
    dry_run: bool,
    today: date | None,
    progress: Progress | None,
    actor: int | None,
    via: str | None,
    shown: object,
) -> list[ImportReport]:
    """run_imports on a DuckDB store; `shown` is how messages name the database (the server's
    URL when this store is its staged copy)."""
    tell: Progress = progress or (lambda _f, _m: None)
    today = today or date.today()
    reports: list[ImportReport] = []
    total = len(requests)
    try:
        with bounded_memory(store), store.transaction() as con:
            # Replacing clears the company once, before the first file; the check for foreign
            # data is made once too (every later row is the import's own).
            if any(r.replace_existing for r in requests):
                clear_company(con)
                audit.record(con, actor, "import.replace", "company", None, _via(via))
            elif foreign_rows(con):
                raise ForeignDataError.of("import.refused.foreign_data", path=str(shown))
            for number, request in enumerate(requests):
                # Each file's staging copies in a folder of their own, removed when the file is
                # done (DuckDB has read them into tables by then): one file's copy at a time.
                with tempfiles.workdir("import") as work:
                    report = _import_file(
                        con, store, request, Path(work), today,
                        lambda f, m, n=number: tell((n + f) / total, m),
                    )  # fmt: skip
                reports.append(report)
                if report.refusal is not None:
                    if dry_run:
                        raise _DryRun
                    raise report.refusal
                _audit_file(con, report, actor, via)
            if dry_run:
                raise _DryRun
            refresh_rollups(con)  # the rollups commit with the rows they summarise, or neither
    except _DryRun:
        for report in reports:
            report.import_id = None  # its log row was rolled back with the rest
        return reports
    for report in reports:
        report.committed = True
    tell(1.0, "done")
    return reports


def _via(via: str | None) -> dict[str, str] | None:
    return None if via is None else {"via": via}


def _audit_file(
    con: duckdb.DuckDBPyConnection, report: ImportReport, actor: int | None, via: str | None
) -> None:
    """The audit row of one imported file: its name, table and counts (never its rows)."""
    w = report.written or WriteResult()
    details: dict[str, object] = {
        "file": report.file_name,
        "table": report.table,
        "added": w.added,
        "updated": w.updated,
        "rejected": report.rejected,
        **(_via(via) or {}),
    }
    audit.record(con, actor, "import.file", "import", report.import_id, details)


def _import_file(
    con: duckdb.DuckDBPyConnection,
    store: Store,
    request: ImportRequest,
    work: Path,
    today: date,
    tell: Progress,
) -> ImportReport:
    """One file inside run_imports' transaction: read, check, write, log. A refused file
    comes back with `refusal` set and nothing of it written."""
    path = Path(request.path)
    name = request.display_name or path.name
    report = ImportReport(name, request.mapping.table, "", 0)
    # The file is hashed on a thread while DuckDB reads it (hashlib releases the GIL).
    hashing = _hash_in_background(path)
    currency = request.currency or _preset_currency(request.preset)
    tell(0.05, "reading")
    if currency:
        propose_currency(con, currency)
    staged = stage_file(con, path, work, request.read, display_name=name)
    report.staged = staged
    report.file_sha256, report.file_bytes = hashing.result()
    if report.file_sha256:
        report.imported_before = _previous(store, report.file_sha256, report.table)
    report.preview = con.execute("SELECT * FROM import_raw LIMIT 20").df()
    report.preview.columns = staged.headers
    tell(0.3, "checking")
    prep = prepare(con, staged, request.mapping, today)
    _fill_report(con, report, prep)
    if prep.blocking or (prep.error_rows and request.on_error == "reject"):
        report.refusal = _rejection(report)
        report.refused = str(report.refusal)
        return report
    if not (request.add_to_company or request.replace_existing):
        check_company_match(con, name)  # one company per database, no silent mixing
    propose_name(con, default_name(_preset_title(request.preset), name))
    tell(0.6, "writing")
    report.written = write(con, request.mapping, today)
    report.import_id = _log(con, request, report)
    tell(0.95, "committing")
    return report


def import_memory_mb() -> int:
    """DuckDB's memory limit for an import: $HUDDLE_IMPORT_MEMORY_MB, else the default."""
    configured = os.environ.get(IMPORT_MEMORY_ENV_VAR, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return DEFAULT_IMPORT_MEMORY_MB


# Imports in one process take turns at the memory setting, so one ending cannot lift the
# limit while another runs (they take turns at writing anyway).
_BOUND = threading.Lock()


@contextmanager
def bounded_memory(store: Store) -> Iterator[None]:
    """Cap DuckDB's memory for the import's whole transaction, commit included, spilling the
    rest to this process's temporary folder (swept after a kill); then give pages DuckDB's
    default back.

    Both are settings of the database, not of a cursor, so they are set around the
    transaction, not in it: a transaction DuckDB aborted could not reset them. DuckDB cannot
    move a spill folder it has already used, so such a folder stays where it is."""
    with _BOUND:
        store.rows(f"SET memory_limit = '{import_memory_mb()}MB'")
        spill = str(tempfiles.duckdb_spill_dir()).replace("'", "''")
        with suppress(duckdb.Error):
            store.rows(f"SET temp_directory = '{spill}'")
        try:
            yield
        finally:
            # A database invalidated or replaced meanwhile has nothing to reset, and the
            # import's own error is the one to report.
            with suppress(duckdb.Error, HuddleDataError):
                store.rows("RESET memory_limit")


def _preset_currency(name: str | None) -> str | None:
    """The currency a shipped preset says its export's amounts are in, if it says one."""
    preset = shipped_presets().get(name or "")
    return preset.currency if preset else None


def _preset_title(name: str | None) -> str | None:
    """The title of a shipped preset (the company's name an import proposes), if it is one."""
    preset = shipped_presets().get(name or "")
    return preset.title if preset else None


def _rejection(report: ImportReport) -> ImportRejected:
    """The refusal, from the report: its message is the English text (the reasons and the
    first problems, for the CLI and logs); its key and values (import.refused.*) give the same
    in the user's language."""
    message = refusal_message(report)
    return ImportRejected(str(message) if message is not None else report.file_name, report)
