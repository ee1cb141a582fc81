"""How the Data page says a file was read (encoding, delimiter, sheet, date formats), in
English (EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "data.read_as_text": "read as {encoding} ({why}), delimiter {delimiter}",
    "data.read_as_sheet": "read as {format}, sheet “{sheet}”",
    "data.read_as": "read as {format}",
    "data.delimiter.tab": "tab",
    "data.encoding_why.bom": "byte-order mark",
    "data.encoding_why.ascii": "plain ASCII",
    "data.encoding_why.utf8": "valid UTF-8",
    "data.encoding_why.gbk": "Chinese text in GBK/GB18030",
    "data.encoding_why.cp1252": "not UTF-8; Western European text (Windows-1252)",
    "data.encoding_why.latin1": "not UTF-8 or Windows-1252; read as Latin-1",
    "data.encoding_why.chosen": "chosen by you",
    "data.date_format": "{field} {format}",
}

ZH: dict[str, str] = {
    "data.read_as_text": "编码 {encoding}（{why}），分隔符{delimiter}",
    "data.read_as_sheet": "按 {format} 读取，工作表“{sheet}”",
    "data.read_as": "按 {format} 读取",
    "data.delimiter.tab": "制表符",
    "data.encoding_why.bom": "文件带字节顺序标记",
    "data.encoding_why.ascii": "纯英文字符",
    "data.encoding_why.utf8": "有效的 UTF-8",
    "data.encoding_why.gbk": "GBK/GB18030 中文编码",
    "data.encoding_why.cp1252": "不是 UTF-8，按西欧编码（Windows-1252）读取",
    "data.encoding_why.latin1": "不是 UTF-8 或 Windows-1252，按 Latin-1 读取",
    "data.encoding_why.chosen": "由你指定",
    "data.date_format": "{field}：{format}",
}
