"""The setup checklist (Data page and stand-up) and the notes that send a company without
targets to the Targets page.

The facts come from metrics.setup_checklist through the cache (the request SetupItems);
this module only says them, each missing item with one link to its fix.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from components import cache
from components.format import format_date, format_value
from components.standup_controls import presenting
from components.text import join_names, t, t_count
from metrics.incentive_plan import plan_chosen
from metrics.setup_checklist import (
    Fix,
    ItemId,
    SetupItem,
    SetupItems,
    has_official_targets,
    not_imported_for,
    nothing_imported,
    setup_done,
)

HIDDEN_KEY = "setup_checklist_hidden"  # set by the stand-up's "hide for this session"

# Where each kind of item is put right: the Data page's import, the Targets page, and the
# Incentives page (which says how to name a plan).
FIX_PAGES: dict[Fix, str] = {
    "import": "pages/data.py",
    "targets": "pages/targets.py",
    "plan": "pages/incentives.py",
}
FIX_ICONS: dict[Fix, str] = {
    "import": ":material/upload_file:",
    "targets": ":material/tune:",
    "plan": ":material/emoji_events:",
}


def setup_items() -> list[SetupItem]:
    """The checklist's items (cached until the data changes); empty for the demo company.
    Whether a plan is named (HUDDLE_PLAN) is part of the key, so naming one shows at once."""
    return list(cache.fetch(SetupItems(plan_chosen=plan_chosen())))


def none_imported(item: ItemId) -> bool:
    """Whether the company imported no row at all of `item` (never the demo)."""
    return nothing_imported(setup_items(), item)


def kpi_not_imported(kpi_id: str) -> tuple[ItemId, ...]:
    """The tables a KPI reads of which the company imported nothing (never the demo)."""
    return not_imported_for(setup_items(), kpi_id)


def company_has_targets() -> bool:
    """Whether the company has any official target at all (the demo always has)."""
    return has_official_targets(setup_items())


def targets_link() -> None:
    """One click to the Targets page."""
    st.page_link(FIX_PAGES["targets"], label=t("setup.fix.targets"), icon=FIX_ICONS["targets"])


def _missing(item: SetupItem, *, on_data_page: bool) -> None:
    """A missing item: its name, what it unlocks, the pages that need it, and its fix."""
    name = t(f"setup.item.{item.id}")
    if not item.required:
        name = t("setup.optional", name=name)
    pages = join_names(t(f"page.{page}") for page in item.pages)
    line = t(
        "setup.item_line",
        name=f"**{name}**",
        unlock=t(f"setup.unlock.{item.id}"),
        needed=t("setup.needed_by", pages=pages),
    )
    st.markdown(f":material/radio_button_unchecked: {line}")
    if item.fix == "import" and on_data_page:  # the import is on this very page
        st.caption(t("setup.fix.import_here"))
    else:
        st.page_link(
            FIX_PAGES[item.fix], label=t(f"setup.fix.{item.fix}"), icon=FIX_ICONS[item.fix]
        )


def _done_lines(items: list[SetupItem]) -> None:
    lines = []
    for item in items:
        name = t(f"setup.item.{item.id}")
        if item.id == "plan":
            lines.append(t("setup.done.plan", item=name))
        else:
            lines.append(t("setup.done.rows", item=name, count=format_value(item.count, "count")))
    if lines:
        st.caption("\n".join(f"- :material/check_circle: {line}" for line in lines))


def data_checklist() -> None:
    """On the Data page, for a company's own data with anything still missing: every item,
    missing ones first with their fix; folded away once the required ones are done."""
    items = setup_items()
    if not items or all(item.done for item in items):
        return
    done = setup_done(items)
    with st.expander(t("setup.heading"), expanded=not done, icon=":material/checklist:"):
        st.caption(t("setup.all_done") if done else t("setup.intro"))
        missing = sorted((i for i in items if not i.done), key=lambda i: not i.required)
        for item in missing:
            _missing(item, on_data_page=True)
        _done_lines([i for i in items if i.done])


def _hide() -> None:
    st.session_state[HIDDEN_KEY] = True


def home_checklist() -> None:
    """On the stand-up, compact: the missing required items in one expander, until they are
    done; never in presentation mode, and hidden for the session on request."""
    if presenting() or st.session_state.get(HIDDEN_KEY):
        return
    items = setup_items()
    if setup_done(items):  # also the demo's empty list
        return
    missing = [i for i in items if i.required and not i.done]
    with st.expander(t_count("setup.home_heading", len(missing)), icon=":material/checklist:"):
        for item in missing:
            _missing(item, on_data_page=False)
        st.button(t("setup.hide"), key="setup_hide", on_click=_hide, icon=":material/close:")


def no_targets_note(start: date, end: date) -> None:
    """Why attainment and pace are blank, with the link to set targets: none at all for this
    company, or none for these dates at this level."""
    if company_has_targets():
        st.info(
            t("setup.no_targets_period", start=format_date(start), end=format_date(end)),
            icon=":material/flag:",
        )
    else:
        st.info(t("setup.no_targets"), icon=":material/flag:")
    targets_link()
