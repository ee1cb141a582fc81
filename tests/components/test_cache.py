"""components.cache.fetch, the one read path: one cached answer per request and data version,
and requests that carry only what their answer depends on."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import metrics
from components import cache
from data import follow_ups, settings
from data.config import DB_ENV_VAR
from data.store import Store
from data.table_versions import Versions
from metrics import service
from metrics.filters import Filters
from metrics.requests import CompanyCurrency, KpiBreakdown, KpiTrend, KpiValues, Request, Teams
from metrics.requests_follow_ups import CompanyRfmScores, FollowUpList, FollowUpPeople
from metrics.requests_people import SegmentsScreen
from tests.conftest import DEMO_END

RUNS: list[int] = []


class Counted(Request):
    """A request that notes each time it is really run (not answered from the cache)."""

    n: int

    def run(self, store: Store) -> list[int]:
        RUNS.append(self.n)
        return [self.n, store.data_version()]


# Two requests that can only finish together: each waits at the barrier for the other.
_TOGETHER = threading.Barrier(2, timeout=30)


class Shared(Request):
    """A part two other requests are worked out from (Request.needs)."""

    def run(self, store: Store) -> str:
        RUNS.append(0)
        return "shared"


class Together(Request):
    """Answers only when another Together is being worked out at the same time."""

    n: int

    def needs(self) -> tuple[Request, ...]:
        return (Shared(),)

    def run(self, store: Store) -> tuple[int, str]:
        return self.run_with(store, (Shared().run(store),))

    def run_with(self, store: Store, needed: tuple[object, ...]) -> tuple[int, str]:
        _TOGETHER.wait()  # one at a time, this would wait out the timeout and fail
        return (self.n, str(needed[0]))


# Two parts that can only be worked out together: each waits at the barrier for the other.
_BOTH_PARTS = threading.Barrier(2, timeout=30)


class Part(Request):
    """A part of Whole that answers only while the other part is being worked out."""

    n: int

    def run(self, store: Store) -> int:
        _BOTH_PARTS.wait()  # fetched one after the other, this would time out and fail
        return self.n


class Whole(Request):
    """Worked out from two parts, which the cache fetches side by side."""

    def needs(self) -> tuple[Request, ...]:
        return (Part(n=1), Part(n=2))

    def run(self, store: Store) -> tuple[int, ...]:
        return self.run_with(store, tuple(part.run(store) for part in self.needs()))

    def run_with(self, store: Store, needed: tuple[object, ...]) -> tuple[int, ...]:
        return tuple(int(n) for n in needed)  # type: ignore[call-overload]


def _all_requests() -> list[type[Request]]:
    for module in pkgutil.iter_modules(metrics.__path__):
        importlib.import_module(f"metrics.{module.name}")
    found: list[type[Request]] = []
    todo = list(Request.__subclasses__())
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo.extend(kind.__subclasses__())
    return [k for k in found if k.__module__.startswith("metrics.")]


def test_equal_requests_are_run_once_and_give_equal_answers() -> None:
    RUNS.clear()
    first = cache.fetch(Counted(n=1))
    again = cache.fetch(Counted(n=1))
    other = cache.fetch(Counted(n=2))
    assert first == again and other[0] == 2
    assert RUNS == [1, 2]  # the second Counted(n=1) came from the cache


def test_fetch_all_works_requests_out_side_by_side_and_a_shared_part_once() -> None:
    RUNS.clear()
    answers = cache.fetch_all((Together(n=1), Together(n=2), Counted(n=7)))
    assert answers[:2] == [(1, "shared"), (2, "shared")]  # in the order asked
    assert answers[2][0] == 7
    assert sorted(RUNS) == [0, 7], "the shared part was worked out once"
    assert cache.fetch_all((Together(n=2), Counted(n=7))) == answers[1:]  # now from the cache
    assert sorted(RUNS) == [0, 7]


def test_a_requests_parts_are_worked_out_side_by_side_in_their_order() -> None:
    # As the follow-up list's facts are beside the company's RFM scores.
    assert cache.fetch(Whole()) == (1, 2)


def test_a_write_changes_the_data_version_and_the_answer(isolated_database: Path) -> None:
    RUNS.clear()
    before = cache.fetch(CompanyCurrency())
    cache.fetch(Counted(n=1))
    new = "EUR" if before != "EUR" else "GBP"
    settings.set_currency(cache.get_store(), new)  # one transaction: the version goes up by one
    assert cache.fetch(CompanyCurrency()) == new
    cache.fetch(Counted(n=1))
    assert RUNS == [1, 1]  # the same request, run afresh for the new data version


def test_kpi_requests_answer_what_the_service_answers(demo_db: Path) -> None:
    scope = Filters(start=date(2026, 11, 1), end=DEMO_END, period_kind="month")
    store = cache.get_store()
    fetched = cache.fetch(KpiValues(kpis=("revenue", "orders"), filters=scope))
    assert fetched == service.values(store, ("revenue", "orders"), scope)
    assert cache.fetch(KpiValues(kpis=("revenue", "orders"), filters=scope)) == fetched
    trend = cache.fetch(KpiTrend(kpis=("revenue",), filters=scope, grain="week"))
    assert trend.equals(service.trend(store, ("revenue",), scope, "week"))
    by_team = cache.fetch(KpiBreakdown(kpis=("revenue",), filters=scope, dimension="team"))
    assert by_team.equals(service.breakdown(store, ("revenue",), scope, "team"))


def test_a_frame_changed_by_a_caller_does_not_change_the_cache(demo_db: Path) -> None:
    teams = cache.fetch(Teams())
    names = list(teams["name"])
    teams["name"] = "changed"
    assert list(cache.fetch(Teams())["name"]) == names and "changed" not in names


@dataclass(frozen=True)
class _Answer:
    frame: pd.DataFrame
    parts: tuple[pd.Series, ...]
    by_name: dict[str, list[int]]


def test_a_handed_out_answer_changed_every_way_leaves_the_cached_one_as_it_was() -> None:
    cached = _Answer(
        frame=pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}),
        parts=(pd.Series([1.5, 2.5]),),
        by_name={"n": [1, 2]},
    )
    mine = cache.handed_out(cached)
    assert mine is not cached and mine.frame is not cached.frame
    mine.frame.loc[0, "a"] = 99  # a cell
    mine.frame["b"] = "changed"  # a column
    mine.frame.iloc[1, 0] = -1
    mine.parts[0].iloc[0] = 0.0
    mine.by_name["n"].append(3)
    object.__setattr__(mine, "frame", None)  # even a frozen field of the copy
    assert cached.frame.equals(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
    assert cached.parts[0].tolist() == [1.5, 2.5] and cached.by_name == {"n": [1, 2]}
    # Names by rep_id (strings are handed out as they are, the dict is a copy), and a set
    # (deep-copied, as anything not walked is).
    names, tags = {1: "Ann", 2: "Bo"}, {"a"}
    theirs = cache.handed_out(names)
    theirs[1] = "changed"
    del theirs[2]
    cache.handed_out(tags).add("b")
    assert names == {1: "Ann", 2: "Bo"} and tags == {"a"}


def test_the_comparison_period_is_worked_out_by_the_request() -> None:
    # Month to date 1–20 November 2026 against the same days of October (1–20 October), or
    # of November 2025; a whole quarter (1 July–30 September) against the whole quarter before
    # (1 April–30 June).
    mtd = KpiValues(
        kpis=("revenue",),
        filters=Filters(start=date(2026, 11, 1), end=date(2026, 11, 20), period_kind="month"),
    )
    previous = mtd.compared("previous").filters
    assert (previous.start, previous.end) == (date(2026, 10, 1), date(2026, 10, 20))
    last_year = mtd.compared("last_year").filters
    assert (last_year.start, last_year.end) == (date(2025, 11, 1), date(2025, 11, 20))
    quarter = KpiTrend(
        kpis=("revenue",), filters=Filters(start=date(2026, 7, 1), end=date(2026, 9, 30)),
        grain="month",
    ).compared("previous")  # fmt: skip
    assert (quarter.filters.start, quarter.filters.end) == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarter.grain == "month" and quarter.kpis == ("revenue",)


def test_every_request_reads_every_field_it_is_keyed_on() -> None:
    """A field the answer does not depend on (above all the filters, which most pages pass
    around) would split the cache for nothing: each field is read by the request's own code."""
    kinds = _all_requests()
    assert len(kinds) >= 40
    unread = [
        f"{kind.__module__}.{kind.__qualname__}.{name}"
        for kind in kinds
        if not inspect.isabstract(kind)
        for name in kind.model_fields
        if f"self.{name}" not in inspect.getsource(kind)
    ]
    assert not unread, "Fields no request code reads: " + ", ".join(unread)


def test_requests_are_frozen_and_keyed_by_type_and_values() -> None:
    scope = Filters(start=date(2026, 11, 1), end=date(2026, 11, 20))
    values = KpiValues(kpis=("revenue",), filters=scope)
    assert values.model_config.get("frozen") is True
    assert values.cache_key() == KpiValues(kpis=("revenue",), filters=scope).cache_key()
    trend = KpiTrend(kpis=("revenue",), filters=scope, grain="day")
    assert values.cache_key() != trend.cache_key()
    assert all(kind.model_config.get("frozen") for kind in _all_requests())


# --- the data version, kept for a moment ----------------------------------------------------


def test_the_data_version_is_read_once_a_moment_and_again_after_any_write(
    isolated_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = cache.get_store()
    reads: list[int] = []
    real = store.versions

    def counted() -> Versions:  # the real read, counted
        reads.append(1)
        return real()

    monkeypatch.setattr(store, "versions", counted)
    monkeypatch.setattr(cache, "VERSION_KEPT", 3600.0)  # however slow this machine is today
    first = cache.data_version()
    assert [cache.data_version() for _ in range(30)] == [first] * 30
    assert len(reads) == 1, "thirty fetches in a run: one query"
    # A write by another store of this process (a CLI call in-process, a test's own store):
    # the next ask reads the new version at once.
    other = Store(isolated_database)
    try:
        settings.set_currency(other, "EUR")
    finally:
        other.close()
    assert cache.data_version() == first + 1 and len(reads) == 2


def test_a_version_changed_behind_the_process_shows_after_the_moment(
    isolated_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A write by another process (possible on PostgreSQL) ends no transaction here: it shows
    # once VERSION_KEPT has passed. Here the moment is made 0 s and the version is moved
    # behind the store's back.
    monkeypatch.setattr(cache, "VERSION_KEPT", 3600.0)
    first = cache.data_version()
    cache.get_store()._con.execute("UPDATE data_version SET version = version + 5 WHERE id = 1")
    assert cache.data_version() == first, "within the moment: the version kept"
    monkeypatch.setattr(cache, "VERSION_KEPT", 0.0)
    assert cache.data_version() == first + 5


# --- answers that name the tables they read ---------------------------------------------------


class Orders(Request):
    """Names the one table it reads (data.table_versions)."""

    def reads(self) -> frozenset[str]:
        return frozenset({"orders"})

    def run(self, store: Store) -> int:
        RUNS.append(0)
        return int(store.scalar("SELECT count(*) FROM orders"))


def _log_a_call(store: Store) -> None:
    customer, rep = store.rows("SELECT customer_id, owner_rep_id FROM customers LIMIT 1")[0]
    follow_ups.log_contact(
        store, submission_id=follow_ups.new_submission_id(), customer_id=customer, rep_id=rep,
        day=DEMO_END, kind="call", outcome="reached",
    )  # fmt: skip


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Huddle pointed at a copy of the demo, for a test that writes."""
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv(DB_ENV_VAR, str(copy))
    return copy


def test_a_logged_call_keeps_answers_that_read_none_of_its_tables(demo_copy: Path) -> None:
    RUNS.clear()
    cache.fetch(Orders())
    cache.fetch(Counted(n=1))  # names no tables: any write clears it
    _log_a_call(cache.get_store())  # activities, follow_up_actions, audit_log
    cache.fetch(Orders())
    cache.fetch(Counted(n=1))
    assert RUNS == [0, 1, 1], "the orders count stayed cached; the other ran again"
    with cache.get_store().transaction(touches={"orders"}):
        pass  # a write that names orders
    cache.fetch(Orders())
    settings.set_currency(cache.get_store(), "EUR")  # names no tables: reaches everything
    cache.fetch(Orders())
    assert RUNS == [0, 1, 1, 0, 0]


def test_segments_keeps_its_analyses_and_renews_its_follow_up_list_after_a_call(
    demo_copy: Path,
) -> None:
    scope = Filters(start=date(2026, 11, 1), end=DEMO_END, period_kind="month")
    analyses = SegmentsScreen(filters=scope, as_of=DEMO_END)
    due = FollowUpList.for_filters(scope, DEMO_END)
    before = cache.version_key((analyses,)), cache.version_key((due,))
    first = cache.fetch(due)
    customer = int(first["customer_id"].iloc[0])
    rep = int(first["owner_rep_id"].iloc[0])
    follow_ups.log_contact(
        cache.get_store(), submission_id=follow_ups.new_submission_id(), customer_id=customer,
        rep_id=rep, day=DEMO_END, kind="call", outcome="reached",
    )  # fmt: skip
    after = cache.version_key((analyses,)), cache.version_key((due,))
    assert before[0] == after[0], "RFM, lifecycle and Pareto: the same cache entry"
    assert before[1] != after[1], "the follow-up list is read again"
    assert customer not in set(cache.fetch(due)["customer_id"]), "called today: not due now"
    # The company's scores come from CompanyRfmScores, shared with the list: the same frame.
    assert analyses.needs() == (CompanyRfmScores(as_of=DEMO_END),)
    fetched, fresh = cache.fetch(analyses), analyses.run(cache.get_store())
    pd.testing.assert_frame_equal(fetched.scores, fresh.scores)
    pd.testing.assert_frame_equal(fetched.movement, fresh.movement)


def test_the_follow_up_lists_share_the_companys_rfm_scores_across_a_call(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list and the people's counts are worked out from one cached CompanyRfmScores,
    which a logged call leaves cached; each equals the list worked out from scratch."""
    runs: list[date] = []
    real = CompanyRfmScores.run

    def counted(self: CompanyRfmScores, store: Store) -> object:
        runs.append(self.as_of)
        return real(self, store)

    monkeypatch.setattr(CompanyRfmScores, "run", counted)
    due = FollowUpList(as_of=DEMO_END)
    people = FollowUpPeople(as_of=DEMO_END)
    first = cache.fetch(due)
    cache.fetch(people)
    assert runs == [DEMO_END], "one RFM run for both"
    called = int(first["customer_id"].iloc[0])
    follow_ups.log_contact(
        cache.get_store(), submission_id=follow_ups.new_submission_id(), customer_id=called,
        rep_id=int(first["owner_rep_id"].iloc[0]), day=DEMO_END, kind="call", outcome="reached",
    )  # fmt: skip
    after = cache.fetch(due)
    assert runs == [DEMO_END], "the scores came from the cache after the call"
    assert called not in set(after["customer_id"])
    pd.testing.assert_frame_equal(after, due.run(cache.get_store()))  # from scratch
    pd.testing.assert_frame_equal(cache.fetch(people), people.run(cache.get_store()))
    # a person's list is cut from the same cached company list
    theirs = FollowUpList(as_of=DEMO_END, rep_id=int(after["owner_rep_id"].iloc[0]))
    pd.testing.assert_frame_equal(cache.fetch(theirs), theirs.run(cache.get_store()))
    assert runs == [DEMO_END]
