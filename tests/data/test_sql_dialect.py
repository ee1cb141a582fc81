"""data.sql_dialect: Huddle's DuckDB SQL rewritten for PostgreSQL, checked on both engines.

Each statement below is written once, in DuckDB's dialect, and run on a real DuckDB file and a
real PostgreSQL database (the test server): the answers must be the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from data.pg_store import PostgresStore
from data.sql_dialect import to_postgres
from data.store import Store


@pytest.fixture(params=["duckdb", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store | PostgresStore]:
    opened: Store | PostgresStore
    if request.param == "postgres":
        opened = PostgresStore(request.getfixturevalue("postgres_url"))
    else:
        opened = Store(tmp_path / "dialect.duckdb")
    yield opened
    opened.close()


def test_contains_finds_a_part_of_a_text(store: Store | PostgresStore) -> None:
    # contains('hangzhou', 'zho') is true, ('hangzhou', 'x') false, and a NULL gives NULL.
    # PostgreSQL had no contains(text, text): the customer search failed there.
    got = store.rows(
        "SELECT contains('hangzhou', $part), contains('hangzhou', 'x'),"
        " contains(CAST(NULL AS VARCHAR), 'x')",
        {"part": "zho"},
    )
    assert got == [(True, False, None)]


def test_rowid_picks_the_rows_a_subquery_found(store: Store | PostgresStore) -> None:
    # targets has no key: data/targets.py renames the overlapping rows by rowid. Of the two
    # rows, only the one with value 2 is picked, so 1 row is renamed, the other kept.
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO targets VALUES ('2024-11-01', '2024-11-30', 'company', NULL,"
            " 'revenue', 1, NULL), ('2024-12-01', '2024-12-31', 'company', NULL,"
            " 'revenue', 2, NULL)"
        )
        renamed = cur.execute(
            "UPDATE targets SET scenario = 'old' WHERE rowid IN"
            " (SELECT o.rowid FROM targets o WHERE o.value = 2) RETURNING 1"
        ).fetchall()
    assert len(renamed) == 1
    assert store.rows("SELECT value, scenario FROM targets ORDER BY value") == [
        (1, None),
        (2, "old"),
    ]


def test_a_rewrite_inside_a_rewritten_call_is_rewritten_too() -> None:
    # The rewrites run in one pass, and what replaces a node is not visited again by the pass:
    # the round() inside arg_max() must still become huddle_round, the HUGEINT cast inside
    # round() NUMERIC.
    text, _ = to_postgres("SELECT arg_max(round(x, 2), d), round(CAST(y AS HUGEINT)) FROM t", False)
    upper = text.upper()
    assert upper.count("HUDDLE_ROUND(") == 2 and upper.count("ROUND(") == 2
    assert "CAST(Y AS DECIMAL)" in upper and "HUGEINT" not in upper


def test_postgres_connections_do_not_jit_compile(postgres_url: str) -> None:
    # JIT compiling the large KPI statement took 11 s on the tiny company, for a query that
    # runs in 30 ms (tests/metrics/test_compiler_joins.py took minutes): Huddle turns it off.
    store = PostgresStore(postgres_url)
    try:
        assert store.scalar("SELECT current_setting('jit')") == "off"
        # and sort in memory up to 64MB (the Segments page: 337 s at 4MB, 5.1 s at 64MB)
        assert store.scalar("SELECT current_setting('work_mem')") == "64MB"
    finally:
        store.close()


def _closure(store: Store | PostgresStore) -> list[tuple[int, int, int]]:
    return store.rows("SELECT ancestor_id, team_id, depth FROM team_closure ORDER BY 1, 2")


def test_team_closure_follows_every_change_to_the_teams(store: Store | PostgresStore) -> None:
    # PostgreSQL reads team_closure from a materialised view a trigger on teams refreshes
    # (data/pg_team_closure.sql); it must give what DuckDB's recursive view gives, after each
    # write. North (1) > Hub (11) > Desk (111): each team is its own ancestor at depth 0,
    # 11 and 111 are under 1, 111 under 11 (depth 1) and under 1 (depth 2).
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO teams VALUES (1, 'North', NULL, 'retail', NULL),"
            " (11, 'Hub', 1, 'retail', NULL), (111, 'Desk', 11, 'retail', NULL)"
        )
    assert _closure(store) == [
        (1, 1, 0), (1, 11, 1), (1, 111, 2), (11, 11, 0), (11, 111, 1), (111, 111, 0),
    ]  # fmt: skip
    # Desk moves straight under North: no longer under Hub.
    with store.transaction() as cur:
        cur.execute("UPDATE teams SET parent_id = 1 WHERE team_id = 111")
    assert _closure(store) == [(1, 1, 0), (1, 11, 1), (1, 111, 1), (11, 11, 0), (111, 111, 0)]
    with store.transaction() as cur:
        cur.execute("DELETE FROM teams WHERE team_id = 111")
    assert _closure(store) == [(1, 1, 0), (1, 11, 1), (11, 11, 0)]


def test_a_null_parameter_means_no_filter(store: Store | PostgresStore) -> None:
    # Two people; `$rep IS NULL OR rep_id = $rep`: None gives both (2), 7 gives one (1).
    # PostgreSQL could not tell the type of a NULL parameter first seen in `$rep IS NULL`.
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Team', NULL, 'retail', NULL)")
        cur.execute(
            "INSERT INTO reps VALUES (7, 'Ann', 1, 'sales_rep', '2020-01-01', NULL),"
            " (8, 'Bo', 1, 'sales_rep', '2021-01-01', NULL)"
        )
    sql = "SELECT count(*) FROM reps WHERE ($rep IS NULL OR rep_id = $rep)"
    assert store.scalar(sql, {"rep": None}) == 2
    assert store.scalar(sql, {"rep": 7}) == 1


def test_the_catalogue_lists_the_schemas_tables(store: Store | PostgresStore) -> None:
    # data/importing/runner.py clears only the tables that exist, found with duckdb_tables().
    tables = {row[0] for row in store.rows("SELECT table_name FROM duckdb_tables()")}
    assert {"orders", "teams", "commitments"} <= tables
    assert "team_closure" not in tables  # a view, not a table


@pytest.mark.parametrize(("asked", "used"), [("16MB", "16MB"), ("lots", "64MB"), ("1;x", "64MB")])
def test_work_mem_follows_the_environment_when_it_is_a_size(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, asked: str, used: str
) -> None:
    monkeypatch.setenv("HUDDLE_PG_WORK_MEM", asked)  # anything else is not put into SQL
    store = PostgresStore(postgres_url)
    try:
        assert store.scalar("SELECT current_setting('work_mem')") == used
    finally:
        store.close()
