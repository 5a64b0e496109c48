"""13th National Assembly, 26 April 1988: list seats by district seats, with a first-party bonus.

Law: 국회의원선거법 (1988), 전국구 의석 배분. The 75 national seats (one third
of the 224 district seats) went to parties with at least 5 district seats, in
proportion to their district seats. Because the party with the most district
seats (DJP, 87 of 224) held fewer than half of them, it first received half
of the national seats, 75/2 = 37.5 given as 38; the other qualifying parties
shared the remaining 37 by district seats, largest remainder: 16/13/8.

Sources: 매일신문 2001-07-20 [S6]; pgr21 [S10] ("50% = 38 seats", 16:13:8).
English-Wikipedia mirrors [S11] say the rest went by vote share: that would
give 12/15/10, not the official result.

Open points (``../shared/docs/LAW.md`` §2, §6):

- the statute text was not available; how 37.5 was rounded comes from the
  official outcome: ``FirstPartyBonus.rounding = "up"``;
- the tie-break between equal remainders is not known: ``ties = "raise"``, so
  a tie is reported rather than guessed (pass ``ties="lot"`` to draw one).

>>> from fractions import Fraction
>>> from korelect import Entry, allocate
>>> result = allocate([
...     Entry("DJP", Fraction("33.96"), 87), Entry("PPD", Fraction("19.26"), 54),
...     Entry("RDP", Fraction("23.83"), 46), Entry("NDRP", Fraction("15.59"), 27),
...     Entry("Hankyoreh", Fraction("1.28"), 1),
...     Entry("Independents", Fraction("4.83"), 9, kind="independent")], 1988)
>>> result.list_seats
{'DJP': 38, 'PPD': 16, 'RDP': 13, 'NDRP': 8, 'Hankyoreh': 0, 'Independents': 0}
"""

from korelect.law.rules import FirstPartyBonus, Rules, SeatShare, VoteBasis
from korelect.law.thresholds import DistrictSeats
from korelect.law.ties import TieRule

RULES = Rules(
    name="13th National Assembly election (1988)",
    year=1988,
    assembly=13,
    total_seats=299,
    district_seats=224,
    list_tier=SeatShare(method="hare", bonus=FirstPartyBonus()),
    threshold=DistrictSeats(5),
    vote_basis=VoteBasis.CONSTITUENCY,
    ties=TieRule.RAISE,
    law="국회의원선거법 (1988), national (전국구) seats: by district seats, first-party bonus",
    sources=("S6 매일신문 2001-07-20", "S10 pgr21.co.kr/freedom/36513", "S9 jomu.wiki"),
    open_points=(
        (
            "statute text not available; 75/2 = 37.5 rounded up to 38 from the official "
            "outcome (bonus.rounding = 'up')"
        ),
        "remainder tie-break not known: ties = 'raise'",
    ),
)
