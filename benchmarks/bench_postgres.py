"""Benchmark: the main pages' requests on PostgreSQL beside DuckDB, as ratios, in one run.

Builds (or reuses) the demo company in benchmarks/demo_<N>.duckdb (seed 7, as bench_pages.py),
starts a throwaway PostgreSQL server (tests/postgres_server.py), copies the company into it
with data.company_copy.copy_company (timed), then times on both stores:
  - the requests of bench_pages.py and bench_queries.py (the same service calls and SQL);
  - every request the main pages (PAGES) ask components.cache.fetch for, recorded by running
    each page once in AppTest on the DuckDB file (sign-in off: the local admin, whole company).
Figures, not pass/fail: medians of --rounds runs, DuckDB and PostgreSQL in turn so a busy
machine slows both alike; the first ("cold") run of each request after opening the store is
reported apart (on PostgreSQL it includes the sqlglot rewrite, cached per process after).
Every PostgreSQL run has a statement timeout (--timeout): a run cut off is shown as "timeout"
and not repeated.

copy_company ANALYZEs what it copied; should a copy leave tables without statistics,
PostgreSQL is timed as left (autovacuum held off; one run each, the "no stats" column) before
the benchmark's own ANALYZE. PostgreSQL is timed as Huddle sets it up (with the indexes of
data/pg_indexes.sql); --with-indexes then creates INDEXES (further candidates) and times it
again, with each index's scans. The slowest requests
that finish within 5 s are then timed under other server settings (SETTINGS: work_mem,
parallel workers, random_page_cost), and the slowest few's slowest statement is EXPLAINed (ANALYZE).

    python benchmarks/bench_postgres.py                       # 1,000,000 order lines
    python benchmarks/bench_postgres.py --orders 200000 --rounds 3
    python benchmarks/bench_postgres.py --with-indexes --explain 4
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from bench_pages import END, _build  # noqa: E402  (benchmarks/ is on sys.path when run)
from bench_queries import MAIN, NEW_CUSTOMERS  # noqa: E402

from data.company_copy import copy_company  # noqa: E402
from data.engine import open_store  # noqa: E402
from data.pg_store import _params, _typed_lists  # noqa: E402
from data.sql_dialect import to_postgres  # noqa: E402
from metrics import service  # noqa: E402
from metrics.compiler import compile_request  # noqa: E402
from metrics.filters import Filters  # noqa: E402
from metrics.periods import preset_range  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

PAGES = (
    "pages/standup.py",
    "pages/kpi_trends.py",
    "pages/team.py",
    "pages/segments.py",
    "pages/incentives.py",
    "pages/follow_ups.py",
)
# Candidate PostgreSQL-only indexes beyond the ones Huddle creates (data/pg_indexes.sql:
# orders by order_id, by order_date, by customer and date; activities by customer and date,
# measured here and moved there), for --with-indexes.
INDEXES: tuple[str, ...] = (
    # Stock's ASOF joins: a product's sales in a store up to a day (0 scans when last tried).
    "CREATE INDEX bench_orders_product_team_date ON orders (product_id, team_id, order_date)",
)
# Server settings tried on the slowest requests: (label, {setting: value}), the defaults
# first (PostgreSQL 15: work_mem 4MB, 2 parallel workers per gather, random_page_cost 4;
# PostgresStore itself sets jit off on every connection).
SETTINGS: tuple[tuple[str, dict[str, str]], ...] = (
    ("defaults", {}),
    ("work_mem = 64MB", {"work_mem": "64MB"}),
    ("no parallel workers", {"max_parallel_workers_per_gather": "0"}),
    ("1 parallel worker", {"max_parallel_workers_per_gather": "1"}),
    ("random_page_cost 1.1", {"random_page_cost": "1.1"}),
)
Run = Callable[[Any], object]


class Recorder:
    """A store that notes every read statement and how long it took (for EXPLAIN)."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.statements: list[tuple[float | None, str, Any]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _noted(self, kind: str, sql: str, params: Any = None) -> Any:
        started = time.perf_counter()
        try:
            result = getattr(self._store, kind)(sql, params)
        except Exception:
            self.statements.append((None, sql, params))  # cut off at the timeout
            raise
        self.statements.append(((time.perf_counter() - started) * 1000, sql, params))
        return result

    def query(self, sql: str, params: Any = None) -> Any:
        return self._noted("query", sql, params)

    def rows(self, sql: str, params: Any = None) -> Any:
        return self._noted("rows", sql, params)

    def scalar(self, sql: str, params: Any = None) -> Any:
        return self._noted("scalar", sql, params)


def bench_requests() -> dict[str, Run]:
    """What bench_pages.py (_queries) and bench_queries.py time, called the same way."""
    start, end = preset_range("qtd", END)
    quarter, year = Filters(start=start, end=end), Filters(start=date(2025, 11, 21), end=END)
    kpis = ("revenue", "orders", "new_customers", "win_rate")
    main, new = compile_request(MAIN), compile_request(NEW_CUSTOMERS, rollups=True)
    return {
        "values: 4 KPIs, QTD, targets": lambda s: service.values(
            s, kpis, quarter, with_targets=True
        ),
        "trend: 4 KPIs by week, targets": lambda s: service.trend(
            s, kpis, quarter, "week", with_targets=True
        ),
        "trend: revenue by month per team, 12 mo": lambda s: service.trend(
            s, ("revenue",), year, "month", dimension="team", with_targets=True
        ),
        "breakdown: 4 KPIs by rep, targets": lambda s: service.breakdown(
            s, kpis, quarter, "rep", with_targets=True
        ),
        "retention by month, 12 mo": lambda s: service.trend(s, ("retention_rate",), year, "month"),
        "pipeline by week, 12 mo": lambda s: service.trend(s, ("pipeline_value",), year, "week"),
        "KPI Trends main query (bench_queries)": lambda s: s.query(main.sql, main.params),
        "new customers by month, rollup": lambda s: s.query(new.sql, new.params),
    }


def _label(request: Any) -> str:
    """A short name for a recorded request: its class and the fields that tell it apart."""
    fields = dict(request)
    parts = [type(request).__name__]
    if kpis := fields.get("kpis"):
        parts.append(",".join(kpis)[:28])
    parts += [str(fields[k]) for k in ("grain", "dimension") if fields.get(k)]
    filters = fields.get("filters")
    if isinstance(filters, Filters):
        parts.append(f"{filters.start:%m-%d}..{filters.end:%m-%d}")
        if filters.rep_id is not None:
            parts.append(f"rep {filters.rep_id}")
    return " ".join(parts)


def record_pages(path: Path, pages: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Each page's requests (by cache key), asked while the page runs once on the file."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from components import cache

    asked: dict[str, Any] = {}
    real = cache._fetch

    def noting(key: str, version: int, _request: Any) -> Any:
        asked.setdefault(key, _request)
        return real(key, version, _request)

    os.environ["HUDDLE_DB"] = str(path)
    cache._fetch = noting
    per_page: dict[str, dict[str, Any]] = {}
    try:
        for page in pages:
            asked.clear()
            st.cache_data.clear()
            cache.clear_answers()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
            at.switch_page(page).run()
            assert not at.exception, [e.value for e in at.exception]
            per_page[page] = dict(asked)
    finally:
        cache._fetch = real
        st.cache_resource.clear()
    return per_page


def recorded_runs(per_page: dict[str, dict[str, Any]]) -> dict[str, Run]:
    """One entry per distinct request: those several pages ask under "shared"."""
    pages_of: dict[str, list[str]] = {}
    requests: dict[str, Any] = {}
    for page, asked in per_page.items():
        for key, request in asked.items():
            pages_of.setdefault(key, []).append(page)
            requests[key] = request
    runs: dict[str, Run] = {}
    for key, request in requests.items():
        where = "shared" if len(pages_of[key]) > 1 else Path(pages_of[key][0]).stem
        name = f"{where}: {_label(request)}"
        while name in runs:  # two requests that differ only in fields the label leaves out
            name += "'"
        runs[name] = lambda s, r=request: r.run(s)
    return runs


def _once(run: Run, store: Any) -> float | None:
    """One run in ms; None when the server cut it off at the statement timeout."""
    started = time.perf_counter()
    try:
        run(store)
    except Exception as error:  # the timeout, however the store words it
        if "statement timeout" not in str(error):
            raise
        return None
    return (time.perf_counter() - started) * 1000


Timing = tuple[float | None, float | None]  # (cold first run, median of the rounds) in ms


def time_turns(runs: dict[str, Run], stores: dict[str, Any], rounds: int) -> dict[str, dict]:
    """Per request and store: the cold first run and the median of `rounds` further runs, the
    stores in turn within each round. A run cut off at the timeout is not run again."""
    out: dict[str, dict[str, Timing]] = {}
    for name, run in runs.items():
        cold = {label: _once(run, store) for label, store in stores.items()}
        times: dict[str, list[float]] = {label: [] for label in stores}
        for _ in range(rounds):
            for label, store in stores.items():
                if cold[label] is not None and (ms := _once(run, store)) is not None:
                    times[label].append(ms)
        out[name] = {
            k: (cold[k], statistics.median(times[k]) if times[k] else None) for k in stores
        }
    return out


def admin(url: str, *statements: str) -> float:
    """Run statements on the database in autocommit (ANALYZE, CREATE INDEX, ALTER); ms."""
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]  # the benchmark's own DDL
    return (time.perf_counter() - started) * 1000


def reopened(store: Any, url: str, database: str, settings: dict[str, str]) -> Any:
    """The store again, on fresh connections that have `settings` (set on the database)."""
    store.close()
    admin(url, f"ALTER DATABASE {database} RESET ALL")
    admin(url, *(f"ALTER DATABASE {database} SET {k} = '{v}'" for k, v in settings.items()))
    return open_store(url, read_only=True)


def explain(url: str, sql: str, params: Any, timeout_s: int) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of one statement, rewritten for PostgreSQL as PgCursor does;
    the plain EXPLAIN (estimates only) when it does not finish within the timeout."""
    text, names = to_postgres(sql, True)
    if not names:
        text, _ = to_postgres(sql, False)
    values = _params(params, names)
    text = _typed_lists(text, values)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"SET statement_timeout = '{timeout_s}s'")
        conn.execute("SET jit = off")  # as PostgresStore's connections
        try:
            rows = conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + text, values).fetchall()  # type: ignore[call-overload]
        except psycopg.errors.QueryCanceled:
            rows = [(f"(did not finish in {timeout_s} s: the plan, estimates only)",)]
            rows += conn.execute("EXPLAIN " + text, values).fetchall()  # type: ignore[call-overload]
    return [row[0] for row in rows]


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min)"


def _ms(value: float | None, width: int) -> str:
    return f"{value:>{width}.0f}" if value is not None else f"{'timeout':>{width}}"


def _ratio(pg: float | None, duck: float | None) -> str:
    return f"{pg / duck:8.1f}x" if pg is not None and duck else f"{'-':>9}"


def print_table(
    both: dict[str, dict], loaded: dict[str, float | None], indexed: dict[str, dict], limit: int
) -> None:
    """The main table, and each column's sum (a timeout counted as the limit, marked >)."""
    print(
        f"{'request':<58}{'Duck cold':>10}{'Duck':>7}{'PG cold':>9}{'PG':>8}{'PG/Duck':>9}", end=""
    )
    print(
        (f"{'no stats':>10}" if loaded else "")
        + (f"{'PG+idx':>8}{'idx/Duck':>9}" if indexed else "")
    )
    sums = {"duck": 0.0, "pg": 0.0, "loaded": 0.0, "idx": 0.0}
    cut = {key: False for key in sums}

    def add(key: str, value: float | None) -> None:
        sums[key] += value if value is not None else limit * 1000
        cut[key] |= value is None

    for name, by in both.items():
        (dc, dm), (pc, pm) = by["duck"], by["pg"]
        line = f"{name[:57]:<58}{_ms(dc, 10)}{_ms(dm, 7)}{_ms(pc, 9)}{_ms(pm, 8)}"
        line += _ratio(pm, dm)
        add("duck", dm)
        add("pg", pm if pc is not None else None)
        if loaded:
            line += _ms(loaded[name], 10)
            add("loaded", loaded[name])
        if indexed:
            im = indexed[name]["pg"][1]
            add("idx", im if indexed[name]["pg"][0] is not None else None)
            line += _ms(im, 8) + _ratio(im, dm)
        print(line)

    def total(key: str, width: int) -> str:
        return f"{('>' if cut[key] else '') + f'{sums[key]:.0f}':>{width}}"

    line = f"{'all requests, summed':<58}{'':>10}{total('duck', 7)}{'':>9}{total('pg', 8)}"
    line += _ratio(sums["pg"], sums["duck"]) + (total("loaded", 10) if loaded else "")
    if indexed:
        line += total("idx", 8) + _ratio(sums["idx"], sums["duck"])
    print(line)


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode warnings
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000, help="order lines (1,000,000)")
    parser.add_argument("--rounds", type=int, default=5, help="timed runs per request (5)")
    parser.add_argument("--timeout", type=int, default=30, help="statement timeout, s (30)")
    parser.add_argument("--with-indexes", action="store_true", help="time INDEXES too")
    parser.add_argument("--slowest", type=int, default=5, help="requests tried under SETTINGS")
    parser.add_argument("--explain", type=int, default=3, help="slowest requests to EXPLAIN")
    parser.add_argument("--plan-lines", type=int, default=45, help="plan lines printed each")
    args = parser.parse_args()
    os.environ["HUDDLE_AUTH"] = "off"  # the local admin: every page, the whole company
    os.environ.pop("HUDDLE_DATABASE_URL", None)

    path = _build(args.orders)
    print(f"{args.orders:,} order lines in {path.name}; {os.cpu_count()} cores; {_load()}")
    runs = {f"bench: {k}": v for k, v in bench_requests().items()}
    runs.update(recorded_runs(record_pages(path, PAGES)))
    print(f"{len(runs)} requests: bench_pages/bench_queries' and {len(PAGES)} pages' own")
    limit = {"statement_timeout": f"{args.timeout}s"}

    with PostgresServer() as server:
        # Held off until the as-copied figures are taken: it would ANALYZE meanwhile.
        admin(server.url(), "ALTER SYSTEM SET autovacuum = off", "SELECT pg_reload_conf()")
        url = server.new_database("bench")
        database = url.rsplit("/", 1)[-1]
        duck = open_store(path, read_only=True)
        pg = open_store(url)  # migrates the empty database
        started = time.perf_counter()
        report = copy_company(duck, pg)
        copied = time.perf_counter() - started
        rows = sum(t.target_rows for t in report.tables)
        print(
            f"\ncopy_company DuckDB -> PostgreSQL: {copied:.1f} s for {rows:,} rows in "
            f"{len(report.tables)} tables; tables whose row counts differ: "
            f"{len(report.differences)}"
        )
        # Tables holding rows (bookkeeping tables of one row aside) without statistics.
        bare = pg.scalar(
            "SELECT count(*) FROM pg_stat_user_tables WHERE n_live_tup > 1"
            " AND last_analyze IS NULL AND last_autoanalyze IS NULL"
        )
        print(f"tables with rows but no statistics right after the copy: {bare}")

        # Every phase runs under the statement timeout: some plans take minutes.
        pg = reopened(pg, url, database, limit)
        loaded: dict[str, float | None] = {}
        if bare:  # the copy left tables without statistics: time them so
            print(f"timing PostgreSQL as loaded, one run each ... {_load()}", flush=True)
            loaded = {name: _once(run, pg) for name, run in runs.items()}
        analyze_ms = admin(url, "ANALYZE")
        admin(server.url(), "ALTER SYSTEM RESET autovacuum", "SELECT pg_reload_conf()")
        print(f"ANALYZE (whole database, again): {analyze_ms / 1000:.1f} s")

        to_postgres.cache_clear()  # the cold run pays the rewrite, as a fresh app process does
        pg = reopened(pg, url, database, limit)
        duck.close()
        duck = open_store(path, read_only=True)
        print(f"timing DuckDB and PostgreSQL (analyzed) in turn ... {_load()}", flush=True)
        both = time_turns(runs, {"duck": duck, "pg": pg}, args.rounds)
        indexed: dict[str, dict] = {}
        if args.with_indexes:
            index_ms = admin(url, *INDEXES, "ANALYZE")
            print(f"{len(INDEXES)} indexes created and analyzed: {index_ms / 1000:.1f} s")
            pg = reopened(pg, url, database, limit)
            print(f"timing PostgreSQL with the indexes ... {_load()}", flush=True)
            indexed = time_turns(runs, {"pg": pg}, args.rounds)
            print("\nindex scans during that phase (pg_stat_user_indexes):")
            for name, scans in pg.rows(
                "SELECT indexrelname, idx_scan FROM pg_stat_user_indexes"
                " WHERE indexrelname LIKE 'bench_%' ORDER BY indexrelname"
            ):
                print(f"  {name:<44}{scans:>10,}")

        print(f"\nms: cold = first run, else median of {args.rounds}; no stats = one run "
              f"before ANALYZE; timeout = cut off at {args.timeout} s; {_load()}")  # fmt: skip
        print_table(both, loaded, indexed, args.timeout)

        final = indexed or both
        ranked = sorted(final, key=lambda n: final[n]["pg"][1] or 1e12, reverse=True)
        if args.slowest > 0:
            # The slowest that finish in a few seconds: the timed-out ones would take minutes.
            quick = [n for n in ranked if (final[n]["pg"][1] or 1e12) < 5000][: args.slowest]
            pg = settings_table(pg, url, database, runs, quick, args.rounds, limit)
        explain_slowest(pg, url, runs, ranked[: args.explain], args.plan_lines, args.timeout)
        pg.close()
        duck.close()
    print(f"\nserver stopped; {_load()}")


def settings_table(
    pg: Any,
    url: str,
    database: str,
    runs: dict[str, Run],
    names: list[str],
    rounds: int,
    limit: dict[str, str],
) -> Any:
    """The slowest requests under each of SETTINGS (set on the database, fresh connections)."""
    print(
        f"\nslowest requests (under 5 s) on PostgreSQL under other settings: median ms of {rounds}"
    )
    print(f"{'request':<58}" + "".join(f"{label[:22]:>23}" for label, _ in SETTINGS))
    results: dict[str, list[float | None]] = {name: [] for name in names}
    for _, values in SETTINGS:
        pg = reopened(pg, url, database, {**limit, **values})
        timed = time_turns({name: runs[name] for name in names}, {"pg": pg}, rounds)
        for name in names:
            results[name].append(timed[name]["pg"][1])
    for name in names:
        print(f"{name[:57]:<58}" + "".join(_ms(ms, 23) for ms in results[name]))
    return reopened(pg, url, database, limit)


def explain_slowest(
    store: Any, url: str, runs: dict[str, Run], names: list[str], lines: int, timeout_s: int
) -> None:
    """Each request's statements with their time, and the slowest one's plan."""
    for name in names:
        recorder = Recorder(store)
        try:
            runs[name](recorder)
        except Exception as error:  # the timeout: the statement cut off is the slowest
            if "statement timeout" not in str(error):
                raise
        timed = ", ".join(
            f"{ms:.0f}" if ms is not None else "timeout" for ms, _, _ in recorder.statements
        )
        print(f"\n{name}: {len(recorder.statements)} statements, ms each: {timed}")
        _, sql, params = max(recorder.statements, key=lambda s: 1e12 if s[0] is None else s[0])
        plan = explain(url, sql, params, timeout_s)
        for row in plan[:lines]:
            print(f"    {row}")
        if len(plan) > lines:
            print(f"    ... {len(plan) - lines} more lines; " + plan[-1].strip())


if __name__ == "__main__":
    main()
