"""6th National Assembly, 26 November 1963: 131 districts and 44 national (전국구) seats.

Law: 국회의원선거법 (1963), 전국구 의석 배분 [H1][H2]; the first election with a national
tier. Candidates had to be nominated by a party. Parties that won fewer than 3 district
seats or less than 5% of the valid votes are excluded (``3 seats AND 5%``: a party needs
both). The first party (most votes) had under 50%, so it received half of the 44 seats;
the other qualifying parties shared the other 22 (:class:`~korelect.law.rules.FirstPartyBounds`).

The record (polis-korea's nation race): DRP 22, 민정당 14, 민주당 5, 자유민주당 3. The
DRP's 3,093,158 votes are 44.70% of the qualifying parties' (36.77% of all valid votes):
half, 22. How the other 22 were shared is the open point:

- by votes among the other three (1,866,062 : 1,236,964 : 723,272), largest remainder:
  10.73, 7.11, 4.16, so 11/7/4; repeating the rule on votes gives the same (민정당 has
  48.77% of the three's votes, below 50%: half, 11, then 7/4);
- by district seats (27 : 8 : 6), largest remainder: 14.49, 4.29, 3.22, so 15/4/3;
- by the rule repeated on district seats (the default): 민정당 holds 27 of the three's
  41 district seats, 65.85%, at least half, so the 22 go by district seats (15/4/3) but
  민정당 receives at most two thirds, 14.67, so 14; the other 8 by 8 : 6 give 5.57, so 5/3:
  the record. (Droop and Adams on district seats, without the repetition, leave the last
  seat tied between 민주당 and 자유민주당.)

The sources describe the tier by votes throughout [H1][H5]; only district-seat readings
reproduce 1963, and the repeated rule is the one the English pages describe.

>>> from korelect import Entry, allocate, rules_for
>>> entries = [Entry("DRP", 3_093_158, 88), Entry("CRP", 1_866_062, 27),
...            Entry("DP", 1_236_964, 8), Entry("LDP", 723_272, 6),
...            Entry("PP", 800_784, 2), Entry("Other", 692_487, kind="other")]
>>> allocate(entries, 1963).list_seats
{'DRP': 22, 'CRP': 14, 'DP': 5, 'LDP': 3, 'PP': 0}
>>> allocate(entries, rules_for(1963, rest_basis="votes")).list_seats
{'DRP': 22, 'CRP': 11, 'DP': 7, 'LDP': 4, 'PP': 0}
>>> allocate(entries, rules_for(1963, rest="proportional")).list_seats
{'DRP': 22, 'CRP': 15, 'DP': 4, 'LDP': 3, 'PP': 0}
"""

from korelect.law._early import bounds_rules

RULES = bounds_rules(
    1963,
    6,
    175,
    131,
    open_points=(
        (
            "1963 is the one election whose first party was below 50%: the record's 14/5/3 "
            "for the other 22 seats comes from the rule repeated on district seats (민정당 27 "
            "of 41, capped at two thirds: 14; then 8:6 gives 5/3); by votes every reading "
            "gives 11/7/4, and plain largest remainder on district seats 15/4/3"
        ),
    ),
)
