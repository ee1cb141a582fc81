"""Huddle's command line: build the demo company, print KPIs, inspect the database.

    python cli.py demo [--db PATH] [--orders N] [--reps N] [--customers N] [--seed S]
                       [--locale zh_CN]
    python cli.py kpi revenue --by team --grain month
    python cli.py explain revenue --vs previous --by team --period mtd
    python cli.py info
    python cli.py import orders sales.csv --on-error quarantine
    python cli.py import --preset maven-crm tests/datasets/maven-crm/
    python cli.py settings currency CNY
    python cli.py backup [--to PATH]
    python cli.py restore PATH
    python cli.py user add ann@example.com --role admin
    python cli.py copy --from data/huddle.duckdb --to postgresql://user@host/huddle

`kpi` prints the numbers the dashboard shows for the same choices: both go through metrics/.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from pydantic import ValidationError

from cli_copy import add_copy_parser
from cli_explain import add_explain_parser
from cli_user import add_user_parser
from components.format import format_value, use_currency
from components.text import dimension_label, kpi_label
from data import company_profile, exports, settings
from data.config import DB_HELP, IN_MEMORY, resolve_location
from data.engine import database_error, database_errors, open_store
from data.errors import HuddleDataError
from data.importing.mapping import Mapping
from data.store import Store
from metrics import lookups, service
from metrics.catalogue import get_kpi
from metrics.compiler import CompileError, MetricRequest
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from metrics.model import GRAINS
from metrics.periods import PRESETS, preset_kind, preset_range

if TYPE_CHECKING:
    from data.importing.runner import ImportReport


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
    from data.demo import generate_demo, resolve_locale
    from data.demo_scale import check_demo_size

    try:
        locale = resolve_locale(args.locale)  # a typo is reported even when nothing is built
        check_demo_size(args.orders, args.reps, args.customers)  # likewise a bad size
    except ValueError as error:
        raise UsageError(str(error)) from None
    store = open_store(args.db)
    path = store.path
    if args.if_missing and not store.is_empty():
        print(f"{path} already has data; leaving it as it is.")
        _demo_accounts_if_none(store)
        return 0
    started = time.perf_counter()
    summary = generate_demo(
        store,
        orders=args.orders,
        seed=args.seed,
        end_date=args.end_date,
        locale=locale,
        progress=_progress_bar,
        reps=args.reps,
        customers=args.customers,
    )
    seconds = time.perf_counter() - started
    print(
        f"Built the demo company in {path} in {seconds:.1f} s: {summary.orders:,} order lines"
        f" from {summary.first_order_date} to {summary.last_order_date}, {summary.reps} people"
        f" in {summary.teams} teams and groups, {summary.customers:,} customers,"
        f" {summary.deals:,} deals, {summary.activities:,} activities."
    )
    return 0


def _demo_accounts_if_none(store: Store) -> None:
    """A demo built before sign-in existed has no accounts, so no one could sign in to it:
    give it the demo's public accounts (a company's own data never gets them)."""
    from data.auth import list_users
    from data.auth_demo import seed_demo_users
    from data.company_kind import is_demo

    if is_demo(store) and not list_users(store):
        with store.transaction() as cur:
            seed_demo_users(cur)
        print("Added the demo's sign-in accounts (listed on its sign-in page).")


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
        # A preset's kind decides its comparison; explicit dates are read from the dates.
        period_kind=None if (args.date_from or args.date_to) else preset_kind(args.period),
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
    store = open_store(args.db)
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
        exports.write_csv(frame, sys.stdout)  # formula-safe, as every file Huddle writes
    elif args.format == "json":
        print(json.dumps(json.loads(frame.to_json(orient="records")), indent=2))
    else:
        print(f"{filters.start} – {filters.end}")
        with use_currency(settings.company_currency(store)):  # the company's, as on the app
            print(_formatted(frame).to_string(index=False))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    """Say where the database is, its schema version and what it holds."""
    store = open_store(args.db)
    version = store.scalar("SELECT max(version) FROM schema_version")
    print(f"Database: {store.path}")
    print(f"Schema version: {version}")
    span = lookups.data_span(store)
    print(f"Data from {span[0]} to {span[1]}" if span else "No data yet.")
    for table in ("teams", "reps", "customers", "products", "orders", "deals", "activities"):
        print(f"  {table:<11} {store.scalar(f'SELECT count(*) FROM {table}'):>10,}")
    return 0


def _import_jobs(args: argparse.Namespace, store: Store) -> list[tuple[Path, Mapping]]:
    """(file, mapping) pairs from TABLE FILE / --preset / --mapping, in import order."""
    from data.importing.presets import get_preset, load_mapping_file

    paths = [p for p in (args.table, args.file) if p]
    if args.preset and len(paths) == 1:
        target = Path(paths[0])
        preset = get_preset(args.preset, store)
        if target.is_dir():
            missing = [f.file for f in preset.files if not (target / f.file).is_file()]
            if missing:
                raise UsageError(f"{target} lacks the preset's files: {', '.join(missing)}")
            return [(target / f.file, f.mapping) for f in preset.import_order]
        named = [f for f in preset.files if f.file == target.name]
        if named or len(preset.files) == 1:
            return [(target, (named or list(preset.files))[0].mapping)]
        raise UsageError(
            f"Which table is {target.name} for? Say it: python cli.py import TABLE {target} "
            f"--preset {args.preset}"
        )
    if len(paths) != 2:
        raise UsageError(
            "Say what to import: python cli.py import TABLE FILE (or --preset NAME DIR)"
        )
    table, path = paths[0], Path(paths[1])
    if args.mapping:
        mapping = load_mapping_file(Path(args.mapping))
    elif args.preset:
        mapping = get_preset(args.preset, store).for_table(table)
    else:
        from data.importing.mapping import auto_map
        from data.importing.readers import ReadOptions, read_headers

        read = ReadOptions(args.encoding, args.delimiter, args.sheet)
        mapping = Mapping(table, columns=auto_map(read_headers(path, read), table))
    mapping.table = table
    return [(path, mapping)]


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    exports.write_csv(frame, path)  # UTF-8 with a BOM; no cell can run as a formula


def _rejects_dir(args: argparse.Namespace, store: Store) -> Path:
    """Where problem and rejected-row files go: --rejects-dir, else the database's folder, so
    a run never litters whatever folder the command was started from. An in-memory database
    or a PostgreSQL server has no folder here, so their files go to the current folder's
    `rejects/` (a server's) or the system's temporary folder (in memory)."""
    if args.rejects_dir:
        chosen = Path(args.rejects_dir)
    elif store.engine == "postgres":
        chosen = Path("rejects")
    elif str(store.path) == IN_MEMORY:
        chosen = Path(tempfile.gettempdir())
    else:
        chosen = store.path.parent
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen.resolve()


def cmd_import(args: argparse.Namespace) -> int:
    """Import files into the database, all of them in one transaction (a preset's several
    files go in together or not at all); print what happened."""
    from data.importing.errors import ImportRejected
    from data.importing.presets import save_preset
    from data.importing.readers import ReadOptions
    from data.importing.runner import ImportRequest, run_imports

    store = open_store(args.db)
    jobs = _import_jobs(args, store)
    for field_format in args.date_format or []:
        name, _, fmt = field_format.partition("=")
        for _path, mapping in jobs:
            mapping.date_formats[name.strip()] = fmt.strip()
    out_dir = _rejects_dir(args, store)
    requests = [
        ImportRequest(
            path=path,
            mapping=mapping,
            read=ReadOptions(args.encoding, args.delimiter, args.sheet),
            on_error=args.on_error,
            replace_existing=args.replace,
            add_to_company=args.add_to_company,
            preset=args.preset,
        )
        for path, mapping in jobs
    ]
    started = time.perf_counter()
    try:
        reports = run_imports(store, requests, dry_run=args.dry_run, via="cli")
    except ImportRejected as rejected:
        report = rejected.report
        problems = out_dir / f"{Path(report.file_name).stem}.problems.csv"  # type: ignore[attr-defined]
        _write_csv(report.problems, problems)  # type: ignore[attr-defined]
        print(report.summary())  # type: ignore[attr-defined]
        print(f"huddle: {rejected}", file=sys.stderr)
        if len(requests) > 1:
            print("Nothing was imported from any of the files.", file=sys.stderr)
        print(f"Every problem, by row: {problems}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    for report in reports:
        if report.refused:  # a dry run that would be refused
            print(report.summary())
            print(f"huddle: {report.refused}", file=sys.stderr)
            return 2
        print(report.summary())
        _print_notes(report, out_dir)
    print(f"in {seconds:.1f} s" + (" (dry run: nothing written)" if args.dry_run else ""))
    if args.save_preset and len(jobs) == 1:
        save_preset(store, args.save_preset, jobs[0][1], jobs[0][0].name, via="cli")
        print(f"Saved the mapping as the preset '{args.save_preset}'.")
    return 0


def _print_notes(report: ImportReport, out_dir: Path) -> None:
    """How one file was read, whether it came before, and where its problem files went."""
    stem = Path(report.file_name).stem
    if report.encoding_note():
        print(f"  {report.encoding_note()}")
    if report.imported_before:
        print(f"  this file was imported before: {', '.join(report.imported_before)}")
    if report.problem_count:
        problems = out_dir / f"{stem}.problems.csv"
        _write_csv(report.problems, problems)
        print(f"  problems and warnings: {problems}")
    if report.rejected:
        rejected_path = out_dir / f"{stem}.rejected.csv"
        _write_csv(report.rejected_rows, rejected_path)
        print(f"  rows set aside: {rejected_path}")


def cmd_presets(args: argparse.Namespace) -> int:
    """List the mapping presets: shipped ones and ones saved in the database."""
    from data.importing.presets import all_presets

    store = open_store(args.db)
    for preset in all_presets(store).values():
        origin = "saved" if preset.saved else "shipped"
        files = ", ".join(f"{f.file or '?'} → {f.mapping.table}" for f in preset.files)
        print(f"{preset.name:<14} {origin:<8} {preset.title}: {files}")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    """List names that differ only in spacing, case or punctuation."""
    from data.importing.company import likely_duplicates

    found = likely_duplicates(open_store(args.db))
    if found.empty:
        print("No likely duplicates.")
    for row in found.itertuples():
        names = " / ".join(f"{n!r} (id {i})" for n, i in zip(row.names, row.ids, strict=True))
        print(f"{row.table_name}: {names}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge one team, person, customer or product into another, by name."""
    from data.importing.company import merge

    store = open_store(args.db)
    id_col = {"teams": "team_id", "reps": "rep_id", "customers": "customer_id",
              "products": "product_id"}.get(args.table)  # fmt: skip
    if id_col is None:
        raise UsageError("merge works on teams, reps, customers or products")
    ids = []
    for name in (args.source, args.target):
        found = store.rows(f"SELECT {id_col} FROM {args.table} WHERE name = $n", {"n": name})
        if len(found) != 1:
            raise UsageError(f"There is not exactly one row of {args.table} called '{name}'.")
        ids.append(int(found[0][0]))
    merge(store, args.table, ids[0], ids[1], via="cli")
    print(f"Merged '{args.source}' into '{args.target}'; importing '{args.source}' lands there.")
    return 0


def _setting_line(store: Store, name: str) -> str:
    """One setting as `name: value`, saying when it is not set and what applies meanwhile."""
    if name == "currency":
        stored = settings.stored_currency(store)
        return f"currency: {stored or f'{settings.company_currency(store)} (not set; the default)'}"
    profile = company_profile.stored_profile(store)
    value = {
        company_profile.NAME: profile.name,
        company_profile.FISCAL_YEAR_START: profile.fiscal_year_start,
        company_profile.TIME_ZONE: profile.time_zone,
    }[name]
    default = {
        company_profile.NAME: "(not set; the first import names it)",
        company_profile.FISCAL_YEAR_START: f"{company_profile.DEFAULT_FISCAL_YEAR_START} "
        "(not set; the default: January)",
        company_profile.TIME_ZONE: f"{company_profile.DEFAULT_TIME_ZONE} (not set; the default)",
    }[name]
    return f"{name}: {default if value is None else value}"


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the company's settings, or set one: `settings currency EUR`,
    `settings company_name "Acme"`, `settings fiscal_year_start 4`,
    `settings time_zone Asia/Shanghai`; `settings` alone shows them all."""
    store = open_store(args.db)
    if args.name is None:
        for name in ("currency", *company_profile.PROFILE_SETTINGS):
            print(_setting_line(store, name))
        return 0
    if args.name != "currency":
        if args.value is None:
            print(_setting_line(store, args.name))
            return 0
        field = {company_profile.NAME: "name"}.get(args.name, args.name)
        company_profile.set_profile(store, **{field: args.value}, via="cli")
        print(f"Saved. {_setting_line(store, args.name)}")
        return 0
    if args.value is None:
        stored = settings.stored_currency(store)
        shown = stored or f"{settings.company_currency(store)} (not set; the default)"
        print(f"currency: {shown}")
        return 0
    code = settings.set_currency(store, args.value, via="cli")
    print(f"Amounts are in {code} now, on every page and in both languages.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the database (with a SHA-256 checksum file) while no other program holds it."""
    from data.backup import backup_file

    # A postgresql:// URL (or $HUDDLE_DATABASE_URL) is refused with a sentence: use pg_dump.
    made = backup_file(resolve_location(args.db), Path(args.to) if args.to else None)
    print(f"Backed up to {made.path}")
    print(f"Checksum (SHA-256) in {made.checksum_path}: {made.sha256}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a checked backup, keeping the current file beside it."""
    from data.backup import restore

    done = restore(Path(args.path), resolve_location(args.db))
    print(f"Restored {args.path} into {done.path} (schema version {done.schema_version}).")
    if done.kept:
        print(f"The file it replaced is kept as {done.kept}")
    return 0


def _date(text: str) -> date:
    """A date argument, within the dates an import accepts (1900-01-01 to a year after
    today): 0001-01-01 or 9999-12-31 would overflow the periods computed from them."""
    from data.importing.parsing import EARLIEST_DATE, latest_date

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-05") from None
    latest = latest_date(date.today())
    if not EARLIEST_DATE <= day <= latest:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the dates Huddle works with: from {EARLIEST_DATE} to {latest}"
            " (a year after today)"
        )
    return day


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(prog="python cli.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="build the demo company (replaces the data in --db)")
    demo.add_argument("--db", help=DB_HELP)
    demo.add_argument("--orders", type=int, default=200_000, help="order lines (default 200000)")
    demo.add_argument(
        "--reps",
        type=int,
        help="people, leads and support staff included (default: the standard 65); more people"
        " repeat the standard teams as numbered regions. 65 to 20000",
    )
    demo.add_argument(
        "--customers",
        type=int,
        help="customers (default: 1.5%% of the order lines, 150 to 3000 per 65 people);"
        " at least --reps, at most 2000000",
    )
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--end-date", type=_date, help="last day of history (default today)")
    demo.add_argument("--if-missing", action="store_true", help="only when the file has no data")
    demo.add_argument(
        "--locale",
        default="en",
        help="language of the names, places, products and texts: en (default, also en_US) or "
        "zh_CN (Simplified Chinese, also zh); the numbers are the same in both",
    )
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
    kpi.add_argument("--db", help=DB_HELP)
    kpi.set_defaults(run=cmd_kpi)

    info = sub.add_parser("info", help="where the database is and what it holds")
    info.add_argument("--db", help=DB_HELP)
    info.set_defaults(run=cmd_info)

    imp = sub.add_parser("import", help="import a CSV/TSV, XLSX or Parquet file (or a preset's)")
    imp.add_argument(
        "table",
        nargs="?",
        help="teams, reps, customers, products, orders, deals, activities, feedback or stock",
    )
    imp.add_argument("file", nargs="?", help="the file (or, with --preset, a folder)")
    imp.add_argument("--preset", help="a mapping preset (see: python cli.py presets)")
    imp.add_argument("--mapping", help="a mapping file (TOML or JSON)")
    imp.add_argument(
        "--encoding", help="utf-8, gbk, gb18030, windows-1252, latin-1 (default: detect)"
    )
    imp.add_argument("--delimiter", help="field delimiter (default: detect)")
    imp.add_argument("--sheet", help="the XLSX sheet (default: the first)")
    imp.add_argument(
        "--date-format",
        action="append",
        metavar="FIELD=FORMAT",
        help="a date column's format, e.g. order_date=d/m/Y (for ambiguous columns)",
    )
    imp.add_argument(
        "--on-error",
        choices=["reject", "quarantine"],
        default="reject",
        help="reject the file (default) or import valid rows, set the rest aside",
    )
    # One company per database: a file that looks like another company's is refused unless
    # one of these says what to do (data/importing/company_match.py states the rule).
    company_choice = imp.add_mutually_exclusive_group()
    company_choice.add_argument(
        "--replace",
        "--replace-company",
        dest="replace",
        action="store_true",
        help="clear the demo company (or the company's data) first, in the same transaction",
    )
    company_choice.add_argument(
        "--add-to-company",
        action="store_true",
        help="import even when the file looks like another company's (little overlap)",
    )
    imp.add_argument(
        "--rejects-dir", help="where problem/rejected-row files go (default: the database's folder)"
    )
    imp.add_argument("--save-preset", metavar="NAME", help="save the mapping under this name")
    imp.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    imp.add_argument("--db", help=DB_HELP)
    imp.set_defaults(run=cmd_import)

    presets = sub.add_parser("presets", help="list the column-mapping presets")
    presets.add_argument("--db", help=DB_HELP)
    presets.set_defaults(run=cmd_presets)

    dupes = sub.add_parser(
        "duplicates", help="names that differ only in spacing, case, punctuation"
    )
    dupes.add_argument("--db", help=DB_HELP)
    dupes.set_defaults(run=cmd_duplicates)

    merge = sub.add_parser("merge", help="merge a duplicate team, person, customer or product")
    merge.add_argument("table", help="teams, reps, customers or products")
    merge.add_argument("source", help="the name to merge away (e.g. GTXPro)")
    merge.add_argument("target", help="the name to keep (e.g. 'GTX Pro')")
    merge.add_argument("--db", help=DB_HELP)
    merge.set_defaults(run=cmd_merge)

    config = sub.add_parser(
        "settings", help="show or set a company setting (currency, name, fiscal year, time zone)"
    )
    config.add_argument(
        "name",
        nargs="?",
        choices=["currency", *company_profile.PROFILE_SETTINGS],
        help="the setting; leave out to show them all",
    )
    config.add_argument(
        "value",
        nargs="?",
        help="currency: CNY, USD or EUR; company_name: 1-80 characters; fiscal_year_start: "
        "its first month, 1-12; time_zone: an IANA name such as Asia/Shanghai. Leave out to "
        "show the setting",
    )
    config.add_argument("--db", help=DB_HELP)
    config.set_defaults(run=cmd_settings)

    backup = sub.add_parser(
        "backup", help="copy the database with a SHA-256 checksum (while the app is stopped)"
    )
    backup.add_argument("--to", help="the backup file (default: backups/<db>-<time>.duckdb)")
    backup.add_argument("--db", help=DB_HELP)
    backup.set_defaults(run=cmd_backup)

    restore = sub.add_parser(
        "restore", help="replace the database with a backup (checked; the old file is kept)"
    )
    restore.add_argument("path", help="a backup made by `backup` or the Data page")
    restore.add_argument("--db", help=DB_HELP)
    restore.set_defaults(run=cmd_restore)

    add_user_parser(sub)  # `user add|list|disable|enable|reset-password` (cli_user.py)
    add_explain_parser(sub, _filters, _date)  # `explain KPI --vs ... --by ...` (cli_explain.py)
    add_copy_parser(sub, _progress_bar)  # `copy --from X --to Y` (cli_copy.py)
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
    except database_errors() as error:  # the database's own words, as one sentence naming it
        print(f"huddle: {database_error(getattr(args, 'db', None), error)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
