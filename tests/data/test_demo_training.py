"""The demo's training history and role duties: realistic, deterministic, the same in every
language but for the words, and gone when an import replaces the company."""

from __future__ import annotations

import shutil
from pathlib import Path

from data.demo_training import write_demo_training
from data.importing.runner import clear_company
from data.store import Store
from metrics import training
from metrics.filters import Filters
from tests.conftest import DEMO_END

_ROWS = (
    "SELECT item_id, rep_id, kind, due_date, status, completed_on, expires_on"
    " FROM training_items ORDER BY item_id"
)


def test_the_demo_has_a_realistic_training_history(demo_db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    try:
        per_person = store.rows("SELECT rep_id, count(*) FROM training_items GROUP BY 1")
        on_staff = store.scalar(
            "SELECT count(*) FROM reps WHERE leave_date IS NULL OR leave_date > $d",
            {"d": DEMO_END},
        )
        assert all(1 <= n <= 3 for _, n in per_person)
        assert len(per_person) >= 0.7 * on_staff  # most people have a plan
        frame = training.items(store, Filters(start=DEMO_END, end=DEMO_END), DEMO_END)
        past = frame[frame["due_date"] <= DEMO_END]
        assert (past["status"] == "done").mean() > 0.6  # most items due by now are done
        assert len(training.overdue(frame)) >= 3  # some are overdue
        expiring = training.certificates_due(frame)
        # Four certifications lapse 5, 12, 19 and 26 days after the demo's last day.
        assert sorted(expiring["days_left"]) == [5, 12, 19, 26]
        duties = training.duties(store)
        roles = {r[0] for r in store.rows("SELECT DISTINCT role FROM reps")}
        assert set(duties["role"]) == roles  # every role the demo has, and no other
        assert all(duties["duties_en"].str.len() > 0) and all(duties["duties_zh"].str.len() > 0)
        assert all(len(k) >= 2 for k in duties["kpis"])

        # Deterministic, and the locale changes the words only.
        before = store.rows(_ROWS)
        with store.transaction() as cur:
            write_demo_training(cur, DEMO_END, 7, locale="zh_CN")
        assert store.rows(_ROWS) == before
        # Chinese titles keep CRM and KPI in capitals, as Chinese CRMs write them: no English word.
        english = "SELECT count(*) FROM training_items WHERE regexp_matches(title, '[a-z]{2}')"
        assert store.scalar(english) == 0
    finally:
        store.close()


def test_an_import_that_replaces_the_company_starts_with_no_training_or_duties(
    demo_db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    try:
        with store.transaction() as cur:
            clear_company(cur)
        for table in ("training_items", "training_changes", "role_duties"):
            assert store.scalar(f"SELECT count(*) FROM {table}") == 0, table
    finally:
        store.close()
