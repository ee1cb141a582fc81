"""The CLI: builds the demo, prints the dashboard's numbers, explains bad input in words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from components import cache
from metrics.filters import Filters
from metrics.periods import preset_range
from metrics.requests import KpiTrend
from tests.cli_run import run_cli
from tests.conftest import DEMO_END, held_by_another_process

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS`, run in this process (tests/cli_run.py)."""
    return run_cli(*args)


def _cli_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS` in a new Python: the one test of the entry point itself."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_kpi_by_team_and_month_prints_what_the_page_shows(demo_db: Path) -> None:
    done = _cli("kpi", "revenue", "--by", "team", "--grain", "month", "--period", "ytd",
                "--targets", "--format", "json", "--db", str(demo_db))  # fmt: skip
    assert done.returncode == 0, done.stderr
    printed = pd.DataFrame(json.loads(done.stdout))

    start, end = preset_range("ytd", DEMO_END)
    shown = cache.fetch(
        KpiTrend(
            kpis=("revenue",),
            filters=Filters(start=start, end=end),
            grain="month",
            dimension="team",
            with_targets=True,
        )
    )
    assert len(printed) == len(shown) == 11 * 4  # January to November, four teams
    assert list(printed["revenue"]) == list(shown["revenue"])
    assert list(printed["revenue_target"]) == list(shown["revenue_target"])
    assert list(printed["bucket"]) == [str(b) for b in shown["bucket"]]


def test_kpi_table_is_readable(demo_db: Path) -> None:
    # A real `python cli.py` process, the one such run in the tests: the entry point's exit
    # code and printed table, not only `cli.main` (every other CLI test runs it in-process).
    done = _cli_subprocess("kpi", "revenue,win_rate", "--by", "team", "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{DEMO_END.replace(day=1)} – {DEMO_END}"
    assert lines[1].split() == ["Team", "Revenue", "Win", "rate"]
    assert len(lines) == 2 + 4 and "$" in lines[2] and "%" in lines[2]


def test_bad_input_gets_one_plain_line_and_exit_code_2(demo_db: Path) -> None:
    for args, expected in [
        (("kpi", "profit"), "There is no KPI called 'profit'"),
        (("kpi", "revenue", "--team", "Narnia"), "There is no team called 'Narnia'"),
        (("kpi", "won_deals", "--by", "product_category"), "cannot be broken down by product"),
        (("kpi", "revenue", "--from", "2026-05-01", "--to", "2026-04-01"), "ends (2026-04-01)"),
    ]:
        done = _cli(*args, "--db", str(demo_db))
        assert done.returncode == 2, (args, done.stdout)
        assert expected in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


def test_dates_outside_1900_to_a_year_ahead_are_refused_with_a_sentence(demo_db: Path) -> None:
    # Before: 9999-12-31 overflowed the month after it (year 10000) and 0001-01-01 the
    # period before it, each a traceback. Now: argparse's exit 2 with the rule in words.
    for flag, value in [("--as-of", "9999-12-31"), ("--from", "0001-01-01"),
                        ("--to", "9999-12-31"), ("--from", "1899-12-31")]:  # fmt: skip
        done = _cli("kpi", "revenue", flag, value, "--db", str(demo_db))
        assert done.returncode == 2, (flag, value, done.stdout)
        assert f"argument {flag}: {value} is outside the dates Huddle works with: from " \
            "1900-01-01 to " in done.stderr, done.stderr  # fmt: skip
        assert "Traceback" not in done.stderr


def test_a_delimiter_of_two_characters_is_refused_with_a_sentence(tmp_path: Path) -> None:
    # Before: TypeError '"delimiter" must be a 1-character string' from the csv module.
    path = tmp_path / "orders.csv"
    path.write_text("Order,Date\nA1,2024-03-05\n", "utf-8")
    done = _cli("import", "orders", str(path), "--delimiter", ",,", "--db",
                str(tmp_path / "t.duckdb"))  # fmt: skip
    assert done.returncode == 2, done.stdout
    assert "The delimiter ',,' cannot be used: a delimiter is exactly one character" in done.stderr
    assert "Traceback" not in done.stderr


def test_demo_builds_a_database_and_info_describes_it(tmp_path: Path) -> None:
    path = tmp_path / "fresh.duckdb"
    done = _cli("demo", "--orders", "3000", "--end-date", "2026-11-20", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "Built the demo company" in done.stdout
    again = _cli("demo", "--if-missing", "--db", str(path))
    assert "already has data" in again.stdout
    info = _cli("info", "--db", str(path))
    assert "orders" in info.stdout and "3,000" in info.stdout


def test_a_database_held_by_the_app_is_explained_in_words(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    with held_by_another_process(path) as pid:
        done = _cli("kpi", "revenue", "--db", str(path))
    assert done.returncode == 2
    assert f"is in use by another program (process {pid})" in done.stderr
    assert "Traceback" not in done.stderr
