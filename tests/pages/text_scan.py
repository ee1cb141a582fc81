"""Every string an AppTest run put on screen: labels, texts, table headings and cells, and
the words in charts (titles, axes, legends, hover texts). Used to find untranslated text."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pyarrow as pa
from streamlit.testing.v1 import AppTest

# Proto fields that hold text a user reads (others hold ids, CSS, formats, JSON configs).
TEXT_FIELDS = {
    "body", "label", "options", "help", "placeholder", "title", "caption", "page_name",
    "section_header", "content", "delta", "text", "default_value", "tooltip", "header",
}  # fmt: skip
_PLOTLY_TEXT_KEYS = {"text", "name", "ticktext", "hovertemplate", "texttemplate", "title"}
_NOT_WORDS = re.compile(
    r":material/[a-z_]+:"  # Streamlit icon codes
    r"|%\{[^}]*\}"  # plotly hover placeholders such as %{y:,.0f}
    r"|<[^>]+>"  # HTML tags in hover texts
    r"|\]\([^)]*\)"  # Markdown link targets
    r"|:[a-z]+-badge\["  # Streamlit badge syntax (its text is checked)
    r"|:[a-z]+\["  # coloured text syntax
    r"|`[^`]*`"  # inline code: commands and names typed as they are
    r"|\b[A-Z]{1,4}-\d+\b"  # record ids such as SO-007746
)
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}|\d[kMB]\b")


def screen_strings(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for every string on screen in `at`'s last run."""
    found: list[tuple[str, str]] = []

    def visit(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            _proto_strings(proto, found, type(node).__name__)
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return found


def english_words(text: str, allowed: set[str]) -> list[str]:
    """The English words in `text`, less icon codes, plotly placeholders and `allowed` ones."""
    cleaned = _NOT_WORDS.sub(" ", text)
    return [w for w in ENGLISH_WORD.findall(cleaned) if w not in allowed]


def _proto_strings(message: Any, found: list[tuple[str, str]], path: str) -> None:
    if message.DESCRIPTOR.name == "Dataframe":
        _table_strings(message, found)
        return
    for field, value in message.ListFields():
        name = field.name
        items = value if field.is_repeated else [value]
        if field.type == field.TYPE_MESSAGE:
            for item in items:
                if hasattr(item, "ListFields"):
                    _proto_strings(item, found, f"{path}.{name}")
        elif name == "spec" and "plotly" in path:
            _plotly_strings(json.loads(value), found)
        elif field.type == field.TYPE_STRING and name in TEXT_FIELDS:
            found.extend((f"{path}.{name}", item) for item in items if item)


def _table_strings(message: Any, found: list[tuple[str, str]]) -> None:
    """A table's headings (as its column config labels them) and text cells, hidden columns
    and pandas' index left out."""
    config = json.loads(message.columns) if message.columns else {}
    order = list(message.column_order)
    table = pa.ipc.open_stream(io.BytesIO(message.arrow_data.data)).read_all()
    pandas_meta = json.loads((table.schema.metadata or {}).get(b"pandas", b"{}"))
    index = {c for c in pandas_meta.get("index_columns", []) if isinstance(c, str)}
    for name, column in zip(table.column_names, table.columns, strict=True):
        settings = config.get(name) or config.get(f"col:{name}") or {}
        hidden = settings.get("hidden") or (order and name not in order)
        if name in index or hidden:  # pandas' index: the tables hide it
            continue
        found.append(("table heading", str(settings.get("label") or name)))
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            found.extend((f"table cell [{name}]", v) for v in set(column.to_pylist()) if v)


def _plotly_strings(spec: dict[str, Any], found: list[tuple[str, str]]) -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "template":
                    continue
                if key in _PLOTLY_TEXT_KEYS and isinstance(value, str):
                    found.append((f"chart {where}.{key}", value))
                elif key in _PLOTLY_TEXT_KEYS and isinstance(value, list):
                    found.extend((f"chart {where}.{key}", v) for v in value if isinstance(v, str))
                else:
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(spec.get("layout", {}), "layout")
    for trace in spec.get("data", []):
        walk({k: v for k, v in trace.items() if k in _PLOTLY_TEXT_KEYS}, "trace")
        for axis in ("x", "y", "labels"):  # category names drawn on an axis or a treemap
            values = trace.get(axis)
            if isinstance(values, list):
                found.extend((f"chart trace.{axis}", v) for v in values if isinstance(v, str))


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def charts_with_english_dates(at: AppTest) -> list[str]:
    """Titles of charts that draw dates on an axis with plotly's own (English) month names:
    a date axis needs tickformatstops (components.format.plotly_date_axis) to read in Chinese."""
    found: list[str] = []

    def visit(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name == "PlotlyChart":
            spec = json.loads(proto.spec)
            layout = spec.get("layout", {})
            for trace in spec.get("data", []):
                xs = trace.get("x")
                if isinstance(xs, list) and xs and _ISO_DAY.match(str(xs[0])):
                    axis = "xaxis" + (trace.get("xaxis", "x")[1:])
                    if not layout.get(axis, {}).get("tickformatstops"):
                        title = layout.get("title", {})
                        found.append(str(title.get("text") if isinstance(title, dict) else title))
                        break
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return found
