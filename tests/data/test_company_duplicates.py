"""Likely duplicates (data.importing.company.likely_duplicates): names of one table that differ
only in spacing, case, punctuation or symbols, each group once with its ids and names in id
order; names that are nothing but those never match."""

from __future__ import annotations

from pathlib import Path

from data.importing.company import likely_duplicates
from data.store import Store


def test_each_group_once_with_its_ids_and_names_in_id_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "dupes.duckdb")
    with store.transaction() as con:
        con.execute(
            "INSERT INTO teams VALUES (1, 'Beta', NULL, 'retail', NULL),"
            " (2, 'Alpha', NULL, 'retail', NULL), (3, 'Beta ', NULL, 'retail', NULL)"
        )
        # Three Mos (one group of three, listed by id whatever the insert order), an Ann
        # alone, and two names with no letters at all, which are nobody's duplicates.
        con.execute(
            "INSERT INTO reps VALUES (12, 'MO', 1, 'sales_rep', DATE '2024-01-01', NULL),"
            " (10, 'Mo', 1, 'sales_rep', DATE '2024-01-01', NULL),"
            " (11, 'Mo.', 2, 'sales_rep', DATE '2024-01-01', NULL),"
            " (13, 'Ann', 2, 'sales_rep', DATE '2024-01-01', NULL),"
            " (14, '...', 2, 'sales_rep', DATE '2024-01-01', NULL),"
            " (15, '—', 2, 'sales_rep', DATE '2024-01-01', NULL)"
        )
        # Chinese punctuation and a full-width space go too; the same name in another table
        # is not a duplicate of this one.
        con.execute(
            "INSERT INTO customers (customer_id, name) VALUES (7, '张三（北京）'),"
            " (5, '张三 北京'), (6, 'Mo')"
        )
    found = likely_duplicates(store)
    store.close()
    rows = [
        (r.table_name, r.normalised, [int(i) for i in r.ids], list(r.names))
        for r in found.itertuples()
    ]
    assert rows == [
        ("customers", "张三北京", [5, 7], ["张三 北京", "张三（北京）"]),
        ("reps", "mo", [10, 11, 12], ["Mo", "Mo.", "MO"]),
        ("teams", "beta", [1, 3], ["Beta", "Beta "]),
    ]
