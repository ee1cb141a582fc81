"""The incentive plan file: the shipped default loads, versions are dated, mistakes are named."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from metrics.incentive_plan import (
    DEFAULT_PLAN_PATH,
    PLAN_ENV_VAR,
    PlanError,
    load_plan,
    parse_plan,
    plan_path,
    plan_stamp,
)
from tests.metrics.incentive_fixture import plan_text

SHIPPED = DEFAULT_PLAN_PATH.read_text("utf-8")


def _error(text: str) -> str:
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "plan.toml")
    return str(caught.value)


def _line_of(text: str, fragment: str) -> int:
    """1-based line number of the first line containing `fragment`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_shipped_plan_loads_with_every_award_the_issue_names() -> None:
    plan = load_plan(DEFAULT_PLAN_PATH)
    assert len(plan.plans) == 2
    latest = plan.plans[-1]
    ids = {a.id for a in latest.awards}
    assert {"sales_champion", "best_service", "most_improved", "rookie"} <= ids
    assert "team_collaboration" in ids
    assert [t.rate_pct for t in latest.commission.tiers] == [2, 4, 6]
    assert latest.commission.cap_cents == 2_500_000
    assert plan.contests, "the demo ships contests"


def test_the_plan_in_force_is_the_latest_dated_on_or_before_the_day() -> None:
    plan = parse_plan(plan_text())
    assert plan.version_for(date(2023, 12, 31)) is None
    assert plan.version_for(date(2024, 10, 31)).name == "Old"  # type: ignore[union-attr]
    assert plan.version_for(date(2024, 11, 1)).name == "New"  # type: ignore[union-attr]
    assert plan.version_for(date(2030, 1, 1)).name == "New"  # type: ignore[union-attr]


def test_huddle_plan_points_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "mine.toml"
    elsewhere.write_text(plan_text(with_new=False), "utf-8")
    monkeypatch.setenv(PLAN_ENV_VAR, str(elsewhere))
    assert plan_path() == elsewhere
    assert [v.name for v in load_plan().plans] == ["Old"]
    assert plan_stamp()[0] == str(elsewhere) and plan_stamp()[1] > 0


def test_a_missing_file_says_which_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match=r"nowhere\.toml cannot be read"):
        load_plan(tmp_path / "nowhere.toml")


def test_a_toml_syntax_error_names_the_line() -> None:
    broken = SHIPPED.replace("cap = 25000", "cap = = 25000")
    message = _error(broken)
    assert f"line {_line_of(broken, 'cap = = 25000')}" in message
    assert "not valid TOML" in message


def test_a_bad_rate_names_the_line_and_the_field() -> None:
    broken = SHIPPED.replace("{ from_pct = 80, rate_pct = 4 }", "{ from_pct = 80, rate_pct = -4 }")
    message = _error(broken)
    line = _line_of(broken, "rate_pct = -4")
    assert message.startswith(
        f"plan.toml: line {line}, field plans[2].commission.tiers[2].rate_pct"
    )
    assert "greater than or equal to 0" in message


def test_a_misspelt_key_and_an_unknown_kpi_are_named() -> None:
    broken = SHIPPED.replace('kpi = "won_deals"', 'kpi = "wins"').replace(
        "min_previous = 5000\nprize = 1000", "min_previous = 5000\nprise = 1000"
    )
    message = _error(broken)
    wins = _line_of(broken, '"wins"')
    assert f"line {wins}, field plans[2].awards[5].kpi" in message
    assert "no KPI called 'wins'" in message
    assert f"line {_line_of(broken, 'prise = 1000')}, field plans[2].awards[3].prise" in message


def test_a_bad_mode_lists_the_choices() -> None:
    broken = SHIPPED.replace('mode = "marginal"', 'mode = "sometimes"')
    message = _error(broken)
    assert f"line {_line_of(broken, 'sometimes')}, field plans[2].commission.mode" in message
    assert "'whole' or 'marginal'" in message


def test_tiers_must_start_at_zero_and_rise() -> None:
    broken = SHIPPED.replace("{ from_pct = 100, rate_pct = 6 }", "{ from_pct = 70, rate_pct = 6 }")
    message = _error(broken)
    assert "field plans[2].commission.tiers: tiers must start at rising attainment" in message
    assert _error(
        SHIPPED.replace("{ from_pct = 0, rate_pct = 2 }", "{ from_pct = 5, rate_pct = 2 }")
    )


def test_plan_versions_must_be_in_date_order() -> None:
    broken = SHIPPED.replace("effective_from = 2026-07-01", "effective_from = 2022-07-01")
    assert "oldest first" in _error(broken)


def test_a_contest_ending_before_it_starts_names_the_contest() -> None:
    broken = SHIPPED.replace("end = 2026-11-30", "end = 2026-10-30")
    message = _error(broken)
    assert "field contests[3]: the contest ends (2026-10-30) before it starts" in message


def test_a_gross_margin_plan_needs_a_margin_target_share() -> None:
    marginal = 'period = "month"\nmode = "marginal"'
    broken = SHIPPED.replace(f'kpi = "revenue"\n{marginal}', f'kpi = "gross_margin"\n{marginal}')
    assert "margin_target_pct" in _error(broken)
    fixed = broken.replace("cap = 25000", "cap = 25000\nmargin_target_pct = 35")
    assert parse_plan(fixed).plans[1].commission.margin_target_pct == Decimal(35)


def test_tiers_written_as_tables_are_located_too() -> None:
    text = """
[[plans]]
effective_from = 2024-01-01
name = "Tables"

[plans.commission]
mode = "whole"

[[plans.commission.tiers]]
from_pct = 0
rate_pct = 2

[[plans.commission.tiers]]
from_pct = 80
rate_pct = "four"
"""
    message = _error(text)
    assert message.startswith("plan.toml: line 15, field plans[1].commission.tiers[2].rate_pct")


def test_the_shipped_plan_states_its_award_and_clawback_rules() -> None:
    plan = load_plan(DEFAULT_PLAN_PATH)
    old, latest = plan.plans
    assert (old.one_award_per_person, old.award_ties) == (False, "shared")
    assert (latest.one_award_per_person, latest.award_ties) == (True, "attainment")
    assert {v.commission.clawback for v in plan.plans} == {"return_period"}
    improved = next(a for a in latest.awards if a.id == "most_improved")
    assert improved.min_previous == Decimal(5000)  # at least 5,000.00: a Decimal, exact
    together = next(a for a in latest.awards if a.id == "team_collaboration")
    assert latest.tie_rule(together) == "shared"  # a group award's tie is always shared


def test_clawback_true_and_false_of_older_files_still_read() -> None:
    assert parse_plan(plan_text(clawback=True)).plans[1].commission.clawback == "return_period"
    assert parse_plan(plan_text(clawback=False)).plans[1].commission.clawback == "none"


def test_a_bad_tie_rule_or_clawback_lists_the_choices() -> None:
    broken = SHIPPED.replace('award_ties = "attainment"', 'award_ties = "coin"')
    message = _error(broken)
    assert f"line {_line_of(broken, 'coin')}, field plans[2].award_ties" in message
    assert "'shared' or 'attainment'" in message
    broken = SHIPPED.replace('clawback = "return_period"\n', 'clawback = "later"\n')
    message = _error(broken)
    assert f"line {_line_of(broken, 'later')}, field plans[2].commission.clawback" in message
