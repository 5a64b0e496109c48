"""5th National Assembly, 29 July 1960: the House of Representatives (민의원), districts only.

Law: the election law of the Second Republic: the House of Representatives (민의원),
233 single-member districts, the candidate with the most votes elected; no list tier
(LAW-1948-1985.md, Summary; [wikimili 1960]).

Not covered: the upper house, the House of Councillors (참의원), elected the same day
(58 seats in provincial multi-member districts by limited vote); every source we have
gives it as party totals only. ``rules_for(1960)`` is the lower house alone.

>>> from korelect import rules_for
>>> r = rules_for(1960)
>>> r.name
'5th National Assembly election (1960), House of Representatives (민의원)'
>>> r.total_seats, r.list_seats
(233, 0)
"""

from korelect.law._early import district_only_rules

RULES = district_only_rules(
    1960,
    5,
    233,
    name="5th National Assembly election (1960), House of Representatives (민의원)",
    sources=(
        (
            "wikimili.com/en/1960_South_Korean_parliamentary_election (233 seats in the House "
            "of Representatives; 58 in the House of Councillors)"
        ),
    ),
    open_points=(
        (
            "not covered: the House of Councillors (참의원, 58 seats, provincial multi-member "
            "districts, limited vote), elected the same day; the sources give party totals only"
        ),
    ),
)
