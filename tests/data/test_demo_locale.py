"""The demo company in Simplified Chinese: Chinese words everywhere, the very same numbers."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from data.demo import CANONICAL_TABLES, DEMO_LOCALES, DemoSummary, generate_demo, resolve_locale
from data.demo_reviews import REVIEW_LOCALES, generate_demo_reviews
from data.store import Store
from tests.cheap_hashes import cheap_password_hashes as cheap_password_hashes
from tests.cli_run import run_cli

END = date(2025, 6, 15)
ORDERS = 3_000
SEED = 11
TABLES = (*CANONICAL_TABLES, "review_action_events")
# Codes the interface translates: they stay the same in every locale. Every other text column
# holds words, and must be in the demo's language.
CODE_COLUMNS: dict[str, set[str]] = {
    "teams": {"channel"},
    "reps": {"role"},
    "customers": {"tier", "channel"},
    "orders": {"order_id", "status"},
    "deals": {"deal_id", "stage"},
    "activities": {"kind"},
    "feedback": {"kind"},
    "targets": {"scope", "metric", "scenario"},
    "reviews": {"review_id", "submission_id", "kind", "status"},
    "review_action_events": {"event_id", "review_id", "item_id"},
}
# The word columns the generator is known to fill, so the checks below cannot pass vacuously.
WORD_COLUMNS = {
    ("teams", "name"), ("reps", "name"), ("customers", "name"), ("customers", "industry"),
    ("customers", "region"), ("customers", "city"), ("customers", "size_band"),
    ("products", "name"), ("products", "category"), ("deals", "lost_reason"),
    ("activities", "outcome"), ("feedback", "text"), ("reviews", "reviewer"),
    ("reviews", "edited_by"), ("reviews", "change_note"), ("review_action_events", "changed_by"),
}  # fmt: skip
NOTE_FIELDS = ("strengths", "areas_to_improve", "training_plan", "career_notes")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _build(path: Path, locale: str) -> tuple[Store, DemoSummary]:
    store = Store(path)
    return store, generate_demo(store, orders=ORDERS, seed=SEED, end_date=END, locale=locale)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, DemoSummary]]:
    store, summary = _build(tmp_path_factory.mktemp("en") / "demo.duckdb", "en")
    yield store, summary
    store.close()


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, DemoSummary]]:
    store, summary = _build(tmp_path_factory.mktemp("zh") / "demo.duckdb", "zh_CN")
    yield store, summary
    store.close()


def _word_columns(store: Store) -> list[tuple[str, str]]:
    """Every VARCHAR column of the demo's tables that is not a code column."""
    columns = store.rows(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE data_type = 'VARCHAR' AND table_schema = 'main' ORDER BY ALL"
    )
    return [(t, c) for t, c in columns if t in TABLES and c not in CODE_COLUMNS.get(t, set())]


def _notes(store: Store) -> list[dict[str, object]]:
    return [
        json.loads(n)
        for (n,) in store.rows("SELECT notes FROM reviews ORDER BY review_id, version")
    ]


def _assert_chinese(values: list[str], where: str) -> None:
    english = [v for v in values if LATIN.search(v)]
    assert not english, f"{where} has English: {english[:5]}"
    without = [v for v in values if not CJK.search(v)]
    assert not without, f"{where} has text without Chinese: {without[:5]}"


# --- words -----------------------------------------------------------------------------------


def test_every_word_column_is_chinese(chinese: tuple[Store, DemoSummary]) -> None:
    store = chinese[0]
    columns = _word_columns(store)
    assert set(columns) >= WORD_COLUMNS, "a word column went missing from the check"
    for table, column in columns:
        values = [v for (v,) in store.rows(f"SELECT DISTINCT {column} FROM {table}") if v]
        if (table, column) in WORD_COLUMNS:
            assert values, f"{table}.{column} is empty"
        _assert_chinese(values, f"{table}.{column}")


def test_review_notes_and_goals_are_chinese(chinese: tuple[Store, DemoSummary]) -> None:
    notes = _notes(chinese[0])
    assert notes
    for field in NOTE_FIELDS:
        values = [str(n[field]) for n in notes if n[field]]
        assert values, f"no review has {field}"
        _assert_chinese(values, f"reviews.notes.{field}")
    goals = [str(g["text"]) for n in notes for g in n["goals"]]  # type: ignore[attr-defined]
    assert goals
    _assert_chinese(goals, "reviews.notes.goals")


def test_english_demo_is_still_english(english: tuple[Store, DemoSummary]) -> None:
    store = english[0]
    for table, column in WORD_COLUMNS:
        values = [v for (v,) in store.rows(f"SELECT DISTINCT {column} FROM {table}") if v]
        assert values and all(not CJK.search(v) for v in values), f"{table}.{column}"
        assert any(LATIN.search(v) for v in values), f"{table}.{column}"


def test_chinese_names_are_written_the_chinese_way(chinese: tuple[Store, DemoSummary]) -> None:
    store = chinese[0]
    reps = store.query("SELECT name FROM reps")["name"]
    assert reps.is_unique
    assert reps.str.fullmatch(r"[\u4e00-\u9fff]{2,3}").all(), "surname and given name, no space"
    customers = store.query("SELECT name, industry, city FROM customers")
    assert customers["name"].is_unique
    assert not customers["name"].str.contains(" ").any()
    # A consumer is three characters (王建华), maybe with a namesake's city; a business is more.
    base = customers["name"].str.replace(r"（.+）\d*$", "", regex=True)
    assert base.str.len().min() == 3
    businesses = customers[base.str.len() > 3]
    assert len(businesses) > 0
    # A business is registered in its city: 杭州蓝港商贸有限公司.
    assert all(n.startswith(c) for n, c in zip(businesses["name"], businesses["city"], strict=True))
    teams = store.query("SELECT name, channel FROM teams WHERE parent_id IS NULL")
    assert teams["name"].is_unique and len(teams) == 4


# --- numbers ---------------------------------------------------------------------------------


def test_same_seed_gives_the_same_numbers_in_both_locales(
    english: tuple[Store, DemoSummary], chinese: tuple[Store, DemoSummary]
) -> None:
    (en, en_summary), (zh, zh_summary) = english, chinese
    assert en_summary == zh_summary
    assert zh_summary.orders == ORDERS and zh_summary.reviews > 0
    words = set(_word_columns(en)) | {("reviews", "notes")}
    for table in TABLES:
        assert en.scalar(f"SELECT count(*) FROM {table}") == zh.scalar(
            f"SELECT count(*) FROM {table}"
        ), table
        columns = [c for c in en.query(f"SELECT * FROM {table} LIMIT 0").columns]
        kept = ", ".join(c for c in columns if (table, c) not in words)
        pd.testing.assert_frame_equal(
            en.query(f"SELECT {kept} FROM {table} ORDER BY ALL"),
            zh.query(f"SELECT {kept} FROM {table} ORDER BY ALL"),
            obj=table,
        )
    for sql in (
        "SELECT sum(net_amount_cents), sum(cost_cents), sum(quantity) FROM orders",
        "SELECT sum(amount_cents), count(lost_reason) FROM deals",
        "SELECT sum(value) FROM targets",
    ):
        assert en.rows(sql) == zh.rows(sql), sql
    # The goals in the notes keep their ids and due dates; only their text is translated.
    assert _goal_shape(en) == _goal_shape(zh)


def _goal_shape(store: Store) -> list[list[tuple[object, object]]]:
    return [[(g["item_id"], g["due_date"]) for g in n["goals"]] for n in _notes(store)]  # type: ignore[attr-defined]


def test_words_line_up_with_the_english_ones(
    english: tuple[Store, DemoSummary], chinese: tuple[Store, DemoSummary]
) -> None:
    # Same draws, so each Chinese product, region or lost reason translates one English one.
    for sql, key in (
        ("SELECT product_id, name, category FROM products", "product_id"),
        ("SELECT customer_id, region, city, industry, size_band FROM customers", "customer_id"),
        ("SELECT deal_id, lost_reason FROM deals WHERE stage = 'lost'", "deal_id"),
        ("SELECT activity_id, outcome FROM activities", "activity_id"),
    ):
        pairs = english[0].query(sql).merge(chinese[0].query(sql), on=key, suffixes=("", "_zh"))
        assert len(pairs) == len(english[0].query(sql)) > 0, sql
        for column in (c for c in pairs.columns if c != key and not c.endswith("_zh")):
            translated = pairs.groupby(column)[f"{column}_zh"].nunique()
            back = pairs.groupby(f"{column}_zh")[column].nunique()
            assert (translated == 1).all() and (back == 1).all(), f"{column} is not one-to-one"


# --- locale codes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "code"),
    [("en", "en"), ("en_US", "en"), ("en-us", "en"), ("zh_CN", "zh_CN"), ("zh", "zh_CN"),
     ("zh-CN", "zh_CN")],
)  # fmt: skip
def test_locale_codes_and_aliases(given: str, code: str) -> None:
    assert resolve_locale(given) == code


def test_every_demo_locale_has_review_texts() -> None:
    assert set(DEMO_LOCALES) == set(REVIEW_LOCALES) == {"en", "zh_CN"}


@pytest.mark.parametrize("locale", ["fr", "zh_TW", "", "english"])
def test_unknown_locale_is_refused_naming_the_known_ones(tmp_path: Path, locale: str) -> None:
    store = Store(tmp_path / "demo.duckdb")
    with pytest.raises(ValueError, match="locale") as refused:
        generate_demo(store, orders=10, end_date=END, locale=locale)
    assert "en" in str(refused.value) and "zh_CN" in str(refused.value)
    assert repr(locale) in str(refused.value)
    assert store.is_empty()


def test_demo_reviews_refuse_an_unknown_locale(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="zh_CN"):
        generate_demo_reviews(Store(tmp_path / "demo.duckdb"), END, locale="fr")


def test_an_alias_builds_the_same_company(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo.duckdb")
    generate_demo(store, orders=1, seed=SEED, end_date=END, locale="zh")
    _assert_chinese([n for (n,) in store.rows("SELECT name FROM teams")], "teams.name")


# --- the command line -------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS`, run in this process (tests/cli_run.py)."""
    return run_cli(*args)


def test_cli_builds_the_chinese_demo(tmp_path: Path) -> None:
    path = tmp_path / "zh.duckdb"
    done = _cli("demo", "--locale", "zh_CN", "--orders", "2000", "--end-date", "2025-06-15",
                "--db", str(path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Built the demo company" in done.stdout and "2,000 order lines" in done.stdout
    store = Store(path)
    try:
        assert store.scalar("SELECT count(*) FROM orders") == 2000
        for table, column in (("teams", "name"), ("products", "name"), ("feedback", "text")):
            values = [v for (v,) in store.rows(f"SELECT DISTINCT {column} FROM {table}")]
            _assert_chinese(values, f"{table}.{column}")
    finally:
        store.close()


def test_cli_if_missing_builds_in_the_chosen_locale(tmp_path: Path) -> None:
    path = tmp_path / "fresh.duckdb"
    done = _cli("demo", "--if-missing", "--locale", "zh", "--orders", "500", "--db", str(path))
    assert done.returncode == 0, done.stderr
    store = Store(path)
    try:
        _assert_chinese([n for (n,) in store.rows("SELECT name FROM reps")], "reps.name")
    finally:
        store.close()
    again = _cli("demo", "--if-missing", "--locale", "en", "--db", str(path))
    assert again.returncode == 0 and "already has data" in again.stdout


def test_cli_refuses_an_unknown_locale_in_words(tmp_path: Path) -> None:
    path = tmp_path / "never.duckdb"
    done = _cli("demo", "--locale", "fr", "--orders", "100", "--db", str(path))
    assert done.returncode == 2
    assert "Unknown demo locale 'fr'" in done.stderr
    assert "en" in done.stderr and "zh_CN" in done.stderr
    assert "Traceback" not in done.stderr
    assert not path.exists(), "nothing is built for a locale there is none of"


def test_cli_help_describes_the_locale_option() -> None:
    done = _cli("demo", "--help")
    assert done.returncode == 0
    assert "--locale" in done.stdout and "zh_CN" in done.stdout
