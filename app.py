"""Huddle: the entry point. `streamlit run app.py` (or `make run`) serves the dashboard."""

from __future__ import annotations

import streamlit as st

from components.access import menu, menu_page
from components.account_view import sidebar_account
from components.auth_session import auth_on, current_user
from components.cache import get_store
from components.format import currency_once_per_run
from components.screen_link import screen_link
from components.shell import choose_language, shell_controls, streamlit_words
from components.standup_controls import on_wall_screen, presenting
from components.text import error_text, language_once_per_run, t
from components.theme import PRESENTATION_CSS
from components.url_state import tidy_url
from data.engine import database_error, database_errors
from data.errors import HuddleDataError

choose_language()  # before any text is drawn: every string below is in the session's language
st.set_page_config(page_title=t("app.title"), page_icon=":material/groups:", layout="wide")
# Less empty space above the title, so the KPI cards fit a 1366x768 screen.
st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}</style>")

try:
    get_store().data_version()  # a read: also notices a file replaced since it was opened
except HuddleDataError as error:
    st.error(t("error.database", message=error_text(error)), icon=":material/database:")
    st.stop()

# Deny by default: only the pages the signed-in user may open (components/access.py) are in
# the menu; with no one signed in, only the sign-in page. Each page checks again at its top.
# A wall-screen link (?screen=<token>) is no user, even in a browser where someone signed in.
user = None if on_wall_screen() else current_user()
PAGES = menu(
    {
        t("nav.today"): [
            menu_page(
                user,
                "pages/standup.py",
                title=t("page.standup"),
                icon=":material/groups:",
                default=True,  # the home page: what a lead shares every morning
            ),
        ],
        t("nav.performance"): [
            menu_page(
                user,
                "pages/kpi_trends.py",
                title=t("page.kpi_trends"),
                icon=":material/trending_up:",
                url_path="trends",
            ),
            menu_page(
                user,
                "pages/explain.py",
                title=t("page.explain"),
                icon=":material/waterfall_chart:",
                url_path="explain",
            ),
            menu_page(
                user,
                "pages/incentives.py",
                title=t("page.incentives"),
                icon=":material/emoji_events:",
                url_path="incentives",
            ),
            menu_page(
                user,
                "pages/targets.py",
                title=t("page.targets"),
                icon=":material/tune:",
                url_path="targets",
            ),
            menu_page(
                user,
                "pages/stock.py",
                title=t("page.stock"),
                icon=":material/inventory_2:",
                url_path="stock",
            ),
        ],
        t("nav.people"): [
            menu_page(
                user,
                "pages/team.py",
                title=t("page.team"),
                icon=":material/account_tree:",
                url_path="team",
            ),
            menu_page(
                user,
                "pages/reviews.py",
                title=t("page.reviews"),
                icon=":material/rate_review:",
                url_path="reviews",
            ),
            menu_page(
                user,
                "pages/weekly.py",
                title=t("page.weekly"),
                icon=":material/event_note:",
                url_path="weekly",
            ),
            menu_page(
                user,
                "pages/suggestions.py",
                title=t("page.suggestions"),
                icon=":material/lightbulb:",
                url_path="suggestions",
            ),
            menu_page(
                user,
                "pages/training.py",
                title=t("page.training"),
                icon=":material/school:",
                url_path="training",
            ),
        ],
        t("nav.customers"): [
            menu_page(
                user,
                "pages/segments.py",
                title=t("page.segments"),
                icon=":material/donut_small:",
                url_path="segments",
            ),
            menu_page(
                user,
                "pages/follow_ups.py",
                title=t("page.follow_ups"),
                icon=":material/call:",
                url_path="follow-ups",
            ),
            menu_page(
                user,
                "pages/customer.py",
                title=t("page.customer"),
                icon=":material/contact_page:",
                url_path="customer",
            ),
        ],
        t("nav.reference"): [
            menu_page(
                user,
                "pages/definitions.py",
                title=t("page.definitions"),
                icon=":material/menu_book:",
                url_path="definitions",
            ),
            menu_page(
                user,
                "pages/data.py",
                title=t("page.data"),
                icon=":material/upload_file:",
                url_path="data",
            ),
        ],
        t("nav.account"): [
            menu_page(
                user,
                "pages/account.py",
                title=t("page.account"),
                icon=":material/account_circle:",
                url_path="account",
            ),
            # Hidden once signed in: the page a sign-in reruns on, which moves to the home page.
            menu_page(
                user,
                "pages/sign_in.py",
                title=t("page.sign_in"),
                icon=":material/login:",
                url_path="sign-in",
                default=user is None,
                visibility="visible" if user is None else "hidden",
            ),
        ]
        if auth_on()  # sign-in off (HUDDLE_AUTH=off): no account, no sign-in, no section
        else [],
    }
)

if on_wall_screen():
    # A wall-screen link: the stand-up is the only page (components/screen_link.py); a
    # revoked or unknown link stops here with a sentence, and nothing else is drawn.
    screen_link()
    STANDUP = st.Page("pages/standup.py", title=t("page.standup"), icon=":material/groups:")
    PAGES = {t("nav.today"): [STANDUP]}
if presenting():
    st.html(PRESENTATION_CSS)
# expanded: every page in view, never behind "View more" (a lead has 16 pages)
page = st.navigation(PAGES, position="hidden" if presenting() else "sidebar", expanded=True)
shell_controls()
if not on_wall_screen():  # no one is signed in on a wall screen: no account, no sign-out
    sidebar_account()
streamlit_words()
try:
    with currency_once_per_run(), language_once_per_run():
        page.run()
except HuddleDataError as error:  # the database file's problems are said in words, in place
    st.error(error_text(error), icon=":material/database:")
except database_errors() as error:  # the database's own errors too: a sentence, never a traceback
    st.error(error_text(database_error(None, error)), icon=":material/database:")
tidy_url()  # another page's choices leave the URL: a link carries what its page shows
