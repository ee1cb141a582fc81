"""The company profile: name, fiscal year start and time zone, checked before anything is
saved, each refusal a sentence naming the bad value (in English and Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import company_profile
from data.errors import HuddleDataError
from data.messages import Message
from data.store import Store


def _refusal(call: object, *args: object, **kwargs: object) -> HuddleDataError:
    with pytest.raises(HuddleDataError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


def test_a_new_database_has_no_profile(tmp_path: Path) -> None:
    assert company_profile.stored_profile(Store(tmp_path / "c.duckdb")) == (
        company_profile.CompanyProfile(None, None, None)
    )


def test_the_profile_is_saved_trimmed_and_read_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.duckdb")
    saved = company_profile.set_profile(
        store, name="  Acme \n Trading  ", fiscal_year_start="4", time_zone=" Asia/Shanghai "
    )
    assert saved == company_profile.CompanyProfile("Acme Trading", 4, "Asia/Shanghai")
    # Setting one leaves the others as they were.
    company_profile.set_profile(store, fiscal_year_start=10)
    assert company_profile.stored_profile(store) == (
        company_profile.CompanyProfile("Acme Trading", 10, "Asia/Shanghai")
    )


@pytest.mark.parametrize("month", [0, 13, "13", "-1", "April", "4.5", ""])
def test_a_month_outside_1_to_12_is_refused_by_name(month: object) -> None:
    error = _refusal(company_profile.checked_month, month)
    assert error.key == "settings.fiscal_month_bad"
    assert str(error) == (
        f"'{month}' is not a month: the fiscal year's first month is a number from 1 (January) "
        "to 12 (December). Nothing was changed."
    )


@pytest.mark.parametrize("month", [1, 12, "1", " 12 "])
def test_months_1_and_12_are_the_edges(month: object) -> None:
    assert company_profile.checked_month(month) == int(str(month))  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", ["Mars/Olympus", "asia/shanghai", "", "../etc/passwd", "GMT+8"])
def test_an_unknown_time_zone_is_refused_by_name(zone: str) -> None:
    error = _refusal(company_profile.checked_time_zone, zone)
    assert error.key == "settings.time_zone_unknown"
    assert str(error).startswith(f"'{zone}' is not a time zone Huddle knows")
    assert f"“{zone}”不是 Huddle 认识的时区" in Message(error.key, **error.values).text("zh")


def test_names_are_trimmed_non_empty_and_at_most_80_characters() -> None:
    assert company_profile.checked_name("  Maven  CRM ") == "Maven CRM"
    assert company_profile.checked_name("x" * 80) == "x" * 80  # exactly the limit
    assert _refusal(company_profile.checked_name, " \t ").key == "settings.company_name_empty"
    error = _refusal(company_profile.checked_name, "y" * 81)
    assert error.key == "settings.company_name_too_long"
    assert "is 81 characters long, over the limit of 80" in str(error)


def test_one_bad_value_saves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.duckdb")
    company_profile.set_profile(store, name="Acme", fiscal_year_start=1, time_zone="UTC")
    with pytest.raises(HuddleDataError):
        company_profile.set_profile(store, name="Beta", fiscal_year_start=4, time_zone="Nowhere")
    assert company_profile.stored_profile(store) == company_profile.CompanyProfile("Acme", 1, "UTC")


def test_an_import_proposes_a_name_only_when_there_is_none() -> None:
    # The preset's title, else the file's name without its extension; cut to 80 characters.
    assert company_profile.default_name("Tableau Sample - Superstore", "x.csv") == (
        "Tableau Sample - Superstore"
    )
    assert company_profile.default_name(None, "Sample - Superstore.csv") == "Sample - Superstore"
    assert len(company_profile.default_name(None, "z" * 200 + ".csv")) == 80
