"""Strings of the app's shell (the language switch), of number formatting and of the company
settings (the currency), in English (EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "list.separator": ", ",
    "list.and_more": " and {count} more",
    "format.days": "{days} days",
    "format.points": "{points} pts",
    # A st.column_config printf format: the value is a change in percentage points.
    "format.points_column": "%+.1f pts",
    "shell.language": "Language",
    "shell.upload_button": "Upload",
    "shell.upload_hint": "Drop a file here, up to 200 MB",
    "currency.CNY": "¥ CNY",
    "currency.USD": "$ USD",
    "currency.EUR": "€ EUR",
    "settings.header": "Company currency",
    "settings.currency": "Currency of the amounts",
    "settings.currency.help": (
        "The currency your data's amounts are in. Every page shows money with its symbol, "
        "in English and in Chinese alike; amounts are never converted."
    ),
    "settings.currency.unset": (
        "No currency has been set for this data yet: amounts show as {currency} until you save one."
    ),
    "settings.save": "Save",
    "settings.saved": "Amounts now show in {currency}.",
}

ZH: dict[str, str] = {
    "list.separator": "、",
    "list.and_more": "，另有{count}个",
    "format.days": "{days}天",
    "format.points": "{points}个百分点",
    "format.points_column": "%+.1f个百分点",
    "shell.language": "语言",
    "shell.upload_button": "上传",
    "shell.upload_hint": "将文件拖到此处，最大 200MB",
    "currency.CNY": "¥ 人民币",
    "currency.USD": "$ 美元",
    "currency.EUR": "€ 欧元",
    "settings.header": "公司币种",
    "settings.currency": "金额的货币",
    "settings.currency.help": (
        "数据中金额所用的货币。每个页面都以它的符号显示金额，中文和英文界面相同；金额不做换算。"
    ),
    "settings.currency.unset": "这份数据尚未设置货币：保存之前，金额按{currency}显示。",
    "settings.save": "保存",
    "settings.saved": "金额现在以{currency}显示。",
}
