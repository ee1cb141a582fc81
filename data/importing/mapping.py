"""A column mapping: which file column (or fixed value) fills each field of an import table.

`auto_map` proposes one from the headers and the synonyms in fields.py; the user confirms or
edits it; `check_mapping` names what is missing before anything is read in bulk.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from data.importing.errors import MappingError
from data.importing.fields import ImportTable, header_key, import_table
from data.importing.parsing import DATE_FORMATS, EXCEL


@dataclass
class Mapping:
    """How one file fills one table. Options: see OPTIONS."""

    table: str
    columns: dict[str, str] = field(default_factory=dict)  # field → file header
    defaults: dict[str, str] = field(default_factory=dict)  # field → value for every row
    date_formats: dict[str, str] = field(default_factory=dict)  # field → DATE_FORMATS key
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # kind → word → canonical
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """The mapping as JSON (for the log and saved presets)."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mapping:
        """A mapping from its dict form (JSON or a preset's TOML table)."""
        known = {"table", "columns", "defaults", "date_formats", "values", "options"}
        unknown = set(data) - known
        if unknown:
            raise MappingError.of(
                "import.mapping_unknown_entries", entries=", ".join(sorted(unknown))
            )
        if "table" not in data:
            raise MappingError.of("import.mapping_no_table")
        return cls(
            table=str(data["table"]),
            columns={str(k): str(v) for k, v in dict(data.get("columns", {})).items()},
            defaults={str(k): str(v) for k, v in dict(data.get("defaults", {})).items()},
            date_formats={str(k): str(v) for k, v in dict(data.get("date_formats", {})).items()},
            values={
                str(k): {str(a): str(b) for a, b in dict(v).items()}
                for k, v in dict(data.get("values", {})).items()
            },
            options=dict(data.get("options", {})),
        )


# What each option does, for the page and the docs.
OPTIONS: dict[str, str] = {
    "default_team": "team for people the file names without one (default 'Unassigned')",
    "team_channel": "channel of teams the import creates (default 'other')",
    "created_date_fallback": "'latest_date': a deal with no created date gets the file's last day",
    "won_deals_as_orders": "true: each won deal also becomes an order line (revenue = won value)",
}


def auto_map(headers: list[str], table: str) -> dict[str, str]:
    """field → header for every field a header matches by synonym; each header used once."""
    spec = import_table(table)
    by_key: dict[str, str] = {}
    for header in headers:
        by_key.setdefault(header_key(header), header)
    used: set[str] = set()
    result: dict[str, str] = {}
    # Fields first by exact name, then by synonym in the order they are listed.
    for rank in range(max(len(f.synonyms) for f in spec.fields)):
        for item in spec.fields:
            if item.name in result or rank >= len(item.synonyms):
                continue
            header = by_key.get(header_key(item.synonyms[rank]))
            if header and header not in used:
                result[item.name] = header
                used.add(header)
    return result


def missing_required(spec: ImportTable, mapping: Mapping) -> list[str]:
    """Required fields (and one-of groups, as a/b) with neither a column nor a fixed value."""
    given = set(mapping.columns) | set(mapping.defaults)
    missing = [f.name for f in spec.fields if f.required and f.name not in given]
    # Alternatives as customer/customer_key: plain data, the same in every language.
    missing += ["/".join(group) for group in spec.one_of if not given & set(group)]
    return missing


def check_mapping(mapping: Mapping, headers: list[str]) -> None:
    """Raise MappingError naming unknown fields, absent columns and missing required fields."""
    spec = import_table(mapping.table)
    unknown = sorted((set(mapping.columns) | set(mapping.defaults)) - set(spec.field_names))
    if unknown:
        raise MappingError.of(
            "import.unknown_field",
            table=spec.name,
            fields=", ".join(unknown),
            known=", ".join(spec.field_names),
        )
    absent = [h for h in mapping.columns.values() if h not in headers]
    if absent:
        raise MappingError.of(
            "import.missing_column", columns=", ".join(absent), headers=", ".join(headers)
        )
    for name, fmt in mapping.date_formats.items():
        if fmt not in DATE_FORMATS and fmt != EXCEL:
            known = ", ".join([*DATE_FORMATS, EXCEL])
            raise MappingError.of("import.unknown_date_format", format=fmt, field=name, known=known)
    missing = missing_required(spec, mapping)
    if missing:
        raise MappingError.of("import.required_missing", fields=", ".join(missing), table=spec.name)
