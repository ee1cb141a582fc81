"""The declarations the catalogue is made of: KPIs, dimensions and the sources they read."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Unit = Literal["money", "count", "percent", "days", "score"]
Direction = Literal["higher_is_better", "lower_is_better"]
Grain = Literal["day", "week", "month", "quarter", "year"]
# How a KPI's target covers a period. "amount": a total spread evenly over its days, so a
# period's target is the sum of its days' shares and the value expected by now grows through
# it (revenue). "level": a rate that holds on every day it covers (stock turnover 6.0 for
# November is 6.0 for any part of November), so a period's target is the day-weighted average
# of the targets covering its days (days without one left out; none: no target), and pace
# judges the value against that level, never against a growing share.
TargetRule = Literal["amount", "level"]
GRAINS: tuple[str, ...] = Grain.__args__  # type: ignore[attr-defined]

# A derived KPI names others as {kpi_id}, or {kpi_id@prev} for the previous period's value.
REFERENCE = re.compile(r"\{([a-z_][a-z0-9_]*)(@prev)?\}")


class Kpi(BaseModel):
    """One KPI, declared once.

    A base KPI has a `source` and an SQL aggregate over that source's rows. A derived KPI has
    no source; its `sql` combines other KPIs, e.g. "{won_deals} / nullif({closed_deals}, 0)".
    Aggregates may use {period_start}: the start of the period, or of each trend bucket, and
    {period_end}: its last day (a bucket's, or the period's end if that comes first).
    A `carried_over` KPI counts the distinct values of its `sql` expression found both in the
    period (or bucket) and in the whole calendar period before it: retained customers.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    unit: Unit
    direction: Direction = "higher_is_better"
    definition: str = Field(min_length=10)
    sql: str = Field(min_length=1)
    source: str | None = None
    # Base KPIs that count things come out as 0, not blank, when no row falls in a period.
    zero_when_empty: bool = False
    measure: Literal["aggregate", "carried_over"] = "aggregate"
    # Sums over days (revenue, deals won): a running total of its buckets means something.
    additive: bool = False
    # The metric name in the targets table, for KPIs that can carry a target.
    target_metric: str | None = None
    # How that target covers a period (TargetRule above); amount unless declared.
    target_rule: TargetRule = "amount"
    # Shown in menus; helper KPIs that only feed others are hidden.
    listed: bool = True

    @property
    def is_derived(self) -> bool:
        """True when the KPI is computed from other KPIs rather than from a source."""
        return self.source is None

    def references(self) -> list[tuple[str, bool]]:
        """The KPIs a derived KPI uses, as (id, is_previous_period) pairs in order."""
        return [(m.group(1), bool(m.group(2))) for m in REFERENCE.finditer(self.sql)]


class Dimension(BaseModel):
    """Something to break a KPI down by; `column` is the name every source exposes it as."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    label: str
    column: str
    # The column holds ids (whole numbers): rows are grouped by the number and it is written
    # as text only after (grouping ten million lines by rep_id as text took twice as long).
    numeric: bool = False
    # A column of whole-number ids that `column` names one to one (team names are unique in
    # the schema, a person's label names one person): rows are grouped by the id and named
    # after from `names` (SQL giving id and name); grouping ten million lines by the team's
    # name took 1.7 times as long.
    id_column: str | None = None
    names: str | None = None


class Join(BaseModel):
    """A table joined onto a source's rows (aliased `f`) for the columns it provides.

    `columns` maps each column the source exposes to its expression (rep_role: r.role);
    `needs` names the aliases of joins its ON clause reads (the top team needs team_roots).
    Every join is LEFT and on a unique key, so leaving one out never changes the rows. A join
    with no `sql` adds no table: its columns combine other joins' (an order line's region, else
    its customer's), and `needs` names those."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    alias: str
    sql: str
    columns: dict[str, str]
    needs: tuple[str, ...] = ()


class Derived(BaseModel):
    """A column a source works out in a CTE of its own (a customer's first buying day), built
    only when the query reads it. `join` must match every row exactly once (an inner join on
    keys every row has), so leaving it out never changes the rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    column: str
    cte: str  # "firsts AS (...)"
    join: str  # "JOIN firsts fi USING (customer_id)"
    select: str  # "fi.first_day"


class Source(BaseModel):
    """A set of rows KPIs aggregate over: an SQL body with a `day` column and dimension columns.

    The rows are `select` (columns of `from_`, aliased f) plus the columns of `joins`; a
    query joins only the tables whose columns it reads (`sql_for`), since DuckDB does not
    drop an unused LEFT JOIN by itself. A `template` wraps the rows (as {rows}) in CTEs, with
    the `derived` columns' CTEs at {ctes}, their joins at {derived_joins} and their columns at
    {derived_columns}.

    `snapshot` sources (open pipeline) are measured as of the end of the period or bucket,
    using `open_from` / `open_until` columns instead of `day`. A source whose SQL contains
    {scope} gets the user's team, channel, rep and leaver filters there too, for window
    functions that must only see the rows in scope. {split_columns} and {split} carry the
    breakdown's key columns into such a window's PARTITION BY, so a split row sees only its
    own rows, exactly as the same KPI filtered to that row would.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    select: str
    from_: str
    joins: tuple[Join, ...] = ()
    template: str = "{rows}"
    derived: tuple[Derived, ...] = ()
    dimensions: frozenset[str]
    snapshot: bool = False

    @property
    def sql(self) -> str:
        """The source with every join and derived column (for row lists that read them all)."""
        return self.sql_for(None)

    def sql_for(self, columns: frozenset[str] | None) -> str:
        """The source's SQL with only the joins and derived columns that `columns` (names a
        query reads) need; None: all of them."""
        wanted = {j.alias for j in self.joins if columns is None or columns & set(j.columns)}
        by_alias = {j.alias: j for j in self.joins}
        pending = list(wanted)
        while pending:  # a join's ON may read another join (t reads tr)
            for alias in by_alias[pending.pop()].needs:
                if alias not in wanted:
                    wanted.add(alias)
                    pending.append(alias)
        joins = [j for j in self.joins if j.alias in wanted]
        joined = [f"{e} AS {c}" for j in joins for c, e in j.columns.items()]
        select = ",\n    ".join([self.select, *joined])
        rows = f"SELECT {select}\nFROM {self.from_}" + "".join(
            f"\n    {j.sql}" for j in joins if j.sql
        )
        derived = [d for d in self.derived if columns is None or d.column in columns]
        return (
            self.template.replace("{rows}", rows)
            .replace("{ctes}", "".join(f", {d.cte}" for d in derived))
            .replace("{derived_joins}", "".join(f" {d.join}" for d in derived))
            .replace("{derived_columns}", "".join(f", {d.select}" for d in derived))
        )
