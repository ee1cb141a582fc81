"""Run `python cli.py ARGS` in this process (cli.main) and get back what a subprocess run
gives: the exit code, stdout and stderr. Starting a new Python for each command costs a second
or more (importing pandas, DuckDB and the metrics) and the CLI tests run dozens of commands;
tests/test_cli.py keeps one real `python cli.py` subprocess run, so the entry point itself
(`sys.exit(main())`) stays tested."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import traceback
from pathlib import Path

import cli

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python cli.py ARGS` run from `cwd` (the repository, as `make` does), in-process.

    As a subprocess would: argparse's refusals give their exit code (2) and their message on
    stderr, and an exception that escapes `main` gives exit code 1 with its traceback on
    stderr (so a test asserting "no Traceback" still sees one)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as stop:
            if isinstance(stop.code, str):  # sys.exit("message"): printed, exit code 1
                print(stop.code, file=sys.stderr)
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        except Exception:
            traceback.print_exc()
            code = 1
    command = [sys.executable, str(ROOT / "cli.py"), *args]
    return subprocess.CompletedProcess(command, code, out.getvalue(), err.getvalue())
