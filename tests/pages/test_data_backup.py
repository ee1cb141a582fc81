"""The Data page's backup: from the app's own connection, and offered before a replace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.backup import verify
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def company(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "huddle.duckdb"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/data.py")
    return at.run()


def test_rebuilding_the_demo_offers_a_backup_first(company: Path) -> None:
    at = _page()
    assert not at.exception, [e.value for e in at.exception]
    assert not any("make a backup first" in w.value for w in at.warning)
    at.checkbox(key="data.demo.confirm").check().run()
    assert any("make a backup first" in w.value for w in at.warning)
    at.button(key="data.demo_backup.make").click().run()
    assert not at.exception, [e.value for e in at.exception]
    made = sorted((company.parent / "backups").glob("*.duckdb"))
    assert len(made) == 1
    verify(made[0])  # its checksum file matches
    assert any("Backed up to" in s.value for s in at.success)
    # The copy holds what the app's database holds (the app keeps it open for writing, so
    # this process reads it with the same configuration).
    store, copy = Store(company), Store(made[0], read_only=True)
    try:
        for table in ("orders", "reviews", "reps"):
            sql = f"SELECT count(*) FROM {table}"
            assert copy.scalar(sql) == store.scalar(sql) > 0
    finally:
        store.close()
        copy.close()


def test_the_backup_section_in_chinese(company: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "zh"  # switch_page drops the URL's ?lang=zh
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.label == "备份数据" for e in at.expander)
    assert any("SHA-256 校验文件" in c.value for c in at.caption)
    assert any(b.label == "立即备份" for b in at.button)
