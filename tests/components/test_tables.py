"""Downloads: what Excel on a Chinese Windows machine opens."""

from __future__ import annotations

import codecs

import pandas as pd

from components.tables import csv_bytes, readable
from components.text import use_language


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
