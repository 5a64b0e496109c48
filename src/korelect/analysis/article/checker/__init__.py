r"""Check an election article against itself, the law of its year and korelect's record.

:func:`check_article` takes an :class:`~korelect.analysis.article.model.Article` (any
article in the seed format, as :func:`~korelect.analysis.article.reader.read_article`
reads it) and returns one :class:`~korelect.record.findings.Finding` per
contradiction, in line order. Every finding names the article line it is about
(``line``), the figure korelect holds for right (``ours``) and the figure the
article prints there (``theirs``), and in ``sources`` the article file and,
where the record or the law is involved, korelect's source.

How it works
------------
Every number the article prints is a *statement* about a quantity: the
infobox's ``Seats1: 149``, the province table's Total row under DLP, and the
prose's "won 149 of the 299 seats" are three statements about the DLP's total
seats. The article's own arithmetic adds *derived* facts about the same
quantities: a column of province rows summed, ``Constituency total + PR list``,
``Seats − Last Election``, and the list seats that its own votes and district
seats give under the year's law (:func:`korelect.allocate` with
:func:`korelect.rules_for`). The record adds korelect's figure
(:func:`korelect.results`, the election dates, the law).

For each quantity the article's facts are compared with each other. The value
most of them give is taken for right; a tie goes to the value the record
gives, then to the more reliable kind of place (a sum of rows, then a table,
the infobox, the electoral-system paragraph, the prose), then to the earlier
line. Each fact that disagrees is a finding at its line, whose note names the
lines it contradicts and what the record says. Where the article agrees with
itself but not with the record, that is one finding at the first line that
prints the figure; so is a printed figure that agrees with the others only at the
edge of their rounding but not with the record (8.58% beside 8.57% where the
exact share is 8.574%). A sum (or an allocation, or a difference) that uses a
number already found wrong is not reported again: one wrong number, one
finding. Findings about the same line and place are merged into one.

Numbers are compared exactly: counts as integers, and a printed percentage
with the exact share rounded half up to the printed number of decimals (two
printed percentages agree when the ranges they round from overlap). A change
printed without a sign is compared by its size only, and a finding about it
says so. Shares are the NEC's: of the valid votes (the districts' valid votes
for the constituency vote, votes no candidate's count holds included, as
:func:`korelect.results` counts them; the list's valid votes for the list vote).
A number of more than 40 digits is not a figure (the reader warns about it).

Checking takes time and memory in proportion to the article: the facts about a
quantity are counted as agreeing through the ranges their figures round from
(:class:`~.numbers.Agreement`), not compared pair by pair; each paragraph's
capitalised phrases are read once for the claims' parties; a name is looked up
once, and a close name is searched for only for the first hundred unknown names
a finding reports; a note lists at most five other places printing a figure.

The law is what :func:`korelect.results` counts the year under: the rules given
(or named in the title) adapted to the year's counts, else the counts' own rules
(the year's law, reduced to the seats counted where the counts cover fewer seats
than it provides: 1948, 1950). Under an appointed tier (1973, 1978, or their law
applied), the appointed bloc's name is a party's, and the list seats the
article's own votes give go to it.

The checks (the ``check`` of a finding):

- ``election date``, ``previous seats``, ``seat change``, ``turnout``,
  ``majority``: the infobox against the prose, and Seat Change against Seats −
  Last Election;
- ``table totals``: a table's rows against its totals rows (per column, and
  ``Constituency total + PR list`` against ``Total``), and a row's parties
  against its Total seats;
- ``infobox vs tables``, ``tables``: the same figure in two places;
- ``prose claim``: "won N of the M seats", "won N out of M seats in X", "won N
  seats", "from A to B seats", "X% of the vote", against the infobox and tables;
- ``electoral system vs law``: the electoral-system paragraph's seats and
  thresholds against :func:`korelect.rules_for`;
- ``list seats vs own votes``: printed list seats against the allocation of
  the article's own votes;
- ``unknown party``: a party name the registry does not know for the year;
- ``... vs record``: seats (national and by province), votes, vote shares,
  turnout and the date against korelect's record;
- ``record checks skipped``: an article without a year, or for a year
  korelect has no data for, is checked against itself only.

Tables are read in two shapes: rows by region (``Seoul`` ... ``Constituency
total``, ``PR list``, ``Total``; party columns of seats, ``%`` or votes) and
rows by party (``| Party | Votes | % | Constituency seats | List seats | Total
seats |``, with ``Other parties``, ``Independents`` and ``Total`` rows). Region
rows are summed against a totals row only when they cover every province of
the year (a table of a few regions is a selection, not a sum). Names in a
"Political parties" table may also be parties of the previous election (the
outgoing assembly's). Without a year (nor an election date to take it from),
a name the registry gives to several parties is not an unknown name.

Not compared with the record: Last Election, Seat Change and Swing (they
depend on which earlier parties a party continues), leaders and speakers; a
turnout (or its change) where the counts have turnout figures for only some of
the districts that voted (1948–1967, :mod:`korelect.record.turnout`).
Not read as figures of the article: the law the electoral-system paragraph quotes
after "Legal source" ("two thirds of the 92 seats"), and "elected 2 members each"
(two-member districts, not the assembly).

The modules, in the order a check runs: :mod:`.infobox`, :mod:`.tables` and
:mod:`.prose` read the article into :class:`~.facts.Facts` (figures as
:mod:`.numbers`, party names through :mod:`.parties`); :mod:`.derived` adds
the sums across places and the allocation of the article's own votes;
:mod:`.compare` compares each quantity's facts with each other and with the
record (:mod:`.record`, built on :class:`korelect.record.computed.ComputedElection`);
:mod:`.law` checks the electoral-system paragraph's thresholds; :mod:`.check`
merges the findings (:func:`check_article`) and :mod:`.report` prints them. The
check names are in :mod:`.common`.

>>> from korelect.analysis.article.reader import read_article
>>> text = '''= 1992 South Korean legislative election =
...
... Infobox
... - Election Date: 24 March 1992
... - Party1: Democratic Liberal Party
... - Seats1: 149
...
... Legislative elections were held in South Korea on 25 March 1992.
... '''
>>> for finding in check_article(read_article(text, source="a.txt")):
...     print(finding.line, finding.check, "|", finding.ours, "|", finding.theirs)
8 election date | 24 March 1992 (infobox, Election Date, line 4) | 25 March 1992
"""

from __future__ import annotations

from korelect.analysis.article.checker.check import check_article, counterfactual_rules
from korelect.analysis.article.checker.common import (
    CHECKS,
    DATE,
    INFOBOX_TABLES,
    MAJORITY,
    OWN_VOTES,
    PREVIOUS,
    PROSE,
    REC_DATE,
    REC_PCT,
    REC_SEATS,
    REC_TURNOUT,
    REC_VOTES,
    SEAT_CHANGE,
    SKIPPED,
    SYSTEM,
    TABLES,
    TOTALS,
    TURNOUT,
    UNKNOWN,
)
from korelect.analysis.article.checker.report import check_text, check_to_dict

__all__ = [
    "CHECKS",
    "DATE",
    "INFOBOX_TABLES",
    "MAJORITY",
    "OWN_VOTES",
    "PREVIOUS",
    "PROSE",
    "REC_DATE",
    "REC_PCT",
    "REC_SEATS",
    "REC_TURNOUT",
    "REC_VOTES",
    "SEAT_CHANGE",
    "SKIPPED",
    "SYSTEM",
    "TABLES",
    "TOTALS",
    "TURNOUT",
    "UNKNOWN",
    "check_article",
    "check_text",
    "check_to_dict",
    "counterfactual_rules",
]
