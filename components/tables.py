"""Tables with a CSV download beside them."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from components.format import MISSING
from components.text import column_label, t


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
) -> None:
    """Show `frame` and offer it as CSV (UTF-8 with BOM, so Excel opens it correctly)."""
    if frame.empty:
        st.info(t("table.empty"))
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
    """`frame` as CSV in UTF-8 with a byte-order mark: Excel (a Chinese Windows one too)
    reads the BOM and opens Chinese headings and names correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")


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

    def workbook() -> bytes:
        buffer = io.BytesIO()
        frame.to_excel(buffer, index=False, engine="openpyxl", sheet_name=t("table.sheet"))
        return buffer.getvalue()

    st.download_button(
        t("table.download_xlsx"),
        data=workbook,
        file_name=file_name,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_download_xlsx",
        icon=":material/table_view:",
    )
