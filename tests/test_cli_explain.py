"""`python cli.py explain`, run in-process: the same split as the Explain page, in words.

The tiny company (tests/metrics/fixture.py), November 2024 against October 2024: revenue
841.00 against 370.50, +470.50; by team South 460.00 - 80.50 = +379.50 and North
381.00 - 290.00 = +91.00 (tests/metrics/test_explain.py works the parts out by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cli
from data.store import Store
from tests.metrics.fixture import build_tiny_company


@pytest.fixture
def tiny_db(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.duckdb"
    store = Store(path)
    build_tiny_company(store)
    store.close()
    return path


NOV = ("--from", "2024-11-01", "--to", "2024-11-30")


def test_explain_prints_the_sentence_parts_and_effects(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["explain", "revenue", "--vs", "previous", "--by", "team", *NOV,
                     "--db", str(tiny_db)]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Revenue is up $471 on the period before: South +$380, North +$91, mostly more orders."
    )
    assert lines[1] == "1 Nov 2024 – 30 Nov 2024 against 1 Oct 2024 – 31 Oct 2024"
    assert lines[3].split() == ["South", "$80.50", "$460.00", "+$379.50"]
    assert lines[4].split() == ["North", "$290.00", "$381.00", "+$91.00"]
    # Volume 395.50 + price 52.14 + mix 22.86 = 470.50 (worked in test_explain.py).
    assert lines[6:9] == [
        "  Volume (orders): +$395.50",
        "  Price (average order value): +$52.14",
        "  Mix: +$22.86",
    ]


def test_explain_json_against_target_by_person(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Eve +60.00, Ann -30.00, Ben +5.50, Cai +5.50, Dee 0, and the people's targets (800.00)
    # short of the company's (1000.00) by 200.00: +60 - 30 + 5.5 + 5.5 + 0 - 200 = -159.00.
    assert cli.main(["explain", "revenue", "--vs", "target", "--by", "rep_id", *NOV,
                     "--format", "json", "--db", str(tiny_db)]) == 0  # fmt: skip
    printed = json.loads(capsys.readouterr().out)
    assert printed["change"] == -159.0
    # The sentence names who is furthest ahead (Eve) and furthest behind (Ann).
    assert printed["sentence"] == "Revenue is $159 behind target: Eve +$60, Ann -$30."
    assert [(p["label"], p["part"]) for p in printed["parts"]] == [
        ("Eve", 60.0), ("Ann", -30.0), ("Ben", 5.5), ("Cai", 5.5), ("Dee", 0.0),
        ("Target not split to these rows", -200.0),
    ]  # fmt: skip


def test_explain_says_why_a_kpi_cannot_be_split(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["explain", "active_customers", *NOV, "--db", str(tiny_db)]) == 2
    assert "cannot be split exactly" in capsys.readouterr().err
    assert cli.main(["explain", "no_such_kpi", *NOV, "--db", str(tiny_db)]) == 2
    assert "There is no KPI called 'no_such_kpi'" in capsys.readouterr().err
