"""The string catalogue: both languages complete, key for key and placeholder for placeholder."""

from __future__ import annotations

import re
import string
import unicodedata

import pytest

from components import text
from data import messages as data_messages
from data.importing import messages as import_messages
from metrics import messages as metrics_messages

PARTS = [*text.PARTS, data_messages, import_messages, metrics_messages]


def _literal(template: str) -> str:
    """The text of `template` outside its {placeholders}."""
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__name__)
def test_every_key_is_in_both_languages(part) -> None:
    missing_in_zh = sorted(set(part.EN) - set(part.ZH))
    missing_in_en = sorted(set(part.ZH) - set(part.EN))
    assert not missing_in_zh, f"{part.__name__}: no Chinese for {missing_in_zh}"
    assert not missing_in_en, f"{part.__name__}: no English for {missing_in_en}"


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__name__)
def test_both_languages_fill_the_same_placeholders(part) -> None:
    differ = {
        key: (_placeholders(part.EN[key]), _placeholders(part.ZH[key]))
        for key in set(part.EN) & set(part.ZH)
        if _placeholders(part.EN[key]) != _placeholders(part.ZH[key])
    }
    assert not differ, f"{part.__name__}: placeholders differ: {differ}"


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__name__)
def test_chinese_strings_are_written_in_chinese(part) -> None:
    """A ZH entry with no CJK character is English copied over, unless it is a name or symbol."""
    untranslated = [
        key
        for key, value in part.ZH.items()
        if any(c.isalpha() for c in _literal(value))
        and not any("\u4e00" <= c <= "\u9fff" for c in value)
        and value not in LANGUAGE_NEUTRAL
    ]
    assert not untranslated, f"{part.__name__}: English left in ZH: {untranslated}"


def _punctuation(c: str) -> bool:
    return unicodedata.category(c)[0] in "PS"


def _bold_that_shows_asterisks(value: str) -> list[str]:
    """Bold spans Markdown cannot close or open: CommonMark ends `**` after punctuation only
    when whitespace, punctuation or the end follows (and starts one before punctuation only
    after the like), so "**负责人：**回访" shows its asterisks. Chinese has no spaces to help.
    A {placeholder} is read as a word (a name, a number)."""
    value = "".join(text + ("x" if name is not None else "") for text, name, *_ in
                    string.Formatter().parse(value))  # fmt: skip
    wrong = []
    for match in re.finditer(r"\*\*(.+?)\*\*", value):
        inner, before, after = match.group(1), value[: match.start()], value[match.end() :]
        if _punctuation(inner[-1]) and after and not (after[0].isspace() or _punctuation(after[0])):
            wrong.append(match.group(0) + after[:3])
        if (
            _punctuation(inner[0])
            and before
            and not (before[-1].isspace() or _punctuation(before[-1]))
        ):
            wrong.append(before[-3:] + match.group(0))
    return wrong


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.__name__)
def test_bold_text_is_bold_in_both_languages(part) -> None:
    wrong = {
        f"{language} {key}": found
        for language, catalogue in (("EN", part.EN), ("ZH", part.ZH))
        for key, value in catalogue.items()
        if (found := _bold_that_shows_asterisks(value))
    }
    assert not wrong, f"{part.__name__}: bold that would show its asterisks: {wrong}"


# Strings the same in both languages: names, abbreviations and file formats.
LANGUAGE_NEUTRAL = {"Huddle", "CSV", "XLSX", "TSV", "Parquet", "RFM", "NPS", "KPI", "Markdown"}


def test_switching_language_changes_the_text() -> None:
    with text.use_language("zh"):
        assert text.kpi_label("average_order_value") == "客单价"
        assert text.kpi_label("repeat_purchase_rate") == "复购率"
    assert text.kpi_label("average_order_value") == "Average order value"


def test_an_error_with_a_key_is_shown_in_the_current_language() -> None:
    from data.errors import HuddleDataError

    key = next(iter(data_messages.EN), None)
    if key is None:
        pytest.skip("no keyed data-layer message yet")
    values = {name: "x" for name in _placeholders(data_messages.EN[key])}
    error = HuddleDataError.of(key, **values)
    assert str(error) == data_messages.EN[key].format(**values)
    with text.use_language("zh"):
        assert text.error_text(error) == data_messages.ZH[key].format(**values)


def test_plan_names_given_in_chinese_are_read_in_chinese() -> None:
    from metrics.incentive_plan import parse_plan

    plan = parse_plan(
        """
        [[plans]]
        effective_from = 2026-01-01
        name = "2026 plan"
        name_zh = "2026年方案"
        [plans.commission]
        tiers = [{ from_pct = 0, rate_pct = 2 }]
        [[plans.awards]]
        id = "champion"
        name = "Champion"
        rule = "highest"
        prize_note = "a trophy"
        """
    )
    version, award = plan.plans[0], plan.plans[0].awards[0]
    with text.use_language("zh"):
        assert text.in_language(version, "name") == "2026年方案"
        assert text.in_language(award, "name") == "Champion"  # no name_zh: as written
    assert text.in_language(version, "name") == "2026 plan"
    assert text.in_language(award, "prize_note") == "a trophy"


def test_every_catalogue_module_joins_the_catalogue() -> None:
    from pathlib import Path

    folder = Path(text.__file__).parent
    on_disk = {f"components.{p.stem}" for p in folder.glob("text_*.py")}
    assert on_disk == {part.__name__ for part in text.PARTS}


def test_every_import_field_has_a_heading_in_both_languages() -> None:
    """The Data page's mapping table names each field with column_label."""
    from data.importing.fields import TABLES, import_table

    names = {name for table in TABLES for name in import_table(table).field_names}
    keys = {name: (f"col.{name}", f"kpi.{name}.label", f"dim.{name}") for name in names}
    unnamed = sorted(n for n, options in keys.items() if not any(k in text.EN for k in options))
    assert not unnamed, f"import fields without a heading: {unnamed}"


def test_a_long_list_of_names_counts_the_rest_instead_of_dropping_them() -> None:
    names = ["Ann", "Bo", "Cy", "Di"]
    assert text.join_names(names) == "Ann, Bo, Cy, Di"
    assert text.join_names(names, limit=4) == "Ann, Bo, Cy, Di"
    assert text.join_names(names, limit=2) == "Ann, Bo and 2 more"
    # Given only the names shown, and how many there are: the same sentence.
    assert text.join_names(names[:2], limit=2, total=4) == "Ann, Bo and 2 more"
    assert text.join_names(names[:2], limit=2, total=2) == "Ann, Bo"
    with text.use_language("zh"):
        assert text.join_names(["安", "博", "岑"], limit=1) == "安，另有2个"
