"""`cli.py settings`: the company's currency, set once, shown by every command and page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from data import settings
from data.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


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
