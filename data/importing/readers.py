"""Reading a CSV/TSV, XLSX or Parquet file into a DuckDB table of text columns c0, c1, ...

Every value is read as text and parsed later in SQL, in bulk, so a bad cell becomes a reported
problem on its row rather than a failed read. The table keeps the file's order: row r of the
table is the file's row r + 2 (the header is row 1, as in a spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data.importing.encoding import (
    EncodingGuess,
    detect_encoding,
    normalize_encoding,
    transcode_to_utf8,
)
from data.importing.errors import ImportFileError

RAW_TABLE = "import_raw"
MAX_MB_ENV = "HUDDLE_IMPORT_MAX_MB"
DEFAULT_MAX_MB = 1024
DELIMITERS = (",", ";", "\t", "|")
# read_csv's buffer: with DuckDB's default, staging a 5-million-row file into a table takes a
# third more CPU (measured: 3.3 s against 2.2 s), and larger buffers gain nothing more.
CSV_BUFFER_BYTES = 16 * 1024 * 1024
_XLSX_MAGIC = b"PK\x03\x04"
_PARQUET_MAGIC = b"PAR1"
# Limits on one XLSX sheet: Excel's own row limit; far more columns than any export has; and
# the time openpyxl may spend reading it, so a forged or enormous sheet is refused with a
# sentence instead of holding the import for minutes (saved as CSV, it reads far faster).
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_COLUMNS = 1_000
XLSX_SECONDS_ENV = "HUDDLE_XLSX_MAX_SECONDS"
DEFAULT_XLSX_SECONDS = 120.0


@dataclass(frozen=True)
class ReadOptions:
    """What the user may override: encoding, delimiter, sheet, size limit."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    max_mb: float | None = None


@dataclass
class StagedFile:
    """A file read into RAW_TABLE, with the settings detected (and shown to the user)."""

    path: Path
    name: str
    format: str  # csv, xlsx or parquet
    headers: list[str]
    rows: int
    encoding: EncodingGuess | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    row_base: int = 0  # the raw table's first rowid (temp tables do not start at 0)

    @property
    def row_sql(self) -> str:
        """SQL for the file's row number of raw-table row `r` (the header is row 1)."""
        return f"(r.rowid - {self.row_base} + 2)"

    def column(self, header: str) -> str:
        """The raw table's column (c0, c1, ...) holding the file's column `header`."""
        return f"c{self.headers.index(header)}"


def max_bytes(options: ReadOptions) -> int:
    """The configured size limit in bytes: the option, $HUDDLE_IMPORT_MAX_MB, or 1 GB."""
    mb = options.max_mb or float(os.environ.get(MAX_MB_ENV, DEFAULT_MAX_MB))
    return int(mb * 1024 * 1024)


def _check_size(path: Path, options: ReadOptions) -> None:
    if not path.is_file():
        raise ImportFileError.of("import.no_file", path=str(path))
    size = path.stat().st_size
    limit = max_bytes(options)
    if size > limit:
        raise ImportFileError.of(
            "import.too_large",
            name=path.name,
            size_mb=size / 1048576,
            limit_mb=limit / 1048576,
            setting=MAX_MB_ENV,
        )
    if size == 0:
        raise ImportFileError.of("import.empty_file", name=path.name)


def detect_format(path: Path, head: bytes) -> str:
    """csv, xlsx or parquet from the first bytes; binary data that is none of them is an error."""
    if head.startswith(_XLSX_MAGIC):
        return "xlsx"
    if head.startswith(_PARQUET_MAGIC):
        return "parquet"
    if path.suffix.lower() in (".xlsx", ".xlsm", ".parquet"):
        raise ImportFileError.of("import.not_really", name=path.name, suffix=path.suffix)
    text_start = head.lstrip(b"\xef\xbb\xbf")
    is_utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in text_start[:8192] if b < 9 or 13 < b < 32)
    if not is_utf16 and (b"\x00" in text_start[:8192] or control > 8):
        raise ImportFileError.of("import.binary", name=path.name)
    return "csv"


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: 0 for d in DELIMITERS}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _unique_headers(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for position, name in enumerate(names, start=1):
        label = name.strip().lstrip("\ufeff") or f"column {position}"
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result


def check_delimiter(delimiter: str | None) -> None:
    """A delimiter the user gave must be one character that is not a quote or a line end
    (Python's csv module and DuckDB both read only a one-character delimiter)."""
    if delimiter is None:
        return
    if len(delimiter) != 1 or delimiter in ('"', "\r", "\n"):
        raise ImportFileError.of("import.bad_delimiter", delimiter=delimiter)


def _first_record(text: str, delim: str, name: str) -> list[str]:
    """The first CSV record of `text`: its header. Line ends are read universally (CR-only
    files, as old Mac exports write them, too); the rows themselves are read by DuckDB,
    which detects CR, LF and CRLF on its own."""
    try:
        return next(csv.reader(io.StringIO(text, newline=None), delimiter=delim), [])
    except csv.Error as error:
        raise ImportFileError.of("import.unreadable", name=name, detail=str(error)) from None


def _csv_header(path: Path, delimiter: str | None, name: str) -> tuple[list[str], str]:
    check_delimiter(delimiter)
    # A bad byte (or a character cut at the end of a short file) is not the header's
    # business: DuckDB reports it on its row when it reads the rows.
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        head = handle.read(65536)
    if not head.strip():
        raise ImportFileError.of("import.empty_file", name=name)
    first_line = head.splitlines()[0]
    delim = delimiter or _sniff_delimiter(first_line)
    return _unique_headers(_first_record(head, delim, name)), delim


_LINE = re.compile(r"CSV Error on Line: (\d+)")


def _csv_error(name: str, error: duckdb.Error, headers: int) -> ImportFileError:
    text = str(error)
    line_match = _LINE.search(text)
    found = re.search(r"Found: (\d+)", text)
    if line_match and "unterminated quote" in text:
        return ImportFileError.of("import.truncated", name=name, row=int(line_match.group(1)))
    if line_match and found and "Expected Number of Columns" in text:
        return ImportFileError.of(
            "import.column_count",
            name=name,
            row=int(line_match.group(1)),
            found=int(found.group(1)),
            expected=headers,
        )
    if line_match and ("unicode" in text.lower() or "utf-8" in text.lower()):
        return ImportFileError.of(
            "import.not_utf8",
            name=name,
            row=int(line_match.group(1)),
            encodings="gbk, windows-1252",
        )
    # DuckDB's own first line: rare, and more use to the user than a vague message of ours.
    return ImportFileError.of("import.unreadable", name=name, detail=text.splitlines()[0])


def _read_csv(con: duckdb.DuckDBPyConnection, path: Path, headers: list[str], delim: str) -> None:
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(headers))) + "}"
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {RAW_TABLE} AS SELECT * FROM read_csv($path,"
        f" header = true, delim = $delim, quote = '\"', escape = '\"', strict_mode = true,"
        f" auto_detect = false, columns = {columns}, buffer_size = {CSV_BUFFER_BYTES})",
        {"path": str(path), "delim": delim},
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_seconds() -> float:
    """How long reading one sheet may take: $HUDDLE_XLSX_MAX_SECONDS, or 120 s."""
    return float(os.environ.get(XLSX_SECONDS_ENV, DEFAULT_XLSX_SECONDS))


def _xlsx_to_csv(
    path: Path, sheet: str | None, target: Path, seconds: float | None = None
) -> tuple[str, list[str]]:
    """Write the sheet's non-empty rows to `target` as CSV; (sheet read, every sheet).

    Whatever is inside the zip, the answer is a sheet's rows or an ImportFileError: a damaged
    workbook raises any of a dozen exception types from openpyxl and the XML parser, so every
    one of them is turned into the same sentence. The sheet's declared size (its dimension)
    is not trusted, since a forged one makes openpyxl pad every row to it; the rows actually
    present are read, up to XLSX_MAX_ROWS rows, XLSX_MAX_COLUMNS columns and `seconds`."""
    from openpyxl import load_workbook

    limit = xlsx_seconds() if seconds is None else seconds
    started = time.monotonic()
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # any damage inside the zip is the file's fault
        raise _bad_xlsx(path, error) from None
    try:
        names = list(book.sheetnames)
        if not names:  # openpyxl leaves out a sheet whose XML is missing from the zip
            raise ImportFileError.of("import.xlsx_no_sheets", name=path.name)
        chosen = sheet or names[0]
        if chosen not in names:
            raise ImportFileError.of(
                "import.no_sheet", name=path.name, sheet=chosen, sheets=", ".join(names)
            )
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            worksheet = book[chosen]
            worksheet.reset_dimensions()  # type: ignore[union-attr]
            width = 0
            for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if number > XLSX_MAX_ROWS:
                    raise ImportFileError.of(
                        "import.xlsx_too_many_rows",
                        name=path.name,
                        sheet=chosen,
                        max_rows=XLSX_MAX_ROWS,
                    )
                if len(row) > XLSX_MAX_COLUMNS:
                    raise ImportFileError.of(
                        "import.xlsx_too_many_columns",
                        name=path.name,
                        sheet=chosen,
                        row=number,
                        columns=len(row),
                        max_columns=XLSX_MAX_COLUMNS,
                    )
                if number % 1000 == 0 and time.monotonic() - started > limit:
                    raise ImportFileError.of(
                        "import.xlsx_too_slow",
                        name=path.name,
                        sheet=chosen,
                        seconds=limit,
                        row=number,
                        setting=XLSX_SECONDS_ENV,
                    )
                cells = [_cell_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()  # rows end at their last value now that the dimension is unread
                if not cells:
                    continue
                width = width or len(cells)  # the header's
                if len(cells) > width:
                    raise ImportFileError.of(
                        "import.column_count",
                        name=path.name,
                        row=number,
                        found=len(cells),
                        expected=width,
                    )
                writer.writerow(cells + [""] * (width - len(cells)))
    except ImportFileError:
        raise
    except OSError:
        raise  # writing the CSV failed (a full disk): not the file's fault
    except Exception as error:  # damage found while reading the rows
        raise _bad_xlsx(path, error) from None
    finally:
        book.close()
    return chosen, names


def _bad_xlsx(path: Path, error: Exception) -> ImportFileError:
    return ImportFileError.of("import.bad_xlsx", name=path.name, detail=error.__class__.__name__)


def _read_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    try:
        names = [
            r[0]
            for r in con.execute(
                "DESCRIBE SELECT * FROM read_parquet($p)", {"p": str(path)}
            ).fetchall()
        ]
        select = ", ".join(
            f'CAST("{n}" AS VARCHAR) AS c{i}'
            for i, n in enumerate(n.replace('"', '""') for n in names)
        )
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {RAW_TABLE} AS SELECT {select} FROM read_parquet($p)",
            {"p": str(path)},
        )
    except duckdb.Error as error:
        raise ImportFileError.of(
            "import.bad_parquet", name=path.name, detail=str(error).splitlines()[0]
        ) from None
    return _unique_headers(names)


def stage_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    workdir: Path,
    options: ReadOptions = ReadOptions(),
    display_name: str | None = None,
) -> StagedFile:
    """Read `path` into the temp table RAW_TABLE on `con`; temporary files go to `workdir`."""
    path = Path(path)
    name = display_name or path.name
    _check_size(path, options)
    with path.open("rb") as handle:
        head = handle.read(65536)
    kind = detect_format(path, head)
    if kind == "parquet":
        headers = _read_parquet(con, path)
        staged = StagedFile(path, name, "parquet", headers, 0)
    elif kind == "xlsx":
        converted = workdir / "sheet.csv"
        chosen, sheets = _xlsx_to_csv(path, options.sheet, converted)
        if converted.stat().st_size == 0:
            raise ImportFileError.of("import.empty_sheet", name=name, sheet=chosen)
        headers, delim = _csv_header(converted, ",", name)
        _read_csv_or_explain(con, converted, headers, delim, name)
        staged = StagedFile(path, name, "xlsx", headers, 0, sheet=chosen, sheets=sheets)
    else:
        if options.encoding:
            codec = normalize_encoding(options.encoding)
            guess = EncodingGuess(codec, "chosen by you", "chosen")
        else:
            guess = detect_encoding(path)
        readable = path
        if guess.encoding not in ("utf-8",):
            readable = workdir / "utf8.csv"
            transcode_to_utf8(path, guess.encoding, readable, name=name)
        headers, delim = _csv_header(readable, options.delimiter, name)
        _read_csv_or_explain(con, readable, headers, delim, name, workdir)
        staged = StagedFile(path, name, "csv", headers, 0, encoding=guess, delimiter=delim)
    count, base = con.execute(f"SELECT count(*), min(rowid) FROM {RAW_TABLE}").fetchall()[0]
    staged.rows, staged.row_base = int(count), int(base or 0)
    if staged.rows == 0:
        raise ImportFileError.of("import.no_rows", name=name)
    return staged


def _read_csv_or_explain(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    headers: list[str],
    delim: str,
    name: str,
    workdir: Path | None = None,
) -> None:
    if workdir is not None and _mixed_line_ends(path):
        # DuckDB reads one kind of line end per file: a file whose lines end in LF and CR LF
        # both (two exports pasted together) is read with every line ending in LF.
        same_ends = workdir / "line_ends.csv"
        _normalise_line_ends(path, same_ends)
        path = same_ends
    try:
        _read_csv(con, path, headers, delim)
    except duckdb.Error as error:
        if _MIXED_LINE_ENDS in str(error):  # mixed past the part checked, or a stray CR
            raise ImportFileError.of("import.mixed_line_ends", name=name) from None
        raise _csv_error(name, error, len(headers)) from None


_MIXED_LINE_ENDS = "state machine reached an invalid state"


def _mixed_line_ends(path: Path) -> bool:
    """True when the file's first 64 KB end lines in more than one way (CR LF, LF, CR)."""
    with path.open("rb") as handle:
        head = handle.read(65536).rstrip(b"\r")  # a CR cut from its LF at the end is fine
    crlf = head.count(b"\r\n")
    return bool(crlf) + bool(head.count(b"\n") - crlf) + bool(head.count(b"\r") - crlf) > 1


def _normalise_line_ends(source: Path, target: Path, chunk: int = 1 << 22) -> None:
    """Copy UTF-8 `source` to `target` with CR LF and a lone CR turned into LF, streaming."""
    pending_cr = False
    with source.open("rb") as reader, target.open("wb") as writer:
        while block := reader.read(chunk):
            if pending_cr and block.startswith(b"\n"):
                block = block[1:]  # the CR before was the first half of this CR LF
            pending_cr = block.endswith(b"\r")
            writer.write(block.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))


def read_headers(path: Path, options: ReadOptions = ReadOptions()) -> list[str]:
    """The file's column headers, read from its start only (for proposing a mapping)."""
    path = Path(path)
    _check_size(path, options)
    with path.open("rb") as handle:
        head = handle.read(65536)
    kind = detect_format(path, head)
    if kind == "parquet":
        con = duckdb.connect()
        try:
            return _read_parquet(con, path)
        finally:
            con.close()
    if kind == "xlsx":
        from data import tempfiles

        with tempfiles.workdir("headers") as work:  # under Huddle's own, swept after a kill
            target = work / "sheet.csv"
            _xlsx_to_csv(path, options.sheet, target)
            return _csv_header(target, ",", path.name)[0]
    codec = (
        normalize_encoding(options.encoding) if options.encoding else detect_encoding(path).encoding
    )
    text = head.decode(codec, errors="ignore").lstrip("\ufeff")
    if not text.strip():
        raise ImportFileError.of("import.empty_file", name=path.name)
    check_delimiter(options.delimiter)
    delim = options.delimiter or _sniff_delimiter(text.splitlines()[0])
    return _unique_headers(_first_record(text, delim, path.name))
