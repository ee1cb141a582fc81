"""Tables with a CSV download beside them, and every download button the app offers.

Every file a user downloads is made here, through data.exports, so no cell of it can run as a
spreadsheet formula (tests/components/test_exports.py fails if a download goes round it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from components.format import MISSING
from components.text import column_label, t
from data import exports


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
) -> None:
    """Show `frame` and offer it as CSV (UTF-8 with BOM, so Excel opens it correctly).

    An empty frame shows `empty`, the caller's sentence for why there is nothing (nothing
    imported, nobody leads anyone); without one, the filters are the reason."""
    if frame.empty:
        st.info(empty or t("table.empty"))
        return
    st.dataframe(
        frame,
        hide_index=True,
        column_config=column_config,
        height=height,
        key=f"{key}_table",
        placeholder=MISSING,
    )
    download_csv(frame, file_name, key=key)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as formula-safe CSV in UTF-8 with a byte-order mark: Excel (a Chinese Windows
    one too) reads the BOM and opens Chinese headings and names correctly."""
    return exports.csv_bytes(frame)


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str | None = None) -> bytes:
    """`frame` as a formula-safe Excel workbook (text stored as text, never as a formula)."""
    return exports.xlsx_bytes(frame, sheet_name or t("table.sheet"))


def download_csv(frame: pd.DataFrame, file_name: str, *, key: str) -> None:
    """A button that downloads `frame` as CSV (UTF-8 with BOM, so Excel opens it correctly).

    The file is made when the button is clicked, not on every rerun: a file made per rerun
    is dropped by the next one, and a click in between would fetch a file that is gone."""
    st.download_button(
        t("table.download"),
        data=lambda: csv_bytes(frame),
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
    st.download_button(
        label,
        data=lambda: xlsx_bytes(frame, sheet_name),
        file_name=file_name,
        mime=exports.XLSX_MIME,
        key=key,
        icon=":material/table_view:",
    )


def download_text(text: str, file_name: str, *, label: str, key: str, mime: str) -> None:
    """A button that downloads `text` (UTF-8) as it is: for documents such as a review in
    Markdown, which no spreadsheet opens as cells."""
    st.download_button(
        label, data=text.encode("utf-8"), file_name=file_name, mime=mime, key=key,
        icon=":material/download:",
    )  # fmt: skip


def download_file(path: Path, *, label: str, key: str, mime: str) -> None:
    """A button that downloads a file the app saved (a backup), read when clicked."""
    read: Callable[[], bytes] = path.read_bytes
    st.download_button(
        label, data=read, file_name=path.name, mime=mime, key=key,
        icon=":material/download:",
    )  # fmt: skip
