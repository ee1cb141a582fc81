"""Strings of the company profile (name, fiscal year start, time zone) and of the choice an
import offers when a file looks like another company's, in English (EN) and Simplified
Chinese (ZH)."""

from __future__ import annotations

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

EN: dict[str, str] = {
    "company.header": "Company profile",
    "company.name": "Company name",
    "company.name.help": (
        "How Huddle names the company in this database, 1 to 80 characters. The first import "
        "sets it from its preset's title or the file's name; change it here."
    ),
    "company.name.unset": (
        "No name yet: the first import names the company after its preset or its file."
    ),
    "company.fiscal_year_start": "Fiscal year starts in",
    "company.fiscal_year_start.help": (
        "The first month of the company's fiscal year. Stored and shown only for now: "
        "periods on the pages still follow the calendar year (January to December)."
    ),
    "company.time_zone": "Time zone",
    "company.time_zone.help": (
        "The company's time zone (an IANA name such as Asia/Shanghai). Stored and shown only "
        "for now: every date is the day your files give."
    ),
    "company.save": "Save profile",
    "company.saved": ("Saved: {name}; fiscal year starts in {month}; time zone {zone}."),
    "company.this": "this database's company",
    # An import that looks like another company's (data/importing/company_match.py)
    "company.mismatch.choice": "This file looks like another company's. What should happen?",
    "company.mismatch.rule": (
        "The rule: a file is another company's when it names at least 20 people, customers "
        "or products of a kind the database holds, and in every kind it shares with the "
        "database fewer than 1 in 5 of its entries are already there (by the file's id, or by "
        "name ignoring case, spaces and punctuation). Smaller files are never stopped."
    ),
    "company.mismatch.none": "Nothing yet: let me decide",
    "company.mismatch.add": "Add to {company}",
    "company.mismatch.replace": "Replace the data of {company} (start fresh)",
    "company.mismatch.other_db": (
        "To keep the companies apart instead, import this file into another database file "
        "(start Huddle with HUDDLE_DB pointing at it)."
    ),
    **{f"company.month.{n}": name for n, name in enumerate(_MONTHS_EN, start=1)},
}

ZH: dict[str, str] = {
    "company.header": "公司资料",
    "company.name": "公司名称",
    "company.name.help": (
        "Huddle 对此数据库中公司的称呼，1 到 80 个字符。首次导入时按预设标题或文件名设置，"
        "可在此修改。"
    ),
    "company.name.unset": "尚未命名：首次导入会按其预设或文件名为公司命名。",
    "company.fiscal_year_start": "财年起始月份",
    "company.fiscal_year_start.help": (
        "公司财年的第一个月。目前仅保存和显示：各页面的期间仍按自然年（一月至十二月）计算。"
    ),
    "company.time_zone": "时区",
    "company.time_zone.help": (
        "公司所在时区，按国际时区数据库中的名称填写（区分大小写）。目前仅保存和显示："
        "日期仍以文件中的日期为准。"
    ),
    "company.save": "保存资料",
    "company.saved": "已保存：{name}；财年从{month}开始；时区 {zone}。",
    "company.this": "这个数据库的公司",
    "company.mismatch.choice": "这个文件看起来是另一家公司的数据。要怎么处理？",
    "company.mismatch.rule": (
        "规则：文件中某一类（人员、客户、产品，且数据库中已有该类）至少有 20 个条目，并且在文件与"
        "数据库共有的每一类中，已在数据库中的条目都不到五分之一（按文件中的编号，或按名称比对，忽略大小写、"
        "空格和标点），即视为另一家公司的文件。更小的文件不会被拦下。"
    ),
    "company.mismatch.none": "暂不处理，让我再想想",
    "company.mismatch.add": "添加到{company}",
    "company.mismatch.replace": "替换{company}的数据（重新开始）",
    "company.mismatch.other_db": (
        "若要把两家公司分开，请把这个文件导入另一个数据库文件"
        "（启动 Huddle 时将 HUDDLE_DB 指向它）。"
    ),
    **{f"company.month.{n}": f"{n}月" for n in range(1, 13)},
}
