"""The README and the code agree: every KPI and every CLI command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from cli import build_parser
from metrics.catalogue import listed_kpis

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


def test_readme_kpi_table_matches_the_catalogue() -> None:
    rows = re.findall(r"^\| (.+?) \| `([a-z_]+)` \| (.+?) \|$", README, flags=re.MULTILINE)
    assert rows == [(k.label, k.id, k.definition) for k in listed_kpis()]


def test_readme_documents_every_cli_command() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name in commands:
        assert f"python cli.py {name}" in README, f"README does not show `cli.py {name}`"


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
