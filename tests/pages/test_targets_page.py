"""AppTest runs of the Targets page: a slider, a hand edit, save, compare and publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def writable_demo(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company the test may write to."""
    path = tmp_path / "demo-copy.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _targets_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/targets.py")
    return at.run()


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _group_total(at: AppTest) -> float:
    groups = next(d.value for d in at.dataframe if "Official now" in d.value.columns)
    return round(float(groups["Target"].sum()), 2)


def _editor(at: AppTest):
    """The split per person (the editable table)."""
    return next(d.value for d in at.dataframe if "by_hand" in d.value.columns)


def _dollars(text: str) -> float:
    return float(text.replace("$", "").replace(",", ""))


def test_the_growth_slider_sets_the_total_and_the_split_keeps_it(demo_db: Path) -> None:
    at = _targets_page()
    assert not at.exception, [e.value for e in at.exception]
    first = _metric(at, "Total target")
    # The tile shows whole dollars; the groups add up to the total (exact to the cent in
    # tests/metrics/test_target_setting.py).
    assert _group_total(at) == pytest.approx(_dollars(first), abs=0.5)
    at.slider(key="tgt_growth").set_value(30).run()
    second = _metric(at, "Total target")
    assert _dollars(second) > _dollars(first)
    assert _group_total(at) == pytest.approx(_dollars(second), abs=0.5)
    assert "of 4" in _metric(at, "Expected at target")  # "≈n of 4x people"
    assert _editor(at)["open_pipeline"].sum() > 0, "open deals shown beside the projection"


@pytest.mark.parametrize("kpi", ["new_customers", "won_deals", "activities"])
def test_non_revenue_kpis_get_targets_too(demo_db: Path, kpi: str) -> None:
    at = _targets_page()
    at.segmented_control(key="tgt_kpi").set_value(kpi).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not _metric(at, "Total target").startswith("$")
    assert "open_pipeline" not in _editor(at).columns, "pipeline is money: revenue only"


def test_a_hand_edit_is_kept_and_the_others_rebalance(demo_db: Path) -> None:
    at = _targets_page()
    editor = _editor(at)
    total = _dollars(_metric(at, "Total target"))
    rep_id = int(editor.index[0])
    # What the editor's change handler keeps for December, company-wide: $10,000.00 in cents.
    at.session_state["tgt_edits|revenue|2026-12-01|2026-12-31|None|None"] = {
        rep_id: {"target": 1_000_000}
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    editor = _editor(at)
    assert editor.loc[rep_id, "target"] == 10_000.0
    assert bool(editor.loc[rep_id, "by_hand"])
    assert _group_total(at) == pytest.approx(total, abs=0.5), "the others rebalance"
    assert at.button(key="tgt_reset").label == "Clear hand edits"


def test_save_compare_and_publish_a_scenario(writable_demo: Path) -> None:
    at = _targets_page()
    at.text_input(key="tgt_scenario_name_20261201_20261231").input("Stretch December")
    at.button(key="FormSubmitter:tgt_save_form-Save scenario").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    at.multiselect(key="tgt_compare").select("Stretch December").run()
    compared = next(d.value for d in at.dataframe if "Stretch December" in d.value.columns)
    assert (compared["Stretch December"] == compared["On screen"]).all()

    # December already has official targets in the demo: publishing asks first.
    assert any("Publishing replaces them" in w.value for w in at.warning)
    assert at.button(key="tgt_publish").disabled
    at.checkbox(key="tgt_publish_ok").check().run()
    at.button(key="tgt_publish").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]

    store = Store(writable_demo)
    kept = store.rows(
        "SELECT count(*) FROM targets WHERE scenario LIKE 'Replaced %' AND metric = 'revenue'"
    )[0][0]
    official = store.rows(
        "SELECT sum(value) FROM targets WHERE scenario IS NULL AND metric = 'revenue'"
        " AND scope = 'rep' AND period_start = '2026-12-01'"
    )[0][0]
    planned = store.rows(
        "SELECT sum(value) FROM targets WHERE scenario = 'Stretch December' AND scope = 'rep'"
    )[0][0]
    store.close()
    assert kept > 0, "the replaced targets are kept as a scenario"
    assert official == planned

    # The page says which scenario is official now, and warns of no overlap with itself.
    assert not any("Publishing replaces them" in w.value for w in at.warning)
    said = [s.value for s in at.success]
    assert any("Official now for" in s and "'Stretch December'" in s for s in said), said
    assert any("Published 'Stretch December'" in s for s in said), said
    assert at.button(key="tgt_publish").disabled, "publishing it again would change nothing"


def _caption_texts(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_a_quarter_is_named_for_the_quarter(demo_db: Path) -> None:
    # The demo's as-of day is in November 2026: the next quarter is January-March 2027.
    at = _targets_page()
    at.segmented_control(key="tgt_period").set_value("next_quarter").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="tgt_scenario_name_20270101_20270331").value == "Plan for Q1 2027"


def test_official_now_is_compared_over_the_same_days(demo_db: Path) -> None:
    """December 2026 to February 2027 (31 + 31 + 28 = 90 days): the demo's official targets
    cover December alone, so each person's new target is compared over December's 31 days:
    new x 31/90 against December's official target, not the three months against one."""
    at = _targets_page()
    at.segmented_control(key="tgt_period").set_value("custom").run()
    at.number_input(key="tgt_months").set_value(3).run()
    assert not at.exception, [e.value for e in at.exception]
    editor = _editor(at)
    covered = editor[editor["current_target"] > 0]
    assert len(covered) > 0
    assert set(covered["official_days"]) == {"31 of 90 days"}
    row = covered.iloc[0]
    # Hand working: (target x 31 / 90) / official - 1, to the cent before dividing.
    expected = round(row["target"] * 31 / 90, 2) / row["current_target"] - 1
    assert row["vs_official"] == pytest.approx(expected, abs=1e-3)
    quarter_against_month = row["target"] / row["current_target"] - 1
    assert abs(row["vs_official"] - quarter_against_month) > 1, "not three months against one"
    groups = next(d.value for d in at.dataframe if "Official now" in d.value.columns)
    same_days = (covered["target"] * 31 / 90).sum()
    assert groups["New, same days as official"].sum() == pytest.approx(same_days, abs=1.0)


def test_expected_at_target_has_one_definition(demo_db: Path) -> None:
    at = _targets_page()
    captions = _caption_texts(at)
    assert "Each person's chance of reaching their target, added up." in captions
    assert not any("Projected at or above target" in c for c in captions)


def test_a_hand_edit_shows_what_it_does_to_the_commission(demo_db: Path) -> None:
    at = _targets_page()
    assert not any("without hand edits" in c for c in _caption_texts(at))
    rep_id = int(_editor(at).index[0])
    # One person's December target set to 1.00 (100 cents): the others carry the rest.
    at.session_state["tgt_edits|revenue|2026-12-01|2026-12-31|None|None"] = {
        rep_id: {"target": 100}
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    tile = next(m for m in at.metric if m.label == "Commission cost")
    captions = _caption_texts(at)
    # The same split without the edit, to the cent, and the tile's difference against it.
    assert any(c.startswith("Without the hand edits, floors and caps the split would cost $")
               for c in captions), captions  # fmt: skip
    assert tile.delta is not None, "moving 1 person's target to 1.00 changes the cost"
    assert tile.delta.startswith(("+", "-"))
    assert tile.delta.endswith("against the split without hand edits")


def test_a_store_teams_turnover_target_is_set_as_a_level(writable_demo: Path) -> None:
    # Stock turnover is a level per store team, stored in hundredths. A team already has an
    # official December 2026 level of 6.00 (600): the page shows it back as 6.0, and saving
    # keeps it as 600; the per-person split is not offered for a rate.
    store = Store(writable_demo)
    team_id = store.rows(  # a store team holding stock (the demo's Downtown Store)
        "SELECT DISTINCT team_id FROM stock ORDER BY team_id LIMIT 1"
    )[0][0]
    with store.transaction() as cur:
        cur.execute(
            "INSERT INTO targets VALUES ('2026-12-01', '2026-12-31', 'team', $team,"
            " 'inventory_turnover', 600, NULL)",
            {"team": team_id},
        )
    store.close()
    at = _targets_page()
    at.segmented_control(key="tgt_kpi").set_value("inventory_turnover").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Stock turnover targets by store team" in h.value for h in at.subheader)
    assert any("day-weighted average" in c.value for c in at.caption)
    assert not any("by_hand" in d.value.columns for d in at.dataframe), "no per-person split"
    levels = next(d.value for d in at.dataframe if "official" in d.value.columns)
    assert levels.loc[team_id, "official"] == 6.0 and levels.loc[team_id, "target"] == 6.0

    at.text_input(key="tgt_level_name_20261201_20261231").input("Turnover December")
    at.button(key="FormSubmitter:tgt_level_save_form-Save scenario").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    store = Store(writable_demo)
    saved = store.rows(
        "SELECT scope, scope_id, value FROM targets WHERE scenario = 'Turnover December'"
        " AND metric = 'inventory_turnover' AND scope_id = $team",
        {"team": team_id},
    )
    store.close()
    assert saved == [("team", team_id, 600)]
    # It equals the official targets, so the page says it is official now.
    assert at.button(key="tgt_publish").disabled


def test_the_turnover_level_page_speaks_chinese(demo_db: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["lang"] = "zh"
    at.query_params["tgt_kpi"] = "inventory_turnover"  # the KPI picker keeps its code in the URL
    at.switch_page("pages/targets.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(h.value == "各门店/团队的库存周转率目标" for h in at.subheader)
    assert any("按天数加权的平均值" in c.value for c in at.caption)
