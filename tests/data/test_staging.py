"""Imports and the demo on PostgreSQL (data/staging.py): done in a staged DuckDB copy and
written back in one transaction; the same rows and KPI totals as on a DuckDB file; a save
landing meanwhile is never lost; DuckDB-file backups refuse with a sentence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import cli
from data.backup import BackupError, backup_store
from data.company_copy import NOT_COPIED, CopyConflict, copy_company
from data.customer_notes import add_note, new_submission_id
from data.importing.presets import get_preset
from data.importing.runner import ImportReport, ImportRequest, run_imports
from data.pg_store import PostgresStore
from data.settings import set_currency, stored_currency
from data.staging import ATTEMPTS, run_staged
from data.store import Store
from metrics.company_totals import company_totals
from tests.conftest import DATASETS
from tests.metrics.fixture import build_tiny_company

MAVEN = DATASETS / "maven-crm"
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"
TODAY = date(2026, 11, 20)
# The tables an import writes, and what must match between the two engines (audit and
# import log rows carry times, so their counts are compared, not their values).
COMPARED = (
    "teams", "reps", "customers", "products", "orders", "deals", "activities", "import_keys",
    "import_log", "audit_log", "company_settings", "customer_notes",
)  # fmt: skip


def _counts(store: Store | PostgresStore) -> dict[str, int]:
    return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in COMPARED}


def _import_maven(store: Store | PostgresStore) -> list[ImportReport]:
    preset = get_preset("maven-crm")
    requests = [
        ImportRequest(MAVEN / item.file, item.mapping, preset="maven-crm")
        for item in preset.import_order
    ]
    return run_imports(store, requests, today=TODAY, via="cli")


def _import_superstore(
    store: Store | PostgresStore, progress: Callable[[float, str], None] | None = None
) -> list[ImportReport]:
    mapping = get_preset("superstore").for_table("orders")
    request = ImportRequest(SUPERSTORE, mapping, preset="superstore", add_to_company=True)
    return run_imports(store, [request], today=TODAY, progress=progress)


def _note(store: Store | PostgresStore, text: str) -> None:
    customer = int(store.scalar("SELECT min(customer_id) FROM customers"))
    add_note(store, customer, "note", text, submission_id=new_submission_id())


def test_on_duckdb_the_work_runs_on_the_store_itself(tmp_path: Path) -> None:
    store = Store(tmp_path / "huddle.duckdb")
    assert run_staged(store, lambda local: local) is store
    store.close()


def test_imports_on_postgres_give_the_rows_and_totals_of_duckdb(
    tmp_path: Path, postgres_url: str
) -> None:
    """The Maven CRM preset (four files, one transaction) and the Superstore orders, onto a
    DuckDB file and onto PostgreSQL; between them a customer note is saved, on each the same.
    On PostgreSQL the Superstore import's copy-out happens, then the note lands (saved by
    another store, as another app process would) before the write-back: the write-back is
    refused, the import is done again on a copy that has the note, and both are kept."""
    duck = Store(tmp_path / "huddle.duckdb")
    server = PostgresStore(postgres_url)
    other = PostgresStore(postgres_url)  # another process's connection to the same server
    for store in (duck, server):
        reports = _import_maven(store)
        assert [r.committed for r in reports] == [True] * 4
    _note(duck, "Asked for the spring catalogue")
    _import_superstore(duck)

    readings: list[int] = []

    def meanwhile(fraction: float, message: str) -> None:
        if message == "reading":
            readings.append(1)
            if len(readings) == 1:  # inside the first attempt, after the copy-out
                _note(other, "Asked for the spring catalogue")

    reports = _import_superstore(server, meanwhile)
    assert reports[0].committed
    assert len(readings) == 2  # the first write-back was refused, the import done again
    assert _counts(server) == _counts(duck)
    assert server.scalar("SELECT text FROM customer_notes") == "Asked for the spring catalogue"
    assert company_totals(server, TODAY) == company_totals(duck, TODAY)
    assert company_totals(server, TODAY)["revenue"] > 0
    for store in (duck, server, other):
        store.close()


def test_a_dry_run_on_postgres_writes_nothing_back(postgres_url: str) -> None:
    server = PostgresStore(postgres_url)
    version = server.data_version()
    mapping = get_preset("superstore").for_table("orders")
    reports = run_imports(server, [ImportRequest(SUPERSTORE, mapping)], today=TODAY, dry_run=True)
    assert reports[0].rows == 9_994 and not reports[0].committed  # the file's data rows
    assert server.is_empty() and server.data_version() == version
    server.close()


def test_a_server_that_never_stays_still_is_refused_and_loses_nothing(
    tmp_path: Path, postgres_url: str
) -> None:
    tiny = Store(tmp_path / "tiny.duckdb")
    build_tiny_company(tiny)
    server = PostgresStore(postgres_url)
    copy_company(tiny, server)
    other = PostgresStore(postgres_url)
    attempts: list[int] = []

    def busy(local: Store) -> str:
        attempts.append(1)
        _note(other, f"Saved meanwhile, number {len(attempts)}")  # lands on the server
        return set_currency(local, "EUR")  # the staged change

    with pytest.raises(CopyConflict) as refused:
        run_staged(server, busy)
    assert refused.value.key == "db.staged_conflict" and len(attempts) == ATTEMPTS
    assert "nothing of theirs was lost" in str(refused.value)
    # Every save made meanwhile is there; the staged change is not.
    assert server.scalar("SELECT count(*) FROM customer_notes") == ATTEMPTS
    assert stored_currency(server) is None
    for store in (tiny, server, other):
        store.close()


def test_demo_and_import_run_on_postgres_from_the_cli(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same demo (same seed, size and end date) built into a DuckDB file and, through the
    CLI, onto PostgreSQL: the same tables row for row and the same totals to the cent."""
    demo = ["demo", "--orders", "2000", "--seed", "7", "--end-date", "2026-11-20"]
    path = tmp_path / "demo.duckdb"
    assert cli.main([*demo, "--db", str(path)]) == 0
    assert cli.main([*demo, "--db", postgres_url]) == 0
    assert "2,000 order lines" in capsys.readouterr().out
    duck = Store(path, read_only=True)
    server = PostgresStore(postgres_url)
    tables = [r[0] for r in duck.rows("SELECT table_name FROM duckdb_tables() ORDER BY 1")]
    for table in set(tables) - NOT_COPIED:
        query = f"SELECT count(*) FROM {table}"
        assert server.scalar(query) == duck.scalar(query), table
    assert company_totals(server, TODAY) == company_totals(duck, TODAY)
    duck.close()
    # An import onto the server from the CLI: it replaces the demo company (--replace).
    folder = str(tmp_path / "rejects")
    args = ["import", "--preset", "maven-crm", str(MAVEN), "--replace", "--rejects-dir", folder]
    assert cli.main([*args, "--db", postgres_url]) == 0
    assert server.scalar("SELECT count(*) FROM deals") == 8_800  # sales_pipeline.csv's rows
    assert server.scalar("SELECT count(*) FROM import_log") == 4
    server.close()


def test_backup_and_restore_refuse_on_postgres_and_say_pg_dump(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    server = PostgresStore(postgres_url)
    with pytest.raises(BackupError) as refused:
        backup_store(server)
    assert refused.value.key == "backup.server" and "pg_dump" in str(refused.value)
    server.close()
    assert cli.main(["backup", "--db", postgres_url]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert cli.main(["restore", str(tmp_path / "x.duckdb"), "--db", postgres_url]) == 2
    assert "pg_restore" in capsys.readouterr().err
