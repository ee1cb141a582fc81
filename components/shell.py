"""The app shell's own controls: the language and currency switches in the sidebar.

The language is chosen once per session (from the URL's `lang`, else the browser's language,
else English) and kept in the URL, so a shared link opens in the language it was copied in.
"""

from __future__ import annotations

import contextlib

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.format import CURRENCIES, CURRENCY_KEY, currency
from components.text import LANGUAGE_KEY, LANGUAGES, t

_CURRENCY_CHOSEN = "currency_chosen"  # set once the user picks a currency (or a link names one)


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
    if CURRENCY_KEY not in state and st.query_params.get(CURRENCY_KEY) in CURRENCIES:
        state[CURRENCY_KEY] = st.query_params[CURRENCY_KEY]
        state[_CURRENCY_CHOSEN] = True
    return state[LANGUAGE_KEY]


def _keep_choices() -> None:
    """Before a rerun in another language: set every widget's value again, so each widget
    keeps its choice (and re-writes its URL parameter) in the new language's labels.

    Bound widgets keep their option's *label* in the URL and in the browser; without this, a
    label of the old language would match no option of the new one and the choice would reset.
    """
    state = st.session_state
    if not state.get(_CURRENCY_CHOSEN):
        state.pop(CURRENCY_KEY, None)  # the new language's usual currency, until one is picked
    for key in list(state.keys()):
        if key in (LANGUAGE_KEY, CURRENCY_KEY, _CURRENCY_CHOSEN) or str(key).startswith("$$"):
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
    """The language and currency switches, in the sidebar below the page menu."""
    with st.sidebar:
        left, right = st.columns(2)
        left.selectbox(
            t("shell.language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key=LANGUAGE_KEY,
            on_change=_keep_choices,
        )
        if CURRENCY_KEY not in st.session_state:
            st.session_state[CURRENCY_KEY] = currency()
        right.selectbox(
            t("shell.currency"),
            list(CURRENCIES),
            format_func=lambda code: t(f"currency.{code}"),
            key=CURRENCY_KEY,
            help=t("shell.currency.help"),
            on_change=lambda: st.session_state.update({_CURRENCY_CHOSEN: True}),
        )
    st.query_params[LANGUAGE_KEY] = st.session_state[LANGUAGE_KEY]
    # The currency goes in the URL once picked; until then it follows the language.
    if st.session_state.get(_CURRENCY_CHOSEN):
        st.query_params[CURRENCY_KEY] = st.session_state[CURRENCY_KEY]
    else:
        st.query_params.pop(CURRENCY_KEY, None)
