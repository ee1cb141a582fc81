"""What importing components does for the first page a process shows."""

from __future__ import annotations

import importlib

import pytest
import streamlit.delta_generator as delta_generator
from streamlit import env_util
from streamlit.testing.v1 import AppTest

import components


def test_the_first_element_a_process_draws_does_not_walk_the_stack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As in a fresh process: the check not made yet; then components is imported.
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    importlib.reload(components)
    asked: list[bool] = []
    monkeypatch.setattr(env_util, "is_repl", lambda: asked.append(True) or False)
    at = AppTest.from_string("import streamlit as st\nst.write('first')\n").run()
    assert not at.exception
    assert asked == [], "Streamlit walked the stack for its REPL check"
