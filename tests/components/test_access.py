"""Page access (components/access.py): every page declared, deny by default, the role matrix."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from components import access
from data.auth import ROLES, User

ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))

# The matrix, written out by hand (not derived from PAGE_ROLES): what each role opens.
EXPECTED = {
    "admin": {
        "pages/standup.py", "pages/kpi_trends.py", "pages/team.py", "pages/segments.py",
        "pages/incentives.py", "pages/targets.py", "pages/reviews.py", "pages/definitions.py",
        "pages/data.py", "pages/account.py",
        "pages/explain.py",  # as KPI Trends (its cards link here)
        "pages/training.py",  # leads plan their team's; a rep reads and ticks their own
        "pages/customer.py",  # the customer file: as Segments (a rep: their own customers)
        "pages/follow_ups.py",  # a follow-up list is worked by the people who own it
        "pages/weekly.py",  # each person writes their week; leads read their people's
        "pages/suggestions.py",  # everyone reads the box; a viewer never posts
        "pages/stock.py",  # the stores' stock: leads and up
    },
    "manager": {
        "pages/standup.py", "pages/kpi_trends.py", "pages/team.py", "pages/segments.py",
        "pages/incentives.py", "pages/targets.py", "pages/reviews.py", "pages/definitions.py",
        "pages/account.py",
        "pages/explain.py",  # as KPI Trends (its cards link here)
        "pages/training.py",  # leads plan their team's; a rep reads and ticks their own
        "pages/customer.py",  # the customer file: as Segments (a rep: their own customers)
        "pages/follow_ups.py",  # a follow-up list is worked by the people who own it
        "pages/weekly.py",  # each person writes their week; leads read their people's
        "pages/suggestions.py",  # everyone reads the box; a viewer never posts
        "pages/stock.py",  # the stores' stock: leads and up
    },
    "lead": {
        "pages/standup.py", "pages/kpi_trends.py", "pages/team.py", "pages/segments.py",
        "pages/incentives.py", "pages/targets.py", "pages/reviews.py", "pages/definitions.py",
        "pages/account.py",
        "pages/explain.py",  # as KPI Trends (its cards link here)
        "pages/training.py",  # leads plan their team's; a rep reads and ticks their own
        "pages/customer.py",  # the customer file: as Segments (a rep: their own customers)
        "pages/follow_ups.py",  # a follow-up list is worked by the people who own it
        "pages/weekly.py",  # each person writes their week; leads read their people's
        "pages/suggestions.py",  # everyone reads the box; a viewer never posts
        "pages/stock.py",  # the stores' stock: leads and up
    },
    "rep": {
        "pages/standup.py", "pages/kpi_trends.py", "pages/segments.py", "pages/incentives.py",
        "pages/reviews.py", "pages/definitions.py", "pages/account.py",
        "pages/explain.py",  # as KPI Trends (its cards link here)
        "pages/training.py",  # leads plan their team's; a rep reads and ticks their own
        "pages/customer.py",  # the customer file: as Segments (a rep: their own customers)
        "pages/follow_ups.py",  # a follow-up list is worked by the people who own it
        "pages/weekly.py",  # each person writes their week; leads read their people's
        "pages/suggestions.py",  # everyone reads the box; a viewer never posts
    },
    "viewer": {
        "pages/standup.py", "pages/kpi_trends.py", "pages/definitions.py", "pages/account.py",
        "pages/explain.py",  # as KPI Trends (its cards link here)
        "pages/suggestions.py",  # a viewer reads the box; never posts or answers
    },
}  # fmt: skip


def _user(role: str) -> User:
    return User(
        user_id=1, login="x", display_name="X", role=role,
        rep_id=1 if role in ("lead", "rep") else None, team_id=1 if role == "lead" else None,
        disabled=False, failed_attempts=0, locked_until=None, password_changed_at=None,
        created_at=datetime(2026, 1, 1), has_password=True,
    )  # fmt: skip


def test_every_page_file_is_declared_and_nothing_else() -> None:
    assert set(access.PAGE_ROLES) == set(PAGE_FILES)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_checks_access_itself_first(page: str) -> None:
    # Opening a page's URL directly runs the file: it must refuse on its own.
    assert f'access.require("{page}")' in (ROOT / page).read_text("utf-8")


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role: str) -> None:
    assert set(access.pages_for(role)) == EXPECTED[role]
    user = _user(role)
    for page in PAGE_FILES:
        allowed = page in EXPECTED[role] or page == access.SIGN_IN
        assert access.can_open(user, page) is allowed, (role, page)


def test_no_one_signed_in_opens_only_the_sign_in_page() -> None:
    assert [p for p in PAGE_FILES if access.can_open(None, p)] == ["pages/sign_in.py"]


def test_a_page_not_declared_is_opened_by_no_one() -> None:
    for role in ROLES:
        assert not access.can_open(_user(role), "pages/not_declared.py")


def test_only_an_admin_opens_the_data_page() -> None:
    assert [r for r in ROLES if access.can_open(_user(r), "pages/data.py")] == ["admin"]
