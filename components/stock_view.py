"""Stock for store teams (issue 23): the stock page's parts and the stand-up's stock section.

Every number comes from the stock KPIs (metrics/catalogue.py) or the stock lists
(metrics/stock_lists.py) through components.cache.fetch; each is shown with its rule in words.
A team with no stock counted sees a sentence saying so on the page, and nothing on the
stand-up.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd
import streamlit as st

from components import cache
from components.format import format_date, format_value, md, money_column_format
from components.tables import readable, table_with_download
from components.text import column_label, kpi_definition, kpi_label, t
from metrics.catalogue import get_kpi
from metrics.filters import Filters
from metrics.requests import KpiValues
from metrics.requests_stock import (
    STOCK_KPIS,
    HasStock,
    SlowMovers,
    StockByCategory,
    StockoutsThisWeek,
    StockoutsToday,
    ToReorder,
)
from metrics.stock_lists import REORDER_COVER_DAYS

_PER_ROW = 3


def _money_config(*columns: str) -> dict[str, st.column_config.NumberColumn]:
    """Money columns in the company's currency, headed as readable() heads them."""
    return {
        column_label(c): st.column_config.NumberColumn(format=money_column_format())
        for c in columns
    }


def has_stock(filters: Filters) -> bool:
    """True when any stock was counted in the filters' scope."""
    return bool(cache.fetch(HasStock(filters=filters)))


def stock_tiles(filters: Filters) -> None:
    """The stock KPIs over the period, each with its rule under the number."""
    values = cache.fetch(KpiValues(filters=filters, kpis=STOCK_KPIS))
    for start in range(0, len(STOCK_KPIS), _PER_ROW):
        columns = st.columns(_PER_ROW)
        for column, kpi_id in zip(columns, STOCK_KPIS[start : start + _PER_ROW], strict=False):
            with column:
                st.metric(
                    kpi_label(kpi_id),
                    format_value(values.get(kpi_id), get_kpi(kpi_id).unit),
                    help=kpi_definition(kpi_id),
                )
                st.caption(kpi_definition(kpi_id))


def by_category(filters: Filters) -> None:
    """Which categories turn slowly and what their stock costs, slowest first."""
    st.subheader(t("stock.by_category"))
    st.caption(t("stock.by_category.rule"))
    frame = cache.fetch(StockByCategory(filters=filters))
    table_with_download(
        readable(frame),
        "stock_by_category.csv",
        key="stock.by_category",
        column_config=_money_config("stock_value", "slow_stock_value", "dead_stock_value"),
    )


def stockouts_this_week(filters: Filters, day: date) -> None:
    """Best sellers that ran out on a day of the week ending `day`."""
    st.subheader(t("stock.stockouts_week"))
    st.caption(t("stock.stockouts_week.rule", day=format_date(day)))
    frame = cache.fetch(StockoutsThisWeek(filters=filters, day=day))
    table_with_download(
        readable(frame),
        "best_seller_stockouts.csv",
        key="stock.stockouts_week",
        empty=t("stock.stockouts_week.none"),
    )


def slow_movers(filters: Filters, day: date) -> None:
    """The slow movers on `day` with the value of their stock, most valuable first."""
    st.subheader(t("stock.slow_movers"))
    frame = cache.fetch(SlowMovers(filters=filters, day=day))
    # summed to the cent as decimals (each value is already rounded to the cent)
    total = sum((Decimal(str(v)) for v in frame["stock_value"]), Decimal(0))
    st.caption(
        t(
            "stock.slow_movers.rule",
            day=format_date(day),
            count=len(frame),
            value=format_value(total, "money"),
        )
    )
    table_with_download(
        readable(frame),
        "slow_movers.csv",
        key="stock.slow_movers",
        column_config=_money_config("stock_value"),
        empty=t("stock.slow_movers.none"),
    )


def stock_page(filters: Filters) -> None:
    """The stock page's body: tiles, categories, this week's stock-outs, slow movers."""
    if not has_stock(filters):
        st.info(t("stock.not_counted"))
        return
    day = filters.end
    stock_tiles(filters)
    by_category(filters)
    stockouts_this_week(filters, day)
    slow_movers(filters, day)


def _lines(frame: pd.DataFrame, key: str) -> list[str]:
    """One line a row of a stand-up stock list, in the current language."""
    lines = []
    for _, row in frame.iterrows():  # names are the company's own text: escaped for Markdown
        values = {c: md(v) if isinstance(v, str) else v for c, v in row.items()}
        lines.append(t(key, **values))
    return lines


def stock_standup_section(scope: Filters, as_of: date) -> None:
    """The stand-up's stock section for a store team: best sellers out of stock on `as_of`
    and items to reorder. Nothing at all for a team with no stock counted."""
    if not has_stock(scope):
        return
    st.markdown(f"#### {t('stock.standup.heading')}")
    out = cache.fetch(StockoutsToday(filters=scope, day=as_of))
    st.caption(t("stock.standup.out_rule", day=format_date(as_of)))
    lines = _lines(out, "stock.standup.out_line") or [t("stock.standup.none_out")]
    st.markdown("\n".join(f"- {line}" for line in lines))
    reorder = cache.fetch(ToReorder(filters=scope, day=as_of)).head(8)
    st.caption(t("stock.standup.reorder_rule", days=REORDER_COVER_DAYS))
    lines = _lines(reorder, "stock.standup.reorder_line") or [t("stock.standup.none_reorder")]
    st.markdown("\n".join(f"- {line}" for line in lines))
