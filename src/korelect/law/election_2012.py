"""19th National Assembly, 11 April 2012: a separate list vote, parallel seats.

Law: 공직선거법 art. 189(1)–(3); 300 seats, 246 district seats, 54 list
seats; "3% of the list vote OR 5 district seats"; largest remainder.

Sources: see ``korelect.law._parallel``; gunsanews (2012 rules) [S27];
English-Wikipedia [S20]. Open point: the remainder tie rule.

>>> from korelect import rules_for
>>> r = rules_for(2012)
>>> r.total_seats, r.district_seats, r.list_seats
(300, 246, 54)
"""

from korelect.law._parallel import parallel_rules

RULES = parallel_rules(2012, 19, 300, 246, ("S20 English-Wikipedia 2012",))
