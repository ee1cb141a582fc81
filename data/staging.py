"""Bulk work written for DuckDB (imports, the demo) run on a PostgreSQL store, unchanged.

The importer and the demo generator lean on DuckDB itself: read_csv, temporary tables,
registered DataFrames, bulk SQL. run_staged(store, work) runs them as they are:

- on a DuckDB file, work(store) runs on the store itself: nothing changes;
- on PostgreSQL, the company is copied into a temporary DuckDB file (data.company_copy, one
  snapshot), work runs on that file, and when it wrote something the tables are written back
  to the server in ONE transaction (all or nothing). That transaction first takes the
  data_version row lock and checks the version is still the one copied. If anyone saved
  meanwhile (a follow-up, a review, another import), the write-back is not made: the work is
  done again on a fresh copy, up to ATTEMPTS times, and then refused with a sentence
  (db.staged_conflict). A save made meanwhile is never overwritten.

The cost: the whole company is read out of the server and, after work that wrote, every table
is emptied and written back, whatever the work changed (at a million order lines, seconds to
tens of seconds each way; see benchmarks). Work that wrote nothing (a dry run, a refused file)
writes nothing back. The temporary file lives in this process's temporary folder
(data.tempfiles) and is removed when the work ends, however it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from data import tempfiles
from data.company_copy import CopyConflict, copy_company
from data.store import Store

T = TypeVar("T")
ATTEMPTS = 3  # copies tried before a busy server's work is refused


def run_staged(store: Any, work: Callable[[Store], T], *, attempts: int = ATTEMPTS) -> T:
    """work(store) on a DuckDB store; on PostgreSQL, work on a staged DuckDB copy written back
    in one transaction unless someone saved meanwhile (see the module docstring). Whatever
    work raises propagates, and nothing is written back."""
    if store.engine == "duckdb":
        return work(store)
    for _attempt in range(attempts):
        with tempfiles.workdir("staging") as folder:
            local = Store(folder / "company.duckdb")
            try:
                copied = copy_company(store, local)
                before = local.data_version()
                result = work(local)
                if local.data_version() == before:
                    return result  # nothing was written: nothing to write back
                try:
                    copy_company(local, store, replace=True, expect_version=copied.source_version)
                except CopyConflict:
                    continue  # someone saved meanwhile: redo the work on their data
                return result
            finally:
                local.close()
    raise CopyConflict.of("db.staged_conflict", target=str(store.path))
