"""A corpus of malformed import files, generated at test time (tests/data/test_import_corpus.py).

Each case is a file's bytes, the table it is imported into and what must happen: "refuse" (a
HuddleDataError naming the file and, for a row's problem, its row and column) or "accept" (a
clean import). Nothing here is random: junk bytes come from a seeded generator, so a failure
names a case that fails again the same way.

The kinds: encodings and byte-order marks, line endings, the file's shape (empty, header
only, duplicate or blank headers, too few or too many values, unbalanced quotes, huge
fields, mixed delimiters), dates and numbers written wrong in many ways, team files whose
parents form a circle, binary junk, and XLSX workbooks built with openpyxl and then damaged
by editing the zip.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from openpyxl import Workbook

from data.importing.mapping import Mapping

ORDERS = Mapping(
    "orders",
    columns={
        "order_id": "Order", "order_date": "Date", "customer": "Customer",
        "product": "Product", "rep": "Rep", "quantity": "Qty", "amount": "Amount",
    },
)  # fmt: skip
TEAMS = Mapping("teams", columns={"team": "Team", "parent_team": "Parent"})
HEADER = ["Order", "Date", "Customer", "Product", "Rep", "Qty", "Amount"]
ROWS = [
    ["A1", "2024-03-05", "Acme", "Widget", "Ann", "2", "10.00"],
    ["A2", "2024-03-06", "Beta Co", "Widget", "Bo", "1", '"1,250.50"'],
    ["A3", "2024-03-07", "Gamma", "Gadget", "Ann", "3", "7"],
]


@dataclass(frozen=True)
class Case:
    """One file of the corpus."""

    name: str  # the file name, with the extension the user's file would have
    data: bytes
    expect: str  # "refuse" or "accept"
    mapping: Mapping = field(default_factory=lambda: ORDERS)
    options: dict[str, str] = field(default_factory=dict)  # ReadOptions fields


def _csv(rows: list[list[str]], sep: str = ",", end: str = "\n") -> str:
    return "".join(sep.join(r) + end for r in rows)


GOOD = _csv([HEADER, *ROWS])


def _with(row: int, column: str, value: str) -> str:
    """The good file with one cell of data row `row` (0-based) replaced, quoted if needed."""
    rows = [list(r) for r in ROWS]
    text = f'"{value}"' if ("," in value or "\n" in value) and '"' not in value else value
    rows[row][HEADER.index(column)] = text
    return _csv([HEADER, *rows])


def _encoding_cases() -> Iterator[Case]:
    chinese = _csv([HEADER, ["C1", "2024-03-05", "北京华联", "保温杯", "张伟", "2", "￥88"]])
    latin = _csv([HEADER, ["L1", "2024-03-05", "Café Müller", "Crème", "José", "1", "7"]])
    yield Case("utf8.csv", GOOD.encode(), "accept")
    yield Case("utf8_bom.csv", b"\xef\xbb\xbf" + GOOD.encode(), "accept")
    yield Case("utf16le_bom.csv", GOOD.encode("utf-16"), "accept")
    yield Case("utf16be_bom.csv", b"\xfe\xff" + GOOD.encode("utf-16-be"), "accept")
    yield Case("gbk.csv", chinese.encode("gbk"), "accept")
    yield Case("gb18030.csv", chinese.encode("gb18030"), "accept")
    yield Case("cp1252.csv", latin.encode("cp1252"), "accept")
    yield Case("utf16le_no_bom.csv", GOOD.encode("utf-16-le"), "refuse")  # NUL bytes: binary
    yield Case("utf32.csv", GOOD.encode("utf-32"), "refuse")
    yield Case("bom_only.csv", b"\xef\xbb\xbf", "refuse")
    yield Case("double_bom.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + GOOD.encode(), "accept")
    yield Case("utf16_bom_only.csv", b"\xff\xfe", "refuse")
    yield Case("utf16_odd_length.csv", GOOD.encode("utf-16") + b"\x41", "refuse")
    mixed = GOOD.encode() + "A4,2024-03-08,张伟商行,W,Ann,1,1\n".encode("gbk")
    yield Case("utf8_then_gbk.csv", mixed, "accept")  # read as GB18030 or Windows-1252
    yield Case("forced_utf8_on_gbk.csv", mixed, "refuse", options={"encoding": "utf-8"})
    yield Case("forced_gbk_on_bad.csv", GOOD.encode() + b"\x81\x20\n", "refuse",
               options={"encoding": "gbk"})  # fmt: skip
    yield Case("unknown_encoding.csv", GOOD.encode(), "refuse", options={"encoding": "ebcdic"})
    yield Case("lone_continuation.csv", GOOD.encode() + b"A4,2024-03-08,\x80\x80,W,A,1,1\n",
               "accept")  # fmt: skip
    yield Case("overlong_utf8.csv", GOOD.encode() + b"A4,2024-03-08,\xc0\xaf,W,A,1,1\n",
               "accept")  # fmt: skip
    bad_late = GOOD.encode() + (b"A9,2024-03-05,Acme,W,Ann,1,1\n" * 40000) + b"\xff\xfe\xfd"
    yield Case("invalid_utf8_after_1mb.csv", bad_late, "refuse")
    yield Case("bom_mid_file.csv", (GOOD + "\ufeffA4,2024-03-08,Acme,W,Ann,1,1\n").encode(),
               "accept")  # fmt: skip


def _line_end_cases() -> Iterator[Case]:
    yield Case("crlf.csv", _csv([HEADER, *ROWS], end="\r\n").encode(), "accept")
    yield Case("cr_only.csv", _csv([HEADER, *ROWS], end="\r").encode(), "accept")
    yield Case("cr_only_bom.csv", b"\xef\xbb\xbf" + _csv([HEADER, *ROWS], end="\r").encode(),
               "accept")  # fmt: skip
    yield Case("cr_only_quoted_header.csv",
               _csv([[f'"{h}"' for h in HEADER], *ROWS], end="\r").encode(), "accept")  # fmt: skip
    yield Case("cr_only_gbk.csv", _csv([HEADER, ["C1", "2024-03-05", "北京", "杯", "张伟",
               "1", "8"]], end="\r").encode("gbk"), "accept")  # fmt: skip
    lines = [",".join(r) for r in [HEADER, *ROWS]]
    yield Case("lf_crlf_mix.csv", (lines[0] + "\n" + lines[1] + "\r\n" + lines[2] + "\n" +
               lines[3] + "\r\n").encode(), "accept")  # fmt: skip
    yield Case("cr_lf_mix.csv", (lines[0] + "\r" + lines[1] + "\n" + lines[2] + "\r" +
               lines[3] + "\n").encode(), "accept")  # fmt: skip
    yield Case("no_final_newline.csv", GOOD.rstrip("\n").encode(), "accept")
    yield Case("trailing_blank_lines.csv", (GOOD + "\n\n\n").encode(), "accept")
    yield Case("blank_line_inside.csv", (lines[0] + "\n" + lines[1] + "\n\n" + lines[2] +
               "\n").encode(), "accept")  # fmt: skip
    yield Case("commas_only_line.csv", (GOOD + ",,,,,,\n").encode(), "refuse")
    yield Case("lf_cr_lf.csv", "\n\r\n".join(lines).encode(), "accept")
    yield Case("header_then_cr.csv", (lines[0] + "\r\n\r" + lines[1] + "\n").encode(), "accept")


def _shape_cases() -> Iterator[Case]:
    head = ",".join(HEADER)
    yield Case("empty.csv", b"", "refuse")
    yield Case("spaces_only.csv", b"   \n  \n", "refuse")
    yield Case("newlines_only.csv", b"\n\n\n", "refuse")
    yield Case("header_only.csv", (head + "\n").encode(), "refuse")
    yield Case("header_no_newline.csv", head.encode(), "refuse")
    yield Case("header_crlf_only.csv", (head + "\r\n").encode(), "refuse")
    yield Case("duplicate_headers.csv", _csv([[*HEADER, "Order"], *[[*r, "X"] for r in ROWS]])
               .encode(), "accept")  # fmt: skip
    yield Case("duplicate_mapped_header.csv", _csv([["Order", *HEADER[1:], "Amount"],
               *[[*r, "1"] for r in ROWS]]).encode(), "accept")  # fmt: skip
    yield Case("blank_headers.csv", _csv([[*HEADER, "", ""], *[[*r, "a", "b"] for r in ROWS]])
               .encode(), "accept")  # fmt: skip
    yield Case("header_missing_amount.csv", _csv([HEADER[:-1], *[r[:-1] for r in ROWS]])
               .encode(), "refuse")  # fmt: skip
    yield Case("renamed_headers.csv", _csv([[h.upper() + "_" for h in HEADER], *ROWS]).encode(),
               "refuse")  # fmt: skip
    yield Case("short_row.csv", (GOOD + "A4,2024-03-08,Acme\n").encode(), "refuse")
    yield Case("long_row.csv", (GOOD + "A4,2024-03-08,Acme,W,Ann,1,1,extra,more\n").encode(),
               "refuse")  # fmt: skip
    yield Case("one_column_file.csv", b"Order\nA1\nA2\n", "refuse")
    yield Case("quote_never_closes.csv", (GOOD + 'A4,2024-03-08,"Acme,W,Ann,1,1\n').encode(),
               "refuse")  # fmt: skip
    yield Case("quote_at_end.csv", (GOOD + 'A4,2024-03-08,Acme,W,Ann,1,1"\n').encode(),
               "refuse")  # fmt: skip
    yield Case("quote_in_middle.csv", (GOOD + 'A4,2024-03-08,Ac"me,W,Ann,1,1\n').encode(),
               "accept")  # fmt: skip
    yield Case("quote_in_header.csv", ('"Order,' + ",".join(HEADER[1:]) + "\n" +
               _csv(ROWS)).encode(), "refuse")  # fmt: skip
    yield Case("escaped_quotes.csv", (GOOD + 'A4,2024-03-08,"The ""Best"" Co",W,Ann,1,1\n')
               .encode(), "accept")  # fmt: skip
    yield Case("newline_in_quotes.csv", (GOOD + 'A4,2024-03-08,"Two\nLines",W,Ann,1,1\n')
               .encode(), "accept")  # fmt: skip
    yield Case("cr_in_quotes.csv", (GOOD + 'A4,2024-03-08,"Two\rLines",W,Ann,1,1\n').encode(),
               "accept")  # fmt: skip
    yield Case("huge_field.csv", (GOOD + f"A4,2024-03-08,{'x' * 2_000_000},W,Ann,1,1\n")
               .encode(), "accept")  # fmt: skip
    yield Case("huge_quoted_field.csv", (GOOD + f'A4,2024-03-08,"{"y," * 400_000}",W,Ann,1,1\n')
               .encode(), "accept")  # fmt: skip
    yield Case("huge_header.csv", (",".join(HEADER) + "," + "z" * 300_000 + "\n" +
               _csv([[*r, "1"] for r in ROWS])).encode(), "accept")  # fmt: skip
    many = [*HEADER, *(f"extra{i}" for i in range(1500))]
    yield Case("many_columns.csv", _csv([many, *[[*r, *("1" * 1500)] for r in ROWS]]).encode(),
               "accept")  # fmt: skip
    yield Case("nul_after_8k.csv", (GOOD + "A4,2024-03-08,Acme,W,Ann,1,1\n" * 400).encode() +
               b"A5,2024-03-08,Ac\x00me,W,Ann,1,1\n", "accept")  # fmt: skip
    yield Case("control_chars.csv", (GOOD + "A4,2024-03-08,A\x01\x02\x03cme,W,Ann,1,1\n")
               .encode(), "accept")  # fmt: skip
    yield Case("many_control_chars.csv", ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" +
               GOOD).encode(), "refuse")  # fmt: skip
    yield Case("semicolons.csv", _csv([HEADER, *ROWS], sep=";").encode(), "accept")
    yield Case("tabs.tsv", _csv([HEADER, *ROWS], sep="\t").encode(), "accept")
    yield Case("pipes.csv", _csv([HEADER, *ROWS], sep="|").encode(), "accept")
    mixed = ",".join(HEADER) + "\n" + _csv(ROWS, sep=";")
    yield Case("header_commas_rows_semicolons.csv", mixed.encode(), "refuse")
    mixed2 = ";".join(HEADER) + "\n" + _csv(ROWS[:1], sep=";") + _csv(ROWS[1:], sep=",")
    yield Case("semicolons_then_commas.csv", mixed2.encode(), "refuse")
    yield Case("tab_and_comma_mix.csv", (";".join(HEADER) + "\n" + _csv(ROWS, sep="\t"))
               .encode(), "refuse")  # fmt: skip
    yield Case("delimiter_two_chars.csv", GOOD.encode(), "refuse", options={"delimiter": ",,"})
    yield Case("delimiter_quote.csv", GOOD.encode(), "refuse", options={"delimiter": '"'})
    yield Case("delimiter_newline.csv", GOOD.encode(), "refuse", options={"delimiter": "\n"})
    yield Case("delimiter_wrong.csv", GOOD.encode(), "refuse", options={"delimiter": ";"})
    yield Case("delimiter_empty.csv", GOOD.encode(), "refuse", options={"delimiter": ""})
    yield Case("truncated_mid_row.csv", GOOD.encode()[:-9], "refuse")
    yield Case("truncated_mid_header.csv", GOOD.encode()[:20], "refuse")
    yield Case("truncated_mid_utf8.csv", (GOOD + "A4,2024-03-08,张伟,W,Ann,1,1\n").encode()[:-12],
               "refuse")  # fmt: skip
    yield Case("space_padded.csv", _csv([[f" {h} " for h in HEADER], *[[f"  {v} " for v in r]
               for r in ROWS[:1]]]).encode(), "accept")  # fmt: skip
    # A quote after a space does not open a quoted value: the comma inside splits the cell.
    yield Case("space_before_quote.csv", (GOOD + 'A4,2024-03-08,Acme,W,Ann,1, "1,5"\n')
               .encode(), "refuse")  # fmt: skip
    # The same order twice: two lines of one order (numbered in file order), not an error.
    yield Case("order_twice.csv", (GOOD + _csv([ROWS[0]])).encode(), "accept")
    lines = Mapping("orders", columns={**ORDERS.columns, "line_no": "Line"})
    yield Case("duplicate_keys.csv", _csv([[*HEADER, "Line"], [*ROWS[0], "1"], [*ROWS[1], "1"],
               [*ROWS[0], "1"]]).encode(), "refuse", lines)  # fmt: skip
    yield Case("all_blank_row.csv", (GOOD + " , , , , , , \n").encode(), "refuse")


def _value_cases() -> Iterator[Case]:
    dates = {
        "feb30": "2024-02-30", "month13": "2024-13-01", "zeros": "00/00/0000",
        "year0": "0000-03-05", "year9999": "9999-12-31", "before1900": "1899-12-31",
        "year10000": "10000-01-01", "negative_year": "-2024-01-01",
        "word": "yesterday", "excel_zero": "0", "excel_huge": "99999999", "slashes": "2024//03",
        "bad_chinese": "2024年13月1日", "two_dates": "2024-03-05 2024-03-06",
        "far_future": "2100-01-01", "year_1000": "1000-01-01", "dots": "5.3.",
        "timezone_only": "+08:00", "emoji": "📅", "long_digits": "2024030512",
    }  # fmt: skip
    for label, value in dates.items():
        yield Case(f"date_{label}.csv", _with(1, "Date", value).encode(), "refuse")
    numbers = {
        "one_two_three": "1,2,3", "groups_of_two": "12,34,56", "dots": "1.2.3",
        "double_minus": "--5", "trailing_minus": "5-", "overflow": "1e999", "nan": "NaN",
        "inf": "inf", "infinity": "-Infinity", "hex": "0x10", "currency_only": "$",
        "percent_only": "%", "open_paren": "(5", "close_paren": "5)", "letters": "ten",
        "huge": "99999999999999999999", "comma_first": ",123", "comma_last": "123,",
        "two_points": "1..5", "space_inside": "1 2 3", "fullwidth_bad": "１，２，３",
        "mixed_separators": "1.234,567.89",
    }  # fmt: skip
    for label, value in numbers.items():
        yield Case(f"amount_{label}.csv", _with(1, "Amount", value).encode(), "refuse")
    for label, value in {"negative": "-3", "fraction": "1.5", "too_big": "3000000000",
                         "word": "two", "negative_zero_point_five": "-0.5"}.items():  # fmt: skip
        yield Case(f"qty_{label}.csv", _with(0, "Qty", value).encode(), "refuse")
    for column in ("Order", "Date", "Customer", "Product", "Rep", "Amount"):
        yield Case(f"blank_{column.lower()}.csv", _with(2, column, "").encode(), "refuse")
    for column in ("Date", "Amount"):
        yield Case(f"spaces_{column.lower()}.csv", _with(2, column, "   ").encode(), "refuse")
    yield Case("ambiguous_dates.csv", _csv([HEADER, ["A1", "03/04/2024", "Acme", "W", "Ann",
               "1", "1"], ["A2", "05/06/2024", "Acme", "W", "Ann", "1", "1"]]).encode(),
               "refuse")  # fmt: skip
    yield Case("mixed_date_formats.csv", _with(1, "Date", "06/03/2024").encode(), "refuse")
    comma_ok = ['"10,00"', '"1.234,56"', "7"]
    comma_bad = ['"10,00"', '"1.2.3,56"', "7"]
    yield Case("amount_ok_decimal_comma.csv", _csv([HEADER, *[[*r[:6], a] for r, a in
               zip(ROWS, comma_ok, strict=True)]]).encode(), "accept")  # fmt: skip
    yield Case("amount_decimal_comma_bad_group.csv", _csv([HEADER, *[[*r[:6], a] for r, a in
               zip(ROWS, comma_bad, strict=True)]]).encode(), "refuse")  # fmt: skip
    good = {"grouped_thousands": "1,234,567.89", "spaced_thousands": "1 234 567",
            "parentheses": "(1,000.00)", "fullwidth": "１，２３４", "yuan": "￥88",
            "percent": "12.5%"}  # fmt: skip
    for label, value in good.items():
        yield Case(f"amount_ok_{label}.csv", _with(1, "Amount", value).encode(), "accept")
    yield Case("date_leap_day.csv", _with(1, "Date", "2024-02-29").encode(), "accept")
    yield Case("date_1900.csv", _with(1, "Date", "1900-01-01").encode(), "accept")
    yield Case("date_within_a_year.csv", _with(1, "Date", "2027-06-01").encode(), "accept")
    yield Case("date_with_time.csv", _with(1, "Date", "2024-03-06 13:45:00").encode(), "accept")
    # The time of day is dropped before the date is read, so even a 25th hour is the date.
    yield Case("date_hour25.csv", _with(1, "Date", "2024-03-05T25:00").encode(), "accept")


def _team_cases() -> Iterator[Case]:
    yield Case("teams_two_cycle.csv", b"Team,Parent\nNorth,South\nSouth,North\n", "refuse", TEAMS)
    yield Case("teams_self_parent.csv", b"Team,Parent\nNorth,North\n", "refuse", TEAMS)
    yield Case("teams_three_cycle.csv", b"Team,Parent\nA,B\nB,C\nC,A\nD,A\n", "refuse", TEAMS)
    yield Case("teams_cycle_by_second_row.csv", b"Team,Parent\nA,\nB,A\nA,B\n", "refuse", TEAMS)
    yield Case("teams_chain.csv", b"Team,Parent\nA,\nB,A\nC,B\nD,C\n", "accept", TEAMS)
    yield Case("teams_blank_name.csv", b"Team,Parent\n,A\nB,A\n", "refuse", TEAMS)
    yield Case("teams_unknown_channel.csv", b"Team,Parent,Channel\nA,,moon\n", "refuse",
               Mapping("teams", columns={"team": "Team", "parent_team": "Parent",
                                         "channel": "Channel"}))  # fmt: skip


def _junk_cases() -> Iterator[Case]:
    rng = random.Random(19)
    for size in (1, 7, 100, 4096, 70_000):
        yield Case(f"random_{size}.csv", rng.randbytes(size), "refuse")
    yield Case("random_named.xlsx", rng.randbytes(5000), "refuse")
    yield Case("random_named.parquet", rng.randbytes(5000), "refuse")
    yield Case("png.csv", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000), "refuse")
    yield Case("pdf.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(3000), "refuse")
    yield Case("gzip.csv", b"\x1f\x8b\x08\x00" + rng.randbytes(3000), "refuse")
    yield Case("elf.csv", b"\x7fELF\x02\x01\x01\x00" + bytes(200), "refuse")
    yield Case("parquet_magic_junk.csv", b"PAR1" + rng.randbytes(500) + b"PAR1", "refuse")
    yield Case("parquet_magic_only.parquet", b"PAR1", "refuse")
    yield Case("zip_not_xlsx.csv", _zip({"hello.txt": b"hi"}), "refuse")
    yield Case("empty_zip.xlsx", _zip({}), "refuse")
    yield Case("pk_magic_only.xlsx", b"PK\x03\x04", "refuse")
    yield Case("text_named_xlsx.xlsx", GOOD.encode(), "refuse")
    yield Case("html_table.csv", b"<html><table><tr><td>Order</td></tr></table></html>\n",
               "refuse")  # fmt: skip
    yield Case("json.csv", b'[{"Order": "A1", "Date": "2024-03-05"}]\n', "refuse")
    yield Case("all_nul.csv", bytes(5000), "refuse")
    yield Case("all_ff.csv", b"\xff" * 5000, "refuse")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _workbook(rows: list[list[object]], sheets: int = 1) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([v.strip('"') if isinstance(v, str) else v for v in row])
    for number in range(1, sheets):
        book.create_sheet(f"Extra{number}").append(["x"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _edit(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The zip with each member replaced by change(name, bytes); None drops the member."""
    source = zipfile.ZipFile(io.BytesIO(data))
    members: dict[str, bytes] = {}
    for info in source.infolist():
        replaced = change(info.filename, source.read(info.filename))
        if replaced is not None:
            members[info.filename] = replaced
    return _zip(members)


def _member(suffix: str, new: bytes | None) -> Callable[[str, bytes], bytes | None]:
    return lambda name, data: new if name.endswith(suffix) else data


def _sub(suffix: str, old: bytes, new: bytes) -> Callable[[str, bytes], bytes | None]:
    return lambda name, data: data.replace(old, new) if name.endswith(suffix) else data


def _xlsx_cases() -> Iterator[Case]:
    good = _workbook([HEADER, *ROWS])
    sheet = "worksheets/sheet1.xml"
    yield Case("good.xlsx", good, "accept")
    yield Case("two_sheets.xlsx", _workbook([HEADER, *ROWS], sheets=2), "accept")
    yield Case("no_such_sheet.xlsx", good, "refuse", options={"sheet": "Nope"})
    yield Case("garbage_sheet.xlsx", _edit(good, _member(sheet, b"<garbage")), "refuse")
    yield Case("binary_sheet.xlsx", _edit(good, _member(sheet, bytes(range(256)))), "refuse")
    yield Case("empty_sheet_xml.xlsx", _edit(good, _member(sheet, b"")), "refuse")
    yield Case("garbage_styles.xlsx", _edit(good, _member("styles.xml", b"\x00junk")), "refuse")
    yield Case("styles_wrong_root.xlsx", _edit(good, _member("styles.xml", b"<a/>")), "accept")
    yield Case("no_styles.xlsx", _edit(good, _member("styles.xml", None)), "accept")
    yield Case("missing_sheet.xlsx", _edit(good, _member(sheet, None)), "refuse")
    yield Case("missing_workbook.xlsx", _edit(good, _member("xl/workbook.xml", None)), "refuse")
    yield Case("garbage_workbook.xlsx", _edit(good, _member("xl/workbook.xml", b"<x")), "refuse")
    yield Case("missing_content_types.xlsx", _edit(good, _member("[Content_Types].xml", None)),
               "refuse")  # fmt: skip
    yield Case("missing_rels.xlsx", _edit(good, _member("workbook.xml.rels", None)), "refuse")
    yield Case("garbage_rels.xlsx", _edit(good, _member("workbook.xml.rels", b"\xff\xfe")),
               "refuse")  # fmt: skip
    dims = (b'<dimension ref="A1:G4" />', b'<dimension ref="A1:XFD1048576" />')
    yield Case("million_row_dimension.xlsx", _edit(good, _sub(sheet, *dims)), "accept")
    yield Case("bad_dimension.xlsx", _edit(good, _sub(sheet, dims[0], b'<dimension ref="?!"/>')),
               "refuse")  # fmt: skip
    far_cell = b'<row r="5"><c r="XFD5" t="inlineStr"><is><t>far</t></is></c></row></sheetData>'
    yield Case("cell_in_last_column.xlsx", _edit(good, _sub(sheet, b"</sheetData>", far_cell)),
               "refuse")  # fmt: skip
    far_row = b'<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'
    yield Case("row_past_excel_limit.xlsx", _edit(good, _sub(sheet, b"</sheetData>", far_row)),
               "refuse")  # fmt: skip
    last_row = b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'
    yield Case(
        "row_at_excel_limit.xlsx", _edit(good, _sub(sheet, b"</sheetData>", last_row)), "refuse"
    )  # a row with one value where the header has seven
    bad_cell = b'<row r="5"><c r="A5" t="s"><v>999</v></c></row></sheetData>'
    yield Case("shared_string_out_of_range.xlsx",
               _edit(good, _sub(sheet, b"</sheetData>", bad_cell)), "refuse")  # fmt: skip
    bad_date = b'<row r="5"><c r="A5" t="d"><v>not a date</v></c></row></sheetData>'
    yield Case("bad_date_cell.xlsx", _edit(good, _sub(sheet, b"</sheetData>", bad_date)),
               "refuse")  # fmt: skip
    bad_number = b'<row r="5"><c r="A5"><v>abc</v></c></row></sheetData>'
    yield Case("bad_number_cell.xlsx", _edit(good, _sub(sheet, b"</sheetData>", bad_number)),
               "refuse")  # fmt: skip
    bad_ref = b'<row r="5"><c r="??"><v>1</v></c></row></sheetData>'
    yield Case("bad_cell_ref.xlsx", _edit(good, _sub(sheet, b"</sheetData>", bad_ref)),
               "refuse")  # fmt: skip
    bad_style = b'<row r="5"><c r="A5" s="9999"><v>1</v></c></row></sheetData>'
    yield Case("style_out_of_range.xlsx", _edit(good, _sub(sheet, b"</sheetData>", bad_style)),
               "refuse")  # fmt: skip
    yield Case("header_only.xlsx", _workbook([HEADER]), "refuse")
    yield Case("empty_workbook.xlsx", _workbook([]), "refuse")
    yield Case(
        "formulas.xlsx", _workbook([HEADER, [*ROWS[0][:5], "=1+1", "=SUM(1,2)"]]), "refuse"
    )  # data_only: a formula never calculated reads as blank
    yield Case("bad_values.xlsx", _workbook([HEADER, ["A1", "0000-01-01", "Acme", "W", "Ann",
               -2, "1,2,3"]]), "refuse")  # fmt: skip
    yield Case("huge_string.xlsx", _workbook([HEADER, [*ROWS[0][:2], "q" * 32_000,
               *ROWS[0][3:]]]), "accept")  # fmt: skip
    for cut in (30, 200, 1000, 3000, len(good) // 2, len(good) - 30, len(good) - 1):
        yield Case(f"truncated_at_{cut}.xlsx", good[:cut], "refuse")
    for offset in (100, 400, 900):
        flipped = bytearray(good)
        flipped[offset] ^= 0xFF
        # A flipped byte inside a member's compressed data fails its CRC check; at 100 it
        # lands in the first member's header (docProps), which openpyxl reads past.
        yield Case(
            f"flipped_byte_{offset}.xlsx", bytes(flipped), "accept" if offset == 100 else "refuse"
        )
    wrong_method = bytearray(good)
    wrong_method[8] = 99  # an unknown compression method in the first member's header
    yield Case("unknown_compression.xlsx", bytes(wrong_method), "accept")  # read by its index
    blank_cells = [HEADER, ["A1", "2024-03-05", "Acme", "W", "Ann", 1, None],
                   [None] * 7, ["A2", "2024-03-06", "Beta", "W", "Bo", 2, 5]]  # fmt: skip
    yield Case("blank_last_cell.xlsx", _workbook(blank_cells), "refuse")  # A1 has no amount
    yield Case("blank_row_inside.xlsx", _workbook([HEADER, ROWS[0], [None] * 7, ROWS[2]]),
               "accept")  # fmt: skip
    wide = [HEADER, ROWS[0], [*ROWS[2], None, "stray"]]
    yield Case("value_past_header.xlsx", _workbook(wide), "refuse")


def corpus() -> list[Case]:
    """Every case, names unique."""
    cases = [
        *_encoding_cases(), *_line_end_cases(), *_shape_cases(), *_value_cases(),
        *_team_cases(), *_junk_cases(), *_xlsx_cases(),
    ]  # fmt: skip
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names are unique"
    return cases
