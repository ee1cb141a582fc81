"""The CLI on a database file it cannot use (issue 19): one line in words, exit code 2, no
traceback, and the file left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import cli


def test_a_file_that_is_not_a_database_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("order_id,amount\n1,100\n", "utf-8")
    for command in (["info"], ["kpi", "revenue"], ["demo", "--if-missing"]):
        assert cli.main([*command, "--db", str(path)]) == 2, command
        err = capsys.readouterr().err
        assert err == (
            f"huddle: {path} is not a Huddle database: DuckDB cannot read it as a database file"
            " (a text file, a spreadsheet or a damaged copy?). Nothing was changed. Point Huddle"
            " at the right file (--db or HUDDLE_DB), or move this one aside to start a new"
            " database.\n"
        ), command
    assert path.read_text("utf-8") == "order_id,amount\n1,100\n"


def test_a_directory_as_the_database_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["info", "--db", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"huddle: The database file {tmp_path} cannot be opened (")
    assert err.count("\n") == 1 and "Traceback" not in err
