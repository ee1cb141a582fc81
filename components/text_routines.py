"""Strings of the weekly summaries (周总结) and the suggestion box (意见箱), in English (EN) and
Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.weekly": "Weekly summary",
    "page.suggestions": "Suggestion box",
    # Weekly summary: writing one's week
    "weekly.section.write": "My week",
    "weekly.section.team": "Team",
    "weekly.section": "Section",
    "weekly.week": "Week (Monday to Sunday)",
    "weekly.week_label": "{start} – {end}",
    "weekly.author": "Written by",
    "weekly.author_self": "You write your own week: {person}.",
    "weekly.author_chosen": (
        "Sign-in is off: the summary is written as the person chosen here. With sign-in on, "
        "each person writes their own week."
    ),
    "weekly.no_person": (
        "Your account is not a person on the team, so you have no week to write. Leads and "
        "above read their people's summaries under Team."
    ),
    "weekly.numbers_heading": "The week's numbers, {start} – {end}",
    "weekly.numbers_rule": (
        "Filled in for you from the KPIs (see Definitions), not typed. Where the person has a "
        "target, it is spread evenly over its days: the target to date is the days of the "
        "week so far. On track at or above the target to date; off track at or below 90% of "
        "it; caution in between."
    ),
    "weekly.numbers_none": "The week has not started by {day}: no numbers yet.",
    "weekly.col.kpi": "KPI",
    "weekly.col.actual": "This week",
    "weekly.col.target": "Week's target",
    "weekly.col.expected": "Target to date",
    "weekly.col.pace": "Pace",
    "weekly.pace.on_track": "On track",
    "weekly.pace.caution": "Caution",
    "weekly.pace.off_track": "Off track",
    "weekly.pace.no_target": "No target",
    "weekly.field.wins": "Wins",
    "weekly.field.problems": "Problems",
    "weekly.field.help_needed": "Help needed",
    "weekly.field.plan": "Next week's plan",
    "weekly.field.plan_text": "What",
    "weekly.field.plan_due": "By",
    "weekly.plan_help": "One row per item, each with a date. Add rows with +.",
    "weekly.save_draft": "Save draft",
    "weekly.submit": "Submit",
    "weekly.submit_edit": "Submit the edit",
    "weekly.submitted_note": (
        "Submitted: an edit adds a new version; the submitted one is kept. A submitted week "
        "cannot go back to a draft."
    ),
    "weekly.state.new": "Not written yet. Due by the end of {due}.",
    "weekly.state.draft": "Draft, version {version}, saved {at}. Due by the end of {due}.",
    "weekly.state.submitted": "Submitted {at} (version {version}).",
    "weekly.state.late": (
        "Submitted {at}, late: it was due by the end of {due} (version {version})."
    ),
    "weekly.saved_draft": "Draft saved (version {version}).",
    "weekly.saved_submitted": "Summary submitted (version {version}).",
    "weekly.saved_edit": "Edit submitted (version {version}); the earlier versions are kept.",
    "weekly.unchanged": "Nothing changed since version {version}: nothing new was saved.",
    "weekly.versions": "Versions ({count})",
    "weekly.col.version": "Version",
    "weekly.col.status": "Status",
    "weekly.col.saved_at": "Saved (UTC)",
    "weekly.status.draft": "Draft",
    "weekly.status.submitted": "Submitted",
    "weekly.status.missing": "Not written",
    "weekly.team_recap_for_me": "Your team's recap of the week: {team}",
    "weekly.in_review": "Weekly summaries of this month ({count})",
    "weekly.in_review_none": "No weekly summary written for the weeks starting in this month.",
    # Weekly summary: the lead's view
    "weekly.team.count": (
        "{submitted} of {total} people have submitted the week {week} ({late} late). "
        "Due by the end of {due}."
    ),
    "weekly.team.missing": "Not submitted yet: {names}",
    "weekly.team.none": "Nobody in this scope was on staff that week.",
    "weekly.team.drafts_private": (
        "A draft is its writer's until they submit it: only submitted summaries are shown here."
    ),
    "weekly.team.side_by_side": "Submitted summaries, side by side",
    "weekly.team.no_submitted": "No summary of this week has been submitted yet.",
    "weekly.col.person": "Person",
    "weekly.col.group": "Group",
    "weekly.col.submitted_at": "Submitted (UTC)",
    "weekly.col.late": "Late",
    "weekly.late_badge": "late",
    "weekly.plan_item": "{text} (by {due})",
    "weekly.nothing_written": "—",
    "weekly.recap.heading": "Team recap",
    "weekly.recap.pick_team": "Choose a team in the sidebar to write and publish its recap.",
    "weekly.recap.rule": (
        "Built from the submitted summaries: the numbers are the sum of the {count} people who "
        "submitted (exact, to the cent), problems and help needed listed by person. Edit the "
        "text, then publish it to {team}; each publication is kept as a version."
    ),
    "weekly.recap.text": "Recap text",
    "weekly.recap.publish": "Publish to the team",
    "weekly.recap.published": "Recap published to {team} (version {version}).",
    "weekly.recap.unchanged": "The recap is already published as it is (version {version}).",
    "weekly.recap.latest": "Published version {version}, {at}.",
    "weekly.recap.none": "Not published yet.",
    "weekly.recap.rebuild": "Rebuild from the summaries",
    "weekly.recap.title": "Recap of {team}, week {week}",
    "weekly.recap.numbers": "Numbers (sum of {count} people):",
    "weekly.recap.problems": "Problems:",
    "weekly.recap.help": "Help needed:",
    "weekly.recap.none_listed": "none",
    # Suggestion box
    "suggestions.intro": (
        "Anyone on the team can post a suggestion. A lead answers it: new → under "
        "consideration → adopted or declined, with the reason shown to everyone. Adopted "
        "suggestions count for their author (anonymous ones count for no one)."
    ),
    "suggestions.post_heading": "Post a suggestion",
    "suggestions.kind": "Kind",
    "suggestions.kind.process": "Process",
    "suggestions.kind.product": "Product",
    "suggestions.kind.customer_service": "Customer service",
    "suggestions.box": "Whose box",
    "suggestions.box_company": "The whole company",
    "suggestions.title": "Title",
    "suggestions.body": "Suggestion",
    "suggestions.anonymous": "Post anonymously",
    "suggestions.anonymous_help": (
        "Anonymous: your name is stored nowhere, not with the suggestion and not in the audit "
        "log. It then counts for no one when adopted."
    ),
    "suggestions.author": "Posted by",
    "suggestions.author_chosen": (
        "Sign-in is off: a suggestion that is not anonymous is posted as the person chosen here."
    ),
    "suggestions.post": "Post",
    "suggestions.posted": "Suggestion posted.",
    "suggestions.posted_anonymous": "Suggestion posted anonymously: no name was stored.",
    "suggestions.viewer": "A viewer reads the suggestions; posting and answering are for the team.",
    "suggestions.list_heading": "Suggestions",
    "suggestions.filter": "Show",
    "suggestions.filter.all": "All",
    "suggestions.none": "No suggestions here yet.",
    "suggestions.status.new": "New",
    "suggestions.status.considering": "Under consideration",
    "suggestions.status.adopted": "Adopted",
    "suggestions.status.declined": "Declined",
    "suggestions.meta": "{kind} · {box} · {author} · {at}",
    "suggestions.anonymous_author": "anonymous",
    "suggestions.no_author": "no person",
    "suggestions.answer_shown": "**{status}** — {answer}",
    "suggestions.answer_heading": "Answer",
    "suggestions.answer_status": "Status",
    "suggestions.answer_text": "Answer or reason (shown to everyone)",
    "suggestions.answer_help": "Adopting or declining needs a reason.",
    "suggestions.answer_save": "Save the answer",
    "suggestions.answered": "Answer saved: {status}.",
    "suggestions.unchanged": "Nothing changed: nothing new was saved.",
    "suggestions.adopted_heading": "Adopted suggestions per person",
    "suggestions.adopted_rule": (
        "Each adopted suggestion counts once for its author; anonymous ones count for no one."
    ),
    "suggestions.adopted_none": "No suggestion has been adopted yet.",
    "suggestions.col.person": "Person",
    "suggestions.col.adopted": "Adopted",
}

ZH: dict[str, str] = {
    "page.weekly": "周总结",
    "page.suggestions": "意见箱",
    "weekly.section.write": "我的一周",
    "weekly.section.team": "团队",
    "weekly.section": "栏目",
    "weekly.week": "周（周一至周日）",
    "weekly.week_label": "{start} – {end}",
    "weekly.author": "填写人",
    "weekly.author_self": "每人填写自己的一周：{person}。",
    "weekly.author_chosen": (
        "登录已关闭：总结以此处选择的人员身份填写。开启登录后，每人填写自己的一周。"
    ),
    "weekly.no_person": (
        "您的账户不是团队中的人员，没有需要填写的一周。组长及以上在“团队”中阅读成员的总结。"
    ),
    "weekly.numbers_heading": "本周数据，{start} – {end}",
    "weekly.numbers_rule": (
        "根据指标自动填入（见“指标定义”），无需手填。有目标时，目标按天平均分摊："
        "至今目标为本周已过天数的部分。达到或超过至今目标为正常；低于或等于其 90% 为落后；"
        "介于两者之间为注意。"
    ),
    "weekly.numbers_none": "截至 {day} 本周尚未开始：暂无数据。",
    "weekly.col.kpi": "指标",
    "weekly.col.actual": "本周",
    "weekly.col.target": "本周目标",
    "weekly.col.expected": "至今目标",
    "weekly.col.pace": "进度",
    "weekly.pace.on_track": "正常",
    "weekly.pace.caution": "注意",
    "weekly.pace.off_track": "落后",
    "weekly.pace.no_target": "无目标",
    "weekly.field.wins": "本周成绩",
    "weekly.field.problems": "遇到的问题",
    "weekly.field.help_needed": "需要的支持",
    "weekly.field.plan": "下周计划",
    "weekly.field.plan_text": "事项",
    "weekly.field.plan_due": "完成日期",
    "weekly.plan_help": "每行一项，每项都要有日期。用 + 添加行。",
    "weekly.save_draft": "保存草稿",
    "weekly.submit": "提交",
    "weekly.submit_edit": "提交修改",
    "weekly.submitted_note": (
        "已提交：修改会新增一个版本，已提交的版本会保留。已提交的一周不能改回草稿。"
    ),
    "weekly.state.new": "尚未填写。截止时间：{due} 当天结束。",
    "weekly.state.draft": "草稿，第 {version} 版，保存于 {at}。截止时间：{due} 当天结束。",
    "weekly.state.submitted": "已于 {at} 提交（第 {version} 版）。",
    "weekly.state.late": "已于 {at} 提交，迟交：截止时间为 {due} 当天结束（第 {version} 版）。",
    "weekly.saved_draft": "草稿已保存（第 {version} 版）。",
    "weekly.saved_submitted": "周总结已提交（第 {version} 版）。",
    "weekly.saved_edit": "修改已提交（第 {version} 版），之前的版本已保留。",
    "weekly.unchanged": "与第 {version} 版相比没有变化：未保存新内容。",
    "weekly.versions": "版本（{count}）",
    "weekly.col.version": "版本",
    "weekly.col.status": "状态",
    "weekly.col.saved_at": "保存时间（UTC）",
    "weekly.status.draft": "草稿",
    "weekly.status.submitted": "已提交",
    "weekly.status.missing": "未填写",
    "weekly.team_recap_for_me": "团队本周回顾：{team}",
    "weekly.in_review": "本月的周总结（{count}）",
    "weekly.in_review_none": "本月开始的各周都没有周总结。",
    "weekly.team.count": (
        "{week} 这一周，{total} 人中已有 {submitted} 人提"
        "交（{late} 人迟交）。截止时间：{due} 当天结束。"
    ),
    "weekly.team.missing": "尚未提交：{names}",
    "weekly.team.none": "这一周此范围内没有在职人员。",
    "weekly.team.drafts_private": "草稿在提交前只属于填写人：这里只显示已提交的总结。",
    "weekly.team.side_by_side": "已提交的总结（并排）",
    "weekly.team.no_submitted": "这一周还没有人提交总结。",
    "weekly.col.person": "人员",
    "weekly.col.group": "小组",
    "weekly.col.submitted_at": "提交时间（UTC）",
    "weekly.col.late": "迟交",
    "weekly.late_badge": "迟交",
    "weekly.plan_item": "{text}（{due} 前）",
    "weekly.nothing_written": "—",
    "weekly.recap.heading": "团队周回顾",
    "weekly.recap.pick_team": "请在侧边栏选择一个团队，以撰写并发布其周回顾。",
    "weekly.recap.rule": (
        "根据已提交的总结生成：数据为已提交的 {count} 人"
        "之和（精确到分），问题和需要的支持按人列出。"
        "修改文字后发布给{team}；每次发布都会保留为一个版本。"
    ),
    "weekly.recap.text": "回顾内容",
    "weekly.recap.publish": "发布给团队",
    "weekly.recap.published": "周回顾已发布给{team}（第 {version} 版）。",
    "weekly.recap.unchanged": "周回顾已按此内容发布（第 {version} 版）。",
    "weekly.recap.latest": "已发布第 {version} 版，{at}。",
    "weekly.recap.none": "尚未发布。",
    "weekly.recap.rebuild": "根据总结重新生成",
    "weekly.recap.title": "{team} 周回顾，{week}",
    "weekly.recap.numbers": "数据（{count} 人之和）：",
    "weekly.recap.problems": "遇到的问题：",
    "weekly.recap.help": "需要的支持：",
    "weekly.recap.none_listed": "无",
    "suggestions.intro": (
        "团队中的每个人都可以提建议。由组长答复：新建 → 考虑中 → 采纳或不采纳，理由向所有人显示。"
        "被采纳的建议计入提出人（匿名建议不计入任何人）。"
    ),
    "suggestions.post_heading": "提建议",
    "suggestions.kind": "类别",
    "suggestions.kind.process": "流程",
    "suggestions.kind.product": "产品",
    "suggestions.kind.customer_service": "客户服务",
    "suggestions.box": "投给",
    "suggestions.box_company": "全公司",
    "suggestions.title": "标题",
    "suggestions.body": "建议内容",
    "suggestions.anonymous": "匿名提交",
    "suggestions.anonymous_help": (
        "匿名：任何地方都不保存您的姓名，建议中没有，审计日志中也没有。被采纳时也不计入任何人。"
    ),
    "suggestions.author": "提出人",
    "suggestions.author_chosen": "登录已关闭：非匿名建议以此处选择的人员身份提交。",
    "suggestions.post": "提交",
    "suggestions.posted": "建议已提交。",
    "suggestions.posted_anonymous": "建议已匿名提交：未保存任何姓名。",
    "suggestions.viewer": "访客可以阅读建议；提建议和答复由团队成员进行。",
    "suggestions.list_heading": "建议列表",
    "suggestions.filter": "显示",
    "suggestions.filter.all": "全部",
    "suggestions.none": "这里还没有建议。",
    "suggestions.status.new": "新建",
    "suggestions.status.considering": "考虑中",
    "suggestions.status.adopted": "已采纳",
    "suggestions.status.declined": "不采纳",
    "suggestions.meta": "{kind} · {box} · {author} · {at}",
    "suggestions.anonymous_author": "匿名",
    "suggestions.no_author": "无人员",
    "suggestions.answer_shown": "**{status}** — {answer}",
    "suggestions.answer_heading": "答复",
    "suggestions.answer_status": "状态",
    "suggestions.answer_text": "答复或理由（向所有人显示）",
    "suggestions.answer_help": "采纳或不采纳需要写明理由。",
    "suggestions.answer_save": "保存答复",
    "suggestions.answered": "答复已保存：{status}。",
    "suggestions.unchanged": "没有变化：未保存新内容。",
    "suggestions.adopted_heading": "每人被采纳的建议",
    "suggestions.adopted_rule": "每条被采纳的建议为提出人计一次；匿名建议不计入任何人。",
    "suggestions.adopted_none": "还没有被采纳的建议。",
    "suggestions.col.person": "人员",
    "suggestions.col.adopted": "被采纳",
}
