"""Whole elections from the counts: every district, the list tier, provinces and turnout.

``results(year)`` counts each district (art. 188: plurality; the eldest on a
tie; unopposed candidates elected without a vote), takes the declared winner
where a source declares a different one (the record is the authority, and
the difference becomes a :class:`~korelect.record.findings.Finding`), sums the
votes the year's law uses for the list tier, and allocates the list seats
with :func:`korelect.allocate` under :func:`korelect.rules_for(year)`.

Votes for the list tier: constituency votes summed from the district counts
(1988–2000); the list vote's province totals (2004–2024); where counts have
only the published national shares (percent), those.

>>> r = results(1996)
>>> r.seats("신한국당"), r.total_seats
(139, 299)
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from korelect.base.numbers import Number, fmt_percent
from korelect.engine.allocate import allocate
from korelect.engine.allocation import Allocation
from korelect.engine.entries import Entry, Kind
from korelect.errors import (
    AllocationError,
    FileFormatError,
    InputError,
    UnknownElectionError,
    UnknownNameError,
)
from korelect.law.registry import registered_years, rules_for
from korelect.law.rules import Rules, VoteBasis
from korelect.law.rulesfile import load_rules
from korelect.record.counting import DistrictCount, count_district
from korelect.record.counts import Counts, counts_of, read_counts
from korelect.record.data import Candidate, Dataset, District, Winner, dataset
from korelect.record.findings import NO_COUNT, NO_RESULT, Finding
from korelect.record.parties import parties

INDEPENDENT = "무소속"
UNATTRIBUTED = "(votes missing from the candidates' counts)"


@lru_cache(maxsize=65_536)
def squash(text: str) -> str:
    """A name without spaces and separators, for comparing across sources (kept: names recur)."""
    return _SEPARATORS.sub("", text)


_SEPARATORS = re.compile(r"[\s·ㆍ.,()]")


@dataclass(frozen=True, slots=True)
class PartyInfo:
    """How a party is named and drawn."""

    name_ko: str
    name_en: str
    abbr: str
    colour: str
    party_id: str


def party_info(name_ko: str, year: int) -> PartyInfo:
    """English name, abbreviation and colour from the party registry (Korean name if unknown)."""
    try:
        party = parties().lookup(name_ko, year)
    except UnknownNameError:
        if name_ko == INDEPENDENT:
            return PartyInfo(name_ko, "Independent", "Ind.", "#9e9e9e", "independent")
        return PartyInfo(name_ko, name_ko, "", "#bdbdbd", name_ko)
    abbr = party.abbr or ("Ind." if name_ko == INDEPENDENT else "")
    return PartyInfo(party.name_ko, party.name_en, abbr, party.colour, party.id)


@dataclass(frozen=True, slots=True)
class Turnout:
    """Electorate, ballots cast, valid and invalid votes (None where no counts exist)."""

    electorate: int | None
    ballots_cast: int | None
    valid_votes: int | None
    invalid_votes: int | None

    @property
    def rate(self) -> Fraction | None:
        """Ballots cast over the electorate."""
        if not self.electorate or self.ballots_cast is None:
            return None
        return Fraction(self.ballots_cast, self.electorate)

    @classmethod
    def of(cls, districts: Iterable[District]) -> Turnout:
        """Sum over districts that were counted."""
        rows = [d for d in districts if d.electorate is not None]
        if not rows:
            return cls(None, None, None, None)
        return cls(
            sum(d.electorate or 0 for d in rows),
            sum(d.ballots_cast or 0 for d in rows),
            sum(d.valid_votes or 0 for d in rows),
            sum(d.invalid_votes or 0 for d in rows),
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record."""
        return {
            "electorate": self.electorate,
            "ballots_cast": self.ballots_cast,
            "valid_votes": self.valid_votes,
            "invalid_votes": self.invalid_votes,
            "turnout_pct": None if self.rate is None else round(float(self.rate) * 100, 2),
        }


@dataclass(frozen=True)
class DistrictResult:
    """One district: its count (where shipped), the declared winner and the seat's holder."""

    district: District
    count: DistrictCount | None
    declared: Winner | None
    winner_name: str
    winner_party: str
    how: str
    """``plurality``, ``eldest``, ``unopposed`` or ``declared`` (no counts, or the
    declared winner differs from the counts)."""
    others: tuple[tuple[str, str], ...] = ()
    """The other members elected (name, party) where the district elects more than one."""

    @property
    def name(self) -> str:
        """The district's Korean name."""
        return self.district.name_ko

    @property
    def members(self) -> tuple[tuple[str, str], ...]:
        """Every member elected, as (name, party): one per seat of the district."""
        return ((self.winner_name, self.winner_party), *self.others)


@dataclass(frozen=True, slots=True)
class PartyLine:
    """One party's line in the national table."""

    info: PartyInfo
    kind: Kind
    votes: Number
    """The votes the list tier used (percent for 2020 and 2024)."""
    vote_share: Fraction
    district_seats: int
    list_seats: int

    @property
    def total_seats(self) -> int:
        """District plus list seats."""
        return self.district_seats + self.list_seats


@dataclass(frozen=True)
class ProvinceLine:
    """One province: its district seats by party, votes by party and turnout."""

    code: str
    name_en: str
    name_ko: str
    seats: Mapping[str, int]
    """District seats by party id."""
    votes: Mapping[str, int]
    """Constituency votes by party id."""
    list_votes: Mapping[str, int]
    """List votes by party id (2004–2016)."""
    turnout: Turnout
    list_turnout: Turnout | None

    @property
    def total_seats(self) -> int:
        """District seats in the province."""
        return sum(self.seats.values())


@dataclass(frozen=True)
class ElectionResult:
    """A whole election computed from the counts."""

    year: int
    rules: Rules
    allocation: Allocation
    districts: tuple[DistrictResult, ...]
    parties: tuple[PartyLine, ...]
    provinces: tuple[ProvinceLine, ...]
    turnout: Turnout
    list_turnout: Turnout | None
    findings: tuple[Finding, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    """What was adapted to apply the rules to these counts (empty under their own law)."""
    counts: Counts | None = field(default=None, repr=False, compare=False)
    """The counts computed (a shipped year's, or a user's)."""

    @property
    def total_seats(self) -> int:
        """Seats in the assembly."""
        return sum(p.total_seats for p in self.parties)

    @property
    def law(self) -> Rules:
        """The election's own rules: its year's law, or what its counts name."""
        return self.counts.rules if self.counts is not None else rules_for(self.year)

    def seats(self, party: str) -> int:
        """Total seats of a party, by Korean or English name or abbreviation."""
        return self.party(party).total_seats

    def party(self, name: str) -> PartyLine:
        """A party's line, by Korean or English name or abbreviation."""
        for p in self.parties:
            if name in (p.info.name_ko, p.info.name_en, p.info.abbr, p.info.party_id):
                return p
        wanted = party_info(name, self.year).party_id
        for p in self.parties:
            if p.info.party_id == wanted:
                return p
        raise UnknownNameError(f"no party {name!r} in {self.year}")

    def district(self, name: str) -> DistrictResult:
        """A district by its Korean name (with or without the province) or id."""
        return find_district(self, name)

    def to_dict(self, *, provinces: bool = False) -> dict[str, object]:
        """A JSON-ready record."""
        return result_to_dict(self, provinces=provinces)

    def to_frame(self) -> Any:
        """The national table as a pandas DataFrame."""
        import pandas as pd  # noqa: PLC0415  (pandas is imported only when asked for)

        return pd.DataFrame(
            [
                {
                    "party": p.info.name_en,
                    "party_ko": p.info.name_ko,
                    "abbr": p.info.abbr,
                    "votes": float(p.votes) if isinstance(p.votes, Fraction) else p.votes,
                    "vote_share": float(p.vote_share),
                    "district_seats": p.district_seats,
                    "list_seats": p.list_seats,
                    "total_seats": p.total_seats,
                }
                for p in self.parties
            ]
        )


def _district_names(name_ko: str) -> tuple[str, ...]:
    """The names a district answers to.

    Its own, and for the numbered districts of 1973-1985 (``제1선거구(종로구·중구)``) the
    number alone, the areas it covers and each of them.

    >>> _district_names("제1선거구(종로구·중구)")
    ('제1선거구(종로구·중구)', '제1선거구', '종로구·중구', '종로구', '중구')
    >>> _district_names("종로구")
    ('종로구',)
    """
    head, paren, rest = name_ko.partition("(")
    if not paren or not rest.endswith(")"):
        return (name_ko,)
    inside = rest[:-1]
    areas = tuple(a for a in inside.split("·") if a)
    return (name_ko, head, inside, *(a for a in areas if a != inside))


def find_district(result: ElectionResult, name: str) -> DistrictResult:
    """Look a district up by id, by Korean name, or by 'province name'.

    A numbered district of 1973-1985 is also found by its number (``서울 제1선거구``) or by
    an area it covers (``서울 종로구``), where that names one district.
    """
    key = squash(name)
    exact = [
        d
        for d in result.districts
        if name == d.district.district_id or key == squash(d.district.name_ko)
    ]
    short = {p.code: (p.short_ko, p.name_ko, p.name_en) for p in dataset().provinces()}
    if not exact:
        exact = [
            d
            for d in result.districts
            if any(
                key == squash(prefix + d.district.name_ko)
                for prefix in short.get(d.district.province, ())
            )
        ]
    if not exact:
        exact = [
            d
            for d in result.districts
            if any(
                key == squash(prefix + alias)
                for alias in _district_names(d.district.name_ko)[1:]
                for prefix in ("", *short.get(d.district.province, ()))
            )
        ]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        options = ", ".join(d.district.district_id for d in exact)
        raise UnknownNameError(
            f"{name!r} names {len(exact)} districts in {result.year}; add the province: {options}"
        )
    partial = [
        d.district.district_id
        for d in result.districts
        if key and key in squash(d.district.name_ko)
    ]
    hint = f"; did you mean {', '.join(partial[:5])}?" if partial else ""
    raise UnknownNameError(f"no district {name!r} in {result.year}{hint}")


def _candidate_records(found: DistrictResult) -> list[dict[str, object]]:
    """The candidates of a counted district, each marked elected or not.

    Both members of a two-member district are; of two namesakes, only the one elected.
    """
    assert found.count is not None  # noqa: S101  (the caller checks)
    left = list(found.members)
    out: list[dict[str, object]] = []
    for c in found.count.candidates:
        elected = (c.name_ko, c.party_ko) in left
        if elected:
            left.remove((c.name_ko, c.party_ko))
        out.append(
            {"name_ko": c.name_ko, "party_ko": c.party_ko, "votes": c.votes, "elected": elected}
        )
    return out


def district_record(year: int, found: DistrictResult) -> dict[str, object]:
    """The record ``korelect district YEAR NAME --json`` prints."""
    count = found.count
    return {
        "year": year,
        "district_id": found.district.district_id,
        "province": found.district.province,
        "name_ko": found.district.name_ko,
        "winner": found.winner_name,
        "winner_party": found.winner_party,
        "how": found.how,
        "electorate": found.district.electorate,
        "ballots_cast": found.district.ballots_cast,
        "valid_votes": found.district.valid_votes,
        "invalid_votes": found.district.invalid_votes,
        "members": [{"name_ko": name, "party_ko": party} for name, party in found.members],
        "candidates": [] if count is None else _candidate_records(found),
        "source": found.district.source,
    }


def adapt_rules(year: int, rules: Rules) -> tuple[Rules, list[str]]:
    """Rules that can count ``year``'s votes, and the sentences saying what was adapted.

    The districts and the votes are the year's own: rules written for another
    number of districts are applied with the year's seats, and the list tier
    uses the votes the year's law counted.
    """
    return adapt_rules_to(rules_for(year), year, rules)


def adapt_rules_to(law: Rules, year: int, rules: Rules) -> tuple[Rules, list[str]]:
    """``rules`` made to count an election held under ``law`` (see :func:`adapt_rules`).

    The districts are the year's: their number and how many members each elects. The
    assembly keeps the year's size, except where one side has no elected list tier: rules
    without one give the year's constituency seats alone; rules with one, applied to a year
    whose law had none (1948-1960), add their own list seats to the year's districts.
    Adapting twice changes nothing more: the second time there is nothing to adapt.

    >>> from korelect.law.registry import rules_for
    >>> adapted, said = adapt_rules_to(rules_for(2004), 2004, rules_for(1958))
    >>> adapted.total_seats, adapted.district_seats
    (243, 243)
    >>> adapted, said = adapt_rules_to(rules_for(1958), 1958, rules_for(2004))
    >>> adapted.total_seats, adapted.list_seats
    (289, 56)
    """
    changes: dict[str, object] = {}
    notes = []
    districts = law.district_seats
    if rules.list_tier.formula == "none":
        total = districts
    elif law.list_tier.formula == "none":
        total = districts + rules.list_seats
    else:
        total = law.total_seats
    if (rules.total_seats, rules.district_seats) != (total, districts):
        changes["total_seats"] = total
        changes["district_seats"] = districts
        list_seats = total - districts
        head = (
            f"These rules provide {rules.district_seats} constituency and {rules.list_seats} "
            f"list seats; the {year} votes were cast for {districts} constituency seats"
        )
        if rules.list_tier.formula == "none":
            said = f", so they give the {year} assembly those {districts} seats alone"
            if law.list_seats:
                said += f", without the {law.list_seats} seats of its national tier"
        elif law.list_tier.formula == "none":
            said = (
                f" and its law had no national tier: these rules' {list_seats} list seats "
                f"are added to them ({total} in all)"
            )
        else:
            said = (
                f", so they are applied to the {year} assembly of {total} seats "
                f"({districts} constituency, {list_seats} list)"
            )
        notes.append(f"{head}{said}.")
        cap = getattr(rules.list_tier, "cap", None)
        if cap is not None and cap > list_seats:
            changes["cap"] = list_seats
            notes.append(f"The linked cap of {cap} is limited to those {list_seats}.")
    if rules.district_magnitude != law.district_magnitude:
        changes["district_magnitude"] = law.district_magnitude
        notes.append(
            f"The {year} constituencies elected {_members(law.district_magnitude)} each, "
            f"as its votes were cast, not {_members(rules.district_magnitude)}."
        )
    if rules.vote_basis is not law.vote_basis:
        changes["vote_basis"] = law.vote_basis
        if rules.list_tier.formula not in ("none", "appointed"):
            votes = "list votes" if law.vote_basis is VoteBasis.LIST else "constituency votes"
            notes.append(f"The list tier counts the {votes} cast in {year}, as its law did.")
    applied = f", applied to {year}"
    if not changes and rules.year not in (None, year, law.year) and applied not in rules.name:
        # another election's law that fits these counts as it is: named as applied to them,
        # so that no title reads as the year's own result
        changes["name"] = rules.name
        notes.append(
            f"These are the rules of the {rules.year} election, applied to the {year} votes "
            "as they are."
        )
    if not changes:
        return rules, notes
    changes["name"] = f"{rules.name}{applied}" if applied not in rules.name else rules.name
    return rules.replace(**changes), notes


def _members(n: int) -> str:
    return "one member" if n == 1 else f"{n} members"


def count_year(data: Dataset, year: int) -> tuple[list[DistrictResult], list[Finding]]:
    """Count every district of one shipped election (see :func:`count_districts`)."""
    return count_districts(counts_of(year, data))


def count_districts(counts: Counts) -> tuple[list[DistrictResult], list[Finding]]:
    """Count every district (art. 188) and compare with the declared winners.

    Where a source declares a winner other than the count's, the declared winner
    holds the seat and the difference is a :class:`~korelect.record.findings.Finding`.
    """
    year = counts.year
    by_district: dict[str, list[Candidate]] = defaultdict(list)
    for c in counts.candidates:
        by_district[c.district_id].append(c)
    declared: dict[str, list[Winner]] = defaultdict(list)
    for w in counts.winners:
        declared[w.district_id].append(w)
    results: list[DistrictResult] = []
    findings: list[Finding] = []
    for d in counts.districts:
        decl = declared.get(d.district_id, [])
        first = decl[0] if decl else None
        cands = by_district.get(d.district_id, [])
        if first is not None and not d.uncontested and all(c.votes is None for c in cands):
            cands = []  # listed without a count (1954/1958 Jeju): the declared winner holds it
        if not cands:
            if first is None:
                findings.append(
                    Finding(
                        year,
                        NO_RESULT,
                        d.district_id,
                        "no counts",
                        "no declared winner",
                        d.source,
                    )
                )
                continue
            results.append(
                DistrictResult(
                    d,
                    None,
                    first,
                    first.name_ko,
                    first.party_ko,
                    "declared",
                    tuple((w.name_ko, w.party_ko) for w in decl[1:]),
                )
            )
            continue
        count = count_district(d, cands)
        if d.magnitude > 1:
            results.append(_several_members(counts, d, count, decl, findings))
            continue
        name, party, how = count.winner.name_ko, count.winner.party_ko, count.how
        if first is not None and squash(first.name_ko) != squash(name):
            findings.append(
                Finding(
                    year,
                    "declared winner vs counts",
                    d.district_id,
                    f"counts: {name} ({party}) {count.winner.votes}",
                    f"declared: {first.name_ko} ({first.party_ko})",
                    f"{d.source}; {first.source}",
                    "the declared winner holds the seat",
                )
            )
            name, party, how = first.name_ko, first.party_ko, "declared"
        elif first is not None and (
            party_info(first.party_ko, year).party_id != party_info(party, year).party_id
        ):
            findings.append(
                Finding(
                    year,
                    "winner's party",
                    d.district_id,
                    f"counts: {name} of {party}",
                    f"declared: {first.party_ko}",
                    f"{d.source}; {first.source}",
                    "the declared party holds the seat",
                )
            )
            party = first.party_ko
        results.append(DistrictResult(d, count, first, name, party, how))
    return results, findings


def _several_members(
    counts: Counts,
    d: District,
    count: DistrictCount,
    declared: list[Winner],
    findings: list[Finding],
) -> DistrictResult:
    """A district of several members: the count's, unless the declared members differ."""
    members = [(c.name_ko, c.party_ko) for c in count.elected]
    how = count.how
    if declared and sorted(squash(w.name_ko) for w in declared) != sorted(
        squash(n) for n, _ in members
    ):
        findings.append(
            Finding(
                counts.year,
                "declared winner vs counts",
                d.district_id,
                "counts: " + ", ".join(f"{n} ({p})" for n, p in members),
                "declared: " + ", ".join(f"{w.name_ko} ({w.party_ko})" for w in declared),
                f"{d.source}; {declared[0].source}",
                "the declared winners hold the seats",
            )
        )
        members = [(w.name_ko, w.party_ko) for w in declared]
        how = "declared"
    (name, party), *others = members
    return DistrictResult(
        d, count, declared[0] if declared else None, name, party, how, tuple(others)
    )


def national_votes(data: Dataset, year: int, rules: Rules) -> dict[str, Number]:
    """The votes one shipped election's list tier uses (see :func:`counted_votes`)."""
    return counted_votes(counts_of(year, data), rules)


def counted_votes(counts: Counts, rules: Rules) -> dict[str, Number]:
    """The votes the list tier uses, by Korean party name.

    Constituency votes summed over the districts (1988–2000), or the list votes
    (2004 on), or, where only the published shares exist, the shares in percent.
    """
    votes: dict[str, Number] = defaultdict(int)
    if rules.vote_basis is VoteBasis.CONSTITUENCY:
        for c in counts.candidates:
            votes[c.party_ko] += c.votes or 0
    elif counts.list_votes:
        votes.update(counts.national_list_votes())
    else:
        for s in counts.list_shares:
            votes[s.party_ko] = Fraction(s.pct)
    return dict(votes)


RulesLike = Rules | int | str | os.PathLike[str]


def parse_year(value: object, data: Dataset | None = None) -> int:
    """The one year parser: an election year korelect has counts for, as an int.

    >>> parse_year(" 2004 "), parse_year(1988)
    (2004, 1988)
    >>> parse_year("2005")
    Traceback (most recent call last):
    ...
    korelect.errors.UnknownElectionError: no election data for 2005;
    known years: 1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985,
    1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024
    """
    years = (data or dataset()).years()
    year: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        year = int(value.strip())
    if year not in years:
        known = ", ".join(str(y) for y in years)
        shown = value.strip() if isinstance(value, str) else value
        raise UnknownElectionError(f"no election data for {shown}; known years: {known}")
    return year


def as_rules(value: RulesLike) -> Rules:
    """Rules given as rules, an election year (int or text) or a rules file (.toml)."""
    if isinstance(value, Rules):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return rules_for(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return rules_for(value.strip())
    if isinstance(value, str | os.PathLike):
        return load_rules(os.fspath(value))
    raise InputError(
        f"rules: expected Rules, an election year or a rules file (.toml) (got {value!r})"
    )


def as_counts(source: object, data: Dataset | None = None) -> Counts:
    """The counts a request names: a shipped year, a counts folder, or counts themselves."""
    if isinstance(source, Counts):
        return source
    if isinstance(source, os.PathLike) or (
        isinstance(source, str)
        and not (source.strip().isascii() and source.strip().isdigit())
        and ("/" in source or os.sep in source or Path(source).is_dir())
    ):
        return read_counts(source)
    return counts_of(parse_year(source, data), data)


def results(
    source: int | str | os.PathLike[str] | Counts,
    *,
    rules: RulesLike | None = None,
    data: Dataset | None = None,
    seed: int = 0,
) -> ElectionResult:
    """The one request: an election's assembly from its counts, under its law or other rules.

    ``source`` is an election year (``2004`` or ``"2004"``), a counts folder
    (``docs/COUNTS.md``; ``korelect export`` writes one) or :class:`Counts`. ``rules``
    are :class:`~korelect.Rules`, an election year or a rules file; rules written for
    another number of districts or another ballot are adapted once to these counts
    (:func:`adapt_rules_to`), and the result carries the sentences saying so in
    ``notes``.

    >>> r = results(2020, rules=2024)
    >>> r.rules.name, r.total_seats
    ('22nd National Assembly election (2024), applied to 2020', 300)
    >>> print(r.notes[0])
    These rules provide 254 constituency and 46 list seats; the 2020 votes were cast for
    253 constituency seats, so they are applied to the 2020 assembly of 300 seats
    (253 constituency, 47 list).
    """
    counts, used, notes = request(source, rules=rules, data=data)
    return compute(counts, used, seed=seed, notes=notes)


def request(
    source: int | str | os.PathLike[str] | Counts,
    *,
    rules: RulesLike | None = None,
    data: Dataset | None = None,
) -> tuple[Counts, Rules, tuple[str, ...]]:
    """What a request names, before anything is counted: the counts, and the rules adapted once.

    :func:`results` computes these; the batch paths (simulate) and the web's what-if start
    from them too, so every interface reads a year, a folder or rules the same way. Nothing
    is allocated here, so a tie the rules give no rule for is not raised yet.

    >>> counts, rules, notes = request(2004, rules=2024)
    >>> counts.year, rules.total_seats, len(notes)
    (2004, 299, 1)
    """
    counts = as_counts(source, data)
    if rules is None:
        return counts, counts.rules, ()
    asked = as_rules(rules)
    if counts.gaps and counts.year in registered_years() and asked == rules_for(counts.year):
        # the year's own law, as the counts compute it (1948, 1950: the seats no count covers
        # left out and said in the findings): not other rules
        return counts, counts.rules, ()
    adapted, said = adapt_rules_to(counts.rules, counts.year, asked)
    return counts, adapted, tuple(said)


def appointed_bloc(rules: Rules, year: int) -> PartyInfo | None:
    """The bloc an appointed tier fills (1973, 1978: 유신정우회), or None for an elected tier.

    It is named as the registry knows it in the rules' own year, so the bloc of 1973's law
    applied to 2004's counts is the same party as in 1973.

    >>> from korelect.law.registry import rules_for
    >>> appointed_bloc(rules_for(1973), 2004).party_id
    'yujeonghoe'
    >>> appointed_bloc(rules_for(2004), 2004) is None
    True
    """
    bloc = getattr(rules.list_tier, "bloc", None)
    if rules.list_tier.formula != "appointed" or not isinstance(bloc, str):
        return None
    return party_info(bloc, year if rules.year is None else rules.year)


def compute(
    counts: Counts, rules: Rules, *, seed: int = 0, notes: tuple[str, ...] = ()
) -> ElectionResult:
    """Count the districts and allocate the list seats of ``counts`` under ``rules``."""
    year = counts.year
    law = counts.rules
    districts, findings = count_districts(counts)
    covered = "; ".join(sorted({d.source for d in counts.districts if d.source})) or "the counts"
    findings += [
        Finding(year, NO_COUNT, str(year), gap, "the law's seats", covered) for gap in counts.gaps
    ]
    info: dict[str, PartyInfo] = {}

    def key(name_ko: str) -> str:
        party = party_info(name_ko, year)
        info.setdefault(party.party_id, party)
        return party.party_id

    seats: dict[str, int] = defaultdict(int)
    for d in districts:
        for _, party_ko in d.members:
            seats[key(party_ko)] += 1
    votes: dict[str, Number] = defaultdict(int)
    for name, v in counted_votes(counts, law).items():
        votes[key(name)] += v
    entries = []
    shares_only = any(isinstance(v, Fraction) for v in votes.values())
    for pid in dict.fromkeys([*votes, *seats]):
        kind = Kind.INDEPENDENT if info[pid].name_ko == INDEPENDENT else Kind.PARTY
        entries.append(Entry(pid, votes.get(pid, 0), seats.get(pid, 0), kind))
    appointed = appointed_bloc(rules, year)
    if appointed is not None:
        info.setdefault(appointed.party_id, appointed)
        entries.append(Entry(appointed.party_id, 0, 0, Kind.APPOINTED))
    if shares_only:
        rest = 100 - sum((Fraction(v) for v in votes.values()), Fraction(0))
        if rest > 0:
            entries.append(Entry("(other parties)", rest, 0, Kind.OTHER))
    elif law.vote_basis is VoteBasis.CONSTITUENCY:
        # The valid vote is the districts' valid votes; where the counts leave a candidate's
        # votes out (a source error that korelect audit reports), the gap still counts in every
        # share and threshold, as it did for the NEC, but belongs to no party here.
        valid = sum(d.valid_votes or 0 for d in counts.districts)
        gap = valid - sum((Fraction(v) for v in votes.values()), Fraction(0))
        if gap > 0:
            entries.append(Entry(UNATTRIBUTED, int(gap), 0, Kind.OTHER))
    try:
        allocation = allocate(entries, rules, seed=seed)
    except AllocationError as exc:
        folder = Path(counts.source)
        if any(votes.values()) or not (folder / "election.toml").is_file():
            raise
        raise FileFormatError(
            f"no list votes to allocate the list seats by ({exc}): give them in list_votes.csv "
            "(or the published shares in list_shares.csv)",
            path=str(folder / "list_votes.csv"),
        ) from None
    total = allocation.total_votes
    lines = tuple(
        PartyLine(
            info[p.name],
            p.kind,
            p.votes,
            Fraction(p.votes) / total if total else Fraction(0),
            p.district_seats,
            p.list_seats,
        )
        for p in allocation.parties
    )
    lines = tuple(
        sorted(
            lines, key=lambda p: (p.kind is Kind.INDEPENDENT, -p.total_seats, -Fraction(p.votes))
        )
    )
    return ElectionResult(
        year=year,
        rules=rules,
        allocation=allocation,
        districts=tuple(districts),
        parties=lines,
        provinces=_provinces(counts, districts),
        turnout=Turnout.of(counts.districts),
        list_turnout=_list_turnout(counts),
        findings=tuple(findings),
        notes=notes,
        counts=counts,
    )


def _list_turnout(counts: Counts) -> Turnout | None:
    rows = counts.list_turnout
    if not rows:
        return None
    return Turnout(
        sum(t.electorate for t in rows),
        sum(t.ballots_cast for t in rows),
        sum(t.valid_votes for t in rows),
        sum(t.invalid_votes for t in rows),
    )


def _provinces(counts: Counts, districts: list[DistrictResult]) -> tuple[ProvinceLine, ...]:
    year = counts.year
    seats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ids: dict[str, str] = {}

    def key(name_ko: str) -> str:
        if name_ko not in ids:
            ids[name_ko] = party_info(name_ko, year).party_id
        return ids[name_ko]

    for d in districts:
        for _, party_ko in d.members:
            seats[d.district.province][key(party_ko)] += 1
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    province_of = {d.district_id: d.province for d in counts.districts}
    for c in counts.candidates:
        votes[province_of[c.district_id]][key(c.party_ko)] += c.votes or 0
    list_votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for v in counts.list_votes:
        if v.level == "province":
            list_votes[v.province][key(v.party_ko)] += v.votes
    list_turnout = {t.province: t for t in counts.list_turnout}
    by_province: dict[str, list[District]] = defaultdict(list)
    for dist in counts.districts:
        by_province[dist.province].append(dist)
    lines = []
    for p in sorted(counts.provinces, key=lambda p: p.order):
        ds = by_province.get(p.code)
        if not ds:
            continue
        lt = list_turnout.get(p.code)
        lines.append(
            ProvinceLine(
                p.code,
                p.name_en,
                p.name_ko,
                dict(seats[p.code]),
                dict(votes[p.code]),
                dict(list_votes[p.code]),
                Turnout.of(ds),
                None
                if lt is None
                else Turnout(lt.electorate, lt.ballots_cast, lt.valid_votes, lt.invalid_votes),
            )
        )
    return tuple(lines)


def share_text(value: Fraction | None) -> str:
    """A share as a percentage with two decimals, or '-'."""
    return "-" if value is None else fmt_percent(value)


def party_record(p: PartyLine) -> dict[str, object]:
    """One party's line of ``korelect results --json``."""
    return {
        "name": p.info.name_en,
        "name_ko": p.info.name_ko,
        "abbr": p.info.abbr,
        "id": p.info.party_id,
        "kind": p.kind.value,
        "votes": float(p.votes) if isinstance(p.votes, Fraction) else p.votes,
        "vote_pct": round(float(p.vote_share) * 100, 4),
        "district_seats": p.district_seats,
        "list_seats": p.list_seats,
        "total_seats": p.total_seats,
    }


def result_to_dict(result: ElectionResult, *, provinces: bool) -> dict[str, object]:
    """The JSON record of ``korelect results``."""
    data: dict[str, object] = {
        "year": result.year,
        "rules": result.rules.name,
        "total_seats": result.total_seats,
        "parties": [party_record(p) for p in result.parties],
        "turnout": result.turnout.to_dict(),
        "list_turnout": None if result.list_turnout is None else result.list_turnout.to_dict(),
        "unopposed": [d.name for d in result.districts if d.how == "unopposed"],
        "findings": [f.to_dict() for f in result.findings],
        "notes": list(result.notes),
    }
    if provinces:
        data["provinces"] = [
            {
                "code": pl.code,
                "name": pl.name_en,
                "name_ko": pl.name_ko,
                "total_seats": pl.total_seats,
                "seats": dict(pl.seats),
                "votes": dict(pl.votes),
                "list_votes": dict(pl.list_votes),
                "turnout": pl.turnout.to_dict(),
                "list_turnout": None if pl.list_turnout is None else pl.list_turnout.to_dict(),
            }
            for pl in result.provinces
        ]
    return data
