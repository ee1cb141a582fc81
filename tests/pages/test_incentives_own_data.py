"""The Incentives page on a company's own data (the project's Superstore copy imported): no
demo plan, no demo contests, and how to write a plan; with HUDDLE_PLAN, the company's plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.config import DB_ENV_VAR
from data.importing.presets import get_preset
from data.importing.runner import ImportRequest, run_import
from data.store import Store
from metrics.incentive_plan import DEFAULT_PLAN_PATH, EXAMPLE_PLAN_PATH, PLAN_ENV_VAR, load_plan
from tests.conftest import DATASETS

ROOT = Path(__file__).resolve().parents[2]
SUPERSTORE = DATASETS / "superstore" / "Sample - Superstore.csv"
# Names only the shipped (demo) plan has: its plan versions, awards and contests.
DEMO_PLAN_WORDS = (
    "2026 plan", "2023 plan", "Monthly sales champion", "Team collaboration award",
    "Singles' Day sprint", "New-customer hunt", "Activity challenge",
)  # fmt: skip


@pytest.fixture(scope="module")
def superstore_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("superstore") / "superstore.duckdb"
    store = Store(path)
    mapping = get_preset("superstore").for_table("orders")
    run_import(store, ImportRequest(SUPERSTORE, mapping), today=date(2026, 11, 20))
    store.close()
    return path


@pytest.fixture
def superstore_db(superstore_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DB_ENV_VAR, str(superstore_path))
    monkeypatch.delenv(PLAN_ENV_VAR, raising=False)
    return superstore_path


def _page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.switch_page("pages/incentives.py")
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [s.value for s in at.subheader]
    parts += [h.value for h in at.header] + [p.proto.text for p in at.get("progress")]
    return "\n".join(parts)


def _board_columns(at: AppTest) -> list[str]:
    frame = next(d.value for d in at.dataframe if "Rep" in d.value.columns)
    return list((frame.data if hasattr(frame, "data") else frame).columns)


def test_own_data_without_a_plan_shows_no_demo_plan_or_contest(superstore_db: Path) -> None:
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    text = _texts(at)
    left = [w for w in DEMO_PLAN_WORDS if w in text]
    assert not left, f"the demo's plan shows on Superstore: {left}"
    assert "starts in" not in text and "days left" not in text, "no demo contest"
    headings = [h.value for h in at.subheader]
    assert "Contests" not in headings and "Awards" not in headings
    assert "Plan in force" not in text
    # The sentence on how to write one: the shipped example and the setting.
    info = " ".join(i.value for i in at.info)
    assert "This company has no incentive plan yet" in info
    assert "data/incentive_plan.example.toml" in info and "HUDDLE_PLAN" in info
    # Superstore's one rep is the placeholder "Unassigned" (issue 17): nobody is ranked, and
    # the page says why. The board without commission is checked on Maven below.
    assert "Sales credited to Unassigned (the file names no salesperson)" in text
    assert not any("Rep" in d.value.columns for d in at.dataframe)


def test_own_data_without_a_plan_ranks_without_commission(maven_export: Path) -> None:
    # Maven names its sales agents: the leaderboard is there, without commission.
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.query_params["period"] = "ytd"
    at.switch_page("pages/incentives.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    columns = _board_columns(at)
    assert "Rep" in columns and "Commission" not in columns
    assert "No commission: the company has no incentive plan yet." in _texts(at)
    assert "Sales credited to" not in _texts(at)  # Maven has no placeholder


def test_own_data_in_chinese_says_the_same(superstore_db: Path) -> None:
    at = _page("zh")
    assert not at.exception, [e.value for e in at.exception]
    info = " ".join(i.value for i in at.info)
    assert "本公司尚未设置激励方案" in info and "HUDDLE_PLAN" in info
    assert "双十一冲刺赛" not in _texts(at)


def test_own_data_with_its_own_plan_uses_it(
    superstore_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PLAN_ENV_VAR, str(EXAMPLE_PLAN_PATH))
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    info = " ".join(i.value for i in at.info)
    assert "This company has no incentive plan yet" not in info
    # The example plan is in force from 2025-01-01; Superstore ends in 2017, so the page
    # says no plan was in force yet (its own plan's first date), never the demo's plan.
    assert "No incentive plan was in force" in info and "2025" in info
    assert not [w for w in DEMO_PLAN_WORDS if w in _texts(at)]


def test_the_demo_still_shows_its_plan_and_contests(demo_db: Path) -> None:
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    assert "Plan in force on" in text and "2026 plan: accelerators" in text
    assert "Monthly sales champion" in text
    assert "Contests" in text and "days left" in text
    assert "This company has no incentive plan yet" not in text


def test_the_shipped_example_plan_is_valid_and_not_the_demo_plan() -> None:
    example = load_plan(EXAMPLE_PLAN_PATH)
    assert [v.name for v in example.plans] == ["Our sales plan"]
    assert example.contests == ()  # its contest is only a commented example
    assert example != load_plan(DEFAULT_PLAN_PATH)


def test_the_targets_page_does_not_cost_own_data_under_the_demo_plan(
    demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The demo's data, marked as a company's own: months the demo plan covers, yet the shipped
    # plan must not cost this company's targets (it names no plan of its own).
    import shutil

    path = tmp_path / "own.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as con:
        con.execute("UPDATE company_settings SET value = 'own' WHERE name = 'company_kind'")
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.delenv(PLAN_ENV_VAR, raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.switch_page("pages/targets.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    captions = " ".join(c.value for c in at.caption)
    assert "No incentive plan is in force" in captions
    assert not [m for m in at.metric if m.label == "Commission cost"]
