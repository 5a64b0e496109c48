"""16th National Assembly, 13 April 2000: list seats by constituency votes.

Law: 공직선거및선거부정방지법 (1994, as amended 2000), art. 189, as in 1996 with
273 seats (227 districts, 46 list). The DPP (3.68%, 1 district seat) did not
qualify but fell in the 3–5% band and first received one seat; the other 45
went to GNP/MDP/ULD by votes: 21/19/5, the official result. ULD qualified on
both tests (12 seats, 9.84%). Remainder ties: more votes, then lot [S7].

Sources: 매일신문 2000-03-29 [S7] (citing the NEC); English-Wikipedia mirrors [S16].

As in 1996, each rounded share is multiplied by the list seats as it stands,
never rescaled by the rounded shares' sum; in 2000 GNP/MDP/ULD's rounded
shares (0.4602, 0.4236, 0.1162) add up to exactly 1.

Open point: as in 1996, ``share_decimals = 4``.

>>> from fractions import Fraction
>>> from korelect import Entry, allocate
>>> allocate([Entry("GNP", Fraction("38.96"), 112), Entry("MDP", Fraction("35.87"), 96),
...           Entry("ULD", Fraction("9.84"), 12), Entry("DPP", Fraction("3.68"), 1),
...           Entry("NKPH", Fraction("0.41"), 1),
...           Entry("Ind.", Fraction("9.39"), 5, kind="independent"),
...           Entry("Other", Fraction("1.85"), kind="other")], 2000).list_seats
{'GNP': 21, 'MDP': 19, 'ULD': 5, 'DPP': 1, 'NKPH': 0, 'Ind.': 0}
"""

from korelect.law.rules import Proportional, Rules, VoteBasis
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

RULES = Rules(
    name="16th National Assembly election (2000)",
    year=2000,
    assembly=16,
    total_seats=273,
    district_seats=227,
    list_tier=Proportional(method="hare", minor_party_seat=VoteShare("3%"), share_decimals=4),
    threshold=DistrictSeats(5) | VoteShare("5%"),
    vote_basis=VoteBasis.CONSTITUENCY,
    ties=TieRule.VOTES_THEN_LOT,
    law="공직선거및선거부정방지법 (1994, amended 2000) art. 189: by constituency votes",
    sources=("S7 매일신문 2000-03-29", "S16 English-Wikipedia 2000 mirrors"),
    open_points=(
        (
            "shares rounded half up to 4 decimals of a fraction of 1 (share_decimals = 4); "
            "whether the share was taken in percent is not stated"
        ),
    ),
)
