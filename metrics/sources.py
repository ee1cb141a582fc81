"""The rows KPIs aggregate over. Each source is an SQL body with the same column names.

Every source exposes `day`, the filter columns (team_id, rep_id, rep_leave_date, channel) and
whichever dimension columns apply to it, so one compiler can filter and group any of them.
Sources may read $range_start and $range_end: the widest window the query needs.
"""

from __future__ import annotations

from metrics.model import Derived, Join, Source

# The people and team columns every source has beside f.team_id and f.rep_id, each from the
# one join that provides it; a query joins only what it reads (Source.sql_for). team_roots
# leads from a group to its top-level team: that team's id (the key the compiler groups "by
# team" by), and through t its name and channel. Every root_id is a team's, so the key is the
# same as t.team_id without joining teams; names are looked up once grouped (5-7% of KPI
# Trends' main query at ten million lines was that join). A window's PARTITION BY ({split})
# splits by the same keys.
_PEOPLE_JOINS = (
    Join(
        alias="r",
        sql="LEFT JOIN reps r ON r.rep_id = f.rep_id",
        columns={"rep_leave_date": "r.leave_date", "rep_role": "r.role"},
    ),
    Join(
        alias="rl",
        sql="LEFT JOIN rep_labels rl ON rl.rep_id = f.rep_id",
        columns={"rep_name": "rl.label", "rep_key": "rl.rep_id"},
    ),
    Join(
        alias="g",
        sql="LEFT JOIN teams g ON g.team_id = f.team_id",
        columns={"group_name": "g.name", "group_key": "g.team_id"},
    ),
    Join(
        alias="tr",
        sql="LEFT JOIN team_roots tr ON tr.team_id = f.team_id",
        columns={"team_key": "tr.root_id"},
    ),
    Join(
        alias="t",
        sql="LEFT JOIN teams t ON t.team_id = tr.root_id",
        columns={"team_name": "t.name", "channel": "t.channel"},
        needs=("tr",),
    ),
)
_CUSTOMER_JOINS = (
    Join(
        alias="c",
        sql="LEFT JOIN customers c ON c.customer_id = f.customer_id",
        columns={
            "region": "c.region",
            "city": "c.city",
            "industry": "c.industry",
            "customer_tier": "c.tier",
            "size_band": "c.size_band",
        },
    ),
    Join(
        alias="cseg",
        sql="LEFT JOIN {customer_segments} cseg ON cseg.customer_id = f.customer_id",
        columns={"customer_segment": "cseg.customer_segment"},
    ),
)
_PRODUCT_JOIN = Join(
    alias="p",
    sql="LEFT JOIN products p ON p.product_id = f.product_id",
    columns={"product_category": "p.category"},
)
# An open deal with no amount (Maven's export has none until close) is valued at its
# product's list price: the pipeline reads the price only where it has to estimate.
_DEAL_PRICE_JOIN = Join(
    alias="dp",
    sql="LEFT JOIN products dp ON dp.product_id = f.product_id",
    columns={"list_price_cents": "dp.list_price_cents"},
)
# An order line's own place and channel (order_places, migration 0010), when its file gave
# them: the line's region and city beat its customer's, its channel beats its top-level team's
# (Superstore's Region is the ship-to, per line). A line with none falls back to those. The
# region, city and channel columns are read through joins with no table of their own (sql
# ""): each brings the joins its expression reads, so "by store" joins order_places alone and
# "by region" order_places and customers, never the teams.
_ORDER_PLACE_JOINS = (
    Join(
        alias="op",
        sql="LEFT JOIN order_places op ON op.order_id = f.order_id AND op.line_no = f.line_no",
        columns={"store": "op.store"},
    ),
    Join(
        alias="op_place",
        sql="",
        columns={"region": "coalesce(op.region, c.region)", "city": "coalesce(op.city, c.city)"},
        needs=("op", "c"),
    ),
    Join(
        alias="op_channel",
        sql="",
        columns={"channel": "coalesce(op.channel, t.channel)"},
        needs=("op", "t"),
    ),
)
# The place and channel columns the order line's own joins above provide instead.
_ORDER_PLACE_COLUMNS = frozenset({"region", "city", "channel"})
_PEOPLE_COLUMNS = "f.team_id, f.rep_id"
# Customers' segments (lifecycle stage or RFM segment) are worked out per request, as of its
# end, and joined in where {customer_segments} stands; with none asked for, nothing is.
NO_CUSTOMER_SEGMENTS = (
    "(SELECT NULL::INTEGER AS customer_id, NULL::VARCHAR AS customer_segment WHERE false)"
)
GIVEN_CUSTOMER_SEGMENTS = (
    "(SELECT unnest($segment_ids) AS customer_id, unnest($segment_names) AS customer_segment)"
)
SEGMENT_DIMENSIONS = frozenset({"lifecycle_stage", "rfm_segment"})

_PEOPLE_DIMS = frozenset({"team", "group", "rep", "rep_id", "role", "channel"})
_CUSTOMER_DIMS = frozenset(
    {"region", "city", "industry", "customer_tier", "size_band", *SEGMENT_DIMENSIONS}
)


def _without(joins: tuple[Join, ...], columns: frozenset[str]) -> tuple[Join, ...]:
    """`joins` with `columns` left out of what they provide (another join provides them)."""
    return tuple(
        j.model_copy(update={"columns": {c: e for c, e in j.columns.items() if c not in columns}})
        for j in joins
    )


def _source(
    source_id: str,
    select: str,
    from_: str,
    *,
    customers: bool = True,
    order_places: bool = False,
    extra_joins: tuple[Join, ...] = (),
    extra_dims: frozenset[str] = frozenset(),
    snapshot: bool = False,
    template: str = "{rows}",
    derived: tuple[Derived, ...] = (),
) -> Source:
    """`select` from `from_` (aliased f) with the people, team and customer joins on offer;
    with `order_places` (f is orders), region, city and channel are the line's own first."""
    dims = _PEOPLE_DIMS | (_CUSTOMER_DIMS if customers else frozenset()) | extra_dims
    joins = extra_joins + _PEOPLE_JOINS + (_CUSTOMER_JOINS if customers else ())
    if order_places:
        joins = _without(joins, _ORDER_PLACE_COLUMNS) + _ORDER_PLACE_JOINS
        dims |= {"store"}
    return Source(
        id=source_id,
        select=f"{select},\n    {_PEOPLE_COLUMNS}",
        from_=from_,
        joins=joins,
        dimensions=dims,
        snapshot=snapshot,
        template=template,
        derived=derived,
    )


# Each customer's buying days in scope, with the previous buying day in the same scope AND
# the same row of the breakdown (a team's repeat buyers are those who bought from that team
# twice, whether the team is filtered to or is one row of "by team"), and the day they became
# a customer of the company: their first purchase, or the acquired date on record if earlier,
# so history that starts mid-relationship does not count old customers as new. That first
# day is the company's, in every scope and row: "new" means new to the company.
# The compiler fills {scope} with the filters and {split} with the breakdown's key columns
# (", <key> AS split_1, ..." in buys and ", split_1, ..." after; empty without a breakdown).
# first_day reads the whole order history, so its CTE (firsts) is built only for the KPIs that
# read it (new and returning customers); prev_day's (history) only for repeat customers.
# Each joins every buying row exactly once: every completed line's customer has a first day,
# and history holds each (customer, day, split) of buys once.
_CUSTOMER_DAYS_TEMPLATE = """WITH buys AS (
    SELECT *{split_columns} FROM ({rows}) s WHERE s.status = 'completed' AND {scope}
){ctes}
SELECT b.*{derived_columns}
FROM buys b{derived_joins}"""
_FIRSTS = Derived(
    column="first_day",
    cte="""firsts AS (
    SELECT o.customer_id,
           least(min(o.order_date), coalesce(min(c.acquired_date), min(o.order_date))) AS first_day
    FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id
    WHERE o.status = 'completed' GROUP BY o.customer_id
)""",
    join="JOIN firsts fi USING (customer_id)",
    select="fi.first_day",
)
_HISTORY = Derived(
    column="prev_day",
    cte="""history AS (
    SELECT customer_id, day{split},
           lag(day) OVER (PARTITION BY customer_id{split} ORDER BY day) AS prev_day
    FROM (SELECT DISTINCT customer_id, day{split} FROM buys)
)""",
    join="JOIN history h USING (customer_id, day{split})",
    select="h.prev_day",
)
# The same first day read from its rollup (data.rollups: customer_firsts, rebuilt with the
# rows), instead of the whole order history. It is the company's first day, the same in every
# scope and breakdown row, so it is exact wherever _FIRSTS is; the compiler uses it only while
# the rollup is current (data.rollups.rollups_current).
_FIRSTS_ROLLUP = _FIRSTS.model_copy(
    update={"cte": "firsts AS (SELECT customer_id, first_day FROM customer_firsts)"}
)
# Derived columns a current rollup answers, by column.
ROLLUP_DERIVED: dict[str, Derived] = {"first_day": _FIRSTS_ROLLUP}


def with_rollups(source: Source) -> Source:
    """The source with each derived column a rollup answers read from that rollup."""
    derived = tuple(ROLLUP_DERIVED.get(d.column, d) for d in source.derived)
    return source if derived == source.derived else source.model_copy(update={"derived": derived})


# The scope columns (target_level, team_id, rep_id) and the FROM of both kinds of target
# rows below, written once. A person's target is filed under the team they were in for that
# period (rep_period_teams, written with every rep target; migration 0006), as their sales
# are filed under the team on the order; with no such row, under their current team.
_TARGET_SCOPE = """           CASE x.scope WHEN 'company' THEN 'company' WHEN 'rep' THEN 'rep'
                ELSE CASE WHEN st.parent_id IS NULL THEN 'top' ELSE 'group' END END AS target_level,
           CASE x.scope WHEN 'team' THEN x.scope_id
                WHEN 'rep' THEN coalesce(pt.team_id, sr.team_id) END AS team_id,
           CASE WHEN x.scope = 'rep' THEN x.scope_id END AS rep_id
    FROM targets x
    LEFT JOIN teams st ON x.scope = 'team' AND st.team_id = x.scope_id
    LEFT JOIN reps sr ON x.scope = 'rep' AND sr.rep_id = x.scope_id
    LEFT JOIN rep_period_teams pt ON x.scope = 'rep' AND pt.rep_id = x.scope_id
         AND pt.period_start = x.period_start AND pt.period_end = x.period_end
    WHERE x.scenario IS NULL AND x.period_end >= $range_start AND x.period_start <= $range_end
) f"""
# Amount targets spread evenly over the days of their period, so any range sums to its share.
# value_per_day is exact decimal (never DOUBLE): each day's share is value / days rounded UP
# at the 18th decimal, so a sum over days is never below the exact share and exceeds it by
# less than 1e-18 per target-day. The compiler then rounds half away from zero to the cent;
# an exact share just below a half cent sits at least 1 / (2 x the lcm of the periods'
# lengths) below it, so that rounding is the exact share's rounding (1 cent over the 30 days
# of November, asked for 1-15 November: 0.5 cent, which rounds to 1 cent).
_TARGET_DAYS = (
    """(
    SELECT unnest(generate_series(x.period_start, x.period_end, INTERVAL 1 DAY))::DATE AS day,
           x.metric,
           ((x.value::HUGEINT * 1000000000000000000
             + datediff('day', x.period_start, x.period_end))
            // (datediff('day', x.period_start, x.period_end) + 1))::DECIMAL(38, 0)
             * 0.000000000000000001::DECIMAL(38, 18) AS value_per_day,
"""
    + _TARGET_SCOPE
)
# Level targets (a rate such as stock turnover; metrics.model.TargetRule): every day a target
# covers holds its whole value, as stored (BIGINT; hundredths for stock turnover: 6.5 -> 650).
# The catalogue averages them over the days that have one (metrics.catalogue).
_TARGET_LEVEL_DAYS = (
    """(
    SELECT unnest(generate_series(x.period_start, x.period_end, INTERVAL 1 DAY))::DATE AS day,
           x.metric,
           x.value AS level_value,
"""
    + _TARGET_SCOPE
)

# Sales are joined to stock rows by store/team and product only, so only the pairs that were
# ever counted are read: at ten million order lines the sale days of every pair were 2.1M
# rows for a month's 2,400 stock rows.
_STOCKED = """
    JOIN (SELECT DISTINCT team_id, product_id FROM stock) sk
        ON sk.team_id = tc.ancestor_id AND sk.product_id = o.product_id"""

# Stock (migration 0019): each count holds from its day until the day before the next count
# of the same product at the same store/team (or the request's last day), so every day of the
# request's range has each counted item's stock of that day, and nothing before its first count.
# rep_id is NULL: stock belongs to a store/team, never to a person (a person's scope sees none).
_STOCK_DAYS = """(
    SELECT unnest(generate_series(greatest(k.count_date, $range_start::DATE),
                                  least(k.held_until, $range_end::DATE), INTERVAL 1 DAY))::DATE
               AS day,
           k.team_id, k.product_id, k.quantity, k.value_cents, NULL::INTEGER AS rep_id
    FROM (
        SELECT team_id, product_id, count_date, quantity, value_cents,
               coalesce(lead(count_date) OVER (PARTITION BY team_id, product_id
                                               ORDER BY count_date) - 1,
                        $range_end::DATE) AS held_until
        FROM stock
    ) k
    WHERE k.count_date <= $range_end::DATE AND k.held_until >= $range_start::DATE
) f"""
# A store's sales of a product are the completed lines of its team and the groups below it.
# Best sellers: each store/team's 10 products with the most units sold in the 90 days up to the
# request's last day (ties by product id), the same list for every bucket of a trend.
BEST_SELLER_COUNT = 10
BEST_SELLER_DAYS = 90
SLOW_MOVER_DAYS = 90
DEAD_STOCK_DAYS = 180
_STOCK_TEMPLATE = """WITH stock_rows AS (
{rows}
){ctes}
SELECT k.*{derived_columns}
FROM stock_rows k{derived_joins}"""
_BEST_SELLERS = Derived(
    column="best_seller",
    cte=f"""best_sellers AS (
    SELECT team_id, product_id FROM (
        SELECT tc.ancestor_id AS team_id, o.product_id,
               row_number() OVER (PARTITION BY tc.ancestor_id
                                  ORDER BY sum(o.quantity) DESC, o.product_id) AS place
        FROM orders o JOIN team_closure tc ON tc.team_id = o.team_id
        WHERE o.status = 'completed' AND o.order_date <= $range_end::DATE
          AND o.order_date > $range_end::DATE - {BEST_SELLER_DAYS}
        GROUP BY tc.ancestor_id, o.product_id
    ) WHERE place <= {BEST_SELLER_COUNT}
)""",
    join="LEFT JOIN best_sellers bs ON bs.team_id = k.team_id AND bs.product_id = k.product_id",
    select="bs.product_id IS NOT NULL AS best_seller",
)
# The last day on or before each stock day that the store/team sold the product (NULL: none
# read). Only whether it sold in the DEAD_STOCK_DAYS up to the day is ever asked (catalogue's
# _NOT_SOLD_FOR), so sales are read from DEAD_STOCK_DAYS before the range on (stock days are
# never before it): an older last sale reads as none; either way it did not sell in those days.
_LAST_SALE = Derived(
    column="last_sale_day",
    cte=f"""sale_days AS (
    SELECT DISTINCT tc.ancestor_id AS team_id, o.product_id, o.order_date AS sale_day
    FROM orders o JOIN team_closure tc ON tc.team_id = o.team_id{_STOCKED}
    WHERE o.status = 'completed' AND o.order_date <= $range_end::DATE
      AND o.order_date > $range_start::DATE - {DEAD_STOCK_DAYS}
)""",
    join="ASOF LEFT JOIN sale_days sd ON sd.team_id = k.team_id"
    " AND sd.product_id = k.product_id AND k.day >= sd.sale_day",
    select="sd.sale_day AS last_sale_day",
)
# Units each store/team sold of the product in the SLOW_MOVER_DAYS up to each stock day: its
# running total of units sold by that day less its running total by SLOW_MOVER_DAYS before.
# The totals start SLOW_MOVER_DAYS before the range (stock days are never before it): a sale
# older than that is in both totals of every stock day and cancels out, so it is not read
# (at 10M order lines the whole history took 7 s a list).
_SOLD_RECENTLY = Derived(
    column="sold_recently",
    cte=f"""sale_totals AS (
    SELECT team_id, product_id, sale_day,
           sum(units) OVER (PARTITION BY team_id, product_id ORDER BY sale_day) AS sold_to_date
    FROM (
        SELECT tc.ancestor_id AS team_id, o.product_id, o.order_date AS sale_day,
               sum(o.quantity) AS units
        FROM orders o JOIN team_closure tc ON tc.team_id = o.team_id{_STOCKED}
        WHERE o.status = 'completed' AND o.order_date <= $range_end::DATE
          AND o.order_date >= $range_start::DATE - {SLOW_MOVER_DAYS}
        GROUP BY tc.ancestor_id, o.product_id, o.order_date
    )
)""",
    join="ASOF LEFT JOIN sale_totals st_now ON st_now.team_id = k.team_id"
    " AND st_now.product_id = k.product_id AND k.day >= st_now.sale_day"
    " ASOF LEFT JOIN sale_totals st_then ON st_then.team_id = k.team_id"
    f" AND st_then.product_id = k.product_id AND k.day - {SLOW_MOVER_DAYS} >= st_then.sale_day",
    select="coalesce(st_now.sold_to_date, 0) - coalesce(st_then.sold_to_date, 0) AS sold_recently",
)
# Order lines of products the selling team (or a team above it) had counted on or before the
# sale day: the cost of goods sold that stock turnover and cover set against that stock, so
# sales of untracked teams and products, or from before tracking began, do not inflate them.
_STOCKED_ORDERS = """(
    SELECT o.* FROM orders o
    WHERE EXISTS (
        SELECT 1 FROM stock k JOIN team_closure tc ON tc.ancestor_id = k.team_id
        WHERE tc.team_id = o.team_id AND k.product_id = o.product_id
          AND k.count_date <= o.order_date
    )
) f"""
_PRODUCT_NAME_JOIN = Join(
    alias="p",
    sql="LEFT JOIN products p ON p.product_id = f.product_id",
    columns={"product_category": "p.category", "product_name": "p.name"},
)
# Stock belongs to a store/team: by person, role or customer it has no breakdown.
_STOCK_DIMS = frozenset({"team", "group", "channel", "product_category", "product"})


def _stock_source(source_id: str, select: str, from_: str, **kwargs: object) -> Source:
    """A stock source: the people joins for its team's columns, the product's name and
    category, and only the team and product breakdowns."""
    source = _source(
        source_id,
        select,
        from_,
        customers=False,
        extra_joins=(_PRODUCT_NAME_JOIN,),
        **kwargs,  # type: ignore[arg-type]
    )
    return source.model_copy(update={"dimensions": _STOCK_DIMS})


# The sources targets are read from: the compiler picks which level of targets answers a
# request (company, team, group, rep) and leaves them blank where none are set by a breakdown.
TARGET_SOURCES = frozenset({"targets", "target_levels"})

SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        _source(
            "orders",
            "f.order_date AS day, f.order_id, f.customer_id, f.quantity, f.net_amount_cents,"
            " f.cost_cents, f.status",
            "orders f",
            order_places=True,
            extra_joins=(_PRODUCT_JOIN,),
            extra_dims=frozenset({"product_category"}),
        ),
        _source(
            "customer_days",
            "f.order_date AS day, f.customer_id, f.status",
            "orders f",
            order_places=True,
            extra_joins=(_PRODUCT_JOIN,),
            extra_dims=frozenset({"product_category"}),
            template=_CUSTOMER_DAYS_TEMPLATE,
            derived=(_FIRSTS, _HISTORY),
        ),
        _source(
            "closed_deals",
            "f.closed_date AS day, f.deal_id, f.stage, f.amount_cents, f.created_date,"
            " f.closed_date, f.stage AS deal_stage",
            "deals f",
            extra_dims=frozenset({"deal_stage"}),
        ),
        _source(
            "created_deals",
            "f.created_date AS day, f.deal_id, f.stage, f.amount_cents, f.stage AS deal_stage",
            "deals f",
            extra_dims=frozenset({"deal_stage"}),
        ),
        _source(
            "pipeline",
            "f.created_date AS open_from, f.closed_date AS open_until, f.deal_id,"
            " f.amount_cents, f.stage AS deal_stage",
            "deals f",
            extra_joins=(_DEAL_PRICE_JOIN,),
            extra_dims=frozenset({"deal_stage"}),
            snapshot=True,
        ),
        _source(
            "activities",
            "f.activity_date AS day, f.activity_id, f.customer_id, f.kind",
            "activities f",
        ),
        _source(
            "feedback",
            "f.feedback_date AS day, f.feedback_id, f.customer_id, f.csat, f.nps, f.kind,"
            " f.resolved_date, f.feedback_date",
            "feedback f",
        ),
        _source(
            "targets",
            "f.day, f.metric, f.value_per_day, f.target_level",
            _TARGET_DAYS,
            customers=False,
        ),
        _source(
            "target_levels",
            "f.day, f.metric, f.level_value, f.target_level",
            _TARGET_LEVEL_DAYS,
            customers=False,
        ),
        _stock_source(
            "stock",
            "f.day, f.product_id, f.quantity, f.value_cents",
            _STOCK_DAYS,
            template=_STOCK_TEMPLATE,
            derived=(_BEST_SELLERS, _LAST_SALE, _SOLD_RECENTLY),
        ),
        _stock_source(
            "stock_sales",
            "f.order_date AS day, f.product_id, f.quantity, f.cost_cents, f.status",
            _STOCKED_ORDERS,
        ),
    )
}

# The orders source with the whole months from $roll_from up to $roll_to read from the month
# rollup (data.order_months; metrics.month_rollup decides which), every other day from the
# lines. A rolled row is one month's lines of a customer, seller, team and status, dated the
# month's first day; it has no order (order_id NULL), product or line of its own.
_ORDERS_BY_MONTH = """(
    SELECT month AS order_date, CAST(NULL AS VARCHAR) AS order_id, customer_id, quantity,
           net_amount_cents, cost_cents, status, team_id, rep_id
    FROM order_months WHERE month >= $roll_from AND month < $roll_to
    UNION ALL
    SELECT order_date, order_id, customer_id, quantity, net_amount_cents, cost_cents, status,
           team_id, rep_id
    FROM orders WHERE order_date < $roll_from OR order_date >= $roll_to
) f"""
ORDERS_BY_MONTH = SOURCES["orders"].model_copy(update={"from_": _ORDERS_BY_MONTH})
