"""A store team's turnover level as typed on the Targets page becomes whole hundredths."""

from __future__ import annotations

from datetime import date

import pandas as pd

from components.level_targets_view import _rows
from components.targets_view import TargetSetup

DECEMBER = TargetSetup("inventory_turnover", date(2026, 12, 1), date(2026, 12, 31))


def test_typed_levels_are_stored_in_hundredths_and_blanks_are_left_out() -> None:
    # Typed in the natural unit: 6 -> 600, 6.5 -> 650, 7.255 -> 725.5 -> 726 (half up);
    # team 4 left blank gets no row (no target, not 0).
    typed = pd.DataFrame({"target": [6.0, 6.5, 7.255, float("nan")]}, index=[1, 2, 3, 4])
    rows = _rows(DECEMBER, typed)
    assert [(r.scope, r.scope_id, r.value) for r in rows] == [
        ("team", 1, 600),
        ("team", 2, 650),
        ("team", 3, 726),
    ]
    assert {(r.metric, r.period_start, r.period_end) for r in rows} == {
        ("inventory_turnover", date(2026, 12, 1), date(2026, 12, 31))
    }
