"""What a KPI can be broken down by. `column` is the name the sources expose it under."""

from __future__ import annotations

from metrics.model import Dimension

_TEAM_NAMES = "SELECT team_id AS id, name FROM teams"
_REP_LABELS = "SELECT rep_id AS id, label AS name FROM rep_labels"

DIMENSIONS: dict[str, Dimension] = {
    d.id: d
    for d in (
        # Team and group names are unique (teams.name): rows group by the team's id, named after.
        Dimension(
            id="team", label="Team", column="team_name", id_column="team_key", names=_TEAM_NAMES
        ),
        Dimension(
            id="group",
            label="Group",
            column="group_name",
            id_column="group_key",
            names=_TEAM_NAMES,
        ),
        # A person's label is their name, with their id when another has the same name
        # (rep_labels): one label per person, so rows group by the person's id.
        Dimension(id="rep", label="Rep", column="rep_name", id_column="rep_key", names=_REP_LABELS),
        # The person's id: names can repeat, so per-person arithmetic (targets) keys on this.
        Dimension(id="rep_id", label="Person id", column="rep_id", numeric=True),
        Dimension(id="role", label="Role", column="rep_role"),
        Dimension(id="channel", label="Channel", column="channel"),
        Dimension(id="region", label="Region", column="region"),
        Dimension(id="city", label="City", column="city"),
        # Only order lines have a store: the one their file names (order_places).
        Dimension(id="store", label="Store", column="store"),
        Dimension(id="industry", label="Industry", column="industry"),
        Dimension(id="customer_tier", label="Customer tier", column="customer_tier"),
        Dimension(id="size_band", label="Size band", column="size_band"),
        Dimension(id="product_category", label="Product category", column="product_category"),
        # Only the stock KPIs (metrics/sources.py, stock and stock_sales) break down by product.
        Dimension(id="product", label="Product", column="product_name"),
        Dimension(id="deal_stage", label="Deal stage", column="deal_stage"),
        # Worked out per request as of its end (MetricRequest.customer_segments).
        Dimension(id="lifecycle_stage", label="Lifecycle stage", column="customer_segment"),
        Dimension(id="rfm_segment", label="RFM segment", column="customer_segment"),
    )
}
