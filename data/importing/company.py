"""The imported company as a whole: import history, data health, likely duplicate names and
merging them, and going back to the demo company."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data import audit
from data.importing.errors import MappingError
from data.importing.parsing import EARLIEST_DATE, latest_date
from data.rollups import refresh_rollups
from data.store import Store

# A name without spaces, punctuation and symbols. DuckDB's regular expressions (RE2) know
# Unicode's classes, so Chinese punctuation goes too; PostgreSQL's know only POSIX classes,
# whose [:punct:] follows the server's locale (under the C locale: ASCII punctuation only).
_NORMALISED = {
    "duckdb": "regexp_replace(lower(name), '[\\s\\p{P}\\p{S}]+', '', 'g')",
    "postgres": "regexp_replace(lower(name), '[[:space:][:punct:]]+', '', 'g')",
}
_ID = {"teams": "team_id", "reps": "rep_id", "customers": "customer_id", "products": "product_id"}
# Every column that points at a row of each table, as (table, column).
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "teams": (("teams", "parent_id"), ("reps", "team_id"), ("orders", "team_id"),
              ("deals", "team_id"), ("activities", "team_id"), ("feedback", "team_id"),
              ("suggestions", "team_id")),
    "reps": (("teams", "leader_rep_id"), ("customers", "owner_rep_id"), ("orders", "rep_id"),
             ("deals", "rep_id"), ("activities", "rep_id"), ("feedback", "rep_id"),
             ("customer_notes", "author_rep_id"), ("customer_tag_events", "author_rep_id"),
             ("suggestions", "author_rep_id")),
    "customers": (("orders", "customer_id"), ("deals", "customer_id"),
                  ("activities", "customer_id"), ("feedback", "customer_id"),
                  ("customer_notes", "customer_id"), ("customer_tag_events", "customer_id")),
    "products": (("orders", "product_id"), ("deals", "product_id")),
}  # fmt: skip


def import_history(store: Store, limit: int = 200) -> pd.DataFrame:
    """The latest imports first: when, file, table, rows added, updated, unchanged, rejected."""
    return store.query(
        "SELECT import_id, imported_at, file_name, target_table, preset, encoding, rows_in_file,"
        " rows_added, rows_updated, rows_unchanged, rows_rejected, warnings, created"
        " FROM import_log ORDER BY import_id DESC LIMIT $n",
        {"n": limit},
    )


def data_health(store: Store, today: date | None = None) -> pd.DataFrame:
    """Per table: rows, first and last date (of the days an import accepts), how many dates
    fall outside them, days since the last date, orphan references."""
    today = today or date.today()
    parts = {
        "teams": ("NULL", "(SELECT count(*) FROM teams WHERE parent_id IS NOT NULL AND parent_id"
                  " NOT IN (SELECT team_id FROM teams))"),
        "reps": ("hire_date", "(SELECT count(*) FROM reps WHERE team_id NOT IN"
                 " (SELECT team_id FROM teams))"),
        "customers": ("acquired_date", "(SELECT count(*) FROM customers WHERE owner_rep_id IS NOT"
                      " NULL AND owner_rep_id NOT IN (SELECT rep_id FROM reps))"),
        "products": ("NULL", "0"),
        "orders": ("order_date", "(SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT"
                   " customer_id FROM customers) OR rep_id NOT IN (SELECT rep_id FROM reps) OR"
                   " product_id NOT IN (SELECT product_id FROM products))"),
        "deals": ("created_date", "(SELECT count(*) FROM deals WHERE rep_id NOT IN (SELECT rep_id"
                  " FROM reps) OR (customer_id IS NOT NULL AND customer_id NOT IN"
                  " (SELECT customer_id FROM customers)))"),
        "activities": ("activity_date", "(SELECT count(*) FROM activities WHERE rep_id NOT IN"
                       " (SELECT rep_id FROM reps))"),
        "feedback": ("feedback_date", "(SELECT count(*) FROM feedback WHERE (customer_id IS NOT"
                     " NULL AND customer_id NOT IN (SELECT customer_id FROM customers)) OR"
                     " (rep_id IS NOT NULL AND rep_id NOT IN (SELECT rep_id FROM reps)))"),
        "stock": ("count_date", "(SELECT count(*) FROM stock WHERE team_id NOT IN (SELECT team_id"
                  " FROM teams) OR product_id NOT IN (SELECT product_id FROM products))"),
    }  # fmt: skip
    # Dates outside what an import accepts (written some other way: year 0, 9999-12-31) are
    # counted, not shown: Python's dates cannot hold year 0, and one such row must not take
    # the whole page down. The first and last date are those of the plausible days.
    plausible = "BETWEEN $earliest AND $latest"
    selects = [
        f"SELECT '{t}' AS table_name, count(*) AS rows,"
        f" min({d}) FILTER (WHERE {d} {plausible})::DATE AS first_date,"
        f" max({d}) FILTER (WHERE {d} {plausible})::DATE AS last_date,"
        f" count(*) FILTER (WHERE {d} IS NOT NULL AND {d} NOT {plausible}) AS dates_out_of_range,"
        f" {o} AS orphans FROM {t}"
        for t, (d, o) in parts.items()
    ]
    frame = store.query(
        " UNION ALL ".join(selects),
        {"earliest": EARLIEST_DATE, "latest": latest_date(today)},
    )
    frame["days_since_last"] = [
        None if pd.isna(d) else (today - pd.Timestamp(d).date()).days for d in frame["last_date"]
    ]
    return frame


def likely_duplicates(store: Store) -> pd.DataFrame:
    """Rows whose names differ only in spacing, case or punctuation ('GTXPro', 'GTX Pro')."""
    selects = [
        f"SELECT '{t}' AS table_name, {c} AS id, name, {_NORMALISED[store.engine]} AS normalised"
        f" FROM {t}"
        for t, c in _ID.items()
    ]
    # The shared names first, counted; then the lists of only those: listing every name's
    # ids and names to keep the few shared took 0.6 s at 200,000 customers, against 0.3 s.
    return store.query(
        f"WITH named AS MATERIALIZED ({' UNION ALL '.join(selects)}),"
        " shared AS (SELECT table_name, normalised FROM named WHERE normalised <> ''"
        " GROUP BY table_name, normalised HAVING count(*) > 1)"
        " SELECT table_name, normalised, list(id ORDER BY id) AS ids,"
        " list(name ORDER BY id) AS names FROM named JOIN shared USING (table_name, normalised)"
        " GROUP BY ALL ORDER BY 1, 2"
    )


def merge(
    store: Store,
    table: str,
    from_id: int,
    into_id: int,
    *,
    actor: int | None = None,
    via: str | None = None,
) -> None:
    """Fold row `from_id` of `table` into `into_id`: every reference moves, the row goes, and its
    name stays behind as an alias so the next import of the same file lands on `into_id`. The
    audit row (data.merge, by `actor`; `via` says where from, e.g. "cli") commits with it."""
    if table not in _ID:
        raise MappingError.of("import.merge_tables", tables=", ".join(_ID), table=table)
    id_col = _ID[table]
    if from_id == into_id:
        raise MappingError.of("import.merge_self")
    with store.transaction() as con:
        names = dict(
            con.execute(
                f"SELECT {id_col}, name FROM {table} WHERE {id_col} IN ($a, $b)",
                {"a": from_id, "b": into_id},
            ).fetchall()
        )
        if len(names) != 2:
            raise MappingError.of(
                "import.merge_no_row", table=table, from_id=from_id, into_id=into_id
            )
        for ref_table, column in _REFERENCES[table]:
            con.execute(
                f"UPDATE {ref_table} SET {column} = $b WHERE {column} = $a",
                {"a": from_id, "b": into_id},
            )
        if table == "reps":
            con.execute(
                "UPDATE targets SET scope_id = $b WHERE scope = 'rep' AND scope_id = $a",
                {"a": from_id, "b": into_id},
            )
            # The team each target period is filed under moves with the person; where both
            # had a row for the same period, the surviving person's row stands.
            con.execute(
                "INSERT INTO rep_period_teams SELECT $b, period_start, period_end, team_id"
                " FROM rep_period_teams WHERE rep_id = $a ON CONFLICT DO NOTHING",
                {"a": from_id, "b": into_id},
            )
            con.execute("DELETE FROM rep_period_teams WHERE rep_id = $a", {"a": from_id})
        if table == "teams":
            con.execute(
                "UPDATE targets SET scope_id = $b WHERE scope = 'team' AND scope_id = $a",
                {"a": from_id, "b": into_id},
            )
            con.execute(
                "UPDATE rep_period_teams SET team_id = $b WHERE team_id = $a",
                {"a": from_id, "b": into_id},
            )
        con.execute(f"DELETE FROM {table} WHERE {id_col} = $a", {"a": from_id})
        con.execute(
            "UPDATE import_keys SET id = $b WHERE entity = $t AND id = $a",
            {"a": from_id, "b": into_id, "t": table},
        )
        con.execute(
            "INSERT INTO import_keys (entity, kind, key, id) VALUES ($t, 'name', $n, $b) "
            "ON CONFLICT (entity, kind, key) DO UPDATE SET id = excluded.id",
            {"t": table, "n": names[from_id], "b": into_id},
        )
        refresh_rollups(con)  # orders now name the surviving customer, person or team
        details: dict[str, object] = {"table": table, "from_id": from_id, "into_id": into_id}
        if via is not None:
            details["via"] = via
        audit.record(con, actor, "data.merge", table, from_id, details)


def restore_demo(
    store: Store, orders: int = 200_000, locale: str = "en", *, actor: int | None = None
) -> None:
    """Replace everything with the demo company again (the import log is kept), its names in
    `locale` (en or zh_CN). The demo's build audits its own accounts (user.add); the last
    write adds data.restore_demo by `actor`."""
    from data.demo import generate_demo

    # The demo replaces every account, and its new ones may reuse the actor's user_id: the
    # row also keeps the actor's login as it was before the rebuild.
    login = None if actor is None else store.scalar(
        "SELECT login FROM users WHERE user_id = $id", {"id": actor}
    )  # fmt: skip
    generate_demo(store, orders=orders, locale=locale)
    with store.transaction() as con:
        con.execute("DELETE FROM import_keys")
        refresh_rollups(con)  # current after this, the last write, whatever the demo did
        details = {"locale": locale, "by_login": login}
        audit.record(con, actor, "data.restore_demo", "company", None, details)


def holds_foreign_data(store: Store) -> bool:
    """True when the database holds rows no import wrote (the demo company, typically)."""
    from data.importing.runner import FOREIGN_ROWS_SQL

    return bool(store.scalar(FOREIGN_ROWS_SQL))
