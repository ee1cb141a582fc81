"""The stand-up's people (issue 20): who needs help first, with why; then the rest; the people
on track folded behind their count. The rule is in metrics.standup_help and on screen."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import cache
from components.access import in_menu
from components.follow_ups_view import FOLLOW_UPS_PAGE, person_params
from components.format import label_each
from components.standup_controls import presenting
from components.text import t, t_count
from components.views import built
from metrics.requests import StandupContactParts, StandupScreen
from metrics.standup import SLA_DAYS
from metrics.standup_help import QUIET_DAYS, split_board
from metrics.standup_screen import StandupContacts, StandupData

# People a part of the board shows: a stand-up is a team's, and a company of 2,000 people
# drawn as one board is a page nobody reads (and megabytes on every rerun). Past it, the
# first ones in the part's order are shown, and a caption says to pick a team.
BOARD_ROWS = 100


def reasons(row: pd.Series) -> str:
    """Why a person needs help, in words: behind pace, quiet for N days, complaints open."""
    parts = []
    if row["behind"]:
        parts.append(t("standup.reason.behind"))
    if row["quiet"]:
        days = row["quiet_days"]
        parts.append(
            t("standup.reason.never") if days is None else t("standup.reason.quiet", days=days)
        )
    if row["complaints"]:
        parts.append(t_count("standup.reason.complaints", int(row["complaints"])))
    return t("list.separator").join(parts)


_REASON_COLUMNS = ["behind", "quiet", "quiet_days", "complaints"]


def _reasons_each(frame: pd.DataFrame) -> list[object]:
    """reasons of each row, worked out once per distinct set of reasons: a board of 100 people
    has a few dozen (each reason reads the reader's language)."""
    keys = zip(*(frame[c] for c in _REASON_COLUMNS), strict=True)
    return label_each(
        keys, lambda key: reasons(pd.Series(dict(zip(_REASON_COLUMNS, key, strict=True))))
    )


def _rows(board: pd.DataFrame, rep_ids: pd.Series) -> pd.DataFrame:
    """The board's rows for `rep_ids`, in that order."""
    by_id = board.set_index("rep_id", drop=False)
    return by_id.loc[[int(r) for r in rep_ids]].reset_index(drop=True)


@dataclass(frozen=True)
class BoardPart:
    """A part of the board as it is drawn: its heading (None for the people who need help,
    under the board's own heading), the table's HTML, how many people are in it (it shows
    the first BOARD_ROWS), and whether it folds behind its heading."""

    label: str | None
    html: str
    count: int
    folded: bool


def board_parts(
    data: StandupData, contacts: StandupContacts, *, hide_amounts: bool, height: int,
    presenting: bool,
) -> tuple[BoardPart, ...]:  # fmt: skip
    """The board's parts: who needs help (with why), the rest, the people on track. Built
    once per answer (components.views): 20-30 ms of a 2,000-person stand-up's rerun."""
    from components.standup import board_heading, board_html  # the one table of people

    board = data.board
    needing, rest, on_track = split_board(contacts.help)
    parts = []
    if not needing.empty:
        shown = needing.head(BOARD_ROWS)
        why = dict(zip(shown["rep_id"].astype(int), _reasons_each(shown), strict=True))
        rows = _rows(board, shown["rep_id"])
        html = board_html(rows, hide_amounts=hide_amounts, height=height, why=why, fit=presenting)
        parts.append(BoardPart(None, html, len(needing), folded=False))
    # On the shared screen the rest is folded too, so everything fits one screen.
    for part, key, folded in ((rest, "standup.rest_fold", presenting),
                              (on_track, "standup.on_track_fold", True)):  # fmt: skip
        if part.empty:
            continue
        rows = _rows(board, part["rep_id"].head(BOARD_ROWS))
        html = board_html(rows, hide_amounts=hide_amounts, height=height, fit=presenting)
        # the heading says the order the rows are in: by pace, else by month to date
        label = f"{t(key, count=len(part))} · {board_heading(rows)}"
        parts.append(BoardPart(label, html, len(part), folded))
    return tuple(parts)


def people_board(
    screen: StandupScreen, contact_parts: StandupContactParts, *, hide_amounts: bool, height: int
) -> None:
    """Who needs help first (with why), the rest after, the people on track folded."""
    data, contacts = cache.fetch(screen), cache.fetch(contact_parts)
    # On the shared screen the board's own note (what attainment and pace mean) sits behind
    # the heading's (?) so the screen stays one screen; the rule for who needs help stays out.
    note = t("standup.board_note") if presenting() else None
    st.markdown(f"#### :material/support: {t('standup.help_heading')}", help=note)
    st.caption(t("standup.help_rule", days=QUIET_DAYS, sla=SLA_DAYS))
    if data.board.empty:
        st.info(t("standup.no_reps"))
        return
    help_frame = contacts.help
    if not help_frame.empty and help_frame["quiet_days"].isna().all():
        st.caption(t("standup.help_untracked"))
    parts = built(
        board_parts, (screen, contact_parts),
        hide_amounts=hide_amounts, height=height, presenting=presenting(),
    )  # fmt: skip
    if not parts or parts[0].label is not None:
        st.success(t("standup.no_one_needs_help"))
    for part in parts:
        if part.label is None:
            st.html(part.html)
        elif part.folded:
            with st.expander(part.label):
                st.html(part.html)
                _say_if_cut(part.count)
            continue
        else:
            st.markdown(f"##### {part.label}")
            st.html(part.html)
        _say_if_cut(part.count)
    if note is None:
        st.caption(t("standup.board_note"))
    if not (data.board["target"].fillna(0) > 0).any():  # the month panel links to Targets
        st.caption(t("setup.no_targets_board"))


def _say_if_cut(count: int) -> None:
    """Under a part of the board cut at BOARD_ROWS: how many are shown, and how to see all."""
    if count > BOARD_ROWS:
        st.caption(t("standup.board_cut", shown=BOARD_ROWS, count=count))


def follow_ups_link(rep_id: int, label: str) -> None:
    """A link to the person's follow-ups, keeping the filters in the URL (the same link the
    stand-up's follow-up section draws: components.follow_ups_view.person_params). None
    where the page is not this reader's (a wall screen, a viewer)."""
    if not in_menu(FOLLOW_UPS_PAGE):
        return
    st.page_link(
        FOLLOW_UPS_PAGE, label=label, icon=":material/call:", query_params=person_params(rep_id)
    )
