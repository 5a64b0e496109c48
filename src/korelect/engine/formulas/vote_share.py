"""List seats in proportion to votes among the qualifying parties: 1996–2016.

1996, 2000 (공직선거및선거부정방지법 1994, art. 189): parties with at least
5 district seats or 5% of the valid constituency vote qualify; a party with
3% to under 5% that does not qualify first receives one seat; the other seats
go to the qualifying parties by their share of the qualifying parties' votes,
rounded half up at the 5th decimal place, by integer part and largest
remainder; remainder ties go to more votes, then lot.

2004–2016 (공직선거법 art. 189(1)–(3)): a separate list vote; parties with at
least 3% of the valid list vote or 5 district seats qualify; seats go by the
share of the qualifying parties' list votes, integer part and largest
remainder; parallel to the district tier.
"""

from __future__ import annotations

from fractions import Fraction

from korelect.base.numbers import Number, round_half_up
from korelect.engine.apportion import run_method
from korelect.engine.formulas import TierContext, TierOutcome, minor_party_seats
from korelect.errors import AllocationError
from korelect.law.rules import Proportional


def allocate_vote_share(ctx: TierContext) -> TierOutcome:
    """List seats by votes, after the minor-party seats."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, Proportional)  # noqa: S101  (dispatch guarantees it)
    names = [e.name for e in ctx.entries]
    minor = minor_party_seats(ctx, tier.minor_party_seat)
    seats = dict.fromkeys(names, 0)
    for m in minor:
        seats[m.name] += 1
    available = ctx.rules.list_seats - len(minor)
    if available < 0:
        raise AllocationError(
            f"{len(minor)} minor-party seats exceed the {ctx.rules.list_seats} list seats"
        )
    sharing = ctx.qualified()
    weights: dict[str, Number] = {e.name: e.votes for e in sharing}
    stage = "list seats by votes"
    if tier.share_decimals is not None and weights:
        base = sum((Fraction(v) for v in weights.values()), Fraction(0))
        if base:
            weights = {
                n: round_half_up(Fraction(v) / base, tier.share_decimals)
                for n, v in weights.items()
            }
            stage += f" (shares rounded to {tier.share_decimals} decimals)"
    result = run_method(
        weights, available, tier.method, ctx.tiebreaker, stage=stage, all_names=names
    )
    for name, n in result.seats.items():
        seats[name] += n
    return TierOutcome(seats, apportionments=[result], minor_party_seats=minor)
