"""One owner rule (metrics/customer_owner.py) behind the follow-up list, the customer file and
the stand-up's at-risk customers, worked by hand on tests/metrics/follow_up_fixture.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data import follow_ups as writes
from data.store import Store
from metrics import customer_file, follow_ups
from metrics.customer_owner import owners_cte
from tests.metrics.follow_up_fixture import (
    ALDER,
    ANN,
    AS_OF,
    BO,
    CEDAR,
    CY,
    DOGWOOD,
    build_follow_up_company,
)  # fmt: skip
from tests.store_engines import StoreMaker


@pytest.fixture
def store(new_store: StoreMaker) -> Iterator[Store]:
    store = new_store("owners")
    build_follow_up_company(store)
    yield store
    store.close()


def _owners(store: Store, ids: list[int]) -> dict[int, tuple[int | None, str | None]]:
    sql = f"WITH {owners_cte('SELECT unnest($ids)::INTEGER AS customer_id')} "
    sql += "SELECT customer_id, owner_rep_id, owner_from FROM customer_owners"
    rows = store.rows(sql, {"ids": ids, "as_of": AS_OF})
    return {int(c): (None if r is None else int(r), f) for c, r, f in rows}


def test_owner_from_the_data_else_the_latest_sale_else_the_handover(store: Store) -> None:
    # Alder: owned by Ann in the data. Cedar: no owner in the data; sold by Bo on 10 Jan and by
    # Cy on 1 Mar, so the latest sale's rep, Cy. Dogwood: Bo's in the data.
    assert _owners(store, [ALDER, CEDAR, DOGWOOD]) == {
        ALDER: (ANN, "data"),
        CEDAR: (CY, "latest_sale"),
        DOGWOOD: (BO, "data"),
    }
    # Handing Dogwood's follow-up to Ann makes her its owner everywhere...
    writes.reassign(
        store, submission_id=writes.new_submission_id(), customer_id=DOGWOOD, day=AS_OF,
        to_rep_id=ANN, from_rep_id=BO, allowed=None,
    )  # fmt: skip
    assert _owners(store, [DOGWOOD]) == {DOGWOOD: (ANN, "handed")}
    # ...and undoing the handover gives it back to Bo.
    writes.undo_last(store, submission_id=writes.new_submission_id(), day=AS_OF)
    assert _owners(store, [DOGWOOD]) == {DOGWOOD: (BO, "data")}


def test_the_follow_up_list_and_the_customer_file_name_the_same_owner(store: Store) -> None:
    everyone = follow_ups.everyone(store, AS_OF).set_index("customer_id")
    for customer_id in (ALDER, CEDAR, DOGWOOD):
        summary = customer_file.summary(store, customer_id, AS_OF)
        assert summary is not None
        assert summary["owner_rep_id"] == int(everyone.loc[customer_id, "owner_rep_id"])
    assert customer_file.summary(store, CEDAR, AS_OF)["owner_from"] == "latest_sale"  # type: ignore[index]
