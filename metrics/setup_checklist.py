"""What a company's own data still lacks before every page can show all it can: the facts
behind the setup checklist on the Data and stand-up pages.

The demo company comes complete (its own targets and the shipped plan), so it has no
checklist. A company's own data lists, in a fixed order, each table an import can load, its
official targets, and whether it named an incentive plan of its own: the shipped plan is the
demo's and is never applied to anyone else (components.incentives_view.own_plan_missing).

Required items are what the everyday pages stand on (people, customers, products, orders,
targets, a plan); deals, activities and feedback are optional, because not every company runs
a pipeline, logs its calls or records complaints, and the pages say "none" without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from data import company_kind
from data.store import Store
from metrics.catalogue import get_kpi
from metrics.requests import Request

ItemId = Literal[
    "people", "customers", "products", "orders", "deals", "activities", "feedback", "targets",
    "plan",
]  # fmt: skip
PageId = Literal["standup", "kpi_trends", "incentives", "targets", "team", "segments", "reviews"]
Fix = Literal["import", "targets", "plan"]  # where the item is put right


@dataclass(frozen=True)
class SetupItem:
    """One line of the checklist."""

    id: ItemId
    done: bool
    count: int  # rows loaded (official target rows; 1 for a named plan, else 0)
    pages: tuple[PageId, ...]  # the pages that need it, most affected first
    fix: Fix
    required: bool  # the checklist stays on the home page until every required item is done


# The pages each item feeds, and whether the home page waits for it.
_ITEMS: tuple[tuple[ItemId, tuple[PageId, ...], Fix, bool], ...] = (
    ("people", ("standup", "team", "incentives", "reviews"), "import", True),
    ("customers", ("segments", "standup"), "import", True),
    ("products", ("kpi_trends", "segments"), "import", True),
    ("orders", ("standup", "kpi_trends", "incentives", "segments"), "import", True),
    ("deals", ("kpi_trends", "standup"), "import", False),
    ("activities", ("standup", "segments"), "import", False),
    ("feedback", ("standup", "kpi_trends"), "import", False),
    ("targets", ("kpi_trends", "standup", "targets"), "targets", True),
    ("plan", ("incentives",), "plan", True),
)

# Rows per table; targets are the official ones only (what-if scenarios are drafts).
_COUNTS = """
SELECT (SELECT count(*) FROM reps), (SELECT count(*) FROM customers),
       (SELECT count(*) FROM products), (SELECT count(*) FROM orders),
       (SELECT count(*) FROM deals), (SELECT count(*) FROM activities),
       (SELECT count(*) FROM feedback), (SELECT count(*) FROM targets WHERE scenario IS NULL)
"""


def setup_items(store: Store, *, plan_chosen: bool) -> list[SetupItem]:
    """The checklist, every item with its state; empty for the demo company.

    `plan_chosen` is whether the company named its own plan file
    (metrics.incentive_plan.plan_chosen), passed in so the answer can be cached on it.
    """
    if company_kind.is_demo(store):
        return []
    row = store.rows(_COUNTS)[0]
    counts = [int(n) for n in row] + [1 if plan_chosen else 0]
    return [
        SetupItem(id=item, done=count > 0, count=count, pages=pages, fix=fix, required=required)
        for (item, pages, fix, required), count in zip(_ITEMS, counts, strict=True)
    ]


def setup_done(items: list[SetupItem]) -> bool:
    """Whether the home page can drop the checklist: every required item is done."""
    return all(item.done for item in items if item.required)


def nothing_imported(items: list[SetupItem], item: ItemId) -> bool:
    """Whether the company has no row at all of `item` (deals, activities...): then an empty
    table or a blank KPI is for that reason, not the filters. False for the demo (no list)."""
    return any(i.id == item and not i.done for i in items)


# The imported table each KPI source reads (targets are not an import: a KPI without them
# still measures).
_SOURCE_ITEMS: dict[str, ItemId] = {
    "orders": "orders", "customer_days": "orders", "closed_deals": "deals",
    "created_deals": "deals", "pipeline": "deals", "activities": "activities",
    "feedback": "feedback",
}  # fmt: skip


def kpi_items(kpi_id: str) -> tuple[ItemId, ...]:
    """The imported tables a KPI reads, through the KPIs it is derived from (win rate reads
    deals), in checklist order."""
    seen: set[ItemId] = set()
    todo = [kpi_id]
    while todo:
        kpi = get_kpi(todo.pop())
        if kpi.source is None:
            todo += [ref for ref, _ in kpi.references()]
        elif kpi.source in _SOURCE_ITEMS:
            seen.add(_SOURCE_ITEMS[kpi.source])
    return tuple(item for item, *_ in _ITEMS if item in seen)


def not_imported_for(items: list[SetupItem], kpi_id: str) -> tuple[ItemId, ...]:
    """The tables a KPI reads of which the company imported nothing at all; when any is, the
    KPI's blank or 0 means "none imported", not "none in this period" (empty for the demo)."""
    return tuple(item for item in kpi_items(kpi_id) if nothing_imported(items, item))


def has_official_targets(items: list[SetupItem]) -> bool:
    """Whether any official target exists at all (True for the demo, whose list is empty)."""
    return all(item.done for item in items if item.id == "targets")


class SetupItems(Request):
    """The checklist for components.cache.fetch; whether a plan is named is a field, so
    naming one (HUDDLE_PLAN) shows at once."""

    plan_chosen: bool

    def run(self, store: Store) -> list[SetupItem]:
        return setup_items(store, plan_chosen=self.plan_chosen)
