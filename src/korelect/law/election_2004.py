"""17th National Assembly, 15 April 2004: a separate list vote, parallel seats.

Law: 공직선거법 art. 189(1)–(3) as in force in 2004; the two-vote ballot
(1인2표) followed the Constitutional Court's decision of 2001-07-19
(2000헌마91). 243 district seats, 56 list seats; "3% of the list vote OR 5
district seats"; shares among the qualifying parties, integer part and largest
remainder. ULD (2.8%, 4 district seats) did not qualify. Uri (.76) and DLP
(.75) took the last two seats: the closest call of the series.

Sources: see ``korelect.law._parallel``; Dong-A Ilbo 2004-04-16 [S17].
Open point: the remainder tie rule (``ties``), see ``rules_for(2004).open_points``.

The seed article's list shares, with its "Other" column as a bucket that is
not a party:

>>> from fractions import Fraction
>>> from korelect import Entry, allocate
>>> allocate([Entry("Uri", Fraction("38.3"), 129), Entry("GNP", Fraction("35.8"), 100),
...           Entry("DLP", Fraction("13.0"), 2), Entry("MDP", Fraction("7.1"), 5),
...           Entry("ULD", Fraction("2.8"), 4), Entry("NI21", 0, 1),
...           Entry("Ind.", 0, 2, kind="independent"),
...           Entry("Other", Fraction("3.0"), kind="other")], 2004).list_seats
{'Uri': 23, 'GNP': 21, 'DLP': 8, 'MDP': 4, 'ULD': 0, 'NI21': 0, 'Ind.': 0}
"""

from korelect.law._parallel import parallel_rules

RULES = parallel_rules(2004, 17, 299, 243, ("S18 English-Wikipedia 2004 mirrors",))
