"""Benchmark: server-side run time of every page and of the core queries.

Prints figures, not pass/fail: run it before and after a change and compare.

    python benchmarks/bench_pages.py               # demo size (200k lines) and 1M lines
    python benchmarks/bench_pages.py --sizes 200000 10000000
    python benchmarks/bench_pages.py --sizes 10000000 --reps 2000 --customers 200000
    python benchmarks/bench_pages.py --sizes 10000000 --reps 2000 --customers 200000 --parts fresh
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data.store import Store  # noqa: E402
from metrics import service  # noqa: E402
from metrics.filters import Filters  # noqa: E402
from metrics.periods import preset_range  # noqa: E402

END = date(2026, 11, 20)
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


def _build(orders: int, reps: int | None = None, customers: int | None = None) -> Path:
    from data.demo import generate_demo

    people = (f"_r{reps}" if reps else "") + (f"_c{customers}" if customers else "")
    path = ROOT / "benchmarks" / f"demo_{orders}{people}.duckdb"
    store = Store(path)
    have = store.scalar("SELECT count(*) FROM orders")
    if have != orders:
        print(f"building {orders:,} order lines into {path.name} ...", flush=True)
        started = time.perf_counter()
        generate_demo(store, orders=orders, seed=7, end_date=END, reps=reps, customers=customers)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    store.close()
    return path


def _timed(fn, repeat: int = 3) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _queries(path: Path) -> dict[str, float]:
    store = Store(path, read_only=True)
    start, end = preset_range("qtd", END)
    f = Filters(start=start, end=end)
    year = Filters(start=date(2025, 11, 21), end=END)
    kpis = ("revenue", "orders", "new_customers", "win_rate")
    results = {
        "values: 4 KPIs, quarter to date, targets": _timed(
            lambda: service.values(store, kpis, f, with_targets=True)
        ),
        "trend: 4 KPIs by week, targets": _timed(
            lambda: service.trend(store, kpis, f, "week", with_targets=True)
        ),
        "trend: revenue by month per team, 12 months": _timed(
            lambda: service.trend(
                store, ("revenue",), year, "month", dimension="team", with_targets=True
            )
        ),
        "breakdown: 4 KPIs by rep, targets": _timed(
            lambda: service.breakdown(store, kpis, f, "rep", with_targets=True)
        ),
        "retention by month, 12 months": _timed(
            lambda: service.trend(store, ("retention_rate",), year, "month")
        ),
        "pipeline by week, 12 months": _timed(
            lambda: service.trend(store, ("pipeline_value",), year, "week")
        ),
    }
    store.close()
    return results


def _what_if(path: Path) -> dict[str, float]:
    """The Targets page's budget: a slider move or an edited row recomputes the split and what
    it implies from the cached history, with no query (the issue asks for under 200 ms)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from components import cache
    from metrics.target_allocation import allocate, implications, outlook, weights
    from metrics.target_history import target_base

    store = Store(path, read_only=True)
    scope = Filters(start=date(2026, 11, 1), end=END)
    december = (date(2026, 12, 1), date(2026, 12, 31))
    results = {"targets: history and profile (once per data change)": _timed(
        lambda: target_base(store, scope, "revenue", *december)
    )}  # fmt: skip
    base = target_base(store, scope, "revenue", *december)
    total = int((base.baselines["last_year"] or 0) * 1.1)

    def recompute() -> None:
        split = allocate(total, weights(base.people, "history", base.period_days), fixed={})
        outlook(implications(base.people, split.values))

    results["targets: split + implications (a slider move, no query)"] = _timed(recompute, 5)
    store.close()

    os.environ["HUDDLE_DB"] = str(path)
    st.cache_data.clear()
    cache.clear_answers()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/targets.py").run()
    growth = iter(range(11, 60))

    def slider() -> None:
        at.slider(key="tgt_growth").set_value(next(growth)).run()
        assert not at.exception, at.exception

    results["targets page: slider rerun, whole script (warm history)"] = _timed(slider, 5)
    st.cache_resource.clear()
    return results


def _pages(path: Path) -> dict[str, float]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from components import cache

    os.environ["HUDDLE_DB"] = str(path)

    def run_empty() -> None:
        AppTest.from_string(EMPTY_PAGE, default_timeout=120).run()

    run_empty()
    # What AppTest itself takes for a script that draws one line, warm: a page's warm rerun
    # less this is what the page costs (about 160 ms of each AppTest run is the harness's).
    results = {HARNESS_WARM: _timed(run_empty, repeat=3)}
    for page in PAGES:

        def run_page(page: str = page) -> None:
            _as_its_reader(page)
            st.cache_data.clear()  # cold: the first view after the data changed
            cache.clear_answers()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.switch_page(page).run()
            assert not at.exception, at.exception

        results[f"page {page} (cold cache, incl. app shell)"] = _timed(run_page, repeat=2)

        def rerun_page(page: str = page) -> None:
            _as_its_reader(page)
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.switch_page(page).run()

        results[warm_name(page)] = _timed(rerun_page, repeat=3)
    st.cache_resource.clear()
    return results


EMPTY_PAGE = "import streamlit as st\nst.write('empty')\n"
# With sign-in off, the sign-in page sends this machine's admin straight on to the stand-up:
# timed that way it would be the stand-up again. It is timed as the visitor it is for sees it,
# sign-in on and nobody signed in (the form and the demo's accounts).
SIGN_IN_PAGE = "pages/sign_in.py"
# The figures' names, as printed and as written to --summary (benchmarks/goals.py reads them).
HARNESS_FRESH = "empty page (harness), fresh process"
HARNESS_WARM = "empty page (harness), warm"
APP_PEAK = "app peak memory, every page in one process (MB)"


def fresh_name(page: str) -> str:
    return f"page {page} (fresh process, first run)"


def warm_name(page: str) -> str:
    return f"page {page} (warm cache)"


def _as_its_reader(page: str) -> None:
    """Sign-in on for the sign-in page, off (this machine's admin) for every other page."""
    os.environ["HUDDLE_AUTH"] = "on" if page == SIGN_IN_PAGE else "off"


def _fresh_child(page: str, db: str) -> None:
    """In a process of its own: the first run of `page` (or of an empty script, "-"), timed
    from the start of AppTest's run to its end; prints milliseconds."""
    from streamlit.testing.v1 import AppTest

    os.environ["HUDDLE_DB"] = db
    _as_its_reader(page)
    if page == "-":
        at = AppTest.from_string(EMPTY_PAGE, default_timeout=300)
    else:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.switch_page(page)
    started = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - started) * 1000
    assert not at.exception, at.exception
    print(f"{elapsed:.1f}")


def _fresh(path: Path, rounds: int = 2) -> dict[str, float]:
    """Each page's first run in a fresh process (median of `rounds`), beside the harness's own
    empty-page run in a fresh process, so what the page costs can be read as the difference.
    Huddle's modules are compiled first, as `make run` does for a server: a process started
    with PYTHONDONTWRITEBYTECODE (this machine's shells) would compile them all again."""
    import compileall
    import subprocess

    for package in ("components", "metrics", "data"):
        compileall.compile_dir(str(ROOT / package), quiet=1)

    def run(page: str) -> float:
        times = []
        for _ in range(rounds):
            command = [sys.executable, __file__, "--fresh-child", page, str(path)]
            out = subprocess.run(command, check=True, capture_output=True, text=True)
            times.append(float(out.stdout.strip().splitlines()[-1]))
        return statistics.median(times)

    results = {HARNESS_FRESH: run("-")}
    for page in PAGES:
        results[fresh_name(page)] = run(page)
    return results


def _memory_child(db: str) -> None:
    """In a process of its own: every page opened in turn, as one server keeps them (each
    page's answers stay cached for the next); prints the process's peak resident set in MB."""
    import resource

    from streamlit.testing.v1 import AppTest

    os.environ["HUDDLE_DB"] = db
    for page in PAGES:
        _as_its_reader(page)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(f"{peak_kb / 1024:.1f}")


def _memory(path: Path) -> dict[str, float]:
    """The app's peak memory: every page opened in one fresh process (_memory_child)."""
    import subprocess

    command = [sys.executable, __file__, "--memory-child", str(path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return {APP_PEAK: float(out.stdout.strip().splitlines()[-1])}


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode warnings
    if len(sys.argv) == 4 and sys.argv[1] == "--fresh-child":
        _fresh_child(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--memory-child":
        _memory_child(sys.argv[2])
        return
    # The pages as this machine's admin (sign-in off): timing the pages, not the sign-in form.
    os.environ["HUDDLE_AUTH"] = "off"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--reps", type=int, help="people in every demo (default: standard 65)")
    parser.add_argument("--customers", type=int, help="customers in every demo (default: demo's)")
    parts = {
        "queries": _queries, "what-if": _what_if, "fresh": _fresh, "pages": _pages,
        "memory": _memory,
    }  # fmt: skip
    parser.add_argument(
        "--parts", nargs="+", choices=list(parts), default=list(parts),
        help="what to time (all by default): core queries, the Targets what-if, each page's "
        "first run in a fresh process, each page cold and warm in this process, and the peak "
        "memory of one process that opens every page",
    )  # fmt: skip
    parser.add_argument(
        "--summary", type=Path, help="also write the last size's figures to this JSON file"
    )
    args = parser.parse_args()
    table: dict[str, dict[int, float]] = {}
    for size in args.sizes:
        path = _build(size, args.reps, args.customers)
        timed = {name: ms for part in args.parts for name, ms in parts[part](path).items()}
        for name, ms in timed.items():
            table.setdefault(name, {})[size] = ms
    sizes = args.sizes
    header = "".join(f"{s:>14,}" for s in sizes)
    ratio = f"{'ratio':>9}" if len(sizes) > 1 else ""
    print(f"\n{'median ms by order lines':<58}{header}{ratio}")
    for name, by_size in table.items():
        cells = "".join(f"{by_size[s]:>14.0f}" for s in sizes)
        extra = f"{by_size[sizes[-1]] / by_size[sizes[0]]:>8.1f}x" if len(sizes) > 1 else ""
        print(f"{name:<58}{cells}{extra}")
    if args.summary:
        figures = {name: by_size[sizes[-1]] for name, by_size in table.items()}
        args.summary.write_text(json.dumps(figures, indent=1), "utf-8")


if __name__ == "__main__":
    main()
