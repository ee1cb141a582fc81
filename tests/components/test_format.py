"""Display formatting: what a lead reads on a card or in a table."""

from __future__ import annotations

import pytest

from components.format import format_delta, format_value


@pytest.mark.parametrize(
    ("value", "unit", "compact", "shown"),
    [
        (1234567.0, "money", False, "$1,234,567"),
        (1234567.0, "money", True, "$1.23M"),
        (999.5, "money", False, "$999.50"),
        (2.5, "count", False, "3"),  # half away from zero, not banker's rounding
        (-2.5, "count", False, "-3"),
        (45200.0, "count", True, "45.2k"),
        (0.4237, "percent", False, "42.4%"),
        (12.25, "days", False, "12.3 days"),
        (4.214, "score", False, "4.21"),
        (None, "money", True, "—"),
        (float("nan"), "percent", False, "—"),
        (-1500.0, "money", True, "-$1.50k"),
    ],
)
def test_values_read_as_a_lead_expects(value, unit, compact, shown) -> None:
    assert format_value(value, unit, compact=compact) == shown


def test_deltas_carry_their_sign_and_percent_changes_are_points() -> None:
    assert format_delta(1200.0, "money") == "+$1.20k"
    assert format_delta(-3.0, "count") == "-3"
    assert format_delta(-0.021, "percent") == "-2.1 pts"
    assert format_delta(None, "count") is None
