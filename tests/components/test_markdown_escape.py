"""User text in Markdown shows literally: a customer called `[x](http://evil.example)` is
never a live link, `![t](http://…)` never an image a viewer's browser fetches."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.format import md
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_every_markdown_character_gets_a_backslash() -> None:
    # Worked by hand: each of [ ] ( ) : . gets a backslash; letters, digits and / do not.
    assert md("[x](http://evil.example)") == r"\[x\]\(http\://evil\.example\)"
    assert md("![t](http://e.x/i.png)") == r"\!\[t\]\(http\://e\.x/i\.png\)"
    for char in "\\`*_{}[]()#+-.!|<>~$:&=@^":
        assert md(char) == "\\" + char, char
    # Names without syntax are untouched; Chinese has none.
    assert md("Ann O'Brien") == "Ann O'Brien" and md("杭州海纳商行") == "杭州海纳商行"
    assert md("$x^2$") == r"\$x\^2\$"  # no LaTeX
    assert md("www.evil.example") == r"www\.evil\.example"  # no bare link either
    assert md(":red[alarm]") == r"\:red\[alarm\]"  # no coloured text


def test_a_line_break_stays_a_break_and_cannot_start_a_block() -> None:
    # "# b" on its own line would be a heading, "    c" a code block: both stay text.
    assert md("a\n# b\r\n    c") == "a  \n\\# b  \nc"
    assert md(None) == "None" and md(12.5) == r"12\.5"


HOSTILE_REP = "[r{id}](http://evil.example)"
HOSTILE_CUSTOMER = "![c{id}](http://evil.example/i.png)"


@pytest.fixture
def hostile_db(
    demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A demo copy where every person and every customer is named in hostile Markdown, so
    whichever names a page shows are hostile ones."""
    path = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("UPDATE reps SET name = replace(?, '{id}', rep_id::VARCHAR)", [HOSTILE_REP])
        cur.execute(
            "UPDATE customers SET name = replace(?, '{id}', customer_id::VARCHAR)",
            [HOSTILE_CUSTOMER],
        )
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    yield path


def _rendered_markdown(at: AppTest) -> list[str]:
    """Every text the page hands to Streamlit's Markdown renderer."""
    texts: list[str] = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title",
                 "header", "subheader", "toast"):  # fmt: skip
        texts += [str(element.value) for element in getattr(at, kind)]
    for kind in ("button", "checkbox", "expander", "metric", "tabs"):
        texts += [str(getattr(element, "label", "")) for element in getattr(at, kind)]
    return texts


def _live_links(texts: list[str]) -> list[str]:
    """Texts holding link or image syntax or a bare URL that no backslash disarms."""
    live = re.compile(r"(?<!\\)\]\(|(?<!\\)!\[|http://evil|evil\.example")
    return [text for text in texts if live.search(text)]


def _page(path: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if path:
        at.switch_page(path)
    return at.run()


def test_the_stand_up_shows_hostile_names_literally(hostile_db: Path) -> None:
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    texts = _rendered_markdown(at)
    assert not _live_links(texts), _live_links(texts)
    # The names are there, escaped: a person (wins, leader, behind pace) and a customer.
    joined = "\n".join(texts)
    assert re.search(r"\\\[r\d+\\\]\\\(http\\://evil\\\.example\\\)", joined), joined[:2000]
    assert re.search(r"\\!\\\[c\d+\\\]", joined), joined[:2000]


def test_the_team_page_shows_hostile_names_literally(hostile_db: Path) -> None:
    at = _page("pages/team.py")
    assert not at.exception, [e.value for e in at.exception]
    texts = _rendered_markdown(at)
    assert not _live_links(texts), _live_links(texts)
    assert any(re.search(r"\\\[r\d+\\\]", text) for text in texts)
