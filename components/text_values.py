"""Words for the codes the data holds (deal stages, blank values), in English (EN) and
Simplified Chinese (ZH). Channel, role, lifecycle and RFM words are in text_common."""

from __future__ import annotations

EN: dict[str, str] = {
    "value.not_set": "(not set)",
    "stage.lead": "Lead",
    "stage.contact": "Contacted",
    "stage.follow_up": "Following up",
    "stage.negotiation": "Negotiation",
    "stage.won": "Won",
    "stage.lost": "Lost",
    "status.completed": "Completed",
    "status.returned": "Returned",
    "status.cancelled": "Cancelled",
    "status.count": "{count} {status}",
    "activity.call": "Call",
    "activity.visit": "Visit",
    "activity.message": "Message",
    "activity.meeting": "Meeting",
    "feedback.complaint": "Complaint",
    "feedback.praise": "Praise",
    "feedback.question": "Question",
    "feedback.suggestion": "Suggestion",
}

ZH: dict[str, str] = {
    "value.not_set": "（未填写）",
    "stage.lead": "线索",
    "stage.contact": "初步接触",
    "stage.follow_up": "跟进中",
    "stage.negotiation": "商务谈判",
    "stage.won": "赢单",
    "stage.lost": "输单",
    "status.completed": "已完成",
    "status.returned": "已退货",
    "status.cancelled": "已取消",
    "status.count": "{status}{count}行",
    "activity.call": "电话",
    "activity.visit": "拜访",
    "activity.message": "消息",
    "activity.meeting": "会面",
    "feedback.complaint": "投诉",
    "feedback.praise": "表扬",
    "feedback.question": "咨询",
    "feedback.suggestion": "建议",
}
