"""Tables with a CSV download beside them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

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
        frame, hide_index=True, column_config=column_config, height=height, key=f"{key}_table"
    )
    download_csv(frame, file_name, key=key)


def download_csv(frame: pd.DataFrame, file_name: str, *, key: str) -> None:
    """A button that downloads `frame` as CSV (UTF-8 with BOM, so Excel opens it correctly)."""
    st.download_button(
        t("table.download"),
        data=frame.to_csv(index=False).encode("utf-8-sig"),
        file_name=file_name,
        mime="text/csv",
        key=f"{key}_download",
        icon=":material/download:",
    )
