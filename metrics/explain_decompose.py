"""The exact arithmetic of "why did it move": every split here adds up to the change exactly.

Everything is a Fraction (money in cents), so no part is lost to floating point; the only
rounding is `apportion`, which rounds the parts for display so that the rounded parts still
add up to the rounded total (largest remainder: each part is within one unit of its exact
value, and the units left over go to the parts with the largest remainders).

The formulas (in words beside the numbers, components/text_explain.py):

- a total that adds up over groups: each group's part is its own change, v1 - v0;
- a ratio r = Σ num / Σ den over groups, with each group's rate r_g = num_g / den_g and weight
  w_g = den_g / Σ den: rate effect_g = (r1_g - r0_g) × (w0_g + w1_g) / 2, mix effect_g =
  (w1_g - w0_g) × (r0_g + r1_g) / 2 (the symmetric form: no interaction term is left over);
- money = orders × average order value (AOV), the AOV being the orders-weighted mean of each
  group's AOV: volume = (N1 - N0) × (AOV0 + AOV1) / 2, price = N̄ × Σ rate effects of the
  groups' AOVs, mix = N̄ × Σ mix effects, with N̄ = (N0 + N1) / 2.

A group missing from one period (no denominator there) has weight 0 in it; its rate there is
taken as its rate in the other period, so its whole change is mix (an opened or closed group
moves the mix, not a rate). A period with no denominator at all takes the other period's
rates and weights, so the whole change is volume.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

Pair = tuple[int, int]  # (numerator, denominator), exact integers (money in cents)
_ZERO = Fraction(0)


def deltas(now: Mapping[str, int], then: Mapping[str, int]) -> dict[str, Fraction]:
    """Each group's change, v1 - v0 (a group absent from a period counts 0 there)."""
    keys = list(dict.fromkeys([*now, *then]))
    return {k: Fraction(now.get(k, 0) - then.get(k, 0)) for k in keys}


@dataclass(frozen=True)
class RateMix:
    """One group's share of a ratio's change: its own rate moving and its weight moving."""

    rate: Fraction
    mix: Fraction

    @property
    def total(self) -> Fraction:
        return self.rate + self.mix


def _rates_and_weights(
    groups: Mapping[str, Pair],
) -> tuple[dict[str, Fraction | None], dict[str, Fraction]]:
    den = sum(d for _, d in groups.values())
    rates = {k: (Fraction(n, d) if d else None) for k, (n, d) in groups.items()}
    weights = {k: (Fraction(d, den) if den else _ZERO) for k, (_, d) in groups.items()}
    return rates, weights


def rate_mix(now: Mapping[str, Pair], then: Mapping[str, Pair]) -> dict[str, RateMix]:
    """Each group's rate and mix effect on the change of Σ num / Σ den; they add up exactly to
    (Σ num1 / Σ den1) - (Σ num0 / Σ den0). Raises ValueError when either period has no
    denominator at all (the ratio is undefined there, so there is no change to explain)."""
    keys = list(dict.fromkeys([*now, *then]))
    full_now = {k: now.get(k, (0, 0)) for k in keys}
    full_then = {k: then.get(k, (0, 0)) for k in keys}
    if not sum(d for _, d in full_now.values()) or not sum(d for _, d in full_then.values()):
        raise ValueError("the ratio is undefined in one of the periods")
    r1, w1 = _rates_and_weights(full_now)
    r0, w0 = _rates_and_weights(full_then)
    out: dict[str, RateMix] = {}
    for k in keys:
        # A group with no denominator in one period: its rate there is the other period's.
        rate1 = r1[k] if r1[k] is not None else r0[k]
        rate0 = r0[k] if r0[k] is not None else rate1
        rate1 = rate1 if rate1 is not None else rate0
        a0, a1 = rate0 or _ZERO, rate1 or _ZERO
        out[k] = RateMix(rate=(a1 - a0) * (w0[k] + w1[k]) / 2, mix=(w1[k] - w0[k]) * (a0 + a1) / 2)
    return out


def ratio(groups: Mapping[str, Pair]) -> Fraction | None:
    """Σ num / Σ den; None when there is no denominator."""
    den = sum(d for _, d in groups.values())
    return Fraction(sum(n for n, _ in groups.values()), den) if den else None


@dataclass(frozen=True)
class VolumePriceMix:
    """A money total's change as volume (orders), price (average order value) and mix."""

    volume: Fraction
    price: Fraction
    mix: Fraction

    @property
    def total(self) -> Fraction:
        return self.volume + self.price + self.mix


def volume_price_mix(now: Mapping[str, Pair], then: Mapping[str, Pair]) -> VolumePriceMix:
    """`now` and `then` map each group to (money in cents, orders). The parts add up exactly
    to Σ money1 - Σ money0 (see the module's formulas)."""
    n1 = sum(n for _, n in now.values())
    n0 = sum(n for _, n in then.values())
    m1 = sum(m for m, _ in now.values())
    m0 = sum(m for m, _ in then.values())
    if not n0 or not n1:
        # No orders in one period: its AOV and mix are taken as the other period's, so the
        # whole change is volume (from or to nothing).
        return VolumePriceMix(volume=Fraction(m1 - m0), price=_ZERO, mix=_ZERO)
    aov1, aov0 = Fraction(m1, n1), Fraction(m0, n0)
    mean_orders = Fraction(n0 + n1, 2)
    parts = rate_mix(now, then)
    return VolumePriceMix(
        volume=(n1 - n0) * (aov0 + aov1) / 2,
        price=mean_orders * sum((p.rate for p in parts.values()), _ZERO),
        mix=mean_orders * sum((p.mix for p in parts.values()), _ZERO),
    )


def round_half_away(value: Fraction) -> int:
    """The nearest integer, halves away from zero (as money is rounded everywhere)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def apportion(parts: Sequence[Fraction], total: int) -> list[int]:
    """`parts` rounded to whole units so that they add up to `total` exactly (largest
    remainder): each is its floor, and the units still missing go one each to the parts
    with the largest remainders (earlier parts first on a tie). With `total` the parts' exact
    sum rounded, each rounded part is within one unit of its exact value."""
    if not parts:
        return []
    floors = [p.numerator // p.denominator for p in parts]
    missing = total - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(parts[i] - floors[i]), i))
    out = list(floors)
    for step in range(missing):
        out[order[step % len(parts)]] += 1
    return out


def largest_first(
    parts: Mapping[str, Fraction], keep: int, others: str = "others"
) -> list[tuple[str, Fraction]]:
    """The `keep` parts largest in size first (by key on a tie), the rest summed under
    `others` (left out when there is no rest)."""
    ranked = sorted(parts.items(), key=lambda item: (-abs(item[1]), item[0]))
    head, rest = ranked[:keep], ranked[keep:]
    if rest:
        head.append((others, sum((v for _, v in rest), _ZERO)))
    return head
