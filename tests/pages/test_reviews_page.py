"""AppTest runs of the Reviews page on a copy of the demo company with its demo reviews: fill
and submit the form, see the review in the history; a refused save keeps what was typed; every
section draws."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.format import md
from data.config import DB_ENV_VAR
from data.demo_reviews import generate_demo_reviews
from data.reviews import SCORE_DIMENSIONS
from data.store import Store
from metrics import reviews as review_metrics
from metrics import team_structure
from metrics.filters import Filters
from tests.conftest import DEMO_END

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reviews_db_path(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company with demo reviews, written once for this file (writing the reviews
    takes seconds; copying the file does not). Read it; copy it before writing."""
    path = tmp_path_factory.mktemp("reviews") / "reviews.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    generate_demo_reviews(store, DEMO_END, seed=7)
    store.close()
    return path


@pytest.fixture
def reviews_db(reviews_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo company with demo reviews, of its own for each test (the tests save
    reviews), which the app points at."""
    path = tmp_path / "reviews.duckdb"
    shutil.copy(reviews_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _someone_due(path: Path) -> tuple[int, str]:
    """A person with no monthly evaluation at all for last month (no draft either)."""
    store = Store(path)
    try:
        frame = review_metrics.coverage(
            store, Filters(start=date(2026, 11, 1), end=DEMO_END), DEMO_END
        )
    finally:
        store.close()
    row = frame[frame["monthly"] == "missing"].iloc[0]
    return int(row["rep_id"]), str(row["rep"])


def _reviews_page(rep_id: int) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    at.selectbox(key="person").set_value(rep_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _key(rep_id: int, field: str) -> str:
    """The widget key of a field of the form for last month's evaluation of `rep_id`."""
    return f"rf-{rep_id}-monthly_evaluation-2026-10-01-{field}"


def _still_due_count(at: AppTest) -> int:
    """The number in "N in this scope still need this review for …"."""
    line = next(c.value for c in at.caption if "still need this review" in c.value)
    return int(line.split()[0])


def test_fill_and_submit_a_monthly_evaluation_then_read_it_in_the_history(
    reviews_db: Path,
) -> None:
    rep_id, name = _someone_due(reviews_db)
    at = _reviews_page(rep_id)
    # Names are Markdown-escaped on the page (components.format.md).
    assert any("New monthly evaluation" in m.value and md(name) in m.value for m in at.markdown)
    assert [m.label for m in at.metric][:2] == ["Revenue", "Win rate"], "KPIs beside the form"
    due_before = _still_due_count(at)
    for score, dim in zip((4, 3, 5, 4, 2), SCORE_DIMENSIONS, strict=True):
        at.segmented_control(key=_key(rep_id, f"score-{dim}")).set_value(score)
    at.text_area(key=_key(rep_id, "strengths")).input("Follows up every lead within a day.")
    at.text_area(key=_key(rep_id, "areas_to_improve")).input("More new customers.")
    at.button(key="review_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert any("Review submitted (version 1)" in toast.value for toast in at.toast)
    assert _still_due_count(at) == due_before - 1

    # "Next" moves to someone else still due, with an empty form.
    at.button(key="review_next").click().run()
    assert int(at.selectbox(key="person").value) != rep_id
    assert any("New monthly evaluation" in m.value for m in at.markdown)
    at.selectbox(key="person").set_value(rep_id).run()

    # A second click on the same form records nothing new.
    at.button(key="review_submit").click().run()
    store = Store(reviews_db)
    try:
        rows = store.rows(
            "SELECT version, status, scores->>'$.teamwork', kpi_snapshot IS NOT NULL FROM reviews"
            " WHERE rep_id = $r AND period_start = '2026-10-01' AND kind = 'monthly_evaluation'",
            {"r": rep_id},
        )
    finally:
        store.close()
    assert rows == [(1, "submitted", "5", True)]

    at.segmented_control(key="section").set_value("history").run()
    assert not at.exception, [e.value for e in at.exception]
    history = at.dataframe[0].value
    october = history[history["Period"] == "Oct 2026"]
    assert list(october["Status"]) == ["Submitted"]
    assert list(october["Teamwork"]) == [5]
    assert any(md("Follows up every lead within a day.") in m.value for m in at.markdown)


def test_a_refused_submission_names_the_fields_and_keeps_what_was_typed(reviews_db: Path) -> None:
    rep_id, _ = _someone_due(reviews_db)
    at = _reviews_page(rep_id)
    at.segmented_control(key=_key(rep_id, "score-results")).set_value(4)
    at.text_area(key=_key(rep_id, "strengths")).input("Great with customers.")
    at.text_area(key=_key(rep_id, "career_notes")).input("x" * 2001)
    at.button(key="review_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert any("Nothing was saved" in e for e in errors)
    assert any(e.startswith("Teamwork is required to submit") for e in errors)
    assert any(e.startswith("Areas to improve is required to submit") for e in errors)
    assert any("Career notes is too long: at most 2000 characters" in e for e in errors)
    assert at.text_area(key=_key(rep_id, "strengths")).value == "Great with customers."
    assert at.segmented_control(key=_key(rep_id, "score-results")).value == 4
    store = Store(reviews_db)
    try:
        assert store.scalar("SELECT count(*) FROM reviews WHERE rep_id = $r AND "
                            "period_start = '2026-10-01'", {"r": rep_id}) == 0  # fmt: skip
    finally:
        store.close()
    # A draft may leave scores blank: it saves, and the form stays as typed.
    at.text_area(key=_key(rep_id, "career_notes")).input("Wants key accounts.")
    at.button(key="review_save_draft").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("Draft saved (version 1)" in toast.value for toast in at.toast)


@pytest.mark.parametrize("section", ["history", "coverage", "calibration"])
def test_every_section_draws_on_the_demo_reviews(reviews_db: Path, section: str) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    at.segmented_control(key="section").set_value(section).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    if section == "coverage":
        assert any("no submitted monthly evaluation for Oct 2026" in w.value for w in at.warning)
        leads = at.dataframe[0].value
        assert leads["Behind"].iloc[0] == 1.0, "the lead with none done comes first"
    if section == "calibration":
        assert any("gave a 5 in 100.0% of their scores" in w.value for w in at.warning)
    if section == "history":
        assert at.dataframe[0].value.shape[0] > 0


def test_edit_from_the_history_adds_a_version_and_keeps_the_first(reviews_db: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    at.segmented_control(key="section").set_value("history").run()
    rep_id = int(at.selectbox(key="person").value)
    chosen = at.selectbox(key="history_review").value
    at.button(key="edit_review").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.segmented_control(key="section").value == "write"
    assert any("Editing the submitted" in m.value for m in at.markdown)
    kind = at.selectbox(key="review_kind").value
    start = at.selectbox(key=f"review_period_{kind}").value
    prefix = f"rf-{rep_id}-{kind}-{start.isoformat()}"
    at.text_input(key=f"{prefix}-edited_by").input("Manager Mo")
    at.text_input(key=f"{prefix}-change_note").input("Agreed in our one-to-one")
    at.text_area(key=f"{prefix}-areas_to_improve").input("Fewer discounts; more new customers.")
    at.button(key="review_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Review submitted (version 2)" in toast.value for toast in at.toast)
    store = Store(reviews_db)
    try:
        rows = store.rows(
            "SELECT version, edited_by, change_note, notes->>'areas_to_improve' FROM reviews"
            " WHERE review_id = $id ORDER BY version",
            {"id": chosen},
        )
        assert (
            store.scalar("SELECT rep_id FROM reviews WHERE review_id = $id", {"id": chosen})
            == rep_id
        )
    finally:
        store.close()
    assert [r[0] for r in rows] == [1, 2]
    assert rows[1][1:] == (
        "Manager Mo",
        "Agreed in our one-to-one",
        "Fewer discounts; more new customers.",
    )
    assert rows[0][3] != rows[1][3], "version 1 keeps what it said"


def test_exports_of_one_review_and_of_a_period(reviews_db: Path) -> None:
    from io import BytesIO

    import openpyxl

    from components.reviews_view import export_frame, review_markdown, xlsx_bytes

    store = Store(reviews_db)
    try:
        october = Filters(start=date(2026, 10, 1), end=date(2026, 10, 31))
        period = review_metrics.period_reviews(store, october)
        one = review_metrics.review(store, period["review_id"].iloc[0])
    finally:
        store.close()
    assert one is not None
    goal = one["notes"]["goals"][0]
    text = review_markdown(one, frozenset({goal["item_id"]}))
    assert text.startswith(f"# Monthly evaluation: {one['rep']}\n")
    assert "- Results: " in text and "## Areas to improve" in text
    assert f"- [x] {goal['text']}" in text
    frame = export_frame(period)
    assert len(frame) == len(period) > 10
    sheet = openpyxl.load_workbook(BytesIO(xlsx_bytes(frame))).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Person", "Team", "Group"] and "Teamwork" in header
    assert sheet.max_row == len(frame) + 1


def test_action_items_from_the_editor_keep_their_ids_and_new_ones_get_stable_ids() -> None:
    import pandas as pd

    from components.review_form import _apply_edits, _goal_rows, _goals_frame

    base = _goals_frame(
        [
            {"item_id": "keep", "text": "Call Acme", "due_date": date(2026, 12, 1)},
            {"item_id": "gone", "text": "Old item", "due_date": date(2026, 12, 2)},
        ]
    )
    delta = {
        "edited_rows": {0: {"text": "Call Acme and Birch"}},
        "added_rows": [{"text": "Plan Q1", "due_date": "2026-12-15"}, {}],
        "deleted_rows": [1],
    }
    edited = _apply_edits(base, delta)
    first = _goal_rows(edited, "token")
    assert [(g["item_id"], g["text"], g["due_date"]) for g in first[:1]] == [
        ("keep", "Call Acme and Birch", date(2026, 12, 1))
    ]
    assert [(g["text"], g["due_date"]) for g in first[1:]] == [("Plan Q1", date(2026, 12, 15))]
    # A double click sends the same rows again: the new item gets the same id.
    assert _goal_rows(_apply_edits(base, delta), "token") == first
    assert _goal_rows(_apply_edits(base, delta), "other form")[1]["item_id"] != first[1]["item_id"]
    assert _goal_rows(pd.DataFrame(columns=["text", "due_date", "item_id"]), "t") == []
    # A date the browser garbled reaches validation as text instead of failing the page.
    garbled = _apply_edits(base, {"added_rows": [{"text": "X", "due_date": "+061215-02-02"}]})
    assert _goal_rows(garbled, "t")[-1]["due_date"] == "+061215-02-02"


# --- where the picker starts, the confirmation, the score trend's ticks --------------------


def test_the_person_picker_starts_on_the_first_person_due(reviews_db: Path) -> None:
    # Wholesale Distribution's list starts with its sales manager (who has no leader, so is
    # never due); the demo's reviews leave some of its October evaluations unwritten. The
    # picker opens on the first of those, in the people list's order, not on the manager.
    store = Store(reviews_db)
    try:
        scope = Filters(start=date(2026, 11, 1), end=DEMO_END, team_id=2)
        due = review_metrics.still_due(
            store, scope, "monthly_evaluation", date(2026, 10, 1), date(2026, 10, 31)
        )
        people = team_structure.people(store, scope)
    finally:
        store.close()
    first_due = int(due["rep_id"].iloc[0])
    assert people["role"].iloc[0] == "sales_manager" and int(people["rep_id"].iloc[0]) != first_due
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    at.selectbox(key="team").set_value("Wholesale Distribution").run()
    assert not at.exception, [e.value for e in at.exception]
    assert int(at.selectbox(key="person").value) == first_due
    assert "still due the monthly evaluation for Oct 2026" in at.selectbox(key="person").help


def test_a_submission_is_confirmed_at_the_top_of_the_form_after_the_rerun(
    reviews_db: Path,
) -> None:
    rep_id, _ = _someone_due(reviews_db)
    at = _reviews_page(rep_id)
    assert not at.success
    for score, dim in zip((4, 3, 5, 4, 2), SCORE_DIMENSIONS, strict=True):
        at.segmented_control(key=_key(rep_id, f"score-{dim}")).set_value(score)
    at.text_area(key=_key(rep_id, "strengths")).input("Calm with hard customers.")
    at.text_area(key=_key(rep_id, "areas_to_improve")).input("Log every visit.")
    at.button(key="review_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Review submitted (version 1)" in toast.value for toast in at.toast)
    assert any("Review submitted (version 1)" in s.value for s in at.success)
    at.run()  # another rerun (any widget): the confirmation is kept in session state
    assert any("Review submitted (version 1)" in s.value for s in at.success)


def test_scores_are_plotted_at_their_period_with_month_ticks(reviews_db: Path) -> None:
    import json

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/reviews.py").run()
    at.segmented_control(key="section").set_value("history").run()
    assert not at.exception, [e.value for e in at.exception]
    rep_id = int(at.selectbox(key="person").value)
    store = Store(reviews_db)
    try:
        history = review_metrics.history(store, rep_id)
    finally:
        store.close()
    monthly = history[
        (history["kind"] == "monthly_evaluation") & (history["status"] == "submitted")
    ]
    spec = next(
        json.loads(c.proto.spec) for c in at.get("plotly_chart") if "history_scores" in c.proto.id
    )
    axis = spec["layout"]["xaxis"]
    # One tick per evaluation, on the first of its month, named by that month ("Jul 2026"),
    # with no time of day: a July review sits on "Jul 2026", never on a "Jun 28" tick.
    starts = sorted(set(monthly["period_start"]))
    assert axis["tickvals"] == [s.isoformat() for s in starts]
    assert axis["ticktext"] == [f"{s:%b %Y}" for s in starts]
    assert all(s.day == 1 for s in starts)


def test_a_stale_form_shows_the_review_that_exists_and_keeps_what_was_typed(
    reviews_db: Path,
) -> None:
    from data.reviews import check_review, save_draft

    rep_id, name = _someone_due(reviews_db)
    at = _reviews_page(rep_id)
    assert any("New monthly evaluation" in m.value for m in at.markdown)
    for score, dim in zip((4, 3, 5, 4, 2), SCORE_DIMENSIONS, strict=True):
        at.segmented_control(key=_key(rep_id, f"score-{dim}")).set_value(score)
    at.text_area(key=_key(rep_id, "strengths")).input("Mine: opens every call with a plan.")
    at.text_area(key=_key(rep_id, "areas_to_improve")).input("Mine: more referrals.")
    # Meanwhile another session saves the first October evaluation of the same person.
    store = Store(reviews_db)
    try:
        theirs = check_review(
            {"rep_id": rep_id, "kind": "monthly_evaluation", "period_start": date(2026, 10, 1),
             "period_end": date(2026, 10, 31), "reviewer": "Other Lead",
             "strengths": "Theirs.", "areas_to_improve": "Theirs too."},
            status="draft", today=DEMO_END,
        )  # fmt: skip
        save_draft(store, theirs, submission_id="other-session", edited_by="Other Lead")
    finally:
        store.close()
    at.button(key="review_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    warning = next(w.value for w in at.warning if "has already written" in w.value)
    assert "Other Lead has already written this monthly evaluation for " + name in warning
    assert "(draft, version 1, saved on " in warning
    assert "nothing was saved" in warning
    # What was typed is still in the form, and nothing of it was saved.
    assert at.text_area(key=_key(rep_id, "strengths")).value == (
        "Mine: opens every call with a plan."
    )
    assert at.segmented_control(key=_key(rep_id, "score-teamwork")).value == 5
    store = Store(reviews_db)
    try:
        saved = store.rows(
            "SELECT count(DISTINCT review_id), max(notes->>'strengths') FROM reviews"
            " WHERE rep_id = $r AND period_start = '2026-10-01'",
            {"r": rep_id},
        )
    finally:
        store.close()
    assert saved == [(1, "Theirs.")]
    # Open theirs: the form edits their review, and a copy of what was typed stays beside it.
    at.button(key="review_open_existing").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Editing the draft monthly evaluation" in m.value for m in at.markdown)
    assert at.text_area(key=_key(rep_id, "strengths")).value == "Theirs."
    kept = [c.value for c in at.code]
    assert "Mine: opens every call with a plan." in kept and "Mine: more referrals." in kept
    assert any("Teamwork: 5" in c for c in kept)
    at.button(key="review_mine_close").click().run()
    assert not at.code
