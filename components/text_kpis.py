"""KPI names and definitions and dimension names in Simplified Chinese.

The English ones are declared once, in the metrics catalogue; this module reads them from there
so the two languages are checked key for key like every other part of the catalogue.
"""

from __future__ import annotations

from metrics.catalogue import CATALOGUE
from metrics.dimensions import DIMENSIONS

EN: dict[str, str] = {
    **{f"kpi.{kpi.id}.label": kpi.label for kpi in CATALOGUE.values()},
    **{f"kpi.{kpi.id}.definition": kpi.definition for kpi in CATALOGUE.values()},
    **{f"dim.{dim_id}": dim.label for dim_id, dim in DIMENSIONS.items()},
}

ZH: dict[str, str] = {
    "kpi.revenue.label": "销售额",
    "kpi.revenue.definition": "已完成订单行的净额，不含退货和取消的订单行。",
    "kpi.revenue_target.label": "销售额目标",
    "kpi.revenue_target.definition": "本期已发布的销售额目标，按天折算。",
    "kpi.revenue_attainment.label": "销售额达成率",
    "kpi.revenue_attainment.definition": "销售额占同期、同范围目标的比例。",
    "kpi.orders.label": "订单数",
    "kpi.orders.definition": (
        "至少有一行已完成的订单。没有订单文件的 CRM 导出中，每个赢单商机算一个订单。"
    ),
    "kpi.average_order_value.label": "客单价",
    "kpi.average_order_value.definition": "销售额除以订单数。",
    "kpi.gross_margin.label": "毛利",
    "kpi.gross_margin.definition": "销售额减去已完成订单行的商品成本。",
    "kpi.gross_margin_rate.label": "毛利率",
    "kpi.gross_margin_rate.definition": "毛利占销售额的比例。",
    "kpi.returns_value.label": "退货额",
    "kpi.returns_value.definition": (
        "客户退回的订单行净额，按下单日期计（提成则在退货日期所在月份扣回，见“激励”页）。"
    ),
    "kpi.selling_reps.label": "出单人数",
    "kpi.selling_reps.definition": "本期至少有一行已完成订单的人数。",
    "kpi.revenue_per_rep.label": "人均销售额",
    "kpi.revenue_per_rep.definition": "销售额除以本期出单人数。",
    "kpi.active_customers.label": "活跃客户数",
    "kpi.active_customers.definition": "本期至少有一笔已完成订单的客户。",
    "kpi.new_customers.label": "新客户数",
    "kpi.new_customers.definition": (
        "首次在公司购买落在本期的客户；本期之前已建档（已获客）的客户算作老客户。"
        "“新”指对公司而言，不是对团队：按团队、人员或渠道看（筛选或分项中的一行），"
        "先在别处买过的客户算老客户；首个周期内从两个团队购买的客户在两行都算新客户。"
    ),
    "kpi.new_customers_target.label": "新客户目标",
    "kpi.new_customers_target.definition": "本期已发布的新客户目标，按天折算。",
    "kpi.new_customers_attainment.label": "新客户达成率",
    "kpi.new_customers_attainment.definition": "新客户数占同期、同范围目标的比例。",
    "kpi.returning_customers.label": "老客户数",
    "kpi.returning_customers.definition": (
        "本期之前在公司买过（不论从哪个团队）或已建档的活跃客户。"
    ),
    "kpi.retained_customers.label": "留存客户数",
    "kpi.retained_customers.definition": (
        "上一期买过、本期又买的客户；按某个团队、人员或渠道看时，两次都须在其范围内购买。"
    ),
    "kpi.retention_rate.label": "留存率",
    "kpi.retention_rate.definition": (
        "上期活跃客户中本期再次购买的比例。上期指之前的整月、整季或整年"
        "（本月至今对比上一个整月，不论本月从星期几开始）；滚动区间则为之前相同天数。"
    ),
    "kpi.churn_rate.label": "流失率",
    "kpi.churn_rate.definition": "上期活跃客户中本期没有购买的比例（上期的含义同留存率）。",
    "kpi.repeat_customers.label": "复购客户数",
    "kpi.repeat_customers.definition": (
        "本期内在两个或以上不同日期购买的客户，只计在该数字所属团队、人员或渠道购买的日期。"
    ),
    "kpi.repeat_purchase_rate.label": "复购率",
    "kpi.repeat_purchase_rate.definition": (
        "活跃客户中本期在两天或以上购买的比例。按团队、人员或渠道看（筛选或分项中的一行，"
        "两者数字相同），只计在其范围内购买的日期：8月3日在 Alpha、8月20日在 Beta"
        "各买一次的客户，不算 Beta 的复购客户。"
    ),
    "kpi.won_deals.label": "赢单数",
    "kpi.won_deals.definition": "本期以赢单关闭的商机。",
    "kpi.won_deals_target.label": "赢单目标",
    "kpi.won_deals_target.definition": "本期已发布的赢单目标，按天折算。",
    "kpi.won_deals_attainment.label": "赢单达成率",
    "kpi.won_deals_attainment.definition": "赢单数占同期、同范围目标的比例。",
    "kpi.closed_deals.label": "关闭商机数",
    "kpi.closed_deals.definition": "本期关闭的商机，赢单或输单。",
    "kpi.won_value.label": "赢单金额",
    "kpi.won_value.definition": "本期赢单商机的总金额。",
    "kpi.win_rate.label": "赢单率",
    "kpi.win_rate.definition": "赢单数占本期关闭商机（赢单或输单）的比例。",
    "kpi.average_deal_size.label": "平均单笔赢单额",
    "kpi.average_deal_size.definition": "赢单金额除以赢单数。",
    "kpi.sales_cycle_days.label": "销售周期",
    "kpi.sales_cycle_days.definition": "赢单商机从创建到关闭的平均天数。",
    "kpi.new_deals.label": "新增商机数",
    "kpi.new_deals.definition": "本期创建的商机，不论现在处于哪个阶段。",
    "kpi.pipeline_value.label": "在途商机金额",
    "kpi.pipeline_value.definition": (
        "期末仍未关闭的商机金额（已创建、尚未关闭）；没有金额的商机按其产品的标准价格计，"
        "两者都没有的商机按 0 计（见“未估值的在途商机”）。"
    ),
    "kpi.pipeline_estimated_value.label": "在途商机金额（估算部分）",
    "kpi.pipeline_estimated_value.definition": (
        "在途商机中按标准价格估算的部分：没有金额的未关闭商机，按其产品的标准价格计。"
    ),
    "kpi.pipeline_unvalued_deals.label": "未估值的在途商机",
    "kpi.pipeline_unvalued_deals.definition": (
        "既无金额也无标准价格（没有产品，或产品的标准价格为 0，例如只出现在商机文件中的产品）的"
        "未关闭商机，在途商机金额按 0 计。同一产品有两种写法时，可在数据页的“疑似重复”中合并。"
    ),
    "kpi.activities.label": "跟进次数",
    "kpi.activities.definition": "本期记录的与客户的电话、拜访、消息和会面。",
    "kpi.activities_target.label": "跟进目标",
    "kpi.activities_target.definition": "本期已发布的跟进次数目标，按天折算。",
    "kpi.activities_attainment.label": "跟进达成率",
    "kpi.activities_attainment.definition": "跟进次数占同期、同范围目标的比例。",
    "kpi.customers_contacted.label": "已联系客户数",
    "kpi.customers_contacted.definition": "本期至少有一次跟进记录的客户。",
    "kpi.csat.label": "客户满意度",
    "kpi.csat.definition": "客户满意度平均分，1（差）到 5（优）。",
    "kpi.csat_responses.label": "满意度回复数",
    "kpi.csat_responses.definition": "带满意度评分的反馈条数。",
    "kpi.nps.label": "净推荐值",
    "kpi.nps.definition": "净推荐值：推荐者（9–10 分）占比减去贬损者（0–6 分）占比，-100 到 100。",
    "kpi.complaints.label": "投诉数",
    "kpi.complaints.definition": "本期收到的投诉。",
    "kpi.complaint_resolution_days.label": "投诉处理时长",
    "kpi.complaint_resolution_days.definition": "已解决投诉从提出到解决的平均天数。",
    # Stock (issue 23)
    "kpi.cost_of_goods_sold.label": "已售商品成本（有库存记录）",
    "kpi.cost_of_goods_sold.definition": (
        "销售门店/团队在销售当天或之前已盘点过的商品，其已完成订单行的成本。"
    ),
    "kpi.units_sold.label": "销售件数（有库存记录）",
    "kpi.units_sold.definition": (
        "销售门店/团队在销售当天或之前已盘点过的商品，其已完成订单行的件数。"
    ),
    "kpi.stock_cost_days.label": "库存成本天数",
    "kpi.stock_cost_days.definition": "本期每天的库存成本（分）之和。",
    "kpi.stock_units.label": "在库件数",
    "kpi.stock_units.definition": "本期最后一天的在库件数。",
    "kpi.stock_value.label": "库存成本",
    "kpi.stock_value.definition": (
        "本期最后一天在库商品的成本：每个商品取当天或之前最近一次盘点的数据。"
    ),
    "kpi.average_stock_value.label": "平均库存成本",
    "kpi.average_stock_value.definition": (
        "本期每天的库存成本（每个商品取当天或之前最近一次盘点；首次盘点之前记为零）之和，"
        "除以本期天数。"
    ),
    "kpi.inventory_turnover.label": "库存周转率",
    "kpi.inventory_turnover.definition": (
        "已售商品成本除以平均库存成本，并按年折算：乘以 365 再除以本期天数（365 天的整年不变）。"
        "只计门店/团队在销售当天或之前已盘点过的商品的销售。"
    ),
    "kpi.inventory_turnover_target.label": "库存周转率目标",
    "kpi.inventory_turnover_target.definition": (
        "本期已发布的库存周转率目标：一个水平值，为覆盖本期各天的目标按天数加权的平均值"
        "（没有目标的日子不计入）。"
    ),
    "kpi.inventory_turnover_attainment.label": "库存周转率达成率",
    "kpi.inventory_turnover_attainment.definition": "库存周转率占同期、同范围目标的比例。",
    "kpi.days_of_inventory.label": "库存天数",
    "kpi.days_of_inventory.definition": (
        "按本期每天的已售商品成本，平均库存能卖多少天：平均库存成本除以每天的已售商品成本，"
        "即 365 除以库存周转率。"
    ),
    "kpi.sell_through_rate.label": "售罄率",
    "kpi.sell_through_rate.definition": (
        "本期售出件数占（售出件数 + 本期最后一天在库件数）的比例，即可售商品中卖掉的比例，"
        "有无入库记录都适用。"
    ),
    "kpi.best_seller_stockout_days.label": "畅销品缺货天数",
    "kpi.best_seller_stockout_days.definition": (
        "本期畅销品在库为零的天数，按商品和门店/团队分别计（盘点为零的商品到下次盘点前都算缺货）。"
        "畅销品：每个门店/团队在本期最后一天之前 90 天内销售件数最多的 10 个商品。"
    ),
    "kpi.slow_movers.label": "滞销品数",
    "kpi.slow_movers.definition": (
        "本期最后一天的在库件数多于门店/团队在此前 90 天内售出件数的商品（某门店的某商品）："
        "按近期速度库存够卖 90 天以上，或 90 天内没有任何已完成的销售。"
    ),
    "kpi.slow_stock_value.label": "滞销品库存成本",
    "kpi.slow_stock_value.definition": "滞销品在本期最后一天的全部在库成本。",
    "kpi.dead_stock_value.label": "呆滞库存成本",
    "kpi.dead_stock_value.definition": (
        "本期最后一天仍有库存、且门店/团队在此前 180 天内没有任何已完成销售的商品的库存成本。"
    ),
    "dim.team": "团队",
    "dim.group": "小组",
    "dim.rep": "销售",
    "dim.rep_id": "人员编号",
    "dim.role": "角色",
    "dim.channel": "渠道",
    "dim.region": "大区",
    "dim.city": "城市",
    "dim.store": "门店",
    "dim.industry": "行业",
    "dim.customer_tier": "客户等级",
    "dim.size_band": "规模",
    "dim.product_category": "品类",
    "dim.product": "商品",
    "dim.deal_stage": "商机阶段",
    "dim.lifecycle_stage": "生命周期阶段",
    "dim.rfm_segment": "RFM 分群",
}
