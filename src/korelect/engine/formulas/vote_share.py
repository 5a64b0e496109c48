"""List seats in proportion to votes among the qualifying parties: 1996–2016.

1996, 2000 (공직선거및선거부정방지법 1994, art. 189): parties with at least
5 district seats or 5% of the valid constituency vote qualify; a party with
3% to under 5% that does not qualify first receives one seat; each qualifying
party's share of the qualifying parties' votes is rounded half up at the 5th
decimal place (소수점 이하 다섯째자리 반올림), and its list seats are that
rounded share times the other seats, integer part and largest remainder;
remainder ties go to more votes, then lot. The rounded shares are used as
they stand: the law does not rescale them by their sum, which can differ from
1 by a few units of the last decimal (then the integer parts and remainders
differ from those of a rescaled apportionment).

2004–2016 (공직선거법 art. 189(1)–(3)): a separate list vote; parties with at
least 3% of the valid list vote or 5 district seats qualify; seats go by the
share of the qualifying parties' list votes, integer part and largest
remainder; parallel to the district tier.

Three qualifying parties with 7, 19 and 191 votes under the 1996 law, 46 list
seats: the shares 0.0323, 0.0876 and 0.8802 add up to 1.0001; 0.0323 x 46 =
1.4858, 0.0876 x 46 = 4.0296 and 0.8802 x 46 = 40.4892 give 1 + 4 + 40 seats,
and the one left goes to the largest remainder, .4892 (rescaled by 1.0001, the
first party's .4857 would have beaten the third's .4852):

>>> from korelect import Entry, allocate, rules_for
>>> rules = rules_for(1996, district_seats=30, total_seats=76)
>>> allocate([Entry("A", 7, 10), Entry("B", 19, 10), Entry("C", 191, 10)], rules).list_seats
{'A': 1, 'B': 4, 'C': 41}
"""

from __future__ import annotations

from fractions import Fraction

from korelect.base.numbers import Number, round_half_up
from korelect.engine.allocation import RoundedShare, ShareRounding
from korelect.engine.apportion import run_method
from korelect.engine.formulas import TierContext, TierOutcome, seats_after_minor_parties
from korelect.law.rules import Proportional


def allocate_vote_share(ctx: TierContext) -> TierOutcome:
    """List seats by votes, after the minor-party seats (art. 189; see the module)."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, Proportional)  # noqa: S101  (narrows the type; the registry dispatches)
    names = [e.name for e in ctx.entries]
    minor, seats, available = seats_after_minor_parties(ctx, tier.minor_party_seat)
    sharing = ctx.qualified()
    weights: dict[str, Number] = {e.name: e.votes for e in sharing}
    stage = "list seats by votes"
    rounding: ShareRounding | None = None
    quota_base: Fraction | None = None
    votes = (
        sum((Fraction(v) for v in weights.values()), Fraction(0))
        if tier.share_decimals is not None
        else Fraction(0)
    )
    if tier.share_decimals is not None and votes:
        shares = {n: Fraction(v) / votes for n, v in weights.items()}
        rounding = ShareRounding(
            tier.share_decimals,
            votes,
            tuple(
                RoundedShare(n, v, shares[n], round_half_up(shares[n], tier.share_decimals))
                for n, v in weights.items()
            ),
        )
        weights = {r.name: r.rounded for r in rounding.rows}
        quota_base = Fraction(1)  # each rounded share x seats as it stands (art. 189)
        stage += f" (shares rounded half up to {tier.share_decimals} decimals)"
    result = run_method(
        weights,
        available,
        tier.method,
        ctx.tiebreaker,
        stage=stage,
        all_names=names,
        base=quota_base,
    )
    for name, n in result.seats.items():
        seats[name] += n
    return TierOutcome(
        seats, apportionments=[result], minor_party_seats=minor, rounded_shares=rounding
    )
