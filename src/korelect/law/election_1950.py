"""2nd National Assembly, 30 May 1950: 210 single-member districts, no list tier.

Law: 국회의원선거법 as in force in 1950: every seat a single-member district, the
candidate with the most votes elected (LAW-1948-1985.md, Summary).

Open points: polis-korea counts 206 districts of the 210 (the record layer names the
others); district ties are not verified before 1994 (the record layer elects the eldest).

>>> from korelect import rules_for
>>> r = rules_for(1950)
>>> r.total_seats, r.district_seats, r.list_seats, r.threshold is None
(210, 210, 0, True)
"""

from korelect.law._early import district_only_rules

RULES = district_only_rules(
    1950,
    2,
    210,
    open_points=("polis-korea counts 206 districts of the 210: the record layer names the others",),
)
