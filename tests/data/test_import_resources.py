"""Huddle's temporary files (issue #19): staging copies, XLSX sheets read as CSV and uploads
live under one folder of Huddle's own, are gone after an import succeeds or is refused, and
what a killed process left is swept by the next one. An import killed with kill -9 at any
moment leaves the database without the file's rows or with all of them, and it reopens."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from data import tempfiles
from data.config import DEFAULT_IMPORT_MEMORY_MB, IMPORT_MEMORY_ENV_VAR, TMP_ENV_VAR
from data.importing.errors import ImportRejected
from data.importing.mapping import Mapping
from data.importing.readers import read_headers
from data.importing.runner import ImportRequest, run_import
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)
ORDERS = Mapping(
    "orders",
    columns={
        "order_id": "Order", "order_date": "Date", "customer": "Customer",
        "product": "Product", "rep": "Rep", "quantity": "Qty", "amount": "Amount",
    },
)  # fmt: skip
HEADER = "Order,Date,Customer,Product,Rep,Qty,Amount\n"


@pytest.fixture
def tmp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Huddle's temporary folder for this test only (the child processes inherit it)."""
    folder = tmp_path / "huddle-tmp"
    monkeypatch.setenv(TMP_ENV_VAR, str(folder))
    return folder


def _gbk_orders(path: Path, rows: int) -> Path:
    """Order lines with Chinese customer names in GBK: the import stages a UTF-8 copy."""
    lines = [
        f"SO-{i},2024-03-{1 + i % 28:02d},客户{i % 500}号,产品{i % 40},销售{i % 12},{1 + i % 5},"
        f"{10 + i % 900}.50\n"
        for i in range(rows)
    ]
    path.write_bytes((HEADER + "".join(lines)).encode("gb18030"))
    return path


def _leftovers(root: Path) -> list[str]:
    """Every file and folder under `root`, relative to it."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def test_a_successful_import_stages_under_huddles_folder_and_removes_it(
    tmp_root: Path, tmp_path: Path
) -> None:
    source = _gbk_orders(tmp_path / "订单.csv", 30)
    seen: list[list[str]] = []
    store = Store(tmp_path / "team.duckdb")
    report = run_import(
        store,
        ImportRequest(source, ORDERS),
        today=TODAY,
        progress=lambda _f, step: seen.append(_leftovers(tmp_root)) if step == "checking" else None,
    )
    assert report.committed and store.scalar("SELECT count(*) FROM orders") == 30
    store.close()
    # While it ran, the UTF-8 copy of the GBK file was in this process's import folder ...
    staged = [p for p in seen[0] if p.endswith("utf8.csv")]
    assert len(staged) == 1 and Path(staged[0]).parts[1].startswith("import-"), seen[0]
    # ... and afterwards nothing but the (empty) process folder and DuckDB's spill folder.
    assert all(not p.endswith(".csv") for p in _leftovers(tmp_root)), _leftovers(tmp_root)
    assert not list(tmp_root.glob("*/import-*"))


def test_a_refused_import_removes_its_staging_too(tmp_root: Path, tmp_path: Path) -> None:
    source = _gbk_orders(tmp_path / "订单.csv", 30)
    # Row 32 of the file (the header is row 1): a negative quantity, refused under 'reject'.
    with source.open("ab") as handle:
        handle.write("SO-X,2024-03-05,客户1号,产品1,销售1,-3,5\n".encode("gb18030"))
    store = Store(tmp_path / "team.duckdb")
    with pytest.raises(ImportRejected):
        run_import(store, ImportRequest(source, ORDERS), today=TODAY)
    assert store.scalar("SELECT count(*) FROM orders") == 0
    store.close()
    assert tmp_root.exists() and not list(tmp_root.glob("*/import-*")), _leftovers(tmp_root)


def _memory_limit_of(setting: str) -> str:
    """How DuckDB shows a memory_limit of `setting` (it prints its own units)."""
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{setting}'")
    shown = str(con.execute("SELECT current_setting('memory_limit')").fetchone()[0])
    con.close()
    return shown


def _memory_limit_while_writing(store: Store, during: list[str]) -> Callable[[float, str], None]:
    """A progress callback that notes the store's memory_limit when the import writes."""

    def noted(_fraction: float, step: str) -> None:
        if step == "writing":
            during.append(str(store.scalar("SELECT current_setting('memory_limit')")))

    return noted


def test_an_import_holds_duckdb_to_its_memory_bound_and_gives_it_back(
    tmp_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(IMPORT_MEMORY_ENV_VAR, raising=False)
    store = Store(tmp_path / "team.duckdb")
    before = store.scalar("SELECT current_setting('memory_limit')")
    during: list[str] = []
    report = run_import(
        store,
        ImportRequest(_gbk_orders(tmp_path / "订单.csv", 30), ORDERS),
        today=TODAY,
        progress=_memory_limit_while_writing(store, during),
    )
    assert report.committed
    # The bound that kept a 5M-line import under 1 GB for the whole process (data/config.py).
    assert DEFAULT_IMPORT_MEMORY_MB == 640
    assert during == [_memory_limit_of(f"{DEFAULT_IMPORT_MEMORY_MB}MB")] != [before]
    assert store.scalar("SELECT current_setting('memory_limit')") == before
    # $HUDDLE_IMPORT_MEMORY_MB overrides it.
    monkeypatch.setenv(IMPORT_MEMORY_ENV_VAR, "300")
    during.clear()
    run_import(
        store,
        ImportRequest(_gbk_orders(tmp_path / "订单2.csv", 10), ORDERS, add_to_company=True),
        today=TODAY,
        progress=_memory_limit_while_writing(store, during),
    )
    assert during == [_memory_limit_of("300MB")]
    store.close()


def test_reading_an_xlsx_sheet_for_its_headers_leaves_no_csv(
    tmp_root: Path, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Order", "Date", "Customer"])
    book.active.append(["A1", "2024-03-05", "Acme"])
    book.save(tmp_path / "orders.xlsx")
    assert read_headers(tmp_path / "orders.xlsx") == ["Order", "Date", "Customer"]
    assert not any(p.endswith(".csv") for p in _leftovers(tmp_root)), _leftovers(tmp_root)


def test_uploads_are_held_per_owner_and_released(tmp_root: Path) -> None:
    first = tempfiles.hold_upload(b"a,b\n1,2\n", "sales.csv", "session-a")
    other = tempfiles.hold_upload(b"a,b\n1,2\n", "sales.csv", "session-b")
    # The same content for the same owner is the same path (what was checked stays valid).
    assert tempfiles.hold_upload(b"a,b\n1,2\n", "../sales.csv", "session-a") == first
    assert first != other and first.is_relative_to(tmp_root) and first.read_bytes()
    tempfiles.release_uploads("session-a")
    assert not first.exists() and other.exists()  # another session's file is its own
    tempfiles.release_uploads("session-b")
    assert not other.exists()


def test_the_sweep_removes_only_the_folders_of_processes_that_are_gone(tmp_root: Path) -> None:
    tmp_root.mkdir(parents=True)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_root / f"{int(gone.stdout)}-1"
    (dead / "import-x").mkdir(parents=True)
    (dead / "import-x" / "utf8.csv").write_text("customer files")
    # Our own PID with another start time: a PID the system gave again to a new process.
    reused = tmp_root / f"{os.getpid()}-1"
    reused.mkdir()
    parent = os.getppid()
    living = tmp_root / f"{parent}-{tempfiles._start_time(parent)}"
    living.mkdir()
    notes = tmp_root / "notes"  # not a process folder: not Huddle's to judge
    notes.mkdir()
    removed = tempfiles.sweep_stale(tmp_root)
    assert sorted(removed) == sorted([dead, reused])
    assert living.exists() and notes.exists()


def test_the_app_start_sweeps_what_a_killed_process_left(tmp_root: Path) -> None:
    tmp_root.mkdir(parents=True)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_root / f"{int(gone.stdout)}-1" / "uploads"
    dead.mkdir(parents=True)
    (dead / "their-customers.csv").write_text("customer files")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not dead.parent.exists(), "the first page of a new app process sweeps the leftovers"


def test_the_data_page_deletes_the_upload_when_its_run_ends(tmp_root: Path) -> None:
    name = f"upload-{uuid.uuid4().hex}.csv"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/data.py")
    at.run()
    at.selectbox(key="data.table").select("orders").run()
    text = (
        "Order ID,Order Date,Customer,Product,Sales Agent,Quantity,Amount\n"
        "A1,2024-03-05,Acme,Widget,Ann,2,10\n"
    )
    at.file_uploader(key="data.upload").set_value((name, text.encode(), "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert {m.label: m.value for m in at.metric}["Rows"] == "1"  # the check read the file
    legacy = Path(tempfile.gettempdir()) / "huddle-uploads"
    # Nowhere on disk once the run is over: not under Huddle's folder, not where it used to be.
    assert not [p for p in tmp_root.rglob(name)] and not list(legacy.rglob(name))
    at.button(key="data.commit").click().run()
    assert any("Imported" in s.value for s in at.success), [e.value for e in at.error]
    assert not [p for p in tmp_root.rglob(name)]


# ------------------------------------------------------------------ kill -9
CHILD = """
import sys
from datetime import date
from pathlib import Path
sys.path.insert(0, {root!r})
from data.importing.mapping import Mapping
from data.importing.readers import ReadOptions
from data.importing.runner import ImportRequest, run_import
from data.store import Store
mapping = Mapping("orders", columns={columns!r})
store = Store(Path({db!r}))
run_import(store, ImportRequest(Path({source!r}), mapping, ReadOptions(sheet=None)),
           today=date(2026, 11, 20))
store.close()
"""
# The next start: a new process opens the database (it must reopen), counts, and uses
# Huddle's temporary folder, which sweeps what dead processes left; it exits normally.
NEXT_START = """
import sys
sys.path.insert(0, {root!r})
from data import tempfiles
from data.store import Store
tempfiles.process_dir()
store = Store({db!r})
print(store.scalar("SELECT count(*) FROM orders"), store.scalar("SELECT count(*) FROM import_log"))
store.close()
"""


def _xlsx_orders(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Orders")
    sheet.append(HEADER.strip().split(","))
    for i in range(rows):
        day, customer, product = f"2024-03-{1 + i % 28:02d}", f"Customer {i % 500}", i % 40
        sheet.append([f"SO-{i}", day, customer, f"Product {product}", f"Rep {i % 12}",
                      1 + i % 5, f"{10 + i % 900}.50"])  # fmt: skip
    book.save(path)
    return path


def _kill_import_at(db: Path, source: Path, staged_name: str, root: Path, delay: float) -> bool:
    """Start an import in a child, wait until its staging copy exists (or it ends), wait
    `delay` more seconds and kill -9 it; True when the staging copy was there at the kill."""
    code = CHILD.format(root=str(ROOT), columns=ORDERS.columns, db=str(db), source=str(source))
    child = subprocess.Popen([sys.executable, "-c", code])
    while child.poll() is None and not list(root.glob(f"*/import-*/{staged_name}")):
        time.sleep(0.01)
    time.sleep(delay)
    staged = bool(list(root.glob(f"*/import-*/{staged_name}")))
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()  # reaped: its PID is gone, not a zombie the sweep would think alive
    return staged and child.returncode == -signal.SIGKILL


def _next_start(db: Path) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", NEXT_START.format(root=str(ROOT), db=str(db))],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    orders, imports = done.stdout.split()
    return int(orders), int(imports)


@pytest.mark.parametrize(
    ("kind", "rows", "staged_name"), [("gbk", 40_000, "utf8.csv"), ("xlsx", 4_000, "sheet.csv")]
)
def test_kill_9_during_an_import_is_all_or_nothing_and_the_next_start_sweeps(
    tmp_root: Path, tmp_path: Path, kind: str, rows: int, staged_name: str
) -> None:
    if kind == "gbk":
        source = _gbk_orders(tmp_path / "订单.csv", rows)
    else:
        source = _xlsx_orders(tmp_path / "orders.xlsx", rows)
    db = tmp_path / "team.duckdb"
    Store(db).close()
    tmp_root.mkdir(parents=True, exist_ok=True)
    killed_while_staged = 0
    # The first kills land while the file is read and staged, later ones while it is checked
    # and written or committing; the last may find it done. Which one lands where depends on
    # the machine: each outcome must hold whenever the kill comes.
    for delay in (0.0, 0.05, 0.2, 0.5, 1.0, 2.0):
        killed_while_staged += _kill_import_at(db, source, staged_name, tmp_root, delay)
        orders, imports = _next_start(db)  # reopens, every time
        assert (orders, imports) in ((0, 0), (rows, 1)), (delay, orders, imports)
        # Whatever the killed import left (its staging copy, DuckDB's spill files) is gone,
        # and the next start removed its own folder when it exited.
        assert _leftovers(tmp_root) == [], (delay, _leftovers(tmp_root))
        if orders:
            break  # committed: a later import of the same file changes nothing
    assert killed_while_staged >= 1  # at least one kill found the staging copy on disk
    # Completed, without a kill: everything in, and again nothing left behind.
    code = CHILD.format(root=str(ROOT), columns=ORDERS.columns, db=str(db), source=str(source))
    subprocess.run([sys.executable, "-c", code], check=True)
    assert _next_start(db)[0] == rows
    assert _leftovers(tmp_root) == []
