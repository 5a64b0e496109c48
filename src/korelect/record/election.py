"""Whole elections from the counts: every district, the list tier, provinces and turnout.

``results(year)`` counts each district (art. 188: plurality; the eldest on a
tie; unopposed candidates elected without a vote), takes the declared winner
where a source declares a different one (the record is the authority, and
the difference becomes a :class:`~korelect.record.findings.Finding`), sums the
votes the year's law uses for the list tier, and allocates the list seats
with :func:`korelect.allocate` under :func:`korelect.rules_for(year)`.

Votes for the list tier: constituency votes summed from the district counts
(1988–2000); the list vote's province totals (2004–2016); the published
national shares (2020, 2024; no list counts are shipped). 2024 has no
district counts either: its district seats are the declared winners'.

>>> r = results(1996)
>>> r.seats("신한국당"), r.total_seats
(139, 299)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from korelect.base.numbers import Number, fmt_percent
from korelect.engine.allocate import allocate
from korelect.engine.allocation import Allocation
from korelect.engine.entries import Entry, Kind
from korelect.errors import UnknownElectionError, UnknownNameError
from korelect.law.registry import rules_for
from korelect.law.rules import Linked, Rules, VoteBasis
from korelect.record.counting import DistrictCount, count_district
from korelect.record.data import Dataset, District, Winner, dataset
from korelect.record.findings import Finding
from korelect.record.parties import parties

INDEPENDENT = "무소속"
UNATTRIBUTED = "(votes missing from the candidates' counts)"
DECLARED_SOURCE = {2024: "assemblykor/legislators.csv"}
DEFAULT_DECLARED = "krvote/chongun_winner.converted.csv"


def squash(text: str) -> str:
    """A name without spaces and separators, for comparing across sources."""
    return re.sub(r"[\s·ㆍ.,()]", "", text)


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

    @property
    def name(self) -> str:
        """The district's Korean name."""
        return self.district.name_ko


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

    @property
    def total_seats(self) -> int:
        """Seats in the assembly."""
        return sum(p.total_seats for p in self.parties)

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


def find_district(result: ElectionResult, name: str) -> DistrictResult:
    """Look a district up by id, by Korean name, or by 'province name'."""
    key = squash(name)
    exact = [
        d
        for d in result.districts
        if name == d.district.district_id or key == squash(d.district.name_ko)
    ]
    if not exact:
        short = {p.code: (p.short_ko, p.name_ko, p.name_en) for p in dataset().provinces()}
        exact = [
            d
            for d in result.districts
            if any(
                key == squash(prefix + d.district.name_ko)
                for prefix in short.get(d.district.province, ())
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
        "candidates": []
        if count is None
        else [
            {
                "name_ko": c.name_ko,
                "party_ko": c.party_ko,
                "votes": c.votes,
                "elected": c.name_ko == found.winner_name,
            }
            for c in count.candidates
        ],
        "source": found.district.source,
    }


def adapt_rules(year: int, rules: Rules) -> tuple[Rules, list[str]]:
    """Rules that can count ``year``'s votes, and the sentences saying what was adapted.

    The districts and the votes are the year's own: rules written for another
    number of districts are applied with the year's seats, and the list tier
    uses the votes the year's law counted.
    """
    law = rules_for(year)
    changes: dict[str, object] = {}
    notes = []
    if rules.district_seats != law.district_seats:
        changes["total_seats"] = law.total_seats
        changes["district_seats"] = law.district_seats
        notes.append(
            f"These rules provide {rules.district_seats} constituency and {rules.list_seats} "
            f"list seats; the {year} votes were cast in {law.district_seats} constituencies, so "
            f"they are applied to the {year} assembly of {law.total_seats} seats "
            f"({law.district_seats} constituency, {law.list_seats} list)."
        )
        tier = rules.list_tier
        if isinstance(tier, Linked) and tier.cap is not None and tier.cap > law.list_seats:
            changes["cap"] = law.list_seats
            notes.append(f"The linked cap of {tier.cap} is limited to those {law.list_seats}.")
    if rules.vote_basis is not law.vote_basis:
        changes["vote_basis"] = law.vote_basis
        votes = "list votes" if law.vote_basis is VoteBasis.LIST else "constituency votes"
        notes.append(f"The list tier counts the {votes} cast in {year}, the only votes there are.")
    if not changes:
        return rules, notes
    changes["name"] = f"{rules.name}, applied to {year}"
    return rules.replace(**changes), notes


def _declared(data: Dataset, year: int) -> dict[str, Winner]:
    source = DECLARED_SOURCE.get(year, DEFAULT_DECLARED)
    return {w.district_id: w for w in data.winners(year) if w.source == source and w.district_id}


def count_year(data: Dataset, year: int) -> tuple[list[DistrictResult], list[Finding]]:
    """Count every district of one election and compare with the declared winners."""
    districts = data.districts(year)
    by_district: dict[str, list[Any]] = defaultdict(list)
    for c in data.candidates(year):
        by_district[c.district_id].append(c)
    declared = _declared(data, year)
    births: dict[str, dict[str, Any]] = defaultdict(dict)
    # Birth dates decide ties (the eldest wins); where sources disagree (the audit reports
    # it) the declaring source's date stands, the others only fill in.
    primary = DECLARED_SOURCE.get(year, DEFAULT_DECLARED)
    for w in sorted(data.winners(year), key=lambda w: w.source == primary):
        if w.birth_date is not None:
            births[w.district_id][w.name_ko] = w.birth_date
    results: list[DistrictResult] = []
    findings: list[Finding] = []
    for d in districts:
        decl = declared.get(d.district_id)
        cands = by_district.get(d.district_id, [])
        if not cands:
            if decl is None:
                findings.append(
                    Finding(
                        year,
                        "district without result",
                        d.district_id,
                        "no counts",
                        "no declared winner",
                        d.source,
                    )
                )
                continue
            results.append(DistrictResult(d, None, decl, decl.name_ko, decl.party_ko, "declared"))
            continue
        count = count_district(d, cands, births.get(d.district_id))
        name, party, how = count.winner.name_ko, count.winner.party_ko, count.how
        if decl is not None and squash(decl.name_ko) != squash(name):
            findings.append(
                Finding(
                    year,
                    "declared winner vs counts",
                    d.district_id,
                    f"counts: {name} ({party}) {count.winner.votes}",
                    f"declared: {decl.name_ko} ({decl.party_ko})",
                    f"{d.source}; {decl.source}",
                    "the declared winner holds the seat",
                )
            )
            name, party, how = decl.name_ko, decl.party_ko, "declared"
        elif decl is not None and (
            party_info(decl.party_ko, year).party_id != party_info(party, year).party_id
        ):
            findings.append(
                Finding(
                    year,
                    "winner's party",
                    d.district_id,
                    f"counts: {name} of {party}",
                    f"declared: {decl.party_ko}",
                    f"{d.source}; {decl.source}",
                    "the declared party holds the seat",
                )
            )
            party = decl.party_ko
        results.append(DistrictResult(d, count, decl, name, party, how))
    return results, findings


def national_votes(data: Dataset, year: int, rules: Rules) -> dict[str, Number]:
    """The votes the year's list tier uses, by Korean party name."""
    votes: dict[str, Number] = defaultdict(int)
    if rules.vote_basis is VoteBasis.CONSTITUENCY:
        for c in data.candidates(year):
            votes[c.party_ko] += c.votes or 0
    elif data.list_votes(year):
        for v in data.list_votes(year):
            if v.level == "province":
                votes[v.party_ko] += v.votes
    else:
        for s in data.list_shares(year):
            votes[s.party_ko] = Fraction(s.pct)
    return dict(votes)


def results(
    year: int | str, *, rules: Rules | None = None, data: Dataset | None = None, seed: int = 0
) -> ElectionResult:
    """Compute the election of ``year`` from the shipped counts (optionally under other rules)."""
    data = data or dataset()
    try:
        year_int = int(year)
    except (TypeError, ValueError):
        year_int = -1
    if year_int not in data.years():
        known = ", ".join(str(y) for y in data.years())
        raise UnknownElectionError(f"no election data for {year}; known years: {known}")
    law = rules_for(year_int)
    rules = rules or law
    districts, findings = count_year(data, year_int)
    info: dict[str, PartyInfo] = {}

    def key(name_ko: str) -> str:
        party = party_info(name_ko, year_int)
        info.setdefault(party.party_id, party)
        return party.party_id

    seats: dict[str, int] = defaultdict(int)
    for d in districts:
        seats[key(d.winner_party)] += 1
    votes: dict[str, Number] = defaultdict(int)
    for name, v in national_votes(data, year_int, law).items():
        votes[key(name)] += v
    entries = []
    shares_only = any(isinstance(v, Fraction) for v in votes.values())
    for pid in dict.fromkeys([*votes, *seats]):
        kind = Kind.INDEPENDENT if info[pid].name_ko == INDEPENDENT else Kind.PARTY
        entries.append(Entry(pid, votes.get(pid, 0), seats.get(pid, 0), kind))
    if shares_only:
        rest = 100 - sum((Fraction(v) for v in votes.values()), Fraction(0))
        if rest > 0:
            entries.append(Entry("(other parties)", rest, 0, Kind.OTHER))
    elif law.vote_basis is VoteBasis.CONSTITUENCY:
        # The valid vote is the districts' valid votes; where the counts leave a candidate's
        # votes out (a source error that korelect audit reports), the gap still counts in every
        # share and threshold, as it did for the NEC, but belongs to no party here.
        valid = sum(d.valid_votes or 0 for d in data.districts(year_int))
        gap = valid - sum((Fraction(v) for v in votes.values()), Fraction(0))
        if gap > 0:
            entries.append(Entry(UNATTRIBUTED, int(gap), 0, Kind.OTHER))
    allocation = allocate(entries, rules, seed=seed)
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
        year=year_int,
        rules=rules,
        allocation=allocation,
        districts=tuple(districts),
        parties=lines,
        provinces=_provinces(data, year_int, districts),
        turnout=Turnout.of(data.districts(year_int)),
        list_turnout=_list_turnout(data, year_int),
        findings=tuple(findings),
    )


def _list_turnout(data: Dataset, year: int) -> Turnout | None:
    rows = [t for t in data.list_turnout(year) if t.level == "province"]
    if not rows:
        return None
    return Turnout(
        sum(t.electorate for t in rows),
        sum(t.ballots_cast for t in rows),
        sum(t.valid_votes for t in rows),
        sum(t.invalid_votes for t in rows),
    )


def _provinces(
    data: Dataset, year: int, districts: list[DistrictResult]
) -> tuple[ProvinceLine, ...]:
    seats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ids: dict[str, str] = {}

    def key(name_ko: str) -> str:
        if name_ko not in ids:
            ids[name_ko] = party_info(name_ko, year).party_id
        return ids[name_ko]

    for d in districts:
        seats[d.district.province][key(d.winner_party)] += 1
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    province_of = {d.district_id: d.province for d in data.districts(year)}
    for c in data.candidates(year):
        votes[province_of[c.district_id]][key(c.party_ko)] += c.votes or 0
    list_votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for v in data.list_votes(year):
        if v.level == "province":
            list_votes[v.province][key(v.party_ko)] += v.votes
    list_turnout = {t.province: t for t in data.list_turnout(year) if t.level == "province"}
    lines = []
    for p in data.provinces():
        ds = [d for d in data.districts(year) if d.province == p.code]
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
