"""Customer segments, worked out by hand on the tiny company and on a small lifecycle company.

Tiny company (tests/metrics/fixture.py), completed orders per customer up to 30 Nov 2024:

    Acme  (1)  S-01 Sep 10 25.00, O-01 Oct 3 120.00, N-01 Nov 4 170.00, N-07 Nov 18 100.00
    Birch (2)  O-02 Oct 8 50.00, N-02 + N-03 Nov 5 80.50 + 25.00
    Cedar (3)  S-03 Sep 20 120.00, O-04 Oct 22 80.50
    Delta (4)  S-02 Sep 15 80.50, N-04 Nov 7 240.00
    Elm   (5)  N-05 Nov 12 80.50, N-09 Nov 26 25.00
    Fir   (6)  O-03 Oct 15 120.00, N-06 Nov 14 120.00 (its returned line left out)

The lifecycle company (below) has the tiny company's teams, reps and products and seven
customers of its own, looked at on Mon 30 Jun 2025. Expected values are worked out in the
comments, never by calling the code under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest

from data.rollups import month_end_stage_counts, refresh_rollups
from data.store import Store
from metrics import segments
from metrics.filters import Filters
from metrics.segments_screen import segments_data
from tests.metrics.fixture import PRODUCTS, REPS, TEAMS, build_tiny_company
from tests.store_engines import StoreMaker


def d(text: str) -> date:
    return date.fromisoformat(text)


def records(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]


AUTUMN = Filters(start=d("2024-09-01"), end=d("2024-11-30"))
NORTH = Filters(start=d("2024-09-01"), end=d("2024-11-30"), team_id=1)  # Ann, Ben, Cai
NOV_30 = d("2024-11-30")

# --- the 25 (r, f) pairs ------------------------------------------------------------------


def test_every_r_f_pair_matches_exactly_one_rule() -> None:
    for r in range(1, 6):
        for f in range(1, 6):
            matches = [name for name, rule in segments.SEGMENT_RULES if rule(r, f)]
            assert len(matches) == 1, (r, f, matches)
            assert segments.segment_for(r, f) == matches[0]
    assert sorted(segments.SEGMENTS) == sorted(name for name, _ in segments.SEGMENT_RULES)


def test_segment_map_by_hand() -> None:
    # rows r = 5..1, columns f = 1..5
    expected = {
        5: ["new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
        4: ["new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
        3: ["needs_attention"] * 3 + ["loyal"] * 2,
        2: ["hibernating", "at_risk", "at_risk", "cannot_lose", "cannot_lose"],
        1: ["lost", "lost", "at_risk", "cannot_lose", "cannot_lose"],
    }
    for r, row in expected.items():
        assert [segments.segment_for(r, f) for f in range(1, 6)] == row


# --- RFM on the tiny company --------------------------------------------------------------

# At 30 Nov 2024 (window 2 Dec 2023 .. 30 Nov 2024, all of the tiny company's orders):
#   customer  last    recency  orders  revenue
#   Acme      Nov 18  12       4       415.00
#   Birch     Nov 5   25       3       155.50
#   Cedar     Oct 22  39       2       200.50
#   Delta     Nov 7   23       2       320.50
#   Elm       Nov 26  4        2       105.50
#   Fir       Nov 14  16       2       240.00
# Score = 1 + floor(5 x w / n), w = customers strictly worse. n = 6, so w = 0..5 score
# 1, 1, 2, 3, 4, 5 (floor of 0, 5/6, 10/6, 15/6, 20/6, 25/6 is 0, 0, 1, 2, 3, 4).
#   r (more days is worse): Cedar 39 w0 -> 1; Birch 25 w1 -> 1; Delta 23 w2 -> 2;
#     Fir 16 w3 -> 3; Acme 12 w4 -> 4; Elm 4 w5 -> 5
#   f: Cedar, Delta, Elm, Fir (2 orders each) w0 -> 1 all four; Birch (3) w4 -> 4; Acme w5 -> 5
#   m: Elm w0 -> 1; Birch w1 -> 1; Cedar w2 -> 2; Fir w3 -> 3; Delta w4 -> 4; Acme w5 -> 5
RFM_NOV_30 = [
    (1, "Acme", "Ann", 12, 4, 415.0, 4, 5, 5, "champions"),
    (4, "Delta", "Eve", 23, 2, 320.5, 2, 1, 4, "hibernating"),
    (6, "Fir", "Ann", 16, 2, 240.0, 3, 1, 3, "needs_attention"),
    (3, "Cedar", "Dee", 39, 2, 200.5, 1, 1, 2, "lost"),
    (2, "Birch", "Ben", 25, 3, 155.5, 1, 4, 1, "cannot_lose"),
    (5, "Elm", "Cai", 4, 2, 105.5, 5, 1, 1, "new"),  # r 5, f 1
]


def test_rfm_scores_and_segments(tiny_store: Store) -> None:
    frame = segments.rfm(tiny_store, AUTUMN, NOV_30)
    assert list(frame.columns) == segments.RFM_COLUMNS
    assert records(frame) == RFM_NOV_30


def test_rfm_team_scope(tiny_store: Store) -> None:
    # North's lines only: Acme S-01, O-01, N-01 (N-07 was Dee's, South) -> 3 orders, last
    # Nov 4 (26 days), 315.00; Birch 3 orders, 25 days, 155.50; Fir O-03 only (N-06 was Eve's)
    # -> 1 order, 46 days, 120.00; Elm 2 orders, 4 days, 105.50. n = 4: w = 0..3 score
    # 1 + floor(0, 5/4, 10/4, 15/4) = 1, 2, 3, 4.
    #   r: Fir w0 1, Acme w1 2, Birch w2 3, Elm w3 4
    #   f: Fir (1 order) w0 1, Elm (2) w1 2, Acme and Birch (3 each) w2 -> 3 both
    #   m: Elm 1, Fir 2, Birch 3, Acme 4
    frame = segments.rfm(tiny_store, NORTH, NOV_30)
    assert records(frame) == [
        (1, "Acme", "Ann", 26, 3, 315.0, 2, 3, 4, "at_risk"),
        (2, "Birch", "Ben", 25, 3, 155.5, 3, 3, 3, "needs_attention"),
        (6, "Fir", "Ann", 46, 1, 120.0, 1, 1, 2, "lost"),
        (5, "Elm", "Cai", 4, 2, 105.5, 4, 2, 1, "potential_loyalists"),
    ]


def test_rfm_window_is_365_days(tiny_store: Store) -> None:
    # At 9 Sep 2025 the window starts 10 Sep 2024: only S-01 (Acme, Sep 10) and later count.
    frame = segments.rfm(tiny_store, AUTUMN, d("2025-09-09"))
    acme = frame[frame["customer_id"] == 1].iloc[0]
    assert acme["frequency"] == 4  # Sep 10 is the first day of the window
    frame = segments.rfm(tiny_store, AUTUMN, d("2025-09-10"))
    acme = frame[frame["customer_id"] == 1].iloc[0]
    assert acme["frequency"] == 3 and acme["monetary"] == 390.0  # 415.00 - 25.00


@pytest.fixture(scope="module")
def tiny_rolled(module_stores: StoreMaker) -> Iterator[Store]:
    """The tiny company with its rollups built, as an import leaves them."""
    store = module_stores("tiny_rolled")
    build_tiny_company(store)
    with store.transaction() as cur:
        refresh_rollups(cur)
    yield store
    store.close()


def test_rfm_read_from_the_buying_days_rollup_is_the_same(
    tiny_store: Store, tiny_rolled: Store
) -> None:
    # Birch's two orders on 5 Nov (N-02, N-03) are two; N-01's two lines one order. Only the
    # whole company's RFM reads the rollup, which holds every team's days together.
    assert segments._rfm_rolled(tiny_rolled, AUTUMN)
    assert not segments._rfm_rolled(tiny_rolled, NORTH)
    assert not segments._rfm_rolled(tiny_store, AUTUMN), "no rollup: the lines"
    assert records(segments.rfm(tiny_rolled, AUTUMN, NOV_30)) == RFM_NOV_30
    # the window's first and last days (test_rfm_window_is_365_days), a month end
    for day in (NOV_30, d("2024-10-31"), d("2025-09-09"), d("2025-09-10")):
        rolled = segments.rfm_scores(tiny_rolled, AUTUMN, day)
        assert rolled.equals(segments.rfm_scores(tiny_store, AUTUMN, day)), day


def test_rfm_ranks_named_are_rfm_scores(new_store: StoreMaker) -> None:
    # The follow-up list ranks by the scores without names; Segments names them afterwards
    # and must show what rfm_scores shows, an owner left blank included (Birch's, here).
    store = new_store("rfm_ranks")
    build_tiny_company(store)
    with store.transaction() as con:
        con.execute("UPDATE customers SET owner_rep_id = NULL WHERE name = 'Birch'")
    for day in (NOV_30, d("2024-10-31")):
        for scope in (AUTUMN, NORTH):
            ranks = segments.rfm_ranks(store, scope, day)
            assert not {"customer", "owner"} & set(ranks.columns)
            assert len(ranks) > 0
            named = segments.with_names(store, ranks)
            assert named.equals(segments.rfm_scores(store, scope, day)), (day, scope)
    named = segments.with_names(store, segments.rfm_ranks(store, AUTUMN, NOV_30))
    owners = dict(zip(named["customer"], named["owner"], strict=True))
    assert owners["Birch"] is None and owners["Acme"] is not None
    # a customer no longer on record is blank, as rfm_scores' left join leaves one
    gone = segments.rfm_ranks(store, AUTUMN, NOV_30).head(2)
    gone["customer_id"] = [gone["customer_id"].iloc[0], 999]
    named = segments.with_names(store, gone)
    assert named["customer"].iloc[0] is not None
    assert named["customer"].iloc[1] is None and named["owner"].iloc[1] is None


def test_an_order_on_two_days_sends_rfm_to_the_lines(new_store: StoreMaker) -> None:
    # O-02 (Birch, 8 Oct, 50.00) gains a completed line on 9 Oct (10.00): Birch still made
    # three orders (a sum of buying days would say four), 165.50 in all.
    store = new_store("split_order")
    build_tiny_company(store)
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO orders VALUES"
            " ('O-02', 2, '2024-10-09', 2, 102, 11, 2, 1, 1000, 500, 'completed')"
        )
        refresh_rollups(cur)
    assert segments.days_rolled(store, AUTUMN), "lifecycle stages still read the days"
    assert not segments._rfm_rolled(store, AUTUMN)
    birch = segments.rfm(store, AUTUMN, NOV_30).set_index("customer_id").loc[2]
    assert (birch["frequency"], birch["monetary"], birch["recency_days"]) == (3, 165.5, 25)


def test_rfm_summary(tiny_store: Store) -> None:
    # Total 1437.00 = 143700 cents; one customer in each of six segments (RFM_NOV_30).
    frame = segments.rfm_summary(tiny_store, AUTUMN, NOV_30)
    assert list(frame.columns) == ["segment", "customers", "revenue", "share_of_revenue"]
    assert list(frame["segment"]) == list(segments.SEGMENTS)
    expected = {
        "champions": (1, 415.0, 41500 / 143700),
        "loyal": (0, 0.0, 0.0),
        "potential_loyalists": (0, 0.0, 0.0),
        "new": (1, 105.5, 10550 / 143700),
        "needs_attention": (1, 240.0, 24000 / 143700),
        "at_risk": (0, 0.0, 0.0),
        "cannot_lose": (1, 155.5, 15550 / 143700),
        "hibernating": (1, 320.5, 32050 / 143700),
        "lost": (1, 200.5, 20050 / 143700),
    }
    for segment, customers, revenue, share in records(frame):
        want = expected[segment]
        assert (customers, revenue) == want[:2]
        assert share == pytest.approx(want[2])


def test_rfm_movement(tiny_store: Store) -> None:
    # At 31 Oct 2024 (five customers, one per bucket):
    #   Acme  Sep 10, Oct 3   recency 28, 2 orders   Birch Oct 8   recency 23, 1 order
    #   Cedar Sep 20, Oct 22  recency 9,  2 orders   Delta Sep 15  recency 46, 1 order
    #   Fir   Oct 15          recency 16, 1 order
    #   n = 5, so score = 1 + w (floor(5w/5) = w).
    #   r: Delta 1, Acme 2, Birch 3, Fir 4, Cedar 5
    #   f: Birch, Delta, Fir (1 order) w0 -> 1; Acme, Cedar (2 orders) w3 -> 4
    #   -> Acme (2, 4) cannot_lose, Birch (3, 1) needs_attention, Cedar (5, 4) champions,
    #      Delta (1, 1) lost, Fir (4, 1) new; Elm had not bought yet.
    frame = segments.rfm_movement(tiny_store, AUTUMN, NOV_30, d("2024-10-31"))
    assert list(frame.columns) == ["from_segment", "to_segment", "customers"]
    assert records(frame) == [
        ("champions", "lost", 1),  # Cedar
        ("new", "needs_attention", 1),  # Fir
        ("needs_attention", "cannot_lose", 1),  # Birch
        ("cannot_lose", "champions", 1),  # Acme
        ("lost", "hibernating", 1),  # Delta
        ("none", "new", 1),  # Elm
    ]


@pytest.mark.parametrize("step", [1, 10**12], ids=["ids as slots", "ids spread wide"])
def test_movement_between_by_hand(step: int) -> None:
    # 1 stays champions, 2 leaves (in `before` only), 3 arrives (in `after` only), 4 and 5
    # both move lost -> hibernating; order: from in SEGMENTS order, "none" last, then to.
    # Spread wide (ids 10^12 apart), the ids are sorted and searched rather than used as slots.
    before = pd.DataFrame(
        {"customer_id": [1, 2, 4, 5], "segment": ["champions", "at_risk", "lost", "lost"]}
    )
    after = pd.DataFrame(
        {"customer_id": [5, 1, 3, 4], "segment": ["hibernating", "champions", "new", "hibernating"]}
    )
    before["customer_id"] *= step
    after["customer_id"] *= step
    assert records(segments.movement_between(before, after)) == [
        ("champions", "champions", 1),
        ("at_risk", "none", 1),
        ("lost", "hibernating", 2),
        ("none", "new", 1),
    ]


def test_customers_by_segment_by_hand() -> None:
    # Customers 7 and 3 spent the same: the lower id first. A segment nobody is in is absent.
    scores = pd.DataFrame(
        {
            "customer_id": [7, 1, 3, 9, 4],
            "segment": ["lost", "champions", "lost", "lost", "champions"],
            "monetary_cents": [500, 100, 500, 900, 2000],
        }
    )
    split = segments.customers_by_segment(scores)
    assert set(split) == {"lost", "champions"}
    assert list(scores.take(split["lost"])["customer_id"]) == [9, 3, 7]
    assert list(scores.take(split["champions"])["customer_id"]) == [4, 1]
    # In rfm_scores' own order (biggest spender first, then id), the rows are not sorted again.
    ordered = scores.sort_values(["monetary_cents", "customer_id"], ascending=[False, True])
    split = segments.customers_by_segment(ordered)
    assert list(ordered.take(split["lost"])["customer_id"]) == [9, 3, 7]
    assert list(ordered.take(split["champions"])["customer_id"]) == [4, 1]


def test_the_screens_segment_lists_are_its_scores_cut_by_segment(tiny_store: Store) -> None:
    screen = segments_data(tiny_store, AUTUMN, NOV_30, d("2024-10-31"))
    for segment, positions in screen.by_segment.items():
        customers = screen.scores.take(positions)
        chosen = screen.scores[screen.scores["segment"] == segment]
        assert sorted(customers["customer_id"]) == sorted(chosen["customer_id"])
        assert customers["monetary_cents"].is_monotonic_decreasing
    assert sum(len(c) for c in screen.by_segment.values()) == len(screen.scores) > 0


@pytest.mark.parametrize("as_of", ["2024-10-31", "2024-11-30"])
def test_rfm_segments_are_rfm_scores_segments(tiny_store: Store, as_of: str) -> None:
    scores = segments.rfm_scores(tiny_store, AUTUMN, d(as_of))
    only = segments.rfm_segments(tiny_store, AUTUMN, d(as_of))
    assert list(only.columns) == ["customer_id", "segment"]
    assert len(only) == len(scores) > 0
    by_id = dict(zip(only["customer_id"], only["segment"], strict=True))
    assert by_id == dict(zip(scores["customer_id"], scores["segment"], strict=True))


def test_rfm_empty(tiny_store: Store) -> None:
    # August 2024 and before: no rows at all.
    frame = segments.rfm(tiny_store, AUTUMN, d("2024-08-31"))
    assert frame.empty and list(frame.columns) == segments.RFM_COLUMNS
    summary = segments.rfm_summary(tiny_store, AUTUMN, d("2024-08-31"))
    assert list(summary["segment"]) == list(segments.SEGMENTS)
    assert summary["customers"].sum() == 0 and summary["share_of_revenue"].sum() == 0
    movement = segments.rfm_movement(tiny_store, AUTUMN, d("2024-08-31"), d("2024-07-31"))
    assert movement.empty and list(movement.columns) == segments.RFM_MOVEMENT_COLUMNS


# --- Pareto -------------------------------------------------------------------------------

# Autumn revenue, biggest first: Acme 415.00, Delta 320.50, Fir 240.00, Cedar 200.50,
# Birch 155.50, Elm 105.50; total 1437.00.


def test_pareto(tiny_store: Store) -> None:
    frame = segments.pareto(tiny_store, AUTUMN)
    assert list(frame.columns) == ["rank", "customer", "revenue", "cumulative_share",
                                   "customer_share"]  # fmt: skip
    assert list(frame["rank"]) == [1, 2, 3, 4, 5, 6]
    assert list(frame["customer"]) == ["Acme", "Delta", "Fir", "Cedar", "Birch", "Elm"]
    assert list(frame["revenue"]) == [415.0, 320.5, 240.0, 200.5, 155.5, 105.5]
    cumulative = [41500, 73550, 97550, 117600, 133150, 143700]
    assert list(frame["cumulative_share"]) == pytest.approx([c / 143700 for c in cumulative])
    assert list(frame["customer_share"]) == pytest.approx([k / 6 for k in range(1, 7)])


def test_top_share(tiny_store: Store) -> None:
    # ceil(6 x 0.2) = 2: Acme + Delta = 735.50 of 1437.00; ceil(6 x 0.5) = 3: 975.50.
    assert segments.top_share(tiny_store, AUTUMN) == pytest.approx(73550 / 143700)
    assert segments.top_share(tiny_store, AUTUMN, 0.5) == pytest.approx(97550 / 143700)
    assert segments.top_share(tiny_store, AUTUMN, 1.0) == pytest.approx(1.0)
    august = Filters(start=d("2024-08-01"), end=d("2024-08-31"))
    assert segments.top_share(tiny_store, august) is None
    with pytest.raises(ValueError):
        segments.top_share(tiny_store, AUTUMN, 0)


def test_pareto_team_scope_and_empty(tiny_store: Store) -> None:
    # North: Acme 25.00 + 120.00 + 170.00 = 315.00, Birch 155.50, Fir 120.00, Elm 105.50;
    # total 696.00. Top 20%: ceil(4 x 0.2) = 1 -> 315 / 696.
    frame = segments.pareto(tiny_store, NORTH)
    assert records(frame)[0][:3] == (1, "Acme", 315.0)
    assert list(frame["customer"]) == ["Acme", "Birch", "Fir", "Elm"]
    assert segments.top_share(tiny_store, NORTH) == pytest.approx(31500 / 69600)
    august = Filters(start=d("2024-08-01"), end=d("2024-08-31"))
    empty = segments.pareto(tiny_store, august)
    assert empty.empty and list(empty.columns) == segments.PARETO_COLUMNS


# --- lifecycle ----------------------------------------------------------------------------


def test_lifecycle_new_boundary_on_the_tiny_company(tiny_store: Store) -> None:
    # Acme's first order, 10 Sep 2024, is 89 days before 8 Dec (new) and 90 before 9 Dec.
    # On 9 Dec: last order 18 Nov (21 days), gaps 23, 32, 14 -> median 23, 1.5 x 23 = 34.5 > 21,
    # bought in the last 90 days -> returning.
    dec_8 = segments.lifecycle(tiny_store, AUTUMN, d("2024-12-08"))
    assert dec_8.set_index("customer")["stage"]["Acme"] == "new"
    dec_9 = segments.lifecycle(tiny_store, AUTUMN, d("2024-12-09"))
    acme = dec_9[dec_9["customer"] == "Acme"]
    assert records(acme) == [(1, "Acme", "returning", d("2024-11-18"), 21, 23.0)]


# The lifecycle company on Mon 30 Jun 2025 (the 90 days up to it start 2 Apr 2025; the 365 days
# start 1 Jul 2024):
#   11 Newa    Cai (North Hub)  one order 2 Apr 2025 (89 days)                150.00  new
#   12 Oldb    Ann (North)      one order 1 Apr 2025 (90 days)                 20.00  active
#   13 Churn   Dee (South)      one order 30 Jun 2024 (365 days)              999.00  churned
#   14 Edge    Ann              one order 1 Jul 2024 (364 days)                30.00  active
#   15 Risk    Ann              1 Jan, 1 Feb, 1 Mar 2025, 100.00 each         300.00  at_risk
#                               gaps 31, 28 -> usual 29.5; 121 days > 44.25
#   16 Steady  Eve (South Hub)  11 Jan, 21 Apr, 11 May, 31 May, 50.00 each    200.00  returning
#                               gaps 100, 20, 20 -> usual 20; 30 days, not > 30
#   17 Edgy    Eve              10 Jan, 20 Apr, 10 May, 30 May, 10.00 each     40.00  at_risk
#                               gaps 100, 20, 20 -> usual 20; 31 days > 30
AS_OF = d("2025-06-30")
LIFE_CUSTOMERS = [
    (11, "Newa", 103, "B", "Cafes", "East", "Ningbo", "small", "retail", "2025-04-02"),
    (12, "Oldb", 101, "C", "Cafes", "East", "Ningbo", "small", "retail", "2025-04-01"),
    (13, "Churn", 201, "C", "Hotels", "West", "Chengdu", "large", "wholesale", "2024-06-30"),
    (14, "Edge", 101, "C", "Hotels", "East", "Hangzhou", "small", "retail", "2024-07-01"),
    (15, "Risk", 101, "A", "Hotels", "East", "Hangzhou", "large", "retail", "2025-01-01"),
    (16, "Steady", 202, "B", "Cafes", "West", "Chengdu", "medium", "wholesale", "2025-01-11"),
    (17, "Edgy", 202, "C", "Cafes", "West", "Chengdu", "small", "wholesale", "2025-01-10"),
]


def _order(order_id: str, day: str, customer: int, rep: int, team: int, cents: int) -> tuple:
    return (order_id, 1, day, customer, rep, team, 2, 1, cents, cents // 2, "completed")


LIFE_ORDERS = [
    _order("A-1", "2025-04-02", 11, 103, 11, 15000),
    _order("B-1", "2025-04-01", 12, 101, 1, 2000),
    _order("C-1", "2024-06-30", 13, 201, 2, 99900),
    _order("E-1", "2024-07-01", 14, 101, 1, 3000),
    _order("R-1", "2025-01-01", 15, 101, 1, 10000),
    _order("R-2", "2025-02-01", 15, 101, 1, 10000),
    _order("R-3", "2025-03-01", 15, 101, 1, 10000),
    _order("S-1", "2025-01-11", 16, 202, 21, 5000),
    _order("S-2", "2025-04-21", 16, 202, 21, 5000),
    _order("S-3", "2025-05-11", 16, 202, 21, 5000),
    _order("S-4", "2025-05-31", 16, 202, 21, 5000),
    _order("T-1", "2025-01-10", 17, 202, 21, 1000),
    _order("T-2", "2025-04-20", 17, 202, 21, 1000),
    _order("T-3", "2025-05-10", 17, 202, 21, 1000),
    _order("T-4", "2025-05-30", 17, 202, 21, 1000),
    # a cancelled order for Oldb on 29 Jun changes nothing
    ("B-2", 1, "2025-06-29", 12, 101, 1, 2, 1, 2000, 1000, "cancelled"),
]
# activity_id, date, customer, rep, team, kind, outcome, next_follow_up_date
LIFE_ACTIVITIES = [
    (1, "2025-06-20", 15, 101, 1, "call", "busy", None),  # Risk, 10 days before
    (2, "2025-05-31", 16, 202, 21, "visit", "ordered", None),  # Steady, 30 days before
    (3, "2025-07-02", 16, 201, 2, "call", "later", None),  # after the as-of day: ignored
]
# feedback_id, date, customer, rep, team, csat, nps, kind, text, resolved
LIFE_FEEDBACK = [
    (1, "2025-06-01", 16, 202, 21, None, None, "complaint", "Broken", None),  # open
    (2, "2025-06-10", 16, 202, 21, None, None, "complaint", "Late", "2025-07-05"),  # open then
    (3, "2025-07-01", 16, 202, 21, None, None, "complaint", "Future", None),  # after as_of
    (4, "2025-05-01", 15, 101, 1, None, None, "complaint", "Fixed", "2025-06-30"),  # resolved
    (5, "2025-06-02", 16, 202, 21, 4, 8, "praise", "Nice", None),  # not a complaint
]
LIFE_TABLES = {
    "teams": TEAMS,
    "reps": REPS,
    "products": PRODUCTS,
    "customers": LIFE_CUSTOMERS,
    "orders": LIFE_ORDERS,
    "activities": LIFE_ACTIVITIES,
    "feedback": LIFE_FEEDBACK,
}


def _life_company(module_stores: StoreMaker, name: str, *, rolled: bool) -> Store:
    """A store holding LIFE_TABLES; `rolled` also rebuilds the rollups, as an import does."""
    store = module_stores(name)
    with store.transaction() as cur:
        for table, rows in LIFE_TABLES.items():
            marks = ", ".join("?" * len(rows[0]))
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)
        if rolled:
            refresh_rollups(cur)
    return store


@pytest.fixture(scope="module")
def life_store(module_stores: StoreMaker) -> Iterator[Store]:
    store = _life_company(module_stores, "segments", rolled=False)
    yield store
    store.close()


LIFE = Filters(start=d("2024-01-01"), end=d("2025-12-31"))
LIFE_NORTH = Filters(start=d("2024-01-01"), end=d("2025-12-31"), team_id=1)
LIFE_SOUTH = Filters(start=d("2024-01-01"), end=d("2025-12-31"), team_id=2)


def test_lifecycle_stages_at_their_boundaries(life_store: Store) -> None:
    frame = segments.lifecycle(life_store, LIFE, AS_OF)
    assert list(frame.columns) == segments.LIFECYCLE_COLUMNS
    rows = [(cid, name, stage, last, days) for cid, name, stage, last, days, _ in records(frame)]
    # ordered by stage (new, returning, active, at_risk, churned), then name
    assert rows == [
        (11, "Newa", "new", d("2025-04-02"), 89),
        (16, "Steady", "returning", d("2025-05-31"), 30),
        (14, "Edge", "active", d("2024-07-01"), 364),
        (12, "Oldb", "active", d("2025-04-01"), 90),
        (17, "Edgy", "at_risk", d("2025-05-30"), 31),
        (15, "Risk", "at_risk", d("2025-03-01"), 121),
        (13, "Churn", "churned", d("2024-06-30"), 365),
    ]
    gaps = dict(zip(frame["customer"], frame["usual_gap_days"], strict=True))
    assert gaps["Risk"] == 29.5 and gaps["Steady"] == 20.0 and gaps["Edgy"] == 20.0
    assert pd.isna(gaps["Newa"]) and pd.isna(gaps["Edge"])  # fewer than 2 gaps


def test_lifecycle_counts(life_store: Store) -> None:
    frame = segments.lifecycle_counts(life_store, LIFE, AS_OF)
    assert records(frame) == [
        ("new", 1), ("returning", 1), ("active", 2), ("at_risk", 2), ("churned", 1),
    ]  # fmt: skip
    # North (Ann, Cai): Newa new, Oldb and Edge active, Risk at risk.
    north = segments.lifecycle_counts(life_store, LIFE_NORTH, AS_OF)
    assert records(north) == [
        ("new", 1), ("returning", 0), ("active", 2), ("at_risk", 1), ("churned", 0),
    ]  # fmt: skip
    # Before anyone bought: every stage, all zero.
    empty = segments.lifecycle_counts(life_store, LIFE, d("2024-01-01"))
    assert list(empty["stage"]) == list(segments.LIFECYCLE_STAGES)
    assert empty["customers"].sum() == 0
    assert list(segments.lifecycle(life_store, LIFE, d("2024-01-01")).columns) == (
        segments.LIFECYCLE_COLUMNS
    )


@pytest.fixture(scope="module")
def life_rolled(module_stores: StoreMaker) -> Iterator[Store]:
    """The same customers, their buying days rolled up (data.rollups) as an import leaves them."""
    store = _life_company(module_stores, "segments_rolled", rolled=True)
    yield store
    store.close()


def test_lifecycle_read_from_the_buying_days_rollup_is_the_same(
    life_store: Store, life_rolled: Store
) -> None:
    # The whole company's stages read the rollup; a team's read the rows (the rollup holds
    # every team's days together).
    assert segments.days_rolled(life_rolled, LIFE)
    assert not segments.days_rolled(life_rolled, LIFE_NORTH)
    assert not segments.days_rolled(life_store, LIFE), "no rollup: the rows"
    rolled = segments.lifecycle(life_rolled, LIFE, AS_OF)
    assert rolled.equals(segments.lifecycle(life_store, LIFE, AS_OF))
    # the boundaries worked out by hand above, from the rollup
    assert list(rolled["stage"]) == [
        "new", "returning", "active", "active", "at_risk", "at_risk", "churned",
    ]  # fmt: skip
    assert rolled.loc[rolled["customer"] == "Churn", "last_order"].item() == d("2024-06-30")
    over_time = segments.lifecycle_over_time(life_rolled, LIFE, AS_OF)
    assert over_time.equals(segments.lifecycle_over_time(life_store, LIFE, AS_OF))
    assert over_time["customers"].sum() > 0
    # ...with the month ends up to May (the last buying day's month) read from the stage
    # counts' rollup, every stage of each, and June's end, after it, counted from the days
    month_ends = sorted(set(over_time["day"]))
    kept = month_end_stage_counts(life_rolled, month_ends)
    assert len(kept) == 11 * 5
    assert {day for day, _, _ in kept} == set(month_ends) - {AS_OF}
    assert month_end_stage_counts(life_store, month_ends) == [], "no rollup: counted"
    # The last buying day, where the pages' as-of day starts, is kept too: its counts read
    # from the rollup are the ones counted from the rows, and its twelve months read it
    last_day = life_rolled.scalar("SELECT max(order_date) FROM orders WHERE status = 'completed'")
    assert len(month_end_stage_counts(life_rolled, [last_day])) == 5
    counts = segments.lifecycle_counts(life_rolled, LIFE, last_day)
    assert counts.equals(segments.lifecycle_counts(life_store, LIFE, last_day))
    assert counts["customers"].sum() > 0
    at_last = segments.lifecycle_over_time(life_rolled, LIFE, last_day)
    assert at_last.equals(segments.lifecycle_over_time(life_store, LIFE, last_day))
    classes = segments.customer_classes(life_rolled, LIFE, "lifecycle_stage", AS_OF)
    assert sorted(classes) == sorted(
        segments.customer_classes(life_store, LIFE, "lifecycle_stage", AS_OF)
    )


# --- customer detail ----------------------------------------------------------------------


def test_customer_detail(tiny_store: Store) -> None:
    detail = segments.customer_detail(tiny_store, 6)  # Fir
    assert set(detail) == {"profile", "orders", "deals", "activities", "feedback"}
    for key, frame in detail.items():
        assert list(frame.columns) == segments.DETAIL_COLUMNS[key]
    assert records(detail["profile"]) == [
        ("Fir", "Ann", "C", "Restaurants", "East", "Hangzhou", "medium", "retail",
         d("2024-10-15")),
    ]  # fmt: skip
    # N-06: a completed 120.00 line and a returned 80.50 line; O-03: one completed line.
    assert records(detail["orders"]) == [
        ("N-06", d("2024-11-14"), 2, 120.0, "1 completed, 1 returned"),
        ("O-03", d("2024-10-15"), 1, 120.0, "completed"),
    ]
    assert records(detail["deals"]) == [("D-7", "lost", d("2024-09-12"), d("2024-10-10"), 250.0)]
    assert detail["activities"].empty
    assert records(detail["feedback"]) == [
        (d("2024-11-27"), "question", None, None, "Bulk price?", None)
    ]


def test_customer_detail_of_others(tiny_store: Store) -> None:
    # Elm: N-09 has a completed 25.00 line and a cancelled one; N-05 80.50.
    elm = segments.customer_detail(tiny_store, 5)
    assert records(elm["orders"]) == [
        ("N-09", d("2024-11-26"), 2, 25.0, "1 cancelled, 1 completed"),
        ("N-05", d("2024-11-12"), 1, 80.5, "completed"),
    ]
    assert records(elm["feedback"]) == [
        (d("2024-11-25"), "complaint", None, 7, "Wrong colour", None)
    ]
    # Cedar: N-08 wholly cancelled -> amount 0.00.
    cedar = segments.customer_detail(tiny_store, 3)
    assert records(cedar["orders"])[0] == ("N-08", d("2024-11-21"), 1, 0.0, "cancelled")
    # Acme's activities, newest first.
    acme = segments.customer_detail(tiny_store, 1)
    assert records(acme["activities"]) == [
        (d("2024-11-03"), "visit", "Ann", "ordered", None),
        (d("2024-11-01"), "call", "Ann", "interested", d("2024-11-03")),
    ]
    unknown = segments.customer_detail(tiny_store, 999)
    for key, frame in unknown.items():
        assert frame.empty and list(frame.columns) == segments.DETAIL_COLUMNS[key]


def test_lifecycle_over_time_is_the_stage_count_at_each_month_end(tiny_store: Store) -> None:
    as_of = date(2024, 12, 15)
    frame = segments.lifecycle_over_time(
        tiny_store, Filters(start=as_of, end=as_of), as_of, months=4
    )
    # Four points: the month ends of Sep, Oct and Nov, then 15 Dec itself.
    assert sorted(set(frame["day"])) == [
        date(2024, 9, 30), date(2024, 10, 31), date(2024, 11, 30), date(2024, 12, 15),
    ]  # fmt: skip
    for day in set(frame["day"]):
        expected = segments.lifecycle_counts(tiny_store, Filters(start=day, end=day), day)
        got = frame[frame["day"] == day][["stage", "customers"]].reset_index(drop=True)
        assert got.equals(expected), day
    # 30 Sep: Acme (10 Sep), Cedar (20 Sep) and Delta (15 Sep) bought for the first time.
    sep = frame[frame["day"] == date(2024, 9, 30)].set_index("stage")["customers"]
    assert sep["new"] == 3 and sep.sum() == 3


# --- RFM ties -----------------------------------------------------------------------------

# Seven customers looked at on Mon 30 Jun 2025, with exact ties in each measure; Ava and Bo are
# equal in all three. One order line each, 100.00 unless said (as_of - day = recency):
#   1 Ava  20 Jun                        recency 10, 1 order, 100.00
#   2 Bo   20 Jun                        recency 10, 1 order, 100.00
#   3 Cy   1 Jun, 20 Jun (50.00 each)    recency 10, 2 orders, 100.00
#   4 Di   1 May (200.00), 1 Jun         recency 29, 2 orders, 300.00
#   5 Ed   1 Apr, 1 May, 29 Jun          recency 1, 3 orders, 300.00
#   6 Fay  1 Mar, 1 Apr, 1 May (20.00)   recency 60, 3 orders, 60.00
#   7 Gus  1 Jan (60.00)                 recency 180 (31+28+31+30+31+30 - 1), 1 order, 60.00
# n = 7; score = 1 + floor(5w/7), w = customers strictly worse:
#   w 0 1 2 3 4 5 6 -> floor(0, 5/7, 10/7, 15/7, 20/7, 25/7, 30/7) = 0 0 1 2 2 3 4
#                   -> score 1 1 2 3 3 4 5
#   r (more days worse): Gus w0 1; Fay w1 1; Di w2 2; Ava, Bo, Cy w3 -> 3 all; Ed w6 5
#   f: Ava, Bo, Gus (1) w0 -> 1; Cy, Di (2) w3 -> 3; Ed, Fay (3) w5 -> 4 (no 5: the top tie
#      shares its lowest rank)
#   m: Fay, Gus (60) w0 -> 1; Ava, Bo, Cy (100) w2 -> 2; Di, Ed (300) w5 -> 4
# Segments: Ava, Bo (3, 1) and Cy (3, 3) needs_attention; Di (2, 3) at_risk; Ed (5, 4)
# champions; Fay (1, 4) cannot_lose; Gus (1, 1) lost.
# (The old ntile(5) by id gave Ava, Bo, Cy recency scores 2, 3, 4: equal customers apart.)
TIE_CUSTOMERS = [
    (i, name, 101, "B", "Cafes", "East", "Ningbo", "small", "retail", "2024-01-01")
    for i, name in enumerate(["Ava", "Bo", "Cy", "Di", "Ed", "Fay", "Gus"], start=1)
]
TIE_ORDERS = [
    _order("A1", "2025-06-20", 1, 101, 1, 10000),
    _order("B1", "2025-06-20", 2, 101, 1, 10000),
    _order("C1", "2025-06-01", 3, 101, 1, 5000),
    _order("C2", "2025-06-20", 3, 101, 1, 5000),
    _order("D1", "2025-05-01", 4, 101, 1, 20000),
    _order("D2", "2025-06-01", 4, 101, 1, 10000),
    _order("E1", "2025-04-01", 5, 101, 1, 10000),
    _order("E2", "2025-05-01", 5, 101, 1, 10000),
    _order("E3", "2025-06-29", 5, 101, 1, 10000),
    _order("F1", "2025-03-01", 6, 101, 1, 2000),
    _order("F2", "2025-04-01", 6, 101, 1, 2000),
    _order("F3", "2025-05-01", 6, 101, 1, 2000),
    _order("G1", "2025-01-01", 7, 101, 1, 6000),
]


@pytest.fixture(scope="module")
def tie_store(module_stores: StoreMaker) -> Iterator[Store]:
    store = module_stores("ties")
    tables = {
        "teams": TEAMS, "reps": REPS, "products": PRODUCTS, "customers": TIE_CUSTOMERS,
        "orders": TIE_ORDERS,
    }  # fmt: skip
    with store.transaction() as cur:
        for table, rows in tables.items():
            marks = ", ".join("?" * len(rows[0]))
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({marks})", row)
    yield store
    store.close()


def test_rfm_equal_customers_get_equal_scores(tie_store: Store) -> None:
    frame = segments.rfm(tie_store, LIFE, AS_OF)
    # biggest spender first, ties by customer_id
    assert [
        (name, recency, orders, money, r, f, m, segment)
        for _, name, _, recency, orders, money, r, f, m, segment in records(frame)
    ] == [
        ("Di", 29, 2, 300.0, 2, 3, 4, "at_risk"),
        ("Ed", 1, 3, 300.0, 5, 4, 4, "champions"),
        ("Ava", 10, 1, 100.0, 3, 1, 2, "needs_attention"),
        ("Bo", 10, 1, 100.0, 3, 1, 2, "needs_attention"),
        ("Cy", 10, 2, 100.0, 3, 3, 2, "needs_attention"),
        ("Fay", 60, 3, 60.0, 1, 4, 1, "cannot_lose"),
        ("Gus", 180, 1, 60.0, 1, 1, 1, "lost"),
    ]
    # every tie group has one score, whatever the customers' ids
    for measure, score in (("recency_days", "r"), ("frequency", "f"), ("monetary", "m")):
        assert (frame.groupby(measure)[score].nunique() == 1).all(), measure


def test_a_gap_from_before_the_year_does_not_count_towards_the_usual_gap(
    new_store: StoreMaker,
) -> None:
    # Edge (14) buys 370, 360, 350 and 100 days before 30 Jun 2025. The gaps inside the 365
    # days are 10 (360 -> 350 days before) and 250: usual gap 130, and 100 days since is
    # not over 1.5 x 130, so Edge is active. Counting the 10-day gap that starts before the
    # year (370 -> 360) would make the usual gap 10 and Edge at risk.
    store = new_store("gap_window")
    days = [date.fromordinal(AS_OF.toordinal() - n) for n in (370, 360, 350, 100)]
    with store.transaction() as cur:
        for table, rows in (("teams", TEAMS), ("reps", REPS), ("products", PRODUCTS)):
            for row in rows:
                cur.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", row)
        cur.execute(
            f"INSERT INTO customers VALUES ({', '.join('?' * len(LIFE_CUSTOMERS[3]))})",
            LIFE_CUSTOMERS[3],
        )
        for n, day in enumerate(days):
            row = _order(f"E-{n}", day.isoformat(), 14, 101, 1, 1000)
            cur.execute(f"INSERT INTO orders VALUES ({', '.join('?' * len(row))})", row)
    frame = segments.lifecycle(store, LIFE, AS_OF)
    assert records(frame) == [(14, "Edge", "active", days[-1], 100, 130.0)]
    # Twelve month ends in one query: each end counts only the gaps of its own year.
    # Days: 25 Jun, 5 Jul, 15 Jul 2024 and 22 Mar 2025.
    over_time = segments.lifecycle_over_time(store, LIFE, AS_OF)
    stages = {
        day: set(over_time[(over_time["day"] == day) & (over_time["customers"] > 0)]["stage"])
        for day in set(over_time["day"])
    }
    assert over_time["customers"].sum() == 12  # Edge, once at each month end
    assert stages[date(2024, 7, 31)] == {"new"}  # first bought 36 days before
    assert stages[date(2025, 2, 28)] == {"at_risk"}  # 228 days since, usual gap 10
    assert stages[date(2025, 3, 31)] == {"returning"}  # 9 days since
    # 31 May: the year starts 1 Jun 2024, so 25 Jun counts: gaps 10, 10, 250, usual 10,
    # 70 days since. 30 Jun: the year starts 1 Jul 2024, 25 Jun does not count: active.
    assert stages[date(2025, 5, 31)] == {"at_risk"}
    assert stages[AS_OF] == {"active"}
    store.close()
