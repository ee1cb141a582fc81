"""Strings of the Training page, the review form's training items and role duties, in English
(EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.training": "Training",
    "training.caption": (
        "Each person's training plan: courses, skills and certifications, with due dates and"
        " status. Leads plan for their team; people mark their own items done."
    ),
    "training.rates.heading": "Completion by team and group",
    "training.rates.rule": (
        "Completion rate = items done ÷ (all items − dropped items), over every training item"
        " of the people in the team or group today (leavers left out), whatever its due date."
        " A dropped item counts neither way; a planned or in-progress item counts against the"
        " rate until it is done. Rounded half up to one decimal."
    ),
    "training.rates.value": "{rate}% ({done} of {counted})",
    "training.rates.blank": "— (no items count)",
    "training.rates.none": "No training items in this scope yet.",
    "training.col.unit": "Team / group",
    "training.col.people": "People",
    "training.col.items": "Items",
    "training.col.done": "Done",
    "training.col.dropped": "Dropped",
    "training.col.rate": "Completion rate",
    "training.col.person": "Person",
    "training.col.title": "Course, skill or certification",
    "training.col.kind": "Kind",
    "training.col.due": "Due",
    "training.col.status": "Status",
    "training.col.completed": "Done on",
    "training.col.result": "Result",
    "training.col.expires": "Expires",
    "training.col.late": "Days late",
    "training.col.left": "Renewal",
    "training.overdue.heading": "Overdue",
    "training.overdue.rule": (
        "Overdue: due before {day} and not done (planned or in progress). An item due today is"
        " not overdue yet; a dropped item never is."
    ),
    "training.overdue.none": "Nothing overdue.",
    "training.certs.heading": "Certifications to renew",
    "training.certs.rule": (
        "A done certification is flagged {days} days before its expiry day, and stays flagged"
        " once it has expired."
    ),
    "training.certs.none": "No certification expires within {days} days.",
    "training.cert.expiring": "expires in {days} days",
    "training.cert.today": "expires today",
    "training.cert.expired": "expired {days} days ago",
    "training.kind.course": "Course",
    "training.kind.skill": "Skill",
    "training.kind.certification": "Certification",
    "training.status.planned": "Planned",
    "training.status.in_progress": "In progress",
    "training.status.done": "Done",
    "training.status.dropped": "Dropped",
    "training.person.pick": "Person",
    "training.person.heading": "Training plan of {person}",
    "training.person.none": "No training items yet.",
    "training.person.rate": "Completion rate of the group {group}: {value}",
    "training.no_people": "No one in this scope.",
    "training.field.kind": "Kind",
    "training.field.title": "Course, skill or certification",
    "training.field.due_date": "Due date",
    "training.field.expires_on": "Expires on (certifications only)",
    "training.field.status": "New status",
    "training.field.completed_on": "Done on",
    "training.field.result": "Result (optional)",
    "training.field.item": "Item",
    "training.field.rep_id": "Person",
    "training.field.item_id": "Item",
    "training.add.heading": "Add a training item",
    "training.add.submit": "Add item",
    "training.add.done": "Added {title} to the training plan of {person}.",
    "training.add.repeat": "This item was added already; nothing new was saved.",
    "training.update.heading": "Update an item",
    "training.update.submit": "Save change",
    "training.update.done": "Saved: {title} is now {status}.",
    "training.update.unchanged": "Nothing changed.",
    "training.update.none": "No items to update.",
    "training.update.rep_note": (
        "You can mark your own items in progress or done; your lead plans, drops and re-dates them."
    ),
    "training.viewer_note": "You can read this page; changes are for leads, managers and admins.",
    "training.problem.line": "{field}: {problem}",
    "training.problem.required": "required",
    "training.problem.too_long": "too long",
    "training.problem.unknown_rep": "this person does not exist",
    "training.problem.not_found": "this item no longer exists",
    "training.problem.done_needs_date": "a done item needs the day it was done",
    "training.problem.expiry_kind": "only a certification has an expiry day",
    "training.problem.invalid": "not a valid value",
    "training.review.heading": "Training plan items",
    "training.review.caption": (
        "Items added here go straight into the training plan of {person} (saved on their own,"
        " apart from the review) and show on the Training page. The free-text training field"
        " of the review stays for notes; earlier reviews keep theirs."
    ),
    "duties.heading": "Role duties",
    "duties.caption": (
        "What each role is responsible for and the KPIs it is measured on. Every edit is kept"
        " as a new version."
    ),
    "duties.kpis": "Measured on: {kpis}",
    "duties.no_kpis": "No KPIs chosen.",
    "duties.version": "Version {version}, saved {at} by {editor}",
    "duties.version_anon": "Version {version}, saved {at}",
    "duties.history": "Earlier versions ({count})",
    "duties.none": (
        "No role duties yet. An admin or a manager adds them here: open Edit a role's duties,"
        " choose a role, write its duties (one per line, in English and 中文), pick the KPIs it"
        " is measured on, and save."
    ),
    "duties.edit.heading": "Edit a role's duties",
    "duties.edit.role": "Role",
    "duties.edit.en": "Duties in English, one per line",
    "duties.edit.zh": "Duties in Chinese (中文), one per line",
    "duties.edit.kpis": "KPIs this role is measured on",
    "duties.edit.help": (
        "Write either language or both; a reader whose language is empty sees the other."
    ),
    "duties.edit.submit": "Save duties",
    "duties.edit.saved": "Saved the duties of {role} as version {version}.",
    "duties.edit.unchanged": "Nothing changed: the duties of {role} stay at version {version}.",
    "duties.edit.who": "Only an admin or a manager can edit role duties.",
    "duties.field.role": "Role",
    "duties.field.duties_en": "Duties",
    "duties.field.duties_zh": "Duties (中文)",
    "duties.field.kpis": "KPIs",
    "duties.review.heading": "Duties: {role}",
    "duties.review.none": "No duties written for this role yet (Team page).",
}

ZH: dict[str, str] = {
    "page.training": "培训",
    "training.caption": (
        "每个人的培训计划：课程、技能和证书，含截止日期和状态。"
        "组长为团队制定计划；个人可将自己的项目标记为完成。"
    ),
    "training.rates.heading": "各团队与小组完成率",
    "training.rates.rule": (
        "完成率 = 已完成项 ÷（全部项 − 已放弃项），"
        "统计团队或小组当前在职成员的全部培训项（已离职者不计），不论截止日期。"
        "已放弃的项不计入分子也不计入分母；计划中或进行中的项在完成前计入分母。"
        "按四舍五入保留一位小数。"
    ),
    "training.rates.value": "{rate}%（{counted} 项中完成 {done} 项）",
    "training.rates.blank": "—（无计入项）",
    "training.rates.none": "此范围内还没有培训项。",
    "training.col.unit": "团队 / 小组",
    "training.col.people": "人数",
    "training.col.items": "项数",
    "training.col.done": "已完成",
    "training.col.dropped": "已放弃",
    "training.col.rate": "完成率",
    "training.col.person": "人员",
    "training.col.title": "课程、技能或证书",
    "training.col.kind": "类型",
    "training.col.due": "截止日期",
    "training.col.status": "状态",
    "training.col.completed": "完成日期",
    "training.col.result": "结果",
    "training.col.expires": "到期日",
    "training.col.late": "逾期天数",
    "training.col.left": "续证",
    "training.overdue.heading": "已逾期",
    "training.overdue.rule": (
        "逾期：截止日期早于 {day} 且未完成（计划中或进行中）。"
        "今天截止的项尚未逾期；已放弃的项不算逾期。"
    ),
    "training.overdue.none": "没有逾期项。",
    "training.certs.heading": "需续期的证书",
    "training.certs.rule": "已取得的证书在到期日前 {days} 天开始提醒，过期后继续提醒。",
    "training.certs.none": "没有 {days} 天内到期的证书。",
    "training.cert.expiring": "{days} 天后到期",
    "training.cert.today": "今天到期",
    "training.cert.expired": "已过期 {days} 天",
    "training.kind.course": "课程",
    "training.kind.skill": "技能",
    "training.kind.certification": "证书",
    "training.status.planned": "计划中",
    "training.status.in_progress": "进行中",
    "training.status.done": "已完成",
    "training.status.dropped": "已放弃",
    "training.person.pick": "人员",
    "training.person.heading": "{person} 的培训计划",
    "training.person.none": "还没有培训项。",
    "training.person.rate": "所在小组完成率（{group}）：{value}",
    "training.no_people": "此范围内没有人员。",
    "training.field.kind": "类型",
    "training.field.title": "课程、技能或证书",
    "training.field.due_date": "截止日期",
    "training.field.expires_on": "到期日（仅证书）",
    "training.field.status": "新状态",
    "training.field.completed_on": "完成日期",
    "training.field.result": "结果（可选）",
    "training.field.item": "培训项",
    "training.field.rep_id": "人员",
    "training.field.item_id": "培训项",
    "training.add.heading": "新增培训项",
    "training.add.submit": "新增",
    "training.add.done": "已将 {title} 加入 {person} 的培训计划。",
    "training.add.repeat": "此项已添加过，未重复保存。",
    "training.update.heading": "更新培训项",
    "training.update.submit": "保存更改",
    "training.update.done": "已保存：{title} 现为{status}。",
    "training.update.unchanged": "没有更改。",
    "training.update.none": "没有可更新的培训项。",
    "training.update.rep_note": (
        "你可以将自己的培训项标记为进行中或已完成；制定计划、放弃和改期由组长负责。"
    ),
    "training.viewer_note": "你可以查看此页面；更改由组长、经理和管理员进行。",
    "training.problem.line": "{field}：{problem}",
    "training.problem.required": "必填",
    "training.problem.too_long": "太长",
    "training.problem.unknown_rep": "此人员不存在",
    "training.problem.not_found": "此培训项已不存在",
    "training.problem.done_needs_date": "已完成的项需要完成日期",
    "training.problem.expiry_kind": "只有证书有到期日",
    "training.problem.invalid": "取值无效",
    "training.review.heading": "培训计划项",
    "training.review.caption": (
        "在此添加的项会直接写入 {person} 的培训计划（单独保存，与评估无关），并显示在培训页面。"
        "评估中的培训文字栏仍可写备注；以前的评估保留原有内容。"
    ),
    "duties.heading": "岗位职责",
    "duties.caption": "各岗位负责的工作以及考核的 KPI。每次编辑都保存为新版本。",
    "duties.kpis": "考核指标：{kpis}",
    "duties.no_kpis": "未选择 KPI。",
    "duties.version": "第 {version} 版，{editor} 于 {at} 保存",
    "duties.version_anon": "第 {version} 版，保存于 {at}",
    "duties.history": "以前的版本（{count}）",
    "duties.none": (
        "还没有岗位职责。管理员或经理可在此添加：打开“编辑岗位职责”，选择岗位，"
        "逐行写下职责（英文和中文），选择考核的 KPI，然后保存。"
    ),
    "duties.edit.heading": "编辑岗位职责",
    "duties.edit.role": "岗位",
    "duties.edit.en": "英文职责（English），每行一条",
    "duties.edit.zh": "中文职责，每行一条",
    "duties.edit.kpis": "此岗位考核的 KPI",
    "duties.edit.help": "可只写一种语言或两种都写；某语言为空时，读者会看到另一种语言。",
    "duties.edit.submit": "保存职责",
    "duties.edit.saved": "已将 {role} 的职责保存为第 {version} 版。",
    "duties.edit.unchanged": "没有更改：{role} 的职责仍为第 {version} 版。",
    "duties.edit.who": "只有管理员或经理可以编辑岗位职责。",
    "duties.field.role": "岗位",
    "duties.field.duties_en": "职责",
    "duties.field.duties_zh": "职责（中文）",
    "duties.field.kpis": "KPI",
    "duties.review.heading": "{role}的职责",
    "duties.review.none": "此岗位还没有写职责（在团队页面添加）。",
}
