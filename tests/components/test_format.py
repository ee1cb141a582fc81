"""Display formatting: what a lead reads on a card or in a table."""

from __future__ import annotations

import pytest

from components.format import (
    format_delta,
    format_value,
    label_each,
    money_column_format,
    points_column_format,
    shows_cents,
    use_currency,
)
from components.text import use_language


@pytest.mark.parametrize(
    ("value", "unit", "compact", "shown"),
    [
        (1234567.0, "money", False, "$1,234,567"),
        (1234567.0, "money", True, "$1.23M"),
        # Full money is whole units, half away from zero: 999.50 -> 1,000, 2025.15 -> 2,025.
        (999.5, "money", False, "$1,000"),
        (2025.15, "money", False, "$2,025"),
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


def test_a_chinese_delta_of_a_rate_is_in_chinese_points() -> None:
    # 0.06 as a change of a rate is 6.0 percentage points: 个百分点, never "pts" on a Chinese page.
    with use_language("zh"):
        assert format_delta(0.06, "percent") == "+6.0个百分点"
        assert "pts" not in points_column_format()
    assert points_column_format() == "%+.1f pts"


def test_money_has_the_same_precision_in_both_languages() -> None:
    # The old rule showed $2,025.15 in an English table and ¥2,025 in a Chinese one.
    with use_currency("CNY"):
        english = format_value(2025.15, "money"), format_value(45.375, "money", cents=True)
        with use_language("zh"):
            chinese = format_value(2025.15, "money"), format_value(45.375, "money", cents=True)
    # 45.375 to the cent, half away from zero: 45.38.
    assert english == chinese == ("¥2,025", "¥45.38")


def test_cards_are_compact_per_language() -> None:
    # 8311.4: English k with three figures (8.31k); Chinese has no k, and under 10^4 (万) the
    # amount is written in full, rounded to the unit: ¥8,311. 717,000 is 71.7万.
    with use_currency("CNY"):
        assert format_value(8311.4, "money", compact=True) == "¥8.31k"
        with use_language("zh"):
            assert format_value(8311.4, "money", compact=True) == "¥8,311"
            assert format_value(717_000.0, "money", compact=True) == "¥71.7万"


def test_table_money_is_whole_units_except_per_unit_averages() -> None:
    assert not shows_cents("revenue")
    assert not shows_cents("pipeline_value")
    assert not shows_cents("orders")
    for average in ("average_order_value", "average_deal_size", "revenue_per_rep"):
        assert shows_cents(average)
    with use_currency("EUR"):
        assert money_column_format() == "€%,.0f"
        assert money_column_format("revenue") == "€%,.0f"
        assert money_column_format("average_order_value") == "€%,.2f"
        with use_language("zh"):  # the same format in Chinese
            assert money_column_format("revenue") == "€%,.0f"


def test_the_currency_does_not_follow_the_language() -> None:
    with use_currency("USD"), use_language("zh"):
        assert format_value(8311.0, "money") == "$8,311"


def test_label_each_labels_each_distinct_value_once_in_order() -> None:
    asked: list[object] = []

    def label(value: object) -> object:
        asked.append(value)
        return None if value is None else f"<{value}>"

    values = ["key", "growth", None, "key", "key", None, "growth"]
    assert label_each(values, label) == [
        "<key>", "<growth>", None, "<key>", "<key>", None, "<growth>",
    ]  # fmt: skip
    assert asked == ["key", "growth", None]
    assert label_each([], label) == []
