"""The signed-in user's scope, enforced where the data is read (metrics.scope).

On the tiny company (tests/metrics/fixture.py), November 2024, completed lines only:
    North (team 1, Ann) + North Hub (11, Ben and Cai):
        N-01 120.00 + 50.00 (Ann), N-02 80.50 + N-03 25.00 (Ben), N-05 80.50 + N-09 25.00 (Cai)
        = 170.00 + 105.50 + 105.50 = 381.00
    South (team 2, Dee) + South Hub (21, Eve):
        N-04 240.00 + N-06 120.00 (Eve; its returned line does not count), N-07 100.00 (Dee)
        = 460.00
    Company: 381.00 + 460.00 = 841.00 (as test_kpis_by_hand has it).
    Eve (202): 240.00 + 120.00 = 360.00.   Ben (102): 80.50 + 25.00 = 105.50.
"""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from data.reviews import submit_review
from data.store import Store
from metrics import lookups, service, team_structure
from metrics.catalogue import listed_kpis
from metrics.filters import Filters
from metrics.requests import KpiValues
from metrics.requests_people import CustomerDetail, PersonCard
from metrics.requests_reviews import ReviewById, ReviewHistory
from metrics.scope import ALL, OutOfScope, Scope, check, scope_for
from tests.metrics.fixture import build_tiny_company
from tests.metrics.test_reviews import FIVES, _review
from tests.store_engines import StoreMaker

NOV = {"start": date(2024, 11, 1), "end": date(2024, 11, 30), "period_kind": "month"}
NORTH = Scope(kind="team", team_id=1)
SOUTH_HUB = Scope(kind="team", team_id=21)
EVE = Scope(kind="rep", rep_id=202)
BEN = Scope(kind="rep", rep_id=102)


def _revenue(store: Store, **filters: object) -> float | None:
    return service.values(store, ("revenue",), Filters(**NOV, **filters))["revenue"]  # type: ignore[arg-type]


def test_roles_give_their_scope() -> None:
    assert scope_for("admin", None, None) == ALL
    assert scope_for("manager", None, None) == ALL
    assert scope_for("viewer", None, None) == ALL  # a viewer reads every team
    assert scope_for("lead", 101, 1) == NORTH
    assert scope_for("rep", 202, 21) == EVE
    # Deny by default: a lead without a team, a rep without a person or an unknown role is
    # refused, never given everything.
    for role, rep_id, team_id in (("lead", 101, None), ("rep", None, 21), ("owner", 1, 1)):
        with pytest.raises(ValueError):
            scope_for(role, rep_id, team_id)
    with pytest.raises(ValidationError):
        Scope(kind="team")


def test_a_leads_scope_reads_their_team_only(tiny_store: Store) -> None:
    assert _revenue(tiny_store) == 841.00
    assert _revenue(tiny_store, scope=NORTH) == 381.00
    # The lead's own filter is kept on top of the scope: North Hub inside North is 105.50 +
    # 105.50 = 211.00; South inside North's scope would read nothing (and is refused by check).
    assert _revenue(tiny_store, scope=NORTH, team_id=11) == 211.00
    assert _revenue(tiny_store, scope=NORTH, team_id=2) == 0.0


def test_a_reps_scope_reads_their_own_numbers_only(tiny_store: Store) -> None:
    assert _revenue(tiny_store, scope=EVE) == 360.00
    assert _revenue(tiny_store, scope=BEN) == 105.50
    # A rep of South Hub asking for another rep's numbers reads nothing at all.
    assert _revenue(tiny_store, scope=EVE, rep_id=102) == 0.0


def test_filters_outside_the_scope_are_refused_in_words(tiny_store: Store) -> None:
    check(tiny_store, NORTH, Filters(**NOV, team_id=11))  # a group below North: allowed
    check(tiny_store, NORTH, Filters(**NOV, rep_id=102))  # Ben sits in North Hub: allowed
    check(tiny_store, EVE, Filters(**NOV, rep_id=202))
    with pytest.raises(OutOfScope) as refused:
        check(tiny_store, NORTH, Filters(**NOV, team_id=2))
    assert str(refused.value) == (
        "You can see the numbers of North only (that team and the groups below it)."
    )
    with pytest.raises(OutOfScope):
        check(tiny_store, NORTH, Filters(**NOV, rep_id=202))  # Eve is in South Hub
    with pytest.raises(OutOfScope) as refused:
        check(tiny_store, EVE, Filters(**NOV, rep_id=102))
    assert str(refused.value) == "You can see your own numbers only."
    assert refused.value.key == "scope.own_only"
    with pytest.raises(OutOfScope):
        check(tiny_store, EVE, Filters(**NOV, team_id=21))  # a rep filters to no team
    with pytest.raises(OutOfScope):
        check(tiny_store, SOUTH_HUB, Filters(**NOV, team_id=2))  # the parent is outside


@pytest.mark.parametrize(
    ("scope", "team_id"), [(NORTH, 1), (SOUTH_HUB, 21), (Scope(kind="team", team_id=2), 2)]
)
def test_every_listed_kpi_under_a_team_scope_equals_the_team_filter(
    tiny_store: Store, scope: Scope, team_id: int
) -> None:
    ids = tuple(k.id for k in listed_kpis())
    for grain in (None, "month"):
        scoped = Filters(**NOV, scope=scope)
        filtered = Filters(**NOV, team_id=team_id)
        if grain is None:
            a = service.values(tiny_store, ids, scoped)
            b = service.values(tiny_store, ids, filtered)
        else:
            a = service.trend(tiny_store, ids, scoped, grain).to_dict("list")
            b = service.trend(tiny_store, ids, filtered, grain).to_dict("list")
        assert repr(a) == repr(b)  # repr: NaN equals NaN, and never more than the filter


def test_every_listed_kpi_under_a_reps_scope_equals_the_rep_filter(tiny_store: Store) -> None:
    ids = tuple(k.id for k in listed_kpis())
    a = service.values(tiny_store, ids, Filters(**NOV, scope=EVE))
    b = service.values(tiny_store, ids, Filters(**NOV, rep_id=202))
    assert repr(a) == repr(b)


def test_the_team_page_lists_the_people_in_scope(tiny_store: Store) -> None:
    # Active in November: North has Ann, Ben (left 20 Nov), Cai; Eve sees only herself.
    north = team_structure.people(tiny_store, Filters(**NOV, scope=NORTH))
    assert sorted(north["rep_id"]) == [101, 102, 103]
    eve = team_structure.people(tiny_store, Filters(**NOV, scope=EVE))
    assert list(eve["rep_id"]) == [202]
    customers = lookups.customers(tiny_store, Filters(**NOV, scope=EVE))
    # Eve's customers for the picker: Delta (4, she owns it and sold S-02, N-04), Cedar (3,
    # her O-04) and Fir (6, her N-06): owned by, sold to or visited by her, as for a filter.
    assert sorted(customers["customer_id"]) == [3, 4, 6]


def test_a_person_card_outside_the_scope_is_refused(tiny_store: Store) -> None:
    assert PersonCard(filters=Filters(**NOV, scope=NORTH), rep_id=102).run(tiny_store)
    with pytest.raises(OutOfScope):
        PersonCard(filters=Filters(**NOV, scope=NORTH), rep_id=202).run(tiny_store)
    with pytest.raises(OutOfScope):
        PersonCard(filters=Filters(**NOV, scope=EVE), rep_id=201).run(tiny_store)


def test_the_customer_file_refuses_a_customer_outside_the_scope(tiny_store: Store) -> None:
    # Fir (6) is owned by Ann (North) and was sold to by Eve (N-06): in Eve's scope and in
    # North's. Cedar (3) is owned by Dee (South) and sold to by Dee and Eve: in Eve's, not in
    # North's. Birch (2) is Ben's only: not in Eve's.
    for scope, customer_id in ((EVE, 6), (EVE, 3), (NORTH, 6), (NORTH, 2), (ALL, 3)):
        detail = CustomerDetail(customer_id=customer_id, scope=scope).run(tiny_store)
        assert len(detail["profile"]) == 1
    for scope, customer_id in ((EVE, 2), (NORTH, 3), (BEN, 4)):
        with pytest.raises(OutOfScope):
            CustomerDetail(customer_id=customer_id, scope=scope).run(tiny_store)


def test_a_rep_asking_for_another_reps_review_is_refused(new_store: StoreMaker) -> None:
    store = new_store("scoped_reviews")
    build_tiny_company(store)
    cai = submit_review(store, _review(103, 11, "Ann", FIVES), submission_id="s1", edited_by="Ann")
    review_id = cai.review_id
    # Cai (103) reads his own review; his lead (North) reads it; Eve (South Hub) is refused.
    assert ReviewById(review_id=review_id, scope=Scope(kind="rep", rep_id=103)).run(store)
    assert ReviewById(review_id=review_id, scope=NORTH).run(store)
    with pytest.raises(OutOfScope):
        ReviewById(review_id=review_id, scope=EVE).run(store)
    with pytest.raises(OutOfScope):
        ReviewHistory(rep_id=103, scope=SOUTH_HUB).run(store)
    assert len(ReviewHistory(rep_id=103, scope=NORTH).run(store)) == 1
    store.close()


def test_the_scope_is_part_of_the_cache_key() -> None:
    north = KpiValues(kpis=("revenue",), filters=Filters(**NOV, scope=NORTH))
    south = KpiValues(kpis=("revenue",), filters=Filters(**NOV, scope=SOUTH_HUB))
    everyone = KpiValues(kpis=("revenue",), filters=Filters(**NOV))
    assert len({north.cache_key(), south.cache_key(), everyone.cache_key()}) == 3
    # The scope of everyone is the default: a request without one is keyed as before.
    assert everyone == KpiValues(kpis=("revenue",), filters=Filters(**NOV, scope=ALL))
