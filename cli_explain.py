"""`python cli.py explain KPI --vs previous|last_year|target --by DIMENSION ...`: why a KPI
moved, split by a dimension, exactly as the Explain page shows it (both go through
metrics/explain.py)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date

from components.explain_words import (
    effect_label,
    part_label,
    part_text,
    periods_line,
    rules,
    sentence,
    value_text,
)
from components.format import use_currency
from components.text import t
from data import settings
from data.config import DB_HELP
from data.engine import open_store
from data.store import Store
from metrics.catalogue import get_kpi
from metrics.explain import AGAINST, DIMENSIONS, Explanation, explain
from metrics.filters import Filters
from metrics.periods import PRESETS

FiltersFrom = Callable[[Store, argparse.Namespace], Filters]


def _as_json(e: Explanation) -> dict[str, object]:
    return {
        "kpi": e.kpi_id,
        "vs": e.against,
        "by": e.dimension,
        "start": str(e.start),
        "end": str(e.end),
        "compare_start": None if e.compare_start is None else str(e.compare_start),
        "compare_end": None if e.compare_end is None else str(e.compare_end),
        "now": e.now,
        "then": e.then,
        "change": e.change,
        "exact_change": None if e.exact_change is None else str(e.exact_change),
        "sentence": sentence(e),
        "problem": e.problem,
        "parts": [
            {
                "key": p.key,
                "label": part_label(e, p.key),
                "then": p.then,
                "now": p.now,
                "part": p.shown,
                "exact": str(p.exact),
                "rate": p.rate,
                "mix": p.mix,
            }
            for p in e.parts
        ],
        "effects": [
            {"key": p.key, "label": effect_label(e, p.key), "part": p.shown, "exact": str(p.exact)}
            for p in e.effects
        ],
        "rules": rules(e),
    }


def _print_table(e: Explanation) -> None:
    print(sentence(e))
    print(periods_line(e))
    if e.problem:
        print(t(f"explain.problem.{e.problem}"))
        return
    then = t("explain.target_value" if e.against == "target" else "explain.then")
    rows = [(t(f"explain.dim.{e.dimension}"), then, t("explain.now"), t("explain.part_col"))]
    rows += [
        (part_label(e, p.key), value_text(e, p.then), value_text(e, p.now), part_text(e, p.shown))
        for p in e.parts
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    if e.effects:
        key = "explain.rate_mix_header" if e.method == "ratio" else "explain.effects_header"
        print(t(key))
        for p in e.effects:
            print(f"  {effect_label(e, p.key)}: {part_text(e, p.shown)}")
    for rule in rules(e):
        print(rule)


def cmd_explain(args: argparse.Namespace) -> int:
    """Print why a KPI moved: the sentence, the parts by the dimension, and the effects."""
    store = open_store(args.db)
    filters: Filters = args.filters_from(store, args)
    if args.rep is not None:
        filters = filters.model_copy(update={"rep_id": args.rep})
    get_kpi(args.metric)  # an unknown KPI is named, with the known ones
    explanation = explain(store, args.metric, filters, args.vs, args.by)
    with use_currency(settings.company_currency(store)):  # the company's, as on the app
        if args.format == "json":
            print(json.dumps(_as_json(explanation), indent=2, ensure_ascii=False))
        else:
            _print_table(explanation)
    if explanation.problem:
        print(f"huddle: {t(f'explain.problem.{explanation.problem}')}", file=sys.stderr)
        return 2 if explanation.problem != "no_value" else 0
    return 0


def add_explain_parser(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    filters_from: FiltersFrom,
    day: Callable[[str], date],
) -> None:
    """The `explain` command; `filters_from` reads the filters as `kpi` does (cli._filters)
    and `day` a date argument with the same checks (cli._date)."""
    _date = day
    cmd = sub.add_parser("explain", help="why a KPI moved, split by a dimension")
    cmd.add_argument("metric", help="KPI id (revenue, win_rate, won_deals, ...)")
    cmd.add_argument("--vs", choices=list(AGAINST), default="previous", help="default: previous")
    cmd.add_argument("--by", choices=list(DIMENSIONS), default="team", help="default: team")
    cmd.add_argument("--period", choices=list(PRESETS), default="mtd", help="default: mtd")
    cmd.add_argument("--as-of", type=_date, help="last day (default: latest day in the data)")
    cmd.add_argument("--from", dest="date_from", type=_date, help="first day (overrides period)")
    cmd.add_argument("--to", dest="date_to", type=_date, help="last day (overrides period)")
    cmd.add_argument("--team", help="team or group name (includes its groups)")
    cmd.add_argument("--channel", help="retail, wholesale, private_domain, showroom or other")
    cmd.add_argument("--rep", type=int, help="one person, by rep_id")
    cmd.add_argument("--hide-leavers", action="store_true", help="leave out people who left")
    cmd.add_argument("--format", choices=["table", "json"], default="table")
    cmd.add_argument("--db", help=DB_HELP)
    cmd.set_defaults(run=cmd_explain, filters_from=filters_from)
