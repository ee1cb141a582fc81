"""The Explain page in AppTest, in English and Chinese: the sentence on top, the waterfall,
and drill links that keep every filter in the URL (codes, never labels)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _open(language: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.session_state["lang"] = language
    at.switch_page("pages/explain.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _links(at: AppTest) -> dict[str, dict[str, list[str]]]:
    """Each page link's label and the query it carries."""
    return {link.proto.label: parse_qs(link.proto.query_string) for link in at.get("page_link")}


@pytest.mark.parametrize(
    ("language", "opening"),
    [("en", "Gross margin is "), ("zh", "毛利较去年同期")],
)
def test_sentence_on_top_and_drill_keeps_the_filters(
    demo_db: Path, language: str, opening: str
) -> None:
    at = _open(language, kpi="gross_margin", vs="last_year", by="team", period="qtd")
    sentence = next(m.value for m in at.markdown if m.value.startswith("### "))
    assert sentence.removeprefix("### ").startswith(opening), sentence
    assert at.get("plotly_chart"), "the waterfall is drawn"
    drills = {label: query for label, query in _links(at).items() if query.get("by") == ["group"]}
    assert drills, _links(at)
    for query in drills.values():
        # Every filter and choice kept; the row becomes the team filter, by its code (name).
        assert query["kpi"] == ["gross_margin"] and query["vs"] == ["last_year"]
        assert query["period"] == ["qtd"]
        assert len(query["team"]) == 1


def test_a_drilled_link_opens_the_narrowed_view(demo_db: Path) -> None:
    at = _open("en", kpi="gross_margin", vs="last_year", by="team", period="qtd")
    query = next(q for q in _links(at).values() if q.get("by") == ["group"])
    team = query["team"][0]
    narrowed = _open("en", **{k: v[0] for k, v in query.items()})
    assert narrowed.query_params["team"] == [team] or narrowed.query_params["team"] == team
    assert narrowed.query_params["by"] in (["group"], "group")
    sentence = next(m.value for m in narrowed.markdown if m.value.startswith("### "))
    assert sentence.startswith("### Gross margin is ")


def test_kpi_trends_cards_link_here_with_the_filters(demo_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"period": "qtd"})
    at.switch_page("pages/kpi_trends.py").run()
    assert not at.exception, [e.value for e in at.exception]
    why = [q for label, q in ((lk.proto.label, parse_qs(lk.proto.query_string))
           for lk in at.get("page_link")) if label == "Why?"]  # fmt: skip
    # Each card's link names its KPI and the comparison the card shows, filters kept.
    assert why and all(q["period"] == ["qtd"] and "kpi" in q and "vs" in q for q in why)


def test_the_standup_month_card_links_here(demo_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()  # the stand-up is the home page
    assert not at.exception, [e.value for e in at.exception]
    links = at.get("page_link")
    why = [parse_qs(lk.proto.query_string) for lk in links if lk.proto.label == "Why?"]
    assert len(why) == 1 and why[0]["kpi"] == ["revenue"]  # the URL (lang too) kept


def test_a_person_is_drilled_into_by_id(demo_db: Path) -> None:
    at = _open("en", kpi="gross_margin", by="rep_id", period="qtd")
    drills = [q for q in _links(at).values() if q.get("by") == ["product_category"]]
    assert drills and all(q["rep"][0].isdigit() for q in drills)  # rep_id, never a name
    narrowed = _open("en", **{k: v[0] for k, v in drills[0].items()})
    assert any(c.value.startswith("Person: ") for c in narrowed.caption)
    # Its own "All people" link takes the person out and keeps the rest.
    back = next(q for label, q in _links(narrowed).items() if label == "All people")
    assert "rep" not in back and back["period"] == ["qtd"]
