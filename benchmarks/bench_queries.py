"""Benchmark: KPI Trends' main query through the compiler against hand-written SQL.

The query is monthly revenue and distinct (active) customers by top-level team over a year.
Three ways, timed in the same rounds, turn about, so a busy machine slows them alike:
  hand-written   the SQL a person would write over the same tables
  compiler       compile_request as Huddle runs it (joins only what the request reads, and
                 reads whole months from the month rollup, data.order_months: every month
                 of the year when it ends on the data's last day, as here)
  from the lines compile_request without rollups: every month from the order lines
  compiler, all  compile_request(prune=False): every join of the source, as before #16
  pandas peer    the same numbers as a pandas dashboard gets them: the tables read into
                 DataFrames once (timed apart), then filtered and grouped in pandas each time
plus new customers by month (which reads every customer's first purchase) both ways and
from its rollup (data.rollups: customer_firsts; the rollups are built into the file once if
missing or stale).
Prints medians (and the fastest round) in milliseconds, and each way's ratio to hand-written.
Figures, not pass/fail; the numbers of the three ways are checked to agree first.

    python benchmarks/bench_queries.py                  # 1,000,000 order lines, 7 rounds
    python benchmarks/bench_queries.py --orders 10000000 --rounds 5
    python benchmarks/bench_queries.py --orders 10000000 --reps 2000 --customers 200000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from data.rollups import (  # noqa: E402
    months_rollup_current,
    refresh_rollups,
    rolled_data_end,
    rollups_current,
)
from data.store import Store  # noqa: E402
from metrics.compiler import CompiledQuery, MetricRequest, compile_request  # noqa: E402
from metrics.filters import Filters  # noqa: E402

END = date(2026, 11, 20)
YEAR = Filters(start=date(2025, 12, 1), end=END)  # twelve monthly buckets
MAIN = MetricRequest(
    kpis=("revenue", "active_customers"), filters=YEAR, grain="month", dimension="team"
)
NEW_CUSTOMERS = MetricRequest(kpis=("new_customers",), filters=YEAR, grain="month")

# What a person would write: completed lines of the year, by month and top-level team.
HAND_WRITTEN = """
SELECT date_trunc('month', o.order_date)::DATE AS bucket, t.name AS team,
       sum(o.net_amount_cents) AS revenue_cents,
       count(DISTINCT o.customer_id) AS active_customers
FROM orders o
JOIN team_roots tr ON tr.team_id = o.team_id
JOIN teams t ON t.team_id = tr.root_id
WHERE o.status = 'completed' AND o.order_date BETWEEN $start AND $end
GROUP BY ALL
ORDER BY bucket, team
"""
# New customers by month as a person would write it: each customer's first day, then the
# completed lines of the year whose customer's first day is in or after their month.
HAND_NEW_CUSTOMERS = """
WITH firsts AS (
    SELECT o.customer_id,
           least(min(o.order_date), coalesce(min(c.acquired_date), min(o.order_date))) AS first_day
    FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id
    WHERE o.status = 'completed' GROUP BY o.customer_id
)
SELECT date_trunc('month', o.order_date)::DATE AS bucket,
       count(DISTINCT o.customer_id) FILTER (
           WHERE f.first_day >= greatest(date_trunc('month', o.order_date)::DATE, $start)
       ) AS new_customers
FROM orders o JOIN firsts f ON f.customer_id = o.customer_id
WHERE o.status = 'completed' AND o.order_date BETWEEN $start AND $end
GROUP BY ALL ORDER BY bucket
"""


class PandasPeer:
    """The main query as a pandas dashboard would answer it: the tables read into DataFrames
    once (as it would cache them), then each view filters and groups in pandas. Reading is
    timed once and printed apart; `answer` is what each view pays."""

    def __init__(self, store: Store) -> None:
        started = time.perf_counter()
        self.orders = store.query(
            "SELECT order_date, customer_id, team_id, net_amount_cents, status FROM orders"
        )
        roots = store.query("SELECT team_id, root_id FROM team_roots")
        names = store.query("SELECT team_id AS root_id, name AS team FROM teams")
        self.team_of = roots.merge(names, on="root_id").set_index("team_id")["team"]
        self.load_ms = (time.perf_counter() - started) * 1000

    def answer(self) -> pd.DataFrame:
        o = self.orders
        day = pd.to_datetime(o["order_date"])
        start, end = pd.Timestamp(YEAR.start), pd.Timestamp(YEAR.end)
        rows = o[(o["status"] == "completed") & (day >= start) & (day <= end)]
        frame = pd.DataFrame(
            {
                "bucket": day[rows.index].dt.to_period("M").dt.start_time.dt.date,
                "team": rows["team_id"].map(self.team_of),
                "net_amount_cents": rows["net_amount_cents"],
                "customer_id": rows["customer_id"],
            }
        )
        return (
            frame.groupby(["bucket", "team"])
            .agg(
                revenue_cents=("net_amount_cents", "sum"),
                active_customers=("customer_id", "nunique"),
            )
            .reset_index()
            .sort_values(["bucket", "team"], ignore_index=True)
        )


def check_pandas_peer(store: Store, peer: PandasPeer) -> None:
    """The pandas peer gives the hand-written SQL's numbers, month by month and team by team."""
    hand = store.query(HAND_WRITTEN, {"start": YEAR.start, "end": YEAR.end})
    mine = peer.answer()
    assert len(mine) == len(hand)
    assert [str(b) for b in mine["bucket"]] == [str(b)[:10] for b in hand["bucket"]]
    assert mine["team"].tolist() == hand["team"].tolist()
    assert mine["revenue_cents"].tolist() == hand["revenue_cents"].astype("int64").tolist()
    assert mine["active_customers"].tolist() == hand["active_customers"].tolist()


def build(orders: int, path: Path, reps: int | None = None, customers: int | None = None) -> None:
    """The demo company with `orders` order lines, built once (through the CLI) and kept."""
    if path.exists():
        store = Store(path, read_only=True)
        have = store.scalar("SELECT count(*) FROM orders")
        store.close()
        if have == orders:
            return
        path.unlink()
        Path(f"{path}.wal").unlink(missing_ok=True)
    print(f"building {orders:,} order lines into {path.relative_to(ROOT)} ...", flush=True)
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "cli.py"), "demo", "--orders", str(orders)]
    command += ["--end-date", END.isoformat(), "--db", str(path)]
    command += ["--reps", str(reps)] if reps else []
    command += ["--customers", str(customers)] if customers else []
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def build_rollups(path: Path) -> None:
    """The rollups the compiler reads, built into the file when missing or stale."""
    store = Store(path)
    if not (rollups_current(store) and months_rollup_current(store)):
        started = time.perf_counter()
        with store.transaction() as con:
            refresh_rollups(con)
        print(f"  rollups built in {time.perf_counter() - started:.1f} s", flush=True)
    store.close()


def check_same_numbers(store: Store, pruned: CompiledQuery, everything: CompiledQuery) -> None:
    """The three ways give the same revenue (to the cent) and customers for every month and
    team; the compiler also lists empty months as 0, which the hand-written SQL leaves out."""
    hand = store.query(HAND_WRITTEN, {"start": YEAR.start, "end": YEAR.end})
    for compiled in (pruned, everything):
        frame = store.query(compiled.sql, compiled.params)
        frame["revenue_cents"] = (frame["revenue"] * 100).round().astype("int64")
        merged = frame.merge(hand, on=["bucket", "team"], how="left", suffixes=("", "_hand"))
        extra = merged["revenue_cents_hand"].isna()
        assert (merged.loc[extra, "revenue_cents"] == 0).all()
        assert len(merged) - extra.sum() == len(hand)
        kept = merged[~extra]
        assert (kept["revenue_cents"] == kept["revenue_cents_hand"]).all()
        assert (kept["active_customers"] == kept["active_customers_hand"]).all()
    assert pd.DataFrame.equals(
        store.query(pruned.sql, pruned.params), store.query(everything.sql, everything.params)
    )


def time_side_by_side(ways: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Each way once per round, in turn; wall times in milliseconds."""
    times: dict[str, list[float]] = {name: [] for name in ways}
    for run in ways.values():  # one warm-up each: file pages in memory, plans cached
        run()
    for _ in range(rounds):
        for name, run in ways.items():
            started = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - started) * 1000)
    return times


def report(title: str, times: dict[str, list[float]], base: str) -> None:
    print(f"\n{title}")
    reference = statistics.median(times[base])
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:<34} median {median:8.1f} ms   fastest {min(values):8.1f} ms"
            f"   x{median / reference:5.2f} of {base}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000, help="order lines (1,000,000)")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds per way (7)")
    parser.add_argument("--reps", type=int, help="people in the demo (default: the standard 65)")
    parser.add_argument("--customers", type=int, help="customers (default: the demo's own)")
    parser.add_argument(
        "--summary", type=Path, help="also write the main query's medians to this JSON file"
    )
    args = parser.parse_args()
    people = (f"_r{args.reps}" if args.reps else "") + (
        f"_c{args.customers}" if args.customers else ""
    )
    path = ROOT / "benchmarks" / f"queries_{args.orders}{people}.duckdb"
    build(args.orders, path, args.reps, args.customers)
    build_rollups(path)

    store = Store(path, read_only=True)
    # As metrics.service.run compiles it: the month the data ends in is whole when the period
    # ends on or after the data's last day (metrics.month_rollup).
    main_rolled = compile_request(MAIN, rollups=True, data_ends=rolled_data_end(store))
    main_pruned, main_all = compile_request(MAIN), compile_request(MAIN, prune=False)
    new_pruned = compile_request(NEW_CUSTOMERS)
    new_all = compile_request(NEW_CUSTOMERS, prune=False)
    new_rolled = compile_request(NEW_CUSTOMERS, rollups=True)
    assert "order_months" in main_rolled.sql
    assert pd.DataFrame.equals(
        store.query(new_pruned.sql, new_pruned.params),
        store.query(new_rolled.sql, new_rolled.params),
    )
    hand_new = store.query(HAND_NEW_CUSTOMERS, {"start": YEAR.start, "end": YEAR.end})
    rolled_new = store.query(new_rolled.sql, new_rolled.params)
    assert (
        rolled_new.merge(hand_new, on="bucket", suffixes=("", "_hand"))
        .eval("new_customers == new_customers_hand")
        .all()
    )
    check_same_numbers(store, main_pruned, main_all)
    check_same_numbers(store, main_rolled, main_all)
    assert pd.DataFrame.equals(
        store.query(new_pruned.sql, new_pruned.params), store.query(new_all.sql, new_all.params)
    )
    hand_params = {"start": YEAR.start, "end": YEAR.end}
    peer = PandasPeer(store)
    check_pandas_peer(store, peer)

    load = os.getloadavg()
    print(
        f"\n{args.orders:,} order lines; {os.cpu_count()} cores; load average before "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min); {args.rounds} rounds"
    )
    main_times = time_side_by_side(
        {
            "hand-written SQL": lambda: store.query(HAND_WRITTEN, hand_params),
            "compiler (month rollup)": lambda: store.query(main_rolled.sql, main_rolled.params),
            "compiler, from the lines": lambda: store.query(main_pruned.sql, main_pruned.params),
            "compiler, every join (before)": lambda: store.query(main_all.sql, main_all.params),
            "pandas peer (tables in memory)": peer.answer,
        },
        args.rounds,
    )
    report(
        "KPI Trends: revenue and active customers by month and team, 12 months",
        main_times,
        "hand-written SQL",
    )
    compiler = statistics.median(main_times["compiler (month rollup)"])
    pandas_ms = statistics.median(main_times["pandas peer (tables in memory)"])
    with_load = (pandas_ms + peer.load_ms) / compiler
    print(
        f"  the pandas peer takes {pandas_ms / compiler:.1f}x the compiler's time ({with_load:.1f}x"
        f" counting its one read of the tables into memory, {peer.load_ms:.0f} ms)"
    )
    if args.summary:  # benchmarks/goals.py reads it
        medians = {name: statistics.median(values) for name, values in main_times.items()}
        args.summary.write_text(
            json.dumps(
                {
                    "orders": args.orders,
                    "hand_ms": medians["hand-written SQL"],
                    "compiler_ms": compiler,
                    "pandas_ms": pandas_ms,
                },
                indent=1,
            ),
            "utf-8",
        )
    new_times = time_side_by_side(
        {
            "hand-written SQL": lambda: store.query(HAND_NEW_CUSTOMERS, hand_params),
            "compiler (joins what it reads)": lambda: store.query(
                new_pruned.sql, new_pruned.params
            ),
            "compiler, every join (before)": lambda: store.query(new_all.sql, new_all.params),
            "compiler, from the rollup": lambda: store.query(new_rolled.sql, new_rolled.params),
        },
        args.rounds,
    )
    report("New customers by month, 12 months", new_times, "hand-written SQL")
    load = os.getloadavg()
    print(f"\nload average after {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    store.close()


if __name__ == "__main__":
    main()
