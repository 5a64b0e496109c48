"""The source audit: every contradiction between or within korelect's sources.

The rule is: never trust one number. :func:`audit` compares every figure
that two sources (or one source and its own arithmetic) give for the same
thing, and returns one :class:`~korelect.record.findings.Finding` per
contradiction, naming the district or table, both figures and the sources.
Counts are compared as exact integers; a printed percentage is compared with
the computed share rounded half up to the printed number of decimals.

The checks, in the order findings are reported within a year (one module each:
:mod:`.winners`, :mod:`.arithmetic`, :mod:`.polling`, :mod:`.crawls`,
:mod:`.official`, :mod:`.seeds`; what they share is in :mod:`.common`, the audit and its
reports in :mod:`.report`; each election is computed once, as a
:class:`~korelect.record.computed.ComputedElection`, the view the article
checker shares):

1. **Declared winners** (:data:`DECLARED`): the number of districts vs the
   law's district seats (where they differ, the election is computed with the
   law's list seats over the data's districts); the findings of
   :func:`~korelect.results` (declared winner vs counts, the winner's party),
   and a second declaration where one exists (2004:
   ``nec-history/assembly-elected-17.0.csv``, 2016 and 2020:
   ``assemblykor/legislators.csv``, beside ``krvote``'s winners): a different
   person or party, and (:data:`WINNER_BIRTH`) a different birth date, which
   matters to the eldest-candidate tie rule. assemblykor also lists members who
   entered by by-election: a district agrees when one of its members is the
   first source's winner.
2. **Declared winners' votes**: the votes a source declares for its winner vs
   that candidate's counted votes; and (:data:`WINNER_PCT`) the vote share it
   prints vs those votes over the district's valid votes, by the year's own
   convention (read off its rows: krvote rounds half up to one decimal in
   1988–1996, truncates to two in 2000–2016, rounds to three and truncates to
   two in 2020).
3. **District arithmetic**: candidates' votes vs valid votes; valid +
   invalid vs ballots cast; ballots cast + abstentions vs electorate.
4. **List votes** (2004–2016): province total rows vs the sum of their
   sigungu rows (per party, and the turnout figures); parties' list votes vs
   the list's valid votes; the list turnout's own arithmetic.
5. **Polling stations** (``polling_2012.csv.gz``, ``polling_2016.csv.gz``,
   ``polling_2020.csv.gz``; 2012's and 2016's are a second source beside
   nec-history's district counts, 2020's are where the district counts come
   from): per station, 계 vs
   the candidates' votes, 투표수 vs 계 + invalid (the row is spelled
   무표투표수), 선거인수 vs 투표수 + 기권수; stations that cast more ballots
   than their electorate, one aggregated finding per kind of station where
   that is how the kind is recorded (see :data:`STATION_KINDS`), individual
   findings for ordinary stations; per district, the stations' sums vs the
   district table (candidates spelled with R's name repair, ``하태경...5``,
   are reported once and compared without the suffix), and the tabulated
   winner vs the declared winner's votes.
6. **The two crawls** (``crawl_districts.csv``, ``crawl_candidates.csv.gz``, 1948–2020;
   :mod:`.crawls`): the shipped count against the other crawl of the NEC count
   (nec-history for 1948–1985, polis-korea for 1988–2020), district by district: a
   district in one only, the winner (most votes) and the winner's party, each
   candidate (in one only, spelled two ways, other votes, another party), and the
   electorate, ballots cast, valid and invalid votes. A figure one crawl lacks (NULL or
   0) is not compared; where a figure differs in many districts of a year, the note
   says how many and which way.
7. **Official national tables** (``official_seats.csv``): seats per party
   (district, list, total) and vote percentages vs the computed result.
   The computed share is what :func:`~korelect.results` prints: over the
   candidates' counted votes (list votes from 2004). Where the official
   figure is the share of the districts' valid votes instead, or what the
   counts may have lost for the party gives it (a shortfall in a district
   where its candidate has 0 votes; a declared winner's votes counted as 0),
   the note says so.
8. **Seed articles** (``seed_tables.csv``, from ``../shared/seeds`` by
   ``scripts/extract_seed_tables.py``): the seat tables by province and
   nationally, the tables' own sums, 2004's vote percentages by province
   (one decimal, as printed), the infobox (seats, popular vote, percentage,
   last election, seat change, swing), the turnout and the numbers in the
   prose (dates, thresholds, seats won). The seeds' party labels are mapped
   to the data's Korean names by :data:`SEED_PARTIES` (then the party
   registry, where present); "Last Election" and "Swing" follow
   :data:`CONTINUES`. A swing or turnout change is compared without its
   sign (the seeds print none), a swing against the seed's own percentage.

Party names are compared by the party registry's id (:func:`korelect.record.election.party_info`),
so that 신정당 and 신정치개혁당, or 자민련 and 자유민주연합, are one party.

>>> findings = audit(1996)
>>> any(f.where == "1996:daegu:달서구갑" for f in findings)
True
"""

from __future__ import annotations

from korelect.analysis.audit.common import (
    BALLOTS_ELECTORATE,
    CANDIDATES_VALID,
    CHECKS,
    CONTINUES,
    CRAWL_BALLOTS,
    CRAWL_CANDIDATE,
    CRAWL_DISTRICT,
    CRAWL_ELECTORATE,
    CRAWL_INVALID,
    CRAWL_NAME,
    CRAWL_PARTY,
    CRAWL_VALID,
    CRAWL_VOTES,
    CRAWL_WINNER,
    CRAWL_WINNER_PARTY,
    DECLARED,
    DECLARED_PARTY,
    DISTRICTS_LAW,
    LIST_PROVINCE,
    LIST_TURNOUT,
    LIST_VALID,
    OFFICIAL_PCT,
    OFFICIAL_SEATS,
    SECOND,
    SEED_INFOBOX,
    SEED_PARTIES,
    SEED_PCT,
    SEED_PROSE,
    SEED_SEATS,
    SEED_SUMS,
    SEED_TURNOUT,
    STATION_BALLOTS,
    STATION_DISTRICT,
    STATION_ELECTORATE,
    STATION_KIND,
    STATION_SUM,
    STATION_WINNER,
    VALID_BALLOTS,
    WINNER_BIRTH,
    WINNER_PCT,
    WINNER_VOTES,
)
from korelect.analysis.audit.report import audit, audit_text, audit_to_dict
from korelect.analysis.audit.seeds import seed_party
from korelect.record.findings import NO_COUNT, NO_RESULT

__all__ = [
    "BALLOTS_ELECTORATE",
    "CANDIDATES_VALID",
    "CHECKS",
    "CONTINUES",
    "CRAWL_BALLOTS",
    "CRAWL_CANDIDATE",
    "CRAWL_DISTRICT",
    "CRAWL_ELECTORATE",
    "CRAWL_INVALID",
    "CRAWL_NAME",
    "CRAWL_PARTY",
    "CRAWL_VALID",
    "CRAWL_VOTES",
    "CRAWL_WINNER",
    "CRAWL_WINNER_PARTY",
    "DECLARED",
    "DECLARED_PARTY",
    "DISTRICTS_LAW",
    "LIST_PROVINCE",
    "LIST_TURNOUT",
    "LIST_VALID",
    "NO_COUNT",
    "NO_RESULT",
    "OFFICIAL_PCT",
    "OFFICIAL_SEATS",
    "SECOND",
    "SEED_INFOBOX",
    "SEED_PARTIES",
    "SEED_PCT",
    "SEED_PROSE",
    "SEED_SEATS",
    "SEED_SUMS",
    "SEED_TURNOUT",
    "STATION_BALLOTS",
    "STATION_DISTRICT",
    "STATION_ELECTORATE",
    "STATION_KIND",
    "STATION_SUM",
    "STATION_WINNER",
    "VALID_BALLOTS",
    "WINNER_BIRTH",
    "WINNER_PCT",
    "WINNER_VOTES",
    "audit",
    "audit_text",
    "audit_to_dict",
    "seed_party",
]
