"""The record: korelect's figures for the article's election, computed on first use.

Built on the computed election the source audit uses too
(:class:`~korelect.record.computed.ComputedElection`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from fractions import Fraction

from korelect.analysis.article.checker.common import ALL, NATIONAL, Key
from korelect.analysis.article.checker.facts import Rec
from korelect.analysis.article.checker.numbers import Num
from korelect.base.numbers import fmt_count, fmt_decimal, round_half_up
from korelect.law.registry import rules_for
from korelect.law.rules import Rules
from korelect.record.computed import ComputedElection, list_source
from korelect.record.data import Dataset
from korelect.record.election import ElectionResult, results
from korelect.record.turnout import national_rate


class Record:
    """korelect's figures for one election, computed on first use."""

    def __init__(
        self, year: int, data: Dataset, rules: Rules | None = None, *, law: Rules | None = None
    ) -> None:
        self.year = year
        self.data = data
        self.law = law or rules or rules_for(year)
        """The rules the record is counted under, as :func:`korelect.results` adapts them."""
        self.election = ComputedElection.compute(data, year, rules)
        self.result: ElectionResult = self.election.result
        iso = self.election.date
        self.date = date.fromisoformat(iso) if iso else None
        self.counts = self.election.counts_source or "the counts"
        assembly = self.election.assembly
        self.list_source = f"korelect.results({year}) ({list_source(year, assembly)})"
        self.source = f"korelect.results({year}) ({self.counts})"
        self.law_source = f"korelect.rules_for({year})"
        self._previous: ElectionResult | bool | None = False

    def pid(self, name_ko: str) -> str:
        """The registry id of a Korean party name in the data."""
        return self.election.pid(name_ko)

    @property
    def previous(self) -> ElectionResult | None:
        """The election before, if korelect has it."""
        if self._previous is False:
            earlier = [y for y in self.data.years() if y < self.year]
            self._previous = results(max(earlier), data=self.data) if earlier else None
        return self._previous if isinstance(self._previous, ElectionResult) else None

    def value(self, key: Key) -> Rec | None:
        """The record's figure for a quantity (None where korelect has none)."""
        topic = key[0]
        if topic == "date":
            if self.date is None:
                return None
            return Rec(self.date, "korelect/data/elections.csv")
        if topic == "majority":
            total = self.law.total_seats
            return Rec(Num(Fraction(total // 2 + 1)), self.law_source, f"a majority of {total}")
        if topic == "seats":
            return self._seats(key[1], key[2], key[3])
        if topic in ("votes", "pct"):
            return self._votes(topic, key[1], key[2], key[3])
        if topic == "turnout":
            return self._turnout(key[1])
        if topic == "turnout change":
            return self._turnout_change(key[1])
        return None

    def _seats(self, who: str, tier: str, area: str) -> Rec | None:
        if who.startswith("label:"):
            return None
        if area == NATIONAL:
            if who == ALL:
                law = self.law
                by_tier = {"district": law.district_seats, "list": law.list_seats}
                return Rec(
                    Num(Fraction(by_tier.get(tier, law.total_seats))),
                    self.law_source,
                    f"{law.district_seats} district + {law.list_seats} list seats",
                )
            total = 0
            for p in self.result.parties:
                if matches(who, p.info.party_id):
                    total += {
                        "district": p.district_seats,
                        "list": p.list_seats,
                    }.get(tier, p.total_seats)
            return Rec(Num(Fraction(total)), self.source)
        if tier != "district":
            return None
        codes = area.split("+")
        seats = sum(
            n
            for line in self.result.provinces
            if line.code in codes
            for pid, n in line.seats.items()
            if matches(who, pid)
        )
        return Rec(Num(Fraction(seats)), self.source)

    def _votes(self, topic: str, who: str, ballot: str, area: str) -> Rec | None:
        if who.startswith("label:"):
            return None
        found = self._ballot(ballot, area)
        if found is None:
            return None
        votes, valid, source = found
        if who == ALL:
            if topic == "pct":
                return Rec(Num(Fraction(100)), source)
            what = "list" if ballot == "list" else "constituency"
            return Rec(Num(valid), source, f"valid {what} votes")
        part = sum((v for pid, v in votes.items() if matches(who, pid)), Fraction(0))
        what = "list" if ballot == "list" else "constituency"
        if topic == "votes":
            if part.denominator != 1:
                return None
            return Rec(Num(part), source, f"{what} votes")
        if not valid:
            return None
        share = part / valid * 100
        if part.denominator == 1:
            detail = f"{fmt_count(int(part))} of {fmt_count(int(valid))} valid {what} votes"
        else:
            detail = f"the published {what} share"
        return Rec(
            Num(share),
            source,
            f"{detail}; exact {fmt_decimal(share, 3)}%",
            valid if part.denominator == 1 else None,
        )

    def _ballot(self, ballot: str, area: str) -> tuple[dict[str, Fraction], Fraction, str] | None:
        """(votes by party id, the valid votes, the source) of one ballot in an area."""
        if area != NATIONAL:
            return self._provinces(ballot, area.split("+"))
        if ballot == "list":
            return self._national_list()
        votes: dict[str, Fraction] = defaultdict(Fraction)
        cands = self.data.candidates(self.year)
        if not cands:
            return None
        for c in cands:
            votes[self.pid(c.party_ko)] += c.votes or 0
        # the valid vote as korelect.results counts it: the districts' valid votes (an
        # uncontested district has none), which hold votes no candidate's count holds where
        # the candidates' votes fall short of them (1948, 1950)
        valid = sum(d.valid_votes or 0 for d in self.data.districts(self.year))
        whole = Fraction(valid) if valid else sum(votes.values(), Fraction(0))
        return dict(votes), whole, self.source

    def _national_list(self) -> tuple[dict[str, Fraction], Fraction, str] | None:
        """The list vote nationally: counts (2004–2016) or published shares (2020, 2024)."""
        if self.year < 2004:
            return None
        votes: dict[str, Fraction] = defaultdict(Fraction)
        if any(isinstance(p.votes, Fraction) for p in self.result.parties):
            for party in self.result.parties:
                votes[party.info.party_id] += Fraction(party.votes)
            votes["(the rest of the published shares)"] = 100 - sum(votes.values(), Fraction(0))
            return dict(votes), Fraction(100), self.source
        counted, _ = self.election.list_votes()
        if not counted:
            return None
        votes = {pid: Fraction(n) for pid, n in counted.items()}
        turnout = self.result.list_turnout
        valid = turnout.valid_votes if turnout and turnout.valid_votes else None
        return dict(votes), Fraction(valid or sum(votes.values())), self.list_source

    def _provinces(
        self, ballot: str, codes: list[str]
    ) -> tuple[dict[str, Fraction], Fraction, str] | None:
        """One ballot's votes in some provinces, over their valid votes."""
        lines = [p for p in self.result.provinces if p.code in codes]
        if not lines:
            return None
        votes: dict[str, Fraction] = defaultdict(Fraction)
        total = 0
        for line in lines:
            counts = line.list_votes if ballot == "list" else line.votes
            if not counts:
                return None
            for pid, n in counts.items():
                votes[pid] += n
            if ballot == "list":
                turnout = line.list_turnout
                valid = turnout.valid_votes if turnout else None
            else:  # the districts' valid votes, those without turnout figures too (1948–1967)
                valid = sum(
                    d.valid_votes or 0
                    for d in self.data.districts(self.year)
                    if d.province == line.code
                )
            total += valid or sum(counts.values())
        return dict(votes), Fraction(total), self.list_source if ballot == "list" else self.source

    def _turnout(self, ballot: str) -> Rec | None:
        t = self.result.list_turnout if ballot == "list" else self.result.turnout
        if t is None or t.rate is None:
            return None
        if ballot != "list" and national_rate(self.result) is None:
            return None  # figures for some districts only (1948–1967): no national turnout
        return Rec(
            Num(t.rate * 100),
            self.list_source if ballot == "list" else self.source,
            f"{fmt_count(t.ballots_cast or 0)} of {fmt_count(t.electorate or 0)}; exact "
            f"{fmt_decimal(t.rate * 100, 3)}%",
        )

    def _turnout_change(self, ballot: str) -> Rec | None:
        now = self._turnout(ballot)
        prev = self.previous
        if now is None or prev is None or not isinstance(now.value, Num):
            return None
        before = prev.list_turnout if ballot == "list" else prev.turnout
        if before is None or before.rate is None:
            if ballot != "list":
                return None  # no turnout figures for the election before
            return Rec("New", self.source, f"no {ballot} ballot in {prev.year}")
        if ballot != "list" and national_rate(prev) is None:
            return None  # figures for some of its districts only: no change to compare
        a = round_half_up(before.rate * 100, 2)
        b = round_half_up(now.value.value, 2)
        return Rec(
            Num(b - a),
            f"korelect.results({prev.year}); {self.source}",
            f"{fmt_decimal(a, 2)}% in {prev.year} → {fmt_decimal(b, 2)}%",
        )

    def vote_gap(self, who: str, printed: int) -> str:
        """Where a party's vote gap may come from (the audit's explanation), or ""."""
        rec = self.value(("votes", who, "constituency", NATIONAL))
        if rec is None or not isinstance(rec.value, Num) or self.year >= 2004:
            return ""
        diff = printed - int(rec.value.value)
        return self.election.vote_gap_note(who, diff)


def matches(who: str, pid: str) -> bool:
    """Whether a party id is counted in a ``who``."""
    if who == ALL:
        return True
    if who.startswith("other:"):
        return pid not in who.removeprefix("other:").split(",")
    return pid == who
