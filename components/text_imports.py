"""Strings of the Data page: importing files, mapping columns, import history (English)."""

from __future__ import annotations

EN: dict[str, str] = {
    "page.data": "Data",
    "data.intro": (
        "Import your CRM or shop system's exports (CSV, TSV, Excel, Parquet): pick what the file "
        "holds, check the columns, read the report, import. Nothing is written until you press "
        "Import, and a failed import leaves the data as it was."
    ),
    "data.foreign": (
        "This database holds the demo company (or data Huddle did not import). Your rows must "
        "not mix with it: tick the box below to clear it when you import."
    ),
    "data.replace": "Clear the demo company when I import",
    "data.upload": "File to import",
    "data.upload.help": "CSV or TSV (any delimiter), XLSX or Parquet; GBK and Windows-1252 work.",
    "data.table": "What the file holds",
    "data.health.table.teams": "Teams",
    "data.health.table.reps": "People",
    "data.health.table.customers": "Customers",
    "data.health.table.products": "Products",
    "data.health.table.orders": "Order lines",
    "data.health.table.deals": "Deals",
    "data.health.table.activities": "Activities",
    "data.tick_to_import": (
        "The check above assumes the demo company is cleared. To import, tick “Clear the demo "
        "company when I import” at the top."
    ),
    "data.table.teams": "Teams",
    "data.table.reps": "People (sales reps, managers)",
    "data.table.customers": "Customers",
    "data.table.products": "Products",
    "data.table.orders": "Order lines (sales)",
    "data.table.deals": "Deals (pipeline, opportunities)",
    "data.preset": "Mapping preset",
    "data.preset.none": "None: match the headers",
    "data.settings": "How the file is read",
    "data.encoding": "Encoding",
    "data.encoding.auto": "Detect",
    "data.delimiter": "Delimiter",
    "data.delimiter.auto": "Detect",
    "data.sheet": "Sheet",
    "data.detected": "Read {rows} rows and {columns} columns; {how}.",
    "data.preview": "First rows",
    "data.mapping": "Columns",
    "data.mapping.help": (
        "Each field Huddle knows, and the file's column that fills it. Change any choice; "
        "required fields are marked."
    ),
    "data.mapping.field": "Field",
    "data.mapping.required": "Required",
    "data.mapping.column": "Column in the file",
    "data.mapping.missing": "Required and not mapped: {fields}.",
    "data.mapping.skipped": "Not in this file, left empty: {columns}.",
    "data.dates": "Dates read as: {formats}.",
    "data.unmapped": "{field}: values Huddle does not know: {values}.",
    "data.preset.save": "Save this mapping as a preset",
    "data.preset.name": "Preset name",
    "data.preset.saved": "Saved the preset {name}.",
    "data.report": "Check",
    "data.report.rows": "Rows",
    "data.report.errors": "Rows with errors",
    "data.report.warnings": "Warnings",
    "data.report.clean": "No problems found.",
    "data.report.problems": "Every problem, by row",
    "data.report.rejected": "Rows that would be set aside",
    "data.report.before": "This file was imported before ({when}).",
    "data.report.would": "Would add {added}, update {updated}, leave {unchanged} as they are.",
    "data.on_error": "When rows have errors",
    "data.on_error.reject": "Reject the whole file",
    "data.on_error.quarantine": "Import the valid rows, set the rest aside",
    "data.commit": "Import",
    "data.committing": "Importing…",
    "data.done": "Imported {file}: {added} added, {updated} updated, {rejected} set aside.",
    "data.rejected": "Not imported: {message}",
    "data.blocked": "The file cannot be imported as it is.",
    "data.history": "Import history",
    "data.history.empty": "Nothing imported yet.",
    "data.health": "Data health",
    "data.duplicates": "Likely duplicates",
    "data.duplicates.none": "No names that differ only in spacing, case or punctuation.",
    "data.duplicates.merge": "Merge {source} into {target}",
    "data.duplicates.merged": "Merged {source} into {target}.",
    "data.demo": "Back to the demo company",
    "data.demo.help": (
        "Replaces everything in this database with the generated demo company. The import "
        "history stays."
    ),
    "data.demo.confirm": "Yes, replace my data with the demo company",
    "data.demo.button": "Rebuild the demo company",
    "data.demo.done": "The demo company is back.",
    "col.table_name": "Table",
    "col.first_date": "First date",
    "col.last_date": "Last date",
    "col.days_since_last": "Days since the last",
    "col.orphans": "Orphan references",
    "col.imported_at": "When",
    "col.file_name": "File",
    "col.target_table": "Into",
    "col.rows_in_file": "Rows in file",
    "col.rows_added": "Added",
    "col.rows_updated": "Updated",
    "col.rows_unchanged": "Unchanged",
    "col.rows_rejected": "Rejected",
}

ZH: dict[str, str] = {}
