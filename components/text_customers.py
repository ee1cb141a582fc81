"""Strings of the customer file page (客户档案), in English (EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.customer": "Customer file",
    "customer.search": "Find a customer",
    "customer.search_placeholder": "Name, city, tag or phone",
    "customer.search_help": (
        "Finds the customers you may see whose name, city or a tag holds what you type (upper"
        " and lower case alike), or, once you type 3 digits or more, whose phone number in a"
        " contact note holds those digits. Chinese names match on their characters, not pinyin."
    ),
    "customer.search_none": "No customer you may see matches “{words}”.",
    "customer.search_count": "{shown:,} of {total:,} matching customers shown.",
    "customer.search_more": (
        "{shown:,} of {total:,} matching customers shown: type more to narrow the list."
    ),
    "customer.matched.name": "name",
    "customer.matched.city": "city",
    "customer.matched.tag": "tag",
    "customer.matched.phone": "phone",
    "customer.col.matched": "Matched on",
    "customer.col.tags": "Tags",
    "customer.start": "Type a name, a city, a tag or a phone number to open a customer's file.",
    "customer.unknown": "There is no customer #{customer_id}.",
    "customer.refused": ("This customer is not one of yours, so their file stays closed. {reason}"),
    "customer.owner": "Owner",
    "customer.owner_none": "no owner on record",
    "customer.owner_from_latest_sale": "(no owner in the data: the rep of their latest sale)",
    "customer.owner_from_handed": "(their follow-ups were handed to them)",
    "customer.revenue": "Revenue to date",
    "customer.revenue_help": (
        "The net amounts of all their completed order lines up to {day}, whoever sold them;"
        " returned and cancelled lines are left out. In the company currency."
    ),
    "customer.orders": "Orders",
    "customer.orders_help": "Orders with at least one completed line, up to {day}.",
    "customer.first_last": "First and last order",
    "customer.segment_now": "RFM segment",
    "customer.stage_now": "Lifecycle stage",
    "customer.segment_help": (
        "As on the Segments page, judged among all the company's customers on {day}."
    ),
    "customer.history_heading": "How they moved",
    "customer.history_caption": (
        "Their RFM segment and lifecycle stage at each of the last {months} month ends (the"
        " last one on {day}), by the Segments page's rules, judged among all the company's"
        " customers each time."
    ),
    "customer.col.month_end": "Month end",
    "customer.col.segment": "RFM segment",
    "customer.col.stage": "Lifecycle stage",
    "customer.stage_none": "(no order yet)",
    "customer.timeline_heading": "Timeline",
    "customer.timeline_caption": (
        "Orders, deals, activities, feedback and complaints, newest first. A deal is on the day"
        " it closed, or while open the day it was created; an order's amount is its completed"
        " lines."
    ),
    "customer.timeline_since": (
        "The latest 50 orders are listed, so the timeline starts on {day}."
    ),
    "customer.timeline_none": "Nothing on record for this customer yet.",
    "customer.col.what": "What",
    "customer.col.reference": "Order or deal",
    "customer.col.details": "Details",
    "customer.source.order": "Order",
    "customer.source.deal": "Deal",
    "customer.source.activity": "Activity",
    "customer.source.feedback": "Feedback",
    "customer.notes_heading": "Notes, preferences and tags",
    "customer.notes_caption": (
        "Written by the team, kept with who wrote it and when. An edit adds a new version;"
        " the old ones stay and can be opened."
    ),
    "customer.notes_none": "No notes yet.",
    "customer.note_kind": "Kind",
    "customer.kind.note": "Note",
    "customer.kind.preference": "Preference",
    "customer.kind.contact": "Contact (phone, e-mail)",
    "customer.note_text": "Text",
    "customer.note_add": "Add",
    "customer.note_added": "Saved: {kind} added to {customer}'s file.",
    "customer.note_repeat": "This was saved already; nothing was added twice.",
    "customer.note_edit": "Edit",
    "customer.note_save_edit": "Save as a new version",
    "customer.note_edited": "Saved as version {version}; the earlier versions are kept.",
    "customer.note_unchanged": "Nothing changed, so no new version was saved.",
    "customer.note_by": "{kind} · {author} · {at} UTC",
    "customer.note_by_version": (
        "{kind} · {author} · {at} UTC · version {version} (first {first} UTC)"
    ),
    "customer.author_none": "no one signed in",
    "customer.versions": "Earlier versions ({count})",
    "customer.tags": "Tags",
    "customer.tags_none": "No tags yet.",
    "customer.tag_new": "New tag",
    "customer.tag_add": "Add tag",
    "customer.tag_added": "Tag “{tag}” added.",
    "customer.tag_there": "Tag “{tag}” was on already.",
    "customer.tag_remove": "Remove a tag",
    "customer.tag_removed": "Tag “{tag}” removed.",
    "customer.tag_by": "{tag} (added by {author}, {at} UTC)",
    "customer.link": "Open the customer file of {customer}",
}

ZH: dict[str, str] = {
    "page.customer": "客户档案",
    "customer.search": "查找客户",
    "customer.search_placeholder": "名称、城市、标签或电话",
    "customer.search_help": (
        "查找你有权查看、名称、城市或标签中含有所输内容的客户（不分大小写）；"
        "输入 3 位及以上数字时，"
        "也查找联系方式备注中的电话号码含有这些数字的客户。中文名称按汉字匹配，不支持拼音。"
    ),
    "customer.search_none": "没有你可查看的客户匹配“{words}”。",
    "customer.search_count": "共 {total:,} 位客户匹配，显示 {shown:,} 位。",
    "customer.search_more": "共 {total:,} 位客户匹配，显示 {shown:,} 位：请输入更多内容缩小范围。",
    "customer.matched.name": "名称",
    "customer.matched.city": "城市",
    "customer.matched.tag": "标签",
    "customer.matched.phone": "电话",
    "customer.col.matched": "匹配项",
    "customer.col.tags": "标签",
    "customer.start": "输入名称、城市、标签或电话号码，打开客户档案。",
    "customer.unknown": "找不到客户 #{customer_id}。",
    "customer.refused": "这位客户不属于你，因此无法打开其档案。{reason}",
    "customer.owner": "负责人",
    "customer.owner_none": "无负责人记录",
    "customer.owner_from_latest_sale": "（数据中无负责人：取其最近一笔成交的销售）",
    "customer.owner_from_handed": "（回访已转交给此人）",
    "customer.revenue": "累计收入",
    "customer.revenue_help": (
        "截至 {day}，其所有已完成订单行的净额之和，不论由谁售出；"
        "退货和取消的订单行不计。以公司币种计。"
    ),
    "customer.orders": "订单数",
    "customer.orders_help": "截至 {day}，至少有一行已完成的订单数。",
    "customer.first_last": "首单与最近一单",
    "customer.segment_now": "RFM 分群",
    "customer.stage_now": "生命周期阶段",
    "customer.segment_help": "与客户分群页相同，在 {day} 按公司全部客户评定。",
    "customer.history_heading": "变化轨迹",
    "customer.history_caption": (
        "最近 {months} 个月末（最后一个为 {day}）其 RFM 分群与生命周期阶段，"
        "按客户分群页的规则，每次均在公司全部客户中评定。"
    ),
    "customer.col.month_end": "月末",
    "customer.col.segment": "RFM 分群",
    "customer.col.stage": "生命周期阶段",
    "customer.stage_none": "（尚无订单）",
    "customer.timeline_heading": "时间线",
    "customer.timeline_caption": (
        "订单、商机、跟进、反馈和投诉，按时间由近到远。商机按成交或丢单日列出，未关闭的按创建日；"
        "订单金额为其已完成订单行之和。"
    ),
    "customer.timeline_since": "仅列出最近 50 笔订单，因此时间线从 {day} 开始。",
    "customer.timeline_none": "该客户暂无任何记录。",
    "customer.col.what": "类型",
    "customer.col.reference": "订单或商机",
    "customer.col.details": "详情",
    "customer.source.order": "订单",
    "customer.source.deal": "商机",
    "customer.source.activity": "跟进",
    "customer.source.feedback": "反馈",
    "customer.notes_heading": "备注、偏好与标签",
    "customer.notes_caption": (
        "由团队填写，记录作者与时间。修改会新增一个版本，旧版本保留、可查看。"
    ),
    "customer.notes_none": "暂无备注。",
    "customer.note_kind": "类型",
    "customer.kind.note": "备注",
    "customer.kind.preference": "偏好",
    "customer.kind.contact": "联系方式（电话、邮箱）",
    "customer.note_text": "内容",
    "customer.note_add": "添加",
    "customer.note_added": "已保存：已在{customer}的档案中添加{kind}。",
    "customer.note_repeat": "这条已经保存过，没有重复添加。",
    "customer.note_edit": "修改",
    "customer.note_save_edit": "保存为新版本",
    "customer.note_edited": "已保存为第 {version} 版，之前的版本均保留。",
    "customer.note_unchanged": "内容没有变化，未保存新版本。",
    "customer.note_by": "{kind} · {author} · {at}（UTC 时间）",
    "customer.note_by_version": (
        "{kind} · {author} · {at}（UTC 时间） · 第 {version} 版（首版 {first}）"
    ),
    "customer.author_none": "未登录用户",
    "customer.versions": "之前的版本（{count}）",
    "customer.tags": "标签",
    "customer.tags_none": "暂无标签。",
    "customer.tag_new": "新标签",
    "customer.tag_add": "添加标签",
    "customer.tag_added": "已添加标签“{tag}”。",
    "customer.tag_there": "标签“{tag}”已存在。",
    "customer.tag_remove": "移除标签",
    "customer.tag_removed": "已移除标签“{tag}”。",
    "customer.tag_by": "{tag}（{author} 添加于 {at}，UTC）",
    "customer.link": "打开{customer}的客户档案",
}
