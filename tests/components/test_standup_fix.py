"""The stand-up's fix panel (components.standup_fix): owners' lines word the first few owners
and count the rest."""

from __future__ import annotations

from datetime import date

import pandas as pd

from components.standup_fix import OWNERS_SHOWN, owners_line
from components.text import join_names, t, use_language
from metrics.standup_screen import StandupData


def test_an_owners_line_words_the_first_owners_and_counts_the_rest() -> None:
    # Dee 3, Cai 2, then Eve, Fay and nobody 1 each: three are worded, two counted.
    data = StandupData(day=date(2026, 11, 20), labels={1: "Cai", 2: "Dee", 3: "Eve", 4: "Fay"})
    frame = pd.DataFrame({"rep_id": [2, 2, 1, 2, 3, 4, None, 1]})
    for language in ("en", "zh"):
        with use_language(language):
            every = [
                t("standup.owner_count", rep=f"**{name}**", count=count)
                for name, count in (("Dee", 3), ("Cai", 2), ("Eve", 1), ("Fay", 1))
            ] + [t("standup.owner_count", rep=f"**{t('standup.no_owner')}**", count=1)]
            expected = t("standup.owners", owners=join_names(every, limit=OWNERS_SHOWN[False]))
            assert owners_line(data, frame) == expected
            assert "2" in t("list.and_more", count=2) and expected.endswith(
                t("list.and_more", count=2)
            )
