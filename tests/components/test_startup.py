"""A process sets its imports aside from the garbage collector once, at its first page."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import startup

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_call_freezes_what_is_alive_and_later_calls_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(startup, "_frozen", False)
    gc.unfreeze()  # what an earlier page run in this process set aside
    try:
        startup.set_imports_aside()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000, "the imported modules' objects"
        made_after = [[n] for n in range(1000)]
        startup.set_imports_aside()
        # A rerun sets nothing more aside: not the 1,000 lists made since. (The count may
        # drop: a frozen object no longer referred to is still freed.)
        assert gc.get_freeze_count() <= frozen
        assert made_after
    finally:
        gc.unfreeze()


def test_a_pages_first_run_sets_the_imports_aside(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page run the way a fresh server's first request runs it: the page file, no app.py.
    monkeypatch.setattr(startup, "_frozen", False)
    gc.unfreeze()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.switch_page("pages/definitions.py").run()
        assert not at.exception, [e.value for e in at.exception]
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
