"""1st National Assembly (the Constituent Assembly, 제헌국회), 10 May 1948: districts only.

Law: the 1948 National Assembly election law, ordinance No. 175 of the US Army Military
Government (17 March 1948) [jizihe]: 200 single-member districts, the candidate with the
most votes elected; no list tier (LAW-1948-1985.md, Summary).

Open points:

- the two districts of 북제주 were not held on 10 May 1948, so 198 members were elected
  that day; polis-korea counts 197 districts: which districts and seats no source counts
  is the record layer's to name, not the law's;
- district ties are not verified before 1994; the record layer elects the eldest.

>>> from korelect import rules_for
>>> rules = rules_for(1948)
>>> rules.total_seats, rules.district_seats, rules.list_seats, rules.formula
(200, 200, 0, 'none')
>>> print(rules.describe().splitlines()[1])
  200 seats: 200 in single-member districts (plurality), no list tier.
"""

from korelect.law._early import LAW_1948, district_only_rules

RULES = district_only_rules(
    1948,
    1,
    200,
    name="1st National Assembly election (1948), the Constituent Assembly",
    sources=(LAW_1948,),
    open_points=(
        (
            "the two 북제주 districts were not held on 10 May 1948 (198 elected that day); "
            "polis-korea counts 197 districts: the record layer names the districts and seats "
            "no source counts"
        ),
    ),
)
