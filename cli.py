"""Huddle's command line: build the demo company, print KPIs, inspect the database.

    python cli.py demo [--db PATH] [--orders N] [--seed S]
    python cli.py kpi revenue --by team --grain month
    python cli.py info

`kpi` prints the numbers the dashboard shows for the same choices: both go through metrics/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from datetime import date

import pandas as pd
from pydantic import ValidationError

from components.format import format_value
from components.text import dimension_label, kpi_label
from data.config import resolve_db_path
from data.errors import HuddleDataError
from data.store import Store
from metrics import lookups, service
from metrics.catalogue import get_kpi
from metrics.compiler import CompileError, MetricRequest
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from metrics.model import GRAINS
from metrics.periods import PRESETS, preset_range


class UsageError(Exception):
    """A bad argument, explained in the message."""


def _progress_bar(fraction: float, message: str) -> None:
    width = 30
    done = int(width * fraction)
    bar = "#" * done + "-" * (width - done)
    sys.stderr.write(f"\r[{bar}] {fraction * 100:5.1f}%  {message:<40}")
    sys.stderr.flush()
    if fraction >= 1:
        sys.stderr.write("\n")


def cmd_demo(args: argparse.Namespace) -> int:
    """Build the demo company into the database (replacing what is there)."""
    from data.demo import generate_demo

    path = resolve_db_path(args.db)
    store = Store(path)
    if args.if_missing and not store.is_empty():
        print(f"{path} already has data; leaving it as it is.")
        return 0
    started = time.perf_counter()
    summary = generate_demo(
        store,
        orders=args.orders,
        seed=args.seed,
        end_date=args.end_date,
        progress=_progress_bar,
    )
    seconds = time.perf_counter() - started
    print(
        f"Built the demo company in {path} in {seconds:.1f} s: {summary.orders:,} order lines"
        f" from {summary.first_order_date} to {summary.last_order_date}, {summary.reps} people"
        f" in {summary.teams} teams and groups, {summary.customers:,} customers,"
        f" {summary.deals:,} deals, {summary.activities:,} activities."
    )
    return 0


def _team_id(store: Store, name: str | None) -> int | None:
    if not name:
        return None
    teams = lookups.teams(store)
    match = teams[teams["name"].str.casefold() == name.casefold()]
    if match.empty:
        known = ", ".join(teams["name"])
        raise UsageError(f"There is no team called '{name}'. Teams: {known}")
    return int(match["team_id"].iloc[0])


def _filters(store: Store, args: argparse.Namespace) -> Filters:
    span = lookups.data_span(store)
    if span is None:
        raise UsageError(f"{store.path} has no data yet. Run: python cli.py demo --db {store.path}")
    as_of = args.as_of or span[1]
    start, end = preset_range(args.period, as_of)
    return Filters(
        start=args.date_from or start,
        end=args.date_to or end,
        team_id=_team_id(store, args.team),
        channel=args.channel,
        hide_leavers=args.hide_leavers,
    )


def _formatted(frame: pd.DataFrame) -> pd.DataFrame:
    shown = frame.copy()
    for column in shown.columns:
        if column == "bucket" or column in DIMENSIONS:
            continue
        unit = get_kpi(column).unit
        shown[column] = [format_value(None if pd.isna(v) else v, unit) for v in shown[column]]
    labels = {c: kpi_label(c) for c in shown.columns if c != "bucket" and c not in DIMENSIONS}
    labels.update({c: dimension_label(c) for c in shown.columns if c in DIMENSIONS})
    return shown.rename(columns=labels | {"bucket": "Period"})


def cmd_kpi(args: argparse.Namespace) -> int:
    """Print one or more KPIs, as a value, a trend and/or a breakdown."""
    store = Store(args.db)
    filters = _filters(store, args)
    kpis = tuple(k.strip() for k in args.metric.split(",") if k.strip())
    request = MetricRequest(
        kpis=kpis,
        filters=filters,
        grain=args.grain,
        dimension=args.by,
        with_targets=args.targets,
    )
    frame = service.run(store, request)
    if args.by and not args.grain:
        frame = frame.sort_values(kpis[0], ascending=False, na_position="last")
    if "bucket" in frame:
        frame["bucket"] = frame["bucket"].astype(str)
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(json.dumps(json.loads(frame.to_json(orient="records")), indent=2))
    else:
        print(f"{filters.start} – {filters.end}")
        print(_formatted(frame).to_string(index=False))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    """Say where the database is, its schema version and what it holds."""
    store = Store(args.db)
    version = store.scalar("SELECT max(version) FROM schema_version")
    print(f"Database: {store.path}")
    print(f"Schema version: {version}")
    span = lookups.data_span(store)
    print(f"Data from {span[0]} to {span[1]}" if span else "No data yet.")
    for table in ("teams", "reps", "customers", "products", "orders", "deals", "activities"):
        print(f"  {table:<11} {store.scalar(f'SELECT count(*) FROM {table}'):>10,}")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-05") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(prog="python cli.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="build the demo company (replaces the data in --db)")
    demo.add_argument("--db", help="database file (default: $HUDDLE_DB or data/huddle.duckdb)")
    demo.add_argument("--orders", type=int, default=200_000, help="order lines (default 200000)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--end-date", type=_date, help="last day of history (default today)")
    demo.add_argument("--if-missing", action="store_true", help="only when the file has no data")
    demo.set_defaults(run=cmd_demo)

    kpi = sub.add_parser("kpi", help="print KPIs exactly as the dashboard computes them")
    kpi.add_argument("metric", help="KPI id, or several separated by commas (see: kpi --list)")
    kpi.add_argument("--by", choices=list(DIMENSIONS), help="break down by a dimension")
    kpi.add_argument("--grain", choices=list(GRAINS), help="a trend by day, week, month, ...")
    kpi.add_argument("--period", choices=list(PRESETS), default="mtd", help="default: mtd")
    kpi.add_argument("--as-of", type=_date, help="last day (default: latest day in the data)")
    kpi.add_argument("--from", dest="date_from", type=_date, help="first day (overrides period)")
    kpi.add_argument("--to", dest="date_to", type=_date, help="last day (overrides period)")
    kpi.add_argument("--team", help="team or group name (includes its groups)")
    kpi.add_argument("--channel", help="retail, wholesale, private_domain, showroom or other")
    kpi.add_argument("--hide-leavers", action="store_true", help="leave out people who left")
    kpi.add_argument("--targets", action="store_true", help="add target and attainment columns")
    kpi.add_argument("--format", choices=["table", "csv", "json"], default="table")
    kpi.add_argument("--db", help="database file (default: $HUDDLE_DB or data/huddle.duckdb)")
    kpi.set_defaults(run=cmd_kpi)

    info = sub.add_parser("info", help="where the database is and what it holds")
    info.add_argument("--db", help="database file (default: $HUDDLE_DB or data/huddle.duckdb)")
    info.set_defaults(run=cmd_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (2 with a plain message for any user error)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (HuddleDataError, UsageError, CompileError, KeyError) as error:
        message = error.args[0] if isinstance(error, KeyError) else str(error)
        print(f"huddle: {message}", file=sys.stderr)
        return 2
    except ValidationError as error:
        problems = "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors())
        print(f"huddle: {problems}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
