"""District counting: plurality, the eldest candidate on a tie, and unopposed candidates.

공직선거법 art. 188(1): the candidate with the most valid votes is elected;
when two or more share the most votes, the **eldest** is elected (연장자).
Art. 188(2)–(4): a candidate left alone at the close of registration is
elected without a vote (무투표당선). The pre-1994 wording could not be
checked (``../shared/docs/LAW.md`` §1, §6); korelect applies the same rule.

>>> from korelect.record.data import Candidate, District
>>> d = District(2004, "2004:seoul:X", "seoul", "X", 100, 90, 88, 2, 10, False, "test")
>>> cs = [Candidate(2004, d.district_id, 1, "A", "P", 40),
...       Candidate(2004, d.district_id, 2, "B", "Q", 48)]
>>> count_district(d, cs).winner.name_ko
'B'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from korelect.errors import DataError
from korelect.record.data import Candidate, District


@dataclass(frozen=True, slots=True)
class CandidateCount:
    """One candidate's line in a district result."""

    name_ko: str
    party_ko: str
    votes: int | None
    birth_date: date | None
    elected: bool


@dataclass(frozen=True)
class DistrictCount:
    """A district counted: candidates by votes, the members elected, and how they were found."""

    district: District
    candidates: tuple[CandidateCount, ...]
    """In order of votes (most first), then ballot order."""
    winner: CandidateCount
    """The first member elected (the only one in a single-member district)."""
    how: str
    """``plurality``, ``eldest`` (a tie settled by art. 188(1)) or ``unopposed``."""
    tied: tuple[str, ...] = ()
    """The candidates tied for the last seat, where there was a tie."""

    @property
    def elected(self) -> tuple[CandidateCount, ...]:
        """Every member elected, in order of votes (``district.magnitude`` of them)."""
        return tuple(c for c in self.candidates if c.elected)

    @property
    def margin(self) -> int | None:
        """Votes between the last member elected and the best candidate not elected."""
        votes = [c.votes for c in self.candidates if c.votes is not None]
        seats = self.district.magnitude
        if len(votes) <= seats:
            return None
        return votes[seats - 1] - votes[seats]


def count_district(
    district: District,
    candidates: Sequence[Candidate],
    birth_dates: Mapping[str, date] | None = None,
) -> DistrictCount:
    """Find the members elected in one district under art. 188.

    The ``district.magnitude`` candidates with the most valid votes are elected (one
    since 1988; two in the 1973–1985 two-member districts). Where candidates tie for
    the last seat, the eldest is elected. A district with no more candidates than
    seats elects them without a vote (art. 188(2)–(4)).

    Birth dates come from ``candidate.birth_date`` or ``birth_dates`` (by name); they are
    needed only on a tie. A tie without birth dates for every tied candidate raises
    :class:`~korelect.errors.DataError` naming the district and the candidates.

    >>> from korelect.record.data import Candidate, District
    >>> d = District(2004, "2004:seoul:X", "seoul", "X", 100, 90, 80, 10, 10, False, "t")
    >>> cs = [Candidate(2004, "2004:seoul:X", 1, "A", "P", 40),
    ...       Candidate(2004, "2004:seoul:X", 2, "B", "Q", 40)]
    >>> r = count_district(d, cs, {"A": date(1950, 1, 1), "B": date(1960, 1, 1)})
    >>> r.winner.name_ko, r.how, r.tied
    ('A', 'eldest', ('A', 'B'))

    A two-member district elects the top two:

    >>> d2 = District(1978, "1978:seoul:Y", "seoul", "Y", 300, 250, 240, 10, 50, False, "t",
    ...               magnitude=2)
    >>> cs = [Candidate(1978, d2.district_id, i, n, "P", v)
    ...       for i, (n, v) in enumerate([("A", 90), ("B", 100), ("C", 50)], start=1)]
    >>> [c.name_ko for c in count_district(d2, cs).elected]
    ['B', 'A']
    """
    births = {c.name_ko: c.birth_date for c in candidates if c.birth_date is not None}
    births.update(birth_dates or {})
    where = f"{district.year} {district.district_id}"
    seats = district.magnitude
    if seats < 1:
        raise DataError(f"{where}: a district elects at least one member (got {seats})")
    if not candidates:
        raise DataError(f"{where}: no candidates in the data")
    if district.uncontested or all(c.votes is None for c in candidates):
        if len(candidates) > seats:
            alone = "a lone candidate is" if seats == 1 else f"at most {seats} candidates are"
            raise DataError(
                f"{where}: no votes for {len(candidates)} candidates; only {alone} "
                "elected without a vote (art. 188(2))"
            )
        lines = tuple(
            CandidateCount(c.name_ko, c.party_ko, None, births.get(c.name_ko), elected=True)
            for c in sorted(candidates, key=lambda c: c.ballot_order)
        )
        return DistrictCount(district, lines, lines[0], "unopposed")
    missing = [c.name_ko for c in candidates if c.votes is None]
    if missing:
        raise DataError(f"{where}: no vote count for {', '.join(missing)}")
    ranked = sorted(candidates, key=lambda c: (-(c.votes or 0), c.ballot_order))
    chosen = ranked[:seats]
    how = "plurality"
    tied_names: tuple[str, ...] = ()
    if len(ranked) > seats and ranked[seats - 1].votes == ranked[seats].votes:
        last = ranked[seats - 1].votes
        tied = [c for c in ranked if c.votes == last]
        sure = [c for c in ranked if (c.votes or 0) > (last or 0)]
        open_seats = seats - len(sure)
        names = tuple(c.name_ko for c in tied)
        unknown = [c.name_ko for c in tied if c.name_ko not in births]
        if unknown:
            raise DataError(
                f"{where}: {', '.join(names)} tie at {last} votes and the eldest wins "
                f"(art. 188(1)), but the birth date of {', '.join(unknown)} is not in the data"
            )
        by_age = sorted(tied, key=lambda c: births[c.name_ko])
        if births[by_age[open_seats - 1].name_ko] == births[by_age[open_seats].name_ko]:
            raise DataError(
                f"{where}: {', '.join(names)} tie at {last} votes and share the earliest birth "
                "date; the law gives no further rule"
            )
        chosen = sure + by_age[:open_seats]
        how = "eldest"
        tied_names = names
    elected = {id(c) for c in chosen}
    lines = tuple(
        CandidateCount(c.name_ko, c.party_ko, c.votes, births.get(c.name_ko), id(c) in elected)
        for c in ranked
    )
    winner = next(line for line in lines if line.elected)
    return DistrictCount(district, lines, winner, how, tied_names)
