"""The stand-up's people table: columns named for what they show, money as in every table."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from components.format import use_currency
from components.standup import board_heading, board_html
from components.text import t, use_language
from metrics.team_board import BOARD_COLUMNS


class _Cells(HTMLParser):
    """Header texts and each body row's cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[str] = []
        self.rows: list[list[str]] = []
        self._in_body = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            (self.rows[-1] if self._in_body else self.head).append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _board() -> pd.DataFrame:
    # One person, worked by hand: target for the month $2,025.15, month to date $8,310.49,
    # so attainment 8,310.49 / 2,025.15 = 4.10364... -> 410.4%; the day $999.50.
    row = {
        "rank": 1, "rep_id": 7, "rep": "Ann <Lee>", "month_to_date": 8310.49, "target": 2025.15,
        "expected": 1350.10, "attainment": 8310.49 / 2025.15, "pace_ratio": 6.16,
        "pace": "on_track", "day": 999.50, "daily": [0.0, 999.5, 7311.0],
    }  # fmt: skip
    return pd.DataFrame([row], columns=BOARD_COLUMNS)


def _read(hide_amounts: bool, language: str = "en") -> _Cells:
    cells = _Cells()
    with use_language(language), use_currency("USD"):
        cells.feed(board_html(_board(), hide_amounts=hide_amounts, height=400))
    return cells


def test_the_board_names_columns_for_what_they_show_and_shows_whole_money() -> None:
    table = _read(hide_amounts=False)
    # Name, attainment and pace first: the three a phone shows without scrolling.
    assert table.head[:4] == ["#", "Rep", "Attainment", "Pace"]
    assert table.head[4:] == ["Month target", "Month to date", "Day", "This month"]
    row = dict(zip(table.head, table.rows[0], strict=True))
    assert row["Rep"] == "Ann <Lee>"  # escaped in the HTML, read back as written
    assert row["Attainment"] == "410.4%"
    assert row["Pace"] == "On track"
    # Whole units, half away from zero, as in every table: 2,025.15 -> $2,025,
    # 8,310.49 -> $8,310, 999.50 -> $1,000. Before: "Month target" held the attainment.
    assert (row["Month target"], row["Month to date"], row["Day"]) == ("$2,025", "$8,310", "$1,000")


def test_hidden_amounts_leave_no_money_and_chinese_headings_are_chinese() -> None:
    table = _read(hide_amounts=True)
    assert table.head == ["#", "Rep", "Attainment", "Pace", "This month"]
    assert not any("$" in cell for cell in table.rows[0])
    chinese = _read(hide_amounts=False, language="zh")
    assert chinese.head[:5] == ["#", "销售", "月目标达成率", "进度", "月目标"]


def test_the_heading_says_the_order_the_board_is_in() -> None:
    # rep_board sorts by pace ratio (month to date / target to date), those without one last,
    # then by month to date. Everyone paced: by pace. Nobody with a target (Maven, Superstore):
    # by month to date alone, so "best pace first" would be false. Some of each: both.
    paced = pd.DataFrame({"pace_ratio": [1.2, 0.8]})
    none = pd.DataFrame({"pace_ratio": [float("nan"), float("nan")]})
    mixed = pd.DataFrame({"pace_ratio": [1.2, float("nan")]})
    for lang in ("en", "zh"):
        with use_language(lang):
            assert board_heading(paced) == t("standup.team_heading")
            assert board_heading(none) == t("standup.team_heading_no_targets")
            assert board_heading(mixed) == t("standup.team_heading_mixed")
            assert len({board_heading(f) for f in (paced, none, mixed)}) == 3
