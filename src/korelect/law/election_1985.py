"""12th National Assembly, 12 February 1985: 92 two-member districts and 92 national seats.

Law: as in 1981 [H4][H5]. Four parties won at least 5 district seats: the DJP (87), the
NKDP (50), the DKP (26) and the KNP (15). The DJP receives two thirds of the 92 seats,
61; the other 31 go by district seats, 50 : 26 : 15 (17.03, 8.86, 5.11), so 17/9/5: the
record. By votes (5,843,827 : 3,931,300 : 1,828,744) they would go 16/10/5.

>>> from korelect import Entry, allocate
>>> result = allocate([Entry("DJP", 7_040_477, 87), Entry("NKDP", 5_843_827, 50),
...                    Entry("DKP", 3_931_300, 26), Entry("KNP", 1_828_744, 15),
...                    Entry("NSDP", 288_863, 1), Entry("NDP", 112_654, 1),
...                    Entry("Ind.", 650_028, 4, kind="independent"),
...                    Entry("Other", 278_750, kind="other")], 1985)
>>> {k: v for k, v in result.list_seats.items() if v}
{'DJP': 61, 'NKDP': 17, 'DKP': 9, 'KNP': 5}
>>> result.seats["DJP"], result.total_seats
(148, 276)
"""

from korelect.law._early import fixed_share_rules

RULES = fixed_share_rules(1985, 12)
