"""Calendar arithmetic (metrics/periods.py) and pacing (metrics/pacing.py) on hand-picked dates."""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest, compile_request
from metrics.filters import Filters
from metrics.pacing import assess, expected_by_now, pace_status
from metrics.periods import (
    PRESETS,
    add_months,
    compare_period,
    elapsed_fraction,
    period_to_date,
    period_unit,
    preset_kind,
    preset_range,
    previous_period,
    previous_start,
    same_period_last_year,
    unit_end,
    unit_start,
)
from tests.store_engines import StoreMaker

D = date


# previous_period -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Month to date: the same days of the month before, never the whole month.
        pytest.param(D(2024, 11, 1), D(2024, 11, 24), (D(2024, 10, 1), D(2024, 10, 24)), id="mtd"),
        # 1-30 March to date: 1 Feb + 29 days = 2 March, clipped to the end of February.
        pytest.param(
            D(2023, 3, 1), D(2023, 3, 30), (D(2023, 2, 1), D(2023, 2, 28)), id="mtd-clipped"
        ),
        # 1-31 March (to date or whole) -> 1-28 February in a common year ...
        pytest.param(
            D(2023, 3, 1), D(2023, 3, 31), (D(2023, 2, 1), D(2023, 2, 28)), id="march-2023"
        ),
        # ... and 1-29 February in a leap year.
        pytest.param(
            D(2024, 3, 1), D(2024, 3, 31), (D(2024, 2, 1), D(2024, 2, 29)), id="march-2024"
        ),
        # A whole 30-day month -> the whole 31-day month before.
        pytest.param(
            D(2024, 11, 1), D(2024, 11, 30), (D(2024, 10, 1), D(2024, 10, 31)), id="whole-month"
        ),
        # A whole 31-day month -> the whole 30-day month before (not 1 Sep - 1 Oct).
        pytest.param(
            D(2024, 10, 1), D(2024, 10, 31), (D(2024, 9, 1), D(2024, 9, 30)), id="whole-october"
        ),
        # Quarter to date, 1 Oct - 15 Nov -> the same dates three months earlier, 1 Jul - 15 Aug.
        pytest.param(D(2024, 10, 1), D(2024, 11, 15), (D(2024, 7, 1), D(2024, 8, 15)), id="qtd"),
        # 1 Apr - 31 May (quarter to date) -> 1 Jan - 28 Feb: 31 Feb does not exist, so clipped.
        pytest.param(D(2023, 4, 1), D(2023, 5, 31), (D(2023, 1, 1), D(2023, 2, 28)), id="qtd-clip"),
        # A whole quarter -> the whole quarter before.
        pytest.param(
            D(2024, 10, 1), D(2024, 12, 31), (D(2024, 7, 1), D(2024, 9, 30)), id="whole-quarter"
        ),
        # A Monday-to-Sunday week -> the week before.
        pytest.param(D(2024, 11, 4), D(2024, 11, 10), (D(2024, 10, 28), D(2024, 11, 3)), id="week"),
        # Year to date -> the same calendar dates of the year before (not the same count of
        # elapsed days, which would end on 9 May because 2024 has a 29 February).
        pytest.param(D(2025, 1, 1), D(2025, 5, 10), (D(2024, 1, 1), D(2024, 5, 10)), id="ytd"),
        # Not aligned to anything: 5-14 Nov (10 days) -> the 10 days just before, 26 Oct - 4 Nov.
        pytest.param(
            D(2024, 11, 5), D(2024, 11, 14), (D(2024, 10, 26), D(2024, 11, 4)), id="unaligned"
        ),
        # A single mid-month day -> the day before.
        pytest.param(
            D(2024, 11, 13), D(2024, 11, 13), (D(2024, 11, 12), D(2024, 11, 12)), id="day"
        ),
    ],
)
def test_previous_period(start: date, end: date, expected: tuple[date, date]) -> None:
    assert previous_period(start, end) == expected


def test_compare_period_dispatches() -> None:
    assert compare_period(D(2024, 11, 1), D(2024, 11, 24), "previous") == (
        D(2024, 10, 1),
        D(2024, 10, 24),
    )
    assert compare_period(D(2024, 11, 1), D(2024, 11, 24), "last_year") == (
        D(2023, 11, 1),
        D(2023, 11, 24),
    )


def test_previous_start() -> None:
    # Retention looks back to the start of the period before.
    assert previous_start(D(2024, 11, 1), D(2024, 11, 10)) == D(2024, 10, 1)  # month to date
    assert previous_start(D(2024, 11, 1), D(2024, 11, 30)) == D(2024, 10, 1)  # whole month
    assert previous_start(D(2024, 3, 1), D(2024, 3, 31)) == D(2024, 2, 1)
    assert previous_start(D(2024, 11, 5), D(2024, 11, 14)) == D(2024, 10, 26)  # 10 days before


# The period's kind decides its comparison, never its weekday ---------------------------------

SEP_1_2025 = D(2025, 9, 1)  # a Monday: month to date from here is a month, not a week


def test_month_to_date_from_a_monday_is_compared_with_the_month_before() -> None:
    # Month to date 1-5 Sep 2025 (Mon-Fri). The old rule tried "week" first, saw a Monday and
    # compared with the week before, 25-29 Aug. A month compares with the same days of the
    # month before: 1-5 Aug 2025.
    assert previous_period(SEP_1_2025, D(2025, 9, 5)) == (D(2025, 8, 1), D(2025, 8, 5))
    assert previous_period(SEP_1_2025, D(2025, 9, 5), "month") == (D(2025, 8, 1), D(2025, 8, 5))
    assert compare_period(SEP_1_2025, D(2025, 9, 5), "previous", "month") == (
        D(2025, 8, 1),
        D(2025, 8, 5),
    )
    # A week only when told: 1-5 Sep as week to date -> Mon 25 - Fri 29 Aug.
    assert previous_period(SEP_1_2025, D(2025, 9, 5), "week") == (D(2025, 8, 25), D(2025, 8, 29))
    assert period_unit(SEP_1_2025, D(2025, 9, 5)) == "month"


def test_quarter_to_date_on_5_january_is_compared_with_1_to_5_october() -> None:
    # QTD on 5 Jan 2026 is 1-5 Jan: 1 Jan also starts a month and a year, so the dates alone
    # cannot tell; the kind does. Quarter: 3 months back, 1-5 Oct 2025 (not 1-5 Dec).
    start, end = D(2026, 1, 1), D(2026, 1, 5)
    assert previous_period(start, end, "quarter") == (D(2025, 10, 1), D(2025, 10, 5))
    assert compare_period(start, end, "previous", "quarter") == (D(2025, 10, 1), D(2025, 10, 5))
    assert previous_start(start, end, "quarter") == D(2025, 10, 1)  # retention: Oct-Dec 2025
    # Year to date on the same day: 1-5 Jan 2025; month to date: 1-5 Dec 2025.
    assert previous_period(start, end, "year") == (D(2025, 1, 1), D(2025, 1, 5))
    assert previous_period(start, end, "month") == (D(2025, 12, 1), D(2025, 12, 5))
    # Last year is the same dates a year back whatever the kind.
    assert compare_period(start, end, "last_year", "quarter") == (D(2025, 1, 1), D(2025, 1, 5))


def test_rolling_periods_compare_with_the_same_number_of_days_before() -> None:
    # Last 30 days ending 30 Nov 2024 happens to be 1-30 Nov; as a rolling range it is compared
    # with the 30 days before it: 1 Nov - 30 days = 2 Oct, to 31 Oct (not 1-31 Oct).
    start, end = D(2024, 11, 1), D(2024, 11, 30)
    assert previous_period(start, end, "rolling") == (D(2024, 10, 2), D(2024, 10, 31))
    assert previous_start(start, end, "rolling") == D(2024, 10, 2)
    # Told nothing, the same dates read as a whole month: 1-31 Oct.
    assert previous_period(start, end) == (D(2024, 10, 1), D(2024, 10, 31))


def test_a_kind_that_does_not_fit_the_dates_is_read_from_them() -> None:
    # A quarter's kind kept on a month's dates (the stand-up's month to date, 1-10 Nov 2024):
    # 1 Nov starts no quarter, so the dates say month: 1-10 Oct.
    assert previous_period(D(2024, 11, 1), D(2024, 11, 10), "quarter") == (
        D(2024, 10, 1),
        D(2024, 10, 10),
    )
    # A week's kind on dates that do not start on a Monday (Fri 1 Nov 2024): a month again.
    assert period_unit(D(2024, 11, 1), D(2024, 11, 3), "week") == "month"


def test_presets_say_their_kind() -> None:
    assert {p: preset_kind(p) for p in PRESETS} == {
        "mtd": "month",
        "qtd": "quarter",
        "ytd": "year",
        "last_30": "rolling",
        "last_90": "rolling",
        "last_12m": "rolling",
    }
    assert preset_kind("custom") is None  # read from the dates


def test_retention_base_follows_the_kind() -> None:
    # The compiler's $prev_start is where retention's "bought in the period before" begins.
    def prev_start(filters: Filters) -> date:
        request = MetricRequest(kpis=("retention_rate",), filters=filters)
        return compile_request(request).params["prev_start"]

    # MTD 1-5 Sep 2025 (a Monday): all of August, from 1 Aug (the old rule: from 25 Aug).
    assert prev_start(Filters(start=SEP_1_2025, end=D(2025, 9, 5))) == D(2025, 8, 1)
    qtd = Filters(start=D(2026, 1, 1), end=D(2026, 1, 5), period_kind="quarter")
    assert prev_start(qtd) == D(2025, 10, 1)  # Q4 2025, not December
    assert prev_start(qtd.model_copy(update={"period_kind": None})) == D(2025, 12, 1)


def _retention_store(store: Store) -> Store:
    """One team, one rep; Ash bought on 10 Aug and 2 Sep 2025, Bay on 27 Aug 2025 only."""
    rows = {
        "teams": [(1, "Alpha", None, "retail", 1)],
        "reps": [(1, "Ada", 1, "sales_rep", "2020-01-06", None)],
        "customers": [
            (1, "Ash", 1, "A", "Hotels", "East", "Hangzhou", "large", "retail", "2025-08-10"),
            (2, "Bay", 1, "A", "Hotels", "East", "Hangzhou", "large", "retail", "2025-08-27"),
        ],
        "products": [(1, "Bowl", "Tableware", 2500)],
        "orders": [
            ("A-1", 1, "2025-08-10", 1, 1, 1, 1, 1, 2500, 1500, "completed"),
            ("A-2", 1, "2025-08-27", 2, 1, 1, 1, 1, 2500, 1500, "completed"),
            ("A-3", 1, "2025-09-02", 1, 1, 1, 1, 1, 2500, 1500, "completed"),
        ],
    }
    with store.transaction() as cur:
        for table, table_rows in rows.items():
            marks = ", ".join("?" * len(table_rows[0]))
            for row in table_rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)
    return store


def test_retention_for_month_to_date_from_a_monday(new_store: StoreMaker) -> None:
    store = _retention_store(new_store("retention"))
    mtd = Filters(start=SEP_1_2025, end=D(2025, 9, 5), period_kind="month")
    got = service.values(store, ("retention_rate", "churn_rate"), mtd)
    # August's customers: Ash (10 Aug) and Bay (27 Aug) = 2. Back in 1-5 Sep: Ash (2 Sep).
    # Retention 1 / 2 = 0.5, churn 0.5. (Against the week 25-31 Aug the base was Bay alone,
    # who did not come back: retention 0.)
    assert got == {"retention_rate": 0.5, "churn_rate": 0.5}
    compared = service.compare(store, ("revenue",), mtd, "previous")["revenue"]
    # Compared with 1-5 Aug 2025: no order then (Ash's was on 10 Aug): 25.00 against 0.00.
    assert (compared.compare_start, compared.compare_end) == (D(2025, 8, 1), D(2025, 8, 5))
    assert (compared.value, compared.previous) == (25.0, 0.0)
    store.close()


# same_period_last_year -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(D(2024, 11, 1), D(2024, 11, 24), (D(2023, 11, 1), D(2023, 11, 24)), id="mtd"),
        # 29 Feb 2024 has no twin: 28 Feb 2023.
        pytest.param(
            D(2024, 2, 29), D(2024, 2, 29), (D(2023, 2, 28), D(2023, 2, 28)), id="leap-day"
        ),
        pytest.param(
            D(2024, 2, 1), D(2024, 2, 29), (D(2023, 2, 1), D(2023, 2, 28)), id="leap-february"
        ),
        # A whole February stays whole going back into a leap year: 1-29 Feb 2024.
        pytest.param(
            D(2025, 2, 1), D(2025, 2, 28), (D(2024, 2, 1), D(2024, 2, 29)), id="into-leap-year"
        ),
        # February to date (not the whole month) in a leap year ends on the same day.
        pytest.param(
            D(2025, 2, 1), D(2025, 2, 20), (D(2024, 2, 1), D(2024, 2, 20)), id="feb-to-date"
        ),
        pytest.param(
            D(2024, 1, 1), D(2024, 12, 31), (D(2023, 1, 1), D(2023, 12, 31)), id="whole-year"
        ),
    ],
)
def test_same_period_last_year(start: date, end: date, expected: tuple[date, date]) -> None:
    assert same_period_last_year(start, end) == expected


# Calendar helpers ----------------------------------------------------------------------------


def test_add_months_clips_to_shorter_months() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 15), 2) == D(2025, 1, 15)  # across the year end
    assert add_months(D(2024, 1, 15), -1) == D(2023, 12, 15)
    assert add_months(D(2024, 2, 29), -12) == D(2023, 2, 28)


def test_unit_start_and_end() -> None:
    wednesday = D(2024, 11, 13)
    assert (unit_start(wednesday, "week"), unit_end(wednesday, "week")) == (
        D(2024, 11, 11),  # Monday
        D(2024, 11, 17),  # Sunday
    )
    assert (unit_start(wednesday, "month"), unit_end(wednesday, "month")) == (
        D(2024, 11, 1),
        D(2024, 11, 30),
    )
    assert (unit_start(wednesday, "quarter"), unit_end(wednesday, "quarter")) == (
        D(2024, 10, 1),
        D(2024, 12, 31),
    )
    assert (unit_start(wednesday, "year"), unit_end(wednesday, "year")) == (
        D(2024, 1, 1),
        D(2024, 12, 31),
    )
    assert unit_end(D(2024, 2, 10), "month") == D(2024, 2, 29)


def test_period_to_date_and_presets() -> None:
    as_of = D(2024, 11, 24)
    assert period_to_date(as_of, "month") == (D(2024, 11, 1), as_of)
    assert preset_range("mtd", as_of) == (D(2024, 11, 1), as_of)
    assert preset_range("qtd", as_of) == (D(2024, 10, 1), as_of)
    assert preset_range("ytd", as_of) == (D(2024, 1, 1), as_of)
    assert preset_range("last_30", as_of) == (D(2024, 10, 26), as_of)  # 26 Oct .. 24 Nov = 30
    assert preset_range("last_12m", as_of) == (D(2023, 11, 25), as_of)
    with pytest.raises(ValueError, match="Unknown period"):
        preset_range("fortnight", as_of)


# elapsed_fraction ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2024, 10, 20), 0.0),  # before the period
        (D(2024, 10, 31), 0.0),  # the day before it starts
        (D(2024, 11, 1), 1 / 30),  # the first day is over at its end
        (D(2024, 11, 15), 0.5),  # 15 of 30 days
        (D(2024, 11, 24), 0.8),  # 24 of 30 days
        (D(2024, 11, 30), 1.0),  # the last day
        (D(2024, 12, 25), 1.0),  # after the period
    ],
)
def test_elapsed_fraction(as_of: date, expected: float) -> None:
    assert elapsed_fraction(D(2024, 11, 1), D(2024, 11, 30), as_of) == pytest.approx(expected)


# pacing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "expected", "status"),
    [
        (100.0, 100.0, "on_track"),  # exactly at the expected value
        (120.0, 100.0, "on_track"),
        (99.99, 100.0, "caution"),  # just below
        (95.0, 100.0, "caution"),  # 5% below
        (90.01, 100.0, "caution"),
        (90.0, 100.0, "off_track"),  # exactly 10% below
        (89.0, 100.0, "off_track"),
        (0.0, 100.0, "off_track"),
        (None, 100.0, "off_track"),  # nothing yet counts as 0
        (50.0, None, "no_target"),
        (50.0, 0.0, "no_target"),
        (None, None, "no_target"),
    ],
)
def test_pace_status(actual: float | None, expected: float | None, status: str) -> None:
    assert pace_status(actual, expected) == status


def test_expected_by_now() -> None:
    # A 3000.00 monthly target, 15 of 30 days gone: 1500.00 expected by now.
    assert expected_by_now(3000.0, 0.5) == pytest.approx(1500.0)
    assert expected_by_now(None, 0.5) is None


def test_assess() -> None:
    # 841.00 sold against 1000.00 for the month; 24 of 30 days gone: 800.00 expected by now.
    attainment, status = assess(841.0, 800.0, 1000.0)
    assert attainment == pytest.approx(0.841)
    assert status == "on_track"
    # 700.00 sold by then: 700 <= 800 * 0.9 = 720 -> off track; 70% of the month's target.
    assert assess(700.0, 800.0, 1000.0) == (pytest.approx(0.7), "off_track")
    # 750.00: above 720, below 800 -> caution
    assert assess(750.0, 800.0, 1000.0)[1] == "caution"
    # Nothing sold yet: 0% attained, off track
    assert assess(None, 800.0, 1000.0) == (0.0, "off_track")
    # No target at all
    assert assess(841.0, None, None) == (None, "no_target")
