"""The Targets editor's bookkeeping: what a changed cell does to the kept edits."""

from __future__ import annotations

from components.targets_view import _bounds, merge_edits

REPS = [11, 12, 13]  # the editor's rows, in order


def test_a_typed_target_is_kept_in_cents() -> None:
    merged = merge_edits({}, {0: {"target": 1234.565}}, REPS, "revenue")
    assert merged == {11: {"target": 123457}}  # half-up to the cent


def test_counts_stay_whole_units() -> None:
    assert merge_edits({}, {2: {"target": 7}}, REPS, "won_deals") == {13: {"target": 7}}


def test_unticking_set_by_hand_releases_the_target_but_keeps_bounds() -> None:
    kept = {12: {"target": 500, "floor": 100}}
    merged = merge_edits(kept, {1: {"by_hand": False}}, REPS, "revenue")
    assert merged == {12: {"floor": 100}}
    assert kept == {12: {"target": 500, "floor": 100}}, "the old edits are not changed in place"


def test_clearing_the_last_bound_forgets_the_person() -> None:
    merged = merge_edits({11: {"cap": 900}}, {0: {"cap": None}}, REPS, "revenue")
    assert merged == {}


def test_floors_and_caps_join_earlier_edits() -> None:
    merged = merge_edits({11: {"target": 5}}, {0: {"floor": 1.0}, 2: {"cap": 2}}, REPS, "revenue")
    assert merged == {11: {"target": 5, "floor": 100}, 13: {"cap": 200}}


def test_edits_become_one_kind_of_bound_in_rep_id_order() -> None:
    """The split request is keyed on them: the same edits made in another order share it."""
    edits = {13: {"target": 7, "cap": 9}, 11: {"target": 5, "floor": None}, 12: {"floor": 1}}
    assert _bounds(edits, "target") == ((11, 5), (13, 7))
    assert _bounds(edits, "floor") == ((12, 1),)  # a cleared floor (None) is no bound
    assert _bounds(dict(reversed(list(edits.items()))), "target") == ((11, 5), (13, 7))


def test_a_target_file_exported_in_chinese_reads_back() -> None:
    """The Chinese headings the page writes are the ones data.targets reads back."""
    from components.text import t, use_language
    from data.targets import TARGET_FILE_COLUMNS, read_target_file

    with use_language("zh"):
        headings = [t(f"targets.file.col.{c}") for c in (*TARGET_FILE_COLUMNS, "name")]
    content = (
        ",".join(headings) + "\n"
        "2026-12-01,2026-12-31,revenue,rep,7,1234.5,王伟\n"
        "2026-12-01,2026-12-31,revenue,company,,9000,全公司\n"
    ).encode("utf-8-sig")
    rows = read_target_file(content, "目标.csv", {"revenue": 100})
    assert [(r.scope, r.scope_id, r.value) for r in rows] == [
        ("rep", 7, 123450),
        ("company", None, 900000),
    ]


def test_a_period_is_named_as_a_month_a_quarter_or_a_run_of_months() -> None:
    from datetime import date

    from components.targets_view import period_label
    from components.text import t, use_language

    quarter = (date(2027, 1, 1), date(2027, 3, 31))
    with use_language("en"):
        assert t("targets.default_name", period=period_label(*quarter)) == "Plan for Q1 2027"
        assert period_label(date(2026, 12, 1), date(2026, 12, 31)) == "Dec 2026"
        # Three months that are not a calendar quarter are a run of months.
        assert period_label(date(2026, 12, 1), date(2027, 2, 28)) == "Dec 2026 – Feb 2027"
    with use_language("zh"):
        assert t("targets.default_name", period=period_label(*quarter)) == "2027年第1季度计划"
