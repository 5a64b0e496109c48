"""The source audit: every contradiction between or within korelect's sources.

The rule is: never trust one number. :func:`audit` compares every figure
that two sources (or one source and its own arithmetic) give for the same
thing, and returns one :class:`~korelect._findings.Finding` per
contradiction, naming the district or table, both figures and the sources.
Counts are compared as exact integers; a printed percentage is compared with
the computed share rounded half up to the printed number of decimals.

The checks, in the order findings are reported within a year:

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
   that candidate's counted votes.
3. **District arithmetic**: candidates' votes vs valid votes; valid +
   invalid vs ballots cast; ballots cast + abstentions vs electorate.
4. **List votes** (2004–2016): province total rows vs the sum of their
   sigungu rows (per party, and the turnout figures); parties' list votes vs
   the list's valid votes; the list turnout's own arithmetic.
5. **2020 polling stations** (``polling_2020.csv.gz``): per station, 계 vs
   the candidates' votes, 투표수 vs 계 + invalid (the row is spelled
   무표투표수), 선거인수 vs 투표수 + 기권수; stations that cast more ballots
   than their electorate, one aggregated finding per kind of station where
   that is how the kind is recorded (see :data:`STATION_KINDS`), individual
   findings for ordinary stations; per district, the stations' sums vs the
   district table, and the tabulated winner vs the declared winner's votes.
6. **Official national tables** (``official_seats.csv``): seats per party
   (district, list, total) and vote percentages vs the computed result.
   The computed share is what :func:`~korelect.results` prints: over the
   candidates' counted votes (list votes from 2004). Where the official
   figure is the share of the districts' valid votes instead, or what the
   counts may have lost for the party gives it (a shortfall in a district
   where its candidate has 0 votes; a declared winner's votes counted as 0),
   the note says so.
7. **Seed articles** (``seed_tables.csv``, from ``../shared/seeds`` by
   ``scripts/extract_seed_tables.py``): the seat tables by province and
   nationally, the tables' own sums, 2004's vote percentages by province
   (one decimal, as printed), the infobox (seats, popular vote, percentage,
   last election, seat change, swing), the turnout and the numbers in the
   prose (dates, thresholds, seats won). The seeds' party labels are mapped
   to the data's Korean names by :data:`SEED_PARTIES` (then the party
   registry, where present); "Last Election" and "Swing" follow
   :data:`CONTINUES`. A swing or turnout change is compared without its
   sign (the seeds print none), a swing against the seed's own percentage.

Party names are compared by the party registry's id (``_results.party_info``),
so that 신정당 and 신정치개혁당, or 자민련 and 자유민주연합, are one party.

>>> findings = audit(1996)
>>> any(f.where == "1996:daegu:달서구갑" for f in findings)
True
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from ._data import Candidate, Dataset, Winner, dataset
from ._findings import Finding
from ._numbers import fmt_decimal, round_half_up
from ._results import ElectionResult, Turnout, party_info, results, squash
from ._rules import rules_for
from ._thresholds import AllOf, AnyOf, Condition, DistrictSeats, VoteShare
from .errors import DataError, FileFormatError, UnknownNameError

__all__ = ["CHECKS", "SEED_PARTIES", "audit", "audit_text", "audit_to_dict"]

INDEPENDENT = "무소속"
WINNERS_PRIMARY = "krvote/chongun_winner.converted.csv"
WINNERS_PRIMARY_BY_YEAR = {2024: "assemblykor/legislators.csv"}
POLLING_FILE = "polling_2020.csv.gz"
POLLING_SOURCE = "krvote/general_2020_long.converted.csv"
SEED_FILE = "seed_tables.csv"
OFFICIAL_SOURCE = "official/national_results.csv"
LIST_SOURCE = "nec-history/assembly-counting_vote-{n}.0.json (proportional)"

# -- check names, in report order ----------------------------------------------------------
DISTRICTS_LAW = "districts vs law"
DECLARED = "declared winner vs counts"
DECLARED_PARTY = "winner's party"
NO_RESULT = "district without result"
SECOND = "second declaration"
WINNER_BIRTH = "winner's birth date"
WINNER_VOTES = "declared winner's votes"
CANDIDATES_VALID = "candidates vs valid votes"
VALID_BALLOTS = "valid + invalid vs ballots"
BALLOTS_ELECTORATE = "ballots + abstentions vs electorate"
LIST_PROVINCE = "list: province vs sigungu"
LIST_VALID = "list: parties vs valid votes"
LIST_TURNOUT = "list: turnout arithmetic"
STATION_SUM = "2020 stations: candidates vs 계"
STATION_BALLOTS = "2020 stations: 계 + invalid vs 투표수"
STATION_ELECTORATE = "2020 stations: 투표수 + 기권수 vs 선거인수"
STATION_KIND = "2020 stations: ballots over electorate"
STATION_DISTRICT = "2020 stations vs district table"
STATION_WINNER = "2020 declared winner vs stations"
OFFICIAL_SEATS = "official seats"
OFFICIAL_PCT = "official vote %"
SEED_SEATS = "seed: seats"
SEED_SUMS = "seed: table arithmetic"
SEED_PCT = "seed: vote %"
SEED_INFOBOX = "seed: infobox"
SEED_TURNOUT = "seed: turnout"
SEED_PROSE = "seed: prose"

CHECKS: tuple[str, ...] = (
    DISTRICTS_LAW,
    DECLARED,
    DECLARED_PARTY,
    NO_RESULT,
    SECOND,
    WINNER_BIRTH,
    WINNER_VOTES,
    CANDIDATES_VALID,
    VALID_BALLOTS,
    BALLOTS_ELECTORATE,
    LIST_PROVINCE,
    LIST_VALID,
    LIST_TURNOUT,
    STATION_SUM,
    STATION_BALLOTS,
    STATION_ELECTORATE,
    STATION_KIND,
    STATION_DISTRICT,
    STATION_WINNER,
    OFFICIAL_SEATS,
    OFFICIAL_PCT,
    SEED_SEATS,
    SEED_SUMS,
    SEED_PCT,
    SEED_INFOBOX,
    SEED_TURNOUT,
    SEED_PROSE,
)
"""Every check's name, in the order findings are reported within a year."""

#: The seed articles' party labels (table abbreviations and infobox names, without
#: a trailing "(South Korea)") as the data name the party that year.
SEED_PARTIES: Mapping[int, Mapping[str, str]] = {
    1992: {
        "DLP": "민주자유당",
        "Democratic Liberal Party": "민주자유당",
        "DP": "민주당",
        "Democratic": "민주당",
        "Democratic Party": "민주당",
        "UNP": "통일국민당",
        "Unification National Party": "통일국민당",
        "NPRP": "신정치개혁당",
        "New Political Reform Party": "신정치개혁당",
        "Ind.": INDEPENDENT,
    },
    1996: {
        "NKP": "신한국당",
        "New Korea Party": "신한국당",
        "NCNP": "새정치국민회의",
        "National Congress for New Politics": "새정치국민회의",
        "ULD": "자유민주연합",
        "United Liberal Democrats": "자유민주연합",
        "UDP": "통합민주당",
        "United Democratic": "통합민주당",
        "United Democratic Party": "통합민주당",
        "Ind.": INDEPENDENT,
    },
    2004: {
        "Uri": "열린우리당",
        "Uri Party": "열린우리당",
        "GNP": "한나라당",
        "Grand National Party": "한나라당",
        "DLP": "민주노동당",
        "Democratic Labor Party": "민주노동당",
        "MDP": "새천년민주당",
        "Millennium Democratic Party": "새천년민주당",
        "ULD": "자민련",
        "United Liberal Democrats": "자민련",
        "NI21": "국민통합21",
        "Ind.": INDEPENDENT,
    },
}

#: For the seeds' "Last Election", "Seat Change" and "Swing": the parties of the
#: previous election a party continues (renamed, or formed by their merger). A party
#: not listed was new: founded since, or split off (ULD 1995, NCNP 1995, Uri 2003).
CONTINUES: Mapping[int, Mapping[str, tuple[str, ...]]] = {
    1992: {"민주자유당": ("민주정의당", "통일민주당", "신민주공화당"), "민주당": ("평화민주당",)},
    1996: {"신한국당": ("민주자유당",), "통합민주당": ("민주당",)},
    2000: {"한나라당": ("신한국당", "통합민주당"), "새천년민주당": ("새정치국민회의",)},
    2004: {
        "한나라당": ("한나라당",),
        "민주노동당": ("민주노동당",),
        "새천년민주당": ("새천년민주당",),
        "자민련": ("자유민주연합",),
    },
}

#: Kinds of 2020 polling-station rows whose electorate does not cover their ballots
#: by the way they are recorded, and why. Ordinary stations are reported one by one.
STATION_KINDS: Mapping[str, str] = {
    "국외부재자투표(공관)": (
        "overseas absentee ballots cast at missions: the voters are on the district's "
        "국외부재자투표 row, so this row's electorate is 0 and its abstentions are minus "
        "its ballots"
    ),
    "잘못 투입·구분된 투표지": (
        "ballots put in the wrong box or sorted to the wrong station, counted where found: "
        "no electorate of their own"
    ),
    "관내사전투표": (
        "in-district early voting: the electorate is the early voters recorded at the "
        "desk, which can differ by a ballot or two from the ballots found in the box"
    ),
}
ABSENTEE_ROWS = ("거소·선상투표", "관외사전투표", "국외부재자투표", *STATION_KINDS)
REGION_TOTALS = {
    ("seats", "Constituency total"): "district",
    ("seats", "PR list"): "list",
    ("seats", "Total"): "total",
    ("constituency_seats", "Total"): "district",
    ("list_pct", "Seat allocation"): "list",
}
NATIONAL_PCT_ROWS = ("Total", "Overall total")


# ------------------------------------------------------------------------- helpers


def _n(value: int) -> str:
    return f"{value:,}"


def _printed(text: str) -> tuple[Fraction, int] | None:
    """A number as printed ('38.49%', '7,923,718', '3.91pp') and its decimals."""
    raw = text.strip().removesuffix("%").removesuffix("pp").replace(",", "").strip()
    if raw.endswith(" seats"):
        raw = raw.removesuffix(" seats")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Fraction(value), places


def _pct(value: Fraction, places: int) -> Fraction:
    """A share as a percentage rounded half up to ``places`` decimals."""
    return round_half_up(value * 100, places)


def _pct_text(value: Fraction, places: int) -> str:
    return fmt_decimal(value * 100, places)


def _share(part: int, whole: int) -> Fraction:
    return Fraction(part, whole) if whole else Fraction(0)


def _optional(data: Dataset, name: str) -> tuple[str, str] | None:
    """(label, text) of a data file that a folder Dataset may lack (None if so)."""
    if data.folder is not None and not (data.folder / name).exists():
        return None
    return data._open(name)


def _elections(data: Dataset) -> dict[int, tuple[int, str]]:
    """Year -> (assembly, ISO date) from ``elections.csv``."""
    return {
        r.integer("year"): (r.integer("assembly"), r.text("date"))
        for r in data._rows("elections.csv")
    }


def _thresholds(condition: Condition | None) -> tuple[list[int], list[Fraction]]:
    """(district-seat minimums, vote-share minimums) named anywhere in a threshold."""
    seats: list[int] = []
    shares: list[Fraction] = []
    if isinstance(condition, DistrictSeats):
        seats.append(condition.at_least)
    elif isinstance(condition, VoteShare):
        shares.append(condition.share)
    elif isinstance(condition, AnyOf | AllOf):
        for part in condition.conditions:
            more = _thresholds(part)
            seats += more[0]
            shares += more[1]
    return seats, shares


@dataclass
class _Year:
    """One election computed once, with the lookups the checks share."""

    data: Dataset
    year: int
    result: ElectionResult
    assembly: int
    date: str
    _ids: dict[str, str] = field(default_factory=dict)
    _constituency: tuple[dict[str, int], int, int | None] | None = None
    names: dict[str, str] = field(default_factory=dict)
    """Party id -> the Korean name first seen for it."""

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
                    f"the {_n(valid - total)} votes missing from the candidates of "
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
                        f"the {_n(w.votes)} votes {w.source} declares for {w.name_ko} in "
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


class _Context:
    """Results computed once per audit and shared between the checks."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.elections = _elections(data)
        self._years: dict[int, _Year] = {}
        self.law_findings: dict[int, list[Finding]] = defaultdict(list)

    def year(self, year: int) -> _Year:
        """The election of ``year``, computed once.

        Where the data has another number of districts than the law has
        district seats, the allocation could not run: the difference becomes a
        finding, and the election is computed with the law's list seats over
        the data's districts, so that the other checks still run.
        """
        if year not in self._years:
            assembly, when = self.elections.get(year, (0, ""))
            law = rules_for(year)
            count = len(self.data.districts(year))
            rules = None
            if count != law.district_seats:
                rules = law.replace(district_seats=count, total_seats=count + law.list_seats)
                self.law_findings[year].append(
                    Finding(
                        year,
                        DISTRICTS_LAW,
                        f"{year} districts",
                        f"{count} districts in the data",
                        f"{law.district_seats} district seats in the law",
                        f"districts.csv; LAW.md §2 (korelect.rules_for({year}))",
                        f"the audit allocates the law's {law.list_seats} list seats over the "
                        f"data's {count} districts",
                    )
                )
            result = results(year, data=self.data, rules=rules)
            self._years[year] = _Year(self.data, year, result, assembly, when)
        return self._years[year]

    def previous(self, year: int) -> _Year | None:
        """The election before ``year`` in the data (None for the first)."""
        earlier = [y for y in self.data.years() if y < year]
        return self.year(max(earlier)) if earlier else None


# ------------------------------------------------------------ 1. declared winners


def check_declared(ctx: _Context, year: int) -> list[Finding]:
    """The result's own findings, then a second declaration where one exists.

    A second source may list several members for one district (assemblykor: the
    winner and members who entered by by-election); it agrees when one of them
    is the first source's winner, whose party and birth date are then compared.
    """
    y = ctx.year(year)
    found = [*ctx.law_findings[year], *y.result.findings]
    primary = WINNERS_PRIMARY_BY_YEAR.get(year, WINNERS_PRIMARY)
    by_source: dict[str, dict[str, list[Winner]]] = defaultdict(lambda: defaultdict(list))
    for w in ctx.data.winners(year):
        by_source[w.source][w.district_id].append(w)
    first = {d: ws[-1] for d, ws in by_source.get(primary, {}).items()}
    births: list[Finding] = []
    for source, declared in sorted(by_source.items()):
        if source == primary:
            continue
        for district_id in sorted(set(first) | set(declared)):
            a, bs = first.get(district_id), declared.get(district_id, [])
            if a is None or not bs:
                b = bs[-1] if bs else None
                place = next(f"{w.province}:{w.district_ko}" for w in (a, b) if w is not None)
                found.append(
                    Finding(
                        year,
                        SECOND,
                        district_id or place,
                        f"{primary}: " + ("none" if a is None else f"{a.name_ko} ({a.party_ko})"),
                        f"{source}: " + ("none" if b is None else f"{b.name_ko} ({b.party_ko})"),
                        f"{primary}; {source}",
                        "a winner declared by one source only",
                    )
                )
                continue
            same = [b for b in bs if squash(b.name_ko) == squash(a.name_ko)]
            b = same[0] if same else bs[-1]
            person = not same
            party = not person and y.pid(a.party_ko) != y.pid(b.party_ko)
            if person or party:
                names = ", ".join(f"{w.name_ko} ({w.party_ko})" for w in bs)
                found.append(
                    Finding(
                        year,
                        SECOND,
                        district_id,
                        f"{primary}: {a.name_ko} ({a.party_ko})",
                        f"{source}: {names if person else f'{b.name_ko} ({b.party_ko})'}",
                        f"{primary}; {source}",
                        "a different person" if person else "a different party",
                    )
                )
            if not person and a.birth_date and b.birth_date and a.birth_date != b.birth_date:
                births.append(
                    Finding(
                        year,
                        WINNER_BIRTH,
                        district_id,
                        f"{primary}: {a.name_ko} born {a.birth_date.isoformat()}",
                        f"{source}: born {b.birth_date.isoformat()}",
                        f"{primary}; {source}",
                        _birth_note(a.birth_date, b.birth_date),
                    )
                )
    return found + births


def _birth_note(a: date, b: date) -> str:
    """What a gap between two birth dates may be, and why it matters."""
    gap = abs((a - b).days)
    why = "ties between candidates go to the eldest (art. 188): the first source's date is used"
    if a.replace(year=b.year) == b:
        return f"the same day, {abs(a.year - b.year)} year(s) apart; {why}"
    if gap <= 60:
        return f"{gap} days apart (a lunar and a solar calendar date?); {why}"
    return f"{gap} days apart; {why}"


# ------------------------------------------------------------- 2. winners' votes


def check_winner_votes(ctx: _Context, year: int) -> list[Finding]:
    """The votes each source declares for its winner vs that candidate's count."""
    data = ctx.data
    cands: dict[str, list[Candidate]] = defaultdict(list)
    for c in data.candidates(year):
        cands[c.district_id].append(c)
    districts = {d.district_id: d for d in data.districts(year)}
    found = []
    for w in data.winners(year):
        d = districts.get(w.district_id)
        if w.votes is None or d is None or d.valid_votes is None:
            continue
        here = cands.get(w.district_id, [])
        mine = [c for c in here if squash(c.name_ko) == squash(w.name_ko)]
        if not mine:
            found.append(
                Finding(
                    year,
                    WINNER_VOTES,
                    w.district_id,
                    "counts: no candidate " + w.name_ko,
                    f"declared: {w.name_ko} ({w.party_ko}) {_n(w.votes)}",
                    f"{d.source}; {w.source}",
                )
            )
            continue
        counted = mine[0].votes
        if counted == w.votes:
            continue
        notes = [
            f"{_n(w.votes)} is what the counts give {c.name_ko} ({c.party_ko})"
            for c in here
            if c is not mine[0] and c.votes == w.votes
        ]
        total = sum(c.votes or 0 for c in here)
        if total != d.valid_votes:
            notes.append(
                f"the candidates' votes fall {_n(d.valid_votes - total)} short of the "
                f"{_n(d.valid_votes)} valid votes"
            )
        found.append(
            Finding(
                year,
                WINNER_VOTES,
                w.district_id,
                f"counts: {w.name_ko} {_n(counted or 0)}",
                f"declared: {w.name_ko} ({w.party_ko}) {_n(w.votes)}",
                f"{d.source}; {w.source}",
                "; ".join(notes),
            )
        )
    return found


# ------------------------------------------------------------ 3. district arithmetic


def check_districts(ctx: _Context, year: int) -> list[Finding]:
    """Candidates vs valid votes; valid + invalid vs ballots; ballots + abstentions."""
    data = ctx.data
    cands: dict[str, list[tuple[str, str, int | None]]] = defaultdict(list)
    for c in data.candidates(year):
        cands[c.district_id].append((c.name_ko, c.party_ko, c.votes))
    sums: list[Finding] = []
    ballots: list[Finding] = []
    electorate: list[Finding] = []
    for d in data.districts(year):
        here = cands.get(d.district_id, [])
        if d.valid_votes is not None and here and all(v is not None for _, _, v in here):
            total = sum(v or 0 for _, _, v in here)
            if total != d.valid_votes:
                zero = [f"{n} ({p})" for n, p, v in here if v == 0]
                note = f"difference {_n(total - d.valid_votes)}"
                if zero and total < d.valid_votes:
                    note += f"; 0 votes in the counts for {', '.join(zero)}"
                sums.append(
                    Finding(
                        year,
                        CANDIDATES_VALID,
                        d.district_id,
                        f"sum of {len(here)} candidates {_n(total)}",
                        f"valid votes {_n(d.valid_votes)}",
                        d.source,
                        note,
                    )
                )
        ballots += _addition(
            Finding(year, VALID_BALLOTS, d.district_id, "", "", d.source),
            [("valid", d.valid_votes), ("invalid", d.invalid_votes)],
            ("ballots cast", d.ballots_cast),
        )
        electorate += _addition(
            Finding(year, BALLOTS_ELECTORATE, d.district_id, "", "", d.source),
            [("ballots", d.ballots_cast), ("abstentions", d.abstentions)],
            ("electorate", d.electorate),
        )
    return sums + ballots + electorate


def _addition(
    blank: Finding, parts: list[tuple[str, int | None]], total: tuple[str, int | None]
) -> list[Finding]:
    """``blank`` filled in where the parts do not add up to the total ([] if they do).

    Nothing is compared where a figure is missing (None).
    """
    values = [v for _, v in parts if v is not None]
    if total[1] is None or len(values) != len(parts) or sum(values) == total[1]:
        return []
    ours = " + ".join(f"{name} {_n(v or 0)}" for name, v in parts) + f" = {_n(sum(values))}"
    return [dataclasses.replace(blank, ours=ours, theirs=f"{total[0]} {_n(total[1])}")]


# ----------------------------------------------------------------- 4. list votes


def check_list(ctx: _Context, year: int) -> list[Finding]:
    """Province rows vs their sigungu rows; party votes vs valid; turnout arithmetic."""
    data = ctx.data
    rows = data.list_votes(year)
    turnout = data.list_turnout(year)
    if not rows and not turnout:
        return []
    source = LIST_SOURCE.format(n=ctx.elections.get(year, (0, ""))[0])
    province: dict[tuple[str, str], int] = defaultdict(int)
    sigungu: dict[tuple[str, str], int] = defaultdict(int)
    by_area: dict[tuple[str, str, str], int] = defaultdict(int)
    for v in rows:
        (province if v.level == "province" else sigungu)[(v.province, v.party_ko)] += v.votes
        by_area[(v.province, v.level, v.area)] += v.votes
    found = [
        Finding(
            year,
            LIST_PROVINCE,
            f"{year}:{prov} list votes, {party}",
            f"sum of sigungu rows {_n(sigungu.get((prov, party), 0))}",
            f"province total row {_n(province.get((prov, party), 0))}",
            source,
            f"difference {_n(province.get((prov, party), 0) - sigungu.get((prov, party), 0))}",
        )
        for prov, party in sorted(set(province) | set(sigungu))
        if province.get((prov, party), 0) != sigungu.get((prov, party), 0)
    ]
    fields = ("electorate", "ballots_cast", "valid_votes", "invalid_votes", "abstentions")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    heads = {t.province: t for t in turnout if t.level == "province"}
    for t in turnout:
        if t.level != "province":
            for name in fields:
                totals[t.province][name] += getattr(t, name)
    for prov, head in heads.items():
        for name in fields:
            mine, theirs = totals[prov][name], getattr(head, name)
            if prov in totals and mine != theirs:
                found.append(
                    Finding(
                        year,
                        LIST_PROVINCE,
                        f"{year}:{prov} list turnout, {name}",
                        f"sum of sigungu rows {_n(mine)}",
                        f"province total row {_n(theirs)}",
                        source,
                        f"difference {_n(theirs - mine)}",
                    )
                )
    for t in turnout:
        where = f"{year}:{t.province}" + (f":{t.area}" if t.area else " (province total)")
        parties = by_area.get((t.province, t.level, t.area), 0)
        if parties != t.valid_votes:
            found.append(
                Finding(
                    year,
                    LIST_VALID,
                    where + " list",
                    f"sum of party list votes {_n(parties)}",
                    f"list valid votes {_n(t.valid_votes)}",
                    source,
                    f"difference {_n(parties - t.valid_votes)}",
                )
            )
        blank = Finding(year, LIST_TURNOUT, where + " list", "", "", source)
        found += _addition(
            blank,
            [("valid", t.valid_votes), ("invalid", t.invalid_votes)],
            ("ballots cast", t.ballots_cast),
        )
        found += _addition(
            blank,
            [("ballots", t.ballots_cast), ("abstentions", t.abstentions)],
            ("electorate", t.electorate),
        )
    return found


# ---------------------------------------------------------- 5. 2020 polling stations


@dataclass
class _Station:
    province: str
    district: str
    sigungu: str
    emd: str
    station: str
    line: int
    figures: Counter[str] = field(default_factory=Counter)
    candidates: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def where(self) -> str:
        place = " ".join(p for p in (self.sigungu, self.emd) if p)
        name = "" if self.station == self.emd else f" {self.station}"
        return f"2020:{self.province}:{self.district} {place}{name}"

    @property
    def kind(self) -> str:
        if self.emd in ABSENTEE_ROWS:
            return self.emd
        if self.station == "관내사전투표":
            return self.station
        return "station"

    @property
    def invalid(self) -> int:
        return self.figures["무효투표수"] + self.figures["무표투표수"]


def read_polling(data: Dataset) -> list[_Station] | None:
    """The 2020 polling-station rows grouped by station, in file order (None if absent)."""
    opened = _optional(data, POLLING_FILE)
    if opened is None:
        return None
    label, text = opened
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    need = (
        "province",
        "district",
        "sigungu",
        "emd",
        "station",
        "category",
        "party_ko",
        "name_ko",
        "count",
    )
    missing = [c for c in need if c not in header]
    if missing:
        raise FileFormatError(f"missing column {missing[0]!r}", path=label, line=1)
    at = {c: header.index(c) for c in need}
    stations: dict[tuple[str, ...], _Station] = {}
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        key = tuple(row[at[c]] for c in ("province", "district", "sigungu", "emd", "station"))
        st = stations.get(key)
        if st is None:
            st = stations[key] = _Station(key[0], key[1], key[2], key[3], key[4], number)
        try:
            count = int(row[at["count"]])
        except ValueError:
            raise FileFormatError(
                f"expected an integer (got {row[at['count']]!r})",
                path=label,
                line=number,
                field="count",
            ) from None
        if row[at["name_ko"]]:
            person = (row[at["name_ko"]], row[at["party_ko"]])
            st.candidates[person] = st.candidates.get(person, 0) + count
        else:
            st.figures[row[at["category"]]] += count
    return list(stations.values())


def check_polling(ctx: _Context, year: int) -> list[Finding]:
    """2020: each station's arithmetic, kinds of stations, and districts vs stations."""
    if year != 2020:
        return []
    stations = read_polling(ctx.data)
    if stations is None:
        return []
    src = f"{POLLING_FILE} ({POLLING_SOURCE})"
    sums: list[Finding] = []
    ballots: list[Finding] = []
    electorate: list[Finding] = []
    over: list[Finding] = []
    kinds: dict[str, list[_Station]] = defaultdict(list)
    for st in stations:
        f = st.figures
        total = sum(st.candidates.values())
        if total != f["계"]:
            sums.append(
                Finding(
                    2020,
                    STATION_SUM,
                    st.where,
                    f"sum of {len(st.candidates)} candidates {_n(total)}",
                    f"계 {_n(f['계'])}",
                    f"{src}, line {st.line}",
                    f"difference {_n(total - f['계'])}",
                )
            )
        at = f"{src}, line {st.line}"
        ballots += _addition(
            Finding(2020, STATION_BALLOTS, st.where, "", "", at),
            [("계", f["계"]), ("invalid", st.invalid)],
            ("투표수", f["투표수"]),
        )
        electorate += _addition(
            Finding(2020, STATION_ELECTORATE, st.where, "", "", at),
            [("투표수", f["투표수"]), ("기권수", f["기권수"])],
            ("선거인수", f["선거인수"]),
        )
        if f["투표수"] > f["선거인수"]:
            if st.kind in STATION_KINDS:
                kinds[st.kind].append(st)
            else:
                over.append(
                    Finding(
                        2020,
                        STATION_KIND,
                        st.where,
                        f"투표수 {_n(f['투표수'])}",
                        f"선거인수 {_n(f['선거인수'])}",
                        f"{src}, line {st.line}",
                        "more ballots than voters at an ordinary station",
                    )
                )
    every = Counter(st.kind for st in stations)
    for kind, group in kinds.items():
        excess = sum(st.figures["투표수"] - st.figures["선거인수"] for st in group)
        zero = sum(1 for st in group if st.figures["선거인수"] == 0)
        over.append(
            Finding(
                2020,
                STATION_KIND,
                f"2020 stations of kind {kind}",
                f"{len(group)} of {every[kind]} rows cast more ballots than their electorate "
                f"({_n(excess)} ballots over; {zero} rows with electorate 0)",
                "선거인수 ≥ 투표수 expected at a polling station",
                src,
                f"how the kind is recorded, not an error: {STATION_KINDS[kind]}",
            )
        )
    return sums + ballots + electorate + over + _polling_districts(ctx, stations, src)


def _polling_districts(ctx: _Context, stations: list[_Station], src: str) -> list[Finding]:
    """Per district: the stations' sums vs the district table, and the declared winner."""
    data = ctx.data
    figures: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for st in stations:
        did = f"2020:{st.province}:{st.district}"
        figures[did].update(st.figures)
        for person, n in st.candidates.items():
            votes[did][person] = votes[did].get(person, 0) + n
    found: list[Finding] = []
    table = {d.district_id: d for d in data.districts(2020)}
    counted: dict[str, dict[str, int | None]] = defaultdict(dict)
    for c in data.candidates(2020):
        counted[c.district_id][c.name_ko] = c.votes
    for did, f in figures.items():
        d = table.get(did)
        if d is None:
            found.append(
                Finding(
                    2020,
                    STATION_DISTRICT,
                    did,
                    "stations: a district",
                    "no such district",
                    f"{src}; districts.csv",
                )
            )
            continue
        pairs = (
            ("electorate", f["선거인수"], d.electorate),
            ("ballots cast", f["투표수"], d.ballots_cast),
            ("valid votes", f["계"], d.valid_votes),
            ("invalid votes", f["무효투표수"] + f["무표투표수"], d.invalid_votes),
            ("abstentions", f["기권수"], d.abstentions),
        )
        for name, mine, theirs in pairs:
            if mine != theirs:
                found.append(
                    Finding(
                        2020,
                        STATION_DISTRICT,
                        did,
                        f"stations: {name} {_n(mine)}",
                        f"district table: {name} {'-' if theirs is None else _n(theirs)}",
                        f"{src}; {d.source} (districts.csv)",
                    )
                )
        for (name, party), n in votes[did].items():
            if counted[did].get(name) != n:
                theirs_votes = counted[did].get(name)
                found.append(
                    Finding(
                        2020,
                        STATION_DISTRICT,
                        did,
                        f"stations: {name} ({party}) {_n(n)}",
                        "candidates.csv: "
                        + ("no such candidate" if theirs_votes is None else _n(theirs_votes)),
                        f"{src}; candidates.csv",
                    )
                )
    winners = [w for w in data.winners(2020) if w.source == WINNERS_PRIMARY]
    for w in winners:
        tally = votes.get(w.district_id)
        if not tally:
            continue
        (top_name, top_party), top = max(tally.items(), key=lambda item: item[1])
        if squash(top_name) != squash(w.name_ko):
            found.append(
                Finding(
                    2020,
                    STATION_WINNER,
                    w.district_id,
                    f"stations: {top_name} ({top_party}) {_n(top)}",
                    f"declared: {w.name_ko} ({w.party_ko})",
                    f"{src}; {w.source}",
                    "a different person",
                )
            )
        elif w.votes is not None and w.votes != top:
            found.append(
                Finding(
                    2020,
                    STATION_WINNER,
                    w.district_id,
                    f"stations: {top_name} {_n(top)}",
                    f"declared: {w.name_ko} {_n(w.votes)}",
                    f"{src}; {w.source}",
                    f"difference {_n(w.votes - top)}",
                )
            )
    return found


# ------------------------------------------------------------ 6. official tables


def _share_note(y: _Year, pid: str, printed: Fraction, places: int) -> str:
    """Why a printed constituency share may differ from the party's share of the valid votes.

    Tries the party's votes plus what the counts may have lost for it
    (:meth:`_Year.missing_votes`).
    """
    votes, counted, valid = y.constituency_votes()
    own = votes.get(pid, 0)
    whole = valid if valid is not None else counted
    return "; ".join(
        f"{_n(own + extra)} of {_n(whole)} gives it: {why}"
        for extra, why in y.missing_votes(pid)
        if _pct(_share(own + extra, whole), places) == printed
    )


def check_official(ctx: _Context, year: int) -> list[Finding]:
    """Seats and vote percentages of ``official_seats.csv`` vs the computed result."""
    rows = ctx.data.official_seats(year)
    if not rows:
        return []
    y = ctx.year(year)
    lines = {p.info.party_id: p for p in y.result.parties}
    seats: list[Finding] = []
    shares: list[Finding] = []
    seen: set[str] = set()
    for o in rows:
        pid = y.pid(o.party_ko)
        seen.add(pid)
        line = lines.get(pid)
        src = f"{y.counts_source or 'the counts'}; {OFFICIAL_SOURCE} ({o.source})"
        where = f"national table: {o.party_ko} ({o.party_en})"
        mine = (
            (0, 0, 0) if line is None else (line.district_seats, line.list_seats, line.total_seats)
        )
        for name, ours, theirs in zip(
            ("district", "list", "total"),
            mine,
            (o.district_seats, o.list_seats, o.total_seats),
            strict=True,
        ):
            if ours != theirs:
                seats.append(
                    Finding(
                        year,
                        OFFICIAL_SEATS,
                        where,
                        f"{name} seats {ours}" + ("" if line else " (no such party computed)"),
                        f"{name} seats {theirs}",
                        src,
                    )
                )
        if o.constituency_vote_pct.strip():
            shares.extend(
                _compare_pct(
                    y,
                    OFFICIAL_PCT,
                    where + ", constituency vote %",
                    o.constituency_vote_pct,
                    pid,
                    src,
                )
            )
        if o.list_vote_pct.strip():
            if line is not None and year >= 2004:
                printed = _printed(o.list_vote_pct)
                if printed and _pct(line.vote_share, printed[1]) != printed[0]:
                    shares.append(
                        Finding(
                            year,
                            OFFICIAL_PCT,
                            where + ", list vote %",
                            f"{_pct_text(line.vote_share, printed[1])}% of the list votes",
                            o.list_vote_pct,
                            src,
                        )
                    )
            elif line is None:
                shares.append(
                    Finding(
                        year,
                        OFFICIAL_PCT,
                        where + ", list vote %",
                        "no such party computed",
                        o.list_vote_pct,
                        src,
                    )
                )
    for pid, line in lines.items():
        if pid not in seen and line.total_seats:
            seats.append(
                Finding(
                    year,
                    OFFICIAL_SEATS,
                    f"national table: {line.info.name_ko}",
                    f"{line.district_seats} district + {line.list_seats} list seats",
                    "not in the official table",
                    f"{y.counts_source or 'the counts'}; {OFFICIAL_SOURCE}",
                )
            )
    return seats + shares


def _compare_pct(
    y: _Year, check: str, where: str, text: str, pid: str, sources: str, note: str = ""
) -> list[Finding]:
    """A printed national constituency share vs the party's share of the valid votes.

    The denominator is the districts' valid votes (the NEC's 득표율, and what
    :func:`korelect.results` uses); the candidates' votes only where no
    district reports its valid votes.
    """
    printed = _printed(text)
    votes, counted, valid = y.constituency_votes()
    whole = valid if valid is not None else counted
    if printed is None or not whole:
        return []
    value, places = printed
    share = _share(votes.get(pid, 0), whole)
    if _pct(share, places) == value:
        return []
    why = _share_note(y, pid, value, places)
    label = "valid votes" if valid is not None else "counted constituency votes"
    return [
        Finding(
            y.year,
            check,
            where,
            f"{_pct_text(share, places)}% ({_n(votes.get(pid, 0))} of {_n(whole)} {label})",
            text,
            sources,
            "; ".join(n for n in (why, note) if n),
        )
    ]


# ---------------------------------------------------------------- 7. seed articles


@dataclass(frozen=True, slots=True)
class SeedCell:
    """One number of ``seed_tables.csv``."""

    seed_file: str
    year: int
    table: str
    row: str
    column: str
    value: str
    line: int

    @property
    def source(self) -> str:
        return f"seeds/{self.seed_file}, line {self.line}"


def read_seeds(data: Dataset) -> list[SeedCell]:
    """The rows of ``seed_tables.csv`` (none for a data folder without the file)."""
    opened = _optional(data, SEED_FILE)
    if opened is None:
        return []
    label, text = opened
    out = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        try:
            out.append(
                SeedCell(
                    row["seed_file"],
                    int(row["year"]),
                    row["table"],
                    row["row"],
                    row["column"],
                    row["value"],
                    int(row["line"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise FileFormatError("malformed seed table row", path=label, line=number) from None
    return out


def seed_party(label: str, year: int) -> str | None:
    """The data's Korean name for a seed's party label (None if unknown)."""
    short = re.sub(r"\s*\(South Korea\)$", "", label.strip())
    known = SEED_PARTIES.get(year, {})
    if short in known:
        return known[short]
    try:
        from ._parties import parties  # noqa: PLC0415  (the registry is optional here)

        return parties().lookup(short, year).name_ko
    except (ImportError, UnknownNameError, DataError):
        return None


@dataclass
class _Seed:
    """The numbers a seed is compared with, computed once per year."""

    y: _Year
    prev: _Year | None
    provinces: dict[str, str]
    """English province name -> code."""

    def pid(self, label: str) -> str | None:
        name = seed_party(label, self.y.year)
        return None if name is None else self.y.pid(name)

    def seats(self, kind: str, pids: Iterable[str] | None) -> int:
        """National seats of the given parties (all if None): district, list or total."""
        lines = self.y.result.parties
        chosen = [p for p in lines if pids is None or p.info.party_id in set(pids)]
        if kind == "district":
            return sum(p.district_seats for p in chosen)
        if kind == "list":
            return sum(p.list_seats for p in chosen)
        return sum(p.total_seats for p in chosen)

    def region(self, name: str) -> list[str]:
        """Province codes of a region name ('Seoul', 'Incheon and Gyeonggi'); [] if unknown."""
        codes = [self.provinces.get(part.strip()) for part in name.split(" and ")]
        return [c for c in codes if c] if all(codes) else []

    def region_seats(self, codes: list[str], pids: Iterable[str] | None) -> int:
        chosen = None if pids is None else set(pids)
        return sum(
            n
            for p in self.y.result.provinces
            if p.code in codes
            for pid, n in p.seats.items()
            if chosen is None or pid in chosen
        )


def check_seeds(ctx: _Context, year: int, cells: Sequence[SeedCell]) -> list[Finding]:
    """Every seed number of ``year`` vs the counts, the law and the seed's own sums."""
    mine = [c for c in cells if c.year == year]
    if not mine:
        return []
    seed = _Seed(
        ctx.year(year),
        ctx.previous(year),
        {p.name_en: p.code for p in ctx.data.provinces()},
    )
    return [
        *_seed_seats(seed, mine),
        *_seed_sums(seed, mine),
        *_seed_pct(seed, mine),
        *_seed_infobox(seed, mine),
        *_seed_turnout(seed, mine),
        *_seed_prose(ctx, seed, mine),
    ]


def _tables(cells: Iterable[SeedCell], *names: str) -> dict[str, dict[str, dict[str, SeedCell]]]:
    """Table -> row -> column -> cell, for the named tables."""
    out: dict[str, dict[str, dict[str, SeedCell]]] = defaultdict(lambda: defaultdict(dict))
    for c in cells:
        if c.table in names:
            out[c.table][c.row][c.column] = c
    return out


def _seed_seats(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """Seat tables: each region and party, and the national rows, vs the computed seats."""
    y = seed.y
    found: list[Finding] = []
    for table, rows in _tables(cells, "seats", "constituency_seats", "list_pct").items():
        party_columns = {
            col: seed.pid(col)
            for row in rows.values()
            for col in row
            if col not in ("Total seats", "Other")
        }
        named = {pid for pid in party_columns.values() if pid}
        for label, row in rows.items():
            kind = REGION_TOTALS.get((table, label))
            if table == "list_pct" and kind is None:
                continue  # percentages: see _seed_pct
            codes = [] if kind else seed.region(label)
            if not kind and not codes:
                first = next(iter(row.values()))
                found.append(
                    Finding(
                        y.year,
                        SEED_SEATS,
                        f"{table} table, {label}",
                        "no such province",
                        label,
                        first.source,
                    )
                )
                continue
            for column, cell in row.items():
                pids: list[str] | None
                if column == "Total seats":
                    pids = None
                elif column == "Other":
                    pids = [
                        p.info.party_id for p in y.result.parties if p.info.party_id not in named
                    ]
                else:
                    pid = party_columns[column]
                    if pid is None:
                        found.append(
                            Finding(
                                y.year,
                                SEED_SEATS,
                                f"{table} table, column {column}",
                                f"no {y.year} party called {column!r}",
                                cell.value,
                                cell.source,
                            )
                        )
                        continue
                    pids = [pid]
                ours = seed.seats(kind, pids) if kind else seed.region_seats(codes, pids)
                printed = _printed(cell.value)
                if printed is None or printed[0] != ours:
                    party = "all parties" if pids is None else column
                    found.append(
                        Finding(
                            y.year,
                            SEED_SEATS,
                            f"{table} table, {label}, {column}",
                            f"{ours} {kind or 'district'} seats (computed)",
                            cell.value,
                            f"{y.counts_source}; {cell.source}",
                            f"{party}: {_seats_note(seed, codes, pids)}",
                        )
                    )
            if not kind and table != "list_pct":
                extra = {
                    pid: n
                    for p in y.result.provinces
                    if p.code in codes
                    for pid, n in p.seats.items()
                    if n and pid not in named
                }
                for pid, n in extra.items():
                    first = next(iter(row.values()))
                    found.append(
                        Finding(
                            y.year,
                            SEED_SEATS,
                            f"{table} table, {label}",
                            f"{y.name(pid)}: {n} district seats (counts)",
                            "no column for this party",
                            f"{y.counts_source}; {first.source}",
                        )
                    )
    return found


def _seats_note(seed: _Seed, codes: list[str], pids: list[str] | None) -> str:
    """Which parties the computed figure counts."""
    if pids is None:
        return "every party"
    names = [seed.y.name(p) for p in pids]
    where = f" in {', '.join(codes)}" if codes else ""
    return f"{', '.join(names) or 'no party'}{where}"


def _seed_sums(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """A seat table's own arithmetic: rows add up to their total, columns to the total row."""
    found: list[Finding] = []
    year = seed.y.year
    for table, rows in _tables(cells, "seats", "constituency_seats").items():
        values = {
            label: {col: p[0] for col, c in row.items() if (p := _printed(c.value))}
            for label, row in rows.items()
        }
        for label, row in rows.items():
            if "Total seats" not in row:
                continue
            parts = sum(
                (v for col, v in values[label].items() if col != "Total seats"), Fraction(0)
            )
            if parts != values[label]["Total seats"]:
                found.append(
                    Finding(
                        year,
                        SEED_SUMS,
                        f"{table} table, {label}",
                        f"sum of the parties' seats {parts}",
                        f"Total seats {row['Total seats'].value}",
                        row["Total seats"].source,
                    )
                )
        total_row = "Constituency total" if table == "seats" else "Total"
        regions = [r for r in rows if (table, r) not in REGION_TOTALS]
        if total_row in rows:
            for col, cell in rows[total_row].items():
                parts = sum((values[r].get(col, Fraction(0)) for r in regions), Fraction(0))
                if parts != values[total_row][col]:
                    found.append(
                        Finding(
                            year,
                            SEED_SUMS,
                            f"{table} table, column {col}",
                            f"sum of the {len(regions)} regions {parts}",
                            f"{total_row} {cell.value}",
                            cell.source,
                        )
                    )
        if table == "seats" and {"Constituency total", "PR list", "Total"} <= set(rows):
            for col, cell in rows["Total"].items():
                both = values["Constituency total"].get(col, Fraction(0)) + values["PR list"].get(
                    col, Fraction(0)
                )
                if both != values["Total"][col]:
                    found.append(
                        Finding(
                            year,
                            SEED_SUMS,
                            f"{table} table, column {col}",
                            f"Constituency total + PR list = {both}",
                            f"Total {cell.value}",
                            cell.source,
                        )
                    )
    return found


def _seed_pct(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """2004's vote percentages by province (one decimal, as printed) vs the counts."""
    y = seed.y
    found: list[Finding] = []
    national_cons, counted, _ = y.constituency_votes()
    national_list, list_total = y.list_votes()
    provinces = {p.code: p for p in y.result.provinces}
    for table, rows in _tables(cells, "constituency_pct", "list_pct").items():
        is_list = table == "list_pct"
        named = {pid for col in next(iter(rows.values())) if (pid := seed.pid(col))}
        for label, row in rows.items():
            if (table, label) in REGION_TOTALS:
                continue
            if label in NATIONAL_PCT_ROWS:
                votes = national_list if is_list else national_cons
                whole = list_total if is_list else counted
                area = "national"
            else:
                codes = seed.region(label)
                if len(codes) != 1:
                    continue
                p = provinces.get(codes[0])
                if p is None:
                    continue
                votes = dict(p.list_votes if is_list else p.votes)
                whole = sum(votes.values())
                area = p.code
            for column, cell in row.items():
                if column == "Other":
                    pids = [pid for pid in votes if pid not in named]
                else:
                    pid = seed.pid(column)
                    pids = [] if pid is None else [pid]
                part = sum(votes.get(pid, 0) for pid in pids)
                printed = _printed(cell.value)
                if printed is None:
                    continue
                share = _share(part, whole)
                if _pct(share, printed[1]) != printed[0]:
                    what = "list votes" if is_list else "constituency votes"
                    found.append(
                        Finding(
                            y.year,
                            SEED_PCT,
                            f"{table} table, {label}, {column}",
                            f"{_pct_text(share, printed[1])} ({_n(part)} of {_n(whole)} {what}, "
                            f"{area})",
                            cell.value,
                            f"{y.counts_source}; {cell.source}",
                            f"exact {_pct_text(share, 3)}%",
                        )
                    )
    return found


def _infobox(cells: list[SeedCell]) -> dict[str, dict[str, SeedCell]]:
    out: dict[str, dict[str, SeedCell]] = defaultdict(dict)
    for c in cells:
        if c.table == "infobox":
            out[c.row][c.column] = c
    return out


def _previous(seed: _Seed, name_ko: str) -> list[str] | None:
    """The previous election's party ids a party continues; None for a new party."""
    if seed.prev is None:
        return None
    names = CONTINUES.get(seed.y.year, {}).get(name_ko)
    if not names:
        return None
    return [seed.prev.pid(n) for n in names]


def _seed_infobox(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """The infobox: seats, popular vote, percentage, last election, seat change, swing."""
    y = seed.y
    year = y.year
    found: list[Finding] = []
    cons, counted, valid = y.constituency_votes()
    lines = {p.info.party_id: p for p in y.result.parties}
    for label, fields in _infobox(cells).items():
        if label == "election":
            found.extend(_seed_election(seed, fields))
            continue
        name = seed_party(label, year)
        if name is None:
            first = next(iter(fields.values()))
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"infobox: {label}",
                    f"no {year} party called {label!r}",
                    label,
                    first.source,
                )
            )
            continue
        pid = y.pid(name)
        line = lines.get(pid)
        party = f"infobox: {label} ({name})"
        src = y.counts_source
        if "Seats" in fields:
            cell = fields["Seats"]
            ours = 0 if line is None else line.total_seats
            printed = _printed(cell.value)
            if printed is None or printed[0] != ours:
                found.append(
                    Finding(
                        year,
                        SEED_INFOBOX,
                        f"{party}, Seats",
                        f"{ours} seats (computed)",
                        cell.value,
                        f"{src}; {cell.source}",
                    )
                )
        if "Popular Vote" in fields and counted:
            cell = fields["Popular Vote"]
            ours = cons.get(pid, 0)
            printed = _printed(cell.value)
            if printed is None or printed[0] != ours:
                diff = 0 if printed is None else int(printed[0]) - ours
                found.append(
                    Finding(
                        year,
                        SEED_INFOBOX,
                        f"{party}, Popular Vote",
                        f"{_n(ours)} (sum of its candidates' votes)",
                        cell.value,
                        f"{src}; {cell.source}",
                        _vote_gap_note(seed, pid, diff),
                    )
                )
        if "Percentage" in fields and counted:
            cell = fields["Percentage"]
            note = ""
            votes = fields.get("Popular Vote")
            own = _printed(votes.value) if votes else None
            printed = _printed(cell.value)
            if (
                votes is not None
                and own
                and printed
                and valid
                and _pct(_share(int(own[0]), valid), printed[1]) == printed[0]
            ):
                note = f"= the seed's own {votes.value} of the {_n(valid)} valid votes"
            found.extend(
                _compare_pct(
                    y,
                    SEED_INFOBOX,
                    f"{party}, Percentage",
                    cell.value,
                    pid,
                    f"{src}; {cell.source}",
                    note,
                )
            )
        found.extend(_seed_history(seed, party, name, fields))
    return found


def _vote_gap_note(seed: _Seed, pid: str, diff: int) -> str:
    """Where a party's vote gap may come from: a candidate with exactly that many votes."""
    if not diff:
        return ""
    y = seed.y
    data = y.data
    by_district: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for c in data.candidates(y.year):
        by_district[c.district_id].append((c.name_ko, c.party_ko, c.votes or 0))
    declared = {d.district.district_id: d for d in y.result.districts}
    notes = []
    for did, cands in by_district.items():
        own_zero = [c for c in cands if y.pid(c[1]) == pid and c[2] == 0]
        others = [c for c in cands if y.pid(c[1]) != pid and c[2] == abs(diff)]
        if not (own_zero and others):
            continue
        for name, party, _ in others:
            text = (
                f"the difference, {_n(abs(diff))}, is exactly the votes the {y.year} counts give "
                f"{name} ({party}) in {did}"
            )
            d = declared.get(did)
            if d is not None and d.declared is not None and y.pid(d.declared.party_ko) == pid:
                text += (
                    f", whose declared winner is {d.declared.name_ko} ({d.declared.party_ko}) "
                    f"with {_n(own_zero[0][2])} votes in the counts"
                )
            notes.append(text)
    return "; ".join(notes)


def _seed_history(
    seed: _Seed, party: str, name_ko: str, fields: dict[str, SeedCell]
) -> list[Finding]:
    """Last Election, Seat Change and Swing vs the previous election."""
    y = seed.y
    year = y.year
    prev = seed.prev
    found: list[Finding] = []
    if prev is None:
        return found
    before = _previous(seed, name_ko)
    names = CONTINUES.get(year, {}).get(name_ko, ())
    basis = f"{prev.year}: {' + '.join(names)}" if names else f"a new party since {prev.year}"
    pid = y.pid(name_ko)
    now = next((p for p in y.result.parties if p.info.party_id == pid), None)
    seats_now = 0 if now is None else now.total_seats
    prev_seats = None if before is None else seed_prev_seats(prev, before)
    src = f"{prev.counts_source}; {y.counts_source}"
    if "Last Election" in fields:
        cell = fields["Last Election"]
        ours = "Did not exist" if prev_seats is None else f"{prev_seats} seats"
        printed = _printed(cell.value)
        same = (
            cell.value.strip().lower() == "did not exist"
            if prev_seats is None
            else printed is not None and printed[0] == prev_seats
        )
        if not same:
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"{party}, Last Election",
                    f"{ours} ({basis})",
                    cell.value,
                    f"{src}; {cell.source}",
                    ""
                    if prev_seats is not None or printed is None
                    else "the seed's figure may be the seats the party held before this election",
                )
            )
    if "Seat Change" in fields:
        cell = fields["Seat Change"]
        printed = _printed(cell.value)
        if prev_seats is None:
            same = cell.value.strip().lower() == "new"
            ours = "New"
        else:
            change = seats_now - prev_seats
            same = printed is not None and printed[0] == abs(change)
            ours = f"{change:+d} ({prev_seats} → {seats_now}; the seed prints no sign)"
        if not same:
            last = _printed(fields["Last Election"].value) if "Last Election" in fields else None
            note = ""
            if last and printed and abs(seats_now - last[0]) == printed[0]:
                note = "consistent with the seed's own Last Election"
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"{party}, Seat Change",
                    ours,
                    cell.value,
                    f"{src}; {cell.source}",
                    note,
                )
            )
    if "Swing" in fields and "Percentage" in fields:
        cell = fields["Swing"]
        printed = _printed(cell.value)
        places = printed[1] if printed else 2
        if before is None:
            same = cell.value.strip().lower() == "new"
            ours = "New"
        else:
            prev_lines = {p.info.party_id: p for p in prev.result.parties}
            then = sum(
                (_pct(prev_lines[b].vote_share, 2) for b in before if b in prev_lines),
                Fraction(0),
            )
            # The swing is checked against the seed's own percentage (which is checked
            # above), so that one wrong percentage is not reported twice.
            own = _printed(fields["Percentage"].value)
            now_pct = own[0] if own else Fraction(0)
            swing = now_pct - then
            same = printed is not None and printed[0] == abs(swing)
            ours = (
                f"{fmt_decimal(swing, places)}pp ({fmt_decimal(then, 2)}% in {prev.year}, "
                f"computed → the seed's {fmt_decimal(now_pct, 2)}%; the seed prints no sign)"
            )
        if not same:
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"{party}, Swing",
                    ours,
                    cell.value,
                    f"{src}; {cell.source}",
                )
            )
    return found


def seed_prev_seats(prev: _Year, pids: list[str]) -> int:
    """Total seats of the given parties in a previous election."""
    return sum(p.total_seats for p in prev.result.parties if p.info.party_id in pids)


def _seed_election(seed: _Seed, fields: dict[str, SeedCell]) -> list[Finding]:
    """The infobox's election fields: date, seats for election, majority."""
    y = seed.y
    found: list[Finding] = []
    total = y.result.total_seats
    if "Election Date" in fields:
        found.extend(_date_finding(y, fields["Election Date"], "infobox"))
    if "Seats For Election" in fields:
        cell = fields["Seats For Election"]
        m = re.search(r"\d+", cell.value)
        if m is None or int(m[0]) != total:
            found.append(
                Finding(
                    y.year,
                    SEED_INFOBOX,
                    "infobox: Seats For Election",
                    f"{total} seats (computed)",
                    cell.value,
                    f"{y.counts_source}; {cell.source}",
                )
            )
    if "Majority Seats" in fields:
        cell = fields["Majority Seats"]
        printed = _printed(cell.value)
        if printed is None or printed[0] != total // 2 + 1:
            found.append(
                Finding(
                    y.year,
                    SEED_INFOBOX,
                    "infobox: Majority Seats",
                    f"{total // 2 + 1} (a majority of {total})",
                    cell.value,
                    cell.source,
                )
            )
    return found


def _date_finding(y: _Year, cell: SeedCell, where: str) -> list[Finding]:
    try:
        printed = datetime.strptime(cell.value.strip(), "%d %B %Y").date()
    except ValueError:
        printed = None
    if not y.date:
        return []
    ours = date.fromisoformat(y.date)
    if printed == ours:
        return []
    return [
        Finding(
            y.year,
            SEED_PROSE if where == "prose" else SEED_INFOBOX,
            f"{where}: election date",
            f"{ours.isoformat()} (elections.csv)",
            cell.value,
            f"korelect/data/elections.csv; {cell.source}",
        )
    ]


def _turnout(result: ElectionResult, ballot: str) -> Turnout | None:
    """The turnout of one ballot (``list`` or the constituency ballot), if counted."""
    t = result.list_turnout if ballot == "list" else result.turnout
    return t if t is not None and t.rate is not None else None


def _seed_turnout(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """The infobox turnout and its change vs the counts (this and the previous election)."""
    y = seed.y
    found: list[Finding] = []
    for c in cells:
        if c.table != "turnout":
            continue
        is_list = c.row == "list"
        t = _turnout(y.result, c.row)
        ballot = "list ballot" if is_list else "constituency ballot"
        if t is None or t.rate is None:
            continue
        now = t.rate
        printed = _printed(c.value)
        places = printed[1] if printed else 2
        if c.column == "pct":
            if printed is None or _pct(now, places) != printed[0]:
                found.append(
                    Finding(
                        y.year,
                        SEED_TURNOUT,
                        f"infobox: turnout ({ballot})",
                        f"{_pct_text(now, places)}% ({_n(t.ballots_cast or 0)} of "
                        f"{_n(t.electorate or 0)})",
                        c.value,
                        f"{y.counts_source}; {c.source}",
                    )
                )
            continue
        prev = seed.prev
        before = None
        if prev is not None:
            earlier = _turnout(prev.result, c.row)
            before = None if earlier is None else earlier.rate
        if before is None:
            same = c.value.strip().lower() == "new"
            ours = "New" if prev is not None else "no previous election in the data"
        else:
            change = _pct(now, places) - _pct(before, places)
            same = printed is not None and printed[0] == abs(change)
            ours = (
                f"{fmt_decimal(change, places)}pp ({_pct_text(before, places)}% in "
                f"{prev.year if prev else ''} → {_pct_text(now, places)}%; the seed prints no sign)"
            )
        if not same:
            note = ""
            if printed and before is not None:
                low = fmt_decimal(_pct(now, places) - printed[0], places)
                high = fmt_decimal(_pct(now, places) + printed[0], places)
                note = f"the seed's change implies {low}% or {high}% in {prev.year if prev else ''}"
            found.append(
                Finding(
                    y.year,
                    SEED_TURNOUT,
                    f"infobox: turnout change ({ballot})",
                    ours,
                    c.value,
                    f"{prev.counts_source if prev else ''}; {y.counts_source}; {c.source}",
                    note,
                )
            )
    return found


def _seed_prose(ctx: _Context, seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """Dates, turnout, thresholds and seat claims in the text."""
    y = seed.y
    year = y.year
    found: list[Finding] = []
    law = rules_for(year)
    min_seats, min_shares = _thresholds(law.threshold)
    lines = {p.info.party_id: p for p in y.result.parties}
    claims: dict[str, dict[str, SeedCell]] = defaultdict(dict)
    for c in cells:
        if c.table != "prose":
            continue
        if c.row == "election" and c.column == "date":
            found.extend(_date_finding(y, c, "prose"))
        elif c.row == "election" and c.column == "turnout_pct":
            counted = _turnout(y.result, "constituency")
            rate = None if counted is None else counted.rate
            printed = _printed(c.value)
            if rate is not None and printed and _pct(rate, printed[1]) != printed[0]:
                found.append(
                    Finding(
                        year,
                        SEED_PROSE,
                        "prose: turnout",
                        f"{_pct_text(rate, printed[1])}%",
                        f"{c.value}%",
                        f"{y.counts_source}; {c.source}",
                    )
                )
        elif c.row == "list tier":
            found.extend(_threshold_finding(year, c, min_seats, min_shares))
        else:
            claims[c.row][c.column] = c
    for label, fields in claims.items():
        found.extend(_claim_findings(seed, label, fields, lines))
    return found


def _threshold_finding(
    year: int, c: SeedCell, min_seats: list[int], min_shares: list[Fraction]
) -> list[Finding]:
    printed = _printed(c.value)
    if printed is None:
        return []
    law = f"LAW.md §2; korelect.rules_for({year})"
    if c.column == "min_seats":
        if printed[0] in min_seats:
            return []
        ours = " or ".join(f"{n} constituency seats" for n in min_seats) or "no seat threshold"
        note = ""
        if year == 1992:
            note = "LAW.md §2: the Korean sources say 5 seats; 7 makes no difference in 1992"
        return [
            Finding(
                year,
                SEED_PROSE,
                "prose: list-tier threshold (seats)",
                ours,
                f"{c.value} seats",
                f"{law}; {c.source}",
                note,
            )
        ]
    if printed[0] in [s * 100 for s in min_shares]:
        return []
    ours = " or ".join(f"{fmt_decimal(s * 100, 0)}% of the valid vote" for s in min_shares)
    note = ""
    if year in (1996, 2000):
        note = "LAW.md §2: parties with 3% to under 5% got one seat each first, nothing more"
    return [
        Finding(
            year,
            SEED_PROSE,
            "prose: list-tier threshold (vote)",
            ours or "no vote threshold",
            f"{c.value}%",
            f"{law}; {c.source}",
            note,
        )
    ]


def _claim_findings(
    seed: _Seed, label: str, fields: dict[str, SeedCell], lines: Mapping[str, object]
) -> list[Finding]:
    """'PARTY won N of the M seats', 'PARTY in REGION', 'seats from A to B', 'X% of the vote'."""
    y = seed.y
    year = y.year
    found: list[Finding] = []
    party_label, _, region = label.partition(" in ")
    name = seed_party(party_label, year)
    first = next(iter(fields.values()))
    if name is None:
        won = fields.get("won")
        hint = ""
        if won is not None:
            value = _printed(won.value)
            same = [
                f"{p.info.name_ko}" + (f" ({p.info.abbr})" if p.info.abbr else "")
                for p in y.result.parties
                if value and p.total_seats == value[0]
            ]
            hint = f"{', '.join(same)} won {won.value} seats" if same else ""
        found.append(
            Finding(
                year,
                SEED_PROSE,
                f"prose: party {party_label!r}",
                f"no {year} party is called {party_label!r}",
                f"{party_label} " + ", ".join(f"{k} {v.value}" for k, v in fields.items()),
                first.source,
                hint,
            )
        )
        return found
    pid = y.pid(name)
    codes = seed.region(region) if region else []
    if region and not codes:
        return found
    for column, cell in fields.items():
        printed = _printed(cell.value)
        if printed is None:
            continue
        where = f"prose: {label}, {column}"
        src = f"{y.counts_source}; {cell.source}"
        if column in ("won", "of"):
            pids = [pid] if column == "won" else None
            if codes:
                ours = seed.region_seats(codes, pids)
                what = f"district seats in {', '.join(codes)}"
            else:
                ours = seed.seats("total", pids)
                what = "seats in all" if pids is None else f"seats ({name})"
            if printed[0] != ours:
                found.append(Finding(year, SEED_PROSE, where, f"{ours} {what}", cell.value, src))
        elif column == "before":
            before = _previous(seed, name)
            prev = seed.prev
            if before is None or prev is None:
                continue
            ours = seed_prev_seats(prev, before)
            if printed[0] != ours:
                names = " + ".join(CONTINUES.get(year, {}).get(name, ()))
                found.append(
                    Finding(
                        year,
                        SEED_PROSE,
                        where,
                        f"{ours} seats in {prev.year} ({names})",
                        cell.value,
                        f"{prev.counts_source}; {cell.source}",
                        "the infobox's Last Election gives the previous election's seats; the "
                        "prose's figure may be the seats held before this election",
                    )
                )
        elif column == "vote_pct":
            line = lines.get(pid)
            share = getattr(line, "vote_share", None)
            if isinstance(share, Fraction) and _pct(share, printed[1]) != printed[0]:
                what = "list vote" if year >= 2004 else "constituency vote"
                found.append(
                    Finding(
                        year,
                        SEED_PROSE,
                        where,
                        f"{_pct_text(share, printed[1])}% of the {what}",
                        f"{cell.value}%",
                        src,
                    )
                )
    return found


# ----------------------------------------------------------------------- the audit


def _year_findings(ctx: _Context, year: int, seeds: Sequence[SeedCell]) -> list[Finding]:
    found = [
        *check_declared(ctx, year),
        *check_winner_votes(ctx, year),
        *check_districts(ctx, year),
        *check_list(ctx, year),
        *check_polling(ctx, year),
        *check_official(ctx, year),
        *check_seeds(ctx, year, seeds),
    ]
    order = {name: i for i, name in enumerate(CHECKS)}
    return sorted(found, key=lambda f: order.get(f.check, len(order)))


def audit(year: int | None = None, *, data: Dataset | None = None) -> tuple[Finding, ...]:
    """Every contradiction found in the sources of ``year`` (every election if None).

    Findings come in a fixed order: by year, then by check (:data:`CHECKS`),
    then in the order of the data.

    >>> [f.where for f in audit(1996) if f.check == "declared winner vs counts"]
    ['1996:daegu:달서구갑']
    """
    data = data or dataset()
    years = data.years() if year is None else (int(year),)
    if year is not None and year not in data.years():
        results(year, data=data)  # raises UnknownElectionError, naming the known years
    ctx = _Context(data)
    seeds = read_seeds(data)
    found: list[Finding] = []
    for y in sorted(years):
        found.extend(_year_findings(ctx, y, seeds))
    return tuple(found)


def _counts(findings: Iterable[Finding]) -> tuple[Counter[int], Counter[tuple[int, str]]]:
    by_year: Counter[int] = Counter()
    by_check: Counter[tuple[int, str]] = Counter()
    for f in findings:
        by_year[f.year] += 1
        by_check[(f.year, f.check)] += 1
    return by_year, by_check


def audit_text(findings: Sequence[Finding]) -> str:
    """A report: findings grouped by year and check, one line each, and a count summary."""
    by_year, by_check = _counts(findings)
    out: list[str] = []
    if not findings:
        return "No contradictions found.\n"
    years = sorted(by_year)
    out.append(
        f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in "
        f"{len(years)} election{'s' if len(years) != 1 else ''} ({', '.join(map(str, years))})"
    )
    order = {name: i for i, name in enumerate(CHECKS)}
    for year in years:
        out.append("")
        out.append(f"== {year}: {by_year[year]} ==")
        checks = sorted(
            {f.check for f in findings if f.year == year},
            key=lambda c: (order.get(c, len(order)), c),
        )
        for check in checks:
            out.append(f"-- {check} ({by_check[(year, check)]})")
            for f in findings:
                if f.year == year and f.check == check:
                    text = f"  {f.where}: {f.ours} | {f.theirs} [{f.sources}]"
                    out.append(text + (f" ({f.note})" if f.note else ""))
    out.append("")
    out.append("Summary")
    totals: Counter[str] = Counter(f.check for f in findings)
    width = max(len(c) for c in totals)
    for check in sorted(totals, key=lambda c: (order.get(c, len(order)), c)):
        per_year = ", ".join(f"{y}: {by_check[(y, check)]}" for y in years if by_check[(y, check)])
        out.append(f"  {check:<{width}}  {totals[check]:>5}  ({per_year})")
    out.append(f"  {'total':<{width}}  {len(findings):>5}")
    return "\n".join(out) + "\n"


def audit_to_dict(findings: Sequence[Finding]) -> dict[str, object]:
    """A JSON-ready record: counts by year and by check, and every finding."""
    by_year, by_check = _counts(findings)
    checks: Counter[str] = Counter(f.check for f in findings)
    return {
        "count": len(findings),
        "by_year": {str(y): by_year[y] for y in sorted(by_year)},
        "by_check": dict(
            sorted(
                checks.items(),
                key=lambda item: CHECKS.index(item[0]) if item[0] in CHECKS else len(CHECKS),
            )
        ),
        "by_year_and_check": {
            str(y): {c: n for (yy, c), n in by_check.items() if yy == y} for y in sorted(by_year)
        },
        "findings": [f.to_dict() for f in findings],
    }
