"""The Segments page's customer analyses, gathered in one call.

RFM (now and at the comparison day), lifecycle over twelve months and the Pareto curve are
independent queries, so they run side by side on their own cursors (DuckDB releases the GIL
while it works); the page caches the whole result once per scope and change to the order
rows (metrics.requests_people.SegmentsScreen.reads). The page's follow-up list is the
Follow-ups page's own request (metrics.requests_follow_ups.FollowUpList), cached apart: a
logged call changes it, and leaves all of this cached.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from data.store import Store
from metrics import segments
from metrics.filters import Filters

_WORKERS = 4  # enough to keep two cores busy while some queries wait on others


@dataclass(frozen=True)
class SegmentsData:
    """What the Segments page shows about customers for one scope and as-of day."""

    # segments.rfm_ranks at as_of: no names (SegmentCustomers names the segment shown)
    scores: pd.DataFrame
    summary: pd.DataFrame  # segments.summarize_rfm of the scores: once, not on every rerun
    by_segment: dict[str, np.ndarray]  # segments.customers_by_segment of the scores
    # How many customers moved between RFM segments since the end of the comparison period
    # (segments.movement_between): kept instead of that day's scores, which only this needs.
    movement: pd.DataFrame
    lifecycle_over_time: pd.DataFrame  # ends with the as-of day
    pareto: pd.DataFrame
    top_share: float | None


def segments_data(
    store: Store,
    filters: Filters,
    as_of: date,
    previous_as_of: date,
    scores: pd.DataFrame | None = None,
) -> SegmentsData:
    """Every customer analysis of the page, the queries run concurrently. `scores`: the RFM
    ranks at `as_of` in this scope (segments.rfm_ranks), when the caller has them already."""
    jobs = {
        "scores": (lambda: scores)
        if scores is not None
        else (lambda: segments.rfm_ranks(store, filters, as_of)),
        "previous_segments": lambda: segments.rfm_segments(store, filters, previous_as_of),
        "lifecycle_over_time": lambda: segments.lifecycle_over_time(store, filters, as_of),
        "pareto": lambda: segments.pareto_with_share(store, filters),
    }
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        results = {name: future.result() for name, future in futures.items()}
    pareto, top_share = results.pop("pareto")
    previous = results.pop("previous_segments")
    results["movement"] = segments.movement_between(previous, results["scores"])
    results["summary"] = segments.summarize_rfm(results["scores"])
    results["by_segment"] = segments.customers_by_segment(results["scores"])
    return SegmentsData(pareto=pareto, top_share=top_share, **results)
