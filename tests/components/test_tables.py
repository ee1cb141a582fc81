"""Tables: what Excel on a Chinese Windows machine opens, and how a long table is shown."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components.tables import SHOWN_ROWS, csv_bytes, readable
from components.text import t, use_language


def test_a_chinese_csv_has_a_bom_and_chinese_headings() -> None:
    frame = pd.DataFrame({"customer": ["杭州海纳商行"], "revenue": [1234.5], "rows": [3]})
    with use_language("zh"):
        content = csv_bytes(readable(frame))
    assert content.startswith(codecs.BOM_UTF8)
    header, row = content.decode("utf-8-sig").splitlines()
    assert header == "客户,销售额,行数"
    assert row == "杭州海纳商行,1234.5,3"


def test_an_english_csv_has_english_headings() -> None:
    content = csv_bytes(readable(pd.DataFrame({"customer": ["Acme"], "revenue": [1.0]})))
    assert content.decode("utf-8-sig").splitlines()[0] == "Customer,Revenue"


# --- a long table: its first rows shown, every row downloaded ------------------------------


def _long_table_app(rows: int, language: str = "en") -> AppTest:
    def script() -> None:
        import pandas as pd
        import streamlit as st

        from components import tables
        from components.text import t

        frame = pd.DataFrame({"customer_id": range(st.session_state["rows"])})
        frame["customer"] = "c" + frame["customer_id"].astype(str)
        tables.table_with_download(
            frame,
            "long.csv",
            key="long",
            shape=lambda f: f.rename(columns={"customer": t("follow_ups.col.customer")}),
        )

    at = AppTest.from_function(script, default_timeout=30)
    at.session_state["rows"] = rows
    at.session_state["lang"] = language
    return at


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list:
    """What each download button was given to make its file from (the real button is
    drawn; its `data` is kept here, to be made as a click makes it, outside the session)."""
    kept: list = []
    real = st.download_button

    def keep_data(*args, **kwargs):
        kept.append(kwargs["data"])
        return real(*args, **kwargs)

    monkeypatch.setattr(st, "download_button", keep_data)
    return kept


def test_a_long_table_shows_its_first_rows_and_says_so(made: list) -> None:
    at = _long_table_app(SHOWN_ROWS + 500).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = at.dataframe[0].value
    assert len(shown) == SHOWN_ROWS
    assert list(shown.columns) == ["customer_id", "Customer"], "shaped for reading"
    assert list(shown["customer_id"]) == list(range(SHOWN_ROWS)), "the first rows, in order"
    assert [c.value for c in at.caption] == [
        t("table.first_rows", shown=SHOWN_ROWS, count=SHOWN_ROWS + 500)
    ]
    assert "The first 1,000 of 1,500 rows are shown" in at.caption[0].value
    # The download, made when clicked, holds every row, shaped the same way.
    lines = made[-1]().decode("utf-8-sig").splitlines()
    assert lines[0] == "customer_id,Customer"
    assert len(lines) == 1 + SHOWN_ROWS + 500
    assert lines[-1] == f"{SHOWN_ROWS + 499},c{SHOWN_ROWS + 499}"


def test_a_download_made_when_clicked_keeps_the_readers_language(made: list) -> None:
    # A click makes the file on a server thread, outside the session: the session's language
    # is fixed when the button is drawn, so a Chinese reader's file has Chinese headings.
    at = _long_table_app(SHOWN_ROWS + 1, language="zh").run()
    assert not at.exception, [e.value for e in at.exception]
    assert list(at.dataframe[0].value.columns) == ["customer_id", "客户"]
    assert made[-1]().decode("utf-8-sig").splitlines()[0] == "customer_id,客户"


def test_a_table_of_at_most_the_shown_rows_is_shown_whole() -> None:
    at = _long_table_app(SHOWN_ROWS).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.dataframe[0].value) == SHOWN_ROWS
    assert not at.caption, "nothing left out, nothing said"


def test_a_download_does_not_rerun_the_page() -> None:
    # A rerun on click would redraw the page for nothing and race the file the click asked
    # for (the rerun drops it): every download button is drawn to ignore its click.
    at = _long_table_app(3).run()
    assert not at.exception, [e.value for e in at.exception]
    buttons = at.get("download_button")
    assert buttons, "the table offers its download"
    assert all(button.proto.ignore_rerun for button in buttons)
