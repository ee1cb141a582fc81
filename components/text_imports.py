"""Strings of the Data page: importing files, mapping columns, import history, in English
(EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.data": "Data",
    "data.intro": (
        "Import your CRM or shop system's exports (CSV, TSV, Excel, Parquet): pick what the file "
        "holds, check the columns, read the report, import. Nothing is written until you press "
        "Import, and a failed import leaves the data as it was."
    ),
    "data.foreign": (
        "This database holds the demo company (or data Huddle did not import). Your rows must "
        "not mix with it: tick the box below to clear it when you import."
    ),
    "data.replace": "Clear the demo company when I import",
    "data.upload": "File to import",
    "data.upload.help": "CSV or TSV (any delimiter), XLSX or Parquet; GBK and Windows-1252 work.",
    "data.table": "What the file holds",
    "data.health.table.teams": "Teams",
    "data.health.table.reps": "People",
    "data.health.table.customers": "Customers",
    "data.health.table.products": "Products",
    "data.health.table.orders": "Order lines",
    "data.health.table.deals": "Deals",
    "data.health.table.activities": "Activities",
    "data.health.table.feedback": "Customer feedback",
    "data.health.table.stock": "Stock counts",
    "data.tick_to_import": (
        "The check above assumes the demo company is cleared. To import, tick “Clear the demo "
        "company when I import” at the top."
    ),
    "data.table.teams": "Teams",
    "data.table.reps": "People (sales reps, managers)",
    "data.table.customers": "Customers",
    "data.table.products": "Products",
    "data.table.orders": "Order lines (sales)",
    "data.table.deals": "Deals (pipeline, opportunities)",
    "data.table.activities": "Activities (calls, visits, messages, meetings)",
    "data.table.feedback": "Customer feedback (complaints, CSAT, NPS)",
    "data.table.stock": "Stock counts (on hand and its cost, per store and product)",
    "data.preset": "Mapping preset",
    "data.preset.none": "None: match the headers",
    "data.settings": "How the file is read",
    "data.encoding": "Encoding",
    "data.encoding.auto": "Detect",
    "data.delimiter": "Delimiter",
    "data.delimiter.auto": "Detect",
    "data.sheet": "Sheet",
    "data.detected": "Read {rows} rows and {columns} columns; {how}.",
    "data.preview": "First rows",
    "data.mapping": "Columns",
    "data.mapping.help": (
        "Each field Huddle knows, and the file's column that fills it. Change any choice; "
        "required fields are marked."
    ),
    "data.mapping.field": "Field",
    "data.mapping.required": "Required",
    "data.mapping.column": "Column in the file",
    "data.mapping.missing": "Required and not mapped: {fields}.",
    "data.mapping.skipped": "Not in this file, left empty: {columns}.",
    "data.dates": "Dates read as: {formats}.",
    "data.unmapped": "{field}: values Huddle does not know: {values}.",
    "data.preset.save": "Save this mapping as a preset",
    "data.preset.name": "Preset name",
    "data.preset.saved": "Saved the preset {name}.",
    "data.report": "Check",
    "data.report.rows": "Rows",
    "data.report.errors": "Rows with errors",
    "data.report.warnings": "Warnings",
    "data.report.clean": "No problems found.",
    "data.report.problems": "Every problem, by row",
    "data.report.rejected": "Rows that would be set aside",
    "data.report.before": "This file was imported before ({when}).",
    "data.report.would": "Would add {added}, update {updated}, leave {unchanged} as they are.",
    "data.on_error": "When rows have errors",
    "data.on_error.reject": "Reject the whole file",
    "data.on_error.quarantine": "Import the valid rows, set the rest aside",
    "data.commit": "Import",
    "data.committing": "Importing…",
    "data.done": "Imported {file}: {added} added, {updated} updated, {rejected} set aside.",
    "data.rejected": "Not imported: {message}",
    "data.blocked": "The file cannot be imported as it is.",
    "data.multi.upload": "The preset's {count} files (choose them all at once)",
    "data.multi.upload.help": (
        "Each file is matched to the preset's by its name, upper or lower case alike."
    ),
    "data.multi.order": (
        "{preset}: the files are imported in this order, all in one go: people and teams first, "
        "then customers and products, then the deals and sales that name them. If any file is "
        "refused, none of them is imported."
    ),
    "data.multi.col.order": "Order",
    "data.multi.col.file": "File",
    "data.multi.col.table": "Goes to",
    "data.multi.col.status": "Status",
    "data.multi.status.received": "Received",
    "data.multi.status.missing": "Missing",
    "data.multi.status.extra": "Not part of this preset (left out)",
    "data.multi.missing": "Still missing: {files}. Import waits until every file is here.",
    "data.multi.committing": "Importing file {number} of {total}: {file}",
    "data.multi.done": "Imported {count} files in one go. Per file:",
    "data.multi.rejected": "Nothing was imported, from any of the {count} files: {message}",
    "data.history": "Import history",
    "data.history.empty": "Nothing imported yet.",
    "data.health": "Data health",
    "data.duplicates": "Likely duplicates",
    "data.duplicates.none": "No names that differ only in spacing, case or punctuation.",
    "data.duplicates.merge": "Merge {source} into {target}",
    "data.duplicates.merged": "Merged {source} into {target}.",
    "data.demo": "Back to the demo company",
    "data.demo.help": (
        "Replaces everything in this database with the generated demo company. The import "
        "history stays."
    ),
    "data.demo.confirm": "Yes, replace my data with the demo company",
    "data.demo.button": "Rebuild the demo company",
    "data.demo.done": "The demo company is back.",
    "data.backup": "Back up the data",
    "data.backup.help": (
        "A backup is a copy of the whole database (every table, every review) at one moment, "
        "saved beside it in `{folder}` with a SHA-256 checksum file, which `python cli.py "
        "restore` checks before it puts the copy back. Download it to keep it somewhere else."
    ),
    "data.backup.button": "Make a backup now",
    "data.backup.download": "Download the backup",
    "data.backup.done": "Backed up to `{path}` (SHA-256 `{sha256}`).",
    "data.backup.first": (
        "This replaces data that cannot be brought back otherwise: make a backup first."
    ),
    "data.backup.server": (
        "This company lives on the PostgreSQL server `{url}`: back it up with the server's own "
        "tools (`pg_dump`, or your provider's snapshots), which copy it while people keep "
        "working. Huddle's backup button copies a DuckDB file, so it is not offered here."
    ),
    "col.table_name": "Table",
    "col.first_date": "First date",
    "col.last_date": "Last date",
    "col.days_since_last": "Days since the last",
    "col.dates_out_of_range": "Dates outside 1900 – next year",
    "col.orphans": "Orphan references",
    "col.imported_at": "When",
    "col.file_name": "File",
    "col.target_table": "Into",
    "col.rows_in_file": "Rows in file",
    "col.rows_added": "Added",
    "col.rows_updated": "Updated",
    "col.rows_unchanged": "Unchanged",
    "col.rows_rejected": "Rejected",
    # Fields only the activities and feedback imports have, as the mapping table heads them.
    "col.activity_key": "Activity ID",
    "col.activity_date": "Activity date",
    "col.next_follow_up_date": "Next follow-up date",
    "col.feedback_key": "Feedback ID",
    "col.feedback_date": "Feedback date",
    "col.resolved_date": "Resolved date",
    # Fields only the stock import has.
    "col.count_date": "Count date",
    "col.unit_cost": "Unit cost",
    "col.received": "Received since the last count",
}

ZH: dict[str, str] = {
    "page.data": "数据",
    "data.intro": (
        "导入 CRM 或门店系统导出的文件（CSV、TSV、Excel、Parquet）：选择文件内容，"
        "核对列，查看检查结果，然后导入。点击“导入”之前不会写入任何数据，"
        "导入失败时数据保持原样。"
    ),
    "data.foreign": (
        "当前数据库中是演示公司的数据（或非 Huddle 导入的数据）。你的数据不能与之混在一起："
        "导入时请勾选下方选项将其清空。"
    ),
    "data.replace": "导入时清空演示公司",
    "data.upload": "要导入的文件",
    "data.upload.help": (
        "CSV 或 TSV（任意分隔符）、XLSX 或 Parquet；支持 GBK 和 Windows-1252 编码。"
    ),
    "data.table": "文件内容",
    "data.health.table.teams": "团队",
    "data.health.table.reps": "人员",
    "data.health.table.customers": "客户",
    "data.health.table.products": "产品",
    "data.health.table.orders": "订单行",
    "data.health.table.deals": "商机",
    "data.health.table.activities": "跟进记录",
    "data.health.table.feedback": "客户反馈",
    "data.health.table.stock": "库存盘点",
    "data.tick_to_import": (
        "上面的检查按已清空演示公司计算。要导入，请先勾选页面顶部的“导入时清空演示公司”。"
    ),
    "data.table.teams": "团队",
    "data.table.reps": "人员（销售、主管）",
    "data.table.customers": "客户",
    "data.table.products": "产品",
    "data.table.orders": "订单行（销售明细）",
    "data.table.deals": "商机（销售机会）",
    "data.table.activities": "跟进记录（电话、拜访、消息、会议）",
    "data.table.feedback": "客户反馈（投诉、满意度、NPS）",
    "data.table.stock": "库存盘点（各门店各商品的在库数量及成本）",
    "data.preset": "列映射预设",
    "data.preset.none": "不用预设：按表头匹配",
    "data.settings": "文件读取方式",
    "data.encoding": "编码",
    "data.encoding.auto": "自动识别",
    "data.delimiter": "分隔符",
    "data.delimiter.auto": "自动识别",
    "data.sheet": "工作表",
    "data.detected": "已读取{rows}行、{columns}列；{how}。",
    "data.preview": "前几行",
    "data.mapping": "列映射",
    "data.mapping.help": "Huddle 的各个字段及文件中对应的列。每项都可以修改；必填字段已标出。",
    "data.mapping.field": "字段",
    "data.mapping.required": "必填",
    "data.mapping.column": "文件中的列",
    "data.mapping.missing": "以下必填字段尚未映射：{fields}。",
    "data.mapping.skipped": "文件中没有以下列，将留空：{columns}。",
    "data.dates": "日期按以下格式读取：{formats}。",
    "data.unmapped": "{field}：Huddle 无法识别的值：{values}。",
    "data.preset.save": "将此映射保存为预设",
    "data.preset.name": "预设名称",
    "data.preset.saved": "已保存预设“{name}”。",
    "data.report": "检查结果",
    "data.report.rows": "行数",
    "data.report.errors": "出错行数",
    "data.report.warnings": "警告",
    "data.report.clean": "未发现问题。",
    "data.report.problems": "全部问题（按行）",
    "data.report.rejected": "将被跳过的行",
    "data.report.before": "此文件之前已导入过（{when}）。",
    "data.report.would": "将新增{added}条、更新{updated}条，{unchanged}条保持不变。",
    "data.on_error": "有出错行时",
    "data.on_error.reject": "整个文件都不导入",
    "data.on_error.quarantine": "只导入有效行，跳过出错行",
    "data.commit": "导入",
    "data.committing": "正在导入…",
    "data.done": "已导入{file}：新增{added}条，更新{updated}条，跳过{rejected}条。",
    "data.rejected": "未导入：{message}",
    "data.blocked": "该文件需修改后才能导入。",
    "data.multi.upload": "预设的 {count} 个文件（请一次全部选择）",
    "data.multi.upload.help": "按文件名与预设中的文件对应，不区分大小写。",
    "data.multi.order": (
        "{preset}：文件按此顺序一次性导入：先人员和团队，再客户和产品，最后是引用它们的商机和销售。"
        "任何一个文件被拒绝，所有文件都不会导入。"
    ),
    "data.multi.col.order": "顺序",
    "data.multi.col.file": "文件",
    "data.multi.col.table": "导入到",
    "data.multi.col.status": "状态",
    "data.multi.status.received": "已收到",
    "data.multi.status.missing": "缺少",
    "data.multi.status.extra": "不属于此预设（不导入）",
    "data.multi.missing": "仍缺少：{files}。所有文件齐全后才能导入。",
    "data.multi.committing": "正在导入第 {number} 个文件，共 {total} 个：{file}",
    "data.multi.done": "已一次性导入 {count} 个文件。各文件情况：",
    "data.multi.rejected": "{count} 个文件均未导入：{message}",
    "data.history": "导入记录",
    "data.history.empty": "还没有导入过数据。",
    "data.health": "数据健康度",
    "data.duplicates": "疑似重复",
    "data.duplicates.none": "没有仅在空格、大小写或标点上不同的名称。",
    "data.duplicates.merge": "将{source}合并到{target}",
    "data.duplicates.merged": "已将{source}合并到{target}。",
    "data.demo": "恢复演示公司",
    "data.demo.help": "用生成的演示公司替换此数据库中的全部数据。导入记录会保留。",
    "data.demo.confirm": "确认用演示公司替换我的数据",
    "data.demo.button": "重建演示公司",
    "data.demo.done": "演示公司已恢复。",
    "data.backup": "备份数据",
    "data.backup.help": (
        "备份是整个数据库（所有数据表、所有评估）在某一时刻的副本，保存在旁边的 `{folder}` 中，"
        "并附有 SHA-256 校验文件；`python cli.py restore` 恢复前会先核对它。可下载备份另行保管。"
    ),
    "data.backup.button": "立即备份",
    "data.backup.download": "下载备份",
    "data.backup.done": "已备份到 `{path}`（SHA-256 `{sha256}`）。",
    "data.backup.first": "此操作替换的数据无法通过其他方式找回：请先备份。",
    "data.backup.server": (
        "本公司的数据在 PostgreSQL 服务器 `{url}` 上：请用服务器自带的工具备份"
        "（`pg_dump`，或云服务商的快照），备份时大家可以照常使用。"
        "Huddle 的备份按钮只复制 DuckDB 文件，因此这里不提供。"
    ),
    "col.table_name": "数据表",
    "col.first_date": "最早日期",
    "col.last_date": "最近日期",
    "col.days_since_last": "距今天数",
    "col.dates_out_of_range": "超出1900年至明年的日期",
    "col.orphans": "无效关联",
    "col.imported_at": "导入时间",
    "col.file_name": "文件",
    "col.target_table": "导入到",
    "col.rows_in_file": "文件行数",
    "col.rows_added": "新增",
    "col.rows_updated": "更新",
    "col.rows_unchanged": "未变",
    "col.rows_rejected": "跳过",
    "col.activity_key": "跟进记录编号",
    "col.activity_date": "跟进日期",
    "col.next_follow_up_date": "下次跟进日期",
    "col.feedback_key": "反馈编号",
    "col.feedback_date": "反馈日期",
    "col.resolved_date": "解决日期",
    "col.count_date": "盘点日期",
    "col.unit_cost": "成本单价",
    "col.received": "上次盘点以来入库数量",
}
