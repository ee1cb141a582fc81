"""Which text encoding a file uses, and turning other encodings into UTF-8 for DuckDB.

DuckDB's read_csv reads UTF-8 (and Latin-1) only, so GBK/GB18030 and Windows-1252 files are
transcoded in Python, streaming, into a temporary UTF-8 file first.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from data.importing.errors import ImportFileError

SAMPLE_BYTES = 1 << 20
UTF8 = "utf-8"
# The names a user may type, to the codec Python uses; GBK files are read as GB18030, a superset.
ENCODINGS: dict[str, str] = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "gb18030": "gb18030",
    "cp936": "gb18030",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
    "latin-1": "latin-1",
    "latin1": "latin-1",
    "iso-8859-1": "latin-1",
    "utf-16": "utf-16",
}
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass(frozen=True)
class EncodingGuess:
    """The encoding chosen for a file and why."""

    encoding: str
    reason: str  # in English, for the CLI
    why: str = "chosen"  # the reason's code, which the Data page words in the user's language


def normalize_encoding(name: str) -> str:
    """The codec for a user-given encoding name; a clear error for one Huddle does not read."""
    key = name.strip().lower().replace("_", "-")
    if key not in ENCODINGS:
        known = ", ".join(sorted({"utf-8", "gbk", "gb18030", "windows-1252", "latin-1"}))
        raise ImportFileError.of("import.unknown_encoding", encoding=name, known=known)
    return ENCODINGS[key]


def _decodes(sample: bytes, codec: str) -> str | None:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        return decoder.decode(sample, final=False)  # a character cut at the sample's end is fine
    except UnicodeDecodeError:
        return None


def detect_encoding(path: Path) -> EncodingGuess:
    """Guess the encoding from the first megabyte: BOM, then UTF-8, GB18030, Windows-1252.

    A GB18030 reading is only taken when most of its non-ASCII characters are Chinese, because
    many Latin-1 byte pairs are also valid GB18030.
    """
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if sample.startswith(codecs.BOM_UTF8):
        return EncodingGuess("utf-8", "byte-order mark", "bom")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return EncodingGuess("utf-16", "byte-order mark", "bom")
    if _decodes(sample, "utf-8") is not None:
        ascii_only = sample.isascii()  # in C: a loop over the megabyte in Python took 40 ms
        if ascii_only:
            return EncodingGuess("utf-8", "plain ASCII", "ascii")
        return EncodingGuess("utf-8", "valid UTF-8", "utf8")
    gb_text = _decodes(sample, "gb18030")
    if gb_text is not None:
        non_ascii = [ch for ch in gb_text if ord(ch) >= 0x80]
        chinese = sum(1 for ch in non_ascii if _CJK.match(ch))
        if non_ascii and chinese / len(non_ascii) > 0.9:
            return EncodingGuess("gb18030", "Chinese text in GBK/GB18030", "gbk")
    if _decodes(sample, "cp1252") is not None:
        return EncodingGuess("cp1252", "not UTF-8; Western European text (Windows-1252)", "cp1252")
    return EncodingGuess("latin-1", "not UTF-8 or Windows-1252; read as Latin-1", "latin1")


def transcode_to_utf8(
    source: Path, codec: str, target: Path, chunk: int = 1 << 22, name: str | None = None
) -> None:
    """Copy `source` in `codec` to `target` in UTF-8, streaming; a bad byte is a clear error
    naming the file as `name` (default: its file name)."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    offset = 0
    with source.open("rb") as reader, target.open("wb") as writer:
        while True:
            block = reader.read(chunk)
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as error:
                position = offset + error.start
                raise ImportFileError.of(
                    "import.bad_encoding",
                    name=name or source.name,
                    encoding=codec,
                    position=position,
                    encodings="utf-8, gbk, windows-1252",
                ) from None
            writer.write(text.lstrip("\ufeff").encode("utf-8") if offset == 0 else text.encode())
            if not block:
                break
            offset += len(block)
