"""`python cli.py copy --from X --to Y`: move a company between a DuckDB file and a PostgreSQL
server (either way, or file to file), checked by row counts and KPI totals.

    python cli.py copy --from data/huddle.duckdb --to postgresql://huddle@db/huddle
    python cli.py copy --from postgresql://huddle@db/huddle --to company.duckdb

The source is opened read-only and read as one moment; the target is migrated and must hold
no company (--replace empties it first, in the same transaction). Everything lands in one
transaction, so a failed copy leaves the target as it was. Afterwards every table's rows and
the company's KPI totals are read on both sides and printed; any difference is an error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import duckdb

from data.company_copy import CopyReport, copy_company, same_location
from data.engine import database_error, database_errors, open_store
from data.errors import HuddleDataError
from metrics.company_totals import company_totals

Progress = Callable[[float, str], None]
_WHERE = "a DuckDB file or a postgresql:// URL"
_KPI_HEADER = "KPI total (money in cents)"


def _number(value: int | Decimal) -> str:
    return f"{value:,}"


def _print_report(report: CopyReport, totals: tuple[dict[str, Any], dict[str, Any]]) -> None:
    width = max([len(_KPI_HEADER), *(len(t.table) for t in report.tables)])
    print(f"{'table':<{width}}  {'source rows':>12}  {'target rows':>12}")
    for count in report.tables:
        mark = "" if count.source_rows == count.target_rows else "  <- differs"
        line = f"{_number(count.source_rows):>12}  {_number(count.target_rows):>12}"
        print(f"{count.table:<{width}}  {line}{mark}")
    print()
    print(f"{_KPI_HEADER:<{width}}  {'source':>12}  {'target':>12}")
    source, target = totals
    for kpi, value in source.items():
        mark = "" if value == target.get(kpi) else "  <- differs"
        line = f"{_number(value):>12}  {_number(target.get(kpi, 0)):>12}"
        print(f"{kpi:<{width}}  {line}{mark}")


def cmd_copy(args: argparse.Namespace, progress: Progress) -> int:
    """Copy the company at --from into the empty database at --to, then check both sides."""
    if same_location(args.source, args.target):
        raise HuddleDataError.of("db.copy_same", target=args.target)
    source = open_store(args.source, read_only=True)
    target = None
    try:
        target = open_store(args.target)
        report = copy_company(source, target, progress, replace=args.replace)
        totals = (company_totals(source), company_totals(target))
    except database_errors() as error:
        # The engine that raised it says which side it came from.
        from_duckdb = isinstance(error, duckdb.Error)
        target_duckdb = target is not None and target.engine == "duckdb"
        side = args.target if target is not None and from_duckdb == target_duckdb else args.source
        raise database_error(side, error) from None
    finally:
        source.close()
        if target is not None:
            target.close()
    _print_report(report, totals)
    differing = [t.table for t in report.differences]
    kpis = [k for k, v in totals[0].items() if totals[1].get(k) != v]
    if differing or kpis:
        print(
            f"huddle: the copy in {report.target} differs from {report.source}: rows of "
            f"{', '.join(differing) or 'no table'} and the totals of {', '.join(kpis) or 'no KPI'}"
            " are not the same. Do not use the copy; run the copy again into an empty database.",
            file=sys.stderr,
        )
        return 1
    rows = sum(t.target_rows for t in report.tables)
    print(
        f"Copied {rows:,} rows of {len(report.tables)} tables from {report.source} to "
        f"{report.target}: every table's rows and every KPI total are the same on both sides."
    )
    return 0


def add_copy_parser(sub: Any, progress: Progress) -> None:
    """Register `copy` on the CLI's subparsers; `progress` draws the progress bar."""
    copy = sub.add_parser(
        "copy", help="copy the company between a DuckDB file and a PostgreSQL server"
    )
    copy.add_argument("--from", dest="source", required=True, help=f"the source: {_WHERE}")
    copy.add_argument("--to", dest="target", required=True, help=f"the target: {_WHERE}")
    copy.add_argument(
        "--replace",
        action="store_true",
        help="empty the target's company first (in the same transaction) instead of refusing",
    )
    copy.set_defaults(run=lambda args: cmd_copy(args, progress))
