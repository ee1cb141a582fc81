"""The organisation treemap's tree, built from a hand-made people list."""

from __future__ import annotations

import pandas as pd
import pytest

from components.team_view import _org_treemap
from components.text import use_language

# Two people share a name (kept apart by rep_id); Lee's revenue is negative (drawn as 0).
PEOPLE = pd.DataFrame(
    {
        "rep_id": [1, 2, 3, 4],
        "rep": ["Ann", "Bo", "Ann", "Lee"],
        "team": ["North", "North", "North", "South"],
        "group": ["North", "N1", "N1", "South"],
        "role": ["sales_manager", "sales_rep", "sales_rep", "sales_rep"],
        "revenue": [100.0, 250.0, 50.0, -20.0],
    }
)


@pytest.mark.parametrize("size_by", ["headcount", "revenue"])
def test_every_box_sums_its_people_and_every_person_is_a_tile(size_by: str) -> None:
    with use_language("en"):
        trace = _org_treemap(PEOPLE, size_by=size_by).to_dict()["data"][0]
    ids, parents, values = list(trace["ids"]), list(trace["parents"]), list(trace["values"])
    assert len(ids) == len(set(ids)) == len(parents) == len(values) == len(trace["labels"])
    assert all(parent == "" or parent in ids for parent in parents)  # one tree
    value = dict(zip(ids, values, strict=True))
    root = ids[parents.index("")]
    for rep_id in PEOPLE["rep_id"]:
        assert sum(i.endswith(f"/{rep_id}") for i in ids) == 1
    per_person = {"headcount": [1, 1, 1, 1], "revenue": [100, 250, 50, 0]}[size_by]
    assert value[root] == sum(per_person)
    assert value[f"{root}/North"] == sum(per_person[:3])
    assert value[f"{root}/North/N1"] == sum(per_person[1:3])
    assert value[f"{root}/North/N1/3"] == per_person[2]
    labels = dict(zip(ids, trace["labels"], strict=True))
    assert labels[f"{root}/North/North/1"] == labels[f"{root}/North/N1/3"] == "Ann"
