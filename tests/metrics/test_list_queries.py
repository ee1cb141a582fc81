"""list_queries.tidy: what every row-level list hands a page."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from metrics.list_queries import tidy


def test_tidy_gives_dates_strings_and_none_for_missing() -> None:
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2025-03-01", None, "2024-02-29"]),
            "name": ["Acme", None, "Birch"],
            "owner": pd.array(["Ann", pd.NA, "Bo"], dtype="string"),
            "cents": [100, 200, 300],
            "share": [0.5, np.nan, 0.25],
            "dropped": [1, 2, 3],
        }
    )
    out = tidy(frame, ["name", "owner", "day", "cents", "share"], dates=("day",))
    assert list(out.columns) == ["name", "owner", "day", "cents", "share"]
    assert out["day"].tolist() == [date(2025, 3, 1), None, date(2024, 2, 29)]
    assert [type(v) for v in out["day"]] == [date, type(None), date]
    assert out["name"].tolist() == ["Acme", None, "Birch"]
    assert out["owner"].tolist() == ["Ann", None, "Bo"]
    assert [type(v) for v in out["owner"]] == [str, type(None), str]
    assert out["cents"].tolist() == [100, 200, 300]  # numbers are left as they are
    assert np.isnan(out["share"][1])


def test_tidy_keeps_an_empty_list_empty_with_its_columns() -> None:
    frame = pd.DataFrame({"day": pd.Series([], dtype="datetime64[ns]"), "name": []})
    out = tidy(frame, ["day", "name"], dates=("day",))
    assert out.empty and list(out.columns) == ["day", "name"]
