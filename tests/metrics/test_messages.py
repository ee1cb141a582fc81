"""Metrics-layer errors carry keys: English as before, Chinese on screen with KPIs named."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from components import text
from components.trends import compile_error_text
from metrics.compiler import CompileError, MetricRequest, compile_request
from metrics.filters import Filters
from metrics.incentive_plan import DEFAULT_PLAN_PATH, PlanError, load_plan, parse_plan

CJK = re.compile(r"[\u4e00-\u9fff]")
SHIPPED = DEFAULT_PLAN_PATH.read_text("utf-8")
JANUARY = Filters(start=date(2024, 1, 1), end=date(2024, 1, 31))


def _in_chinese(render, error: Exception) -> str:  # type: ignore[no-untyped-def]
    """The error as rendered in Chinese: Chinese words, every placeholder filled."""
    with text.use_language("zh"):
        shown = render(error)
    assert CJK.search(shown), shown
    assert "{" not in shown and "}" not in shown, shown
    return shown


def _plan_error(broken: str) -> PlanError:
    with pytest.raises(PlanError) as caught:
        parse_plan(broken, "plan.toml")
    return caught.value


def _line_of(fragment: str, text_: str) -> int:
    return next(i for i, line in enumerate(text_.splitlines(), 1) if fragment in line)


def test_a_breakdown_that_cannot_be_made_names_kpi_and_dimension_by_id() -> None:
    request = MetricRequest(kpis=("won_deals",), filters=JANUARY, dimension="product_category")
    with pytest.raises(CompileError) as caught:
        compile_request(request)
    error = caught.value
    assert str(error) == "Deals won cannot be broken down by product category."
    assert error.key == "compile.no_breakdown"
    assert error.values == {"kpis": ("won_deals",), "dimension": "product_category"}
    assert compile_error_text(error) == str(error)
    shown = _in_chinese(compile_error_text, error)
    with text.use_language("zh"):
        kpi, dimension = text.kpi_label("won_deals"), text.dimension_label("product_category")
    assert shown == f"{kpi}无法按{dimension}拆分。"


@pytest.mark.parametrize(
    ("key", "english"),
    [
        ("compile.no_previous", "Revenue cannot be taken for the previous period."),
        ("compile.no_previous_value", "Revenue has no previous-period value."),
    ],
)
def test_previous_period_errors_name_the_kpi(key: str, english: str) -> None:
    error = CompileError.of(key, kpi="revenue")
    assert str(error) == english and error.values == {"kpi": "revenue"}
    shown = _in_chinese(compile_error_text, error)
    assert "上一期" in shown and "Revenue" not in shown


def test_an_error_without_a_key_is_shown_as_raised() -> None:
    assert compile_error_text(CompileError("plain words")) == "plain words"


def test_a_toml_syntax_error_keeps_line_and_column_in_a_chinese_sentence() -> None:
    broken = SHIPPED.replace("cap = 25000", "cap = = 25000")
    error = _plan_error(broken)
    line = _line_of("cap = = 25000", broken)
    assert (
        str(error)
        == f"plan.toml: the file is not valid TOML: Invalid value (at line {line}, column 7)."
    )
    assert error.key == "plan.not_toml"
    assert text.error_text(error) == str(error)
    shown = _in_chinese(text.error_text, error)
    assert f"第 {line} 行第 7 列" in shown and "Invalid value" not in shown


def test_a_bad_rate_keeps_line_and_field_in_a_chinese_sentence() -> None:
    broken = SHIPPED.replace("{ from_pct = 80, rate_pct = 4 }", "{ from_pct = 80, rate_pct = -4 }")
    error = _plan_error(broken)
    line = _line_of("rate_pct = -4", broken)
    assert f"plan.toml: line {line}, field plans[" in str(error)
    assert str(error).endswith("rate_pct: Input should be greater than or equal to 0")
    assert error.key == "plan.invalid" and text.error_text(error) == str(error)
    shown = _in_chinese(text.error_text, error)
    assert shown.startswith(f"激励方案文件 plan.toml 有误：第 {line} 行，字段 plans[")
    assert shown.endswith("rate_pct：应大于或等于 0")


def test_a_rule_of_the_plan_is_translated_too() -> None:
    broken = SHIPPED.replace("{ from_pct = 0,", "{ from_pct = 10,", 1)
    error = _plan_error(broken)
    assert "the first tier must start at from_pct = 0" in str(error)
    assert "Value error" not in str(error)
    assert "第一个档位必须从 from_pct = 0 开始" in _in_chinese(text.error_text, error)


def test_several_problems_are_all_named() -> None:
    broken = SHIPPED.replace('mode = "marginal"', 'mode = "sideways"\nbogus = 1', 1)
    error = _plan_error(broken)
    assert str(error).count("; ") == 1
    shown = _in_chinese(text.error_text, error)
    assert shown.count("；") == 1 and "不允许此字段" in shown and "应为以下之一" in shown


def test_a_missing_plan_file_says_which_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path / "nowhere.toml")
    assert "nowhere.toml cannot be read" in str(caught.value)
    assert caught.value.key == "plan.missing"
    shown = _in_chinese(text.error_text, caught.value)
    assert "找不到激励方案文件" in shown and str(tmp_path / "nowhere.toml") in shown
