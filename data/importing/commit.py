"""Writing validated rows: find or create the people, customers, products and teams a file
names, then upsert the table's rows by key. Runs inside the caller's transaction.

A file's own ids and names are kept in import_keys, so importing the same file again finds
the same rows and changes nothing. Activities and feedback get ids derived from what identifies
each row in the file (row_ids), for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from data.importing.fields import WON_DEAL_ORDER_PREFIX, import_table
from data.importing.mapping import Mapping
from data.importing.parsing import NUMBER_TYPE
from data.importing.validate import PARSED

UNASSIGNED_TEAM = "Unassigned"
DEFAULT_CATEGORY = "Uncategorised"
_ID = {"teams": "team_id", "reps": "rep_id", "customers": "customer_id", "products": "product_id"}


# The orders table's columns, in the order an import writes them.
ORDER_COLUMNS = [
    "order_id", "line_no", "order_date", "customer_id", "rep_id", "team_id", "product_id",
    "quantity", "net_amount_cents", "cost_cents", "status",
]  # fmt: skip


@dataclass
class WriteResult:
    """What the write changed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    created: dict[str, int] = field(default_factory=dict)
    extra: dict[str, int] = field(default_factory=dict)  # e.g. orders made from won deals


class _Writer:
    def __init__(self, con: duckdb.DuckDBPyConnection, mapping: Mapping, today: date) -> None:
        self.con = con
        self.mapping = mapping
        self.today = today
        self.result = WriteResult()
        self.given = set(mapping.columns) | set(mapping.defaults)

    def sql(self, text: str, params: dict | None = None) -> list[tuple]:
        return self.con.execute(text, params or {}).fetchall()

    def has(self, name: str) -> bool:
        return name in self.given

    def col(self, name: str) -> str:
        return name if self.has(name) else "NULL"

    def count_created(self, entity: str, n: int) -> None:
        if n:
            self.result.created[entity] = self.result.created.get(entity, 0) + n

    # ---------------------------------------------------------------- references
    def resolve(self, entity: str, ref: str, key: str | None, name: str | None) -> str:
        """Temp table import_ref_<ref> (kind, ident, name, id) for every valid row's reference."""
        table = f"import_ref_{ref}"
        key_sql = key if key and self.has(key) else "NULL"
        name_sql = name if name and self.has(name) else "NULL"
        self.sql(
            f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT "
            f"CASE WHEN k IS NOT NULL THEN 'id' ELSE 'name' END AS kind, coalesce(k, n) AS ident,"
            f" arg_min(n, _row) FILTER (WHERE n IS NOT NULL) AS name, min(_row) AS first_row,"
            f" CAST(NULL AS INTEGER) AS id, false AS is_new "
            f"FROM (SELECT {key_sql} AS k, {name_sql} AS n, _row FROM {PARSED} WHERE _ok) "
            f"WHERE coalesce(k, n) IS NOT NULL GROUP BY ALL"
        )
        self._match(entity, table)
        return table

    def resolve_names(self, entity: str, ref: str, names_sql: str) -> str:
        """Like resolve, for names given by an SQL query with columns (n, _row)."""
        table = f"import_ref_{ref}"
        self.sql(
            f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT 'name' AS kind, n AS ident,"
            f" n AS name, min(_row) AS first_row, CAST(NULL AS INTEGER) AS id, false AS is_new "
            f"FROM ({names_sql}) WHERE n IS NOT NULL GROUP BY n"
        )
        self._match(entity, table)
        return table

    def _match(self, entity: str, table: str) -> None:
        id_col = _ID[entity]
        self.sql(
            f"UPDATE {table} SET id = k.id FROM import_keys k "
            f"WHERE k.entity = '{entity}' AND k.kind = {table}.kind AND k.key = {table}.ident"
        )
        self.sql(
            f"UPDATE {table} SET id = c.id FROM (SELECT name, min({id_col}) AS id FROM {entity} "
            f"GROUP BY name) c WHERE {table}.id IS NULL AND {table}.kind = 'name' "
            f"AND c.name = {table}.ident"
        )
        self.sql(
            f"UPDATE {table} SET id = n.new_id, is_new = true FROM (SELECT kind, ident, "
            f"(SELECT coalesce(max({id_col}), 0) FROM {entity}) + row_number() OVER "
            f"(ORDER BY first_row, kind, ident) AS new_id FROM {table} WHERE id IS NULL) n "
            f"WHERE {table}.kind = n.kind AND {table}.ident = n.ident"
        )
        created = self.sql(f"SELECT count(*) FROM {table} WHERE is_new")[0][0]
        if created:
            self._insert_new(entity, table)
            self.sql(
                f"INSERT INTO import_keys (entity, kind, key, id, hire_inferred) "
                f"SELECT '{entity}', kind, ident, id, {'true' if entity == 'reps' else 'false'} "
                f"FROM {table} WHERE is_new"
            )
            if entity == "reps" and self.defaulted(table):
                # A person made up from the mapping's default, not read from the file: a
                # placeholder whose sales count in totals but who is never ranked or reviewed.
                self.sql(
                    f"INSERT INTO placeholder_reps (rep_id) SELECT id FROM {table} WHERE is_new"
                )
        self.count_created(entity, int(created))

    def defaulted(self, table: str) -> bool:
        """Whether the people in import_ref table `table` come only from the mapping's
        defaults (the file has no column naming them)."""
        fields = {"import_ref_rep": ("rep_key", "rep")}.get(table)
        if fields is None:
            return False
        used = [f for f in fields if self.has(f)]
        return bool(used) and not any(f in self.mapping.columns for f in used)

    def _insert_new(self, entity: str, table: str) -> None:
        name = f"coalesce({table}.name, {table}.ident)"
        if entity == "teams":
            channel = self.mapping.options.get("team_channel", "other")
            self.sql(
                f"INSERT INTO teams (team_id, name, channel) SELECT id, {name}, $channel "
                f"FROM {table} WHERE is_new",
                {"channel": channel},
            )
        elif entity == "reps":
            # A people file sets each person's team right after; 0 marks "not yet placed".
            team_id = (
                0 if self.mapping.table == "reps" and self.has("team") else self.default_team()
            )
            self.sql(
                f"INSERT INTO reps (rep_id, name, team_id, role, hire_date) SELECT id, {name}, "
                f"$team, 'sales_rep', $today FROM {table} WHERE is_new",
                {"team": team_id, "today": self.today},
            )
        elif entity == "customers":
            self.sql(
                f"INSERT INTO customers (customer_id, name) SELECT id, {name} FROM {table} "
                "WHERE is_new"
            )
        else:
            # Product names are unique: a name another product has gets the file's id added.
            self.sql(
                f"INSERT INTO products (product_id, name, category, list_price_cents) "
                f"SELECT id, CASE WHEN count(*) OVER (PARTITION BY {name}) > 1 OR EXISTS "
                f"(SELECT 1 FROM products p WHERE p.name = {name}) "
                f"THEN {name} || ' (' || {table}.ident || ')' ELSE {name} END, $category, 0 "
                f"FROM {table} WHERE is_new",
                {"category": DEFAULT_CATEGORY},
            )

    def default_team(self) -> int:
        name = str(self.mapping.options.get("default_team", UNASSIGNED_TEAM))
        found = self.sql("SELECT team_id FROM teams WHERE name = $n", {"n": name})
        if found:
            return int(found[0][0])
        new_id = int(self.sql("SELECT coalesce(max(team_id), 0) + 1 FROM teams")[0][0])
        channel = self.mapping.options.get("team_channel", "other")
        self.sql(
            "INSERT INTO teams (team_id, name, channel) VALUES ($id, $n, $c)",
            {"id": new_id, "n": name, "c": channel},
        )
        self.sql(
            "INSERT INTO import_keys (entity, kind, key, id) VALUES ('teams', 'name', $n, $id)",
            {"n": name, "id": new_id},
        )
        self.count_created("teams", 1)
        return new_id

    def ref_id(self, ref: str, key: str | None, name: str | None) -> str:
        """SQL for the id a PARSED row `p` refers to through import_ref_<ref> (alias ref)."""
        key_sql = f"p.{key}" if key and self.has(key) else "NULL"
        name_sql = f"p.{name}" if name and self.has(name) else "NULL"
        return (
            f"(SELECT x.id FROM import_ref_{ref} x WHERE x.kind = CASE WHEN {key_sql} IS NOT NULL"
            f" THEN 'id' ELSE 'name' END AND x.ident = coalesce({key_sql}, {name_sql}))"
        )

    def ref_join(self, ref: str, key: str | None, name: str | None) -> tuple[str, str]:
        """(LEFT JOIN clause, id column) linking PARSED rows `p` to import_ref_<ref>: a hash
        join on (kind, ident), far faster than a lookup per row."""
        key_sql = f"p.{key}" if key and self.has(key) else "NULL"
        name_sql = f"p.{name}" if name and self.has(name) else "NULL"
        alias = f"j_{ref}"
        join = (
            f"LEFT JOIN import_ref_{ref} {alias} ON {alias}.kind = CASE WHEN {key_sql} IS NOT "
            f"NULL THEN 'id' ELSE 'name' END AND {alias}.ident = coalesce({key_sql}, {name_sql})"
        )
        return join, f"{alias}.id"

    # ---------------------------------------------------------------- upsert
    def upsert(self, target: str, key: list[str], columns: list[str], incoming: str) -> None:
        """Merge `incoming` (a temp table, or a query in parentheses, with the same column
        names) into `target` by `key`."""
        cols = ", ".join(columns)
        if not self.sql(f"SELECT EXISTS (SELECT 1 FROM {target})")[0][0]:
            # An empty table: every row is new, so insert straight from the file's rows.
            added = self.sql(f"INSERT INTO {target} ({cols}) SELECT {cols} FROM {incoming} i")
            self.result.added += int(added[0][0])
            return
        on = " AND ".join(f"t.{k} = i.{k}" for k in key)
        differs = " OR ".join(f"t.{c} IS DISTINCT FROM i.{c}" for c in columns if c not in key)
        self.sql(
            f"CREATE OR REPLACE TEMP TABLE import_changes AS SELECT i.*, "
            f"(t.{key[0]} IS NULL) AS is_new FROM {incoming} i LEFT JOIN {target} t ON {on} "
            f"WHERE t.{key[0]} IS NULL OR {differs}"
        )
        total = int(self.sql(f"SELECT count(*) FROM {incoming}")[0][0])
        new, changed = self.sql(
            "SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE NOT is_new) "
            "FROM import_changes"
        )[0]
        keys = ", ".join(key)
        if changed:
            self.sql(
                f"DELETE FROM {target} WHERE ({keys}) IN "
                f"(SELECT ({keys}) FROM import_changes WHERE NOT is_new)"
            )
        self.sql(f"INSERT INTO {target} ({cols}) SELECT {cols} FROM import_changes")
        self.result.added += int(new)
        self.result.updated += int(changed)
        self.result.unchanged += total - int(new) - int(changed)


def _update_entities(
    w: _Writer,
    entity: str,
    ref: str,
    ref_key: str | None,
    ref_name: str | None,
    values: dict[str, str],
    count: bool,
) -> None:
    """Set `values` (column → SQL over PARSED p; NULL keeps what is there) on referenced rows."""
    id_col = _ID[entity]
    present = {c: v for c, v in values.items() if v != "NULL"}
    if not present:
        if count:
            created = w.result.created.get(entity, 0)
            total = int(w.sql(f"SELECT count(*) FROM import_ref_{ref}")[0][0])
            w.result.added += created
            w.result.unchanged += total - created
        return
    firsts = ", ".join(
        f"arg_min({v}, p._row) FILTER (WHERE {v} IS NOT NULL) AS {c}" for c, v in present.items()
    )
    w.sql(
        f"CREATE OR REPLACE TEMP TABLE import_attrs AS SELECT {w.ref_id(ref, ref_key, ref_name)}"
        f" AS id, {firsts} FROM {PARSED} p WHERE p._ok GROUP BY ALL"
    )
    w.sql("DELETE FROM import_attrs WHERE id IS NULL")
    sets = ", ".join(f"coalesce(a.{c}, e.{c}) AS {c}" for c in present)
    differs = " OR ".join(f"coalesce(a.{c}, e.{c}) IS DISTINCT FROM e.{c}" for c in present)
    if count:
        new_ids = f"(SELECT id FROM import_ref_{ref} WHERE is_new)"
        added, changed, same = w.sql(
            f"SELECT count(*) FILTER (WHERE a.id IN {new_ids}), "
            f"count(*) FILTER (WHERE a.id NOT IN {new_ids} AND ({differs})), "
            f"count(*) FILTER (WHERE a.id NOT IN {new_ids} AND NOT ({differs})) "
            f"FROM import_attrs a JOIN {entity} e ON e.{id_col} = a.id"
        )[0]
        w.result.added += int(added)
        w.result.updated += int(changed)
        w.result.unchanged += int(same)
    w.sql(
        f"UPDATE {entity} SET {', '.join(f'{c} = s.{c}' for c in present)} FROM ("
        f"SELECT a.id, {sets} FROM import_attrs a JOIN {entity} e ON e.{id_col} = a.id "
        f"WHERE {differs}) s WHERE {entity}.{id_col} = s.id"
    )


def _write_teams(w: _Writer) -> None:
    parent = "NULL"
    if w.has("parent_team"):
        w.resolve("teams", "parent", None, "parent_team")
        parent = w.ref_id("parent", None, "parent_team")
    w.resolve("teams", "team", None, "team")
    _update_entities(
        w,
        "teams",
        "team",
        None,
        "team",
        {"parent_id": parent, "channel": w.col("channel")},
        count=True,
    )


def _write_reps(w: _Writer) -> None:
    team = "NULL"
    if w.has("team"):
        parent = "NULL"
        if w.has("parent_team"):
            w.resolve("teams", "parent", None, "parent_team")
            parent = w.ref_id("parent", None, "parent_team")
        w.resolve("teams", "team", None, "team")
        _update_entities(w, "teams", "team", None, "team", {"parent_id": parent}, count=False)
        team = w.ref_id("team", None, "team")
    w.resolve("reps", "rep", "rep_key", "rep")
    hire = "p.hire_date" if w.has("hire_date") else "NULL"
    _update_entities(
        w,
        "reps",
        "rep",
        "rep_key",
        "rep",
        {
            "team_id": team,
            "role": w.col("role"),
            "hire_date": hire,
            "leave_date": "p.leave_date" if w.has("leave_date") else "NULL",
        },
        count=True,
    )
    if w.sql("SELECT 1 FROM reps WHERE team_id = 0"):
        w.sql("UPDATE reps SET team_id = $t WHERE team_id = 0", {"t": w.default_team()})
    if w.has("hire_date"):
        w.sql(
            f"UPDATE import_keys SET hire_inferred = false WHERE entity = 'reps' AND id IN "
            f"(SELECT {w.ref_id('rep', 'rep_key', 'rep')} FROM {PARSED} p "
            "WHERE p._ok AND p.hire_date IS NOT NULL)"
        )
    if w.has("manager"):
        w.resolve_names("reps", "manager", f"SELECT manager AS n, _row FROM {PARSED} WHERE _ok")
        manager = w.ref_id("manager", None, "manager")
        w.sql(
            "UPDATE reps SET role = 'group_leader' WHERE rep_id IN "
            "(SELECT id FROM import_ref_manager WHERE is_new)"
        )
        _update_entities(w, "reps", "manager", None, "manager", {"team_id": team}, count=False)
        if team != "NULL":
            w.sql(
                f"UPDATE teams SET leader_rep_id = s.leader FROM (SELECT {team} AS team_id, "
                f"arg_min({manager}, p._row) AS leader FROM {PARSED} p WHERE p._ok "
                f"AND p.manager IS NOT NULL GROUP BY ALL) s WHERE teams.team_id = s.team_id "
                f"AND teams.leader_rep_id IS DISTINCT FROM s.leader"
            )


def _write_customers(w: _Writer) -> None:
    owner = "NULL"
    if w.has("owner"):
        w.resolve("reps", "owner", None, "owner")
        owner = w.ref_id("owner", None, "owner")
    w.resolve("customers", "customer", "customer_key", "customer")
    values = {c: w.col(c) for c in ("tier", "industry", "region", "city", "size_band", "channel")}
    values |= {"owner_rep_id": owner, "acquired_date": w.col("acquired_date")}
    _update_entities(w, "customers", "customer", "customer_key", "customer", values, count=True)


def _write_products(w: _Writer) -> None:
    w.resolve("products", "product", "product_key", "product")
    _update_entities(
        w,
        "products",
        "product",
        "product_key",
        "product",
        {"category": w.col("category"), "list_price_cents": w.col("list_price")},
        count=True,
    )


def _resolve_lines(w: _Writer) -> tuple[dict[str, str], str]:
    """Resolve the customer, product, rep and team of order or deal rows: SQL for each id, and
    the joins (over PARSED p) those expressions need."""
    ids: dict[str, str] = {}
    joins: list[str] = []
    refs = [("customer", "customers", "customer_key", "customer"),
            ("product", "products", "product_key", "product"),
            ("rep", "reps", "rep_key", "rep"),
            ("team", "teams", None, "team")]  # fmt: skip
    for ref, entity, key, name in refs:
        if not (w.has(name) or (key and w.has(key))):
            continue  # orders, deals and activities always name a rep (fields.one_of)
        w.resolve(entity, ref, key, name)
        join, column = w.ref_join(ref, key, name)
        joins.append(join)
        ids[ref] = column
    if "rep" in ids:
        joins.append(f"LEFT JOIN reps j_rep_row ON j_rep_row.rep_id = {ids['rep']}")
        ids["team"] = f"coalesce({ids.get('team', 'NULL')}, j_rep_row.team_id)"
    return ids, " ".join(joins)


def _line_attributes(w: _Writer, ids: dict[str, str]) -> None:
    """Customer and product details an order file carries (segment, region, category)."""
    values = {
        "industry": w.col("customer_industry"),
        "region": w.col("customer_region"),
        "city": w.col("customer_city"),
        "tier": w.col("customer_tier"),
    }
    if "customer" in ids:
        _update_entities(
            w, "customers", "customer", "customer_key", "customer", values, count=False
        )
    if "product" in ids and w.has("product_category"):
        _update_entities(
            w,
            "products",
            "product",
            "product_key",
            "product",
            {"category": "product_category"},
            count=False,
        )


def _integer(value: str) -> str:
    """SQL casting a parsed whole number to INTEGER by way of a 64-bit decimal: casting a
    128-bit DECIMAL(38,6) to INTEGER directly costs ten times as much on big files."""
    return f"CAST(CAST({value} AS {NUMBER_TYPE}) AS INTEGER)"


def _write_orders(w: _Writer) -> None:
    ids, joins = _resolve_lines(w)
    _line_attributes(w, ids)
    cost = "p.cost" if w.has("cost") else ("p.amount - p.profit" if w.has("profit") else "0")
    incoming = (
        f"(SELECT p.order_id,"
        f" {_integer('p.line_no')} AS line_no, p.order_date, {ids['customer']} AS customer_id,"
        f" {ids['rep']} AS rep_id, {ids['team']} AS team_id, {ids['product']} AS product_id,"
        f" coalesce({_integer('p.quantity')}, 1) AS quantity, p.amount AS net_amount_cents,"
        f" CAST(coalesce({cost}, 0) AS BIGINT) AS cost_cents,"
        f" coalesce(p.status, 'completed') AS status FROM {PARSED} p {joins} WHERE p._ok)"
    )
    w.upsert("orders", ["order_id", "line_no"], ORDER_COLUMNS, incoming)
    if w.has("return_date"):
        _write_return_dates(w)
    if any(w.has(name) for name in PLACE_FIELDS):
        _write_places(w)
    _fix_hire_dates(w)


# What an order line can say about where and through which channel it was sold
# (order_places, migration 0010); each falls back to the customer's (region, city) or the
# team's (channel) where the line says nothing.
PLACE_FIELDS = ("region", "city", "store", "channel")


def _write_places(w: _Writer) -> None:
    """Each line's own region, city, store and channel. The file has the say for its lines, as
    for return dates: its values replace older ones, and a line it gives none of those for
    (every mapped place column blank) keeps no place of its own and falls back."""
    line = _integer("p.line_no")
    values = [f"p.{name}" if w.has(name) else "NULL" for name in PLACE_FIELDS]
    w.sql(
        f"DELETE FROM order_places WHERE (order_id, line_no) IN"
        f" (SELECT p.order_id, {line} FROM {PARSED} p WHERE p._ok)"
    )
    w.sql(
        f"INSERT INTO order_places (order_id, line_no, {', '.join(PLACE_FIELDS)})"
        f" SELECT p.order_id, {line}, {', '.join(f'arg_min({v}, p._row)' for v in values)}"
        f" FROM {PARSED} p WHERE p._ok AND coalesce({', '.join(values)}) IS NOT NULL"
        f" GROUP BY ALL"
    )


def _write_return_dates(w: _Writer) -> None:
    """The day each returned line came back (order_returns), so commission claws a return
    back in the period it happened. The file has the say for its lines: a returned line's
    date is kept, and a line without one (or no longer returned) loses an older date."""
    line = _integer("p.line_no")
    w.sql(
        f"DELETE FROM order_returns WHERE (order_id, line_no) IN"
        f" (SELECT p.order_id, {line} FROM {PARSED} p WHERE p._ok)"
    )
    w.sql(
        f"INSERT INTO order_returns SELECT p.order_id, {line}, max(p.return_date)"
        f" FROM {PARSED} p WHERE p._ok AND p.return_date IS NOT NULL"
        f" AND p.status = 'returned' GROUP BY ALL"
    )


_DEAL_COLUMNS = [
    "deal_id",
    "customer_id",
    "rep_id",
    "team_id",
    "product_id",
    "stage",
    "created_date",
    "closed_date",
    "amount_cents",
    "lost_reason",
]


def _write_deals(w: _Writer) -> None:
    ids, joins = _resolve_lines(w)
    w.sql(
        f"CREATE OR REPLACE TEMP TABLE import_incoming AS SELECT p.deal_id,"
        f" {ids.get('customer', 'NULL')} AS customer_id, {ids['rep']} AS rep_id,"
        f" {ids['team']} AS team_id, {ids.get('product', 'NULL')} AS product_id, p.stage,"
        f" p.created_date, p.closed_date, p.amount AS amount_cents, p.lost_reason"
        f" FROM {PARSED} p {joins} WHERE p._ok"
    )
    w.upsert("deals", ["deal_id"], _DEAL_COLUMNS, "import_incoming")
    if w.mapping.options.get("won_deals_as_orders"):
        _won_deals_as_orders(w)
    _fix_hire_dates(w)


def _won_deals_as_orders(w: _Writer) -> None:
    """Each won deal with a customer and a product becomes order line 1 of an order with the
    deal's id after WON_DEAL_ORDER_PREFIX, dated its close, at its value; cost unknown (0). A
    deal no longer won loses it. The sale is one: the order line is how its revenue is counted,
    and lists of wins show it once, as the deal."""
    before = (w.result.added, w.result.updated, w.result.unchanged)
    order_id = f"'{WON_DEAL_ORDER_PREFIX}' || deal_id"
    w.sql(
        f"DELETE FROM orders WHERE line_no = 1 AND order_id IN (SELECT {order_id} FROM"
        " import_incoming WHERE stage <> 'won' OR customer_id IS NULL OR product_id IS NULL)"
    )
    # Earlier versions gave such lines the bare deal id; they would now count twice.
    w.sql(
        "DELETE FROM orders WHERE line_no = 1 AND cost_cents = 0"
        " AND order_id IN (SELECT deal_id FROM import_incoming)"
    )
    w.sql(
        f"CREATE OR REPLACE TEMP TABLE import_won AS SELECT {order_id} AS order_id, 1 AS line_no,"
        " closed_date AS order_date, customer_id, rep_id, team_id, product_id, 1 AS quantity,"
        " coalesce(amount_cents, 0) AS net_amount_cents, CAST(0 AS BIGINT) AS cost_cents,"
        " 'completed' AS status FROM import_incoming WHERE stage = 'won'"
        " AND customer_id IS NOT NULL AND product_id IS NOT NULL"
    )
    w.upsert("orders", ["order_id", "line_no"], ORDER_COLUMNS, "import_won")
    added, updated, _ = (
        a - b
        for a, b in zip((w.result.added, w.result.updated, w.result.unchanged), before, strict=True)
    )
    w.result.added, w.result.updated, w.result.unchanged = before
    w.result.extra = {"orders_added": added, "orders_updated": updated}


# Every dated row a person has: their first one is when an inferred hire date starts.
_REP_DAYS = (
    " SELECT rep_id, order_date AS d FROM orders UNION ALL"
    " SELECT rep_id, created_date FROM deals UNION ALL"
    " SELECT rep_id, activity_date FROM activities UNION ALL"
    " SELECT rep_id, feedback_date FROM feedback WHERE rep_id IS NOT NULL"
)


def _fix_hire_dates(w: _Writer) -> None:
    """People whose hire date Huddle inferred start on their first order, deal, activity or
    feedback."""
    w.sql(
        f"UPDATE reps SET hire_date = s.first_day FROM (SELECT rep_id, min(d) AS first_day FROM ("
        f"{_REP_DAYS}) GROUP BY rep_id) s"
        " WHERE reps.rep_id = s.rep_id AND s.first_day < reps.hire_date"
        " AND (reps.leave_date IS NULL OR s.first_day <= reps.leave_date)"
        " AND reps.rep_id IN (SELECT id FROM import_keys WHERE entity = 'reps' AND hire_inferred)"
    )
    # People with nothing dated of their own are on record from the data's first day.
    w.sql(
        f"UPDATE reps SET hire_date = s.first_day FROM (SELECT min(d) AS first_day FROM ("
        f"{_REP_DAYS})) s WHERE s.first_day < reps.hire_date AND reps.leave_date IS NULL"
        f" AND reps.rep_id NOT IN (SELECT rep_id FROM ({_REP_DAYS}))"
        " AND reps.rep_id IN (SELECT id FROM import_keys WHERE entity = 'reps' AND hire_inferred)"
    )


def _identity_sql(w: _Writer, name: str) -> str:
    """A natural-key field of PARSED row `p` as text: a person or customer as the file names
    them (its id for them, else the name, as references are matched), anything else as is."""
    key = f"{name}_key"
    if name in ("rep", "customer"):
        by_key = f"'id:' || p.{key}" if w.has(key) else "NULL"
        by_name = f"'name:' || p.{name}" if w.has(name) else "NULL"
        return f"coalesce({by_key}, {by_name}, '')"
    return f"coalesce(CAST(p.{name} AS VARCHAR), '')"


def row_ids(w: _Writer) -> str:
    """Temp table import_row_ids (_row, id): each PARSED row's id in the table, the same every
    time the file (or a later export of the same records) is imported.

    The id is the first 60 bits of the MD5 of what identifies the row: the file's id for it
    (key, e.g. activity_key) when given, else its natural key and its place in file order
    among the rows sharing that key. Places are counted over every row, rejected ones too, so
    a row set aside and later fixed does not move the others. MD5, not DuckDB's hash(), as
    its value never changes with the DuckDB version."""
    spec = import_table(w.mapping.table)
    key = spec.key[0]
    natural = " || '|' || ".join(_identity_sql(w, n) for n in spec.natural_key)
    by_key = f"'id:' || p.{key}" if w.has(key) else "NULL"
    w.sql(
        f"CREATE OR REPLACE TEMP TABLE import_row_ids AS SELECT _row, CAST(('0x' || left(md5("
        f"'{spec.name}|' || coalesce(by_key, 'key:' || nat_key || '#' || row_number() OVER "
        f"(PARTITION BY by_key IS NULL, nat_key ORDER BY _row))), 15)) AS BIGINT) AS id "
        f"FROM (SELECT p._row, {by_key} AS by_key, {natural} AS nat_key FROM {PARSED} p)"
    )
    return "import_row_ids"


_ACTIVITY_COLUMNS = [
    "activity_id", "activity_date", "customer_id", "rep_id", "team_id", "kind", "outcome",
    "next_follow_up_date",
]  # fmt: skip


def _write_activities(w: _Writer) -> None:
    ids, joins = _resolve_lines(w)
    row_ids(w)
    w.sql(
        f"CREATE OR REPLACE TEMP TABLE import_incoming AS SELECT ri.id AS activity_id,"
        f" p.activity_date, {ids['customer']} AS customer_id, {ids['rep']} AS rep_id,"
        f" {ids['team']} AS team_id, p.kind, p.outcome, p.next_follow_up_date"
        f" FROM {PARSED} p JOIN import_row_ids ri ON ri._row = p._row {joins} WHERE p._ok"
    )
    w.upsert("activities", ["activity_id"], _ACTIVITY_COLUMNS, "import_incoming")
    _fix_hire_dates(w)


_FEEDBACK_COLUMNS = [
    "feedback_id", "feedback_date", "customer_id", "rep_id", "team_id", "csat", "nps", "kind",
    "text", "resolved_date",
]  # fmt: skip


def _write_feedback(w: _Writer) -> None:
    ids, joins = _resolve_lines(w)
    row_ids(w)
    w.sql(
        f"CREATE OR REPLACE TEMP TABLE import_incoming AS SELECT ri.id AS feedback_id,"
        f" p.feedback_date, {ids.get('customer', 'NULL')} AS customer_id,"
        f" {ids.get('rep', 'NULL')} AS rep_id, {ids.get('team', 'NULL')} AS team_id,"
        f" {_integer('p.csat')} AS csat, {_integer('p.nps')} AS nps, p.kind, p.text,"
        f" p.resolved_date"
        f" FROM {PARSED} p JOIN import_row_ids ri ON ri._row = p._row {joins} WHERE p._ok"
    )
    w.upsert("feedback", ["feedback_id"], _FEEDBACK_COLUMNS, "import_incoming")
    _fix_hire_dates(w)


_STOCK_COLUMNS = ["count_date", "team_id", "product_id", "quantity", "value_cents", "received"]


def _write_stock(w: _Writer) -> None:
    """Stock counts: the store/team and product by name or id (created when new, as an order
    file's are); the cost is the file's value, else its unit cost (read to the cent, as every
    amount is) times the quantity. A count again for the same day, store and product replaces
    the one there."""
    ids, joins = _resolve_lines(w)
    quantity = _integer("p.quantity")
    unit_cost = "p.unit_cost" if w.has("unit_cost") else "NULL"
    value = "p.value" if w.has("value") else "NULL"
    incoming = (
        f"(SELECT p.count_date, {ids['team']} AS team_id, {ids['product']} AS product_id,"
        f" {quantity} AS quantity,"
        f" CAST(round(coalesce({value}, {quantity} * {unit_cost})) AS BIGINT) AS value_cents,"
        f" {_integer('p.received') if w.has('received') else 'NULL'} AS received"
        f" FROM {PARSED} p {joins} WHERE p._ok)"
    )
    w.upsert("stock", ["count_date", "team_id", "product_id"], _STOCK_COLUMNS, incoming)


_WRITERS = {
    "teams": _write_teams,
    "reps": _write_reps,
    "customers": _write_customers,
    "products": _write_products,
    "orders": _write_orders,
    "deals": _write_deals,
    "activities": _write_activities,
    "feedback": _write_feedback,
    "stock": _write_stock,
}


def write(con: duckdb.DuckDBPyConnection, mapping: Mapping, today: date) -> WriteResult:
    """Write PARSED's valid rows into `mapping.table`; returns the counts."""
    writer = _Writer(con, mapping, today)
    _WRITERS[mapping.table](writer)
    result = writer.result
    # The table's own new rows are counted as added, not as references created.
    own = result.created.pop(mapping.table, 0) - result.added
    if own > 0:
        result.created[mapping.table] = own
    return result
