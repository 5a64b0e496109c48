"""The law of every National Assembly election 1988–2024, one module per election.

Each module defines its election's frozen :class:`~korelect.Rules` as ``RULES``;
:mod:`korelect.law.registry` lists them explicitly and :func:`korelect.rules_for` reads
them by year. Each module's
docstring cites the legal source, states the open points with the reading
chosen, and shows the official result reproduced.

======  =========  ======================================================
year    module     list tier
======  =========  ======================================================
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
