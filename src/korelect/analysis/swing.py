"""Vote swing: move parties' national vote shares, recount every district and the list tier.

``swing(source, {"GNP": "+2", "Uri": "-2"})`` changes each named party's vote
share by the given percentage points and recomputes the election. ``source``
is what :func:`korelect.results` takes (a year, a counts folder or
:class:`~korelect.Counts`); the districts, candidates and list votes are the
counts', and other ``rules`` are adapted to them once, by ``results``.

* **Uniform** swing (``kind="uniform"``): in every district the party's
  candidate's share of the district's votes changes by the same points,
  floored at 0 and capped at 100%.
* **Proportional** swing (``kind="proportional"``): the candidate's share is
  multiplied by ``(S + change) / S``, where ``S`` is the party's national share
  in that tier (its constituency-vote share for the districts, its share of the
  list-tier votes for the list tier).

How the votes are balanced: the district's votes stay the same. The votes a
swung party gains or loses are taken from or given to every candidate of the
parties that are not swung, in proportion to their votes, so their shares keep
their ratios. Where the swung parties would together pass 100%, they are
scaled down to 100% and the others get nothing; where nobody else has votes,
the swung parties are scaled to fill the district. A party with two
candidates in one district has their combined share swung and split between
them in proportion to their votes (evenly where both had none). Votes are
exact :class:`~fractions.Fraction` objects throughout, and may be fractional.

"The district's votes" are the candidates' counted votes added up (where a
source leaves a candidate's count out, the gap is not part of any share).

Each counted district is recounted by plurality (art. 188(1)). A tie for the
most votes is settled by the eldest candidate where every tied candidate's
birth date is in the data, and otherwise raises
:class:`~korelect.errors.DataError` naming the district and the candidates.
A district that elects ``M`` members (a counts folder's ``magnitude``) is
recounted by :func:`~korelect.record.counting.count_district`: the top ``M``,
the eldest on a tie for the last seat. A member the unswung count elected
keeps the seat as :func:`korelect.results` holds it (which follows the
declared winner where a source declares another); a new member takes it for
their own party. Uncontested districts, and districts without counts, keep
their holders.

The list tier: the same change is applied to the votes
:func:`~korelect.record.election.counted_votes` gives for the counts' own law
(constituency votes summed nationally for 1988–2000; list votes for
2004–2016; the published list shares for 2020) with the same balancing; the
"other parties" and unattributed-vote buckets count as parties that are not
swung. The list seats are then allocated with :func:`korelect.allocate` under
the year's law, or under ``rules``. A party that is not on a tier's ballot
(no candidate in a district, no list) is not swung there; a satellite list
(2020) is a party of its own and is swung only when it is named.

Only counts with district counts can be swung (every shipped year has them; a
folder of declared winners only has none).

>>> r = swing(2004, {"GNP": "+2", "Uri": "-2"})
>>> r.line("GNP").swung_total - r.line("GNP").base_total > 0
True
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from korelect.base.numbers import Number
from korelect.base.table import grid
from korelect.engine.allocate import allocate
from korelect.engine.allocation import Allocation
from korelect.engine.entries import Entry, Kind
from korelect.errors import DataError, InputError, UnknownNameError
from korelect.law.rules import Rules, VoteBasis
from korelect.record.counting import CandidateCount, count_district
from korelect.record.counts import Counts
from korelect.record.data import Candidate, Dataset, dataset
from korelect.record.election import (
    INDEPENDENT,
    UNATTRIBUTED,
    DistrictResult,
    PartyInfo,
    RulesLike,
    appointed_bloc,
    as_counts,
    counted_votes,
    party_info,
    results,
)
from korelect.record.parties import parties

Source = int | str | os.PathLike[str] | Counts
"""What :func:`swing` recounts: an election year, a counts folder or counts."""
SwingKind = Literal["uniform", "proportional"]
KINDS: tuple[str, ...] = ("uniform", "proportional")
OTHERS = "(other parties)"
_HUNDRED = Fraction(100)


# ----------------------------------------------------------------- pure swing


def swing_votes(
    lines: Sequence[tuple[str, Number]],
    changes: Mapping[str, Fraction],
    *,
    kind: str = "uniform",
    national: Mapping[str, Fraction] | None = None,
) -> tuple[Fraction, ...]:
    """Swing one count: ``lines`` are (party, votes); returns the new votes, in order.

    ``changes`` are percentage points by party; ``national`` the parties'
    national shares (fractions of 1), needed for a proportional swing. The
    total of the votes stays the same; parties not in ``changes`` absorb the
    difference in proportion to their votes.

    A district of 1,000 votes: A 500, B 300, C 200; A gains 10 points.

    >>> lines = [("A", 500), ("B", 300), ("C", 200)]
    >>> [str(v) for v in swing_votes(lines, {"A": Fraction(10)})]
    ['600', '240', '160']

    Proportionally, with A at 40% nationally, A's share is multiplied by 50/40:

    >>> [str(v) for v in swing_votes(lines, {"A": Fraction(10)}, kind="proportional",
    ...                              national={"A": Fraction(2, 5)})]
    ['625', '225', '150']
    """
    if kind not in KINDS:
        raise InputError(f"'kind' must be one of {', '.join(KINDS)} (got {kind!r})")
    votes = [Fraction(v) for _, v in lines]
    total = sum(votes, Fraction(0))
    if total == 0:
        return tuple(votes)
    shares = [v / total for v in votes]
    swung_old: dict[str, Fraction] = defaultdict(Fraction)
    count: dict[str, int] = defaultdict(int)
    for (party, _), share in zip(lines, shares, strict=True):
        if party in changes:
            swung_old[party] += share
            count[party] += 1
    swung_new: dict[str, Fraction] = {}
    for party, old in swung_old.items():
        points = changes[party] / _HUNDRED
        if kind == "uniform":
            new = max(Fraction(0), old + points)
        else:
            base = (national or {}).get(party)
            if base is None or base <= 0:
                raise InputError(
                    f"a proportional swing of {party!r} needs its national share, "
                    f"which must be > 0 (got {base})"
                )
            new = old * (base + points) / base
        swung_new[party] = min(Fraction(1), new)
    new_total = sum(swung_new.values(), Fraction(0))
    rest_old = 1 - sum(swung_old.values(), Fraction(0))
    if new_total > 1 or (rest_old == 0 and new_total > 0):
        swung_new = {p: s / new_total for p, s in swung_new.items()}
        new_total = Fraction(1)
    rest_factor = (1 - new_total) / rest_old if rest_old else Fraction(0)
    result = []
    for (party, _), share in zip(lines, shares, strict=True):
        if party in swung_new:
            old = swung_old[party]
            new_share = swung_new[party] * share / old if old else swung_new[party] / count[party]
        else:
            new_share = share * rest_factor
        result.append(new_share * total)
    return tuple(result)


@dataclass(frozen=True, slots=True)
class SwungCandidate:
    """One candidate in a swung district."""

    name_ko: str
    party_ko: str
    party_id: str
    votes: Fraction
    birth_date: date | None


def plurality(candidates: Sequence[SwungCandidate], where: str) -> tuple[SwungCandidate, str]:
    """The winner of a swung count and how (``plurality`` or ``eldest``), under art. 188(1).

    >>> a = SwungCandidate("A", "P", "p", Fraction(10), date(1950, 1, 1))
    >>> b = SwungCandidate("B", "Q", "q", Fraction(10), date(1960, 1, 1))
    >>> w, how = plurality([a, b], "X")
    >>> w.name_ko, how
    ('A', 'eldest')
    """
    if not candidates:
        raise DataError(f"{where}: no candidates to count")
    top = max(c.votes for c in candidates)
    tied = [c for c in candidates if c.votes == top]
    if len(tied) == 1:
        return tied[0], "plurality"
    names = ", ".join(c.name_ko for c in tied)
    unknown = [c.name_ko for c in tied if c.birth_date is None]
    if unknown:
        raise DataError(
            f"{where}: after the swing {names} tie at {top} votes and the eldest wins "
            f"(art. 188(1)), but the birth date of {', '.join(unknown)} is not in the data"
        )
    dates = sorted(c.birth_date for c in tied if c.birth_date is not None)
    if dates[0] == dates[1]:
        raise DataError(
            f"{where}: after the swing {names} tie at {top} votes and share the earliest "
            "birth date; the law gives no further rule"
        )
    return min(tied, key=lambda c: c.birth_date or date.max), "eldest"


# --------------------------------------------------------------------- result


@dataclass(frozen=True, slots=True)
class SwingLine:
    """One party's seats before and after the swing."""

    info: PartyInfo
    base_votes: Number
    swung_votes: Number
    """List-tier votes (percent for 2020)."""
    base_district: int
    base_list: int
    swung_district: int
    swung_list: int

    @property
    def base_total(self) -> int:
        """Seats before the swing."""
        return self.base_district + self.base_list

    @property
    def swung_total(self) -> int:
        """Seats after the swing."""
        return self.swung_district + self.swung_list

    @property
    def change(self) -> int:
        """Seats gained (negative: lost)."""
        return self.swung_total - self.base_total


@dataclass(frozen=True, slots=True)
class Flip:
    """A district that changed hands."""

    district_id: str
    district_ko: str
    before: PartyInfo
    after: PartyInfo
    base_winner: str
    swung_winner: str


@dataclass(frozen=True)
class SwingResult:
    """An election recomputed after a swing, beside the election as counted."""

    year: int
    kind: str
    changes: tuple[tuple[PartyInfo, Fraction], ...]
    """(party, percentage points) as asked."""
    rules: Rules
    base: Allocation
    swung: Allocation
    parties: tuple[SwingLine, ...]
    flips: tuple[Flip, ...]
    notes: tuple[str, ...] = ()
    """What was adapted to apply the rules to the year's counts (as ``results(...).notes``)."""

    def line(self, name: str) -> SwingLine:
        """A party's line, by Korean or English name, abbreviation or registry id."""
        for p in self.parties:
            if name in (p.info.name_ko, p.info.name_en, p.info.abbr, p.info.party_id):
                return p
        wanted = _party_id(name, self.year)
        for p in self.parties:
            if p.info.party_id == wanted:
                return p
        raise UnknownNameError(f"no party {name!r} in the {self.year} swing")

    def table(self) -> str:
        """Party | base seats | swung seats | change, then the districts that changed hands."""
        asked = ", ".join(f"{info.name_en} {_points(c)}" for info, c in self.changes)
        head = f"{self.kind.capitalize()} swing, {self.year}: {asked}"
        rows = [
            (
                _label(p.info),
                f"{p.base_total} ({p.base_district}+{p.base_list})",
                f"{p.swung_total} ({p.swung_district}+{p.swung_list})",
                f"{p.change:+d}" if p.change else "0",
            )
            for p in self.parties
            if p.base_total or p.swung_total
        ]
        titles = ["Party", "Base seats", "Swung seats", "Change"]
        out = [head, *self.notes, "Seats as total (district+list)."]
        out += ["", grid(titles, [list(r) for r in rows])]
        out += ["", f"Districts that changed hands: {len(self.flips)}"]
        out.extend(
            f"  {f.district_id}: {_label(f.before)} ({f.base_winner}) -> "
            f"{_label(f.after)} ({f.swung_winner})"
            for f in self.flips
        )
        return "\n".join(out)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record (votes as strings of exact fractions)."""
        return {
            "year": self.year,
            "kind": self.kind,
            "rules": self.rules.name,
            "notes": list(self.notes),
            "changes": [
                {"party": info.party_id, "name_en": info.name_en, "points": str(c)}
                for info, c in self.changes
            ],
            "parties": [
                {
                    "party": p.info.party_id,
                    "name_ko": p.info.name_ko,
                    "name_en": p.info.name_en,
                    "base_votes": str(p.base_votes),
                    "swung_votes": str(p.swung_votes),
                    "base": {
                        "district": p.base_district,
                        "list": p.base_list,
                        "total": p.base_total,
                    },
                    "swung": {
                        "district": p.swung_district,
                        "list": p.swung_list,
                        "total": p.swung_total,
                    },
                    "change": p.change,
                }
                for p in self.parties
            ],
            "flips": [
                {
                    "district_id": f.district_id,
                    "district_ko": f.district_ko,
                    "from": f.before.party_id,
                    "to": f.after.party_id,
                    "base_winner": f.base_winner,
                    "swung_winner": f.swung_winner,
                }
                for f in self.flips
            ],
        }


def _label(info: PartyInfo) -> str:
    return info.name_en if info.name_en == info.name_ko else f"{info.name_en} ({info.name_ko})"


def _points(change: Fraction) -> str:
    text = f"{float(change):+.2f}".rstrip("0").rstrip(".")
    return f"{text} pts"


# ------------------------------------------------------------------ the swing


def parse_change(value: object, party: str) -> Fraction:
    """A change in percentage points: a Fraction, an int or a string like ``"-1.5"``.

    >>> parse_change("+2.5", "GNP")
    Fraction(5, 2)
    >>> parse_change(0.1, "GNP")
    Traceback (most recent call last):
    ...
    korelect.errors.InputError: the change for 'GNP' must be a Fraction, an int or a string
    of percentage points such as '-1.5' (got 0.1)
    """
    change: Fraction | None = None
    if isinstance(value, Fraction):
        change = value
    elif isinstance(value, int) and not isinstance(value, bool):
        change = Fraction(value)
    elif isinstance(value, str):
        text = value.strip().removesuffix("%").removesuffix("pp").strip()
        try:
            # a change is at most 100 points: a short text, never a number of 4,300 digits
            change = Fraction(text) if len(text) <= 40 else None
        except (ValueError, ZeroDivisionError):
            change = None
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:40] + "…"
    if change is None:
        raise InputError(
            f"the change for {party!r} must be a Fraction, an int or a string of percentage "
            f"points such as '-1.5' (got {shown})"
        )
    if abs(change) > _HUNDRED:
        raise InputError(
            f"the change for {party!r} must be from -100 to +100 percentage points (got {shown})"
        )
    return change


def _party_id(name: str, year: int, own: Mapping[str, str] | None = None) -> str:
    """A party's registry id from a name, an abbreviation or the id itself.

    ``own`` maps the names of the counts' parties that are not in the registry (a counts
    folder's own parties) to their ids.
    """
    registry = parties()
    if name in registry and year in registry.get(name).years:
        return name
    try:
        return registry.lookup(name, year).id
    except UnknownNameError:
        if own and name in own:
            return own[name]
        raise


def _counts(source: Source, data: Dataset) -> Counts:
    """The counts to swing: ``source``'s, which must have district counts."""
    counts = as_counts(source, data)
    if not counts.candidates:
        counted = ", ".join(str(y) for y in data.years() if data.candidates(y))
        where = counts.year if counts.source == "korelect/data" else counts.source or "these counts"
        raise InputError(f"{where} has no district counts to swing (years with counts: {counted})")
    return counts


def _shares(votes: Mapping[str, Number]) -> dict[str, Fraction]:
    total = sum((Fraction(v) for v in votes.values()), Fraction(0))
    return {k: Fraction(v) / total if total else Fraction(0) for k, v in votes.items()}


def _list_votes(counts: Counts) -> list[tuple[str, Number, Kind]]:
    """The list tier's votes by party id, with the buckets, exactly as ``results`` builds them."""
    law = counts.rules
    year = counts.year
    votes: dict[str, Number] = defaultdict(int)
    for name, v in counted_votes(counts, law).items():
        votes[party_info(name, year).party_id] += v
    lines: list[tuple[str, Number, Kind]] = [
        (pid, v, Kind.INDEPENDENT if pid == "independent" else Kind.PARTY)
        for pid, v in votes.items()
    ]
    if any(isinstance(v, Fraction) for v in votes.values()):
        rest = 100 - sum((Fraction(v) for v in votes.values()), Fraction(0))
        if rest > 0:
            lines.append((OTHERS, rest, Kind.OTHER))
    elif law.vote_basis is VoteBasis.CONSTITUENCY:
        valid = sum(d.valid_votes or 0 for d in counts.districts)
        gap = valid - sum((Fraction(v) for v in votes.values()), Fraction(0))
        if gap > 0:
            lines.append((UNATTRIBUTED, int(gap), Kind.OTHER))
    return lines


def _exact(value: Fraction) -> Number:
    return value.numerator if value.denominator == 1 else value


Member = tuple[str, str]
"""A member elected: (name, Korean party name)."""


def _swing_district(
    d: DistrictResult,
    candidates: Sequence[Candidate],
    changes: Mapping[str, Fraction],
    kind: str,
    national: Mapping[str, Fraction],
) -> tuple[Member, ...]:
    """The members a district elects after the swing, as (name, Korean party name).

    A member the unswung count elected keeps the record's seat (name and party: the
    declared ones where a source declares others); a new member holds it for their own party.
    """
    if d.count is None or d.count.how == "unopposed":
        return d.members
    year = d.district.year
    cands = d.count.candidates
    pids = [party_info(c.party_ko, year).party_id for c in cands]
    new = swing_votes(
        [(pid, c.votes or 0) for pid, c in zip(pids, cands, strict=True)],
        changes,
        kind=kind,
        national=national,
    )
    counted = d.count.elected
    record = dict(zip((c.name_ko for c in counted), d.members, strict=False))
    if len(counted) == 1:
        swung = [
            SwungCandidate(c.name_ko, c.party_ko, pid, v, c.birth_date)
            for c, pid, v in zip(cands, pids, new, strict=True)
        ]
        winner, _ = plurality(swung, f"{year} {d.district.district_id}")
        return (record.get(winner.name_ko, (winner.name_ko, winner.party_ko)),)
    return tuple(
        record.get(c.name_ko, (c.name_ko, c.party_ko))
        for c in _recount(d, candidates, dict(zip((c.name_ko for c in cands), new, strict=True)))
    )


def _recount(
    d: DistrictResult, candidates: Sequence[Candidate], votes: Mapping[str, Fraction]
) -> tuple[CandidateCount, ...]:
    """The members a district of several members elects with the swung ``votes``, by name.

    :func:`~korelect.record.counting.count_district` counts them (the top ``M``, the eldest
    on a tie for the last seat) on whole numbers: the exact votes over their common
    denominator, which keeps every order and every tie.
    """
    scale = math.lcm(*(v.denominator for v in votes.values()))
    whole = [
        dataclasses.replace(c, votes=int(votes[c.name_ko] * scale))
        for c in candidates
        if c.name_ko in votes
    ]
    try:
        return count_district(d.district, whole).elected
    except DataError as exc:
        unit = "" if scale == 1 else f" (votes counted in 1/{scale} parts)"
        raise DataError(f"after the swing{unit}: {exc}") from None


def _flips(d: DistrictResult, after: Sequence[Member], year: int) -> list[Flip]:
    """The seats of a district that changed party: one :class:`Flip` per seat."""
    before = d.members
    pid = {p: party_info(p, year) for _, p in (*before, *after)}
    lost = list(before)
    gained = list(after)
    for m in list(lost):
        same = next((g for g in gained if pid[g[1]].party_id == pid[m[1]].party_id), None)
        if same is not None:
            lost.remove(m)
            gained.remove(same)
    names_before = {n for n, _ in before}
    names_after = {n for n, _ in after}

    def leaving(party: str, members: Sequence[Member], stay: set[str]) -> str:
        fitting = [n for n, p in members if pid[p].party_id == pid[party].party_id]
        return next((n for n in fitting if n not in stay), fitting[0])

    return [
        Flip(
            d.district.district_id,
            d.name,
            pid[b],
            pid[a],
            leaving(b, before, names_after),
            leaving(a, after, names_before),
        )
        for (_, b), (_, a) in zip(lost, gained, strict=False)
    ]


def swing(
    source: Source,
    changes: Mapping[str, Fraction | int | str],
    *,
    kind: SwingKind | str = "uniform",
    rules: RulesLike | None = None,
    data: Dataset | None = None,
    seed: int = 0,
) -> SwingResult:
    """Recompute an election after moving parties' national vote shares.

    ``source`` is what :func:`korelect.results` takes: an election year, a counts folder
    (``docs/COUNTS.md``) or :class:`~korelect.Counts`; ``rules`` (rules, a year or a rules
    file) are adapted to those counts once, by :func:`korelect.results`.
    ``changes`` maps a party (Korean or English name, abbreviation or registry
    id) to a change in percentage points. See the module docstring for how the
    votes are balanced, how districts are recounted and how ties are settled.

    Raises :class:`~korelect.errors.InputError` for counts without district
    counts, an unknown ``kind``, a malformed change, a change that would take
    a party's national share below 0, or a party named twice;
    :class:`~korelect.errors.UnknownNameError` for a party that is not known
    or did not stand that year.
    """
    data = data or dataset()
    counts = _counts(source, data)
    year_int = counts.year
    if kind not in KINDS:
        raise InputError(f"'kind' must be one of {', '.join(KINDS)} (got {kind!r})")
    if not changes:
        raise InputError("'changes' must name at least one party")
    base = results(counts, rules=rules, seed=seed)
    used = base.rules

    # Constituency-tier shares, by party id, over the counted districts.
    district_votes: dict[str, int] = defaultdict(int)
    known: dict[str, PartyInfo] = {}
    for d in base.districts:
        if d.count is not None:
            for c in d.count.candidates:
                info_c = party_info(c.party_ko, year_int)
                known.setdefault(info_c.party_id, info_c)
                district_votes[info_c.party_id] += c.votes or 0
    list_lines = _list_votes(counts)
    for name_ko in counted_votes(counts, counts.rules):
        info_l = party_info(name_ko, year_int)
        known.setdefault(info_l.party_id, info_l)
    own = {
        name: pid
        for pid, i in known.items()
        for name in (i.name_ko, i.name_en, i.abbr, i.party_id)
        if name
    }
    district_share = _shares(district_votes)
    list_share = _shares({pid: v for pid, v, _ in list_lines})

    points: dict[str, Fraction] = {}
    asked: list[tuple[PartyInfo, Fraction]] = []
    for name, value in changes.items():
        pid = _party_id(name, year_int, own)
        if pid == "independent":
            raise InputError(
                f"{name!r} names the independents, who are not a party; a swing moves a "
                "party's vote"
            )
        if pid in points:
            raise InputError(f"{name!r} names a party already in 'changes' ({pid})")
        if pid not in district_share and pid not in list_share:
            raise UnknownNameError(
                f"{name!r} ({pid}) stood neither in a district nor on a list in {year_int}"
            )
        change = parse_change(value, name)
        for tier, shares in (("constituency", district_share), ("list", list_share)):
            if pid not in shares:
                continue
            now = shares[pid] * _HUNDRED
            if now + change < 0:
                raise InputError(
                    f"a change of {_points(change)} would take {name!r} below 0 in the "
                    f"{tier} vote (its national share is {float(now):.2f}%)"
                )
            if now + change > _HUNDRED:
                raise InputError(
                    f"a change of {_points(change)} would take {name!r} above 100% of the "
                    f"{tier} vote (its national share is {float(now):.2f}%)"
                )
            if kind == "proportional" and now == 0 and change != 0:
                raise InputError(
                    f"{name!r} has no {tier} votes, so a proportional swing cannot scale them"
                )
        points[pid] = change
        registered = pid in parties()
        asked.append(
            (party_info(parties().get(pid).name_ko, year_int) if registered else known[pid], change)
        )

    # Districts.
    by_district: dict[str, list[Candidate]] = defaultdict(list)
    for cand in counts.candidates:
        by_district[cand.district_id].append(cand)
    base_seats: dict[str, int] = defaultdict(int)
    swung_seats: dict[str, int] = defaultdict(int)
    info: dict[str, PartyInfo] = {}
    flips: list[Flip] = []
    for d in base.districts:
        members = _swing_district(
            d,
            by_district[d.district.district_id],
            {p: c for p, c in points.items() if p in district_share},
            kind,
            district_share,
        )
        for tally, held in ((base_seats, d.members), (swung_seats, members)):
            for _, party_ko in held:
                holder = party_info(party_ko, year_int)
                info.setdefault(holder.party_id, holder)
                tally[holder.party_id] += 1
        flips.extend(_flips(d, members, year_int))

    # The list tier.
    new_votes = swing_votes(
        [(pid, v) for pid, v, _ in list_lines],
        {p: c for p, c in points.items() if p in list_share},
        kind=kind,
        national=list_share,
    )
    entries: list[Entry] = []
    seen: set[str] = set()
    for (pid, _, k), v in zip(list_lines, new_votes, strict=True):
        entries.append(Entry(pid, _exact(v), swung_seats.get(pid, 0), k))
        seen.add(pid)
    for pid, seats in swung_seats.items():
        if pid not in seen:
            kind_of = Kind.INDEPENDENT if info[pid].name_ko == INDEPENDENT else Kind.PARTY
            entries.append(Entry(pid, 0, seats, kind_of))
    bloc = appointed_bloc(used, year_int)
    if bloc is not None:
        info.setdefault(bloc.party_id, bloc)
        entries.append(Entry(bloc.party_id, 0, 0, Kind.APPOINTED))
    swung_alloc = allocate(entries, used, seed=seed)

    base_alloc = base.allocation
    lines = []
    for p in swung_alloc.parties:
        try:
            b = base_alloc.party(p.name)
            b_votes, b_list = b.votes, b.list_seats
        except KeyError:
            b_votes, b_list = 0, 0
        pinfo = info.get(p.name) or base.party(p.name).info
        lines.append(
            SwingLine(
                pinfo,
                b_votes,
                p.votes,
                base_seats.get(p.name, 0),
                b_list,
                p.district_seats,
                p.list_seats,
            )
        )
    # A party that held district seats, lost them all and has no list votes is in no entry.
    listed = {line.info.party_id for line in lines}
    for pid, had in base_seats.items():
        if pid not in listed:
            try:
                b = base_alloc.party(pid)
                b_votes, b_list = b.votes, b.list_seats
            except KeyError:
                b_votes, b_list = 0, 0
            lines.append(SwingLine(info[pid], b_votes, 0, had, b_list, 0, 0))
    lines.sort(key=lambda s: (s.info.party_id == "independent", -s.base_total, -s.swung_total))
    return SwingResult(
        year=year_int,
        kind=kind,
        changes=tuple(asked),
        rules=used,
        base=base_alloc,
        swung=swung_alloc,
        parties=tuple(lines),
        flips=tuple(flips),
        notes=base.notes,
    )
