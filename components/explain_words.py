"""An explained change in words: the sentence on top, each bar's label and the rules, in the
session's language, money through components/format.py. Shared by the page and the CLI."""

from __future__ import annotations

from components.format import format_date, format_delta, format_value
from components.text import kpi_label, t, value_label
from metrics.catalogue import get_kpi
from metrics.explain import OTHERS, UNALLOCATED, Explanation, Part

_EFFECTS = ("volume", "price", "mix")
_TOP_PARTS = 2  # parts named in the sentence


def part_label(explanation: Explanation, key: str) -> str:
    """A bar's label: a row of the dimension in words (a person by name), Others, or an
    effect."""
    if key == OTHERS:
        return t("explain.bar.others")
    if key == UNALLOCATED:
        return t("explain.bar.unallocated")
    if explanation.dimension == "rep_id":
        return explanation.labels.get(key, value_label("rep_id", key))
    return value_label(explanation.dimension, key)


def effect_label(explanation: Explanation, key: str) -> str:
    """An effect's label: volume, price and mix of money; rate and mix of a ratio."""
    if explanation.method == "ratio":
        return t("explain.bar.rate" if key == "rate" else "explain.bar.ratemix")
    return t(f"explain.bar.{key}")


def delta_text(explanation: Explanation, value: float) -> str:
    """A part or change with its sign, compact as on a card (percent in points)."""
    return format_delta(value, get_kpi(explanation.kpi_id).unit) or ""


def value_text(explanation: Explanation, value: float | None) -> str:
    """A KPI value (a row's then or now) in full, money to the cent as its parts are."""
    unit = get_kpi(explanation.kpi_id).unit
    return format_value(value, unit, cents=unit == "money")


def _head(e: Explanation) -> str:
    kpi = kpi_label(e.kpi_id)
    change = e.change or 0.0
    if e.against == "target":
        if not change:
            return t("explain.on_target", kpi=kpi)
        key = "explain.ahead" if change > 0 else "explain.behind"
        return t(key, kpi=kpi, delta=delta_text(e, abs(change)).lstrip("+"))
    against = t(f"explain.on.{e.against}")
    if not change:
        return t("explain.flat", kpi=kpi, against=against)
    key = "explain.up" if change > 0 else "explain.down"
    return t(key, kpi=kpi, against=against, delta=delta_text(e, abs(change)).lstrip("+"))


def _mostly(e: Explanation) -> str | None:
    """The largest effect in words ("fewer orders"), for money and ratios."""
    if not e.effects or not e.change:
        return None
    largest: Part = max(e.effects, key=lambda p: abs(p.exact))
    if not largest.exact:
        return None
    name = "ratemix" if e.method == "ratio" and largest.key == "mix" else largest.key
    return t(f"explain.mostly.{name}.{'up' if largest.exact > 0 else 'down'}")


def sentence(e: Explanation) -> str:
    """The sentence on top: "Revenue is down $1.2k on the period before: Wholesale −$900,
    North −$300, mostly fewer orders."."""
    if e.change is None:  # nothing to compare: the reason is the sentence
        return t(f"explain.problem.{e.problem or 'no_value'}")
    head = _head(e)
    rows = [p for p in e.parts if p.exact and p.key not in (OTHERS, UNALLOCATED)]
    if e.against == "target":  # who is furthest ahead, and who furthest behind
        ahead = [p for p in rows if p.exact > 0][:1]
        behind = [p for p in rows if p.exact < 0][:1]
        named = sorted(ahead + behind, key=lambda p: -abs(p.exact))
    else:
        named = rows[:_TOP_PARTS]
    if not named:
        return t("explain.sentence", head=head, parts="—").replace(": —", "").replace("：—", "")
    parts = t("explain.joiner").join(
        t("explain.part", label=part_label(e, p.key), delta=delta_text(e, p.shown)) for p in named
    )
    effect = _mostly(e)
    if effect:
        return t("explain.sentence_mostly", head=head, parts=parts, effect=effect)
    return t("explain.sentence", head=head, parts=parts)


def periods_line(e: Explanation) -> str:
    """Which dates are compared, in words."""
    if e.compare_start is None or e.compare_end is None:
        return t("explain.periods_target", start=format_date(e.start), end=format_date(e.end))
    return t(
        "explain.periods",
        start=format_date(e.start),
        end=format_date(e.end),
        compare_start=format_date(e.compare_start),
        compare_end=format_date(e.compare_end),
    )


def rules(e: Explanation) -> list[str]:
    """The rules behind the numbers, in words: the split by rows, then the effects'."""
    if e.method == "target":
        return [t("explain.rule.target")]
    if e.method == "ratio":
        return [t("explain.rule.rate_mix")]
    out = [t("explain.rule.additive")]
    if e.effects:
        out.append(t("explain.rule.volume_price_mix"))
        if not e.mix_by_rows:
            out.append(t("explain.rule.volume_price_whole"))
    return out


def part_text(explanation: Explanation, value: float | None) -> str:
    """A part with its sign in full, as the parts are rounded (money to the cent, a rate to
    0.01 point), so the parts shown add up to the change shown."""
    if value is None:
        return "—"
    unit = get_kpi(explanation.kpi_id).unit
    sign = "+" if value >= 0 else "-"
    if unit == "percent":
        return sign + t("format.points", points=f"{abs(value) * 100:.2f}")
    if unit == "money":
        return sign + format_value(abs(value), unit, cents=True)
    return sign + format_value(abs(value), unit)
