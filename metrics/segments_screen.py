"""The Segments page's customer analyses, gathered in one call.

RFM (now and at the comparison day), lifecycle over twelve months, the Pareto curve and the
follow-up list are independent queries, so they run side by side on their own cursors
(DuckDB releases the GIL while it works); the page caches the whole result once per data
change and scope.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data.store import Store
from metrics import follow_ups, segments
from metrics.compiler import scope_conditions
from metrics.filters import Filters

_WORKERS = 4  # enough to keep two cores busy while some queries wait on others


@dataclass(frozen=True)
class SegmentsData:
    """What the Segments page shows about customers for one scope and as-of day."""

    scores: pd.DataFrame  # segments.rfm_scores at as_of
    summary: pd.DataFrame  # segments.summarize_rfm of the scores: once, not on every rerun
    # How many customers moved between RFM segments since the end of the comparison period
    # (segments.movement_between): kept instead of that day's scores, which only this needs.
    movement: pd.DataFrame
    lifecycle_over_time: pd.DataFrame  # ends with the as-of day
    pareto: pd.DataFrame
    top_share: float | None
    follow_up: pd.DataFrame


def segments_data(
    store: Store, filters: Filters, as_of: date, previous_as_of: date
) -> SegmentsData:
    """Every customer analysis of the page, the queries run concurrently."""

    def scores_and_follow_ups() -> tuple[pd.DataFrame, pd.DataFrame]:
        scores = segments.rfm_scores(store, filters, as_of)
        # With nothing narrowing the scope, the page's scores are the company's, which the
        # follow-up list ranks tiers by: worked out once, not twice.
        company = scores if not scope_conditions(filters) else None
        return scores, follow_ups.for_filters(store, filters, as_of, company)

    jobs = {
        "scores_and_follow_up": scores_and_follow_ups,
        "previous_scores": lambda: segments.rfm_scores(store, filters, previous_as_of),
        "lifecycle_over_time": lambda: segments.lifecycle_over_time(store, filters, as_of),
        "pareto": lambda: segments.pareto_with_share(store, filters),
    }
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        results = {name: future.result() for name, future in futures.items()}
    pareto, top_share = results.pop("pareto")
    previous = results.pop("previous_scores")
    # the one follow-up list (metrics.follow_ups), as the stand-up shows it
    results["scores"], results["follow_up"] = results.pop("scores_and_follow_up")
    results["movement"] = segments.movement_between(previous, results["scores"])
    results["summary"] = segments.summarize_rfm(results["scores"])
    return SegmentsData(pareto=pareto, top_share=top_share, **results)
