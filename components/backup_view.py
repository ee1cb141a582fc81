"""The Data page's backup: made from the app's own database connection (DuckDB lets no other
program read the file while the app holds it, so `python cli.py backup` cannot while the app
runs), saved beside the database with its checksum, and offered for download. Offered on its
own and again before anything that replaces data (an import that clears the demo company,
rebuilding the demo)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import cache
from components.tables import download_file
from components.text import error_text, t
from data.backup import backup_store, default_target
from data.errors import HuddleDataError

_LAST = "data.backup.last"  # (path, sha256) of the backup this session made last


def _code(path: Path | str) -> str:
    """A path for inside `inline code`, where Markdown reads nothing (so no md() escapes,
    which code would show): only a backtick could end the code early, so none is kept."""
    return str(path).replace("`", "'")


def backup_button(key: str) -> None:
    """ "Make a backup now", and the last backup of this session with its download."""
    if st.button(t("data.backup.button"), key=f"{key}.make", icon=":material/backup:"):
        with st.spinner(t("data.backup.button")):
            try:
                made = backup_store(cache.get_store())
            except HuddleDataError as error:
                st.error(error_text(error))
                return
        st.session_state[_LAST] = (str(made.path), made.sha256)
    last = st.session_state.get(_LAST)
    if not last or not Path(last[0]).is_file():
        return
    path = Path(last[0])
    shown = t("data.backup.done", path=_code(path), sha256=last[1])
    st.success(shown, icon=":material/backup:")
    download_file(
        path, label=t("data.backup.download"), key=f"{key}.download",
        mime="application/octet-stream",
    )  # fmt: skip


def _on_server() -> bool:
    """True when the data is on a PostgreSQL server, which the server's own tools back up."""
    return cache.get_store().engine == "postgres"


def _server_note() -> None:
    st.info(t("data.backup.server", url=_code(cache.get_store().path)), icon=":material/dns:")


def backup_section() -> None:
    """Back up the data: what a backup is, where it goes, the button."""
    with st.expander(t("data.backup"), icon=":material/backup:"):
        if _on_server():
            _server_note()
            return
        folder = default_target(cache.get_store().path).parent
        st.caption(t("data.backup.help", folder=_code(folder)))
        backup_button("data.backup")


def backup_first(key: str) -> None:
    """Before a replace: say that it cannot be undone otherwise, and offer the backup (on a
    server: say how to make one there)."""
    st.warning(t("data.backup.first"), icon=":material/backup:")
    if _on_server():
        _server_note()
        return
    backup_button(key)
