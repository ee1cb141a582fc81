"""Which roles may open which page: deny by default.

Every file in pages/ is declared here with the roles that may open it; a page not declared is
opened by no one (tests/components/test_access.py fails when one is missing). app.py builds
the menu from `can_open`, and each page calls `require` first, so a page's URL opened directly
is refused too. What a role then sees on a page it may open (its team, its own numbers) is the
data scope's business (metrics/scope.py), not this module's.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.auth_session import current_user
from components.startup import set_imports_aside
from components.text import t
from data.auth import ROLES, User

EVERYONE = frozenset(ROLES)
# The pages of a signed-in user; the sign-in page itself is for no one signed in (SIGN_IN).
PAGE_ROLES: dict[str, frozenset[str]] = {
    "pages/standup.py": EVERYONE,
    "pages/kpi_trends.py": EVERYONE,
    "pages/explain.py": EVERYONE,  # as KPI Trends: its cards link here
    "pages/definitions.py": EVERYONE,
    "pages/account.py": EVERYONE,
    "pages/segments.py": frozenset({"admin", "manager", "lead", "rep"}),
    "pages/follow_ups.py": frozenset({"admin", "manager", "lead", "rep"}),
    "pages/customer.py": frozenset({"admin", "manager", "lead", "rep"}),
    "pages/incentives.py": frozenset({"admin", "manager", "lead", "rep"}),
    "pages/reviews.py": frozenset({"admin", "manager", "lead", "rep"}),
    "pages/weekly.py": frozenset({"admin", "manager", "lead", "rep"}),
    # Everyone reads the box; a viewer never posts or answers (components/suggestions_view.py).
    "pages/suggestions.py": EVERYONE,
    "pages/team.py": frozenset({"admin", "manager", "lead"}),
    # Leads plan their team's training; a rep reads their own and marks it done.
    "pages/training.py": frozenset({"admin", "manager", "lead", "rep"}),
    "pages/targets.py": frozenset({"admin", "manager", "lead"}),
    "pages/stock.py": frozenset({"admin", "manager", "lead"}),  # the stores' stock
    "pages/data.py": frozenset({"admin"}),  # replaces the company's data: admins only
    "pages/sign_in.py": frozenset(),  # open to anyone: see can_open
}
SIGN_IN = "pages/sign_in.py"


def can_open(user: User | None, page: str) -> bool:
    """True when `user` (None: no one signed in) may open `page` ("pages/data.py"). The
    sign-in page is open to everyone; every other page to the roles declared above, and a page
    not declared to no one."""
    if page == SIGN_IN:
        return True
    return user is not None and user.role in PAGE_ROLES.get(page, frozenset())


def in_menu(page: str) -> bool:
    """True when `page` is in this run's menu (app.py), the only pages st.page_link may name:
    a wall screen has no user, and each role its own pages."""
    from components.standup_controls import on_wall_screen  # it reads the data: not at import

    return can_open(None if on_wall_screen() else current_user(), page)


def pages_for(role: str) -> list[str]:
    """The pages a role may open, as declared (the sign-in page left out)."""
    return sorted(p for p, roles in PAGE_ROLES.items() if role in roles)


def menu_page(user: User | None, page: str, **options: Any) -> st.Page | None:
    """`st.Page(page, **options)` when `user` may open it, else None (left out of the menu)."""
    return st.Page(page, **options) if can_open(user, page) else None


def menu(sections: dict[str, list[st.Page | None]]) -> dict[str, list[st.Page]]:
    """The menu without the pages left out, and without a section left empty."""
    kept = {name: [p for p in pages if p is not None] for name, pages in sections.items()}
    return {name: pages for name, pages in kept.items() if pages}


def role_label(role: str) -> str:
    """A role in words: admin -> admin / 管理员."""
    return t(f"user_role.{role}")


def require(page: str) -> User | None:
    """The page's first call: the signed-in user when they may open `page` (None only on the
    sign-in page); else a refusal in words, and the page stops there. A URL opened directly is
    refused like a menu click: a fresh server's first request runs the page file without
    app.py (streamlit/streamlit#9992), so the menu alone would not be enough. Being every
    page's first call, after its imports, it is also where a new process sets them aside from
    the garbage collector (components.startup)."""
    set_imports_aside()
    user = current_user()
    if not can_open(user, page):
        if user is None:
            st.warning(t("access.sign_in_first"), icon=":material/lock:")
        else:
            st.error(t("access.refused", role=role_label(user.role)), icon=":material/block:")
        st.stop()
    return user
