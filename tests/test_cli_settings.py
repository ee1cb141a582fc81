"""`cli.py settings`: the company's currency, set once, shown by every command and page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from data import settings
from data.store import Store
from tests.cli_run import run_cli


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS`, run in this process (tests/cli_run.py)."""
    return run_cli(*args)


def test_the_currency_is_set_shown_and_used_by_kpi(demo_db_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "company.duckdb"
    shutil.copy(demo_db_path, db)  # the English demo company: USD
    assert _cli("settings", "currency", "--db", str(db)).stdout.strip() == "currency: USD"
    done = _cli("settings", "currency", "eur", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "EUR" in done.stdout
    store = Store(db)
    assert settings.stored_currency(store) == "EUR"
    store.close()
    printed = _cli("kpi", "revenue", "--db", str(db)).stdout
    assert "€" in printed and "$" not in printed


def test_a_bad_currency_is_refused_in_a_sentence(tmp_path: Path) -> None:
    db = tmp_path / "company.duckdb"
    done = _cli("settings", "currency", "RMB", "--db", str(db))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "huddle: RMB is not a currency Huddle can show: use one of CNY, USD, EUR. "
        "Nothing was changed."
    )
    assert _cli("settings", "currency", "--db", str(db)).stdout.startswith("currency: USD")


def test_the_company_profile_is_set_and_shown(tmp_path: Path) -> None:
    db = str(tmp_path / "company.duckdb")
    assert _cli("settings", "--db", db).stdout.splitlines() == [
        "currency: USD (not set; the default)",
        "company_name: (not set; the first import names it)",
        "fiscal_year_start: 1 (not set; the default: January)",
        "time_zone: UTC (not set; the default)",
    ]
    for name, value in [
        ("company_name", "  Acme   Trading "),
        ("fiscal_year_start", "4"),
        ("time_zone", "Asia/Shanghai"),
    ]:
        done = _cli("settings", name, value, "--db", db)
        assert done.returncode == 0, done.stderr
    assert _cli("settings", "--db", db).stdout.splitlines()[1:] == [
        "company_name: Acme Trading",
        "fiscal_year_start: 4",
        "time_zone: Asia/Shanghai",
    ]


def test_a_bad_profile_value_is_refused_in_a_sentence(tmp_path: Path) -> None:
    db = str(tmp_path / "company.duckdb")
    done = _cli("settings", "fiscal_year_start", "13", "--db", db)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "huddle: '13' is not a month: the fiscal year's first month is a number from 1 "
        "(January) to 12 (December). Nothing was changed."
    )
    done = _cli("settings", "time_zone", "Asia/Shangai", "--db", db)
    assert done.returncode == 2
    assert "'Asia/Shangai' is not a time zone Huddle knows" in done.stderr
    assert _cli("settings", "time_zone", "--db", db).stdout.strip() == (
        "time_zone: UTC (not set; the default)"
    )
