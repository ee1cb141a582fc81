"""The stand-up's people (issue 20): who needs help first, with why; then the rest; the people
on track folded behind their count. The rule is in metrics.standup_help and on screen."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.access import in_menu
from components.follow_ups_view import FOLLOW_UPS_PAGE, person_params
from components.format import label_each
from components.standup_controls import presenting
from components.text import t, t_count
from metrics.standup import SLA_DAYS
from metrics.standup_help import QUIET_DAYS, split_board
from metrics.standup_screen import StandupData

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


def people_board(
    data: StandupData, help_frame: pd.DataFrame, *, hide_amounts: bool, height: int
) -> None:
    """Who needs help first (with why; `help_frame` is StandupContacts.help), the rest after,
    the people on track folded."""
    from components.standup import board_heading, board_html  # the one table of people

    board = data.board
    # On the shared screen the board's own note (what attainment and pace mean) sits behind
    # the heading's (?) so the screen stays one screen; the rule for who needs help stays out.
    note = t("standup.board_note") if presenting() else None
    st.markdown(f"#### :material/support: {t('standup.help_heading')}", help=note)
    st.caption(t("standup.help_rule", days=QUIET_DAYS, sla=SLA_DAYS))
    if board.empty:
        st.info(t("standup.no_reps"))
        return
    needing, rest, on_track = split_board(help_frame)
    if not help_frame.empty and help_frame["quiet_days"].isna().all():
        st.caption(t("standup.help_untracked"))
    if needing.empty:
        st.success(t("standup.no_one_needs_help"))
    else:
        shown = needing.head(BOARD_ROWS)
        why = dict(zip(shown["rep_id"].astype(int), _reasons_each(shown), strict=True))
        rows = _rows(board, shown["rep_id"])
        st.html(board_html(rows, hide_amounts=hide_amounts, height=height, why=why))
        _say_if_cut(len(needing))
    # On the shared screen the rest is folded too, so everything fits one screen.
    for part, key, folded in ((rest, "standup.rest_fold", presenting()),
                              (on_track, "standup.on_track_fold", True)):  # fmt: skip
        if part.empty:
            continue
        rows = _rows(board, part["rep_id"].head(BOARD_ROWS))
        html = board_html(rows, hide_amounts=hide_amounts, height=height)
        # the heading says the order the rows are in: by pace, else by month to date
        label = f"{t(key, count=len(part))} · {board_heading(rows)}"
        if folded:
            with st.expander(label):
                st.html(html)
                _say_if_cut(len(part))
        else:
            st.markdown(f"##### {label}")
            st.html(html)
            _say_if_cut(len(part))
    if note is None:
        st.caption(t("standup.board_note"))
    if not (board["target"].fillna(0) > 0).any():  # the month panel links to the Targets page
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
