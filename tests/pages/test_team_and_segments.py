"""AppTest runs of the Team and Segments pages: a dimension change and a drill-down each."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

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
    grid = next(d.value for d in at.dataframe if "Industry" in d.value.columns)
    assert {"Small", "Medium", "Large", "Enterprise"} <= set(grid.columns), "the heatmap's table"
    segment = at.selectbox(key="seg_rfm")
    segment.select("at_risk").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="seg_rfm").value == "at_risk"


def test_segments_page_breaks_a_kpi_down_by_lifecycle_and_rfm(demo_db: Path) -> None:
    at = _page("pages/segments.py")
    for dimension, label, some_value in (
        ("lifecycle_stage", "Lifecycle stage", "At risk"),
        ("rfm_segment", "RFM segment", "Champions"),
    ):
        at.selectbox(key="seg_by").select(dimension).run()
        assert not at.exception, [e.value for e in at.exception]
        table = next(d.value for d in at.dataframe if label in d.value.columns)
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
