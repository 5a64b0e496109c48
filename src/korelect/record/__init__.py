"""Layer 3, the record: the counts as data, and whole elections computed from them.

Shipped tables (:mod:`~korelect.record.data`, :mod:`~korelect.record.db`), party names
(:mod:`~korelect.record.parties`), district counting (:mod:`~korelect.record.counting`),
the counts format a user writes (:mod:`~korelect.record.counts`) and the one request
function that turns a year or counts plus rules into an election
(:mod:`~korelect.record.election`).
"""
