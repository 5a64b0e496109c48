"""The law of every National Assembly election 1948–2024, one module per election.

Each module defines its election's frozen :class:`~korelect.Rules` as ``RULES``;
:mod:`korelect.law.registry` lists them explicitly and :func:`korelect.rules_for` reads
them by year. Each module's
docstring cites the legal source, states the open points with the reading
chosen, and shows the official result reproduced. The sources of the law before 1988
are the keys H1–H6 of ``../shared/docs/LAW-1948-1985.md``.

======  =========  ======================================================
year    module     list tier
======  =========  ======================================================
1948    election_1948   none: 200 single-member districts (Constituent Assembly)
1950    election_1950   none: 210 districts
1954    election_1954   none: 203 districts
1958    election_1958   none: 233 districts
1960    election_1960   none: 233 districts (민의원; the 참의원 not covered)
1963    election_1963   national tier, first party half below 50%, at most 2/3
1967    election_1967   as 1963
1971    election_1971   as 1963
1973    election_1973   73 two-member districts, 73 appointed (유신정우회)
1978    election_1978   77 two-member districts, 77 appointed (유신정우회)
1981    election_1981   92 two-member districts, 92 national: 2/3 to the first
1985    election_1985   as 1981
1988    election_1988   by district seats, first-party bonus
1992    election_1992   by district seats
1996    election_1996   by constituency votes, "5 seats or 5%", 3–5% seat
2000    election_2000   as 1996
2004    election_2004   separate list vote, "3% or 5 seats", parallel
2008    election_2008   as 2004
2012    election_2012   as 2004
2016    election_2016   as 2004
2020    election_2020   linked, 30-seat cap, 17 parallel seats
2024    election_2024   linked, no cap
======  =========  ======================================================
"""
