"""4th National Assembly, 2 May 1958: 233 single-member districts, no list tier.

Law: the election law as in force in 1958: every seat a single-member district, the
candidate with the most votes elected (LAW-1948-1985.md, Summary). polis-korea counts
all 233 districts.

The district winners polis-korea counts, by party (every seat a district seat):

>>> from korelect import Entry, allocate
>>> result = allocate([Entry("자유당", 0, 126), Entry("민주당", 0, 79), Entry("통일당", 0, 2),
...                    Entry("무소속", 0, 26, kind="independent")], 1958)
>>> result.seats, result.total_seats
({'자유당': 126, '민주당': 79, '통일당': 2, '무소속': 26}, 233)
"""

from korelect.law._early import district_only_rules

RULES = district_only_rules(1958, 4, 233)
