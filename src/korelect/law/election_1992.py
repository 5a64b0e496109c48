"""14th National Assembly, 24 March 1992: list seats by district seats.

Law: 국회의원선거법 as amended 1991. The 62 national seats went to parties with
at least 5 district seats, in proportion to their district seats, by largest
remainder (116/75/24 over 62 seats gives 33/22/7, the official result; by
votes it would be 28/21/13). A party with fewer than 5 district seats but at
least 3% of the valid vote first received one seat (우선적으로 1석을 배분) [S6, S13b].

Sources: 매일신문 2001-07-20 [S6]; 한국경제 1992-03-25 [S12] (NEC final result);
dydrl0216.tistory.com [S13b].

Open points (``../shared/docs/LAW.md`` §2, §6):

- 5 district seats (Korean sources) rather than the 7 of English-Wikipedia
  mirrors [S13]; it makes no difference in 1992. Use
  ``rules_for(1992, threshold="7 seats")`` for the other reading;
- the tie-break between equal remainders is not known: ``ties = "raise"``.

The seed article's numbers (see ``korelect.allocate`` for the full table):

>>> from korelect import Entry, allocate
>>> allocate([Entry("DLP", 7_923_718, 116), Entry("DP", 6_004_578, 75),
...           Entry("UNP", 3_574_419, 24), Entry("NPRP", 369_044, 1),
...           Entry("Ind.", 2_712_053, 21, kind="independent")], 1992).list_seats
{'DLP': 33, 'DP': 22, 'UNP': 7, 'NPRP': 0, 'Ind.': 0}
"""

from korelect.law.rules import Rules, SeatShare, VoteBasis
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

RULES = Rules(
    name="14th National Assembly election (1992)",
    year=1992,
    assembly=14,
    total_seats=299,
    district_seats=237,
    list_tier=SeatShare(method="hare", minor_party_seat=VoteShare("3%")),
    threshold=DistrictSeats(5),
    vote_basis=VoteBasis.CONSTITUENCY,
    ties=TieRule.RAISE,
    law="국회의원선거법 (1991 amendment), national (전국구) seats: by district seats",
    sources=("S6 매일신문 2001-07-20", "S12 한국경제 1992-03-25", "S13b dydrl0216.tistory.com"),
    open_points=(
        (
            "5 district seats per the Korean sources; English-Wikipedia mirrors say 7 "
            "(no difference in 1992)"
        ),
        "statute text not available; remainder tie-break not known: ties = 'raise'",
    ),
)
