"""A breakdown row is the same number as the KPI filtered to that row, for every KPI.

"Revenue by team" shows Beta's row; "revenue with the team filter set to Beta" must show the
same value, and so must every other KPI in the catalogue: a customer's history (repeat
purchases, retention) is read within the row, exactly as a filter to the row would read it.
Checked on the hand-built tiny company (tests/metrics/fixture.py), on the demo company, and by
hand on the Alpha/Beta example of issue #15.

The dimensions checked are those that have a filter: team (team filter), group (team filter
set to the group), rep and rep_id (rep filter), channel (channel filter). A "group" row of a
team that has groups below it holds only the rows booked to that team itself, which no filter
selects (the team filter takes its groups too), so only groups without groups below them are
compared; "(not set)" rows have no filter either.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from data.store import Store
from metrics import lookups, service
from metrics.catalogue import get_kpi, listed_kpis
from metrics.compiler import MetricRequest, can_break_down
from metrics.filters import Filters
from metrics.model import Grain
from tests.store_engines import StoreMaker

SPLIT_DIMENSIONS = ("team", "group", "rep", "rep_id", "channel")
NOT_SET = "(not set)"


def _row_filters(store: Store, dimension: str) -> dict[str, dict[str, object]]:
    """Each breakdown row value of `dimension` that a filter can select: {value: filter}."""
    teams = lookups.teams(store)
    if dimension == "team":
        tops = teams[teams["parent_id"].isna()]
        return {
            name: {"team_id": int(i)} for name, i in zip(tops["name"], tops["team_id"], strict=True)
        }
    if dimension == "group":
        parents = set(teams["parent_id"].dropna().astype(int))
        leaves = teams[~teams["team_id"].isin(parents)]
        assert leaves["name"].is_unique
        return {
            name: {"team_id": int(i)}
            for name, i in zip(leaves["name"], leaves["team_id"], strict=True)
        }
    if dimension in ("rep", "rep_id"):
        labels = store.query("SELECT rep_id, label FROM rep_labels")
        keys = labels["label"] if dimension == "rep" else labels["rep_id"].astype(str)
        return {key: {"rep_id": int(i)} for key, i in zip(keys, labels["rep_id"], strict=True)}
    assert dimension == "channel"
    channels = set(teams.loc[teams["parent_id"].isna(), "channel"].dropna())
    return {channel: {"channel": channel} for channel in channels}


def _exact(value: object, unit: str) -> object:
    """A value to compare exactly: money as integer cents, a missing value as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if unit == "money":
        cents = Decimal(repr(float(value))) * 100  # currency units with whole cents
        assert cents == cents.to_integral_value()
        return int(cents)
    return value


def _kpis_for(dimension: str) -> tuple[str, ...]:
    return tuple(k.id for k in listed_kpis() if can_break_down(k.id, dimension))


def _mismatches(store: Store, filters: Filters, dimension: str) -> Iterator[str]:
    """Every (row, KPI) whose breakdown value differs from the KPI filtered to that row."""
    kpis = _kpis_for(dimension)
    frame = service.run(store, MetricRequest(kpis=kpis, filters=filters, dimension=dimension))
    selectable = _row_filters(store, dimension)
    for row in frame.to_dict("records"):
        key = row[dimension]
        if key == NOT_SET or key not in selectable:
            continue
        alone = service.values(store, kpis, filters.model_copy(update=selectable[key]))
        for kpi_id in kpis:
            unit = get_kpi(kpi_id).unit
            split, filtered = _exact(row[kpi_id], unit), _exact(alone[kpi_id], unit)
            if split != filtered:
                yield f"{dimension}={key} {kpi_id}: split {split} != filtered {filtered}"


def _trend_mismatches(store: Store, filters: Filters, dimension: str, grain: Grain) -> list[str]:
    """As _mismatches, bucket by bucket of a trend broken down by `dimension`."""
    kpis = _kpis_for(dimension)
    frame = service.trend(store, kpis, filters, grain, dimension=dimension)
    selectable = _row_filters(store, dimension)
    out = []
    for key, rows in frame.groupby(dimension):
        if key == NOT_SET or key not in selectable:
            continue
        alone = service.trend(store, kpis, filters.model_copy(update=selectable[key]), grain)
        merged = rows.merge(alone, on="bucket", suffixes=("", "__alone"))
        assert len(merged) == len(alone)
        for record in merged.to_dict("records"):
            for kpi_id in kpis:
                unit = get_kpi(kpi_id).unit
                split = _exact(record[kpi_id], unit)
                filtered = _exact(record[f"{kpi_id}__alone"], unit)
                if split != filtered:
                    out.append(f"{key} {record['bucket']} {kpi_id}: {split} != {filtered}")
    return out


# The tiny company ------------------------------------------------------------------------------

TINY_PERIODS = {
    "oct": Filters(start=date(2024, 10, 1), end=date(2024, 10, 31)),
    "nov": Filters(start=date(2024, 11, 1), end=date(2024, 11, 30)),
    "nov_1_15": Filters(start=date(2024, 11, 1), end=date(2024, 11, 15)),
    "sep_to_dec": Filters(start=date(2024, 9, 1), end=date(2024, 12, 31)),
    "nov_no_leavers": Filters(start=date(2024, 11, 1), end=date(2024, 11, 30), hide_leavers=True),
}


@pytest.mark.parametrize("dimension", SPLIT_DIMENSIONS)
@pytest.mark.parametrize("period", list(TINY_PERIODS))
def test_every_split_row_equals_its_filter_on_the_tiny_company(
    tiny_store: Store, dimension: str, period: str
) -> None:
    # Acme bought from North (Ann, 4 Nov) and South (Dee, 18 Nov): by team, South's repeat
    # purchase rate used to count Acme's 4 Nov with North as Acme's earlier day.
    assert list(_mismatches(tiny_store, TINY_PERIODS[period], dimension)) == []


@pytest.mark.parametrize("dimension", ["team", "rep_id"])
def test_every_trend_row_equals_its_filter_on_the_tiny_company(
    tiny_store: Store, dimension: str
) -> None:
    assert _trend_mismatches(tiny_store, TINY_PERIODS["sep_to_dec"], dimension, "month") == []


def test_south_repeat_rate_by_team_on_the_tiny_company(tiny_store: Store) -> None:
    frame = service.breakdown(
        tiny_store, ("repeat_customers", "repeat_purchase_rate"), TINY_PERIODS["nov"], "team"
    )
    got = {r["team"]: (r["repeat_customers"], r["repeat_purchase_rate"]) for r in _records(frame)}
    # South's Nov days: Delta 7 Nov, Fir 14 Nov, Acme 18 Nov, one day each: 0 of 3 (see
    # test_kpis_by_hand.test_repeat_purchase_within_south_only_counts_buying_days_with_south).
    # North's: Acme 4 Nov, Birch 5 Nov, Elm 12 and 26 Nov: Elm alone repeats, 1 of 3.
    assert got == {"South": (0, 0.0), "North": (1, 1 / 3)}


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return frame.to_dict("records")


# The demo company ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(demo_db_path: Path) -> Iterator[Store]:
    store = Store(demo_db_path, read_only=True)
    yield store
    store.close()


DEMO_PERIODS = {
    "october": Filters(start=date(2026, 10, 1), end=date(2026, 10, 31)),
    "month_to_date": Filters(start=date(2026, 11, 1), end=date(2026, 11, 20), period_kind="month"),
}


@pytest.mark.parametrize("dimension", ["team", "group", "rep_id", "channel"])
@pytest.mark.parametrize("period", list(DEMO_PERIODS))
def test_every_split_row_equals_its_filter_on_the_demo(
    demo_store: Store, dimension: str, period: str
) -> None:
    assert list(_mismatches(demo_store, DEMO_PERIODS[period], dimension)) == []


# The Alpha/Beta example, by hand ---------------------------------------------------------------

ALPHA, BETA = 1, 2
AUG_2025 = Filters(start=date(2025, 8, 1), end=date(2025, 8, 31))


@pytest.fixture
def alpha_beta(new_store: StoreMaker) -> Iterator[Store]:
    """Teams Alpha (retail, rep Ada) and Beta (wholesale, rep Bo). Customer Xu bought from
    Alpha on 3 Aug 2025 and from Beta on 20 Aug; customer Yan from Beta on 5 and 25 Aug.
    Both became customers in August (acquired on their first purchase day)."""
    store = new_store("alpha_beta")
    rows = {
        "teams": [(ALPHA, "Alpha", None, "retail", 1), (BETA, "Beta", None, "wholesale", 2)],
        "reps": [
            (1, "Ada", ALPHA, "sales_rep", "2020-01-06", None),
            (2, "Bo", BETA, "sales_rep", "2020-01-06", None),
        ],
        "customers": [
            (1, "Xu", 1, "A", "Hotels", "East", "Hangzhou", "large", "retail", "2025-08-03"),
            (2, "Yan", 2, "B", "Cafes", "West", "Chengdu", "small", "wholesale", "2025-08-05"),
        ],
        "products": [(1, "Bowl", "Tableware", 2500)],
        "orders": [
            ("X-1", 1, "2025-08-03", 1, 1, ALPHA, 1, 1, 2500, 1500, "completed"),
            ("X-2", 1, "2025-08-20", 1, 2, BETA, 1, 1, 2500, 1500, "completed"),
            ("Y-1", 1, "2025-08-05", 2, 2, BETA, 1, 1, 2500, 1500, "completed"),
            ("Y-2", 1, "2025-08-25", 2, 2, BETA, 1, 1, 2500, 1500, "completed"),
        ],
    }
    with store.transaction() as cur:
        for table, table_rows in rows.items():
            marks = ", ".join("?" * len(table_rows[0]))
            for row in table_rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)
    yield store
    store.close()


ALPHA_BETA_KPIS = ("active_customers", "repeat_customers", "repeat_purchase_rate", "new_customers")


def test_alpha_beta_repeat_purchase_rate_by_hand(alpha_beta: Store) -> None:
    beta = service.values(
        alpha_beta, ALPHA_BETA_KPIS, AUG_2025.model_copy(update={"team_id": BETA})
    )
    # --team Beta: Beta's customers are Xu (20 Aug) and Yan (5, 25 Aug) = 2. Only Yan bought
    # from Beta on two days: repeat 1, rate 1 / 2 = 0.5. Both first bought in August: 2 new.
    assert beta == {
        "active_customers": 2,
        "repeat_customers": 1,
        "repeat_purchase_rate": 0.5,
        "new_customers": 2,
    }
    frame = service.breakdown(alpha_beta, ALPHA_BETA_KPIS, AUG_2025, "team")
    rows = {r["team"]: {k: r[k] for k in ALPHA_BETA_KPIS} for r in _records(frame)}
    # --by team, Beta: the same 2, 1, 0.5, 2. (Before the fix Xu's earlier day with Alpha,
    # 3 Aug, made Xu a repeat buyer of Beta: 2 / 2 = 1.0.)
    assert rows["Beta"] == beta
    # Alpha: Xu on 3 Aug only: 1 customer, no repeat, rate 0 / 1 = 0.0; Xu is new (3 Aug).
    assert rows["Alpha"] == {
        "active_customers": 1,
        "repeat_customers": 0,
        "repeat_purchase_rate": 0.0,
        "new_customers": 1,
    }
    # The company: Xu (3 and 20 Aug) and Yan (5 and 25 Aug) both repeat: 2 / 2 = 1.0. Xu is
    # new to the company once, so the teams' new customers (1 + 2) add up to more than the
    # company's 2: "new" is new to the company, counted in each row the customer bought in.
    company = service.values(alpha_beta, ALPHA_BETA_KPIS, AUG_2025)
    assert company == {
        "active_customers": 2,
        "repeat_customers": 2,
        "repeat_purchase_rate": 1.0,
        "new_customers": 2,
    }
    # By channel (Alpha retail, Beta wholesale) and by person (Ada, Bo) the rows are the same.
    by_channel = service.breakdown(alpha_beta, ALPHA_BETA_KPIS, AUG_2025, "channel")
    assert {r["channel"]: r["repeat_purchase_rate"] for r in _records(by_channel)} == {
        "retail": 0.0,
        "wholesale": 0.5,
    }
    by_rep = service.breakdown(alpha_beta, ALPHA_BETA_KPIS, AUG_2025, "rep_id")
    assert {r["rep_id"]: r["repeat_purchase_rate"] for r in _records(by_rep)} == {
        "1": 0.0,
        "2": 0.5,
    }


@pytest.mark.parametrize("dimension", SPLIT_DIMENSIONS)
def test_alpha_beta_every_split_row_equals_its_filter(alpha_beta: Store, dimension: str) -> None:
    assert list(_mismatches(alpha_beta, AUG_2025, dimension)) == []
