"""The parallel list tier of 2004–2016, shared by the four elections that used it.

공직선거법 art. 189(1)–(3) (2004–2016 text): a separate national list vote;
parties with at least 3% of the valid list vote or 5 district seats qualify;
each gets the integer part of its share of the qualifying parties' list votes
times the list seats, and the rest go to the largest remainders. The list
tier does not compensate for district seats.
"""

from korelect.law.rules import Proportional, Rules, VoteBasis
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

SOURCES = (
    "S1 공직선거법 art. 189 (current text)",
    "S27 중앙일보 2004; 한국경제 2008-04-08",
    "S17 Dong-A Ilbo 2004-04-16 via FairVote",
)
OPEN_POINTS = (
    (
        "the 2004–2016 text of art. 189 was not available: remainder ties by lot "
        "(the current text, ties = 'lot'); the 2000-era 'more votes, then lot' "
        "may still have applied (ties = 'votes-then-lot')"
    ),
)


def parallel_rules(
    year: int, assembly: int, total: int, district: int, sources: tuple[str, ...]
) -> Rules:
    """The rules of one 2004–2016 election."""
    return Rules(
        name=f"{assembly}th National Assembly election ({year})",
        year=year,
        assembly=assembly,
        total_seats=total,
        district_seats=district,
        list_tier=Proportional(method="hare"),
        threshold=VoteShare("3%") | DistrictSeats(5),
        vote_basis=VoteBasis.LIST,
        ties=TieRule.LOT,
        law="공직선거법 art. 189(1)-(3): separate list vote, parallel",
        sources=SOURCES + sources,
        open_points=OPEN_POINTS,
    )
