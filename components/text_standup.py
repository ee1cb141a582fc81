"""Stand-up strings of issue 20: who needs help, the owners of the things to fix, and the
commitments (the older stand-up strings are in text_common)."""

from __future__ import annotations

EN: dict[str, str] = {
    # Who needs help
    "standup.help_heading": "Who needs help",
    "standup.help_rule": (
        "Needs help: behind pace (below the target to date), no call, visit, message or "
        "meeting logged for {days} days or more, or a complaint open more than {sla} days. "
        "Most reasons first, then the lowest pace."
    ),
    "standup.help_untracked": "No activities are logged here, so no one counts as quiet.",
    "standup.no_one_needs_help": "No one needs help today.",
    "standup.col.why": "Why",
    "standup.reason.behind": "behind pace",
    "standup.reason.quiet": "no activity for {days} days",
    "standup.reason.never": "no activity logged",
    "standup.reason.complaints.one": "1 complaint open",
    "standup.reason.complaints.other": "{count} complaints open",
    "standup.rest_fold": "Everyone else ({count})",
    "standup.board_cut": (
        "The first {shown:,} of {count:,} people are shown, in this order: pick a team in the"
        " filters to see all of its people."
    ),
    "standup.on_track_fold": "On track ({count})",
    # Owners of the things to fix
    "standup.owners": "Owners: {owners}",
    "standup.owner_count": "{rep} {count}",
    "standup.no_owner": "no owner",
    "standup.complaints_by_owner": "Complaints by owner",
    "standup.at_risk_by_owner": "Overdue customers by owner",
    "standup.at_risk_count.one": "1 regular customer overdue for an order",
    "standup.at_risk_count.other": "{count} regular customers overdue for an order",
    "standup.col.owner": "Owner",
    "standup.col.customer": "Customer",
    "standup.col.complaint": "Complaint",
    "standup.col.days_open": "Days open",
    "standup.col.customers": "Customers",
    "standup.follow_ups_link": "Follow-ups",
    # Commitments
    "standup.commitments_heading": "Commitments",
    "standup.commit_rule": (
        "Who will do what by when, recorded at this stand-up; the next stand-up opens with "
        "them and whether they were done."
    ),
    "standup.previous_fold": "From the stand-up of {day}: {done} of {total} done",
    "standup.no_previous": "No commitments from an earlier stand-up.",
    "standup.today_fold": "Today's commitments ({count})",
    "standup.commit_form": "Record a commitment",
    "standup.commit_who": "Who",
    "standup.commit_who_placeholder": "Pick a person",
    "standup.commit_none_placeholder": "None",
    "standup.commit_what": "Will do what",
    "standup.commit_when": "By when",
    "standup.commit_customer": "Customer (optional)",
    "standup.commit_deal": "Deal (optional)",
    "standup.commit_customer_typed": "Customer's name or number (optional)",
    "standup.commit_customer_typed_help": (
        "Too many customers to list: type the customer's whole name (upper and lower case"
        " alike) or their number (#123), as the customer file shows it. Only customers of the"
        " people in this stand-up."
    ),
    "standup.commit_deal_typed": "Deal id (optional)",
    "standup.commit_deal_typed_help": (
        "Too many open deals to list: type the deal's id. Only open deals of the people in this"
        " stand-up."
    ),
    "standup.commit_submit": "Record",
    "standup.commit_saved": "Commitment recorded for {rep}.",
    "standup.commit_line": "**{rep}**: {what} · by {due}",
    "standup.commit_about": " · {customer}",
    "standup.commit_done": "Done",
    "standup.commit_ticked": "Marked done.",
    "standup.commit_unticked": "Marked not done.",
    "standup.commit_no_people": "No one in this team to record a commitment for.",
    "standup.commit_viewer": "Commitments are recorded by a lead or a manager.",
    "standup.review_commitments": "Stand-up commitments in this period",
    "standup.review_commitments_none": "No stand-up commitments recorded or due in this period.",
    "standup.review_commitment_line": "{day}: {what} · by {due} · {state}",
    "standup.state.done": "done",
    "standup.state.open": "not done",
}

ZH: dict[str, str] = {
    "standup.help_heading": "需要帮助的人",
    "standup.help_rule": (
        "需要帮助：进度落后（低于截至当日的目标）、连续{days}天或更久没有记录电话、拜访、消息或会议，"
        "或有投诉超过{sla}天未解决。原因多者在前，其次进度最低者在前。"
    ),
    "standup.help_untracked": "这里没有记录任何客户活动，因此不按“无活动”判断。",
    "standup.no_one_needs_help": "今天没有人需要帮助。",
    "standup.col.why": "原因",
    "standup.reason.behind": "进度落后",
    "standup.reason.quiet": "{days}天无活动",
    "standup.reason.never": "没有活动记录",
    "standup.reason.complaints.one": "1条投诉未解决",
    "standup.reason.complaints.other": "{count}条投诉未解决",
    "standup.rest_fold": "其他人（{count}）",
    "standup.board_cut": (
        "按此顺序显示 {count:,} 人中的前 {shown:,} 人：在筛选中选择团队即可查看该团队的全部成员。"
    ),
    "standup.on_track_fold": "进度正常（{count}）",
    "standup.owners": "负责人：{owners}",
    "standup.owner_count": "{rep} {count}",
    "standup.no_owner": "无负责人",
    "standup.complaints_by_owner": "按负责人查看投诉",
    "standup.at_risk_by_owner": "按负责人查看超期客户",
    "standup.at_risk_count.one": "1位常购客户超期未下单",
    "standup.at_risk_count.other": "{count}位常购客户超期未下单",
    "standup.col.owner": "负责人",
    "standup.col.customer": "客户",
    "standup.col.complaint": "投诉内容",
    "standup.col.days_open": "未解决天数",
    "standup.col.customers": "客户",
    "standup.follow_ups_link": "回访",
    "standup.commitments_heading": "承诺",
    "standup.commit_rule": "本次晨会记录的谁在何时前做什么；下次晨会先回顾这些承诺是否完成。",
    "standup.previous_fold": "{day}晨会的承诺：已完成{done}/{total}",
    "standup.no_previous": "之前的晨会没有记录承诺。",
    "standup.today_fold": "今天的承诺（{count}）",
    "standup.commit_form": "记录一条承诺",
    "standup.commit_who": "谁",
    "standup.commit_who_placeholder": "选择一人",
    "standup.commit_none_placeholder": "无",
    "standup.commit_what": "做什么",
    "standup.commit_when": "截止日期",
    "standup.commit_customer": "客户（可选）",
    "standup.commit_deal": "商机（可选）",
    "standup.commit_customer_typed": "客户名称或编号（可选）",
    "standup.commit_customer_typed_help": (
        "客户太多无法列出：请输入客户的完整名称（不区分大小写）或编号（#123），与客户档案中显示的一致。"
        "仅限本次晨会成员的客户。"
    ),
    "standup.commit_deal_typed": "商机 id（可选）",
    "standup.commit_deal_typed_help": (
        "未结商机太多无法列出：请输入商机 id。仅限本次晨会成员的未结商机。"
    ),
    "standup.commit_submit": "记录",
    "standup.commit_saved": "已为{rep}记录承诺。",
    "standup.commit_line": "**{rep}**：{what} · 截止{due}",
    "standup.commit_about": " · {customer}",
    "standup.commit_done": "已完成",
    "standup.commit_ticked": "已标为完成。",
    "standup.commit_unticked": "已改回未完成。",
    "standup.commit_no_people": "该团队没有可记录承诺的成员。",
    "standup.commit_viewer": "承诺由组长或经理记录。",
    "standup.review_commitments": "本期的晨会承诺",
    "standup.review_commitments_none": "本期没有记录或到期的晨会承诺。",
    "standup.review_commitment_line": "{day}：{what} · 截止{due} · {state}",
    "standup.state.done": "已完成",
    "standup.state.open": "未完成",
}
