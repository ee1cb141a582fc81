"""A dimension grouped by a number is written as text after: a numeric one (rep_id) as its
number's text, a named one (team, group, rep) as the name (or label) of its id. Both give
the same answers, row for row and to the last bit, as grouping by the text, for every KPI
that breaks down by it, by grain and with a second dimension, on both engines and on the demo.

The text is what an answer shows ("(not set)" for rows without one) and what it is sorted by,
so the two could only differ for a dimension marked numeric whose column is not a number, or a
named one whose names repeat (two values with one text, or a value written "(not set)").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from data.store import Store
from metrics import compiler
from metrics.catalogue import CATALOGUE
from metrics.compiler import MetricRequest, can_break_down, compile_request
from metrics.dimensions import DIMENSIONS
from metrics.filters import Filters
from tests.conftest import DEMO_END
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import AnyStore, StoreMaker

BY_NUMBER = sorted(d for d, dim in DIMENSIONS.items() if dim.numeric or dim.id_column)
NOV = Filters(start=date(2024, 11, 1), end=date(2024, 11, 30))
DEMO_MONTH = Filters(start=date(2026, 9, 1), end=DEMO_END)
# (grain, second dimension): a total per person, a trend, and a two-way table.
SHAPES = ((None, None), ("week", None), ("month", "team"))


def _as_text_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    """Group every dimension by its text, as the compiler did before numbers."""
    patched = {
        k: d.model_copy(update={"numeric": False, "id_column": None, "names": None})
        for k, d in DIMENSIONS.items()
    }
    monkeypatch.setattr(compiler, "DIMENSIONS", patched)


Answers = dict[tuple[str, str, str | None], pd.DataFrame]


def _answers(store: AnyStore, filters: Filters) -> Answers:
    """Every KPI by each dimension grouped by a number, in each shape: (kpi, dimension/grain,
    second). The KPIs of a shape are asked for in one request (as a page asks for several),
    and each KPI's column is its answer."""
    answers: Answers = {}
    for dimension in BY_NUMBER:
        kpis = tuple(k for k in sorted(CATALOGUE) if can_break_down(k, dimension))
        for grain, second in SHAPES:
            request = MetricRequest(
                kpis=kpis, filters=filters, grain=grain, dimension=dimension, dimension2=second
            )
            compiled = compile_request(request)
            frame = store.query(compiled.sql, compiled.params)
            keys = [c for c in frame.columns if c not in kpis]
            for kpi_id in kpis:
                answers[(kpi_id, f"{dimension}/{grain}", second)] = frame[[*keys, kpi_id]]
    return answers


def _differing(before: Answers, after: Answers) -> list[str]:
    """The requests whose frames (values and types) differ."""
    assert before.keys() == after.keys()
    return [
        str(key)
        for key, frame in before.items()
        if not (frame.equals(after[key]) and list(frame.dtypes) == list(after[key].dtypes))
    ]


def test_rep_id_team_group_and_rep_are_grouped_by_number() -> None:
    # What the rest of this file checks: without them, it would check nothing.
    assert BY_NUMBER == ["group", "rep", "rep_id", "team"]


def test_numbers_and_text_group_alike_on_the_tiny_company(
    new_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a complaint nobody took (feedback may have no person): its row reads "(not set)"
    both ways."""
    store = new_store("numeric")
    build_tiny_company(store)
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO feedback VALUES (7, '2024-11-21', 2, NULL, 11, NULL, NULL, 'complaint',"
            " 'Nobody called back', NULL)"
        )
    as_numbers = _answers(store, NOV)
    _as_text_grouping(monkeypatch)
    as_text = _answers(store, NOV)
    unset = as_text[("complaints", "rep_id/None", None)]
    assert unset.set_index("rep_id").loc["(not set)", "complaints"] == 1
    assert not _differing(as_text, as_numbers)


def test_numbers_and_text_group_alike_on_the_demo(
    demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(demo_db_path, read_only=True)
    try:
        as_numbers = _answers(store, DEMO_MONTH)
        _as_text_grouping(monkeypatch)
        as_text = _answers(store, DEMO_MONTH)
    finally:
        store.close()
    assert sum(len(f) for f in as_text.values()) > 1000
    assert not _differing(as_text, as_numbers)
