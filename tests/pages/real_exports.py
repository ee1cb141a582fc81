"""Real exports imported the way a new user would (`python cli.py import`, run in-process):
Maven CRM's four files and Superstore's orders, each into its own DuckDB file, once per test
session. Separate files because a database holds one company (an import whose people barely
overlap the database's asks before mixing two companies)."""

from __future__ import annotations

import contextlib
import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import cli
from tests.conftest import DATASETS

MAVEN_DIR = DATASETS / "maven-crm"
SUPERSTORE_CSV = DATASETS / "superstore" / "Sample - Superstore.csv"


def _run_cli(*args: str) -> str:
    """Run `python cli.py ARGS` in this process; its stdout, or AssertionError with stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    assert code == 0, err.getvalue()
    return out.getvalue()


def import_maven(db: Path) -> Path:
    """Maven CRM (accounts, products, sales_teams, sales_pipeline) into a new file `db`."""
    _run_cli("import", "--preset", "maven-crm", str(MAVEN_DIR), "--db", str(db))
    return db


def import_superstore(db: Path) -> Path:
    """Superstore's order lines into a new file `db`."""
    _run_cli("import", "orders", str(SUPERSTORE_CSV), "--preset", "superstore", "--db", str(db))
    return db


# --- the files' own answers, worked out with csv and Decimal (never with Huddle's SQL) ------

CENT = Decimal("0.01")


def _rows(path: Path, encoding: str) -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def maven_deals() -> list[dict[str, str]]:
    """sales_pipeline.csv's 8,800 opportunities, as the file has them."""
    return _rows(MAVEN_DIR / "sales_pipeline.csv", "utf-8-sig")


def maven_won(first: str, last: str) -> list[dict[str, str]]:
    """Won deals whose close_date (ISO text) is in [first, last]."""
    return [
        d for d in maven_deals() if d["deal_stage"] == "Won" and first <= d["close_date"] <= last
    ]


def maven_list_prices() -> dict[str, Decimal]:
    """products.csv: each product's sales_price, by the name products.csv spells."""
    rows = _rows(MAVEN_DIR / "products.csv", "utf-8-sig")
    return {r["product"]: Decimal(r["sales_price"]) for r in rows}


def maven_agents() -> list[dict[str, str]]:
    """sales_teams.csv: each agent with a manager and a regional office."""
    return _rows(MAVEN_DIR / "sales_teams.csv", "utf-8-sig")


def maven_account_country() -> dict[str, str]:
    """accounts.csv: each account's office_location (a country)."""
    rows = _rows(MAVEN_DIR / "accounts.csv", "utf-8-sig")
    return {r["account"]: r["office_location"] for r in rows}


def money(deals: list[dict[str, str]], column: str = "close_value") -> Decimal:
    return sum((Decimal(d[column]) for d in deals), Decimal(0))


def superstore_lines(first: str, last: str) -> list[dict[str, str]]:
    """Superstore's order lines whose Order Date (ISO in this file) is in [first, last]. The
    file is Windows-1252 (tests/datasets/README.md)."""
    lines = _rows(SUPERSTORE_CSV, "cp1252")
    return [r for r in lines if first <= r["Order Date"] <= last]


def line_cents(line: dict[str, str]) -> Decimal:
    """A line's Sales as Huddle stores money: whole cents, half away from zero (16.448 -> 16.45;
    data/importing/parsing.cents_sql)."""
    return Decimal(line["Sales"]).quantize(CENT, ROUND_HALF_UP)
