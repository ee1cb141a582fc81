"""Canonical values for stages, roles, channels, order statuses and the kinds of activities and
feedback, from what files say.

Only the distinct values of a column are looked up here (a handful); the rows themselves are
mapped by a join in DuckDB. A preset can add its own words with `[values.stage]` and so on.
"""

from __future__ import annotations

import re
import unicodedata

from data.importing.errors import MappingError
from data.models import CHANNELS, DEAL_STAGES, ROLES, ActivityKind, FeedbackKind

CANONICAL: dict[str, tuple[str, ...]] = {
    "stage": DEAL_STAGES,
    "role": ROLES,
    "channel": CHANNELS,
    "status": ("completed", "returned", "cancelled"),
    "activity_kind": ActivityKind.__args__,  # type: ignore[attr-defined]
    "feedback_kind": FeedbackKind.__args__,  # type: ignore[attr-defined]
}

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "stage": {
        "lead": ("prospecting", "prospect", "lead", "new", "open", "线索", "潜在", "验证客户",
                 "初步意向", "意向"),
        "contact": ("contact", "contacted", "qualification", "qualify", "qualified", "初步接触",
                    "接触", "首次接触", "需求确定"),
        "follow_up": ("engaging", "engaged", "follow up", "follow-up", "needs analysis",
                      "value proposition", "identify decision makers", "id decision makers",
                      "perception analysis", "跟进", "跟进中", "方案", "需求分析"),
        "negotiation": ("negotiation", "negotiation/review", "proposal/price quote", "proposal",
                        "quote", "commit", "谈判", "商务谈判", "谈判审核", "方案/报价", "报价",
                        "合同审批"),
        "won": ("won", "closed won", "win", "成交", "赢单", "已成交", "签约", "已签约"),
        "lost": ("lost", "closed lost", "closed lost to competition", "loss", "dead",
                 "输单", "丢单", "失败", "已丢单", "无效"),
    },
    "role": {
        "sales_rep": ("sales rep", "sales agent", "salesperson", "sales representative",
                      "account executive", "ae", "rep", "agent", "销售", "销售员", "业务员",
                      "销售代表", "导购"),
        "account_manager": ("account manager", "key account manager", "客户经理", "大客户经理"),
        "customer_service": ("customer service", "support", "客服", "售后"),
        "inventory": ("inventory", "warehouse", "库管", "仓库"),
        "group_leader": ("group leader", "team lead", "team leader", "组长", "主管"),
        "deputy_leader": ("deputy leader", "deputy", "副组长", "副主管"),
        "data_analyst": ("data analyst", "analyst", "数据分析", "数据分析师"),
        "sales_manager": ("sales manager", "manager", "head of sales", "销售经理", "经理",
                          "销售总监"),
    },
    "channel": {
        "retail": ("retail", "store", "shop", "pos", "零售", "门店"),
        "wholesale": ("wholesale", "b2b", "distribution", "批发", "分销", "渠道"),
        "private_domain": ("private domain", "wechat", "social", "私域", "微信", "社群", "直播"),
        "showroom": ("showroom", "展厅", "展厅销售"),
        "other": ("other", "online", "web", "其他", "线上"),
    },
    "status": {
        "completed": ("completed", "complete", "paid", "shipped", "delivered", "closed", "done",
                      "已完成", "完成", "已付款", "已发货", "已签收", "成功"),
        "returned": ("returned", "return", "refunded", "refund", "退货", "已退货", "退款"),
        "cancelled": ("cancelled", "canceled", "void", "已取消", "取消", "作废"),
    },
    # 跟进方式 as CRMs (and Salesforce's Task type) write it; video calls count as meetings.
    "activity_kind": {
        "call": ("call", "phone", "phone call", "telephone", "outbound call", "inbound call",
                 "电话", "打电话", "电话沟通", "电话拜访", "电话回访", "电访", "致电", "来电",
                 "去电", "语音", "语音通话"),
        "visit": ("visit", "site visit", "on-site visit", "onsite visit", "field visit",
                  "customer visit", "拜访", "上门", "上门拜访", "实地拜访", "走访", "陪访",
                  "到店", "门店拜访", "客户拜访"),
        "message": ("message", "email", "e-mail", "mail", "sms", "text", "text message",
                    "wechat", "chat", "im", "whatsapp", "消息", "微信", "企业微信", "企微",
                    "微信沟通", "短信", "邮件", "电子邮件", "钉钉", "qq", "留言"),
        "meeting": ("meeting", "meet", "in person", "in-person", "face to face", "face-to-face",
                    "video call", "video meeting", "online meeting", "demo", "会议", "会面",
                    "面谈", "见面", "洽谈", "商务洽谈", "视频会议", "线上会议", "视频通话",
                    "面访", "演示"),
    },
    # 反馈类型 as CRMs write it, and Salesforce's Case type (Problem, Feature Request, Question).
    "feedback_kind": {
        "complaint": ("complaint", "complain", "problem", "issue", "bad review",
                      "negative", "投诉", "客诉", "客户投诉", "抱怨", "差评", "售后投诉"),
        "praise": ("praise", "compliment", "positive", "thanks", "thank you", "kudos",
                   "good review", "表扬", "好评", "称赞", "赞扬", "感谢", "点赞"),
        "question": ("question", "inquiry", "enquiry", "query", "consultation", "咨询",
                     "询问", "疑问", "提问", "问题咨询"),
        "suggestion": ("suggestion", "idea", "feature request", "improvement", "proposal",
                       "建议", "意见建议", "改进建议", "合理化建议"),
    },
}  # fmt: skip


def value_key(text: str) -> str:
    """A value reduced for matching: width-normalised, lower case, no spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\W_]+", "", folded)


def value_map(kind: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """value_key → canonical value for `kind`; `extra` (a preset's words) wins over built-ins."""
    result: dict[str, str] = {}
    for canonical in CANONICAL[kind]:
        result[value_key(canonical)] = canonical
    for canonical, words in _WORDS[kind].items():
        for word in words:
            result.setdefault(value_key(word), canonical)
    for word, canonical in (extra or {}).items():
        if canonical not in CANONICAL[kind]:
            # A preset's or saved mapping's words: the user's data, so a MappingError.
            known = ", ".join(CANONICAL[kind])
            raise MappingError.of(
                "import.unknown_canonical", value=canonical, kind=kind, known=known
            )
        result[value_key(word)] = canonical
    return result


def map_values(
    kind: str, values: list[str], extra: dict[str, str] | None = None
) -> dict[str, str | None]:
    """Each distinct file value → its canonical value, or None when Huddle does not know it."""
    known = value_map(kind, extra)
    return {v: known.get(value_key(v)) for v in values}
