"""The week's numbers filled into a weekly summary, worked out by hand on the tiny company
(tests/metrics/fixture.py), and the team's sums for the lead's recap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from data.store import Store
from metrics import weekly_summaries
from metrics.filters import Filters
from metrics.requests_routines import WeekNumbers
from metrics.scope import OutOfScope, Scope

NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
WEEK = date(2024, 11, 4)  # Monday 4 Nov 2024 to Sunday 10 Nov


def test_anns_week_is_filled_in_from_the_kpis(tiny_store: Store) -> None:
    numbers = weekly_summaries.week_numbers(tiny_store, NOV, 101, WEEK, date(2024, 11, 10))
    assert numbers is not None
    # Revenue: order N-01 on 4 Nov, lines 120.00 + 2 x 25.00 = 170.00, one order.
    assert numbers["revenue"].actual == Decimal("170.00")
    assert numbers["orders"].actual == Decimal("1.00")
    # Deal D-1 (Ann) was won on 6 Nov; Acme bought first on 10 Sep, so no new customer; Ann's
    # activities were on 1 and 3 Nov, before the week.
    assert numbers["won_deals"].actual == Decimal("1.00")
    assert numbers["new_customers"].actual == Decimal("0.00")
    assert numbers["activities"].actual == Decimal("0.00")
    # Ann's November revenue target is 200.00 over 30 days: 7 days = 46.666... = 46.67.
    revenue = numbers["revenue"]
    assert revenue.target == Decimal("46.67")
    assert revenue.expected == Decimal("46.67")  # the whole week has passed
    assert revenue.status == "on_track"  # 170.00 >= 46.67
    # No person targets for the counts (the company's do not apply to one person): no pace.
    assert numbers["orders"].target is None and numbers["orders"].status == "no_target"


def test_a_week_in_progress_is_paced_on_its_days_so_far(tiny_store: Store) -> None:
    # As of Tuesday 5 Nov: 2 of the week's days, 2 x 200.00 / 30 = 13.33 expected by now;
    # D-1 closes on the 6th, so no deal won yet.
    numbers = weekly_summaries.week_numbers(tiny_store, NOV, 101, WEEK, date(2024, 11, 5))
    assert numbers is not None
    assert numbers["revenue"].expected == Decimal("13.33")
    assert numbers["revenue"].target == Decimal("46.67")
    assert numbers["won_deals"].actual == Decimal("0.00")
    # Before the week starts there is nothing to fill in.
    assert weekly_summaries.week_numbers(tiny_store, NOV, 101, WEEK, date(2024, 11, 3)) is None


def test_a_new_customer_and_an_activity_count_in_cais_week(tiny_store: Store) -> None:
    # Week 11-17 Nov: Elm's first-ever order N-05 (80.50) on 12 Nov by Cai, and Cai's message
    # of 11 Nov. Cai's target: 100.00 / 30 x 7 = 23.33; 80.50 >= 23.33, on track.
    numbers = weekly_summaries.week_numbers(
        tiny_store, NOV, 103, date(2024, 11, 11), date(2024, 11, 17)
    )
    assert numbers is not None
    assert numbers["revenue"].actual == Decimal("80.50")
    assert numbers["new_customers"].actual == Decimal("1.00")
    assert numbers["activities"].actual == Decimal("1.00")
    assert numbers["revenue"].target == Decimal("23.33")
    assert numbers["revenue"].status == "on_track"


def test_the_team_recap_sums_the_peoples_numbers_exactly(tiny_store: Store) -> None:
    north = NOV.model_copy(update={"team_id": 1})
    per_person = weekly_summaries.team_numbers(tiny_store, north, WEEK, date(2024, 11, 10))
    # North and North Hub: Ann 170.00 (1 order, 1 deal won); Ben N-02 80.50 + N-03 25.00 =
    # 105.50 (2 orders) and his call of 8 Nov; Cai nothing that week.
    assert per_person[102]["revenue"].actual == Decimal("105.50")
    total = weekly_summaries.summed(list(per_person.values()))
    assert total["revenue"] == Decimal("275.50")  # 170.00 + 105.50 + 0
    assert total["orders"] == Decimal("3.00")
    assert total["won_deals"] == Decimal("1.00")
    assert total["activities"] == Decimal("1.00")


def test_a_rep_cannot_read_another_persons_week(tiny_store: Store) -> None:
    mine = NOV.model_copy(update={"scope": Scope(kind="rep", rep_id=202)})
    with pytest.raises(OutOfScope):
        WeekNumbers(filters=mine, rep_id=101, week_start=WEEK, as_of=date(2024, 11, 10)).run(
            tiny_store
        )


def test_everyone_on_staff_is_listed_as_missing_until_they_write(tiny_store: Store) -> None:
    team = weekly_summaries.team_week(tiny_store, NOV.model_copy(update={"team_id": 1}), WEEK)
    assert list(team["rep_id"]) == [101, 102, 103]
    assert set(team["status"]) == {"missing"}
