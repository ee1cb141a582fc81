"""The company profile: its name, the month its fiscal year starts and its time zone.

Like the currency (data/settings.py) these are facts of the company's data, kept as rows of
company_settings. The name is proposed by the first import (the preset's title, else the
file's name) and can be edited; the fiscal year start and time zone are stored and shown only:
no period is computed from them yet.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from functools import cache

import duckdb

from data import audit
from data.errors import HuddleDataError
from data.store import Store

NAME = "company_name"
FISCAL_YEAR_START = "fiscal_year_start"
TIME_ZONE = "time_zone"
PROFILE_SETTINGS = (NAME, FISCAL_YEAR_START, TIME_ZONE)
NAME_MAX_LENGTH = 80  # fits a page title and a sentence
DEFAULT_FISCAL_YEAR_START = 1  # January: the calendar year
DEFAULT_TIME_ZONE = "UTC"


@dataclass(frozen=True)
class CompanyProfile:
    """The profile as stored; a setting never written is None (see the defaults above)."""

    name: str | None = None
    fiscal_year_start: int | None = None
    time_zone: str | None = None


@cache
def time_zones() -> tuple[str, ...]:
    """Every IANA time zone name this machine knows, sorted."""
    return tuple(sorted(zoneinfo.available_timezones()))


def checked_name(name: str) -> str:
    """The name trimmed, or a HuddleDataError naming what is wrong with it."""
    cleaned = " ".join(str(name).split())  # no line breaks or runs of spaces in a title
    if not cleaned:
        raise HuddleDataError.of("settings.company_name_empty")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise HuddleDataError.of(
            "settings.company_name_too_long", name=cleaned, length=len(cleaned),
            limit=NAME_MAX_LENGTH,
        )  # fmt: skip
    return cleaned


def checked_month(value: int | str) -> int:
    """A month number 1-12 (text such as "4" is read), or a HuddleDataError naming the value."""
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 12:
        raise HuddleDataError.of("settings.fiscal_month_bad", value=value)
    return int(text)


def checked_time_zone(name: str) -> str:
    """An IANA time zone name exactly as zoneinfo knows it, or a HuddleDataError naming it."""
    cleaned = str(name).strip()
    if cleaned not in time_zones():
        raise HuddleDataError.of("settings.time_zone_unknown", value=name)
    return cleaned


def _write(con: duckdb.DuckDBPyConnection, name: str, value: str) -> None:
    con.execute(
        "INSERT INTO company_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
        " SET value = excluded.value, updated_at = now()",
        [name, value],
    )


def stored_profile(store: Store) -> CompanyProfile:
    """The profile as stored (an unreadable stored value counts as not set)."""
    rows = dict(
        store.rows(
            "SELECT name, value FROM company_settings WHERE name IN (?, ?, ?)",
            list(PROFILE_SETTINGS),
        )
    )
    month = str(rows.get(FISCAL_YEAR_START) or "")
    zone = rows.get(TIME_ZONE)
    valid_month = month.isdigit() and 1 <= int(month) <= 12
    return CompanyProfile(
        name=rows.get(NAME) or None,
        fiscal_year_start=int(month) if valid_month else None,
        time_zone=zone if zone in time_zones() else None,
    )


def company_name_in(con: duckdb.DuckDBPyConnection) -> str | None:
    """The company's name inside the caller's transaction, or None when it has none."""
    found = con.execute("SELECT value FROM company_settings WHERE name = ?", [NAME]).fetchall()
    return str(found[0][0]) if found and found[0][0] else None


def set_profile(
    store: Store, *, name: str | None = None, fiscal_year_start: int | str | None = None,
    time_zone: str | None = None, actor: int | None = None, via: str | None = None,
) -> CompanyProfile:  # fmt: skip
    """Set the settings given, all or none: every value is checked before anything is
    written, so one bad value leaves the profile as it was; the audit row
    (settings.company_profile, by `actor`, the values set; `via` says where from, e.g. "cli")
    commits with them. Returns the
    profile stored."""
    values: dict[str, str] = {}
    if name is not None:
        values[NAME] = checked_name(name)
    if fiscal_year_start is not None:
        values[FISCAL_YEAR_START] = str(checked_month(fiscal_year_start))
    if time_zone is not None:
        values[TIME_ZONE] = checked_time_zone(time_zone)
    with store.transaction() as cur:
        before = {
            str(setting): value
            for setting, value in cur.execute(
                "SELECT name, value FROM company_settings WHERE name IN (SELECT unnest(?))",
                [list(values)],
            ).fetchall()
        }
        for setting, value in values.items():
            _write(cur, setting, value)
        if values:  # nothing given, nothing written
            details: dict[str, object] = {"before": before, "after": values}
            if via is not None:
                details["via"] = via
            audit.record(cur, actor, "settings.company_profile", "setting", None, details)
    return stored_profile(store)


def default_name(title: str | None, file_name: str) -> str:
    """The name an import proposes: the preset's title, else the file's name without its
    extension, trimmed to fit (a long file name must not stop an import)."""
    proposed = " ".join((title or file_name.rsplit(".", 1)[0]).split())
    return proposed[:NAME_MAX_LENGTH].strip()


def propose_name(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Name the company inside the caller's transaction only when it has no name yet (the
    first import names it; a name the lead chose stands)."""
    if name:
        con.execute(
            "INSERT INTO company_settings (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO NOTHING",
            [NAME, name],
        )


def clear_profile(con: duckdb.DuckDBPyConnection) -> None:
    """Forget the profile inside the caller's transaction (its company is being replaced)."""
    con.execute("DELETE FROM company_settings WHERE name IN (?, ?, ?)", list(PROFILE_SETTINGS))
