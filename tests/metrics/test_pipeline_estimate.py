"""Open deals with no amount are valued at their product's list price, and the pipeline says
how much of it is such an estimate (issue 17: Maven's open deals carry no amount)."""

from __future__ import annotations

from datetime import date

import pytest

from data.store import Store
from metrics import service
from metrics.filters import Filters
from tests.metrics.fixture import PRODUCTS, REPS, TEAMS
from tests.store_engines import StoreMaker

# deal_id, customer_id, rep_id, team_id, product_id, stage, created, closed, amount_cents, lost
DEALS = [
    # Open, with an amount: counted at its amount, 300.00 (its product's price is not used).
    ("P-1", None, 101, 1, 1, "negotiation", "2024-10-01", None, 30000, None),
    # Open, no amount, product Vase (list price 80.50): estimated at 80.50.
    ("P-2", None, 202, 21, 3, "contact", "2024-10-05", None, None, None),
    # Open, no amount and no product: nothing to value it by, so it adds nothing.
    ("P-3", None, 202, 21, None, "lead", "2024-10-06", None, None, None),
    # Won before the end of October, no amount: not open, so not in the pipeline at all.
    ("P-4", None, 101, 1, 1, "won", "2024-10-02", "2024-10-20", None, None),
    # Open, no amount, product Sample (list price 0, as an import gives a product named only
    # by a deal): valued at 0, so it adds nothing either.
    ("P-5", None, 202, 21, 4, "lead", "2024-10-07", None, None, None),
]
SAMPLE = (4, "Sample", "Decor", 0)
OCT = Filters(start=date(2024, 10, 1), end=date(2024, 10, 31))


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Store:
    store = module_stores("pipeline")
    with store.transaction() as cur:
        for table, rows in (("teams", TEAMS), ("reps", REPS), ("products", [*PRODUCTS, SAMPLE])):
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", row)
        for row in DEALS:
            cur.execute(f"INSERT INTO deals VALUES ({', '.join('?' * len(row))})", row)
    return store


def test_open_deal_without_amount_is_valued_at_list_price(store: Store) -> None:
    got = service.values(store, ("pipeline_value", "pipeline_estimated_value"), OCT)
    # Open at 31 Oct: P-1, P-2, P-3, P-5 (P-4 closed on 20 Oct).
    # Pipeline: 300.00 (P-1's amount) + 80.50 (P-2 at Vase's price) + nothing for P-3 and
    # 0.00 for P-5 = 380.50.
    # Estimated: P-2 only, 80.50.
    assert got == {"pipeline_value": 380.50, "pipeline_estimated_value": 80.50}  # exact floats


def test_estimate_follows_the_scope(store: Store) -> None:
    # South (team 2, with South Hub 21): P-2, P-3 and P-5 are Eve's, so 80.50 + 0 + 0 = 80.50,
    # all estimated.
    south = Filters(start=OCT.start, end=OCT.end, team_id=2)
    got = service.values(store, ("pipeline_value", "pipeline_estimated_value"), south)
    assert got == {"pipeline_value": 80.50, "pipeline_estimated_value": 80.50}


def test_open_deals_with_neither_amount_nor_price_are_counted_apart(store: Store) -> None:
    # Open at 31 Oct: P-1 (amount 300.00), P-2 (no amount, Vase at 80.50), P-3 (no amount, no
    # product), P-5 (no amount, Sample at 0): P-3 and P-5 have nothing to value them by, so 2
    # deals add nothing to the pipeline.
    kpis = ("pipeline_value", "pipeline_unvalued_deals")
    assert service.values(store, kpis, OCT) == {"pipeline_value": 380.50,
                                                "pipeline_unvalued_deals": 2}  # fmt: skip
    # North (team 1): only P-1 is open there, with an amount, so none is left out.
    north = Filters(start=OCT.start, end=OCT.end, team_id=1)
    assert service.values(store, ("pipeline_unvalued_deals",), north) == {
        "pipeline_unvalued_deals": 0
    }
