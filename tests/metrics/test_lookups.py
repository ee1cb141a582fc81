"""The team tree helpers that scope people to a team or a channel, and the customers in a
scope that the one-customer picker offers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from data.store import Store
from metrics import lookups
from metrics.filters import Filters
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker


def test_a_team_includes_its_groups_and_groups_share_their_teams_channel(
    tiny_store: Store,
) -> None:
    teams = lookups.teams(tiny_store)
    assert lookups.teams_under(teams, 1) == {1, 11}  # North and North Hub
    assert lookups.teams_under(teams, 21) == {21}
    assert lookups.root_channels(teams) == {
        1: "retail",
        11: "retail",
        2: "wholesale",
        21: "wholesale",
    }


def test_customers_in_scope_for_the_one_customer_picker(tiny_store: Store) -> None:
    # North (team 1 and North Hub) up to 30 Sep 2024: S-01 is Acme's order in North; no North
    # activity yet (the first is 1 Nov); North's people (Ann, Ben, Cai) own Acme, Fir (Ann),
    # Birch (Ben) and Elm (Cai). So Birch, Elm and Fir are there by owner alone.
    north = Filters(start=date(2024, 9, 1), end=date(2024, 9, 30), team_id=1)
    assert _records(lookups.customers(tiny_store, north)) == [
        (1, "Acme", "Ann"),
        (2, "Birch", "Ben"),
        (5, "Elm", "Cai"),
        (6, "Fir", "Ann"),
    ]
    # South (team 2 and South Hub) up to 30 Nov: Acme (N-07 by Dee) and Fir (N-06 by Eve) have
    # orders in South though owned in North; Cedar and Delta are owned in South.
    south = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30), team_id=2)
    assert _records(lookups.customers(tiny_store, south)) == [
        (1, "Acme", "Ann"),
        (3, "Cedar", "Dee"),
        (4, "Delta", "Eve"),
        (6, "Fir", "Ann"),
    ]


def test_too_many_customers_for_the_picker_is_told_without_listing_them(tiny_store: Store) -> None:
    # North up to 30 Sep: 4 customers (above), 4 of them by owner alone, 1 by an order.
    north = Filters(start=date(2024, 9, 1), end=date(2024, 9, 30), team_id=1)
    assert lookups.more_customers_than(tiny_store, north, 3)  # the owners alone are 4
    assert not lookups.more_customers_than(tiny_store, north, 4)
    assert lookups.more_customers_than(tiny_store, north, 0)


def test_customers_in_scope_two_ways_are_counted_together(tmp_path: Path) -> None:
    # Gum, owned by nobody, buys from Ann in North in September: North then has 5 customers,
    # no single way more than 4 (Acme and Gum by order; Acme, Birch, Elm and Fir by owner).
    store = Store(tmp_path / "gum.duckdb")
    build_tiny_company(store)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO customers SELECT * REPLACE (9 AS customer_id, 'Gum' AS name,"
            " NULL AS owner_rep_id) FROM customers WHERE customer_id = 1"
        )
        con.execute(
            "INSERT INTO orders SELECT * REPLACE ('G-01' AS order_id, 9 AS customer_id)"
            " FROM orders WHERE order_id = 'S-01'"
        )
    north = Filters(start=date(2024, 9, 1), end=date(2024, 9, 30), team_id=1)
    assert len(lookups.customers(store, north)) == 5
    assert lookups.more_customers_than(store, north, 4)
    assert not lookups.more_customers_than(store, north, 5)


def _records(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]


def test_the_data_span_leaves_out_dates_no_import_accepts(tmp_path: Path) -> None:
    # Orders dated year 0 (1 BC to DuckDB, which Python cannot hold) and 9999-12-31, written
    # past the import's checks: before, data_span gave the text '0001-03-05 (BC)' as the first
    # day and 9999-12-31 as the as-of day, whose month end overflows. Only 1900-01-01 to a
    # year after today counts: with today 2026-11-20 the span is the good order's 2024-03-05.
    from data.importing.mapping import Mapping
    from data.importing.runner import ImportRequest, run_import

    today = date(2026, 11, 20)
    store = Store(tmp_path / "span.duckdb")
    good = tmp_path / "orders.csv"
    good.write_text("Order,Date,Customer,Product,Rep,Qty,Amount\nA1,2024-03-05,Acme,W,Ann,1,1\n")
    fields = ["order_id", "order_date", "customer", "product", "rep", "quantity", "amount"]
    headers = ["Order", "Date", "Customer", "Product", "Rep", "Qty", "Amount"]
    columns = dict(zip(fields, headers, strict=True))
    run_import(store, ImportRequest(good, Mapping("orders", columns=columns)), today=today)
    with store.transaction() as con:
        for number, day in enumerate(["0000-03-05", "9999-12-31", "2027-11-21"]):
            con.execute(
                f"INSERT INTO orders SELECT * REPLACE ('X{number}' AS order_id, "
                f"DATE '{day}' AS order_date) FROM orders WHERE order_id = 'A1'"
            )
    assert lookups.data_span(store, today=today) == (date(2024, 3, 5), date(2024, 3, 5))
    # 2027-11-20 is the last day accepted on 2026-11-20, so it counts.
    with store.transaction() as con:
        con.execute(
            "INSERT INTO orders SELECT * REPLACE ('X9' AS order_id, DATE '2027-11-20' AS "
            "order_date) FROM orders WHERE order_id = 'A1'"
        )
    assert lookups.data_span(store, today=today) == (date(2024, 3, 5), date(2027, 11, 20))


EARLY, LATE = date(2024, 1, 2), date(2025, 6, 30)


@pytest.mark.parametrize(
    ("table", "column", "day"),
    [
        ("orders", "order_date", EARLY),
        ("orders", "order_date", LATE),
        ("deals", "created_date", EARLY),  # a deal closes on or after it is created
        ("deals", "closed_date", LATE),
        ("activities", "activity_date", EARLY),
        ("activities", "activity_date", LATE),
        ("feedback", "feedback_date", EARLY),
        ("feedback", "feedback_date", LATE),
    ],
)
def test_the_data_span_reaches_every_tables_dates(
    new_store: StoreMaker, table: str, column: str, day: date
) -> None:
    # The tiny company's dates all fall in September to December 2024. One row of the
    # column moved to 2 Jan 2024 or 30 Jun 2025 makes that day the span's first or last.
    store = new_store("span")
    build_tiny_company(store)
    today = date(2025, 7, 1)
    first, last = lookups.data_span(store, today=today) or (None, None)
    assert first is not None and last is not None
    assert date(2024, 9, 1) <= first and last <= date(2024, 12, 31)
    with store.transaction() as con:
        key = con.execute(f"SELECT min({column}) FROM {table}").fetchone()[0]
        # A complaint is resolved on or after it came: the moved one is left unresolved.
        also = ", resolved_date = NULL" if table == "feedback" else ""
        con.execute(f"UPDATE {table} SET {column} = ?{also} WHERE {column} = ?", [day, key])
    expected = (EARLY, last) if day == EARLY else (first, LATE)
    assert lookups.data_span(store, today=today) == expected
