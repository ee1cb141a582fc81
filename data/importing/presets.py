"""Mapping presets: the shipped ones (TOML files in data/presets/) and ones users save.

A preset names one mapping per file it knows. Its files are imported in `import_order`: the
order of the tables in fields.TABLES (teams, people, customers, products, then the lines that
name them), whatever order the preset lists them in. Saved presets live in the database, as JSON.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data import audit
from data.importing.errors import MappingError
from data.importing.fields import TABLES
from data.importing.mapping import Mapping
from data.store import Store

PRESETS_DIR = Path(__file__).resolve().parent.parent / "presets"


@dataclass(frozen=True)
class PresetFile:
    """One file of a preset: its usual name and how it maps."""

    file: str
    mapping: Mapping


@dataclass(frozen=True)
class Preset:
    """A named set of mappings."""

    name: str
    title: str
    files: tuple[PresetFile, ...]
    saved: bool = False
    # The currency the export's amounts are in, where the source always uses one (Superstore
    # and Maven are in US dollars); an import through the preset proposes it to the company.
    currency: str | None = None
    # The title in Chinese, for a Chinese screen (the title is English); saved presets have none.
    title_zh: str | None = None

    def title_in(self, language: str) -> str:
        """The preset's title for a screen in `language` ("en" or "zh")."""
        return self.title_zh if language == "zh" and self.title_zh else self.title

    @property
    def import_order(self) -> tuple[PresetFile, ...]:
        """The files in the order they must be imported: the teams, people, customers and
        products a line names before the lines (orders, deals, activities, feedback), so a
        line finds them. Otherwise a Salesforce export's opportunities, imported before its
        accounts, create each account by name and the accounts file (matched by Account ID)
        then adds it a second time. Files of the same table keep the preset's order."""
        tables = list(TABLES)
        return tuple(sorted(self.files, key=lambda f: tables.index(f.mapping.table)))

    def for_table(self, table: str) -> Mapping:
        """The preset's mapping into `table`, or a clear error."""
        for item in self.files:
            if item.mapping.table == table:
                return item.mapping
        tables = ", ".join(f.mapping.table for f in self.files)
        raise MappingError.of(
            "import.preset_no_table", preset=self.name, table=table, tables=tables
        )

    def to_dict(self) -> dict[str, Any]:
        """The preset as plain data (the JSON saved presets are stored as)."""
        return {
            "name": self.name,
            "title": self.title,
            **({"currency": self.currency} if self.currency else {}),
            **({"title_zh": self.title_zh} if self.title_zh else {}),
            "files": [{"file": f.file, **json.loads(f.mapping.to_json())} for f in self.files],
        }


def preset_from_dict(data: dict[str, Any], saved: bool = False) -> Preset:
    """A preset from its TOML/JSON form; a clear error for a malformed one."""
    try:
        files = tuple(
            PresetFile(
                str(f.get("file", "")),
                Mapping.from_dict({k: v for k, v in f.items() if k != "file"}),
            )
            for f in data["files"]
        )
        currency = data.get("currency")
        return Preset(
            str(data["name"]),
            str(data.get("title", data["name"])),
            files,
            saved,
            str(currency) if currency else None,
            str(data["title_zh"]) if data.get("title_zh") else None,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise MappingError.of("import.preset_malformed", detail=str(error)) from None


def shipped_presets(directory: Path = PRESETS_DIR) -> dict[str, Preset]:
    """The presets that ship with Huddle, by name."""
    found = {}
    for path in sorted(directory.glob("*.toml")):
        preset = preset_from_dict(tomllib.loads(path.read_text("utf-8")))
        found[preset.name] = preset
    return found


def saved_presets(store: Store) -> dict[str, Preset]:
    """The presets users saved in this database, by name."""
    rows = store.rows("SELECT definition FROM import_presets ORDER BY name")
    return {p.name: p for p in (preset_from_dict(json.loads(r[0]), saved=True) for r in rows)}


def all_presets(store: Store | None = None) -> dict[str, Preset]:
    """Shipped presets, then saved ones (a saved preset may not reuse a shipped name)."""
    found = shipped_presets()
    if store is not None:
        found |= saved_presets(store)
    return found


def get_preset(name: str, store: Store | None = None) -> Preset:
    """The preset called `name`, or a clear error listing those there are."""
    found = all_presets(store)
    if name not in found:
        raise MappingError.of("import.no_preset", name=name, presets=", ".join(found))
    return found[name]


def save_preset(
    store: Store,
    name: str,
    mapping: Mapping,
    file: str = "",
    *,
    actor: int | None = None,
    via: str | None = None,
) -> Preset:
    """Save (or replace) a one-file preset under `name` in the database, with its audit row
    (import.preset_save, by `actor`; `via` says where from, e.g. "cli")."""
    clean = name.strip()
    if not clean:
        raise MappingError.of("import.preset_needs_name")
    if clean in shipped_presets():
        raise MappingError.of("import.preset_name_taken", name=clean)
    preset = Preset(clean, clean, (PresetFile(file, mapping),), saved=True)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO import_presets (name, definition) VALUES ($n, $d) ON CONFLICT (name)"
            " DO UPDATE SET definition = excluded.definition, saved_at = excluded.saved_at",
            {"n": clean, "d": json.dumps(preset.to_dict(), ensure_ascii=False)},
        )
        details = {"table": mapping.table, "file": file}
        if via is not None:
            details["via"] = via
        audit.record(con, actor, "import.preset_save", "import_preset", clean, details)
    return preset


def load_mapping_file(path: Path) -> Mapping:
    """A mapping from a TOML or JSON file (--mapping); a preset file gives its first mapping."""
    text = Path(path).read_text("utf-8")
    data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    if "files" in data:
        return preset_from_dict(data).files[0].mapping
    return Mapping.from_dict(data)
