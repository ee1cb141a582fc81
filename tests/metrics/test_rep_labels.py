"""Two people with the same name stay two people in every breakdown."""

from __future__ import annotations

from datetime import date

from metrics import service
from metrics.filters import Filters
from tests.store_engines import StoreMaker


def test_namesakes_are_told_apart(new_store: StoreMaker) -> None:
    store = new_store("namesakes")
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Team', NULL, 'retail', NULL)")
        cur.execute(
            "INSERT INTO reps VALUES (7, 'Wang Wei', 1, 'sales_rep', '2020-01-01', NULL),"
            " (8, 'Wang Wei', 1, 'sales_rep', '2021-01-01', NULL),"
            " (9, 'Li Na', 1, 'sales_rep', '2021-01-01', NULL)"
        )
        cur.execute("INSERT INTO products VALUES (1, 'Tea', 'Tea', 100)")
        cur.execute(
            "INSERT INTO customers VALUES (1, 'Acme', 7, 'A', NULL, NULL, NULL, NULL, NULL, NULL)"
        )
        cur.execute(
            "INSERT INTO orders VALUES ('A', 1, '2025-01-05', 1, 7, 1, 1, 1, 1000, 0,"
            " 'completed'), ('B', 1, '2025-01-06', 1, 8, 1, 1, 1, 2500, 0, 'completed'),"
            " ('C', 1, '2025-01-07', 1, 9, 1, 1, 1, 400, 0, 'completed')"
        )
    january = Filters(start=date(2025, 1, 1), end=date(2025, 1, 31))
    frame = service.breakdown(store, ("revenue",), january, "rep")
    assert dict(zip(frame["rep"], frame["revenue"], strict=True)) == {
        "Wang Wei (#8)": 25.0,
        "Wang Wei (#7)": 10.0,
        "Li Na": 4.0,
    }
    store.close()
