"""Benchmark: warm reruns of the Team and Segments pages with figures cached per result
(components.charts.cached_figure) against the same reruns rebuilding every figure, and what
handing out a copy of a cached figure costs. Prints figures and ratios, not pass/fail.

    python benchmarks/bench_reruns.py                      # 200k-line demo in /tmp/q
    python benchmarks/bench_reruns.py --db PATH --orders 200000 --rounds 7

"Rebuilt" clears the figure cache before each rerun (outside the timing), so every figure is
built again as before figures were cached; it also pays the cached path's dict round trip,
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

    from components import charts

    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
        at.switch_page(page).run()  # cold: fills the data and figure caches
        assert not at.exception, [e.value for e in at.exception]

        def rerun(at: AppTest = at) -> None:
            at.run()
            assert not at.exception, [e.value for e in at.exception]

        rerun()  # one warm rerun first: imports and widget state settled
        rebuilt = _ms(rerun, rounds, before=charts._figure_spec.clear)
        cached = _ms(rerun, rounds)
        print(f"{page}: warm rerun, {rounds} rounds")
        print(_line("figures rebuilt on every rerun (before)", rebuilt))
        print(_line("figures cached with their result (after)", cached))
        ratio = statistics.median(rebuilt) / statistics.median(cached)
        saved = statistics.median(rebuilt) - statistics.median(cached)
        print(f"  before / after (medians): {ratio:.2f}x, {saved:.0f} ms saved per rerun")


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
    _reruns(args.rounds)
    _copies(args.rounds)


if __name__ == "__main__":
    main()
