"""What an allocation is given: one entry per party, independent group or bucket."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from korelect.base.numbers import Number, as_count, as_votes
from korelect.errors import InputError


class Kind(StrEnum):
    """What an entry is.

    Only a ``PARTY`` can win list seats. ``INDEPENDENT`` holds district winners
    without a party; ``OTHER`` is a bucket of small parties that counts in the
    vote total (and so in every threshold's denominator) but is not a party.
    ``APPOINTED`` is a bloc that no vote elects, with no votes and no district
    seats: an :class:`~korelect.law.rules.Appointed` tier gives it its seats
    (유신정우회, 1973 and 1978), and tables, charts and indices can leave it out by
    its kind.
    """

    PARTY = "party"
    INDEPENDENT = "independent"
    OTHER = "other"
    APPOINTED = "appointed"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of an allocation's input.

    ``votes`` are the votes the law uses for the list tier (constituency votes
    before 2004, list votes from 2004). They may be a :class:`~fractions.Fraction`
    so that published percentages can stand in for votes.

    >>> Entry("Uri", 8_145_824, district_seats=129)
    Entry(name='Uri', votes=8145824, district_seats=129, kind=<Kind.PARTY: 'party'>)
    >>> Entry("Uri", -1)
    Traceback (most recent call last):
    ...
    korelect.errors.InputError: 'votes' of 'Uri' must be >= 0 (got -1)
    """

    name: str
    votes: Number = 0
    district_seats: int = 0
    kind: Kind = Kind.PARTY

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError(f"an entry's name must be a non-empty string (got {self.name!r})")
        as_votes(self.votes, what=f"votes' of '{self.name}")
        as_count(self.district_seats, what=f"district_seats' of '{self.name}")
        try:
            object.__setattr__(self, "kind", Kind(self.kind))
        except ValueError:
            choices = ", ".join(k.value for k in Kind)
            raise InputError(
                f"'kind' of {self.name!r} must be one of {choices} (got {self.kind!r})"
            ) from None
        if self.kind is Kind.OTHER and self.district_seats:
            raise InputError(
                f"{self.name!r} is an 'other' bucket, which counts in the vote total only; "
                f"its district seats must be 0 (got {self.district_seats})"
            )
        if self.kind is Kind.APPOINTED and (self.votes or self.district_seats):
            raise InputError(
                f"{self.name!r} is an appointed bloc, which no vote elects; its votes and "
                f"district seats must be 0 (got {self.votes} votes, {self.district_seats} "
                "district seats)"
            )

    @property
    def is_party(self) -> bool:
        """Whether this entry can receive list seats."""
        return self.kind is Kind.PARTY


EntriesLike = Mapping[str, Number] | Iterable[Entry]


def as_entries(entries: EntriesLike) -> tuple[Entry, ...]:
    """Normalise a mapping of name to votes, or an iterable of entries.

    Names must be unique and there must be at least one entry.

    >>> as_entries({"A": 10, "B": 5})
    (Entry(name='A', votes=10, district_seats=0, kind=<Kind.PARTY: 'party'>),
     Entry(name='B', votes=5, district_seats=0, kind=<Kind.PARTY: 'party'>))
    """
    if isinstance(entries, Mapping):
        result = tuple(Entry(str(name), votes) for name, votes in entries.items())
    else:
        result = tuple(entries)
        for item in result:
            if not isinstance(item, Entry):
                raise InputError(f"entries must be Entry objects (got {item!r})")
    if not result:
        raise InputError("there must be at least one entry")
    seen: set[str] = set()
    for entry in result:
        if entry.name in seen:
            raise InputError(f"entry names must be unique: {entry.name!r} appears twice")
        seen.add(entry.name)
    return result


def total_votes(entries: Iterable[Entry]) -> Fraction:
    """The sum of every entry's votes: the valid vote."""
    votes = [e.votes for e in entries]
    if all(type(v) is int for v in votes):
        return Fraction(sum(votes))  # whole counts: one Fraction, not one a term
    return sum((Fraction(v) for v in votes), Fraction(0))
