"""The customer file's reads on the tiny company (tests/metrics/fixture.py), worked by hand:
search by name, city, tag and phone, scoped; revenue to date; the timeline's order; the
segment history is metrics.segments' own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from data.customer_notes import Author, add_note, add_tag, remove_tag
from data.store import Store
from metrics import customer_file, segments
from metrics.filters import Filters
from metrics.requests_customers import CustomerFile
from metrics.scope import ALL, OutOfScope, Scope, check_customer
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker

EVE = Scope(kind="rep", rep_id=202)  # Eve, South Hub
SOUTH = Scope(kind="team", team_id=2)  # the South team and its group South Hub


@pytest.fixture(scope="module")
def store(module_stores: StoreMaker) -> Iterator[Store]:
    """The tiny company plus: a Chinese-named customer with no orders (7, owned by Ann), an
    activity with Acme on 4 Nov (the day of order N-01), Fir tagged VIP, Delta's phone in a
    contact note, and a tag added then removed on Cedar."""
    store = module_stores("customer_file")
    build_tiny_company(store)
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO customers VALUES (7, '杭州茶馆', 101, 'C', 'Cafes', 'East', '杭州',"
            " 'small', 'retail', NULL)"
        )
        cur.execute(
            "INSERT INTO activities VALUES (7, '2024-11-04', 1, 101, 1, 'call', 'thanked', NULL)"
        )
    ann = Author(user_id=None, rep_id=101)
    add_tag(store, 6, "VIP", submission_id="t1", author=ann)
    add_note(store, 4, "contact", "Tel: +86 138-0013-8000", submission_id="n1", author=ann)
    add_note(store, 5, "note", "Phone later, 13800138000", submission_id="n2", author=ann)
    add_tag(store, 3, "Slow payer", submission_id="t2", author=ann)
    remove_tag(store, 3, "slow payer", submission_id="t3", author=ann)
    yield store
    store.close()


def _names(store: Store, scope: Scope, words: str, **kwargs: int) -> tuple[list[str], int]:
    frame, total = customer_file.search(store, scope, words, **kwargs)
    return list(frame["customer"]), total


def test_search_by_name_is_case_insensitive(store: Store) -> None:
    assert _names(store, ALL, "acm") == (["Acme"], 1)
    assert _names(store, ALL, "  ACME ") == (["Acme"], 1)
    frame, _ = customer_file.search(store, ALL, "acme")
    row = frame.iloc[0]
    assert (row["customer_id"], row["owner_rep_id"], row["owner"], row["matched"]) == (
        1, 101, "Ann", "name",
    )  # fmt: skip


def test_search_by_city(store: Store) -> None:
    # Chengdu: Cedar (3) and Elm (5); no name starts with "chengdu", so by name.
    frame, total = customer_file.search(store, ALL, "chengDU")
    assert (list(frame["customer"]), total) == (["Cedar", "Elm"], 2)
    assert set(frame["matched"]) == {"city"}


def test_search_chinese_names_by_their_characters(store: Store) -> None:
    # No pinyin library is installed: characters match, pinyin does not.
    assert _names(store, ALL, "茶馆") == (["杭州茶馆"], 1)
    assert _names(store, ALL, "chaguan") == ([], 0)


def test_search_by_tag_current_only(store: Store) -> None:
    frame, total = customer_file.search(store, ALL, "vip")
    assert (list(frame["customer"]), total) == (["Fir"], 1)
    assert (frame.iloc[0]["matched"], frame.iloc[0]["tags"]) == ("tag", "VIP")
    # Cedar's "Slow payer" was removed: it no longer finds Cedar.
    assert _names(store, ALL, "slow") == ([], 0)


def test_search_by_phone_digits_in_a_contact_note(store: Store) -> None:
    # Delta's contact note "+86 138-0013-8000" has digits 8613800138000; Elm's plain note holds
    # the same number but is not a contact note, so only Delta.
    for typed in ("13800138000", "138 0013 8000", "0013-80"):
        frame, total = customer_file.search(store, ALL, typed)
        assert (list(frame["customer"]), total) == (["Delta"], 1), typed
        assert frame.iloc[0]["matched"] == "phone"
    # Two digits are not a phone number: "13" finds nothing.
    assert _names(store, ALL, "13") == ([], 0)


def test_search_limit_and_count(store: Store) -> None:
    # "e" is in the names Acme, Cedar, Delta, Elm (and in Chengdu, Cedar's and Elm's city):
    # 4 customers. Elm starts with "e", so it comes first; then by name.
    assert _names(store, ALL, "e") == (["Elm", "Acme", "Cedar", "Delta"], 4)
    assert _names(store, ALL, "e", limit=2) == (["Elm", "Acme"], 4)
    assert _names(store, ALL, "   ") == ([], 0)


def test_search_is_scoped(store: Store) -> None:
    # Eve (202) owns Delta (4) and sold to Cedar (O-04) and Fir (N-06): {3, 4, 6}. Of these,
    # "e" is in Cedar's and Delta's names; Fir (Hangzhou) has no "e".
    assert _names(store, EVE, "e") == (["Cedar", "Delta"], 2)
    assert _names(store, EVE, "acme") == ([], 0)  # Ann's customer
    # South (teams 2 and 21): owners Dee and Eve (Cedar, Delta), and its sales to Acme (N-07),
    # Cedar, Delta and Fir.
    assert _names(store, SOUTH, "e") == (["Acme", "Cedar", "Delta"], 3)


@pytest.mark.parametrize("scope", [EVE, SOUTH, Scope(kind="rep", rep_id=103)])
def test_search_and_the_scope_check_agree(store: Store, scope: Scope) -> None:
    # Every customer a search in scope finds opens; every other one is refused.
    ids = [int(r[0]) for r in store.rows("SELECT customer_id FROM customers")]
    for customer_id in ids:
        name = store.rows("SELECT name FROM customers WHERE customer_id = $c", {"c": customer_id})
        found = customer_id in set(customer_file.search(store, scope, name[0][0])[0]["customer_id"])
        try:
            check_customer(store, scope, customer_id)
            opens = True
        except OutOfScope:
            opens = False
        assert found == opens, customer_id


def test_revenue_to_date_by_hand(store: Store) -> None:
    # Acme's completed lines: S-01 25.00 (10 Sep), O-01 120.00 (3 Oct), N-01 120.00 + 50.00
    # (4 Nov), N-07 100.00 (18 Nov, sold by Dee): 415.00 over 4 orders, whoever sold them.
    acme = customer_file.summary(store, 1, date(2024, 11, 30))
    assert acme is not None
    assert (acme["revenue_cents"], acme["revenue"], acme["orders"]) == (41500, 415.0, 4)
    assert (acme["first_order"], acme["last_order"]) == (date(2024, 9, 10), date(2024, 11, 18))
    assert (acme["owner_rep_id"], acme["owner"], acme["owner_from"]) == (101, "Ann", "data")
    # Up to 10 Nov: N-07 is later, so 25.00 + 120.00 + 170.00 = 315.00 over 3 orders.
    early = customer_file.summary(store, 1, date(2024, 11, 10))
    assert early is not None and (early["revenue_cents"], early["orders"]) == (31500, 3)
    # Fir: O-03 120.00 and N-06's completed 120.00; N-06's returned 80.50 is left out.
    fir = customer_file.summary(store, 6, date(2024, 11, 30))
    assert fir is not None and (fir["revenue_cents"], fir["orders"]) == (24000, 2)
    # The Chinese-named customer has bought nothing; an unknown customer is None.
    tea = customer_file.summary(store, 7, date(2024, 11, 30))
    assert tea is not None and (tea["revenue_cents"], tea["orders"], tea["first_order"]) == (
        0, 0, None,
    )  # fmt: skip
    assert customer_file.summary(store, 999, date(2024, 11, 30)) is None


def test_timeline_order_by_hand(store: Store) -> None:
    # Acme, newest first. Deals sit on their close day (D-1 closed 6 Nov, D-8 25 Sep). On 4 Nov
    # the order N-01 comes before the call logged that day (orders, deals, activities,
    # feedback within a day).
    events, since = customer_file.timeline(store, 1)
    rows = list(zip(events["day"], events["source"], events["kind"], events["reference"],
                    strict=True))  # fmt: skip
    assert rows == [
        (date(2024, 11, 18), "order", "completed", "N-07"),
        (date(2024, 11, 6), "deal", "won", "D-1"),
        (date(2024, 11, 5), "feedback", "praise", None),
        (date(2024, 11, 4), "order", "completed", "N-01"),
        (date(2024, 11, 4), "activity", "call", None),
        (date(2024, 11, 3), "activity", "visit", None),
        (date(2024, 11, 1), "activity", "call", None),
        (date(2024, 10, 3), "order", "completed", "O-01"),
        (date(2024, 9, 25), "deal", "won", "D-8"),
        (date(2024, 9, 10), "order", "completed", "S-01"),
    ]
    assert since is None  # far fewer than 50 orders: nothing cut
    assert list(events["amount"][:2]) == [100.0, 500.0]  # N-07's line; D-1's amount
    # Birch's complaint is on the timeline with the day it was resolved.
    birch, _ = customer_file.timeline(store, 2)
    complaint = birch[birch["source"] == "feedback"].iloc[0]
    assert (complaint["kind"], complaint["text"], complaint["resolved"]) == (
        "complaint", "Late delivery", date(2024, 11, 12),
    )  # fmt: skip
    empty, _ = customer_file.timeline(store, 7)
    assert empty.empty and list(empty.columns) == customer_file.TIMELINE_COLUMNS


def test_segment_history_is_the_segments_pages_own(store: Store) -> None:
    as_of = date(2024, 11, 30)
    history = customer_file.segment_history(store, 1, as_of, months=3)
    assert list(history["day"]) == [date(2024, 9, 30), date(2024, 10, 31), as_of]
    for day, segment, stage in history.itertuples(index=False):
        everyone = Filters(start=day, end=day)
        rfm = dict(segments.customer_classes(store, everyone, "rfm_segment", day))
        stages = dict(segments.customer_classes(store, everyone, "lifecycle_stage", day))
        assert (segment, stage) == (rfm[1], stages[1]), day
    # 30 Sep: Acme's first order (10 Sep) is within 90 days: new.
    assert history.iloc[0]["stage"] == "new"
    # Elm bought first on 12 Nov: no segment and no stage at the end of September.
    elm = customer_file.segment_history(store, 5, as_of, months=3)
    assert (elm.iloc[0]["segment"], elm.iloc[0]["stage"]) == ("none", "none")


def test_the_file_request_checks_the_scope_first(store: Store) -> None:
    as_of = date(2024, 11, 30)
    # Eve may open Fir (she sold N-06 to them), not Acme (Ann's, sold by Ann and Dee).
    fir = CustomerFile(customer_id=6, as_of=as_of, scope=EVE).run(store)
    assert fir is not None and fir["summary"]["revenue_cents"] == 24000
    with pytest.raises(OutOfScope):
        CustomerFile(customer_id=1, as_of=as_of, scope=EVE).run(store)
    # An unknown id: None for someone who sees every customer, refused to a rep.
    assert CustomerFile(customer_id=999, as_of=as_of).run(store) is None
    with pytest.raises(OutOfScope):
        CustomerFile(customer_id=999, as_of=as_of, scope=EVE).run(store)
