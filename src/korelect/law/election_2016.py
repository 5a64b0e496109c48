"""20th National Assembly, 13 April 2016: a separate list vote, parallel seats.

Law: 공직선거법 art. 189(1)–(3); 300 seats, 253 district seats, 47 list
seats; "3% of the list vote OR 5 district seats"; largest remainder. The last
three seats went on remainders to Saenuri (.92), Minjoo (.91) and Justice (.66).

Sources: see ``korelect.law._parallel``; English-Wikipedia mirrors [S21].
Open point: the remainder tie rule.

>>> from fractions import Fraction
>>> from korelect import Entry, allocate
>>> allocate([Entry("Saenuri", Fraction("33.50"), 105), Entry("Minjoo", Fraction("25.55"), 110),
...           Entry("People's", Fraction("26.75"), 25), Entry("Justice", Fraction("7.24"), 2),
...           Entry("Ind.", 0, 11, kind="independent"),
...           Entry("Other", Fraction("6.96"), kind="other")], 2016).list_seats
{'Saenuri': 17, 'Minjoo': 13, "People's": 13, 'Justice': 4, 'Ind.': 0}
"""

from korelect.law._parallel import parallel_rules

RULES = parallel_rules(2016, 20, 300, 253, ("S21 English-Wikipedia 2016 mirrors",))
