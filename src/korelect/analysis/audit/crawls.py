"""Audit checks 6: the two crawls of the NEC count, figure by figure (1948–2020).

korelect ships one count per district: polis-korea's crawl for 1948–1985, nec-history's
for 1988–2016, krvote's polling stations for 2020. The other crawl of the same
commission (nec-history for 1948–1985, polis-korea for 1988–2020) is shipped beside it
as ``crawl_districts.csv`` and ``crawl_candidates.csv.gz`` (``scripts/build_crawls.py``),
each of its districts matched to the shipped district it is (``district_id``).
:func:`check_crawls` compares the two for every district both give:

- a district one source has and the other lacks (:data:`CRAWL_DISTRICT`);
- the winner, the ``magnitude`` candidates with most votes (:data:`CRAWL_WINNER`), and
  the same winner's party (:data:`CRAWL_WINNER_PARTY`);
- each candidate: in one source only (:data:`CRAWL_CANDIDATE`), spelled differently
  (:data:`CRAWL_NAME`), with other votes (:data:`CRAWL_VOTES`) or another party
  (:data:`CRAWL_PARTY`, a candidate who does not win in either);
- the electorate, ballots cast, valid and invalid votes (:data:`CRAWL_FIGURES`).

Candidates are paired by name; those left over by equal votes, then by a name that
differs in one letter (nec-history writes ``고담용`` for polis-korea's ``고담룡``), and
such a pair is one candidate spelled two ways. Parties are compared by the party
registry's id, so ``민주당(1955)`` and ``민주당`` are one party. A figure one source does
not have (NULL; or 0, which the crawls write for a figure they lack) is not a
contradiction. Where a figure differs in many districts of a year, each district is
still reported, and the note says how many and in which direction; for invalid votes and
ballots it says which source's figure adds up with its own ballots and valid votes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from korelect.analysis.audit.common import (
    CRAWL_CANDIDATE,
    CRAWL_DISTRICT,
    CRAWL_DISTRICTS_FILE,
    CRAWL_FIGURES,
    CRAWL_NAME,
    CRAWL_PARTY,
    CRAWL_VOTES,
    CRAWL_WINNER,
    CRAWL_WINNER_PARTY,
    AuditContext,
    has_file,
)
from korelect.base.numbers import fmt_count, fmt_percent
from korelect.record.data import CrawlDistrict, District
from korelect.record.election import party_info
from korelect.record.findings import Finding

__all__ = ["check_crawls", "pair_candidates", "party_id"]

FIGURES: tuple[tuple[str, str], ...] = (
    ("electorate", "electorate"),
    ("ballots_cast", "ballots cast"),
    ("valid_votes", "valid votes"),
    ("invalid_votes", "invalid votes"),
)
"""The district figures compared: (field, words)."""
PLURAL = {
    "electorate": "electorates",
    "ballots_cast": "ballots cast",
    "valid_votes": "valid votes",
    "invalid_votes": "invalid votes",
}
MANY = 10
"""From this many differences of one figure in a year, the note says which way they go."""


@dataclass(frozen=True, slots=True, eq=False)
class Person:
    """A candidate as one source gives them (each one a person: compared by identity)."""

    name: str
    party: str
    votes: int | None

    def text(self) -> str:
        """``이름 (party) 1,234`` (or without votes where the source has none)."""
        votes = "" if self.votes is None else f" {fmt_count(self.votes)}"
        return f"{self.name} ({self.party}){votes}"


Pair = tuple[Person | None, Person | None, str]
"""A shipped candidate, the crawl's, and how they were paired (``name``, ``votes``,
``spelling``); one side is None for a candidate in one source only."""


def source_name(source: str) -> str:
    """The source's folder: ``polis-korea``, ``nec-history``, ``krvote``.

    >>> source_name("nec-history/assembly-counting_vote-9.0.json")
    'nec-history'
    """
    return source.split("/", 1)[0]


def _near(a: str, b: str) -> bool:
    """Two spellings of one name: same length, at most one letter differs (``?`` is any)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y and "?" not in (x, y)) <= 1


def pair_candidates(ours: Sequence[Person], theirs: Sequence[Person]) -> list[Pair]:
    """Pair one district's candidates in two sources.

    By name (namesakes by equal votes, then in order); the rest by equal votes where
    those votes are unique among the rest on both sides; the rest by a name that differs
    in one letter where that pairs them one to one. Unpaired candidates come last.

    >>> a = [Person("고담룡", "자유당", None), Person("김주태", "무소속", 900)]
    >>> b = [Person("고담용", "자유당", 5000), Person("김주태", "무소속", 900)]
    >>> [(x.name if x else None, y.name if y else None, how) for x, y, how in
    ...  pair_candidates(a, b)]
    [('김주태', '김주태', 'name'), ('고담룡', '고담용', 'spelling')]
    """
    left = list(ours)
    right = list(theirs)
    pairs: list[Pair] = []

    def take(i: int, j: int, how: str) -> None:
        pairs.append((left[i], right[j], how))
        left.pop(i)
        right.pop(j)

    for rule in ("same votes", "in order"):
        i = 0
        while i < len(left):
            same = [j for j, p in enumerate(right) if p.name == left[i].name]
            if rule == "same votes":
                same = [j for j in same if right[j].votes == left[i].votes]
            if same:
                take(i, same[0], "name")
            else:
                i += 1
    i = 0
    while i < len(left):
        votes = left[i].votes
        mine = [p for p in left if p.votes == votes]
        hits = [j for j, p in enumerate(right) if p.votes == votes]
        if votes and len(mine) == 1 and len(hits) == 1:
            take(i, hits[0], "votes")
        else:
            i += 1
    i = 0
    while i < len(left):
        hits = [j for j, p in enumerate(right) if _near(left[i].name, p.name)]
        back = [p for p in left if len(hits) == 1 and _near(p.name, right[hits[0]].name)]
        if len(hits) == 1 and len(back) == 1:
            take(i, hits[0], "spelling")
        else:
            i += 1
    pairs += [(p, None, "") for p in left]
    pairs += [(None, p, "") for p in right]
    return pairs


def winners(people: Sequence[Person], magnitude: int) -> list[Person] | None:
    """The ``magnitude`` candidates with most votes (None where a tie or no count decides).

    Where a source has no votes for the district, its candidates win if there are just
    ``magnitude`` of them (an uncontested district, or a winner listed alone).
    """
    if any(p.votes for p in people):
        order = sorted(people, key=lambda p: -(p.votes or 0))
        if len(order) > magnitude and order[magnitude - 1].votes == order[magnitude].votes:
            return None
        return order[:magnitude]
    return list(people) if len(people) == magnitude else None


YEAR_TAG = re.compile(r"\s*\(\d{4}\)$")
"""polis-korea's founding-year tag on a party's name: ``민주당(1991)``."""


def party_id(name: str, year: int) -> str:
    """The party registry's id of a party name (a year tag the registry lacks is dropped).

    >>> party_id("민주당(1991)", 1992) == party_id("민주당", 1992)
    True
    """
    found = party_info(name, year).party_id
    if found == name and YEAR_TAG.search(name):
        return party_info(YEAR_TAG.sub("", name), year).party_id
    return found


def _describe(name: str, people: Sequence[Person]) -> str:
    """``nec-history: 7 candidates, 홍순영 first with 9,664 votes``."""
    if not people:
        return f"{name}: no candidates"
    many = _many(len(people))
    first = max(people, key=lambda p: p.votes or 0)
    if not any(p.votes for p in people):
        names = ", ".join(p.name for p in people)
        return f"{name}: {many} without a count ({names})"
    return f"{name}: {many}, {first.name} ({first.party}) first with {fmt_count(first.votes or 0)}"


def _many(n: int) -> str:
    return f"{n} candidate{'s' if n != 1 else ''}"


class _Year:
    """One year's comparison: the matched districts and their candidates in both sources."""

    def __init__(self, ctx: AuditContext, year: int) -> None:
        data = ctx.data
        self.year = year
        self.shipped = data.districts(year)
        self.crawl = data.crawl_districts(year)
        self.by_id = {d.district_id: d for d in self.shipped}
        self.ours: dict[str, list[Person]] = defaultdict(list)
        for c in data.candidates(year):
            self.ours[c.district_id].append(Person(c.name_ko, c.party_ko, c.votes))
        self.theirs: dict[tuple[str, str], list[Person]] = defaultdict(list)
        for t in data.crawl_candidates(year):
            self.theirs[t.province, t.district_ko].append(Person(t.name_ko, t.party_ko, t.votes))
        self.matched = [
            (self.by_id[c.district_id], c) for c in self.crawl if c.district_id in self.by_id
        ]

    def sources(self, d: District, c: CrawlDistrict) -> str:
        return f"{d.source}; {c.source}"

    def names(self, d: District, c: CrawlDistrict) -> tuple[str, str]:
        return source_name(d.source), source_name(c.source)

    def people(self, c: CrawlDistrict) -> list[Person]:
        return self.theirs.get((c.province, c.name_ko), [])


def check_crawls(ctx: AuditContext, year: int) -> list[Finding]:
    """Every contradiction between the shipped count and the second crawl of ``year``."""
    if not has_file(ctx.data, CRAWL_DISTRICTS_FILE):
        return []
    y = _Year(ctx, year)
    if not y.crawl:
        return []
    return [
        *_districts(y),
        *_candidates(y),
        *_figures(y),
    ]


# ------------------------------------------------------------------------ districts


def _districts(y: _Year) -> list[Finding]:
    """Districts in one source only: the shipped ones no crawl district matches, and back."""
    found: list[Finding] = []
    crawl_source = y.crawl[0].source
    seen = {c.district_id for c in y.crawl if c.district_id in y.by_id}
    missing = [d for d in y.shipped if d.district_id not in seen]
    uncontested = [d for d in y.shipped if d.uncontested]
    lacking = [d for d in missing if d.uncontested]
    theirs = source_name(crawl_source)
    for d in missing:
        ours = source_name(d.source)
        people = y.ours.get(d.district_id, [])
        if d.uncontested:
            names = ", ".join(p.name for p in people)
            text = f"{ours}: uncontested, {names} elected without a vote"
            note = (
                f"{theirs} lacks {len(lacking)} of the {len(uncontested)} uncontested "
                f"districts of {y.year}"
            )
        else:
            text = _describe(ours, people)
            note = ""
        found.append(
            Finding(
                y.year,
                CRAWL_DISTRICT,
                d.district_id,
                text,
                f"{theirs}: no such district",
                f"{d.source}; {crawl_source}",
                note,
            )
        )
    shipped_source = y.shipped[0].source if y.shipped else "districts.csv"
    provinces = {d.province for d in y.shipped}
    for c in y.crawl:
        if c.district_id in y.by_id:
            continue
        found.append(
            Finding(
                y.year,
                CRAWL_DISTRICT,
                f"{y.year}:{c.province}:{c.name_ko}",
                f"{source_name(shipped_source)}: no such district",
                _describe(source_name(c.source), y.people(c)),
                f"{shipped_source}; {c.source}",
                f"{source_name(shipped_source)} has no district of {c.province} in {y.year}"
                if c.province not in provinces
                else "no shipped district of the province matches its name or its candidates",
            )
        )
    return found


# ----------------------------------------------------------------------- candidates


def _candidates(y: _Year) -> list[Finding]:
    """Winners, and each candidate: in one source only, spelling, votes, party."""
    found: dict[str, list[Finding]] = defaultdict(list)
    for d, c in y.matched:
        names = y.names(d, c)
        src = y.sources(d, c)
        ours, theirs = y.ours.get(d.district_id, []), y.people(c)
        pairs = pair_candidates(ours, theirs)
        sums = _sums((d, c), (ours, theirs), names)
        for f in _winners(y.year, d, pairs, (ours, theirs), names, src):
            found[f.check].append(f)
        mine = winners(ours, d.magnitude) or []
        other = winners(theirs, d.magnitude) or []
        shifted = _shifted(pairs, (ours, theirs), names)
        a, b = names
        for p, q, how in pairs:
            if p is None or q is None:
                found[CRAWL_CANDIDATE].append(
                    _one_only(y.year, d, (p, q), names, src, (ours, theirs))
                )
                continue
            if how != "name":
                why = (
                    "the only candidate of either list with these votes"
                    if how == "votes"
                    else "the name differs in one letter, and no other candidate pairs with either"
                )
                found[CRAWL_NAME].append(
                    Finding(
                        y.year,
                        CRAWL_NAME,
                        d.district_id,
                        f"{a}: {p.text()}",
                        f"{b}: {q.text()}",
                        src,
                        f"one candidate spelled two ways: {why}",
                    )
                )
            if p.votes is not None and q.votes is not None and p.votes != q.votes:
                notes = [f"difference {fmt_count(q.votes - p.votes)}", shifted, sums]
                found[CRAWL_VOTES].append(
                    Finding(
                        y.year,
                        CRAWL_VOTES,
                        d.district_id,
                        f"{a}: {p.text()}",
                        f"{b}: {q.text()}",
                        src,
                        "; ".join(n for n in notes if n),
                    )
                )
            if (
                p not in mine
                and q not in other
                and party_id(p.party, y.year) != party_id(q.party, y.year)
            ):
                found[CRAWL_PARTY].append(
                    Finding(
                        y.year,
                        CRAWL_PARTY,
                        d.district_id,
                        f"{a}: {p.name} of {p.party}",
                        f"{b}: {q.name} of {q.party}",
                        src,
                    )
                )
    order = (
        CRAWL_WINNER,
        CRAWL_WINNER_PARTY,
        CRAWL_CANDIDATE,
        CRAWL_NAME,
        CRAWL_VOTES,
        CRAWL_PARTY,
    )
    return [f for check in order for f in found[check]]


def _winners(
    year: int,
    d: District,
    pairs: Sequence[Pair],
    lists: tuple[Sequence[Person], Sequence[Person]],
    names: tuple[str, str],
    src: str,
) -> list[Finding]:
    """A different winner; or the same winner with a different party."""
    mine = winners(lists[0], d.magnitude)
    other = winners(lists[1], d.magnitude)
    if mine is None or other is None:
        return []  # no count, or a tie: no winner by votes in one of the sources
    a, b = names
    both = [(p, q) for p, q, _ in pairs if p in mine and q in other]
    if len(both) < d.magnitude:
        word = "winner" if d.magnitude == 1 else "winners"
        notes = []
        for p, q, _ in pairs:
            if (p is not None and p in mine) != (q is not None and q in other):
                name = p.name if p is not None else q.name if q is not None else ""
                there = ["not a candidate" if x is None else _votes(x.votes) for x in (p, q)]
                notes.append(f"{name}: {there[0]} in {a}, {there[1]} in {b}")
        return [
            Finding(
                year,
                CRAWL_WINNER,
                d.district_id,
                f"{a}: {word} {', '.join(p.text() for p in mine)}",
                f"{b}: {word} {', '.join(q.text() for q in other)}",
                src,
                "; ".join(notes),
            )
        ]
    return [
        Finding(
            year,
            CRAWL_WINNER_PARTY,
            d.district_id,
            f"{a}: {p.name} of {p.party}",
            f"{b}: {q.name} of {q.party}",
            src,
        )
        for p, q in both
        if party_id(p.party, year) != party_id(q.party, year)
    ]


def _votes(votes: int | None) -> str:
    return "no count" if votes is None else fmt_count(votes)


def _sums(
    districts: tuple[District, CrawlDistrict],
    lists: tuple[Sequence[Person], Sequence[Person]],
    names: tuple[str, str],
) -> str:
    """Whether each source's candidates' votes add up to its own valid votes."""
    gaps: list[tuple[str, int]] = []
    valids = (districts[0].valid_votes, districts[1].valid_votes)
    for valid, people, name in zip(valids, lists, names, strict=True):
        if valid is not None and people and all(p.votes is not None for p in people):
            gaps.append((name, sum(p.votes or 0 for p in people) - valid))
    if len(gaps) == 2 and not gaps[0][1] and not gaps[1][1]:
        return "in both, the candidates' votes add up to the valid votes"
    said = []
    for name, gap in gaps:
        if not gap:
            said.append(f"add up to the valid votes in {name}")
        else:
            way = "short of" if gap < 0 else "over"
            said.append(f"are {fmt_count(abs(gap))} {way} the valid votes in {name}")
    return "the candidates' votes " + ", and ".join(said) if said else ""


def _shifted(
    pairs: Sequence[Pair], lists: tuple[Sequence[Person], Sequence[Person]], names: tuple[str, str]
) -> str:
    """Whether the votes that differ are the same figures given to other candidates.

    Either the very same figures, or each candidate's votes in one source are those of the
    candidate listed next to them in the other (in either source's order): a count shifted
    by one place.
    """
    both = [(p, q) for p, q, _ in pairs if p is not None and q is not None]
    if any(p.votes is None or q.votes is None for p, q in both):
        return ""
    ours = Counter(p.votes for p, q in both if p.votes != q.votes)
    theirs = Counter(q.votes for p, q in both if p.votes != q.votes)
    if not ours:
        return ""
    if ours == theirs:
        return "the same figures, given to other candidates of the district"
    for side, (listed, name) in enumerate(zip(lists, names, strict=True)):
        place = {id(x): n for n, x in enumerate(listed)}
        run = sorted(both, key=lambda pq: place.get(id(pq[side]), len(place)))
        differ = [n for n, (p, q) in enumerate(run) if p.votes != q.votes]
        first, last = differ[0], differ[-1]
        if last == first or len(differ) != last - first + 1:
            continue
        span = run[first : last + 1]
        a, b = names
        if all(span[n][1].votes == span[n + 1][0].votes for n in range(len(span) - 1)):
            return (
                f"shifted by one place: in {name}'s order ({span[0][0].name} … "
                f"{span[-1][0].name}), each candidate's votes in {b} are {a}'s for the "
                "candidate listed after"
            )
        if all(span[n + 1][1].votes == span[n][0].votes for n in range(len(span) - 1)):
            return (
                f"shifted by one place: in {name}'s order ({span[0][0].name} … "
                f"{span[-1][0].name}), each candidate's votes in {b} are {a}'s for the "
                "candidate listed before"
            )
    return ""


def _one_only(
    year: int,
    d: District,
    people: tuple[Person | None, Person | None],
    names: tuple[str, str],
    src: str,
    lists: tuple[Sequence[Person], Sequence[Person]],
) -> Finding:
    """A candidate one source lists and the other does not."""
    (p, q), (a, b), (ours, theirs) = people, names, lists
    note = f"{a} lists {_many(len(ours))} here, {b} {len(theirs)}"
    blank = [n for n, there in zip(names, lists, strict=True) if not any(x.votes for x in there)]
    if blank:
        note += f"; no count for the district in {' or '.join(blank)}"
    return Finding(
        year,
        CRAWL_CANDIDATE,
        d.district_id,
        f"{a}: {p.text()}" if p is not None else f"{a}: no such candidate",
        f"{b}: {q.text()}" if q is not None else f"{b}: no such candidate",
        src,
        note,
    )


# -------------------------------------------------------------------------- figures


def _figures(y: _Year) -> list[Finding]:
    """Electorate, ballots cast, valid and invalid votes, district by district."""
    found: list[Finding] = []
    for field, words in FIGURES:
        compared = 0
        differ: list[tuple[District, CrawlDistrict, int, int]] = []
        for d, c in y.matched:
            ours, theirs = getattr(d, field), getattr(c, field)
            if not ours or not theirs:
                continue  # a figure a source lacks (NULL, or written as 0)
            compared += 1
            if ours != theirs:
                differ.append((d, c, ours, theirs))
        pattern = _pattern(y.year, field, differ, compared)
        for d, c, ours, theirs in differ:
            a, b = y.names(d, c)
            notes = [f"difference {fmt_count(theirs - ours)}"]
            kinds = (_kind(d, field), _kind(c, field))
            if kinds[0] != kinds[1]:
                notes += [f"{n}'s {k}" for n, k in zip((a, b), kinds, strict=True) if k]
            if pattern:
                notes.append(pattern)
            found.append(
                Finding(
                    y.year,
                    CRAWL_FIGURES[field],
                    d.district_id,
                    f"{a}: {words} {fmt_count(ours)}",
                    f"{b}: {words} {fmt_count(theirs)}",
                    y.sources(d, c),
                    "; ".join(notes),
                )
            )
    return found


def _kind(district: District | CrawlDistrict, field: str) -> str:
    """What a source's invalid votes or ballots are, read off its own other figures."""
    ballots, valid, invalid = district.ballots_cast, district.valid_votes, district.invalid_votes
    if ballots is None or valid is None or invalid is None:
        return ""
    if field == "invalid_votes":
        if invalid == ballots - valid:
            return "are its ballots cast minus its valid votes"
        if invalid == valid:
            return "equal its valid votes"
    if field == "ballots_cast":
        if ballots == valid + invalid:
            return "are its valid plus invalid votes"
        if ballots < valid:
            return "are fewer than its valid votes"
    return ""


def _pattern(
    year: int, field: str, differ: Sequence[tuple[District, CrawlDistrict, int, int]], compared: int
) -> str:
    """How one figure differs across a year (empty where it differs in one district only).

    The number of districts, of those where both sources give the figure; from
    :data:`MANY` districts, which source's figure is the lower and by how much.
    """
    if len(differ) < 2:
        return ""
    plural = PLURAL[field]
    text = f"{plural} differ in {len(differ)} of the {compared} districts of {year} both give"
    if len(differ) < MANY:
        return text
    b = source_name(differ[0][1].source)
    lower = sum(1 for *_, ours, theirs in differ if theirs < ours)
    higher = len(differ) - lower
    if not higher:
        text += f"; {b}'s are lower in all {lower}"
    elif not lower:
        text += f"; {b}'s are higher in all {higher}"
    else:
        text += f"; {b}'s are lower in {lower} and higher in {higher}"
    if field in ("electorate", "ballots_cast"):
        shares = [Fraction(abs(theirs - ours), ours) for *_, ours, theirs in differ]
        text += f", by {fmt_percent(min(shares))} to {fmt_percent(max(shares))}"
    return ("systematic: " if 2 * len(differ) > compared else "") + text
