"""What each importable table accepts: its fields, their kinds and the headers that mean them.

A file names people, customers, products and teams by name or by its own id; the commit step
turns those into Huddle's integer ids. Synonyms are compared after `header_key` (case, spaces
and punctuation ignored), in English and Chinese as the usual CRM and Excel exports spell them.

Activities and feedback have no id of Huddle's own in a file: a row is known by the file's id
for it (跟进记录编号, Case Number) when the file has one, else by its `natural_key` and its
place among the file's rows that share that key, so the same file imported again lands on the
same rows (see commit.row_ids).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from data.importing.errors import MappingError

# Order lines an import makes from won deals (a CRM export with no orders file) have this
# prefix before the deal's id as their order id, so lists that show deals and orders side by
# side (the stand-up's wins) can tell the sale is already there as its deal.
WON_DEAL_ORDER_PREFIX = "deal:"

Kind = Literal[
    "text", "date", "money", "integer", "number", "stage", "role", "channel", "status",
    "activity_kind", "feedback_kind",
]  # fmt: skip


@dataclass(frozen=True)
class ImportField:
    """One thing a file can say about a row of the table."""

    name: str
    kind: Kind
    synonyms: tuple[str, ...] = ()
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class ImportTable:
    """A table a file can be imported into; `one_of` groups need at least one field each.

    `natural_key` (activities, feedback) names what identifies a row whose `key` field is not
    in the file or blank: those fields (a person or customer by the file's id, else name) and
    the row's place among the rows sharing them."""

    name: str
    key: tuple[str, ...]
    fields: tuple[ImportField, ...]
    one_of: tuple[tuple[str, ...], ...] = ()
    natural_key: tuple[str, ...] = ()

    def field(self, name: str) -> ImportField:
        """The field called `name`."""
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(f"The {self.name} import has no field '{name}'.")

    @property
    def field_names(self) -> tuple[str, ...]:
        """Every field's name, in order."""
        return tuple(f.name for f in self.fields)


def _f(
    name: str, kind: Kind, *synonyms: str, required: bool = False, help: str = ""
) -> ImportField:
    return ImportField(name, kind, (name, *synonyms), required, help)


_REP = ("sales agent", "sales_agent", "salesperson", "sales rep", "rep", "owner",
        "opportunity owner", "account owner", "deal owner", "agent",
        "销售员", "业务员", "负责人", "销售", "销售人员",
        "销售代表", "跟进人", "归属人")  # fmt: skip
_REP_KEY = ("rep id", "owner id", "sales agent id", "employee id", "员工编号", "负责人编号", "工号")
_CUSTOMER = ("customer", "customer name", "account", "account name", "client", "company",
             "company name", "客户", "客户名称", "公司名称", "客户名")  # fmt: skip
_CUSTOMER_KEY = ("customer id", "account id", "client id", "客户编号", "客户id", "客户代码")
_PRODUCT = ("product", "product name", "item", "item name", "sku name", "产品", "产品名称",
            "商品", "商品名称", "品名")  # fmt: skip
_PRODUCT_KEY = ("product id", "sku", "item id", "product code", "产品编号", "商品编号", "货号")
_TEAM = ("team", "team name", "sales team", "group", "department", "manager", "团队", "部门",
         "小组", "所属部门", "销售团队")  # fmt: skip
_PARENT = ("regional office", "regional_office", "region office", "division", "上级部门",
           "大区", "区域", "事业部")  # fmt: skip
_TEAM_FIELDS = (
    _f("team", "text", *_TEAM, required=True),
    _f("parent_team", "text", *_PARENT),
    _f("channel", "channel", "channel", "渠道", "销售渠道"),
)

TABLES: dict[str, ImportTable] = {
    t.name: t
    for t in (
        ImportTable("teams", ("team",), _TEAM_FIELDS),
        ImportTable(
            "reps",
            ("rep",),
            (
                _f(
                    "rep",
                    "text",
                    *_REP,
                    "name",
                    "full name",
                    "姓名",
                    "员工",
                    "员工姓名",
                    required=True,
                ),
                _f("rep_key", "text", *_REP_KEY),
                _f("team", "text", *_TEAM),
                _f("parent_team", "text", *_PARENT),
                _f("manager", "text", "manager", "team lead", "leader", "主管", "经理", "组长"),
                _f(
                    "role", "role", "role", "title", "job title", "position", "岗位", "职位", "角色"
                ),
                _f("hire_date", "date", "hire date", "start date", "入职日期", "入职时间"),
                _f("leave_date", "date", "leave date", "end date", "离职日期", "离职时间"),
            ),
        ),
        ImportTable(
            "customers",
            ("customer",),
            (
                _f("customer", "text", *_CUSTOMER, required=True),
                _f("customer_key", "text", *_CUSTOMER_KEY),
                _f("owner", "text", *_REP),
                _f(
                    "tier", "text", "tier", "customer tier", "level", "客户等级", "等级", "客户级别"
                ),
                _f(
                    "industry",
                    "text",
                    "industry",
                    "sector",
                    "segment",
                    "行业",
                    "所属行业",
                    "客户类型",
                ),
                _f(
                    "region",
                    "text",
                    "region",
                    "office location",
                    "country",
                    "state",
                    "地区",
                    "省份",
                    "区域",
                ),
                _f("city", "text", "city", "城市", "所在城市"),
                _f("size_band", "text", "size", "size band", "company size", "规模", "企业规模"),
                _f("channel", "channel", "channel", "渠道", "客户来源"),
                _f(
                    "acquired_date",
                    "date",
                    "created date",
                    "customer since",
                    "first order date",
                    "year established",
                    "创建时间",
                    "创建日期",
                    "成为客户日期",
                ),
            ),
        ),
        ImportTable(
            "products",
            ("product",),
            (
                _f("product", "text", *_PRODUCT, required=True),
                _f("product_key", "text", *_PRODUCT_KEY),
                _f(
                    "category",
                    "text",
                    "category",
                    "series",
                    "product line",
                    "product family",
                    "产品类别",
                    "类别",
                    "品类",
                    "产品线",
                    "系列",
                ),
                _f(
                    "list_price",
                    "money",
                    "list price",
                    "sales price",
                    "sales_price",
                    "price",
                    "unit price",
                    "标准价格",
                    "价格",
                    "单价",
                    "售价",
                ),
            ),
        ),
        ImportTable(
            "orders",
            ("order_id", "line_no"),
            (
                _f(
                    "order_id",
                    "text",
                    "order id",
                    "order number",
                    "order no",
                    "invoice",
                    "订单编号",
                    "订单号",
                    "单号",
                    "销售单号",
                    required=True,
                ),
                _f("line_no", "integer", "line", "line no", "line number", "行号", "明细行号"),
                _f(
                    "order_date",
                    "date",
                    "order date",
                    "date",
                    "sale date",
                    "invoice date",
                    "transaction date",
                    "下单日期",
                    "订单日期",
                    "日期",
                    "销售日期",
                    "成交日期",
                    required=True,
                ),
                _f("customer", "text", "customer name", *_CUSTOMER),
                _f("customer_key", "text", *_CUSTOMER_KEY),
                _f("rep", "text", *_REP),
                _f("rep_key", "text", *_REP_KEY),
                _f("team", "text", *_TEAM),
                _f("product", "text", "product name", *_PRODUCT),
                _f("product_key", "text", *_PRODUCT_KEY),
                _f("quantity", "integer", "quantity", "qty", "units", "数量", "销售数量", "件数"),
                _f(
                    "amount",
                    "money",
                    "sales",
                    "amount",
                    "net amount",
                    "revenue",
                    "total",
                    "close_value",
                    "销售额",
                    "金额",
                    "销售金额",
                    "实收金额",
                    "订单金额",
                    "成交金额",
                    required=True,
                ),
                _f("cost", "money", "cost", "cogs", "成本", "成本金额"),
                _f("profit", "money", "profit", "margin", "毛利", "利润"),
                _f("status", "status", "status", "order status", "订单状态", "状态"),
                _f(
                    "return_date",
                    "date",
                    "return date",
                    "returned date",
                    "returned on",
                    "refund date",
                    "退货日期",
                    "退货时间",
                    "退款日期",
                ),
                _f(
                    "customer_industry", "text", "segment", "industry", "sector", "行业", "客户类型"
                ),
                # Where and through which channel the line was sold (order_places): a file's
                # plain Region or City is the sale's (Superstore's ship-to), so the customer's
                # own answer to "customer region" / "customer city" headings only. A mapping
                # that names customer_region or customer_city keeps setting the customer's.
                _f("region", "text", "区域", "大区", "地区", "sales region", "销售区域"),
                _f("city", "text", "城市", "所在城市", "ship city", "收货城市"),
                _f("store", "text", "门店", "店铺", "store name", "shop", "门店名称", "店铺名称"),
                _f("channel", "channel", "渠道", "销售渠道", "sales channel"),
                _f(
                    "customer_region", "text", "customer region", "客户区域", "客户地区", "客户大区"
                ),
                _f("customer_city", "text", "customer city", "客户城市"),
                _f("customer_tier", "text", "tier", "customer tier", "客户等级"),
                _f("product_category", "text", "category", "product category", "产品类别", "品类"),
            ),
            one_of=(("customer", "customer_key"), ("product", "product_key"), ("rep", "rep_key")),
        ),
        ImportTable(
            "deals",
            ("deal_id",),
            (
                _f(
                    "deal_id",
                    "text",
                    "opportunity id",
                    "opportunity_id",
                    "deal id",
                    "id",
                    "商机编号",
                    "商机id",
                    "机会编号",
                    required=True,
                ),
                _f("rep", "text", *_REP),
                _f("rep_key", "text", *_REP_KEY),
                _f("team", "text", *_TEAM),
                _f("customer", "text", *_CUSTOMER),
                _f("customer_key", "text", *_CUSTOMER_KEY),
                _f("product", "text", *_PRODUCT),
                _f("product_key", "text", *_PRODUCT_KEY),
                _f(
                    "stage",
                    "stage",
                    "stage",
                    "deal stage",
                    "deal_stage",
                    "sales stage",
                    "opportunity stage",
                    "阶段",
                    "销售阶段",
                    "商机阶段",
                    required=True,
                ),
                _f(
                    "created_date",
                    "date",
                    "engage date",
                    "engage_date",
                    "created date",
                    "create date",
                    "created time",
                    "创建日期",
                    "创建时间",
                    "立项日期",
                    required=True,
                ),
                _f(
                    "closed_date",
                    "date",
                    "close date",
                    "close_date",
                    "closed date",
                    "closing date",
                    "结单日期",
                    "成交日期",
                    "关闭日期",
                    "赢单日期",
                ),
                _f(
                    "amount",
                    "money",
                    "close value",
                    "close_value",
                    "amount",
                    "deal value",
                    "opportunity amount",
                    "expected revenue",
                    "金额",
                    "商机金额",
                    "成交金额",
                    "销售额",
                ),
                _f("lost_reason", "text", "lost reason", "loss reason", "输单原因", "丢单原因"),
            ),
            one_of=(("rep", "rep_key"),),
        ),
        ImportTable(
            "activities",
            ("activity_key",),  # the export's own id for a record, when it has one
            (
                _f(
                    "activity_key",
                    "text",
                    "activity id",
                    "activity_id",
                    "task id",
                    "event id",
                    "follow up id",
                    "跟进记录编号",
                    "跟进编号",
                    "跟进记录id",
                    "拜访记录编号",
                    "拜访编号",
                    "活动编号",
                    "记录编号",
                ),
                _f(
                    "activity_date",
                    "date",
                    "activity date",
                    "date",
                    "call date",
                    "visit date",
                    "meeting date",
                    "follow up date",
                    "follow-up date",
                    "due date",
                    "跟进时间",
                    "跟进日期",
                    "拜访日期",
                    "拜访时间",
                    "日期",
                    "活动日期",
                    "联系时间",
                    "联系日期",
                    "沟通时间",
                    required=True,
                ),
                _f("customer", "text", *_CUSTOMER),
                _f("customer_key", "text", *_CUSTOMER_KEY),
                _f("rep", "text", *_REP),
                _f("rep_key", "text", *_REP_KEY),
                _f("team", "text", *_TEAM),
                _f(
                    "kind",
                    "activity_kind",
                    "activity type",
                    "type",
                    "task type",
                    "subtype",
                    "follow up type",
                    "method",
                    "跟进方式",
                    "跟进类型",
                    "类型",
                    "拜访方式",
                    "联系方式",
                    "沟通方式",
                    "活动类型",
                    required=True,
                ),
                _f(
                    "outcome",
                    "text",
                    "result",
                    "notes",
                    "description",
                    "comments",
                    "subject",
                    "summary",
                    "跟进结果",
                    "跟进内容",
                    "拜访结果",
                    "拜访内容",
                    "沟通内容",
                    "沟通结果",
                    "结果",
                    "内容",
                    "备注",
                ),
                _f(
                    "next_follow_up_date",
                    "date",
                    "next follow up",
                    "next follow-up",
                    "next follow up date",
                    "next follow-up date",
                    "next step date",
                    "next contact date",
                    "下次跟进时间",
                    "下次跟进日期",
                    "下次联系时间",
                    "下次联系日期",
                    "下次拜访时间",
                    "下次拜访日期",
                    "计划跟进时间",
                    "下次回访时间",
                ),
            ),
            one_of=(("customer", "customer_key"), ("rep", "rep_key")),
            # The rep, not only the customer: two people calling one customer on a day are two
            # activities. Two calls by one person that day are told apart by their file order.
            natural_key=("activity_date", "rep", "customer", "kind"),
        ),
        ImportTable(
            "feedback",
            ("feedback_key",),  # the export's own id for a record, when it has one
            (
                _f(
                    "feedback_key",
                    "text",
                    "feedback id",
                    "feedback_id",
                    "case id",
                    "case number",
                    "ticket id",
                    "ticket number",
                    "反馈编号",
                    "反馈单号",
                    "工单编号",
                    "工单号",
                    "投诉编号",
                    "投诉单号",
                ),
                _f(
                    "feedback_date",
                    "date",
                    "feedback date",
                    "date",
                    "date opened",
                    "opened date",
                    "created date",
                    "submitted",
                    "submitted date",
                    "反馈日期",
                    "反馈时间",
                    "投诉日期",
                    "投诉时间",
                    "日期",
                    "提交时间",
                    "创建时间",
                    "创建日期",
                    required=True,
                ),
                _f("customer", "text", *_CUSTOMER),
                _f("customer_key", "text", *_CUSTOMER_KEY),
                _f("rep", "text", *_REP, "case owner", "handled by", "处理人"),
                _f("rep_key", "text", *_REP_KEY),
                _f("team", "text", *_TEAM),
                _f(
                    "kind",
                    "feedback_kind",
                    "feedback type",
                    "type",
                    "case type",
                    "category",
                    "反馈类型",
                    "类型",
                    "反馈类别",
                    "类别",
                    required=True,
                ),
                # Scores as the schema bounds them: CSAT 1 (poor) to 5, NPS 0 to 10.
                _f(
                    "csat",
                    "integer",
                    "satisfaction",
                    "satisfaction score",
                    "customer satisfaction",
                    "csat score",
                    "rating",
                    "满意度",
                    "满意度评分",
                    "客户满意度",
                    "满意度打分",
                    "评分",
                    "星级",
                ),
                _f(
                    "nps",
                    "integer",
                    "nps score",
                    "recommend",
                    "likelihood to recommend",
                    "推荐值",
                    "推荐度",
                    "净推荐值",
                    "nps评分",
                    "推荐意愿",
                ),
                _f(
                    "text",
                    "text",
                    "feedback",
                    "description",
                    "comment",
                    "comments",
                    "content",
                    "details",
                    "subject",
                    "反馈内容",
                    "投诉内容",
                    "内容",
                    "问题描述",
                    "描述",
                    "备注",
                ),
                _f(
                    "resolved_date",
                    "date",
                    "resolved date",
                    "resolution date",
                    "date closed",
                    "closed date",
                    "resolved",
                    "解决日期",
                    "解决时间",
                    "处理完成时间",
                    "结案日期",
                    "结案时间",
                    "关闭时间",
                    "关闭日期",
                ),
            ),
            # Feedback is the customer's whoever handles it: the rep, often reassigned, is left
            # out of what identifies it.
            natural_key=("feedback_date", "customer", "kind"),
        ),
        # Stock counts (migration 0019): what a store/team had on hand of a product on a day,
        # and what it cost (the whole quantity's cost, or a unit cost times the quantity).
        ImportTable(
            "stock",
            ("count_date", "team", "product"),
            (
                _f(
                    "count_date",
                    "date",
                    "date",
                    "count date",
                    "stock date",
                    "snapshot date",
                    "as of",
                    "as of date",
                    "inventory date",
                    "盘点日期",
                    "库存日期",
                    "统计日期",
                    "日期",
                    required=True,
                ),
                _f(
                    "team",
                    "text",
                    "store",
                    "store name",
                    "shop",
                    "location",
                    "门店",
                    "门店名称",
                    "店铺",
                    "店铺名称",
                    *_TEAM,
                    required=True,
                ),
                _f("product", "text", *_PRODUCT, "商品", "商品名称"),
                _f("product_key", "text", *_PRODUCT_KEY, "sku code", "商品编码", "条码"),
                _f(
                    "quantity",
                    "integer",
                    "on hand",
                    "quantity on hand",
                    "qty on hand",
                    "stock",
                    "stock on hand",
                    "stock qty",
                    "inventory",
                    "qty",
                    "库存",
                    "库存数量",
                    "现存量",
                    "在库数量",
                    "结存数量",
                    "库存量",
                    required=True,
                ),
                _f(
                    "value",
                    "money",
                    "stock value",
                    "inventory value",
                    "value at cost",
                    "cost value",
                    "total cost",
                    "库存金额",
                    "库存成本",
                    "成本金额",
                    "结存金额",
                ),
                _f(
                    "unit_cost",
                    "money",
                    "unit cost",
                    "cost price",
                    "cost",
                    "成本价",
                    "单位成本",
                    "进价",
                    "成本单价",
                ),
                _f(
                    "received",
                    "integer",
                    "receipts",
                    "qty received",
                    "units received",
                    "received qty",
                    "入库数量",
                    "本期入库",
                    "收货数量",
                    "到货数量",
                ),
            ),
            one_of=(("product", "product_key"), ("value", "unit_cost")),
        ),
    )
}


def header_key(text: str) -> str:
    """A header reduced for matching: width-normalised, lower case, no spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\W_]+", "", folded)


def import_table(name: str) -> ImportTable:
    """The importable table called `name`, or a clear error listing those there are (a
    mapping file or preset names the table, so this is the user's error, not a KeyError)."""
    if name not in TABLES:
        raise MappingError.of("import.unknown_table", table=name, tables=", ".join(TABLES))
    return TABLES[name]
