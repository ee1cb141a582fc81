"""Messages of the follow-up writes (data/follow_ups.py), in English and Chinese; merged into
data.messages, so components.text.error_text shows them in the user's language."""

from __future__ import annotations

EN: dict[str, str] = {
    "follow_up.unknown_customer": "There is no customer #{customer_id}. Nothing was saved.",
    "follow_up.unknown_rep": "There is no person #{rep_id}. Nothing was saved.",
    "follow_up.rep_left": "{rep} has left the company; pick someone still here. Nothing was saved.",
    "follow_up.out_of_scope": (
        "You can hand a follow-up only to someone in your team. Nothing was saved."
    ),
    "follow_up.same_owner": "This follow-up is already theirs. Nothing was saved.",
    "follow_up.date_not_after": (
        "The date must be after {day} (the day of the contact). Nothing was saved."
    ),
    "follow_up.reason_needed": "Say why it can wait: a snooze needs a reason. Nothing was saved.",
    "follow_up.too_long": (
        "A note holds at most {max} characters; this one has {length}. Nothing was saved."
    ),
    "follow_up.bad_choice": "{value} is not a choice here. Nothing was saved.",
    "follow_up.nothing_to_undo": "There is nothing of yours to undo.",
}
ZH: dict[str, str] = {
    "follow_up.unknown_customer": "找不到客户 #{customer_id}。本次未保存。",
    "follow_up.unknown_rep": "找不到人员 #{rep_id}。本次未保存。",
    "follow_up.rep_left": "{rep} 已离职，请选择在职的同事。本次未保存。",
    "follow_up.out_of_scope": "只能把回访转交给本团队的成员。本次未保存。",
    "follow_up.same_owner": "这条回访已经由此人负责。本次未保存。",
    "follow_up.date_not_after": "日期必须晚于 {day}（联系当天）。本次未保存。",
    "follow_up.reason_needed": "请说明为何可以推迟：推迟需要理由。本次未保存。",
    "follow_up.too_long": "备注最多 {max} 个字符，这条有 {length} 个。本次未保存。",
    "follow_up.bad_choice": "“{value}”不是可选项。本次未保存。",
    "follow_up.nothing_to_undo": "没有可撤销的操作。",
}
