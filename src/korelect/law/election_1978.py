"""10th National Assembly, 12 December 1978: 77 two-member districts and 77 appointed seats.

Law: as in 1973 [H3][H5]: 77 districts each elect the two candidates with the most votes
(154 members); the 77 members of 유신정우회 were chosen by the 통일주체국민회의 on the
President's nomination, not by the voters: 231 seats in all. The 신민당 won more votes
(32.82%) than the DRP (31.70%) but fewer district seats (61 to 68).

>>> from korelect import Entry, allocate
>>> result = allocate([Entry("DRP", 4_695_965, 68), Entry("NDP", 4_861_204, 61),
...                    Entry("DUP", 1_095_057, 3),
...                    Entry("Ind.", 4_160_187, 22, kind="independent")], 1978)
>>> result.list_seats["유신정우회"], result.total_seats
(77, 231)
"""

from korelect.law._early import appointed_rules

RULES = appointed_rules(1978, 10, 231, 77)
