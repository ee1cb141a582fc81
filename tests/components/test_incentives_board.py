"""The leaderboard's styling (components.incentives_view._board_styles): the top three rows
shaded, each pace in its colour, worked out in one go rather than per row."""

from __future__ import annotations

import pandas as pd

from components.incentives_view import TOP_THREE_BACKGROUND, _board_styles
from components.text import t, use_language

COLOURS = {"On track": "green", "Caution": "amber", "Off track": "red"}


def test_the_top_three_are_shaded_and_each_pace_has_its_colour() -> None:
    with use_language("en"):
        pace = t("incentives.col.pace")
        shown = pd.DataFrame(
            {"Rank": [1, 2, 3, 4], "Rep": ["Ada", "Bo", "Cy", "Di"],
             pace: ["Caution", "On track", None, "Off track"]},
            index=[0, 1, 2, 3],
        )  # fmt: skip
        styles = _board_styles(shown, top_three=[True, True, True, False], pace_colors=COLOURS)
    shade = TOP_THREE_BACKGROUND + "; "
    assert styles.loc[0, "Rep"] == shade and styles.loc[2, "Rank"] == shade
    assert styles.loc[3, "Rep"] == "" and styles.loc[3, "Rank"] == ""
    assert styles.loc[0, pace] == shade + "color: amber; font-weight: 600"
    assert styles.loc[2, pace] == shade + "color: ; font-weight: 600"  # no pace: no colour
    assert styles.loc[3, pace] == "color: red; font-weight: 600"
    # As pandas reads it: both the shade and the colour on a top-three pace cell.
    ctx = (
        shown.style.apply(
            _board_styles, axis=None, top_three=[True, True, True, False], pace_colors=COLOURS
        )
        ._compute()
        .ctx
    )
    assert sorted(ctx[(1, 2)]) == [
        ("background-color", "#fff8e1"), ("color", "green"), ("font-weight", "600")
    ]  # fmt: skip
