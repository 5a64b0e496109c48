"""9th National Assembly, 27 February 1973: 73 two-member districts and 73 appointed seats.

Law: the 1972 Constitution (유신헌법) and the election law that followed it [H3][H5]: 73
districts each elect the two candidates with the most votes (146 members); one third of
the Assembly, the 73 members of 유신정우회, were chosen by the 통일주체국민회의 on the
President's nomination. No vote elects them; they count in the Assembly's 219 seats
(:class:`~korelect.law.rules.Appointed`). The nation race of polis-korea gives
유신정우회 its 73 seats.

Open points: two districts (경기 제8선거구, 경남 제5선거구) were uncontested, elected
without a vote (the record layer's); district ties are not verified before 1994.

>>> from korelect import Entry, allocate
>>> result = allocate([Entry("DRP", 4_251_754, 73), Entry("NDP", 3_577_300, 52),
...                    Entry("DUP", 1_114_204, 2),
...                    Entry("Ind.", 2_048_178, 19, kind="independent")], 1973)
>>> result.seats
{'DRP': 73, 'NDP': 52, 'DUP': 2, 'Ind.': 19, '유신정우회': 73}
>>> result.total_seats, result.party("유신정우회").kind.value
(219, 'appointed')
"""

from korelect.law._early import appointed_rules

RULES = appointed_rules(
    1973,
    9,
    219,
    73,
    open_points=(
        (
            "uncontested districts (경기 제8선거구, 경남 제5선거구) elected without a vote: "
            "counted by the record layer"
        ),
    ),
)
