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
