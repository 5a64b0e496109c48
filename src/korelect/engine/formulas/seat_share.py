"""List seats in proportion to district seats: 1988 (with a first-party bonus) and 1992.

국회의원선거법 (1988, 1991 amendment), 전국구 의석 배분: national seats go to the
parties with at least 5 district seats, in proportion to their district seats.
In 1988, if the party with the most district seats held fewer than half of
them, it first received half of the national seats (75/2 = 37.5 given as 38),
and the other qualifying parties shared the rest. From 1992, a party with
fewer than 5 district seats but at least 3% of the valid vote first received
one seat. The statute text was not available; these readings reproduce the
official results exactly (see ``korelect.law.election_1988``).
"""

from __future__ import annotations

import math
from fractions import Fraction

from korelect.base.numbers import round_half_up
from korelect.engine.allocation import Bonus
from korelect.engine.apportion import run_method
from korelect.engine.entries import Entry
from korelect.engine.formulas import TierContext, TierOutcome, seats_after_minor_parties
from korelect.law.rules import FirstPartyBonus, SeatShare


def _round(value: Fraction, how: str) -> int:
    if how == "up":
        return math.ceil(value)
    if how == "down":
        return math.floor(value)
    return int(round_half_up(value))


def allocate_seat_share(ctx: TierContext) -> TierOutcome:
    """List seats by district seats, after the minor-party seats and the first-party bonus."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, SeatShare)  # noqa: S101  (narrows the type; the registry dispatches)
    names = [e.name for e in ctx.entries]
    minor, seats, available = seats_after_minor_parties(ctx, tier.minor_party_seat)
    outcome = TierOutcome(seats, minor_party_seats=minor)
    sharing = ctx.qualified()
    if tier.bonus is not None and sharing:
        bonus, sharing = _first_party_bonus(ctx, tier.bonus, sharing, available)
        outcome.bonus = bonus
        if bonus.applied:
            seats[bonus.name] += bonus.seats
            available -= bonus.seats
    stage = "list seats by district seats"
    if outcome.bonus is not None and outcome.bonus.applied:
        stage = f"list seats after the bonus ({available} seats)"
    weights = {e.name: e.district_seats for e in sharing}
    result = run_method(
        weights, available, tier.method, ctx.tiebreaker, stage=stage, all_names=names
    )
    outcome.apportionments.append(result)
    for name, n in result.seats.items():
        seats[name] += n
    return outcome


def _first_party_bonus(
    ctx: TierContext, rule: FirstPartyBonus, sharing: list[Entry], available: int
) -> tuple[Bonus, list[Entry]]:
    top = max(e.district_seats for e in sharing)
    leaders = [e.name for e in sharing if e.district_seats == top]
    if len(leaders) > 1:
        leaders = list(ctx.tiebreaker.settle("first party", leaders, 1, f"{top} district seats"))
    first = next(e for e in sharing if e.name == leaders[0])
    district_total = ctx.rules.district_seats
    applied = Fraction(first.district_seats) < rule.below * district_total
    exact = rule.share * available
    bonus = Bonus(
        name=first.name,
        district_seats=first.district_seats,
        district_total=district_total,
        applied=applied,
        seats=_round(exact, rule.rounding) if applied else 0,
        exact=exact,
        rounding=rule.rounding,
    )
    if not applied:
        return bonus, sharing
    others = [e for e in sharing if e is not first]
    return bonus, others or [first]
