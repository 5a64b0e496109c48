"""18th National Assembly, 9 April 2008: a separate list vote, parallel seats.

Law: 공직선거법 art. 189(1)–(3); 245 district seats, 54 list seats; "3% of the
list vote OR 5 district seats"; largest remainder among qualifying parties.

Sources: see ``korelect.law._parallel``; 한국경제 2008-04-08 [S27];
English-Wikipedia mirrors [S19]. Open point: the remainder tie rule.

>>> from korelect import rules_for
>>> r = rules_for(2008)
>>> r.district_seats, r.list_seats, str(r.threshold), r.ties.value
(245, 54, '3% OR 5 seats', 'lot')
"""

from korelect.law._parallel import parallel_rules

RULES = parallel_rules(2008, 18, 299, 245, ("S19 English-Wikipedia 2008 mirrors",))
