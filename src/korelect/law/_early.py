"""What the law of the twelve elections 1948–1985 shares: sources, open points, builders.

The sources are the keys of ``../shared/docs/LAW-1948-1985.md`` (H1–H6), the record
(polis-korea's NEC counts) and the two pages this module names for 1948 and 1960.
Nothing here was checked against a statute's text: where the sources leave a point
open, the election module says which reading reproduces the record.
"""

from korelect.law.rules import (
    Appointed,
    FirstPartyBounds,
    FirstPartyFixedShare,
    NoListTier,
    Rules,
    VoteBasis,
)
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

H1 = "H1 ko.wikipedia.org/wiki/대한민국_제6대_국회의원_선거 (rules of the 전국구 tier, 1963)"
H2 = "H2 brunch.co.kr/@eurozine/63 (1963: party nomination; half / two-thirds rule; 5% or 3 seats)"
H3 = "H3 wikimili.com/en/1978_South_Korean_legislative_election (two-member districts; 유신정우회)"
H4 = "H4 wikimili.com/en/1985_South_Korean_legislative_election (184 + 92; two thirds to the first)"
H5 = "H5 매일신문 2001-07-20, imaeil.com/page/view/2001072014063376133 (list rules 6th–16th)"
H6 = "H6 중앙일보, joongang.co.kr/article/1562995 (1981: 3 parties with 5 or more district seats)"
RECORD = (
    "polis-korea data/results/{N}-general-{YEAR}.json (NEC 개표현황: district counts and "
    "winners; 1963–1985 the nation race's 전국구 and 유신정우회 seats)"
)
LAW_1948 = (
    "李永春, 当代世界 2020(1), jizihe.com/page/2020/0723/6889589.shtml (the 1948 election law, "
    "US Army Military Government ordinance No. 175 of 17 March 1948: single-member districts, "
    "plurality)"
)
REPEATED = (
    "wikimili.com/en/1967_South_Korean_legislative_election (electoral system: below 50%, "
    "'the process repeated for the remaining parties')"
)

DISTRICT_TIES = (
    "district ties before 1994 are not verified (LAW.md §6): the record layer elects the "
    "eldest; list ties: ties = 'raise', so a tie is reported rather than guessed"
)
NO_STATUTE = "the statute text was not available; the seat numbers are LAW-1948-1985.md's table"

ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th`` ... ``12th``."""
    return ORDINALS.get(n, f"{n}th")


def district_only_rules(
    year: int,
    assembly: int,
    seats: int,
    *,
    name: str = "",
    sources: tuple[str, ...] = (),
    open_points: tuple[str, ...] = (),
) -> Rules:
    """An election 1948–1960: every seat a single-member district seat, no list tier."""
    return Rules(
        name=name or f"{ordinal(assembly)} National Assembly election ({year})",
        year=year,
        assembly=assembly,
        total_seats=seats,
        district_seats=seats,
        list_tier=NoListTier(),
        threshold=None,
        vote_basis=VoteBasis.CONSTITUENCY,
        ties=TieRule.RAISE,
        law="국회의원선거법: single-member districts, plurality; no list tier",
        sources=(*sources, RECORD),
        open_points=(*open_points, NO_STATUTE, DISTRICT_TIES),
    )


def bounds_rules(
    year: int,
    assembly: int,
    total: int,
    district: int,
    *,
    open_points: tuple[str, ...] = (),
) -> Rules:
    """An election 1963–1971: single-member districts, a 전국구 tier with first-party bounds."""
    return Rules(
        name=f"{ordinal(assembly)} National Assembly election ({year})",
        year=year,
        assembly=assembly,
        total_seats=total,
        district_seats=district,
        list_tier=FirstPartyBounds(),
        threshold=DistrictSeats(3) & VoteShare("5%"),
        vote_basis=VoteBasis.CONSTITUENCY,
        ties=TieRule.RAISE,
        law=(
            "국회의원선거법 (1963), 전국구 의석 배분: excluded below 3 district seats or 5%; "
            "the first party half of the seats below 50%, at most two thirds from 50%"
        ),
        sources=(H1, H2, H5, REPEATED, RECORD),
        open_points=(
            *open_points,
            (
                "the statute text was not available: '50%' read as of the qualifying parties' "
                "votes (majority_of = 'qualifying'; 1971 decides: 'valid' would give 25/26 or "
                "26/25, not 27/24)"
            ),
            (
                "how the rest is shared when the first party is below 50% (only 1963): the "
                "rule repeated for the others on district seats (rest = 'repeat', rest_basis "
                "= 'district seats'), the one reading found that reproduces 1963's 14/5/3; "
                "every reading by votes gives 11/7/4 (see election_1963)"
            ),
            (
                "half of an odd number of seats is rounded up (rounding = 'up', as 1988's "
                "37.5 was); no election of 1963–1971 tested it"
            ),
            "candidates had to be nominated by a party: no independents [H2]",
            DISTRICT_TIES,
        ),
    )


YUSIN_BY = "the 통일주체국민회의 on the President's nomination"


def appointed_rules(
    year: int, assembly: int, total: int, districts: int, *, open_points: tuple[str, ...] = ()
) -> Rules:
    """1973 or 1978: two-member districts and the appointed third, 유신정우회."""
    return Rules(
        name=f"{ordinal(assembly)} National Assembly election ({year})",
        year=year,
        assembly=assembly,
        total_seats=total,
        district_seats=2 * districts,
        district_magnitude=2,
        list_tier=Appointed(bloc="유신정우회", by=YUSIN_BY),
        threshold=None,
        vote_basis=VoteBasis.CONSTITUENCY,
        ties=TieRule.RAISE,
        law=(
            "헌법 (1972, 유신헌법): one third of the Assembly (유신정우회) chosen by the "
            "통일주체국민회의 on the President's nomination; 국회의원선거법: two-member "
            "districts, the two with the most votes elected"
        ),
        sources=(H3, H5, RECORD),
        open_points=(
            *open_points,
            (
                "the appointed members are not elected: the tier's seats go to the entry of "
                "kind 'appointed' (유신정우회), which tables, charts and indices can leave out"
            ),
            DISTRICT_TIES,
        ),
    )


def fixed_share_rules(year: int, assembly: int, *, open_points: tuple[str, ...] = ()) -> Rules:
    """1981 or 1985: 92 two-member districts and 92 national seats, two thirds to the first."""
    return Rules(
        name=f"{ordinal(assembly)} National Assembly election ({year})",
        year=year,
        assembly=assembly,
        total_seats=276,
        district_seats=184,
        district_magnitude=2,
        list_tier=FirstPartyFixedShare(),
        threshold=DistrictSeats(5),
        vote_basis=VoteBasis.CONSTITUENCY,
        ties=TieRule.RAISE,
        law=(
            "국회의원선거법 (Fifth Republic), 전국구 의석 배분: parties with 5 district seats "
            "qualify; "
            "two thirds of the 92 seats to the party with the most district seats, the rest "
            "by district seats"
        ),
        sources=(H4, H5, H6, RECORD),
        open_points=(
            *open_points,
            (
                "the rest by district seats (basis = 'district seats'), as H5 says; the "
                "English pages say by votes (basis = 'votes'), which does not reproduce the "
                "record (1981: 19/12 for 24/7; 1985: 16/10/5 for 17/9/5)"
            ),
            (
                "92 x 2/3 = 61.33 gave 61: rounding = 'down' (half up gives the same; the "
                "statute text was not available)"
            ),
            DISTRICT_TIES,
        ),
    )
