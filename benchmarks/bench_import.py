"""Benchmark: importing a big order-lines CSV against DuckDB's own read_csv of the same file.

Prints figures, not pass/fail. The goal (issue #3): the import takes no more than twice as
long as `CREATE TABLE ... AS SELECT * FROM read_csv(file)` on the same machine, same run.

    python benchmarks/bench_import.py                 # 5,000,000 rows
    python benchmarks/bench_import.py --rows 1000000
    python benchmarks/bench_import.py --repeat 3      # both, three times each, alternating
"""

from __future__ import annotations

import argparse
import statistics
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


def _duckdb_read_csv(csv: Path, work: Path) -> float:
    con = duckdb.connect(str(work / "plain.duckdb"))
    started = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{csv}')")
    seconds = time.perf_counter() - started
    con.close()
    return seconds


def _huddle_import(csv: Path, work: Path) -> tuple[float, int]:
    store = Store(work / "huddle.duckdb")
    request = ImportRequest(csv, MAPPING, read=ReadOptions(max_mb=100_000))
    started = time.perf_counter()
    report = run_import(store, request, today=date(2026, 11, 20))
    seconds = time.perf_counter() - started
    rows = int(store.scalar("SELECT count(*) FROM orders"))
    assert report.written is not None and report.written.added == rows
    store.close()
    return seconds, rows


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
    args = parser.parse_args()
    rounds: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as folder:
        work = Path(folder)
        csv = work / f"orders_{args.rows}.csv"
        _make_csv(args.rows, csv)
        size_mb = csv.stat().st_size / 1048576
        for _ in range(max(1, args.repeat)):
            _fresh(work)
            plain = _duckdb_read_csv(csv, work)
            ours, rows = _huddle_import(csv, work)
            rounds.append((plain, ours))
    print(f"file: {args.rows:,} rows, {size_mb:,.0f} MB")
    for plain, ours in rounds:
        print(f"DuckDB read_csv into a table : {plain:8.2f} s")
        print(f"Huddle import (validated)    : {ours:8.2f} s   ({rows:,} order lines)")
        print(f"ratio                        : {ours / plain:8.2f}x   (goal: at most 2x)")
    if len(rounds) > 1:
        plain = statistics.median(p for p, _ in rounds)
        ours = statistics.median(o for _, o in rounds)
        print(f"median of {len(rounds)} rounds: {plain:.2f} s against {ours:.2f} s, "
              f"ratio {ours / plain:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
