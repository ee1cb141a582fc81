"""How big a demo company may be, and how a bigger one is laid out.

The standard demo (data/demo.py) is one organisation chart of 65 people: four channel teams,
ten groups, leaders, deputies, sellers and support staff, with leavers and their replacements.
A bigger demo (`reps`) repeats that chart as numbered regions ("Retail Stores 2", ...), so every
lead keeps the same span of control (two or three groups per manager, two to five sellers per
group leader) however many people there are. `reps` counts everyone in the reps table: managers,
group leaders, deputies, sellers, support staff, people who left and their replacements.

Bad sizes are refused with a sentence that says what is allowed (the CLI exits 2 with it).
"""

from __future__ import annotations

STANDARD_REPS = 65  # people in the standard demo's one organisation chart
MAX_REPS = 20_000
MAX_CUSTOMERS = 2_000_000
MAX_ORDERS = 100_000_000


def check_demo_size(orders: int, reps: int | None, customers: int | None) -> None:
    """Raise ValueError with a sentence when the requested demo size is not allowed.

    None means "the standard size": 65 people, and customers from the number of order lines.
    """
    if orders < 0 or orders > MAX_ORDERS:
        raise ValueError(
            f"--orders must be between 0 and {MAX_ORDERS:,} order lines; got {orders:,}."
        )
    if reps is not None and not STANDARD_REPS <= reps <= MAX_REPS:
        raise ValueError(
            f"--reps must be between {STANDARD_REPS} (the standard demo organisation) and"
            f" {MAX_REPS:,} people; got {reps:,}."
        )
    if customers is not None:
        people = STANDARD_REPS if reps is None else reps
        if customers < people:
            raise ValueError(
                f"--customers must be at least the number of people ({people:,}), so every"
                f" seller can own an account; got {customers:,}."
            )
        if customers > MAX_CUSTOMERS:
            raise ValueError(f"--customers must be at most {MAX_CUSTOMERS:,}; got {customers:,}.")


def chart_copies(people: int, positions: int, per_chart: int) -> int:
    """How many copies of the standard chart a company of `people` is built from.

    per_chart is one chart's people (its positions plus refilled leavers). The nearest whole
    number of charts keeps the sellers added to make up the exact head count to a few per
    region, but never so many charts that their positions alone exceed `people`.
    """
    return max(1, min(round(people / per_chart), people // positions))
