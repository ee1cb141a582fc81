"""The leaderboard's pace column (components.incentives_view): each person's pace kept as its
status code, shown as a tag in the pace's colour and worded in the reader's language; no
Styler, which cost 40 ms a rerun at 200 rows."""

from __future__ import annotations

import pandas as pd

from components.incentives_view import leaderboard_table, pace_column
from components.text import t, use_language
from components.theme import PACE_COLORS


def _board() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": [1, 2, 3, 4], "rep_id": [7, 8, 9, 10], "rep": ["Ada", "Bo", "Cy", "Di"],
            "left": [False] * 4, "attainment": [1.2, 0.95, None, 0.5],
            "pace": ["on_track", "caution", None, "off_track"], "base": [120.0, 95.0, 0.0, 50.0],
            "value": [1.2, 0.95, None, 0.5], "target": [100.0] * 3 + [100.0],
            "rank_change": [0, 1, -1, 0], "previous_rank": [1, 3, 2, 4],
            "commission_cents": pd.array([100, 200, None, 0], dtype="Int64"),
            "team": ["North"] * 4,
        }
    )  # fmt: skip


def test_each_pace_is_a_tag_in_its_colour_worded_in_the_readers_language() -> None:
    for language, words in (("en", "Off track"), ("zh", "落后")):
        with use_language(language):
            shown = leaderboard_table(_board(), "revenue_attainment", hide_amounts=False)
            column = shown[t("incentives.col.pace")]
            config = pace_column()
        assert column.tolist() == [["on_track"], ["caution"], [], ["off_track"]]
        options = {o["value"]: o for o in config["type_config"]["options"]}  # type: ignore[index]
        assert set(options) == set(PACE_COLORS)
        assert {status: o["color"] for status, o in options.items()} == PACE_COLORS
        assert options["off_track"]["label"] == words


def test_the_top_three_carry_their_medals_in_the_name() -> None:
    with use_language("en"):
        shown = leaderboard_table(_board(), "revenue_attainment", hide_amounts=False)
    assert shown[t("incentives.col.rep")].tolist() == ["🥇 Ada", "🥈 Bo", "🥉 Cy", "Di"]
