"""Tables with a CSV download beside them, and every download button the app offers.

Every file a user downloads is made here, through data.exports, so no cell of it can run as a
spreadsheet formula (tests/components/test_exports.py fails if a download goes round it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import streamlit as st

from components.format import MISSING
from components.text import column_label, current_language, t, use_language
from data import exports

# Rows a table sends to the browser: a longer one shows its first rows and says so, and its
# download holds every row. A list of 60,000 customers is read by download, not by scrolling,
# and sending it on every rerun made the page slow for everyone.
SHOWN_ROWS = 1_000


@contextmanager
def opened_expander(label: str, *, key: str) -> Iterator[bool]:
    """An expander whose contents are built only while it is open: the block is entered
    either way and gets whether to fill it. Streamlit's lazy expander (opening or closing it
    reruns the page; `key` keeps it open across reruns). For the tables under charts ("As a
    table"): closed, as most are on most reruns, they cost a rerun nothing."""
    box = st.expander(label, key=key, on_change="rerun")
    with box:
        yield bool(box.open)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its result columns (snake_case) renamed to headings a lead reads."""
    return frame.rename(columns={c: column_label(c) for c in frame.columns})


def table_with_download(
    frame: pd.DataFrame,
    file_name: str,
    *,
    column_config: dict | None = None,
    key: str,
    height: int | str = "auto",
    empty: str | None = None,
    shape: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    shown: pd.DataFrame | None = None,
) -> None:
    """Show `frame` and offer it as CSV (UTF-8 with BOM, so Excel opens it correctly).

    An empty frame shows `empty`, the caller's sentence for why there is nothing (nothing
    imported, nobody leads anyone); without one, the filters are the reason. Past SHOWN_ROWS
    rows, the first SHOWN_ROWS are shown, in the frame's order, and a caption says so.
    `shape` turns the frame into what a lead reads (codes in words, headings in their
    language): it is applied to the rows shown, and to every row only for the download.
    `shown`: the rows shown, shaped already (built once per answer: components.views)."""
    if frame.empty:
        st.info(empty or t("table.empty"))
        return
    shaped = shape or _as_is
    st.dataframe(
        shaped(frame.head(SHOWN_ROWS)) if shown is None else shown,
        hide_index=True,
        column_config=column_config,
        height=height,
        key=f"{key}_table",
        placeholder=MISSING,
    )
    if len(frame) > SHOWN_ROWS:
        st.caption(t("table.first_rows", shown=SHOWN_ROWS, count=len(frame)))
    download_csv(in_this_language(lambda: shaped(frame)), file_name, key=key)


def _as_is(frame: pd.DataFrame) -> pd.DataFrame:
    return frame


def in_this_language(make: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """`make`, to be run when a download is clicked: Streamlit runs it on a server thread,
    outside the reader's session, so the session's language is fixed now and used then (a
    Chinese reader's file keeps its Chinese headings and words)."""
    language = current_language()

    def made() -> pd.DataFrame:
        with use_language(language):
            return make()

    return made


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as formula-safe CSV in UTF-8 with a byte-order mark: Excel (a Chinese Windows
    one too) reads the BOM and opens Chinese headings and names correctly."""
    return exports.csv_bytes(frame)


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str | None = None) -> bytes:
    """`frame` as a formula-safe Excel workbook (text stored as text, never as a formula)."""
    return exports.xlsx_bytes(frame, sheet_name or t("table.sheet"))


def download_csv(
    frame: pd.DataFrame | Callable[[], pd.DataFrame], file_name: str, *, key: str
) -> None:
    """A button that downloads `frame` (or the frame it makes) as CSV (UTF-8 with BOM, so
    Excel opens it correctly).

    The file is made when the button is clicked, not on every rerun: a file made per rerun
    is dropped by the next one, and a click in between would fetch a file that is gone."""
    _download_button(
        t("table.download"),
        data=lambda: csv_bytes(frame() if callable(frame) else frame),
        file_name=file_name,
        mime="text/csv",
        key=f"{key}_download",
        icon=":material/download:",
    )


def download_xlsx(frame: pd.DataFrame, file_name: str, *, key: str) -> None:
    """A button that downloads `frame` as an Excel workbook (made when clicked)."""

    download_xlsx_as(frame, file_name, label=t("table.download_xlsx"), key=f"{key}_download_xlsx")


def download_xlsx_as(
    frame: pd.DataFrame, file_name: str, *, label: str, key: str, sheet_name: str | None = None
) -> None:
    """A button labelled `label` that downloads `frame` as a formula-safe Excel workbook."""
    sheet = sheet_name or t("table.sheet")  # now: the file is made outside the session
    _download_button(
        label,
        data=lambda: xlsx_bytes(frame, sheet),
        file_name=file_name,
        mime=exports.XLSX_MIME,
        key=key,
        icon=":material/table_view:",
    )


def download_text(text: str, file_name: str, *, label: str, key: str, mime: str) -> None:
    """A button that downloads `text` (UTF-8) as it is: for documents such as a review in
    Markdown, which no spreadsheet opens as cells."""
    _download_button(
        label, data=text.encode("utf-8"), file_name=file_name, mime=mime, key=key,
        icon=":material/download:",
    )  # fmt: skip


def download_file(path: Path, *, label: str, key: str, mime: str) -> None:
    """A button that downloads a file the app saved (a backup), read when clicked."""
    read: Callable[[], bytes] = path.read_bytes
    _download_button(
        label, data=read, file_name=path.name, mime=mime, key=key,
        icon=":material/download:",
    )  # fmt: skip


def _download_button(label: str, *, data: bytes | Callable[[], bytes], **kwargs: str) -> None:
    """Every download button: a click downloads and does not rerun the page.

    A rerun on click would redraw the whole page for nothing (seconds on a big company), and
    it races the file: the rerun registers the button's file-maker afresh and drops the one
    the click asked for, so a slow server could answer the click with no file at all."""
    st.download_button(label, data=data, on_click="ignore", **kwargs)
