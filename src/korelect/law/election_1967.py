"""7th National Assembly, 8 June 1967: 131 districts and 44 national (전국구) seats.

Law: 국회의원선거법 (1963), 전국구 의석 배분 [H1][H2], as in 1963. Only the DRP (102
district seats) and the 신민당 (28) qualify (the 대중당 won 1 district seat, 1.50%). The
DRP's 5,494,744 votes are 53.64% of all valid votes and 60.78% of the qualifying parties'
(5,494,744 + 3,546,067), at least 50% either way: the 44 seats go by votes, 26.74 and
17.26, so 27/17, the record; the two-thirds ceiling (29.33, so 29) does not bind. By
district seats it would bind: 29/15.

>>> from korelect import Entry, allocate
>>> allocate([Entry("DRP", 5_494_744, 102), Entry("NDP", 3_546_067, 28),
...           Entry("Mass", 153_649, 1), Entry("Other", 1_050_056, kind="other")],
...          1967).list_seats
{'DRP': 27, 'NDP': 17, 'Mass': 0}
"""

from korelect.law._early import bounds_rules

RULES = bounds_rules(1967, 7, 175, 131)
