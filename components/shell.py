"""The app shell's own control: the language switch in the sidebar.

The language is chosen once per session (from the URL's `lang`, else the browser's language,
else English) and kept in the URL, so a shared link opens in the language it was copied in.
The currency is not the reader's choice: it belongs to the company's data (data/settings.py,
set on the Data page), so the same data shows the same symbol in every language.
"""

from __future__ import annotations

import contextlib

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.text import LANGUAGE_KEY, LANGUAGES, t


def browser_language() -> str:
    """zh when the browser asks for Chinese (navigator.language), else en."""
    try:
        locale = st.context.locale or ""
    except (AttributeError, RuntimeError):  # no browser behind this session (AppTest)
        locale = ""
    return "zh" if locale.lower().startswith("zh") else "en"


def choose_language() -> str:
    """The session's language, settled before anything is drawn: the switch, else the URL's
    `lang`, else the browser's language. Call first thing in app.py."""
    state = st.session_state
    if state.get(LANGUAGE_KEY) not in LANGUAGES:
        from_url = st.query_params.get(LANGUAGE_KEY)
        state[LANGUAGE_KEY] = from_url if from_url in LANGUAGES else browser_language()
    return state[LANGUAGE_KEY]


def _keep_choices() -> None:
    """Before a rerun in another language: set every widget's value again, so each widget
    keeps its choice.

    Widget values are codes ('qtd', 'industry') and so are the URL's (components/url_state.py),
    but the browser sends back the option's *label* it shows; a label of the old language
    would match no option of the new one and the choice would reset. Setting the value from
    the session makes the code win.
    """
    state = st.session_state
    for key in list(state.keys()):
        if key == LANGUAGE_KEY or str(key).startswith("$$"):
            continue
        if not isinstance(state[key], str | list | tuple):
            continue  # dates, numbers and flags are shown the same in every language
        # Buttons, forms and uploads cannot be set; they hold no choice to keep.
        with contextlib.suppress(StreamlitAPIException, KeyError):
            state[key] = state[key]


def streamlit_words() -> None:
    """Words Streamlit draws itself (the file uploader's button and hint) in the session's
    language: Streamlit has no setting for them, so other languages restyle them in CSS."""
    if st.session_state.get(LANGUAGE_KEY, "en") == "en":
        return
    dropzone = '[data-testid="stFileUploaderDropzone"]'
    st.html(
        "<style>"
        f"{dropzone} button [data-testid='stMarkdownContainer'] p {{font-size: 0}}"
        f"{dropzone} button [data-testid='stMarkdownContainer'] p::after"
        f"{{content: '{t('shell.upload_button')}'; font-size: 0.875rem}}"
        f"{dropzone} [data-testid='stFileUploaderDropzoneInstructions'] span {{font-size: 0}}"
        f"{dropzone} [data-testid='stFileUploaderDropzoneInstructions'] span::after"
        f"{{content: '{t('shell.upload_hint')}'; font-size: 0.875rem}}"
        "</style>"
    )


def shell_controls() -> None:
    """The language switch, in the sidebar below the page menu."""
    with st.sidebar:
        left, _ = st.columns(2)
        left.selectbox(
            t("shell.language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key=LANGUAGE_KEY,
            on_change=_keep_choices,
        )
    st.query_params[LANGUAGE_KEY] = st.session_state[LANGUAGE_KEY]
