"""Strings of the stock page and the stand-up's stock section (issue 23), English and Chinese.

The KPIs' own names and rules are in text_kpis.py (from the catalogue)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.stock": "Stock",
    "stock.intro": (
        "How the stores' stock turns, what it costs and which best sellers ran out, from the"
        " stock counts (each item's latest count on or before a day is its stock that day)."
    ),
    "stock.not_counted": (
        "No stock has been counted for this team: import a stock file on the Data page"
        " (What the file holds: Stock counts), or `python cli.py import stock FILE`."
    ),
    "stock.by_category": "Which categories turn slowly",
    "stock.by_category.rule": (
        "Slowest turnover first. Turnover: cost of goods sold ÷ average stock at cost, times"
        " 365 ÷ the days in the period; days of stock = 365 ÷ turnover. Slow movers: more on"
        " hand on the last day than sold in the 90 days up to it; dead stock: no sale in 180"
        " days. Both at cost."
    ),
    "stock.stockouts_week": "Best sellers that ran out this week",
    "stock.stockouts_week.rule": (
        "Best sellers (each store's 10 products with the most units sold in the 90 days up to"
        " {day}) with none on hand on a day of the seven ending {day}; an item counted at 0 is"
        " out until its next count."
    ),
    "stock.stockouts_week.none": "No best seller ran out in the seven days.",
    "stock.slow_movers": "Slow movers and what they cost",
    "stock.slow_movers.rule": (
        "On {day}: {count} items with more units on hand than their store sold in the 90 days"
        " up to that day, holding {value} of stock at cost. Most valuable first."
    ),
    "stock.slow_movers.none": "No slow movers: every item sold at least its stock in 90 days.",
    "stock.standup.heading": "Stock",
    "stock.standup.out_rule": "Best sellers with none on hand on {day}:",
    "stock.standup.out_line": "{store}: **{product}** is out ({sold_90_days} sold in 90 days)",
    "stock.standup.none_out": "No best seller is out of stock.",
    "stock.standup.reorder_rule": (
        "To reorder: in stock, but fewer than {days} days of cover at the last 90 days' sales"
        " (on hand × 90 ÷ units sold):"
    ),
    "stock.standup.reorder_line": (
        "{store}: **{product}**, {on_hand} on hand, {cover_days} days of cover"
    ),
    "stock.standup.none_reorder": "Nothing to reorder.",
    "col.on_hand": "On hand",
    "col.sold_90_days": "Sold in 90 days",
    "col.days_out": "Days out of stock",
    "col.cover_days": "Days of cover",
}

ZH: dict[str, str] = {
    "page.stock": "库存",
    "stock.intro": (
        "门店库存周转得怎样、占用多少成本、哪些畅销品断货，依据库存盘点数据"
        "（每个商品某天的库存取当天或之前最近一次盘点）。"
    ),
    "stock.not_counted": (
        "本团队还没有库存盘点数据：请在“数据”页导入库存文件（文件内容选“库存盘点”），"
        "或运行 `python cli.py import stock FILE`。"
    ),
    "stock.by_category": "哪些品类周转慢",
    "stock.by_category.rule": (
        "周转最慢的排在前面。周转率 = 已售商品成本 ÷ 平均库存成本 × 365 ÷ 本期天数；"
        "库存天数 = 365 ÷ 周转率。滞销品：最后一天在库件数多于此前 90 天的售出件数；"
        "呆滞库存：180 天内没有销售。均按成本计。"
    ),
    "stock.stockouts_week": "本周断货的畅销品",
    "stock.stockouts_week.rule": (
        "畅销品（每个门店在 {day} 之前 90 天内销售件数最多的 10 个商品）在截至 {day} 的七天中"
        "有在库为零的日子；盘点为零的商品到下次盘点前都算断货。"
    ),
    "stock.stockouts_week.none": "这七天没有畅销品断货。",
    "stock.slow_movers": "滞销品及其占用成本",
    "stock.slow_movers.rule": (
        "{day}：{count} 个商品的在库件数多于门店此前 90 天的售出件数，"
        "占用库存成本 {value}。按金额从高到低排列。"
    ),
    "stock.slow_movers.none": "没有滞销品：每个商品 90 天内的销量都不少于其库存。",
    "stock.standup.heading": "库存",
    "stock.standup.out_rule": "{day} 在库为零的畅销品：",
    "stock.standup.out_line": "{store}：**{product}** 已断货（90 天售出 {sold_90_days} 件）",
    "stock.standup.none_out": "没有畅销品断货。",
    "stock.standup.reorder_rule": (
        "需补货：仍有库存，但按最近 90 天的销量只够卖不到 {days} 天（在库件数 × 90 ÷ 售出件数）："
    ),
    "stock.standup.reorder_line": (
        "{store}：**{product}**，在库 {on_hand} 件，够卖 {cover_days} 天"
    ),
    "stock.standup.none_reorder": "暂无需要补货的商品。",
    "col.on_hand": "在库件数",
    "col.sold_90_days": "90 天售出",
    "col.days_out": "断货天数",
    "col.cover_days": "可售天数",
}
