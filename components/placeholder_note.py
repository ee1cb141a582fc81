"""The one sentence saying why a placeholder person (an import's made-up "Unassigned") is
left out of a list, ranking, target split or review list while its sales still count."""

from __future__ import annotations

import streamlit as st

from components.cache import fetch
from components.text import t
from metrics.requests_people import PlaceholderNames


def placeholder_note() -> None:
    """A caption naming the placeholders and the rule; nothing when there are none."""
    names = fetch(PlaceholderNames())
    if names:
        st.caption(t("people.placeholder_note", names=", ".join(names)))
