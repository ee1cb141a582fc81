"""Every spreadsheet Huddle writes (the app's downloads, the CLI's problem, rejected-row and
KPI files) goes through here, so no name, note or imported value can run as a formula.

A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return before one)
as a formula: a customer called `=HYPERLINK("http://evil.example","Click")` would become a
live link, and worse, in the lead's Excel. Following OWASP's advice on CSV injection, every
*text* cell that starts with one of those characters gets a leading single quote, which
Excel and LibreOffice read as "this is text". Numbers (ints, floats, Decimals), dates and
blanks are written as they are: -12.5 stays a number you can sum. In XLSX every text cell is
also stored as a string cell, never a formula cell, and characters XML cannot hold are
dropped (openpyxl refuses them, which would otherwise make the download fail).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pandas as pd

# OWASP "CSV Injection": = + - @ tab (0x09) and carriage return (0x0D) start a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
# CSV rows end in CRLF (RFC 4180). Python's csv module then quotes every cell holding a CR or
# LF; with pandas' default "\n" a bare CR went unquoted, and Excel starts a new row there, so
# "a\r=1+1" would put a formula at the start of a row of its own.
LINE_END = "\r\n"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: object) -> object:
    """`value` as a spreadsheet may hold it: text that would start a formula gets a leading
    single quote; anything that is not text (a number, a date, a blank) is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def _map_text(frame: pd.DataFrame, change: Callable[[object], object]) -> pd.DataFrame:
    """A copy of `frame` with `change` applied to its headings and to every cell of its
    columns that can hold text (object, string, category); numeric and date columns are
    never touched, so a negative amount stays a negative number."""
    changed = frame.copy()
    changed.columns = [change(c) for c in changed.columns]
    for position in range(changed.shape[1]):
        column = changed.iloc[:, position]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
            continue
        if isinstance(column.dtype, pd.CategoricalDtype):
            column = column.astype(object)
        changed.isetitem(position, column.map(change, na_action="ignore"))
    return changed


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells and headings cannot start a formula."""
    return _map_text(frame, safe_cell)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as CSV in UTF-8 with a byte-order mark (Excel, a Chinese Windows one too, reads
    the BOM and opens Chinese headings and names correctly), formula-safe."""
    return safe_frame(frame).to_csv(index=False, lineterminator=LINE_END).encode("utf-8-sig")


def write_csv(frame: pd.DataFrame, target: Path | IO[str] | None = None) -> None:
    """Write `frame` formula-safe as CSV to a file (UTF-8 with a BOM) or a text stream
    (standard output when `target` is None)."""
    if isinstance(target, Path):
        target.write_bytes(csv_bytes(frame))
        return
    safe_frame(frame).to_csv(target or sys.stdout, index=False, lineterminator=LINE_END)


def _xml_safe(value: object) -> object:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str = "Sheet1") -> bytes:
    """`frame` as an Excel workbook with one sheet: text cells are formula-safe and stored as
    strings (openpyxl would store any text starting with = as a live formula)."""
    safe = _map_text(safe_frame(frame), _xml_safe)
    # Excel allows 31 characters in a sheet name and none of []:*?/\
    sheet = "".join(c for c in sheet_name if c not in "[]:*?/\\")[:31] or "Sheet1"
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet)
        for row in writer.sheets[sheet].iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a string cell, whatever the text looks like
    return buffer.getvalue()
