"""Benchmark: importing a big order-lines CSV against DuckDB's own read_csv of the same file.

Prints figures, not pass/fail. The goals (issue #16): a 5M-line import takes at most 1.5 times
as long as `CREATE TABLE ... AS SELECT * FROM read_csv(file)` on the same machine, same run,
and its peak memory (the child process's peak resident set) stays within 1 GB. Each side runs
in a child process of its own, so each peak is its own.

    python benchmarks/bench_import.py                 # 5,000,000 rows
    python benchmarks/bench_import.py --rows 10000000
    python benchmarks/bench_import.py --repeat 3      # both, three times each, alternating
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data.importing.mapping import Mapping  # noqa: E402
from data.importing.readers import ReadOptions  # noqa: E402
from data.importing.runner import ImportRequest, run_import  # noqa: E402
from data.store import Store  # noqa: E402

# 2,000 customers, 300 products, 40 reps, 2 lines per order: the shape of a mid-size shop.
_CSV = """COPY (
    SELECT 'SO-' || (i // 2) AS "Order ID", (i % 2) + 1 AS "Line",
           strftime(DATE '2021-01-01' + CAST(i % 1400 AS INTEGER), '%Y-%m-%d') AS "Order Date",
           'C' || (i * 7919 % 2000) AS "Customer ID",
           'Customer ' || (i * 7919 % 2000) AS "Customer",
           'P' || (i % 300) AS "Product ID", 'Product ' || (i % 300) AS "Product",
           'Rep ' || (i % 40) AS "Sales Agent", 1 + i % 5 AS "Quantity",
           printf('%.2f', 5 + (i * 37 % 100000) / 100.0) AS "Sales"
    FROM range({rows}) t(i)
) TO '{path}' (HEADER, DELIMITER ',')"""
MAPPING = Mapping(
    "orders",
    columns={
        "order_id": "Order ID", "line_no": "Line", "order_date": "Order Date",
        "customer_key": "Customer ID", "customer": "Customer", "product_key": "Product ID",
        "product": "Product", "rep": "Sales Agent", "quantity": "Quantity", "amount": "Sales",
    },
)  # fmt: skip


def _make_csv(rows: int, path: Path) -> None:
    if path.exists():
        return
    print(f"writing {rows:,} rows to {path} ...", flush=True)
    duckdb.connect().execute(_CSV.format(rows=rows, path=path))


def _duckdb_read_csv(csv: Path, work: Path) -> dict[str, float]:
    con = duckdb.connect(str(work / "plain.duckdb"))
    started = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{csv}')")
    seconds = time.perf_counter() - started
    con.close()
    return {"seconds": seconds}


def _huddle_import(csv: Path, work: Path) -> dict[str, float]:
    store = Store(work / "huddle.duckdb")
    request = ImportRequest(csv, MAPPING, read=ReadOptions(max_mb=100_000))
    started = time.perf_counter()
    report = run_import(store, request, today=date(2026, 11, 20))
    seconds = time.perf_counter() - started
    rows = int(store.scalar("SELECT count(*) FROM orders"))
    assert report.written is not None and report.written.added == rows
    store.close()
    return {"seconds": seconds, "rows": rows}


_CHILDREN = {"read_csv": _duckdb_read_csv, "import": _huddle_import}


def _in_child(kind: str, csv: Path, work: Path) -> dict[str, float]:
    """Run one side in a fresh Python process; its result plus its peak RSS in MB.

    os.wait4 gives this one child's resource use (RUSAGE_CHILDREN would mix both sides);
    ru_maxrss is in kilobytes on Linux (bytes on macOS)."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, "--csv", str(csv), "--work", str(work)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{kind} child failed ({child.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    scale = 1 if sys.platform == "darwin" else 1024
    result["peak_mb"] = usage.ru_maxrss * scale / 1048576
    return result


def _fresh(work: Path) -> None:
    """Remove the databases a previous round wrote, so every round starts from nothing."""
    for path in work.glob("*.duckdb*"):
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of both, alternating (the machine is shared)"
    )
    parser.add_argument(
        "--summary", type=Path, help="also write the medians and peaks to this JSON file"
    )
    parser.add_argument("--child", choices=sorted(_CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_CHILDREN[args.child](args.csv, args.work)), flush=True)
        return
    rounds: list[tuple[dict[str, float], dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as folder:
        work = Path(folder)
        csv = work / f"orders_{args.rows}.csv"
        _make_csv(args.rows, csv)
        size_mb = csv.stat().st_size / 1048576
        for _ in range(max(1, args.repeat)):
            _fresh(work)
            plain = _in_child("read_csv", csv, work)
            ours = _in_child("import", csv, work)
            rounds.append((plain, ours))
    print(f"file: {args.rows:,} rows, {size_mb:,.0f} MB; load average {_load()}")
    for plain, ours in rounds:
        p, o = plain["seconds"], ours["seconds"]
        print(f"DuckDB read_csv into a table : {p:8.2f} s   peak {plain['peak_mb']:7,.0f} MB")
        print(f"Huddle import (validated)    : {o:8.2f} s   peak {ours['peak_mb']:7,.0f} MB"
              f"   ({int(ours['rows']):,} order lines)")  # fmt: skip
        print(f"ratio                        : {o / p:8.2f}x   (goal: at most 1.5x)"
              f"   memory {ours['peak_mb'] / plain['peak_mb']:.2f}x (goal: import within"
              f" 1,024 MB for 5M lines)")  # fmt: skip
    plain_s = statistics.median(p["seconds"] for p, _ in rounds)
    ours_s = statistics.median(o["seconds"] for _, o in rounds)
    peak = max(o["peak_mb"] for _, o in rounds)
    if len(rounds) > 1:
        print(f"median of {len(rounds)} rounds: {plain_s:.2f} s against {ours_s:.2f} s, "
              f"ratio {ours_s / plain_s:.2f}x; highest import peak {peak:,.0f} MB")  # fmt: skip
    if args.summary:  # benchmarks/goals.py reads it
        figures = {"rows": args.rows, "read_csv_s": plain_s, "import_s": ours_s, "peak_mb": peak}
        args.summary.write_text(json.dumps(figures, indent=1), "utf-8")


def _load() -> str:
    """The 1-, 5- and 15-minute load averages: how busy the (shared) machine was."""
    try:
        return " ".join(f"{n:.2f}" for n in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
