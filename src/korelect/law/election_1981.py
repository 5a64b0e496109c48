"""11th National Assembly, 25 March 1981: 92 two-member districts and 92 national seats.

Law: 국회의원선거법 of the Fifth Republic, 전국구 의석 배분 [H4][H5][H6]: 92 districts
each elect the two candidates with the most votes (184 members); parties that won at
least 5 district seats qualify for the 92 national seats, and only three did [H6]: the
DJP (90), the DKP (57) and the KNP (18). The party with the most district seats receives
two thirds of them, 61.33, so 61; the other 31 go to the other qualifying parties by
district seats, 57 : 18 (23.56 and 7.44), so 24/7: the record. By votes (3,495,829 :
2,147,293) they would go 19/12 (:class:`~korelect.law.rules.FirstPartyFixedShare`,
``basis``).

Open point: 부산 제6선거구 was uncontested, elected without a vote (the record layer's).

>>> from korelect import Entry, allocate, rules_for
>>> entries = [Entry("DJP", 5_776_624, 90), Entry("DKP", 3_495_829, 57),
...            Entry("KNP", 2_147_293, 18), Entry("Civil Rights", 1_088_847, 2),
...            Entry("New Political", 676_921, 2), Entry("Socialist", 524_361, 2),
...            Entry("Farmers", 227_715, 1), Entry("Anmin", 144_000, 1),
...            Entry("Ind.", 1_734_224, 11, kind="independent"),
...            Entry("Other", 391_511, kind="other")]
>>> {k: v for k, v in allocate(entries, 1981).list_seats.items() if v}
{'DJP': 61, 'DKP': 24, 'KNP': 7}
>>> {k: v for k, v in allocate(entries, rules_for(1981, basis="votes")).list_seats.items() if v}
{'DJP': 61, 'DKP': 19, 'KNP': 12}
"""

from korelect.law._early import fixed_share_rules

RULES = fixed_share_rules(
    1981,
    11,
    open_points=(
        "부산 제6선거구 was uncontested, elected without a vote: counted by the record layer",
    ),
)
