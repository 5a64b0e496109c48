"""3rd National Assembly, 20 May 1954: 203 single-member districts, no list tier.

Law: 국회의원선거법 as in force in 1954: every seat a single-member district, the
candidate with the most votes elected (LAW-1948-1985.md, Summary). polis-korea counts
all 203 districts.

>>> from korelect import rules_for
>>> r = rules_for(1954)
>>> r.total_seats, r.district_seats, r.formula
(203, 203, 'none')
"""

from korelect.law._early import district_only_rules

RULES = district_only_rules(1954, 3, 203)
