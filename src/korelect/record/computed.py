"""One election computed once, with the figures the source audit and the article checker share.

:class:`ComputedElection` is :func:`~korelect.record.election.results` for a year
together with the lookups both need: the election's assembly and date (from
``elections.csv``), party ids of Korean names, the constituency and list votes
by party, and where the counts may have lost votes for a party.
:func:`threshold_minimums` reads the district-seat and vote-share minimums out
of a law's threshold.

>>> from korelect.record.data import dataset
>>> e = ComputedElection.compute(dataset(), 1996)
>>> e.assembly, e.date, e.result.total_seats
(15, '1996-04-11', 299)
>>> e.name(e.pid("신한국당"))
'신한국당'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from korelect.base.numbers import fmt_count
from korelect.law.rules import Rules
from korelect.law.thresholds import AllOf, AnyOf, Condition, DistrictSeats, VoteShare
from korelect.record.data import Dataset
from korelect.record.election import ElectionResult, party_info, results, squash

LIST_SOURCE = "nec-history/assembly-counting_vote-{n}.0.json (proportional)"
"""Where the list votes of 2004–2016 come from (``n``: the Assembly)."""
POLIS_LIST_SOURCE = "polis-korea/data/results/{n}-general-{year}.json (sido)"
"""Where the list votes of 2020 and 2024 come from (``n``: the Assembly as 21st, 22nd)."""


def list_source(year: int, assembly: int) -> str:
    """The file the shipped list votes of ``year`` come from.

    >>> list_source(2004, 17), list_source(2024, 22)
    ('nec-history/assembly-counting_vote-17.0.json (proportional)', \
'polis-korea/data/results/22nd-general-2024.json (sido)')
    """
    if year <= 2016:
        return LIST_SOURCE.format(n=assembly)
    teen = assembly % 100 in (11, 12, 13)
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(0 if teen else assembly % 10, "th")
    return POLIS_LIST_SOURCE.format(n=f"{assembly}{suffix}", year=year)


def election_dates(data: Dataset) -> dict[int, tuple[int, str]]:
    """Year -> (assembly, ISO date) from ``elections.csv``.

    >>> from korelect.record.data import dataset
    >>> election_dates(dataset())[1992]
    (14, '1992-03-24')
    """
    return {e.year: (e.assembly, e.date) for e in data.elections()}


def threshold_minimums(condition: Condition | None) -> tuple[list[int], list[Fraction]]:
    """(district-seat minimums, vote-share minimums) named anywhere in a threshold.

    >>> threshold_minimums(AnyOf((DistrictSeats(5), VoteShare(Fraction(3, 100)))))
    ([5], [Fraction(3, 100)])
    """
    seats: list[int] = []
    shares: list[Fraction] = []
    if isinstance(condition, DistrictSeats):
        seats.append(condition.at_least)
    elif isinstance(condition, VoteShare):
        shares.append(condition.share)
    elif isinstance(condition, AnyOf | AllOf):
        for part in condition.conditions:
            more = threshold_minimums(part)
            seats += more[0]
            shares += more[1]
    return seats, shares


@dataclass
class ComputedElection:
    """One election computed once, with the lookups the checks share."""

    data: Dataset
    year: int
    result: ElectionResult
    assembly: int
    date: str
    """The ISO date from ``elections.csv`` ("" where the year has no row)."""
    _ids: dict[str, str] = field(default_factory=dict)
    _constituency: tuple[dict[str, int], int, int | None] | None = None
    names: dict[str, str] = field(default_factory=dict)
    """Party id -> the Korean name first seen for it."""

    @classmethod
    def compute(cls, data: Dataset, year: int, rules: Rules | None = None) -> ComputedElection:
        """The election of ``year`` in ``data``, under ``rules`` (the year's law if None)."""
        result = results(year, data=data, rules=rules)
        assembly, when = election_dates(data).get(year, (0, ""))
        return cls(data, year, result, assembly, when)

    def pid(self, name_ko: str) -> str:
        """The party id of a Korean party name (the registry's, or the name itself)."""
        if name_ko not in self._ids:
            self._ids[name_ko] = party_info(name_ko, self.year).party_id
            self.names.setdefault(self._ids[name_ko], name_ko)
        return self._ids[name_ko]

    def name(self, pid: str) -> str:
        """A party id's Korean name (as the result or the data name it)."""
        for p in self.result.parties:
            if p.info.party_id == pid:
                return p.info.name_ko
        return self.names.get(pid, pid)

    @property
    def counts_source(self) -> str:
        """The source of the district counts ("" where no district names one)."""
        return next((d.source for d in self.data.districts(self.year) if d.source), "")

    def constituency_votes(self) -> tuple[dict[str, int], int, int | None]:
        """(votes by party id, the candidates' total, the districts' valid votes)."""
        if self._constituency is None:
            votes: dict[str, int] = defaultdict(int)
            for c in self.data.candidates(self.year):
                votes[self.pid(c.party_ko)] += c.votes or 0
            valid = [d.valid_votes for d in self.data.districts(self.year)]
            valid_total = None if all(v is None for v in valid) else sum(v or 0 for v in valid)
            self._constituency = (dict(votes), sum(votes.values()), valid_total)
        return self._constituency

    def missing_votes(self, pid: str) -> list[tuple[int, str]]:
        """Votes the counts may have lost for a party, each with where they are.

        A district whose candidates fall short of its valid votes while this
        party's candidate has 0 votes (the shortfall may be theirs), and a
        declared winner of this party with 0 counted votes (their declared votes).
        """
        out: list[tuple[int, str]] = []
        for d in self.result.districts:
            count = d.count
            valid = d.district.valid_votes
            if count is None or valid is None:
                continue
            total = sum(c.votes or 0 for c in count.candidates)
            zero = [c for c in count.candidates if c.votes == 0 and self.pid(c.party_ko) == pid]
            if zero and total < valid:
                why = (
                    f"the {fmt_count(valid - total)} votes missing from the candidates of "
                    f"{d.district.district_id}, where {zero[0].name_ko} has 0"
                )
                out.append((valid - total, why))
            w = d.declared
            if w is not None and w.votes and self.pid(w.party_ko) == pid:
                counted = next(
                    (c.votes for c in count.candidates if squash(c.name_ko) == squash(w.name_ko)),
                    None,
                )
                if counted == 0:
                    why = (
                        f"the {fmt_count(w.votes)} votes {w.source} declares for {w.name_ko} in "
                        f"{d.district.district_id} (0 in the counts)"
                    )
                    out.append((w.votes, why))
        return out

    def list_votes(self) -> tuple[dict[str, int], int]:
        """(national list votes by party id from the province rows, their total)."""
        votes: dict[str, int] = defaultdict(int)
        for v in self.data.list_votes(self.year):
            if v.level == "province":
                votes[self.pid(v.party_ko)] += v.votes
        return dict(votes), sum(votes.values())

    def vote_gap_note(self, pid: str, diff: int) -> str:
        """Where a party's vote gap may come from: a candidate with exactly that many votes.

        A district where this party's candidate has 0 votes and another
        candidate has exactly ``abs(diff)`` (the counts may have put the
        party's votes on the wrong line); "" where there is none.
        """
        if not diff:
            return ""
        by_district: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for c in self.data.candidates(self.year):
            by_district[c.district_id].append((c.name_ko, c.party_ko, c.votes or 0))
        declared = {d.district.district_id: d for d in self.result.districts}
        notes = []
        for did, cands in by_district.items():
            own_zero = [c for c in cands if self.pid(c[1]) == pid and c[2] == 0]
            others = [c for c in cands if self.pid(c[1]) != pid and c[2] == abs(diff)]
            if not (own_zero and others):
                continue
            for name, party, _ in others:
                text = (
                    f"the difference, {fmt_count(abs(diff))}, is exactly the votes the "
                    f"{self.year} counts give {name} ({party}) in {did}"
                )
                d = declared.get(did)
                if (
                    d is not None
                    and d.declared is not None
                    and self.pid(d.declared.party_ko) == pid
                ):
                    text += (
                        f", whose declared winner is {d.declared.name_ko} ({d.declared.party_ko}) "
                        f"with {fmt_count(own_zero[0][2])} votes in the counts"
                    )
                notes.append(text)
        return "; ".join(notes)
