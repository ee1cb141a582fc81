"""The data layer's messages to users, in English (EN) and Simplified Chinese (ZH), key for key.

An error raised with a key (`HuddleDataError.of`) carries its English text for the CLI and
logs; the interface shows the same key in the user's language. The import package keeps its
own messages in data/importing/messages.py; they join this catalogue here.

A message inside another one (the problems of a refused save, the reason of a problem) is a
`Message`: a str holding its English text that also keeps its key and values. A template
names the language its nested messages render in with the placeholder's format spec, as in
"{problems:zh}", so a whole message follows one language however deep it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Literal, Self

from data import auth_messages, backup_messages, follow_up_messages, routine_messages
from data.importing import messages as import_messages

LANGUAGES = ("en", "zh")  # the format specs a nested message understands

_EN: dict[str, str] = {
    # The database file
    "db.locked": (
        "The database file {path} is in use by another program (process {pid}). DuckDB lets "
        "only one program at a time open a file it can write to: stop the Huddle app (or the "
        "other command) and try again, or point this command at another file with --db."
    ),
    "db.locked_unknown": (
        "The database file {path} is in use by another program. DuckDB lets only one program "
        "at a time open a file it can write to: stop the Huddle app (or the other command) "
        "and try again, or point this command at another file with --db."
    ),
    "db.newer": (
        "This database is at schema version {have}, newer than this Huddle knows ({newest}). "
        "Update Huddle before opening it."
    ),
    "db.not_database": (
        "{path} is not a Huddle database: DuckDB cannot read it as a database file (a text "
        "file, a spreadsheet or a damaged copy?). Nothing was changed. Point Huddle at the "
        "right file (--db or HUDDLE_DB), or move this one aside to start a new database."
    ),
    "db.wal_mismatch": (
        "{path} cannot be opened: its write-ahead log {wal} belongs to another database file "
        "(the file was replaced while a program had it open). Nothing was changed. Move {wal} "
        "aside to open the file as it is; the changes in that log cannot be applied to it."
    ),
    "db.cannot_open": (
        "The database file {path} cannot be opened ({detail}). Nothing was changed. Check that "
        "the path is a file you may read and write, or point Huddle at another with --db."
    ),
    "db.invalidated": (
        "The database {path} stopped after a fatal error ({detail}); what was being saved was "
        "not saved. Huddle reopens the file for the next action: try again, and restart "
        "Huddle if this repeats."
    ),
    "db.replaced": (
        "The database file {path} was replaced by another file while Huddle had it open. "
        "Nothing was saved. Huddle now reads the new file: check the page, then save again."
    ),
    "db.gone": (
        "The database file {path} was removed or renamed while Huddle had it open. Nothing "
        "was saved. Put the file back, or restart Huddle to create a new one."
    ),
    "db.write_conflict": (
        "Another save changed the same data at the same moment, so this one was not saved "
        "({detail}). Save again."
    ),
    "db.error": (
        "The database {path} reported an error ({detail}). What was being saved, if anything, "
        "was not saved."
    ),
    "db.server_unreachable": (
        "Huddle cannot reach the PostgreSQL server at {url} ({detail}). Check that the server "
        "runs and accepts connections from this machine, and the user, password and database "
        "name in HUDDLE_DATABASE_URL (or --db)."
    ),
    "db.server_error": (
        "The PostgreSQL server at {url} stopped answering ({detail}). What was being saved, if "
        "anything, was not saved; try again once the server is back."
    ),
    "db.server_read_only": (
        "This Huddle was opened read-only on {url}, so it cannot save. Nothing was saved."
    ),
    "db.no_postgres_client": (
        "Huddle cannot talk to PostgreSQL on this machine: its client library (libpq) is "
        "missing ({detail}). Install it (Debian: apt-get install libpq5, or run make postgres)."
    ),
    "db.copy_target_not_empty": (
        "{target} already holds a company ({rows} rows in {table}). Nothing was copied: copy "
        "into an empty database, or add --replace to overwrite it."
    ),
    "db.copy_same": (
        "The source and the target are the same database ({target}): nothing was copied."
    ),
    "db.copy_schema_differs": (
        "{source} is at schema version {source_version} and {target} at {target_version}, so "
        "their tables differ. Nothing was copied: open the older one with this Huddle once "
        "(python cli.py info --db ...) to bring it up to date, then copy again."
    ),
    "db.staged_conflict": (
        "Someone saved to {target} while this change was being prepared, and trying again did "
        "not get a quiet moment. Nothing of this change was saved and nothing of theirs was "
        "lost: run it again."
    ),
    # Company settings
    "settings.currency_unknown": (
        "{code} is not a currency Huddle can show: use one of {allowed}. Nothing was changed."
    ),
    "settings.company_name_empty": (
        "The company's name is empty: give it a name of 1 to 80 characters. Nothing was changed."
    ),
    "settings.company_name_too_long": (
        "The company's name '{name}' is {length} characters long, over the limit of {limit}: "
        "shorten it. Nothing was changed."
    ),
    "settings.fiscal_month_bad": (
        "'{value}' is not a month: the fiscal year's first month is a number from 1 (January) "
        "to 12 (December). Nothing was changed."
    ),
    "settings.time_zone_unknown": (
        "'{value}' is not a time zone Huddle knows: use an IANA name such as Asia/Shanghai, "
        "Europe/Berlin or America/New_York. Nothing was changed."
    ),
    # Lists of messages
    "messages.more": "…and {count} more.",
    "messages.semicolon": "; ",
    "messages.or": " or ",
    "validation.nothing_saved": "Nothing was saved, because:{problems:en}",
    # A value a form or file gave, as pydantic found it wrong
    "input.required": "Field required",
    "input.extra": "Extra inputs are not permitted",
    "input.ge": "Input should be greater than or equal to {limit}",
    "input.gt": "Input should be greater than {limit}",
    "input.le": "Input should be less than or equal to {limit}",
    "input.lt": "Input should be less than {limit}",
    "input.choice": "Input should be one of: {expected}",
    "input.text_too_short": "String should have at least {limit} characters",
    "input.text_too_long": "String should have at most {limit} characters",
    "input.too_few": "Should have at least {limit} items",
    "input.too_many": "Should have at most {limit} items",
    "input.pattern": "String should match pattern '{pattern}'",
    "input.date": "Input should be a valid date",
    "input.integer": "Input should be a valid integer",
    "input.number": "Input should be a valid number",
    "input.bool": "Input should be a valid boolean",
    "input.text": "Input should be a valid string",
    "input.list": "Input should be a valid list",
    "input.table": "Input should be a table of fields",
    "input.invalid": "{detail}",
    "input.leave_before_hire": "leave_date is before hire_date",
    "input.closed_date_rule": "closed_date is required for won or lost deals, and only for them",
    "input.closed_before_created": "closed_date is before created_date",
    "input.scope_id_rule": "scope_id is required for team and rep targets, and only for them",
    "input.period_order": "period_end is before period_start",
    # Targets: scenarios and target files
    "targets.scope.company": "company",
    "targets.scope.team": "team",
    "targets.scope.rep": "rep",
    "targets.scenario.bad_name": "Scenario name {name!r}: {reason:en}.",
    "targets.scenario.not_printable": "use letters, digits and punctuation only",
    "targets.scenario.missing": "There is no scenario {name!r} for {metric} {start}–{end}.",
    "targets.scenario.taken": "A scenario called {name!r} already exists.",
    "targets.rows.other_period": (
        "Row {row} ({scope:en} {scope_id}): it is for {metric} {start}–{end}, "
        "not {expected_metric} {expected_start}–{expected_end}."
    ),
    "targets.rows.repeated": "The same team or person appears twice.",
    "targets.rows.none": "There are no targets to save.",
    "targets.publish.wider": (
        "The official {metric} target of {scope:en} {scope_id} runs {first}–{last}, "
        "beyond {start}–{end}: choose a period that covers it."
    ),
    "targets.file.unreadable": "{file} could not be read as a table.",
    "targets.file.missing_columns": "{file} has no column {columns}.",
    "targets.file.no_rows": "{file} has a header but no rows.",
    "targets.file.unknown_metric": "Line {line}, metric: {value!r} is not a KPI with targets.",
    "targets.file.bad_amount": "Line {line}, target: {value!r} is not a number.",
    "targets.file.bad_scope_id": "Line {line}, scope_id: {value!r} is not a number.",
    "targets.file.invalid_row": "Line {line}, {problems:en}.",
    "targets.file.field": "{field}: {reason:en}",
    "targets.file.row": "row: {reason:en}",
    # Performance reviews
    "review.conflict": (
        "Review {review_id} was changed by {editor} at {at} UTC (version {version}) after you "
        "opened it. Reload it and make your change again."
    ),
    "review.exists": (
        "A {kind:en} of this person for {start} – {end} already exists: {editor} saved "
        "version {version} at {at} UTC. One review per person, kind and period: nothing was "
        "saved; open that review to add to it."
    ),
    "review.not_found": "There is no review {review_id}.",
    "customer_note.empty": "Write something first: an empty note is not saved.",
    "customer_note.too_long": (
        "A note holds at most {max} characters; this one has {length}. Nothing was saved."
    ),
    "customer_note.not_found": "There is no note {note_id} for this customer.",
    "customer_note.unknown_customer": "There is no customer #{customer_id}. Nothing was saved.",
    "customer_tag.invalid": (
        "A tag is 1 to {max} characters, without commas or line breaks. Nothing was saved."
    ),
    "review.no_action_item": "Review {review_id} has no action item {item_id}.",
    "review.kind.weekly_summary": "weekly summary",
    "review.kind.monthly_evaluation": "monthly evaluation",
    "review.kind.quarterly_review": "quarterly review",
    "review.kind.one_to_one": "one-to-one",
    "review.problem.required": "{field} is required.",
    "review.problem.required_on_submit": (
        "{field} is required to submit (a draft may leave it blank)."
    ),
    "review.problem.too_long": "{field} is longer than {max} characters.",
    "review.problem.too_many": "{field} has more than {max} entries.",
    "review.problem.score_range": "{field} must be a whole number from {low} to {high}.",
    "review.problem.future": "The period starts on {start}, after today ({today}).",
    "review.problem.period_order": "The period ends before it starts.",
    "review.problem.period_shape": "The period {start} – {end} is not one {kind:en} period.",
    "review.problem.unknown_rep": "There is no person with id {rep_id}.",
    "review.problem.rep_fixed": (
        "A review stays with the person it is about; start a new review instead."
    ),
    "review.problem.already_submitted": (
        "This review has been submitted; it cannot go back to draft."
    ),
    "review.problem.invalid": "{field} is not valid.",
    "commitment.what_required": "Say what will be done.",
    "commitment.what_too_long": "What will be done is longer than {max} characters.",
    "commitment.due_before_day": "The date is before the stand-up's day ({day}).",
    "commitment.unknown_rep": "There is no person with id {rep_id}.",
    "commitment.who_required": "Pick who will do it. Nothing was saved.",
    "commitment.unknown_customer": "There is no customer with id {customer_id}.",
    "commitment.unknown_deal": "There is no deal {deal_id}.",
    "commitment.typed_customer_none": (
        "No customer of the people in this stand-up is called “{typed}” or has that number:"
        " check the spelling, or type the customer's number (#123). Nothing was saved."
    ),
    "commitment.typed_customer_several": (
        "More than one customer is called “{typed}” ({numbers}): type the number of the one"
        " you mean. Nothing was saved."
    ),
    "commitment.typed_deal_none": (
        "No open deal of the people in this stand-up has the id “{typed}”. Nothing was saved."
    ),
    "commitment.not_found": "There is no commitment {commitment_id}; reload the page.",
    # Importing: a problem of one row (column, value and detail as validate.py records them)
    "import.problem.blank": "{detail} is blank",
    "import.problem.not_a_date": "not a date in this column's format ({detail})",
    "import.problem.future_date": "the date is in the future",
    "import.problem.not_a_number": "not a number",
    "import.problem.not_whole": "not a whole number",
    "import.problem.too_large": "too large (at most 2,147,483,647)",
    "import.problem.unknown_value": "not a value Huddle knows ({detail}): map it",
    "import.problem.negative_quantity": (
        "negative quantity: record a return with status 'returned'"
    ),
    "import.problem.negative_price": "negative price",
    "import.problem.negative_stock": "stock on hand, its cost and receipts cannot be negative",
    "import.problem.duplicate_key": "the same key is on rows {detail}",
    "import.problem.closed_without_date": "a won or lost deal needs a close date",
    "import.problem.closed_before_created": "the close date is before the created date",
    "import.problem.open_with_close_date": (
        "the deal is still open, so its close date is left out"
    ),
    "import.problem.created_date_filled": "no created date: the deal is dated the file's last day",
    "import.problem.left_before_hired": "the leave date is before the hire date",
    "import.problem.out_of_range": "outside the range it can take ({detail})",
    "import.problem.resolved_before_feedback": "the resolved date is before the feedback date",
    "import.problem.follow_up_before_activity": (
        "the next follow-up is before the activity date, so it is left out"
    ),
    "import.problem.repeated_row": (
        "every column is the same on rows {detail}: each is kept as a record of its own"
    ),
    "import.problem.other": "{detail}",
    "import.severity.error": "error",
    "import.severity.warning": "warning",
    "import.problems.heading.row": "Row",
    "import.problems.heading.column": "Column",
    "import.problems.heading.value": "Value",
    "import.problems.heading.reason": "Reason",
    "import.problems.heading.reasons": "Reasons",
    "import.problems.heading.severity": "Severity",
    "import.problems.heading.code": "Code",
    "import.problems.cell": "{column}: {reason}",
    # Importing: why a file as a whole is refused
    "import.ambiguous_dates": (
        "Column '{header}' ({name}): dates such as {example} could be read as {formats:en}. "
        "Say which with a date format for {name} (--date-format {name}={second})."
    ),
    "import.bad_default": "The fixed value '{value}' for {field} is not one of: {known}",
    "import.refused.blocking": "{file} was not imported: {reasons:en}",
    "import.refused.rows": (
        "{file} was not imported: {rejected:,} of {rows:,} rows have errors. Fix them, or "
        "import the valid rows and set the rest aside (`--on-error quarantine`).{problems:en}"
    ),
    "import.refused.line": "row {row}, {column}: {reason:en} ('{value}')",
    "import.refused.line_no_value": "row {row}, {column}: {reason:en}",
    "import.refused.foreign_data": (
        "{path} holds the demo company (or data Huddle did not import). Importing would mix "
        "your rows with it: clear it first (--replace on the command line, 'Clear the demo "
        "company' on the Data page), or import into another file with --db."
    ),
    "import.refused.other_company": (
        "{file} was not imported: it looks like another company's data. Only {counts:en} in "
        "this file are already in {company}. Choose: add it to {company} anyway "
        "(--add-to-company), replace the data of {company} with it and start fresh "
        "(--replace-company), or import it into another database file (--db)."
    ),
    "import.refused.other_company_unnamed": (
        "{file} was not imported: it looks like another company's data. Only {counts:en} in "
        "this file are already in this database's company. Choose: add it to that company "
        "anyway (--add-to-company), replace the company's data with it and start fresh "
        "(--replace-company), or import it into another database file (--db)."
    ),
    "import.company_match.count.people": "{matched:,} of {total:,} people",
    "import.company_match.count.customers": "{matched:,} of {total:,} customers",
    "import.company_match.count.products": "{matched:,} of {total:,} products",
}

_ZH: dict[str, str] = {
    "db.locked": (
        "数据库文件 {path} 正被另一个程序（进程 {pid}）占用。DuckDB 同一时间只允许一个程序写入"
        "该文件：请关闭 Huddle 应用（或另一条命令）后重试，或用 --db 指定另一个文件。"
    ),
    "db.locked_unknown": (
        "数据库文件 {path} 正被另一个程序占用。DuckDB 同一时间只允许一个程序写入该文件：请关闭 "
        "Huddle 应用（或另一条命令）后重试，或用 --db 指定另一个文件。"
    ),
    "db.newer": (
        "该数据库的结构版本为 {have}，比当前 Huddle 支持的版本（{newest}）更新。请先升级 Huddle "
        "再打开。"
    ),
    "db.not_database": (
        "{path} 不是 Huddle 数据库：DuckDB 无法把它当作数据库文件读取（是文本文件、表格或损坏的"
        "副本？）。未做任何更改。请用 --db 或 HUDDLE_DB 指向正确的文件，"
        "或把此文件移走以新建数据库。"
    ),
    "db.wal_mismatch": (
        "无法打开 {path}：它的预写日志 {wal} 属于另一个数据库文件（文件在被程序打开期间被替换了）。"
        "未做任何更改。把 {wal} 移到别处即可按现状打开该文件；日志中的改动无法应用到此文件。"
    ),
    "db.cannot_open": (
        "无法打开数据库文件 {path}（{detail}）。未做任何更改。请确认该路径是可读写的文件，"
        "或用 --db 指定另一个文件。"
    ),
    "db.invalidated": (
        "数据库 {path} 因严重错误而停止（{detail}），正在保存的内容未保存。Huddle 会在下一步操作"
        "时重新打开文件：请重试；如果反复出现，请重启 Huddle。"
    ),
    "db.replaced": (
        "数据库文件 {path} 在 Huddle 打开期间被另一个文件替换。本次未保存任何内容。Huddle 现在"
        "读取的是新文件：请检查页面后重新保存。"
    ),
    "db.gone": (
        "数据库文件 {path} 在 Huddle 打开期间被删除或改名。本次未保存任何内容。请把文件放回原处，"
        "或重启 Huddle 以新建数据库。"
    ),
    "db.write_conflict": (
        "另一次保存在同一时刻修改了相同的数据，因此本次未保存（{detail}）。请重新保存。"
    ),
    "db.error": "数据库 {path} 报告了一个错误（{detail}）。正在保存的内容（如有）未保存。",
    "db.server_unreachable": (
        "Huddle 无法连接 {url} 上的 PostgreSQL 服务器（{detail}）。"
        "请确认服务器正在运行并接受本机连接，"
        "并检查 HUDDLE_DATABASE_URL（或 --db）中的用户名、密码和数据库名。"
    ),
    "db.server_error": (
        "{url} 上的 PostgreSQL 服务器没有响应（{detail}）。"
        "正在保存的内容（如有）未保存；服务器恢复后请重试。"
    ),
    "db.server_read_only": "此 Huddle 以只读方式打开 {url}，不能保存。未保存任何内容。",
    "db.no_postgres_client": (
        "本机缺少 PostgreSQL 客户端库 libpq（{detail}），Huddle 无法连接 PostgreSQL。"
        "请先安装（Debian：apt-get install libpq5，或运行 make postgres）。"
    ),
    "db.copy_target_not_empty": (
        "{target} 已有公司数据（{table} 中有 {rows} 行）。未复制任何内容：请复制到空数据库，"
        "或加上 --replace 覆盖它。"
    ),
    "db.copy_same": "源数据库和目标数据库是同一个（{target}）：未复制任何内容。",
    "db.copy_schema_differs": (
        "{source} 的结构版本是 {source_version}，{target} 是 {target_version}，两者的数据表不同。"
        "未复制任何内容：请先用此 Huddle 打开较旧的那个（python cli.py info --db ...）使其更新，"
        "再重新复制。"
    ),
    "db.staged_conflict": (
        "准备这次更改期间，有人向 {target} 保存了内容，重试也没有等到空闲的时机。"
        "这次更改未保存，对方保存的内容也没有丢失：请重新运行。"
    ),
    "settings.currency_unknown": (
        "{code} 不是 Huddle 能显示的货币：请使用 {allowed} 之一。未做任何更改。"
    ),
    "settings.company_name_empty": "公司名称为空：请填写 1 到 80 个字符的名称。未做任何更改。",
    "settings.company_name_too_long": (
        "公司名称“{name}”有 {length} 个字符，超过了 {limit} 个字符的上限：请缩短。未做任何更改。"
    ),
    "settings.fiscal_month_bad": (
        "“{value}”不是月份：财年的起始月份是 1（一月）到 12（十二月）之间的数字。未做任何更改。"
    ),
    "settings.time_zone_unknown": (
        "“{value}”不是 Huddle 认识的时区：请使用 IANA 名称，例如 Asia/Shanghai、Europe/Berlin"
        " 或 America/New_York。未做任何更改。"
    ),
    "messages.more": "……另有 {count} 条。",
    "messages.semicolon": "；",
    "messages.or": " 或 ",
    "validation.nothing_saved": "未保存，原因如下：{problems:zh}",
    "input.required": "必填",
    "input.extra": "不允许此字段",
    "input.ge": "应大于或等于 {limit}",
    "input.gt": "应大于 {limit}",
    "input.le": "应小于或等于 {limit}",
    "input.lt": "应小于 {limit}",
    "input.choice": "应为以下之一：{expected}",
    "input.text_too_short": "至少需要 {limit} 个字符",
    "input.text_too_long": "最多 {limit} 个字符",
    "input.too_few": "至少需要 {limit} 项",
    "input.too_many": "最多 {limit} 项",
    "input.pattern": "格式不符合要求（{pattern}）",
    "input.date": "不是有效日期，请写成 YYYY-MM-DD",
    "input.integer": "应为整数",
    "input.number": "应为数字",
    "input.bool": "应为 true 或 false",
    "input.text": "应为文本",
    "input.list": "应为列表",
    "input.table": "应为一组字段（表）",
    "input.invalid": "取值无效：{detail}",
    "input.leave_before_hire": "离职日期早于入职日期",
    "input.closed_date_rule": "已赢单或已输单的商机必须填写关闭日期，其他阶段的商机不能填写",
    "input.closed_before_created": "关闭日期早于创建日期",
    "input.scope_id_rule": "团队和成员目标必须填写 scope_id，公司目标不能填写",
    "input.period_order": "结束日期早于开始日期",
    "targets.scope.company": "公司",
    "targets.scope.team": "团队",
    "targets.scope.rep": "成员",
    "targets.scenario.bad_name": "方案名称“{name}”无效：{reason:zh}。",
    "targets.scenario.not_printable": "只能使用字母、数字和标点符号",
    "targets.scenario.missing": "{metric} {start}–{end} 没有名为“{name}”的方案。",
    "targets.scenario.taken": "已存在名为“{name}”的方案，请换一个名称。",
    "targets.rows.other_period": (
        "第 {row} 行（{scope:zh} {scope_id}）：这是 {metric} {start}–{end} 的目标，"
        "不是 {expected_metric} {expected_start}–{expected_end} 的目标。"
    ),
    "targets.rows.repeated": "同一团队或成员出现了两次，请只保留一行。",
    "targets.rows.none": "没有可保存的目标。",
    "targets.publish.wider": (
        "{scope:zh} {scope_id} 的正式{metric}目标覆盖 {first}–{last}，超出了 {start}–{end}："
        "请选择能覆盖它的期间。"
    ),
    "targets.file.unreadable": "无法将 {file} 读取为表格，请上传目标页导出的 CSV 或 XLSX 文件。",
    "targets.file.missing_columns": "{file} 缺少列：{columns}。",
    "targets.file.no_rows": "{file} 只有表头，没有数据行。",
    "targets.file.unknown_metric": "第 {line} 行，metric 列：“{value}”不是可设目标的 KPI。",
    "targets.file.bad_amount": "第 {line} 行，target 列：“{value}”不是数字。",
    "targets.file.bad_scope_id": "第 {line} 行，scope_id 列：“{value}”不是数字。",
    "targets.file.invalid_row": "第 {line} 行，{problems:zh}。",
    "targets.file.field": "{field} 列：{reason:zh}",
    "targets.file.row": "整行：{reason:zh}",
    "review.conflict": (
        "你打开绩效评估 {review_id} 后，{editor} 于 {at}（UTC）修改了它（版本 {version}）。"
        "请重新加载后再修改。"
    ),
    "review.exists": (
        "该成员 {start} – {end} 的{kind:zh}已存在：{editor} 于 {at}（UTC）保存了第 {version} 版。"
        "每人每类每期只有一份评估：本次未保存，请打开那份评估后在其中补充。"
    ),
    "review.not_found": "找不到绩效评估 {review_id}，请刷新页面后重试。",
    "customer_note.empty": "请先填写内容：空备注不会保存。",
    "customer_note.too_long": "备注最多 {max} 个字符，这条有 {length} 个。本次未保存。",
    "customer_note.not_found": "该客户没有备注 {note_id}，请刷新页面后重试。",
    "customer_note.unknown_customer": "找不到客户 #{customer_id}。本次未保存。",
    "customer_tag.invalid": "标签为 1 到 {max} 个字符，不含逗号或换行。本次未保存。",
    "review.no_action_item": "绩效评估 {review_id} 中没有行动项 {item_id}，请刷新页面后重试。",
    "review.kind.weekly_summary": "周总结",
    "review.kind.monthly_evaluation": "月度评估",
    "review.kind.quarterly_review": "季度评估",
    "review.kind.one_to_one": "一对一面谈",
    "review.problem.required": "{field} 为必填项。",
    "review.problem.required_on_submit": "提交前必须填写 {field}（草稿可以留空）。",
    "review.problem.too_long": "{field} 超过 {max} 个字符，请精简。",
    "review.problem.too_many": "{field} 超过 {max} 项。",
    "review.problem.score_range": "{field} 必须是 {low} 到 {high} 之间的整数。",
    "review.problem.future": "期间从 {start} 开始，晚于今天（{today}）。",
    "review.problem.period_order": "期间的结束日期早于开始日期。",
    "review.problem.period_shape": "期间 {start} – {end} 与{kind:zh}的周期不符。",
    "review.problem.unknown_rep": "没有 id 为 {rep_id} 的成员。",
    "review.problem.rep_fixed": "绩效评估不能改到其他成员名下，请新建一份绩效评估。",
    "review.problem.already_submitted": "该绩效评估已提交，不能改回草稿。",
    "review.problem.invalid": "{field} 无效。",
    "commitment.what_required": "请写明要做什么。",
    "commitment.what_too_long": "要做的事超过 {max} 个字符，请精简。",
    "commitment.due_before_day": "日期早于本次晨会的日期（{day}）。",
    "commitment.unknown_rep": "没有 id 为 {rep_id} 的成员。",
    "commitment.who_required": "请选择由谁来做。未保存任何内容。",
    "commitment.unknown_customer": "没有 id 为 {customer_id} 的客户。",
    "commitment.unknown_deal": "没有商机 {deal_id}。",
    "commitment.typed_customer_none": (
        "本次晨会成员的客户中，没有名为“{typed}”或编号为此的客户：请检查拼写，或输入客户编号（#123）。"
        "未保存任何内容。"
    ),
    "commitment.typed_customer_several": (
        "名为“{typed}”的客户不止一位（{numbers}）：请输入您所指客户的编号。未保存任何内容。"
    ),
    "commitment.typed_deal_none": (
        "本次晨会成员的未结商机中没有 id 为“{typed}”的商机。未保存任何内容。"
    ),
    "commitment.not_found": "找不到承诺 {commitment_id}，请刷新页面。",
    "import.problem.blank": "{detail}为空，请填写",
    "import.problem.not_a_date": "不是本列格式（{detail}）的日期",
    "import.problem.future_date": "日期晚于今天",
    "import.problem.not_a_number": "不是数字",
    "import.problem.not_whole": "不是整数",
    "import.problem.too_large": "数值过大（最大 2,147,483,647）",
    "import.problem.unknown_value": "Huddle 不认识这个值（可选：{detail}），请在映射中对应",
    "import.problem.negative_quantity": "数量为负数；退货请将状态记为“退货”",
    "import.problem.negative_price": "价格为负数",
    "import.problem.negative_stock": "库存数量、库存金额和入库数量都不能为负数",
    "import.problem.duplicate_key": "同一键值出现在第 {detail} 行",
    "import.problem.closed_without_date": "已赢单或已输单的商机需要填写关闭日期",
    "import.problem.closed_before_created": "关闭日期早于创建日期",
    "import.problem.open_with_close_date": "商机尚未关闭，已忽略其关闭日期",
    "import.problem.created_date_filled": "没有创建日期：已按文件中的最后一天记录",
    "import.problem.left_before_hired": "离职日期早于入职日期",
    "import.problem.out_of_range": "超出允许的范围（{detail}）",
    "import.problem.resolved_before_feedback": "解决日期早于反馈日期",
    "import.problem.follow_up_before_activity": "下次跟进时间早于本次跟进日期，已忽略",
    "import.problem.repeated_row": "第 {detail} 行的所有列都相同：每行都作为单独的记录导入",
    "import.problem.other": "数据有误：{detail}",
    "import.severity.error": "错误",
    "import.severity.warning": "警告",
    "import.problems.heading.row": "行",
    "import.problems.heading.column": "列",
    "import.problems.heading.value": "值",
    "import.problems.heading.reason": "原因",
    "import.problems.heading.reasons": "原因",
    "import.problems.heading.severity": "级别",
    "import.problems.heading.code": "代码",
    "import.problems.cell": "{column}：{reason}",
    "import.ambiguous_dates": (
        "列“{header}”（{name}）：像 {example} 这样的日期既可读作 {formats:zh}，无法确定。"
        "请为 {name} 指定日期格式（命令行：--date-format {name}={second}）。"
    ),
    "import.bad_default": "{field} 的固定值“{value}”无效，可选值：{known}。",
    "import.refused.blocking": "{file} 未导入：{reasons:zh}",
    "import.refused.rows": (
        "{file} 未导入：{rows:,} 行中有 {rejected:,} 行有错误。请修正后重试，或选择只导入有效行、"
        "跳过出错行（命令行：`--on-error quarantine`）。{problems:zh}"
    ),
    "import.refused.line": "第 {row} 行，{column}：{reason:zh}（“{value}”）",
    "import.refused.line_no_value": "第 {row} 行，{column}：{reason:zh}",
    "import.refused.foreign_data": (
        "{path} 中是演示公司的数据（或不是由 Huddle 导入的数据），导入会与之混在一起：请先清除"
        "（命令行用 --replace，数据页勾选“导入时清除演示公司”），或用 --db 导入到另一个文件。"
    ),
    "import.refused.other_company": (
        "{file} 未导入：它看起来是另一家公司的数据。文件中只有 {counts:zh} 已在{company}中。"
        "请选择：仍然添加到{company}（命令行：--add-to-company）；用它替换{company}的数据、"
        "重新开始（--replace-company）；或导入到另一个数据库文件（--db）。"
    ),
    "import.refused.other_company_unnamed": (
        "{file} 未导入：它看起来是另一家公司的数据。文件中只有 {counts:zh} 已在这个数据库的公司中。"
        "请选择：仍然添加到该公司（命令行：--add-to-company）；用它替换该公司的数据、"
        "重新开始（--replace-company）；或导入到另一个数据库文件（--db）。"
    ),
    "import.company_match.count.people": "{total:,} 个人员中的 {matched:,} 个",
    "import.company_match.count.customers": "{total:,} 个客户中的 {matched:,} 个",
    "import.company_match.count.products": "{total:,} 个产品中的 {matched:,} 个",
}

EN: dict[str, str] = {
    **_EN, **import_messages.EN, **backup_messages.EN, **auth_messages.EN,
    **routine_messages.EN, **follow_up_messages.EN,
}  # fmt: skip
ZH: dict[str, str] = {
    **_ZH, **import_messages.ZH, **backup_messages.ZH, **auth_messages.ZH,
    **routine_messages.ZH, **follow_up_messages.ZH,
}  # fmt: skip


def english(key: str, **values: object) -> str:
    """The English text of message `key`, with its {placeholders} filled in."""
    return EN[key].format(**values)


def _render(item: object, language: str) -> str:
    text = getattr(item, "text", None)
    return text(language) if callable(text) else str(item)


def _relabel(value: Any, labels: Mapping[str, Callable[[Any], object]], name: str) -> Any:
    if isinstance(value, Message | MessageList):
        return value.relabel(**labels)
    return labels[name](value) if name in labels else value


class Message(str):
    """A catalogue message: a str of its English text that keeps its key and values.

    `text(language)` renders it in another language; inside a template, "{name:zh}" does. The
    English may be given (`_english`) when it holds technical detail the template leaves out,
    such as a parser's own words; other languages then show the template's sentence.
    """

    catalogues: ClassVar[Mapping[str, Mapping[str, str]]] = {}
    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, *, _english: str | None = None, **values: Any) -> Self:
        """The message `key` with `values`; its English text unless `_english` gives one."""
        text = cls.catalogues["en"][key].format(**values) if _english is None else _english
        message = super().__new__(cls, text)
        message.key = key
        message.values = values
        return message

    def text(self, language: str = "en") -> str:
        """The message in `language` (its English when that language lacks the key)."""
        template = self.catalogues.get(language, {}).get(self.key) if language != "en" else None
        return template.format(**self.values) if template else str.__str__(self)

    def relabel(self, **labels: Callable[[Any], object]) -> Self:
        """The message with each value named in `labels` passed through it, nested messages
        included: how the interface puts its own names (a KPI's label) for the ids kept here."""
        values = {name: _relabel(value, labels, name) for name, value in self.values.items()}
        # The given English (technical detail) stays unless a value now reads differently.
        changed = any(values[name] != value for name, value in self.values.items())
        english = None if changed else str.__str__(self)
        return type(self)(self.key, _english=english, **values)

    def __format__(self, spec: str) -> str:
        return self.text(spec) if spec in LANGUAGES else format(str.__str__(self), spec)

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        # A str subclass is rebuilt from these when pickled or copied (Streamlit may do both).
        return (self.key,), {"_english": str.__str__(self), **self.values}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, {str.__str__(self)!r})"


Message.catalogues = {"en": EN, "zh": ZH}

ListStyle = Literal["bullets", "semicolon", "or", "space"]


class MessageList(str):
    """Messages shown together, a str of their English text: as bullets (a new line and "- "
    before each, at most `limit` of them, then how many more) or in one line, separated by
    semicolons, by "or" or by spaces. Plain strings in it are shown as they are."""

    items: tuple[str, ...]
    style: ListStyle
    limit: int | None

    def __new__(
        cls, items: Iterable[str], *, style: ListStyle = "bullets", limit: int | None = None
    ) -> Self:
        """The list of `items`, shown in `style`."""
        items = tuple(items)
        listed = super().__new__(cls, _joined(items, style, limit, "en"))
        listed.items, listed.style, listed.limit = items, style, limit
        return listed

    def text(self, language: str = "en") -> str:
        """The items in `language`, joined in the list's style."""
        return _joined(self.items, self.style, self.limit, language)

    def relabel(self, **labels: Callable[[Any], object]) -> Self:
        """The list with every message in it relabelled (see Message.relabel)."""
        items = [
            item.relabel(**labels) if isinstance(item, Message | MessageList) else item
            for item in self.items
        ]
        return type(self)(items, style=self.style, limit=self.limit)

    def __format__(self, spec: str) -> str:
        return self.text(spec) if spec in LANGUAGES else format(str.__str__(self), spec)

    def __getnewargs_ex__(self) -> tuple[tuple[tuple[str, ...]], dict[str, Any]]:
        return (self.items,), {"style": self.style, "limit": self.limit}


def _joined(items: tuple[str, ...], style: ListStyle, limit: int | None, language: str) -> str:
    shown = items if limit is None else items[:limit]
    parts = [_render(item, language) for item in shown]
    if style == "bullets":
        text = "".join(f"\n- {part}" for part in parts)
        if len(items) > len(shown):
            text += "\n" + Message("messages.more", count=len(items) - len(shown)).text(language)
        return text
    if style == "space":
        return " ".join(parts)
    separator = Message(f"messages.{style}").text(language)
    return separator.join(parts)


# pydantic's error types, as message keys, and the context value each fills in as {limit}
_LIMITS = {
    "greater_than_equal": ("input.ge", "ge"),
    "greater_than": ("input.gt", "gt"),
    "less_than_equal": ("input.le", "le"),
    "less_than": ("input.lt", "lt"),
    "string_too_short": ("input.text_too_short", "min_length"),
    "string_too_long": ("input.text_too_long", "max_length"),
    "too_short": ("input.too_few", "min_length"),
    "too_long": ("input.too_many", "max_length"),
}
_KINDS = {
    "missing": "input.required",
    "extra_forbidden": "input.extra",
    **dict.fromkeys(
        ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"),
        "input.date",
    ),
    **dict.fromkeys(
        ("int_type", "int_parsing", "int_from_float", "int_parsing_size"), "input.integer"
    ),
    **dict.fromkeys(
        ("float_type", "float_parsing", "decimal_type", "decimal_parsing", "finite_number"),
        "input.number",
    ),
    **dict.fromkeys(("bool_type", "bool_parsing"), "input.bool"),
    "string_type": "input.text",
    **dict.fromkeys(("tuple_type", "list_type", "iterable_type"), "input.list"),
    **dict.fromkeys(("model_type", "dict_type", "model_attributes_type"), "input.table"),
}


def input_problem(error: Mapping[str, Any], *, english: str | None = None) -> Message:
    """One pydantic error (an item of ValidationError.errors()) as a message. Its English is
    pydantic's own (or `english`); a validator that raised InvalidValue keeps its key."""
    english = str(error["msg"]) if english is None else english
    ctx = error.get("ctx") or {}
    cause = getattr(ctx.get("error"), "message", None)
    if isinstance(cause, Message):
        return type(cause)(cause.key, _english=english, **cause.values)
    kind = str(error["type"])
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        return Message(key, _english=english, limit=ctx.get(name))
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return Message("input.choice", _english=english, expected=expected)
    if kind == "string_pattern_mismatch":
        return Message("input.pattern", _english=english, pattern=ctx.get("pattern", ""))
    if kind in _KINDS:
        return Message(_KINDS[kind], _english=english)
    return Message("input.invalid", _english=english, detail=english)
