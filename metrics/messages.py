"""Messages the metrics layer shows users, in English (EN) and Simplified Chinese (ZH).

CompileError values hold KPI and dimension ids (kpi, kpis, dimension): the English message is
built with the catalogue's English labels, and the interface fills the same placeholders with
its labels in the user's language (components.trends.compile_error_text).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from data.messages import Message

EN: dict[str, str] = {
    # Compiling a request (metrics.compiler.CompileError)
    "compile.self_reference": "KPI {kpi_id} refers to itself through {trail}",
    "compile.previous_of_previous": "KPI {kpi_id} asks for the period before the previous one",
    "compile.no_breakdown": "{kpis} cannot be broken down by {dimension}.",
    "compile.no_previous": "{kpi} cannot be taken for the previous period.",
    "compile.no_previous_value": "{kpi} has no previous-period value.",
    "compile.segments_crossed": (
        "Lifecycle stage and RFM segment cannot be crossed with each other."
    ),
    # A read outside the signed-in user's scope (metrics.scope.OutOfScope)
    "scope.team_only": (
        "You can see the numbers of {team} only (that team and the groups below it)."
    ),
    "scope.own_only": "You can see your own numbers only.",
    # The incentive plan file (metrics.incentive_plan.PlanError)
    "plan.missing": "The incentive plan {path} cannot be read: there is no such file.",
    "plan.unreadable": "The incentive plan {path} cannot be read: {reason}.",
    "plan.not_toml": (
        "{source}: the file is not valid TOML: {detail:en} (at line {line}, column {column})."
    ),
    "plan.not_toml_somewhere": "{source}: the file is not valid TOML: {detail:en}.",
    "plan.toml_syntax": "a TOML syntax error",
    "plan.invalid": "{source}: {problems:en}",
    "plan.problem": "line {line}, field {field}: {reason:en}",
    "plan.problem_no_line": "field {field}: {reason:en}",
    "plan.problem_top": "field (top level): {reason:en}",
    "plan.rule.first_tier": "the first tier must start at from_pct = 0",
    "plan.rule.tiers_rising": (
        "tiers must start at rising attainment: {after}% comes after {before}%"
    ),
    "plan.rule.margin_target": (
        "gross margin has no published targets: set margin_target_pct, the margin target as a % "
        "of the revenue target"
    ),
    "plan.rule.margin_clawback": (
        "gross margin counts completed lines only, so returns are always clawed back: set "
        'clawback = "return_period" or "order_period"'
    ),
    "plan.rule.unknown_kpi": "there is no KPI called '{kpi}'",
    "plan.rule.no_targets": "the KPI '{kpi}' has no targets, so nobody is 'at target'",
    "plan.rule.contest_order": "the contest ends ({end}) before it starts ({start})",
    "plan.rule.award_ids": "award ids must be unique; repeated: {ids}",
    "plan.rule.versions_order": (
        "plan versions must be listed oldest first with different dates: {after} comes after "
        "{before}"
    ),
}

ZH: dict[str, str] = {
    "compile.self_reference": "KPI {kpi_id} 通过 {trail} 引用了自身，无法计算",
    "compile.previous_of_previous": "KPI {kpi_id} 需要上上期的数据，无法计算",
    "compile.no_breakdown": "{kpis}无法按{dimension}拆分。",
    "compile.no_previous": "{kpi}无法取上一期的值。",
    "compile.no_previous_value": "{kpi}没有上一期的值。",
    "compile.segments_crossed": "生命周期阶段和 RFM 分群不能交叉分析，请只选其中一个。",
    "scope.team_only": "你只能查看{team}的数据（该团队及其下属小组）。",
    "scope.own_only": "你只能查看自己的数据。",
    "plan.missing": "找不到激励方案文件 {path}，请检查路径（或环境变量 HUDDLE_PLAN）。",
    "plan.unreadable": "无法读取激励方案文件 {path}（{reason}），请检查文件权限。",
    "plan.not_toml": (
        "激励方案文件 {source} 第 {line} 行第 {column} 列有 {detail:zh}，"
        "请检查该处的引号、等号和括号。"
    ),
    "plan.not_toml_somewhere": "激励方案文件 {source} 有 {detail:zh}，请检查引号、等号和括号。",
    "plan.toml_syntax": "TOML 语法错误",
    "plan.invalid": "激励方案文件 {source} 有误：{problems:zh}",
    "plan.problem": "第 {line} 行，字段 {field}：{reason:zh}",
    "plan.problem_no_line": "字段 {field}：{reason:zh}",
    "plan.problem_top": "文件顶层：{reason:zh}",
    "plan.rule.first_tier": "第一个档位必须从 from_pct = 0 开始",
    "plan.rule.tiers_rising": "各档位的起点必须逐级升高：{after}% 排在了 {before}% 之后",
    "plan.rule.margin_target": (
        "毛利没有正式目标：请设置 margin_target_pct，即毛利目标占营收目标的百分比"
    ),
    "plan.rule.margin_clawback": (
        "毛利只计算已完成的订单行，退货总会被扣回："
        '请设置 clawback = "return_period" 或 "order_period"'
    ),
    "plan.rule.unknown_kpi": "没有名为“{kpi}”的 KPI",
    "plan.rule.no_targets": "KPI“{kpi}”没有目标，无法判断谁“达标”",
    "plan.rule.contest_order": "竞赛的结束日期（{end}）早于开始日期（{start}）",
    "plan.rule.award_ids": "奖项 id 不能重复，重复的有：{ids}",
    "plan.rule.versions_order": (
        "方案版本须按日期从早到晚排列且日期各不相同：{after} 排在了 {before} 之后"
    ),
}


class MetricsMessage(Message):
    """A message of this catalogue (see data.messages.Message)."""

    catalogues: ClassVar[Mapping[str, Mapping[str, str]]] = {"en": EN, "zh": ZH}
