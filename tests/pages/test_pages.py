"""AppTest runs of every page: no exception, the expected elements, filters that bite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import held_by_another_process

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


def _app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def _trends() -> AppTest:
    at = _app()
    at.switch_page("pages/kpi_trends.py")
    return at.run()


def _metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_every_page_file_is_in_the_menu() -> None:
    source = (ROOT / "app.py").read_text("utf-8")
    registered = set(re.findall(r'"(pages/[a-z_]+\.py)"', source))
    assert registered == set(PAGE_FILES)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_runs_on_the_demo_company(demo_db: Path, page: str) -> None:
    at = _app()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title or at.markdown, "every page has a heading"


def test_trends_opens_with_kpi_cards_that_have_numbers(demo_db: Path) -> None:
    at = _trends()
    values = _metric_values(at)
    assert list(values) == ["Revenue", "Orders", "New customers", "Win rate"]
    assert values["Revenue"].startswith("$") and values["Revenue"] != "$0"
    assert all(v != "—" for v in values.values())
    assert len(at.tabs) == 4  # one trend chart per KPI
    assert any("Target" in c.value for c in at.caption), "targeted KPIs show their target"


def test_choosing_a_team_changes_the_numbers(demo_db: Path) -> None:
    at = _trends()
    company = _metric_values(at)["Revenue"]
    at.selectbox(key="team").select("Showroom").run()
    assert not at.exception
    team = _metric_values(at)["Revenue"]
    assert team != company


def test_a_kpi_without_a_target_says_so_and_a_split_draws(demo_db: Path) -> None:
    at = _trends()
    at.multiselect(key="kpis").set_value(["csat", "revenue"]).run()
    assert list(_metric_values(at)) == ["CSAT", "Revenue"]
    at.segmented_control(key="split").set_value("team").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Breakdown by team" in h.value for h in at.subheader)


def test_an_empty_database_explains_what_to_do() -> None:
    at = _app().run()
    assert not at.exception
    assert any("no data" in i.value for i in at.info)
    assert "cli.py demo" in at.info[0].value


def test_a_locked_database_is_explained_not_a_traceback(isolated_database: Path) -> None:
    with held_by_another_process(isolated_database):
        at = _app().run()
        assert not at.exception
        assert at.error and "in use by another program" in at.error[0].value


def test_definitions_page_lists_every_listed_kpi(demo_db: Path) -> None:
    from metrics.catalogue import listed_kpis

    at = _app()
    at.switch_page("pages/definitions.py").run()
    table = at.table[0].value
    assert list(table.index) == [k.label for k in listed_kpis()]
    assert at.sidebar.date_input(key="as_of"), "the filters stay, so the URL keeps them"


def test_comparing_with_target_shows_the_gap_to_where_we_should_be(demo_db: Path) -> None:
    at = _trends()
    at.segmented_control(key="compare").set_value("target").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("where each KPI should be by now" in c.value for c in at.caption)
    revenue = next(m for m in at.metric if m.label == "Revenue")
    assert revenue.delta, "revenue has a target, so its tile shows the gap to it"
