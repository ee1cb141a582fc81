"""AppTest runs of every page: no exception, the expected elements, filters that bite."""

from __future__ import annotations

import json
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


def _grain(at: AppTest) -> str:
    return at.segmented_control(key="grain").value


def test_an_unchosen_grain_follows_the_period_and_a_chosen_one_stays(demo_db: Path) -> None:
    # The demo ends on Friday 20 Nov 2026. Month to date is 1-20 Nov, 20 days: up to 45 days
    # reads by day. Quarter to date is 1 Oct-20 Nov, 31 + 20 = 51 days: over 45 and up to
    # 190 reads by week (metrics.periods.natural_grain). Before, the grain stayed on Day.
    at = _trends()
    assert _grain(at) == "day"
    at.pills(key="period").set_value("qtd").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _grain(at) == "week"
    at.pills(key="period").set_value("mtd").run()
    assert _grain(at) == "day"
    at.segmented_control(key="grain").set_value("month").run()  # the user picks one
    at.pills(key="period").set_value("qtd").run()
    assert _grain(at) == "month", "a grain the user chose stays when the period changes"


def test_a_grain_in_the_url_counts_as_chosen(demo_db: Path) -> None:
    at = _app()
    at.query_params["grain"] = "month"
    at.switch_page("pages/kpi_trends.py").run()
    assert _grain(at) == "month"
    at.pills(key="period").set_value("qtd").run()
    assert _grain(at) == "month"


def _plotly_specs(at: AppTest) -> list[dict]:
    found: list[dict] = []

    def visit(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name == "PlotlyChart":
            found.append(json.loads(proto.spec))
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return found


def _split_spec(at: AppTest) -> dict:
    return next(s for s in _plotly_specs(at) if "per team" in s["layout"]["title"]["text"])


def test_small_multiples_draw_the_comparison_and_share_one_scale(demo_db: Path) -> None:
    at = _trends()
    at.segmented_control(key="split").set_value("team").run()
    at.segmented_control(key="compare").set_value("last_year").run()
    assert not at.exception, [e.value for e in at.exception]
    spec = _split_spec(at)
    panels = len(spec["layout"]["annotations"])  # one title per team
    last_year = [tr for tr in spec["data"] if tr.get("name") == "Last year"]
    assert panels >= 2 and len(last_year) == panels, "each panel has last year's line"
    layout = spec["layout"]
    y_axes = [k for k in layout if k.startswith("yaxis") and k != "yaxis"]
    assert y_axes and all(layout[k].get("matches") == "y" for k in y_axes), "one shared scale"
    assert any("share one scale" in c.value for c in at.caption)

    at.toggle(key="split_scale").set_value(True).run()
    layout = _split_spec(at)["layout"]
    assert not any(layout[k].get("matches") for k in layout if k.startswith("yaxis"))
    assert any("Each panel has its own scale" in c.value for c in at.caption)


def test_daily_axes_tick_on_whole_days_in_both_languages(demo_db: Path) -> None:
    # Month to date 1-20 Nov at Day grain: 19 days from the first bucket to the last. At
    # most 8 ticks means a step of at least 19 / 7 = 2.7 days, so whole steps of 3 days
    # (1 Nov, 4 Nov, ... 19 Nov): 3 x 86,400,000 ms. Before, plotly chose its own step and a
    # few days drew 00:00 and 12:00 ticks.
    for language in ("en", "zh"):
        at = _app()
        at.session_state["lang"] = language
        at.switch_page("pages/kpi_trends.py").run()
        axis = _plotly_specs(at)[0]["layout"]["xaxis"]
        assert axis["dtick"] == 3 * 86_400_000 and axis["tick0"].startswith("2026-11-01")
        if language == "zh":
            assert axis["tickformatstops"][0]["value"] == "%-m月%-d日"
