"""The interface in Chinese: every page of the Chinese demo company, with no English left."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components import text
from components.text import t, use_language
from data.config import DB_ENV_VAR
from tests.pages.text_scan import charts_with_english_dates, english_words, screen_strings

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
# Names and abbreviations a Chinese interface writes in Latin letters, as Chinese CRMs do.
ALLOWED = {
    "KPI", "RFM", "CSV", "TSV", "XLSX", "Excel", "Parquet", "NPS", "Huddle", "English", "GBK",
    "UTF", "BOM", "CNY", "USD", "EUR", "TOML", "Markdown", "ID", "Top", "PK", "Windows", "CRM",
    "UTC", "GB", "Fxiaoke", "Zoho", "Salesforce", "Maven", "Analytics", "Tableau", "Sample",
    "Superstore",
    # Preset and encoding names, as the CLI takes them.
    "fxiaoke", "zoho", "crm", "salesforce", "maven", "superstore", "utf", "gbk", "gb", "latin",
    "windows", "csv", "xlsx",  # and file names' extensions
}  # fmt: skip
# Each page as it opens, and the sections a page switches between (key, option).
VIEWS = [
    ("pages/standup.py", {}),
    ("pages/kpi_trends.py", {}),
    ("pages/kpi_trends.py", {"split": "channel", "compare": "last_year"}),
    ("pages/incentives.py", {}),
    ("pages/targets.py", {}),
    ("pages/stock.py", {}),
    ("pages/team.py", {}),
    ("pages/reviews.py", {"section": "write"}),
    ("pages/reviews.py", {"section": "history"}),
    ("pages/reviews.py", {"section": "coverage"}),
    ("pages/reviews.py", {"section": "calibration"}),
    ("pages/weekly.py", {}),
    ("pages/weekly.py", {"wsec": "team"}),
    ("pages/suggestions.py", {}),
    ("pages/segments.py", {}),
    ("pages/segments.py", {"seg_by": "channel", "seg_by2": "lifecycle_stage"}),
    ("pages/segments.py", {"seg_by": "rfm_segment", "seg_shape": "treemap"}),
    ("pages/follow_ups.py", {}),
    ("pages/definitions.py", {}),
    ("pages/data.py", {}),
]


def _code_columns() -> set[str]:
    """Table columns that show codes on purpose: a KPI's id is what `cli.py kpi` takes."""
    with use_language("zh"):
        return {
            f"table cell [{t('definitions.id')}]",
            f"table cell [{t('import.problems.heading.code')}]",  # an import problem's code
            f"table cell [{t('audit.col.details')}]",  # an audit row's details, as stored (JSON)
            f"table cell [{t('follow_ups.col.file')}]",  # a link to the file, shown as 打开
        }


@pytest.fixture
def zh_demo(zh_demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DB_ENV_VAR, str(zh_demo_path))
    return zh_demo_path


def _chinese_app(page: str, state: dict[str, str]) -> AppTest:
    # Through the session, not the URL: AppTest's switch_page starts the page without query
    # parameters (the browser test checks ?lang=zh).
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {"lang": "zh", **state}.items():
        at.session_state[key] = value
    return at.switch_page(page).run()


@pytest.mark.parametrize(("page", "state"), VIEWS, ids=lambda v: str(v))
def test_a_chinese_page_has_no_english_left(zh_demo: Path, page: str, state: dict) -> None:
    at = _chinese_app(page, state)
    assert not at.exception, [e.value for e in at.exception]
    left = sorted(
        {
            f"{where}: {text[:120]!r}"
            for where, text in screen_strings(at)
            if english_words(text, ALLOWED) and where not in _code_columns()
        }
    )
    assert not left, "English on a Chinese page:\n" + "\n".join(left)
    assert not charts_with_english_dates(at), "charts with English month names on their axis"


def test_the_language_comes_from_the_url_and_is_written_back(zh_demo: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "zh"
    at.run()
    assert "销售额" in [m.label for m in at.metric]
    assert at.query_params["lang"] in ("zh", ["zh"])


def test_english_is_the_default_and_money_is_the_companys_currency(zh_demo: Path) -> None:
    # The Chinese demo company's amounts are yuan (its setting): ¥ in English too.
    at = AppTest.from_file(APP, default_timeout=120).switch_page("pages/kpi_trends.py").run()
    assert "Revenue" in [m.label for m in at.metric]
    assert at.metric[0].value.startswith("¥")
    chinese = _chinese_app("pages/kpi_trends.py", {})
    assert chinese.metric[0].value.startswith("¥")
    assert chinese.metric[0].value.endswith("万")  # the demo's month runs to 10^5 yuan


def test_the_stand_up_boards_amounts_are_the_companys_currency(zh_demo: Path) -> None:
    # The board looks the currency up once for all its amounts (components.standup): still
    # the company's yuan, in English too.
    at = AppTest.from_file(APP, default_timeout=120).run()
    table = next(h.value for h in at.html if "huddle-board" in h.value)
    assert table.count("¥") > 10 and "$" not in table


def test_a_chinese_import_with_problems_is_reported_in_chinese(isolated_database: Path) -> None:
    """A GBK export with Chinese headings and two bad rows, checked on the Data page in
    Chinese: the preview, the report and the problems read without English."""
    content = (
        "订单编号,下单日期,客户名称,产品名称,业务员,数量,销售额\n"
        'A1,2024年3月5日,杭州海纳商行,铸铁煎锅,王伟,2,"￥1,200"\n'
        "A2,2024年3月6日,杭州海纳商行,铸铁煎锅,王伟,-3,￥600\n"
        "A3,某天,南京旭日商贸有限公司,砂锅,李娜,1,很多\n"
    ).encode("gbk")
    at = _chinese_app("pages/data.py", {})
    # Each run names the language again: AppTest loses the sidebar's switch on a switched page.
    # The test's own thread labels options too (to find the one picked): in Chinese as well.
    with use_language("zh"):
        at.session_state["lang"] = "zh"
        at.selectbox(key="data.table").select("orders").run()
        at.session_state["lang"] = "zh"
        at.file_uploader(key="data.upload").set_value(("销售.csv", content, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = screen_strings(at)
    assert any("数量为负数" in text for _, text in shown), "the negative quantity is not reported"
    left = sorted(
        {
            f"{where}: {text[:120]!r}"
            for where, text in shown
            if english_words(text, ALLOWED) and where not in _code_columns()
        }
    )
    assert not left, "English on the Chinese Data page:\n" + "\n".join(left)


def test_a_pages_run_reads_the_language_once(
    zh_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Through app.py (the stand-up, its many strings): the page runs inside
    # language_once_per_run, so its strings never ask the session state for the language.
    asked_in_page: list[str] = []

    class CountedState:
        def get(self, key: str, default: object = None) -> object:
            if text._run_language.get() is not None:
                asked_in_page.append(key)
            return st.session_state.get(key, default)

    monkeypatch.setattr(text, "st", SimpleNamespace(session_state=CountedState()))
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "销售额" in [m.label for m in at.metric]
    assert asked_in_page == []
