"""Company settings: facts about the company's data that every reader sees the same way.

The currency is one: the amounts a company imports are in its own currency, so the symbol
money is shown with belongs to the data (set by the demo, on the Data page or with
`cli.py settings currency CODE`), never to the reader's language. HUDDLE_CURRENCY is only the
default for a company that has not set one; without it, USD.
"""

from __future__ import annotations

import os

import duckdb

from data import audit
from data.errors import HuddleDataError
from data.store import Store

# The currencies Huddle can show (symbol only: amounts are never converted).
CURRENCIES: tuple[str, ...] = ("CNY", "USD", "EUR")
CURRENCY_ENV_VAR = "HUDDLE_CURRENCY"
FALLBACK_CURRENCY = "USD"
_CURRENCY = "currency"  # the setting's name in company_settings


def checked_currency(code: str) -> str:
    """`code` as Huddle stores it (upper case), or a HuddleDataError that names the choices."""
    cleaned = code.strip().upper()
    if cleaned not in CURRENCIES:
        raise HuddleDataError.of(
            "settings.currency_unknown", code=code, allowed=", ".join(CURRENCIES)
        )
    return cleaned


def default_currency() -> str:
    """The currency of a company that has not set one: HUDDLE_CURRENCY when it names a known
    currency, else USD."""
    configured = os.environ.get(CURRENCY_ENV_VAR, "").strip().upper()
    return configured if configured in CURRENCIES else FALLBACK_CURRENCY


def stored_currency(store: Store) -> str | None:
    """The currency the company set, or None when it has not set one."""
    value = store.scalar("SELECT value FROM company_settings WHERE name = ?", [_CURRENCY])
    return value if value in CURRENCIES else None


def company_currency(store: Store) -> str:
    """The currency the company's amounts are shown in: its setting, else the default."""
    return stored_currency(store) or default_currency()


def write_currency(con: duckdb.DuckDBPyConnection, code: str) -> str:
    """Set the currency inside a transaction the caller holds (the demo writes it with the
    company); returns the code stored."""
    cleaned = checked_currency(code)
    con.execute(
        "INSERT INTO company_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
        " SET value = excluded.value, updated_at = now()",
        [_CURRENCY, cleaned],
    )
    return cleaned


def set_currency(
    store: Store, code: str, *, actor: int | None = None, via: str | None = None
) -> str:
    """Set the company's currency in its own transaction, with its audit row
    (settings.currency, by `actor`; `via` says where from, e.g. "cli"); refuses an unknown code
    with a sentence (nothing is written) and returns the code stored."""
    cleaned = checked_currency(code)
    with store.transaction() as cur:
        before = cur.execute(
            "SELECT value FROM company_settings WHERE name = ?", [_CURRENCY]
        ).fetchall()
        stored = write_currency(cur, cleaned)
        details = {"before": before[0][0] if before else None, "after": stored}
        if via is not None:
            details["via"] = via
        audit.record(cur, actor, "settings.currency", "setting", _CURRENCY, details)
        return stored


def propose_currency(con: duckdb.DuckDBPyConnection, code: str) -> None:
    """Set the currency inside the caller's transaction only when the company has none yet
    (an import's preset knows its export's currency; a choice the lead made stands)."""
    con.execute(
        "INSERT INTO company_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        [_CURRENCY, checked_currency(code)],
    )


def clear_currency(con: duckdb.DuckDBPyConnection) -> None:
    """Forget the currency inside the caller's transaction (the company it belonged to is
    being replaced)."""
    con.execute("DELETE FROM company_settings WHERE name = ?", [_CURRENCY])
