"""A deterministic demo company: three years of a home-and-kitchen brand's sales teams.

`generate_demo` fills a Store with teams, reps, customers, products, order lines, deals,
activities, feedback and targets. The same seed, end date and size give byte-identical tables:
every random draw comes from one numpy Generator seeded with `seed`, and nothing reads the clock
except the default end date.

Names, cities, products and texts live in module-level tuples per locale (English and
Simplified Chinese) so another language can be added by writing one more `_Vocabulary`; the
review texts have their own per-locale table in data/demo_reviews.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from data.auth import seed_demo_users
from data.company_kind import mark_demo
from data.company_profile import clear_profile
from data.demo_reviews import write_demo_reviews
from data.demo_routines import write_demo_routines
from data.demo_scale import STANDARD_REPS, chart_copies, check_demo_size
from data.demo_stock import write_demo_stock
from data.demo_training import write_demo_training
from data.importing.runner import DEPENDENT_TABLES
from data.models import SELLING_ROLES
from data.rollups import refresh_rollups
from data.settings import write_currency
from data.store import Store
from data.targets import record_rep_teams

# --------------------------------------------------------------------------------------------
# English vocabulary. A locale lists its tuples in the same order as the English ones, because
# the channel, industry and region weights below are positional.
# --------------------------------------------------------------------------------------------

EN_FIRST_NAMES: tuple[str, ...] = (
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas",
    "Mia", "James", "Charlotte", "Benjamin", "Amelia", "Henry", "Harper", "Daniel", "Evelyn",
    "Samuel", "Grace", "Owen", "Chloe", "Leo", "Nora", "Julian", "Hannah", "Caleb", "Zoe",
    "Nathan", "Lily", "Isaac", "Ella", "Adrian", "Maya", "Ryan", "Claire", "Aaron", "Ruby",
    "Miles",
)  # fmt: skip

EN_LAST_NAMES: tuple[str, ...] = (
    "Smith", "Johnson", "Brown", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson",
    "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott",
    "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter",
    "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy",
    "Cook", "Rogers", "Reed",
)  # fmt: skip

# Top-level teams and their groups, in the order of CHANNELS below.
EN_TEAMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Retail Stores", ("Downtown Store", "Riverside Store", "Airport Store")),
    (
        "Wholesale Distribution",
        ("Wholesale – Initial Contact", "Wholesale – Follow-up", "Wholesale – Closing"),
    ),
    ("Private Domain", ("WeChat Community", "Livestream")),
    ("Showroom", ("Showroom North", "Showroom South")),
)

# Regions and their cities, in the order of REGION_WEIGHTS.
EN_REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("North", ("Minneapolis", "Chicago", "Detroit", "Milwaukee")),
    ("South", ("Atlanta", "Houston", "Miami", "Nashville")),
    ("East", ("New York", "Boston", "Philadelphia", "Baltimore")),
    ("West", ("Seattle", "Portland", "San Francisco", "Denver")),
    ("Central", ("Kansas City", "St. Louis", "Omaha", "Oklahoma City")),
)

# Industries and the nouns that make a business name, in the order of INDUSTRY_WEIGHTS;
# the last one is the industry of private consumers.
EN_INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Retail", ("Market", "Outfitters", "Goods", "Boutique", "Emporium")),
    ("Hospitality", ("Hotel", "Cafe", "Bistro", "Inn", "Kitchen")),
    ("Education", ("Academy", "School", "College", "Learning Center")),
    ("Healthcare", ("Clinic", "Medical Group", "Dental Care", "Wellness Center")),
    ("Manufacturing", ("Manufacturing", "Industries", "Works", "Fabrication")),
    ("Technology", ("Labs", "Systems", "Software", "Digital")),
    ("Consumer", ("Home Studio", "Living", "Family Store", "Design Co.")),
)

EN_MIDDLE_INITIALS: tuple[str, ...] = tuple("ABCDEFGHJKLMNPRSTW")

EN_NAME_PREFIXES: tuple[str, ...] = (
    "Blue Harbor", "Summit", "Evergreen", "Maple", "Cedar", "Silver Lake", "Northwind",
    "Riverbend", "Oakridge", "Sunrise", "Harbor Point", "Stonebridge", "Brightwater", "Willow",
    "Redwood", "Granite", "Meadowbrook", "Lakeview", "Crescent", "Pioneer", "Liberty", "Heritage",
    "Aspen", "Clearview", "Bluebird", "Falcon", "Ironwood", "Juniper", "Keystone", "Lighthouse",
    "Magnolia", "Horizon", "Orchard", "Parkside", "Quarry", "Sagebrush", "Timberline",
    "Union Square", "Valley", "Westfield", "Highland", "Copper", "Fairview", "Greenleaf",
    "Hillcrest", "Ivy", "Kingsley", "Larkspur", "Bayside", "Foxglove",
)  # fmt: skip

# (name, category, list price in cents); categories in the order of CATEGORY_AFFINITY's columns.
EN_CATEGORIES: tuple[str, ...] = (
    "Cookware", "Small Appliances", "Tableware", "Coffee & Tea", "Home Textiles",
    "Storage & Cleaning",
)  # fmt: skip
EN_PRODUCTS: tuple[tuple[str, int, int], ...] = (
    ("Cast Iron Skillet 10in", 0, 4500),
    ("Nonstick Frying Pan 12in", 0, 3900),
    ("Stainless Saucepan Set", 0, 12900),
    ("Enameled Dutch Oven 5qt", 0, 18900),
    ("Stockpot 8qt", 0, 5900),
    ("Wok with Lid", 0, 4900),
    ("Chef's Knife 8in", 0, 7900),
    ("Knife Block Set", 0, 15900),
    ("Espresso Machine Pro", 1, 64900),
    ("Drip Coffee Maker", 1, 8900),
    ("Electric Kettle", 1, 4900),
    ("Stand Mixer", 1, 37900),
    ("High-Speed Blender", 1, 19900),
    ("Air Fryer 6qt", 1, 12900),
    ("Rice Cooker", 1, 7900),
    ("Toaster 4-Slice", 1, 5900),
    ("Porcelain Dinner Set 16pc", 2, 11900),
    ("Glass Tumbler Set 6pc", 2, 2900),
    ("Stoneware Mug Set 4pc", 2, 3400),
    ("Cutlery Set 24pc", 2, 6900),
    ("Serving Platter", 2, 3900),
    ("Wine Glass Set 4pc", 2, 4500),
    ("House Blend Coffee 1kg", 3, 2400),
    ("Single Origin Beans 500g", 3, 1800),
    ("Green Tea Tin", 3, 1200),
    ("Oolong Gift Box", 3, 4800),
    ("Cold Brew Kit", 3, 3500),
    ("Pour-Over Set", 3, 4200),
    ("Matcha Starter Kit", 3, 3900),
    ("Linen Tablecloth", 4, 5900),
    ("Cotton Kitchen Towels 6pc", 4, 1900),
    ("Classic Apron", 4, 2500),
    ("Oven Mitts Pair", 4, 1500),
    ("Table Runner", 4, 2900),
    ("Glass Storage Set 10pc", 5, 3900),
    ("Bamboo Cutting Board", 5, 2900),
    ("Spice Rack 20 Jars", 5, 4500),
    ("Steel Dish Rack", 5, 3500),
    ("Vacuum Food Sealer", 5, 8900),
    ("Bento Lunch Box", 5, 2200),
)

EN_OUTCOMES: tuple[str, ...] = (
    "Reached, interested in the new catalog",
    "No answer, left a voicemail",
    "Placed a reorder",
    "Asked for a quote",
    "Scheduled a product demo",
    "Discussed a delivery issue",
    "Not interested right now",
    "Requested samples",
    "Confirmed an upcoming order",
    "Follow up after their budget review",
    "Shared the current promotion",
    "Answered a billing question",
)

EN_COMPLAINTS: tuple[str, ...] = (
    "Delivery arrived two days late.",
    "One item in the set was damaged in transit.",
    "The invoice did not match the quoted price.",
    "Could not reach my sales rep for a week.",
    "The product stopped working after a month.",
    "The wrong color was shipped.",
    "The refund is taking too long.",
    "Packaging was poor and the items were scratched.",
    "The promotion discount was not applied at checkout.",
    "Store staff were not helpful.",
    "The backorder date keeps moving.",
    "Parts were missing from the box.",
)

EN_PRAISE: tuple[str, ...] = (
    "Great service, thank you!",
    "Fast delivery and well packed.",
    "Our rep really understood what we needed.",
    "Excellent quality, we will order again.",
    "Very helpful showroom staff.",
    "The reorder process was smooth.",
)

EN_QUESTIONS: tuple[str, ...] = (
    "Do you offer volume discounts?",
    "When will the new catalog be available?",
    "Is this item dishwasher safe?",
    "Can we change the delivery address?",
    "What is the warranty period?",
    "Do you ship to our second location?",
)

EN_SUGGESTIONS: tuple[str, ...] = (
    "Please add more color options.",
    "A monthly reorder reminder would help.",
    "Offer gift wrapping for the holidays.",
    "Send invoices by email as well.",
    "Open the showroom longer on weekends.",
    "Start a loyalty program for repeat buyers.",
)

EN_LOST_REASONS: tuple[str, ...] = ("Price", "Competitor", "No budget", "Timing", "No response")

# Customer size bands, smallest first (a business's size draws an index into these).
EN_SIZE_BANDS: tuple[str, ...] = ("Small", "Medium", "Large", "Enterprise")

# --------------------------------------------------------------------------------------------
# Simplified Chinese vocabulary (zh_CN): the same tuples, item for item, in the same order.
# --------------------------------------------------------------------------------------------

# Given names; a person is written surname first with no space (王伟, 陈秀英).
ZH_FIRST_NAMES: tuple[str, ...] = (
    "伟", "芳", "秀英", "敏", "静", "磊", "婷", "强", "丽娟", "军",
    "洋", "勇", "艳", "杰", "娜", "涛", "明轩", "超", "秀兰", "霞",
    "平", "刚", "桂英", "建华", "晓燕", "志强", "海燕", "俊杰", "雨涵", "子轩",
    "欣怡", "浩然", "思琪", "宇航", "佳怡", "梓涵", "文博", "雪梅", "嘉豪", "一鸣",
)  # fmt: skip

# Single-character surnames only, so surname + given name never reads as another pair.
ZH_LAST_NAMES: tuple[str, ...] = (
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
    "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
)  # fmt: skip

# Where English gives a consumer a middle initial, Chinese gives them a two-character given
# name: the first character of a given name above, then one of these.
ZH_MIDDLE_INITIALS: tuple[str, ...] = (
    "华", "明", "婷", "杰", "琳", "轩", "涵", "宁", "峰", "怡", "然", "辉", "敏", "军", "洁",
    "晨", "瑶", "鹏",
)  # fmt: skip

ZH_TEAMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("零售门店部", ("市中心店", "滨江店", "机场店")),
    ("批发大客户部", ("批发初访组", "批发跟进组", "批发成交组")),
    ("私域运营部", ("微信社群组", "直播组")),
    ("展厅销售部", ("北区展厅", "南区展厅")),
)

# Regions in the order of EN_REGIONS (North, South, East, West, Central).
ZH_REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("华北", ("北京", "天津", "石家庄", "太原")),
    ("华南", ("广州", "深圳", "佛山", "南宁")),
    ("华东", ("上海", "杭州", "南京", "苏州")),
    ("西南", ("成都", "重庆", "昆明", "贵阳")),
    ("华中", ("武汉", "长沙", "郑州", "南昌")),
)

# A business is named city + trade name + one of these (杭州蓝港商贸有限公司).
ZH_INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("零售", ("商贸有限公司", "百货", "超市", "精品店", "商行")),
    ("餐饮酒店", ("酒店", "咖啡馆", "餐厅", "客栈", "餐饮管理有限公司")),
    ("教育", ("培训学校", "实验学校", "职业技术学院", "学习中心")),
    ("医疗健康", ("诊所", "医疗集团", "口腔门诊", "健康管理中心")),
    ("制造业", ("制造有限公司", "实业有限公司", "机械厂", "五金制品厂")),
    ("科技", ("科技有限公司", "信息系统有限公司", "软件有限公司", "数字科技有限公司")),
    ("个人消费", ("家居工作室", "生活馆", "家居店", "设计工作室")),
)

# Trade names (字号).
ZH_NAME_PREFIXES: tuple[str, ...] = (
    "蓝港", "鼎盛", "恒信", "金桥", "瑞丰", "宏达", "百川", "嘉禾", "锦程", "盛世",
    "海纳", "长青", "银湖", "北辰", "晨光", "东方", "华宇", "汇通", "天和", "同创",
    "新锐", "卓越", "远航", "正源", "中恒", "立诚", "明德", "启航", "青松", "融信",
    "尚品", "顺达", "泰和", "万隆", "兴盛", "旭日", "雅居", "一品", "永泰", "元亨",
    "悦来", "云帆", "至诚", "众联", "安和", "博远", "诚信", "德润", "丰源", "广信",
)  # fmt: skip

ZH_CATEGORIES: tuple[str, ...] = (
    "锅具刀具",
    "厨房小家电",
    "餐具",
    "咖啡与茶",
    "家纺布艺",
    "收纳清洁",
)
# Same categories and list prices as EN_PRODUCTS, item for item; sizes in metric units.
ZH_PRODUCTS: tuple[tuple[str, int, int], ...] = (
    ("铸铁煎锅 26厘米", 0, 4500),
    ("不粘平底锅 30厘米", 0, 3900),
    ("不锈钢汤锅套装", 0, 12900),
    ("珐琅铸铁炖锅 4.7升", 0, 18900),
    ("不锈钢汤桶 7.6升", 0, 5900),
    ("带盖炒锅", 0, 4900),
    ("主厨刀 20厘米", 0, 7900),
    ("刀座套装", 0, 15900),
    ("专业意式咖啡机", 1, 64900),
    ("滴滤式咖啡机", 1, 8900),
    ("电热水壶", 1, 4900),
    ("厨师机", 1, 37900),
    ("高速破壁机", 1, 19900),
    ("空气炸锅 5.5升", 1, 12900),
    ("电饭煲", 1, 7900),
    ("四片式多士炉", 1, 5900),
    ("陶瓷餐具 16件套", 2, 11900),
    ("玻璃水杯 6只装", 2, 2900),
    ("粗陶马克杯 4只装", 2, 3400),
    ("不锈钢刀叉 24件套", 2, 6900),
    ("大号餐盘", 2, 3900),
    ("红酒杯 4只装", 2, 4500),
    ("招牌拼配咖啡豆 1千克", 3, 2400),
    ("单一产地咖啡豆 500克", 3, 1800),
    ("罐装绿茶", 3, 1200),
    ("乌龙茶礼盒", 3, 4800),
    ("冷萃咖啡套装", 3, 3500),
    ("手冲咖啡套装", 3, 4200),
    ("抹茶入门套装", 3, 3900),
    ("亚麻桌布", 4, 5900),
    ("纯棉厨房毛巾 6条装", 4, 1900),
    ("经典围裙", 4, 2500),
    ("隔热手套 一双", 4, 1500),
    ("桌旗", 4, 2900),
    ("玻璃保鲜盒 10件套", 5, 3900),
    ("竹制砧板", 5, 2900),
    ("旋转调料架 20瓶", 5, 4500),
    ("不锈钢沥水碗架", 5, 3500),
    ("真空封口机", 5, 8900),
    ("便当盒", 5, 2200),
)

ZH_OUTCOMES: tuple[str, ...] = (
    "已联系上，对新品目录感兴趣",
    "未接通，已留言",
    "客户已下复购订单",
    "客户要求报价",
    "已约好产品演示",
    "沟通了配送问题",
    "暂时没有需求",
    "客户索要样品",
    "确认了近期要下的订单",
    "等客户预算审批后再跟进",
    "介绍了当前的促销活动",
    "解答了开票问题",
)

ZH_COMPLAINTS: tuple[str, ...] = (
    "到货晚了两天。",
    "套装里有一件在运输中损坏了。",
    "发票金额和报价对不上。",
    "一个星期都联系不上我的销售顾问。",
    "产品用了一个月就坏了。",
    "发错了颜色。",
    "退款拖得太久了。",
    "包装太简陋，商品都刮花了。",
    "结账时促销折扣没有生效。",
    "门店店员不太愿意帮忙。",
    "缺货的到货日期一改再改。",
    "箱子里少了配件。",
)

ZH_PRAISE: tuple[str, ...] = (
    "服务很好，谢谢！",
    "发货快，包装也很仔细。",
    "我们的销售顾问很懂我们要什么。",
    "质量很好，还会再订。",
    "展厅的工作人员很专业，帮了大忙。",
    "补货下单的流程很顺畅。",
)

ZH_QUESTIONS: tuple[str, ...] = (
    "批量采购有优惠吗？",
    "新品目录什么时候出？",
    "这款能放洗碗机洗吗？",
    "可以改收货地址吗？",
    "保修期是多久？",
    "能发到我们的第二个门店吗？",
)

ZH_SUGGESTIONS: tuple[str, ...] = (
    "希望多出几种颜色。",
    "每月提醒一次补货会很方便。",
    "节日期间提供礼品包装吧。",
    "发票也请发一份到邮箱。",
    "周末展厅营业时间再长一些。",
    "给回头客推出会员积分计划。",
)

ZH_LOST_REASONS: tuple[str, ...] = ("价格", "竞品", "没有预算", "时机不对", "没有回应")

ZH_SIZE_BANDS: tuple[str, ...] = ("小型", "中型", "大型", "集团")


@dataclass(frozen=True)
class _Vocabulary:
    """Every human-readable string the generator writes, for one locale.

    The *_format fields are str.format patterns: person_format takes {first} and {last};
    consumer_format also {initial}; business_format takes {prefix}, {noun} and {city}; the two
    namesake formats take {base} (the name taken), {city} and {k} (2, 3, ...), and are tried in
    order until a name is free.
    """

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    middle_initials: tuple[str, ...]
    teams: tuple[tuple[str, tuple[str, ...]], ...]
    regions: tuple[tuple[str, tuple[str, ...]], ...]
    industries: tuple[tuple[str, tuple[str, ...]], ...]
    name_prefixes: tuple[str, ...]
    categories: tuple[str, ...]
    products: tuple[tuple[str, int, int], ...]
    outcomes: tuple[str, ...]
    complaints: tuple[str, ...]
    praise: tuple[str, ...]
    questions: tuple[str, ...]
    suggestions: tuple[str, ...]
    lost_reasons: tuple[str, ...]
    size_bands: tuple[str, ...]
    person_format: str
    consumer_format: str
    business_format: str
    consumer_namesakes: tuple[str, str]
    business_namesakes: tuple[str, str]


_VOCABULARIES: dict[str, _Vocabulary] = {
    "en": _Vocabulary(
        first_names=EN_FIRST_NAMES,
        last_names=EN_LAST_NAMES,
        middle_initials=EN_MIDDLE_INITIALS,
        teams=EN_TEAMS,
        regions=EN_REGIONS,
        industries=EN_INDUSTRIES,
        name_prefixes=EN_NAME_PREFIXES,
        categories=EN_CATEGORIES,
        products=EN_PRODUCTS,
        outcomes=EN_OUTCOMES,
        complaints=EN_COMPLAINTS,
        praise=EN_PRAISE,
        questions=EN_QUESTIONS,
        suggestions=EN_SUGGESTIONS,
        lost_reasons=EN_LOST_REASONS,
        size_bands=EN_SIZE_BANDS,
        person_format="{first} {last}",
        consumer_format="{first} {initial}. {last}",
        business_format="{prefix} {noun}",
        consumer_namesakes=("{base} ({city})", "{base} ({city}) {k}"),
        business_namesakes=("{base} ({city})", "{base} ({city}) {k}"),
    ),
    "zh_CN": _Vocabulary(
        first_names=ZH_FIRST_NAMES,
        last_names=ZH_LAST_NAMES,
        middle_initials=ZH_MIDDLE_INITIALS,
        teams=ZH_TEAMS,
        regions=ZH_REGIONS,
        industries=ZH_INDUSTRIES,
        name_prefixes=ZH_NAME_PREFIXES,
        categories=ZH_CATEGORIES,
        products=ZH_PRODUCTS,
        outcomes=ZH_OUTCOMES,
        complaints=ZH_COMPLAINTS,
        praise=ZH_PRAISE,
        questions=ZH_QUESTIONS,
        suggestions=ZH_SUGGESTIONS,
        lost_reasons=ZH_LOST_REASONS,
        size_bands=ZH_SIZE_BANDS,
        person_format="{last}{first}",
        consumer_format="{last}{first[0]}{initial}",
        business_format="{city}{prefix}{noun}",
        consumer_namesakes=("{base}（{city}）", "{base}（{city}）{k}"),
        # The city is already in a Chinese business name, so a namesake is simply numbered.
        business_namesakes=("{base}（{k}）", "{base}（{k}）"),
    ),
}

# Other spellings of each locale code; matching ignores case and takes '-' for '_'.
_LOCALE_ALIASES: dict[str, tuple[str, ...]] = {"en": ("en_US",), "zh_CN": ("zh",)}
DEMO_LOCALES: tuple[str, ...] = tuple(_VOCABULARIES)


def _shape(vocab: _Vocabulary) -> tuple[object, ...]:
    """Everything about a vocabulary that the random draws or the numbers depend on."""
    return (
        len(vocab.first_names),
        len(vocab.last_names),
        len(vocab.middle_initials),
        tuple(len(groups) for _, groups in vocab.teams),
        tuple(len(cities) for _, cities in vocab.regions),
        tuple(len(nouns) for _, nouns in vocab.industries),
        len(vocab.name_prefixes),
        len(vocab.categories),
        tuple((category, price) for _, category, price in vocab.products),
        len(vocab.outcomes),
        len(vocab.complaints),
        len(vocab.praise),
        len(vocab.questions),
        len(vocab.suggestions),
        len(vocab.lost_reasons),
        len(vocab.size_bands),
    )


# A locale changes only words: every vocabulary must have the English one's shape, or the same
# seed would draw different numbers.
for _code, _vocab in _VOCABULARIES.items():
    if _shape(_vocab) != _shape(_VOCABULARIES["en"]):
        raise AssertionError(f"demo vocabulary {_code!r} is not shaped like the English one")


def resolve_locale(locale: str) -> str:
    """The demo's code for `locale` ('en_US' -> 'en', 'zh' or 'zh-cn' -> 'zh_CN').

    Raises ValueError naming the available locales when there is no vocabulary for it.
    """
    wanted = locale.strip().replace("-", "_").casefold()
    for code in DEMO_LOCALES:
        if wanted in {c.casefold() for c in (code, *_LOCALE_ALIASES.get(code, ()))}:
            return code
    known = ", ".join(
        f"{code} (also {', '.join(_LOCALE_ALIASES[code])})" if _LOCALE_ALIASES.get(code) else code
        for code in DEMO_LOCALES
    )
    raise ValueError(f"Unknown demo locale {locale!r}; available: {known}")


# --------------------------------------------------------------------------------------------
# Shape of the business (locale-independent).
# --------------------------------------------------------------------------------------------

CHANNELS: tuple[str, ...] = ("retail", "wholesale", "private_domain", "showroom")
RETAIL, WHOLESALE, PRIVATE, SHOWROOM = range(4)

CANONICAL_TABLES: tuple[str, ...] = (
    "teams", "reps", "customers", "products", "orders", "deals", "activities", "feedback",
    "targets", "reviews",
)  # fmt: skip
SELLER_ROLES = SELLING_ROLES

# Per group (in EN_TEAMS order): the roles of its sellers besides the leader, and whether it has
# a deputy.
_GROUP_SELLERS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("sales_rep",) * 3, ("sales_rep",) * 3, ("sales_rep",) * 2),
    (
        ("account_manager", "account_manager", "sales_rep"),
        ("account_manager",) * 2,
        ("account_manager",) * 2,
    ),
    (("sales_rep",) * 3, ("sales_rep",) * 2),
    (("account_manager", "sales_rep"), ("account_manager", "sales_rep")),
)
_GROUP_HAS_DEPUTY: tuple[tuple[bool, ...], ...] = (
    (True, True, False),
    (True, True, True),
    (True, False),
    (True, True),
)
# Support staff attached at team level, per top-level team.
_TEAM_SUPPORT: tuple[tuple[str, ...], ...] = (
    ("customer_service", "customer_service", "inventory", "data_analyst"),
    ("customer_service", "inventory", "data_analyst"),
    ("customer_service", "customer_service"),
    ("customer_service", "inventory"),
)
_LEAVERS = 8
_GROWTH_HIRES = 2

_SIZE_FACTOR = np.array([0.6, 1.0, 1.7, 2.8])
_SIZE_WEIGHTS = np.array(
    [
        [0.60, 0.30, 0.08, 0.02],
        [0.20, 0.40, 0.28, 0.12],
        [0.70, 0.25, 0.05, 0.0],
        [0.35, 0.40, 0.20, 0.05],
    ]
)
# Share of retail/private-domain customers who are private consumers rather than businesses.
_CONSUMER_SHARE = (0.65, 0.0, 0.65, 0.0)
INDUSTRY_WEIGHTS = np.array(
    [
        [0.35, 0.20, 0.05, 0.05, 0.05, 0.10, 0.20],
        [0.40, 0.25, 0.08, 0.07, 0.12, 0.08, 0.00],
        [0.25, 0.15, 0.10, 0.10, 0.05, 0.15, 0.20],
        [0.20, 0.35, 0.10, 0.10, 0.05, 0.15, 0.05],
    ]
)
REGION_WEIGHTS = np.array([0.20, 0.20, 0.25, 0.15, 0.20])

_CUSTOMER_SHARE = np.array([0.36, 0.18, 0.31, 0.15])
_ORDER_SHARE = np.array([0.40, 0.18, 0.28, 0.14])
_LINES_PER_ORDER = np.array(
    [
        [0.55, 0.28, 0.12, 0.05],
        [0.20, 0.30, 0.30, 0.20],
        [0.60, 0.25, 0.10, 0.05],
        [0.45, 0.30, 0.15, 0.10],
    ]
)
# Monday..Sunday: stores and showrooms are busiest at weekends, wholesale buyers work weekdays.
_WEEKDAY_FACTOR = np.array(
    [
        [0.85, 0.85, 0.88, 0.92, 1.05, 1.50, 1.35],
        [1.15, 1.20, 1.20, 1.15, 1.05, 0.30, 0.12],
        [0.95, 0.95, 0.95, 1.00, 1.05, 1.10, 1.15],
        [0.80, 0.85, 0.85, 0.90, 1.00, 1.45, 1.30],
    ]
)
# January..December: holiday peak, then the post-holiday lull (deepened by _LULL below).
_MONTH_FACTOR = np.array([0.95, 0.90, 0.95, 0.98, 1.00, 1.02, 0.96, 0.97, 1.00, 1.05, 1.28, 1.45])
_LULL_CENTER, _LULL_WIDTH, _LULL_DEPTH = 36.0, 12.0, 0.30  # day of year ~ Feb 5
_GROWTH_PER_YEAR = 1.15
_CATEGORY_AFFINITY = np.array(
    [
        [1.0, 1.0, 1.0, 1.2, 0.8, 1.0],
        [0.9, 0.6, 1.3, 1.4, 1.0, 1.1],
        [0.8, 1.2, 0.8, 1.5, 0.9, 1.0],
        [1.3, 1.6, 1.2, 0.6, 1.0, 0.7],
    ]
)
_DEAL_CHANNEL_SHARE = np.array([0.0, 0.50, 0.20, 0.30])
_DEAL_BASE_UNITS = np.array([0.0, 18000.0, 1500.0, 6000.0])
_ACTIVITY_CHANNEL_SHARE = np.array([0.28, 0.30, 0.27, 0.15])
_ACTIVITY_KIND = ("call", "visit", "message", "meeting")
_ACTIVITY_KIND_WEIGHTS = np.array(
    [
        [0.35, 0.15, 0.45, 0.05],
        [0.35, 0.30, 0.10, 0.25],
        [0.10, 0.02, 0.85, 0.03],
        [0.35, 0.10, 0.20, 0.35],
    ]
)
_FEEDBACK_KINDS = ("complaint", "praise", "question", "suggestion")
_FEEDBACK_KIND_WEIGHTS = np.array([0.12, 0.40, 0.25, 0.23])

_BASE_CUSTOMERS = 3000
_BASE_DEALS = 12_000
_BASE_ACTIVITIES = 60_000
_BASE_FEEDBACK = 6_000
CHUNK_LINES = 500_000
_NEVER = 10**7  # a day index after any real date: "has not left"


@dataclass(frozen=True)
class DemoSummary:
    """Row counts per table and the order-date range of a generated demo."""

    teams: int
    reps: int
    customers: int
    products: int
    orders: int
    deals: int
    activities: int
    feedback: int
    targets: int
    reviews: int
    first_order_date: date | None
    last_order_date: date | None


ProgressFn = Callable[[float, str], None]


# --------------------------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Calendar:
    start: date
    end: date
    n_days: int
    dates: np.ndarray  # datetime64[D] of each day in the window
    start64: np.datetime64
    first_month: np.datetime64  # datetime64[M] of the start
    n_months: int  # months intersecting the window, plus the month after end

    def month_of(self, days: np.ndarray) -> np.ndarray:
        months = (self.start64 + days.astype("timedelta64[D]")).astype("datetime64[M]")
        return (months - self.first_month).astype(np.int64)


def _minus_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February in a year that has none
        return d.replace(year=d.year - years, day=28)


def _make_calendar(end: date) -> _Calendar:
    start = _minus_years(end, 3) + timedelta(days=1)
    n_days = (end - start).days + 1
    start64 = np.datetime64(start, "D")
    first_month = start64.astype("datetime64[M]")
    last_month = np.datetime64(end, "D").astype("datetime64[M]")
    n_months = int((last_month - first_month).astype(np.int64)) + 2
    dates = start64 + np.arange(n_days).astype("timedelta64[D]")
    return _Calendar(start, end, n_days, dates, start64, first_month, n_months)


def _seasonal_shape(dates: np.ndarray, weekday_factor: np.ndarray) -> np.ndarray:
    """Relative daily volume from month of year, the February lull and the weekday."""
    month = dates.astype("datetime64[M]").astype(np.int64) % 12
    day_of_year = (dates - dates.astype("datetime64[Y]")).astype(np.int64)
    lull = 1.0 - _LULL_DEPTH * np.exp(-0.5 * ((day_of_year - _LULL_CENTER) / _LULL_WIDTH) ** 2)
    weekday = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
    month_day = dates - dates.astype("datetime64[M]")
    closed = ((month == 11) & (month_day == 24)) | ((month == 0) & (month_day == 0))
    holiday = np.where(closed, 0.15, 1.0)  # Christmas Day and New Year's Day are nearly empty
    return _MONTH_FACTOR[month] * lull * weekday_factor[weekday] * holiday


def _growth(n_days: int) -> np.ndarray:
    return _GROWTH_PER_YEAR ** (np.arange(n_days) / 365.25)


def _cumulative(weights: np.ndarray) -> np.ndarray:
    """Cumulative weights with a leading zero: mass of days [lo, hi] is cum[hi + 1] - cum[lo]."""
    return np.concatenate([[0.0], np.cumsum(weights)])


def _sample_days(
    rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray, cum: np.ndarray
) -> np.ndarray:
    """One day per row in [lo, hi], drawn with the daily weights behind `cum`."""
    if lo.size == 0:
        return lo.astype(np.int64)
    a, b = cum[lo], cum[hi + 1]
    u = a + rng.random(lo.size) * (b - a)
    day = np.searchsorted(cum, u, side="right") - 1
    return np.clip(day, lo, hi)


def _draw_categorical(rng: np.random.Generator, probs: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each row, an index drawn from the distribution probs[rows[i]]."""
    out = np.zeros(rows.size, dtype=np.int64)
    u = rng.random(rows.size)
    cum = np.cumsum(probs, axis=1)
    cum /= cum[:, -1:]
    for r in range(probs.shape[0]):
        where = np.flatnonzero(rows == r)
        if where.size:
            out[where] = np.minimum(
                np.searchsorted(cum[r], u[where], side="right"), probs.shape[1] - 1
            )
    return out


# --------------------------------------------------------------------------------------------
# Organisation: teams, reps and the seats that own customers
# --------------------------------------------------------------------------------------------


@dataclass
class _Org:
    teams: pd.DataFrame
    rep_names: list[str]
    rep_team: np.ndarray  # team_id of each rep (index = rep_id - 1)
    rep_role: list[str]
    rep_channel: np.ndarray
    rep_top_team: np.ndarray
    hire_day: np.ndarray
    leave_day: np.ndarray  # _NEVER when still employed
    skill: np.ndarray
    is_seller: np.ndarray
    # A seat is one seller position; customers belong to seats so a replacement inherits the book.
    seat_orig: np.ndarray
    seat_repl: np.ndarray  # -1 when never refilled
    seat_leader: np.ndarray
    seat_channel: np.ndarray
    seat_weight: np.ndarray
    group_sellers: np.ndarray  # (n_groups_total, k) rep indices padded with -1, by team_id row
    group_seller_count: np.ndarray
    service_by_channel: list[np.ndarray]  # customer_service rep indices per channel


def _rep_names(rng: np.random.Generator, vocab: _Vocabulary, n: int) -> list[str]:
    n_last = len(vocab.last_names)
    combos = len(vocab.first_names) * n_last
    picks = rng.choice(combos, size=min(n, combos), replace=False)
    names = [
        vocab.person_format.format(
            first=vocab.first_names[p // n_last], last=vocab.last_names[p % n_last]
        )
        for p in picks
    ]
    if n > combos:  # a big demo runs out of first-and-last pairs: add a middle initial
        names += _more_rep_names(rng, vocab, n - combos, set(names))
    return names


def _more_rep_names(
    rng: np.random.Generator, vocab: _Vocabulary, n: int, seen: set[str]
) -> list[str]:
    """n more distinct names in the consumer style (Olivia A. Smith), numbered when taken."""
    first = rng.integers(0, len(vocab.first_names), n)
    last = rng.integers(0, len(vocab.last_names), n)
    initial = rng.integers(0, len(vocab.middle_initials), n)
    names = []
    for i in range(n):
        base = vocab.consumer_format.format(
            first=vocab.first_names[first[i]],
            initial=vocab.middle_initials[initial[i]],
            last=vocab.last_names[last[i]],
        )
        name, k = base, 2
        while name in seen:
            name, k = f"{base} {k}", k + 1
        seen.add(name)
        names.append(name)
    return names


def _chart_positions() -> int:
    """Positions in one copy of the standard organisation chart."""
    groups = sum(len(g) for g in _GROUP_SELLERS)
    deputies = sum(sum(d) for d in _GROUP_HAS_DEPUTY)
    sellers = sum(len(roles) for g in _GROUP_SELLERS for roles in g)
    support = sum(len(s) for s in _TEAM_SUPPORT)
    return len(_TEAM_SUPPORT) + support + groups + deputies + sellers


def _build_org(
    rng: np.random.Generator, vocab: _Vocabulary, cal: _Calendar, people: int | None = None
) -> _Org:
    """The standard organisation chart, or (people given) that many people in copies of it.

    Copies are numbered regions ("Retail Stores 2"); the first copy keeps the plain names. With
    people=None the draws are exactly the standard demo's, so its tables do not change.
    """
    end_day = cal.n_days - 1
    veteran_from = end_day - 8 * 365
    n_top = len(vocab.teams)
    per_chart = _chart_positions()
    copies = 1 if people is None else chart_copies(people, per_chart, per_chart + _LEAVERS)
    teams: list[dict[str, object]] = []
    group_ids: list[list[int]] = []  # per top-level team, over all copies
    next_team = n_top * copies + 1
    for copy in range(copies):
        suffix = "" if copy == 0 else f" {copy + 1}"
        for t, (team_name, groups) in enumerate(vocab.teams):
            top_id = copy * n_top + t + 1
            teams.append(
                {
                    "team_id": top_id,
                    "name": team_name + suffix,
                    "parent_id": -1,
                    "channel": CHANNELS[t],
                }
            )
            ids = []
            for group_name in groups:
                teams.append(
                    {
                        "team_id": next_team,
                        "name": group_name + suffix,
                        "parent_id": top_id,
                        "channel": CHANNELS[t],
                    }
                )
                ids.append(next_team)
                next_team += 1
            group_ids.append(ids)

    # Positions as (team_id, role, channel index, top-level team_id), in org-chart order.
    positions: list[tuple[int, str, int, int]] = []
    team_leader_pos: dict[int, int] = {}
    for k in range(copies * n_top):
        t, top_id = k % n_top, k + 1
        team_leader_pos[top_id] = len(positions)
        positions.append((top_id, "sales_manager", t, top_id))
        for role in _TEAM_SUPPORT[t]:
            positions.append((top_id, role, t, top_id))
        for g, gid in enumerate(group_ids[k]):
            team_leader_pos[gid] = len(positions)
            positions.append((gid, "group_leader", t, top_id))
            if _GROUP_HAS_DEPUTY[t][g]:
                positions.append((gid, "deputy_leader", t, top_id))
            for role in _GROUP_SELLERS[t][g]:
                positions.append((gid, role, t, top_id))

    n_pos = len(positions)
    plain_sellers = np.array(
        [i for i, p in enumerate(positions) if p[1] in ("sales_rep", "account_manager")]
    )
    chosen = rng.choice(plain_sellers, size=(_LEAVERS + _GROWTH_HIRES) * copies, replace=False)
    leaver_pos, growth_pos = chosen[: _LEAVERS * copies], chosen[_LEAVERS * copies :]

    hire = rng.integers(veteran_from, -30, size=n_pos)
    leave = np.full(n_pos, _NEVER)
    hire[growth_pos] = rng.integers(90, max(91, end_day - 60), size=growth_pos.size)
    leave[leaver_pos] = rng.integers(60, end_day - 10, size=leaver_pos.size)
    refill_gap = rng.integers(10, 60, size=leaver_pos.size)

    # Reps in position order, each replacement right after the person they replaced.
    rep_of_pos = np.zeros(n_pos, dtype=np.int64)
    repl_of_pos = np.full(n_pos, -1, dtype=np.int64)
    rows: list[tuple[int, str, int, int, int, int]] = []  # team, role, channel, top, hire, leave
    leaver_gap = dict(zip(leaver_pos.tolist(), refill_gap.tolist(), strict=True))
    # A sized company refills leavers only while the head count allows (the rest stay empty
    # and their group leader covers), then makes up the exact head count with sellers below.
    refills_left = _NEVER if people is None else people - n_pos
    for i, (team_id, role, channel, top) in enumerate(positions):
        rep_of_pos[i] = len(rows)
        rows.append((team_id, role, channel, top, int(hire[i]), int(leave[i])))
        if i in leaver_gap and leave[i] + leaver_gap[i] <= end_day and refills_left > 0:
            refills_left -= 1
            repl_of_pos[i] = len(rows)
            rows.append((team_id, role, channel, top, int(leave[i] + leaver_gap[i]), _NEVER))
    if people is not None and len(rows) < people:
        extra = people - len(rows)
        # One more seller per group in turn, over every region, so no lead's span grows much.
        slots = [
            (gid, k % n_top, g, k + 1)
            for k, ids in enumerate(group_ids)
            for g, gid in enumerate(ids)
        ]
        extra_hire = rng.integers(veteran_from, -30, size=extra)
        for j in range(extra):
            gid, t, g, top = slots[j % len(slots)]
            role = _GROUP_SELLERS[t][g][0]
            positions.append((gid, role, t, top))
            rows.append((gid, role, t, top, int(extra_hire[j]), _NEVER))
        rep_of_pos = np.concatenate([rep_of_pos, np.arange(len(rows) - extra, len(rows))])
        repl_of_pos = np.concatenate([repl_of_pos, np.full(extra, -1, dtype=np.int64)])

    n_reps = len(rows)
    rep_team = np.array([r[0] for r in rows])
    rep_role = [r[1] for r in rows]
    is_seller = np.array([r in SELLER_ROLES for r in rep_role])
    skill = np.where(is_seller, np.clip(rng.lognormal(0.0, 0.22, n_reps), 0.6, 1.6), 1.0)

    for team in teams:
        team["leader_rep_id"] = int(rep_of_pos[team_leader_pos[int(team["team_id"])]]) + 1  # type: ignore[arg-type]

    seat_pos = np.array([i for i, p in enumerate(positions) if p[1] in SELLER_ROLES])
    seat_orig = rep_of_pos[seat_pos]
    role_weight = {"group_leader": 0.5, "deputy_leader": 0.8}
    seat_weight = (
        np.array([role_weight.get(positions[i][1], 1.0) for i in seat_pos]) * skill[seat_orig]
    )
    seat_leader = np.array([rep_of_pos[team_leader_pos[positions[i][0]]] for i in seat_pos])

    n_teams = len(teams)
    sellers_by_team: list[list[int]] = [[] for _ in range(n_teams + 1)]
    for r in range(n_reps):
        if is_seller[r]:
            sellers_by_team[rep_team[r]].append(r)
    width = max(len(s) for s in sellers_by_team)
    group_sellers = np.full((n_teams + 1, width), -1, dtype=np.int64)
    for tid, members in enumerate(sellers_by_team):
        group_sellers[tid, : len(members)] = members

    channel_of = np.array([r[2] for r in rows])
    service = [
        np.array(
            [r for r in range(n_reps) if rep_role[r] == "customer_service" and channel_of[r] == c]
        )
        for c in range(len(CHANNELS))
    ]
    return _Org(
        teams=pd.DataFrame(teams),
        rep_names=_rep_names(rng, vocab, n_reps),
        rep_team=rep_team,
        rep_role=rep_role,
        rep_channel=channel_of,
        rep_top_team=np.array([r[3] for r in rows]),
        hire_day=np.array([r[4] for r in rows]),
        leave_day=np.array([r[5] for r in rows]),
        skill=skill,
        is_seller=is_seller,
        seat_orig=seat_orig,
        seat_repl=repl_of_pos[seat_pos],
        seat_leader=seat_leader,
        seat_channel=np.array([positions[i][2] for i in seat_pos]),
        seat_weight=seat_weight,
        group_sellers=group_sellers,
        group_seller_count=(group_sellers >= 0).sum(axis=1),
        service_by_channel=service,
    )


def _is_active(org: _Org, reps: np.ndarray, days: np.ndarray) -> np.ndarray:
    return (days >= org.hire_day[reps]) & (days <= org.leave_day[reps])


def _holders(org: _Org, seats: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Who sells for each seat on each day: its first holder, their replacement, or the leader."""
    orig = org.seat_orig[seats]
    rep = np.where(_is_active(org, orig, days), orig, -1)
    repl = org.seat_repl[seats]
    safe = np.maximum(repl, 0)
    use_repl = (rep < 0) & (repl >= 0) & _is_active(org, safe, days)
    rep = np.where(use_repl, repl, rep)
    # Group leaders never leave, so they cover a seat while it is empty.
    return np.where(rep < 0, org.seat_leader[seats], rep)


# --------------------------------------------------------------------------------------------
# Products and customers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Products:
    frame: pd.DataFrame
    price: np.ndarray  # list price in cents
    cost_ratio: np.ndarray  # typical cost as a share of net
    channel_probs: np.ndarray  # (channels, products): how often each channel sells each product


def _build_products(rng: np.random.Generator, vocab: _Vocabulary) -> _Products:
    category = np.array([p[1] for p in vocab.products])
    price = np.array([p[2] for p in vocab.products], dtype=np.int64)
    # Cheaper items sell more often, with some product-to-product variation.
    popularity = rng.lognormal(0.0, 0.5, price.size) * (price / price.mean()) ** -0.4
    probs = popularity[None, :] * _CATEGORY_AFFINITY[:, category]
    probs /= probs.sum(axis=1, keepdims=True)
    frame = pd.DataFrame(
        {
            "product_id": np.arange(1, price.size + 1),
            "name": [p[0] for p in vocab.products],
            "category": [vocab.categories[c] for c in category],
            "list_price_cents": price,
        }
    )
    return _Products(frame, price, rng.uniform(0.57, 0.73, price.size), probs)


PRE, NEW, POTENTIAL = 0, 1, 2  # customer kinds: before the window, acquired in it, no order yet


@dataclass(frozen=True)
class _Customers:
    n: int
    names: list[str]
    channel: np.ndarray
    seat: np.ndarray
    kind: np.ndarray
    acq_day: np.ndarray  # planned acquisition day (negative: before the window)
    lo: np.ndarray  # first day the customer may order
    hi: np.ndarray  # last day the customer may order (earlier than the end when churned)
    intensity: np.ndarray  # relative order frequency
    size: np.ndarray
    tier: np.ndarray
    industry: np.ndarray
    region: np.ndarray
    city: list[str]


def _customer_names(
    rng: np.random.Generator,
    vocab: _Vocabulary,
    consumer: np.ndarray,
    industry: np.ndarray,
    city: list[str],
) -> list[str]:
    n = consumer.size
    first = rng.integers(0, len(vocab.first_names), n)
    last = rng.integers(0, len(vocab.last_names), n)
    initial = rng.integers(0, len(vocab.middle_initials), n)
    prefix = rng.integers(0, len(vocab.name_prefixes), n)
    noun = rng.random(n)
    names: list[str] = []
    seen: set[str] = set()
    for i in range(n):
        if consumer[i]:
            base = vocab.consumer_format.format(
                first=vocab.first_names[first[i]],
                initial=vocab.middle_initials[initial[i]],
                last=vocab.last_names[last[i]],
            )
            namesake, numbered = vocab.consumer_namesakes
        else:
            nouns = vocab.industries[industry[i]][1]
            base = vocab.business_format.format(
                prefix=vocab.name_prefixes[prefix[i]],
                noun=nouns[int(noun[i] * len(nouns))],
                city=city[i],
            )
            namesake, numbered = vocab.business_namesakes
        name, k = base, 2
        if name in seen:
            name = namesake.format(base=base, city=city[i], k=k)
        while name in seen:
            name = numbered.format(base=base, city=city[i], k=k)
            k += 1
        seen.add(name)
        names.append(name)
    return names


def _sample_days_by_channel(
    rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray, cums: np.ndarray, channel: np.ndarray
) -> np.ndarray:
    days = np.zeros(lo.size, dtype=np.int64)
    for c in range(len(CHANNELS)):
        rows = np.flatnonzero(channel == c)
        days[rows] = _sample_days(rng, lo[rows], hi[rows], cums[c])
    return days


def _tiers(channel: np.ndarray, value: np.ndarray) -> np.ndarray:
    """'A' for the top 20% of each channel's customers by value, 'B' for the next 35%."""
    tier = np.full(channel.size, "C", dtype=object)
    for c in range(len(CHANNELS)):
        rows = np.flatnonzero(channel == c)
        order = rows[np.argsort(-value[rows], kind="stable")]
        tier[order[: int(0.2 * rows.size)]] = "A"
        tier[order[int(0.2 * rows.size) : int(0.55 * rows.size)]] = "B"
    return tier


def _build_customers(
    rng: np.random.Generator,
    vocab: _Vocabulary,
    cal: _Calendar,
    org: _Org,
    n: int,
    target_cum: np.ndarray,
) -> _Customers:
    end_day = cal.n_days - 1
    channel = rng.choice(len(CHANNELS), n, p=_CUSTOMER_SHARE)
    consumer = rng.random(n) < np.asarray(_CONSUMER_SHARE)[channel]
    size = np.where(consumer, 0, _draw_categorical(rng, _SIZE_WEIGHTS, channel))
    intensity = rng.lognormal(0.0, 0.8, n) * _SIZE_FACTOR[size]
    industry = np.where(
        consumer, len(vocab.industries) - 1, _draw_categorical(rng, INDUSTRY_WEIGHTS, channel)
    )
    region = rng.choice(len(vocab.regions), n, p=REGION_WEIGHTS)
    city_pick = rng.random(n)
    city = [
        vocab.regions[r][1][int(u * len(vocab.regions[r][1]))]
        for r, u in zip(region.tolist(), city_pick.tolist(), strict=True)
    ]

    kind = rng.choice(3, n, p=[0.55, 0.42, 0.03])
    acq = rng.integers(-5 * 365, 0, n)
    new_rows = np.flatnonzero(kind == NEW)
    acq[new_rows] = _sample_days_by_channel(
        rng,
        np.zeros(new_rows.size, dtype=np.int64),
        np.full(new_rows.size, end_day - 1),
        target_cum,
        channel[new_rows],
    )
    potential = kind == POTENTIAL
    acq[potential] = rng.integers(end_day - 60, end_day + 1, int(potential.sum()))
    lo = np.maximum(acq, 0)
    churn_from = lo + 60
    churns = (rng.random(n) < 0.15) & ~potential & (churn_from < end_day - 1)
    churn_day = rng.integers(np.minimum(churn_from, end_day - 2), end_day - 1)
    hi = np.where(churns, churn_day, end_day)

    seat = np.zeros(n, dtype=np.int64)
    for c in range(len(CHANNELS)):
        rows = np.flatnonzero(channel == c)
        seats = np.flatnonzero(org.seat_channel == c)
        weight = org.seat_weight[seats]
        seat[rows] = rng.choice(seats, rows.size, p=weight / weight.sum())

    return _Customers(
        n=n,
        names=_customer_names(rng, vocab, consumer, industry, city),
        channel=channel,
        seat=seat,
        kind=kind,
        acq_day=acq,
        lo=lo,
        hi=hi,
        intensity=intensity,
        size=size,
        tier=_tiers(channel, intensity),
        industry=industry,
        region=region,
        city=city,
    )


# --------------------------------------------------------------------------------------------
# Demand: how many orders each day should see, per channel
# --------------------------------------------------------------------------------------------


def _order_targets(rng: np.random.Generator, cal: _Calendar) -> np.ndarray:
    """(channels, days): relative order volume with seasonality, weekdays, growth and noise."""
    growth = _growth(cal.n_days)
    rows = [
        _seasonal_shape(cal.dates, _WEEKDAY_FACTOR[c]) * growth * rng.lognormal(0, 0.08, cal.n_days)
        for c in range(len(CHANNELS))
    ]
    return np.vstack(rows)


def _normalised_cums(
    volume: np.ndarray, weight: np.ndarray, lo: np.ndarray, hi: np.ndarray, channel: np.ndarray
) -> np.ndarray:
    """Cumulated per-unit-weight daily rates per channel, so daily totals follow `volume`.

    Dividing by the weight of the customers active each day keeps the growth and seasonality we
    asked for, instead of whatever the accumulation of new and churned customers would produce.
    """
    n_days = volume.shape[1]
    cums = np.zeros((len(CHANNELS), n_days + 1))
    for c in range(len(CHANNELS)):
        rows = np.flatnonzero((channel == c) & (weight > 0) & (lo <= hi))
        diff = np.zeros(n_days + 1)
        np.add.at(diff, lo[rows], weight[rows])
        np.add.at(diff, hi[rows] + 1, -weight[rows])
        base = np.cumsum(diff)[:n_days]
        rate = np.divide(volume[c], base, out=np.zeros(n_days), where=base > 1e-9)
        cums[c] = _cumulative(rate)
    return cums


def _mass(
    weight: np.ndarray, lo: np.ndarray, hi: np.ndarray, cums: np.ndarray, channel: np.ndarray
) -> np.ndarray:
    """weight times each customer's share of daily weight in [lo, hi]; 0 when the range is empty."""
    ok = lo <= hi
    safe_lo, safe_hi = np.where(ok, lo, 0), np.where(ok, hi, 0)
    span = cums[channel, safe_hi + 1] - cums[channel, safe_lo]
    return np.where(ok, weight * span, 0.0)


def _pick(
    rng: np.random.Generator,
    row_channel: np.ndarray,
    mass: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    cums: np.ndarray,
    customer_channel: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For each row, a customer of its channel (chance ∝ mass) and a day in the customer's range."""
    cust = np.zeros(row_channel.size, dtype=np.int64)
    day = np.zeros(row_channel.size, dtype=np.int64)
    for c in range(len(CHANNELS)):
        rows = np.flatnonzero(row_channel == c)
        if rows.size == 0:
            continue
        candidates = np.flatnonzero((customer_channel == c) & (mass > 0))
        p = mass[candidates] / mass[candidates].sum()
        chosen = candidates[
            np.minimum(np.searchsorted(np.cumsum(p), rng.random(rows.size)), p.size - 1)
        ]
        cust[rows] = chosen
        day[rows] = _sample_days(rng, lo[chosen], hi[chosen], cums[c])
    return cust, day


def _draw_channels(
    rng: np.random.Generator, n: int, p: np.ndarray, mass_by_channel: np.ndarray
) -> np.ndarray:
    """n channels drawn with p, never one that has no customer to pick."""
    p = np.where(mass_by_channel > 0, p, 0.0)
    if n == 0 or p.sum() == 0:
        return np.zeros(0, dtype=np.int64)
    return rng.choice(len(CHANNELS), n, p=p / p.sum())


# --------------------------------------------------------------------------------------------
# Orders, generated in date segments so memory stays bounded and order ids run by date
# --------------------------------------------------------------------------------------------

_DISCOUNT_OPTIONS_BP = np.array([0, 500, 1000, 1500, 2000, 2500, 3000, 3500])
_DISCOUNT_WEIGHTS = np.array(
    [
        [0.70, 0.12, 0.10, 0.05, 0.03, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.15, 0.30, 0.30, 0.18, 0.07],
        [0.40, 0.30, 0.20, 0.10, 0.0, 0.0, 0.0, 0.0],
        [0.20, 0.35, 0.30, 0.15, 0.0, 0.0, 0.0, 0.0],
    ]
)
_GEOMETRIC_P = np.array([0.65, 0.5, 0.6, 0.45])  # item counts for shoppers buying a few pieces
_MAX_ITEMS = np.array([6, 6, 6, 10])
# Typical line value (currency units) of trade and project buyers, who buy to a budget.
_LINE_BUDGET_UNITS = np.array([0.0, 650.0, 0.0, 420.0])
_ORDERS_SQL = (
    "SELECT printf('SO-%06d', order_no), line_no, {day}, customer_id, rep_id, team_id, "
    "product_id, quantity, net_amount_cents, cost_cents, "
    "CASE status WHEN 0 THEN 'completed' WHEN 1 THEN 'returned' ELSE 'cancelled' END"
)


@dataclass
class _OrderTally:
    """What later steps need from the order lines, gathered chunk by chunk."""

    revenue: np.ndarray  # (reps, months) completed net cents
    first_day: np.ndarray  # per customer; _NEVER until their first order
    first_rep: np.ndarray
    next_order_no: int = 1
    lines: int = 0


def _segments(cal: _Calendar, targets: np.ndarray, n_lines: int) -> list[tuple[int, int, int]]:
    """Split the window into consecutive day ranges with about CHUNK_LINES lines each."""
    n_chunks = max(1, min(cal.n_days, -(-n_lines // CHUNK_LINES)))
    daily = (_ORDER_SHARE[:, None] * targets / targets.sum(axis=1, keepdims=True)).sum(axis=0)
    cum = np.cumsum(daily) / daily.sum()
    cuts = [0]
    for k in range(1, n_chunks):
        cuts.append(max(int(np.searchsorted(cum, k / n_chunks)) + 1, cuts[-1] + 1))
    cuts.append(cal.n_days)
    line_marks = [0] + [round(n_lines * cum[c - 1]) for c in cuts[1:-1]] + [n_lines]
    return [
        (cuts[k], cuts[k + 1] - 1, line_marks[k + 1] - line_marks[k])
        for k in range(n_chunks)
        if cuts[k] < cuts[k + 1]
    ]


def _line_counts(rng: np.random.Generator, channel: np.ndarray) -> np.ndarray:
    return _draw_categorical(rng, _LINES_PER_ORDER, channel) + 1


def _order_headers(
    rng: np.random.Generator,
    customers: _Customers,
    cums: np.ndarray,
    lo: int,
    hi: int,
    n_lines: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Customers, days and line counts of this segment's orders, sorted by day."""
    # Customers acquired in this segment get an order on their acquisition day.
    forced = np.flatnonzero(
        (customers.kind == NEW) & (customers.acq_day >= lo) & (customers.acq_day <= hi)
    )
    forced = forced[np.argsort(customers.acq_day[forced], kind="stable")]
    forced_counts = _line_counts(rng, customers.channel[forced])
    keep = np.cumsum(forced_counts) <= n_lines
    forced, forced_counts = forced[keep], forced_counts[keep]
    rest = n_lines - int(forced_counts.sum())

    seg_lo = np.maximum(customers.lo, lo)
    seg_hi = np.minimum(customers.hi, hi)
    weight = np.where(customers.kind == POTENTIAL, 0.0, customers.intensity)
    mass = _mass(weight, seg_lo, seg_hi, cums, customers.channel)
    by_channel = np.bincount(customers.channel, mass, minlength=len(CHANNELS))
    total = np.array([cums[c, -1] for c in range(len(CHANNELS))])
    # sum(mass) over a channel equals its target volume in the segment, so this keeps channel mix.
    channel = _draw_channels(rng, rest, _ORDER_SHARE * by_channel / total, by_channel)
    counts = _line_counts(rng, channel)
    if channel.size:
        cum_lines = np.cumsum(counts)
        n_orders = int(np.searchsorted(cum_lines, rest)) + 1
        channel, counts = channel[:n_orders], counts[:n_orders]
        counts[-1] -= int(cum_lines[n_orders - 1]) - rest
    cust, day = _pick(rng, channel, mass, seg_lo, seg_hi, cums, customers.channel)

    cust = np.concatenate([forced, cust])
    day = np.concatenate([customers.acq_day[forced], day])
    counts = np.concatenate([forced_counts, counts])
    order = np.argsort(day, kind="stable")
    return cust[order], day[order], counts[order]


def _quantities(
    rng: np.random.Generator, channel: np.ndarray, price: np.ndarray, size: np.ndarray
) -> np.ndarray:
    items = np.minimum(rng.geometric(_GEOMETRIC_P[channel]), _MAX_ITEMS[channel])
    budget = _LINE_BUDGET_UNITS[channel] * 100 * rng.lognormal(0.0, 0.6, channel.size)
    bulk = np.maximum(1, np.rint(budget * _SIZE_FACTOR[size] / price)).astype(np.int64)
    # Trade buyers order in cases of six once they order more than a dozen.
    cases = (channel == WHOLESALE) & (bulk >= 12)
    bulk = np.where(cases, (bulk + 3) // 6 * 6, bulk)
    return np.where(_LINE_BUDGET_UNITS[channel] > 0, bulk, items)


def _order_chunk(
    rng: np.random.Generator,
    cal: _Calendar,
    org: _Org,
    customers: _Customers,
    products: _Products,
    cums: np.ndarray,
    segment: tuple[int, int, int],
    tally: _OrderTally,
) -> pd.DataFrame:
    """The order lines of one date segment, as a frame ready for INSERT ... SELECT."""
    lo, hi, n_lines = segment
    cust, day, counts = _order_headers(rng, customers, cums, lo, hi, n_lines)
    n_orders = cust.size
    order_no = tally.next_order_no + np.arange(n_orders)
    tally.next_order_no += n_orders

    rep = _holders(org, customers.seat[cust], day)
    # Now and then a colleague in the same group takes the order.
    team = org.rep_team[rep]
    pick = (rng.random(n_orders) * org.group_seller_count[team]).astype(np.int64)
    colleague = org.group_sellers[team, pick]
    swap = (rng.random(n_orders) < 0.04) & _is_active(org, colleague, day)
    rep = np.where(swap, colleague, rep)

    firsts, first_index = np.unique(cust, return_index=True)
    fresh = tally.first_day[firsts] == _NEVER
    tally.first_day[firsts[fresh]] = day[first_index[fresh]]
    tally.first_rep[firsts[fresh]] = rep[first_index[fresh]]

    cancelled = rng.random(n_orders) < 0.01
    lines = int(counts.sum())
    starts = np.cumsum(counts) - counts
    line_no = np.arange(lines) - np.repeat(starts, counts) + 1
    l_cust = np.repeat(cust, counts)
    l_day = np.repeat(day, counts)
    l_rep = np.repeat(rep, counts)
    l_channel = customers.channel[l_cust]

    product = _draw_categorical(rng, products.channel_probs, l_channel)
    price = products.price[product]
    quantity = _quantities(rng, l_channel, price, customers.size[l_cust])
    discount = _DISCOUNT_OPTIONS_BP[_draw_categorical(rng, _DISCOUNT_WEIGHTS, l_channel)]
    tier_a = customers.tier[l_cust] == "A"
    discount = discount + np.where(tier_a & (l_channel != RETAIL), 300, 0)
    discount = discount - np.rint(400 * (org.skill[l_rep] - 1.0)).astype(np.int64)
    discount = np.clip(discount, 0, 4500)
    net = (price * quantity * (10_000 - discount) + 5_000) // 10_000
    ratio = np.clip(products.cost_ratio[product] + rng.normal(0, 0.015, lines), 0.55, 0.75)
    cost = (net * np.rint(ratio * 10_000).astype(np.int64) + 5_000) // 10_000
    status = np.where(rng.random(lines) < 0.03, 1, 0)
    status = np.where(np.repeat(cancelled, counts), 2, status)

    completed = status == 0
    np.add.at(tally.revenue, (l_rep[completed], cal.month_of(l_day[completed])), net[completed])
    tally.lines += lines
    return pd.DataFrame(
        {
            "order_no": np.repeat(order_no, counts),
            "line_no": line_no.astype(np.int32),
            "day": l_day.astype(np.int32),
            "customer_id": (l_cust + 1).astype(np.int32),
            "rep_id": (l_rep + 1).astype(np.int32),
            "team_id": org.rep_team[l_rep].astype(np.int32),
            "product_id": (product + 1).astype(np.int32),
            "quantity": quantity.astype(np.int32),
            "net_amount_cents": net.astype(np.int64),
            "cost_cents": cost.astype(np.int64),
            "status": status.astype(np.int8),
        }
    )


# --------------------------------------------------------------------------------------------
# Deals, activities and feedback
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    cal: _Calendar
    vocab: _Vocabulary
    org: _Org
    products: _Products
    customers: _Customers
    targets: np.ndarray  # (channels, days) order volume
    scale: float  # size relative to the default 3,000-customer company
    # Activities are people's work, so they grow with the head count as well: the smaller of
    # the customer scale and the people scale (always `scale` for the standard 65 people).
    touch_scale: float


def _scaled(base: int, scale: float) -> int:
    return max(1, round(base * scale))


def _volume(cal: _Calendar, seasonal: bool) -> np.ndarray:
    """(channels, days): relative daily volume from growth and weekdays, optionally seasons."""
    growth = _growth(cal.n_days)
    rows = []
    for c in range(len(CHANNELS)):
        if seasonal:
            shape = _seasonal_shape(cal.dates, _WEEKDAY_FACTOR[c])
        else:
            shape = _WEEKDAY_FACTOR[c][(cal.dates.astype(np.int64) + 3) % 7]
        rows.append(shape * growth)
    return np.vstack(rows)


def _build_deals(rng: np.random.Generator, ctx: _Context) -> pd.DataFrame:
    cal, org, cust = ctx.cal, ctx.org, ctx.customers
    end_day = cal.n_days - 1
    n = _scaled(_BASE_DEALS, ctx.scale)
    # Deals start up to six weeks before a customer's first order; prospects get extra attention.
    lo = np.clip(cust.acq_day - 45, 0, end_day)
    weight = cust.intensity**0.6 * np.where(cust.kind == POTENTIAL, 3.0, 1.0)
    cums = _normalised_cums(_volume(cal, seasonal=True), weight, lo, cust.hi, cust.channel)
    mass = _mass(weight, lo, cust.hi, cums, cust.channel)
    by_channel = np.bincount(cust.channel, mass, minlength=len(CHANNELS))
    channel = _draw_channels(rng, n, _DEAL_CHANNEL_SHARE, by_channel)
    who, created = _pick(rng, channel, mass, lo, cust.hi, cums, cust.channel)

    cycle = np.clip(np.rint(rng.lognormal(np.log(28), 0.6, n)), 5, 90).astype(np.int64)
    close = created + cycle
    stalled = (created >= end_day - 120) & (rng.random(n) < 0.1)
    is_open = (close > end_day) | stalled
    # The deal belongs to whoever holds the account when it closes (or today, while open).
    rep = _holders(org, cust.seat[who], np.where(is_open, end_day, close))
    won_p = np.clip(0.35 + 0.35 * (org.skill[rep] - 1.0), 0.15, 0.65)
    won = rng.random(n) < won_p
    age = (end_day - created) / cycle
    open_stage = np.clip(np.floor(age * 4 + rng.normal(0, 0.6, n)), 0, 3).astype(np.int64)
    stage_index = np.where(is_open, open_stage, np.where(won, 4, 5))
    stages = np.array(["lead", "contact", "follow_up", "negotiation", "won", "lost"], dtype=object)
    stage = stages[stage_index]
    no_account = is_open & (stage_index == 0) & (rng.random(n) < 0.5)

    units = (
        _DEAL_BASE_UNITS[channel] * _SIZE_FACTOR[cust.size[who]] ** 0.7 * rng.lognormal(0.0, 0.6, n)
    )
    amount = np.maximum(10, np.rint(units / 10) * 10).astype(np.int64) * 100
    reasons = np.array(ctx.vocab.lost_reasons, dtype=object)
    reason = reasons[rng.choice(reasons.size, n, p=[0.30, 0.25, 0.15, 0.15, 0.15])]
    product = _draw_categorical(rng, ctx.products.channel_probs, channel)

    order = np.argsort(created, kind="stable")
    frame = pd.DataFrame(
        {
            "deal_no": np.arange(1, n + 1),
            "customer_id": np.where(no_account, -1, who + 1)[order],
            "rep_id": (rep + 1)[order],
            "team_id": org.rep_team[rep][order],
            "product_id": (product + 1)[order],
            "stage": stage[order],
            "created_day": created[order],
            "closed_day": np.where(is_open, _NEVER, close)[order],
            "amount_cents": amount[order],
            "lost_reason": np.where(stage_index == 5, reason, None)[order],
        }
    )
    return frame


def _build_activities(rng: np.random.Generator, ctx: _Context) -> pd.DataFrame:
    cal, org, cust = ctx.cal, ctx.org, ctx.customers
    end_day = cal.n_days - 1
    n = _scaled(_BASE_ACTIVITIES, ctx.touch_scale)
    lo = np.clip(cust.acq_day - 30, 0, end_day)
    hi = np.where(cust.kind == POTENTIAL, end_day, np.minimum(cust.hi + 30, end_day))
    weight = cust.intensity**0.6 * np.where(cust.kind == POTENTIAL, 2.0, 1.0)
    cums = _normalised_cums(_volume(cal, seasonal=False), weight, lo, hi, cust.channel)
    mass = _mass(weight, lo, hi, cums, cust.channel)
    by_channel = np.bincount(cust.channel, mass, minlength=len(CHANNELS))
    channel = _draw_channels(rng, n, _ACTIVITY_CHANNEL_SHARE, by_channel)
    who, day = _pick(rng, channel, mass, lo, hi, cums, cust.channel)

    rep = _holders(org, cust.seat[who], day)
    service = np.zeros(n, dtype=bool)
    for c in range(len(CHANNELS)):
        staff = org.service_by_channel[c]
        rows = np.flatnonzero((channel == c) & (rng.random(n) < 0.18))
        if staff.size and rows.size:
            candidate = staff[(rng.random(rows.size) * staff.size).astype(np.int64)]
            ok = _is_active(org, candidate, day[rows])
            rep[rows[ok]] = candidate[ok]
            service[rows[ok]] = True

    kind_probs = np.vstack([_ACTIVITY_KIND_WEIGHTS, [[0.5, 0.0, 0.5, 0.0]]])
    kind = _draw_categorical(rng, kind_probs, np.where(service, len(CHANNELS), channel))
    outcome = rng.integers(0, len(ctx.vocab.outcomes), n)
    follow = rng.random(n) < 0.4
    follow_day = np.where(follow, day + rng.integers(2, 31, n), _NEVER)

    order = np.argsort(day, kind="stable")
    return pd.DataFrame(
        {
            "activity_id": np.arange(1, n + 1),
            "day": day[order],
            "customer_id": (who + 1)[order],
            "rep_id": (rep + 1)[order],
            "team_id": org.rep_team[rep][order],
            "kind": np.array(_ACTIVITY_KIND, dtype=object)[kind][order],
            "outcome": np.array(ctx.vocab.outcomes, dtype=object)[outcome][order],
            "follow_day": follow_day[order],
        }
    )


def _build_feedback(rng: np.random.Generator, ctx: _Context) -> pd.DataFrame:
    cal, org, cust, vocab = ctx.cal, ctx.org, ctx.customers, ctx.vocab
    end_day = cal.n_days - 1
    n = _scaled(_BASE_FEEDBACK, ctx.scale)
    hi = np.minimum(cust.hi + 14, end_day)
    weight = np.where(cust.kind == POTENTIAL, 0.0, cust.intensity**0.5)
    cums = _normalised_cums(_volume(cal, seasonal=True), weight, cust.lo, hi, cust.channel)
    mass = _mass(weight, cust.lo, hi, cums, cust.channel)
    by_channel = np.bincount(cust.channel, mass, minlength=len(CHANNELS))
    channel = _draw_channels(rng, n, _ORDER_SHARE, by_channel)
    who, day = _pick(rng, channel, mass, cust.lo, hi, cums, cust.channel)
    rep = _holders(org, cust.seat[who], day)

    kind = rng.choice(len(_FEEDBACK_KINDS), n, p=_FEEDBACK_KIND_WEIGHTS)
    complaint, question = kind == 0, kind == 2
    # Better sellers get happier customers; complaints come with low scores.
    happy = np.rint(4.35 + 0.9 * (org.skill[rep] - 1.0) + rng.normal(0, 0.65, n))
    csat = np.where(complaint, rng.choice([1, 2, 3], n, p=[0.35, 0.4, 0.25]), np.clip(happy, 2, 5))
    nps = np.clip(np.rint(2.2 * csat - 1.2 + rng.normal(0, 1.0, n)), 0, 10)

    texts = (vocab.complaints, vocab.praise, vocab.questions, vocab.suggestions)
    pick = rng.random(n)
    text = [
        texts[k][int(u * len(texts[k]))] for k, u in zip(kind.tolist(), pick.tolist(), strict=True)
    ]

    resolved = np.where(complaint, day + rng.integers(1, 21, n), _NEVER)
    resolved = np.where(question, day + rng.integers(0, 6, n), resolved)
    still_open = (resolved > end_day) | (complaint & (day >= end_day - 30) & (rng.random(n) < 0.3))
    resolved = np.where(still_open, _NEVER, resolved)

    order = np.argsort(day, kind="stable")
    return pd.DataFrame(
        {
            "feedback_id": np.arange(1, n + 1),
            "day": day[order],
            "customer_id": (who + 1)[order],
            "rep_id": (rep + 1)[order],
            "team_id": org.rep_team[rep][order],
            "csat": csat.astype(np.int16)[order],
            "nps": nps.astype(np.int16)[order],
            "kind": np.array(_FEEDBACK_KINDS, dtype=object)[kind][order],
            "text": np.array(text, dtype=object)[order],
            "resolved_day": resolved[order],
        }
    )


# --------------------------------------------------------------------------------------------
# Targets: each seller's trailing pace plus a stretch, summed up the team tree
# --------------------------------------------------------------------------------------------

_TARGET_METRICS: tuple[str, ...] = ("revenue", "new_customers", "won_deals", "activities")
_REVENUE_ROUNDING_CENTS = 10_000  # targets are set in whole hundreds
_AVERAGE_MONTH_DAYS = 365.25 / 12


@dataclass(frozen=True)
class _Months:
    start_day: np.ndarray
    end_day: np.ndarray
    length: np.ndarray
    complete: np.ndarray  # the month ended on or before end_date


def _months(cal: _Calendar) -> _Months:
    firsts = cal.first_month + np.arange(cal.n_months)
    start = (firsts.astype("datetime64[D]") - cal.start64).astype(np.int64)
    end = ((firsts + 1).astype("datetime64[D]") - cal.start64).astype(np.int64) - 1
    return _Months(start, end, end - start + 1, end <= cal.n_days - 1)


def _month_seasons(
    cal: _Calendar, months: _Months, *, seasonal: bool = True, lag_days: int = 0
) -> np.ndarray:
    """(channels, months): each month's volume relative to an average month, growth left out.

    Short months count for less. lag_days shifts the shape for things that happen a while after
    the demand that drives them.
    """
    out = np.zeros((len(CHANNELS), cal.n_months))
    for m in range(cal.n_months):
        days = cal.start64 + np.arange(
            months.start_day[m] - lag_days, months.end_day[m] + 1 - lag_days
        ).astype("timedelta64[D]")
        weekday = (days.astype(np.int64) + 3) % 7
        for c in range(len(CHANNELS)):
            if seasonal:
                shape = _seasonal_shape(days, _WEEKDAY_FACTOR[c])
            else:
                shape = _WEEKDAY_FACTOR[c][weekday]
            out[c, m] = shape.sum() / _AVERAGE_MONTH_DAYS
    return out


def _overlap(a_lo: np.ndarray, a_hi: np.ndarray, b_lo: np.ndarray, b_hi: np.ndarray) -> np.ndarray:
    return np.clip(np.minimum(a_hi, b_hi) - np.maximum(a_lo, b_lo) + 1, 0, None)


def _paces(
    actual: np.ndarray, exposure: np.ndarray, valid: np.ndarray, group: np.ndarray
) -> np.ndarray:
    """(reps, months): each rep's de-seasonalised monthly pace going into each month.

    The pace is the last twelve complete months (fewer early in the window; the next three when
    there are none yet); for a new hire with no full month, 70% of their group's median while
    they ramp up. A year-long pace lags the company's growth by about half a year, which is what
    lets a 5-15% stretch land attainment around 100% rather than always below it.
    """
    n_reps, n_months = actual.shape
    got = np.where(valid, actual, 0.0)
    den = np.where(valid, exposure, 0.0)
    pace = np.full((n_reps, n_months), np.nan)
    overall = np.divide(
        got.sum(1), den.sum(1), out=np.full(n_reps, np.nan), where=den.sum(1) >= 0.5
    )
    for m in range(n_months):
        for lo, hi in ((m - 12, m), (m, m + 3)):
            lo, hi = max(lo, 0), min(hi, n_months)
            d = den[:, lo:hi].sum(1)
            rate = np.divide(got[:, lo:hi].sum(1), d, out=np.full(n_reps, np.nan), where=d >= 0.5)
            pace[:, m] = np.where(np.isnan(pace[:, m]), rate, pace[:, m])
        pace[:, m] = np.where(np.isnan(pace[:, m]), overall, pace[:, m])
        for g in np.unique(group):
            rows = group == g
            known = pace[rows, m][~np.isnan(pace[rows, m])]
            ramp = 0.7 * float(np.median(known)) if known.size else 0.0
            pace[rows, m] = np.where(np.isnan(pace[rows, m]), ramp, pace[rows, m])
    return pace


def _target_actuals(
    ctx: _Context, tally: _OrderTally, deals: pd.DataFrame, activities: pd.DataFrame
) -> dict[str, np.ndarray]:
    cal, cust = ctx.cal, ctx.customers
    shape = (len(ctx.org.rep_team), cal.n_months)
    new_customers = np.zeros(shape)
    acquired = np.flatnonzero((cust.kind == NEW) & (tally.first_day < _NEVER))
    np.add.at(
        new_customers, (tally.first_rep[acquired], cal.month_of(tally.first_day[acquired])), 1
    )
    won_deals = np.zeros(shape)
    won = deals[deals["stage"] == "won"]
    np.add.at(
        won_deals, (won["rep_id"].to_numpy() - 1, cal.month_of(won["closed_day"].to_numpy())), 1
    )
    touches = np.zeros(shape)
    np.add.at(
        touches,
        (activities["rep_id"].to_numpy() - 1, cal.month_of(activities["day"].to_numpy())),
        1,
    )
    return {
        "revenue": tally.revenue.astype(np.float64),
        "new_customers": new_customers,
        "won_deals": won_deals,
        "activities": touches,
    }


def _build_targets(
    rng: np.random.Generator,
    ctx: _Context,
    tally: _OrderTally,
    deals: pd.DataFrame,
    activities: pd.DataFrame,
) -> pd.DataFrame:
    cal, org = ctx.cal, ctx.org
    months = _months(cal)
    hire, leave = org.hire_day[:, None], org.leave_day[:, None]
    # Share of each month a rep was employed (for pro-rating) and was employed inside the window.
    employed = _overlap(hire, leave, months.start_day, months.end_day) / months.length
    window_lo = np.maximum(months.start_day, 0)
    window_hi = np.minimum(months.end_day, cal.n_days - 1)
    seen = _overlap(hire, leave, window_lo, window_hi) / months.length
    valid = months.complete[None, :] & (seen >= 0.2)
    seasons = {
        "revenue": _month_seasons(cal, months),
        "new_customers": _month_seasons(cal, months),
        # Deals close about a month after they open, so won deals follow last month's season.
        "won_deals": _month_seasons(cal, months, lag_days=30),
        "activities": _month_seasons(cal, months, seasonal=False),
    }
    sellers = np.flatnonzero(org.is_seller)
    actuals = _target_actuals(ctx, tally, deals, activities)

    frames = []
    for metric in _TARGET_METRICS:
        season = seasons[metric][org.rep_channel]
        pace = _paces(
            actuals[metric][sellers],
            (seen * season)[sellers],
            valid[sellers],
            org.rep_team[sellers],
        )
        stretch = rng.uniform(1.05, 1.15, pace.shape)
        raw = pace * season[sellers] * stretch * employed[sellers]
        if metric == "revenue":
            value = (
                np.rint(raw / _REVENUE_ROUNDING_CENTS).astype(np.int64) * _REVENUE_ROUNDING_CENTS
            )
        else:
            value = np.rint(raw).astype(np.int64)
        # Retail stores do not run a deal pipeline, so they get no deal targets.
        applies = employed[sellers] > 0
        if metric == "won_deals":
            applies &= (org.rep_channel[sellers] != RETAIL)[:, None]
        frames.append(_target_rows(cal, months, org, metric, sellers, value, applies))
    return pd.concat(frames, ignore_index=True)


def _target_rows(
    cal: _Calendar,
    months: _Months,
    org: _Org,
    metric: str,
    sellers: np.ndarray,
    value: np.ndarray,
    applies: np.ndarray,
) -> pd.DataFrame:
    """Rep rows, then every team and group as the sum of its reps and child groups, then company."""
    teams = org.teams
    n_months = cal.n_months
    team_value = np.zeros((int(teams["team_id"].max()) + 1, n_months), dtype=np.int64)
    team_applies = np.zeros(team_value.shape, dtype=bool)
    np.add.at(team_value, org.rep_team[sellers], np.where(applies, value, 0))
    np.logical_or.at(team_applies, org.rep_team[sellers], applies)
    for _, row in teams[teams["parent_id"] >= 0].iterrows():
        team_value[row["parent_id"]] += team_value[row["team_id"]]
        team_applies[row["parent_id"]] |= team_applies[row["team_id"]]
    top = teams.loc[teams["parent_id"] < 0, "team_id"].to_numpy()

    scope, scope_id, month, values = [], [], [], []
    r, m = np.nonzero(applies)
    scope += ["rep"] * r.size
    scope_id.append(sellers[r] + 1)
    month.append(m)
    values.append(value[r, m])
    for team_id in teams["team_id"].to_numpy():
        ms = np.flatnonzero(team_applies[team_id])
        scope += ["team"] * ms.size
        scope_id.append(np.full(ms.size, team_id))
        month.append(ms)
        values.append(team_value[team_id, ms])
    company_ms = np.flatnonzero(team_applies[top].any(axis=0))
    scope += ["company"] * company_ms.size
    scope_id.append(np.full(company_ms.size, -1))
    month.append(company_ms)
    values.append(team_value[top][:, company_ms].sum(axis=0))

    all_months = np.concatenate(month)
    return pd.DataFrame(
        {
            "start_day": months.start_day[all_months],
            "end_day": months.end_day[all_months],
            "scope": scope,
            "scope_id": np.concatenate(scope_id),
            "metric": metric,
            "value": np.concatenate(values),
        }
    )


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _day_sql(cal: _Calendar, column: str) -> str:
    """SQL turning a day-index column into a DATE; the _NEVER sentinel becomes NULL."""
    return f"(DATE '{cal.start.isoformat()}' + CAST(NULLIF({column}, {_NEVER}) AS INTEGER))"


def _insert(cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, select: str) -> None:
    """Bulk-insert `frame` through `select`, which reads it as the relation `src`."""
    cur.register("src", frame)
    try:
        cur.execute(f"INSERT INTO {table} {select} FROM src")
    finally:
        cur.unregister("src")


def _write_org(cur: duckdb.DuckDBPyConnection, ctx: _Context) -> None:
    org, cal = ctx.org, ctx.cal
    _insert(
        cur,
        "teams",
        org.teams,
        "SELECT team_id, name, NULLIF(parent_id, -1), channel, leader_rep_id",
    )
    reps = pd.DataFrame(
        {
            "rep_id": np.arange(1, len(org.rep_team) + 1),
            "name": org.rep_names,
            "team_id": org.rep_team,
            "role": org.rep_role,
            "hire_day": org.hire_day,
            "leave_day": org.leave_day,
        }
    )
    _insert(
        cur,
        "reps",
        reps,
        f"SELECT rep_id, name, team_id, role, {_day_sql(cal, 'hire_day')}, "
        f"{_day_sql(cal, 'leave_day')}",
    )
    _insert(
        cur, "products", ctx.products.frame, "SELECT product_id, name, category, list_price_cents"
    )


def _write_customers(cur: duckdb.DuckDBPyConnection, ctx: _Context, tally: _OrderTally) -> None:
    cust, org, vocab, cal = ctx.customers, ctx.org, ctx.vocab, ctx.cal
    # A customer's acquisition date is their first order, when the history shows it.
    acquired = np.where(
        (cust.kind == NEW) & (tally.first_day < _NEVER), tally.first_day, cust.acq_day
    )
    owner = _holders(org, cust.seat, np.full(cust.n, cal.n_days - 1))
    frame = pd.DataFrame(
        {
            "customer_id": np.arange(1, cust.n + 1),
            "name": cust.names,
            "owner_rep_id": owner + 1,
            "tier": cust.tier,
            "industry": [vocab.industries[i][0] for i in cust.industry],
            "region": [vocab.regions[r][0] for r in cust.region],
            "city": cust.city,
            "size_band": np.array(vocab.size_bands, dtype=object)[cust.size],
            "channel": np.array(CHANNELS, dtype=object)[cust.channel],
            "acquired_day": acquired,
        }
    )
    _insert(
        cur,
        "customers",
        frame,
        "SELECT customer_id, name, owner_rep_id, tier, industry, region, city, size_band, channel, "
        + _day_sql(cal, "acquired_day"),
    )


def _write_orders(
    cur: duckdb.DuckDBPyConnection,
    rng: np.random.Generator,
    ctx: _Context,
    n_lines: int,
    report: ProgressFn,
) -> _OrderTally:
    cal, cust = ctx.cal, ctx.customers
    weight = np.where(cust.kind == POTENTIAL, 0.0, cust.intensity)
    cums = _normalised_cums(ctx.targets, weight, cust.lo, cust.hi, cust.channel)
    tally = _OrderTally(
        revenue=np.zeros((len(ctx.org.rep_team), cal.n_months), dtype=np.int64),
        first_day=np.full(cust.n, _NEVER, dtype=np.int64),
        first_rep=np.zeros(cust.n, dtype=np.int64),
    )
    select = _ORDERS_SQL.format(day=_day_sql(cal, "day"))
    for segment in _segments(cal, ctx.targets, n_lines):
        if segment[2] == 0:
            continue
        chunk = _order_chunk(rng, cal, ctx.org, cust, ctx.products, cums, segment, tally)
        _insert(cur, "orders", chunk, select)
        del chunk
        report(
            0.05 + 0.75 * tally.lines / max(n_lines, 1),
            f"Order lines: {tally.lines:,} of {n_lines:,}",
        )
    return tally


def _write_return_dates(cur: duckdb.DuckDBPyConnection, cal: _Calendar) -> None:
    """Each returned line comes back 3 to 45 days after its order (spread by its order number
    and line), never after the demo's last day, so some returns land in a later month."""
    cur.execute(
        "INSERT INTO order_returns SELECT order_id, line_no, least(order_date + CAST("
        "(CAST(substr(order_id, 4) AS BIGINT) * 7 + line_no * 13) % 43 + 3 AS INTEGER), $last)"
        " FROM orders WHERE status = 'returned'",
        {"last": cal.end},
    )


def _write_targets(cur: duckdb.DuckDBPyConnection, ctx: _Context, frame: pd.DataFrame) -> None:
    _insert(
        cur,
        "targets",
        frame,
        f"SELECT {_day_sql(ctx.cal, 'start_day')}, {_day_sql(ctx.cal, 'end_day')}, scope, "
        "NULLIF(scope_id, -1), metric, value, NULL",
    )


def _summarize(cur: duckdb.DuckDBPyConnection) -> DemoSummary:
    counts = {
        table: int(cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
        for table in CANONICAL_TABLES
    }
    first, last = cur.execute("SELECT min(order_date), max(order_date) FROM orders").fetchone()  # type: ignore[misc]
    return DemoSummary(**counts, first_order_date=first, last_order_date=last)


def generate_demo(
    store: Store,
    *,
    orders: int = 200_000,
    seed: int = 7,
    end_date: date | None = None,
    locale: str = "en",
    progress: ProgressFn | None = None,
    reps: int | None = None,
    customers: int | None = None,
) -> DemoSummary:
    """Replace everything in `store` with a generated demo company and return its row counts.

    Three years of history end at `end_date` (default: today) with exactly `orders` order lines.
    `reps` (default: the standard 65) is the exact number of people, in copies of the standard
    organisation chart (data/demo_scale.py); `customers` the exact number of customers (default:
    1.5% of the order lines, between 150 and 3,000 per 65 people, and at least one per person).
    Deals and feedback grow with the customers, activities with customers and people alike.
    Bad sizes raise ValueError with a sentence (data/demo_scale.check_demo_size).
    The same seed, end date and size give identical tables. `locale` ('en' or 'zh_CN', see
    `resolve_locale`) chooses the words only: names, places, products and texts; every number
    and date is the same in each locale. The company and its review history (data/demo_reviews.py,
    through the reviews' own data layer) are written in one transaction, so a failure or a
    killed process leaves the previous data in place, never a company without its reviews.
    """
    code = resolve_locale(locale)
    check_demo_size(orders, reps, customers)
    if store.engine != "duckdb":  # PostgreSQL: built in a staged DuckDB copy (data/staging.py)
        from data.staging import run_staged

        return run_staged(
            store,
            lambda local: generate_demo(
                local, orders=orders, seed=seed, end_date=end_date, locale=locale,
                progress=progress, reps=reps, customers=customers,
            ),
        )  # fmt: skip
    report: ProgressFn = progress or (lambda _fraction, _message: None)
    vocab = _VOCABULARIES[code]
    cal = _make_calendar(end_date or date.today())

    # Separate streams per part, so adding order lines does not reshuffle the org chart.
    streams = np.random.default_rng(seed).spawn(8)
    org_rng, product_rng, demand_rng, customer_rng, order_rng, deal_rng, touch_rng, misc_rng = (
        streams
    )
    org = _build_org(org_rng, vocab, cal, reps)
    products = _build_products(product_rng, vocab)
    targets = _order_targets(demand_rng, cal)
    people = len(org.rep_team)
    if customers is not None:
        n_customers = customers
    else:  # 3,000 at most per 65 people (the standard demo's cap), and one per person at least
        cap = round(_BASE_CUSTOMERS * max(people, STANDARD_REPS) / STANDARD_REPS)
        n_customers = int(np.clip(round(orders * 0.015), 150, cap))
        n_customers = n_customers if reps is None else max(n_customers, people)
    target_cums = np.vstack([_cumulative(t) for t in targets])
    customer_set = _build_customers(customer_rng, vocab, cal, org, n_customers, target_cums)
    scale = n_customers / _BASE_CUSTOMERS
    touch_scale = scale if reps is None else min(scale, people / STANDARD_REPS)
    ctx = _Context(cal, vocab, org, products, customer_set, targets, scale, touch_scale)
    report(0.03, "Built the organisation, products and customers")

    with store.transaction() as cur:
        for table in CANONICAL_TABLES:
            cur.execute(f"DELETE FROM {table}")
        # Everything that names the old company's rows (review ticks, return dates, an
        # import's places and made-up people, notes, follow-ups, commitments, routines, stock)
        # goes with it: the same list an import that replaces the company clears.
        for table in DEPENDENT_TABLES:
            cur.execute(f"DELETE FROM {table}")
        cur.execute("DELETE FROM import_keys")  # keys of imported rows that are gone now
        cur.execute("DELETE FROM rep_period_teams")  # the teams of the targets deleted
        # The demo's amounts are yuan in Chinese and dollars in English: the company's setting.
        write_currency(cur, "CNY" if code == "zh_CN" else "USD")
        mark_demo(cur)  # demo-only things (its plan, contests, reviews) show on it alone
        clear_profile(cur)  # an imported company's name is not the demo's
        _write_org(cur, ctx)
        seed_demo_users(cur)  # the demo's sign-in accounts, one per role, for its people
        tally = _write_orders(cur, order_rng, ctx, orders, report)
        _write_return_dates(cur, cal)
        _write_customers(cur, ctx, tally)
        deals = _build_deals(deal_rng, ctx)
        _insert(
            cur,
            "deals",
            deals,
            "SELECT printf('D-%06d', deal_no), NULLIF(customer_id, -1), rep_id, team_id, "
            f"product_id, stage, {_day_sql(cal, 'created_day')}, {_day_sql(cal, 'closed_day')}, "
            "amount_cents, lost_reason",
        )
        report(0.85, "Deals written")
        activities = _build_activities(touch_rng, ctx)
        _insert(
            cur,
            "activities",
            activities,
            f"SELECT activity_id, {_day_sql(cal, 'day')}, customer_id, rep_id, team_id, kind, "
            f"outcome, {_day_sql(cal, 'follow_day')}",
        )
        report(0.9, "Activities written")
        feedback = _build_feedback(misc_rng, ctx)
        _insert(
            cur,
            "feedback",
            feedback,
            f"SELECT feedback_id, {_day_sql(cal, 'day')}, customer_id, rep_id, team_id, csat, nps, "
            f"kind, text, {_day_sql(cal, 'resolved_day')}",
        )
        report(0.93, "Feedback written")
        _write_targets(cur, ctx, _build_targets(misc_rng, ctx, tally, deals, activities))
        record_rep_teams(cur)  # each person's targets filed under their team then
        report(0.97, "Targets written")
        reviews = write_demo_reviews(cur, cal.end, seed, locale=code)  # same transaction
        write_demo_routines(cur, cal.end, seed, locale=code)  # weekly summaries, suggestions
        write_demo_stock(cur, cal.end, seed)  # the stores' weekly stock counts
        write_demo_training(cur, cal.end, seed, locale=code)  # training plans, role duties
        report(0.98, "Review history written")
        summary = _summarize(cur)
        refresh_rollups(cur)  # rollups commit with the rows they summarise
    report(1.0, "Demo company ready")
    return dataclasses.replace(summary, reviews=reviews)
