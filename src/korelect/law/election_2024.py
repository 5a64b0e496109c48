"""22nd National Assembly, 10 April 2024: the linked formula without a cap.

Law: 공직선거법 art. 189(2) (Act No. 16864); the 2020 cap (Suppl. Prov. art. 4)
had lapsed, so all 46 list seats were allocated by the linked formula, with
no parallel tier. 300 seats: 254 districts, 46 list seats.

The Progressive Party and New Future each won one district without
qualifying, so R = 2 and N - R = 298. The DP and the PPP qualified (5 or more
district seats) with no lists. Linked values: PPF 59.89 -> 60, DA 43.60 -> 44,
RKP 39.60 -> 40, NRP 5.41 -> 5; the sum 149 is above 46, so each gets
46 x s / 149 (조정의석수): 18/14/12/2, the official result.

Sources: [S1]; [S4] 2019헌마1443; [S5] step-by-step 2024 computation; [S24], [S25] results.
Open points: as in 2020 (``korelect.law.election_2020``).

>>> from fractions import Fraction
>>> from korelect import Entry, allocate
>>> r = allocate([Entry("DP", 0, 161), Entry("DA", Fraction("26.69")), Entry("PPP", 0, 90),
...               Entry("PPF", Fraction("36.67")), Entry("RKP", Fraction("24.25")),
...               Entry("NRP", Fraction("3.62"), 1), Entry("Progressive", 0, 1),
...               Entry("New Future", 0, 1), Entry("Other", Fraction("8.77"), kind="other")],
...              2024)
>>> {p.name: p.list_seats for p in r.parties if p.list_seats}
{'DA': 14, 'PPF': 18, 'RKP': 12, 'NRP': 2}
>>> [(row.name, row.rounded) for row in r.linked.rows if row.rounded > 0]
[('DA', 44), ('PPF', 60), ('RKP', 40), ('NRP', 5)]
"""

from korelect.law.rules import Linked, Rules, VoteBasis
from korelect.law.thresholds import DistrictSeats, VoteShare
from korelect.law.ties import TieRule

RULES = Rules(
    name="22nd National Assembly election (2024)",
    year=2024,
    assembly=22,
    total_seats=300,
    district_seats=254,
    list_tier=Linked(cap=None),
    threshold=VoteShare("3%") | DistrictSeats(5),
    vote_basis=VoteBasis.LIST,
    ties=TieRule.LOT,
    law="공직선거법 art. 189(1)-(3) (Act No. 16864), no cap",
    sources=(
        "S1 공직선거법 art. 189",
        "S4 헌법재판소 2019헌마1443",
        "S5 arca.live/b/society/103484484",
        "S24 English-Wikipedia 2024 mirror",
        "S25 electionguide.org 2024",
    ),
    open_points=(
        ("art. 189(2)1 rounds first, then sets values below 1 to 0 (zero_before_rounding = false)"),
        (
            "parties with >= 5 district seats and no list qualify with p = 0 "
            "(parties_without_list_in_r = false)"
        ),
        "p over the qualifying parties' votes per art. 189(3) (share_base = 'qualifying')",
        (
            "the 3% threshold was struck down on 2026-01-29 [S28]: for future elections use "
            "rules_for(2024, threshold='5 seats') or a rules file"
        ),
    ),
)
