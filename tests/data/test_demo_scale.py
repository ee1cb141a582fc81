"""A bigger demo company (--reps, --customers): exact sizes, whole org chart, sound numbers.

`reps` counts everyone in the reps table: managers, group leaders, deputies, sellers, support
staff, people who left and their replacements. A bigger company repeats the standard chart
(4 channel teams, 10 groups, 57 positions, 8 leavers) as numbered regions.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

import cli
import data.demo as demo
from data.demo import CANONICAL_TABLES, DemoSummary, generate_demo
from data.demo_scale import check_demo_size
from data.store import Store
from tests.cheap_hashes import cheap_password_hashes as cheap_password_hashes

END = date(2025, 6, 15)
ORDERS, REPS, CUSTOMERS = 5_000, 150, 2_000
SELLERS = ("sales_rep", "account_manager", "group_leader", "deputy_leader")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, DemoSummary]]:
    store = Store(tmp_path_factory.mktemp("scaled") / "demo.duckdb")
    summary = generate_demo(
        store, orders=ORDERS, reps=REPS, customers=CUSTOMERS, seed=7, end_date=END
    )
    yield store, summary
    store.close()


@pytest.fixture(scope="module")
def store(built: tuple[Store, DemoSummary]) -> Store:
    return built[0]


def test_exactly_the_requested_sizes(built: tuple[Store, DemoSummary]) -> None:
    store, summary = built
    assert (summary.orders, summary.reps, summary.customers) == (ORDERS, REPS, CUSTOMERS)
    for table in CANONICAL_TABLES:
        assert getattr(summary, table) == store.scalar(f"SELECT count(*) FROM {table}"), table
    # 150 people: round(150 / 65) = 2 copies of the chart (2 * 57 = 114 positions <= 150),
    # so 2 * (4 teams + 10 groups) = 28 teams and groups.
    assert summary.teams == 28
    # Deals and feedback scale with customers: 12,000 and 6,000 at 3,000 customers, so
    # 12,000 * 2,000 / 3,000 = 8,000 and 6,000 * 2,000 / 3,000 = 4,000. Activities take the
    # smaller of that scale (2/3) and the people scale (150 / 65): 60,000 * 2/3 = 40,000.
    assert (summary.deals, summary.feedback, summary.activities) == (8_000, 4_000, 40_000)


def test_the_chart_repeats_as_numbered_regions(store: Store) -> None:
    teams = store.query("SELECT * FROM teams ORDER BY team_id")
    assert teams["name"].is_unique
    top = teams[teams["parent_id"].isna()]
    assert list(top["name"]) == [
        "Retail Stores",
        "Wholesale Distribution",
        "Private Domain",
        "Showroom",
        "Retail Stores 2",
        "Wholesale Distribution 2",
        "Private Domain 2",
        "Showroom 2",
    ]
    groups = teams[teams["parent_id"].notna()]
    parents = groups.merge(top, left_on="parent_id", right_on="team_id", suffixes=("", "_p"))
    assert len(parents) == len(groups) == 20
    assert (parents["channel"] == parents["channel_p"]).all()
    # Span of control: every manager leads 2 or 3 groups, as in the standard chart.
    assert groups.groupby("parent_id").size().between(2, 3).all()


def test_every_person_sits_in_a_team_and_every_team_is_led(store: Store) -> None:
    orphans = store.scalar(
        "SELECT count(*) FROM reps r LEFT JOIN teams t USING (team_id) WHERE t.team_id IS NULL"
    )
    assert orphans == 0
    leaders = store.query(
        "SELECT t.parent_id, r.role, r.team_id = t.team_id AS own, r.leave_date "
        "FROM teams t JOIN reps r ON r.rep_id = t.leader_rep_id"
    )
    assert len(leaders) == 28 and leaders["own"].all() and leaders["leave_date"].isna().all()
    top = leaders["parent_id"].isna()
    assert (leaders.loc[top, "role"] == "sales_manager").all()
    assert (leaders.loc[~top, "role"] == "group_leader").all()
    sellers = store.query(
        "SELECT team_id, count(*) AS n FROM reps WHERE leave_date IS NULL "
        "AND role IN ('sales_rep', 'account_manager') GROUP BY ALL"
    )
    assert sellers["n"].between(1, 8).all(), "a group leader leads a handful of sellers"
    assert store.query("SELECT name FROM reps")["name"].is_unique


def test_every_customer_has_an_owner_of_their_channel(store: Store) -> None:
    owners = store.query(
        "SELECT c.channel, t.channel AS owner_channel, r.leave_date, r.role FROM customers c "
        "JOIN reps r ON r.rep_id = c.owner_rep_id JOIN teams t ON t.team_id = r.team_id"
    )
    assert len(owners) == CUSTOMERS
    assert (owners["channel"] == owners["owner_channel"]).all()
    assert owners["leave_date"].isna().all() and owners["role"].isin(SELLERS).all()
    # Customers are spread over the sellers, not piled on a few: most sellers own some.
    spread = store.scalar(
        "SELECT count(DISTINCT owner_rep_id) * 1.0 / (SELECT count(*) FROM reps "
        "WHERE leave_date IS NULL AND role IN ('sales_rep', 'account_manager', 'group_leader', "
        "'deputy_leader')) FROM customers"
    )
    assert spread > 0.9


def test_targets_per_seller_per_month_employed(store: Store) -> None:
    # One revenue target per seller per month of the window they worked in (38 months: June
    # 2022 to June 2025, plus July 2025), and none for anyone else.
    missing = store.scalar(
        "WITH months AS (SELECT DISTINCT period_start, period_end FROM targets "
        "  WHERE scope = 'company' AND metric = 'revenue') "
        "SELECT count(*) FROM reps r JOIN months m ON r.hire_date <= m.period_end "
        "AND coalesce(r.leave_date, DATE '9999-12-31') >= m.period_start "
        "LEFT JOIN targets t ON t.scope = 'rep' AND t.scope_id = r.rep_id "
        "AND t.metric = 'revenue' AND t.period_start = m.period_start "
        "WHERE r.role IN ('sales_rep', 'account_manager', 'group_leader', 'deputy_leader') "
        "AND t.value IS NULL"
    )
    assert missing == 0
    assert store.scalar("SELECT count(DISTINCT period_start) FROM targets") == 38
    wrong = store.scalar(
        "SELECT count(*) FROM targets t JOIN reps r ON r.rep_id = t.scope_id "
        "WHERE t.scope = 'rep' AND r.role NOT IN "
        "('sales_rep', 'account_manager', 'group_leader', 'deputy_leader')"
    )
    assert wrong == 0
    team_months = store.scalar(
        "SELECT count(*) FROM targets WHERE scope = 'team' AND metric = 'revenue' "
        "AND period_start = DATE '2025-06-01'"
    )
    assert team_months == 28, "every team and group has this month's revenue target"


def test_targets_add_up_the_team_tree(store: Store) -> None:
    # The same by-hand sums as the standard demo: company = its top-level teams, group = its reps.
    company_gap = store.query(
        "SELECT c.metric, c.period_start FROM targets c "
        "JOIN targets t ON t.metric = c.metric AND t.period_start = c.period_start "
        "AND t.scope = 'team' "
        "AND t.scope_id IN (SELECT team_id FROM teams WHERE parent_id IS NULL) "
        "WHERE c.scope = 'company' GROUP BY c.metric, c.period_start, c.value "
        "HAVING c.value <> sum(t.value)"
    )
    assert company_gap.empty
    group_gap = store.query(
        "SELECT g.scope_id FROM targets g "
        "JOIN teams t ON t.team_id = g.scope_id AND t.parent_id IS NOT NULL "
        "JOIN (SELECT r.team_id, p.metric, p.period_start, sum(p.value) AS v FROM targets p "
        "      JOIN reps r ON r.rep_id = p.scope_id WHERE p.scope = 'rep' GROUP BY ALL) s "
        "ON s.team_id = g.scope_id AND s.metric = g.metric AND s.period_start = g.period_start "
        "WHERE g.scope = 'team' AND g.value <> s.v"
    )
    assert group_gap.empty


def test_orders_deals_and_people_agree(store: Store) -> None:
    outside = store.scalar(
        "SELECT count(*) FROM orders o JOIN reps r USING (rep_id) WHERE o.order_date < r.hire_date "
        "OR o.order_date > coalesce(r.leave_date, DATE '9999-12-31')"
    )
    assert outside == 0
    wrong = store.scalar(
        "SELECT count(*) FROM orders o JOIN reps r USING (rep_id) "
        "JOIN customers c USING (customer_id) JOIN teams t ON t.team_id = o.team_id "
        "WHERE o.team_id <> r.team_id OR c.channel <> t.channel "
        "OR r.role NOT IN ('sales_rep', 'account_manager', 'group_leader', 'deputy_leader')"
    )
    assert wrong == 0
    late = store.scalar(
        "SELECT count(*) FROM customers c JOIN orders o USING (customer_id) "
        "WHERE o.order_date < c.acquired_date"
    )
    assert late == 0
    # Returned lines have a return date; a rep's period teams exist for every rep target.
    assert store.scalar("SELECT count(*) FROM orders WHERE status = 'returned'") == store.scalar(
        "SELECT count(*) FROM order_returns"
    )
    assert store.scalar("SELECT count(*) FROM rep_period_teams") > 0
    assert store.scalar("SELECT count(DISTINCT rep_id) FROM reviews") > 100


@pytest.mark.parametrize("people", [65, 66, 97, 98, 129, 130, 150, 400, 2_000])
def test_the_head_count_is_exact_and_spans_stay_small(people: int) -> None:
    cal = demo._make_calendar(END)
    org = demo._build_org(np.random.default_rng(7), demo._VOCABULARIES["en"], cal, people)
    assert len(org.rep_team) == people
    assert len(set(org.rep_names)) == people
    # Sellers still here per group, leader included: the standard chart has 3 to 5 (fewer
    # after unfilled leavers, never fewer than the leader, who never leaves); a few added at most.
    here = org.is_seller & (org.leave_day == demo._NEVER)
    per_group = np.bincount(org.rep_team[here])
    groups = org.teams.loc[org.teams["parent_id"] >= 0, "team_id"].to_numpy()
    assert per_group[groups].min() >= 1 and per_group[groups].max() <= 10


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--reps", "64"], "--reps must be between 65 (the standard demo organisation) and"),
        (["--reps", "20001"], "--reps must be between 65"),
        (["--reps", "200", "--customers", "199"], "--customers must be at least the number"),
        (["--customers", "64"], "--customers must be at least the number of people (65)"),
        (["--customers", "2000001"], "--customers must be at most 2,000,000"),
        (["--orders", "-1"], "--orders must be between 0 and"),
    ],
)
def test_bad_sizes_are_refused_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], sentence: str
) -> None:
    path = tmp_path / "demo.duckdb"
    assert cli.main(["demo", "--db", str(path), *args]) == 2
    assert sentence in capsys.readouterr().err
    assert not path.exists(), "nothing is built or even opened"


def test_generate_demo_refuses_a_bad_size_too(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--customers must be at least"):
        check_demo_size(1_000, 300, 299)
    store = Store(tmp_path / "demo.duckdb")
    with pytest.raises(ValueError, match="--reps must be between"):
        generate_demo(store, orders=10, reps=10, end_date=END)
    assert store.is_empty()
