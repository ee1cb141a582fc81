"""AppTest runs of the Team and Segments pages: a dimension change and a drill-down each."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components import customer_picker
from components.format import md
from data.store import Store
from tests.conftest import DEMO_END
from tests.pages.opened_tables import open_tables

ROOT = Path(__file__).resolve().parents[2]


def _page(path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page(path)
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.subheader]
    parts += [w.value for w in at.warning] + [s.value for s in at.success]
    return "\n".join(parts)


def test_team_page_shows_structure_gaps_workload_and_one_person(demo_db: Path) -> None:
    at = _page("pages/team.py")
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    for heading in ("The organisation", "Headcount by role", "Span of control", "Workload"):
        assert heading in text, heading
    assert at.warning or at.success, "coverage gaps are stated in words, or their absence is"
    people = at.selectbox(key="person")
    first_person = people.value
    people.select(people.options[3]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="person").value != first_person
    assert any("Role:" in m.value for m in at.markdown), "the person's facts are shown"


def test_team_page_sizes_the_picture_by_revenue(demo_db: Path) -> None:
    at = _page("pages/team.py")
    at.segmented_control(key="org_size").set_value("revenue").run()
    assert not at.exception, [e.value for e in at.exception]


def test_segments_page_changes_dimension_and_drills_into_a_segment(demo_db: Path) -> None:
    at = _page("pages/segments.py")
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    for heading in ("RFM segments", "Lifecycle", "Concentration", "Follow-up list"):
        assert heading in text, heading
    assert "The top 20% of customers bring" in text
    at.selectbox(key="seg_by").select("industry").run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="seg_by2").select("size_band").run()
    assert not at.exception, [e.value for e in at.exception]
    open_tables(at)
    grid = next(d.value for d in at.dataframe if "Industry" in d.value.columns)
    assert {"Small", "Medium", "Large", "Enterprise"} <= set(grid.columns), "the heatmap's table"
    segment = at.selectbox(key="seg_rfm")
    segment.select("at_risk").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="seg_rfm").value == "at_risk"
    # the segment's customers (its R, F and M scores beside them), biggest spender first
    chosen = next(d.value for d in at.dataframe if {"R", "F", "M"} <= set(d.value.columns))
    revenue = next(c for c in chosen.columns if c.startswith("Revenue"))
    assert len(chosen) > 0 and chosen[revenue].is_monotonic_decreasing


def test_segments_page_breaks_a_kpi_down_by_lifecycle_and_rfm(demo_db: Path) -> None:
    at = _page("pages/segments.py")
    for dimension, label, some_value in (
        ("lifecycle_stage", "Lifecycle stage", "At risk"),
        ("rfm_segment", "RFM segment", "Champions"),
    ):
        at.selectbox(key="seg_by").select(dimension).run()
        assert not at.exception, [e.value for e in at.exception]
        table = next(d.value for d in open_tables(at).dataframe if label in d.value.columns)
        assert some_value in set(table[label]), f"{dimension} values read as words"
        assert table["Revenue"].sum() > 0


def test_segments_page_lists_the_customers_behind_a_bar(demo_db: Path) -> None:
    at = _page("pages/segments.py")
    at.selectbox(key="seg_by").select("rfm_segment").run()
    at.selectbox(key="seg_drill").select("champions").run()
    assert not at.exception, [e.value for e in at.exception]
    customers = next(d.value for d in at.dataframe if "Orders" in d.value.columns)
    assert len(customers) > 0 and customers["Revenue"].is_monotonic_decreasing
    first = customers["Customer"].iloc[0]
    assert at.selectbox(key="seg_customer").value is not None
    assert first in at.selectbox(key="seg_customer").options, "they can be opened one by one"


def test_a_big_companys_picker_offers_the_listed_customers_and_searches_the_rest(
    demo_db: Path, monkeypatch
) -> None:
    # The demo's 3,000 customers stand for a company too big to list: over PICKER_ALL, the
    # picker offers the customers listed on the page, and the search box finds any other.
    monkeypatch.setattr(customer_picker, "PICKER_ALL", 100)
    at = _page("pages/segments.py")
    assert not at.exception, [e.value for e in at.exception]
    assert any("More than 100 customers are in this scope" in c.value for c in at.caption)
    follow_ups = next(d.value for d in at.dataframe if "Due" in d.value.columns)
    picker = at.selectbox(key="seg_customer")
    listed = set(follow_ups["Customer"])
    assert picker.options and set(picker.options) <= listed | _drilled(at)
    assert len(picker.options) <= customer_picker.PICKER_LISTED
    store = Store(demo_db)
    try:
        unlisted, unlisted_id = store.rows(
            "SELECT name, customer_id FROM customers ORDER BY name DESC LIMIT 1"
        )[0]
    finally:
        store.close()
    assert unlisted not in picker.options
    at.text_input(key="seg_customer_search").input(unlisted).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="seg_customer").value == unlisted_id, "the first found opens"
    assert any(f"**Name:** {md(unlisted)}" in m.value for m in at.markdown), "their detail opens"
    at.text_input(key="seg_customer_search").input("no such customer zzz").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("No customer you may see matches" in i.value for i in at.info)
    assert not at.get("selectbox") or all(s.key != "seg_customer" for s in at.selectbox)


def _drilled(at: AppTest) -> set[str]:
    """The customers in the page's other customer lists (a bar or a segment drilled into)."""
    return {
        name for d in at.dataframe if "Customer" in d.value.columns for name in d.value["Customer"]
    }


# --- a small company: two people called Wang Wei ------------------------------------------


# One retail team led by Lea (sales_manager, no sales). Rep 7 and rep 8 are both "Wang Wei"
# (sales reps, one customer each): 10.00 on 5 Jan 2025 and 25.00 on 6 Jan. Cs (customer
# service) sells nothing. The data ends on 6 Jan, so the page opens on 1-6 Jan 2025.
# Workload (sellers: the two Wang Weis): customers 1 and 1 (median 1), revenue 10 and 25
# (median 17.5); loads (1 + 10/17.5) / 2 = 0.79 and (1 + 25/17.5) / 2 = 1.21: nobody is over
# 1.5 or under 0.5.
def _namesakes(path: Path) -> None:
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', 1)")
        cur.execute(
            "INSERT INTO reps VALUES (1, 'Lea', 1, 'sales_manager', '2020-01-01', NULL),"
            " (7, 'Wang Wei', 1, 'sales_rep', '2020-01-01', NULL),"
            " (8, 'Wang Wei', 1, 'sales_rep', '2021-01-01', NULL),"
            " (9, 'Cs', 1, 'customer_service', '2021-01-01', NULL)"
        )
        cur.execute("INSERT INTO products VALUES (1, 'Tea', 'Tea', 100)")
        cur.execute(
            "INSERT INTO customers (customer_id, name, owner_rep_id) VALUES (1, 'Acme', 7),"
            " (2, 'Birch', 8)"
        )
        cur.execute(
            "INSERT INTO orders VALUES ('A', 1, '2025-01-05', 1, 7, 1, 1, 1, 1000, 0,"
            " 'completed'), ('B', 1, '2025-01-06', 2, 8, 1, 1, 1, 2500, 0, 'completed')"
        )
    store.close()


def _spec(at: AppTest, trace_name: str) -> dict:
    """The plotly figure drawn with a trace of this name (or with this y-axis title)."""
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        names = {str(trace.get("name")) for trace in spec.get("data", [])}
        titles = {
            str((spec["layout"].get(axis) or {}).get("title", {}).get("text"))
            for axis in ("yaxis", "yaxis2")
        }
        if trace_name in names | titles:
            return spec
    raise AssertionError(f"no chart with {trace_name}")


def test_namesakes_show_their_own_revenue_and_counts_tick_in_whole_people(
    isolated_database: Path,
) -> None:
    _namesakes(isolated_database)
    at = _page("pages/team.py")
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "Tenure (months)" in d.value.columns)
    revenue = dict(zip(table["Person"], table["Revenue"], strict=True))
    # Before, revenue was looked up by the name "Wang Wei" and both showed 0.
    assert revenue["Wang Wei (#7)"] == 10.0 and revenue["Wang Wei (#8)"] == 25.0
    text = _texts(at)
    assert "Nobody carries more than 1.5× the team median." in text
    assert "Nobody has room" in text
    assert "0 people" not in text
    # Headcount is 4 in one team: ticks every whole person, never 0.267 of one.
    headcount = _spec(at, "Headcount")["layout"]["yaxis"]
    assert headcount["dtick"] == 1 and headcount["tickformat"] == ",d"
    moves = _spec(at, "Joined")["layout"]
    assert moves["yaxis"]["dtick"] == 1 and moves["yaxis2"]["dtick"] == 1

    # Cs sold nothing and has no target: a sentence, not a chart of 0 on an invented axis.
    at.selectbox(key="person").set_value(9).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Cs has no revenue from" in i.value for i in at.info)
    assert not [c for c in at.get("plotly_chart") if "person_trend" in c.proto.id]
    at.selectbox(key="person").set_value(8).run()
    assert not any("has no revenue" in i.value for i in at.info)


def test_the_zero_sentences_in_chinese(isolated_database: Path) -> None:
    _namesakes(isolated_database)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["lang"] = "zh"
    at.switch_page("pages/team.py").run()
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    assert "没有人负荷超过团队中位数的1.5倍。" in text
    assert "没有人尚有余力" in text


# --- the one-customer detail --------------------------------------------------------------


def test_the_customer_picker_searches_every_customer_and_amounts_are_money(
    demo_db: Path,
) -> None:
    at = _page("pages/segments.py")
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="seg_customer")
    # The whole company is in scope: every customer with an owner, an order or an activity up
    # to the demo's last day (before, only the ~50 customers listed on the page were offered).
    store = Store(demo_db)
    try:
        everyone = store.scalar(
            """
            SELECT count(*) FROM customers
            WHERE owner_rep_id IS NOT NULL
               OR customer_id IN (SELECT customer_id FROM orders WHERE order_date <= $end)
               OR customer_id IN (SELECT customer_id FROM activities WHERE activity_date <= $end)
            """,
            {"end": DEMO_END},
        )
        listed = {name for d in at.dataframe if "Customer" in d.value.columns
                  for name in d.value["Customer"]}  # fmt: skip
        # The last customer by name in the picker, not listed anywhere on the page.
        unlisted = next(o for o in reversed(picker.options) if o not in listed)
        unlisted_id = store.scalar("SELECT customer_id FROM customers WHERE name = $n",
                                   {"n": unlisted})  # fmt: skip
    finally:
        store.close()
    assert len(picker.options) == everyone > len(listed)
    at.selectbox(key="seg_customer").set_value(unlisted_id).run()
    assert not at.exception, [e.value for e in at.exception]
    # The name is Markdown-escaped on the page (components.format.md).
    assert any(f"**Name:** {md(unlisted)}" in m.value for m in at.markdown), "their detail opens"
    # Amounts in the detail's tabs are money in the session's currency, not "2932.02".
    tabs = [d for d in at.dataframe if "Amount" in d.value.columns]
    assert tabs, "the orders and deals tabs"
    for table in tabs:
        config = json.loads(table.proto.columns)
        assert config["Amount"]["type_config"]["format"].startswith("$")


def test_a_table_under_a_chart_is_built_only_once_its_expander_is_opened(demo_db: Path) -> None:
    # Closed, "As a table" holds nothing on a rerun; opened, it shows its table and keeps it
    # open on the next rerun; closed again, the table is gone.
    for page, table in (("pages/segments.py", "lifecycle"), ("pages/team.py", "moves")):
        at = _page(page)
        closed = len(at.dataframe)
        assert at.session_state[f"{table}_table_open"] is False
        at.session_state[f"{table}_table_open"] = True
        assert len(at.run().dataframe) == closed + 1, page
        assert not at.exception, [e.value for e in at.exception]
        assert len(at.run().dataframe) == closed + 1, f"{page}: kept open"
        at.session_state[f"{table}_table_open"] = False
        assert len(at.run().dataframe) == closed, page
