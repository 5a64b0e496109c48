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
    """A district counted: candidates by votes, the winner, and how the winner was found."""

    district: District
    candidates: tuple[CandidateCount, ...]
    """In order of votes (most first), then ballot order."""
    winner: CandidateCount
    how: str
    """``plurality``, ``eldest`` (a tie settled by art. 188(1)) or ``unopposed``."""
    tied: tuple[str, ...] = ()
    """The candidates tied for the most votes, where there was a tie."""

    @property
    def margin(self) -> int | None:
        """Votes between the winner and the runner-up (None where nobody voted)."""
        votes = [c.votes for c in self.candidates if c.votes is not None]
        if len(votes) < 2:
            return None
        return votes[0] - votes[1]


def count_district(
    district: District,
    candidates: Sequence[Candidate],
    birth_dates: Mapping[str, date] | None = None,
) -> DistrictCount:
    """Find the winner of one district under art. 188.

    ``birth_dates`` maps candidate names to birth dates; they are needed only
    when the top candidates tie. A tie without birth dates for every tied
    candidate raises :class:`~korelect.errors.DataError` naming the district
    and the candidates.

    >>> from korelect.record.data import Candidate, District
    >>> d = District(2004, "2004:seoul:X", "seoul", "X", 100, 90, 80, 10, 10, False, "t")
    >>> cs = [Candidate(2004, "2004:seoul:X", 1, "A", "P", 40),
    ...       Candidate(2004, "2004:seoul:X", 2, "B", "Q", 40)]
    >>> r = count_district(d, cs, {"A": date(1950, 1, 1), "B": date(1960, 1, 1)})
    >>> r.winner.name_ko, r.how, r.tied
    ('A', 'eldest', ('A', 'B'))
    """
    births = birth_dates or {}
    where = f"{district.year} {district.district_id}"
    if not candidates:
        raise DataError(f"{where}: no candidates in the data")
    if district.uncontested or all(c.votes is None for c in candidates):
        if len(candidates) != 1:
            raise DataError(
                f"{where}: no votes for {len(candidates)} candidates; only a lone candidate "
                "is elected without a vote (art. 188(2))"
            )
        only = candidates[0]
        winner = CandidateCount(
            only.name_ko, only.party_ko, None, births.get(only.name_ko), elected=True
        )
        return DistrictCount(district, (winner,), winner, "unopposed")
    missing = [c.name_ko for c in candidates if c.votes is None]
    if missing:
        raise DataError(f"{where}: no vote count for {', '.join(missing)}")
    ranked = sorted(candidates, key=lambda c: (-(c.votes or 0), c.ballot_order))
    top = ranked[0].votes
    tied = [c for c in ranked if c.votes == top]
    how = "plurality"
    chosen = tied[0]
    if len(tied) > 1:
        names = tuple(c.name_ko for c in tied)
        unknown = [c.name_ko for c in tied if c.name_ko not in births]
        if unknown:
            raise DataError(
                f"{where}: {', '.join(names)} tie at {top} votes and the eldest wins "
                f"(art. 188(1)), but the birth date of {', '.join(unknown)} is not in the data"
            )
        dates = sorted(births[c.name_ko] for c in tied)
        if dates[0] == dates[1]:
            raise DataError(
                f"{where}: {', '.join(names)} tie at {top} votes and share the earliest birth "
                "date; the law gives no further rule"
            )
        chosen = min(tied, key=lambda c: births[c.name_ko])
        how = "eldest"
    lines = tuple(
        CandidateCount(c.name_ko, c.party_ko, c.votes, births.get(c.name_ko), c is chosen)
        for c in ranked
    )
    winner = next(line for line in lines if line.elected)
    return DistrictCount(
        district, lines, winner, how, tuple(c.name_ko for c in tied) if len(tied) > 1 else ()
    )
