"""Huddle: the entry point. `streamlit run app.py` (or `make run`) serves the dashboard."""

from __future__ import annotations

import duckdb
import streamlit as st

from components.cache import get_store
from components.shell import choose_language, shell_controls, streamlit_words
from components.standup_controls import presenting
from components.text import error_text, t
from components.theme import PRESENTATION_CSS
from components.url_state import tidy_url
from data.config import resolve_db_path
from data.errors import HuddleDataError
from data.store import file_error

choose_language()  # before any text is drawn: every string below is in the session's language
st.set_page_config(page_title=t("app.title"), page_icon=":material/groups:", layout="wide")
# Less empty space above the title, so the KPI cards fit a 1366x768 screen.
st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}</style>")

try:
    get_store().data_version()  # a read: also notices a file replaced since it was opened
except HuddleDataError as error:
    st.error(t("error.database", message=error_text(error)), icon=":material/database:")
    st.stop()

PAGES = {
    t("nav.today"): [
        st.Page(
            "pages/standup.py",
            title=t("page.standup"),
            icon=":material/groups:",
            default=True,  # the home page: what a lead shares every morning
        ),
    ],
    t("nav.performance"): [
        st.Page(
            "pages/kpi_trends.py",
            title=t("page.kpi_trends"),
            icon=":material/trending_up:",
            url_path="trends",
        ),
        st.Page(
            "pages/incentives.py",
            title=t("page.incentives"),
            icon=":material/emoji_events:",
            url_path="incentives",
        ),
        st.Page(
            "pages/targets.py",
            title=t("page.targets"),
            icon=":material/tune:",
            url_path="targets",
        ),
    ],
    t("nav.people"): [
        st.Page(
            "pages/team.py", title=t("page.team"), icon=":material/account_tree:", url_path="team"
        ),
        st.Page(
            "pages/reviews.py",
            title=t("page.reviews"),
            icon=":material/rate_review:",
            url_path="reviews",
        ),
    ],
    t("nav.customers"): [
        st.Page(
            "pages/segments.py",
            title=t("page.segments"),
            icon=":material/donut_small:",
            url_path="segments",
        ),
    ],
    t("nav.reference"): [
        st.Page(
            "pages/definitions.py",
            title=t("page.definitions"),
            icon=":material/menu_book:",
            url_path="definitions",
        ),
        st.Page(
            "pages/data.py", title=t("page.data"), icon=":material/upload_file:", url_path="data"
        ),
    ],
}

if presenting():
    st.html(PRESENTATION_CSS)
page = st.navigation(PAGES, position="hidden" if presenting() else "sidebar")
shell_controls()
streamlit_words()
try:
    page.run()
except HuddleDataError as error:  # the database file's problems are said in words, in place
    st.error(error_text(error), icon=":material/database:")
except duckdb.Error as error:  # DuckDB's own errors too: a sentence, never a traceback
    said = file_error(resolve_db_path(), error, opening=False)
    st.error(error_text(said), icon=":material/database:")
tidy_url()  # another page's choices leave the URL: a link carries what its page shows
