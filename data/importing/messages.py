"""Messages of the import package, in English (EN) and Simplified Chinese (ZH), key for key.

Errors are raised with `ImportFileError.of("import.empty_file", name=...)` and the like: the
English text is the error's message (CLI, logs), and the interface shows the key in the user's
language. Values are plain data (file names, row numbers, column names); a list is one value,
joined with ", ".
"""

from __future__ import annotations

EN: dict[str, str] = {
    # Reading the file (readers.py, encoding.py)
    "import.no_file": "There is no file at {path}.",
    "import.too_large": (
        "{name} is {size_mb:,.1f} MB, over the import limit of {limit_mb:,.0f} MB. Split the "
        "file, or raise the limit with {setting}."
    ),
    "import.empty_file": "{name} is empty: it has no header and no rows.",
    "import.not_really": (
        "{name} is named like a {suffix} file but is not one (it may be damaged or cut short). "
        "Export it again."
    ),
    "import.binary": (
        "{name} is not a table Huddle can read: it holds binary data, not text. Huddle reads "
        "CSV/TSV, XLSX and Parquet files."
    ),
    "import.truncated": (
        "{name} cannot be read: row {row} opens a quoted value that never closes: the file may "
        "be cut short. Nothing was imported."
    ),
    "import.column_count": (
        "{name} cannot be read: row {row} has {found} values where the header has {expected}: "
        "the file may be cut short, or its delimiter is not the one detected. Nothing was "
        "imported."
    ),
    "import.not_utf8": (
        "{name} cannot be read: row {row} is not valid UTF-8 text: choose the file's encoding "
        "({encodings}). Nothing was imported."
    ),
    "import.unreadable": "{name} cannot be read: {detail}. Nothing was imported.",
    "import.bad_xlsx": (
        "{name} is not a readable Excel file ({detail}): it may be damaged or cut short. Open "
        "it in Excel and save it again."
    ),
    "import.no_sheet": "{name} has no sheet called '{sheet}'. Its sheets: {sheets}.",
    "import.empty_sheet": "The sheet '{sheet}' of {name} is empty.",
    "import.bad_parquet": (
        "{name} is not a readable Parquet file: {detail}. It may be damaged or cut short."
    ),
    "import.no_rows": "{name} has a header but no rows: there is nothing to import.",
    "import.unknown_encoding": "Huddle cannot read the encoding '{encoding}'. It reads: {known}.",
    "import.bad_encoding": (
        "{name} is not valid {encoding} text at byte {position:,}. Choose another encoding (for "
        "example {encodings}) and try again."
    ),
    "import.mixed_line_ends": (
        "{name} cannot be read: its lines do not all end the same way (some in CR LF, others "
        "in LF or CR alone), or a value holds a stray line break. Open it in a spreadsheet or "
        "text editor and save it again as CSV. Nothing was imported."
    ),
    "import.bad_delimiter": (
        "The delimiter '{delimiter}' cannot be used: a delimiter is exactly one character, such "
        "as , ; | or a tab, and not a quote mark or a line end."
    ),
    "import.xlsx_no_sheets": (
        "{name} has no sheet Huddle can read: the workbook may be damaged or cut short. Open it "
        "in Excel and save it again."
    ),
    "import.xlsx_too_many_rows": (
        "The sheet '{sheet}' of {name} goes past row {max_rows:,}, Excel's own limit: the file "
        "is damaged or was not written by Excel. Nothing was imported."
    ),
    "import.xlsx_too_many_columns": (
        "Row {row:,} of the sheet '{sheet}' in {name} has {columns:,} columns; Huddle reads at "
        "most {max_columns:,}. Delete the columns you do not need, or save the sheet as CSV. "
        "Nothing was imported."
    ),
    "import.xlsx_too_slow": (
        "Reading the sheet '{sheet}' of {name} took longer than {seconds:,.0f} seconds (it "
        "stopped at row {row:,}). Save the sheet as CSV, which Huddle reads far faster, or "
        "raise the limit with {setting}. Nothing was imported."
    ),
    # Whole-file problems found while checking the rows (validate.py)
    "import.team_cycle": (
        "The parent teams form a circle: {cycle}. A team cannot be inside itself or inside one "
        "of its own groups, or it has no top team and vanishes from the team filter. Fix the "
        "column '{column}' for {teams}."
    ),
    # A problem of one row (validate.py), beside those in data/messages.py
    "import.problem.date_out_of_range": (
        "outside the dates Huddle accepts ({detail}: from 1900-01-01 to a year after today)"
    ),
    # Mappings and presets (mapping.py, presets.py, values.py)
    "import.unknown_table": "Huddle cannot import into '{table}'. It imports: {tables}.",
    "import.mapping_unknown_entries": "A mapping has unknown entries: {entries}.",
    "import.mapping_no_table": "A mapping must say which table it imports into (table = ...).",
    "import.unknown_field": "The {table} import has no field {fields}. Its fields: {known}.",
    "import.missing_column": "The file has no column '{columns}'. Its columns: {headers}.",
    "import.unknown_date_format": (
        "'{format}' (for {field}) is not a date format Huddle knows: {known}."
    ),
    "import.required_missing": (
        "A required column is missing: nothing in the file is mapped to {fields} for the "
        "{table} import. Map a column to it, or check that this is the right file."
    ),
    "import.unknown_canonical": "'{value}' is not a {kind}; use one of: {known}.",
    "import.preset_no_table": "The preset '{preset}' has no mapping for {table}; it has: {tables}.",
    "import.preset_malformed": "A preset is malformed: {detail} is missing or wrong.",
    "import.no_preset": "There is no preset called '{name}'. Presets: {presets}.",
    "import.preset_needs_name": "A preset needs a name.",
    "import.preset_name_taken": (
        "'{name}' is the name of a preset that ships with Huddle; pick another."
    ),
    # The imported company (company.py); refusals of a whole import are in data/messages.py
    "import.merge_tables": "Only {tables} can be merged, not {table}.",
    "import.merge_self": "A row cannot be merged into itself.",
    "import.merge_no_row": "There is no {table} row with id {from_id} or {into_id}.",
}

ZH: dict[str, str] = {
    "import.no_file": "找不到文件：{path}。",
    "import.too_large": (
        "文件“{name}”大小为 {size_mb:,.1f} MB，超过了 {limit_mb:,.0f} MB 的导入上限。"
        "请拆分文件，或通过 {setting} 提高上限。"
    ),
    "import.empty_file": "文件“{name}”是空的：既没有表头，也没有数据行。",
    "import.not_really": (
        "文件“{name}”的扩展名是 {suffix}，但内容并不是该格式（可能已损坏或不完整）。请重新导出。"
    ),
    "import.binary": (
        "文件“{name}”不是 Huddle 能读取的表格：其中是二进制数据，而不是文本。"
        "Huddle 支持 CSV/TSV、XLSX 和 Parquet 文件。"
    ),
    "import.truncated": (
        "无法读取文件“{name}”：第{row}行的引号没有闭合，文件可能不完整。未导入任何数据。"
    ),
    "import.column_count": (
        "无法读取文件“{name}”：第{row}行有{found}个值，而表头有{expected}列。"
        "文件可能不完整，或者分隔符与自动识别的不同。未导入任何数据。"
    ),
    "import.not_utf8": (
        "无法读取文件“{name}”：第{row}行不是有效的 UTF-8 文本，请选择文件的编码（{encodings}）。"
        "未导入任何数据。"
    ),
    "import.unreadable": "无法读取文件“{name}”：{detail}。未导入任何数据。",
    "import.bad_xlsx": (
        "文件“{name}”不是可读取的 Excel 文件（{detail}），可能已损坏或不完整。"
        "请用 Excel 打开后重新保存。"
    ),
    "import.no_sheet": "文件“{name}”中没有名为“{sheet}”的工作表。现有工作表：{sheets}。",
    "import.empty_sheet": "文件“{name}”的工作表“{sheet}”是空的。",
    "import.bad_parquet": (
        "文件“{name}”不是可读取的 Parquet 文件：{detail}。文件可能已损坏或不完整。"
    ),
    "import.no_rows": "文件“{name}”只有表头，没有数据行，没有可导入的内容。",
    "import.unknown_encoding": "Huddle 无法读取编码“{encoding}”。支持的编码：{known}。",
    "import.bad_encoding": (
        "文件“{name}”在第{position:,}字节处不是有效的 {encoding} 文本。"
        "请换一种编码（例如 {encodings}）后重试。"
    ),
    "import.mixed_line_ends": (
        "无法读取文件“{name}”：各行的换行符不一致（有的是 CR LF，有的只有 LF 或 CR），"
        "或某个值中有多余的换行符。请用电子表格或文本编辑器打开后重新另存为 CSV。未导入任何数据。"
    ),
    "import.bad_delimiter": (
        "分隔符“{delimiter}”无法使用：分隔符必须恰好是一个字符，例如 , ; | 或制表符，"
        "且不能是引号或换行符。"
    ),
    "import.xlsx_no_sheets": (
        "文件“{name}”中没有 Huddle 能读取的工作表，文件可能已损坏或不完整。"
        "请用 Excel 打开后重新保存。"
    ),
    "import.xlsx_too_many_rows": (
        "文件“{name}”的工作表“{sheet}”超过了第 {max_rows:,} 行（Excel 本身的上限），"
        "文件已损坏或并非由 Excel 生成。未导入任何数据。"
    ),
    "import.xlsx_too_many_columns": (
        "文件“{name}”的工作表“{sheet}”第 {row:,} 行有 {columns:,} 列，Huddle 最多读取 "
        "{max_columns:,} 列。请删除不需要的列，或将工作表另存为 CSV。未导入任何数据。"
    ),
    "import.xlsx_too_slow": (
        "读取文件“{name}”的工作表“{sheet}”超过了 {seconds:,.0f} 秒（停在第 {row:,} 行）。"
        "请将工作表另存为 CSV（Huddle 读取 CSV 快得多），或通过 {setting} 提高上限。"
        "未导入任何数据。"
    ),
    "import.team_cycle": (
        "上级团队形成了一个环：{cycle}。团队不能属于它自己，也不能属于它自己的下级小组，"
        "否则它没有顶层团队，会从团队筛选中消失。请修改“{column}”一列中 {teams} 的上级团队。"
    ),
    "import.problem.date_out_of_range": (
        "超出 Huddle 接受的日期范围（{detail}：从 1900-01-01 到今天之后一年）"
    ),
    "import.unknown_table": "Huddle 无法导入到“{table}”。可导入的表：{tables}。",
    "import.mapping_unknown_entries": "映射中有无法识别的项：{entries}。",
    "import.mapping_no_table": "映射必须指明导入到哪张表（table = ...）。",
    "import.unknown_field": "{table} 表的导入中没有字段 {fields}。可用字段：{known}。",
    "import.missing_column": "文件中没有列“{columns}”。文件中的列：{headers}。",
    "import.unknown_date_format": (
        "“{format}”（{field}）不是 Huddle 支持的日期格式。支持的格式：{known}。"
    ),
    "import.required_missing": (
        "缺少必填列：{table} 导入中没有任何列映射到 {fields}。请为其映射一列，或确认文件是否正确。"
    ),
    "import.unknown_canonical": "“{value}”不是有效的 {kind}，请使用以下之一：{known}。",
    "import.preset_no_table": "预设“{preset}”中没有 {table} 的映射，它包含：{tables}。",
    "import.preset_malformed": "预设格式有误：{detail} 缺失或不正确。",
    "import.no_preset": "没有名为“{name}”的预设。现有预设：{presets}。",
    "import.preset_needs_name": "请为预设命名。",
    "import.preset_name_taken": "“{name}”是 Huddle 自带预设的名称，请换一个。",
    "import.merge_tables": "只能合并 {tables}，不能合并 {table}。",
    "import.merge_self": "不能把一行合并到它自己。",
    "import.merge_no_row": "{table} 中没有 ID 为 {from_id} 或 {into_id} 的行。",
}
