"""The Data page's company profile form: the company's name, the month its fiscal year starts
and its time zone (data/company_profile.py), saved together with a visible confirmation; and
the choice an import offers when its file looks like another company's (company_match)."""

from __future__ import annotations

import streamlit as st

from components import cache
from components.auth_session import actor_id, current_user
from components.backup_view import backup_first
from components.text import error_text, t
from data import company_profile
from data.errors import HuddleDataError
from data.importing.errors import CompanyMismatchError

_MONTHS = tuple(range(1, 13))


def profile_section() -> None:
    """The profile form; nothing is saved until Save, and a bad value saves nothing."""
    store = cache.get_store()
    profile = company_profile.stored_profile(store)
    month = profile.fiscal_year_start or company_profile.DEFAULT_FISCAL_YEAR_START
    zone = profile.time_zone or company_profile.DEFAULT_TIME_ZONE
    with st.expander(t("company.header"), expanded=profile.name is None):
        if profile.name is None:
            st.caption(t("company.name.unset"))
        with st.form("data.company", border=False):
            name = st.text_input(
                t("company.name"),
                value=profile.name or "",
                max_chars=company_profile.NAME_MAX_LENGTH,
                help=t("company.name.help"),
                key="data.company.name",
            )
            left, right = st.columns(2)
            chosen_month = left.selectbox(
                t("company.fiscal_year_start"),
                _MONTHS,
                index=_MONTHS.index(month),
                format_func=lambda m: t(f"company.month.{m}"),
                help=t("company.fiscal_year_start.help"),
                key="data.company.month",
            )
            # Typed, not picked from ~600 names: set_profile checks it against zoneinfo's.
            chosen_zone = right.text_input(
                t("company.time_zone"),
                value=zone,
                help=t("company.time_zone.help"),
                key="data.company.zone",
            )
            saved = st.form_submit_button(t("company.save"), key="data.company.save")
        if saved:
            try:
                stored = company_profile.set_profile(
                    store, name=name, fiscal_year_start=chosen_month, time_zone=chosen_zone,
                    actor=actor_id(current_user()),
                )  # fmt: skip
            except HuddleDataError as error:
                st.error(error_text(error))
                return
            st.success(
                t(
                    "company.saved",
                    name=stored.name,
                    month=t(f"company.month.{stored.fiscal_year_start}"),
                    zone=stored.time_zone,
                ),
                icon=":material/check_circle:",
            )


def mismatch_choice(refusal: CompanyMismatchError, file_key: str) -> str | None:
    """Below the refusal of a file that looks like another company's: "add" to the company
    anyway, "replace" its data (with the backup offered first), or None until the lead picks.
    Keyed per file, so a choice made for one file is never carried over to the next."""
    company = refusal.company or t("company.this")
    choice = st.radio(
        t("company.mismatch.choice"),
        [None, "add", "replace"],
        format_func=lambda c: (
            t("company.mismatch.none") if c is None else t(f"company.mismatch.{c}", company=company)
        ),
        key=f"data.company.mismatch.{file_key}",
    )
    st.caption(t("company.mismatch.rule"))
    if choice is None:
        st.caption(t("company.mismatch.other_db"))
    elif choice == "replace":
        backup_first("data.company.replace_backup")
    return choice
