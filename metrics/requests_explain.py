"""The Explain page's read: one frozen request, answered by metrics.explain."""

from __future__ import annotations

from data.store import Store
from metrics.explain import Against, Explanation, explain
from metrics.explain_read import rep_label
from metrics.filters import Filters
from metrics.requests import Request


class ExplainChange(Request):
    """A KPI's change over the filters' period against the period before, the same period a
    year earlier or its target, split by a dimension."""

    kpi: str
    filters: Filters
    against: Against
    dimension: str

    def run(self, store: Store) -> Explanation:
        return explain(store, self.kpi, self.filters, self.against, self.dimension)


class PersonLabel(Request):
    """A person's name as the numbers show it (rep_labels), by rep_id."""

    rep_id: int

    def run(self, store: Store) -> str:
        return rep_label(store, self.rep_id)
