"""An import records the people it makes up from a mapping's default (placeholder_reps,
migration 0013): Superstore names no salesperson, so its preset credits every line to
"Unassigned", a placeholder. A file that names its people (Maven's sales_agent) makes none.
Real files, imported through their presets."""

from __future__ import annotations

import csv
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from data.importing.presets import get_preset
from data.importing.runner import ImportRequest, run_import
from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from tests.conftest import DATASETS

MAVEN = DATASETS / "maven-crm"
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"
TODAY = date(2026, 11, 20)


def _superstore(store: Store, *, replace: bool = False) -> None:
    mapping = get_preset("superstore").for_table("orders")
    request = ImportRequest(SUPERSTORE, mapping, replace_existing=replace)
    run_import(store, request, today=TODAY)


def _maven(store: Store, *, replace: bool = False) -> None:
    """Maven's four files; `replace` empties the company before the first one."""
    for number, item in enumerate(get_preset("maven-crm").files):
        first = replace and number == 0
        request = ImportRequest(MAVEN / item.file, item.mapping, replace_existing=first)
        run_import(store, request, today=TODAY)


def _placeholders(store: Store) -> list[tuple[int, str]]:
    return store.rows(
        "SELECT p.rep_id, r.name FROM placeholder_reps p JOIN reps r USING (rep_id) ORDER BY 1"
    )


def test_superstore_s_default_rep_is_a_placeholder_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "superstore.duckdb")
    _superstore(store)
    # The file has no rep column: the preset's one default person is the only rep and the
    # only placeholder; all 9,994 lines are credited to it.
    reps = store.rows("SELECT rep_id, name FROM reps")
    assert len(reps) == 1 and reps[0][1] == "Unassigned"
    assert _placeholders(store) == reps
    assert store.scalar("SELECT count(*) FROM orders WHERE rep_id = $r", {"r": reps[0][0]}) == 9994
    # The company's revenue is still every line's Sales in whole cents (half away from zero),
    # summed from the file with csv and Decimal: the placeholder's sales count in the total.
    with SUPERSTORE.open(encoding="cp1252", newline="") as handle:
        file_cents = sum(
            int(Decimal(row["Sales"]).quantize(Decimal("0.01"), ROUND_HALF_UP) * 100)
            for row in csv.DictReader(handle)
        )
    every_day = Filters(start=date(2010, 1, 1), end=date(2020, 12, 31))
    frame = service.run(store, MetricRequest(kpis=("revenue",), filters=every_day))
    assert round(Decimal(str(frame["revenue"].iloc[0])) * 100) == file_cents
    # Importing the file again finds the same person: still one placeholder row.
    _superstore(store)
    assert _placeholders(store) == reps


def test_maven_names_its_people_and_makes_no_placeholder(tmp_path: Path) -> None:
    store = Store(tmp_path / "maven.duckdb")
    _maven(store)
    assert store.scalar("SELECT count(*) FROM reps") > 0
    assert _placeholders(store) == []


def test_replacing_the_company_clears_its_placeholders(tmp_path: Path) -> None:
    store = Store(tmp_path / "both.duckdb")
    _superstore(store)
    assert len(_placeholders(store)) == 1
    _maven(store, replace=True)  # Maven's people replace Superstore's, "Unassigned" included
    assert _placeholders(store) == []
    assert store.scalar("SELECT count(*) FROM reps WHERE name = 'Unassigned'") == 0
