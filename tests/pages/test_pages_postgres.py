"""Every page on PostgreSQL (issue 24): the demo company, Maven CRM and Superstore, each on a
database of the test server, run in AppTest with HUDDLE_DB naming the server. No page may
fail there, and KPI Trends' cards must show what the same company shows from a DuckDB file,
to the character (so to the cent)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import cli
from data.company_copy import copy_company
from data.config import DB_ENV_VAR
from data.engine import open_store
from data.store import Store
from metrics.incentive_plan import PLAN_ENV_VAR
from tests.pages.real_exports import MAVEN_DIR, SUPERSTORE_CSV
from tests.postgres_server import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
COMPANIES = ("demo", "maven", "superstore")


def _cli(*args: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert cli.main(list(args)) == 0, err.getvalue()


@pytest.fixture(scope="module")
def on_server(postgres_server: PostgresServer, demo_db_path: Path) -> Iterator[dict[str, str]]:
    """The three companies on the test server: the demo copied from the session's DuckDB file
    (`cli.py copy`'s path), the two exports imported there as a new user would."""
    urls = {name: postgres_server.new_database(name) for name in COMPANIES}
    source, target = Store(demo_db_path), open_store(urls["demo"])
    try:
        copy_company(source, target)
    finally:
        target.close()
    _cli("import", "--preset", "maven-crm", str(MAVEN_DIR), "--db", urls["maven"])
    _cli("import", "orders", str(SUPERSTORE_CSV), "--preset", "superstore", "--db",
         urls["superstore"])  # fmt: skip
    yield urls
    for url in urls.values():
        postgres_server.drop_database(url)


@pytest.fixture
def files(
    demo_db_path: Path, maven_export_path: Path, superstore_export_path: Path
) -> dict[str, Path]:
    """The same three companies in DuckDB files (built once per session elsewhere)."""
    return {"demo": demo_db_path, "maven": maven_export_path, "superstore": superstore_export_path}


def _run(where: str | Path, page: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(DB_ENV_VAR, str(where))
    monkeypatch.delenv(PLAN_ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(page)
    return at.run()


@pytest.mark.parametrize("company", COMPANIES)
@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_runs_on_postgresql(
    on_server: dict[str, str], company: str, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _run(on_server[company], page, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title or at.markdown, "every page has a heading"


@pytest.mark.parametrize("company", COMPANIES)
def test_kpi_cards_agree_with_the_duckdb_file(
    on_server: dict[str, str],
    files: dict[str, Path],
    company: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cards = {}
    for engine, where in (("duckdb", files[company]), ("postgres", on_server[company])):
        at = _run(where, "pages/kpi_trends.py", monkeypatch)
        assert not at.exception, [e.value for e in at.exception]
        cards[engine] = [(m.label, m.value, m.delta) for m in at.metric]
    assert cards["duckdb"], "KPI Trends shows cards"
    assert cards["postgres"] == cards["duckdb"]


def test_the_data_page_sends_backups_to_the_servers_tools(
    on_server: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _run(on_server["demo"], "pages/data.py", monkeypatch)
    notes = [i.value for i in at.info if "PostgreSQL server" in i.value]
    assert notes and "pg_dump" in notes[0]
    assert on_server["demo"] in notes[0]  # which server, as the URL names it (no password here)
    assert not [b for b in at.button if b.label == "Make a backup now"]
