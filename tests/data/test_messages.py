"""Data-layer errors and import problems carry keys: English as before, Chinese on screen."""

from __future__ import annotations

import copy
import pickle
import re
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from components import text
from data.errors import DatabaseLockedError, DatabaseNewerError, ValidationFailed
from data.importing.errors import ImportRejected, MappingError
from data.importing.fields import import_table
from data.importing.mapping import Mapping
from data.importing.runner import ImportRequest, run_import
from data.importing.validate import _default_sql
from data.messages import Message, MessageList, input_problem
from data.migrate import Migration, migrate
from data.models import Target
from data.reviews import ReviewConflict, ReviewInvalid, ReviewNotFound, check_review
from data.store import Store
from data.targets import read_target_file, save_scenario, valid_scenario_name

CJK = re.compile(r"[\u4e00-\u9fff]")
TODAY = date(2026, 11, 20)
UNITS = {"revenue": 100, "won_deals": 1}
HEADER = "period_start,period_end,metric,scope,scope_id,name,target\n"
ORDERS = Mapping(
    "orders",
    columns={
        "order_id": "Order", "order_date": "Date", "customer": "Customer",
        "product": "Product", "rep": "Rep", "quantity": "Qty", "amount": "Amount",
    },
)  # fmt: skip
GOOD = "Order,Date,Customer,Product,Rep,Qty,Amount\nA1,2024-03-05,Acme,Widget,Ann,2,10.00\n"


def _chinese(error: object) -> str:
    """The error as a Chinese-speaking lead reads it: Chinese, every placeholder filled."""
    with text.use_language("zh"):
        shown = text.error_text(error)  # type: ignore[arg-type]
    assert CJK.search(shown), shown
    assert "{" not in shown and "}" not in shown, shown
    return shown


def _import(tmp_path: Path, content: str, mapping: Mapping = ORDERS) -> ImportRejected:
    path = tmp_path / "file.csv"
    path.write_text(content, "utf-8")
    store = Store(tmp_path / "import.duckdb")
    try:
        with pytest.raises(ImportRejected) as caught:
            run_import(store, ImportRequest(path, mapping), today=TODAY)
    finally:
        store.close()
    return caught.value


def test_a_message_is_its_english_text_and_renders_in_chinese_when_nested() -> None:
    inner = Message("targets.rows.none")
    outer = ValidationFailed([inner, "a plain English note"])
    assert inner == "There are no targets to save."
    assert inner.text("zh") == "没有可保存的目标。"
    assert f"{inner:zh}" == inner.text("zh") and f"{inner}" == str(inner)
    assert str(outer) == (
        "Nothing was saved, because:\n- There are no targets to save.\n- a plain English note"
    )
    assert _chinese(outer) == "未保存，原因如下：\n- 没有可保存的目标。\n- a plain English note"


def test_a_message_survives_pickling_and_copying_with_its_key() -> None:
    reason = input_problem({"type": "greater_than_equal", "msg": "Input is low", "ctx": {"ge": 0}})
    listed = MessageList([Message("targets.file.field", field="value", reason=reason)])
    for twin in (pickle.loads(pickle.dumps(listed)), copy.deepcopy(listed)):
        assert twin == listed and twin.text("zh") == listed.text("zh")
        assert twin.items[0].key == "targets.file.field"
    assert listed.text("zh") == "\n- value 列：应大于或等于 0"
    assert str(listed) == "\n- value: Input is low"  # pydantic's own English is kept


def test_relabel_swaps_ids_for_names_at_any_depth() -> None:
    row = Message(
        "targets.scenario.missing", name="Plan", metric="revenue",
        start=date(2025, 4, 1), end=date(2025, 4, 30),
    )  # fmt: skip
    named = MessageList([row]).relabel(metric=str.upper)
    assert str(named) == "\n- There is no scenario 'Plan' for REVENUE 2025-04-01–2025-04-30."
    assert row.values["metric"] == "revenue"  # the original is left as it was


def test_a_locked_database_names_the_process_in_both_languages(tmp_path: Path) -> None:
    error = DatabaseLockedError(tmp_path / "x.duckdb", 'Conflicting lock is held in "x" (PID 4321)')
    assert error.key == "db.locked" and error.values["pid"] == 4321
    assert "process 4321" in str(error) and "--db" in str(error)
    shown = _chinese(error)
    assert "进程 4321" in shown and str(tmp_path / "x.duckdb") in shown
    unknown = DatabaseLockedError(tmp_path / "x.duckdb", "Could not set lock on file")
    assert unknown.key == "db.locked_unknown" and "process" not in str(unknown)
    assert "进程" not in _chinese(unknown)


def test_a_newer_database_says_both_versions(tmp_path: Path) -> None:
    import duckdb

    con = duckdb.connect(str(tmp_path / "n.duckdb"))
    migrate(con, [Migration(1, "a", "SELECT 1;"), Migration(2, "b", "SELECT 1;")])
    with pytest.raises(DatabaseNewerError) as caught:
        migrate(con, [Migration(1, "a", "SELECT 1;")])
    assert caught.value.key == "db.newer"
    assert str(caught.value) == (
        "This database is at schema version 2, newer than this Huddle knows (1). "
        "Update Huddle before opening it."
    )
    assert "2" in _chinese(caught.value) and "（1）" in _chinese(caught.value)


@pytest.mark.parametrize(
    ("content", "english", "chinese"),
    [
        (HEADER + "2025-04-01,2025-04-30,margin,rep,7,,5\n",
         "Line 2, metric: 'margin' is not a KPI with targets.", "第 2 行，metric 列：“margin”"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,7,,lots\n",
         "Line 2, target: 'lots' is not a number.", "“lots”不是数字"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,,,5\n",
         "Line 2, row: Value error, scope_id is required for team and rep targets",
         "整行：团队和成员目标必须填写 scope_id"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,7,,-5\n",
         "Line 2, value: Input should be greater than or equal to 0.", "value 列：应大于或等于 0"),
        (HEADER + "2025-04-01,2025-04-30,revenue,rep,x,,5\n",
         "Line 2, scope_id: 'x' is not a number.", "scope_id 列：“x”不是数字"),
        ("period_start,metric\n", "has no column period_end, scope, scope_id, target",
         "缺少列：period_end, scope, scope_id, target"),
    ],
)  # fmt: skip
def test_a_bad_target_file_is_refused_in_either_language(
    content: str, english: str, chinese: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_target_file(content.encode(), "targets.csv", UNITS)
    error = caught.value
    assert error.key == "validation.nothing_saved"
    assert english in str(error) and english in error.problems[0]
    assert all(isinstance(problem, Message) for problem in error.problems)
    assert chinese in _chinese(error)


def test_an_unreadable_target_file_keeps_the_reader_detail_in_english_only() -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_target_file(b"PK\x03\x04garbage", "targets.xlsx", UNITS)
    assert "targets.xlsx could not be read as a table: " in str(caught.value)
    assert "无法将 targets.xlsx 读取为表格" in _chinese(caught.value)


def test_a_long_refusal_counts_what_it_does_not_list() -> None:
    rows = "".join(f"2025-04-01,2025-04-30,margin,rep,{n},,5\n" for n in range(25))
    with pytest.raises(ValidationFailed) as caught:
        read_target_file((HEADER + rows).encode(), "targets.csv", UNITS)
    assert len(caught.value.problems) == 25
    assert str(caught.value).endswith("\n…and 5 more.")
    assert _chinese(caught.value).endswith("\n……另有 5 条。")


def test_scenario_refusals_name_scope_and_keep_kpi_ids_for_the_interface(
    isolated_database: Path,
) -> None:
    store = Store(isolated_database)
    april = (date(2025, 4, 1), date(2025, 4, 30))
    other = Target(
        period_start=april[0], period_end=date(2025, 5, 31), scope="team", scope_id=3,
        metric="revenue", value=5,
    )  # fmt: skip
    with pytest.raises(ValidationFailed) as caught:
        save_scenario(store, "Plan", "won_deals", *april, [other])
    problem = caught.value.problems[0]
    assert problem == (
        "Row 1 (team 3): it is for revenue 2025-04-01–2025-05-31, not won_deals "
        "2025-04-01–2025-04-30."
    )
    assert problem.values["metric"] == "revenue"  # type: ignore[attr-defined]
    assert "第 1 行（团队 3）" in _chinese(caught.value)
    with pytest.raises(ValidationFailed) as named:
        valid_scenario_name("x" * 61)
    assert "Scenario name 'xxx" in str(named.value) and "at most 60 characters" in str(named.value)
    assert "最多 60 个字符" in _chinese(named.value)
    store.close()


def test_the_scenarios_view_names_kpis_by_their_labels() -> None:
    from components.target_scenarios_view import refusal_text

    with pytest.raises(ValidationFailed) as caught:
        read_target_file(
            (HEADER + "2025-04-31,2025-04-30,revenue,rep,7,,5\n").encode(), "t.csv", {}
        )
    # No KPI is allowed here, so the metric is reported as a value; nothing is relabelled.
    assert "'revenue'" in refusal_text(caught.value)
    error = ValidationFailed(
        [Message("targets.scenario.missing", name="P", metric="revenue", start=1, end=2)]
    )
    assert "for Revenue 1–2" in refusal_text(error)
    assert "for revenue 1–2" in str(error)  # the CLI and logs keep the id
    with text.use_language("zh"):
        shown, label = refusal_text(error), text.kpi_label("revenue")
    assert label in shown and "revenue" not in shown and CJK.search(shown)


def test_review_errors_are_keyed(isolated_database: Path) -> None:
    conflict = ReviewConflict("r1", 3, "Ann", datetime(2026, 11, 2, 9, 30))
    assert conflict.key == "review.conflict" and str(conflict).startswith(
        "Review r1 was changed by Ann at 2026-11-02 09:30 UTC (version 3)"
    )
    assert "2026-11-02 09:30" in _chinese(conflict) and "Ann" in _chinese(conflict)
    missing = ReviewNotFound.of("review.no_action_item", review_id="r1", item_id="i9")
    assert str(missing) == "Review r1 has no action item i9."
    assert "行动项 i9" in _chinese(missing)
    with pytest.raises(ReviewInvalid) as scored:
        check_review({"scores": {"skills": 9}}, status="draft", today=TODAY)
    assert "scores.skills must be a whole number from 1 to 5." in str(scored.value)
    assert "scores.skills 必须是 1 到 5 之间的整数。" in _chinese(scored.value)
    raw = {
        "rep_id": 1, "kind": "weekly_summary", "period_start": date(2026, 11, 3),
        "period_end": date(2026, 11, 9), "reviewer": "Lee",
    }  # fmt: skip
    with pytest.raises(ReviewInvalid) as caught:
        check_review(raw, status="draft", today=TODAY)
    assert caught.value.problems["period_start"].code == "period_shape"  # the form's view
    assert "is not one weekly summary period." in str(caught.value)
    assert "与周总结的周期不符" in _chinese(caught.value)


def test_import_problems_keep_english_reasons_and_add_their_detail(tmp_path: Path) -> None:
    mapping = Mapping("orders", columns=ORDERS.columns | {"line_no": "Line"})
    content = (
        "Order,Date,Customer,Product,Rep,Qty,Amount,Line\nA1,2024-03-05,Acme,W,Ann,2,1,1\n"
        "A2,2024-13-45,Beta,W,Ann,-3,x,1\nA1,2024-03-05,Acme,W,Ann,2,1,1\n"
    )
    rejected = _import(tmp_path, content, mapping)
    problems = rejected.report.problems  # type: ignore[attr-defined]
    got = {(r.code, r.reason, r.detail) for r in problems.fillna("").itertuples()}
    assert got == {
        ("duplicate_key", "the same key is on 2 rows (2, 4)", "2, 4"),
        ("not_a_date", "not a date in this column's format (Y-m-d)", "Y-m-d"),
        ("negative_quantity", "negative quantity: record a return with status 'returned'", ""),
        ("not_a_number", "amount is not a number", ""),
    }
    assert rejected.key == "import.refused.rows"
    assert "file.csv was not imported: 3 of 3 rows have errors." in str(rejected)
    shown = _chinese(rejected)
    assert "3 行中有 3 行有错误" in shown
    assert "第 3 行，Date：不是本列格式（Y-m-d）的日期（“2024-13-45”）" in shown
    assert "同一键值出现在第 2, 4 行" in shown


def test_ambiguous_dates_stop_the_file_in_either_language(tmp_path: Path) -> None:
    content = (
        "Order,Date,Customer,Product,Rep,Qty,Amount\nA1,03/04/2024,Acme,W,Ann,1,1\n"
        "A2,05/06/2024,Acme,W,Ann,1,1\n"
    )
    rejected = _import(tmp_path, content)
    blocking = rejected.report.blocking  # type: ignore[attr-defined]
    assert blocking[0].key == "import.ambiguous_dates"
    assert "could be read as m/d/Y or d/m/Y" in blocking[0]
    assert rejected.key == "import.refused.blocking"
    assert "m/d/Y 或 d/m/Y" in _chinese(rejected) and "order_date" in _chinese(rejected)


def test_a_fixed_value_that_is_not_known_is_a_mapping_error() -> None:
    channel = import_table("customers").field("channel")
    with pytest.raises(MappingError) as caught:
        _default_sql(channel, "shop")
    assert str(caught.value).startswith("The fixed value 'shop' for channel is not one of: ")
    assert "“shop”无效" in _chinese(caught.value)


def test_the_import_view_translates_problems_by_code() -> None:
    from components.import_view import problem_reasons, problems_table, rejected_rows_table

    problems = pd.DataFrame(
        {
            "row": [2, 3, 3, 4],
            "column": ["Date", "Qty", "Rep", "Order"],
            "value": ["2024-13-45", "-3", None, "A1"],
            "code": ["not_a_date", "negative_quantity", "blank", "mystery"],
            "reason": ["not a date (Y-m-d)", "negative quantity", "rep is blank", "odd"],
            "severity": ["error", "error", "error", "warning"],
            "detail": ["Y-m-d", None, "Rep", None],
        }
    )
    with text.use_language("zh"):
        reasons = problem_reasons(problems).tolist()
        table = problems_table(problems)
    assert reasons == ["不是本列格式（Y-m-d）的日期", "数量为负数；退货请将状态记为“退货”",
                       "Rep为空，请填写", "odd"]  # fmt: skip
    assert list(table.columns) == ["行", "列", "值", "原因", "级别", "代码"]
    assert table["级别"].tolist() == ["错误", "错误", "错误", "警告"]
    assert problem_reasons(problems)[2] == "Rep is blank"

    report = SimpleNamespace(
        problems=problems,
        rejected_rows=pd.DataFrame(
            {"row": [3, 9], "reasons": ["Qty: negative", "Amount: x"], "Qty": ["-3", "1"]}
        ),
    )
    with text.use_language("zh"):
        rows = rejected_rows_table(report)  # type: ignore[arg-type]
    assert rows.columns.tolist() == ["行", "原因", "Qty"]
    # Row 9 is past the problem list's end: its English reasons stay.
    assert rows["原因"].tolist() == [
        "Qty：数量为负数；退货请将状态记为“退货”；Rep：Rep为空，请填写",
        "Amount: x",
    ]
