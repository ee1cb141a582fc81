"""benchmarks/goals.py judges issue #16's goals from the benchmarks' figures: each rule at its
edge, worked out by hand."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# benchmarks/ holds scripts, not a package: imported as `python benchmarks/goals.py` finds them
sys.path.insert(0, str(ROOT / "benchmarks"))
goals = importlib.import_module("goals")


def _pages(first: dict[str, float], warm: dict[str, float], peak: float) -> dict[str, float]:
    figures = {goals.HARNESS_FRESH: 120.0, goals.HARNESS_WARM: 60.0, goals.APP_PEAK: peak}
    figures |= {goals.fresh_name(f"pages/{p}.py"): ms for p, ms in first.items()}
    figures |= {goals.warm_name(f"pages/{p}.py"): ms for p, ms in warm.items()}
    return figures


def test_a_page_on_the_edge_is_within_and_a_tenth_over_is_not() -> None:
    # 1,620 - 120 = 1,500 ms exactly: within; 1,620.1 - 120 = 1,500.1: over.
    on_edge = _pages({"standup": 1620.0, "team": 500.0}, {"standup": 210.0, "team": 70.0}, 900)
    first, warm, memory = goals.page_verdicts(on_edge)
    assert first.met and first.measured == "2 of 2 within; slowest standup 1,500.0 ms"
    assert warm.met and warm.measured == "2 of 2 within; slowest standup 150.0 ms"
    assert memory.met and memory.measured == "900.0 MB"
    over = _pages({"standup": 1620.1, "team": 500.0}, {"standup": 210.1, "team": 70.0}, 1536.1)
    first, warm, memory = goals.page_verdicts(over)
    assert not first.met and first.measured == "1 of 2 within; slowest standup 1,500.1 ms"
    assert not warm.met and warm.measured == "1 of 2 within; slowest standup 150.1 ms"
    assert not memory.met


def test_the_main_query_against_hand_written_sql_and_the_pandas_peer() -> None:
    # 120 ms against 100 ms by hand is 1.2x exactly; the peer at 2,400 ms is 20x exactly.
    to_hand, to_pandas = goals.query_verdicts(
        {"compiler_ms": 120.0, "hand_ms": 100.0, "pandas_ms": 2400.0}
    )
    assert to_hand.met and to_hand.measured == "120.0 ms against 100.0 ms: 1.20×"
    assert to_pandas.met and to_pandas.measured == "2,400.0 ms: 20.0×"
    to_hand, to_pandas = goals.query_verdicts(
        {"compiler_ms": 120.1, "hand_ms": 100.0, "pandas_ms": 2400.0}
    )
    assert not to_hand.met and not to_pandas.met  # 1.201x; 2,400 / 120.1 = 19.98x


def test_the_import_against_read_csv_and_its_peak() -> None:
    # 4.50 s against 3.00 s is 1.5x exactly; 1,024 MB is the edge.
    ratio, peak = goals.import_verdicts({"import_s": 4.5, "read_csv_s": 3.0, "peak_mb": 1024.0})
    assert ratio.met and ratio.measured == "4.50 s against 3.00 s: 1.50×"
    assert peak.met
    ratio, peak = goals.import_verdicts({"import_s": 4.51, "read_csv_s": 3.0, "peak_mb": 1024.1})
    assert not ratio.met and not peak.met


def test_the_suite_must_pass_in_under_eight_minutes() -> None:
    assert goals.suite_verdict(479.4, True).met  # 479 s
    assert goals.suite_verdict(479.4, True).measured == "7 min 59 s, passed"
    assert not goals.suite_verdict(480.0, True).met  # 8 minutes is not under 8
    assert not goals.suite_verdict(300.0, False).met  # a failing suite meets nothing
    assert goals.suite_verdict(300.0, False).measured == "5 min 0 s, FAILED"
