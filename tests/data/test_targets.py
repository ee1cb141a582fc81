"""Saving what-if scenarios and publishing one: one transaction each, nothing ever lost."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from data.errors import ValidationFailed
from data.models import Target
from data.store import Store
from data.targets import delete_scenario, publish_scenario, read_target_file, save_scenario
from metrics.target_history import base_units_per_value

APRIL = (date(2025, 4, 1), date(2025, 4, 30))


def _row(scope_id: int | None, value: int, scope: str = "rep") -> Target:
    return Target(
        period_start=APRIL[0], period_end=APRIL[1], scope=scope, scope_id=scope_id,
        metric="revenue", value=value,
    )  # fmt: skip


def _targets(store: Store) -> list[tuple]:
    return store.rows(
        "SELECT scope, scope_id, value, coalesce(scenario, '(official)') FROM targets"
        " ORDER BY 4, 1, 2"
    )


@pytest.fixture
def store(isolated_database) -> Store:
    store = Store(isolated_database)
    with store.transaction() as cur:
        # Official April targets for people 1 and 2, and a March one for person 1.
        cur.execute(
            "INSERT INTO targets VALUES ('2025-04-01', '2025-04-30', 'rep', 1, 'revenue', 100,"
            " NULL), ('2025-04-01', '2025-04-30', 'rep', 2, 'revenue', 200, NULL),"
            " ('2025-03-01', '2025-03-31', 'rep', 1, 'revenue', 90, NULL)"
        )
    return store


def test_saving_a_scenario_twice_replaces_it(store: Store) -> None:
    save_scenario(store, " Stretch ", "revenue", *APRIL, [_row(1, 150), _row(2, 250)])
    save_scenario(store, "Stretch", "revenue", *APRIL, [_row(1, 160)])
    assert [r for r in _targets(store) if r[3] == "Stretch"] == [("rep", 1, 160, "Stretch")]


@pytest.mark.parametrize(
    ("name", "rows", "message"),
    [
        ("", [_row(1, 1)], "Scenario name ''"),
        ("x" * 61, [_row(1, 1)], "at most 60 characters"),
        ("Plan", [], "no targets to save"),
        ("Plan", [_row(1, 1), _row(1, 2)], "appears twice"),
    ],
)
def test_bad_scenarios_are_refused_with_a_reason(
    store: Store, name: str, rows: list[Target], message: str
) -> None:
    before = _targets(store)
    with pytest.raises(ValidationFailed, match=message):
        save_scenario(store, name, "revenue", *APRIL, rows)
    assert _targets(store) == before


def test_a_row_for_another_period_is_named(store: Store) -> None:
    other = _row(1, 5).model_copy(update={"period_end": date(2025, 5, 31)})
    with pytest.raises(ValidationFailed, match=r"Row 1 \(rep 1\)"):
        save_scenario(store, "Plan", "revenue", *APRIL, [other])


def test_publishing_keeps_the_replaced_targets_as_a_scenario(store: Store) -> None:
    save_scenario(
        store, "Plan", "revenue", *APRIL, [_row(1, 150), _row(3, 50), _row(None, 200, "company")]
    )
    result = publish_scenario(store, "Plan", "revenue", *APRIL, replaced_scenario="Old April")
    assert (result.published, result.replaced) == (3, 1)
    official = [r[:3] for r in _targets(store) if r[3] == "(official)"]
    # Person 1's April target is replaced, person 2's is untouched, person 3's is new,
    # March is outside the period.
    assert sorted(official) == sorted(
        [("company", None, 200), ("rep", 1, 150), ("rep", 1, 90), ("rep", 2, 200), ("rep", 3, 50)]
    )
    assert [r[:3] for r in _targets(store) if r[3] == "Old April"] == [("rep", 1, 100)]


def test_publishing_refuses_to_cut_a_longer_target_in_two(store: Store) -> None:
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO targets VALUES ('2025-04-01', '2025-06-30', 'rep', 3, 'revenue', 900,"
            " NULL)"
        )
    save_scenario(store, "Plan", "revenue", *APRIL, [_row(3, 50)])
    before = _targets(store)
    with pytest.raises(ValidationFailed, match="runs 2025-04-01–2025-06-30"):
        publish_scenario(store, "Plan", "revenue", *APRIL, replaced_scenario="Old")
    assert _targets(store) == before


def test_publishing_needs_a_free_name_for_what_it_replaces(store: Store) -> None:
    save_scenario(store, "Plan", "revenue", *APRIL, [_row(1, 150)])
    before = _targets(store)
    with pytest.raises(ValidationFailed, match="already exists"):
        publish_scenario(store, "Plan", "revenue", *APRIL, replaced_scenario="Plan")
    with pytest.raises(ValidationFailed, match="no scenario 'Nope'"):
        publish_scenario(store, "Nope", "revenue", *APRIL, replaced_scenario="Old")
    assert _targets(store) == before


def test_deleting_a_scenario_leaves_official_targets(store: Store) -> None:
    save_scenario(store, "Plan", "revenue", *APRIL, [_row(1, 150)])
    assert delete_scenario(store, "Plan", "revenue", *APRIL) == 1
    assert all(r[3] == "(official)" for r in _targets(store))


UNITS = {"revenue": 100, "won_deals": 1}
HEADER = "period_start,period_end,metric,scope,scope_id,name,target\n"


def test_a_target_file_reads_money_in_currency_units() -> None:
    content = (
        HEADER + '2025-04-01,2025-04-30,revenue,rep,7,Ada,"12,400.505"\n'
        "2025-04-01,2025-04-30,revenue,company,,,99\n"
        "2025-04-01,2025-04-30,won_deals,team,3,North,12\n"
    ).encode("utf-8-sig")
    rows = read_target_file(content, "targets.csv", UNITS)
    assert [(r.scope, r.scope_id, r.metric, r.value) for r in rows] == [
        ("rep", 7, "revenue", 1240051),  # half-up to the cent
        ("company", None, "revenue", 9900),
        ("team", 3, "won_deals", 12),
    ]


def test_a_turnover_target_file_reads_the_rate_and_stores_hundredths() -> None:
    # Stock turnover is a level target, typed as the rate itself and stored in hundredths
    # (the factor the Targets page passes: metrics.catalogue.target_units_per_value = 100):
    # 6 -> 600, 6.5 -> 650, 7.255 -> 725.5 -> 726 (half up to the hundredth).
    units = {"inventory_turnover": base_units_per_value("inventory_turnover")}
    assert units == {"inventory_turnover": 100}
    content = (
        HEADER + "2025-04-01,2025-04-30,inventory_turnover,team,1,North,6\n"
        "2025-04-01,2025-04-30,inventory_turnover,team,2,South,6.5\n"
        "2025-04-01,2025-04-30,inventory_turnover,team,11,North Hub,7.255\n"
    ).encode()
    rows = read_target_file(content, "targets.csv", units)
    assert [(r.scope_id, r.value) for r in rows] == [(1, 600), (2, 650), (11, 726)]
    # Shown back in the natural unit: 600 / 100 = 6.0, 650 / 100 = 6.5.
    assert [r.value / units["inventory_turnover"] for r in rows[:2]] == [6.0, 6.5]


def test_a_store_teams_turnover_scenario_is_saved_and_published(store: Store) -> None:
    # A level target has team rows only (no person): saved, then published as official.
    rows = [
        Target(period_start=APRIL[0], period_end=APRIL[1], scope="team", scope_id=1,
               metric="inventory_turnover", value=650)
    ]  # fmt: skip
    assert save_scenario(store, "Turnover", "inventory_turnover", *APRIL, rows) == 1
    result = publish_scenario(
        store, "Turnover", "inventory_turnover", *APRIL, replaced_scenario="Old"
    )
    assert (result.published, result.replaced) == (1, 0)
    assert store.rows(
        "SELECT scope, scope_id, value FROM targets WHERE scenario IS NULL"
        " AND metric = 'inventory_turnover'"
    ) == [("team", 1, 650)]


def test_a_target_file_round_trips_through_xlsx(tmp_path) -> None:
    frame = pd.DataFrame(
        {
            "period_start": ["2025-04-01"], "period_end": ["2025-04-30"], "metric": ["revenue"],
            "scope": ["rep"], "scope_id": [7], "name": ["Ada"], "target": [1500.25],
        }
    )  # fmt: skip
    path = tmp_path / "t.xlsx"
    frame.to_excel(path, index=False)
    rows = read_target_file(path.read_bytes(), "t.xlsx", UNITS)
    assert [(r.scope_id, r.value, r.period_end) for r in rows] == [(7, 150025, APRIL[1])]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("period_start,metric\n", "has no column period_end, scope, scope_id, target"),
        (HEADER, "a header but no rows"),
        (HEADER + "2025-04-01,2025-04-30,margin,rep,7,,5\n", "Line 2, metric: 'margin'"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,7,,lots\n", "Line 2, target: 'lots'"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,,,5\n", "Line 2, row: Value error"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,7,,-5\n", "Line 2, value: Input should be"),
        (HEADER + "2025-04-31,2025-04-30,revenue,rep,7,,5\n", "Line 2, period_start"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,x,,5\n", "Line 2, scope_id: 'x'"),
    ],
)
def test_a_bad_target_file_names_line_column_and_value(content: str, message: str) -> None:
    with pytest.raises(ValidationFailed, match=re.escape(message)):
        read_target_file(content.encode(), "targets.csv", UNITS)


def test_garbage_is_not_a_table() -> None:
    with pytest.raises(ValidationFailed, match="could not be read"):
        read_target_file(b"PK\x03\x04garbage", "targets.xlsx", UNITS)


# --- The team each person's targets are filed under (rep_period_teams) ------------------------


def test_every_writer_files_a_persons_target_under_the_team_of_its_period(tmp_path) -> None:
    """Mo (7) sold for Alpha (1) in June and for Beta (2) in July and sits in Beta today; Al
    (8) sits in Alpha. Saving and publishing through data.targets records June with Alpha
    (the team on Mo's June order), July with Beta (his July order) and, for August, which
    has no order yet, Beta (his team now)."""
    from tests.metrics.target_fixture import JULY, JUNE, build_moved_rep

    store = Store(tmp_path / "moved.duckdb")
    build_moved_rep(store)  # saves and publishes June and July
    august = (date(2025, 8, 1), date(2025, 8, 31))
    rows = [
        Target(period_start=august[0], period_end=august[1], scope="rep", scope_id=rep,
               metric="revenue", value=100)
        for rep in (7, 8)
    ]  # fmt: skip
    save_scenario(store, "August", "revenue", *august, rows)
    assert store.rows(
        "SELECT rep_id, period_start, team_id FROM rep_period_teams ORDER BY 2, 1"
    ) == [(7, JUNE[0], 1), (7, JULY[0], 2), (7, august[0], 2), (8, august[0], 1)]
    store.close()


def test_migration_6_files_existing_targets_under_the_team_of_their_orders(tmp_path) -> None:
    """A database from before migration 6: its rep targets get the team of the person's
    order lines in the period (most lines; equal counts: the team of the latest line), else
    the person's current team."""
    import duckdb

    from data.migrate import available_migrations, migrate

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, [m for m in available_migrations() if m.version <= 5])
    con.execute("INSERT INTO teams VALUES (1, 'Alpha', NULL, 'retail', NULL)")
    con.execute("INSERT INTO teams VALUES (2, 'Beta', NULL, 'retail', NULL)")
    con.execute("INSERT INTO reps VALUES (7, 'Mo', 2, 'sales_rep', '2020-01-01', NULL)")
    con.execute("INSERT INTO reps VALUES (8, 'Al', 1, 'sales_rep', '2020-01-01', NULL)")
    con.execute(
        "INSERT INTO customers VALUES (1, 'Acme', 1, 'A', 'Hotels', 'East', 'Hangzhou',"
        " 'large', 'retail', '2020-01-01')"
    )
    con.execute("INSERT INTO products VALUES (1, 'Tea set', 'Tableware', 12000)")
    # Mo: June, two lines for Alpha and one for Beta -> Alpha. September: one line each,
    # Beta's on the 20th is the later -> Beta. Al: no orders -> Alpha, his team now.
    for order_id, day, team in [
        ("J-1", "2025-06-03", 1), ("J-2", "2025-06-20", 1), ("J-3", "2025-06-25", 2),
        ("S-1", "2025-09-05", 1), ("S-2", "2025-09-20", 2),
    ]:  # fmt: skip
        con.execute(
            "INSERT INTO orders VALUES (?, 1, ?, 1, 7, ?, 1, 1, 100, 0, 'completed')",
            [order_id, day, team],
        )
    for start, end, rep in [
        ("2025-06-01", "2025-06-30", 7), ("2025-09-01", "2025-09-30", 7),
        ("2025-06-01", "2025-06-30", 8),
    ]:  # fmt: skip
        con.execute(
            "INSERT INTO targets VALUES (?, ?, 'rep', ?, 'revenue', 500, NULL)", [start, end, rep]
        )
    con.close()

    store = Store(path)  # opening runs migration 6
    assert store.rows(
        "SELECT rep_id, period_start, team_id FROM rep_period_teams ORDER BY 1, 2"
    ) == [(7, date(2025, 6, 1), 1), (7, date(2025, 9, 1), 2), (8, date(2025, 6, 1), 1)]
    store.close()


def test_the_demo_files_every_persons_target_under_a_team(demo_db_path) -> None:
    store = Store(demo_db_path)
    missing = store.scalar(
        "SELECT count(*) FROM targets t WHERE t.scope = 'rep' AND NOT EXISTS (SELECT 1 FROM"
        " rep_period_teams p WHERE p.rep_id = t.scope_id AND p.period_start = t.period_start"
        " AND p.period_end = t.period_end)"
    )
    rep_targets = store.scalar("SELECT count(*) FROM targets WHERE scope = 'rep'")
    store.close()
    assert rep_targets > 0 and missing == 0
