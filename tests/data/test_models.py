"""The pydantic models and the SQL schema describe the same tables and the same rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from data.models import TABLE_MODELS, Deal, Rep, Target
from data.store import Store


@pytest.mark.parametrize("table", sorted(TABLE_MODELS))
def test_model_fields_match_the_table_columns(table: str, tmp_path: Path) -> None:
    store = Store(tmp_path / "m.duckdb")
    columns = [
        r[0]
        for r in store.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            " ORDER BY ordinal_position",
            [table],
        )
    ]
    assert list(TABLE_MODELS[table].model_fields) == columns


def test_models_reject_what_the_schema_rejects() -> None:
    with pytest.raises(ValidationError, match="leave_date is before hire_date"):
        Rep(rep_id=1, name="A", team_id=1, role="sales_rep", hire_date=date(2024, 5, 1),
            leave_date=date(2024, 4, 1))  # fmt: skip
    with pytest.raises(ValidationError, match="closed_date is required"):
        Deal(deal_id="D1", rep_id=1, team_id=1, stage="won", created_date=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="scope_id is required"):
        Target(period_start=date(2024, 1, 1), period_end=date(2024, 1, 31), scope="rep",
               metric="revenue", value=100)  # fmt: skip
    with pytest.raises(ValidationError, match="role"):
        Rep(rep_id=1, name="A", team_id=1, role="boss", hire_date=date(2024, 5, 1))
