"""Benchmark: warm reruns of the Team and Segments pages with figures and views cached per
result (components.views, drawn by components.charts.plot) against the same reruns
rebuilding every one, what handing out a copy of a cached figure costs, and reruns after a
logged call. Prints figures and ratios, not pass/fail.

    python benchmarks/bench_reruns.py                      # 200k-line demo in /tmp/q
    python benchmarks/bench_reruns.py --db PATH --orders 200000 --rounds 7

"calls": the rerun of Segments, Team, Stock, Follow-ups and Stand-up after a logged call (a
write that names its tables, data.table_versions; it writes the calls into the database given)
against the rerun after a write that names none, which is what every write did before:
cleared every cache.

"Rebuilt" clears the view cache before each rerun (outside the timing), so every figure and
view is built again as before they were cached; it also pays the cached path's dict round trip,
so it slightly overstates the old cost. Data is fetched from the warm cache in both.
"""

from __future__ import annotations

import argparse
import copy
import logging
import os
import pickle
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("pages/team.py", "pages/segments.py")


def _ms(
    fn: Callable[[], object], rounds: int, before: Callable[[], None] | None = None
) -> list[float]:
    times = []
    for _ in range(rounds):
        if before is not None:
            before()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _line(label: str, times: list[float]) -> str:
    return f"  {label:<44} min {min(times):7.1f} ms  median {statistics.median(times):7.1f} ms"


def _reruns(rounds: int) -> None:
    from streamlit.testing.v1 import AppTest

    from components import views

    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
        at.switch_page(page).run()  # cold: fills the data and figure caches
        assert not at.exception, [e.value for e in at.exception]

        def rerun(at: AppTest = at) -> None:
            at.run()
            assert not at.exception, [e.value for e in at.exception]

        rerun()  # one warm rerun first: imports and widget state settled
        rebuilt = _ms(rerun, rounds, before=views.clear_views)
        cached = _ms(rerun, rounds)
        print(f"{page}: warm rerun, {rounds} rounds")
        print(_line("views (figures, the board) rebuilt on every rerun (before)", rebuilt))
        print(_line("views cached with their result (after)", cached))
        ratio = statistics.median(rebuilt) / statistics.median(cached)
        saved = statistics.median(rebuilt) - statistics.median(cached)
        print(f"  before / after (medians): {ratio:.2f}x, {saved:.0f} ms saved per rerun")


def _log_a_call() -> None:
    """A logged call, as the Follow-ups page saves it (activities, follow_up_actions,
    audit_log): a write that names its tables (data.table_versions)."""
    from components import cache
    from data import follow_ups

    store = cache.get_store()
    customer, rep, day = store.rows(
        "SELECT customer_id, owner_rep_id, (SELECT max(order_date) FROM orders) FROM customers"
        " WHERE owner_rep_id IS NOT NULL ORDER BY customer_id LIMIT 1"
    )[0]
    follow_ups.log_contact(
        store, submission_id=follow_ups.new_submission_id(), customer_id=customer, rep_id=rep,
        day=day, kind="call", outcome="reached",
    )  # fmt: skip


def _write_naming_nothing() -> None:
    """A write that names no tables: what every write was to the caches before table
    versions (each one cleared every cached answer)."""
    from components import cache

    with cache.get_store().transaction():
        pass


def _after_a_call(rounds: int) -> None:
    from streamlit.testing.v1 import AppTest

    for page in (*PAGES, "pages/stock.py", "pages/follow_ups.py", "pages/standup.py"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.switch_page(page).run()  # cold: fills the caches

        def rerun(at: AppTest = at) -> None:
            at.run()
            assert not at.exception, [e.value for e in at.exception]

        rerun()
        everything = _ms(rerun, rounds, before=_write_naming_nothing)
        called = _ms(rerun, rounds, before=_log_a_call)
        print(f"{page}: the rerun after a write, {rounds} rounds")
        print(_line("after a write naming no tables (before)", everything))
        print(_line("after a logged call (after)", called))
        ratio = statistics.median(everything) / statistics.median(called)
        print(f"  before / after (medians): {ratio:.2f}x")


def _copies(rounds: int) -> None:
    """What one cache hit costs, per way of handing out a copy of a cached figure."""
    import plotly.graph_objects as go

    from components import cache
    from components.segments_charts import lifecycle_over_time_figure
    from components.team_view import _org_treemap
    from metrics.filters import Filters
    from metrics.requests_people import SegmentsScreen, TeamPeople

    end = cache.get_store().scalar("SELECT max(order_date) FROM orders")
    scope = Filters(start=date(end.year, end.month, 1), end=end)
    builders: dict[str, Callable[[], go.Figure]] = {
        "team treemap": lambda: _org_treemap(
            cache.fetch(TeamPeople(filters=scope)), size_by="revenue"
        ),
        "lifecycle over time": lambda: lifecycle_over_time_figure(
            cache.fetch(SegmentsScreen(filters=scope, as_of=end))
        ),
    }
    print(f"copy of a cached figure, per hit ({rounds * 4} rounds; st.cache_data unpickles)")
    for name, build in builders.items():
        fig = build()
        spec, whole = pickle.dumps(fig.to_dict()), pickle.dumps(fig)
        ways: dict[str, Callable[[], object]] = {
            "dict cached: unpickle + go.Figure(dict)": partial(_from_dict, spec),
            "Figure cached: unpickle (= go.Figure(dict))": partial(pickle.loads, whole),
            "Figure cached: unpickle + deepcopy": partial(_deep, whole),
            "rebuilt from the fetched result (no cache)": build,
        }
        sizes = f"dict {len(spec) / 1024:.0f} KiB, Figure {len(whole) / 1024:.0f} KiB pickled"
        print(f" {name}: {sizes}")
        for label, way in ways.items():
            print(_line(label, _ms(way, rounds * 4)))


def _from_dict(spec: bytes) -> object:
    import plotly.graph_objects as go

    return go.Figure(pickle.loads(spec))


def _deep(whole: bytes) -> object:
    return copy.deepcopy(pickle.loads(whole))


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode warnings
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="/tmp/q/demo.duckdb")
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--parts", default="reruns,copies,calls", help="reruns, copies, calls: comma-separated"
    )
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, str(ROOT / "cli.py"), "demo", "--orders", str(args.orders)]
        subprocess.run([*command, "--db", str(db)], check=True, cwd=ROOT)
    os.environ["HUDDLE_DB"] = str(db)
    os.environ["HUDDLE_AUTH"] = "off"  # the pages as this machine's admin, no sign-in
    load = os.getloadavg()
    print(f"{db} ({args.orders:,} order lines asked), {os.cpu_count()} cores, load {load[0]:.1f}")
    parts = args.parts.split(",")
    if "reruns" in parts:
        _reruns(args.rounds)
    if "copies" in parts:
        _copies(args.rounds)
    if "calls" in parts:
        _after_a_call(args.rounds)


if __name__ == "__main__":
    main()
