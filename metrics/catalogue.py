"""Every KPI Huddle knows, each declared once.

Money aggregates are in integer cents here; the compiler turns them into currency units,
rounding any derived money value half away from zero to whole cents.
A KPI with a `target_metric` also gets `<id>_target` and `<id>_attainment`, generated below,
by its target rule (metrics.model.TargetRule): an amount target sums its days' shares, a level
target is the day-weighted average of the targets covering the period.
"""

from __future__ import annotations

from metrics.model import Kpi
from metrics.sources import DEAD_STOCK_DAYS

_COMPLETED = "status = 'completed'"

# Stock (sources stock and stock_sales; migration 0019). Each day's stock is each counted
# item's latest count on or before that day, and nothing before its first count. Sales set
# against it are the completed lines of the store/team holding the stock (and the groups below
# it) for products it had counted by the sale day; returned and cancelled lines are no sale.
_ON_PERIOD_END = "day = {period_end}"
_NOT_SOLD_FOR = "quantity > 0 AND (last_sale_day IS NULL OR last_sale_day <= day - {days})"
# More units on hand than sold in the SLOW_MOVER_DAYS before: over that many days' cover at
# the recent rate, or no sale at all in that time.
_SLOW = "quantity > sold_recently"
_DEAD = _NOT_SOLD_FOR.format(days=DEAD_STOCK_DAYS)
_STOCK_KPIS: tuple[Kpi, ...] = (
    Kpi(
        id="cost_of_goods_sold",
        additive=True,
        label="Cost of goods sold (stocked)",
        unit="money",
        source="stock_sales",
        sql=f"sum(cost_cents) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        listed=False,
        definition=(
            "Cost of the completed order lines of products the selling store/team had counted"
            " on or before the sale day."
        ),
    ),
    Kpi(
        id="units_sold",
        additive=True,
        label="Units sold (stocked)",
        unit="count",
        source="stock_sales",
        sql=f"sum(quantity) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        listed=False,
        definition=(
            "Units on the completed order lines of products the selling store/team had counted"
            " on or before the sale day."
        ),
    ),
    Kpi(
        id="stock_cost_days",
        label="Stock cost-days",
        unit="count",
        source="stock",
        sql="sum(value_cents)",
        zero_when_empty=True,
        listed=False,
        definition="Each day's stock at cost, in cents, summed over the days of the period.",
    ),
    Kpi(
        id="stock_units",
        label="Units in stock",
        unit="count",
        source="stock",
        sql=f"sum(quantity) FILTER (WHERE {_ON_PERIOD_END})",
        zero_when_empty=True,
        listed=False,
        definition="Units on hand on the last day of the period.",
    ),
    Kpi(
        id="stock_value",
        label="Stock at cost",
        unit="money",
        direction="lower_is_better",
        source="stock",
        sql=f"sum(value_cents) FILTER (WHERE {_ON_PERIOD_END})",
        zero_when_empty=True,
        definition=(
            "What the stock on hand on the last day of the period cost: each item's latest"
            " count on or before that day."
        ),
    ),
    Kpi(
        id="average_stock_value",
        label="Average stock at cost",
        unit="money",
        direction="lower_is_better",
        source="stock",
        sql="sum(value_cents) / max(datediff('day', {period_start}, {period_end}) + 1)",
        zero_when_empty=True,
        definition=(
            "The stock at cost held on each day of the period (each item's latest count on or"
            " before that day; nothing before its first count), summed and divided by the days"
            " in the period."
        ),
    ),
    Kpi(
        id="inventory_turnover",
        label="Stock turnover",
        unit="score",
        sql="365 * {cost_of_goods_sold} / nullif({stock_cost_days}, 0)",
        # A rate: its target is a level for every day it covers, not an amount to spread.
        target_metric="inventory_turnover",
        target_rule="level",
        definition=(
            "Cost of goods sold divided by the average stock at cost, annualised: times 365"
            " divided by the days in the period (a year of 365 days is unchanged). Only sales"
            " of products the store/team had counted by the sale day count."
        ),
    ),
    Kpi(
        id="days_of_inventory",
        label="Days of stock",
        unit="days",
        direction="lower_is_better",
        sql="{stock_cost_days} / nullif({cost_of_goods_sold}, 0)",
        definition=(
            "How many days the average stock at cost would last at the period's daily cost of"
            " goods sold: the average stock divided by the cost of goods sold per day, that is"
            " 365 divided by stock turnover."
        ),
    ),
    Kpi(
        id="sell_through_rate",
        label="Sell-through",
        unit="percent",
        sql="{units_sold} / nullif({units_sold} + {stock_units}, 0)",
        definition=(
            "Units sold in the period as a share of the units sold plus the units still on hand"
            " on its last day (what was there to sell, with or without receipts on record)."
        ),
    ),
    Kpi(
        id="best_seller_stockout_days",
        additive=True,
        label="Best-seller stock-out days",
        unit="count",
        direction="lower_is_better",
        source="stock",
        sql="count(*) FILTER (WHERE quantity = 0 AND best_seller)",
        zero_when_empty=True,
        definition=(
            "Days in the period on which a best seller had none on hand, counted per product and"
            " store/team (an item counted at zero is out until its next count). Best sellers:"
            " each store/team's 10 products with the most units sold in the 90 days up to the"
            " period's last day."
        ),
    ),
    Kpi(
        id="slow_movers",
        label="Slow movers",
        unit="count",
        direction="lower_is_better",
        source="stock",
        sql=f"count(*) FILTER (WHERE {_ON_PERIOD_END} AND {_SLOW})",
        zero_when_empty=True,
        definition=(
            "Items (a product at a store/team) with more units on hand on the last day of the"
            " period than the store/team sold of them in the 90 days up to that day: stock for"
            " over 90 days at the recent rate, or no completed sale at all in those 90 days."
        ),
    ),
    Kpi(
        id="slow_stock_value",
        label="Slow movers at cost",
        unit="money",
        direction="lower_is_better",
        source="stock",
        sql=f"sum(value_cents) FILTER (WHERE {_ON_PERIOD_END} AND {_SLOW})",
        zero_when_empty=True,
        definition=(
            "What the slow movers' stock on hand on the last day of the period cost (the whole"
            " stock of each slow mover)."
        ),
    ),
    Kpi(
        id="dead_stock_value",
        label="Dead stock at cost",
        unit="money",
        direction="lower_is_better",
        source="stock",
        sql=f"sum(value_cents) FILTER (WHERE {_ON_PERIOD_END} AND {_DEAD})",
        zero_when_empty=True,
        definition=(
            "What the stock on hand on the last day of the period cost, for items with no"
            " completed sale at their store/team in the 180 days up to that day."
        ),
    ),
)

_DECLARED: tuple[Kpi, ...] = (
    # Sales (orders)
    Kpi(
        id="revenue",
        additive=True,
        label="Revenue",
        unit="money",
        source="orders",
        sql=f"sum(net_amount_cents) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        target_metric="revenue",
        definition="Net amount of completed order lines; returned and cancelled lines excluded.",
    ),
    Kpi(
        id="orders",
        additive=True,
        label="Orders",
        unit="count",
        source="orders",
        sql=f"count(DISTINCT order_id) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        definition=(
            "Orders with at least one completed line. For a CRM export with no orders file,"
            " each won deal is one order."
        ),
    ),
    Kpi(
        id="average_order_value",
        label="Average order value",
        unit="money",
        sql="{revenue} / nullif({orders}, 0)",
        definition="Revenue divided by the number of orders.",
    ),
    Kpi(
        id="gross_margin",
        additive=True,
        label="Gross margin",
        unit="money",
        source="orders",
        sql=f"sum(net_amount_cents - cost_cents) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        definition="Revenue less the cost of the goods sold on completed lines.",
    ),
    Kpi(
        id="gross_margin_rate",
        label="Gross margin %",
        unit="percent",
        sql="{gross_margin} / nullif({revenue}, 0)",
        definition="Gross margin as a share of revenue.",
    ),
    Kpi(
        id="returns_value",
        additive=True,
        label="Returns",
        unit="money",
        direction="lower_is_better",
        source="orders",
        sql="sum(net_amount_cents) FILTER (WHERE status = 'returned')",
        zero_when_empty=True,
        definition=(
            "Net amount of order lines returned by customers, by order date (commission claws"
            " a return back in the month of its return date; see Incentives)."
        ),
    ),
    Kpi(
        id="selling_reps",
        label="Selling reps",
        unit="count",
        source="orders",
        sql=f"count(DISTINCT rep_id) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        definition="People with at least one completed order line in the period.",
    ),
    Kpi(
        id="revenue_per_rep",
        label="Revenue per rep",
        unit="money",
        sql="{revenue} / nullif({selling_reps}, 0)",
        definition="Revenue divided by the number of people who sold in the period.",
    ),
    # Customers
    Kpi(
        id="active_customers",
        label="Active customers",
        unit="count",
        source="orders",
        sql=f"count(DISTINCT customer_id) FILTER (WHERE {_COMPLETED})",
        zero_when_empty=True,
        definition="Customers with at least one completed order in the period.",
    ),
    Kpi(
        id="new_customers",
        additive=True,
        label="New customers",
        unit="count",
        source="customer_days",
        sql="count(DISTINCT customer_id) FILTER (WHERE first_day >= {period_start})",
        zero_when_empty=True,
        target_metric="new_customers",
        definition=(
            "Customers whose first purchase with the company falls in the period; customers on"
            " record (acquired) before it count as returning. New to the company, not to the"
            " team: within a team, person or channel (filtered or a row of a breakdown) a"
            " customer who first bought elsewhere counts as returning, and one who bought from"
            " two teams in their first period is new in both rows."
        ),
    ),
    Kpi(
        id="returning_customers",
        label="Returning customers",
        unit="count",
        source="customer_days",
        sql="count(DISTINCT customer_id) FILTER (WHERE first_day < {period_start})",
        zero_when_empty=True,
        definition=(
            "Active customers who had bought from the company (from any team) or were on"
            " record before the period began."
        ),
    ),
    Kpi(
        id="retained_customers",
        label="Retained customers",
        unit="count",
        source="customer_days",
        sql="customer_id",
        measure="carried_over",
        zero_when_empty=True,
        listed=False,
        definition=(
            "Customers who bought in the previous period and again in this one, both times"
            " within the same team, person or channel when the numbers are narrowed to one."
        ),
    ),
    Kpi(
        id="retention_rate",
        label="Retention rate",
        unit="percent",
        sql="{retained_customers} / nullif({active_customers@prev}, 0)",
        definition=(
            "Share of the previous period's active customers who bought again this period. The"
            " previous period is the whole month, quarter or year before (month to date looks"
            " back to the whole month before, whatever weekday it starts on); for a rolling"
            " range, the same number of days before."
        ),
    ),
    Kpi(
        id="churn_rate",
        label="Churn rate",
        unit="percent",
        direction="lower_is_better",
        sql="1 - {retained_customers} / nullif({active_customers@prev}, 0)",
        definition=(
            "Share of the previous period's active customers who did not buy this period (the"
            " previous period as for retention rate)."
        ),
    ),
    Kpi(
        id="repeat_customers",
        label="Repeat customers",
        unit="count",
        source="customer_days",
        sql="count(DISTINCT customer_id) FILTER (WHERE prev_day >= {period_start})",
        zero_when_empty=True,
        listed=False,
        definition=(
            "Customers who bought on two or more different days within the period, counting"
            " only the days bought within the team, person or channel the number is for."
        ),
    ),
    Kpi(
        id="repeat_purchase_rate",
        label="Repeat purchase rate",
        unit="percent",
        sql="{repeat_customers} / nullif({active_customers}, 0)",
        definition=(
            "Share of active customers who bought on two or more days in the period. For a"
            " team, person or channel (filtered, or a row of a breakdown: the same number) only"
            " the days bought there count: a customer who bought from Alpha on 3 Aug and from"
            " Beta on 20 Aug is no repeat buyer of Beta."
        ),
    ),
    # Pipeline (deals)
    Kpi(
        id="won_deals",
        additive=True,
        label="Deals won",
        unit="count",
        source="closed_deals",
        sql="count(*) FILTER (WHERE stage = 'won')",
        zero_when_empty=True,
        target_metric="won_deals",
        definition="Deals closed as won in the period.",
    ),
    Kpi(
        id="closed_deals",
        additive=True,
        label="Deals closed",
        unit="count",
        source="closed_deals",
        sql="count(*)",
        zero_when_empty=True,
        listed=False,
        definition="Deals closed in the period, won or lost.",
    ),
    Kpi(
        id="won_value",
        additive=True,
        label="Won value",
        unit="money",
        source="closed_deals",
        sql="sum(amount_cents) FILTER (WHERE stage = 'won')",
        zero_when_empty=True,
        definition="Total amount of the deals won in the period.",
    ),
    Kpi(
        id="win_rate",
        label="Win rate",
        unit="percent",
        sql="{won_deals} / nullif({closed_deals}, 0)",
        definition="Deals won as a share of deals closed (won or lost) in the period.",
    ),
    Kpi(
        id="average_deal_size",
        label="Average deal size",
        unit="money",
        sql="{won_value} / nullif({won_deals}, 0)",
        definition="Won value divided by the number of deals won.",
    ),
    Kpi(
        id="sales_cycle_days",
        label="Sales cycle",
        unit="days",
        direction="lower_is_better",
        source="closed_deals",
        sql="avg(datediff('day', created_date, closed_date)) FILTER (WHERE stage = 'won')",
        definition="Average days from a won deal's creation to its close.",
    ),
    Kpi(
        id="new_deals",
        additive=True,
        label="New deals",
        unit="count",
        source="created_deals",
        sql="count(*)",
        zero_when_empty=True,
        definition="Deals created in the period, whatever their stage now.",
    ),
    Kpi(
        id="pipeline_value",
        label="Open pipeline",
        unit="money",
        source="pipeline",
        sql="sum(coalesce(amount_cents, list_price_cents))",
        zero_when_empty=True,
        definition=(
            "Amount of the deals open at the end of the period (created, not yet closed);"
            " a deal with no amount is valued at its product's list price, and a deal with"
            " neither adds nothing (see Open deals not valued)."
        ),
    ),
    Kpi(
        id="pipeline_estimated_value",
        label="Open pipeline, estimated",
        unit="money",
        source="pipeline",
        sql="sum(list_price_cents) FILTER (WHERE amount_cents IS NULL)",
        zero_when_empty=True,
        definition=(
            "The part of the open pipeline valued at list price: open deals with no amount,"
            " at their product's list price."
        ),
    ),
    Kpi(
        id="pipeline_unvalued_deals",
        label="Open deals not valued",
        unit="count",
        direction="lower_is_better",
        source="pipeline",
        # An import gives a product named only by a deal (not in the products file) a list
        # price of 0: as unpriced as no product at all.
        sql="count(*) FILTER (WHERE amount_cents IS NULL AND coalesce(list_price_cents, 0) = 0)",
        zero_when_empty=True,
        definition=(
            "Open deals with neither an amount nor a list price (no product, or a product whose"
            " list price is 0, as one named only by the deals file is), so Open pipeline counts"
            " them as nothing. A product spelled two ways shows in the Data page's likely"
            " duplicates, where it can be merged."
        ),
    ),
    # Activity (follow-up, 回访)
    Kpi(
        id="activities",
        additive=True,
        label="Activities",
        unit="count",
        source="activities",
        sql="count(*)",
        zero_when_empty=True,
        target_metric="activities",
        definition="Calls, visits, messages and meetings with customers logged in the period.",
    ),
    Kpi(
        id="customers_contacted",
        label="Customers contacted",
        unit="count",
        source="activities",
        sql="count(DISTINCT customer_id)",
        zero_when_empty=True,
        definition="Customers with at least one logged activity in the period.",
    ),
    # Customer feedback
    Kpi(
        id="csat",
        label="CSAT",
        unit="score",
        source="feedback",
        sql="avg(csat)",
        definition="Average customer satisfaction score, 1 (poor) to 5 (excellent).",
    ),
    Kpi(
        id="csat_responses",
        additive=True,
        label="CSAT responses",
        unit="count",
        source="feedback",
        sql="count(csat)",
        zero_when_empty=True,
        listed=False,
        definition="Feedback entries that carry a satisfaction score.",
    ),
    Kpi(
        id="nps",
        label="NPS",
        unit="score",
        source="feedback",
        sql="100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6))"
        " / nullif(count(nps), 0)",
        definition="Net promoter score: % promoters (9–10) minus % detractors (0–6), -100 to 100.",
    ),
    Kpi(
        id="complaints",
        additive=True,
        label="Complaints",
        unit="count",
        direction="lower_is_better",
        source="feedback",
        sql="count(*) FILTER (WHERE kind = 'complaint')",
        zero_when_empty=True,
        definition="Complaints received in the period.",
    ),
    Kpi(
        id="complaint_resolution_days",
        label="Complaint resolution",
        unit="days",
        direction="lower_is_better",
        source="feedback",
        sql="avg(datediff('day', feedback_date, resolved_date))"
        " FILTER (WHERE kind = 'complaint' AND resolved_date IS NOT NULL)",
        definition="Average days from a complaint to its resolution, for complaints resolved.",
    ),
    *_STOCK_KPIS,
)


# A level target is stored in the targets table (BIGINT) in hundredths of the KPI's unit:
# stock turnover 6 -> 600, 6.5 -> 650.
LEVEL_TARGET_UNITS = 100


def target_units_per_value(kpi: Kpi) -> int:
    """How many stored units of the targets table one unit of the KPI's value holds: cents
    for money, hundredths for a level target (LEVEL_TARGET_UNITS), whole units otherwise."""
    if kpi.unit == "money" or kpi.target_rule == "level":
        return 100
    return 1


def _level_target_sql(metric: str) -> str:
    """The day-weighted average of the level targets on the period's (or bucket's) days that
    have one, in the KPI's unit, exact to 18 decimals: each stored value holds on every day
    its target covers (source target_levels), so the average is their sum over the days
    counted, divided by LEVEL_TARGET_UNITS. Worked in whole numbers, rounded half up at the
    18th decimal: (2 x sum x 10^16 + days) // (2 x days). No day with a target: NULL."""
    has = f"metric = '{metric}'"
    days = f"count(*) FILTER (WHERE {has})"
    scale = 2 * 10**18 // LEVEL_TARGET_UNITS
    return (
        f"((sum(level_value) FILTER (WHERE {has})::HUGEINT * {scale} + {days})"
        f" // (2 * nullif({days}, 0)))::DECIMAL(38, 0) * 0.000000000000000001::DECIMAL(38, 18)"
    )


def _target_kpis(kpi: Kpi) -> tuple[Kpi, Kpi]:
    """The target and attainment KPIs that go with a targeted KPI."""
    if kpi.target_rule == "level":
        target = Kpi(
            id=f"{kpi.id}_target",
            label=f"{kpi.label} target",
            unit=kpi.unit,
            source="target_levels",
            sql=_level_target_sql(kpi.target_metric or kpi.id),
            listed=False,
            definition=(
                f"The published {kpi.label.lower()} target for the period: a level, the"
                " day-weighted average of the targets covering its days (days with no target"
                " left out)."
            ),
        )
    else:
        target = Kpi(
            id=f"{kpi.id}_target",
            label=f"{kpi.label} target",
            unit=kpi.unit,
            source="targets",
            sql=f"sum(value_per_day) FILTER (WHERE metric = '{kpi.target_metric}')",
            additive=True,
            listed=False,
            definition=f"The published {kpi.label.lower()} target for the period, pro rata by day.",
        )
    attainment = Kpi(
        id=f"{kpi.id}_attainment",
        label=f"{kpi.label} attainment",
        unit="percent",
        sql=f"{{{kpi.id}}} / nullif({{{target.id}}}, 0)",
        listed=kpi.id == "revenue",
        definition=f"{kpi.label} as a share of its target for the same period and scope.",
    )
    return target, attainment


def _build() -> dict[str, Kpi]:
    catalogue: dict[str, Kpi] = {}
    for kpi in _DECLARED:
        if kpi.target_rule == "level" and kpi.direction != "higher_is_better":
            # Pacing judges a level target with higher-is-better bands (metrics.pacing).
            raise ValueError(f"KPI {kpi.id}: a level target needs a higher-is-better KPI")
        extra = _target_kpis(kpi) if kpi.target_metric else ()
        for item in (kpi, *extra):
            if item.id in catalogue:
                raise ValueError(f"KPI {item.id} is declared twice")
            catalogue[item.id] = item
    return catalogue


CATALOGUE: dict[str, Kpi] = _build()


def get_kpi(kpi_id: str) -> Kpi:
    """The KPI with this id, or a KeyError that lists the ids there are."""
    try:
        return CATALOGUE[kpi_id]
    except KeyError:
        raise KeyError(unknown_kpi_message(kpi_id)) from None


def unknown_kpi_message(kpi_id: str) -> str:
    """A sentence naming the unknown KPI and listing the known ones."""
    known = ", ".join(sorted(k for k, v in CATALOGUE.items() if v.listed))
    return f"There is no KPI called '{kpi_id}'. Known KPIs: {known}"


def listed_kpis() -> list[Kpi]:
    """The KPIs shown in menus, in catalogue order."""
    return [k for k in CATALOGUE.values() if k.listed]


def targeted_kpis() -> list[Kpi]:
    """KPIs that can carry a target (revenue and non-revenue alike)."""
    return [k for k in CATALOGUE.values() if k.target_metric]
