"""21st National Assembly, 15 April 2020: the linked formula with a 30-seat cap.

Law: 공직선거법 art. 189 as amended 2020-01-14 (Act No. 16864), and
Supplementary Provisions art. 4 ("2020년 4월 15일 실시하는 비례대표국회의원선거에서는
제189조제2항의 개정규정에도 불구하고"), which applied to this election only
(Constitutional Court 2019헌마1443). 300 seats: 253 districts, 47 list seats,
30 by the linked formula (capped) and 17 in parallel. See
``korelect.engine.formulas.linked`` for the steps.

The DP (163 districts) and the UFP (84) ran no lists but qualified with 5 or
more district seats, so R counts only the 5 independents: N - R = 295. Their
satellites, the Platform Party and the Future Korea Party, won list seats with
no district seats to offset them.

Sources: [S1] statute text; [S2]-[S5] the supplementary provision and the NEC
steps; [S22], [S23] results (linked 12/11/3/2/2, parallel 7/6/2/1/1).

Open points, as options of :class:`korelect.Linked` (``../shared/docs/LAW.md`` §2):
``zero_before_rounding`` (default: round, then zero values below 1);
``parties_without_list_in_r`` (default: no; the other reading gives
N - R = 48 and does not reproduce the result); ``share_base`` (default: the
qualifying parties' votes, art. 189(3)). Seats beyond a party's list length
stay vacant (art. 189(5)); list lengths are not modelled.

>>> from fractions import Fraction
>>> from korelect import Entry, allocate
>>> r = allocate([Entry("DP", 0, 163), Entry("UFP", 0, 84),
...               Entry("Platform", Fraction("33.35")), Entry("FKP", Fraction("33.84")),
...               Entry("Justice", Fraction("9.67"), 1), Entry("People", Fraction("6.79")),
...               Entry("ODP", Fraction("5.42")), Entry("Minsaeng", Fraction("2.71")),
...               Entry("Ind.", 0, 5, kind="independent"),
...               Entry("Other", Fraction("8.22"), kind="other")], 2020)
>>> {p.name: p.list_seats for p in r.parties if p.list_seats}
{'Platform': 17, 'FKP': 19, 'Justice': 5, 'People': 3, 'ODP': 3}
>>> dict((k, v) for k, v in r.linked.linked_seats.items() if v)
{'Platform': 11, 'FKP': 12, 'Justice': 3, 'People': 2, 'ODP': 2}
"""

from korelect.law.rules import Linked, Rules, VoteBasis
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

RULES = Rules(
    name="21st National Assembly election (2020)",
    year=2020,
    assembly=21,
    total_seats=300,
    district_seats=253,
    list_tier=Linked(cap=30),
    threshold=VoteShare("3%") | DistrictSeats(5),
    vote_basis=VoteBasis.LIST,
    ties=TieRule.LOT,
    law="공직선거법 art. 189(1)-(3) (Act No. 16864, 2020-01-14), Suppl. Prov. art. 4",
    sources=(
        "S1 공직선거법 art. 189",
        "S2 부칙<법률 제16864호> 제4조; NEC 2020-01-30",
        "S3 ahnsamo.kr/freeboard/2197860",
        "S4 헌법재판소 2019헌마1443",
        "S22 en.wikipedia.org 2020 South Korean legislative election",
        "S23 ulsantv.com 2020-04-17",
    ),
    open_points=(
        (
            "art. 189(2)1 rounds first, then sets values below 1 to 0 "
            "(zero_before_rounding = false); zeroing raw values below 1 first differs only "
            "for raw values in [0.5, 1)"
        ),
        (
            "parties with >= 5 district seats and no list qualify with p = 0, so their seats "
            "do not count in R (parties_without_list_in_r = false); the other reading does not "
            "reproduce the official result"
        ),
        "p over the qualifying parties' votes per art. 189(3) (share_base = 'qualifying')",
        "seats beyond a party's list length stay vacant (art. 189(5)): not modelled",
    ),
)
