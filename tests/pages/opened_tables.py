"""Open the "As a table" expanders of a page under test, as a lead clicking each would.

Closed, they hold nothing (components.tables.opened_expander builds a table only while its
expander is open), so a test reading one of those tables opens them first.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

# The keys of those expanders (the key of the table they hold, then "_open").
SUFFIX = "_table_open"


def open_tables(at: AppTest) -> AppTest:
    """Open every such expander the last run drew, and run the page again."""
    keys = [key for key in at.session_state if key.endswith(SUFFIX)]
    assert keys, "the page drew no expander holding a table"
    for key in keys:
        at.session_state[key] = True
    return at.run()
