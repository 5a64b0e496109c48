"""8th National Assembly, 25 May 1971: 153 districts and 51 national (전국구) seats.

Law: 국회의원선거법 (1963, as amended), 전국구 의석 배분 [H1][H2]. The DRP (86 district
seats) and the 신민당 (65) qualify; the 국민당 (1 seat, 4.00%) and the 민중당 (1 seat) do
not. The DRP's 5,460,580 votes are 49.69% of all valid votes but 52.42% of the qualifying
parties': the record, 27/24, is the by-share outcome (26.73 and 24.27), so the "50%" is
of the qualifying parties' votes (``majority_of = "qualifying"``). Of all valid votes
(``majority_of = "valid"``) the DRP would be below 50% and receive half of 51: 26 (up)
or 25 (down), with 25 or 26 for the 신민당.

>>> from korelect import Entry, allocate, rules_for
>>> entries = [Entry("DRP", 5_460_580, 86), Entry("NDP", 4_955_821, 65),
...            Entry("NP", 439_836, 1), Entry("MP", 69_608, 1),
...            Entry("Other", 63_831, kind="other")]
>>> allocate(entries, 1971).list_seats
{'DRP': 27, 'NDP': 24, 'NP': 0, 'MP': 0}
>>> allocate(entries, rules_for(1971, majority_of="valid")).list_seats
{'DRP': 26, 'NDP': 25, 'NP': 0, 'MP': 0}
"""

from korelect.law._early import bounds_rules

RULES = bounds_rules(1971, 8, 204, 153)
