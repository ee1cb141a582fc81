"""Matching a multi-file upload to a preset's files: by name (upper or lower case alike), in
import order, each with the table it goes to in words."""

from __future__ import annotations

from components.import_multi_view import FileRow, files_table, match_uploads, ready
from components.text import use_language
from data.importing.presets import get_preset


def test_uploads_are_matched_by_name_in_import_order() -> None:
    maven = get_preset("maven-crm")
    names = ["SALES_PIPELINE.csv", "notes.txt", "Sales_Teams.CSV", "products.csv"]
    rows = match_uploads(maven, names)
    assert rows == [
        FileRow("sales_teams.csv", "reps", "received", 2),
        FileRow("accounts.csv", "customers", "missing", None),
        FileRow("products.csv", "products", "received", 3),
        FileRow("sales_pipeline.csv", "deals", "received", 0),
        FileRow("notes.txt", None, "extra", 1),
    ]
    assert not ready(rows)
    assert ready(match_uploads(maven, [*names, "accounts.csv"]))  # the extra file is left out


def test_a_second_copy_of_a_file_is_not_part_of_the_import() -> None:
    rows = match_uploads(get_preset("salesforce"), ["accounts.csv", "Accounts.csv"])
    assert [(r.file, r.status, r.upload) for r in rows] == [
        ("accounts.csv", "received", 0),
        ("opportunities.csv", "missing", None),
        ("Accounts.csv", "extra", 1),
    ]


def test_sales_teams_goes_to_people_not_teams() -> None:
    # The preset maps sales_teams.csv into reps (agents, their managers as groups, offices as
    # teams): the table says "People", as the "What the file holds" choice names reps.
    rows = match_uploads(get_preset("maven-crm"), ["sales_teams.csv"])
    with use_language("en"):
        shown = files_table(rows)
    assert shown.columns.tolist() == ["Order", "File", "Goes to", "Status"]
    assert shown.iloc[0].tolist() == ["1", "sales_teams.csv", "People (sales reps, managers)",
                                      "Received"]  # fmt: skip
    with use_language("zh"):
        assert files_table(rows).iloc[0].tolist() == ["1", "sales_teams.csv", "人员（销售、主管）",
                                                      "已收到"]  # fmt: skip
