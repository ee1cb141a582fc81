"""Strings of the app's shell (language and currency switches) and of number formatting, in
English (EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {
    "list.separator": ", ",
    "format.days": "{days} days",
    "format.points": "{points} pts",
    "shell.language": "Language",
    "shell.currency": "Currency",
    "shell.currency.help": "The symbol money is shown with; amounts are not converted.",
    "shell.upload_button": "Upload",
    "shell.upload_hint": "Drop a file here, up to 200 MB",
    "currency.CNY": "¥ CNY",
    "currency.USD": "$ USD",
    "currency.EUR": "€ EUR",
}

ZH: dict[str, str] = {
    "list.separator": "、",
    "format.days": "{days}天",
    "format.points": "{points}个百分点",
    "shell.language": "语言",
    "shell.currency": "货币",
    "shell.currency.help": "金额显示的货币符号；金额本身不做换算。",
    "shell.upload_button": "上传",
    "shell.upload_hint": "将文件拖到此处，最大 200MB",
    "currency.CNY": "¥ 人民币",
    "currency.USD": "$ 美元",
    "currency.EUR": "€ 欧元",
}
