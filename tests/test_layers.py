"""The dependency direction pages -> components -> metrics -> data, checked on every import."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["pages", "components", "metrics", "data"]  # each may import only those after it
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b\s+[\w*(\"]", re.IGNORECASE)


def _python_files(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_imports_only_layers_below_it(layer: str) -> None:
    position = LAYERS.index(layer)
    forbidden = set(LAYERS[:position])
    if layer in ("metrics", "data"):
        forbidden.add("streamlit")
    offenders = [
        f"{path.relative_to(ROOT)} imports {sorted(_imports(path) & forbidden)}"
        for path in _python_files(layer)
        if _imports(path) & forbidden
    ]
    assert not offenders, "Layer rule broken:\n" + "\n".join(offenders)


@pytest.mark.parametrize("layer", ["pages", "components"])
def test_no_sql_in_pages_or_components(layer: str) -> None:
    offenders = []
    for path in _python_files(layer):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and SQL.search(text) and " FROM " in text.upper():
                offenders.append(f"{path.relative_to(ROOT)}: {text[:60]!r}")
    assert not offenders, "SQL belongs in metrics/ or data/:\n" + "\n".join(offenders)


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    # Guards the guard: an upward import must be detected.
    bad = tmp_path / "bad.py"
    bad.write_text("from components.cache import get_store\nimport streamlit as st\n")
    assert _imports(bad) == {"components", "streamlit"}
