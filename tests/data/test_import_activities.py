"""Activities (跟进记录) and customer feedback (客户反馈) import like orders: headers matched in
English and Chinese, kinds mapped to Huddle's, bad rows named by row and column, one
transaction, idempotent re-imports, and KPIs that count what the file holds."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from components.format import md
from components.text import t, use_language
from data.importing.errors import ImportRejected
from data.importing.fields import TABLES
from data.importing.mapping import Mapping, auto_map
from data.importing.readers import read_headers
from data.importing.runner import ImportReport, ImportRequest, run_import
from data.store import Store
from metrics import service
from metrics.compiler import MetricRequest
from metrics.filters import Filters
from tests.cli_run import run_cli

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)
MARCH = Filters(start=date(2024, 3, 1), end=date(2024, 3, 31))

# A 跟进记录 export with no id of its own: two calls by 张伟 to one customer on one day.
ACTIVITIES_ZH = (
    "跟进时间,客户名称,跟进人,跟进方式,跟进结果,下次跟进时间\n"
    "2024年3月4日,北京华联商贸有限公司,张伟,电话,约了周五拜访,2024年3月8日\n"
    "2024年3月4日,北京华联商贸有限公司,张伟,电话,补充报价,\n"
    "2024年3月8日,北京华联商贸有限公司,张伟,上门拜访,签了意向书,2024年3月20日\n"
    "2024年3月11日,上海星河超市,李娜,微信,发送样品图片,\n"
    "2024年3月12日,上海星河超市,李娜,面谈,谈价格,2024年3月26日\n"
    "2024年3月15日,杭州一品茶庄,王芳,视频会议,,\n"
)
ZH_KINDS = ["call", "call", "visit", "message", "meeting", "meeting"]
# A Salesforce-style task export, with an id per activity.
ACTIVITIES_EN = (
    "Activity ID,Date,Account Name,Owner,Type,Notes,Next Follow-up Date\n"
    "T-1,03/04/2024,Acme,Ann Lee,Call,left a voicemail,03/11/2024\n"
    "T-2,03/14/2024,Acme,Ann Lee,Email,sent the price list,\n"
    "T-3,03/14/2024,Beta Co,Bo Chen,Site visit,walked the floor,03/28/2024\n"
)
FEEDBACK_ZH = (
    "反馈日期,客户名称,负责人,反馈类型,满意度,推荐值,反馈内容,解决日期\n"
    "2024-03-05,北京华联商贸有限公司,张伟,投诉,2,3,送货晚了两天,2024-03-07\n"
    "2024-03-06,上海星河超市,李娜,表扬,5,10,导购很专业,\n"
    "2024-03-07,杭州一品茶庄,,咨询,4,8,问有没有团购价,2024-03-07\n"
    "2024-03-08,北京华联商贸有限公司,张伟,建议,,,希望增加夜间配送,\n"
    "2024-03-09,上海星河超市,李娜,投诉,1,0,少发了一箱,\n"
)
FEEDBACK_EN = (
    "Case Number,Date Opened,Account Name,Case Owner,Type,Satisfaction,NPS,Description,"
    "Date Closed\n"
    "00001001,2024-03-05,Acme,Ann Lee,Problem,2,3,Late delivery,2024-03-08\n"
    "00001002,2024-03-06,Beta Co,Bo Chen,Question,4,9,Bulk pricing?,2024-03-06\n"
    "00001003,2024-03-07,Acme,Ann Lee,Feature Request,,7,Evening delivery,\n"
)
FEEDBACK_BAD = FEEDBACK_EN + (
    "00001004,2024-03-08,Beta Co,Bo Chen,Praise,7,10,Great staff,\n"
    "00001005,2024-03-09,Acme,Ann Lee,Rumour,3,5,Heard something,\n"
    "00001006,2024-03-10,Gamma,Bo Chen,Problem,1,0,Broken box,2024-03-01\n"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _matched(path: Path, table: str) -> Mapping:
    """The mapping the Data page and the CLI start from: headers matched by synonym."""
    return Mapping(table, columns=auto_map(read_headers(path), table))


def _import(store: Store, path: Path, table: str, **kwargs: object) -> ImportReport:
    request = ImportRequest(path, _matched(path, table), **kwargs)  # type: ignore[arg-type]
    return run_import(store, request, today=TODAY)


def _kpi(store: Store, kpi: str) -> object:
    return service.run(store, MetricRequest(kpis=(kpi,), filters=MARCH))[kpi].iloc[0]


def test_a_gbk_activities_export_with_chinese_headers_imports(tmp_path: Path) -> None:
    path = _write(tmp_path / "跟进记录.csv", ACTIVITIES_ZH, "gbk")
    mapping = _matched(path, "activities")
    assert mapping.columns == {
        "activity_date": "跟进时间", "customer": "客户名称", "rep": "跟进人", "kind": "跟进方式",
        "outcome": "跟进结果", "next_follow_up_date": "下次跟进时间",
    }  # fmt: skip
    store = Store(tmp_path / "t.duckdb")
    report = run_import(store, ImportRequest(path, mapping), today=TODAY)
    assert report.staged is not None and report.staged.encoding is not None
    assert report.staged.encoding.encoding == "gb18030"
    assert report.date_formats["activity_date"] == "Y年m月d日"
    assert report.written is not None and report.written.added == 6
    # The people and customers the file names are created and counted, as for orders.
    assert report.written.created == {"reps": 3, "customers": 3, "teams": 1}
    kinds = store.rows("SELECT kind FROM activities")
    assert sorted(k for (k,) in kinds) == sorted(ZH_KINDS)
    by_rep = dict(
        store.rows(
            "SELECT r.name, count(*) FROM activities a JOIN reps r USING (rep_id) GROUP BY 1"
        )
    )
    assert by_rep == {"张伟": 3, "李娜": 2, "王芳": 1}
    plans = store.rows(
        "SELECT c.name, a.next_follow_up_date FROM activities a JOIN customers c "
        "USING (customer_id) WHERE a.next_follow_up_date IS NOT NULL ORDER BY 2"
    )
    assert plans == [
        ("北京华联商贸有限公司", date(2024, 3, 8)),
        ("北京华联商贸有限公司", date(2024, 3, 20)),
        ("上海星河超市", date(2024, 3, 26)),
    ]
    # The reps Huddle created start on their first activity, not on the day of the import.
    assert store.scalar("SELECT hire_date FROM reps WHERE name = '张伟'") == date(2024, 3, 4)
    log = store.rows("SELECT target_table, rows_added, rows_rejected FROM import_log")
    assert log == [("activities", 6, 0)]


def test_an_english_activities_export_with_ids_imports(tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks.csv", ACTIVITIES_EN)
    store = Store(tmp_path / "t.duckdb")
    report = _import(store, path, "activities")
    assert report.date_formats == {"activity_date": "m/d/Y", "next_follow_up_date": "m/d/Y"}
    rows = store.rows(
        "SELECT a.activity_date, c.name, r.name, a.kind, a.outcome FROM activities a "
        "JOIN customers c USING (customer_id) JOIN reps r USING (rep_id) ORDER BY 1, 2"
    )
    assert rows == [
        (date(2024, 3, 4), "Acme", "Ann Lee", "call", "left a voicemail"),
        (date(2024, 3, 14), "Acme", "Ann Lee", "message", "sent the price list"),
        (date(2024, 3, 14), "Beta Co", "Bo Chen", "visit", "walked the floor"),
    ]
    # Each activity is credited to its person's team.
    assert store.scalar("SELECT count(*) FROM activities a JOIN reps r USING (rep_id) "
                        "WHERE a.team_id <> r.team_id") == 0  # fmt: skip


def test_chinese_and_english_feedback_import_with_their_kinds_and_scores(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    zh = _write(tmp_path / "客户反馈.csv", FEEDBACK_ZH)
    assert _matched(zh, "feedback").columns == {
        "feedback_date": "反馈日期", "customer": "客户名称", "rep": "负责人", "kind": "反馈类型",
        "csat": "满意度", "nps": "推荐值", "text": "反馈内容", "resolved_date": "解决日期",
    }  # fmt: skip
    _import(store, zh, "feedback")
    en = _write(tmp_path / "cases.csv", FEEDBACK_EN)
    assert _matched(en, "feedback").columns["feedback_key"] == "Case Number"
    report = _import(store, en, "feedback")
    assert report.written is not None and report.written.added == 3
    kinds = store.rows(
        "SELECT f.text, f.kind, f.csat, f.nps, f.resolved_date FROM feedback f ORDER BY 1"
    )
    assert {text: kind for text, kind, *_ in kinds} == {
        "送货晚了两天": "complaint", "导购很专业": "praise", "问有没有团购价": "question",
        "希望增加夜间配送": "suggestion", "少发了一箱": "complaint", "Late delivery": "complaint",
        "Bulk pricing?": "question", "Evening delivery": "suggestion",
    }  # fmt: skip
    raw = pd.concat([pd.read_csv(zh), pd.read_csv(en)])
    assert store.scalar("SELECT sum(csat) FROM feedback") == (
        raw["满意度"].sum() + raw["Satisfaction"].sum()
    )
    assert store.scalar("SELECT count(nps) FROM feedback") == (
        raw["推荐值"].count() + raw["NPS"].count()
    )
    # Feedback nobody owns stays without a person or team; the rest get their person's team.
    assert store.rows("SELECT rep_id, team_id FROM feedback WHERE text = '问有没有团购价'") == [
        (None, None)
    ]
    assert store.scalar("SELECT count(*) FROM feedback WHERE rep_id IS NOT NULL "
                        "AND team_id IS NULL") == 0  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding imported activities and feedback, closed so its bytes compare."""
    path = tmp_path / "team.duckdb"
    store = Store(path)
    _import(store, _write(tmp_path / "tasks.csv", ACTIVITIES_EN), "activities")
    _import(store, _write(tmp_path / "cases.csv", FEEDBACK_EN), "feedback")
    store.close()
    return path


def test_bad_feedback_rows_are_named_and_the_database_is_untouched(
    db: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path / "bad.csv", FEEDBACK_BAD)
    before = _sha(db)
    store = Store(db)
    with pytest.raises(ImportRejected, match="3 of 6 rows have errors") as caught:
        _import(store, path, "feedback")
    store.close()
    problems = caught.value.report.problems  # type: ignore[attr-defined]
    got = {(r.row, r.column, r.value, r.code) for r in problems.itertuples()}
    assert got == {
        (5, "Satisfaction", "7", "out_of_range"),
        (6, "Type", "Rumour", "unknown_value"),
        (7, "Date Closed", "2024-03-01", "resolved_before_feedback"),
    }
    assert _sha(db) == before


def test_an_activity_without_a_customer_is_refused(db: Path, tmp_path: Path) -> None:
    text = (
        ACTIVITIES_ZH + "2024年3月16日,,王芳,电话,没打通,\n2024年3月16日,杭州一品茶庄,王芳,飞鸽,,\n"
    )
    path = _write(tmp_path / "gbk.csv", text, "gbk")
    before = _sha(db)
    store = Store(db)
    with pytest.raises(ImportRejected) as caught:
        _import(store, path, "activities")
    store.close()
    problems = caught.value.report.problems  # type: ignore[attr-defined]
    got = {(r.row, r.column, r.code, r.severity) for r in problems.itertuples()}
    assert got == {(8, "客户名称", "blank", "error"), (9, "跟进方式", "unknown_value", "error")}
    assert "not a kind of activity Huddle knows" in str(caught.value)
    assert _sha(db) == before


def test_quarantine_keeps_the_good_feedback_and_sets_the_rest_aside(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    path = _write(tmp_path / "bad.csv", FEEDBACK_BAD)
    report = _import(store, path, "feedback", on_error="quarantine")
    assert report.rejected_rows["row"].tolist() == [5, 6, 7]
    texts = {r[0] for r in store.rows("SELECT text FROM feedback")}
    assert texts == {"Late delivery", "Bulk pricing?", "Evening delivery"}
    log = store.rows("SELECT rows_in_file, rows_added, rows_rejected FROM import_log")
    assert log == [(6, 3, 3)]


def _dump(store: Store) -> dict[str, list[tuple]]:
    tables = ("teams", "reps", "customers", "activities", "feedback", "import_keys")
    return {t: sorted(store.rows(f"SELECT * FROM {t}"), key=repr) for t in tables}


def test_reimporting_changes_nothing_and_an_edited_record_is_updated(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    files = {
        "activities": [_write(tmp_path / "zh.csv", ACTIVITIES_ZH, "gbk"),
                       _write(tmp_path / "en.csv", ACTIVITIES_EN)],
        "feedback": [_write(tmp_path / "fzh.csv", FEEDBACK_ZH),
                     _write(tmp_path / "fen.csv", FEEDBACK_EN)],
    }  # fmt: skip
    for table, paths in files.items():
        for path in paths:
            _import(store, path, table)
    before = _dump(store)
    for table, paths in files.items():
        for path in paths:
            report = _import(store, path, table)
            assert report.written is not None
            assert (report.written.added, report.written.updated) == (0, 0), path.name
            assert report.written.unchanged == len(path.read_bytes().splitlines()) - 1
            assert report.imported_before
    assert _dump(store) == before
    # A later export with one record edited updates it: by its id, or (no id) by what it is.
    edited = _write(tmp_path / "zh2.csv", ACTIVITIES_ZH.replace("补充报价", "补充了报价单"), "gbk")
    report = _import(store, edited, "activities")
    assert report.written is not None
    assert (report.written.added, report.written.updated) == (0, 1)
    edited = _write(tmp_path / "fen2.csv", FEEDBACK_EN.replace("Late delivery", "Very late"))
    report = _import(store, edited, "feedback")
    assert report.written is not None
    assert (report.written.added, report.written.updated) == (0, 1)
    assert store.scalar("SELECT count(*) FROM activities") == 9
    assert store.scalar("SELECT count(*) FROM feedback") == 8


def test_warnings_for_future_dates_plans_made_backwards_and_repeated_rows(tmp_path: Path) -> None:
    text = ACTIVITIES_ZH + (
        "2027年1月5日,杭州一品茶庄,王芳,电话,,\n"  # after TODAY
        "2024年3月18日,杭州一品茶庄,王芳,电话,回访,2024年3月1日\n"  # plan before the call
        "2024年3月15日,杭州一品茶庄,王芳,视频会议,,\n"  # the same as row 7
    )
    store = Store(tmp_path / "t.duckdb")
    report = _import(store, _write(tmp_path / "w.csv", text), "activities")
    problems = report.problems
    got = {(r.row, r.code, r.severity) for r in problems.itertuples()}
    assert got == {
        (8, "future_date", "warning"),
        (9, "follow_up_before_activity", "warning"),
        (7, "repeated_row", "warning"),
        (10, "repeated_row", "warning"),
    }
    assert report.written is not None and report.written.added == 9  # warnings refuse nothing
    # The backwards plan is left out, the activity itself kept.
    assert store.rows(
        "SELECT next_follow_up_date FROM activities WHERE activity_date = '2024-03-18'"
    ) == [(None,)]


def test_the_activities_kpi_counts_the_rows_of_the_file(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    activities = _write(tmp_path / "跟进记录.csv", ACTIVITIES_ZH, "gbk")
    _import(store, activities, "activities")
    assert _kpi(store, "activities") == len(pd.read_csv(activities, encoding="gbk"))
    raw = pd.read_csv(activities, encoding="gbk")
    assert _kpi(store, "customers_contacted") == raw["客户名称"].nunique()
    feedback = _write(tmp_path / "客户反馈.csv", FEEDBACK_ZH)
    _import(store, feedback, "feedback")
    raw = pd.read_csv(feedback)
    assert _kpi(store, "complaints") == (raw["反馈类型"] == "投诉").sum()
    assert _kpi(store, "csat") == pytest.approx(raw["满意度"].mean())
    scores = raw["推荐值"].dropna()
    nps = 100 * ((scores >= 9).sum() - (scores <= 6).sum()) / len(scores)
    assert _kpi(store, "nps") == pytest.approx(nps)


def test_the_data_page_and_the_cli_offer_activities_and_feedback(tmp_path: Path) -> None:
    # The Data page's "What the file holds" lists fields.TABLES, in both languages.
    assert {"activities", "feedback"} <= set(TABLES)
    for language in ("en", "zh"):
        with use_language(language):
            for name in TABLES:
                assert not t(f"data.table.{name}").startswith("data."), (language, name)
    db = tmp_path / "cli.duckdb"
    for table, path in (
        ("activities", _write(tmp_path / "tasks.csv", ACTIVITIES_EN)),
        ("feedback", _write(tmp_path / "fb.csv", FEEDBACK_ZH)),
    ):
        done = run_cli("import", table, str(path), "--db", str(db), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"{path.name} → {table}: " in done.stdout
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM activities") == 3
    assert store.scalar("SELECT count(*) FROM feedback") == 5


def test_the_data_page_checks_and_imports_an_activities_file(isolated_database: Path) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/data.py")
    at.run()
    at.selectbox(key="data.table").select("activities").run()
    content = ACTIVITIES_ZH.encode("gbk")
    at.file_uploader(key="data.upload").set_value(("跟进记录.csv", content, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert {m.label: m.value for m in at.metric}["Rows"] == "6"
    at.button(key="data.commit").click().run()
    # The file name is the user's text, escaped for Markdown (md) where the page shows it.
    assert any(f"Imported {md('跟进记录.csv')}: 6 added" in s.value for s in at.success)
    assert Store(isolated_database).scalar("SELECT count(*) FROM activities") == 6
