"""Tests for the demo company generator: determinism, shape and replacing what is there."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

import data.demo as demo
from data.demo import CANONICAL_TABLES, DemoSummary, generate_demo
from data.models import ROLES
from data.store import Store
from tests.cheap_hashes import cheap_password_hashes as cheap_password_hashes

ROOT = Path(__file__).resolve().parents[2]
END = date(2025, 6, 15)
START = date(2022, 6, 16)  # three years back from END, plus a day
ORDERS = 5_000


def _build(path: Path, *, seed: int = 7, orders: int = ORDERS) -> tuple[Store, DemoSummary]:
    store = Store(path)
    return store, generate_demo(store, orders=orders, seed=seed, end_date=END)


def _digest(store: Store, table: str) -> str:
    frame = store.query(f"SELECT * FROM {table} ORDER BY ALL")
    return hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()


@pytest.fixture(scope="module")
def built_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    """The demo (seed 7, ORDERS lines, ending END) built once for this file, closed: a build
    takes seconds, a copy of the file does not. Read it through `built`; copy it to write."""
    store, summary = _build(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    store.close()
    return store.path, summary


@pytest.fixture(scope="module")
def built(built_file: tuple[Path, DemoSummary]) -> Iterator[tuple[Store, DemoSummary]]:
    store = Store(built_file[0])
    yield store, built_file[1]
    store.close()


def _copy_of_built(built_file: tuple[Path, DemoSummary], to: Path) -> tuple[Store, DemoSummary]:
    """A copy of the built demo at `to`, for a test that writes: what `_build(to)` gives."""
    shutil.copy(built_file[0], to)
    return Store(to), built_file[1]


@pytest.fixture(scope="module")
def store(built: tuple[Store, DemoSummary]) -> Store:
    return built[0]


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_and_end_date_give_identical_tables(
    built: tuple[Store, DemoSummary], tmp_path: Path
) -> None:
    first, first_summary = built  # one build (seed 7), compared with a second one here
    second, second_summary = _build(tmp_path / "b.duckdb")
    assert first_summary == second_summary
    pd.testing.assert_frame_equal(
        first.query("SELECT * FROM orders ORDER BY order_id, line_no"),
        second.query("SELECT * FROM orders ORDER BY order_id, line_no"),
    )
    for table in CANONICAL_TABLES:
        assert _digest(first, table) == _digest(second, table), table


def test_another_seed_gives_another_company(
    built: tuple[Store, DemoSummary], tmp_path: Path
) -> None:
    first, _ = built  # seed 7
    other, summary = _build(tmp_path / "b.duckdb", seed=8)
    assert summary.orders == ORDERS
    for table in ("reps", "customers", "orders", "deals", "targets"):
        assert _digest(first, table) != _digest(other, table), table


# --- size and chunking ----------------------------------------------------------------------


@pytest.mark.parametrize("orders", [1, 777, ORDERS])
def test_writes_exactly_the_requested_order_lines(
    request: pytest.FixtureRequest, tmp_path: Path, orders: int
) -> None:
    # ORDERS lines is the build `built` already made (same seed and end): no second one.
    store, summary = (
        request.getfixturevalue("built")
        if orders == ORDERS
        else _build(tmp_path / "demo.duckdb", orders=orders)
    )
    assert summary.orders == orders
    assert store.scalar("SELECT count(*) FROM orders") == orders
    assert store.scalar("SELECT count(DISTINCT (order_id, line_no)) FROM orders") == orders


def test_chunked_build_is_complete_and_reports_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "CHUNK_LINES", 1_000)
    calls: list[tuple[float, str]] = []
    store = Store(tmp_path / "demo.duckdb")
    summary = generate_demo(
        store, orders=ORDERS, end_date=END, progress=lambda f, m: calls.append((f, m))
    )
    assert summary.orders == ORDERS == store.scalar("SELECT count(*) FROM orders")
    fractions = [f for f, _ in calls]
    assert len(fractions) >= 5 + 3  # one per chunk at least, plus the other steps
    assert fractions == sorted(fractions)
    assert fractions[0] >= 0 and fractions[-1] == 1.0
    assert all(isinstance(m, str) and m for _, m in calls)
    # Order numbers keep counting across chunks and run in date order.
    orders = store.query(
        "SELECT DISTINCT order_id, order_date FROM orders ORDER BY CAST(order_id[4:] AS INTEGER)"
    )
    assert orders["order_id"].is_unique
    assert orders["order_date"].is_monotonic_increasing


# --- shape ----------------------------------------------------------------------------------


def test_summary_matches_the_tables(built: tuple[Store, DemoSummary]) -> None:
    store, summary = built
    for table in CANONICAL_TABLES:
        assert getattr(summary, table) == store.scalar(f"SELECT count(*) FROM {table}"), table
    assert summary.reviews > 0, "the demo has a review history (its versions are counted)"
    assert summary.first_order_date is not None and summary.first_order_date >= START
    assert summary.last_order_date == END


def test_four_channel_teams_with_groups(store: Store) -> None:
    teams = store.query("SELECT * FROM teams")
    top = teams[teams["parent_id"].isna()]
    assert sorted(top["channel"]) == ["private_domain", "retail", "showroom", "wholesale"]
    assert teams["name"].is_unique
    groups = teams[teams["parent_id"].notna()]
    assert len(groups) >= 8
    parents = groups.merge(top, left_on="parent_id", right_on="team_id", suffixes=("", "_parent"))
    assert len(parents) == len(groups), "every group's parent is a top-level team"
    assert (parents["channel"] == parents["channel_parent"]).all()
    assert (groups.groupby("parent_id").size() >= 2).all()


def test_team_leaders_are_the_right_people(store: Store) -> None:
    leaders = store.query(
        "SELECT t.team_id, t.parent_id, r.role, r.team_id AS rep_team, r.leave_date "
        "FROM teams t LEFT JOIN reps r ON r.rep_id = t.leader_rep_id"
    )
    assert leaders["role"].notna().all()
    assert leaders["leave_date"].isna().all()
    assert (leaders["rep_team"] == leaders["team_id"]).all()
    top = leaders["parent_id"].isna()
    assert (leaders.loc[top, "role"] == "sales_manager").all()
    assert (leaders.loc[~top, "role"] == "group_leader").all()


def test_people(store: Store) -> None:
    reps = store.query("SELECT r.*, t.parent_id FROM reps r JOIN teams t USING (team_id)")
    assert 50 <= len(reps) <= 70
    assert set(reps["role"]) == set(ROLES)
    leavers = reps[reps["leave_date"].notna()]
    assert 5 <= len(leavers) <= 12
    assert (leavers["leave_date"].dt.date.between(START, END)).all()
    hires = reps[reps["hire_date"].dt.date >= START]
    assert 5 <= len(hires) <= 15
    assert (reps["hire_date"].dt.date >= END - timedelta(days=9 * 365)).all()
    sellers = reps["role"].isin(["sales_rep", "account_manager", "group_leader", "deputy_leader"])
    assert reps.loc[sellers, "parent_id"].notna().all(), "sellers sit in groups"
    top_level = ["sales_manager", "data_analyst", "customer_service", "inventory"]
    assert reps.loc[reps["role"].isin(top_level), "parent_id"].isna().all()
    assert reps["name"].is_unique


def test_no_order_outside_its_reps_employment_or_the_window(store: Store) -> None:
    outside = store.scalar(
        "SELECT count(*) FROM orders o JOIN reps r USING (rep_id) WHERE o.order_date < r.hire_date "
        "OR o.order_date > coalesce(r.leave_date, DATE '9999-12-31')"
    )
    assert outside == 0
    assert store.scalar("SELECT max(order_date) FROM orders") <= END
    assert store.scalar("SELECT min(order_date) FROM orders") >= START


def test_orders_are_sold_by_sellers_of_the_customers_channel(store: Store) -> None:
    wrong = store.scalar(
        "SELECT count(*) FROM orders o JOIN reps r USING (rep_id) "
        "JOIN customers c USING (customer_id) JOIN teams t ON t.team_id = o.team_id "
        "WHERE o.team_id <> r.team_id OR c.channel <> t.channel "
        "OR r.role NOT IN ('sales_rep', 'account_manager', 'group_leader', 'deputy_leader')"
    )
    assert wrong == 0


def test_order_lines_look_like_order_lines(store: Store) -> None:
    statuses = store.query("SELECT status, count(*) AS n FROM orders GROUP BY status")
    assert set(statuses["status"]) == {"completed", "returned", "cancelled"}
    share = dict(zip(statuses["status"], statuses["n"] / statuses["n"].sum(), strict=True))
    assert share["completed"] > 0.9
    ids = store.query("SELECT DISTINCT order_id FROM orders")["order_id"]
    assert ids.map(lambda s: bool(re.fullmatch(r"SO-\d{6,}", s))).all()
    lines = store.query(
        "SELECT order_id, count(*) AS n, min(line_no) AS lo, max(line_no) AS hi, "
        "count(DISTINCT order_date) AS dates, count(DISTINCT customer_id) AS customers "
        "FROM orders GROUP BY order_id"
    )
    assert (lines["lo"] == 1).all() and (lines["hi"] == lines["n"]).all()
    assert lines["n"].between(1, 4).all()
    assert (lines["dates"] == 1).all() and (lines["customers"] == 1).all()
    money = store.query("SELECT quantity, net_amount_cents AS net, cost_cents AS cost FROM orders")
    assert (money["quantity"] >= 1).all()
    assert (money["net"] > 0).all()
    ratio = money["cost"] / money["net"]
    assert ratio.between(0.54, 0.76).all()


def test_default_size_has_believable_monthly_revenue(tmp_path: Path) -> None:
    # The one build at the default size (about a second): believable numbers are the point.
    store = Store(tmp_path / "demo.duckdb")
    summary = generate_demo(store, end_date=END)
    assert summary.orders == 200_000
    assert 2_500 <= summary.customers <= 3_500
    assert 10_000 <= summary.deals <= 14_000
    monthly = store.query(
        "SELECT date_trunc('month', order_date) AS m, "
        "sum(net_amount_cents) FILTER (status = 'completed') / 100 AS revenue "
        "FROM orders WHERE order_date >= ? AND order_date < ? GROUP BY ALL ORDER BY m",
        [date(2022, 7, 1), date(2025, 6, 1)],
    ).set_index("m")["revenue"]
    assert monthly.between(1_000_000, 5_000_000).all(), "low millions per month"
    by_month = monthly.groupby(monthly.index.month).mean()
    assert by_month[12] > 1.2 * by_month.mean(), "December peak"
    assert by_month[2] < 0.85 * by_month.mean(), "February lull"
    first_year = monthly[:12].sum()
    last_year = monthly[-12:].sum()
    assert 1.15 <= last_year / first_year <= 1.5, "about 15% growth a year"


def test_customers_are_acquired_at_their_first_order(store: Store) -> None:
    late = store.scalar(
        "SELECT count(*) FROM customers c JOIN orders o USING (customer_id) "
        "WHERE o.order_date < c.acquired_date"
    )
    assert late == 0
    mismatched = store.scalar(
        "SELECT count(*) FROM customers c "
        "JOIN (SELECT customer_id, min(order_date) AS first FROM orders GROUP BY ALL) f "
        "USING (customer_id) WHERE c.acquired_date >= ? AND c.acquired_date <> f.first",
        [START],
    )
    assert mismatched == 0
    customers = store.query(
        "SELECT c.*, r.role, r.leave_date, t.channel AS owner_channel FROM customers c "
        "JOIN reps r ON r.rep_id = c.owner_rep_id JOIN teams t ON t.team_id = r.team_id"
    )
    assert len(customers) == store.scalar("SELECT count(*) FROM customers")
    assert (customers["channel"] == customers["owner_channel"]).all()
    assert customers["leave_date"].isna().all(), "accounts belong to people still here"
    assert set(customers["tier"]) == {"A", "B", "C"}
    assert set(customers["region"]) == {"North", "South", "East", "West", "Central"}
    assert customers[["industry", "city", "size_band", "acquired_date"]].notna().all().all()


def test_deals_open_and_closed(store: Store) -> None:
    deals = store.query("SELECT * FROM deals")
    assert deals["deal_id"].map(lambda s: bool(re.fullmatch(r"D-\d{6,}", s))).all()
    closed = deals["stage"].isin(["won", "lost"])
    assert closed.any() and (~closed).any()
    assert deals.loc[closed, "closed_date"].notna().all()
    assert deals.loc[~closed, "closed_date"].isna().all()
    cycle = (deals.loc[closed, "closed_date"] - deals.loc[closed, "created_date"]).dt.days
    assert cycle.between(5, 90).all()
    assert (deals.loc[~closed, "created_date"].dt.date >= END - timedelta(days=120)).all()
    assert (deals.loc[closed, "closed_date"].dt.date <= END).all()
    lost = deals["stage"] == "lost"
    assert deals.loc[lost, "lost_reason"].notna().all()
    assert deals.loc[~lost, "lost_reason"].isna().all()
    won_rate = (deals["stage"] == "won").sum() / closed.sum()
    assert 0.25 <= won_rate <= 0.45


def test_activities_and_feedback(store: Store) -> None:
    activities = store.query("SELECT * FROM activities")
    follow = activities["next_follow_up_date"].notna()
    assert 0.3 <= follow.mean() <= 0.5
    assert (
        activities.loc[follow, "next_follow_up_date"] > activities.loc[follow, "activity_date"]
    ).all()
    assert (activities["next_follow_up_date"].dt.date > END).any(), "some follow-ups are still due"
    assert (activities["activity_date"].dt.date <= END).all()
    feedback = store.query("SELECT * FROM feedback")
    complaints = feedback[feedback["kind"] == "complaint"]
    assert 0.05 <= len(complaints) / len(feedback) <= 0.2
    assert complaints["text"].notna().all()
    assert complaints["resolved_date"].isna().any() and complaints["resolved_date"].notna().any()
    assert feedback["csat"].isin([4, 5]).mean() > 0.6


def test_every_team_has_a_revenue_target_this_month(store: Store) -> None:
    month = END.replace(day=1)
    teams = store.query(
        "SELECT t.team_id, g.value FROM teams t LEFT JOIN targets g ON g.scope = 'team' "
        "AND g.scope_id = t.team_id AND g.metric = 'revenue' AND g.period_start = ? "
        "AND g.scenario IS NULL",
        [month],
    )
    assert teams["value"].notna().all()
    assert (teams["value"] > 0).all()


def test_targets_cover_every_month_plus_the_next(store: Store) -> None:
    months = store.query(
        "SELECT DISTINCT period_start, period_end FROM targets WHERE scope = 'company' "
        "AND metric = 'revenue' ORDER BY 1"
    )
    starts = list(months["period_start"].dt.date)
    assert starts[0] == START.replace(day=1)
    assert starts[-1] == date(2025, 7, 1)
    assert len(starts) == 38
    ends = list(months["period_end"].dt.date)
    assert all(
        e == (s + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        for s, e in zip(starts, ends, strict=True)
    )


def test_company_and_team_targets_add_up(store: Store) -> None:
    company_gap = store.query(
        "SELECT c.metric, c.period_start, c.value, sum(t.value) AS teams FROM targets c "
        "JOIN targets t ON t.metric = c.metric AND t.period_start = c.period_start "
        "AND t.scope = 'team' "
        "AND t.scope_id IN (SELECT team_id FROM teams WHERE parent_id IS NULL) "
        "WHERE c.scope = 'company' GROUP BY ALL HAVING c.value <> sum(t.value)"
    )
    assert company_gap.empty
    group_gap = store.query(
        "SELECT g.scope_id, g.metric, g.period_start FROM targets g "
        "JOIN teams t ON t.team_id = g.scope_id AND t.parent_id IS NOT NULL "
        "JOIN (SELECT r.team_id, p.metric, p.period_start, sum(p.value) AS v FROM targets p "
        "      JOIN reps r ON r.rep_id = p.scope_id WHERE p.scope = 'rep' GROUP BY ALL) s "
        "ON s.team_id = g.scope_id AND s.metric = g.metric AND s.period_start = g.period_start "
        "WHERE g.scope = 'team' AND g.value <> s.v"
    )
    assert group_gap.empty
    assert store.scalar("SELECT count(*) FROM targets WHERE scenario IS NOT NULL") == 0
    assert set(store.query("SELECT DISTINCT metric FROM targets")["metric"]) == {
        "revenue",
        "new_customers",
        "won_deals",
        "activities",
    }


def test_rep_targets_only_while_employed(store: Store) -> None:
    wrong = store.scalar(
        "SELECT count(*) FROM targets t JOIN reps r ON r.rep_id = t.scope_id "
        "WHERE t.scope = 'rep' AND (r.hire_date > t.period_end "
        "OR coalesce(r.leave_date, DATE '9999-12-31') < t.period_start "
        "OR r.role NOT IN ('sales_rep', 'account_manager', 'group_leader', 'deputy_leader'))"
    )
    assert wrong == 0


def test_revenue_attainment_is_spread_around_target(store: Store) -> None:
    attainment = store.query(
        "WITH actual AS (SELECT rep_id, date_trunc('month', order_date) AS m, "
        "  sum(net_amount_cents) FILTER (status = 'completed') AS v FROM orders GROUP BY ALL) "
        "SELECT a.v / t.value AS att FROM targets t JOIN actual a "
        "ON a.rep_id = t.scope_id AND a.m = t.period_start "
        "WHERE t.scope = 'rep' AND t.metric = 'revenue' AND t.period_start >= ? "
        "AND t.period_end < ?",
        [START.replace(year=START.year + 1), END.replace(day=1)],
    )["att"]
    assert 0.8 <= attainment.median() <= 1.1
    assert (attainment > 1).mean() > 0.2, "some reps are ahead"
    assert (attainment < 1).mean() > 0.2, "some reps are behind"


# --- replacing --------------------------------------------------------------------------------


def test_rebuild_replaces_the_data(built_file: tuple[Path, DemoSummary], tmp_path: Path) -> None:
    store, first = _copy_of_built(built_file, tmp_path / "demo.duckdb")
    version = store.data_version()
    second = generate_demo(store, orders=ORDERS, end_date=END)
    assert first == second
    for table in CANONICAL_TABLES:
        assert store.scalar(f"SELECT count(*) FROM {table}") == getattr(first, table), table
    # One write (the company with its reviews, issue 19): one new data version for the caches.
    assert store.data_version() == version + 1


def test_a_failed_build_keeps_the_previous_data(
    built_file: tuple[Path, DemoSummary], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, first = _copy_of_built(built_file, tmp_path / "demo.duckdb")
    before = _digest(store, "orders")

    def boom(*_args: object) -> None:
        raise RuntimeError("deals failed")

    monkeypatch.setattr(demo, "_build_deals", boom)
    with pytest.raises(RuntimeError, match="deals failed"):
        generate_demo(store, orders=2 * ORDERS, seed=3, end_date=END)
    assert store.scalar("SELECT count(*) FROM orders") == first.orders
    assert _digest(store, "orders") == before


def test_a_build_failing_in_its_reviews_keeps_the_previous_company(
    built_file: tuple[Path, DemoSummary], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before issue 19 the company committed first and the reviews in a second transaction:
    # this failure left the new company (seed 3, twice the orders) with no reviews at all.
    store, first = _copy_of_built(built_file, tmp_path / "demo.duckdb")
    before = {t: _digest(store, t) for t in ("orders", "reviews")}

    def boom(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("reviews failed")

    monkeypatch.setattr(demo, "write_demo_reviews", boom)
    with pytest.raises(RuntimeError, match="reviews failed"):
        generate_demo(store, orders=2 * ORDERS, seed=3, end_date=END)
    assert store.scalar("SELECT count(*) FROM orders") == first.orders
    assert {t: _digest(store, t) for t in ("orders", "reviews")} == before
    assert first.reviews > 0


def _killed_demo(path: Path, *, at_progress: str | None = None, after: float | None = None) -> str:
    """Run `cli.py demo` into `path` and kill -9 it when its progress line shows `at_progress`
    (a stage of the build), or `after` seconds; return how far it got ("killed" or "done")."""
    command = [sys.executable, str(ROOT / "cli.py"), "demo", "--orders", "3000",
               "--end-date", "2026-11-20", "--db", str(path)]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    if at_progress is not None:
        seen = b""
        while at_progress.encode() not in seen:
            chunk = os.read(process.stderr.fileno(), 4096)
            if not chunk:
                # Finished (or failed) before that stage: stderr closes a moment before the
                # process exits, so wait for the exit rather than kill a finished build.
                process.wait(timeout=600)
                break
            seen += chunk
    else:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=after)
    finished = process.poll() is not None
    process.kill()  # SIGKILL: no cleanup, no rollback, no close
    process.wait()
    process.stderr.close()
    return "done" if finished else "killed"


def _whole_or_none(path: Path) -> str:
    """'none' (an empty company) or 'whole' (3,000 order lines with people and reviews);
    anything in between fails. The file must reopen (its WAL replayed) either way."""
    store = Store(path)
    try:
        counts = {
            t: int(store.scalar(f"SELECT count(*) FROM {t}"))
            for t in ("teams", "reps", "orders", "deals", "reviews", "review_identities")
        }
    finally:
        store.close()
    if not any(counts.values()):
        return "none"
    assert counts["orders"] == 3000 and counts["teams"] > 0 and counts["reps"] > 0, counts
    assert counts["reviews"] > 0 and counts["review_identities"] > 0, counts
    return "whole"


@pytest.mark.parametrize(
    "stage",
    [
        "Built the organisation",  # before the transaction
        "Order lines",  # writing orders
        "97.0%",  # targets written, reviews not yet (written in the same transaction)
        "98.0%",  # the old code's gap: company committed, reviews not yet written
        "Demo company ready",  # committed
    ],
)
def test_a_demo_killed_at_any_stage_is_all_or_nothing(tmp_path: Path, stage: str) -> None:
    path = tmp_path / "killed.duckdb"
    _killed_demo(path, at_progress=stage)
    outcome = _whole_or_none(path)
    if stage == "Demo company ready":
        assert outcome == "whole"
    if stage in ("Built the organisation", "Order lines", "97.0%", "98.0%"):
        assert outcome == "none", "killed before the commit: nothing of the demo is kept"


def test_a_demo_killed_after_various_delays_is_all_or_nothing(tmp_path: Path) -> None:
    # Kills at whatever point each delay lands (the outcome may be either): never half a demo,
    # and the file always reopens. The last run builds it whole over the previous attempts.
    path = tmp_path / "killed.duckdb"
    seen = []
    for delay in (0.5, 1.5, 2.5, 3.5):  # the build takes about 3 s
        _killed_demo(path, after=delay)
        seen.append(_whole_or_none(path))
    assert set(seen) <= {"none", "whole"}
    assert _killed_demo(path, at_progress="never shown") == "done"
    assert _whole_or_none(path) == "whole"


def test_unknown_locale_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo.duckdb")
    with pytest.raises(ValueError, match=r"locale 'xx'; available: en .*zh_CN"):
        generate_demo(store, orders=10, end_date=END, locale="xx")
    assert store.is_empty()


def test_rebuilding_the_demo_clears_what_named_the_old_company(
    built_file: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    # A note and a commitment written on a demo name its customer and person ids; the rebuilt
    # demo reuses those ids for other people, so both must go with the old company (as an
    # import that replaces the company clears them: data.importing.runner.DEPENDENT_TABLES).
    from data.commitments import NewCommitment, add_commitment
    from data.customer_notes import add_note

    store, _ = _copy_of_built(built_file, tmp_path / "demo.duckdb")
    add_note(store, 1, "note", "Prefers calls after 3pm", submission_id="note-1")
    add_commitment(
        store,
        NewCommitment(standup_day=END, rep_id=1, what="Call Acme", due_date=END),
        submission_id="commitment-1",
    )
    assert store.scalar("SELECT count(*) FROM customer_notes") == 1
    assert store.scalar("SELECT count(*) FROM commitments") == 1
    generate_demo(store, orders=1_000, seed=7, end_date=END)
    assert store.scalar("SELECT count(*) FROM customer_notes") == 0
    assert store.scalar("SELECT count(*) FROM commitments") == 0
    store.close()
