"""Messages of the weekly summaries and the suggestion box (data/weekly_summaries.py,
data/suggestions.py), in English (EN) and Chinese (ZH), key for key; data/messages.py joins
them to the data layer's catalogue."""

from __future__ import annotations

EN: dict[str, str] = {
    "routine.too_long": "A text is longer than {max} characters. Nothing was saved.",
    "routine.too_many": "There are more than {max} plan items. Nothing was saved.",
    "routine.recap_required": "Write the recap first: it is empty. Nothing was saved.",
    "routine.suggestion_required": (
        "A suggestion needs a title and a few words. Nothing was saved."
    ),
    "routine.unknown_rep": "There is no person with id {rep_id}. Nothing was saved.",
    "routine.week_shape": (
        "A week runs Monday to Sunday: {start} is not a Monday. Nothing was saved."
    ),
    "routine.future_week": "The week of {start} has not started yet. Nothing was saved.",
    "routine.already_submitted": (
        "This week's summary is submitted: it cannot go back to a draft. Edit it and submit "
        "again (the submitted version is kept). Nothing was saved."
    ),
    "routine.plan_item": "A plan item needs its text and a date. Nothing was saved.",
    "routine.unknown_kind": "'{kind}' is not a kind of suggestion. Nothing was saved.",
    "routine.unknown_status": "'{status}' is not a status of a suggestion. Nothing was saved.",
    "routine.reason_required": (
        "Say why: the reason for adopting or declining is shown to everyone. Nothing was saved."
    ),
    "routine.no_suggestion": "There is no suggestion {suggestion_id}. Nothing was saved.",
    "routine.unknown_team": "There is no team with id {team_id}. Nothing was saved.",
}

ZH: dict[str, str] = {
    "routine.too_long": "有一段文字超过 {max} 个字符。未保存任何内容。",
    "routine.too_many": "下周计划超过 {max} 项。未保存任何内容。",
    "routine.recap_required": "请先填写回顾：内容为空。未保存任何内容。",
    "routine.suggestion_required": "建议需要标题和内容。未保存任何内容。",
    "routine.unknown_rep": "没有 ID 为 {rep_id} 的人员。未保存任何内容。",
    "routine.week_shape": "一周为周一至周日：{start} 不是周一。未保存任何内容。",
    "routine.future_week": "{start} 这一周尚未开始。未保存任何内容。",
    "routine.already_submitted": (
        "本周总结已提交，不能再改回草稿。请修改后再次提交（已提交的版本会保留）。未保存任何内容。"
    ),
    "routine.plan_item": "每项计划都需要内容和日期。未保存任何内容。",
    "routine.unknown_kind": "“{kind}”不是建议的类别。未保存任何内容。",
    "routine.unknown_status": "“{status}”不是建议的状态。未保存任何内容。",
    "routine.reason_required": "请写明理由：采纳或不采纳的理由会向所有人显示。未保存任何内容。",
    "routine.no_suggestion": "没有编号为 {suggestion_id} 的建议。未保存任何内容。",
    "routine.unknown_team": "没有 ID 为 {team_id} 的团队。未保存任何内容。",
}
