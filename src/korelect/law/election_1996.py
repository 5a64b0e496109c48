"""15th National Assembly, 11 April 1996: list seats by constituency votes.

Law: 공직선거및선거부정방지법 (1994), art. 189. Parties with at least 5 district
seats or 5% of the national valid constituency vote qualify (의석할당정당). A
party that does not qualify but has 3% to under 5% first receives one seat.
The other seats go to the qualifying parties by their share of the qualifying
parties' votes, rounded half up at the 5th decimal place (소수점 이하 다섯째자리
반올림), integer part and largest remainder; remainder ties go to the party
with more votes, then by lot [S7, S8, S26].

1996: no party fell in the 3–5% band; NKP/NCNP/ULD/UDP get 18/13/9/6, the
official result (by seats it would be 23/13/8/2).

Each rounded share is multiplied by the list seats as it stands (integer part,
then largest remainder), as the statute reads; it is never rescaled by the sum
of the rounded shares, which may differ from 1 by a few units of the 4th
decimal. In 1996 it makes no difference: the official counts give rounded
shares 0.3965, 0.2906, 0.1839 and 0.1290, adding up to exactly 1, and the seed
article's figures below give 0.3957, 0.2900, 0.1854 and 0.1288 (sum 0.9999),
18/13/9/6 either way.

Open point (``../shared/docs/LAW.md`` §2): the share is rounded as a fraction
of 1 (4 decimals, ``share_decimals = 4``); the sources do not say whether the
share was taken in percent. It makes no difference in 1996 or 2000.

The seed article's votes:

>>> from korelect import Entry, allocate
>>> allocate([Entry("NKP", 6_783_730, 121), Entry("NCNP", 4_971_961, 66),
...           Entry("ULD", 3_178_474, 41), Entry("UDP", 2_207_695, 9),
...           Entry("Ind.", 2_328_401, 16, kind="independent")], 1996).list_seats
{'NKP': 18, 'NCNP': 13, 'ULD': 9, 'UDP': 6, 'Ind.': 0}
"""

from korelect.law.rules import Proportional, Rules, VoteBasis
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

RULES = Rules(
    name="15th National Assembly election (1996)",
    year=1996,
    assembly=15,
    total_seats=299,
    district_seats=253,
    list_tier=Proportional(method="hare", minor_party_seat=VoteShare("3%"), share_decimals=4),
    threshold=DistrictSeats(5) | VoteShare("5%"),
    vote_basis=VoteBasis.CONSTITUENCY,
    ties=TieRule.VOTES_THEN_LOT,
    law="공직선거및선거부정방지법 (1994) art. 189: by constituency votes",
    sources=("S8 서울신문 1996-03-27", "S7 매일신문 2000-03-29", "S26 한국경제 1994-02-08"),
    open_points=(
        (
            "shares rounded half up to 4 decimals of a fraction of 1 (share_decimals = 4); "
            "whether the share was taken in percent is not stated"
        ),
    ),
)
