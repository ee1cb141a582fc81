"""Whether the database holds the generated demo company or a company's own data.

Demo-only things (the shipped incentive plan, written for the demo's teams and dates; its
contests; its review history) must never show on a company's own data, so the demo marks
itself: generate_demo writes the setting `company_kind = demo` in its transaction, and an
import that replaces the company clears it (in the import's transaction). A database without
the mark is the company's own data when any of its rows came from an import; one with rows and
no import behind them was written by a Huddle from before the mark, which only the demo did.
"""

from __future__ import annotations

import duckdb

from data.store import Store

COMPANY_KIND = "company_kind"  # the setting's name in company_settings
DEMO = "demo"


def mark_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Mark the company as the demo, inside the demo's own transaction."""
    con.execute(
        "INSERT INTO company_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
        " SET value = excluded.value, updated_at = now()",
        [COMPANY_KIND, DEMO],
    )


def clear_demo_mark(con: duckdb.DuckDBPyConnection) -> None:
    """Forget the mark inside the caller's transaction (the demo is being replaced)."""
    con.execute("DELETE FROM company_settings WHERE name = ?", [COMPANY_KIND])


def is_demo(store: Store) -> bool:
    """True when the database holds the demo company (see the module docstring)."""
    mark = store.scalar("SELECT value FROM company_settings WHERE name = ?", [COMPANY_KIND])
    if mark is not None:
        return bool(mark == DEMO)
    # No mark: imported rows make it the company's own; rows with no import behind them are
    # a demo written before the mark existed; an empty database is nobody's demo.
    imported = store.scalar("SELECT count(*) FROM import_keys")
    if imported:
        return False
    return bool(store.scalar("SELECT (SELECT count(*) FROM reps) + (SELECT count(*) FROM orders)"))
